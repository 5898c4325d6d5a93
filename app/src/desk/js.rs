//! A few dynamic calls into the browser, for the APIs the desk feature-detects (the camera,
//! the QR reader) and for `Intl`: `web-sys` bindings would need features (and some do not
//! exist yet), and a missing API must not stop the desk.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A property of a JavaScript value (`undefined` when it has none, or is not an object).
pub(super) fn property(target: &JsValue, name: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property, ignoring a refusal (a frozen object changes nothing we rely on).
pub(super) fn set_property(target: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), value);
}

/// Calls `target.method(...args)`; `None` when there is no such method or it throws.
pub(super) fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Option<JsValue> {
    let function: js_sys::Function = property(target, method).dyn_into().ok()?;
    let args: js_sys::Array = args.iter().copied().collect();
    function.apply(target, &args).ok()
}

/// `new constructor(...args)`, where `constructor` is a global's name; `None` when the
/// browser has no such global or the constructor throws (an option it does not know).
pub(super) fn construct(constructor: &str, args: &[&JsValue]) -> Option<JsValue> {
    let global: JsValue = js_sys::global().into();
    let constructor: js_sys::Function = constructor
        .split('.')
        .fold(global, |target, name| property(&target, name))
        .dyn_into()
        .ok()?;
    let args: js_sys::Array = args.iter().copied().collect();
    js_sys::Reflect::construct(&constructor, &args).ok()
}

/// What a promise resolves to; `None` when it is not one or it rejects.
pub(super) async fn settle(promise: JsValue) -> Option<JsValue> {
    let promise: js_sys::Promise = promise.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}
