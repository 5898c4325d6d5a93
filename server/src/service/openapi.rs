//! `GET /api/v1/openapi.json`: the document describing every route, this one included.

use axum::{Extension, Json};
use std::sync::Arc;
use utoipa::openapi::OpenApi;

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "service",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json"))
)]
#[tracing::instrument(skip_all)]
pub(super) async fn openapi_document(
    Extension(document): Extension<Arc<OpenApi>>,
) -> Json<Arc<OpenApi>> {
    Json(document)
}
