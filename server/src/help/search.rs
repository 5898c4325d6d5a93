//! Full-text search of the help articles, one interface over both databases.
//!
//! - SQLite: FTS5 over the stems of each field in the article's language (`words.rs`),
//!   ranked by BM25 with the title weighing most, then the summary, then the body.
//! - PostgreSQL: a weighted `tsvector` per article in the English, Spanish or Arabic text
//!   search configuration of its language (migration 3000), ranked by `ts_rank`.
//!
//! Both match a word's other forms (`tracked` finds "track") and, as a prefix, longer words
//! (what instant search needs while a word is being typed). A query that finds nothing is
//! tried once more with each unknown word replaced by the nearest word the articles use
//! (`shiping` → `shipping`): by trigram similarity where PostgreSQL has `pg_trgm`, and by
//! edit distance over words of about the same length and the same first letter where it has
//! not, or found nothing.
//!
//! A language's search covers its own articles and the English ones it has no translation
//! of, as its listings do.

use super::cache::SearchCache;
use super::store::{SummaryRow, VISIBLE_IN_LOCALE};
use super::words::{self, MIN_CORRECTED_CHARS};
use crate::db::{Backend, Database};
use crate::error::ApiError;
use sf_api::help_centre::{HelpLocale, SearchResults};
use std::sync::Arc;
use std::time::Instant;

/// The most words of a query that are searched for.
const QUERY_WORDS: usize = 8;
/// How many of the best matches (in any language) are looked at per result wanted, before
/// every match is.
const CANDIDATES_PER_RESULT: i64 = 5;

/// [`search`], answered from `cache` when the same words were searched less than a minute ago.
pub async fn search_cached(
    db: &Database,
    cache: &SearchCache,
    text: &str,
    locale: HelpLocale,
    limit: usize,
) -> Result<Arc<SearchResults>, ApiError> {
    let key = (locale, query_words(text).join(" "), limit);
    if let Some(answer) = cache.get(&key, Instant::now()) {
        return Ok(answer);
    }
    let answer = Arc::new(search(db, text, locale, limit).await?);
    cache.put(key, answer.clone(), Instant::now());
    Ok(answer)
}

/// The words of a query that are searched for. Words only: every character of either
/// query language (quotes, operators, `:*`) is dropped, so no shopper's text is ever read
/// as search syntax.
fn query_words(text: &str) -> Vec<String> {
    words::words(text)
        .filter(|word| word.chars().count() >= 2)
        .take(QUERY_WORDS)
        .collect()
}

/// Articles matching `text` in `locale`, best first, at most `limit`.
pub async fn search(
    db: &Database,
    text: &str,
    locale: HelpLocale,
    limit: usize,
) -> Result<SearchResults, ApiError> {
    let typed = query_words(text);
    let found = matching(db, &typed, locale, limit).await?;
    if !found.is_empty() {
        return Ok(SearchResults {
            corrected: None,
            results: found,
        });
    }
    let corrected = corrections(db, &typed, locale).await?;
    if corrected == typed {
        return Ok(SearchResults {
            corrected: None,
            results: Vec::new(),
        });
    }
    let results = matching(db, &corrected, locale, limit).await?;
    Ok(SearchResults {
        corrected: (!results.is_empty()).then(|| corrected.join(" ")),
        results,
    })
}

/// The articles matching any of `query_words`.
async fn matching(
    db: &Database,
    query_words: &[String],
    locale: HelpLocale,
    limit: usize,
) -> Result<Vec<sf_api::help_centre::ArticleSummary>, ApiError> {
    if query_words.is_empty() {
        return Ok(Vec::new());
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows: Vec<SummaryRow> = match db.backend {
        Backend::Sqlite => {
            let stemmer = words::stemmer(locale);
            let query = query_words
                .iter()
                .map(|word| format!("\"{}\"*", stemmer.stem(word)))
                .collect::<Vec<_>>()
                .join(" OR ");
            // Ranked in the index alone first: BM25 needs only the index, while joining an
            // article's row (with its body and HTML) for every match was most of the cost.
            // The best few are then joined and filtered by language; should the filter leave
            // too few (matches in other languages), every match is ranked with its row.
            let best: Vec<SummaryRow> = sqlx::query_as(&format!(
                "WITH ranked AS (SELECT rowid AS id, bm25(help_articles_search, 10.0, 3.0, 1.0) AS score \
                 FROM help_articles_search WHERE help_articles_search MATCH $2 ORDER BY score LIMIT $4) \
                 SELECT a.slug, a.category, a.locale, a.title, a.summary \
                 FROM ranked r JOIN help_articles a ON a.id = r.id \
                 WHERE {VISIBLE_IN_LOCALE} ORDER BY r.score, a.title LIMIT $3"
            ))
            .bind(locale.as_str())
            .bind(&query)
            .bind(limit)
            .bind(limit.saturating_mul(CANDIDATES_PER_RESULT))
            .fetch_all(&db.pool)
            .await?;
            if best.len() as i64 >= limit {
                best
            } else {
                sqlx::query_as(&format!(
                    "SELECT a.slug, a.category, a.locale, a.title, a.summary \
                     FROM help_articles_search s JOIN help_articles a ON a.id = s.rowid \
                     WHERE help_articles_search MATCH $2 AND {VISIBLE_IN_LOCALE} \
                     ORDER BY bm25(help_articles_search, 10.0, 3.0, 1.0), a.title LIMIT $3"
                ))
                .bind(locale.as_str())
                .bind(query)
                .bind(limit)
                .fetch_all(&db.pool)
                .await?
            }
        }
        Backend::Postgres => {
            let query = query_words
                .iter()
                .map(|word| format!("{word}:*"))
                .collect::<Vec<_>>()
                .join(" | ");
            // The configuration is one of three names chosen here, never the client's text.
            let configuration = match locale {
                HelpLocale::En => "english",
                HelpLocale::Es => "spanish",
                HelpLocale::Ar => "arabic",
            };
            sqlx::query_as(&format!(
                "SELECT a.slug, a.category, a.locale, a.title, a.summary \
                 FROM help_articles a, to_tsquery('{configuration}', $2) AS query \
                 WHERE a.search @@ query AND {VISIBLE_IN_LOCALE} \
                 ORDER BY ts_rank(a.search, query) DESC, a.title LIMIT $3"
            ))
            .bind(locale.as_str())
            .bind(query)
            .bind(limit)
            .fetch_all(&db.pool)
            .await?
        }
    };
    Ok(rows
        .into_iter()
        .filter_map(SummaryRow::into_summary)
        .collect())
}

/// `typed` with each word the articles do not use replaced by the nearest one they do.
async fn corrections(
    db: &Database,
    typed: &[String],
    locale: HelpLocale,
) -> Result<Vec<String>, ApiError> {
    let trigrams = db.backend == Backend::Postgres && has_trigrams(db).await?;
    let mut corrected = Vec::with_capacity(typed.len());
    for word in typed {
        let chars = word.chars().count();
        let known: Option<(String,)> = if chars < MIN_CORRECTED_CHARS {
            None
        } else {
            sqlx::query_as("SELECT word FROM help_words WHERE locale = $1 AND word = $2")
                .bind(locale.as_str())
                .bind(word)
                .fetch_optional(&db.pool)
                .await?
        };
        let replacement = if chars < MIN_CORRECTED_CHARS || known.is_some() {
            None
        } else {
            // Trigrams miss some short swaps ("refnud" shares too few with "refund"): those
            // are then found by edits, as without pg_trgm.
            let by_trigrams = match trigrams {
                true => nearest_by_trigrams(db, word, locale).await?,
                false => None,
            };
            match by_trigrams {
                Some(word) => Some(word),
                None => nearest_by_edits(db, word, locale).await?,
            }
        };
        corrected.push(replacement.unwrap_or_else(|| word.clone()));
    }
    Ok(corrected)
}

async fn has_trigrams(db: &Database) -> Result<bool, ApiError> {
    let (installed,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'")
            .fetch_one(&db.pool)
            .await?;
    Ok(installed > 0)
}

/// PostgreSQL's nearest word by trigrams (index-assisted), checked against the same edit
/// budget as elsewhere so both databases correct alike.
async fn nearest_by_trigrams(
    db: &Database,
    word: &str,
    locale: HelpLocale,
) -> Result<Option<String>, ApiError> {
    let candidates: Vec<(String,)> = sqlx::query_as(
        "SELECT word FROM help_words WHERE locale = $1 AND word % $2 \
         ORDER BY similarity(word, $2) DESC, word LIMIT 10",
    )
    .bind(locale.as_str())
    .bind(word)
    .fetch_all(&db.pool)
    .await?;
    Ok(words::nearest(word, candidates.iter().map(|(word,)| word.as_str())).map(str::to_owned))
}

/// The nearest word within the typo budget among words of about the same length that begin
/// with the same letter (a range of the vocabulary's index: typos rarely hit the first
/// letter, and comparing every word of a large help centre would be slow).
async fn nearest_by_edits(
    db: &Database,
    word: &str,
    locale: HelpLocale,
) -> Result<Option<String>, ApiError> {
    let chars = word.chars().count();
    let budget = words::typo_budget(chars);
    let Some(first) = word.chars().next() else {
        return Ok(None);
    };
    let after_first = char::from_u32(u32::from(first) + 1).unwrap_or(char::MAX);
    let candidates: Vec<(String,)> = sqlx::query_as(
        "SELECT word FROM help_words WHERE locale = $1 AND word >= $2 AND word < $3 \
         AND chars BETWEEN $4 AND $5 ORDER BY word",
    )
    .bind(locale.as_str())
    .bind(first.to_string())
    .bind(after_first.to_string())
    .bind(i64::try_from(chars.saturating_sub(budget)).unwrap_or(0))
    .bind(i64::try_from(chars + budget).unwrap_or(i64::MAX))
    .fetch_all(&db.pool)
    .await?;
    Ok(words::nearest(word, candidates.iter().map(|(word,)| word.as_str())).map(str::to_owned))
}
