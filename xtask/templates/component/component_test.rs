//! `__Pascal__` in headless Chromium against the real API.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{mount_with_api, query, text_of, wait_until};
use leptos::prelude::*;
use sf_components::__Pascal__;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn it_says_when_it_is_ready() {
    let (root, _mounted) = mount_with_api(|| view! { <__Pascal__ /> });
    let status = query(&root, "[role=status]").expect("a status live region");
    wait_until("the ready status", || text_of(&status) == "Ready").await;
}
