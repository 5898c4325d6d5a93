//! Helpers shared by the component test files: a container to mount into, waiting for
//! the DOM, and the address of the real API `cargo xtask test` started.

#![allow(dead_code)] // each test file uses its own subset

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The API the tests talk to; set by `cargo xtask test`.
pub fn api_base() -> String {
    match option_env!("SF_TEST_API_BASE") {
        Some(base) => base.to_owned(),
        None => {
            panic!("SF_TEST_API_BASE is unset: run the component tests with `cargo xtask test`")
        }
    }
}

/// The customer-id secret of the API `cargo xtask test` started.
pub fn customer_secret() -> &'static str {
    match option_env!("SF_TEST_CUSTOMER_SECRET") {
        Some(secret) => secret,
        None => panic!(
            "SF_TEST_CUSTOMER_SECRET is unset: run the component tests with `cargo xtask test`"
        ),
    }
}

/// A mounted component; dropping it unmounts the component, so each test leaves the page as
/// it found it.
pub struct Mounted(pub Box<dyn std::any::Any>);

/// Mounts `component` in a fresh container, inside a `SupportRoot` that talks to the test
/// API in English; returns the container to query and the mount to keep alive.
pub fn mount_with_api<V: IntoView + 'static>(
    component: impl FnOnce() -> V + Send + 'static,
) -> (HtmlElement, Mounted) {
    let root = container();
    let base = api_base();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        // What the tracker's, the chat's and the returns' binaries provide; here their
        // parts are compiled in.
        sf_components::provide_whole_tracker!();
        sf_components::provide_conversation!();
        sf_components::provide_whole_returns!();
        sf_components::provide_review_form!();
        view! {
            <sf_components::SupportRoot api_base=base locale=sf_components::Locale::En>
                {component()}
            </sf_components::SupportRoot>
        }
    });
    (root, Mounted(Box::new(mounted)))
}

/// A fresh element in the page to mount into.
pub fn container() -> HtmlElement {
    let element: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

pub async fn sleep(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 10 s) for `condition`, failing with `what` if it never holds.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

pub fn text_of(element: &HtmlElement) -> String {
    element.text_content().unwrap_or_default()
}

pub fn query(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|element| element.unchecked_into())
}

/// Whether `element` has the focus.
pub fn is_focused(element: &HtmlElement) -> bool {
    document()
        .active_element()
        .is_some_and(|active| active == **element)
}

/// Sets a field's value and tells the page, as typing does.
pub fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let field = query(root, selector).unwrap();
    js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Presses `key` on `element` (a `keydown` that bubbles).
pub fn press(element: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Every element of `root` matching `selector`, in document order.
pub fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .filter_map(|at| found.item(at))
        .map(|node| node.unchecked_into())
        .collect()
}

/// The value of `element`'s attribute `name`; empty when it has none.
pub fn attribute(element: &HtmlElement, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

/// Picks the option with `value` in the `<select>` matching `selector`, as a person does.
pub fn select(root: &HtmlElement, selector: &str, value: &str) {
    let field = query(root, selector).unwrap();
    js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
    field
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}
