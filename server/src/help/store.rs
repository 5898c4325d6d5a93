//! The help centre's queries: articles by language with the English fallback, saving an
//! article (rendered, indexed, its words remembered), feedback and missed searches.

use super::{markdown, words};
use crate::db::{self, Backend, Database};
use crate::error::ApiError;
use sf_api::help_centre::{
    ArticleEdit, ArticleSummary, CategoryCount, DeskArticle, DeskArticleEntry, FeedbackComment,
    HelpArticle, HelpCategory, HelpHome, HelpLocale, MissedSearch, TocEntry, ValidArticleEdit,
    ValidFeedback,
};

/// The articles a reader of language `$1` sees (`a` is `help_articles`): the published ones
/// in that language, and the published English ones it has no published translation of.
pub const VISIBLE_IN_LOCALE: &str = "a.published = 1 AND (a.locale = $1 OR (a.locale = 'en' \
     AND NOT EXISTS (SELECT 1 FROM help_articles t \
     WHERE t.slug = a.slug AND t.locale = $1 AND t.published = 1)))";

/// How many related articles an article lists.
const RELATED: i64 = 4;
/// How many distinct missed searches are kept: past this, only known ones are counted, so
/// nobody can fill the table by searching nonsense.
const MAX_MISSED_SEARCHES: i64 = 10_000;

/// An article's summary columns as stored.
#[derive(sqlx::FromRow)]
pub struct SummaryRow {
    slug: String,
    category: String,
    locale: String,
    title: String,
    summary: String,
}

impl SummaryRow {
    /// The summary, or `None` for a row whose category or language this server does not
    /// know (written by a newer version): it is left out rather than failing the page.
    pub fn into_summary(self) -> Option<ArticleSummary> {
        Some(ArticleSummary {
            category: HelpCategory::parse(&self.category)?,
            locale: HelpLocale::parse(&self.locale)?,
            slug: self.slug,
            title: self.title,
            summary: self.summary,
        })
    }
}

fn summaries(rows: Vec<SummaryRow>) -> Vec<ArticleSummary> {
    rows.into_iter()
        .filter_map(SummaryRow::into_summary)
        .collect()
}

/// The categories with articles in `locale`, and the FAQ.
pub async fn home(db: &Database, locale: HelpLocale) -> Result<HelpHome, ApiError> {
    let counts: Vec<(String, i64)> = sqlx::query_as(&format!(
        "SELECT a.category, COUNT(*) FROM help_articles a WHERE {VISIBLE_IN_LOCALE} \
         GROUP BY a.category"
    ))
    .bind(locale.as_str())
    .fetch_all(&db.pool)
    .await?;
    let categories = HelpCategory::ALL
        .into_iter()
        .filter_map(|category| {
            let (_, count) = counts.iter().find(|(name, _)| name == category.as_str())?;
            Some(CategoryCount {
                category,
                articles: u32::try_from(*count).unwrap_or(u32::MAX),
            })
        })
        .collect();
    let faq: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT a.slug, a.category, a.locale, a.title, a.summary FROM help_articles a \
         WHERE a.faq = 1 AND {VISIBLE_IN_LOCALE} ORDER BY a.id"
    ))
    .bind(locale.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(HelpHome {
        categories,
        faq: summaries(faq),
    })
}

/// A category's articles in `locale`, by title.
pub async fn category_articles(
    db: &Database,
    locale: HelpLocale,
    category: HelpCategory,
) -> Result<Vec<ArticleSummary>, ApiError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT a.slug, a.category, a.locale, a.title, a.summary FROM help_articles a \
         WHERE a.category = $2 AND {VISIBLE_IN_LOCALE} ORDER BY a.title"
    ))
    .bind(locale.as_str())
    .bind(category.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(summaries(rows))
}

#[derive(sqlx::FromRow)]
struct ArticleRow {
    #[sqlx(flatten)]
    about: SummaryRow,
    html: String,
    toc: String,
    updated_at: String,
}

/// The article `slug` in `locale`, or in English when it has no translation.
pub async fn article(
    db: &Database,
    slug: &str,
    locale: HelpLocale,
) -> Result<Option<HelpArticle>, ApiError> {
    let row: Option<ArticleRow> = sqlx::query_as(&format!(
        "SELECT a.slug, a.category, a.locale, a.title, a.summary, a.html, a.toc, a.updated_at \
         FROM help_articles a WHERE a.slug = $2 AND {VISIBLE_IN_LOCALE}"
    ))
    .bind(locale.as_str())
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let Some(about) = row.about.into_summary() else {
        return Ok(None);
    };
    let related: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT a.slug, a.category, a.locale, a.title, a.summary FROM help_articles a \
         WHERE a.category = $2 AND a.slug <> $3 AND {VISIBLE_IN_LOCALE} ORDER BY a.title LIMIT $4"
    ))
    .bind(locale.as_str())
    .bind(about.category.as_str())
    .bind(slug)
    .bind(RELATED)
    .fetch_all(&db.pool)
    .await?;
    let toc: Vec<TocEntry> = serde_json::from_str(&row.toc).unwrap_or_default();
    Ok(Some(HelpArticle {
        about,
        html: row.html,
        toc,
        related: summaries(related),
        updated_at: row.updated_at,
    }))
}

/// Creates or changes one language of an article: its HTML and table of contents are
/// rendered now, its words indexed and remembered for typo correction.
pub async fn save_article(
    db: &Database,
    slug: &str,
    locale: HelpLocale,
    edit: &ValidArticleEdit,
) -> Result<(), ApiError> {
    let _writer = db.one_writer().await;
    let mut tx = db.pool.begin().await?;
    save_in(&mut tx, db.backend, slug, locale, edit).await?;
    tx.commit().await?;
    Ok(())
}

/// [`save_article`] inside a transaction the caller holds (the demo seeds many at once).
pub async fn save_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    slug: &str,
    locale: HelpLocale,
    edit: &ValidArticleEdit,
) -> Result<(), ApiError> {
    write_article(tx, backend, slug, locale, edit).await?;
    remember_words(tx, locale, &[&edit.title, &edit.summary, &edit.markdown]).await
}

/// The article's row (rendered and, on SQLite, stemmed), without its words for typo
/// correction: the bench's generated articles share one vocabulary, remembered once.
pub async fn write_article(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    slug: &str,
    locale: HelpLocale,
    edit: &ValidArticleEdit,
) -> Result<(), ApiError> {
    let rendered = markdown::render(&edit.markdown);
    let toc = serde_json::to_string(&rendered.toc)
        .map_err(|error| ApiError::Internal(error.to_string()))?;
    // PostgreSQL indexes its own `search` column; SQLite's index reads the stems written here.
    let (term_columns, term_values, term_updates) = match backend {
        Backend::Sqlite => (
            ", title_terms, summary_terms, body_terms",
            ", $12, $13, $14",
            ", title_terms = $12, summary_terms = $13, body_terms = $14",
        ),
        Backend::Postgres => ("", "", ""),
    };
    let sql = format!(
        "INSERT INTO help_articles (slug, locale, category, title, summary, body, published, faq, \
         html, toc, updated_at{term_columns}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11{term_values}) \
         ON CONFLICT (slug, locale) DO UPDATE SET category = $3, title = $4, summary = $5, \
         body = $6, published = $7, faq = $8, html = $9, toc = $10, updated_at = $11{term_updates}"
    );
    let mut query = sqlx::query(&sql)
        .bind(slug)
        .bind(locale.as_str())
        .bind(edit.category.as_str())
        .bind(&edit.title)
        .bind(&edit.summary)
        .bind(&edit.markdown)
        .bind(i64::from(edit.published))
        .bind(i64::from(edit.faq))
        .bind(&rendered.html)
        .bind(&toc)
        .bind(db::now());
    if backend == Backend::Sqlite {
        query = query
            .bind(words::terms(locale, &edit.title))
            .bind(words::terms(locale, &edit.summary))
            .bind(words::terms(locale, &edit.markdown));
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Adds the words of `texts` to the vocabulary typos are corrected to.
pub async fn remember_words(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    locale: HelpLocale,
    texts: &[&str],
) -> Result<(), ApiError> {
    let mut known: Vec<String> = texts
        .iter()
        .flat_map(|text| words::words(text))
        .filter(|word| {
            word.chars().count() >= words::MIN_CORRECTED_CHARS
                && !word.chars().any(|c| c.is_ascii_digit())
        })
        .collect();
    known.sort_unstable();
    known.dedup();
    for word in known {
        sqlx::query(
            "INSERT INTO help_words (locale, word, chars) VALUES ($1, $2, $3) \
             ON CONFLICT (locale, word) DO NOTHING",
        )
        .bind(locale.as_str())
        .bind(&word)
        .bind(i64::try_from(word.chars().count()).unwrap_or(i64::MAX))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Stores a reader's answer to "Was this helpful?"; `false` when there is no such article.
pub async fn add_feedback(
    db: &Database,
    slug: &str,
    feedback: &ValidFeedback,
) -> Result<bool, ApiError> {
    let _writer = db.one_writer().await;
    let inserted = sqlx::query(
        "INSERT INTO help_feedback (slug, locale, helpful, comment, created_at) \
         SELECT slug, locale, $3, $4, $5 FROM help_articles \
         WHERE slug = $1 AND locale = $2 AND published = 1",
    )
    .bind(slug)
    .bind(feedback.locale.as_str())
    .bind(i64::from(feedback.helpful))
    .bind(&feedback.comment)
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    Ok(inserted.rows_affected() > 0)
}

/// Counts a search in `locale` that found nothing, under its words lowercased.
pub async fn record_missed_search(
    db: &Database,
    locale: HelpLocale,
    text: &str,
) -> Result<(), ApiError> {
    let query = words::words(text).collect::<Vec<_>>().join(" ");
    if query.is_empty() {
        return Ok(());
    }
    let _writer = db.one_writer().await;
    let counted = sqlx::query(
        "UPDATE help_missed_searches SET count = count + 1, last_at = $3 \
         WHERE locale = $1 AND query = $2",
    )
    .bind(locale.as_str())
    .bind(&query)
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    if counted.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO help_missed_searches (locale, query, count, last_at) \
             SELECT $1, $2, 1, $3 WHERE (SELECT COUNT(*) FROM help_missed_searches) < $4 \
             ON CONFLICT (locale, query) DO UPDATE SET count = help_missed_searches.count + 1",
        )
        .bind(locale.as_str())
        .bind(&query)
        .bind(db::now())
        .bind(MAX_MISSED_SEARCHES)
        .execute(&db.pool)
        .await?;
    }
    Ok(())
}

/// The searches that found nothing, the most frequent first.
pub async fn missed_searches(db: &Database) -> Result<Vec<MissedSearch>, ApiError> {
    let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
        "SELECT locale, query, count, last_at FROM help_missed_searches \
         ORDER BY count DESC, last_at DESC LIMIT 200",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(locale, query, count, last_at)| {
            Some(MissedSearch {
                locale: HelpLocale::parse(&locale)?,
                query,
                count: u32::try_from(count).unwrap_or(u32::MAX),
                last_at,
            })
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct DeskEntryRow {
    #[sqlx(flatten)]
    about: SummaryRow,
    published: i64,
    faq: i64,
    helpful: i64,
    not_helpful: i64,
    updated_at: String,
}

/// Every article in every language, published or not, with its votes. A reader votes, then
/// may send a comment as a second answer: only answers without a comment are votes.
pub async fn desk_articles(db: &Database) -> Result<Vec<DeskArticleEntry>, ApiError> {
    let rows: Vec<DeskEntryRow> = sqlx::query_as(
        "SELECT a.slug, a.category, a.locale, a.title, a.summary, a.published, a.faq, a.updated_at, \
         CAST(COALESCE(SUM(f.helpful), 0) AS BIGINT) AS helpful, \
         CAST(COALESCE(SUM(1 - f.helpful), 0) AS BIGINT) AS not_helpful \
         FROM help_articles a \
         LEFT JOIN help_feedback f ON f.slug = a.slug AND f.locale = a.locale AND f.comment = '' \
         GROUP BY a.id, a.slug, a.category, a.locale, a.title, a.summary, a.published, a.faq, a.updated_at \
         ORDER BY a.category, a.slug, a.locale",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(DeskArticleEntry {
                about: row.about.into_summary()?,
                published: row.published != 0,
                faq: row.faq != 0,
                helpful: u32::try_from(row.helpful).unwrap_or(0),
                not_helpful: u32::try_from(row.not_helpful).unwrap_or(0),
                updated_at: row.updated_at,
            })
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct DeskArticleRow {
    category: String,
    title: String,
    summary: String,
    body: String,
    published: i64,
    faq: i64,
}

/// One language of an article for the editor, with its latest comments.
pub async fn desk_article(
    db: &Database,
    slug: &str,
    locale: HelpLocale,
) -> Result<Option<DeskArticle>, ApiError> {
    let row: Option<DeskArticleRow> = sqlx::query_as(
        "SELECT category, title, summary, body, published, faq FROM help_articles \
         WHERE slug = $1 AND locale = $2",
    )
    .bind(slug)
    .bind(locale.as_str())
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let Some(category) = HelpCategory::parse(&row.category) else {
        return Ok(None);
    };
    let comments: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT helpful, comment, created_at FROM help_feedback \
         WHERE slug = $1 AND locale = $2 AND comment <> '' ORDER BY id DESC LIMIT 50",
    )
    .bind(slug)
    .bind(locale.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(Some(DeskArticle {
        edit: ArticleEdit {
            category,
            title: row.title,
            summary: row.summary,
            markdown: row.body,
            published: row.published != 0,
            faq: row.faq != 0,
        },
        comments: comments
            .into_iter()
            .map(|(helpful, comment, at)| FeedbackComment {
                helpful: helpful != 0,
                comment,
                at,
            })
            .collect(),
    }))
}
