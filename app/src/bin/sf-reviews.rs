//! The wasm module of `<sf-reviews>` and `<sf-review-form>`: one module for both, since a
//! product page shows its reviews and the form to write one. The form's first download is
//! its heading and a "Write a review" button; the form itself is a chunk, fetched when the
//! shopper reaches for the button, or at once for a review-request link (see
//! `sf_components::provide_review_form!`), so a page that only reads reviews does not pay for
//! writing one.

use leptos::prelude::*;
use sf_components::elements::{review_form, reviews};
use sf_components::{ReviewForm, Reviews};

sf_app::element_module!([
    (reviews::ELEMENT, |attributes| view! {
        <Reviews product=attributes.attribute(reviews::PRODUCT) />
    }
    .into_any()),
    (review_form::ELEMENT, |attributes| {
        sf_components::provide_review_form!();
        view! {
            <ReviewForm
                product=attributes.attribute(review_form::PRODUCT)
                request=attributes.attribute(review_form::REQUEST)
                token=attributes.attribute(review_form::TOKEN)
            />
        }
        .into_any()
    }),
]);
