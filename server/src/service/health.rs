//! `GET /api/v1/health`.

use crate::db::Database;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use sf_api::health::{Health, HealthStatus};

/// Whether the API is up and its database answers (503 when it does not).
#[utoipa::path(
    get,
    path = "/health",
    tag = "service",
    responses(
        (status = 200, description = "The API and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = Health)
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn health(State(db): State<Database>) -> (StatusCode, Json<Health>) {
    let (status_code, status) = if db.is_reachable().await {
        (StatusCode::OK, HealthStatus::Ok)
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, HealthStatus::Degraded)
    };
    let body = Health {
        status,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    };
    (status_code, Json(body))
}
