//! `ReviewForm` (`<sf-review-form>`): a shopper rates and reviews a product: a star rating
//! (the [`RatingInput`] radio group), a title, the review with a visible character count, how
//! it fits and its quality where the product asks, up to four photos (uploaded as they are
//! picked, checked by the server), the name to show, and, optionally, the order that proves
//! the purchase. Opened from the review-request link sent after delivery (`request` and
//! `token`), the form is verified already and asks no proof; a link whose review was written
//! says so instead.
//!
//! After a submission the form says honestly what happens: live at once, or held because
//! the automatic check found links, personal details or language against the guidelines
//! (never because of the stars). It tells the page with `sf-review-submitted`
//! ([`crate::events::ReviewSubmitted`]), so a listing of the same product reads its reviews
//! again.
//!
//! A product page shows the form beside its reviews, and most shoppers only read them, so
//! the module's first download holds only the start of the form (this file): its heading and
//! a "Write a review" button. The form itself (`rest.rs`: the product, the link's notice, the
//! stars, the fields, the error summary, the submission, the confirmation) is a chunk (see
//! [`crate::chunk`] and [`provide_review_form!`]), fetched when the shopper reaches for the
//! button and drawn when they press it, focus then going to the stars; or drawn at once, focus
//! left alone, for a review-request link, whose shopper came to write.
//!
//! The form's state is one value, [`state::ReviewFormState`], changed only by the pure
//! [`state::apply`] and held in one signal in the chunk; the start's is [`state::Opening`],
//! changed by [`state::open`]. Effects only bridge to the outside world (the request the
//! state asks for, photo uploads, focus, the page event).

mod messages;
mod rest;
pub mod state;

use crate::chunk::{chunk_view, preloader, ChunkLoader};
use crate::i18n::use_i18n;
use crate::reactive::effect;
use leptos::html;
use leptos::prelude::*;
pub use messages::{ReviewFormMsg, ReviewStartMsg};
pub use state::ids;
use state::{open, Opened, Opening};

/// Class names shared with the stylesheet (`style/review-form.css`).
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-review-form";
    /// The confirmation's headings.
    pub const HEADING: &str = "sf-review-form__heading";
    /// The "Verified purchase" badge.
    pub const BADGE: &str = "sf-review-form__badge";
    /// The button that opens the form (written out in its view too).
    pub const START: &str = "sf-review-form__start";
}

/// Provides the loader of the review form in the calling binary (see [`crate::chunk`]): the
/// module's first download holds only its heading and the button that opens it, and the
/// form is fetched as its own chunk when the shopper reaches for the button, or at once for a
/// review-request link.
#[macro_export]
macro_rules! provide_review_form {
    () => {
        $crate::provide_chunk!(
            review_form_rest,
            preload_review_form_rest,
            $crate::review_form::rest_view,
            $crate::review_form::ReviewFormRest
        )
    };
}

/// What the form's heading says, as the form (once drawn) sets it: the heading stays the
/// same element, so nothing moves when the form arrives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Heading {
    /// "Write a review", before the form knows its product.
    #[default]
    Start,
    /// The form's words (naming the product).
    Text(String),
    /// None: the confirmation has its own.
    Hidden,
}

/// What the form starts from: the element's attributes, whether focus goes to its stars, and
/// what it draws outside its own place.
pub struct ReviewFormRest {
    /// The product's SKU.
    product: MaybeProp<String>,
    /// A review request's id.
    request: MaybeProp<String>,
    /// The review request's signed token.
    token: MaybeProp<String>,
    /// Whether focus goes to the stars once they are drawn.
    focus_stars: bool,
    /// The heading's words.
    heading: RwSignal<Heading>,
    /// The component's root: the page event is sent from it, and the controls to focus are
    /// found in it.
    root: NodeRef<html::Section>,
    /// Where the error summary goes: above the heading, GOV.UK style.
    summary: NodeRef<html::Div>,
}

/// The review form: its product, stars, fields and confirmation. Public only for
/// [`provide_review_form!`].
#[doc(hidden)]
pub fn rest_view(input: ReviewFormRest) -> AnyView {
    rest::rest(input)
}

/// The review form of a product (`product`), or of a review-request link (`request` and
/// `token`, which name the product themselves).
///
/// It starts as its heading and a "Write a review" button; the form comes from the loader
/// the page provides (see [`provide_review_form!`]) once the button is pressed, or at once
/// for a review-request link.
#[component]
pub fn ReviewForm(
    /// The product's SKU.
    #[prop(into, optional)]
    product: MaybeProp<String>,
    /// A review request's id, from the link sent after delivery (with `token`).
    #[prop(into, optional)]
    request: MaybeProp<String>,
    /// The review request's signed token.
    #[prop(into, optional)]
    token: MaybeProp<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let opening = RwSignal::new(Opening::default());
    let send = move |event| opening.update(|opening| *opening = open(*opening, event));
    let heading = RwSignal::new(Heading::Start);
    let (root, summary) = (NodeRef::<html::Section>::new(), NodeRef::<html::Div>::new());

    // A link (even half of one, which the form says it cannot use) opens the form at once.
    effect(move || {
        let given = |value: Option<String>| value.is_some_and(|value| !value.trim().is_empty());
        if given(request.get()) || given(token.get()) {
            send(Opened::Link);
        }
    });

    let loader = use_context::<ChunkLoader<ReviewFormRest>>();
    let (arrived, failed) = (RwSignal::new(false), RwSignal::new(false));
    // A memo: the chunk is fetched again only for a new attempt, not when a second click or
    // the attributes repeat what is known (which would draw the form twice).
    let wanted = Memo::new(move |_| opening.get());
    let form = chunk_view(
        loader,
        move || {
            let Opening {
                started,
                focus_stars,
                ..
            } = wanted.get();
            started.then_some(ReviewFormRest {
                product,
                request,
                token,
                focus_stars,
                heading,
                root,
                summary,
            })
        },
        failed,
        arrived,
    );
    // Reaching for the button (focus, or a pointer over it) fetches the form early.
    let preload = preloader::<_, ()>(loader);
    let again = move |_| {
        failed.set(false);
        send(Opened::Retry);
    };
    let start = move || {
        if failed.get() {
            Some(
                view! {
                    <p class="sf-notice sf-notice--warning" role="alert">
                        {i18n.t(ReviewStartMsg::LoadFailed)} " "
                        <button type="button" class="sf-button sf-button--link" on:click=again>
                            {i18n.t(ReviewStartMsg::TryAgain)}
                        </button>
                    </p>
                }
                .into_any(),
            )
        } else if !wanted.with(|opening| opening.started) {
            Some(
                view! {
                    <button
                        type="button"
                        class="sf-button sf-review-form__start"
                        on:focus=move |_| preload(())
                        on:pointerenter=move |_| preload(())
                        on:click=move |_| send(Opened::Pressed)
                    >
                        {i18n.t(ReviewStartMsg::Start)}
                    </button>
                }
                .into_any(),
            )
        } else if !arrived.get() {
            Some(view! { <p role="status">{i18n.t(ReviewStartMsg::Loading)}</p> }.into_any())
        } else {
            None
        }
    };
    view! {
        <section class=classes::ROOT aria-labelledby=ids::HEADING node_ref=root>
            // The form's error summary, above the heading (`sf-chunk`: no room while empty).
            <div class="sf-chunk" node_ref=summary></div>
            <h2
                id=ids::HEADING
                class="sf-review-form__title"
                hidden=move || heading.with(|heading| *heading == Heading::Hidden)
            >
                {move || match heading.get() {
                    Heading::Text(text) => text,
                    _ => i18n.t(ReviewStartMsg::Heading).to_owned(),
                }}
            </h2>
            {start}
            {form}
        </section>
    }
}
