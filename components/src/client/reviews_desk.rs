//! The client's slice for the desk's side of reviews: the moderation queue, one review with
//! its log, publishing or rejecting it, the store's public reply, and an order's
//! review-request links. Agents' calls carry the desk token.
//!
//! The readers of a review as shoppers see it (`ReviewView`, `ReviewedProduct`,
//! `StoreReply`) are the listing's, in `reviews.rs`: one type has one reader.

use super::read::{Fields, FromJson};
use super::reviews::stars;
use super::write::{maybe_text, text, ToJson};
use super::{read_list, send, to_json, ApiClient, ClientError};
use sf_api::reviews::{
    DeskReview, ModerationDecision, ModerationFlag, ModerationRequest, ReplyRequest,
    ReviewRequestLink, ReviewStatus, StoreReply, TimelineReview,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /desk/reviews?status=…`: the reviews in `status` (the pending ones oldest first,
    /// the others newest first).
    pub fn desk_reviews(
        self,
        token: String,
        status: ReviewStatus,
    ) -> impl Future<Output = Result<Vec<DeskReview>, ClientError>> {
        let target = self.target(&format!("/desk/reviews?status={}", status.as_str()));
        read_list(target, Some(token))
    }

    /// `GET /desk/reviews/{id}`: one review with its moderation log (404 when there is none).
    pub fn desk_review(
        self,
        token: String,
        id: i64,
    ) -> impl Future<Output = Result<DeskReview, ClientError>> {
        let target = self.target(&format!("/desk/reviews/{id}"));
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `POST /desk/reviews/{id}/decision`: publishes or rejects the review; answers with it
    /// as it is now (409 when its status does not allow that, 422 for a rejection without a
    /// reason).
    pub fn decide_review(
        self,
        token: String,
        id: i64,
        decision: &ModerationRequest,
    ) -> impl Future<Output = Result<DeskReview, ClientError>> {
        let target = self.target(&format!("/desk/reviews/{id}/decision"));
        let body = to_json(decision);
        async move {
            send("POST", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }

    /// `PUT /desk/reviews/{id}/reply`: the store's public reply, replacing an earlier one;
    /// answers with the review as it is now (422 for an empty or too long reply).
    pub fn reply_to_review(
        self,
        token: String,
        id: i64,
        reply: &ReplyRequest,
    ) -> impl Future<Output = Result<DeskReview, ClientError>> {
        let target = self.target(&format!("/desk/reviews/{id}/reply"));
        let body = to_json(reply);
        async move {
            send("PUT", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }

    /// `GET /desk/orders/{number}/review-requests`: the order's review requests, each with
    /// its signed link to send the shopper (404 when no order has the number).
    pub fn review_requests(
        self,
        token: String,
        order_number: &str,
    ) -> impl Future<Output = Result<Vec<ReviewRequestLink>, ClientError>> {
        let path = format!(
            "/desk{}",
            Self::order_path(order_number, "/review-requests")
        );
        read_list(self.target(&path), Some(token))
    }
}

impl ToJson for ModerationRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("status", text(self.status.as_str())),
            ("reason", maybe_text(&self.reason)),
        ]
    }
}

impl ToJson for ReplyRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("body", text(&self.body))]
    }
}

/// A [`ReviewStatus`] on the wire.
fn review_status(value: &JsValue) -> Option<ReviewStatus> {
    ReviewStatus::from_wire(&value.as_string()?)
}

/// A [`ModerationFlag`] on the wire.
fn moderation_flag(value: &JsValue) -> Option<ModerationFlag> {
    ModerationFlag::from_wire(&value.as_string()?)
}

impl FromJson for ModerationDecision {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ModerationDecision {
            status: review_status(&fields.get("status"))?,
            flags: fields.list("flags", moderation_flag)?,
            reason: fields.maybe_text("reason")?,
            agent: fields.maybe_text("agent")?,
            at: fields.text("at")?,
        })
    }
}

impl FromJson for DeskReview {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(DeskReview {
            review: fields.read("review")?,
            product: fields.read("product")?,
            status: review_status(&fields.get("status"))?,
            order_number: fields.maybe_text("order_number")?,
            email: fields.maybe_text("email")?,
            decisions: fields.list("decisions", ModerationDecision::from_json)?,
        })
    }
}

impl FromJson for ReviewRequestLink {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReviewRequestLink {
            id: fields.integer("id")?,
            sku: fields.text("sku")?,
            product_name: fields.text("product_name")?,
            token: fields.text("token")?,
            url: fields.text("url")?,
            created_at: fields.text("created_at")?,
        })
    }
}

impl FromJson for TimelineReview {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(TimelineReview {
            id: fields.integer("id")?,
            product_name: fields.text("product_name")?,
            rating: stars(&fields.get("rating"))?,
            title: fields.text("title")?,
            status: review_status(&fields.get("status"))?,
            created_at: fields.text("created_at")?,
            reply: fields.maybe("reply", StoreReply::from_json)?,
        })
    }
}
