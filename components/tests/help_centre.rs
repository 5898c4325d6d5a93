//! Component tests of the help centre in headless Chromium, against the real API `cargo
//! xtask test` started (demo articles): the search box's keyboard model as the WAI-ARIA
//! combobox pattern has it, the announced number of suggestions, and the chat request an
//! article sends.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{is_focused, mount_with_api, press, query, text_of, type_into, wait_until};
use leptos::prelude::*;
use sf_components::events::{ChatRequest, PageEvent};
use sf_components::HelpCentre;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn attribute(element: &HtmlElement, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

/// Presses `key` in the box and waits for the view to follow (Leptos draws changes on the
/// next tick).
async fn press_and_settle(input: &HtmlElement, key: &str) {
    press(input, key);
    common::sleep(50).await;
}

fn options(root: &HtmlElement) -> Vec<HtmlElement> {
    let found = root.query_selector_all("[role=option]").unwrap();
    (0..found.length())
        .filter_map(|at| found.item(at))
        .map(|node| node.unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn the_search_box_follows_the_combobox_pattern_and_announces_its_suggestions() {
    let (root, _mounted) = mount_with_api(|| view! { <HelpCentre /> });
    wait_until("the home", || text_of(&root).contains("How can we help?")).await;
    let input = query(&root, "#sf-help-search").unwrap();
    assert_eq!(attribute(&input, "role"), "combobox");
    assert_eq!(attribute(&input, "aria-expanded"), "false");
    input.focus().unwrap();
    type_into(&root, "#sf-help-search", "return");
    wait_until("suggestions", || {
        attribute(&input, "aria-expanded") == "true"
    })
    .await;
    let listbox = query(&root, "[role=listbox]").unwrap();
    assert_eq!(attribute(&input, "aria-controls"), listbox.id());
    let count = options(&root).len();
    assert!(count >= 2, "several articles are about returns");
    // Their number is announced in a status apart from the box, once the answer is there.
    let status = query(&root, ".sf-help__search [role=status]").unwrap();
    assert_eq!(
        text_of(&status),
        format!("{count} articles found. Use the up and down arrows to choose one.")
    );

    // Down and up move the active option; focus stays in the box.
    press_and_settle(&input, "ArrowDown").await;
    let first = options(&root)[0].clone();
    assert_eq!(attribute(&input, "aria-activedescendant"), first.id());
    assert_eq!(attribute(&first, "aria-selected"), "true");
    assert!(is_focused(&input));
    press_and_settle(&input, "ArrowUp").await;
    let last = options(&root)[count - 1].clone();
    assert_eq!(
        attribute(&input, "aria-activedescendant"),
        last.id(),
        "up from the first wraps to the last"
    );
    press_and_settle(&input, "ArrowDown").await;
    assert_eq!(
        attribute(&input, "aria-activedescendant"),
        options(&root)[0].id()
    );

    // Escape closes the list, then clears the box.
    press_and_settle(&input, "Escape").await;
    assert_eq!(attribute(&input, "aria-expanded"), "false");
    assert!(input.get_attribute("aria-activedescendant").is_none());
    press_and_settle(&input, "Escape").await;
    assert_eq!(
        js_sys::Reflect::get(&input, &"value".into())
            .unwrap()
            .as_string()
            .unwrap(),
        ""
    );

    // Enter with an option active opens that article.
    type_into(&root, "#sf-help-search", "return");
    wait_until("suggestions again", || {
        attribute(&input, "aria-expanded") == "true"
    })
    .await;
    press_and_settle(&input, "ArrowDown").await;
    let chosen = text_of(&options(&root)[0]);
    let form: web_sys::HtmlFormElement =
        query(&root, "form[role=search]").unwrap().unchecked_into();
    form.request_submit().unwrap();
    wait_until("the chosen article", || {
        query(&root, ".sf-help__article h2").is_some_and(|heading| text_of(&heading) == chosen)
    })
    .await;
    assert_eq!(attribute(&input, "aria-expanded"), "false");
}

#[wasm_bindgen_test]
async fn nothing_found_is_announced_and_enter_shows_the_results_page() {
    let (root, _mounted) = mount_with_api(|| view! { <HelpCentre /> });
    wait_until("the home", || text_of(&root).contains("How can we help?")).await;
    type_into(&root, "#sf-help-search", "qqqzzz");
    let status = query(&root, ".sf-help__search [role=status]").unwrap();
    wait_until("the announcement", || !text_of(&status).is_empty()).await;
    assert_eq!(
        text_of(&status),
        "No articles match yet. Press Enter to search."
    );
    let form: web_sys::HtmlFormElement =
        query(&root, "form[role=search]").unwrap().unchecked_into();
    form.request_submit().unwrap();
    wait_until("the results page", || {
        text_of(&root).contains("No articles match “qqqzzz”")
    })
    .await;
    assert!(
        query(&root, ".sf-help__escalate button").is_some(),
        "a way to ask a person"
    );
}

#[wasm_bindgen_test]
async fn an_article_asks_the_chat_with_itself_and_the_searches_attached() {
    let (root, _mounted) =
        mount_with_api(|| view! { <HelpCentre article="refund-timing".to_owned() /> });
    wait_until("the article", || {
        query(&root, ".sf-help__article h2").is_some()
    })
    .await;
    assert!(query(&root, ".sf-help__toc").is_none() || text_of(&root).contains("On this page"));
    let heard: Rc<RefCell<Option<ChatRequest>>> = Rc::default();
    let keep = heard.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        *keep.borrow_mut() = ChatRequest::from_event(&event);
    });
    document()
        .add_event_listener_with_callback(ChatRequest::NAME, listener.as_ref().unchecked_ref())
        .unwrap();
    query(&root, ".sf-help__escalate button").unwrap().click();
    document()
        .remove_event_listener_with_callback(ChatRequest::NAME, listener.as_ref().unchecked_ref())
        .unwrap();
    let request = heard.borrow().clone().expect("the page heard the request");
    assert_eq!(request.article_slug.as_deref(), Some("refund-timing"));
    assert_eq!(
        request.article_title.as_deref(),
        Some("When will I get my refund?")
    );
}
