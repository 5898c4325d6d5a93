//! Carrier webhooks from EasyPost (`tracker.updated`) and AfterShip (tracking updates):
//! signature checks over the exact bytes received, and lenient parsing of their real
//! formats (providers add fields over time; only what is needed is read).

use super::normalise;
use super::store::{CarrierEvent, CarrierUpdate};
use super::{parse_provider_time, ProviderTimeProblem};
use crate::error::ApiError;
use crate::extract::parse_json;
use axum::http::HeaderMap;
use base64::Engine;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// A tracking provider that can call the webhook routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    /// EasyPost: `X-Hmac-Signature: hmac-sha256-hex=<hex>`.
    EasyPost,
    /// AfterShip: `aftership-hmac-sha256: <base64>`.
    AfterShip,
}

impl Provider {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::EasyPost => "easypost",
            Provider::AfterShip => "aftership",
        }
    }

    /// Whether the request carries this provider's valid signature of `body` under `secret`.
    pub fn signature_is_valid(self, secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
        let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
        let (key, signature) = match self {
            Provider::EasyPost => {
                // EasyPost normalises the secret (NFKD) before using it as the key.
                let key: String = secret.nfkd().collect();
                let signature = header("x-hmac-signature")
                    .and_then(|value| value.trim().strip_prefix("hmac-sha256-hex="))
                    .and_then(|hex_digits| hex::decode(hex_digits).ok());
                (key.into_bytes(), signature)
            }
            Provider::AfterShip => {
                let signature = header("aftership-hmac-sha256").and_then(|value| {
                    base64::engine::general_purpose::STANDARD
                        .decode(value.trim())
                        .ok()
                });
                (secret.as_bytes().to_vec(), signature)
            }
        };
        signature.is_some_and(|signature| crate::signature::verify(&key, body, &signature))
    }

    /// The provider's event id (for deduplication) and the package update it carries, if any.
    pub fn parse(self, body: &[u8]) -> Result<(String, Option<CarrierUpdate>), ApiError> {
        match self {
            Provider::EasyPost => parse_easypost(body),
            Provider::AfterShip => parse_aftership(body),
        }
    }
}

/// A provider's time at `field`: `Ok(None)` when unrecognised (skipped: providers add
/// formats), a 422 naming the field when it is a real date out of range.
fn provider_time(text: &str, field: impl FnOnce() -> String) -> Result<Option<String>, ApiError> {
    match parse_provider_time(text) {
        Ok(at) => Ok(Some(at)),
        Err(ProviderTimeProblem::Unrecognised) => Ok(None),
        Err(ProviderTimeProblem::OutOfRange) => Err(ApiError::field(
            &field(),
            ProviderTimeProblem::OUT_OF_RANGE_MESSAGE,
        )),
    }
}

fn blank_to_none(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

#[derive(Deserialize)]
struct EasyPostEvent {
    id: String,
    description: String,
    result: Option<EasyPostTracker>,
}

#[derive(Deserialize)]
struct EasyPostTracker {
    tracking_code: String,
    status: String,
    est_delivery_date: Option<String>,
    public_url: Option<String>,
    #[serde(default)]
    tracking_details: Vec<EasyPostDetail>,
}

#[derive(Deserialize)]
struct EasyPostDetail {
    message: Option<String>,
    description: Option<String>,
    status: String,
    status_detail: Option<String>,
    datetime: String,
    tracking_location: Option<EasyPostLocation>,
}

#[derive(Deserialize)]
struct EasyPostLocation {
    city: Option<String>,
    state: Option<String>,
    country: Option<String>,
}

fn parse_easypost(body: &[u8]) -> Result<(String, Option<CarrierUpdate>), ApiError> {
    let event: EasyPostEvent = parse_json(body)?;
    let is_tracker_event = matches!(
        event.description.as_str(),
        "tracker.updated" | "tracker.created"
    );
    let Some(tracker) = event.result.filter(|_| is_tracker_event) else {
        return Ok((event.id, None));
    };
    let mut events = Vec::new();
    for (index, detail) in tracker.tracking_details.into_iter().enumerate() {
        let Some(occurred_at) = provider_time(&detail.datetime, || {
            format!("result.tracking_details[{index}].datetime")
        })?
        else {
            continue;
        };
        let (status, reason) = normalise::easypost(&detail.status, detail.status_detail.as_deref());
        let location = detail.tracking_location.and_then(|place| {
            let parts: Vec<String> = [place.city, place.state, place.country]
                .into_iter()
                .filter_map(blank_to_none)
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        });
        events.push(CarrierEvent {
            occurred_at,
            status,
            reason,
            description: blank_to_none(detail.message)
                .or_else(|| blank_to_none(detail.description))
                .unwrap_or_else(|| tracker.status.clone()),
            location,
        });
    }
    let estimated_delivery = match tracker.est_delivery_date.as_deref() {
        Some(text) => provider_time(text, || "result.est_delivery_date".to_owned())?,
        None => None,
    };
    let update = CarrierUpdate {
        tracking_number: tracker.tracking_code,
        tracking_url: tracker.public_url,
        estimated_delivery,
        events,
    };
    Ok((event.id, Some(update)))
}

#[derive(Deserialize)]
struct AfterShipDelivery {
    event_id: String,
    msg: Option<AfterShipTracking>,
}

#[derive(Deserialize)]
struct AfterShipTracking {
    tracking_number: String,
    courier_tracking_link: Option<String>,
    courier_estimated_delivery_date: Option<AfterShipEstimate>,
    aftership_estimated_delivery_date: Option<AfterShipEstimate>,
    #[serde(default)]
    checkpoints: Vec<AfterShipCheckpoint>,
}

#[derive(Deserialize)]
struct AfterShipEstimate {
    estimated_delivery_date: Option<String>,
}

#[derive(Deserialize)]
struct AfterShipCheckpoint {
    checkpoint_time: String,
    tag: String,
    subtag: Option<String>,
    subtag_message: Option<String>,
    message: Option<String>,
    location: Option<String>,
}

fn parse_aftership(body: &[u8]) -> Result<(String, Option<CarrierUpdate>), ApiError> {
    let delivery: AfterShipDelivery = parse_json(body)?;
    let Some(tracking) = delivery.msg else {
        return Ok((delivery.event_id, None));
    };
    let mut estimated_delivery = None;
    for (name, estimate) in [
        (
            "courier_estimated_delivery_date",
            tracking.courier_estimated_delivery_date,
        ),
        (
            "aftership_estimated_delivery_date",
            tracking.aftership_estimated_delivery_date,
        ),
    ] {
        if let Some(text) = estimate.and_then(|estimate| estimate.estimated_delivery_date) {
            // The first estimate that parses is used; one out of range is refused wherever it is.
            let parsed = provider_time(&text, || format!("msg.{name}.estimated_delivery_date"))?;
            estimated_delivery = estimated_delivery.or(parsed);
        }
    }
    let mut events = Vec::new();
    for (index, checkpoint) in tracking.checkpoints.into_iter().enumerate() {
        let Some(occurred_at) = provider_time(&checkpoint.checkpoint_time, || {
            format!("msg.checkpoints[{index}].checkpoint_time")
        })?
        else {
            continue;
        };
        let (status, reason) = normalise::aftership(
            &checkpoint.tag,
            checkpoint.subtag.as_deref(),
            checkpoint.subtag_message.as_deref(),
        );
        events.push(CarrierEvent {
            occurred_at,
            status,
            reason,
            description: blank_to_none(checkpoint.message)
                .or(blank_to_none(checkpoint.subtag_message))
                .unwrap_or_else(|| checkpoint.tag.clone()),
            location: blank_to_none(checkpoint.location),
        });
    }
    let update = CarrierUpdate {
        tracking_number: tracking.tracking_number,
        tracking_url: tracking.courier_tracking_link,
        estimated_delivery,
        events,
    };
    Ok((delivery.event_id, Some(update)))
}
