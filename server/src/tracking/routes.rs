//! The tracking routes: lookup, signed links and signed customers, an order's tracking,
//! its notification preferences, its live stream, and the carrier webhooks.

use super::access::OrderShopper;
use super::store::{self, Applied};
use super::webhooks::Provider;
use super::{TrackingError, TrackingState};
use crate::db::{self, Database};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, JsonBytes};
use crate::identity::{self, Signer};
use crate::routes::openapi::RateLimited;
use crate::tokens::{Credential, TokenKeys};
use crate::Secrets;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::sse::{KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::Json;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use sf_api::error::ErrorBody;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
use sf_api::tracking::{
    CustomerOrder, CustomerOrders, NotificationPreferences, OrderAccess, OrderLookupRequest,
    OrderTracking, ValidNotificationPreferences, ValidOrderLookup,
};
use sf_api::validation::{CustomerId, Validate};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use tokio::sync::watch;
use tracing::field::Empty;
use tracing::Span;
/// Find an order by its number and the email it was placed with.
///
/// Answers a token that reads only this order. A wrong pair answers 404 with the same
/// words whether or not the number exists; repeated wrong pairs from one client answer 429.
#[utoipa::path(
    post,
    path = "/orders/lookup",
    tag = "tracking",
    request_body = OrderLookupRequest,
    responses(
        (status = 200, description = "The order, and a token for it", body = OrderAccess),
        (status = 404, description = "No order with that number and email", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(client_ip = %client.ip(), order_id = Empty))]
pub(super) async fn look_up_order(
    State(db): State<Database>,
    State(tracking): State<TrackingState>,
    State(keys): State<Arc<TokenKeys>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<OrderLookupRequest>,
) -> Result<Json<OrderAccess>, ApiError> {
    let ValidOrderLookup {
        order_number,
        email,
    } = request.validate()?;
    let client_ip = client.ip();
    tracking
        .lookup_limiter
        .check(client_ip, Instant::now())
        .map_err(ApiError::RateLimited)?;
    let Some(order_id) = store::find_order(&db, order_number.as_str(), email.as_str()).await?
    else {
        // Success does not clear the count: one real order must not buy unlimited guesses.
        tracking
            .lookup_limiter
            .record_failure(client_ip, Instant::now());
        return Err(TrackingError::OrderNotFound.into());
    };
    order_access(&db, &keys, order_id, None).await.map(Json)
}

/// The order's tracking and a token for it, lasting no longer than `proven_until`.
async fn order_access(
    db: &Database,
    keys: &Arc<TokenKeys>,
    order_id: i64,
    proven_until: Option<OffsetDateTime>,
) -> Result<OrderAccess, ApiError> {
    Span::current().record("order_id", order_id);
    let tracking = store::load_tracking(db, order_id).await?;
    let shopper = OrderShopper {
        order_id,
        order_number: tracking.order_number.clone(),
    };
    let issued = OrderShopper::issue(keys, &shopper, proven_until).await?;
    Ok(OrderAccess {
        expires_at: issued.expires_at_text(),
        token: issued.token,
        tracking,
    })
}

/// Open an order from a signed link in the store's email (no email address needed).
#[utoipa::path(
    post,
    path = "/orders/signed-link",
    tag = "tracking",
    request_body = SignedOrderLink,
    responses(
        (status = 200, description = "The order, and a token for it", body = OrderAccess),
        (status = 401, description = "The link is not genuine or has expired", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = Empty))]
pub(super) async fn open_signed_link(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    State(secrets): State<Arc<Secrets>>,
    ApiJson(link): ApiJson<SignedOrderLink>,
) -> Result<Json<OrderAccess>, ApiError> {
    let link = identity::verify(
        &secrets,
        Signer::OrderLinks,
        link.order_number,
        link.expires,
        &link.signature,
        OffsetDateTime::now_utc(),
    )?;
    let order_id = store::find_order_by_number(&db, &link.subject)
        .await?
        .ok_or(ApiError::BadSignature)?;
    order_access(&db, &keys, order_id, Some(link.valid_until))
        .await
        .map(Json)
}

/// A shopper signed in to the store arrives already identified: their recent orders, each
/// with a token that reads only that order.
///
/// The store signs its own customer id; a customer with no orders here gets an empty list.
#[utoipa::path(
    post,
    path = "/orders/signed-customer",
    tag = "tracking",
    request_body = SignedCustomer,
    responses(
        (status = 200, description = "The customer's most recent orders, newest first", body = CustomerOrders),
        (status = 401, description = "The signature is not genuine or has expired", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(customer_id = Empty, orders = Empty))]
pub(super) async fn open_signed_customer(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    State(secrets): State<Arc<Secrets>>,
    ApiJson(signed): ApiJson<SignedCustomer>,
) -> Result<Json<CustomerOrders>, ApiError> {
    let customer_id = CustomerId::parse(&signed.customer_id)
        .map_err(|problem| ApiError::field("customer_id", problem.english("customer id")))?;
    let customer = identity::verify(
        &secrets,
        Signer::Customers,
        customer_id,
        signed.expires,
        &signed.signature,
        OffsetDateTime::now_utc(),
    )?;
    // Only once the store has vouched for it: before, it is just what the caller typed.
    Span::current().record("customer_id", customer.subject.as_str());
    let rows = store::customer_orders(&db, customer.subject.as_str()).await?;
    Span::current().record("orders", rows.len());
    let mut orders = Vec::new();
    for row in rows {
        let shopper = OrderShopper {
            order_id: row.order_id,
            order_number: row.order_number,
        };
        let issued = OrderShopper::issue(&keys, &shopper, Some(customer.valid_until)).await?;
        orders.push(CustomerOrder {
            order_number: shopper.order_number,
            placed_at: row.placed_at,
            package_statuses: row.package_statuses,
            expires_at: issued.expires_at_text(),
            token: issued.token,
        });
    }
    Ok(Json(CustomerOrders { orders }))
}

/// The order's tracking: packages, statuses, estimates and events.
#[utoipa::path(
    get,
    path = "/orders/{order_number}/tracking",
    tag = "tracking",
    params(("order_number" = String, Path, description = "The order number")),
    security(("order_token" = [])),
    responses(
        (status = 200, description = "The order's tracking", body = OrderTracking),
        (status = 401, description = "No valid token for this order", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = shopper.order_id))]
pub(super) async fn order_tracking(
    State(db): State<Database>,
    ApiPath(order_number): ApiPath<String>,
    shopper: OrderShopper,
) -> Result<Json<OrderTracking>, ApiError> {
    let shopper = shopper.for_order(&order_number)?;
    store::load_tracking(&db, shopper.order_id).await.map(Json)
}

/// Choose where status changes of this order are sent (empty or missing: not by that channel).
#[utoipa::path(
    put,
    path = "/orders/{order_number}/notifications",
    tag = "tracking",
    params(("order_number" = String, Path, description = "The order number")),
    security(("order_token" = [])),
    request_body = NotificationPreferences,
    responses(
        (status = 200, description = "Saved, as normalised", body = NotificationPreferences),
        (status = 401, description = "No valid token for this order", body = ErrorBody),
        (status = 422, description = "An invalid email address or phone number", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = shopper.order_id))]
pub(super) async fn set_notifications(
    State(db): State<Database>,
    ApiPath(order_number): ApiPath<String>,
    shopper: OrderShopper,
    ApiJson(preferences): ApiJson<NotificationPreferences>,
) -> Result<Json<NotificationPreferences>, ApiError> {
    let shopper = shopper.for_order(&order_number)?;
    let ValidNotificationPreferences { email, sms } = preferences.validate()?;
    let saved = NotificationPreferences {
        email: email.map(|email| email.as_str().to_owned()),
        sms: sms.map(|sms| sms.as_str().to_owned()),
    };
    store::save_notification_preferences(
        &db,
        shopper.order_id,
        saved.email.as_deref(),
        saved.sms.as_deref(),
    )
    .await?;
    Ok(Json(saved))
}

/// The token of a live stream: `EventSource` cannot send an `Authorization` header.
#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct StreamToken {
    /// The order token from the lookup.
    token: String,
}

/// A server-sent-events stream that says `tracking-changed` whenever the order changes
/// (and once on connecting); the tracker then fetches the order's tracking again.
#[utoipa::path(
    get,
    path = "/orders/{order_number}/events",
    tag = "tracking",
    params(("order_number" = String, Path, description = "The order number"), StreamToken),
    responses(
        (status = 200, description = "`text/event-stream` of `tracking-changed` events"),
        (status = 401, description = "No valid token for this order", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(client_ip = %client.ip(), order_id = Empty))]
pub(super) async fn order_events(
    State(tracking): State<TrackingState>,
    State(keys): State<Arc<TokenKeys>>,
    State(shutdown): State<watch::Receiver<bool>>,
    ApiPath(order_number): ApiPath<String>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiQuery(StreamToken { token }): ApiQuery<StreamToken>,
) -> Result<impl IntoResponse, ApiError> {
    let shopper = OrderShopper::resolve(&keys, token.trim())
        .await?
        .ok_or(ApiError::Unauthorized)?
        .for_order(&order_number)?;
    Span::current().record("order_id", shopper.order_id);
    let slots = tracking
        .stream_limiter
        .open(shopper.order_id, client.ip())
        .ok_or(TrackingError::TooManyStreams)?;
    let stream = tracking
        .hub
        .changes_of(shopper.order_id, shutdown)
        // The stream owns its slots: they are freed when it is dropped, which is when the
        // client goes away or the server stops.
        .map(move |event| {
            let _held = &slots;
            event
        });
    // Proxies close idle connections; a comment every 15 s keeps the stream open.
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// What a webhook delivery did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebhookOutcome {
    /// Stored and applied to the package.
    Applied,
    /// This event id was received before; nothing changed.
    Duplicate,
    /// Stored for audit, but no package has that tracking number (or it is not a tracking event).
    Unmatched,
}

/// The answer to a webhook delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WebhookReceipt {
    /// What happened.
    pub outcome: WebhookOutcome,
}

/// EasyPost `tracker.updated` events, signed with `X-Hmac-Signature`.
#[utoipa::path(
    post,
    path = "/webhooks/easypost",
    tag = "webhooks",
    request_body(content = String, description = "EasyPost Event JSON", content_type = "application/json"),
    responses(
        (status = 200, description = "Received", body = WebhookReceipt),
        (status = 401, description = "Missing or wrong signature; nothing stored", body = ErrorBody),
        (status = 422, description = "Signed, but not an EasyPost event", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(provider = "easypost", event_id = Empty, order_id = Empty))]
pub(super) async fn easypost_webhook(
    State(db): State<Database>,
    State(tracking): State<TrackingState>,
    headers: HeaderMap,
    JsonBytes(body): JsonBytes,
) -> Result<Json<WebhookReceipt>, ApiError> {
    receive_webhook(&db, &tracking, Provider::EasyPost, &headers, &body).await
}

/// AfterShip tracking updates, signed with `aftership-hmac-sha256`.
#[utoipa::path(
    post,
    path = "/webhooks/aftership",
    tag = "webhooks",
    request_body(content = String, description = "AfterShip webhook JSON", content_type = "application/json"),
    responses(
        (status = 200, description = "Received", body = WebhookReceipt),
        (status = 401, description = "Missing or wrong signature; nothing stored", body = ErrorBody),
        (status = 422, description = "Signed, but not an AfterShip delivery", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(provider = "aftership", event_id = Empty, order_id = Empty))]
pub(super) async fn aftership_webhook(
    State(db): State<Database>,
    State(tracking): State<TrackingState>,
    headers: HeaderMap,
    JsonBytes(body): JsonBytes,
) -> Result<Json<WebhookReceipt>, ApiError> {
    receive_webhook(&db, &tracking, Provider::AfterShip, &headers, &body).await
}

/// Verifies, deduplicates, stores the raw body, and applies — all in one transaction, so a
/// failure part-way leaves no record and the provider's retry is processed afresh.
async fn receive_webhook(
    db: &Database,
    tracking: &TrackingState,
    provider: Provider,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Json<WebhookReceipt>, ApiError> {
    let secret = match provider {
        Provider::EasyPost => tracking.webhook_secrets.easypost.as_deref(),
        Provider::AfterShip => tracking.webhook_secrets.aftership.as_deref(),
    };
    let Some(secret) = secret else {
        tracing::warn!("webhook refused: no secret configured");
        return Err(ApiError::BadSignature);
    };
    if !provider.signature_is_valid(secret, headers, body) {
        tracing::warn!("webhook refused: bad signature");
        return Err(ApiError::BadSignature);
    }
    let raw_body = std::str::from_utf8(body)
        .map_err(|_| ApiError::MalformedJson("the body is not UTF-8".into()))?;
    let (event_id, update) = provider.parse(body)?;
    Span::current().record("event_id", event_id.as_str());
    let mut tx = db.pool.begin().await?;
    let first_time = sqlx::query(
        "INSERT INTO webhook_deliveries (provider, event_id, tracking_number, received_at, raw_body) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider, event_id) DO NOTHING",
    )
    .bind(provider.as_str())
    .bind(&event_id)
    .bind(update.as_ref().map(|update| update.tracking_number.as_str()))
    .bind(db::now())
    .bind(raw_body)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !first_time {
        tx.rollback().await?;
        return Ok(Json(WebhookReceipt {
            outcome: WebhookOutcome::Duplicate,
        }));
    }
    let applied = match &update {
        Some(update) => store::apply_update(&mut tx, update).await?,
        None => Applied::Unmatched,
    };
    if let Applied::Matched { shipment_id, .. } = applied {
        sqlx::query(
            "UPDATE webhook_deliveries SET matched_shipment_id = $1 WHERE provider = $2 AND event_id = $3",
        )
        .bind(shipment_id)
        .bind(provider.as_str())
        .bind(&event_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    let outcome = match applied {
        Applied::Matched {
            order_id, changed, ..
        } => {
            Span::current().record("order_id", order_id);
            if changed {
                tracking.hub.order_changed(order_id);
            }
            WebhookOutcome::Applied
        }
        Applied::Unmatched => {
            tracing::info!("webhook for an unknown package");
            WebhookOutcome::Unmatched
        }
    };
    Ok(Json(WebhookReceipt { outcome }))
}
