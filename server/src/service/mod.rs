//! The service's own routes: whether it is up, and the document describing every route.
//!
//! A feature like the others (see [`crate::agent`]): [`router`] is merged into
//! [`crate::routes::api_routes`], its handlers stay private.

mod health;
mod openapi;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// `GET /health` and `GET /openapi.json`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health::health))
        .routes(routes!(openapi::openapi_document))
}
