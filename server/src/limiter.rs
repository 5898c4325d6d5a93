//! Rate limiting of guessable routes (per client address, and per account for sign-ins)
//! and of long-lived streams, in memory.
//!
//! In memory is enough for one server process; several processes behind a load balancer
//! would each keep their own count (a shared store such as Redis would be the next step).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Slows down repeated wrong guesses (agent sign-ins, order lookups) from one client
/// address, or against one account (`K`).
///
/// The first [`FailureLimiter::FREE_FAILURES`] failures in a window cost nothing; after
/// that each failure doubles a lock-out (1 s, 2 s, 4 s … up to 15 min) during which
/// the guarded route answers 429 with `Retry-After`, without even checking the guess.
#[derive(Debug)]
pub struct FailureLimiter<K = IpAddr> {
    failures: Mutex<HashMap<K, FailureRecord>>,
}

impl<K> Default for FailureLimiter<K> {
    fn default() -> Self {
        Self {
            failures: Mutex::new(HashMap::new()),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct FailureRecord {
    count: u32,
    last_failure: Instant,
    blocked_until: Option<Instant>,
}

// The same for every kind of key; public through `FailureLimiter::FREE_FAILURES` etc.
// (a default type parameter does not apply in expressions, so generic consts could not be named).
const FREE_FAILURES: u32 = 5;
const WINDOW: Duration = Duration::from_secs(15 * 60);
const MAX_LOCKOUT: Duration = Duration::from_secs(15 * 60);

impl FailureLimiter {
    /// Failures allowed before any waiting is imposed.
    pub const FREE_FAILURES: u32 = FREE_FAILURES;
    /// Failures older than this are forgotten.
    pub const WINDOW: Duration = WINDOW;
    /// The longest lock-out.
    pub const MAX_LOCKOUT: Duration = MAX_LOCKOUT;
}

impl<K: Hash + Eq> FailureLimiter<K> {
    /// Above this many tracked keys, forgotten ones are swept out so memory stays bounded.
    const SWEEP_ABOVE: usize = 10_000;

    /// `Err(wait)` while `key` is locked out.
    pub fn check(&self, key: K, now: Instant) -> Result<(), Duration> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        match failures.get(&key).and_then(|record| record.blocked_until) {
            Some(until) if until > now => Err(until - now),
            _ => Ok(()),
        }
    }

    /// Counts a wrong guess.
    pub fn record_failure(&self, key: K, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() > Self::SWEEP_ABOVE {
            failures.retain(|_, record| now.duration_since(record.last_failure) < WINDOW);
        }
        let record = failures.entry(key).or_insert(FailureRecord {
            count: 0,
            last_failure: now,
            blocked_until: None,
        });
        if now.duration_since(record.last_failure) >= WINDOW {
            record.count = 0;
        }
        record.count += 1;
        record.last_failure = now;
        if record.count > FREE_FAILURES {
            let doublings = (record.count - FREE_FAILURES - 1).min(20);
            let lockout = Duration::from_secs(1u64 << doublings).min(MAX_LOCKOUT);
            record.blocked_until = Some(now + lockout);
        }
    }

    /// Forgets the failures against `key` after a right guess.
    pub fn record_success(&self, key: K) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(&key);
    }
}

/// Counts actions that are fine in moderation (writing a review, voting, uploading a photo)
/// per key (a client address): at most `limit` in a window that opens with the first one;
/// past that, the action answers 429 with `Retry-After` until the window closes.
///
/// Unlike [`FailureLimiter`], every action counts, right or wrong: it bounds volume, not guesses.
#[derive(Debug)]
pub struct RateLimiter<K = IpAddr> {
    limit: u32,
    window: Duration,
    windows: Mutex<HashMap<K, RateWindow>>,
}

#[derive(Clone, Copy, Debug)]
struct RateWindow {
    opened: Instant,
    count: u32,
}

impl<K: Hash + Eq> RateLimiter<K> {
    /// Above this many tracked keys, closed windows are swept out so memory stays bounded.
    const SWEEP_ABOVE: usize = 10_000;

    /// At most `limit` actions per key in each `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one action of `key`, or `Err(wait)` (not counted) when its window is full.
    pub fn hit(&self, key: K, now: Instant) -> Result<(), Duration> {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > Self::SWEEP_ABOVE {
            let window = self.window;
            windows.retain(|_, open| now.duration_since(open.opened) < window);
        }
        let open = windows.entry(key).or_insert(RateWindow {
            opened: now,
            count: 0,
        });
        if now.duration_since(open.opened) >= self.window {
            *open = RateWindow {
                opened: now,
                count: 0,
            };
        }
        if open.count >= self.limit {
            return Err((open.opened + self.window).saturating_duration_since(now));
        }
        open.count += 1;
        Ok(())
    }
}

/// Agent sign-ins, limited per client address *and* per account (the normalised email),
/// so neither many accounts from one address nor one account from many addresses can be
/// guessed at freely.
///
/// A right password clears only its own account's failures: clearing the address (as a
/// success once did) let anyone with an agent account of their own reset their count
/// between guesses at a colleague's password.
#[derive(Debug, Default)]
pub struct SignInLimiter {
    by_address: FailureLimiter<IpAddr>,
    by_account: FailureLimiter<String>,
}

impl SignInLimiter {
    /// `Err(wait)` while the address or the account is locked out (the longer wait).
    pub fn check(&self, client: IpAddr, account: &str, now: Instant) -> Result<(), Duration> {
        match (
            self.by_address.check(client, now),
            self.by_account.check(account.to_owned(), now),
        ) {
            (Ok(()), Ok(())) => Ok(()),
            (address, account) => Err(address
                .err()
                .unwrap_or_default()
                .max(account.err().unwrap_or_default())),
        }
    }

    /// Counts a wrong password for `account` from `client`.
    pub fn record_failure(&self, client: IpAddr, account: &str, now: Instant) {
        self.by_address.record_failure(client, now);
        self.by_account.record_failure(account.to_owned(), now);
    }

    /// Forgets the failures against `account` after its right password.
    pub fn record_success(&self, account: &str) {
        self.by_account.record_success(account.to_owned());
    }
}

/// Caps how many live streams are open at once, per order and per client address, so one
/// order (whatever tokens its shopper holds) or one client cannot hold unlimited connections.
#[derive(Debug)]
pub struct StreamLimiter {
    by_order: StreamSlots<i64>,
    by_address: StreamSlots<IpAddr>,
}

impl StreamLimiter {
    /// At most `per_order` streams per order and `per_address` per client address.
    pub fn new(per_order: usize, per_address: usize) -> Self {
        Self {
            by_order: StreamSlots::new(per_order),
            by_address: StreamSlots::new(per_address),
        }
    }

    /// Slots for one more stream of order `order_id` from `client`, held until dropped; `None` when
    /// either is at its cap.
    pub fn open(&self, order_id: i64, client: IpAddr) -> Option<OpenStream> {
        // Taking the order's slot first is harmless: it is released if the address is full.
        let order = self.by_order.acquire(order_id)?;
        let address = self.by_address.acquire(client)?;
        Some(OpenStream {
            _order: order,
            _address: address,
        })
    }
}

/// The slots of one open stream; dropping it (the stream ended, the client left, or the
/// server stopped) frees them.
#[derive(Debug)]
pub struct OpenStream {
    _order: StreamSlot<i64>,
    _address: StreamSlot<IpAddr>,
}

type OpenCounts<K> = Arc<Mutex<HashMap<K, usize>>>;

/// Counts open streams (or sockets) per key, up to a cap.
#[derive(Debug)]
pub struct StreamSlots<K> {
    cap: usize,
    open: OpenCounts<K>,
}

impl<K: Hash + Eq + Clone> StreamSlots<K> {
    /// At most `cap` open per key.
    pub fn new(cap: usize) -> Self {
        Self {
            cap,
            open: Arc::default(),
        }
    }

    /// A slot for one more under `key`, held until dropped; `None` at the cap.
    pub fn acquire(&self, key: K) -> Option<StreamSlot<K>> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(key.clone()).or_insert(0);
        if *count >= self.cap {
            if *count == 0 {
                open.remove(&key);
            }
            return None;
        }
        *count += 1;
        Some(StreamSlot {
            key: Some(key),
            open: Arc::clone(&self.open),
        })
    }
}

/// One taken slot, given back on drop.
#[derive(Debug)]
pub struct StreamSlot<K: Hash + Eq> {
    key: Option<K>,
    open: OpenCounts<K>,
}

impl<K: Hash + Eq> Drop for StreamSlot<K> {
    fn drop(&mut self) {
        let Some(key) = self.key.take() else { return };
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        // Keys with no open stream are removed, so the map holds only live streams.
        if let Some(count) = open.get_mut(&key) {
            *count -= 1;
            if *count == 0 {
                open.remove(&key);
            }
        }
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

    #[test]
    fn a_rate_limit_counts_every_action_until_its_window_closes() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let client = IpAddr::from([192, 0, 2, 1]);
        let start = Instant::now();
        assert!(limiter.hit(client, start).is_ok());
        assert!(limiter.hit(client, start + Duration::from_secs(10)).is_ok());
        assert_eq!(
            limiter.hit(client, start + Duration::from_secs(20)),
            Err(Duration::from_secs(40)),
            "the third waits for the window opened by the first"
        );
        assert!(limiter.hit(IpAddr::from([192, 0, 2, 2]), start).is_ok());
        assert!(limiter.hit(client, start + Duration::from_secs(60)).is_ok());
    }

    #[test]
    fn a_sign_in_to_one_account_does_not_clear_guesses_at_another() {
        let limiter = SignInLimiter::default();
        let attacker = IpAddr::from([192, 0, 2, 1]);
        let elsewhere = IpAddr::from([198, 51, 100, 7]);
        let start = Instant::now();
        for _ in 0..FailureLimiter::FREE_FAILURES {
            limiter.record_failure(attacker, "victim@demo.store", start);
        }
        limiter.record_success("attacker@demo.store");
        limiter.record_failure(attacker, "victim@demo.store", start);
        assert!(limiter.check(attacker, "victim@demo.store", start).is_err());
        assert!(
            limiter
                .check(elsewhere, "victim@demo.store", start)
                .is_err(),
            "the account is locked from every address"
        );
        assert!(limiter
            .check(elsewhere, "someone@demo.store", start)
            .is_ok());
        limiter.record_success("victim@demo.store");
        assert!(
            limiter.check(elsewhere, "victim@demo.store", start).is_ok(),
            "the account's own right password clears it"
        );
        assert!(
            limiter.check(attacker, "victim@demo.store", start).is_err(),
            "but not the address that guessed"
        );
    }

    #[test]
    fn streams_are_capped_per_order_and_per_address_and_freed_on_drop() {
        let limiter = StreamLimiter::new(2, 3);
        let here = IpAddr::from([192, 0, 2, 1]);
        let first = limiter.open(1, here).expect("a first stream");
        let second = limiter.open(1, here).expect("a second stream");
        assert!(limiter.open(1, here).is_none(), "the order's cap");
        let other = limiter.open(2, here).expect("another order");
        assert!(limiter.open(3, here).is_none(), "the address's cap");
        assert!(limiter.open(3, IpAddr::from([192, 0, 2, 2])).is_some());
        drop(first);
        let again = limiter.open(1, here).expect("a freed slot");
        drop((second, other, again));
        assert!(limiter.by_order.open.lock().unwrap().is_empty());
        assert!(limiter.by_address.open.lock().unwrap().is_empty());
    }
}
