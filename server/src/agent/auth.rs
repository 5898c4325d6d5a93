//! Agent authentication: password hashes (argon2), session tokens, and slowing down guessers.

use super::store;
use crate::db::Database;
use crate::error::ApiError;
use crate::tokens::{self, Credential, IssuedToken};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use rand::RngCore;
use sf_api::agent::AgentProfile;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;
use std::time::Duration;
use time::OffsetDateTime;

/// How long a desk session lasts before the agent signs in again.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

/// Hashes a password with argon2id and a random salt (PHC string format).
pub fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut rand::thread_rng());
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| ApiError::Internal(format!("hashing failed: {error}")))
}

/// Whether `password` matches the stored PHC `hash`; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Verified against when the email is unknown, so both failures take the same time
/// and the response time does not tell which emails belong to agents.
static UNKNOWN_AGENT_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("no agent has this password").unwrap_or_default());

/// Checks an email and password; `None` when either is wrong.
pub async fn authenticate(
    db: &Database,
    email: &str,
    password: String,
) -> Result<Option<AgentProfile>, ApiError> {
    let account = store::account_by_email(db, email).await?;
    let stored_hash = account
        .as_ref()
        .map(|account| account.password_hash.clone())
        .unwrap_or_else(|| UNKNOWN_AGENT_HASH.clone());
    // Argon2 is deliberately slow: keep it off the async workers.
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
        .await
        .map_err(|error| ApiError::Internal(format!("verify task failed: {error}")))?;
    Ok(account
        .filter(|_| matches)
        .map(|account| account.agent.into()))
}

/// What a token is stored as: a database leak then hands out no usable tokens.
fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Ends a session; ending an unknown or ended one is not an error.
pub async fn end_session(db: &Database, token: &str) -> Result<(), ApiError> {
    store::delete_session(db, &token_hash(token)).await
}

/// A request from a signed-in agent, proven by `Authorization: Bearer <token>`.
pub struct SignedInAgent {
    /// Who is signed in.
    pub profile: AgentProfile,
    /// The token used, so sign-out can end exactly this session.
    pub token: String,
}

/// Desk sessions are stored (as hashes of random tokens), unlike shoppers' tokens, so that
/// signing out ends one at once.
impl Credential for SignedInAgent {
    type Grant = AgentProfile;
    type Context = Database;

    const LIFETIME: Duration = SESSION_LIFETIME;

    async fn issue(
        db: &Database,
        agent: &AgentProfile,
        proven_until: Option<OffsetDateTime>,
    ) -> Result<IssuedToken, ApiError> {
        let mut secret = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut secret);
        let token = hex::encode(secret);
        let now = OffsetDateTime::now_utc();
        let expires_at = tokens::expiry(now, Self::LIFETIME, proven_until);
        store::insert_session(db, &token_hash(&token), agent.id, now, expires_at).await?;
        Ok(IssuedToken { token, expires_at })
    }

    async fn resolve(db: &Database, token: &str) -> Result<Option<Self>, ApiError> {
        let profile = store::session_agent(db, &token_hash(token)).await?;
        Ok(profile.map(|profile| Self {
            profile,
            token: token.to_owned(),
        }))
    }
}

impl<S> FromRequestParts<S> for SignedInAgent
where
    S: Send + Sync,
    Database: FromRef<S>,
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
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }
}
