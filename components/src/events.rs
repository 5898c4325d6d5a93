//! What components tell the page, and each other: bubbling, composed `CustomEvent`s named
//! `sf-…`, as typed Rust values with one conversion each way. A merchant listens with
//! `addEventListener("sf-chat-request", …)`; a component dispatches and reads them through
//! [`dispatch`] and [`PageEvent::from_event`], never by building a `CustomEvent` by hand.

use leptos::prelude::{document, on_cleanup};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// An event a component sends to the page.
pub trait PageEvent: Sized {
    /// The DOM event name (`sf-…`).
    const NAME: &'static str;

    /// The event's `detail` as a plain JavaScript object, for the page's scripts.
    fn to_detail(&self) -> js_sys::Object;

    /// The value back from a `detail`; `None` when it does not have this event's shape.
    fn from_detail(detail: &JsValue) -> Option<Self>;

    /// The value carried by a DOM event of this kind (`None` for any other event).
    fn from_event(event: &web_sys::Event) -> Option<Self> {
        if event.type_() != Self::NAME {
            return None;
        }
        Self::from_detail(&event.dyn_ref::<web_sys::CustomEvent>()?.detail())
    }
}

/// Sends `event` from `target`: it bubbles, and `composed` lets it out of the element's
/// shadow root to the merchant's page. Returns whether it was dispatched.
pub fn dispatch<E: PageEvent>(target: &web_sys::EventTarget, event: &E) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&event.to_detail());
    web_sys::CustomEvent::new_with_event_init_dict(E::NAME, &init)
        .is_ok_and(|custom| target.dispatch_event(custom.unchecked_ref()).is_ok())
}

/// Calls `handler` with each `E` that reaches the document, while the calling component
/// lives: the listener is removed when the component is cleaned up.
pub fn listen_on_document<E: PageEvent + 'static>(handler: impl Fn(E) + 'static) {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(value) = E::from_event(&event) {
            handler(value);
        }
    });
    let _ = document().add_event_listener_with_callback(E::NAME, listener.as_ref().unchecked_ref());
    // The browser has one thread: the listener never leaves it.
    let listener = SendWrapper::new(listener);
    on_cleanup(move || {
        let _ = document()
            .remove_event_listener_with_callback(E::NAME, listener.as_ref().unchecked_ref());
    });
}

/// `sf-chat-request`: the shopper asked to talk to the store about something the page
/// already knows, so the chat opens with it attached and nobody types it again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChatRequest {
    /// The order the shopper was looking at (`detail.orderNumber`).
    pub order_number: Option<String>,
    /// The help article the shopper was reading (`detail.articleSlug`).
    pub article_slug: Option<String>,
    /// The tracker's token for that order (`detail.orderToken`): it identifies the shopper,
    /// so the chat does not ask for their email.
    pub order_token: Option<String>,
    /// The title of that article (`detail.articleTitle`), for the chat to show.
    pub article_title: Option<String>,
    /// What the shopper searched the help centre for, oldest first (`detail.searches`).
    pub searches: Vec<String>,
}

impl ChatRequest {
    /// A request about an order.
    pub fn about_order(order_number: impl Into<String>) -> Self {
        Self {
            order_number: Some(order_number.into()),
            ..Self::default()
        }
    }
}

/// Sets `key` on `object` when there is a value.
fn set_text(object: &js_sys::Object, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = js_sys::Reflect::set(object, &key.into(), &value.into());
    }
}

/// The text at `key` of `object`, if it is a string.
fn text_at(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &key.into()).ok()?.as_string()
}

impl PageEvent for ChatRequest {
    const NAME: &'static str = "sf-chat-request";

    fn to_detail(&self) -> js_sys::Object {
        let detail = js_sys::Object::new();
        set_text(&detail, "orderNumber", self.order_number.as_deref());
        set_text(&detail, "articleSlug", self.article_slug.as_deref());
        set_text(&detail, "articleTitle", self.article_title.as_deref());
        set_text(&detail, "orderToken", self.order_token.as_deref());
        if !self.searches.is_empty() {
            let searches: js_sys::Array = self.searches.iter().map(JsValue::from).collect();
            let _ = js_sys::Reflect::set(&detail, &"searches".into(), &searches);
        }
        detail
    }

    fn from_detail(detail: &JsValue) -> Option<Self> {
        if !detail.is_object() {
            return None;
        }
        Some(Self {
            order_number: text_at(detail, "orderNumber"),
            article_slug: text_at(detail, "articleSlug"),
            article_title: text_at(detail, "articleTitle"),
            order_token: text_at(detail, "orderToken"),
            searches: js_sys::Reflect::get(detail, &"searches".into())
                .ok()
                .and_then(|searches| searches.dyn_into::<js_sys::Array>().ok())
                .map(|searches| {
                    searches
                        .iter()
                        .filter_map(|search| search.as_string())
                        .collect()
                })
                .unwrap_or_default(),
        })
    }
}

/// `sf-review-submitted`: a shopper's review of a product was accepted (published or held for
/// moderation), so listings of that product on the page read their reviews again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewSubmitted {
    /// The product's SKU (`detail.product`).
    pub product: String,
}

impl PageEvent for ReviewSubmitted {
    const NAME: &'static str = "sf-review-submitted";

    fn to_detail(&self) -> js_sys::Object {
        let detail = js_sys::Object::new();
        set_text(&detail, "product", Some(&self.product));
        detail
    }

    fn from_detail(detail: &JsValue) -> Option<Self> {
        Some(Self {
            product: text_at(detail, "product")?,
        })
    }
}
