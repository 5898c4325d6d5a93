//! The client's slice for the desk's side of the help centre: every article in every
//! language, one language to edit, saving, previewing, and the searches that found nothing.
//! Agents' calls carry the desk token.

use super::read::{Fields, FromJson};
use super::write::{text, ToJson};
use super::{read_list, send, to_json, ApiClient, ClientError};
use sf_api::help_centre::{
    ArticleEdit, ArticleSummary, DeskArticle, DeskArticleEntry, FeedbackComment, HelpCategory,
    HelpLocale, MissedSearch, PreviewRequest, RenderedArticle, TocEntry,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /desk/help/articles`: every article in every language, published or not.
    pub fn desk_help_articles(
        self,
        token: String,
    ) -> impl Future<Output = Result<Vec<DeskArticleEntry>, ClientError>> {
        read_list(self.target("/desk/help/articles"), Some(token))
    }

    /// `GET /desk/help/articles/{slug}/{locale}`: `None` when that language is not written
    /// yet, which an editor expects rather than fails on.
    pub fn desk_help_article(
        self,
        token: String,
        slug: &str,
        locale: HelpLocale,
    ) -> impl Future<Output = Result<Option<DeskArticle>, ClientError>> {
        let target = self.target(&article_path(slug, locale));
        async move {
            match send("GET", target, Some(&token), None).await?.into_result() {
                Err(ClientError::Api { status: 404, .. }) => Ok(None),
                answer => answer.map(Some),
            }
        }
    }

    /// `PUT /desk/help/articles/{slug}/{locale}`: creates or changes that language.
    pub fn save_help_article(
        self,
        token: String,
        slug: &str,
        locale: HelpLocale,
        edit: &ArticleEdit,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target(&article_path(slug, locale));
        let body = to_json(edit);
        async move {
            let answer = send("PUT", target, Some(&token), body?).await?;
            match answer.ok() {
                true => Ok(()),
                false => Err(answer.error()),
            }
        }
    }

    /// `POST /desk/help/preview`: the HTML readers would get for `markdown`.
    pub fn preview_help_article(
        self,
        token: String,
        markdown: String,
    ) -> impl Future<Output = Result<RenderedArticle, ClientError>> {
        let target = self.target("/desk/help/preview");
        let body = to_json(&PreviewRequest { markdown });
        async move {
            send("POST", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }

    /// `GET /desk/help/missed-searches`: the searches that found nothing, most frequent first.
    pub fn missed_searches(
        self,
        token: String,
    ) -> impl Future<Output = Result<Vec<MissedSearch>, ClientError>> {
        read_list(self.target("/desk/help/missed-searches"), Some(token))
    }
}

/// One language of an article; the slug is the agent's typing, so it is encoded.
fn article_path(slug: &str, locale: HelpLocale) -> String {
    let slug: String = js_sys::encode_uri_component(slug).into();
    format!("/desk/help/articles/{slug}/{}", locale.as_str())
}

impl ToJson for ArticleEdit {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("category", text(self.category.as_str())),
            ("title", text(&self.title)),
            ("summary", text(&self.summary)),
            ("markdown", text(&self.markdown)),
            ("published", JsValue::from_bool(self.published)),
            ("faq", JsValue::from_bool(self.faq)),
        ]
    }
}

impl ToJson for PreviewRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("markdown", text(&self.markdown))]
    }
}

impl FromJson for DeskArticleEntry {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(DeskArticleEntry {
            about: ArticleSummary::from_json(value)?,
            published: fields.flag("published")?,
            faq: fields.flag("faq")?,
            helpful: fields.count("helpful")?,
            not_helpful: fields.count("not_helpful")?,
            updated_at: fields.text("updated_at")?,
        })
    }
}

impl FromJson for ArticleEdit {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ArticleEdit {
            category: HelpCategory::parse(&fields.text("category")?)?,
            title: fields.text("title")?,
            summary: fields.text("summary")?,
            markdown: fields.text("markdown")?,
            published: fields.flag("published")?,
            faq: fields.flag("faq")?,
        })
    }
}

impl FromJson for DeskArticle {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(DeskArticle {
            edit: ArticleEdit::from_json(value)?,
            comments: fields.list("comments", |value| {
                let fields = Fields::of(value)?;
                Some(FeedbackComment {
                    helpful: fields.flag("helpful")?,
                    comment: fields.text("comment")?,
                    at: fields.text("at")?,
                })
            })?,
        })
    }
}

impl FromJson for RenderedArticle {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(RenderedArticle {
            html: fields.text("html")?,
            toc: fields.list("toc", TocEntry::from_json)?,
        })
    }
}

impl FromJson for MissedSearch {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(MissedSearch {
            locale: HelpLocale::parse(&fields.text("locale")?)?,
            query: fields.text("query")?,
            count: fields.count("count")?,
            last_at: fields.text("last_at")?,
        })
    }
}
