//! How a shopper proves an order is theirs, and the token that then reads only that order.

use crate::auth::{bearer_token, new_token, token_hash};
use crate::db::{self, Database};
use crate::error::ApiError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use sf_api::tracking::{signed_link_message, SignedOrderLink};
use std::time::Duration;

/// How long a shopper's order token works: long enough to leave a tracker open all day.
pub const ORDER_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// Issues a token for one order; returns it (stored only as a hash) and its expiry.
pub async fn issue_token(db: &Database, order_id: i64) -> Result<(String, String), ApiError> {
    let token = new_token();
    let now = time::OffsetDateTime::now_utc();
    let expires_at = db::timestamp(now + ORDER_TOKEN_LIFETIME);
    sqlx::query(
        "INSERT INTO order_tokens (token_hash, order_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(order_id)
    .bind(db::timestamp(now))
    .bind(&expires_at)
    .execute(&db.pool)
    .await?;
    Ok((token, expires_at))
}

/// A shopper allowed to read one order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderShopper {
    /// The order the token was issued for.
    pub order_id: i64,
    /// Its number, to check against the number in the path.
    pub order_number: String,
}

impl OrderShopper {
    /// The shopper a live token belongs to.
    pub async fn from_token(db: &Database, token: &str) -> Result<Option<Self>, ApiError> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT o.id, o.order_number FROM order_tokens t JOIN orders o ON o.id = t.order_id \
             WHERE t.token_hash = $1 AND t.expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(db::now())
        .fetch_optional(&db.pool)
        .await?;
        Ok(row.map(|(order_id, order_number)| Self {
            order_id,
            order_number,
        }))
    }

    /// Refuses a token used on another order's path (as if the token were wrong, so a
    /// token holder cannot probe which other order numbers exist).
    pub fn for_order(self, order_number: &str) -> Result<Self, ApiError> {
        if self.order_number.eq_ignore_ascii_case(order_number.trim()) {
            Ok(self)
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}

impl FromRequestParts<AppState> for OrderShopper {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        Self::from_token(&state.db, token)
            .await?
            .ok_or(ApiError::Unauthorized)
    }
}

/// Whether a link from the store's email is genuine and not expired.
pub fn signed_link_is_valid(secret: &str, link: &SignedOrderLink, now_unix: i64) -> bool {
    let Ok(signature) = hex::decode(link.signature.trim()) else {
        return false;
    };
    link.expires > now_unix
        && crate::signature::verify(
            secret.as_bytes(),
            signed_link_message(&link.order_number, link.expires).as_bytes(),
            &signature,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(secret: &str, order_number: &str, expires: i64) -> SignedOrderLink {
        let signature = crate::signature::sign(
            secret.as_bytes(),
            signed_link_message(order_number, expires).as_bytes(),
        );
        SignedOrderLink {
            order_number: order_number.into(),
            expires,
            signature: hex::encode(signature),
        }
    }

    #[test]
    fn signed_links_must_match_and_be_current() {
        let good = link("link-secret", "SF-1001", 2_000);
        assert!(signed_link_is_valid("link-secret", &good, 1_000));
        assert!(
            !signed_link_is_valid("link-secret", &good, 2_000),
            "expired"
        );
        assert!(!signed_link_is_valid("other-secret", &good, 1_000));
        let tampered = SignedOrderLink {
            order_number: "SF-1002".into(),
            ..good.clone()
        };
        assert!(!signed_link_is_valid("link-secret", &tampered, 1_000));
        let garbage = SignedOrderLink {
            signature: "not hex".into(),
            ..good
        };
        assert!(!signed_link_is_valid("link-secret", &garbage, 1_000));
    }
}
