//! `HelpCentre` (`<sf-help-centre>`): articles by topic, a FAQ, instant search, each
//! article with its table of contents, related articles, "Was this helpful?" and a way to
//! chat with the store about it.
//!
//! Its state is one value, [`state::HelpState`], changed only by the pure [`state::apply`]
//! and held in one signal. The search box is a WAI-ARIA combobox (`search.rs`), the FAQ a
//! WAI-ARIA accordion, and an article's body is the server's HTML (rendered from Markdown
//! and safe by construction, see `server/src/help/markdown.rs`).

mod article;
mod messages;
mod search;
pub mod state;

use crate::client::{use_api_client, ClientError};
use crate::events::{dispatch, ChatRequest};
use crate::i18n::{use_i18n, Locale};
use crate::reactive::effect;
use leptos::prelude::*;
pub use messages::HelpMsg;
use sf_api::help_centre::{ArticleSummary, CategoryCount, HelpCategory, HelpHome, HelpLocale};
use state::{apply, HelpEvent, HelpState, Page, Place};
use wasm_bindgen::JsCast;

/// The help centre's state and a way to change it, shared by its parts.
#[derive(Clone, Copy)]
struct Help {
    state: RwSignal<HelpState>,
}

impl Help {
    fn send(self, event: HelpEvent) {
        self.state
            .update(|state| *state = apply(std::mem::take(state), event));
    }
}

/// The API's name of the shopper's language.
fn help_locale(locale: Locale) -> HelpLocale {
    match locale {
        Locale::En => HelpLocale::En,
        Locale::Es => HelpLocale::Es,
        Locale::Ar => HelpLocale::Ar,
    }
}

/// A category's name, as shoppers read it (the desk names topics the same way).
pub fn category_name(category: HelpCategory) -> HelpMsg {
    match category {
        HelpCategory::Shipping => HelpMsg::Shipping,
        HelpCategory::Returns => HelpMsg::Returns,
        HelpCategory::Payments => HelpMsg::Payments,
        HelpCategory::Account => HelpMsg::Account,
        HelpCategory::Accessibility => HelpMsg::Accessibility,
    }
}

/// The help centre: its home, or the article asked for.
#[component]
pub fn HelpCentre(
    /// An article to open (by slug) instead of the home; changing it opens another.
    #[prop(into, optional)]
    article: MaybeProp<String>,
) -> impl IntoView {
    let client = use_api_client();
    let i18n = use_i18n();
    let first_place = article.get_untracked().map_or(Place::Home, Place::Article);
    let help = Help {
        state: RwSignal::new(HelpState {
            place: first_place,
            ..HelpState::default()
        }),
    };
    provide_context(help);
    effect(move || {
        if let Some(slug) = article.get() {
            help.send(HelpEvent::Go(Place::Article(slug)));
        }
    });
    let place = Memo::new(move |_| help.state.with(|state| state.place.clone()));
    let retries = RwSignal::new(0_u32);
    let root = NodeRef::<leptos::html::Section>::new();
    // The place's page, fetched again when the place or the language changes.
    effect(move || {
        let asked = place.get();
        retries.track();
        let locale = help_locale(i18n.locale.get());
        leptos::task::spawn_local(async move {
            let page = match &asked {
                Place::Home => client.help_home(locale).await.map(Page::Home),
                Place::Category(category) => client
                    .help_category(*category, locale)
                    .await
                    .map(Page::Category),
                Place::Article(slug) => client
                    .help_article(slug, locale)
                    .await
                    .map(|article| Page::Article(Box::new(article))),
                Place::Results(query) => client
                    .help_search(query, locale, true)
                    .await
                    .map(Page::Results),
            };
            let page = page.unwrap_or_else(|error| match error {
                ClientError::Api { status: 404, .. } => Page::NotFound,
                _ => Page::Failed,
            });
            // A late answer for a place the shopper has left is dropped.
            if place.try_get_untracked().as_ref() == Some(&asked) {
                help.send(HelpEvent::Loaded(page));
            }
        });
    });
    // After the shopper moves, focus goes to the new page's heading, so what changed is
    // read out where they are (not on the first drawing, which the shopper did not ask for).
    // The page alone, so typing in the search box (also a change of the state) does not
    // draw it again.
    let page = Memo::new(move |_| help.state.with(|state| state.page.clone()));
    let moved = StoredValue::new(false);
    let loaded = Memo::new(move |_| !matches!(page.get(), Page::Loading));
    effect(move || {
        place.track();
        if !loaded.get() {
            return;
        }
        if moved.get_value() {
            // After the page has been drawn: effects may run before the view's own update.
            request_animation_frame(move || {
                if let Some(heading) = root
                    .get_untracked()
                    .and_then(|root| root.query_selector(".sf-help__page h2").ok().flatten())
                {
                    let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
        moved.set_value(true);
    });
    view! {
        <section class="sf-help" aria-label=i18n.text(HelpMsg::Label) node_ref=root>
            <search::SearchBox />
            <div class="sf-help__page">
                {move || {
                    // Drawn again in a new language at once (its texts read it untracked),
                    // and again when the page's answer in that language arrives.
                    i18n.locale.track();
                    match page.get() {
                        Page::Loading => view! { <p role="status">{i18n.t(HelpMsg::Loading)}</p> }.into_any(),
                        Page::Failed => view! {
                            <div role="alert">
                                <p>{i18n.t(HelpMsg::Failed)}</p>
                                <button type="button" class="sf-button" on:click=move |_| retries.update(|count| *count += 1)>
                                    {i18n.t(HelpMsg::TryAgain)}
                                </button>
                            </div>
                        }.into_any(),
                        Page::NotFound => view! {
                            <Crumbs trail=Vec::new() />
                            <h2 tabindex="-1">{i18n.t(HelpMsg::NotFound)}</h2>
                        }.into_any(),
                        Page::Home(home) => view! { <Home home=home /> }.into_any(),
                        Page::Category(listing) => view! {
                            <Crumbs trail=Vec::new() />
                            <h2 tabindex="-1">{i18n.t(category_name(listing.category))}</h2>
                            <ArticleList articles=listing.articles />
                        }.into_any(),
                        Page::Results(results) => view! { <search::Results results=results /> }.into_any(),
                        Page::Article(article) => view! { <article::ArticlePage article=*article /> }.into_any(),
                    }
                }}
            </div>
        </section>
    }
}

/// The help centre's state and actions, provided by [`HelpCentre`].
fn use_help() -> Help {
    expect_context::<Help>()
}

/// Where the shopper is, from the help centre's home: each step is a link but the last.
#[component]
fn Crumbs(
    /// The places between the home and the current page, with their names.
    trail: Vec<(Place, String)>,
) -> impl IntoView {
    let help = use_help();
    let i18n = use_i18n();
    view! {
        <nav class="sf-help__crumbs" aria-label=i18n.text(HelpMsg::Breadcrumbs)>
            <ol>
                <li><a href="#help" on:click=help.go_to(Place::Home)>{i18n.now(HelpMsg::Label)}</a></li>
                {trail
                    .into_iter()
                    .map(|(place, name)| view! { <li><a href="#help" on:click=help.go_to(place)>{name}</a></li> })
                    .collect_view()}
            </ol>
        </nav>
    }
}

impl Help {
    /// A click handler following a link to `place` without leaving the page.
    fn go_to(self, place: Place) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        move |event: leptos::ev::MouseEvent| {
            event.prevent_default();
            self.send(HelpEvent::Go(place.clone()));
        }
    }
}

/// The home: topics and the FAQ.
#[component]
fn Home(home: HelpHome) -> impl IntoView {
    let i18n = use_i18n();
    let help = use_help();
    let topic = move |count: CategoryCount| {
        let articles = count.articles.to_string();
        view! {
            <li>
                <a href="#help" on:click=help.go_to(Place::Category(count.category))>
                    {i18n.now(category_name(count.category))}
                </a>
                <span class="sf-help__count">{i18n.format_now(HelpMsg::ArticleCount, &[("count", &articles)])}</span>
            </li>
        }
    };
    view! {
        <h2 tabindex="-1">{i18n.now(HelpMsg::HomeHeading)}</h2>
        <h3>{i18n.now(HelpMsg::TopicsHeading)}</h3>
        <ul class="sf-help__topics">{home.categories.into_iter().map(topic).collect_view()}</ul>
        <Show when={
            let any = !home.faq.is_empty();
            move || any
        }>
            <h3>{i18n.now(HelpMsg::FaqHeading)}</h3>
        </Show>
        <div class="sf-help__faq">
            {home.faq.into_iter().enumerate().map(|(at, entry)| view! { <FaqItem entry=entry at=at /> }).collect_view()}
        </div>
    }
}

/// One question of the FAQ: a WAI-ARIA accordion header (a button in a heading) and its
/// panel.
#[component]
fn FaqItem(entry: ArticleSummary, at: usize) -> impl IntoView {
    let i18n = use_i18n();
    let help = use_help();
    let open = RwSignal::new(false);
    let button_id = format!("sf-help-faq-{at}");
    let panel_id = format!("sf-help-faq-{at}-panel");
    view! {
        <h4 class="sf-help__question">
            <button
                type="button"
                id=button_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {entry.title}
            </button>
        </h4>
        <div class="sf-help__answer" id=panel_id role="region" aria-labelledby=button_id hidden=move || !open.get()>
            <p>{entry.summary}</p>
            <p><a href="#help" on:click=help.go_to(Place::Article(entry.slug))>{i18n.now(HelpMsg::ReadArticle)}</a></p>
        </div>
    }
}

/// Articles as links with their summaries.
#[component]
fn ArticleList(articles: Vec<ArticleSummary>) -> impl IntoView {
    let help = use_help();
    view! {
        <ul class="sf-help__articles">
            {articles
                .into_iter()
                .map(|article| view! {
                    <li lang=article.locale.as_str()>
                        <a href="#help" on:click=help.go_to(Place::Article(article.slug))>{article.title}</a>
                        <p>{article.summary}</p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

/// "Still need help? Chat with us": asks the chat on the page to open with the article (if
/// any) and the shopper's searches attached, so the agent sees what they already tried.
#[component]
fn ChatEscalation(
    /// The article being read: its slug and title.
    article: Option<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let help = use_help();
    let ask = move |event: leptos::ev::MouseEvent| {
        let (article_slug, article_title) = article.clone().unzip();
        let request = ChatRequest {
            article_slug,
            article_title,
            searches: help.state.with_untracked(|state| state.searches.clone()),
            ..ChatRequest::default()
        };
        if let Some(button) = event.current_target() {
            dispatch(&button, &request);
        }
    };
    view! {
        <section class="sf-help__escalate" aria-labelledby="sf-help-escalate">
            <h3 id="sf-help-escalate">{i18n.now(HelpMsg::StillNeedHelp)}</h3>
            <button type="button" class="sf-button" on:click=ask>{i18n.now(HelpMsg::ChatWithUs)}</button>
        </section>
    }
}
