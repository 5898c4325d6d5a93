//! The help centre's state: one value, changed only by [`apply`], tested natively.
//!
//! Two parts live side by side: the page being shown (home, a category, an article, search
//! results), and the search box, a WAI-ARIA combobox whose list of suggestions follows
//! the text typed.

use sf_api::help_centre::{
    ArticleSummary, CategoryArticles, HelpArticle, HelpCategory, HelpHome, SearchResults,
};

/// How many of the shopper's searches travel with a chat they start from the help centre.
pub const REMEMBERED_SEARCHES: usize = 5;

/// Where the shopper is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// Categories and the FAQ.
    Home,
    /// One category's articles.
    Category(HelpCategory),
    /// One article, by slug.
    Article(String),
    /// The full results of a search.
    Results(String),
}

/// What the server said for the current place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// Asking.
    Loading,
    /// No answer (or not the one expected): say so, offer to try again.
    Failed,
    /// No such article (it was unpublished or its link is wrong).
    NotFound,
    /// The home.
    Home(HelpHome),
    /// A category.
    Category(CategoryArticles),
    /// An article.
    Article(Box<HelpArticle>),
    /// Search results.
    Results(SearchResults),
}

/// "Was this helpful?" for the article shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// Not answered yet.
    Unasked,
    /// Answered; a comment may follow.
    Voted {
        /// Yes or no.
        helpful: bool,
    },
    /// The comment was sent too.
    Commented,
    /// The answer could not be sent.
    Failed,
}

/// The search box.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchBox {
    /// What is typed.
    pub query: String,
    /// The suggestions for [`SearchBox::suggested_for`].
    pub suggestions: Vec<ArticleSummary>,
    /// The text the suggestions answer (an older answer is not shown for newer text).
    pub suggested_for: String,
    /// Whether the list of suggestions is shown.
    pub expanded: bool,
    /// The suggestion under the keyboard (`aria-activedescendant`).
    pub active: Option<usize>,
    /// Whether the shopper is typing here: suggestions arriving after they searched or
    /// left the box do not open the list again.
    pub typing: bool,
}

/// Everything the help centre shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpState {
    /// Where the shopper is.
    pub place: Place,
    /// What is shown there.
    pub page: Page,
    /// The search box.
    pub search: SearchBox,
    /// The article's feedback.
    pub feedback: Feedback,
    /// The shopper's last searches, newest last: context for a chat they start.
    pub searches: Vec<String>,
}

impl Default for HelpState {
    fn default() -> Self {
        Self {
            place: Place::Home,
            page: Page::Loading,
            search: SearchBox::default(),
            feedback: Feedback::Unasked,
            searches: Vec::new(),
        }
    }
}

/// What can happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpEvent {
    /// Go somewhere (a link, a breadcrumb, a suggestion).
    Go(Place),
    /// The current place's answer arrived.
    Loaded(Page),
    /// The shopper typed.
    Typed(String),
    /// Suggestions arrived for `query`.
    Suggested {
        /// The text they answer.
        query: String,
        /// The best few.
        results: Vec<ArticleSummary>,
    },
    /// Down arrow in the box.
    Next,
    /// Up arrow in the box.
    Previous,
    /// Escape in the box: close the list, or clear the text when it is closed.
    Escape,
    /// Focus left the search.
    Collapse,
    /// Enter in the box (or the search button).
    Submit,
    /// "Was this helpful?" answered, sent.
    Voted(bool),
    /// The comment was sent.
    Commented,
    /// An answer could not be sent.
    FeedbackFailed,
}

/// The state after `event`.
pub fn apply(mut state: HelpState, event: HelpEvent) -> HelpState {
    match event {
        HelpEvent::Go(place) => {
            state.search.expanded = false;
            state.search.active = None;
            state.search.typing = false;
            if let Place::Results(query) = &place {
                remember(&mut state.searches, query);
            }
            // The page there is already shown (or on its way).
            if state.place == place {
                return state;
            }
            state.place = place;
            state.page = Page::Loading;
            state.feedback = Feedback::Unasked;
        }
        HelpEvent::Loaded(page) => state.page = page,
        HelpEvent::Typed(query) => {
            state.search.query = query;
            state.search.active = None;
            state.search.typing = true;
            if state.search.query.trim().is_empty() {
                state.search.expanded = false;
            }
        }
        HelpEvent::Suggested { query, results } => {
            // Only the answer for what is typed now is shown.
            if query == state.search.query {
                state.search.expanded = state.search.typing && !query.trim().is_empty();
                state.search.suggestions = results;
                state.search.suggested_for = query;
                state.search.active = None;
            }
        }
        HelpEvent::Next | HelpEvent::Previous => {
            let count = state.search.suggestions.len();
            if count > 0 && !state.search.query.trim().is_empty() {
                let forward = event == HelpEvent::Next;
                state.search.active = Some(match (state.search.expanded, state.search.active) {
                    (true, Some(at)) if forward => (at + 1) % count,
                    (true, Some(at)) => (at + count - 1) % count,
                    (_, _) if forward => 0,
                    (_, _) => count - 1,
                });
                state.search.expanded = true;
            }
        }
        HelpEvent::Escape => {
            if state.search.expanded {
                state.search.expanded = false;
                state.search.active = None;
                state.search.typing = false;
            } else {
                state.search = SearchBox::default();
            }
        }
        HelpEvent::Collapse => {
            state.search.expanded = false;
            state.search.active = None;
            state.search.typing = false;
        }
        HelpEvent::Submit => {
            let chosen = state
                .search
                .active
                .filter(|_| state.search.expanded)
                .and_then(|at| state.search.suggestions.get(at));
            let place = match chosen {
                Some(article) => Some(Place::Article(article.slug.clone())),
                None if state.search.query.trim().is_empty() => None,
                None => Some(Place::Results(state.search.query.trim().to_owned())),
            };
            if let Some(place) = place {
                let query = state.search.query.trim().to_owned();
                remember(&mut state.searches, &query);
                state = apply(state, HelpEvent::Go(place));
            }
        }
        HelpEvent::Voted(helpful) => state.feedback = Feedback::Voted { helpful },
        HelpEvent::Commented => state.feedback = Feedback::Commented,
        HelpEvent::FeedbackFailed => state.feedback = Feedback::Failed,
    }
    state
}

/// Adds `query` to the searches remembered, once, keeping the last few.
fn remember(searches: &mut Vec<String>, query: &str) {
    if query.is_empty() || searches.last().is_some_and(|last| last == query) {
        return;
    }
    searches.push(query.to_owned());
    if searches.len() > REMEMBERED_SEARCHES {
        searches.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::help_centre::HelpLocale;

    fn article(slug: &str) -> ArticleSummary {
        ArticleSummary {
            slug: slug.into(),
            category: HelpCategory::Returns,
            locale: HelpLocale::En,
            title: slug.into(),
            summary: String::new(),
        }
    }

    fn typed_with_suggestions(query: &str, slugs: &[&str]) -> HelpState {
        let state = apply(HelpState::default(), HelpEvent::Typed(query.into()));
        apply(
            state,
            HelpEvent::Suggested {
                query: query.into(),
                results: slugs.iter().map(|slug| article(slug)).collect(),
            },
        )
    }

    #[test]
    fn suggestions_open_the_list_only_for_the_text_typed_now() {
        let state = apply(HelpState::default(), HelpEvent::Typed("ret".into()));
        let state = apply(state, HelpEvent::Typed("retu".into()));
        let stale = apply(
            state.clone(),
            HelpEvent::Suggested {
                query: "ret".into(),
                results: vec![article("old")],
            },
        );
        assert!(!stale.search.expanded);
        assert!(stale.search.suggestions.is_empty());
        let fresh = typed_with_suggestions("retu", &["a"]);
        assert!(fresh.search.expanded);
        assert_eq!(fresh.search.active, None, "typing leaves focus in the box");
    }

    #[test]
    fn arrows_move_through_the_suggestions_and_wrap() {
        let state = typed_with_suggestions("ret", &["a", "b", "c"]);
        let state = apply(state, HelpEvent::Next);
        assert_eq!(state.search.active, Some(0));
        let state = apply(
            apply(apply(state, HelpEvent::Next), HelpEvent::Next),
            HelpEvent::Next,
        );
        assert_eq!(
            state.search.active,
            Some(0),
            "past the last comes the first"
        );
        let state = apply(state, HelpEvent::Previous);
        assert_eq!(state.search.active, Some(2));
        // Up from a closed list opens it at the last suggestion.
        let closed = apply(state, HelpEvent::Escape);
        assert!(!closed.search.expanded);
        let reopened = apply(closed, HelpEvent::Previous);
        assert_eq!(
            (reopened.search.expanded, reopened.search.active),
            (true, Some(2))
        );
    }

    #[test]
    fn escape_closes_the_list_then_clears_the_text() {
        let state = apply(typed_with_suggestions("ret", &["a"]), HelpEvent::Next);
        let closed = apply(state, HelpEvent::Escape);
        assert_eq!(
            (closed.search.expanded, closed.search.active),
            (false, None)
        );
        assert_eq!(closed.search.query, "ret");
        let cleared = apply(closed, HelpEvent::Escape);
        assert_eq!(cleared.search, SearchBox::default());
    }

    #[test]
    fn enter_opens_the_active_suggestion_or_the_results() {
        let state = typed_with_suggestions("refund", &["a", "b"]);
        let chosen = apply(
            apply(apply(state.clone(), HelpEvent::Next), HelpEvent::Next),
            HelpEvent::Submit,
        );
        assert_eq!(chosen.place, Place::Article("b".into()));
        assert_eq!(chosen.page, Page::Loading);
        assert!(!chosen.search.expanded);
        let results = apply(state, HelpEvent::Submit);
        assert_eq!(results.place, Place::Results("refund".into()));
        assert_eq!(results.searches, ["refund"], "remembered once");
        let nothing = apply(HelpState::default(), HelpEvent::Submit);
        assert_eq!(nothing.place, Place::Home);
    }

    #[test]
    fn only_the_last_few_searches_are_remembered() {
        let mut state = HelpState::default();
        for query in ["a", "b", "c", "d", "e", "f"] {
            state = apply(state, HelpEvent::Go(Place::Results(query.into())));
        }
        assert_eq!(state.searches, ["b", "c", "d", "e", "f"]);
    }

    #[test]
    fn suggestions_arriving_after_a_search_do_not_reopen_the_list() {
        let state = apply(HelpState::default(), HelpEvent::Typed("refund".into()));
        let searched = apply(state, HelpEvent::Submit);
        let late = apply(
            searched,
            HelpEvent::Suggested {
                query: "refund".into(),
                results: vec![article("a")],
            },
        );
        assert!(!late.search.expanded);
    }

    #[test]
    fn going_where_one_is_keeps_the_page() {
        let state = apply(HelpState::default(), HelpEvent::Loaded(Page::NotFound));
        let again = apply(state, HelpEvent::Go(Place::Home));
        assert_eq!(again.page, Page::NotFound);
    }

    #[test]
    fn feedback_starts_over_on_each_article() {
        let state = apply(
            HelpState::default(),
            HelpEvent::Go(Place::Article("a".into())),
        );
        let voted = apply(state, HelpEvent::Voted(false));
        assert_eq!(voted.feedback, Feedback::Voted { helpful: false });
        let next = apply(voted, HelpEvent::Go(Place::Article("b".into())));
        assert_eq!(next.feedback, Feedback::Unasked);
    }
}
