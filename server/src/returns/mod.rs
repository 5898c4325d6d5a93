//! Returns (issue "Return request, end to end"): what a shopper can send back and why not,
//! the request with its amounts, RMA and QR code, the printable label, and the desk's queue
//! and counter.
//!
//! Laid out as the other features are: [`router`] registers the routes (the shopper's in
//! `routes.rs`, the desk's in `desk.rs`), queries are in `store.rs`, the policy is data read
//! by pure functions (`policy.rs`), and the migrations are numbered 4000 to 4999.

mod codes;
mod desk;
pub mod policy;
mod routes;
pub mod seed;
pub mod store;
mod view;

use crate::config::Config;
use crate::AppState;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use codes::normalise_rma;
pub use desk::may_move;
pub use view::timeline;

/// What returns keep between requests.
#[derive(Clone, Debug)]
pub struct ReturnsState {
    /// The lines of the address mail returns go to.
    pub mail_address: Arc<[String]>,
}

impl ReturnsState {
    /// From the configuration.
    pub fn new(config: &Config) -> Self {
        Self {
            mail_address: config
                .returns_address
                .split(';')
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

/// Returns' routes with their OpenAPI descriptions.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::returnable, routes::create))
        .routes(routes!(routes::quote))
        .routes(routes!(routes::upload_photo))
        .routes(routes!(routes::photo))
        .routes(routes!(routes::label))
        .routes(routes!(desk::queue))
        .routes(routes!(desk::get))
        .routes(routes!(desk::transition))
}
