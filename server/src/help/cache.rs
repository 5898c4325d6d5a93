//! Recent searches' answers, kept for a minute: shoppers ask the same few things, and instant
//! search asks them letter by letter, so most searches are answered without ranking
//! thousands of articles again.
//!
//! An answer is kept at most [`FRESH_FOR`] (what the HTTP answers already allow a browser
//! or a shared cache), so an edit made on another server process shows within it; an edit
//! made through this process empties the cache at once ([`SearchCache::forget_all`]).

use sf_api::help_centre::{HelpLocale, SearchResults};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long an answer is kept.
pub const FRESH_FOR: Duration = Duration::from_secs(60);
/// How many answers are kept; when full, all are dropped (simple, and refilled at once by
/// what is asked again).
const CAPACITY: usize = 10_000;

/// What a search is: its words as read (see `words.rs`), its language and how many results.
pub type SearchKey = (HelpLocale, String, usize);

/// Answers by search, with when they were found.
#[derive(Debug, Default)]
pub struct SearchCache {
    answers: Mutex<HashMap<SearchKey, (Instant, Arc<SearchResults>)>>,
}

impl SearchCache {
    /// The answer to `key` found less than [`FRESH_FOR`] before `now`.
    pub fn get(&self, key: &SearchKey, now: Instant) -> Option<Arc<SearchResults>> {
        let answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        let (found_at, answer) = answers.get(key)?;
        (now.duration_since(*found_at) < FRESH_FOR).then(|| answer.clone())
    }

    /// Keeps `answer` to `key`, found at `now`.
    pub fn put(&self, key: SearchKey, answer: Arc<SearchResults>, now: Instant) {
        let mut answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        if answers.len() >= CAPACITY {
            answers.clear();
        }
        answers.insert(key, (now, answer));
    }

    /// Drops every answer: an article changed.
    pub fn forget_all(&self) {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Arc<SearchResults> {
        Arc::new(SearchResults {
            corrected: None,
            results: Vec::new(),
        })
    }

    #[test]
    fn answers_are_kept_a_minute_and_forgotten_on_an_edit() {
        let cache = SearchCache::default();
        let key = (HelpLocale::En, "refund".to_owned(), 6);
        let at = Instant::now();
        cache.put(key.clone(), answer(), at);
        assert!(cache.get(&key, at + Duration::from_secs(59)).is_some());
        assert!(cache.get(&key, at + FRESH_FOR).is_none());
        assert!(cache
            .get(&(HelpLocale::Es, "refund".to_owned(), 6), at)
            .is_none());
        cache.forget_all();
        assert!(cache.get(&key, at).is_none());
    }
}
