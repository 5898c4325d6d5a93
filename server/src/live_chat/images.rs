//! Images in a conversation: a shopper or an agent uploads one as a message of its own
//! (`POST /chat/conversations/{id}/images`), and every side shows it from its unguessable
//! address (`GET /chat/images/{key}`).
//!
//! An upload is checked from its bytes, never from its name or declared type: only PNG,
//! JPEG, GIF and WebP (not SVG, which can carry script), at most
//! [`MAX_IMAGE_BYTES`](sf_api::live_chat::MAX_IMAGE_BYTES) each and
//! [`MAX_IMAGES_PER_CONVERSATION`] per conversation. Images are served with `nosniff` and a
//! sandboxing policy, so even a file that fooled the check could not run in the API's origin.

use super::access::Participant;
use super::routes::deliver_new_message;
use super::store::{self, ImageRoom, NewMessage, Stored};
use super::ChatState;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{read_image, ApiPath, ApiQuery};
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use sf_api::error::ErrorBody;
use sf_api::live_chat::{ChatMessage, ClientMessageId, ImageFormat, MAX_IMAGES_PER_CONVERSATION};

/// Which message the image is.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct ImageQuery {
    /// The writer's id for the message, so a retried upload is stored once.
    client_id: String,
}

/// Attaches an image to the conversation, as a message of its own. Its shopper's token or
/// an agent's. A retry with the same `client_id` answers the message stored the first time.
#[utoipa::path(
    post,
    path = "/chat/conversations/{id}/images",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The conversation"), ImageQuery),
    request_body(content = Vec<u8>, content_type = "image/png", description = "A PNG, JPEG, GIF or WebP image of at most 5 MiB"),
    security(("conversation_token" = []), ("agent_token" = [])),
    responses(
        (status = 201, description = "Stored and sent to every side", body = ChatMessage),
        (status = 200, description = "Stored before (a retry)", body = ChatMessage),
        (status = 401, description = "No valid token for this conversation", body = ErrorBody),
        (status = 409, description = "The conversation is closed", body = ErrorBody),
        (status = 429, description = "The conversation holds its 10 images", body = ErrorBody),
        (status = 413, description = "Larger than 5 MiB", body = ErrorBody),
        (status = 415, description = "Not a PNG, JPEG, GIF or WebP image", body = ErrorBody),
        (status = 422, description = "A malformed client_id", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(conversation_id = id))]
pub(super) async fn attach_image(
    State(db): State<Database>,
    State(chat): State<ChatState>,
    participant: Participant,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<ImageQuery>,
    body: Body,
) -> Result<(StatusCode, Json<ChatMessage>), ApiError> {
    participant.may_open(id)?;
    let client_id = ClientMessageId::parse(&query.client_id)
        .map_err(|problem| ApiError::field("client_id", problem.english("message id")))?;
    // Up to 5 MiB are read only for someone who may send them now (the limit is checked
    // again where the image is stored, in the same transaction).
    match store::image_room(&db, id).await? {
        ImageRoom::Room => {}
        ImageRoom::Closed => return Err(ApiError::Conflict(CLOSED)),
        ImageRoom::Full => return Err(ApiError::TooManyOpen(TOO_MANY_IMAGES)),
    }
    let bytes = read_image(body).await?;
    let format = ImageFormat::sniff(&bytes).ok_or(ApiError::UnsupportedImage)?;
    let agent_id = participant.agent_id();
    let message = NewMessage {
        client_id: client_id.as_str(),
        author: participant.author(),
        agent_id,
        body: "",
        image: Some((format, &bytes)),
    };
    match store::store_message(&db, id, &message).await? {
        Stored::New(message) => {
            deliver_new_message(&db, &chat, id, &message, agent_id).await?;
            Ok((StatusCode::CREATED, Json(message)))
        }
        Stored::Duplicate(message) => Ok((StatusCode::OK, Json(message))),
        Stored::Closed => Err(ApiError::Conflict(CLOSED)),
        Stored::TooManyImages => Err(ApiError::TooManyOpen(TOO_MANY_IMAGES)),
    }
}

/// What a sender to a closed conversation is told.
const CLOSED: &str = "This conversation has ended: start a new one to send an image.";
/// What a sender over the limit is told (429 without `Retry-After`: waiting will not help).
const TOO_MANY_IMAGES: &str = "This conversation already holds its 10 images.";
const _: () = assert!(MAX_IMAGES_PER_CONVERSATION == 10, "TOO_MANY_IMAGES says 10");

/// An attached image, by the unguessable key in its address (which only the conversation's
/// sides are given). Kept by browsers: an image never changes.
#[utoipa::path(
    get,
    path = "/chat/images/{key}",
    tag = "live-chat",
    params(("key" = String, Path, description = "The image's key")),
    responses(
        (status = 200, description = "The image", content_type = "image/png"),
        (status = 404, description = "No such image", body = ErrorBody)
    )
)]
pub(super) async fn image(
    State(db): State<Database>,
    ApiPath(key): ApiPath<String>,
) -> Result<Response, ApiError> {
    let (media_type, bytes) = store::image(&db, &key).await?.ok_or(ApiError::NotFound)?;
    // Shown in the shop's page and the desk, which are other origins.
    Ok(crate::static_files::embeddable_image(
        &media_type,
        "private, max-age=31536000, immutable",
        "default-src 'none'; sandbox",
        bytes,
    ))
}
