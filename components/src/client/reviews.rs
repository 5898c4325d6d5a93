//! The client's slice for `<sf-reviews>`: a product's published reviews and the helpful
//! votes, a reader for each answer (see `client/read.rs`: the browser's `JSON.parse` does the
//! parsing, no serde in the element's module) and the writer of a vote (see `client/write.rs`).
//!
//! The readers of a product ([`ReviewedProduct`]) and a review ([`ReviewView`]) serve the
//! review form's and the desk's slices as well: a type has one reader.

use super::read::{Fields, FromJson};
use super::write::{text, ToJson};
use super::{send, to_json, ApiClient, ClientError};
use sf_api::reviews::{
    Fit, HelpfulCount, HelpfulVote, ProductReviews, RatingSummary, ReviewQuery, ReviewView,
    ReviewedProduct, StoreReply,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /products/{sku}/reviews`: one page of the product's published reviews as `query`
    /// sorts and filters them, with the summary of all of them and the page's JSON-LD.
    pub fn product_reviews(
        self,
        sku: &str,
        query: ReviewQuery,
    ) -> impl Future<Output = Result<ProductReviews, ClientError>> {
        let target = self.target(&reviews_path(sku, query));
        async move { send("GET", target, None, None).await?.into_result() }
    }

    /// `POST /reviews/{id}/helpful`: `voter` (this browser's id) found review `id` helpful;
    /// answers the new count and whether this vote counted.
    pub fn vote_helpful(
        self,
        id: i64,
        voter: String,
    ) -> impl Future<Output = Result<HelpfulCount, ClientError>> {
        let mut path = String::from("/reviews/");
        path.push_str(&id.to_string());
        path.push_str("/helpful");
        let target = self.target(&path);
        let body = to_json(&HelpfulVote { voter });
        async move { send("POST", target, None, body?).await?.into_result() }
    }
}

/// `/products/{sku}`: the SKU is the merchant's typing, so it is encoded.
pub(super) fn product_path(sku: &str) -> String {
    let mut path = String::from("/products/");
    path.push_str(&String::from(js_sys::encode_uri_component(sku)));
    path
}

/// `/products/{sku}/reviews`, where a product's reviews are read and written.
pub(super) fn product_reviews_path(sku: &str) -> String {
    let mut path = product_path(sku);
    path.push_str("/reviews");
    path
}

/// `/products/{sku}/reviews?…` with only the parameters `query` sets.
fn reviews_path(sku: &str, query: ReviewQuery) -> String {
    let mut path = product_reviews_path(sku);
    let mut separator = '?';
    let mut parameter = |name: &str, value: &str| {
        path.push(separator);
        path.push_str(name);
        path.push('=');
        path.push_str(value);
        separator = '&';
    };
    if let Some(sort) = query.sort {
        parameter("sort", sort.as_str());
    }
    if let Some(rating) = query.rating {
        parameter("rating", &rating.to_string());
    }
    if let Some(with_photos) = query.with_photos {
        parameter("with_photos", if with_photos { "true" } else { "false" });
    }
    if let Some(page) = query.page {
        parameter("page", &page.to_string());
    }
    path
}

impl ToJson for HelpfulVote {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("voter", text(&self.voter))]
    }
}

/// A star rating: a whole number from 1 to 5.
pub(super) fn stars(value: &JsValue) -> Option<u8> {
    let number = value.as_f64()?;
    (number.fract() == 0.0 && (1.0..=5.0).contains(&number)).then_some(number as u8)
}

impl FromJson for ProductReviews {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ProductReviews {
            product: fields.read("product")?,
            summary: fields.read("summary")?,
            matching: fields.count("matching")?,
            page: fields.count("page")?,
            reviews: fields.list("reviews", ReviewView::from_json)?,
            json_ld: fields.text("json_ld")?,
        })
    }
}

impl FromJson for ReviewedProduct {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReviewedProduct {
            sku: fields.text("sku")?,
            name: fields.text("name")?,
            asks_fit: fields.flag("asks_fit")?,
            asks_quality: fields.flag("asks_quality")?,
        })
    }
}

impl FromJson for RatingSummary {
    fn from_json(value: &JsValue) -> Option<Self> {
        let counts = Fields::of(value)?.list("histogram", |count| {
            let number = count.as_f64()?;
            (number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number))
                .then_some(number as u32)
        })?;
        Some(RatingSummary {
            histogram: counts.try_into().ok()?,
        })
    }
}

impl FromJson for StoreReply {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(StoreReply {
            body: fields.text("body")?,
            at: fields.text("at")?,
        })
    }
}

impl FromJson for ReviewView {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReviewView {
            id: fields.integer("id")?,
            rating: stars(&fields.get("rating"))?,
            title: fields.text("title")?,
            body: fields.text("body")?,
            display_name: fields.text("display_name")?,
            verified: fields.flag("verified")?,
            created_at: fields.text("created_at")?,
            fit: fields.maybe("fit", |fit| Fit::from_wire(&fit.as_string()?))?,
            quality: fields.maybe("quality", stars)?,
            photos: fields.list("photos", JsValue::as_string)?,
            helpful: fields.count("helpful")?,
            reply: fields.maybe("reply", StoreReply::from_json)?,
        })
    }
}

impl FromJson for HelpfulCount {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(HelpfulCount {
            helpful: fields.count("helpful")?,
            counted: fields.flag("counted")?,
        })
    }
}
