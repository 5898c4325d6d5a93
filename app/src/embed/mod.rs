//! The custom elements merchants drop into their pages. Each entry of [`ELEMENTS`] becomes
//! `<sf-…>`: a Leptos component rendered in the element's shadow root with its own
//! stylesheet, its attributes (`api-base`, `locale`, `theme`, and the component's own) mapped
//! to reactive props.
//!
//! The glue with the browser's `customElements` registry lives in `src/bin/embed.rs` and
//! `define_element.js`; this module is plain Rust so the portal could reuse it.

use leptos::prelude::*;
use sf_components::{Locale, ServiceStatus, ShipmentTracker, SupportRoot};
use std::any::Any;
use std::collections::BTreeMap;

/// Design tokens and the base rules every element's shadow root starts from.
const BASE_CSS: &str = concat!(
    include_str!("../../../style/tokens.css"),
    include_str!("../../../style/element-base.css"),
);

/// One custom element: its tag name, its stylesheet and what it renders.
pub struct SupportElement {
    /// The tag name, always starting with `sf-`.
    pub name: &'static str,
    /// The component's own CSS, applied after [`BASE_CSS`] inside the shadow root.
    pub css: &'static str,
    /// Attributes of this element besides [`OBSERVED_ATTRIBUTES`], read with
    /// [`ElementAttributes::attribute`].
    pub own_attributes: &'static [&'static str],
    /// Renders the component (inside a [`SupportRoot`] the element provides).
    pub render: fn(ElementAttributes) -> AnyView,
}

impl SupportElement {
    /// The full stylesheet adopted by the element's shadow root.
    pub fn stylesheet(&self) -> String {
        format!("{BASE_CSS}\n{}", self.css)
    }

    /// Every attribute the element observes: the shared ones, then its own.
    pub fn observed_attributes(&self) -> impl Iterator<Item = &'static str> {
        OBSERVED_ATTRIBUTES
            .into_iter()
            .chain(self.own_attributes.iter().copied())
    }
}

/// Every element the embed bundle registers.
pub const ELEMENTS: &[SupportElement] = &[
    SupportElement {
        name: "sf-service-status",
        css: include_str!("../../../style/service-status.css"),
        own_attributes: &[],
        render: |_| view! { <ServiceStatus /> }.into_any(),
    },
    SupportElement {
        name: "sf-shipment-tracker",
        css: concat!(
            include_str!("../../../style/forms.css"),
            include_str!("../../../style/shipment-tracker.css"),
        ),
        // `order` alone pre-fills the lookup; with `expires` and `signature` it is a signed
        // link that opens the order directly. `customer` with those two is a shopper the
        // store signed in: their orders are listed.
        own_attributes: &["order", "expires", "signature", "customer"],
        render: |attributes| {
            view! {
                <ShipmentTracker
                    order=attributes.attribute("order")
                    expires=attributes.attribute("expires")
                    signature=attributes.attribute("signature")
                    customer=attributes.attribute("customer")
                />
            }
            .into_any()
        },
    },
];

/// The attributes every element understands.
pub const OBSERVED_ATTRIBUTES: [&str; 3] = ["api-base", "locale", "theme"];

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
    /// The element's own attributes, by name.
    own: RwSignal<BTreeMap<String, String>>,
}

impl ElementAttributes {
    /// Reads the attributes of `host`.
    pub fn read(
        element: &SupportElement,
        host: &web_sys::HtmlElement,
        default_api_base: &str,
    ) -> Self {
        let attributes = Self {
            default_api_base: StoredValue::new(default_api_base.to_owned()),
            api_base: RwSignal::new(String::new()),
            locale: RwSignal::new(Locale::En),
            theme: RwSignal::new(None),
            own: RwSignal::new(BTreeMap::new()),
        };
        for name in element.observed_attributes() {
            attributes.set(name, host.get_attribute(name));
        }
        attributes
    }

    /// Applies a changed attribute (`None` when it was removed).
    pub fn set(&self, name: &str, value: Option<String>) {
        match name {
            "api-base" => self.api_base.set(
                value
                    .filter(|base| !base.trim().is_empty())
                    .unwrap_or_else(|| self.default_api_base.get_value()),
            ),
            "locale" => self.locale.set(
                value
                    .as_deref()
                    .and_then(Locale::from_tag)
                    .or_else(page_locale)
                    .unwrap_or_default(),
            ),
            "theme" => self.theme.set(value),
            own => self.own.update(|values| match value {
                Some(value) => {
                    values.insert(own.to_owned(), value);
                }
                None => {
                    values.remove(own);
                }
            }),
        }
    }

    /// One of the element's own attributes; a memo, so only a change of *this* attribute
    /// reaches the component.
    pub fn attribute(&self, name: &'static str) -> Signal<Option<String>> {
        let own = self.own;
        Memo::new(move |_| own.with(|values| values.get(name).cloned())).into()
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
    element: &SupportElement,
    host: &web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    default_api_base: &str,
) -> MountedComponent {
    let owner = Owner::new();
    let (attributes, mounted) = owner.with(|| {
        let attributes = ElementAttributes::read(element, host, default_api_base);
        let render = element.render;
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
