//! The wasm module of `<sf-service-status>`: whether support is online.

use leptos::prelude::*;
use sf_components::elements::service_status::ELEMENT;
use sf_components::ServiceStatus;

sf_app::element_module!(ELEMENT, |_| view! { <ServiceStatus /> }.into_any());
