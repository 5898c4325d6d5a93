//! The search box, a WAI-ARIA combobox with a list of suggestions (the "list autocomplete
//! with manual selection" pattern): typing asks for suggestions once the shopper pauses,
//! their number is announced in a separate status, the arrow keys move through them with
//! `aria-activedescendant` (focus stays in the box), Enter opens the one chosen or the full
//! results, and Escape closes the list, then clears the box.

use super::state::{HelpEvent, Place};
use super::{use_help, ArticleList, ChatEscalation, Crumbs, HelpMsg};
use crate::client::use_api_client;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use sf_api::help_centre::SearchResults;
use std::time::Duration;

/// How long the shopper pauses before suggestions are asked for.
const PAUSE: Duration = Duration::from_millis(250);

const INPUT_ID: &str = "sf-help-search";
const HINT_ID: &str = "sf-help-search-hint";
const LIST_ID: &str = "sf-help-suggestions";

fn option_id(at: usize) -> String {
    format!("sf-help-suggestion-{at}")
}

/// The search form at the top of every page of the help centre.
#[component]
pub(super) fn SearchBox() -> impl IntoView {
    let help = use_help();
    let client = use_api_client();
    let i18n = use_i18n();
    let typed = StoredValue::new(0_u32);
    let search = move || help.state.with(|state| state.search.clone());
    let on_input = move |event: leptos::ev::Event| {
        let query = event_target_value(&event);
        help.send(HelpEvent::Typed(query.clone()));
        let this = typed.get_value().wrapping_add(1);
        typed.set_value(this);
        if query.trim().is_empty() {
            return;
        }
        set_timeout(
            move || {
                if typed.try_get_value() != Some(this) {
                    return;
                }
                let locale = super::help_locale(i18n.locale.get_untracked());
                let request = client.help_search(&query, locale, false);
                leptos::task::spawn_local(async move {
                    if let Ok(found) = request.await {
                        help.send(HelpEvent::Suggested {
                            query,
                            results: found.results,
                        });
                    }
                });
            },
            PAUSE,
        );
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let happened = match event.key().as_str() {
            "ArrowDown" => HelpEvent::Next,
            "ArrowUp" => HelpEvent::Previous,
            "Escape" => HelpEvent::Escape,
            _ => return,
        };
        event.prevent_default();
        help.send(happened);
    };
    let announcement = move || {
        let search = search();
        if search.query.trim().is_empty() || search.suggested_for != search.query {
            return String::new();
        }
        let count = search.suggestions.len().to_string();
        match search.suggestions.len() {
            0 => i18n.t(HelpMsg::NoSuggestions).to_owned(),
            1 => i18n.t(HelpMsg::OneSuggestion).to_owned(),
            _ => i18n.format(HelpMsg::SuggestionsCount, &[("count", &count)]),
        }
    };
    let suggestions = move || {
        let search = search();
        search
            .suggestions
            .into_iter()
            .enumerate()
            .map(|(at, article)| {
                let selected = search.active == Some(at);
                let slug = article.slug.clone();
                view! {
                    <li
                        id=option_id(at)
                        role="option"
                        class="sf-help__suggestion"
                        aria-selected=if selected { "true" } else { "false" }
                        lang=article.locale.as_str()
                        // Keeps focus in the box, so the click below is not preceded by a blur.
                        on:mousedown=|event| event.prevent_default()
                        on:click=move |_| help.send(HelpEvent::Go(Place::Article(slug.clone())))
                    >
                        {article.title}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <form
            class="sf-help__search"
            role="search"
            on:submit=move |event| {
                event.prevent_default();
                help.send(HelpEvent::Submit);
            }
        >
            <label class="sf-field__label" for=INPUT_ID>{i18n.text(HelpMsg::SearchLabel)}</label>
            <p class="sf-field__hint" id=HINT_ID>{i18n.text(HelpMsg::SearchHint)}</p>
            <div class="sf-help__combobox">
                <input
                    class="sf-field__input"
                    id=INPUT_ID
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls=LIST_ID
                    aria-describedby=HINT_ID
                    aria-expanded=move || if search().expanded { "true" } else { "false" }
                    aria-activedescendant=move || search().active.filter(|_| search().expanded).map(option_id)
                    prop:value=move || search().query
                    on:input=on_input
                    on:keydown=on_keydown
                    on:blur=move |_| help.send(HelpEvent::Collapse)
                />
                <ul id=LIST_ID role="listbox" class="sf-help__suggestions" aria-label=i18n.text(HelpMsg::SuggestionsLabel) hidden=move || !search().expanded || search().suggestions.is_empty()>
                    {suggestions}
                </ul>
                <button type="submit" class="sf-button">{i18n.text(HelpMsg::SearchButton)}</button>
            </div>
            // Apart from the box, so the count is read once the list has settled.
            <p role="status" class="sf-visually-hidden">{announcement}</p>
        </form>
    }
}

/// The full results of a search.
#[component]
pub(super) fn Results(results: SearchResults) -> impl IntoView {
    let i18n = use_i18n();
    let help = use_help();
    let query = help.state.with_untracked(|state| match &state.place {
        Place::Results(query) => query.clone(),
        _ => String::new(),
    });
    let corrected = results
        .corrected
        .map(|words| view! { <p class="sf-help__note">{i18n.format_now(HelpMsg::Corrected, &[("words", &words)])}</p> });
    let found = if results.results.is_empty() {
        view! {
            <p>{i18n.format_now(HelpMsg::NoResults, &[("query", &query)])}</p>
            <ChatEscalation article=None />
        }
        .into_any()
    } else {
        view! { <ArticleList articles=results.results /> }.into_any()
    };
    view! {
        <Crumbs trail=Vec::new() />
        <h2 tabindex="-1">{i18n.format_now(HelpMsg::ResultsHeading, &[("query", &query)])}</h2>
        {corrected}
        {found}
    }
}
