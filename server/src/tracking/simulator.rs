//! The demo carrier: moves the demo store's packages along, one event at a time, through
//! the same code path as real carrier webhooks, so an open tracker visibly updates itself.

use super::live::TrackingHub;
use super::store::{self, Applied, CarrierEvent, CarrierUpdate};
use crate::db::{self, Database};
use crate::error::ApiError;
use sf_api::tracking::ShipmentStatus;
use std::time::Duration;
use tokio::sync::watch;

/// (tracking number, status, carrier's words, location), in the order they happen.
const SCRIPT: &[(&str, ShipmentStatus, &str, &str)] = &[
    (
        "9400111899223100012346",
        ShipmentStatus::InTransit,
        "Accepted at origin facility",
        "Springfield",
    ),
    (
        "JD014600006281230000",
        ShipmentStatus::OutForDelivery,
        "Out for delivery",
        "Capital City",
    ),
    (
        "449044304137821",
        ShipmentStatus::InTransit,
        "Arrived at hub",
        "Capital City",
    ),
    (
        "9400111899223100012346",
        ShipmentStatus::InTransit,
        "Arrived at regional facility",
        "Ogdenville",
    ),
    (
        "JD014600006281230000",
        ShipmentStatus::Delivered,
        "Delivered, handed to resident",
        "Capital City",
    ),
    (
        "449044304137821",
        ShipmentStatus::OutForDelivery,
        "On vehicle for delivery",
        "Capital City",
    ),
    (
        "9400111899223100012346",
        ShipmentStatus::OutForDelivery,
        "Out for delivery",
        "Ogdenville",
    ),
    (
        "449044304137821",
        ShipmentStatus::Delivered,
        "Delivered to front desk",
        "Capital City",
    ),
    (
        "9400111899223100012346",
        ShipmentStatus::Delivered,
        "Delivered, in mailbox",
        "Ogdenville",
    ),
];

/// Plays the script, one step every `every`, until it ends or the server stops.
///
/// Steps already in the database (a restarted demo) are skipped, so the story only moves forward.
pub async fn run(
    db: Database,
    hub: TrackingHub,
    every: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    for &(tracking_number, status, description, location) in SCRIPT {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = shutdown.wait_for(|stopping| *stopping) => return,
        }
        match advance(&db, tracking_number, status, description, location).await {
            Ok(Some(order_id)) => {
                tracing::info!(
                    tracking_number,
                    status = status.as_str(),
                    "demo carrier moved a package"
                );
                hub.order_changed(order_id);
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "demo carrier step failed"),
        }
    }
    tracing::info!("demo carrier: every demo package has arrived");
}

async fn advance(
    db: &Database,
    tracking_number: &str,
    status: ShipmentStatus,
    description: &str,
    location: &str,
) -> Result<Option<i64>, ApiError> {
    if store::has_event(db, tracking_number, description).await? {
        return Ok(None);
    }
    let update = CarrierUpdate {
        tracking_number: tracking_number.to_owned(),
        tracking_url: None,
        estimated_delivery: None,
        events: vec![CarrierEvent {
            occurred_at: db::now(),
            status,
            reason: None,
            description: description.to_owned(),
            location: Some(location.to_owned()),
        }],
    };
    let mut tx = db.pool.begin().await?;
    let applied = store::apply_update(&mut tx, &update).await?;
    tx.commit().await?;
    Ok(match applied {
        Applied::Matched {
            order_id,
            changed: true,
            ..
        } => Some(order_id),
        _ => None,
    })
}
