//! Reviews (issue "Reviews, end to end"): a product's published reviews with their summary
//! and JSON-LD, the review a shopper writes (verified only by a delivered order), helpful
//! votes, photos, review requests made on delivery, and the desk's moderation and replies.
//!
//! Laid out as the other features are: [`router`] registers the routes (the shopper's in
//! `routes.rs`, the desk's in `desk.rs`), [`ReviewsState`] is one field of
//! [`AppState`], queries are in `store.rs`, pure rules (the automatic moderation check, the
//! JSON-LD) in their own files with unit tests, and the migrations are numbered 5000 to 5999.

mod desk;
pub mod json_ld;
pub mod moderation;
pub mod requests;
mod routes;
pub mod seed;
pub mod store;

use crate::config::Config;
use crate::limiter::RateLimiter;
use crate::AppState;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Helpful votes one client address may cast in a minute: a reader going down a page.
pub const VOTES_PER_MINUTE: u32 = 30;
/// How long one client address's counted helpful vote on a review stands before another
/// from that address counts: a household shares one, a script cannot pile them up.
pub const VOTE_ADDRESS_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);
/// Photos one client address may upload in 10 minutes: a few reviews' worth.
pub const PHOTOS_PER_10_MINUTES: u32 = 12;

/// What reviews keep between requests.
#[derive(Clone, Debug)]
pub struct ReviewsState {
    /// Reviews submitted per client address (`--review-submissions-per-10-minutes`); each
    /// attempt that passes the form's checks counts, so order numbers cannot be guessed
    /// through the purchase proof either.
    pub submissions: Arc<RateLimiter>,
    /// Helpful votes per client address.
    pub votes: Arc<RateLimiter>,
    /// Counted helpful votes per review per client address: one in [`VOTE_ADDRESS_WINDOW`].
    pub vote_addresses: Arc<RateLimiter<(i64, IpAddr)>>,
    /// Photo uploads per client address.
    pub photos: Arc<RateLimiter>,
    /// The server's public address for review-request links (`--public-url`), without a
    /// trailing `/`; empty for links relative to the desk's own address.
    pub public_url: Arc<str>,
}

impl ReviewsState {
    /// From the configuration.
    pub fn new(config: &Config) -> Self {
        let ten_minutes = Duration::from_secs(10 * 60);
        Self {
            submissions: Arc::new(RateLimiter::new(
                config.review_submissions_per_10_minutes,
                ten_minutes,
            )),
            votes: Arc::new(RateLimiter::new(VOTES_PER_MINUTE, Duration::from_secs(60))),
            vote_addresses: Arc::new(RateLimiter::new(1, VOTE_ADDRESS_WINDOW)),
            photos: Arc::new(RateLimiter::new(PHOTOS_PER_10_MINUTES, ten_minutes)),
            public_url: config
                .public_url
                .as_deref()
                .map(|url| url.trim().trim_end_matches('/'))
                .unwrap_or_default()
                .into(),
        }
    }
}

/// Reviews' routes with their OpenAPI descriptions.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::product_view))
        .routes(routes!(routes::list, routes::create))
        // Reads its body itself, with the photos' own limit (the API's is for JSON).
        .routes(routes!(routes::upload_photo))
        .routes(routes!(routes::photo))
        .routes(routes!(desk::photo))
        .routes(routes!(routes::vote))
        .routes(routes!(routes::review_request))
        .routes(routes!(desk::queue))
        .routes(routes!(desk::get))
        .routes(routes!(desk::decide))
        .routes(routes!(desk::reply))
        .routes(routes!(desk::order_requests))
}

/// The shopper's reviews on their timeline in the desk.
pub use store::timeline;
