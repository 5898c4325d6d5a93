//! The help centre's public routes: what every shopper reads, cacheable by browsers and
//! shared caches (an ETag of the answer, revalidated after a minute), and feedback.

use super::{images, markdown, store, HelpState};
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::openapi::RateLimited;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sf_api::error::ErrorBody;
use sf_api::help_centre::{
    CategoryArticles, FeedbackRequest, HelpArticle, HelpCategory, HelpHome, HelpLocale,
    SearchResults, MAX_QUERY_CHARS, MAX_RESULTS, MAX_SUGGESTIONS,
};
use sf_api::validation::Validate;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

/// The language of a public read.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct LocaleQuery {
    /// `en`, `es` or `ar`.
    locale: String,
}

/// A search in a language.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct SearchQuery {
    /// What the shopper typed (at most 200 characters; read as words only).
    q: String,
    /// `en`, `es` or `ar`.
    locale: String,
}

pub(super) fn parse_locale(tag: &str) -> Result<HelpLocale, ApiError> {
    HelpLocale::parse(tag).ok_or_else(|| ApiError::field("locale", "Choose en, es or ar."))
}

impl SearchQuery {
    /// Its language and at most `limit` articles found (from the cache of recent searches
    /// when they were just searched).
    async fn answer(
        &self,
        db: &Database,
        help: &HelpState,
        limit: usize,
    ) -> Result<(HelpLocale, Arc<SearchResults>), ApiError> {
        if self.q.chars().count() > MAX_QUERY_CHARS {
            return Err(ApiError::field(
                "q",
                format!("Search with {MAX_QUERY_CHARS} characters or fewer."),
            ));
        }
        let locale = parse_locale(&self.locale)?;
        let found =
            super::search::search_cached(db, &help.searches, &self.q, locale, limit).await?;
        Ok((locale, found))
    }
}

/// `value` as JSON with an ETag, or `304 Not Modified` when the browser holds it already.
fn cacheable(request: &HeaderMap, value: &impl Serialize, cache_control: &'static str) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(body) => body,
        Err(error) => return ApiError::Internal(error.to_string()).into_response(),
    };
    let digest = Sha256::digest(&body);
    let etag = format!("\"{}\"", hex::encode(&digest[..16]));
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    let unchanged = request
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    if unchanged {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    (headers, body).into_response()
}

/// Shared caches may keep a public read; it is revalidated after a minute, so an edit in the
/// desk shows within one.
const PUBLIC: &str = "public, max-age=60, stale-while-revalidate=300";

/// The help centre's home: its categories with their article counts, and the FAQ.
#[utoipa::path(
    get,
    path = "/help/home",
    tag = "help-centre",
    params(LocaleQuery),
    responses(
        (status = 200, description = "Categories and the FAQ (cacheable, with an ETag)", body = HelpHome),
        (status = 304, description = "Not modified since the ETag given"),
        (status = 422, description = "An unknown language", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn home(
    State(db): State<Database>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<LocaleQuery>,
) -> Result<Response, ApiError> {
    let locale = parse_locale(&query.locale)?;
    Ok(cacheable(
        &headers,
        &store::home(&db, locale).await?,
        PUBLIC,
    ))
}

/// A category's articles, by title.
#[utoipa::path(
    get,
    path = "/help/categories/{category}",
    tag = "help-centre",
    params(("category" = HelpCategory, Path, description = "The category"), LocaleQuery),
    responses(
        (status = 200, description = "Its articles (cacheable, with an ETag)", body = CategoryArticles),
        (status = 304, description = "Not modified since the ETag given"),
        (status = 404, description = "No such category", body = ErrorBody),
        (status = 422, description = "An unknown language", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn category(
    State(db): State<Database>,
    headers: HeaderMap,
    ApiPath(category): ApiPath<String>,
    ApiQuery(query): ApiQuery<LocaleQuery>,
) -> Result<Response, ApiError> {
    let category = HelpCategory::parse(&category).ok_or(ApiError::NotFound)?;
    let locale = parse_locale(&query.locale)?;
    let articles = store::category_articles(&db, locale, category).await?;
    Ok(cacheable(
        &headers,
        &CategoryArticles { category, articles },
        PUBLIC,
    ))
}

/// An article in the language asked for, or in English when it has no translation (its
/// `locale` then says `en`).
#[utoipa::path(
    get,
    path = "/help/articles/{slug}",
    tag = "help-centre",
    params(("slug" = String, Path, description = "The article"), LocaleQuery),
    responses(
        (status = 200, description = "The article (cacheable, with an ETag)", body = HelpArticle),
        (status = 304, description = "Not modified since the ETag given"),
        (status = 404, description = "No such published article", body = ErrorBody),
        (status = 422, description = "An unknown language", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(slug = %slug))]
pub(super) async fn article(
    State(db): State<Database>,
    headers: HeaderMap,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(query): ApiQuery<LocaleQuery>,
) -> Result<Response, ApiError> {
    let locale = parse_locale(&query.locale)?;
    if !markdown::is_slug(&slug) {
        return Err(ApiError::NotFound);
    }
    let article = store::article(&db, &slug, locale)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(cacheable(&headers, &article, PUBLIC))
}

/// Suggestions while the shopper types: the best few articles, title matches first, with
/// small typos forgiven. Not counted as a search.
#[utoipa::path(
    get,
    path = "/help/suggestions",
    tag = "help-centre",
    params(SearchQuery),
    responses(
        (status = 200, description = "Up to six articles (cacheable, with an ETag)", body = SearchResults),
        (status = 304, description = "Not modified since the ETag given"),
        (status = 422, description = "A query too long, or an unknown language", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn suggestions(
    State(db): State<Database>,
    State(help): State<HelpState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Response, ApiError> {
    let (_, found) = query.answer(&db, &help, MAX_SUGGESTIONS).await?;
    Ok(cacheable(&headers, &*found, PUBLIC))
}

/// A full search (the shopper pressed Enter). A search that finds nothing is counted, so
/// the desk can see what shoppers looked for and did not find.
#[utoipa::path(
    get,
    path = "/help/search",
    tag = "help-centre",
    params(SearchQuery),
    responses(
        (status = 200, description = "Up to twenty articles, best first", body = SearchResults),
        (status = 304, description = "Not modified since the ETag given"),
        (status = 422, description = "A query too long, or an unknown language", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn search(
    State(db): State<Database>,
    State(help): State<HelpState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Response, ApiError> {
    let (locale, found) = query.answer(&db, &help, MAX_RESULTS).await?;
    if found.results.is_empty() {
        store::record_missed_search(&db, locale, &query.q).await?;
    }
    // Always revalidated, so every search reaches the server and a miss is counted.
    Ok(cacheable(&headers, &*found, "no-cache"))
}

/// "Was this helpful?": yes or no, with an optional comment.
#[utoipa::path(
    post,
    path = "/help/articles/{slug}/feedback",
    tag = "help-centre",
    params(("slug" = String, Path, description = "The article")),
    request_body = FeedbackRequest,
    responses(
        (status = 204, description = "Thank you"),
        (status = 404, description = "No such published article in that language", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(slug = %slug, client_ip = %client.ip()))]
pub(super) async fn feedback(
    State(db): State<Database>,
    State(help): State<HelpState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiPath(slug): ApiPath<String>,
    ApiJson(request): ApiJson<FeedbackRequest>,
) -> Result<StatusCode, ApiError> {
    let feedback = request.validate()?;
    // Each answer counts against the address: a reader answers once or twice, a script
    // soon waits.
    help.feedback
        .check(client.ip(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    help.feedback.record_failure(client.ip(), Instant::now());
    if !markdown::is_slug(&slug) || !store::add_feedback(&db, &slug, &feedback).await? {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// An illustration of the help centre's own articles (SVG drawn without text or scripts).
#[utoipa::path(
    get,
    path = "/help/images/{name}",
    tag = "help-centre",
    params(("name" = String, Path, description = "The image's file name")),
    responses(
        (status = 200, description = "The image", content_type = "image/svg+xml"),
        (status = 404, description = "No such image", body = ErrorBody)
    )
)]
pub(super) async fn image(ApiPath(name): ApiPath<String>) -> Result<Response, ApiError> {
    let bytes = images::get(&name).ok_or(ApiError::NotFound)?;
    // Opened on its own, an SVG could run script: here it never can.
    Ok(crate::static_files::embeddable_image(
        "image/svg+xml",
        "public, max-age=86400",
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        bytes,
    ))
}
