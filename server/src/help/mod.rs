//! The help centre: articles per language (Markdown rendered to safe HTML when saved), their
//! search, readers' feedback, and the desk's editor.
//!
//! Laid out as the other features are: [`router`] registers the routes (public ones in
//! `routes.rs`, the desk's in `desk.rs`), [`HelpState`] is one field of [`AppState`],
//! queries are in `store.rs`, pure rules (Markdown, words) in their own files with unit
//! tests, and the migrations are numbered 3000 to 3999.

pub mod cache;
mod desk;
mod images;
pub mod markdown;
mod routes;
pub mod search;
pub mod seed;
pub mod store;
pub mod words;

use crate::limiter::FailureLimiter;
use crate::AppState;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// What the help centre keeps between requests.
#[derive(Clone, Debug, Default)]
pub struct HelpState {
    /// "Was this helpful?" answers per client address: each counts, so one address cannot
    /// flood the desk's feedback.
    pub feedback: Arc<FailureLimiter>,
    /// Recent searches' answers.
    pub searches: Arc<cache::SearchCache>,
}

/// The help centre's routes with their OpenAPI descriptions.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::home))
        .routes(routes!(routes::category))
        .routes(routes!(routes::article))
        .routes(routes!(routes::suggestions))
        .routes(routes!(routes::search))
        .routes(routes!(routes::feedback))
        .routes(routes!(routes::image))
        .routes(routes!(desk::list))
        .routes(routes!(desk::get, desk::save))
        .routes(routes!(desk::preview))
        .routes(routes!(desk::missed_searches))
}
