//! `LiveChat` in headless Chromium against the real API `cargo xtask test` started: the
//! launcher and pane's keyboard behaviour, the always-present log, the pre-chat form's
//! errors, and a conversation started and acknowledged over the socket.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{mount_with_api, query, text_of, wait_until, Mounted};
use leptos::prelude::*;
use sf_components::LiveChat;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A chat with no conversation kept from an earlier test.
fn mount_chat() -> (HtmlElement, Mounted) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.clear();
    }
    mount_with_api(|| view! { <LiveChat /> })
}

fn is_focused(element: &HtmlElement) -> bool {
    document()
        .active_element()
        .is_some_and(|active| active == **element)
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let field = query(root, selector).unwrap();
    js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn press(element: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_launcher_opens_the_dialog_and_escape_closes_it_returning_focus() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    let launcher = query(&root, "button.sf-launcher[data-sf-launcher]").expect("a launcher");
    assert!(text_of(&launcher).contains("Chat with us"));
    assert_eq!(
        launcher.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let pane = query(&root, "[role=dialog]").expect("a dialog");
    assert!(pane.hidden(), "closed at first");
    assert_eq!(
        launcher.get_attribute("aria-controls"),
        pane.get_attribute("id")
    );
    let heading_id = pane.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        text_of(&query(&pane, &format!("#{heading_id}")).unwrap()),
        "Chat with us"
    );

    launcher.click();
    wait_until("the pane open", || !pane.hidden()).await;
    assert_eq!(
        launcher.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let name = query(&pane, "#sf-chat-name").unwrap();
    wait_until("focus on the first pre-chat field", || is_focused(&name)).await;

    press(&name, "Escape");
    wait_until("the pane closed", || pane.hidden()).await;
    assert!(is_focused(&launcher), "focus back on the launcher");
}

#[wasm_bindgen_test]
async fn the_log_is_there_before_any_message() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    let log = query(&root, "[role=log]").expect("a log region from the start");
    assert_eq!(text_of(&log), "");
    assert!(query(&root, "[role=status]").is_some());
}

#[wasm_bindgen_test]
async fn an_empty_first_message_is_explained_by_the_error_summary() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    query(&root, ".sf-launcher").unwrap().click();
    leptos::task::tick().await;
    type_into(&root, "#sf-chat-email", "ada@example.com");
    query(&root, ".sf-chat__prechat button[type=submit]")
        .unwrap()
        .click();
    leptos::task::tick().await;
    let summary = query(&root, ".sf-error-summary").expect("an error summary");
    assert!(
        text_of(&summary).contains("Enter a message"),
        "{}",
        text_of(&summary)
    );
    let message = query(&root, "#sf-chat-first-message").unwrap();
    assert_eq!(
        message.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_started_conversation_shows_the_message_sent_once_acknowledged() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    query(&root, ".sf-launcher").unwrap().click();
    leptos::task::tick().await;
    type_into(&root, "#sf-chat-name", "Ada");
    type_into(&root, "#sf-chat-email", "ada@example.com");
    type_into(&root, "#sf-chat-first-message", "Where is my parcel?");
    query(&root, ".sf-chat__prechat button[type=submit]")
        .unwrap()
        .click();
    let log = query(&root, "[role=log]").unwrap();
    wait_until("the first message in the log", || {
        text_of(&log).contains("Where is my parcel?")
    })
    .await;
    let box_ = query(&root, "#sf-chat-message").expect("the message box");
    type_into(&root, "#sf-chat-message", "Order SF-1004, please.");
    let form: HtmlElement = box_.closest("form").unwrap().unwrap().unchecked_into();
    query(&form, "button[type=submit]").unwrap().click();
    wait_until("the second message acknowledged", || {
        let messages = log.query_selector_all(".sf-chat__message").unwrap();
        messages.length() == 2
            && messages
                .item(1)
                .and_then(|last| last.text_content())
                .is_some_and(|text| {
                    text.contains("Order SF-1004, please.") && text.contains("Sent")
                })
    })
    .await;
}
