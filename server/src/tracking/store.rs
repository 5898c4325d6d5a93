//! Reading an order's tracking, and applying what a carrier reports to it.

use super::normalise;
use crate::db::{self, Database};
use crate::error::ApiError;
use sf_api::tracking::{
    NotificationPreferences, OrderItem, OrderTracking, Package, ShipmentStatus, StatusReason,
    StorePickup, TrackingEvent, MAX_CUSTOMER_ORDERS, STALE_AFTER_HOURS,
};
use sqlx::{Any, Transaction};
use time::{Duration, OffsetDateTime};

/// What a carrier or tracking provider reported about one package, already normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarrierUpdate {
    /// The carrier's tracking number, which finds the package.
    pub tracking_number: String,
    /// The carrier's tracking page, when the provider gave one (kept only when
    /// [`normalise::carrier_link`] accepts it).
    pub tracking_url: Option<String>,
    /// The expected delivery, as stored (RFC 3339 UTC), when the provider gave one.
    pub estimated_delivery: Option<String>,
    /// The events in this report, in any order.
    pub events: Vec<CarrierEvent>,
}

/// One scan in a [`CarrierUpdate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarrierEvent {
    /// When it happened, as stored (RFC 3339 UTC).
    pub occurred_at: String,
    /// Its normalised status.
    pub status: ShipmentStatus,
    /// Why, for exceptions and failed attempts.
    pub reason: Option<StatusReason>,
    /// The carrier's words.
    pub description: String,
    /// Where, when known.
    pub location: Option<String>,
}

/// What applying a [`CarrierUpdate`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// No package has that tracking number (kept for audit, nothing changed).
    Unmatched,
    /// The package was found; `changed` says whether anything a shopper sees changed.
    Matched {
        /// The package.
        shipment_id: i64,
        /// Its order, whose open trackers are told when `changed`.
        order_id: i64,
        /// Whether a new event or a new estimate arrived.
        changed: bool,
    },
}

/// The order with this number and email, if both match. A wrong email and an unknown
/// number both give `None` through the same query, so neither can be told apart.
pub async fn find_order(
    db: &Database,
    order_number: &str,
    email: &str,
) -> Result<Option<i64>, ApiError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM orders WHERE order_number = $1 AND LOWER(email) = $2")
            .bind(order_number)
            .bind(email)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// The order with this number, whoever asks (for signed links, whose signature proves access).
pub async fn find_order_by_number(
    db: &Database,
    order_number: &str,
) -> Result<Option<i64>, ApiError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM orders WHERE order_number = $1")
            .bind(order_number)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// One of a customer's orders: its id, number, when it was placed, and its packages' statuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerOrderRow {
    /// The order's id.
    pub order_id: i64,
    /// Its number.
    pub order_number: String,
    /// When it was placed (RFC 3339 UTC).
    pub placed_at: String,
    /// Each package's status, in the order they were shipped.
    pub package_statuses: Vec<ShipmentStatus>,
}

/// One package of one of a customer's orders (or the order alone, when nothing shipped).
#[derive(sqlx::FromRow)]
struct CustomerPackageRow {
    order_id: i64,
    order_number: String,
    placed_at: String,
    status: Option<String>,
}

/// The customer's most recent orders (at most [`MAX_CUSTOMER_ORDERS`]), newest first.
pub async fn customer_orders(
    db: &Database,
    customer_id: &str,
) -> Result<Vec<CustomerOrderRow>, ApiError> {
    // One query for orders and their packages: a LEFT JOIN keeps orders with none shipped.
    let rows: Vec<CustomerPackageRow> = sqlx::query_as(
        "SELECT o.id AS order_id, o.order_number, o.placed_at, s.status FROM orders o \
         LEFT JOIN shipments s ON s.order_id = o.id \
         WHERE o.id IN (SELECT id FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC LIMIT $2) \
         ORDER BY o.placed_at DESC, o.id DESC, s.id",
    )
    .bind(customer_id)
    .bind(MAX_CUSTOMER_ORDERS as i64)
    .fetch_all(&db.pool)
    .await?;
    let mut orders: Vec<CustomerOrderRow> = Vec::new();
    for row in rows {
        if orders
            .last()
            .is_none_or(|order| order.order_id != row.order_id)
        {
            orders.push(CustomerOrderRow {
                order_id: row.order_id,
                order_number: row.order_number,
                placed_at: row.placed_at,
                package_statuses: Vec::new(),
            });
        }
        if let (Some(order), Some(status)) = (orders.last_mut(), row.status) {
            order
                .package_statuses
                .push(ShipmentStatus::parse(&status).unwrap_or(ShipmentStatus::Pending));
        }
    }
    Ok(orders)
}

/// The order itself, with its pickup store when it has one.
#[derive(sqlx::FromRow)]
struct OrderRow {
    order_number: String,
    placed_at: String,
    fulfilment: String,
    pickup_code: Option<String>,
    store_name: Option<String>,
    store_address: Option<String>,
    store_hours: Option<String>,
    /// Where status changes are emailed, when the shopper asked.
    notify_email: Option<String>,
    /// Where status changes are texted, when the shopper asked.
    notify_sms: Option<String>,
}

/// One line of the order, in a package or not shipped yet.
#[derive(sqlx::FromRow)]
struct ItemRow {
    shipment_id: Option<i64>,
    name: String,
    quantity: i64,
}

/// One package of the order.
#[derive(sqlx::FromRow)]
struct ShipmentRow {
    id: i64,
    carrier: String,
    tracking_number: String,
    tracking_url: Option<String>,
    status: String,
    status_reason: Option<String>,
    estimated_delivery: Option<String>,
    previous_estimated_delivery: Option<String>,
}

/// One carrier scan of one of the order's packages.
#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    shipment_id: i64,
    occurred_at: String,
    status: String,
    description: String,
    location: Option<String>,
}

/// Everything the tracker shows about an order, as of now.
///
/// Four queries on one connection; the shopper's notification choices come with the order.
pub async fn load_tracking(db: &Database, order_id: i64) -> Result<OrderTracking, ApiError> {
    let mut connection = db.pool.acquire().await?;
    let order: OrderRow = sqlx::query_as(
        "SELECT o.order_number, o.placed_at, o.fulfilment, o.pickup_code, s.name AS store_name, \
         s.address AS store_address, s.opening_hours AS store_hours, \
         n.email AS notify_email, n.sms AS notify_sms \
         FROM orders o LEFT JOIN stores s ON s.id = o.pickup_store_id \
         LEFT JOIN notification_subscriptions n ON n.order_id = o.id WHERE o.id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut *connection)
    .await?
    .ok_or(ApiError::NotFound)?;
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT i.shipment_id, p.name, i.quantity FROM order_items i \
         JOIN products p ON p.id = i.product_id WHERE i.order_id = $1 ORDER BY i.id",
    )
    .bind(order_id)
    .fetch_all(&mut *connection)
    .await?;
    let shipments: Vec<ShipmentRow> = sqlx::query_as(
        "SELECT id, carrier, tracking_number, tracking_url, status, status_reason, \
         estimated_delivery, previous_estimated_delivery FROM shipments WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(&mut *connection)
    .await?;
    let events: Vec<EventRow> = sqlx::query_as(
        "SELECT e.id, e.shipment_id, e.occurred_at, e.status, e.description, e.location \
         FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id \
         WHERE s.order_id = $1 ORDER BY e.occurred_at DESC, e.id DESC",
    )
    .bind(order_id)
    .fetch_all(&mut *connection)
    .await?;
    drop(connection);

    let items_in = |shipment: Option<i64>| -> Vec<OrderItem> {
        items
            .iter()
            .filter(|item| item.shipment_id == shipment)
            .map(|item| OrderItem {
                name: item.name.clone(),
                quantity: item.quantity,
            })
            .collect()
    };
    let stale_before =
        db::timestamp(OffsetDateTime::now_utc() - Duration::hours(STALE_AFTER_HOURS));
    let packages = shipments
        .into_iter()
        .map(|shipment| {
            let status = ShipmentStatus::parse(&shipment.status).unwrap_or(ShipmentStatus::Pending);
            let events: Vec<TrackingEvent> = events
                .iter()
                .filter(|event| event.shipment_id == shipment.id)
                .map(|event| TrackingEvent {
                    id: event.id,
                    occurred_at: event.occurred_at.clone(),
                    status: ShipmentStatus::parse(&event.status).unwrap_or(ShipmentStatus::Pending),
                    description: event.description.clone(),
                    location: event.location.clone(),
                })
                .collect();
            let last_event_at = events.first().map(|event| event.occurred_at.clone());
            Package {
                id: shipment.id,
                carrier: shipment.carrier,
                tracking_number: shipment.tracking_number,
                // Rows stored before links were checked must not be served either.
                carrier_url: shipment
                    .tracking_url
                    .as_deref()
                    .and_then(normalise::carrier_link),
                status,
                status_reason: shipment
                    .status_reason
                    .as_deref()
                    .and_then(StatusReason::parse),
                estimated_delivery: shipment.estimated_delivery,
                previous_estimated_delivery: shipment.previous_estimated_delivery,
                stale: is_stale(status, last_event_at.as_deref(), &stale_before),
                last_event_at,
                items: items_in(Some(shipment.id)),
                events,
            }
        })
        .collect();
    let pickup = match (
        order.fulfilment.as_str(),
        order.store_name,
        order.store_address,
        order.store_hours,
    ) {
        ("pickup", Some(store_name), Some(address), Some(opening_hours)) => Some(StorePickup {
            store_name,
            address,
            opening_hours,
            pickup_code: order.pickup_code.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(OrderTracking {
        order_number: order.order_number,
        placed_at: order.placed_at,
        pickup,
        unshipped_items: items_in(None),
        packages,
        notifications: NotificationPreferences {
            email: order.notify_email,
            sms: order.notify_sms,
        },
    })
}

/// A package the carrier has, that should be moving, with no news since `stale_before`.
/// Waiting at a pickup point is not stale: it is waiting for the shopper.
fn is_stale(status: ShipmentStatus, last_event_at: Option<&str>, stale_before: &str) -> bool {
    let moving = matches!(
        status,
        ShipmentStatus::InfoReceived
            | ShipmentStatus::InTransit
            | ShipmentStatus::OutForDelivery
            | ShipmentStatus::AttemptFailed
            | ShipmentStatus::Exception
    );
    moving && last_event_at.is_some_and(|at| at < stale_before)
}

/// What `apply_update` needs to know about the package a report is for.
#[derive(sqlx::FromRow)]
struct TrackedShipment {
    id: i64,
    order_id: i64,
    status: String,
    estimated_delivery: Option<String>,
    previous_estimated_delivery: Option<String>,
}

/// The newest event of a package, by event time: it sets the package's status.
#[derive(sqlx::FromRow)]
struct LatestEvent {
    status: String,
    status_reason: Option<String>,
}

/// Stores a carrier's report on a package: new events once each (a repeated delivery adds
/// nothing), the status of the latest event by *event time* (so a late-arriving old event
/// cannot roll the status back), the estimate only from a report at least as new as what we
/// have, and a notification record per channel the shopper chose when the status changes.
pub async fn apply_update(
    tx: &mut Transaction<'_, Any>,
    update: &CarrierUpdate,
) -> Result<Applied, ApiError> {
    let shipment: Option<TrackedShipment> = sqlx::query_as(
        "SELECT id, order_id, status, estimated_delivery, previous_estimated_delivery \
         FROM shipments WHERE tracking_number = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(&update.tracking_number)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(TrackedShipment {
        id: shipment_id,
        order_id,
        status: old_status,
        estimated_delivery: old_estimate,
        previous_estimated_delivery: old_previous,
    }) = shipment
    else {
        return Ok(Applied::Unmatched);
    };
    let latest_known: Option<String> =
        sqlx::query_scalar("SELECT MAX(occurred_at) FROM shipment_events WHERE shipment_id = $1")
            .bind(shipment_id)
            .fetch_one(&mut **tx)
            .await?;

    let mut new_events = 0;
    for event in &update.events {
        new_events += sqlx::query(
            "INSERT INTO shipment_events (shipment_id, occurred_at, status, status_reason, description, location) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (shipment_id, occurred_at, status, description) DO NOTHING",
        )
        .bind(shipment_id)
        .bind(&event.occurred_at)
        .bind(event.status.as_str())
        .bind(event.reason.map(StatusReason::as_str))
        .bind(&event.description)
        .bind(&event.location)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    }

    let newest_reported = update.events.iter().map(|e| e.occurred_at.as_str()).max();
    let report_is_current = match (newest_reported, latest_known.as_deref()) {
        (Some(reported), Some(known)) => reported >= known,
        _ => true,
    };
    let (estimate, previous) = match &update.estimated_delivery {
        Some(new) if report_is_current && old_estimate.as_ref() != Some(new) => {
            (Some(new.clone()), old_estimate.clone().or(old_previous))
        }
        _ => (old_estimate.clone(), old_previous),
    };
    let estimate_changed = estimate != old_estimate;

    let latest: Option<LatestEvent> = sqlx::query_as(
        "SELECT status, status_reason FROM shipment_events WHERE shipment_id = $1 \
         ORDER BY occurred_at DESC, id DESC LIMIT 1",
    )
    .bind(shipment_id)
    .fetch_optional(&mut **tx)
    .await?;
    let LatestEvent {
        status,
        status_reason: reason,
    } = latest.unwrap_or_else(|| LatestEvent {
        status: old_status.clone(),
        status_reason: None,
    });
    sqlx::query(
        "UPDATE shipments SET status = $1, status_reason = $2, estimated_delivery = $3, \
         previous_estimated_delivery = $4, tracking_url = COALESCE($5, tracking_url), updated_at = $6 \
         WHERE id = $7",
    )
    .bind(&status)
    .bind(&reason)
    .bind(&estimate)
    .bind(&previous)
    .bind(
        update
            .tracking_url
            .as_deref()
            .and_then(normalise::carrier_link),
    )
    .bind(db::now())
    .bind(shipment_id)
    .execute(&mut **tx)
    .await?;
    if status != old_status {
        record_notifications(tx, order_id, shipment_id, &status).await?;
        if status == ShipmentStatus::Delivered.as_str() {
            // Delivered: each product in the package may now be reviewed, verified.
            crate::reviews::store::request_reviews_of_shipment(tx, shipment_id).await?;
        }
    }
    Ok(Applied::Matched {
        shipment_id,
        order_id,
        changed: new_events > 0 || estimate_changed,
    })
}

/// One pending notification per channel the shopper opted in to; a delivery worker sends them.
async fn record_notifications(
    tx: &mut Transaction<'_, Any>,
    order_id: i64,
    shipment_id: i64,
    status: &str,
) -> Result<(), ApiError> {
    for channel in ["email", "sms"] {
        // `channel` is one of two fixed column names, never input.
        let sql = format!(
            "INSERT INTO notifications (order_id, shipment_id, channel, destination, status, created_at) \
             SELECT order_id, $1, '{channel}', {channel}, $2, $3 FROM notification_subscriptions \
             WHERE order_id = $4 AND {channel} IS NOT NULL"
        );
        sqlx::query(&sql)
            .bind(shipment_id)
            .bind(status)
            .bind(db::now())
            .bind(order_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Whether the package with this tracking number already has an event with these words
/// (the demo carrier's way to play each step once).
pub async fn has_event(
    db: &Database,
    tracking_number: &str,
    description: &str,
) -> Result<bool, ApiError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id \
         WHERE s.tracking_number = $1 AND e.description = $2",
    )
    .bind(tracking_number)
    .bind(description)
    .fetch_one(&db.pool)
    .await?;
    Ok(count > 0)
}

/// Saves where this order's status changes go (both `None`: no notifications).
pub async fn save_notification_preferences(
    db: &Database,
    order_id: i64,
    email: Option<&str>,
    sms: Option<&str>,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO notification_subscriptions (order_id, email, sms, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (order_id) DO UPDATE SET email = excluded.email, sms = excluded.sms, updated_at = excluded.updated_at",
    )
    .bind(order_id)
    .bind(email)
    .bind(sms)
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_moving_packages_go_stale() {
        let cutoff = "2026-11-19T00:00:00Z";
        let old = Some("2026-11-15T00:00:00Z");
        let recent = Some("2026-11-20T00:00:00Z");
        assert!(is_stale(ShipmentStatus::InTransit, old, cutoff));
        assert!(!is_stale(ShipmentStatus::InTransit, recent, cutoff));
        assert!(!is_stale(ShipmentStatus::Delivered, old, cutoff));
        assert!(!is_stale(ShipmentStatus::AvailableForPickup, old, cutoff));
        assert!(!is_stale(ShipmentStatus::Pending, None, cutoff));
    }
}
