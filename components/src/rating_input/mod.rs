//! `RatingInput`: a star rating from 1 to 5, the WAI-ARIA Authoring Practices' rating radio
//! group built from real radios in a fieldset.
//!
//! Real `<input type="radio">`s rather than ARIA on `<div>`s: the browser gives the group its
//! semantics (the legend names it, each star is "4 stars, radio button, 4 of 5"), one tab
//! stop, `required`, and forced-colors support for free. The keys are handled here all the
//! same, with the pure [`apply`]: arrows move focus and check the star they land on, wrapping
//! at the ends as the APG example does, and left/right follow the visual direction in a
//! right-to-left page, the same in every browser (and under a synthetic key press in tests).
//!
//! Each star is a label holding an inline SVG (hidden from assistive technology) and the
//! star's name as visually hidden text; the radio itself is visually hidden but focusable,
//! and the stylesheet (`style/review-form.css`, `.sf-rating…`) draws the focus ring on the
//! focused star's label and fills the stars up to the chosen one.

mod messages;

use crate::i18n::use_i18n;
use crate::text_field::{error_id, ErrorMessage};
use leptos::html;
use leptos::prelude::*;
pub use messages::RatingMsg;

/// The most stars (and the number of radios).
pub const STARS: u8 = 5;

/// Class names shared with the stylesheet.
pub mod classes {
    /// The fieldset.
    pub const ROOT: &str = "sf-rating";
    /// A star's label (the visible star); `sf-rating__star--on` when it is filled.
    pub const STAR: &str = "sf-rating__star";
}

/// The star `key` moves to from the star `focused` (1 to [`STARS`]), checking it: `None`
/// for a key the group leaves to the browser.
///
/// Down and right go to the next star, up and left to the previous one, wrapping around at
/// either end; in a right-to-left page (`rtl`) left and right swap, so the arrow points where
/// focus goes. Space checks the focused star (the only way to check one without moving, when
/// none is checked yet).
pub fn apply(focused: u8, key: &str, rtl: bool) -> Option<u8> {
    let next = if focused >= STARS { 1 } else { focused + 1 };
    let previous = if focused <= 1 { STARS } else { focused - 1 };
    match key {
        "ArrowDown" => Some(next),
        "ArrowUp" => Some(previous),
        "ArrowRight" if rtl => Some(previous),
        "ArrowRight" => Some(next),
        "ArrowLeft" if rtl => Some(next),
        "ArrowLeft" => Some(previous),
        " " => Some(focused),
        _ => None,
    }
}

/// The id of the radio of `stars` in the group named `name` (`sf-review-rating-4`).
pub fn star_id(name: &str, stars: u8) -> String {
    let mut id = String::with_capacity(name.len() + 2);
    id.push_str(name);
    id.push('-');
    id.push(char::from(b'0' + stars.min(9)));
    id
}

/// The radio a link to the group (an error summary's) lands on: the checked star, else the
/// first, as keyboard focus would.
pub fn target_id(name: &str, value: Option<u8>) -> String {
    star_id(name, value.unwrap_or(1))
}

/// The name of the radio of `stars`.
pub fn star_name(stars: u8) -> RatingMsg {
    match stars {
        1 => RatingMsg::Star1,
        2 => RatingMsg::Star2,
        3 => RatingMsg::Star3,
        4 => RatingMsg::Star4,
        _ => RatingMsg::Star5,
    }
}

/// The outline of a star on a 24 × 24 grid.
const STAR_PATH: &str =
    "M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6L2.5 9.4l6.6-.8z";

/// A star rating from 1 to 5: a fieldset (a radio group) named by its legend, five radios
/// named "1 star" … "5 stars", and the chosen value in words beside them.
#[component]
pub fn RatingInput(
    /// The question, the group's visible legend and accessible name.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The chosen stars; `None` before any is chosen.
    #[prop(into)]
    value: Signal<Option<u8>>,
    /// Called with the stars chosen (by click, tap or key).
    on_change: Callback<u8>,
    /// The radios' `name`, unique in the page (or shadow root), and the prefix of their ids
    /// (see [`star_id`]); the fieldset's id is the name itself.
    name: &'static str,
    /// What to fix, when the rating was refused: shown under the legend (GOV.UK style) and
    /// read with the group through `aria-describedby`.
    #[prop(into, optional)]
    error: MaybeProp<String>,
    /// Ids of more text that describes the group (a hint), read after the legend.
    #[prop(into, optional)]
    describedby: MaybeProp<String>,
    /// Whether a rating must be chosen (the radios' `required`, the group's `aria-required`).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error: Signal<Option<String>> = Signal::derive(move || error.get());
    let radios: [NodeRef<html::Input>; STARS as usize] = std::array::from_fn(|_| NodeRef::new());
    let error_id = error_id(name);
    let described_by = move || {
        let ids: Vec<String> = describedby
            .get()
            .into_iter()
            .chain(error.with(Option::is_some).then(|| error_id.clone()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let on_key = move |event: leptos::ev::KeyboardEvent, focused: u8| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let radio_of = |stars: u8| radios[usize::from(stars - 1)].get_untracked();
        // The nearest `dir` (the component root sets one for its locale, a page may set its
        // own); the computed style would need more of web-sys for the same answer.
        let rtl = radio_of(focused)
            .and_then(|radio| radio.closest("[dir]").ok().flatten())
            .is_some_and(|element| {
                element
                    .get_attribute("dir")
                    .is_some_and(|dir| dir.eq_ignore_ascii_case("rtl"))
            });
        let Some(stars) = apply(focused, &event.key(), rtl) else {
            return;
        };
        // The browser's own arrow handling would move again (or, in some browsers, the other
        // way in right-to-left text), and Space would scroll.
        event.prevent_default();
        if let Some(radio) = radio_of(stars) {
            radio.set_checked(true);
            let _ = radio.focus();
        }
        on_change.run(stars);
    };
    let stars = (1..=STARS)
        .map(|stars| {
            let id = star_id(name, stars);
            let class = move || {
                if value.get().is_some_and(|chosen| chosen >= stars) {
                    "sf-rating__star sf-rating__star--on"
                } else {
                    classes::STAR
                }
            };
            view! {
                <input
                    type="radio"
                    class="sf-rating__radio"
                    id=id.clone()
                    name=name
                    value=stars.to_string()
                    required=required
                    prop:checked=move || value.get() == Some(stars)
                    node_ref=radios[usize::from(stars - 1)]
                    on:change=move |_| on_change.run(stars)
                    on:keydown=move |event| on_key(event, stars)
                />
                <label for=id class=class>
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d=STAR_PATH />
                    </svg>
                    <span class="sf-visually-hidden">{i18n.text(star_name(stars))}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        // `radiogroup` (which a fieldset may take) rather than the fieldset's own `group`:
        // the role the APG's rating names, and the one that takes `aria-required` and
        // `aria-invalid` (radios themselves do not).
        <fieldset
            class=classes::ROOT
            id=name
            role="radiogroup"
            aria-required=required.then_some("true")
            aria-invalid=move || error.with(Option::is_some).then_some("true")
            aria-describedby=described_by
        >
            <legend class="sf-field__label">{label}</legend>
            <ErrorMessage field_id=name error=error />
            <div class="sf-rating__stars">{stars}</div>
            // The radios already say which is checked; this is for the eye, so it is not read
            // twice.
            <p class="sf-rating__value" aria-hidden="true">
                {move || i18n.t(value.get().map_or(RatingMsg::NotRated, star_name))}
            </p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_to_the_next_and_previous_star_and_wrap() {
        assert_eq!(apply(1, "ArrowRight", false), Some(2));
        assert_eq!(apply(4, "ArrowDown", false), Some(5));
        assert_eq!(apply(5, "ArrowRight", false), Some(1), "wraps to the first");
        assert_eq!(apply(3, "ArrowLeft", false), Some(2));
        assert_eq!(apply(2, "ArrowUp", false), Some(1));
        assert_eq!(apply(1, "ArrowLeft", false), Some(5), "wraps to the last");
    }

    #[test]
    fn left_and_right_follow_the_visual_direction_in_right_to_left_text() {
        // Star 1 is drawn rightmost: the left arrow goes on to star 2.
        assert_eq!(apply(1, "ArrowLeft", true), Some(2));
        assert_eq!(apply(2, "ArrowRight", true), Some(1));
        assert_eq!(apply(1, "ArrowRight", true), Some(5));
        // Up and down do not depend on the direction.
        assert_eq!(apply(2, "ArrowDown", true), Some(3));
        assert_eq!(apply(2, "ArrowUp", true), Some(1));
    }

    #[test]
    fn space_checks_the_focused_star_and_other_keys_are_the_browsers() {
        assert_eq!(apply(1, " ", false), Some(1));
        for key in ["Tab", "Enter", "Home", "a", "Escape"] {
            assert_eq!(apply(3, key, false), None, "{key}");
        }
    }

    #[test]
    fn ids_and_names_follow_the_stars() {
        assert_eq!(star_id("sf-review-rating", 4), "sf-review-rating-4");
        assert_eq!(target_id("sf-review-rating", None), "sf-review-rating-1");
        assert_eq!(target_id("sf-review-rating", Some(3)), "sf-review-rating-3");
        assert_eq!(star_name(1), RatingMsg::Star1);
        assert_eq!(star_name(5), RatingMsg::Star5);
    }
}
