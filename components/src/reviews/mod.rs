//! `Reviews` (`<sf-reviews product="SKU">`): a product's published reviews. The average and
//! count, a histogram whose rows (each also in words: "5 stars: 12 reviews (60%)") filter the
//! list by rating, a sort and a "With photos" filter; each review with its stars and, beside
//! them, their words ("4 out of 5 stars"), author, date, "Verified purchase" badge, fit and
//! quality, photos, the store's reply and a "Was this helpful?" vote (one per browser);
//! "Show more reviews" appends the next page and
//! moves focus to the first new review. The page's schema.org JSON-LD, as the server writes
//! it, goes into a `<script type="application/ld+json" data-sf-reviews>` in the element's
//! light DOM (in the document's head when the component is not inside an element), where
//! search engines read it.
//!
//! Its state is one value, [`state::ReviewsState`], changed only by the pure [`state::apply`]
//! and held in one signal; effects only bridge to the outside world (the page the state asks
//! for, the JSON-LD, focus after "Show more", the `sf-review-submitted` event).

mod messages;
pub mod state;

use crate::client::{new_client_id, use_api_client, ApiClient};
use crate::events::{listen_on_document, ReviewSubmitted};
use crate::i18n::{format_date, use_i18n, DateStyle, I18n, Locale};
use crate::reactive::effect;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use leptos::task::spawn_local;
pub use messages::ReviewsMsg;
use send_wrapper::SendWrapper;
use sf_api::reviews::{Fit, ReviewSort, ReviewView};
use sf_api::validation::is_client_id;
use state::{apply, Event, Failure, Filters, ReviewsState, Vote};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Class names and ids shared with the stylesheet (`style/reviews.css`) and the tests.
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-reviews";
    /// The component's heading's id.
    pub const HEADING_ID: &str = "sf-reviews-heading";
    /// The sort `<select>`'s id.
    pub const SORT_ID: &str = "sf-reviews-sort";
    /// The "With photos" checkbox's id.
    pub const WITH_PHOTOS_ID: &str = "sf-reviews-with-photos";
    /// The attribute marking the JSON-LD `<script>` the component writes.
    pub const JSON_LD_ATTRIBUTE: &str = "data-sf-reviews";
}

/// Where this browser's voter id is kept.
const VOTER_KEY: &str = "sf-reviews-voter";

/// What the parts of the view share; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
struct Ctx {
    state: RwSignal<ReviewsState>,
    i18n: I18n,
    client: ApiClient,
}

impl Ctx {
    /// Applies `event`; an event for a component that has gone changes nothing.
    fn send(self, event: Event) {
        self.state
            .try_update(|state| *state = apply(std::mem::take(state), event));
    }

    /// The current filters changed by `change`, as a new query.
    fn filter(self, change: impl FnOnce(&mut Filters)) {
        let mut filters = self.state.with_untracked(|state| state.filters);
        change(&mut filters);
        self.send(Event::Filter(filters));
    }
}

/// What the component shows as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    /// The first page is on its way.
    Loading,
    /// The element names no product (a merchant's slip): nothing to ask for.
    NoProduct,
    /// It could not be fetched (the failure itself is in the state).
    Failed,
    /// The product has no published review.
    Empty,
    /// The summary, the controls and the list.
    List,
}

impl Shown {
    fn of(state: &ReviewsState) -> Self {
        match (&state.listing, &state.failure) {
            (Some(listing), _) if listing.answer.summary.count() == 0 => Shown::Empty,
            (Some(_), _) => Shown::List,
            (None, Some(_)) => Shown::Failed,
            // A generation is spent once the attribute has been read.
            (None, None) if state.product.is_none() && state.generation > 0 => Shown::NoProduct,
            (None, None) => Shown::Loading,
        }
    }
}

/// The reviews of a product: summary, histogram, sort and filters, the list with votes and
/// replies, "Show more", and the page's JSON-LD.
///
/// The view is drawn once: its parts show, hide or change their text as the state changes,
/// rather than being swapped for others (each swappable view and each keyed list is its own
/// copy of the renderer in the module, and the listing must stay small); the reviews are
/// drawn once each by [`draw_reviews`]. Changing texts and attributes are `Signal`s, not
/// closures: the renderer of a `Signal<String>` or `Signal<&str>` is one for every signal,
/// that of a closure one per closure; and no memos, each type of which is more code.
#[component]
pub fn Reviews(
    /// The product's SKU, as the store's catalogue knows it (`MUG-01`); changing it lists
    /// another product's reviews.
    #[prop(into, optional)]
    product: MaybeProp<String>,
) -> impl IntoView {
    let ctx = Ctx {
        state: RwSignal::new(ReviewsState::default()),
        i18n: use_i18n(),
        client: use_api_client(),
    };
    let Ctx {
        state,
        i18n,
        client,
    } = ctx;

    effect(move || {
        let sku = product
            .get()
            .map(|sku| sku.trim().to_owned())
            .filter(|sku| !sku.is_empty());
        ctx.send(Event::Product(sku));
    });

    // The page the state asks for, sent once per page: its answer names it, so one for a
    // query the shopper has since changed is dropped by `apply`. The effect runs on every
    // change of the state (a memo per value would be its own code); it remembers what it
    // asked.
    let mut asked = None;
    effect(move || {
        let load = state.with(|state| state.loading);
        if load == asked {
            return;
        }
        asked = load;
        let Some(load) = load else {
            return;
        };
        let Some((sku, filters)) = state.with_untracked(|state| {
            let sku = state.product.clone()?;
            Some((sku, state.filters))
        }) else {
            return;
        };
        let answer = client.product_reviews(&sku, filters.query(load.page));
        spawn_local(async move {
            ctx.send(match answer.await {
                Ok(answer) => Event::Loaded {
                    load,
                    answer: Box::new(answer),
                },
                Err(error) => Event::Failed { load, error },
            })
        });
    });

    // A review written on this page (by `<sf-review-form>`) is listed at once, if published.
    listen_on_document(move |submitted: ReviewSubmitted| {
        let ours = state
            .try_with_untracked(|state| state.product.as_deref() == Some(&submitted.product))
            .unwrap_or(false);
        if ours {
            ctx.send(Event::Reload);
        }
    });

    let root = NodeRef::<leptos::html::Section>::new();
    write_json_ld(state, root);

    // After "Show more", focus goes to the first new review's heading, so a keyboard or
    // screen-reader user goes on reading where the list grew, not back at the button.
    let mut focused = None;
    effect(move || {
        let focus = state.with(|state| state.focus);
        if focus == focused {
            return;
        }
        focused = focus;
        let Some(id) = focus else {
            return;
        };
        // After the list has been drawn: effects may run before the list's own.
        request_animation_frame(move || {
            let heading = root.get_untracked().and_then(|root| {
                let mut selector = String::from("#");
                selector.push_str(&review_id(id, "title"));
                root.query_selector(&selector).ok().flatten()
            });
            if let Some(heading) = heading {
                let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    });

    let shown = move || state.with(Shown::of);
    // One status line says where things stand: loading, no product, no review yet, or how
    // many are shown. Its class is the one each case always had (tests and pages find
    // "no review yet" by `.sf-reviews__empty`).
    let status_class = Signal::derive(move || match shown() {
        Shown::NoProduct => "sf-notice",
        Shown::Empty => "sf-reviews__empty",
        _ => "sf-reviews__status",
    });
    let status = Signal::derive(move || {
        state.with(|state| match (Shown::of(state), &state.listing) {
            (Shown::NoProduct, _) => i18n.t(ReviewsMsg::UnknownProduct).to_owned(),
            (Shown::Empty, _) => i18n.t(ReviewsMsg::Empty).to_owned(),
            (Shown::Failed, _) => String::new(),
            _ if state.loading.is_some() => i18n.t(ReviewsMsg::Loading).to_owned(),
            (_, Some(listing)) => showing(i18n, state.reviews().len(), listing.answer.matching),
            (_, None) => String::new(),
        })
    });
    let list = NodeRef::<leptos::html::Div>::new();
    draw_reviews(ctx, list);
    let failure = move || {
        state
            .with(|state| state.failure.clone())
            .map(|failure| failure_view(ctx, failure))
    };
    // Gone, not hidden, at the end: a hidden button would still be found and pressed.
    let more = move || {
        state
            .with(|state| {
                state
                    .listing
                    .as_ref()
                    .is_some_and(|listing| listing.has_more())
            })
            .then(|| {
                view! {
                    <button
                        type="button"
                        class="sf-button sf-button--secondary sf-reviews__more"
                        aria-disabled=Signal::derive(move || state.with(|state| state.loading.is_some()).then_some("true"))
                        on:click=move |_| ctx.send(Event::More)
                    >
                        {i18n.text(ReviewsMsg::ShowMore)}
                    </button>
                }
            })
    };

    view! {
        <section class=classes::ROOT aria-labelledby=classes::HEADING_ID node_ref=root>
            <h2 id=classes::HEADING_ID class="sf-reviews__heading">{i18n.text(ReviewsMsg::Heading)}</h2>
            <div class="sf-reviews__listing" hidden=Signal::derive(move || shown() != Shown::List)>
                {summary_view(ctx)}
                {controls(ctx)}
            </div>
            <p class=status_class role="status">{status}</p>
            // Page 1 of a new query on its way while the old list is still shown.
            <div
                class="sf-reviews__list"
                aria-busy=Signal::derive(move || state.with(|state| state.loading.is_some_and(|load| load.page == 1)).then_some("true"))
                node_ref=list
            ></div>
            {failure}
            {more}
        </section>
    }
}

/// Draws the listed reviews into `list`, each once: a new listing (another query, or page 1
/// again) or language replaces them all, a further page appends its own, and a vote changes
/// only the vote's own text (read from the state by the review's view). No keyed list: the
/// reviews of a listing never move, so their elements, and the focus in them, stay.
fn draw_reviews(ctx: Ctx, list: NodeRef<leptos::html::Div>) {
    let Ctx { state, i18n, .. } = ctx;
    // The reviews' reactive parts belong to an owner of their own, dropped with them. The
    // component's owner is held weakly: the effect it owns must not keep it alive (it would
    // never be cleaned up, and the page's JSON-LD would outlive the component).
    let parent = Owner::current().unwrap_or_default().downgrade();
    let mut drawn: Option<(u32, Locale, Owner)> = None;
    let mut count = 0;
    let mut views = Vec::new();
    effect(move || {
        let Some(element) = list.get() else {
            return;
        };
        let locale = i18n.locale.get();
        let (generation, fresh) = state.with(|state| {
            let Some(listing) = &state.listing else {
                return (None, Vec::new());
            };
            let same = drawn.as_ref().is_some_and(|(generation, at, _)| {
                *generation == listing.generation && *at == locale
            });
            let from = if same { count } else { 0 };
            let reviews = &listing.answer.reviews;
            (
                Some(listing.generation),
                reviews[from.min(reviews.len())..].to_vec(),
            )
        });
        let same = drawn
            .as_ref()
            .is_some_and(|(drawn, at, _)| Some(*drawn) == generation && *at == locale);
        if !same {
            element.set_text_content(None);
            views.clear();
            count = 0;
            drawn = generation.and_then(|generation| {
                let parent = parent.upgrade()?;
                Some((generation, locale, parent.with(Owner::new)))
            });
        }
        let Some((_, _, owner)) = &drawn else {
            return;
        };
        count += fresh.len();
        for review in fresh {
            let mut view = owner.with(|| review_view(ctx, review).build());
            view.mount(&element, None);
            views.push(view);
        }
    });
}

/// Keeps the page's JSON-LD in one `<script type="application/ld+json" data-sf-reviews>`:
/// made when the first answer arrives, its text replaced by each new page 1, removed with
/// the component. Written with `text_content`, never as HTML.
fn write_json_ld(state: RwSignal<ReviewsState>, root: NodeRef<leptos::html::Section>) {
    let script: Rc<RefCell<Option<web_sys::Element>>> = Rc::default();
    let written = script.clone();
    effect(move || {
        state.with(|state| {
            let Some(listing) = &state.listing else {
                return;
            };
            let text = &listing.answer.json_ld;
            let mut written = written.borrow_mut();
            if written.is_none() {
                *written = json_ld_script(root);
            }
            if let Some(script) = written.as_ref() {
                if script.text_content().as_deref() != Some(text) {
                    script.set_text_content(Some(text));
                }
            }
        })
    });
    // The browser has one thread: the element never leaves it.
    let script = SendWrapper::new(script);
    on_cleanup(move || {
        if let Some(script) = script.borrow_mut().take() {
            script.remove();
        }
    });
}

/// A new, empty JSON-LD `<script>` where search engines read it: the host element's light
/// DOM when the component is inside an element's shadow root (text in a shadow root is not
/// part of the page's document), else the document's head.
fn json_ld_script(root: NodeRef<leptos::html::Section>) -> Option<web_sys::Element> {
    let section = root.get_untracked()?;
    let script = document().create_element("script").ok()?;
    script.set_attribute("type", "application/ld+json").ok()?;
    script.set_attribute(classes::JSON_LD_ATTRIBUTE, "").ok()?;
    let host = js_sys::Reflect::get(&section.get_root_node(), &"host".into())
        .ok()
        .and_then(|host| host.dyn_into::<web_sys::Element>().ok());
    match host {
        Some(host) => host.append_child(&script).ok()?,
        None => document().head()?.append_child(&script).ok()?,
    };
    Some(script)
}

/// A failure, in words, with a way to try again: page 1 again, or the next page.
fn failure_view(ctx: Ctx, failure: Failure) -> impl IntoView {
    let i18n = ctx.i18n;
    let lead = if failure.more {
        ReviewsMsg::MoreFailed
    } else {
        ReviewsMsg::LoadFailed
    };
    let text = match &failure.error {
        // The element names a product the store does not have: trying again will not help.
        crate::ClientError::Api { status: 404, .. } => {
            i18n.t(ReviewsMsg::UnknownProduct).to_owned()
        }
        error => {
            let seconds = match error {
                crate::ClientError::Api {
                    retry_after_seconds: Some(seconds),
                    ..
                } => *seconds,
                _ => 60,
            };
            let mut text = i18n.t(lead).to_owned();
            text.push(' ');
            text.push_str(&i18n.format(
                error.generic_message(),
                &[("seconds", &digits(u64::from(seconds)))],
            ));
            text
        }
    };
    let retry = if failure.more {
        Event::More
    } else {
        Event::Reload
    };
    view! {
        <div class="sf-notice sf-reviews__failure" role="alert">
            <p>{text}</p>
            <button type="button" class="sf-button sf-button--secondary" on:click=move |_| ctx.send(retry.clone())>
                {i18n.text(ReviewsMsg::TryAgain)}
            </button>
        </div>
    }
}

/// The average in words and stars, the count, and the histogram: one row per star level,
/// each a toggle button that filters the list by that rating. Drawn once; its texts follow
/// the state.
fn summary_view(ctx: Ctx) -> impl IntoView {
    let Ctx { state, i18n, .. } = ctx;
    let summary = move || {
        state.with(|state| {
            state
                .listing
                .as_ref()
                .map(|listing| listing.answer.summary)
                .unwrap_or_default()
        })
    };
    let average = move || summary().average_tenths().unwrap_or(0);
    let row = move |stars: u8| {
        let percent = move || digits(u64::from(summary().percent_of(stars)));
        let text = Signal::derive(move || {
            let reviews = summary().histogram[usize::from(stars - 1)];
            let percent_text = i18n.format(ReviewsMsg::Percent, &[("percent", &percent())]);
            i18n.format(
                ReviewsMsg::HistogramRow,
                &[
                    ("stars", &stars_text(i18n, stars)),
                    ("reviews", &count_text(i18n, reviews)),
                    ("percent", &percent_text),
                ],
            )
        });
        let width = Signal::derive(move || {
            let mut width = percent();
            width.push('%');
            width
        });
        view! {
            <li>
                <button
                    type="button"
                    class="sf-reviews__bar"
                    aria-pressed=Signal::derive(move || {
                        if state.with(|state| state.filters.rating) == Some(stars) { "true" } else { "false" }
                    })
                    on:click=move |_| {
                        ctx.filter(|filters| {
                            filters.rating = (filters.rating != Some(stars)).then_some(stars)
                        })
                    }
                >
                    <span class="sf-reviews__bar-text">{text}</span>
                    <span class="sf-reviews__bar-track" aria-hidden="true">
                        <span class="sf-reviews__bar-fill" style=("inline-size", width)></span>
                    </span>
                </button>
            </li>
        }
    };
    view! {
        <div class="sf-reviews__summary">
            <p class="sf-reviews__average">
                <span class="sf-stars" aria-hidden="true" style=("--sf-stars", Signal::derive(move || stars_fill(average())))></span>
                <span class="sf-reviews__average-text">{Signal::derive(move || out_of_5(i18n, &decimal(i18n, average())))}</span>
            </p>
            <p class="sf-reviews__count">{Signal::derive(move || count_text(i18n, summary().count()))}</p>
            <ul class="sf-reviews__histogram" role="list" aria-label=i18n.text(ReviewsMsg::FilterByRating)>
                {(1..=5).rev().map(row).collect_view()}
            </ul>
        </div>
    }
}

/// The sort `<select>` and the "With photos" checkbox; they show the state's filters (a new
/// product starts again from the defaults).
fn controls(ctx: Ctx) -> impl IntoView {
    let Ctx { state, i18n, .. } = ctx;
    let options = ReviewSort::ALL
        .into_iter()
        .map(|sort| {
            let label = match sort {
                ReviewSort::Newest => ReviewsMsg::SortNewest,
                ReviewSort::MostHelpful => ReviewsMsg::SortMostHelpful,
                ReviewSort::Highest => ReviewsMsg::SortHighest,
                ReviewSort::Lowest => ReviewsMsg::SortLowest,
            };
            view! { <option value=sort.as_str() selected=sort == ReviewSort::default()>{i18n.text(label)}</option> }
        })
        .collect_view();
    view! {
        <div class="sf-reviews__controls">
            <div class="sf-field">
                <label class="sf-field__label" for=classes::SORT_ID>{i18n.text(ReviewsMsg::SortBy)}</label>
                <select
                    class="sf-field__input"
                    id=classes::SORT_ID
                    prop:value=Signal::derive(move || state.with(|state| state.filters.sort.as_str()))
                    on:change=move |event| {
                        if let Some(sort) = ReviewSort::from_wire(&event_target_value(&event)) {
                            ctx.filter(|filters| filters.sort = sort);
                        }
                    }
                >
                    {options}
                </select>
            </div>
            <div class="sf-reviews__check">
                <input
                    type="checkbox"
                    id=classes::WITH_PHOTOS_ID
                    prop:checked=Signal::derive(move || state.with(|state| state.filters.with_photos))
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        ctx.filter(|filters| filters.with_photos = checked);
                    }
                />
                <label for=classes::WITH_PHOTOS_ID>{i18n.text(ReviewsMsg::WithPhotos)}</label>
            </div>
        </div>
    }
}

/// One review: an `<article>` named by its title's heading (which takes focus after "Show
/// more"). Every text the shopper wrote is a text node, never HTML. Drawn once, in the
/// language of the moment (a new language draws the list again).
fn review_view(ctx: Ctx, review: ReviewView) -> impl IntoView {
    let Ctx { i18n, client, .. } = ctx;
    let locale = i18n.locale.get_untracked();
    let title_id = review_id(review.id, "title");
    let date = format_date(&review.created_at, locale, DateStyle::Date);
    let rating = out_of_5(i18n, &digits(u64::from(review.rating)));
    let verified = review.verified.then(|| {
        view! { <p class="sf-review__verified">{i18n.now(ReviewsMsg::Verified)}</p> }
    });
    let fit = review.fit.map(|fit| {
        let answer = match fit {
            Fit::RunsSmall => ReviewsMsg::RunsSmall,
            Fit::TrueToSize => ReviewsMsg::TrueToSize,
            Fit::RunsLarge => ReviewsMsg::RunsLarge,
        };
        view! {
            <div>
                <dt>{i18n.now(ReviewsMsg::Fit)}</dt>
                <dd>{i18n.now(answer)}</dd>
            </div>
        }
    });
    let quality = review.quality.map(|quality| {
        let label = out_of_5(i18n, &digits(u64::from(quality)));
        view! {
            <div>
                <dt>{i18n.now(ReviewsMsg::Quality)}</dt>
                <dd><span class=stars_class(quality) aria-hidden="true"></span><span class="sf-stars-text">{label}</span></dd>
            </div>
        }
    });
    let facts = (fit.is_some() || quality.is_some())
        .then(|| view! { <dl class="sf-review__facts">{fit}{quality}</dl> });
    let name = review.display_name;
    let photos = (!review.photos.is_empty()).then(|| {
        let photos = review
            .photos
            .iter()
            .enumerate()
            .map(|(at, url)| {
                let url = client.api_link(url);
                let alt = i18n.format_now(
                    ReviewsMsg::PhotoAlt,
                    &[("index", &digits(at as u64 + 1)), ("name", &name)],
                );
                let href = url.clone();
                view! {
                    <li>
                        <a class="sf-review__photo" href=href>
                            <img src=url alt=alt loading="lazy" />
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="sf-review__photos" role="list">{photos}</ul> }
    });
    let reply = review.reply.map(|reply| {
        let date = format_date(&reply.at, locale, DateStyle::Date);
        view! {
            <div class="sf-review__reply">
                <h4 class="sf-review__reply-heading">{i18n.now(ReviewsMsg::StoreReply)}</h4>
                <p class="sf-review__meta"><time datetime=reply.at>{date}</time></p>
                <p class="sf-review__body">{reply.body}</p>
            </div>
        }
    });
    let labelled_by = title_id.clone();
    view! {
        <article class="sf-review" aria-labelledby=labelled_by>
            <h3 class="sf-review__title" id=title_id tabindex="-1">{review.title}</h3>
            <p class="sf-review__rating">
                <span class=stars_class(review.rating) aria-hidden="true"></span>
                <span class="sf-stars-text">{rating}</span>
            </p>
            <p class="sf-review__meta">
                <span class="sf-review__author">{name}</span>
                <time class="sf-review__date" datetime=review.created_at>{date}</time>
            </p>
            {verified}
            {facts}
            <p class="sf-review__body">{review.body}</p>
            {photos}
            {reply}
            {helpful_view(ctx, review.id)}
        </article>
    }
}

/// "Was this helpful?" and a "Yes" button, with "N people found this helpful" beside it.
/// The button's name stays "Yes" whatever happens (a control's name does not change when it
/// is used); its description names the review and the count, so ten "Yes" buttons on a page
/// are told apart. Once this browser voted it stays focusable but `aria-disabled`, the count
/// changes in its own element, and what happened is said in a polite live region beside it.
/// The vote and the count are read from the state, so a vote redraws none of the list.
fn helpful_view(ctx: Ctx, id: i64) -> impl IntoView {
    let Ctx { state, i18n, .. } = ctx;
    let question_id = review_id(id, "helpful");
    let count_id = review_id(id, "helpful-count");
    let mut described_by = review_id(id, "title");
    described_by.push(' ');
    described_by.push_str(&count_id);
    let vote = move || state.with(|state| state.vote(id));
    let helpful = Signal::derive(move || {
        let count = state.with(|state| {
            state
                .reviews()
                .iter()
                .find(|review| review.id == id)
                .map_or(0, |review| review.helpful)
        });
        helpful_text(i18n, count)
    });
    let said = Signal::derive(move || {
        let msg = match vote() {
            Vote::Thanked => ReviewsMsg::Thanks,
            Vote::Limited => ReviewsMsg::VoteLimited,
            Vote::Failed => ReviewsMsg::VoteFailed,
            Vote::Open | Vote::Sending => return "",
        };
        i18n.t(msg)
    });
    let labelled_by = question_id.clone();
    view! {
        <div class="sf-review__helpful" role="group" aria-labelledby=labelled_by>
            <span id=question_id>{i18n.now(ReviewsMsg::Helpful)}</span>
            // `aria-disabled` rather than `disabled`: the button keeps focus after the vote,
            // so the shopper hears what happened where they are.
            <button
                type="button"
                class="sf-button sf-button--secondary sf-review__vote"
                aria-describedby=described_by
                aria-disabled=Signal::derive(move || matches!(vote(), Vote::Thanked | Vote::Sending).then_some("true"))
                on:click=move |_| cast_vote(ctx, id)
            >
                {i18n.now(ReviewsMsg::Yes)}
            </button>
            <span class="sf-review__helpful-count" id=count_id>{helpful}</span>
            <span class="sf-review__vote-status" role="status">{said}</span>
        </div>
    }
}

/// Sends this browser's "helpful" vote on review `id`, unless it is voted or on its way.
fn cast_vote(ctx: Ctx, id: i64) {
    if matches!(
        ctx.state.with_untracked(|state| state.vote(id)),
        Vote::Sending | Vote::Thanked
    ) {
        return;
    }
    ctx.send(Event::Voting(id));
    let answer = ctx.client.vote_helpful(id, voter());
    spawn_local(async move {
        ctx.send(match answer.await {
            Ok(count) => Event::Voted { id, count },
            Err(error) => Event::VoteFailed { id, error },
        })
    });
}

thread_local! {
    /// This page's voter id, when the browser refuses storage (some private modes).
    static PAGE_VOTER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// This browser's voter id: a random one kept in `localStorage`, so a shopper's vote counts
/// once however often they come back; without storage, one per page.
fn voter() -> String {
    let storage = window().local_storage().ok().flatten();
    let kept = storage
        .as_ref()
        .and_then(|storage| storage.get_item(VOTER_KEY).ok().flatten())
        // What the server accepts, so an id changed by hand does not refuse every vote.
        .filter(|id| is_client_id(id));
    if let Some(id) = kept {
        return id;
    }
    let id = new_client_id();
    if storage.is_some_and(|storage| storage.set_item(VOTER_KEY, &id).is_ok()) {
        return id;
    }
    PAGE_VOTER.with(|page| page.borrow_mut().get_or_insert(id).clone())
}

/// The classes of a whole number of stars (1 to 5) drawn by the stylesheet: five outlined
/// stars, so many filled solid (`.sf-stars--4`), so filled and empty differ in shape, not
/// only in colour (WCAG 1.4.1). Hidden from assistive technology: text beside them, visible
/// to everyone, says the same ("4 out of 5 stars").
fn stars_class(stars: u8) -> &'static str {
    const CLASSES: [&str; 5] = [
        "sf-stars sf-stars--1",
        "sf-stars sf-stars--2",
        "sf-stars sf-stars--3",
        "sf-stars sf-stars--4",
        "sf-stars sf-stars--5",
    ];
    CLASSES[usize::from(stars.clamp(1, 5) - 1)]
}

/// How much of the five stars an average of `tenths` of a star fills (`--sf-stars`), as a
/// percentage: `86%`.
fn stars_fill(tenths: u32) -> String {
    let mut fill = digits(u64::from(tenths.min(50) * 2));
    fill.push('%');
    fill
}

/// `number` in Latin digits, as every number in the components is written. By hand: the
/// formatting machinery of `to_string` is code the module would carry for each number type.
fn digits(mut number: u64) -> String {
    let mut reversed = Vec::new();
    loop {
        reversed.push(b'0' + (number % 10) as u8);
        number /= 10;
        if number == 0 {
            break;
        }
    }
    reversed
        .iter()
        .rev()
        .map(|&digit| char::from(digit))
        .collect()
}

/// "4.3 out of 5 stars".
fn out_of_5(i18n: I18n, stars: &str) -> String {
    i18n.format(ReviewsMsg::OutOf5, &[("stars", stars)])
}

/// Tenths of a star as the language writes a decimal: "4.3", "4,3".
fn decimal(i18n: I18n, tenths: u32) -> String {
    i18n.format(
        ReviewsMsg::Decimal,
        &[
            ("whole", &digits(u64::from(tenths / 10))),
            ("tenth", &digits(u64::from(tenths % 10))),
        ],
    )
}

/// "1 review", "12 reviews".
fn count_text(i18n: I18n, count: u32) -> String {
    if count == 1 {
        i18n.t(ReviewsMsg::Review1).to_owned()
    } else {
        i18n.format(ReviewsMsg::Reviews, &[("count", &digits(u64::from(count)))])
    }
}

/// "1 person found this helpful", "12 people found this helpful".
fn helpful_text(i18n: I18n, count: u32) -> String {
    if count == 1 {
        i18n.t(ReviewsMsg::FoundHelpful1).to_owned()
    } else {
        i18n.format(
            ReviewsMsg::FoundHelpful,
            &[("count", &digits(u64::from(count)))],
        )
    }
}

/// "1 star", "2 stars", "5 stars".
fn stars_text(i18n: I18n, stars: u8) -> String {
    match stars {
        1 => i18n.t(ReviewsMsg::Star1).to_owned(),
        2 => i18n.t(ReviewsMsg::Stars2).to_owned(),
        _ => i18n.format(ReviewsMsg::Stars, &[("stars", &digits(u64::from(stars)))]),
    }
}

/// What the list shows: "Showing 12 reviews", "Showing 10 of 12 reviews", or that nothing
/// matches the filters.
fn showing(i18n: I18n, shown: usize, matching: u32) -> String {
    let count = digits(u64::from(matching));
    match (shown, matching) {
        (_, 0) => i18n.t(ReviewsMsg::NoMatch).to_owned(),
        (1, 1) => i18n.t(ReviewsMsg::Showing1).to_owned(),
        (shown, _) if shown as u64 >= u64::from(matching) => {
            i18n.format(ReviewsMsg::ShowingAll, &[("count", &count)])
        }
        (shown, _) => i18n.format(
            ReviewsMsg::ShowingSome,
            &[("shown", &digits(shown as u64)), ("count", &count)],
        ),
    }
}

/// The id of a part of review `id`: `sf-review-12-title`.
fn review_id(id: i64, part: &str) -> String {
    let mut text = String::from("sf-review-");
    // Ids are positive (the database's); a negative one is no review's.
    text.push_str(&digits(id.unsigned_abs()));
    text.push('-');
    text.push_str(part);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{provide_i18n, Locale};

    #[test]
    fn counts_stars_and_averages_read_right_in_each_language() {
        let owner = Owner::new();
        owner.with(|| {
            let i18n = provide_i18n(Locale::En);
            assert_eq!(count_text(i18n, 1), "1 review");
            assert_eq!(count_text(i18n, 12), "12 reviews");
            assert_eq!(stars_text(i18n, 1), "1 star");
            assert_eq!(stars_text(i18n, 5), "5 stars");
            assert_eq!(out_of_5(i18n, &decimal(i18n, 43)), "4.3 out of 5 stars");
            assert_eq!(showing(i18n, 10, 12), "Showing 10 of 12 reviews");
            assert_eq!(showing(i18n, 12, 12), "Showing 12 reviews");
            assert_eq!(showing(i18n, 1, 1), "Showing 1 review");
            assert_eq!(showing(i18n, 0, 0), "No reviews match these filters.");
            assert_eq!(helpful_text(i18n, 1), "1 person found this helpful");
            assert_eq!(helpful_text(i18n, 0), "0 people found this helpful");
            i18n.locale.set(Locale::Es);
            assert_eq!(decimal(i18n, 40), "4,0");
            i18n.locale.set(Locale::Ar);
            assert_eq!(stars_text(i18n, 2), "نجمتان");
        });
    }

    #[test]
    fn numbers_and_stars_are_written_without_the_formatter() {
        assert_eq!(digits(0), "0");
        assert_eq!(digits(1_234_567), "1234567");
        assert_eq!(digits(u64::MAX), u64::MAX.to_string());
        assert_eq!(stars_fill(43), "86%");
        assert_eq!(stars_fill(99), "100%");
        assert_eq!(stars_class(4), "sf-stars sf-stars--4");
    }

    #[test]
    fn part_ids_name_the_review() {
        assert_eq!(review_id(12, "title"), "sf-review-12-title");
        assert_eq!(review_id(12, "helpful-count"), "sf-review-12-helpful-count");
    }
}
