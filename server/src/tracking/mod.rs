//! Shipment tracking: order lookup and shopper tokens, each order's packages and events,
//! carrier webhooks, live updates to open trackers, notifications, and the demo carrier.
//!
//! This is the pattern every component's server side follows:
//! - [`router`] registers the feature's routes, with the layers only they need (here the
//!   webhooks' larger body limit); the handlers stay private in `routes.rs`, each
//!   documented in the OpenAPI and traced with a span naming the ids it serves;
//! - its state ([`TrackingState`]) is one field of [`AppState`], which handlers extract as
//!   `State<TrackingState>` (and `State<Database>`) through `FromRef`;
//! - its queries are in `store.rs`, reading rows into named `sqlx::FromRow` structs;
//! - its pure rules are in their own files with unit tests;
//! - its migrations are numbered in its own range (`server/migrations/README.md`);
//! - its integration tests are a module of `server/tests/api/`, using `TestApp`'s typed
//!   helpers for its routes.

pub mod access;
pub mod live;
pub mod normalise;
mod routes;
pub mod simulator;
pub mod store;
pub mod webhooks;

use crate::config::{configured_secret, Config};
use crate::error::ApiError;
use crate::limiter::{FailureLimiter, StreamLimiter};
use crate::AppState;
use axum::extract::DefaultBodyLimit;
use live::TrackingHub;
use std::sync::Arc;
use time::format_description::well_known::Rfc3339;
use time::macros::{datetime, format_description};
use time::{Date, OffsetDateTime, PrimitiveDateTime, UtcOffset};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use routes::{WebhookOutcome, WebhookReceipt};

/// Webhook bodies may be larger than shoppers' requests: a long journey has many events.
pub const WEBHOOK_MAX_BODY_BYTES: usize = 1024 * 1024;

/// What only shipment tracking refuses; each becomes an [`ApiError`] with tracking's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrackingError {
    /// No order matches the number and email given (the same whichever was wrong).
    #[error("order not found")]
    OrderNotFound,
    /// Too many live streams open for one order token or from one client address.
    #[error("too many open streams")]
    TooManyStreams,
}

impl From<TrackingError> for ApiError {
    fn from(error: TrackingError) -> Self {
        match error {
            TrackingError::OrderNotFound => ApiError::NothingMatches(
                "We couldn't find an order with those details. Check the order number and the email address you ordered with.",
            ),
            TrackingError::TooManyStreams => ApiError::TooManyOpen(
                "Too many live updates are open for this order or from this device. Close another tracking page, then try again.",
            ),
        }
    }
}

/// What shipment tracking keeps between requests.
#[derive(Clone, Debug)]
pub struct TrackingState {
    /// Tells open trackers that their order changed.
    pub hub: TrackingHub,
    /// Remembers wrong order lookups per client address.
    pub lookup_limiter: Arc<FailureLimiter>,
    /// Caps the live streams open per order token and per client address.
    pub stream_limiter: Arc<StreamLimiter>,
    /// The carriers' webhook secrets.
    pub webhook_secrets: Arc<WebhookSecrets>,
}

/// Secrets the tracking providers sign their webhooks with; a missing one refuses that
/// provider's deliveries.
#[derive(Clone, Debug, Default)]
pub struct WebhookSecrets {
    /// Verifies EasyPost webhooks.
    pub easypost: Option<String>,
    /// Verifies AfterShip webhooks.
    pub aftership: Option<String>,
}

impl TrackingState {
    /// Fresh limits and no open trackers, with the configured limits and secrets.
    pub fn new(config: &Config) -> Self {
        Self {
            hub: TrackingHub::default(),
            lookup_limiter: Arc::default(),
            stream_limiter: Arc::new(StreamLimiter::new(
                config.max_streams_per_order,
                config.max_streams_per_address,
            )),
            webhook_secrets: Arc::new(WebhookSecrets {
                easypost: configured_secret(&config.easypost_webhook_secret),
                aftership: configured_secret(&config.aftership_webhook_secret),
            }),
        }
    }
}

/// The tracking routes: lookup, signed links and customers, an order's tracking, its
/// notifications and live stream, and the carriers' webhooks.
pub fn router() -> OpenApiRouter<AppState> {
    let webhooks = OpenApiRouter::new()
        .routes(routes!(routes::easypost_webhook))
        .routes(routes!(routes::aftership_webhook))
        .layer(DefaultBodyLimit::max(WEBHOOK_MAX_BODY_BYTES));
    OpenApiRouter::new()
        .routes(routes!(routes::look_up_order))
        .routes(routes!(routes::open_signed_link))
        .routes(routes!(routes::open_signed_customer))
        .routes(routes!(routes::order_tracking))
        .routes(routes!(routes::set_notifications))
        .routes(routes!(routes::order_events))
        .merge(webhooks)
}

/// The earliest time accepted from a provider: nothing was shipped before it.
pub const EARLIEST_PROVIDER_TIME: OffsetDateTime = datetime!(1970-01-01 00:00:00 UTC);
/// The latest time accepted from a provider. Far enough out for any real estimate, and far
/// from the edge of what `time` can represent, so arithmetic on stored times cannot overflow.
pub const LATEST_PROVIDER_TIME: OffsetDateTime = datetime!(2199-12-31 23:59:59 UTC);

/// Why a provider's time was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderTimeProblem {
    /// Not in a format we read; the event or estimate is skipped, as providers add formats.
    Unrecognised,
    /// A valid date outside [`EARLIEST_PROVIDER_TIME`]..=[`LATEST_PROVIDER_TIME`] (such as
    /// `9999-12-31T23:59:59-23:59`, which is past year 9999 in UTC): the delivery is refused.
    OutOfRange,
}

impl ProviderTimeProblem {
    /// The per-field message for an out-of-range time (the only problem that is reported).
    pub const OUT_OF_RANGE_MESSAGE: &'static str =
        "This time is outside the range we accept (1970 to 2199).";
}

/// A provider's time as stored (RFC 3339 UTC). Accepts RFC 3339 with any offset, a date
/// and time without offset (taken as UTC), or a bare date.
///
/// Every time that arrives from outside goes through here: it is converted to UTC with
/// checked arithmetic and range-checked, so no later formatting or arithmetic can overflow.
///
/// A bare date (an estimated delivery *day*) becomes noon UTC: that instant falls on the
/// same calendar day in every time zone from UTC−11 to UTC+11, so the day the shopper
/// sees is the day the carrier meant.
pub fn parse_provider_time(text: &str) -> Result<String, ProviderTimeProblem> {
    let text = text.trim();
    let without_offset = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let date_only = format_description!("[year]-[month]-[day]");
    let at = OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| PrimitiveDateTime::parse(text, &without_offset).map(|at| at.assume_utc()))
        .or_else(|_| {
            Date::parse(text, &date_only)
                .map(|day| day.with_time(time::macros::time!(12:00)).assume_utc())
        })
        .map_err(|_| ProviderTimeProblem::Unrecognised)?;
    // A valid local time near the ends of the calendar can fall outside it in UTC.
    let utc = at
        .checked_to_offset(UtcOffset::UTC)
        .filter(|utc| (EARLIEST_PROVIDER_TIME..=LATEST_PROVIDER_TIME).contains(utc))
        .ok_or(ProviderTimeProblem::OutOfRange)?;
    Ok(crate::db::timestamp(utc))
}

#[cfg(test)]
mod tests {
    use super::{parse_provider_time, ProviderTimeProblem};

    #[test]
    fn provider_times_become_utc() {
        assert_eq!(
            parse_provider_time("2026-11-16T18:30:00-05:00").as_deref(),
            Ok("2026-11-16T23:30:00Z")
        );
        assert_eq!(
            parse_provider_time("2026-11-16T18:30:00").as_deref(),
            Ok("2026-11-16T18:30:00Z")
        );
        assert_eq!(
            parse_provider_time("2026-11-24").as_deref(),
            Ok("2026-11-24T12:00:00Z")
        );
        assert_eq!(
            parse_provider_time("next tuesday"),
            Err(ProviderTimeProblem::Unrecognised)
        );
    }

    #[test]
    fn extreme_times_are_out_of_range_not_a_panic() {
        for extreme in [
            "9999-12-31T23:59:59-23:59",
            "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00+23:59",
            "9999-12-31",
            "1969-12-31T23:59:59Z",
            "2200-01-01T00:00:00Z",
        ] {
            assert_eq!(
                parse_provider_time(extreme),
                Err(ProviderTimeProblem::OutOfRange),
                "{extreme}"
            );
        }
        assert_eq!(
            parse_provider_time("2199-12-31T23:59:59+00:00").as_deref(),
            Ok("2199-12-31T23:59:59Z")
        );
    }
}
