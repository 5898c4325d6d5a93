//! Checking what a store vouches for: signed order links and signed-in customers' ids
//! (the formats are in [`sf_api::identity`]). Tracking uses it now; chat, returns and reviews
//! accept the same proofs.

use crate::error::ApiError;
use crate::Secrets;
use sf_api::identity::signed_message;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Which of the store's secrets signed a proof: each kind has its own, so an order link's
/// signature never passes as a customer's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signer {
    /// Order links in the store's emails (`SF_ORDER_LINK_SECRET`).
    OrderLinks,
    /// Ids of shoppers signed in to the store (`SF_CUSTOMER_ID_SECRET`).
    Customers,
}

impl Signer {
    fn secret(self, secrets: &Secrets) -> Option<&str> {
        match self {
            Signer::OrderLinks => secrets.order_link.as_deref(),
            Signer::Customers => secrets.customer_id.as_deref(),
        }
    }

    fn variable(self) -> &'static str {
        match self {
            Signer::OrderLinks => "SF_ORDER_LINK_SECRET",
            Signer::Customers => "SF_CUSTOMER_ID_SECRET",
        }
    }
}

/// A subject the store vouched for: the signature was genuine and current. Anything issued
/// on its strength (a token) must not outlast `valid_until`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vouched<S> {
    /// What was signed: an order number, a customer id.
    pub subject: S,
    /// When the signature stops working.
    pub valid_until: OffsetDateTime,
}

/// Checks that `signature_hex` is `signer`'s HMAC-SHA256 of [`signed_message`] for `subject`
/// and `expires`, and that `expires` is after `now`. Every failure, a missing secret
/// included, is the same 401, so a caller learns nothing from the difference.
pub fn verify<S: AsRef<str>>(
    secrets: &Secrets,
    signer: Signer,
    subject: S,
    expires: i64,
    signature_hex: &str,
    now: OffsetDateTime,
) -> Result<Vouched<S>, ApiError> {
    let Some(secret) = signer.secret(secrets) else {
        tracing::warn!(
            "a store-signed {signer:?} proof arrived but {} is not set",
            signer.variable()
        );
        return Err(ApiError::BadSignature);
    };
    let signature = hex::decode(signature_hex.trim()).map_err(|_| ApiError::BadSignature)?;
    let genuine = crate::signature::verify(
        secret.as_bytes(),
        signed_message(subject.as_ref(), expires).as_bytes(),
        &signature,
    );
    if !genuine || expires <= now.unix_timestamp() {
        return Err(ApiError::BadSignature);
    }
    Ok(Vouched {
        subject,
        // Past the year 9999 the signature lasts longer than anything we issue.
        valid_until: OffsetDateTime::from_unix_timestamp(expires)
            .unwrap_or(PrimitiveDateTime::MAX.assume_utc()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000;

    fn secrets() -> Secrets {
        Secrets {
            order_link: Some("link-secret".into()),
            customer_id: Some("customer-secret".into()),
        }
    }

    fn sign(secret: &str, subject: &str, expires: i64) -> String {
        hex::encode(crate::signature::sign(
            secret.as_bytes(),
            signed_message(subject, expires).as_bytes(),
        ))
    }

    fn check(signer: Signer, subject: &str, expires: i64, signature: &str) -> bool {
        let now = OffsetDateTime::from_unix_timestamp(NOW).unwrap();
        verify(&secrets(), signer, subject, expires, signature, now).is_ok()
    }

    #[test]
    fn store_signatures_must_match_and_be_current() {
        let good = sign("link-secret", "SF-1001", 2_000);
        let vouched = verify(
            &secrets(),
            Signer::OrderLinks,
            "SF-1001",
            2_000,
            &good,
            OffsetDateTime::from_unix_timestamp(NOW).unwrap(),
        )
        .unwrap();
        assert_eq!(vouched.subject, "SF-1001");
        assert_eq!(vouched.valid_until.unix_timestamp(), 2_000);

        assert!(
            !check(
                Signer::OrderLinks,
                "SF-1001",
                NOW,
                &sign("link-secret", "SF-1001", NOW)
            ),
            "expired"
        );
        assert!(
            !check(Signer::OrderLinks, "SF-1002", 2_000, &good),
            "another subject"
        );
        assert!(
            !check(Signer::OrderLinks, "SF-1001", 3_000, &good),
            "a later expiry"
        );
        assert!(!check(Signer::OrderLinks, "SF-1001", 2_000, "not hex"));
        assert!(!check(
            Signer::OrderLinks,
            "SF-1001",
            2_000,
            &sign("other", "SF-1001", 2_000)
        ));
    }

    #[test]
    fn each_kind_of_proof_has_its_own_secret() {
        let as_link = sign("link-secret", "demo-dev", 2_000);
        assert!(check(Signer::OrderLinks, "demo-dev", 2_000, &as_link));
        assert!(!check(Signer::Customers, "demo-dev", 2_000, &as_link));
        let now = OffsetDateTime::from_unix_timestamp(NOW).unwrap();
        assert!(
            verify(
                &Secrets::default(),
                Signer::Customers,
                "demo-dev",
                2_000,
                &as_link,
                now
            )
            .is_err(),
            "no secret, no proofs"
        );
    }

    #[test]
    fn a_far_future_signature_is_valid_far_into_the_future() {
        let signature = sign("customer-secret", "demo-dev", i64::MAX);
        assert!(check(Signer::Customers, "demo-dev", i64::MAX, &signature));
    }
}
