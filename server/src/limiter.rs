//! Rate limiting of guessable routes, per client address, in memory.
//!
//! In memory is enough for one server process; several processes behind a load balancer
//! would each keep their own count (a shared store such as Redis would be the next step).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Slows down repeated wrong guesses (agent sign-ins, order lookups) from one client address.
///
/// The first [`FailureLimiter::FREE_FAILURES`] failures in a window cost nothing; after
/// that each failure doubles a lock-out (1 s, 2 s, 4 s … up to 15 min) during which
/// the guarded route answers 429 with `Retry-After`, without even checking the guess.
#[derive(Debug, Default)]
pub struct FailureLimiter {
    failures: Mutex<HashMap<IpAddr, FailureRecord>>,
}

#[derive(Clone, Copy, Debug)]
struct FailureRecord {
    count: u32,
    last_failure: Instant,
    blocked_until: Option<Instant>,
}

impl FailureLimiter {
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

    /// Counts a wrong guess.
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

    /// Forgets a client's failures after it guesses right.
    pub fn record_success(&self, client: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(&client);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockout_starts_after_free_failures_and_doubles() {
        let limiter = FailureLimiter::default();
        let client = IpAddr::from([192, 0, 2, 1]);
        let start = Instant::now();
        for _ in 0..FailureLimiter::FREE_FAILURES {
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
