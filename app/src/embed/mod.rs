//! The custom elements merchants drop into their pages, one WebAssembly module each.
//!
//! `storefront-support.js` (the one script tag) defines every `<sf-…>` tag at once and
//! fetches an element's module only when such an element first appears in the document.
//! A module (`src/bin/<tag>.rs`) is one [`element_module!`] line: it exports `stylesheet()`
//! and `mount(host, container, api_base)`, which renders the component in the element's
//! shadow root with its attributes (`api-base`, `locale`, `theme`, and the component's own,
//! from its [`ElementDeclaration`]) mapped to reactive props.

use leptos::prelude::*;
use sf_components::elements::{common_attribute, ElementDeclaration, BASE_STYLESHEETS};
use sf_components::{Locale, SupportRoot};
use std::any::Any;

/// Makes the binary it is used in the wasm module of one element: `$element` is its
/// [`ElementDeclaration`], `$render` a `fn(ElementAttributes) -> AnyView` drawing its
/// component (inside the [`SupportRoot`] the element provides).
///
/// `[(A, render_a), (B, render_b)]` makes one module for several elements (each other
/// element's declaration names the first in its `module`): `mount` draws the component of the
/// host's tag, and `stylesheet()` holds every one of their sheets once.
#[macro_export]
macro_rules! element_module {
    ($element:expr, $render:expr) => {
        $crate::element_module!([($element, $render)]);
    };
    ([$(($element:expr, $render:expr)),+ $(,)?]) => {
        /// A component living in one custom element; the loader holds it and frees it when
        /// the element leaves the document.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub struct MountedElement($crate::embed::MountedComponent);

        #[wasm_bindgen::prelude::wasm_bindgen]
        impl MountedElement {
            /// Passes a changed attribute on to the component's props.
            pub fn attribute_changed(&self, name: String, value: Option<String>) {
                self.0.attributes.set(&name, value);
            }
        }

        /// The elements this module mounts, each with the function drawing its component.
        const ELEMENTS: &[$crate::embed::ElementRenderer] = &[$((
            &$element,
            $render as fn($crate::embed::ElementAttributes) -> leptos::prelude::AnyView,
        )),+];

        /// The CSS of the elements' shadow roots, adopted once per page by the loader.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn stylesheet() -> String {
            $crate::embed::stylesheet_of(ELEMENTS)
        }

        /// Renders the host's component into `container`, inside `host`'s shadow root;
        /// elements without `api-base` talk to `default_api_base`.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(
            host: web_sys::HtmlElement,
            container: web_sys::HtmlElement,
            default_api_base: String,
        ) -> MountedElement {
            let (element, render) = $crate::embed::renderer_of(ELEMENTS, &host);
            MountedElement($crate::embed::mount(
                element,
                render,
                &host,
                container,
                &default_api_base,
            ))
        }

        fn main() {}
    };
}

/// An element a module mounts, and the function drawing its component.
pub type ElementRenderer = (
    &'static ElementDeclaration,
    fn(ElementAttributes) -> AnyView,
);

/// The renderer of `host`'s tag (the first one when the loader hands a module a tag it does
/// not mount, which its table never does).
pub fn renderer_of(
    elements: &'static [ElementRenderer],
    host: &web_sys::HtmlElement,
) -> (
    &'static ElementDeclaration,
    fn(ElementAttributes) -> AnyView,
) {
    let tag = host.local_name();
    let (element, render) = elements
        .iter()
        .find(|(element, _)| element.tag == tag)
        .unwrap_or(&elements[0]);
    (element, *render)
}

/// The stylesheet of a module: the base sheets, then each element's, every file once (the
/// loader adopts one sheet per module; for one element it is its own
/// [`stylesheet`](ElementDeclaration::stylesheet)).
pub fn stylesheet_of(elements: &[ElementRenderer]) -> String {
    let mut included: Vec<&str> = Vec::new();
    let sheets = BASE_STYLESHEETS
        .iter()
        .chain(elements.iter().flat_map(|(element, _)| element.stylesheets));
    let mut css = Vec::new();
    for sheet in sheets {
        if !included.contains(&sheet.file) {
            included.push(sheet.file);
            css.push(sheet.text);
        }
    }
    css.join("\n")
}

/// One of an element's own attributes: its name and its value (`None` when absent).
type OwnAttribute = (&'static str, RwSignal<Option<String>>);

/// An element's attributes as signals, so a change re-renders only what depends on it.
#[derive(Clone, Copy, Debug)]
pub struct ElementAttributes {
    default_api_base: StoredValue<String>,
    /// `api-base`: where the support API is; defaults to where the bundle was loaded from.
    pub api_base: RwSignal<String>,
    /// `locale`: `en`, `es` or `ar`; defaults to the page's `<html lang>`, then English.
    pub locale: RwSignal<Locale>,
    /// `theme`: becomes the class `sf-theme-<name>`.
    pub theme: RwSignal<Option<String>>,
    /// The element's own attributes, one signal each, in declaration order.
    own: StoredValue<Vec<OwnAttribute>>,
}

impl ElementAttributes {
    /// Reads the attributes of `host`.
    pub fn read(
        element: &ElementDeclaration,
        host: &web_sys::HtmlElement,
        default_api_base: &str,
    ) -> Self {
        let attributes = Self {
            default_api_base: StoredValue::new(default_api_base.to_owned()),
            api_base: RwSignal::new(String::new()),
            locale: RwSignal::new(Locale::En),
            theme: RwSignal::new(None),
            own: StoredValue::new(
                element
                    .attributes
                    .iter()
                    .map(|name| (*name, RwSignal::new(None)))
                    .collect(),
            ),
        };
        for name in element.observed_attributes() {
            attributes.set(name, host.get_attribute(name));
        }
        attributes
    }

    /// Applies a changed attribute (`None` when it was removed).
    pub fn set(&self, name: &str, value: Option<String>) {
        match name {
            common_attribute::API_BASE => self.api_base.set(
                value
                    .filter(|base| !base.trim().is_empty())
                    .unwrap_or_else(|| self.default_api_base.get_value()),
            ),
            common_attribute::LOCALE => self.locale.set(
                value
                    .as_deref()
                    .and_then(Locale::from_tag)
                    .or_else(page_locale)
                    .unwrap_or_default(),
            ),
            common_attribute::THEME => self.theme.set(value),
            own => {
                if let Some(signal) = self.own_signal(own) {
                    // `setAttribute` with the same value still calls back: only a real
                    // change may reach the component (a signed link is not opened twice).
                    signal.maybe_update(|current| {
                        let changed = *current != value;
                        if changed {
                            *current = value;
                        }
                        changed
                    });
                }
            }
        }
    }

    /// One of the element's own attributes (always `None` for a name the element does not
    /// declare); only a change of *this* attribute reaches the component.
    pub fn attribute(&self, name: &'static str) -> Signal<Option<String>> {
        self.own_signal(name)
            .map(Signal::from)
            .unwrap_or_else(|| Signal::stored(None))
    }

    fn own_signal(&self, name: &str) -> Option<RwSignal<Option<String>>> {
        self.own.with_value(|own| {
            own.iter()
                .find(|(own_name, _)| *own_name == name)
                .map(|(_, signal)| *signal)
        })
    }
}

fn page_locale() -> Option<Locale> {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag))
}

/// A component mounted in an element; dropping it unmounts the component and frees its state.
pub struct MountedComponent {
    /// The element's attributes, for `attributeChangedCallback`.
    pub attributes: ElementAttributes,
    _mounted: Box<dyn Any>,
}

/// Renders `element`'s component into `container` (a node inside the host's shadow root).
pub fn mount(
    element: &ElementDeclaration,
    render: fn(ElementAttributes) -> AnyView,
    host: &web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    default_api_base: &str,
) -> MountedComponent {
    let owner = Owner::new();
    let (attributes, mounted) = owner.with(|| {
        let attributes = ElementAttributes::read(element, host, default_api_base);
        let mounted = leptos::mount::mount_to(container, move || {
            view! {
                <SupportRoot api_base=attributes.api_base locale=attributes.locale theme=attributes.theme>
                    {render(attributes)}
                </SupportRoot>
            }
        });
        (attributes, mounted)
    });
    MountedComponent {
        attributes,
        _mounted: Box::new((mounted, owner)),
    }
}
