//! The wasm module of `<sf-help-centre>`: articles, FAQ, instant search, feedback.

use leptos::prelude::*;
use sf_components::elements::help_centre::{ARTICLE, ELEMENT};
use sf_components::HelpCentre;

sf_app::element_module!(ELEMENT, |attributes| {
    view! { <HelpCentre article=attributes.attribute(ARTICLE) /> }.into_any()
});
