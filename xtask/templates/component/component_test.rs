//! `__Pascal__` in headless Chromium against the real API.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{api_base, container, query, text_of, wait_until};
use leptos::prelude::*;
use sf_components::{Locale, SupportRoot, __Pascal__};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn it_says_when_it_is_ready() {
    let root = container();
    let base = api_base();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SupportRoot api_base=base locale=Locale::En>
                <__Pascal__ />
            </SupportRoot>
        }
    });
    let status = query(&root, "[role=status]").expect("a status live region");
    wait_until("the ready status", || text_of(&status) == "Ready").await;
}
