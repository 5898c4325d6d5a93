//! The shopper's review routes, open to anyone: a product's listing, writing a review (with
//! its proof of purchase), photos, helpful votes, and what a review-request link opens.

use super::store::{self, Inserted, Listing, NewReview, PhotoAudience, ProductRow, ReviewRow};
use super::{json_ld, moderation, requests, ReviewsState};
use crate::db::Database;
use crate::error::{ApiError, Refusals};
use crate::extract::{read_image, ApiJson, ApiPath, ApiQuery};
use crate::routes::openapi::RateLimited;
use crate::tokens::TokenKeys;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use sf_api::error::ErrorBody;
use sf_api::live_chat::ImageFormat;
use sf_api::reviews::{
    HelpfulCount, HelpfulVote, ProductReviews, PurchaseProof, ReviewCreated, ReviewPhotoUploaded,
    ReviewProblem, ReviewQuery, ReviewRequestView, ReviewStatus, ReviewSubmission, ReviewedProduct,
};
use sf_api::validation::{is_client_id, EmailAddress, OrderNumber};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

/// The field a refusal of the review-request link names (the element's `request`
/// attribute: the shopper cannot correct it, the form says to open the link again).
pub const REQUEST_LINK_FIELD: &str = "request";

/// The policy review photos are served with: nothing in one may run, were it opened alone.
pub(super) const PHOTO_POLICY: &str = "default-src 'none'; sandbox";

async fn product(db: &Database, sku: &str) -> Result<ProductRow, ApiError> {
    store::product_by_sku(db, sku.trim())
        .await?
        .ok_or(ApiError::NothingMatches(NO_SUCH_PRODUCT))
}

const NO_SUCH_PRODUCT: &str = "No product has this SKU: check the element's product attribute.";

/// A product as the review form needs it: its name and what its reviews rate besides stars
/// (one indexed read, without the listing). Kept by caches for five minutes.
#[utoipa::path(
    get,
    path = "/products/{sku}",
    tag = "reviews",
    params(("sku" = String, Path, description = "The product's SKU")),
    responses(
        (status = 200, description = "The product", body = ReviewedProduct),
        (status = 404, description = "No product has this SKU", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(sku = %sku))]
pub(super) async fn product_view(
    State(db): State<Database>,
    ApiPath(sku): ApiPath<String>,
) -> Result<Response, ApiError> {
    let product = product(&db, &sku).await?;
    let mut response = Json(product.view()).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(response)
}

/// A product's published reviews: the rating summary of all of them, one page (10) of those
/// matching the filter in the order asked, and the page's schema.org JSON-LD.
#[utoipa::path(
    get,
    path = "/products/{sku}/reviews",
    tag = "reviews",
    params(("sku" = String, Path, description = "The product's SKU"), ReviewQuery),
    responses(
        (status = 200, description = "The page of reviews", body = ProductReviews),
        (status = 404, description = "No product has this SKU", body = ErrorBody),
        (status = 422, description = "A rating outside 1 to 5, or an unknown parameter", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(sku = %sku))]
pub(super) async fn list(
    State(db): State<Database>,
    ApiPath(sku): ApiPath<String>,
    ApiQuery(query): ApiQuery<ReviewQuery>,
) -> Result<Json<ProductReviews>, ApiError> {
    if query.rating.is_some_and(|stars| !(1..=5).contains(&stars)) {
        return Err(ApiError::field(
            "rating",
            ReviewProblem::RatingOutOfRange.english(),
        ));
    }
    let product = product(&db, &sku).await?;
    let listing = Listing {
        sort: query.sort.unwrap_or_default(),
        rating: query.rating,
        with_photos: query.with_photos.unwrap_or(false),
        page: query.page.unwrap_or(1).max(1),
    };
    let summary = store::summary(&db, product.id).await?;
    // Without the photos filter the count is the summary's (all, or one star's): a query
    // fewer on every page of the usual listing.
    let matching = match (listing.with_photos, listing.rating) {
        (false, None) => summary.count(),
        (false, Some(stars)) => summary.histogram[usize::from(stars - 1)],
        (true, _) => store::matching(&db, product.id, &listing).await?,
    };
    let rows = store::list(&db, product.id, &listing).await?;
    let reviews = store::views(&db, &rows, store::photo_url).await?;
    let view = product.view();
    Ok(Json(ProductReviews {
        json_ld: json_ld::product_json_ld(&view, &summary, &reviews),
        product: view,
        summary,
        matching,
        page: listing.page,
        reviews,
    }))
}

/// Write a review. Published at once unless the automatic check finds links, spam,
/// profanity or personal data (never because of its rating); "verified" only with a proof
/// of a delivered order of this product (the order number and email, or a review-request
/// link), and a proof that fails is refused rather than ignored. One review per product per
/// order; the same `request_id` twice makes one review (200 with the first).
#[utoipa::path(
    post,
    path = "/products/{sku}/reviews",
    tag = "reviews",
    params(("sku" = String, Path, description = "The product's SKU")),
    request_body = ReviewSubmission,
    responses(
        (status = 201, description = "Written: published or held for moderation", body = ReviewCreated),
        (status = 200, description = "Written before with this request_id", body = ReviewCreated),
        (status = 404, description = "No product has this SKU", body = ErrorBody),
        (status = 422, description = "A field is missing or wrong, the proof fails, or the order has a review of this product; `fields` says which", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(sku = %sku, client_ip = %client.ip(), review_id))]
pub(super) async fn create(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    State(reviews): State<ReviewsState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiPath(sku): ApiPath<String>,
    ApiJson(submission): ApiJson<ReviewSubmission>,
) -> Result<(StatusCode, Json<ReviewCreated>), ApiError> {
    let product = product(&db, &sku).await?;
    let mut refused = Refusals::default();
    for refusal in submission.refusals() {
        refused.add(refusal.field, refusal.problem.english());
    }
    refused.into_result()?;
    // One writer at a time on SQLite: a double click's two requests are decided in turn, so
    // the second finds the first's review. On PostgreSQL the unique indexes settle a race.
    let _writer = db.one_writer().await;
    if let Some(row) = store::review_of_request_id(&db, &submission.request_id).await? {
        return replayed(&product, &row);
    }
    reviews
        .submissions
        .hit(client.ip(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    let order_id = match check_against_store(&db, &keys, &product, &submission).await {
        Ok(order_id) => order_id,
        // On PostgreSQL a double click's first request may commit between this one's look
        // for its request id and its look for the order's review: it is a replay, not a
        // second review of the order.
        Err(refused) => match store::review_of_request_id(&db, &submission.request_id).await? {
            Some(row) => return replayed(&product, &row),
            None => return Err(refused),
        },
    };
    let title = submission.title.trim();
    let body = submission.body.trim();
    let display_name = submission.display_name.trim();
    let flags = moderation::check(title, body, display_name);
    let status = if flags.is_empty() {
        ReviewStatus::Published
    } else {
        ReviewStatus::Pending
    };
    let new = NewReview {
        product_id: product.id,
        order_id,
        request_id: &submission.request_id,
        rating: submission.rating.unwrap_or(1),
        title,
        body,
        display_name,
        fit: submission.fit,
        quality: submission.quality,
        status,
        flags: &flags,
        photos: &submission.photos,
        created_at: crate::db::now(),
    };
    let id = match store::insert_review(&db, &new).await {
        Ok(Inserted::Stored(id)) => id,
        Ok(Inserted::PhotoTaken) => {
            return Err(ApiError::field(
                "photos",
                ReviewProblem::UnknownPhoto.english(),
            ))
        }
        // A unique index refused it: the same request (answer the first), or the same order
        // (already reviewed), raced on PostgreSQL.
        Err(error) => {
            if let Some(row) = store::review_of_request_id(&db, &submission.request_id).await? {
                return replayed(&product, &row);
            }
            if let Some(order_id) = order_id {
                if store::review_of_order(&db, product.id, order_id)
                    .await?
                    .is_some()
                {
                    return Err(ApiError::field(
                        proof_field(&submission),
                        ReviewProblem::AlreadyReviewed.english(),
                    ));
                }
            }
            return Err(error);
        }
    };
    tracing::Span::current().record("review_id", id);
    tracing::info!(status = status.as_str(), flags = %moderation::flags_text(&flags), "review written");
    Ok((
        StatusCode::CREATED,
        Json(ReviewCreated {
            id,
            status,
            verified: order_id.is_some(),
        }),
    ))
}

/// The answer to a request id seen before: its review, if it is of this product.
fn replayed(
    product: &ProductRow,
    row: &ReviewRow,
) -> Result<(StatusCode, Json<ReviewCreated>), ApiError> {
    if row.product_id != product.id {
        return Err(ApiError::field(
            "request_id",
            ReviewProblem::BadRequestId.english(),
        ));
    }
    Ok((StatusCode::OK, Json(created(row))))
}

fn created(row: &ReviewRow) -> ReviewCreated {
    ReviewCreated {
        id: row.id,
        status: row.status(),
        verified: row.verified != 0,
    }
}

/// The field a refusal of the proof names.
fn proof_field(submission: &ReviewSubmission) -> &'static str {
    match submission.proof {
        Some(PurchaseProof::Request { .. }) => REQUEST_LINK_FIELD,
        _ => "order_number",
    }
}

/// What only the store can check: the product's questions, the photos, the proof of
/// purchase, and one review per order. Answers the verifying order, if any.
async fn check_against_store(
    db: &Database,
    keys: &TokenKeys,
    product: &ProductRow,
    submission: &ReviewSubmission,
) -> Result<Option<i64>, ApiError> {
    let mut refused = Refusals::default();
    let mut refuse = |field: &str, problem: ReviewProblem| refused.add(field, problem.english());
    if submission.fit.is_some() && !product.asks("fit") {
        refuse("fit", ReviewProblem::NotAsked);
    }
    if submission.quality.is_some() && !product.asks("quality") {
        refuse("quality", ReviewProblem::NotAsked);
    }
    for key in &submission.photos {
        if !store::photo_is_free(db, key).await? {
            refuse("photos", ReviewProblem::UnknownPhoto);
            break;
        }
    }
    let order_id = match &submission.proof {
        None => None,
        Some(PurchaseProof::Order {
            order_number,
            email,
        }) => {
            let (Ok(number), Ok(email)) =
                (OrderNumber::parse(order_number), EmailAddress::parse(email))
            else {
                return Err(ApiError::Internal(
                    "a proof the form's checks passed did not parse".into(),
                ));
            };
            let delivered =
                delivered_order(db, number.as_str(), email.as_str(), product.id).await?;
            if delivered.is_none() {
                refuse("order_number", ReviewProblem::NotPurchased);
            }
            delivered
        }
        Some(PurchaseProof::Request { request, token }) => {
            let found = if requests::token_opens(keys, *request, token) {
                store::request(db, *request).await?
            } else {
                None
            };
            match found.filter(|found| found.product_id == product.id) {
                Some(found) => Some(found.order_id),
                None => {
                    refuse(REQUEST_LINK_FIELD, ReviewProblem::BadRequestLink);
                    None
                }
            }
        }
    };
    if let Some(order_id) = order_id {
        if store::review_of_order(db, product.id, order_id)
            .await?
            .is_some()
        {
            refuse(proof_field(submission), ReviewProblem::AlreadyReviewed);
        }
    }
    refused.into_result()?;
    Ok(order_id)
}

/// The order with this number and email when one of its packages holding the product was
/// delivered: the tracker's lookup, then the lines as returns read them (a line is
/// delivered once its package has a delivered event).
async fn delivered_order(
    db: &Database,
    order_number: &str,
    email: &str,
    product_id: i64,
) -> Result<Option<i64>, ApiError> {
    let Some(order_id) = crate::tracking::store::find_order(db, order_number, email).await? else {
        return Ok(None);
    };
    let delivered = crate::returns::store::order_items(db, order_id)
        .await?
        .iter()
        .any(|item| item.product_id == product_id && item.delivered_at.is_some());
    Ok(delivered.then_some(order_id))
}

/// Upload a photo for a review before sending it: PNG, JPEG, GIF or WebP of at most 5 MiB,
/// recognised from its bytes. Answers the key the review's `photos` names, which a review
/// must name within 24 hours: older unnamed uploads are deleted.
#[utoipa::path(
    post,
    path = "/reviews/photos",
    tag = "reviews",
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "A PNG, JPEG, GIF or WebP image of at most 5 MiB"),
    responses(
        (status = 201, description = "Stored", body = ReviewPhotoUploaded),
        (status = 413, description = "Larger than 5 MiB", body = ErrorBody),
        (status = 415, description = "Not a PNG, JPEG, GIF or WebP image", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(client_ip = %client.ip()))]
pub(super) async fn upload_photo(
    State(db): State<Database>,
    State(reviews): State<ReviewsState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    body: Body,
) -> Result<(StatusCode, Json<ReviewPhotoUploaded>), ApiError> {
    reviews
        .photos
        .hit(client.ip(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    // The chat's image limit is the reviews' (both 5 MiB), so one reader serves both.
    const _: () =
        assert!(sf_api::reviews::MAX_REVIEW_PHOTO_BYTES == sf_api::live_chat::MAX_IMAGE_BYTES);
    let bytes = read_image(body).await?;
    let format = ImageFormat::sniff(&bytes).ok_or(ApiError::UnsupportedImage)?;
    // Forms left unsent leave photos behind: each upload sweeps out the stale ones.
    let stale = store::delete_stale_photos(&db).await?;
    if stale > 0 {
        tracing::info!(stale, "deleted review photos no review named");
    }
    let key = hex::encode(rand::random::<[u8; 16]>());
    store::insert_photo(&db, &key, format.media_type(), &bytes).await?;
    Ok((
        StatusCode::CREATED,
        Json(ReviewPhotoUploaded {
            url: store::photo_url(&key),
            key,
        }),
    ))
}

/// A published review's photo; or, for the form's preview, a photo uploaded in the last
/// 24 hours that no review has named yet (only its uploader was given its unguessable key).
/// A held or rejected review's photos are the desk's only (`/desk/reviews/photos/{key}`).
#[utoipa::path(
    get,
    path = "/reviews/photos/{key}",
    tag = "reviews",
    params(("key" = String, Path, description = "The photo's key")),
    responses(
        (status = 200, description = "The photo", content_type = "image/jpeg"),
        (status = 404, description = "No such photo, or its review is not published", body = ErrorBody)
    )
)]
pub(super) async fn photo(
    State(db): State<Database>,
    ApiPath(key): ApiPath<String>,
) -> Result<Response, ApiError> {
    let photo = store::photo(&db, &key).await?.ok_or(ApiError::NotFound)?;
    // Briefly, never for good: taking a review down takes its photos down within minutes.
    let cache = match photo.audience() {
        PhotoAudience::Everyone => "public, max-age=300",
        PhotoAudience::Uploader => "private, max-age=300",
        PhotoAudience::Agents => return Err(ApiError::NotFound),
    };
    Ok(crate::static_files::embeddable_image(
        &photo.media_type,
        cache,
        PHOTO_POLICY,
        photo.bytes,
    ))
}

/// "Was this helpful?": one vote per browser (its random `voter` id) per review, and one
/// counted per client address per review in 24 hours (so clearing storage or scripting new
/// ids does not pile votes up); a vote not counted answers the count with `counted: false`.
#[utoipa::path(
    post,
    path = "/reviews/{id}/helpful",
    tag = "reviews",
    params(("id" = i64, Path, description = "The review")),
    request_body = HelpfulVote,
    responses(
        (status = 200, description = "The review's helpful count", body = HelpfulCount),
        (status = 404, description = "No published review has this id", body = ErrorBody),
        (status = 422, description = "The voter id is missing or not 1 to 64 letters, digits, - or _", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(review_id = id, client_ip = %client.ip()))]
pub(super) async fn vote(
    State(db): State<Database>,
    State(reviews): State<ReviewsState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(vote): ApiJson<HelpfulVote>,
) -> Result<Json<HelpfulCount>, ApiError> {
    let voter = vote.voter.trim();
    if !is_client_id(voter) {
        return Err(ApiError::field(
            "voter",
            "The voter id is not in the expected format.",
        ));
    }
    reviews
        .votes
        .hit(client.ip(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    let (helpful, counted) = store::vote(&db, id, voter, || {
        reviews
            .vote_addresses
            .hit((id, client.ip()), Instant::now())
            .is_ok()
    })
    .await?
    .ok_or(ApiError::NotFound)?;
    Ok(Json(HelpfulCount { helpful, counted }))
}

/// The review-request link's query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct RequestQuery {
    /// The request's signed token, from the link.
    token: String,
}

/// What a review-request link opens: the product, the order it was delivered with, and the
/// review already written from it, if any.
#[utoipa::path(
    get,
    path = "/review-requests/{id}",
    tag = "reviews",
    params(("id" = i64, Path, description = "The review request"), RequestQuery),
    responses(
        (status = 200, description = "The request", body = ReviewRequestView),
        (status = 401, description = "The token is not this request's, or has expired", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(request_id = id))]
pub(super) async fn review_request(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<RequestQuery>,
) -> Result<Json<ReviewRequestView>, ApiError> {
    if !requests::token_opens(&keys, id, &query.token) {
        return Err(ApiError::Unauthorized);
    }
    let request = store::request(&db, id).await?.ok_or(ApiError::NotFound)?;
    let product = store::product_by_id(&db, request.product_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let review = store::review_of_order(&db, request.product_id, request.order_id)
        .await?
        .map(|row| created(&row));
    Ok(Json(ReviewRequestView {
        id: request.id,
        product: product.view(),
        order_number: request.order_number,
        review,
    }))
}
