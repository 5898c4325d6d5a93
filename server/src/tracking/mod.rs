//! Shipment tracking: order lookup and shopper tokens, each order's packages and events,
//! carrier webhooks, live updates to open trackers, notifications, and the demo carrier.
//!
//! This is the pattern every component's server side follows: its routes in `routes.rs`
//! (documented in the OpenAPI), its queries in `store.rs`, its pure rules in their own
//! files with unit tests, and its integration tests in `server/tests/<component>.rs`.

pub mod access;
pub mod live;
pub mod normalise;
pub mod routes;
pub mod simulator;
pub mod store;
pub mod webhooks;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

/// A provider's time as stored (RFC 3339 UTC). Accepts RFC 3339 with any offset, a date
/// and time without offset (taken as UTC), or a bare date.
///
/// A bare date (an estimated delivery *day*) becomes noon UTC: that instant falls on the
/// same calendar day in every time zone from UTC−11 to UTC+11, so the day the shopper
/// sees is the day the carrier meant.
pub fn parse_provider_time(text: &str) -> Option<String> {
    let text = text.trim();
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(crate::db::timestamp(at));
    }
    let without_offset = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    if let Ok(at) = PrimitiveDateTime::parse(text, &without_offset) {
        return Some(crate::db::timestamp(at.assume_utc()));
    }
    let date_only = format_description!("[year]-[month]-[day]");
    Date::parse(text, &date_only)
        .ok()
        .map(|day| crate::db::timestamp(day.with_time(time::macros::time!(12:00)).assume_utc()))
}

#[cfg(test)]
mod tests {
    use super::parse_provider_time;

    #[test]
    fn provider_times_become_utc() {
        assert_eq!(
            parse_provider_time("2026-11-16T18:30:00-05:00").as_deref(),
            Some("2026-11-16T23:30:00Z")
        );
        assert_eq!(
            parse_provider_time("2026-11-16T18:30:00").as_deref(),
            Some("2026-11-16T18:30:00Z")
        );
        assert_eq!(
            parse_provider_time("2026-11-24").as_deref(),
            Some("2026-11-24T12:00:00Z")
        );
        assert_eq!(parse_provider_time("next tuesday"), None);
    }
}
