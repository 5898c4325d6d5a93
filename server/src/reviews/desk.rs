//! The desk's side of reviews (signed-in agents): the moderation queue, one review with its
//! log, publishing or rejecting it with a reason, the store's public reply, and an order's
//! review-request links, and the photos of reviews shoppers cannot see (held or rejected).
//! The allowed decisions are one table ([`ALLOWED`]).

use super::store::{self, ReviewRow};
use super::{requests, ReviewsState};
use crate::agent::SignedInAgent;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::tokens::{TokenKeys, TokenScope};
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use sf_api::error::ErrorBody;
use sf_api::reviews::{
    DeskReview, DeskReviewQuery, ModerationDecision, ModerationRequest, ReplyRequest,
    ReviewRequestLink, ReviewStatus, MAX_REPLY_CHARS,
};
use sf_api::validation::{optional_text, required_text, OrderNumber};
use std::collections::HashMap;
use std::sync::Arc;
use time::OffsetDateTime;

/// Every decision an agent may make: from, to. A pending review is read and decided; a
/// published one can be taken down; a rejected one can be reconsidered.
pub const ALLOWED: [(ReviewStatus, ReviewStatus); 4] = [
    (ReviewStatus::Pending, ReviewStatus::Published),
    (ReviewStatus::Pending, ReviewStatus::Rejected),
    (ReviewStatus::Published, ReviewStatus::Rejected),
    (ReviewStatus::Rejected, ReviewStatus::Published),
];

/// Whether an agent may move a review from `from` to `to`.
pub fn may_decide(from: ReviewStatus, to: ReviewStatus) -> bool {
    ALLOWED.contains(&(from, to))
}

/// The reviews as the desk sees them, in the same order: their photos and logs read in one
/// query each, whatever the number of reviews; photos at the desk's own addresses.
async fn desk_reviews(
    db: &Database,
    keys: &TokenKeys,
    rows: Vec<ReviewRow>,
) -> Result<Vec<DeskReview>, ApiError> {
    let views = store::views(db, &rows, |key| desk_photo_url(keys, key)).await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut logs: HashMap<i64, Vec<ModerationDecision>> = HashMap::new();
    for (review_id, decision) in store::decisions(db, &ids).await? {
        logs.entry(review_id).or_default().push(decision);
    }
    Ok(rows
        .into_iter()
        .zip(views)
        .map(|(row, review)| DeskReview {
            review,
            product: row.product().view(),
            status: row.status(),
            decisions: logs.remove(&row.id).unwrap_or_default(),
            order_number: row.order_number,
            email: row.email,
        })
        .collect())
}

/// One review as the desk sees it.
async fn desk_review(
    db: &Database,
    keys: &TokenKeys,
    row: ReviewRow,
) -> Result<DeskReview, ApiError> {
    desk_reviews(db, keys, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("a review without its view".into()))
}

/// A review photo's address for the desk: [`photo`]'s route with a signed token, since an
/// `<img>` cannot send the agent's bearer token. The token runs out at the end of the next
/// whole hour, so the address stays the same (and cached) within an hour and works for at
/// least one.
pub fn desk_photo_url(keys: &TokenKeys, key: &str) -> String {
    const HOUR: i64 = 60 * 60;
    let now = OffsetDateTime::now_utc();
    let expires = OffsetDateTime::from_unix_timestamp((now.unix_timestamp() / HOUR + 2) * HOUR)
        .unwrap_or(now + time::Duration::hours(1));
    let token = keys.sign(TokenScope::ReviewPhoto, key, expires);
    format!(
        "{}/desk/reviews/photos/{key}?token={token}",
        sf_api::API_PREFIX
    )
}

async fn find(db: &Database, id: i64) -> Result<ReviewRow, ApiError> {
    store::review(db, id)
        .await?
        .ok_or(ApiError::NothingMatches(NO_SUCH_REVIEW))
}

const NO_SUCH_REVIEW: &str = "No review has this id: reload the queue.";

/// The moderation queue (pending reviews, oldest first), or the reviews with another status
/// (newest first); at most 200.
#[utoipa::path(
    get,
    path = "/desk/reviews",
    tag = "reviews",
    params(DeskReviewQuery),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The reviews", body = Vec<DeskReview>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn queue(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    _signed_in: SignedInAgent,
    ApiQuery(query): ApiQuery<DeskReviewQuery>,
) -> Result<Json<Vec<DeskReview>>, ApiError> {
    let status = query.status.unwrap_or(ReviewStatus::Pending);
    let rows = store::queue(&db, status).await?;
    desk_reviews(&db, &keys, rows).await.map(Json)
}

/// One review with its moderation log.
#[utoipa::path(
    get,
    path = "/desk/reviews/{id}",
    tag = "reviews",
    params(("id" = i64, Path, description = "The review")),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The review", body = DeskReview),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No review has this id", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id, review_id = id))]
pub(super) async fn get(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    _signed_in: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DeskReview>, ApiError> {
    let row = find(&db, id).await?;
    desk_review(&db, &keys, row).await.map(Json)
}

/// Publish or reject a review (a rejection needs a reason); the decision is logged with the
/// agent and the reason.
#[utoipa::path(
    post,
    path = "/desk/reviews/{id}/decision",
    tag = "reviews",
    params(("id" = i64, Path, description = "The review")),
    request_body = ModerationRequest,
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "Decided", body = DeskReview),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No review has this id", body = ErrorBody),
        (status = 409, description = "Not a decision its status allows (or another agent decided first), or publishing a rejected review whose order has another live review of the product", body = ErrorBody),
        (status = 422, description = "A rejection without a reason, or `pending` asked for", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id, review_id = id))]
pub(super) async fn decide(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    agent: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<ModerationRequest>,
) -> Result<Json<DeskReview>, ApiError> {
    let reason = match request.status {
        ReviewStatus::Pending => {
            return Err(ApiError::field(
                "status",
                "Choose to publish or to reject the review.",
            ))
        }
        ReviewStatus::Rejected => Some(
            required_text(
                request.reason.as_deref().unwrap_or_default(),
                MAX_REPLY_CHARS,
            )
            .map_err(|problem| ApiError::field("reason", problem.english("reason")))?,
        ),
        ReviewStatus::Published => optional_text(
            request.reason.as_deref().unwrap_or_default(),
            MAX_REPLY_CHARS,
        )
        .map_err(|problem| ApiError::field("reason", problem.english("reason")))
        .map(|reason| Some(reason).filter(|reason| !reason.is_empty()))?,
    };
    let row = find(&db, id).await?;
    let from = row.status();
    if !may_decide(from, request.status) {
        return Err(ApiError::Conflict(NOT_ALLOWED));
    }
    // A rejected review gave up its order's one review: the shopper may have written another.
    if from == ReviewStatus::Rejected && has_live_sibling(&db, &row).await? {
        return Err(ApiError::Conflict(ORDER_REVIEWED_AGAIN));
    }
    match store::decide(&db, id, from, request.status, agent.profile.id, reason).await {
        Ok(true) => {}
        Ok(false) => return Err(ApiError::Conflict(NOT_ALLOWED)),
        // The order's unique index refused it: its other review was written meanwhile.
        Err(error) => {
            return Err(if has_live_sibling(&db, &row).await? {
                ApiError::Conflict(ORDER_REVIEWED_AGAIN)
            } else {
                error
            })
        }
    }
    tracing::info!(to = request.status.as_str(), "review decided");
    let row = find(&db, id).await?;
    desk_review(&db, &keys, row).await.map(Json)
}

/// Whether the review's order has another pending or published review of its product.
async fn has_live_sibling(db: &Database, row: &ReviewRow) -> Result<bool, ApiError> {
    let Some(order_id) = row.order_id else {
        return Ok(false);
    };
    Ok(store::review_of_order(db, row.product_id, order_id)
        .await?
        .is_some_and(|live| live.id != row.id))
}

const NOT_ALLOWED: &str =
    "This review cannot make that change from where it is now: reload it to see its status.";

const ORDER_REVIEWED_AGAIN: &str = "The shopper has written another review of this product \
     from the same order since this one was rejected: publish or reject that one instead.";

/// Write the store's public reply under a review (replacing an earlier one); shoppers see
/// it once the review is published.
#[utoipa::path(
    put,
    path = "/desk/reviews/{id}/reply",
    tag = "reviews",
    params(("id" = i64, Path, description = "The review")),
    request_body = ReplyRequest,
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "Replied", body = DeskReview),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No review has this id", body = ErrorBody),
        (status = 422, description = "An empty or too long reply", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id, review_id = id))]
pub(super) async fn reply(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    agent: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<ReplyRequest>,
) -> Result<Json<DeskReview>, ApiError> {
    let body = required_text(&request.body, MAX_REPLY_CHARS)
        .map_err(|problem| ApiError::field("body", problem.english("reply")))?;
    find(&db, id).await?;
    store::reply(&db, id, body, Some(agent.profile.id)).await?;
    let row = find(&db, id).await?;
    desk_review(&db, &keys, row).await.map(Json)
}

/// An order's review requests (one per delivered product), each with its signed link to
/// send the shopper.
#[utoipa::path(
    get,
    path = "/desk/orders/{order_number}/review-requests",
    tag = "reviews",
    params(("order_number" = String, Path, description = "The order")),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The requests, oldest first", body = Vec<ReviewRequestLink>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No order has this number", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn order_requests(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    State(reviews): State<ReviewsState>,
    _signed_in: SignedInAgent,
    ApiPath(order_number): ApiPath<String>,
) -> Result<Json<Vec<ReviewRequestLink>>, ApiError> {
    let number = OrderNumber::parse(&order_number).map_err(|_| ApiError::NotFound)?;
    let order_id = crate::tracking::store::find_order_by_number(&db, number.as_str())
        .await?
        .ok_or(ApiError::NothingMatches(NO_SUCH_ORDER))?;
    Ok(Json(
        store::requests_of_order(&db, order_id)
            .await?
            .iter()
            .map(|request| requests::link(&keys, &reviews.public_url, request))
            .collect(),
    ))
}

const NO_SUCH_ORDER: &str = "No order has this number: check it with the shopper.";

/// The desk's photo query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct DeskPhotoQuery {
    /// The photo's signed token from a [`DeskReview`]'s photo address; without it, the
    /// agent's bearer token is asked for.
    token: Option<String>,
}

/// Any review's photo, whatever its review's status (shoppers see only published reviews'):
/// by the signed address a [`DeskReview`] gives (for `<img>`), or with an agent's token.
#[utoipa::path(
    get,
    path = "/desk/reviews/photos/{key}",
    tag = "reviews",
    params(("key" = String, Path, description = "The photo's key"), DeskPhotoQuery),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The photo", content_type = "image/jpeg"),
        (status = 401, description = "No valid photo token or agent token", body = ErrorBody),
        (status = 404, description = "No such photo", body = ErrorBody)
    )
)]
pub(super) async fn photo(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    signed_in: Result<SignedInAgent, ApiError>,
    ApiPath(key): ApiPath<String>,
    ApiQuery(query): ApiQuery<DeskPhotoQuery>,
) -> Result<Response, ApiError> {
    let signed = query.token.as_deref().is_some_and(|token| {
        keys.verify(token, TokenScope::ReviewPhoto, OffsetDateTime::now_utc())
            .is_ok_and(|subject| subject == key)
    });
    if !signed {
        signed_in?;
    }
    let photo = store::photo(&db, &key).await?.ok_or(ApiError::NotFound)?;
    // Kept by the agent's browser only, and not for long: a decision changes who may see it.
    Ok(crate::static_files::embeddable_image(
        &photo.media_type,
        "private, max-age=300",
        super::routes::PHOTO_POLICY,
        photo.bytes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewStatus::*;

    #[test]
    fn decisions_follow_the_table() {
        assert!(may_decide(Pending, Published));
        assert!(may_decide(Pending, Rejected));
        assert!(may_decide(Published, Rejected));
        assert!(may_decide(Rejected, Published));
        assert!(!may_decide(Published, Published));
        assert!(
            !may_decide(Published, Pending),
            "nothing goes back to the queue"
        );
        assert!(!may_decide(Rejected, Rejected));
    }
}
