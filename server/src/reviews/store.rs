//! The queries of reviews, each reading into a named row struct.

use super::moderation;
use crate::db::{self, Database};
use crate::error::ApiError;
use crate::returns::store::count;
use sf_api::reviews::{
    Fit, ModerationDecision, ModerationFlag, RatingSummary, ReviewSort, ReviewStatus, ReviewView,
    ReviewedProduct, StoreReply, TimelineReview, REVIEWS_PAGE_SIZE,
};
use sqlx::{Any, Transaction};

/// A product as reviews need it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ProductRow {
    /// Its id.
    pub id: i64,
    /// Its SKU.
    pub sku: String,
    /// Its name.
    pub name: String,
    /// What reviews rate besides stars (`fit,quality`).
    pub review_aspects: String,
}

impl ProductRow {
    /// Whether its reviews rate `aspect` (`fit`, `quality`).
    pub fn asks(&self, aspect: &str) -> bool {
        self.review_aspects
            .split(',')
            .any(|asked| asked.trim() == aspect)
    }

    /// The product as the API answers it.
    pub fn view(&self) -> ReviewedProduct {
        ReviewedProduct {
            sku: self.sku.clone(),
            name: self.name.clone(),
            asks_fit: self.asks("fit"),
            asks_quality: self.asks("quality"),
        }
    }
}

const PRODUCT_COLUMNS: &str = "SELECT id, sku, name, review_aspects FROM products";

/// A product by SKU.
pub async fn product_by_sku(db: &Database, sku: &str) -> Result<Option<ProductRow>, ApiError> {
    Ok(sqlx::query_as(&format!("{PRODUCT_COLUMNS} WHERE sku = $1"))
        .bind(sku)
        .fetch_optional(&db.pool)
        .await?)
}

/// A product by id.
pub async fn product_by_id(db: &Database, id: i64) -> Result<Option<ProductRow>, ApiError> {
    Ok(sqlx::query_as(&format!("{PRODUCT_COLUMNS} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?)
}

/// A review as stored, with its product, its verifying order and the store's reply.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReviewRow {
    /// Its id.
    pub id: i64,
    /// The product's id.
    pub product_id: i64,
    /// The verifying order.
    pub order_id: Option<i64>,
    /// Its form's request id.
    pub request_id: String,
    /// 1 to 5.
    pub rating: i64,
    /// Its title.
    pub title: String,
    /// Its body.
    pub body: String,
    /// The name shown.
    pub display_name: String,
    /// 1 when verified by a delivered order.
    pub verified: i64,
    /// When it was written.
    pub created_at: String,
    /// How it fits (wire name).
    pub fit: Option<String>,
    /// Quality, 1 to 5.
    pub quality: Option<i64>,
    /// Helpful votes.
    pub helpful: i64,
    /// Its status (wire name).
    pub status: String,
    /// The store's reply.
    pub reply_body: Option<String>,
    /// When the store replied.
    pub reply_at: Option<String>,
    /// The verifying order's number.
    pub order_number: Option<String>,
    /// The verifying order's email.
    pub email: Option<String>,
    /// The product's SKU.
    pub sku: String,
    /// The product's name.
    pub product_name: String,
    /// What the product's reviews rate besides stars.
    pub review_aspects: String,
}

impl ReviewRow {
    /// Its status; a value no server writes reads as pending (held, never shown by mistake).
    pub fn status(&self) -> ReviewStatus {
        ReviewStatus::from_wire(&self.status).unwrap_or(ReviewStatus::Pending)
    }

    /// Its product.
    pub fn product(&self) -> ProductRow {
        ProductRow {
            id: self.product_id,
            sku: self.sku.clone(),
            name: self.product_name.clone(),
            review_aspects: self.review_aspects.clone(),
        }
    }

    /// The review as shoppers see it, with its photos' keys.
    pub fn view(&self, photo_keys: Vec<String>) -> ReviewView {
        ReviewView {
            id: self.id,
            rating: stars(self.rating),
            title: self.title.clone(),
            body: self.body.clone(),
            display_name: self.display_name.clone(),
            verified: self.verified != 0,
            created_at: self.created_at.clone(),
            fit: self.fit.as_deref().and_then(Fit::from_wire),
            quality: self.quality.map(stars),
            photos: photo_keys.iter().map(|key| photo_url(key)).collect(),
            helpful: count(self.helpful),
            reply: match (&self.reply_body, &self.reply_at) {
                (Some(body), Some(at)) => Some(StoreReply {
                    body: body.clone(),
                    at: at.clone(),
                }),
                _ => None,
            },
        }
    }
}

/// Stars as stored (checked 1 to 5 by the schema) as the API's `u8`.
fn stars(value: i64) -> u8 {
    u8::try_from(value.clamp(1, 5)).unwrap_or(1)
}

/// Where a review photo is served to shoppers (once its review is published).
pub fn photo_url(key: &str) -> String {
    format!("{}/reviews/photos/{key}", sf_api::API_PREFIX)
}

/// How long an uploaded photo waits for a review to name it before it is deleted; until
/// then its uploader (the only one given its unguessable key) is served it, to preview.
pub const UNATTACHED_PHOTO_LIFETIME: time::Duration = time::Duration::hours(24);

/// The oldest upload time of a photo still waiting for its review.
fn unattached_cutoff() -> String {
    db::timestamp(time::OffsetDateTime::now_utc() - UNATTACHED_PHOTO_LIFETIME)
}

const REVIEW_COLUMNS: &str = "SELECT r.id, r.product_id, r.order_id, r.request_id, r.rating, \
     r.title, r.body, r.display_name, r.verified, r.created_at, r.fit, r.quality, r.helpful, \
     r.status, rp.body AS reply_body, rp.at AS reply_at, o.order_number, o.email, p.sku, \
     p.name AS product_name, p.review_aspects \
     FROM reviews r JOIN products p ON p.id = r.product_id \
     LEFT JOIN review_replies rp ON rp.review_id = r.id \
     LEFT JOIN orders o ON o.id = r.order_id";

/// A review by id.
pub async fn review(db: &Database, id: i64) -> Result<Option<ReviewRow>, ApiError> {
    Ok(sqlx::query_as(&format!("{REVIEW_COLUMNS} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?)
}

/// The review a form's request id made.
pub async fn review_of_request_id(
    db: &Database,
    request_id: &str,
) -> Result<Option<ReviewRow>, ApiError> {
    Ok(
        sqlx::query_as(&format!("{REVIEW_COLUMNS} WHERE r.request_id = $1"))
            .bind(request_id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// The live (pending or published) review of `product_id` verified by `order_id`, if one
/// was written: a rejected one does not use up the order's review (the migration's
/// `reviews_one_per_order` index says the same).
pub async fn review_of_order(
    db: &Database,
    product_id: i64,
    order_id: i64,
) -> Result<Option<ReviewRow>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "{REVIEW_COLUMNS} WHERE r.product_id = $1 AND r.order_id = $2 AND r.status <> 'rejected'"
    ))
    .bind(product_id)
    .bind(order_id)
    .fetch_optional(&db.pool)
    .await?)
}

/// Which of a product's published reviews to list, and in which order.
#[derive(Clone, Copy, Debug)]
pub struct Listing {
    /// The order.
    pub sort: ReviewSort,
    /// Only this many stars.
    pub rating: Option<u8>,
    /// Only reviews with photos.
    pub with_photos: bool,
    /// The page, from 1.
    pub page: u32,
}

impl Listing {
    /// The filter after `WHERE`, its parameters numbered from 2 (`$1` is the product).
    fn filter(&self) -> String {
        let mut filter = "r.product_id = $1 AND r.status = 'published'".to_owned();
        if self.rating.is_some() {
            filter.push_str(" AND r.rating = $2");
        }
        if self.with_photos {
            filter.push_str(" AND r.has_photos = 1");
        }
        filter
    }

    /// Each order is served by an index (see the migration) that yields a page unsorted.
    fn order_by(&self) -> &'static str {
        match self.sort {
            ReviewSort::Newest => "r.created_at DESC, r.id DESC",
            ReviewSort::MostHelpful => "r.helpful DESC, r.created_at DESC, r.id DESC",
            ReviewSort::Highest => "r.rating DESC, r.created_at DESC, r.id DESC",
            ReviewSort::Lowest => "r.rating ASC, r.created_at DESC, r.id DESC",
        }
    }
}

/// One page of a product's published reviews.
pub async fn list(
    db: &Database,
    product_id: i64,
    listing: &Listing,
) -> Result<Vec<ReviewRow>, ApiError> {
    let offset = i64::from(listing.page.max(1) - 1) * i64::from(REVIEWS_PAGE_SIZE);
    // The filter and order are this module's constants; values are bound.
    let sql = format!(
        "{REVIEW_COLUMNS} WHERE {} ORDER BY {} LIMIT {REVIEWS_PAGE_SIZE} OFFSET {offset}",
        listing.filter(),
        listing.order_by()
    );
    let mut query = sqlx::query_as(&sql).bind(product_id);
    if let Some(rating) = listing.rating {
        query = query.bind(i64::from(rating));
    }
    Ok(query.fetch_all(&db.pool).await?)
}

/// How many published reviews of the product match the listing's filter.
pub async fn matching(db: &Database, product_id: i64, listing: &Listing) -> Result<u32, ApiError> {
    let sql = format!("SELECT COUNT(*) FROM reviews r WHERE {}", listing.filter());
    let mut query = sqlx::query_scalar(&sql).bind(product_id);
    if let Some(rating) = listing.rating {
        query = query.bind(i64::from(rating));
    }
    let matching: i64 = query.fetch_one(&db.pool).await?;
    Ok(count(matching))
}

#[derive(sqlx::FromRow)]
struct HistogramRow {
    rating: i64,
    reviews: i64,
}

/// Every published review's rating, counted by stars.
pub async fn summary(db: &Database, product_id: i64) -> Result<RatingSummary, ApiError> {
    let rows: Vec<HistogramRow> = sqlx::query_as(
        "SELECT rating, COUNT(*) AS reviews FROM reviews \
         WHERE product_id = $1 AND status = 'published' GROUP BY rating",
    )
    .bind(product_id)
    .fetch_all(&db.pool)
    .await?;
    let mut summary = RatingSummary::default();
    for row in rows {
        if let Some(bar) = usize::try_from(row.rating - 1)
            .ok()
            .and_then(|index| summary.histogram.get_mut(index))
        {
            *bar = count(row.reviews);
        }
    }
    Ok(summary)
}

#[derive(sqlx::FromRow)]
struct PhotoKeyRow {
    review_id: i64,
    key: String,
}

/// The photos' keys of each review, in the order they were uploaded.
pub async fn photo_keys(db: &Database, review_ids: &[i64]) -> Result<Vec<(i64, String)>, ApiError> {
    if review_ids.is_empty() {
        return Ok(Vec::new());
    }
    // The ids are integers read from the database, never input, so they are written inline.
    let rows: Vec<PhotoKeyRow> = sqlx::query_as(&format!(
        "SELECT review_id, key FROM review_photos WHERE review_id IN ({}) ORDER BY id",
        id_list(review_ids)
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.review_id, row.key))
        .collect())
}

/// Each row as the API answers it, with its photos (their addresses made by `url` from
/// their keys), in the same order.
pub async fn views(
    db: &Database,
    rows: &[ReviewRow],
    url: impl Fn(&str) -> String,
) -> Result<Vec<ReviewView>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let keys = photo_keys(db, &ids).await?;
    Ok(rows
        .iter()
        .map(|row| {
            let mut view = row.view(Vec::new());
            view.photos = keys
                .iter()
                .filter(|(review_id, _)| *review_id == row.id)
                .map(|(_, key)| url(key))
                .collect();
            view
        })
        .collect())
}

/// A review about to be stored, checked and moderated.
pub struct NewReview<'a> {
    /// The product.
    pub product_id: i64,
    /// The delivered order that proved the purchase.
    pub order_id: Option<i64>,
    /// The form's request id.
    pub request_id: &'a str,
    /// 1 to 5.
    pub rating: u8,
    /// Its title, trimmed.
    pub title: &'a str,
    /// Its body, trimmed.
    pub body: &'a str,
    /// The name shown, trimmed.
    pub display_name: &'a str,
    /// How it fits.
    pub fit: Option<Fit>,
    /// Quality.
    pub quality: Option<u8>,
    /// Published, or pending for a person.
    pub status: ReviewStatus,
    /// What the automatic check found (logged with its decision).
    pub flags: &'a [ModerationFlag],
    /// Keys of uploaded photos not yet with a review.
    pub photos: &'a [String],
    /// When it was written (the demo writes the past).
    pub created_at: String,
}

/// Whether a review was stored.
#[derive(Debug, PartialEq, Eq)]
pub enum Inserted {
    /// Stored with this id.
    Stored(i64),
    /// A photo was taken by another review meanwhile (nothing stored).
    PhotoTaken,
}

/// Stores a review, attaches its photos and logs the automatic check's decision, in one
/// transaction. A unique index refusing it (the same request id or order, raced) is an
/// `Err`: the caller looks again for what won.
pub async fn insert_review(db: &Database, new: &NewReview<'_>) -> Result<Inserted, ApiError> {
    let mut tx = db.pool.begin().await?;
    let review_id: i64 = sqlx::query_scalar(
        "INSERT INTO reviews (product_id, order_id, request_id, rating, title, body, display_name, \
            fit, quality, status, helpful, has_photos, verified, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13) RETURNING id",
    )
    .bind(new.product_id)
    .bind(new.order_id)
    .bind(new.request_id)
    .bind(i64::from(new.rating))
    .bind(new.title)
    .bind(new.body)
    .bind(new.display_name)
    .bind(new.fit.map(Fit::as_str))
    .bind(new.quality.map(i64::from))
    .bind(new.status.as_str())
    .bind(i64::from(!new.photos.is_empty()))
    .bind(i64::from(new.order_id.is_some()))
    .bind(&new.created_at)
    .fetch_one(&mut *tx)
    .await?;
    for key in new.photos {
        let attached = sqlx::query(
            "UPDATE review_photos SET review_id = $1 WHERE key = $2 AND review_id IS NULL",
        )
        .bind(review_id)
        .bind(key)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if attached == 0 {
            tx.rollback().await?;
            return Ok(Inserted::PhotoTaken);
        }
    }
    insert_decision(&mut tx, review_id, new.status, new.flags, None, None).await?;
    tx.commit().await?;
    Ok(Inserted::Stored(review_id))
}

async fn insert_decision(
    tx: &mut Transaction<'_, Any>,
    review_id: i64,
    status: ReviewStatus,
    flags: &[ModerationFlag],
    reason: Option<&str>,
    agent_id: Option<i64>,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO review_decisions (review_id, status, flags, reason, agent_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(review_id)
    .bind(status.as_str())
    .bind(moderation::flags_text(flags))
    .bind(reason)
    .bind(agent_id)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves a review from `from` to `to` for an agent and logs why; `false` when it was no
/// longer in `from` (another agent decided first).
pub async fn decide(
    db: &Database,
    review_id: i64,
    from: ReviewStatus,
    to: ReviewStatus,
    agent_id: i64,
    reason: Option<&str>,
) -> Result<bool, ApiError> {
    let mut tx = db.pool.begin().await?;
    let moved = sqlx::query("UPDATE reviews SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.as_str())
        .bind(review_id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if moved == 0 {
        return Ok(false);
    }
    insert_decision(&mut tx, review_id, to, &[], reason, Some(agent_id)).await?;
    tx.commit().await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    review_id: i64,
    status: String,
    flags: String,
    reason: Option<String>,
    agent: Option<String>,
    at: String,
}

/// The moderation logs of these reviews in one query: each decision with its review's id,
/// oldest first.
pub async fn decisions(
    db: &Database,
    review_ids: &[i64],
) -> Result<Vec<(i64, ModerationDecision)>, ApiError> {
    if review_ids.is_empty() {
        return Ok(Vec::new());
    }
    // The ids are integers read from the database, never input, so they are written inline.
    let rows: Vec<DecisionRow> = sqlx::query_as(&format!(
        "SELECT d.review_id, d.status, d.flags, d.reason, a.display_name AS agent, d.at \
         FROM review_decisions d LEFT JOIN agents a ON a.id = d.agent_id \
         WHERE d.review_id IN ({}) ORDER BY d.id",
        id_list(review_ids)
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some((
                row.review_id,
                ModerationDecision {
                    status: ReviewStatus::from_wire(&row.status)?,
                    flags: moderation::flags_from_text(&row.flags),
                    reason: row.reason,
                    agent: row.agent,
                    at: row.at,
                },
            ))
        })
        .collect())
}

/// Ids for an `IN (…)` list: integers, so nothing to escape.
fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes (or replaces) the store's reply under a review.
pub async fn reply(
    db: &Database,
    review_id: i64,
    body: &str,
    agent_id: Option<i64>,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO review_replies (review_id, body, agent_id, at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (review_id) DO UPDATE SET body = excluded.body, agent_id = excluded.agent_id, \
         at = excluded.at",
    )
    .bind(review_id)
    .bind(body)
    .bind(agent_id)
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The reviews with this status: the oldest first for the queue of pending ones (first in,
/// first read), the newest first otherwise; at most 200.
pub async fn queue(db: &Database, status: ReviewStatus) -> Result<Vec<ReviewRow>, ApiError> {
    let order = if status == ReviewStatus::Pending {
        "r.created_at, r.id"
    } else {
        "r.created_at DESC, r.id DESC"
    };
    Ok(sqlx::query_as(&format!(
        "{REVIEW_COLUMNS} WHERE r.status = $1 ORDER BY {order} LIMIT 200"
    ))
    .bind(status.as_str())
    .fetch_all(&db.pool)
    .await?)
}

/// Counts a helpful vote once per voter, and only when `address_may_count` (asked once,
/// for a published review and a voter who has not voted on it) agrees; `None` when no
/// published review has this id. Answers the review's count after the vote and whether this
/// one counted.
pub async fn vote(
    db: &Database,
    review_id: i64,
    voter: &str,
    address_may_count: impl FnOnce() -> bool,
) -> Result<Option<(u32, bool)>, ApiError> {
    let mut tx = db.pool.begin().await?;
    let published: Option<i64> =
        sqlx::query_scalar("SELECT id FROM reviews WHERE id = $1 AND status = 'published'")
            .bind(review_id)
            .fetch_optional(&mut *tx)
            .await?;
    if published.is_none() {
        return Ok(None);
    }
    let voted: Option<i64> = sqlx::query_scalar(
        "SELECT review_id FROM review_votes WHERE review_id = $1 AND voter = $2",
    )
    .bind(review_id)
    .bind(voter)
    .fetch_optional(&mut *tx)
    .await?;
    // A voter seen before is answered without asking the address: its one vote was counted.
    let counted = voted.is_none()
        && address_may_count()
        && sqlx::query(
            "INSERT INTO review_votes (review_id, voter, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (review_id, voter) DO NOTHING",
        )
        .bind(review_id)
        .bind(voter)
        .bind(db::now())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
    if counted {
        sqlx::query("UPDATE reviews SET helpful = helpful + 1 WHERE id = $1")
            .bind(review_id)
            .execute(&mut *tx)
            .await?;
    }
    let helpful: i64 = sqlx::query_scalar("SELECT helpful FROM reviews WHERE id = $1")
        .bind(review_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some((count(helpful), counted)))
}

/// Stores an uploaded photo under a new unguessable key, with no review yet.
pub async fn insert_photo(
    db: &Database,
    key: &str,
    media_type: &str,
    bytes: &[u8],
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO review_photos (key, media_type, bytes, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(key)
    .bind(media_type)
    .bind(bytes)
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Deletes uploaded photos no review named within [`UNATTACHED_PHOTO_LIFETIME`] (a form
/// left unsent); answers how many.
pub async fn delete_stale_photos(db: &Database) -> Result<u64, ApiError> {
    Ok(
        sqlx::query("DELETE FROM review_photos WHERE review_id IS NULL AND created_at < $1")
            .bind(unattached_cutoff())
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

/// Whether `key` is an uploaded photo no review has taken yet, still waiting for one.
pub async fn photo_is_free(db: &Database, key: &str) -> Result<bool, ApiError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM review_photos WHERE key = $1 AND review_id IS NULL AND created_at >= $2",
    )
    .bind(key)
    .bind(unattached_cutoff())
    .fetch_optional(&db.pool)
    .await?;
    Ok(found.is_some())
}

/// A stored photo, with what decides who may see it.
#[derive(sqlx::FromRow)]
pub struct PhotoRow {
    /// Its media type, from its bytes.
    pub media_type: String,
    /// The image.
    pub bytes: Vec<u8>,
    /// When it was uploaded.
    pub created_at: String,
    /// Its review's status (wire name); `None` while no review has named it.
    pub review_status: Option<String>,
}

impl PhotoRow {
    /// Who may see it.
    pub fn audience(&self) -> PhotoAudience {
        match self.review_status.as_deref() {
            Some("published") => PhotoAudience::Everyone,
            Some(_) => PhotoAudience::Agents,
            None if self.created_at >= unattached_cutoff() => PhotoAudience::Uploader,
            None => PhotoAudience::Agents,
        }
    }
}

/// Who may see a review photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoAudience {
    /// Its review is published.
    Everyone,
    /// Not yet with a review, fresh: its uploader, who alone was given its key, previews it.
    Uploader,
    /// Its review is held or rejected (or it is a stale upload): the desk only.
    Agents,
}

/// A photo by key.
pub async fn photo(db: &Database, key: &str) -> Result<Option<PhotoRow>, ApiError> {
    Ok(sqlx::query_as(
        "SELECT ph.media_type, ph.bytes, ph.created_at, r.status AS review_status \
         FROM review_photos ph LEFT JOIN reviews r ON r.id = ph.review_id WHERE ph.key = $1",
    )
    .bind(key)
    .fetch_optional(&db.pool)
    .await?)
}

/// A review request with its order and product.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RequestRow {
    /// Its id.
    pub id: i64,
    /// The delivered order.
    pub order_id: i64,
    /// The order's number.
    pub order_number: String,
    /// The product to review.
    pub product_id: i64,
    /// The product's SKU.
    pub sku: String,
    /// The product's name.
    pub product_name: String,
    /// When it was made (the delivery).
    pub created_at: String,
}

const REQUEST_COLUMNS: &str = "SELECT q.id, q.order_id, o.order_number, q.product_id, p.sku, \
     p.name AS product_name, q.created_at FROM review_requests q \
     JOIN orders o ON o.id = q.order_id JOIN products p ON p.id = q.product_id";

/// A review request by id.
pub async fn request(db: &Database, id: i64) -> Result<Option<RequestRow>, ApiError> {
    Ok(
        sqlx::query_as(&format!("{REQUEST_COLUMNS} WHERE q.id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// An order's review requests, in order.
pub async fn requests_of_order(db: &Database, order_id: i64) -> Result<Vec<RequestRow>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "{REQUEST_COLUMNS} WHERE q.order_id = $1 ORDER BY q.id"
    ))
    .bind(order_id)
    .fetch_all(&db.pool)
    .await?)
}

/// One review request per product of the delivered package, dated by its delivery; a
/// product already requested for the order is left as it is (a repeated delivery report,
/// a second package with the same product).
pub async fn request_reviews_of_shipment(
    tx: &mut Transaction<'_, Any>,
    shipment_id: i64,
) -> Result<u64, ApiError> {
    let delivered_at: Option<String> = sqlx::query_scalar(
        "SELECT MIN(occurred_at) FROM shipment_events WHERE shipment_id = $1 AND status = 'delivered'",
    )
    .bind(shipment_id)
    .fetch_one(&mut **tx)
    .await?;
    let Some(delivered_at) = delivered_at else {
        return Ok(0);
    };
    Ok(sqlx::query(
        "INSERT INTO review_requests (order_id, product_id, created_at) \
         SELECT DISTINCT order_id, product_id, $1 FROM order_items WHERE shipment_id = $2 \
         ON CONFLICT (order_id, product_id) DO NOTHING",
    )
    .bind(&delivered_at)
    .bind(shipment_id)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// Review requests for every delivered package's products that have none yet (the demo's
/// orders delivered before the server ran), in order of order and product.
pub async fn request_reviews_of_delivered(db: &Database) -> Result<u64, ApiError> {
    Ok(sqlx::query(
        "INSERT INTO review_requests (order_id, product_id, created_at) \
         SELECT i.order_id, i.product_id, MIN(e.occurred_at) FROM order_items i \
         JOIN shipment_events e ON e.shipment_id = i.shipment_id AND e.status = 'delivered' \
         WHERE i.shipment_id IS NOT NULL \
         GROUP BY i.order_id, i.product_id ORDER BY i.order_id, i.product_id \
         ON CONFLICT (order_id, product_id) DO NOTHING",
    )
    .execute(&db.pool)
    .await?
    .rows_affected())
}

/// The reviews of a shopper's orders (by email or the store's customer id), newest first,
/// each with the store's reply.
pub async fn timeline(
    db: &Database,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<TimelineReview>, ApiError> {
    // The shopper's orders first (each found by its own index), then their reviews by
    // `reviews_order`: an `OR` across the joined orders would read every review.
    let rows: Vec<ReviewRow> = sqlx::query_as(&format!(
        "{REVIEW_COLUMNS} WHERE r.order_id IN \
         (SELECT id FROM orders WHERE email = $1 OR customer_id = $2) \
         ORDER BY r.created_at DESC, r.id DESC LIMIT 50"
    ))
    .bind(email)
    .bind(customer_id)
    .fetch_all(&db.pool)
    .await?;
    let mut reviews = Vec::with_capacity(rows.len());
    for row in rows {
        let view = row.view(Vec::new());
        reviews.push(TimelineReview {
            id: row.id,
            product_name: row.product_name.clone(),
            rating: view.rating,
            title: view.title,
            status: row.status(),
            created_at: view.created_at,
            reply: view.reply,
        });
    }
    Ok(reviews)
}
