//! Carriers' and tracking providers' words, mapped onto what the tracker shows: the one
//! status model ([`ShipmentStatus`] with an optional [`StatusReason`]) and safe carrier links.

use axum::http::Uri;
use sf_api::tracking::{ShipmentStatus, StatusReason};

/// Longer links than this are not real tracking pages.
const MAX_CARRIER_LINK_BYTES: usize = 2048;

/// A carrier's tracking page as the tracker may link to it: only an `https:` URL with a host
/// and no user name, with scheme and host in lower case. Anything else (`javascript:`,
/// `data:`, `http:`, relative or malformed) is dropped, since the tracker renders it as a link.
pub fn carrier_link(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.len() > MAX_CARRIER_LINK_BYTES {
        return None;
    }
    let uri: Uri = raw.parse().ok()?;
    let authority = uri.authority()?;
    let https = uri.scheme_str()?.eq_ignore_ascii_case("https");
    // `https://shop.example@evil.example/` reads as the shop but goes to the other host.
    let plain_host = !authority.host().is_empty() && !authority.as_str().contains('@');
    (https && plain_host).then(|| {
        let path = uri.path_and_query().map_or("/", |path| path.as_str());
        format!("https://{}{path}", authority.as_str().to_ascii_lowercase())
    })
}

/// EasyPost's `status` and `status_detail` (the tracker's or one tracking detail's).
///
/// Unknown words map to the nearest safe meaning: an unknown status is treated as
/// "no news yet" rather than as a problem, so the shopper is never alarmed by a typo.
pub fn easypost(
    status: &str,
    status_detail: Option<&str>,
) -> (ShipmentStatus, Option<StatusReason>) {
    let detail = status_detail.unwrap_or_default();
    match status {
        "pre_transit" => (ShipmentStatus::InfoReceived, None),
        "in_transit" => (ShipmentStatus::InTransit, None),
        "out_for_delivery" => (ShipmentStatus::OutForDelivery, None),
        "available_for_pickup" => (ShipmentStatus::AvailableForPickup, None),
        "delivered" => (ShipmentStatus::Delivered, None),
        "return_to_sender" => (
            ShipmentStatus::Exception,
            Some(StatusReason::ReturnedToSender),
        ),
        "failure" if detail.contains("attempt") => (
            ShipmentStatus::AttemptFailed,
            Some(reason_from_words(detail).unwrap_or(StatusReason::RecipientUnavailable)),
        ),
        "failure" | "error" => (
            ShipmentStatus::Exception,
            Some(reason_from_words(detail).unwrap_or(StatusReason::Other)),
        ),
        "cancelled" => (ShipmentStatus::Exception, Some(StatusReason::Cancelled)),
        _ => (ShipmentStatus::Pending, None),
    }
}

/// AfterShip's `tag` and `subtag` (`Exception_004`), with the `subtag_message` as a hint.
pub fn aftership(
    tag: &str,
    subtag: Option<&str>,
    subtag_message: Option<&str>,
) -> (ShipmentStatus, Option<StatusReason>) {
    let status = match tag {
        "InfoReceived" => ShipmentStatus::InfoReceived,
        "InTransit" => ShipmentStatus::InTransit,
        "OutForDelivery" => ShipmentStatus::OutForDelivery,
        "AvailableForPickup" => ShipmentStatus::AvailableForPickup,
        "AttemptFail" => ShipmentStatus::AttemptFailed,
        "Delivered" => ShipmentStatus::Delivered,
        "Exception" => ShipmentStatus::Exception,
        "Expired" => ShipmentStatus::Expired,
        _ => ShipmentStatus::Pending,
    };
    let reason = match status {
        ShipmentStatus::Exception => Some(
            aftership_exception_subtag(subtag.unwrap_or_default())
                .or_else(|| subtag_message.and_then(reason_from_words))
                .unwrap_or(StatusReason::Other),
        ),
        ShipmentStatus::AttemptFailed => Some(
            subtag_message
                .and_then(reason_from_words)
                .unwrap_or(StatusReason::RecipientUnavailable),
        ),
        _ => None,
    };
    (status, reason)
}

/// The exception subtags whose meaning AfterShip fixes; the rest fall back to the message.
fn aftership_exception_subtag(subtag: &str) -> Option<StatusReason> {
    match subtag {
        "Exception_002" => Some(StatusReason::AddressIssue),
        "Exception_003" => Some(StatusReason::Refused),
        "Exception_004" => Some(StatusReason::Customs),
        "Exception_005" => Some(StatusReason::Delayed),
        _ => None,
    }
}

/// Recognises a reason in free words such as `address_not_found` or "Shipment damaged".
fn reason_from_words(words: &str) -> Option<StatusReason> {
    let words = words.to_ascii_lowercase();
    let has = |needle: &str| words.contains(needle);
    if has("address") || has("moved") {
        Some(StatusReason::AddressIssue)
    } else if has("customs") {
        Some(StatusReason::Customs)
    } else if has("damage") {
        Some(StatusReason::Damaged)
    } else if has("lost") {
        Some(StatusReason::Lost)
    } else if has("return") {
        Some(StatusReason::ReturnedToSender)
    } else if has("refus") {
        Some(StatusReason::Refused)
    } else if has("cancel") {
        Some(StatusReason::Cancelled)
    } else if has("delay") || has("weather") {
        Some(StatusReason::Delayed)
    } else if has("unavailable") || has("not home") || has("attempt") {
        Some(StatusReason::RecipientUnavailable)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_carrier_links_are_kept() {
        assert_eq!(
            carrier_link(" HTTPS://Track.Example.com/t/1Z999?x=1 ").as_deref(),
            Some("https://track.example.com/t/1Z999?x=1")
        );
        assert_eq!(
            carrier_link("https://track.example.com").as_deref(),
            Some("https://track.example.com/")
        );
        for refused in [
            "javascript:alert(1)",
            "JavaScript://track.example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://track.example.com/t/1",
            "//track.example.com/t/1",
            "/t/1",
            "https://",
            "https://shop.example@evil.example/",
            "https://track.example.com/t/1\nSet-Cookie",
            "",
        ] {
            assert_eq!(carrier_link(refused), None, "{refused}");
        }
        assert_eq!(
            carrier_link(&format!("https://t.example/{}", "a".repeat(3000))),
            None
        );
    }

    #[test]
    fn every_easypost_status_has_a_meaning() {
        let cases = [
            ("unknown", None, ShipmentStatus::Pending, None),
            (
                "pre_transit",
                Some("label_created"),
                ShipmentStatus::InfoReceived,
                None,
            ),
            ("in_transit", None, ShipmentStatus::InTransit, None),
            (
                "out_for_delivery",
                None,
                ShipmentStatus::OutForDelivery,
                None,
            ),
            (
                "available_for_pickup",
                None,
                ShipmentStatus::AvailableForPickup,
                None,
            ),
            ("delivered", None, ShipmentStatus::Delivered, None),
            (
                "return_to_sender",
                None,
                ShipmentStatus::Exception,
                Some(StatusReason::ReturnedToSender),
            ),
            (
                "failure",
                Some("address_not_found"),
                ShipmentStatus::Exception,
                Some(StatusReason::AddressIssue),
            ),
            (
                "failure",
                Some("attempted_delivery"),
                ShipmentStatus::AttemptFailed,
                Some(StatusReason::RecipientUnavailable),
            ),
            (
                "cancelled",
                None,
                ShipmentStatus::Exception,
                Some(StatusReason::Cancelled),
            ),
            (
                "error",
                None,
                ShipmentStatus::Exception,
                Some(StatusReason::Other),
            ),
            ("something_new", None, ShipmentStatus::Pending, None),
        ];
        for (status, detail, expected, reason) in cases {
            assert_eq!(easypost(status, detail), (expected, reason), "{status}");
        }
    }

    #[test]
    fn every_aftership_tag_has_a_meaning() {
        let cases = [
            ("Pending", None, None, ShipmentStatus::Pending, None),
            (
                "InfoReceived",
                None,
                None,
                ShipmentStatus::InfoReceived,
                None,
            ),
            (
                "InTransit",
                Some("InTransit_002"),
                None,
                ShipmentStatus::InTransit,
                None,
            ),
            (
                "OutForDelivery",
                None,
                None,
                ShipmentStatus::OutForDelivery,
                None,
            ),
            (
                "AttemptFail",
                None,
                None,
                ShipmentStatus::AttemptFailed,
                Some(StatusReason::RecipientUnavailable),
            ),
            ("Delivered", None, None, ShipmentStatus::Delivered, None),
            (
                "AvailableForPickup",
                None,
                None,
                ShipmentStatus::AvailableForPickup,
                None,
            ),
            (
                "Exception",
                Some("Exception_004"),
                Some("Held at customs"),
                ShipmentStatus::Exception,
                Some(StatusReason::Customs),
            ),
            (
                "Exception",
                Some("Exception_002"),
                None,
                ShipmentStatus::Exception,
                Some(StatusReason::AddressIssue),
            ),
            (
                "Exception",
                Some("Exception_099"),
                Some("Shipment damaged"),
                ShipmentStatus::Exception,
                Some(StatusReason::Damaged),
            ),
            (
                "Exception",
                None,
                None,
                ShipmentStatus::Exception,
                Some(StatusReason::Other),
            ),
            ("Expired", None, None, ShipmentStatus::Expired, None),
        ];
        for (tag, subtag, message, expected, reason) in cases {
            assert_eq!(
                aftership(tag, subtag, message),
                (expected, reason),
                "{tag} {subtag:?}"
            );
        }
    }
}
