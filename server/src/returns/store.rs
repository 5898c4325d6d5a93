//! The queries of returns, each reading into a named row struct.

use super::policy::ReturnPolicy;
use crate::db::{self, Database};
use crate::error::ApiError;
use sf_api::returns::{
    ExchangeOption, ReceivedLine, ReturnAmounts, ReturnEvent, ReturnMethod, ReturnOutcome,
    ReturnReason, ReturnStatus, ReturnStore, SubReason,
};
use sqlx::{Any, Transaction};

/// One rule row of `return_rules`.
#[derive(sqlx::FromRow)]
struct RuleRow {
    rule: String,
    subject: String,
    value: i64,
}

/// The store's policy, from its rule table.
pub async fn policy(db: &Database) -> Result<ReturnPolicy, ApiError> {
    let rows: Vec<RuleRow> = sqlx::query_as("SELECT rule, subject, value FROM return_rules")
        .fetch_all(&db.pool)
        .await?;
    Ok(ReturnPolicy::from_rules(rows.iter().map(|row| {
        (row.rule.as_str(), row.subject.as_str(), row.value)
    })))
}

/// An order line as returns need it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ItemRow {
    /// The order line's id.
    pub item_id: i64,
    /// The product's id.
    pub product_id: i64,
    /// Its SKU.
    pub sku: String,
    /// Its name.
    pub name: String,
    /// Its variant.
    pub variant: Option<String>,
    /// Its family (variants of one product share it).
    pub family: Option<String>,
    /// Its category.
    pub category: String,
    /// One unit's price as paid (the product's price for lines imported without one).
    pub price_cents: i64,
    /// Units ordered.
    pub quantity: i64,
    /// When its package was delivered.
    pub delivered_at: Option<String>,
    /// Units already in a return that was not rejected.
    pub already_returned: i64,
}

/// Every line of an order, in order.
pub async fn order_items(db: &Database, order_id: i64) -> Result<Vec<ItemRow>, ApiError> {
    Ok(sqlx::query_as(
        "SELECT i.id AS item_id, p.id AS product_id, p.sku, p.name, p.variant, p.family, \
                p.category, COALESCE(i.unit_price_cents, p.price_cents) AS price_cents, i.quantity, \
                (SELECT MIN(e.occurred_at) FROM shipment_events e \
                  WHERE e.shipment_id = i.shipment_id AND e.status = 'delivered') AS delivered_at, \
                CAST((SELECT COALESCE(SUM(l.quantity), 0) FROM return_lines l \
                  JOIN returns r ON r.id = l.return_id \
                  WHERE l.order_item_id = i.id AND r.status <> 'rejected') AS BIGINT) AS already_returned \
         FROM order_items i JOIN products p ON p.id = i.product_id \
         WHERE i.order_id = $1 ORDER BY i.id",
    )
    .bind(order_id)
    .fetch_all(&db.pool)
    .await?)
}

#[derive(sqlx::FromRow)]
struct OptionRow {
    id: i64,
    variant: String,
}

/// The other variants of the item's product that are in stock.
pub async fn exchange_options(
    db: &Database,
    item: &ItemRow,
) -> Result<Vec<ExchangeOption>, ApiError> {
    let Some(family) = &item.family else {
        return Ok(Vec::new());
    };
    let rows: Vec<OptionRow> = sqlx::query_as(
        "SELECT id, variant FROM products \
         WHERE family = $1 AND id <> $2 AND stock > 0 AND variant IS NOT NULL ORDER BY id",
    )
    .bind(family)
    .bind(item.product_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ExchangeOption {
            product_id: row.id,
            variant: row.variant,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct StoreRow {
    id: i64,
    name: String,
    address: String,
    opening_hours: String,
}

impl From<StoreRow> for ReturnStore {
    fn from(row: StoreRow) -> Self {
        ReturnStore {
            id: row.id,
            name: row.name,
            address: row.address,
            opening_hours: row.opening_hours,
        }
    }
}

/// The shops that take returns, by name.
pub async fn return_stores(db: &Database) -> Result<Vec<ReturnStore>, ApiError> {
    let rows: Vec<StoreRow> = sqlx::query_as(
        "SELECT id, name, address, opening_hours FROM stores WHERE accepts_returns = 1 ORDER BY name",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(ReturnStore::from).collect())
}

/// The order's currency.
pub async fn order_currency(db: &Database, order_id: i64) -> Result<String, ApiError> {
    Ok(
        sqlx::query_scalar("SELECT currency FROM orders WHERE id = $1")
            .bind(order_id)
            .fetch_optional(&db.pool)
            .await?
            .unwrap_or_else(|| "USD".to_owned()),
    )
}

/// A photo's id when `key` is one of the order's.
pub async fn photo_of_order(
    db: &Database,
    order_id: i64,
    key: &str,
) -> Result<Option<i64>, ApiError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM return_photos WHERE key = $1 AND order_id = $2")
            .bind(key)
            .bind(order_id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// How many photos the order's shopper uploaded.
pub async fn photo_count(db: &Database, order_id: i64) -> Result<i64, ApiError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM return_photos WHERE order_id = $1")
            .bind(order_id)
            .fetch_one(&db.pool)
            .await?,
    )
}

/// Stores a photo under a new unguessable key.
pub async fn insert_photo(
    db: &Database,
    order_id: i64,
    key: &str,
    media_type: &str,
    bytes: &[u8],
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO return_photos (key, order_id, media_type, bytes, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(key)
    .bind(order_id)
    .bind(media_type)
    .bind(bytes)
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct PhotoRow {
    media_type: String,
    bytes: Vec<u8>,
}

/// A photo by key.
pub async fn photo(db: &Database, key: &str) -> Result<Option<(String, Vec<u8>)>, ApiError> {
    let row: Option<PhotoRow> =
        sqlx::query_as("SELECT media_type, bytes FROM return_photos WHERE key = $1")
            .bind(key)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|row| (row.media_type, row.bytes)))
}

/// One line of a return about to be stored, checked against the order.
pub struct NewLine {
    /// The order line.
    pub item_id: i64,
    /// Units.
    pub quantity: u32,
    /// Why.
    pub reason: ReturnReason,
    /// The finer reason.
    pub sub_reason: Option<SubReason>,
    /// What the shopper gets.
    pub outcome: ReturnOutcome,
    /// The variant wanted.
    pub exchange_product_id: Option<i64>,
    /// The photo's id.
    pub photo_id: Option<i64>,
}

/// A return about to be stored.
pub struct NewReturn<'a> {
    /// The order.
    pub order_id: i64,
    /// The client's request id.
    pub request_id: &'a str,
    /// How it comes back.
    pub method: ReturnMethod,
    /// The shop, for a counter return.
    pub store_id: Option<i64>,
    /// The shopper's comment.
    pub comment: &'a str,
    /// What it gives back.
    pub amounts: ReturnAmounts,
    /// Its lines.
    pub lines: Vec<NewLine>,
}

/// The RMA of the order's return made with `request_id`, if one was.
pub async fn rma_of_request(
    db: &Database,
    order_id: i64,
    request_id: &str,
) -> Result<Option<String>, ApiError> {
    Ok(
        sqlx::query_scalar("SELECT rma FROM returns WHERE order_id = $1 AND request_id = $2")
            .bind(order_id)
            .bind(request_id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// Whether an RMA is taken.
pub async fn rma_taken(db: &Database, rma: &str) -> Result<bool, ApiError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM returns WHERE rma = $1")
        .bind(rma)
        .fetch_optional(&db.pool)
        .await?;
    Ok(found.is_some())
}

/// Whether a return was stored.
#[derive(Debug, PartialEq, Eq)]
pub enum Inserted {
    /// Stored.
    Stored,
    /// Another return took the units first: this order line has fewer left than asked.
    TooMany {
        /// The order line.
        item_id: i64,
        /// Units still returnable.
        left: i64,
    },
}

/// Stores a return, its lines and its first event in one transaction, checking again inside
/// it (with the order's row locked on PostgreSQL; SQLite has one writer) that no other return
/// took the same units since the request was checked: two tabs, two devices.
pub async fn insert_return(
    db: &Database,
    rma: &str,
    new: &NewReturn<'_>,
) -> Result<Inserted, ApiError> {
    let now = db::now();
    let mut tx = db.pool.begin().await?;
    if db.backend == crate::db::Backend::Postgres {
        sqlx::query("SELECT id FROM orders WHERE id = $1 FOR UPDATE")
            .bind(new.order_id)
            .execute(&mut *tx)
            .await?;
    }
    for line in &new.lines {
        let left: i64 = sqlx::query_scalar(
            "SELECT i.quantity - CAST((SELECT COALESCE(SUM(l.quantity), 0) FROM return_lines l \
               JOIN returns r ON r.id = l.return_id \
               WHERE l.order_item_id = i.id AND r.status <> 'rejected') AS BIGINT) \
             FROM order_items i WHERE i.id = $1",
        )
        .bind(line.item_id)
        .fetch_one(&mut *tx)
        .await?;
        if left < i64::from(line.quantity) {
            return Ok(Inserted::TooMany {
                item_id: line.item_id,
                left,
            });
        }
    }
    let amounts = &new.amounts;
    let return_id: i64 = sqlx::query_scalar(
        "INSERT INTO returns (rma, order_id, request_id, status, method, store_id, comment, \
            items_cents, restocking_fee_cents, shipping_fee_cents, bonus_cents, refund_cents, \
            store_credit_cents, created_at, updated_at) \
         VALUES ($1, $2, $3, 'requested', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
    )
    .bind(rma)
    .bind(new.order_id)
    .bind(new.request_id)
    .bind(wire_name(&new.method))
    .bind(new.store_id)
    .bind(new.comment)
    .bind(amounts.items_cents)
    .bind(amounts.restocking_fee_cents)
    .bind(amounts.shipping_fee_cents)
    .bind(amounts.bonus_cents)
    .bind(amounts.refund_cents)
    .bind(amounts.store_credit_cents)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await?;
    for line in &new.lines {
        sqlx::query(
            "INSERT INTO return_lines (return_id, order_item_id, quantity, reason, sub_reason, \
                outcome, exchange_product_id, photo_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(return_id)
        .bind(line.item_id)
        .bind(i64::from(line.quantity))
        .bind(wire_name(&line.reason))
        .bind(line.sub_reason.as_ref().map(wire_name))
        .bind(wire_name(&line.outcome))
        .bind(line.exchange_product_id)
        .bind(line.photo_id)
        .execute(&mut *tx)
        .await?;
    }
    insert_event(
        &mut tx,
        return_id,
        ReturnStatus::Requested,
        None,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(Inserted::Stored)
}

async fn insert_event(
    tx: &mut Transaction<'_, Any>,
    return_id: i64,
    status: ReturnStatus,
    store_id: Option<i64>,
    agent_id: Option<i64>,
    note: Option<&str>,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO return_events (return_id, status, store_id, agent_id, note, occurred_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(return_id)
    .bind(status.as_str())
    .bind(store_id)
    .bind(agent_id)
    .bind(note)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A change of a return's status by an agent.
pub struct Change<'a> {
    /// The status it leaves (checked again in the update, so two agents cannot both move it).
    pub from: ReturnStatus,
    /// The status it reaches.
    pub to: ReturnStatus,
    /// The agent.
    pub agent_id: i64,
    /// The shop where it happened (a counter's agent).
    pub store_id: Option<i64>,
    /// A rejection's reason.
    pub note: Option<&'a str>,
    /// Received quantities per return line.
    pub received: &'a [ReceivedLine],
}

/// Moves a return on; `false` when it was no longer in `change.from` (someone else moved it).
pub async fn change_status(
    db: &Database,
    return_id: i64,
    change: &Change<'_>,
) -> Result<bool, ApiError> {
    let mut tx = db.pool.begin().await?;
    let moved = sqlx::query(
        "UPDATE returns SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(change.to.as_str())
    .bind(db::now())
    .bind(return_id)
    .bind(change.from.as_str())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved == 0 {
        return Ok(false);
    }
    for line in change.received {
        sqlx::query(
            "UPDATE return_lines SET received_quantity = $1, damaged_quantity = $2 \
             WHERE id = $3 AND return_id = $4",
        )
        .bind(i64::from(line.received))
        .bind(i64::from(line.damaged))
        .bind(line.line_id)
        .bind(return_id)
        .execute(&mut *tx)
        .await?;
    }
    if change.to == ReturnStatus::Received {
        // Lines the agent did not list arrived whole and undamaged.
        sqlx::query(
            "UPDATE return_lines SET received_quantity = quantity, damaged_quantity = 0 \
             WHERE return_id = $1 AND received_quantity IS NULL",
        )
        .bind(return_id)
        .execute(&mut *tx)
        .await?;
    }
    insert_event(
        &mut tx,
        return_id,
        change.to,
        change.store_id,
        Some(change.agent_id),
        change.note,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// A return as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReturnRow {
    /// Its id.
    pub id: i64,
    /// Its RMA.
    pub rma: String,
    /// Its order.
    pub order_id: i64,
    /// The order's number.
    pub order_number: String,
    /// The order's currency.
    pub currency: String,
    /// The shopper's name.
    pub customer_name: String,
    /// The shopper's email.
    pub email: String,
    /// Its status.
    pub status: String,
    /// Its method.
    pub method: String,
    /// The chosen shop.
    pub store_id: Option<i64>,
    /// The comment.
    pub comment: String,
    /// The returned units' prices as paid (minor unit of the order's currency).
    pub items_cents: i64,
    /// Kept from the refund for restocking (never negative).
    pub restocking_fee_cents: i64,
    /// Kept for the mail label (never negative).
    pub shipping_fee_cents: i64,
    /// Added to store credit.
    pub bonus_cents: i64,
    /// Paid back to the original payment, fees taken.
    pub refund_cents: i64,
    /// Given as store credit, bonus added and fees taken.
    pub store_credit_cents: i64,
    /// When it was asked for.
    pub created_at: String,
}

impl ReturnRow {
    /// Its amounts.
    pub fn amounts(&self) -> ReturnAmounts {
        ReturnAmounts {
            items_cents: self.items_cents,
            restocking_fee_cents: self.restocking_fee_cents,
            shipping_fee_cents: self.shipping_fee_cents,
            bonus_cents: self.bonus_cents,
            refund_cents: self.refund_cents,
            store_credit_cents: self.store_credit_cents,
        }
    }
}

const RETURN_COLUMNS: &str =
    "r.id, r.rma, r.order_id, o.order_number, o.currency, o.customer_name, \
     o.email, r.status, r.method, r.store_id, r.comment, r.items_cents, r.restocking_fee_cents, \
     r.shipping_fee_cents, r.bonus_cents, r.refund_cents, r.store_credit_cents, r.created_at \
     FROM returns r JOIN orders o ON o.id = r.order_id";

/// A return by RMA.
pub async fn return_by_rma(db: &Database, rma: &str) -> Result<Option<ReturnRow>, ApiError> {
    Ok(
        sqlx::query_as(&format!("SELECT {RETURN_COLUMNS} WHERE r.rma = $1"))
            .bind(rma)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// The order's returns, newest first.
pub async fn returns_of_order(db: &Database, order_id: i64) -> Result<Vec<ReturnRow>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {RETURN_COLUMNS} WHERE r.order_id = $1 ORDER BY r.created_at DESC, r.id DESC"
    ))
    .bind(order_id)
    .fetch_all(&db.pool)
    .await?)
}

/// The returns in `statuses`, oldest first (the queue), at most 200.
pub async fn queue(db: &Database, statuses: &[ReturnStatus]) -> Result<Vec<ReturnRow>, ApiError> {
    let names: Vec<String> = statuses
        .iter()
        .map(|status| format!("'{}'", status.as_str()))
        .collect();
    // The names are the enum's own constants, never input, so they are written inline.
    Ok(sqlx::query_as(&format!(
        "SELECT {RETURN_COLUMNS} WHERE r.status IN ({}) ORDER BY r.created_at, r.id LIMIT 200",
        names.join(", ")
    ))
    .fetch_all(&db.pool)
    .await?)
}

/// The returns of a shopper's orders (by email or the store's customer id), newest first.
pub async fn returns_of_shopper(
    db: &Database,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<ReturnRow>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {RETURN_COLUMNS} WHERE o.email = $1 OR o.customer_id = $2 \
         ORDER BY r.created_at DESC, r.id DESC LIMIT 50"
    ))
    .bind(email)
    .bind(customer_id)
    .fetch_all(&db.pool)
    .await?)
}

/// A line of a stored return.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LineRow {
    /// Its id.
    pub id: i64,
    /// The order line.
    pub item_id: i64,
    /// The product's name.
    pub name: String,
    /// Its variant.
    pub variant: Option<String>,
    /// Units.
    pub quantity: i64,
    /// Why.
    pub reason: String,
    /// The finer reason.
    pub sub_reason: Option<String>,
    /// What the shopper gets.
    pub outcome: String,
    /// The variant wanted.
    pub exchange_variant: Option<String>,
    /// The photo's key.
    pub photo_key: Option<String>,
    /// Units received.
    pub received_quantity: Option<i64>,
    /// Units received damaged.
    pub damaged_quantity: Option<i64>,
}

/// A return's lines.
pub async fn lines(db: &Database, return_id: i64) -> Result<Vec<LineRow>, ApiError> {
    Ok(sqlx::query_as(
        "SELECT l.id, l.order_item_id AS item_id, p.name, p.variant, l.quantity, l.reason, \
                l.sub_reason, l.outcome, x.variant AS exchange_variant, ph.key AS photo_key, \
                l.received_quantity, l.damaged_quantity \
         FROM return_lines l JOIN order_items i ON i.id = l.order_item_id \
         JOIN products p ON p.id = i.product_id \
         LEFT JOIN products x ON x.id = l.exchange_product_id \
         LEFT JOIN return_photos ph ON ph.id = l.photo_id \
         WHERE l.return_id = $1 ORDER BY l.id",
    )
    .bind(return_id)
    .fetch_all(&db.pool)
    .await?)
}

#[derive(sqlx::FromRow)]
struct EventRow {
    status: String,
    occurred_at: String,
    store_name: Option<String>,
    note: Option<String>,
}

/// A return's history, oldest first.
pub async fn events(db: &Database, return_id: i64) -> Result<Vec<ReturnEvent>, ApiError> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT e.status, e.occurred_at, s.name AS store_name, e.note FROM return_events e \
         LEFT JOIN stores s ON s.id = e.store_id WHERE e.return_id = $1 ORDER BY e.id",
    )
    .bind(return_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(ReturnEvent {
                status: ReturnStatus::parse(&row.status)?,
                at: row.occurred_at,
                store_name: row.store_name,
                note: row.note,
            })
        })
        .collect())
}

/// A shop by id, taking returns or not.
pub async fn store(db: &Database, store_id: i64) -> Result<Option<ReturnStore>, ApiError> {
    let row: Option<StoreRow> =
        sqlx::query_as("SELECT id, name, address, opening_hours FROM stores WHERE id = $1")
            .bind(store_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(ReturnStore::from))
}

/// A count as stored (a 64-bit integer on both databases) as the API's `u32`: never
/// negative, and saturating rather than wrapping for a number no order reaches.
pub fn count(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

/// The name an enum has on the wire, which is also its name in the database.
pub fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The enum named `name` on the wire.
pub fn from_wire_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}
