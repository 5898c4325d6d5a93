//! `LiveChat` in headless Chromium against the real API `cargo xtask test` started: the
//! launcher and pane's keyboard behaviour, the always-present log, the pre-chat form's
//! errors, a conversation started and acknowledged over the socket, and an image sent.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{is_focused, mount_with_api, press, query, text_of, type_into, wait_until, Mounted};
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
    // The conversation's messages go into that same element.
    let started = start_conversation(&root).await;
    assert!(started.is_same_node(Some(&log)));
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

/// Opens the pane and starts a conversation; the log once the first message is in it.
async fn start_conversation(root: &HtmlElement) -> HtmlElement {
    query(root, ".sf-launcher").unwrap().click();
    leptos::task::tick().await;
    type_into(root, "#sf-chat-name", "Ada");
    type_into(root, "#sf-chat-email", "ada@example.com");
    type_into(root, "#sf-chat-first-message", "Where is my parcel?");
    query(root, ".sf-chat__prechat button[type=submit]")
        .unwrap()
        .click();
    wait_until("the log with the first message", || {
        query(root, "[role=log]").is_some_and(|log| text_of(&log).contains("Where is my parcel?"))
    })
    .await;
    query(root, "[role=log]").unwrap()
}

#[wasm_bindgen_test]
async fn a_started_conversation_shows_the_message_sent_once_acknowledged() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    let log = start_conversation(&root).await;
    assert!(query(&root, "[role=status]").is_some());
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

/// Picks `bytes` as the file `name` of type `media_type` in the image picker, as a browser
/// does after the shopper chose it.
fn pick_file(root: &HtmlElement, name: &str, media_type: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(media_type);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let picker: web_sys::HtmlInputElement = query(root, "#sf-chat-image").unwrap().unchecked_into();
    picker.set_files(transfer.files().as_ref());
    picker
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// A 1×1 PNG.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";

#[wasm_bindgen_test]
async fn a_picked_image_is_sent_and_shown_with_a_text_alternative() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    let log = start_conversation(&root).await;
    let picker = query(&root, "#sf-chat-image").expect("an image picker");
    let label = query(&root, "label[for=sf-chat-image]").unwrap();
    assert_eq!(text_of(&label), "Add an image (optional)");
    assert!(picker
        .get_attribute("aria-describedby")
        .is_some_and(|ids| ids.contains("sf-chat-image-hint")));

    pick_file(&root, "box.png", "image/png", PNG);
    wait_until("the image in the log", || {
        query(&log, ".sf-chat__image img").is_some_and(|image| {
            image.get_attribute("alt").as_deref() == Some("Your image (opens in a new tab)")
        })
    })
    .await;

    // Too large for the server: said before anything is sent.
    pick_file(
        &root,
        "huge.png",
        "image/png",
        &vec![0; 5 * 1024 * 1024 + 1],
    );
    leptos::task::tick().await;
    let error = query(&root, "#sf-chat-image-error").expect("an error for the picker");
    assert!(text_of(&error).contains("Choose an image of 5 MB or less"));
    assert_eq!(
        picker.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        log.query_selector_all(".sf-chat__image").unwrap().length(),
        1
    );
}

#[wasm_bindgen_test]
async fn the_sound_is_off_until_the_shopper_turns_it_on_and_is_remembered() {
    let (root, _mounted) = mount_chat();
    leptos::task::tick().await;
    start_conversation(&root).await;
    let switch = query(&root, "button.sf-chat__sound").expect("a sound switch");
    assert_eq!(text_of(&switch), "Sound for new messages");
    assert_eq!(
        switch.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    switch.click();
    leptos::task::tick().await;
    assert_eq!(
        switch.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let kept = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("sf-live-chat:sound")
        .unwrap();
    assert_eq!(kept.as_deref(), Some("on"));
    switch.click();
    leptos::task::tick().await;
    assert_eq!(
        switch.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}
