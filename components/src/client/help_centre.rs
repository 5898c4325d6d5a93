//! The client's slice for `<sf-help-centre>`: one method per public route of the help
//! centre, and a reader for each answer (see `client/read.rs`).

use super::read::{Fields, FromJson};
use super::write::{text, ToJson};
use super::{send, to_json, ApiClient, ClientError};
use sf_api::help_centre::{
    ArticleSummary, CategoryArticles, CategoryCount, FeedbackRequest, HelpArticle, HelpCategory,
    HelpHome, HelpLocale, SearchResults, TocEntry,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /help/home`: the categories and the FAQ in `locale`.
    pub fn help_home(
        self,
        locale: HelpLocale,
    ) -> impl Future<Output = Result<HelpHome, ClientError>> {
        self.help_get(format!("/help/home?locale={}", locale.as_str()))
    }

    /// `GET /help/categories/{category}`.
    pub fn help_category(
        self,
        category: HelpCategory,
        locale: HelpLocale,
    ) -> impl Future<Output = Result<CategoryArticles, ClientError>> {
        self.help_get(format!(
            "/help/categories/{}?locale={}",
            category.as_str(),
            locale.as_str()
        ))
    }

    /// `GET /help/articles/{slug}` (in English when `locale` has no translation).
    pub fn help_article(
        self,
        slug: &str,
        locale: HelpLocale,
    ) -> impl Future<Output = Result<HelpArticle, ClientError>> {
        let slug: String = js_sys::encode_uri_component(slug).into();
        self.help_get(format!("/help/articles/{slug}?locale={}", locale.as_str()))
    }

    /// `GET /help/suggestions` while typing, or `GET /help/search` for the results page
    /// (which counts a search that found nothing).
    pub fn help_search(
        self,
        query: &str,
        locale: HelpLocale,
        full: bool,
    ) -> impl Future<Output = Result<SearchResults, ClientError>> {
        let query: String = js_sys::encode_uri_component(query).into();
        let route = if full { "search" } else { "suggestions" };
        self.help_get(format!(
            "/help/{route}?q={query}&locale={}",
            locale.as_str()
        ))
    }

    /// `POST /help/articles/{slug}/feedback`.
    pub fn help_feedback(
        self,
        slug: &str,
        feedback: &FeedbackRequest,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let slug: String = js_sys::encode_uri_component(slug).into();
        let target = self.target(&format!("/help/articles/{slug}/feedback"));
        let body = to_json(feedback);
        async move {
            let answer = send("POST", target, None, body?).await?;
            match answer.ok() {
                true => Ok(()),
                false => Err(answer.error()),
            }
        }
    }

    fn help_get<T: FromJson>(self, path: String) -> impl Future<Output = Result<T, ClientError>> {
        let target = self.target(&path);
        async move { send("GET", target, None, None).await?.into_result() }
    }
}

impl ToJson for FeedbackRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("locale", text(&self.locale)),
            ("helpful", JsValue::from_bool(self.helpful)),
            ("comment", text(&self.comment)),
        ]
    }
}

impl FromJson for ArticleSummary {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ArticleSummary {
            slug: fields.text("slug")?,
            category: HelpCategory::parse(&fields.text("category")?)?,
            locale: HelpLocale::parse(&fields.text("locale")?)?,
            title: fields.text("title")?,
            summary: fields.text("summary")?,
        })
    }
}

impl FromJson for HelpHome {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(HelpHome {
            categories: fields.list("categories", |value| {
                let fields = Fields::of(value)?;
                Some(CategoryCount {
                    category: HelpCategory::parse(&fields.text("category")?)?,
                    articles: u32::try_from(fields.integer("articles")?).ok()?,
                })
            })?,
            faq: fields.list("faq", ArticleSummary::from_json)?,
        })
    }
}

impl FromJson for CategoryArticles {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(CategoryArticles {
            category: HelpCategory::parse(&fields.text("category")?)?,
            articles: fields.list("articles", ArticleSummary::from_json)?,
        })
    }
}

impl FromJson for HelpArticle {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(HelpArticle {
            about: ArticleSummary::from_json(value)?,
            html: fields.text("html")?,
            toc: fields.list("toc", TocEntry::from_json)?,
            related: fields.list("related", ArticleSummary::from_json)?,
            updated_at: fields.text("updated_at")?,
        })
    }
}

/// Shared with the desk's preview (`client/help_desk.rs`).
impl FromJson for TocEntry {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(TocEntry {
            id: fields.text("id")?,
            text: fields.text("text")?,
            level: u8::try_from(fields.integer("level")?).ok()?,
        })
    }
}

impl FromJson for SearchResults {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(SearchResults {
            corrected: fields.maybe_text("corrected")?,
            results: fields.list("results", ArticleSummary::from_json)?,
        })
    }
}
