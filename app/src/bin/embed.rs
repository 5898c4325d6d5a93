//! `sf-embed`: the bundle merchants load. It registers every element of
//! `sf_app::embed::ELEMENTS` and nothing else (no router, no desk).
//!
//! `embed/storefront-support.js` (the one script tag) loads this module and calls
//! [`start`] with the folder it was loaded from, which is where the API lives by default.

use sf_app::embed::{self, MountedComponent, SupportElement};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/embed/define_element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineSupportElement)]
    fn define_support_element(
        name: &str,
        observed_attributes: js_sys::Array,
        css: &str,
        mount: &Closure<dyn Fn(web_sys::HtmlElement, web_sys::HtmlElement) -> MountedElement>,
    );
}

/// A component living in one custom element; JavaScript holds it and frees it on disconnect.
#[wasm_bindgen]
pub struct MountedElement(MountedComponent);

#[wasm_bindgen]
impl MountedElement {
    /// Passes a changed attribute on to the component's props.
    pub fn attribute_changed(&self, name: String, value: Option<String>) {
        self.0.attributes.set(&name, value);
    }
}

/// Registers the custom elements. `default_api_base` is used by elements without `api-base`.
#[wasm_bindgen]
pub fn start(default_api_base: String) {
    console_error_panic_hook::set_once();
    for element in embed::ELEMENTS {
        register(element, default_api_base.clone());
    }
}

fn register(element: &'static SupportElement, default_api_base: String) {
    let observed: js_sys::Array = element
        .observed_attributes()
        .map(JsValue::from_str)
        .collect();
    let mount =
        Closure::<dyn Fn(web_sys::HtmlElement, web_sys::HtmlElement) -> MountedElement>::new(
            move |host, container| {
                MountedElement(embed::mount(element, &host, container, &default_api_base))
            },
        );
    define_support_element(element.name, observed, &element.stylesheet(), &mount);
    // The registry keeps calling it for as long as the page lives.
    mount.forget();
}

fn main() {}
