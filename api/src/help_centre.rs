//! The wire contract of the help centre (`<sf-help-centre>`, the portal's Help page and the
//! desk's article editor), shared by the browser and the server.
//!
//! Articles are written in Markdown and rendered once, on the server, when they are saved:
//! readers receive safe HTML ([`HelpArticle::html`]) and its table of contents, never the
//! Markdown. Each article exists per language under one slug; a language without its
//! translation is answered in English, which [`ArticleSummary::locale`] then says.

use crate::validation::{
    optional_text, required_text, Field, FieldProblem, FieldRefusal, Refusals, Validate,
};
use serde::{Deserialize, Serialize};

/// Longest search a shopper may type, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest "was this helpful?" comment.
pub const MAX_FEEDBACK_COMMENT_CHARS: usize = 1000;
/// Longest article title.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest article summary (the FAQ's answer, the search result's text).
pub const MAX_SUMMARY_CHARS: usize = 240;
/// Largest article, in bytes of Markdown (inside the API's 64 KiB body limit).
pub const MAX_MARKDOWN_BYTES: usize = 48 * 1024;
/// Most suggestions the search box lists.
pub const MAX_SUGGESTIONS: usize = 6;
/// Most results on the results page.
pub const MAX_RESULTS: usize = 20;

/// A language the help centre is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpLocale {
    /// English: the language every article has, and the fallback.
    En,
    /// Spanish.
    Es,
    /// Arabic (right to left).
    Ar,
}

impl HelpLocale {
    /// Every language, English first.
    pub const ALL: [HelpLocale; 3] = [HelpLocale::En, HelpLocale::Es, HelpLocale::Ar];

    /// The BCP 47 tag on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            HelpLocale::En => "en",
            HelpLocale::Es => "es",
            HelpLocale::Ar => "ar",
        }
    }

    /// The language tagged `tag`.
    pub fn parse(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|locale| locale.as_str() == tag)
    }
}

/// What an article is about; the help centre's home lists them in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpCategory {
    /// Tracking, delivery times and costs.
    Shipping,
    /// Returns, refunds and exchanges.
    Returns,
    /// Payment methods, gift cards, invoices.
    Payments,
    /// Signing in, personal data.
    Account,
    /// Using the store with assistive technology, and contacting it.
    Accessibility,
}

impl HelpCategory {
    /// Every category, in the order the home lists them.
    pub const ALL: [HelpCategory; 5] = [
        HelpCategory::Shipping,
        HelpCategory::Returns,
        HelpCategory::Payments,
        HelpCategory::Account,
        HelpCategory::Accessibility,
    ];

    /// The name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            HelpCategory::Shipping => "shipping",
            HelpCategory::Returns => "returns",
            HelpCategory::Payments => "payments",
            HelpCategory::Account => "account",
            HelpCategory::Accessibility => "accessibility",
        }
    }

    /// The category named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|category| category.as_str() == name)
    }
}

/// An article as lists and search results show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleSummary {
    /// Its address, the same in every language.
    pub slug: String,
    /// Its category.
    pub category: HelpCategory,
    /// The language it is written in: English when the one asked for has no translation.
    pub locale: HelpLocale,
    /// Its title.
    pub title: String,
    /// One or two sentences of what it says.
    pub summary: String,
}

/// How many articles a category holds (`GET /help/home`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryCount {
    /// The category.
    pub category: HelpCategory,
    /// Its published articles in the language asked for (with English fallbacks).
    pub articles: u32,
}

/// The help centre's first page: categories and frequently asked questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpHome {
    /// Each category that has articles, in [`HelpCategory::ALL`]'s order.
    pub categories: Vec<CategoryCount>,
    /// The questions asked most: each article's title is the question, its summary the
    /// answer.
    pub faq: Vec<ArticleSummary>,
}

/// A category's articles (`GET /help/categories/{category}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryArticles {
    /// The category.
    pub category: HelpCategory,
    /// Its published articles, by title.
    pub articles: Vec<ArticleSummary>,
}

/// A heading of an article, for its table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TocEntry {
    /// The heading element's `id`, unique in the article.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its HTML level: 3 for a section, 4 for a subsection (the page has the `h1`, the
    /// article's title is the `h2`).
    pub level: u8,
}

/// A whole article (`GET /help/articles/{slug}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpArticle {
    /// Its address, category, language, title and summary.
    #[serde(flatten)]
    pub about: ArticleSummary,
    /// Its body as HTML made from Markdown on the server: headings from level 3 with ids,
    /// paragraphs, lists, emphasis, code, safe links and images with text alternatives.
    /// Never raw HTML, scripts, event handlers or frames. Links to other articles have
    /// the form `#help:slug`; images the server holds are at `/api/v1/help/images/…`.
    pub html: String,
    /// Its headings, in order; shown as a table of contents when there are three or more.
    pub toc: Vec<TocEntry>,
    /// Other articles of its category.
    pub related: Vec<ArticleSummary>,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
}

/// Articles matching a search (`GET /help/search`, `GET /help/suggestions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SearchResults {
    /// The words searched for instead of a misspelt query (`shiping` → `shipping`), when
    /// the query as typed found nothing.
    pub corrected: Option<String>,
    /// The best matches first: title matches above summary matches above body matches.
    pub results: Vec<ArticleSummary>,
}

/// `POST /help/articles/{slug}/feedback`: was the article helpful?
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackRequest {
    /// The language the shopper read it in.
    pub locale: String,
    /// Yes or no.
    pub helpful: bool,
    /// What was missing or good (optional).
    #[serde(default)]
    pub comment: String,
}

impl FeedbackRequest {
    /// `locale`.
    pub const LOCALE: Field = LOCALE;
    /// `comment`.
    pub const COMMENT: Field = Field {
        name: "comment",
        label: "comment",
    };
}

const LOCALE: Field = Field {
    name: "locale",
    label: "language",
};

/// Feedback with every field parsed.
#[derive(Clone, Debug)]
pub struct ValidFeedback {
    /// The language read.
    pub locale: HelpLocale,
    /// Yes or no.
    pub helpful: bool,
    /// The comment, trimmed (may be empty).
    pub comment: String,
}

impl Validate for FeedbackRequest {
    type Valid = ValidFeedback;

    fn validate(&self) -> Result<ValidFeedback, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let locale = refusals.check(Self::LOCALE, parse_locale(&self.locale));
        let comment = refusals.check(
            Self::COMMENT,
            optional_text(&self.comment, MAX_FEEDBACK_COMMENT_CHARS),
        );
        let valid = match (locale, comment) {
            (Some(locale), Some(comment)) => Some(ValidFeedback {
                locale,
                helpful: self.helpful,
                comment: comment.to_owned(),
            }),
            _ => None,
        };
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        // Nothing here is costly to normalise, so the browser runs the whole rule.
        self.validate().err().unwrap_or_default()
    }
}

fn parse_locale(tag: &str) -> Result<HelpLocale, FieldProblem> {
    HelpLocale::parse(tag).ok_or(FieldProblem::Malformed)
}

/// `PUT /desk/help/articles/{slug}/{locale}`: create or change one language of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleEdit {
    /// Its category.
    pub category: HelpCategory,
    /// Its title (a question, for a FAQ entry).
    pub title: String,
    /// One or two sentences (the answer, for a FAQ entry).
    pub summary: String,
    /// Its body in Markdown (CommonMark, no HTML; every image needs a text alternative).
    pub markdown: String,
    /// Whether shoppers see it.
    pub published: bool,
    /// Whether the home's FAQ lists it.
    pub faq: bool,
}

impl ArticleEdit {
    /// `title`.
    pub const TITLE: Field = Field {
        name: "title",
        label: "title",
    };
    /// `summary`.
    pub const SUMMARY: Field = Field {
        name: "summary",
        label: "summary",
    };
    /// `markdown`.
    pub const MARKDOWN: Field = Field {
        name: "markdown",
        label: "article text",
    };
}

/// An edit with its texts checked (the Markdown's own rules are the server's: see
/// `server/src/help/markdown.rs`).
#[derive(Clone, Debug)]
pub struct ValidArticleEdit {
    /// Its category.
    pub category: HelpCategory,
    /// Its title, trimmed.
    pub title: String,
    /// Its summary, trimmed.
    pub summary: String,
    /// Its Markdown.
    pub markdown: String,
    /// Whether shoppers see it.
    pub published: bool,
    /// Whether the FAQ lists it.
    pub faq: bool,
}

impl Validate for ArticleEdit {
    type Valid = ValidArticleEdit;

    fn validate(&self) -> Result<ValidArticleEdit, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let title = refusals.check(Self::TITLE, required_text(&self.title, MAX_TITLE_CHARS));
        let summary = refusals.check(
            Self::SUMMARY,
            required_text(&self.summary, MAX_SUMMARY_CHARS),
        );
        let markdown = refusals.check(Self::MARKDOWN, markdown_text(&self.markdown));
        let valid = match (title, summary, markdown) {
            (Some(title), Some(summary), Some(markdown)) => Some(ValidArticleEdit {
                category: self.category,
                title: title.to_owned(),
                summary: summary.to_owned(),
                markdown: markdown.to_owned(),
                published: self.published,
                faq: self.faq,
            }),
            _ => None,
        };
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// An article's Markdown: not blank, at most [`MAX_MARKDOWN_BYTES`].
fn markdown_text(raw: &str) -> Result<&str, FieldProblem> {
    if raw.trim().is_empty() {
        return Err(FieldProblem::Missing);
    }
    if raw.len() > MAX_MARKDOWN_BYTES {
        // In characters of the worst case, so the sentence holds for any script.
        return Err(FieldProblem::TooLong(MAX_MARKDOWN_BYTES / 4));
    }
    Ok(raw)
}

/// `POST /desk/help/preview`: how Markdown will look, before saving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    /// The Markdown.
    pub markdown: String,
}

/// Markdown rendered as readers will see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RenderedArticle {
    /// The HTML, as [`HelpArticle::html`].
    pub html: String,
    /// Its headings.
    pub toc: Vec<TocEntry>,
}

/// One language of an article as the desk lists it, with what readers said of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeskArticleEntry {
    /// Its address, category, language, title and summary.
    #[serde(flatten)]
    pub about: ArticleSummary,
    /// Whether shoppers see it.
    pub published: bool,
    /// Whether the FAQ lists it.
    pub faq: bool,
    /// "Was this helpful?" answered yes.
    pub helpful: u32,
    /// … and no.
    pub not_helpful: u32,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
}

/// One language of an article as the desk edits it (`GET /desk/help/articles/{slug}/{locale}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeskArticle {
    /// Its fields as the editor sends them back.
    #[serde(flatten)]
    pub edit: ArticleEdit,
    /// What readers said, newest first (the last 50 comments).
    pub comments: Vec<FeedbackComment>,
}

/// A reader's comment on an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackComment {
    /// Whether they found it helpful.
    pub helpful: bool,
    /// What they wrote.
    pub comment: String,
    /// When (RFC 3339).
    pub at: String,
}

/// A search that found nothing, so the team knows what to write (`GET /desk/help/missed-searches`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MissedSearch {
    /// The language searched in.
    pub locale: HelpLocale,
    /// The words, lowercased.
    pub query: String,
    /// How many times.
    pub count: u32,
    /// The last time (RFC 3339).
    pub last_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit() -> ArticleEdit {
        ArticleEdit {
            category: HelpCategory::Returns,
            title: " Returning an item ".into(),
            summary: "Within 30 days.".into(),
            markdown: "Start from the Returns page.".into(),
            published: true,
            faq: false,
        }
    }

    #[test]
    fn an_edit_is_trimmed_and_needs_its_texts() {
        assert_eq!(edit().validate().unwrap().title, "Returning an item");
        let blank = ArticleEdit {
            title: "  ".into(),
            markdown: String::new(),
            ..edit()
        };
        let refused: Vec<&str> = blank
            .validate()
            .unwrap_err()
            .iter()
            .map(|refusal| refusal.field.name)
            .collect();
        assert_eq!(refused, ["title", "markdown"]);
    }

    #[test]
    fn markdown_is_capped_in_bytes() {
        let long = ArticleEdit {
            markdown: "é".repeat(MAX_MARKDOWN_BYTES / 2 + 1),
            ..edit()
        };
        assert!(long.validate().is_err());
    }

    #[test]
    fn feedback_needs_a_known_language_and_a_short_comment() {
        let feedback = FeedbackRequest {
            locale: "es".into(),
            helpful: true,
            comment: " Muy claro ".into(),
        };
        let valid = feedback.validate().unwrap();
        assert_eq!(
            (valid.locale, valid.comment.as_str()),
            (HelpLocale::Es, "Muy claro")
        );
        let wrong = FeedbackRequest {
            locale: "fr".into(),
            comment: "x".repeat(MAX_FEEDBACK_COMMENT_CHARS + 1),
            ..feedback
        };
        assert_eq!(wrong.validate().unwrap_err().len(), 2);
    }
}
