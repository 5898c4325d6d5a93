//! Review requests: one per product of a delivered order, made when the carrier reports the
//! delivery ([`crate::tracking::store::apply_update`] calls
//! [`super::store::request_reviews_of_shipment`]), and the signed link that opens the review
//! form already verified for that product and order.

use super::store::RequestRow;
use crate::tokens::{TokenKeys, TokenScope};
use sf_api::reviews::ReviewRequestLink;
use std::time::Duration;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// How long a review request's link works after the delivery.
pub const LINK_LIFETIME: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// The request's signed token: it names the request and runs out [`LINK_LIFETIME`] after
/// the delivery, however often the desk shows the link again.
pub fn token(keys: &TokenKeys, request: &RequestRow) -> String {
    let delivered = OffsetDateTime::parse(&request.created_at, &Rfc3339)
        .unwrap_or_else(|_| OffsetDateTime::now_utc());
    keys.sign(
        TokenScope::ReviewRequest,
        &request.id.to_string(),
        delivered + LINK_LIFETIME,
    )
}

/// Whether `token` is a genuine, current token of request `id`.
pub fn token_opens(keys: &TokenKeys, id: i64, token: &str) -> bool {
    keys.verify(token, TokenScope::ReviewRequest, OffsetDateTime::now_utc())
        .is_ok_and(|subject| subject == id.to_string())
}

/// The request as the desk sends it: the portal's review page (`/reviews`) with the product,
/// the request and its token, under the server's public address when it has one.
pub fn link(keys: &TokenKeys, public_url: &str, request: &RequestRow) -> ReviewRequestLink {
    let token = token(keys, request);
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("product", &request.sku)
        .append_pair("request", &request.id.to_string())
        .append_pair("token", &token)
        .finish();
    ReviewRequestLink {
        id: request.id,
        sku: request.sku.clone(),
        product_name: request.product_name.clone(),
        url: format!("{}/reviews?{query}", public_url.trim_end_matches('/')),
        token,
        created_at: request.created_at.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new("k".repeat(32).parse().unwrap(), [])
    }

    fn request(created_at: String) -> RequestRow {
        RequestRow {
            id: 7,
            order_id: 1,
            order_number: "SF-1013".into(),
            product_id: 2,
            sku: "TEE 02&x".into(),
            product_name: "T-shirt".into(),
            created_at,
        }
    }

    #[test]
    fn a_link_opens_its_own_request_for_ninety_days_after_delivery() {
        let now = OffsetDateTime::now_utc();
        let recent = request(crate::db::timestamp(now - time::Duration::days(89)));
        let sent = link(&keys(), "https://shop.example/", &recent);
        assert!(sent
            .url
            .starts_with("https://shop.example/reviews?product=TEE+02%26x&request=7&token="));
        assert!(token_opens(&keys(), 7, &sent.token));
        assert!(!token_opens(&keys(), 8, &sent.token), "another request");
        let old = request(crate::db::timestamp(now - time::Duration::days(91)));
        assert!(!token_opens(&keys(), 7, &token(&keys(), &old)), "expired");
        let order_token = keys().sign(TokenScope::Order, "7", now + LINK_LIFETIME);
        assert!(!token_opens(&keys(), 7, &order_token), "another scope");
        assert!(link(&keys(), "", &recent).url.starts_with("/reviews?"));
    }
}
