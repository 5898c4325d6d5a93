//! Bearer tokens: one way to issue them and one way to resolve them, whatever their kind.
//!
//! Shoppers' tokens (orders now; conversations and returns later) are stateless: the token
//! carries its scope, its subject and its expiry, and an HMAC-SHA256 under the server's key
//! proves the server wrote it. Issuing one writes nothing and checking one reads nothing, so
//! an order lookup is bound by reads, not by the database's one writer.
//!
//! Agents' sessions stay stored, because signing out must stop a token at once; they go
//! through the same [`Credential`] trait, so a feature never cares which kind it holds.
//!
//! A shopper token looks like `base64url(scope "\n" expires "\n" subject) "." base64url(mac)`.
//! Its payload is readable by whoever holds it (it names only what the holder already
//! knows); it cannot be changed without the key.

use crate::error::ApiError;
use axum::extract::FromRef;
use axum::http::{header, request::Parts, HeaderMap};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use std::future::Future;
use std::str::FromStr;
use std::time::Duration;
use time::OffsetDateTime;

/// Longest bearer token accepted: room for a subject of a few hundred characters (a store's
/// customer id), far below what would make checking it costly.
pub const MAX_TOKEN_CHARS: usize = 512;

/// Shortest key accepted: HMAC-SHA256 is only as strong as a key of 32 random bytes.
pub const MIN_KEY_BYTES: usize = 32;

/// What a stateless token grants access to. Part of the signed payload, so a token issued
/// for one kind of thing never opens another, even when the subjects look alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenScope {
    /// One order's tracking and notification preferences.
    Order,
    /// One support conversation (the chat).
    Conversation,
    /// One return request.
    Return,
    /// One review request (the link sent after delivery); lasts 90 days.
    ReviewRequest,
    /// One review photo, for the desk's `<img>` (which cannot send an agent's bearer token);
    /// given only in answers to agents, lasts an hour or two.
    ReviewPhoto,
}

impl TokenScope {
    const ALL: [TokenScope; 5] = [
        TokenScope::Order,
        TokenScope::Conversation,
        TokenScope::Return,
        TokenScope::ReviewRequest,
        TokenScope::ReviewPhoto,
    ];

    /// The name written into tokens.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Order => "order",
            TokenScope::Conversation => "conversation",
            TokenScope::Return => "return",
            TokenScope::ReviewRequest => "review_request",
            TokenScope::ReviewPhoto => "review_photo",
        }
    }

    fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == name)
    }
}

/// A key tokens are signed with, at least [`MIN_KEY_BYTES`] long. Never printed.
#[derive(Clone)]
pub struct TokenKey(Vec<u8>);

impl TokenKey {
    /// A fresh random key, for demos that were given none: their tokens die with the process.
    pub fn random() -> Self {
        let mut key = vec![0u8; MIN_KEY_BYTES];
        rand::thread_rng().fill_bytes(&mut key);
        Self(key)
    }
}

/// Why a configured key was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a token key must be at least {MIN_KEY_BYTES} bytes (e.g. `openssl rand -hex 32`)")]
pub struct KeyTooShort;

impl FromStr for TokenKey {
    type Err = KeyTooShort;

    fn from_str(text: &str) -> Result<Self, KeyTooShort> {
        // Surrounding spaces are an accident of copying, not key material.
        let key = text.trim();
        if key.len() < MIN_KEY_BYTES {
            return Err(KeyTooShort);
        }
        Ok(Self(key.as_bytes().to_vec()))
    }
}

impl std::fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKey(…)")
    }
}

/// The server's token keys: the first signs, every one verifies, so a key can be rotated
/// without signing everyone out (keep the old one as previous for a token lifetime).
#[derive(Clone, Debug)]
pub struct TokenKeys {
    signing: TokenKey,
    previous: Vec<TokenKey>,
}

/// Why a token was refused. Callers answer all of them alike (401), so a holder learns
/// nothing from the difference; it exists for tests and logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not the shape of a token.
    #[error("not a token")]
    Malformed,
    /// No key of ours signed it (forged, altered, or signed with a retired key).
    #[error("the token's signature does not verify")]
    Forged,
    /// Genuine, but for another kind of thing.
    #[error("the token is for another scope")]
    WrongScope,
    /// Genuine, but past its expiry.
    #[error("the token has expired")]
    Expired,
}

impl TokenKeys {
    /// `signing` signs new tokens; tokens signed with it or any of `previous` verify.
    pub fn new(signing: TokenKey, previous: impl IntoIterator<Item = TokenKey>) -> Self {
        Self {
            signing,
            previous: previous.into_iter().collect(),
        }
    }

    /// A token for `subject` within `scope`, working until `expires` (whole seconds).
    pub fn sign(&self, scope: TokenScope, subject: &str, expires: OffsetDateTime) -> String {
        let payload = format!(
            "{}\n{}\n{subject}",
            scope.as_str(),
            expires.unix_timestamp()
        );
        let payload = URL_SAFE_NO_PAD.encode(payload);
        let mac = crate::signature::sign(&self.signing.0, payload.as_bytes());
        format!("{payload}.{}", URL_SAFE_NO_PAD.encode(mac))
    }

    /// The subject of a genuine, current token of `scope`.
    pub fn verify(
        &self,
        token: &str,
        scope: TokenScope,
        now: OffsetDateTime,
    ) -> Result<String, TokenError> {
        let (payload, mac) = token.trim().split_once('.').ok_or(TokenError::Malformed)?;
        let mac = URL_SAFE_NO_PAD
            .decode(mac)
            .map_err(|_| TokenError::Malformed)?;
        // Each comparison is constant time; trying every key tells a forger only that none
        // matched, which the answer says anyway.
        let genuine = std::iter::once(&self.signing)
            .chain(&self.previous)
            .any(|key| crate::signature::verify(&key.0, payload.as_bytes(), &mac));
        if !genuine {
            return Err(TokenError::Forged);
        }
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or(TokenError::Malformed)?;
        let mut parts = payload.splitn(3, '\n');
        let (Some(token_scope), Some(expires), Some(subject)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        if TokenScope::parse(token_scope) != Some(scope) {
            return Err(TokenError::WrongScope);
        }
        let expires: i64 = expires.parse().map_err(|_| TokenError::Malformed)?;
        if expires <= now.unix_timestamp() {
            return Err(TokenError::Expired);
        }
        Ok(subject.to_owned())
    }
}

/// A token just issued, and when it stops working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedToken {
    /// What the holder sends as `Authorization: Bearer …`.
    pub token: String,
    /// When it stops working (whole seconds).
    pub expires_at: OffsetDateTime,
}

impl IssuedToken {
    /// The expiry as the wire carries it (RFC 3339, UTC).
    pub fn expires_at_text(&self) -> String {
        crate::db::timestamp(self.expires_at)
    }
}

/// When a token issued `now` stops working: after its kind's `lifetime`, but never after
/// `proven_until`, the moment whatever proved the holder's right (a store's signature) runs
/// out. Whole seconds, rounded down, so the rounding never extends a proof.
pub fn expiry(
    now: OffsetDateTime,
    lifetime: Duration,
    proven_until: Option<OffsetDateTime>,
) -> OffsetDateTime {
    let full = now + lifetime;
    let until = proven_until.map_or(full, |proof| proof.min(full));
    until.replace_nanosecond(0).unwrap_or(until)
}

/// A kind of bearer token: what it is issued for, and who holds it once resolved.
pub trait Credential: Sized + Send {
    /// What a token of this kind is issued for (an order, an agent).
    type Grant: Sync;

    /// What issuing and resolving need (the token keys, the database), reached from the
    /// app state through `FromRef` so a credential asks for nothing more.
    type Context: Send + Sync;

    /// How long a token lasts when nothing shorter proved the holder's right.
    const LIFETIME: Duration;

    /// Issues a token for `grant`, expiring after [`Credential::LIFETIME`] and never after
    /// `proven_until` (the expiry of a signature that proved the right; `None` for proofs
    /// that do not expire, like a password or an order number with its email).
    fn issue(
        context: &Self::Context,
        grant: &Self::Grant,
        proven_until: Option<OffsetDateTime>,
    ) -> impl Future<Output = Result<IssuedToken, ApiError>> + Send;

    /// The holder of a genuine, current token; `None` for any other token.
    fn resolve(
        context: &Self::Context,
        token: &str,
    ) -> impl Future<Output = Result<Option<Self>, ApiError>> + Send;
}

/// The token of an `Authorization: Bearer <token>` header, when there is a plausible one.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| !token.is_empty() && token.len() <= MAX_TOKEN_CHARS)
}

/// The holder of the request's bearer token, or 401: what every credential's extractor does.
pub async fn from_bearer<C, S>(parts: &Parts, state: &S) -> Result<C, ApiError>
where
    C: Credential,
    C::Context: FromRef<S>,
{
    let token = bearer_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
    C::resolve(&C::Context::from_ref(state), token)
        .await?
        .ok_or(ApiError::Unauthorized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-24 12:00:00 UTC);

    fn key(text: &str) -> TokenKey {
        text.repeat(MIN_KEY_BYTES).parse().unwrap()
    }

    fn keys() -> TokenKeys {
        TokenKeys::new(key("a"), [])
    }

    #[test]
    fn a_token_verifies_for_its_scope_until_it_expires() {
        let expires = NOW + Duration::from_secs(60);
        let token = keys().sign(TokenScope::Order, "7 SF-1007", expires);
        assert_eq!(
            keys().verify(&token, TokenScope::Order, NOW).as_deref(),
            Ok("7 SF-1007")
        );
        assert_eq!(
            keys().verify(&token, TokenScope::Order, expires),
            Err(TokenError::Expired),
            "the expiry itself is too late"
        );
        assert_eq!(
            keys().verify(&token, TokenScope::Conversation, NOW),
            Err(TokenError::WrongScope)
        );
    }

    #[test]
    fn a_tampered_token_is_refused() {
        let token = keys().sign(
            TokenScope::Order,
            "7 SF-1007",
            NOW + Duration::from_secs(60),
        );
        let (payload, mac) = token.split_once('.').unwrap();
        // Another subject, a later expiry: a re-encoded payload under the old signature.
        let forged_payload = URL_SAFE_NO_PAD.encode(format!(
            "order\n{}\n8 SF-1008",
            (NOW + Duration::from_secs(60)).unix_timestamp()
        ));
        assert_eq!(
            keys().verify(&format!("{forged_payload}.{mac}"), TokenScope::Order, NOW),
            Err(TokenError::Forged)
        );
        let mut flipped = URL_SAFE_NO_PAD.decode(mac).unwrap();
        flipped[0] ^= 1;
        let flipped = format!("{payload}.{}", URL_SAFE_NO_PAD.encode(flipped));
        assert_eq!(
            keys().verify(&flipped, TokenScope::Order, NOW),
            Err(TokenError::Forged)
        );
        assert_eq!(
            keys().verify(payload, TokenScope::Order, NOW),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            keys().verify("", TokenScope::Order, NOW),
            Err(TokenError::Malformed)
        );
    }

    #[test]
    fn a_rotated_key_still_verifies_until_it_is_dropped() {
        let old = TokenKeys::new(key("a"), []);
        let token = old.sign(
            TokenScope::Order,
            "7 SF-1007",
            NOW + Duration::from_secs(60),
        );
        let rotated = TokenKeys::new(key("b"), [key("a")]);
        assert!(rotated.verify(&token, TokenScope::Order, NOW).is_ok());
        let new_token = rotated.sign(
            TokenScope::Order,
            "7 SF-1007",
            NOW + Duration::from_secs(60),
        );
        assert_ne!(new_token, token, "the new key signs");
        assert_eq!(
            old.verify(&new_token, TokenScope::Order, NOW),
            Err(TokenError::Forged)
        );
        let retired = TokenKeys::new(key("b"), []);
        assert_eq!(
            retired.verify(&token, TokenScope::Order, NOW),
            Err(TokenError::Forged)
        );
    }

    #[test]
    fn short_keys_are_refused() {
        assert_eq!(
            "x".repeat(MIN_KEY_BYTES - 1).parse::<TokenKey>().err(),
            Some(KeyTooShort)
        );
        assert_eq!(
            format!("  {}  ", "x".repeat(MIN_KEY_BYTES - 1))
                .parse::<TokenKey>()
                .err(),
            Some(KeyTooShort),
            "spaces are not key material"
        );
        assert_eq!(format!("{:?}", key("secret")), "TokenKey(…)");
    }

    #[test]
    fn a_token_never_outlives_its_proof() {
        let day = Duration::from_secs(24 * 60 * 60);
        let proof = datetime!(2026-11-24 12:10:00.9 UTC);
        assert_eq!(
            expiry(NOW, day, Some(proof)),
            datetime!(2026-11-24 12:10:00 UTC),
            "rounded down, never past the proof"
        );
        assert_eq!(expiry(NOW, day, None), datetime!(2026-11-25 12:00:00 UTC));
        assert_eq!(
            expiry(NOW, day, Some(datetime!(2027-01-01 00:00:00 UTC))),
            datetime!(2026-11-25 12:00:00 UTC),
            "a long-lived proof does not extend the lifetime"
        );
    }
}
