//! Agent authentication: password hashes (argon2), session tokens, and slowing down guessers.

use crate::db::{self, Database};
use crate::error::ApiError;
use crate::AppState;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use rand::RngCore;
use sf_api::agent::AgentProfile;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

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
    let row: Option<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, email, display_name, password_hash FROM agents WHERE email = $1",
    )
    .bind(email)
    .fetch_optional(&db.pool)
    .await?;
    let stored_hash = row
        .as_ref()
        .map(|(_, _, _, hash)| hash.clone())
        .unwrap_or_else(|| UNKNOWN_AGENT_HASH.clone());
    // Argon2 is deliberately slow: keep it off the async workers.
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
        .await
        .map_err(|error| ApiError::Internal(format!("verify task failed: {error}")))?;
    Ok(row
        .filter(|_| matches)
        .map(|(id, email, display_name, _)| AgentProfile {
            id,
            email,
            display_name,
        }))
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Starts a session; returns the token (shown once, stored only as a hash) and its expiry.
pub async fn create_session(db: &Database, agent_id: i64) -> Result<(String, String), ApiError> {
    let mut secret = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut secret);
    let token = hex::encode(secret);
    let now = time::OffsetDateTime::now_utc();
    let expires_at = db::timestamp(now + SESSION_LIFETIME);
    sqlx::query(
        "INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(agent_id)
    .bind(db::timestamp(now))
    .bind(&expires_at)
    .execute(&db.pool)
    .await?;
    Ok((token, expires_at))
}

/// Ends a session; ending an unknown or ended one is not an error.
pub async fn end_session(db: &Database, token: &str) -> Result<(), ApiError> {
    sqlx::query("DELETE FROM agent_sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The agent a live token belongs to.
pub async fn agent_for_token(db: &Database, token: &str) -> Result<Option<AgentProfile>, ApiError> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT a.id, a.email, a.display_name FROM agent_sessions s \
         JOIN agents a ON a.id = s.agent_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(db::now())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(id, email, display_name)| AgentProfile {
        id,
        email,
        display_name,
    }))
}

/// A request from a signed-in agent, proven by `Authorization: Bearer <token>`.
pub struct SignedInAgent {
    /// Who is signed in.
    pub profile: AgentProfile,
    /// The token used, so sign-out can end exactly this session.
    pub token: String,
}

impl FromRequestParts<AppState> for SignedInAgent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|token| !token.is_empty() && token.len() <= 128)
            .ok_or(ApiError::Unauthorized)?
            .to_owned();
        let profile = agent_for_token(&state.db, &token)
            .await?
            .ok_or(ApiError::Unauthorized)?;
        Ok(Self { profile, token })
    }
}

/// Slows down repeated wrong sign-ins from one client address.
///
/// The first [`SignInLimiter::FREE_FAILURES`] failures in a window cost nothing; after
/// that each failure doubles a lock-out (1 s, 2 s, 4 s … up to 15 min) during which
/// sign-in answers 429 with `Retry-After`, without even checking the password.
#[derive(Debug, Default)]
pub struct SignInLimiter {
    failures: Mutex<HashMap<IpAddr, FailureRecord>>,
}

#[derive(Clone, Copy, Debug)]
struct FailureRecord {
    count: u32,
    last_failure: Instant,
    blocked_until: Option<Instant>,
}

impl SignInLimiter {
    /// Failures allowed before any waiting is imposed.
    pub const FREE_FAILURES: u32 = 5;
    /// Failures older than this are forgotten.
    pub const WINDOW: Duration = Duration::from_secs(15 * 60);
    /// The longest lock-out.
    pub const MAX_LOCKOUT: Duration = Duration::from_secs(15 * 60);
    /// Above this many tracked addresses, forgotten ones are swept out so memory stays bounded.
    const SWEEP_ABOVE: usize = 10_000;

    /// `Err(wait)` while `client` is locked out.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        match failures
            .get(&client)
            .and_then(|record| record.blocked_until)
        {
            Some(until) if until > now => Err(until - now),
            _ => Ok(()),
        }
    }

    /// Counts a wrong sign-in.
    pub fn record_failure(&self, client: IpAddr, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() > Self::SWEEP_ABOVE {
            failures.retain(|_, record| now.duration_since(record.last_failure) < Self::WINDOW);
        }
        let record = failures.entry(client).or_insert(FailureRecord {
            count: 0,
            last_failure: now,
            blocked_until: None,
        });
        if now.duration_since(record.last_failure) >= Self::WINDOW {
            record.count = 0;
        }
        record.count += 1;
        record.last_failure = now;
        if record.count > Self::FREE_FAILURES {
            let doublings = (record.count - Self::FREE_FAILURES - 1).min(20);
            let lockout = Duration::from_secs(1u64 << doublings).min(Self::MAX_LOCKOUT);
            record.blocked_until = Some(now + lockout);
        }
    }

    /// Forgets a client's failures after it signs in.
    pub fn record_success(&self, client: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(&client);
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

    #[test]
    fn lockout_starts_after_free_failures_and_doubles() {
        let limiter = SignInLimiter::default();
        let client = IpAddr::from([192, 0, 2, 1]);
        let start = Instant::now();
        for _ in 0..SignInLimiter::FREE_FAILURES {
            limiter.record_failure(client, start);
            assert!(limiter.check(client, start).is_ok());
        }
        limiter.record_failure(client, start);
        assert_eq!(limiter.check(client, start), Err(Duration::from_secs(1)));
        limiter.record_failure(client, start);
        assert_eq!(limiter.check(client, start), Err(Duration::from_secs(2)));
        assert!(limiter
            .check(client, start + Duration::from_secs(3))
            .is_ok());
        let other = IpAddr::from([192, 0, 2, 2]);
        assert!(limiter.check(other, start).is_ok());
        limiter.record_success(client);
        assert!(limiter.check(client, start).is_ok());
    }
}
