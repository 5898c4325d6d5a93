//! `__Pascal__`: TODO say what shoppers do here.
//!
//! Its state is one value, [`__Pascal__State`], changed only by the pure [`apply`] and held
//! in one signal; effects only bridge to the outside world.

mod messages;

use crate::client::use_api_client;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use messages::__Pascal__Msg;

/// What the component shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum __Pascal__State {
    /// Asking the server.
    Loading,
    /// The server answered.
    Ready {
        /// How many records there are.
        records: i64,
    },
    /// The server could not be reached or refused.
    Failed,
}

/// What can happen to the component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum __Pascal__Event {
    /// The overview arrived.
    Loaded {
        /// How many records there are.
        records: i64,
    },
    /// Asking failed.
    Failed,
}

/// The state after `event`: pure, so it is tested without a browser.
pub fn apply(_state: __Pascal__State, event: __Pascal__Event) -> __Pascal__State {
    match event {
        __Pascal__Event::Loaded { records } => __Pascal__State::Ready { records },
        __Pascal__Event::Failed => __Pascal__State::Failed,
    }
}

/// The `<sf-__kebab__>` component.
#[component]
pub fn __Pascal__() -> impl IntoView {
    let client = use_api_client();
    let i18n = use_i18n();
    let state = RwSignal::new(__Pascal__State::Loading);
    leptos::task::spawn_local(async move {
        let event = match client.__snake___overview().await {
            Ok(overview) => __Pascal__Event::Loaded {
                records: overview.records,
            },
            Err(_) => __Pascal__Event::Failed,
        };
        // An answer for a component no longer on the page is dropped.
        state.try_update(|now| *now = apply(*now, event));
    });
    let status = move || match state.get() {
        __Pascal__State::Loading => __Pascal__Msg::Loading,
        __Pascal__State::Ready { .. } => __Pascal__Msg::Ready,
        __Pascal__State::Failed => __Pascal__Msg::Failed,
    };
    view! {
        <section class="sf-__kebab__" aria-labelledby="sf-__kebab__-heading">
            <h2 id="sf-__kebab__-heading">{i18n.text(__Pascal__Msg::Heading)}</h2>
            <p role="status">{move || i18n.t(status())}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_makes_it_ready_and_a_failure_says_so() {
        let ready = apply(__Pascal__State::Loading, __Pascal__Event::Loaded { records: 3 });
        assert_eq!(ready, __Pascal__State::Ready { records: 3 });
        assert_eq!(
            apply(ready, __Pascal__Event::Failed),
            __Pascal__State::Failed
        );
    }
}
