//! The typed page events in headless Chromium: what a component dispatches is what the
//! merchant's page receives, and reads back as the same value.

#![cfg(target_arch = "wasm32")]

mod common;

use common::container;
use leptos::prelude::*;
use sf_components::events::{dispatch, ChatRequest, PageEvent};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the page's listener saw: the typed value, whether it was composed, the raw detail.
type Received = (Option<ChatRequest>, bool, JsValue);

#[wasm_bindgen_test]
fn a_chat_request_bubbles_to_the_page_composed_and_reads_back_typed() {
    let inner = document().create_element("button").unwrap();
    container().append_child(&inner).unwrap();
    let received: Rc<RefCell<Vec<Received>>> = Rc::default();
    let listener = {
        let received = received.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let detail = event
                .dyn_ref::<web_sys::CustomEvent>()
                .map(|custom| custom.detail())
                .unwrap_or(JsValue::UNDEFINED);
            received
                .borrow_mut()
                .push((ChatRequest::from_event(&event), event.composed(), detail));
        })
    };
    document()
        .add_event_listener_with_callback(ChatRequest::NAME, listener.as_ref().unchecked_ref())
        .unwrap();

    let request = ChatRequest {
        order_token: Some("order-token".into()),
        ..ChatRequest::about_order("SF-1004")
    };
    assert!(dispatch(&inner, &request));

    let received = received.borrow();
    assert_eq!(
        received.len(),
        1,
        "the event bubbled up to the document once"
    );
    let (typed, composed, detail) = &received[0];
    assert_eq!(typed.as_ref(), Some(&request));
    assert!(composed, "composed, so it leaves an element's shadow root");
    // The page's scripts read plain fields.
    let order = js_sys::Reflect::get(detail, &"orderNumber".into()).unwrap();
    assert_eq!(order.as_string().as_deref(), Some("SF-1004"));
    let token = js_sys::Reflect::get(detail, &"orderToken".into()).unwrap();
    assert_eq!(token.as_string().as_deref(), Some("order-token"));
    document()
        .remove_event_listener_with_callback(ChatRequest::NAME, listener.as_ref().unchecked_ref())
        .unwrap();
}

#[wasm_bindgen_test]
fn another_event_or_a_foreign_detail_is_not_a_chat_request() {
    let other = web_sys::Event::new("click").unwrap();
    assert_eq!(ChatRequest::from_event(&other), None);
    assert_eq!(
        ChatRequest::from_detail(&JsValue::from_str("SF-1004")),
        None
    );
}
