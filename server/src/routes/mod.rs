//! The API's routes. Each is registered together with its OpenAPI description, so the
//! document at `/api/v1/openapi.json` cannot miss a route.

pub mod agent;
pub mod health;
pub mod openapi;

use crate::tracking::routes as tracking;
use crate::AppState;
use axum::extract::DefaultBodyLimit;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The top of the OpenAPI document; paths are filled in from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "storefront-support API",
        description = "The reference support API behind the storefront-support components. \
                       Errors always have the shape of `ErrorBody`."
    ),
    components(schemas(sf_api::error::ErrorBody)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        for scheme in ["agent_token", "order_token"] {
            components.add_security_scheme(
                scheme,
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// Every API route under `/api/v1`, with its documentation.
pub fn api_routes() -> OpenApiRouter<AppState> {
    let version_1 = OpenApiRouter::new()
        .routes(routes!(health::health))
        .routes(routes!(openapi::openapi_document))
        .routes(routes!(agent::sign_in, agent::sign_out))
        .routes(routes!(agent::current_agent))
        .routes(routes!(tracking::look_up_order))
        .routes(routes!(tracking::open_signed_link))
        .routes(routes!(tracking::open_signed_customer))
        .routes(routes!(tracking::order_tracking))
        .routes(routes!(tracking::set_notifications))
        .routes(routes!(tracking::order_events))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(tracking::easypost_webhook))
                .routes(routes!(tracking::aftership_webhook))
                .layer(DefaultBodyLimit::max(tracking::WEBHOOK_MAX_BODY_BYTES)),
        );
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest(sf_api::API_PREFIX, version_1)
}
