//! The listing's state as one value, changed only by [`apply`]: the product, the shopper's
//! sort and filters, the reviews listed so far, the one page in flight and the votes. The
//! view reads it and sends [`Event`]s; an effect asks for the page [`ReviewsState::loading`]
//! names. Every transition is tested natively, without a browser or a server.

use crate::client::ClientError;
use sf_api::error::ErrorCode;
use sf_api::reviews::{
    HelpfulCount, ProductReviews, ReviewQuery, ReviewSort, ReviewView, REVIEWS_PAGE_SIZE,
};

/// How the shopper sorts and filters the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// The order.
    pub sort: ReviewSort,
    /// Only reviews with this many stars.
    pub rating: Option<u8>,
    /// Only reviews with photos.
    pub with_photos: bool,
}

impl Filters {
    /// The query for `page` of the list these filters make (defaults left out of the URL).
    pub fn query(self, page: u32) -> ReviewQuery {
        ReviewQuery {
            sort: (self.sort != ReviewSort::Newest).then_some(self.sort),
            rating: self.rating,
            with_photos: self.with_photos.then_some(true),
            page: Some(page),
        }
    }
}

/// One page asked for: `generation` names the query it belongs to (a new product, filters or
/// a reload make a new one), so an answer for a query no longer on screen is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Load {
    /// The query's generation.
    pub generation: u32,
    /// The page, from 1.
    pub page: u32,
}

/// What the server said about the current query, with the pages asked so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    /// Page 1's answer (product, summary, JSON-LD), with every page's reviews appended.
    pub answer: ProductReviews,
    /// The generation of the query it answers: the view draws a listing's reviews once and
    /// appends those of further pages, and draws them all anew for a new listing.
    pub generation: u32,
}

impl Listing {
    /// Whether another page has reviews.
    pub fn has_more(&self) -> bool {
        self.answer.page.saturating_mul(REVIEWS_PAGE_SIZE) < self.answer.matching
    }
}

/// A request that failed: which kind, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// A further page ("Show more") failed; the reviews listed stay.
    pub more: bool,
    /// What went wrong.
    pub error: ClientError,
}

/// Where a review's "Was this helpful?" vote stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Vote {
    /// Not voted from this component.
    #[default]
    Open,
    /// On its way.
    Sending,
    /// Counted, or this browser had voted already: the button stays pressed.
    Thanked,
    /// Refused for too many votes; the shopper may try later.
    Limited,
    /// Lost on the way; the shopper may try again.
    Failed,
}

/// The listing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewsState {
    /// The product's SKU, from the element's attribute.
    pub product: Option<String>,
    /// The shopper's sort and filters.
    pub filters: Filters,
    /// The current query's generation: bumped by every new query, never reset.
    pub generation: u32,
    /// The page in flight, if any.
    pub loading: Option<Load>,
    /// The current query's answers; kept while page 1 of a new query is on its way, so the
    /// list does not flash empty when a filter changes.
    pub listing: Option<Listing>,
    /// The last request's failure.
    pub failure: Option<Failure>,
    /// The review whose heading takes focus: the first one a "Show more" added.
    pub focus: Option<i64>,
    /// Votes by review id; kept across reloads, so a review stays voted when the list is
    /// sorted again.
    pub votes: Vec<(i64, Vote)>,
}

impl ReviewsState {
    /// The vote on review `id`.
    pub fn vote(&self, id: i64) -> Vote {
        self.votes
            .iter()
            .find(|(voted, _)| *voted == id)
            .map_or(Vote::Open, |(_, vote)| *vote)
    }

    /// The reviews listed.
    pub fn reviews(&self) -> &[ReviewView] {
        self.listing
            .as_ref()
            .map_or(&[], |listing| &listing.answer.reviews)
    }

    /// Page 1 of a new query: a new generation, so whatever is in flight is dropped.
    fn first_page(mut self) -> Self {
        self.generation = self.generation.wrapping_add(1);
        self.failure = None;
        self.focus = None;
        self.loading = self.product.is_some().then_some(Load {
            generation: self.generation,
            page: 1,
        });
        self
    }

    fn set_vote(&mut self, id: i64, vote: Vote) {
        match self.votes.iter_mut().find(|(voted, _)| *voted == id) {
            Some(entry) => entry.1 = vote,
            None => self.votes.push((id, vote)),
        }
    }
}

/// What can happen to the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The element names a product (or none): everything starts again, filters too.
    Product(Option<String>),
    /// The shopper changed the sort or a filter: page 1 of the new list.
    Filter(Filters),
    /// Page 1 again, as it is now: a review was submitted, or "Try again".
    Reload,
    /// "Show more reviews": the next page, appended.
    More,
    /// A page arrived.
    Loaded {
        /// Which.
        load: Load,
        /// What the server said.
        answer: Box<ProductReviews>,
    },
    /// A page could not be fetched.
    Failed {
        /// Which.
        load: Load,
        /// Why.
        error: ClientError,
    },
    /// A vote on review `id` was sent.
    Voting(i64),
    /// The server counted it (or had counted this browser's before).
    Voted {
        /// The review.
        id: i64,
        /// Its count now.
        count: HelpfulCount,
    },
    /// The vote failed.
    VoteFailed {
        /// The review.
        id: i64,
        /// Why.
        error: ClientError,
    },
}

/// The state after `event`: pure, so it is tested without a browser.
pub fn apply(state: ReviewsState, event: Event) -> ReviewsState {
    match event {
        Event::Product(product) => ReviewsState {
            product,
            generation: state.generation,
            ..ReviewsState::default()
        }
        .first_page(),
        Event::Filter(filters) if filters != state.filters => {
            ReviewsState { filters, ..state }.first_page()
        }
        Event::Filter(_) => state,
        Event::Reload => state.first_page(),
        Event::More => more(state),
        Event::Loaded { load, answer } if state.loading == Some(load) => loaded(state, *answer),
        Event::Failed { load, error } if state.loading == Some(load) => ReviewsState {
            loading: None,
            failure: Some(Failure {
                more: load.page > 1,
                error,
            }),
            ..state
        },
        // An answer for a query or page no longer asked for.
        Event::Loaded { .. } | Event::Failed { .. } => state,
        Event::Voting(id) => voted(state, id, Vote::Sending),
        Event::Voted { id, count } => {
            let mut state = voted(state, id, Vote::Thanked);
            if let Some(listing) = &mut state.listing {
                for review in listing.answer.reviews.iter_mut().filter(|r| r.id == id) {
                    review.helpful = count.helpful;
                }
            }
            state
        }
        Event::VoteFailed { id, error } => {
            let vote = match error {
                ClientError::Api {
                    code: ErrorCode::RateLimited,
                    ..
                } => Vote::Limited,
                _ => Vote::Failed,
            };
            voted(state, id, vote)
        }
    }
}

/// The next page, unless one is in flight or there is none.
fn more(state: ReviewsState) -> ReviewsState {
    let next = match (&state.listing, state.loading) {
        (Some(listing), None) if listing.has_more() => listing.answer.page + 1,
        _ => return state,
    };
    ReviewsState {
        loading: Some(Load {
            generation: state.generation,
            page: next,
        }),
        failure: None,
        ..state
    }
}

/// `answer` listed: page 1 replaces the list, a further page is appended (without reviews
/// already listed: a review written meanwhile shifts the pages) and its first new review
/// takes focus.
fn loaded(state: ReviewsState, answer: ProductReviews) -> ReviewsState {
    let mut state = ReviewsState {
        loading: None,
        failure: None,
        ..state
    };
    match &mut state.listing {
        Some(listing) if answer.page > 1 => {
            let listed = &mut listing.answer;
            let fresh: Vec<ReviewView> = answer
                .reviews
                .into_iter()
                .filter(|review| listed.reviews.iter().all(|known| known.id != review.id))
                .collect();
            state.focus = fresh.first().map(|review| review.id);
            listed.reviews.extend(fresh);
            // The page's JSON-LD stays page 1's: a page describes what it opens with.
            listed.page = answer.page;
            listed.matching = answer.matching;
            listed.summary = answer.summary;
        }
        _ => {
            state.focus = None;
            state.listing = Some(Listing {
                answer,
                generation: state.generation,
            });
        }
    }
    state
}

/// A vote's new standing; a review voted already stays voted.
fn voted(mut state: ReviewsState, id: i64, vote: Vote) -> ReviewsState {
    if state.vote(id) != Vote::Thanked {
        state.set_vote(id, vote);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::reviews::{RatingSummary, ReviewedProduct};

    fn review(id: i64) -> ReviewView {
        ReviewView {
            id,
            rating: 5,
            title: "Lovely".into(),
            body: "Holds a lot of tea.".into(),
            display_name: "Lena".into(),
            verified: true,
            created_at: "2026-11-01T10:00:00Z".into(),
            fit: None,
            quality: None,
            photos: vec![],
            helpful: 2,
            reply: None,
        }
    }

    fn answer(page: u32, ids: std::ops::Range<i64>, matching: u32) -> Box<ProductReviews> {
        Box::new(ProductReviews {
            product: ReviewedProduct {
                sku: "MUG-01".into(),
                name: "Mug".into(),
                asks_fit: false,
                asks_quality: false,
            },
            summary: RatingSummary {
                histogram: [0, 0, 0, 0, matching],
            },
            matching,
            page,
            reviews: ids.map(review).collect(),
            json_ld: format!("{{\"page\":{page}}}"),
        })
    }

    /// A listing of MUG-01 with page 1 (reviews 1 to 10 of `matching`) loaded.
    fn listed(matching: u32) -> ReviewsState {
        let state = apply(
            ReviewsState::default(),
            Event::Product(Some("MUG-01".into())),
        );
        let load = state.loading.expect("page 1 is asked for");
        apply(
            state,
            Event::Loaded {
                load,
                answer: answer(1, 1..11, matching),
            },
        )
    }

    #[test]
    fn a_product_asks_for_page_one_and_lists_it() {
        let state = apply(
            ReviewsState::default(),
            Event::Product(Some("MUG-01".into())),
        );
        assert_eq!(state.loading.map(|load| load.page), Some(1));
        let state = listed(12);
        assert_eq!(state.loading, None);
        assert_eq!(state.reviews().len(), 10);
        assert!(state.listing.as_ref().unwrap().has_more());
        assert_eq!(state.focus, None, "page 1 moves no focus");
        assert_eq!(
            apply(ReviewsState::default(), Event::Product(None)).loading,
            None,
            "no product, nothing to ask"
        );
    }

    #[test]
    fn a_filter_resets_paging_and_keeps_the_list_until_the_answer() {
        let state = apply(listed(25), Event::More);
        let more = state.loading.unwrap();
        let state = apply(
            state,
            Event::Loaded {
                load: more,
                answer: answer(2, 11..21, 25),
            },
        );
        assert_eq!(state.reviews().len(), 20);
        let filters = Filters {
            rating: Some(5),
            ..Filters::default()
        };
        let state = apply(state, Event::Filter(filters));
        let load = state.loading.unwrap();
        assert_eq!(load.page, 1, "a filter starts again at page 1");
        assert_eq!(load.generation, more.generation + 1);
        assert_eq!(
            state.reviews().len(),
            20,
            "the old list stays until the new one"
        );
        assert_eq!(filters.query(load.page).rating, Some(5));
        let state = apply(
            state,
            Event::Loaded {
                load,
                answer: answer(1, 30..33, 3),
            },
        );
        assert_eq!(state.reviews().len(), 3, "page 1 replaces the list");
        assert!(!state.listing.unwrap().has_more());
    }

    #[test]
    fn the_same_filters_again_ask_nothing() {
        let state = listed(12);
        let again = apply(state.clone(), Event::Filter(Filters::default()));
        assert_eq!(again, state);
    }

    #[test]
    fn more_appends_the_next_page_and_focuses_its_first_new_review() {
        let state = apply(listed(25), Event::More);
        let load = state.loading.unwrap();
        assert_eq!(load.page, 2);
        assert_eq!(
            apply(state.clone(), Event::More),
            state,
            "one page at a time"
        );
        // Review 10 was pushed to page 2 by a review written meanwhile: listed once.
        let state = apply(
            state,
            Event::Loaded {
                load,
                answer: answer(2, 10..20, 26),
            },
        );
        let ids: Vec<i64> = state.reviews().iter().map(|review| review.id).collect();
        assert_eq!(ids, (1..20).collect::<Vec<_>>());
        assert_eq!(state.focus, Some(11));
        let listing = state.listing.as_ref().unwrap();
        assert_eq!(listing.answer.page, 2);
        assert_eq!(
            listing.answer.json_ld, "{\"page\":1}",
            "the JSON-LD stays page 1's"
        );
        assert!(listing.has_more());
    }

    #[test]
    fn no_more_after_the_last_page() {
        let state = listed(10);
        assert!(!state.listing.as_ref().unwrap().has_more());
        assert_eq!(apply(state.clone(), Event::More), state);
    }

    #[test]
    fn a_stale_answer_for_an_older_query_is_dropped() {
        let state = apply(
            ReviewsState::default(),
            Event::Product(Some("MUG-01".into())),
        );
        let old = state.loading.unwrap();
        let state = apply(
            state,
            Event::Filter(Filters {
                sort: ReviewSort::Lowest,
                ..Filters::default()
            }),
        );
        let new = state.loading.unwrap();
        assert_ne!(old, new);
        let after_stale = apply(
            state.clone(),
            Event::Loaded {
                load: old,
                answer: answer(1, 1..11, 12),
            },
        );
        assert_eq!(after_stale, state, "the old sort's answer changes nothing");
        let after_stale_failure = apply(
            state.clone(),
            Event::Failed {
                load: old,
                error: ClientError::Network,
            },
        );
        assert_eq!(after_stale_failure, state);
        // A new product does not reuse a generation either.
        let other = apply(state, Event::Product(Some("TEE-02".into())));
        assert!(other.loading.unwrap().generation > new.generation);
    }

    #[test]
    fn a_failure_says_which_request_failed_and_a_retry_asks_again() {
        let state = apply(
            ReviewsState::default(),
            Event::Product(Some("MUG-01".into())),
        );
        let load = state.loading.unwrap();
        let state = apply(
            state,
            Event::Failed {
                load,
                error: ClientError::Network,
            },
        );
        assert_eq!(
            state.failure.as_ref().map(|failure| failure.more),
            Some(false)
        );
        let state = apply(state, Event::Reload);
        assert_eq!(state.failure, None);
        assert_eq!(state.loading.map(|load| load.page), Some(1));

        let state = apply(listed(25), Event::More);
        let load = state.loading.unwrap();
        let state = apply(
            state,
            Event::Failed {
                load,
                error: ClientError::Network,
            },
        );
        assert_eq!(
            state.failure.as_ref().map(|failure| failure.more),
            Some(true)
        );
        assert_eq!(state.reviews().len(), 10, "the listed reviews stay");
        let state = apply(state, Event::More);
        assert_eq!(state.loading.map(|load| load.page), Some(2));
    }

    #[test]
    fn a_vote_updates_the_count_and_stays_across_a_reload() {
        let state = apply(listed(12), Event::Voting(3));
        assert_eq!(state.vote(3), Vote::Sending);
        let state = apply(
            state,
            Event::Voted {
                id: 3,
                count: HelpfulCount {
                    helpful: 3,
                    counted: true,
                },
            },
        );
        assert_eq!(state.vote(3), Vote::Thanked);
        assert_eq!(state.reviews()[2].helpful, 3);
        let state = apply(
            state,
            Event::Filter(Filters {
                sort: ReviewSort::MostHelpful,
                ..Filters::default()
            }),
        );
        assert_eq!(state.vote(3), Vote::Thanked);
        let limited = apply(
            state,
            Event::VoteFailed {
                id: 4,
                error: ClientError::Api {
                    status: 429,
                    code: ErrorCode::RateLimited,
                    message: String::new(),
                    fields: vec![],
                    retry_after_seconds: Some(60),
                },
            },
        );
        assert_eq!(limited.vote(4), Vote::Limited);
        assert_eq!(limited.vote(5), Vote::Open);
    }
}
