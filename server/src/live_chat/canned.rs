//! The desk's canned replies: stored answers any agent inserts into a reply, and edits.

use super::store;
use crate::agent::SignedInAgent;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use sf_api::error::ErrorBody;
use sf_api::live_chat::{CannedReply, CannedReplyRequest};
use sf_api::validation::Validate;

/// Every canned reply, by title.
#[utoipa::path(
    get,
    path = "/chat/canned-replies",
    tag = "live-chat",
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The canned replies", body = Vec<CannedReply>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn list(
    State(db): State<Database>,
    // Only agents use them.
    _signed_in: SignedInAgent,
) -> Result<Json<Vec<CannedReply>>, ApiError> {
    Ok(Json(store::canned_replies(&db).await?))
}

/// Store a new canned reply.
#[utoipa::path(
    post,
    path = "/chat/canned-replies",
    tag = "live-chat",
    request_body = CannedReplyRequest,
    security(("agent_token" = [])),
    responses(
        (status = 201, description = "Stored", body = CannedReply),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn create(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
    ApiJson(request): ApiJson<CannedReplyRequest>,
) -> Result<(StatusCode, Json<CannedReply>), ApiError> {
    let (title, body) = request.validate()?;
    let id = store::insert_canned_reply(&db, &title, body.as_str()).await?;
    Ok((
        StatusCode::CREATED,
        Json(CannedReply {
            id,
            title,
            body: body.as_str().to_owned(),
        }),
    ))
}

/// Change a canned reply.
#[utoipa::path(
    put,
    path = "/chat/canned-replies/{id}",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The canned reply")),
    request_body = CannedReplyRequest,
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such canned reply", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id, canned_reply_id = id))]
pub(super) async fn update(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<CannedReplyRequest>,
) -> Result<StatusCode, ApiError> {
    let (title, body) = request.validate()?;
    if !store::update_canned_reply(&db, id, &title, body.as_str()).await? {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Remove a canned reply.
#[utoipa::path(
    delete,
    path = "/chat/canned-replies/{id}",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The canned reply")),
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such canned reply", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id, canned_reply_id = id))]
pub(super) async fn delete(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    if !store::delete_canned_reply(&db, id).await? {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
