//! The wasm module of `<sf-__kebab__>`.

use leptos::prelude::*;
use sf_components::elements::__snake__::ELEMENT;
use sf_components::__Pascal__;

sf_app::element_module!(ELEMENT, |_| view! { <__Pascal__ /> }.into_any());
