//! The API's routes, gathered from the features. Each feature's `router()` registers its
//! routes together with their OpenAPI descriptions, so the document at
//! `/api/v1/openapi.json` cannot miss a route.

pub mod openapi;

use crate::AppState;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

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
        for scheme in ["agent_token", "order_token", "conversation_token"] {
            components.add_security_scheme(
                scheme,
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// Every API route under `/api/v1`, with its documentation: one line per feature, each
/// feature's own layers (such as a larger body limit) inside its router.
pub fn api_routes() -> OpenApiRouter<AppState> {
    let version_1 = OpenApiRouter::new()
        .merge(crate::reviews::router())
        .merge(crate::returns::router())
        .merge(crate::help::router())
        .merge(crate::live_chat::router())
        .merge(crate::service::router())
        .merge(crate::agent::router())
        .merge(crate::tracking::router());
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest(sf_api::API_PREFIX, version_1)
}
