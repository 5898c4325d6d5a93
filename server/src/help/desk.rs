//! The desk's side of the help centre (signed-in agents): every article in every language,
//! editing with a preview, publishing, readers' feedback and the searches that found nothing.

use super::routes::parse_locale;
use super::{markdown, store};
use crate::agent::SignedInAgent;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use sf_api::error::ErrorBody;
use sf_api::help_centre::{
    ArticleEdit, DeskArticle, DeskArticleEntry, MissedSearch, PreviewRequest, RenderedArticle,
    MAX_MARKDOWN_BYTES,
};
use sf_api::validation::Validate;

/// Every article in every language, published or not, with its feedback counts.
#[utoipa::path(
    get,
    path = "/desk/help/articles",
    tag = "help-centre",
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The articles, by category and slug", body = Vec<DeskArticleEntry>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn list(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
) -> Result<Json<Vec<DeskArticleEntry>>, ApiError> {
    Ok(Json(store::desk_articles(&db).await?))
}

/// One language of an article as written, with readers' latest comments.
#[utoipa::path(
    get,
    path = "/desk/help/articles/{slug}/{locale}",
    tag = "help-centre",
    params(
        ("slug" = String, Path, description = "The article"),
        ("locale" = String, Path, description = "`en`, `es` or `ar`")
    ),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The article's Markdown and settings", body = DeskArticle),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "Not written in that language yet", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn get(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
    ApiPath((slug, locale)): ApiPath<(String, String)>,
) -> Result<Json<DeskArticle>, ApiError> {
    let locale = parse_locale(&locale)?;
    store::desk_article(&db, &slug, locale)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

/// Create or change one language of an article; it is rendered and indexed at once.
#[utoipa::path(
    put,
    path = "/desk/help/articles/{slug}/{locale}",
    tag = "help-centre",
    params(
        ("slug" = String, Path, description = "The article: lowercase words joined by `-`"),
        ("locale" = String, Path, description = "`en`, `es` or `ar`")
    ),
    request_body = ArticleEdit,
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Saved"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields (HTML in the Markdown, an image without a text alternative)", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id, slug = %slug))]
pub(super) async fn save(
    State(db): State<Database>,
    State(help): State<super::HelpState>,
    _signed_in: SignedInAgent,
    ApiPath((slug, locale)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<ArticleEdit>,
) -> Result<StatusCode, ApiError> {
    let locale = parse_locale(&locale)?;
    if !markdown::is_slug(&slug) {
        return Err(ApiError::field(
            "slug",
            "Name the article with lowercase letters and digits joined by hyphens, like return-an-item.",
        ));
    }
    let edit = request.validate()?;
    markdown::check(&edit.markdown)
        .map_err(|problem| ApiError::field("markdown", problem.english()))?;
    store::save_article(&db, &slug, locale, &edit).await?;
    // Searches made before the edit no longer say what there is.
    help.searches.forget_all();
    Ok(StatusCode::NO_CONTENT)
}

/// How Markdown will look to readers, before it is saved.
#[utoipa::path(
    post,
    path = "/desk/help/preview",
    tag = "help-centre",
    request_body = PreviewRequest,
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The HTML and headings readers would get", body = RenderedArticle),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 422, description = "Too long", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn preview(
    _signed_in: SignedInAgent,
    ApiJson(request): ApiJson<PreviewRequest>,
) -> Result<Json<RenderedArticle>, ApiError> {
    if request.markdown.len() > MAX_MARKDOWN_BYTES {
        return Err(ApiError::field(
            "markdown",
            "The article is too long to preview.",
        ));
    }
    Ok(Json(markdown::render(&request.markdown)))
}

/// The searches that found nothing, most frequent first: what to write next.
#[utoipa::path(
    get,
    path = "/desk/help/missed-searches",
    tag = "help-centre",
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "Up to 200 searches", body = Vec<MissedSearch>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn missed_searches(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
) -> Result<Json<Vec<MissedSearch>>, ApiError> {
    Ok(Json(store::missed_searches(&db).await?))
}
