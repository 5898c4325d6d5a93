//! Who a shopper is, as the store vouches for them: links the store signs into its emails,
//! and the ids of shoppers signed in to the store. Every component that serves a shopper
//! (tracking now; chat, returns and reviews next) accepts these same proofs.
//!
//! The store signs [`signed_message`] with HMAC-SHA256, a separate secret for each kind, and
//! hands the browser the subject, the expiry and the lower-case hex signature.

use serde::{Deserialize, Serialize};

/// The message a store signs, for an order link (`subject` is the order number) or for a
/// signed-in customer (`subject` is the store's own customer id): `"{subject}\n{expires}"`.
///
/// Unambiguous because `expires` is a number: everything before the last line break is the
/// subject. The two kinds use different secrets, so one cannot be passed off as the other.
pub fn signed_message(subject: &str, expires: i64) -> String {
    format!("{subject}\n{expires}")
}

/// Longest customer id a store may sign (room for ids like `gid://shop/Customer/…` or UUIDs).
pub const MAX_CUSTOMER_ID_CHARS: usize = 200;

/// A link to one order from the store's email (`POST /api/v1/orders/signed-link`).
///
/// The store signs `"{order_number}\n{expires}"` with its order-link secret; whoever holds
/// the link may see that order until it expires, without its email address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedOrderLink {
    /// The order number.
    pub order_number: String,
    /// When the link stops working, in seconds since 1970 (UTC).
    pub expires: i64,
    /// Lower-case hex of the HMAC-SHA256.
    pub signature: String,
}

/// A shopper signed in to the store, arriving already identified
/// (`POST /api/v1/orders/signed-customer`).
///
/// The store signs `"{customer_id}\n{expires}"` with its customer-id secret; whoever holds
/// the three values is that customer until the signature expires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedCustomer {
    /// The store's own id for the customer, exactly as signed (not trimmed).
    pub customer_id: String,
    /// When the signature stops working, in seconds since 1970 (UTC).
    pub expires: i64,
    /// Lower-case hex of the HMAC-SHA256.
    pub signature: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_message_is_subject_then_expiry() {
        assert_eq!(
            signed_message("SF-1001", 1_795_000_000),
            "SF-1001\n1795000000"
        );
    }
}
