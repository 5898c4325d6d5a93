//! Full-text search of the help articles, one interface over both databases: SQLite's FTS5
//! (Porter stemming over Unicode words without diacritics, migration 3000) and PostgreSQL's
//! text search (a weighted `tsvector` per article, in the English, Spanish or Arabic
//! configuration of the article's language). Both rank a match in the title above one in
//! the summary, above one in the body, and both match a word's other forms (`tracked`
//! finds "track") and, as a prefix, longer words.

use crate::db::{Backend, Database};
use crate::error::ApiError;
use sf_api::live_chat::ArticleSuggestion;

/// The most words of a query that are searched for.
const QUERY_WORDS: usize = 8;

#[derive(sqlx::FromRow)]
struct HitRow {
    slug: String,
    title: String,
    summary: String,
}

/// The articles in `locale` (`en`, `es` or `ar`, already checked) best matching any word of
/// `text` of three letters or more, best first, at most `limit`.
pub async fn search_articles(
    db: &Database,
    text: &str,
    locale: &str,
    limit: i64,
) -> Result<Vec<ArticleSuggestion>, ApiError> {
    // Words only: every character of the query language (quotes, operators) is dropped, so
    // no shopper's text is ever read as search syntax.
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .take(QUERY_WORDS)
        .collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<HitRow> = match db.backend {
        Backend::Sqlite => {
            let query = words
                .iter()
                .map(|word| format!("\"{word}\"*"))
                .collect::<Vec<_>>()
                .join(" OR ");
            sqlx::query_as(
                "SELECT a.slug, a.title, a.summary FROM help_articles_search s \
                 JOIN help_articles a ON a.id = s.rowid \
                 WHERE help_articles_search MATCH $1 AND a.locale = $2 \
                 ORDER BY bm25(help_articles_search, 10.0, 3.0, 1.0), a.title LIMIT $3",
            )
            .bind(query)
            .bind(locale)
            .bind(limit)
            .fetch_all(&db.pool)
            .await?
        }
        Backend::Postgres => {
            let query = words
                .iter()
                .map(|word| format!("{word}:*"))
                .collect::<Vec<_>>()
                .join(" | ");
            // The configuration is one of three names chosen here, never the client's text.
            let configuration = match locale {
                "es" => "spanish",
                "ar" => "arabic",
                _ => "english",
            };
            sqlx::query_as(&format!(
                "SELECT slug, title, summary FROM help_articles, \
                 to_tsquery('{configuration}', $1) AS query \
                 WHERE locale = $2 AND search @@ query \
                 ORDER BY ts_rank(search, query) DESC, title LIMIT $3"
            ))
            .bind(query)
            .bind(locale)
            .bind(limit)
            .fetch_all(&db.pool)
            .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|row| ArticleSuggestion {
            slug: row.slug,
            title: row.title,
            summary: row.summary,
        })
        .collect())
}
