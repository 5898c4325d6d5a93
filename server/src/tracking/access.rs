//! How a shopper proves an order is theirs, and the token that then reads only that order.

use crate::error::ApiError;
use crate::tokens::{self, Credential, IssuedToken, TokenKeys, TokenScope};
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// A shopper allowed to read one order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderShopper {
    /// The order the token was issued for.
    pub order_id: i64,
    /// Its number, to check against the number in the path.
    pub order_number: String,
}

impl OrderShopper {
    /// Refuses a token used on another order's path (as if the token were wrong, so a
    /// token holder cannot probe which other order numbers exist).
    pub fn for_order(self, order_number: &str) -> Result<Self, ApiError> {
        if self.order_number.eq_ignore_ascii_case(order_number.trim()) {
            Ok(self)
        } else {
            Err(ApiError::Unauthorized)
        }
    }

    /// The token's subject: the id finds the order without a query, the number checks the
    /// path. An id is digits, so the first space ends it whatever the number holds.
    fn subject(&self) -> String {
        format!("{} {}", self.order_id, self.order_number)
    }

    fn from_subject(subject: &str) -> Option<Self> {
        let (order_id, order_number) = subject.split_once(' ')?;
        Some(Self {
            order_id: order_id.parse().ok()?,
            order_number: order_number.to_owned(),
        })
    }
}

/// Order tokens are stateless: issuing one writes nothing, checking one reads nothing.
impl Credential for OrderShopper {
    type Grant = Self;
    type Context = Arc<TokenKeys>;

    /// Long enough to leave a tracker open all day.
    const LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

    async fn issue(
        keys: &Arc<TokenKeys>,
        order: &Self,
        proven_until: Option<OffsetDateTime>,
    ) -> Result<IssuedToken, ApiError> {
        let expires_at = tokens::expiry(OffsetDateTime::now_utc(), Self::LIFETIME, proven_until);
        let token = keys.sign(TokenScope::Order, &order.subject(), expires_at);
        Ok(IssuedToken { token, expires_at })
    }

    async fn resolve(keys: &Arc<TokenKeys>, token: &str) -> Result<Option<Self>, ApiError> {
        Ok(keys
            .verify(token, TokenScope::Order, OffsetDateTime::now_utc())
            .ok()
            .and_then(|subject| Self::from_subject(&subject)))
    }
}

impl<S> FromRequestParts<S> for OrderShopper
where
    S: Send + Sync,
    Arc<TokenKeys>: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        tokens::from_bearer(parts, state).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_names_the_order_both_ways() {
        let shopper = OrderShopper {
            order_id: 12,
            order_number: "SF-1012".into(),
        };
        assert_eq!(
            OrderShopper::from_subject(&shopper.subject()),
            Some(shopper)
        );
        assert_eq!(OrderShopper::from_subject("SF-1012"), None);
        assert_eq!(OrderShopper::from_subject("x SF-1012"), None);
    }
}
