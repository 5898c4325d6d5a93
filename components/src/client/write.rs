//! Request bodies written with the browser's `JSON.stringify`, by hand.
//!
//! The counterpart of [`super::read`]: serde_json's writer and the derived serializers were
//! a kilobyte of every module with a form, for five small flat bodies. Each body lists its
//! fields as the server's types name them (`sf_api`; the server rejects unknown fields, so a
//! misspelt name fails the component and end-to-end tests at once).

use sf_api::agent::SignInRequest;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
use sf_api::tracking::{NotificationPreferences, OrderLookupRequest};
use wasm_bindgen::JsValue;

/// A request body the client sends.
pub(crate) trait ToJson {
    /// Each field's name and value.
    fn fields(&self) -> Vec<(&'static str, JsValue)>;
}

/// `body` as JSON text; `None` only if the browser refused to write it.
pub(crate) fn to_json(body: &impl ToJson) -> Option<String> {
    js_sys::JSON::stringify(&object(body)?).ok()?.as_string()
}

/// `body` as a JavaScript object, to write on its own or inside another body.
pub(crate) fn object(body: &impl ToJson) -> Option<JsValue> {
    let object = js_sys::Object::new();
    for (name, value) in body.fields() {
        js_sys::Reflect::set(&object, &JsValue::from_str(name), &value).ok()?;
    }
    Some(object.into())
}

pub(crate) fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

/// `null` for a field left out, as serde writes `None`.
pub(crate) fn maybe_text(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, text)
}

pub(crate) fn integer(value: i64) -> JsValue {
    // The API's integers (seconds since 1970, ids, sequence numbers) are far inside a
    // double's exact integers.
    JsValue::from_f64(value as f64)
}

impl ToJson for OrderLookupRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("order_number", text(&self.order_number)),
            ("email", text(&self.email)),
        ]
    }
}

impl ToJson for SignedOrderLink {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("order_number", text(&self.order_number)),
            ("expires", integer(self.expires)),
            ("signature", text(&self.signature)),
        ]
    }
}

impl ToJson for SignedCustomer {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("customer_id", text(&self.customer_id)),
            ("expires", integer(self.expires)),
            ("signature", text(&self.signature)),
        ]
    }
}

impl ToJson for NotificationPreferences {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("email", maybe_text(&self.email)),
            ("sms", maybe_text(&self.sms)),
        ]
    }
}

impl ToJson for SignInRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("email", text(&self.email)),
            ("password", text(&self.password)),
        ]
    }
}
