//! How a shopper proves an order is theirs, and the token that then reads only that order.

use crate::auth::{bearer_token, new_token, token_hash};
use crate::db::{self, Database};
use crate::error::ApiError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use sf_api::tracking::signed_message;
use std::time::Duration;

/// How long a shopper's order token works: long enough to leave a tracker open all day.
pub const ORDER_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// Issues a token for one order; returns it (stored only as a hash) and its expiry.
pub async fn issue_token(db: &Database, order_id: i64) -> Result<(String, String), ApiError> {
    let token = new_token();
    let now = time::OffsetDateTime::now_utc();
    let expires_at = db::timestamp(now + ORDER_TOKEN_LIFETIME);
    // Expired tokens are swept as new ones are made, so the table stays the size of a day's
    // lookups without a separate job (an indexed range, usually empty).
    sqlx::query("DELETE FROM order_tokens WHERE expires_at <= $1")
        .bind(db::timestamp(now))
        .execute(&db.pool)
        .await?;
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

/// Whether something the store signed (an order link, a customer id) is genuine and not
/// expired: `signature_hex` must be the HMAC-SHA256 of [`signed_message`] with `secret`.
pub fn store_signature_is_valid(
    secret: &str,
    subject: &str,
    expires: i64,
    signature_hex: &str,
    now_unix: i64,
) -> bool {
    let Ok(signature) = hex::decode(signature_hex.trim()) else {
        return false;
    };
    expires > now_unix
        && crate::signature::verify(
            secret.as_bytes(),
            signed_message(subject, expires).as_bytes(),
            &signature,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &str, subject: &str, expires: i64) -> String {
        hex::encode(crate::signature::sign(
            secret.as_bytes(),
            signed_message(subject, expires).as_bytes(),
        ))
    }

    #[test]
    fn store_signatures_must_match_and_be_current() {
        let good = sign("link-secret", "SF-1001", 2_000);
        assert!(store_signature_is_valid(
            "link-secret",
            "SF-1001",
            2_000,
            &good,
            1_000
        ));
        assert!(
            !store_signature_is_valid("link-secret", "SF-1001", 2_000, &good, 2_000),
            "expired"
        );
        assert!(!store_signature_is_valid(
            "other-secret",
            "SF-1001",
            2_000,
            &good,
            1_000
        ));
        assert!(
            !store_signature_is_valid("link-secret", "SF-1002", 2_000, &good, 1_000),
            "another subject"
        );
        assert!(
            !store_signature_is_valid("link-secret", "SF-1001", 3_000, &good, 1_000),
            "a later expiry"
        );
        assert!(!store_signature_is_valid(
            "link-secret",
            "SF-1001",
            2_000,
            "not hex",
            1_000
        ));
    }
}
