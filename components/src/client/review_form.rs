//! The client's slice for `<sf-review-form>`: writing a review, its photos, and what a
//! review-request link opens, with a reader for each answer (see `client/read.rs`: the
//! browser's `JSON.parse` does the parsing, no serde in the element's module) and the writer
//! of a submission (see `client/write.rs`).
//!
//! The product's reader ([`sf_api::reviews::ReviewedProduct`]) and its paths are the
//! listing's slice's: a type has one reader, a path one builder.

use super::read::{Fields, FromJson};
use super::reviews::{product_path, product_reviews_path};
use super::write::{integer, object, text, ToJson};
use super::{send, send_body, to_json, ApiClient, ClientError};
use sf_api::reviews::{
    PurchaseProof, ReviewCreated, ReviewPhotoUploaded, ReviewRequestView, ReviewStatus,
    ReviewSubmission, ReviewedProduct,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /products/{sku}`: the product a review is written for, and what its form asks
    /// (fit, quality); 404 for a SKU the store does not know.
    pub fn reviewed_product(
        self,
        sku: &str,
    ) -> impl Future<Output = Result<ReviewedProduct, ClientError>> {
        let target = self.target(&product_path(sku));
        async move { send("GET", target, None, None).await?.into_result() }
    }

    /// `POST /products/{sku}/reviews`: writes the review (once per `request_id`, however often
    /// it is sent); answers whether it is published or held, and whether it is verified.
    pub fn submit_review(
        self,
        sku: &str,
        submission: &ReviewSubmission,
    ) -> impl Future<Output = Result<ReviewCreated, ClientError>> {
        let target = self.target(&product_reviews_path(sku));
        let body = to_json(submission);
        async move { send("POST", target, None, body?).await?.into_result() }
    }

    /// `POST /reviews/photos`: stores `photo` (a file the shopper picked, sent as it is with
    /// its own media type); the server checks its bytes and size.
    pub fn upload_review_photo(
        self,
        photo: web_sys::File,
    ) -> impl Future<Output = Result<ReviewPhotoUploaded, ClientError>> {
        let target = self.target("/reviews/photos");
        async move {
            let media_type = photo.type_();
            send_body("POST", target, None, Some((photo.into(), media_type)))
                .await?
                .into_result()
        }
    }

    /// `GET /review-requests/{id}?token=`: the product and order a review-request link is
    /// for, and the review already written from it, if any.
    pub fn review_request(
        self,
        id: i64,
        token: &str,
    ) -> impl Future<Output = Result<ReviewRequestView, ClientError>> {
        let mut path = String::from("/review-requests/");
        path.push_str(&id.to_string());
        path.push_str("?token=");
        path.push_str(&String::from(js_sys::encode_uri_component(token)));
        let target = self.target(&path);
        async move { send("GET", target, None, None).await?.into_result() }
    }
}

/// A number that may be `null`.
fn maybe_stars(value: Option<u8>) -> JsValue {
    value.map_or(JsValue::NULL, |stars| integer(i64::from(stars)))
}

impl ToJson for PurchaseProof {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        match self {
            PurchaseProof::Order {
                order_number,
                email,
            } => vec![
                ("by", text("order")),
                ("order_number", text(order_number)),
                ("email", text(email)),
            ],
            PurchaseProof::Request { request, token } => vec![
                ("by", text("request")),
                ("request", integer(*request)),
                ("token", text(token)),
            ],
        }
    }
}

impl ToJson for ReviewSubmission {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        let photos = self
            .photos
            .iter()
            .map(|key| text(key))
            .collect::<js_sys::Array>();
        vec![
            ("request_id", text(&self.request_id)),
            ("rating", maybe_stars(self.rating)),
            ("title", text(&self.title)),
            ("body", text(&self.body)),
            ("display_name", text(&self.display_name)),
            (
                "fit",
                self.fit.map_or(JsValue::NULL, |fit| text(fit.as_str())),
            ),
            ("quality", maybe_stars(self.quality)),
            ("photos", photos.into()),
            (
                "proof",
                self.proof
                    .as_ref()
                    .and_then(object)
                    .unwrap_or(JsValue::NULL),
            ),
        ]
    }
}

impl FromJson for ReviewCreated {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReviewCreated {
            id: fields.integer("id")?,
            status: ReviewStatus::from_wire(&fields.text("status")?)?,
            verified: fields.flag("verified")?,
        })
    }
}

impl FromJson for ReviewPhotoUploaded {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReviewPhotoUploaded {
            key: fields.text("key")?,
            url: fields.text("url")?,
        })
    }
}

impl FromJson for ReviewRequestView {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReviewRequestView {
            id: fields.integer("id")?,
            product: fields.read("product")?,
            order_number: fields.text("order_number")?,
            review: fields.maybe("review", ReviewCreated::from_json)?,
        })
    }
}
