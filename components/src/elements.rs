//! The drop-in elements, each declared once: its tag, its own attributes and its CSS.
//!
//! The embed modules (`app/src/bin/sf-*.rs`), the portal's stylesheet and the build
//! (`xtask`, which writes the loader's table of elements) all read these declarations, so a
//! tag, an attribute or a stylesheet is never spelled twice. This file depends on nothing
//! but `core` so that `xtask` can include it as it is.

/// A stylesheet from `style/`, with its text compiled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stylesheet {
    /// Its file name in `style/`, so the portal's build can include each file once.
    pub file: &'static str,
    /// Its CSS.
    pub text: &'static str,
}

/// A stylesheet of `style/` by file name, minified while compiling: every shopper downloads
/// the modules that carry it, and the sources keep their comments.
macro_rules! stylesheet {
    ($file:literal) => {{
        const SOURCE: &str = include_str!(concat!("../../style/", $file));
        const MINIFIED: [u8; minify_css(SOURCE, &mut [])] = {
            let mut bytes = [0; minify_css(SOURCE, &mut [])];
            minify_css(SOURCE, &mut bytes);
            bytes
        };
        Stylesheet {
            file: $file,
            text: match core::str::from_utf8(&MINIFIED) {
                Ok(text) => text,
                Err(_) => panic!(concat!($file, " is not UTF-8 once minified")),
            },
        }
    }};
}

/// Writes `css` without comments and with each run of whitespace cut to one space, or to
/// none next to `{`, `}`, `;` and `,`, into `out` (when it is long enough), and returns the
/// minified length. Whitespace inside quoted strings is kept. A `const fn`, so the
/// stylesheets are minified by the compiler and `xtask` (which includes this file) needs no
/// minifier of its own.
pub const fn minify_css(css: &str, out: &mut [u8]) -> usize {
    let css = css.as_bytes();
    let (mut at, mut written) = (0, 0);
    let mut quote = 0_u8;
    let (mut pending_space, mut previous) = (false, 0_u8);
    while at < css.len() {
        let byte = css[at];
        if quote != 0 {
            if byte == b'\\' && at + 1 < css.len() {
                // An escaped character, even a quote, stays in the string.
                written = put(out, written, byte);
                at += 1;
                written = put(out, written, css[at]);
                at += 1;
                continue;
            }
            if byte == quote {
                quote = 0;
            }
        } else if byte == b'/' && at + 1 < css.len() && css[at + 1] == b'*' {
            at += 2;
            while at + 1 < css.len() && !(css[at] == b'*' && css[at + 1] == b'/') {
                at += 1;
            }
            at += 2;
            // A comment between two words keeps them apart (`0/**/auto`); anywhere else
            // it separates nothing (`.b/**/.c` is `.b.c`).
            if !pending_space && at < css.len() && is_name_byte(previous) && is_name_byte(css[at]) {
                let mut byte_of_comment = 0;
                while byte_of_comment < 4 {
                    written = put(out, written, b"/**/"[byte_of_comment]);
                    byte_of_comment += 1;
                }
            }
            continue;
        } else if byte.is_ascii_whitespace() {
            pending_space = true;
            at += 1;
            continue;
        } else if byte == b'"' || byte == b'\'' {
            quote = byte;
        }
        if pending_space && written > 0 && !is_tight(byte) && !is_tight(previous) {
            written = put(out, written, b' ');
        }
        pending_space = false;
        written = put(out, written, byte);
        previous = byte;
        at += 1;
    }
    written
}

/// Whether `byte` can be part of a CSS word (a name or a number).
const fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' || byte >= 0x80
}

/// Whether spaces around `byte` mean nothing in CSS.
const fn is_tight(byte: u8) -> bool {
    matches!(byte, b'{' | b'}' | b';' | b',')
}

/// Writes `byte` at `at` when `out` has room (the first pass only counts), returning the
/// next position.
const fn put(out: &mut [u8], at: usize, byte: u8) -> usize {
    if at < out.len() {
        out[at] = byte;
    }
    at + 1
}

/// Design tokens and base rules; every element's shadow root starts from them.
pub const BASE_STYLESHEETS: &[Stylesheet] =
    &[stylesheet!("tokens.css"), stylesheet!("element-base.css")];

/// The attributes every element understands.
pub mod common_attribute {
    /// Where the support API is; defaults to the server the loader came from.
    pub const API_BASE: &str = "api-base";
    /// `en`, `es` or `ar`; defaults to the page's `<html lang>`, then English.
    pub const LOCALE: &str = "locale";
    /// A theme name; becomes the class `sf-theme-<name>`.
    pub const THEME: &str = "theme";
    /// All of them, in the order the loader observes them.
    pub const ALL: [&str; 3] = [API_BASE, LOCALE, THEME];
}

/// One custom element merchants can drop into a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementDeclaration {
    /// The tag name, always starting with `sf-`; also the name of its wasm module (the
    /// binary `app/src/bin/<tag>.rs`) unless [`module`](Self::module) names another.
    pub tag: &'static str,
    /// Attributes of this element besides [`common_attribute::ALL`].
    pub attributes: &'static [&'static str],
    /// The component's CSS, applied after [`BASE_STYLESHEETS`] inside the shadow root.
    pub stylesheets: &'static [Stylesheet],
    /// A button the loader paints before the module is fetched, for elements that start as
    /// one (the chat): the module then loads on intent instead of at once.
    pub launcher: Option<Launcher>,
    /// The tag of another element whose module also mounts this one, for elements that
    /// live on the same page (a product's reviews and its review form): one download and
    /// one runtime for both. `None`: the element has its own module.
    pub module: Option<&'static str>,
}

/// A launcher the loader paints from CSS alone, so a page pays for the element's module only
/// when the shopper shows intent (hovers, focuses or clicks it), or at idle time with the
/// element's `preload` attribute. The component draws the same button (same class, same
/// stylesheet) once mounted; the loader then moves focus to it if the placeholder had it,
/// and passes on a click that came while the module was on its way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Launcher {
    /// The button's accessible name in English, Spanish and Arabic, before the module's
    /// catalogue is there.
    pub labels: [&'static str; 3],
    /// Its CSS, after [`BASE_STYLESHEETS`]'s tokens; also one of the element's stylesheets.
    pub stylesheet: Stylesheet,
    /// Page events (`sf-…`) that count as intent: the loader fetches the module when one is
    /// dispatched before it is there, and dispatches it again on `document` once mounted,
    /// so the component that listens for it does not miss it.
    pub wakes_on: &'static [&'static str],
}

/// The attribute that asks the loader to fetch a launcher's module at idle time.
pub const PRELOAD: &str = "preload";

/// The CSS of progress steps (an order's packages, a return), shared by the components
/// that show them.
pub const STEPS_STYLESHEET: Stylesheet = stylesheet!("steps.css");

/// The CSS of launchers, shared by the loader's placeholder and the components.
pub const LAUNCHER_STYLESHEET: Stylesheet = stylesheet!("launcher.css");

impl ElementDeclaration {
    /// Every attribute the element observes: the common ones, then its own.
    pub fn observed_attributes(&self) -> impl Iterator<Item = &'static str> {
        common_attribute::ALL
            .into_iter()
            .chain(self.attributes.iter().copied())
    }

    /// The whole stylesheet of the element's shadow root: base rules, then its own.
    pub fn stylesheet(&self) -> String {
        BASE_STYLESHEETS
            .iter()
            .chain(self.stylesheets)
            .map(|sheet| sheet.text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// `<sf-service-status>`: whether support is online.
pub mod service_status {
    use super::*;

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-service-status",
        attributes: &[],
        stylesheets: &[stylesheet!("service-status.css")],
        launcher: None,
        module: None,
    };
}

/// `<sf-shipment-tracker>`: order lookup, packages, timeline, live updates.
pub mod shipment_tracker {
    use super::*;

    /// Pre-fills the lookup; with [`EXPIRES`] and [`SIGNATURE`], a signed order link that
    /// opens the order directly.
    pub const ORDER: &str = "order";
    /// When the store's signature stops being valid (Unix seconds).
    pub const EXPIRES: &str = "expires";
    /// The store's HMAC over the order (or customer) and [`EXPIRES`].
    pub const SIGNATURE: &str = "signature";
    /// A shopper the store signed in (with [`EXPIRES`] and [`SIGNATURE`]): their orders
    /// are listed.
    pub const CUSTOMER: &str = "customer";

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-shipment-tracker",
        attributes: &[ORDER, EXPIRES, SIGNATURE, CUSTOMER],
        stylesheets: &[
            stylesheet!("forms.css"),
            STEPS_STYLESHEET,
            stylesheet!("shipment-tracker.css"),
        ],
        launcher: None,
        module: None,
    };
}

/// `<sf-live-chat>`: a launcher in the page's corner and a chat pane with the store's agents.
pub mod live_chat {
    use super::*;

    /// Present (any value) to open the pane; removing it closes the pane. Set by the
    /// merchant, or by the loader when the shopper clicked its placeholder launcher.
    pub const OPEN: &str = "open";
    /// Present to have the loader fetch the module before the shopper opens the chat
    /// (handled by the loader; the component ignores it).
    pub const PRELOAD: &str = super::PRELOAD;
    /// A shopper the store signed in (with [`EXPIRES`] and [`SIGNATURE`]): the chat does
    /// not ask for their email.
    pub const CUSTOMER: &str = super::shipment_tracker::CUSTOMER;
    /// When the store's signature stops being valid (Unix seconds).
    pub const EXPIRES: &str = super::shipment_tracker::EXPIRES;
    /// The store's HMAC over [`CUSTOMER`] and [`EXPIRES`].
    pub const SIGNATURE: &str = super::shipment_tracker::SIGNATURE;

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-live-chat",
        attributes: &[OPEN, PRELOAD, CUSTOMER, EXPIRES, SIGNATURE],
        stylesheets: &[
            LAUNCHER_STYLESHEET,
            stylesheet!("forms.css"),
            stylesheet!("live-chat.css"),
        ],
        launcher: Some(Launcher {
            labels: ["Chat with us", "Habla con nosotros", "تحدث معنا"],
            stylesheet: LAUNCHER_STYLESHEET,
            // `events::ChatRequest::NAME` (this file depends on nothing but `core`).
            wakes_on: &["sf-chat-request"],
        }),
        module: None,
    };
}

/// `<sf-help-centre>`: articles by topic, a FAQ, instant search, feedback, and the way to
/// the chat.
pub mod help_centre {
    use super::*;

    /// Opens this article (by slug) instead of the help centre's home.
    pub const ARTICLE: &str = "article";

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-help-centre",
        attributes: &[ARTICLE],
        stylesheets: &[stylesheet!("forms.css"), stylesheet!("help-centre.css")],
        launcher: None,
        module: None,
    };
}

/// `<sf-return-request>`: a shopper finds their order, chooses items, reasons and a refund,
/// store credit or an exchange, sends them back by mail, at a drop-off point or in a shop, and
/// gets an RMA with a label or a QR code; the order's returns show how each is going.
pub mod return_request {
    use super::*;

    /// Pre-fills the lookup; with [`EXPIRES`] and [`SIGNATURE`], a signed order link that
    /// opens the order's returnable items directly.
    pub const ORDER: &str = super::shipment_tracker::ORDER;
    /// When the store's signature stops being valid (Unix seconds).
    pub const EXPIRES: &str = super::shipment_tracker::EXPIRES;
    /// The store's HMAC over the order (or customer) and [`EXPIRES`].
    pub const SIGNATURE: &str = super::shipment_tracker::SIGNATURE;
    /// A shopper the store signed in (with [`EXPIRES`] and [`SIGNATURE`]): their orders are
    /// listed to return from.
    pub const CUSTOMER: &str = super::shipment_tracker::CUSTOMER;

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-return-request",
        attributes: &[ORDER, EXPIRES, SIGNATURE, CUSTOMER],
        stylesheets: &[
            stylesheet!("forms.css"),
            STEPS_STYLESHEET,
            stylesheet!("return-request.css"),
        ],
        launcher: None,
        module: None,
    };
}

/// `<sf-reviews>`: a product's reviews with their rating summary (average, count and a
/// histogram in words), filters (rating, "With photos") and sort, "Was this helpful?" votes,
/// the store's replies, and the page's schema.org JSON-LD for search engines.
pub mod reviews {
    use super::*;

    /// The product's SKU, as the store's catalogue knows it.
    pub const PRODUCT: &str = "product";

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-reviews",
        attributes: &[PRODUCT],
        stylesheets: &[stylesheet!("forms.css"), stylesheet!("reviews.css")],
        launcher: None,
        module: None,
    };
}

/// `<sf-review-form>`: a shopper rates and reviews a product, verified by a delivered order or
/// the review-request link sent after delivery. Mounted by `<sf-reviews>`'s module, so a
/// product page with both downloads one.
pub mod review_form {
    use super::*;

    /// The product's SKU, as the store's catalogue knows it.
    pub const PRODUCT: &str = super::reviews::PRODUCT;
    /// A review request's id (from the link sent after delivery), with [`TOKEN`]: the form
    /// opens already verified.
    pub const REQUEST: &str = "request";
    /// The review request's signed token.
    pub const TOKEN: &str = "token";

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-review-form",
        attributes: &[PRODUCT, REQUEST, TOKEN],
        stylesheets: &[stylesheet!("forms.css"), stylesheet!("review-form.css")],
        launcher: None,
        module: Some(super::reviews::ELEMENT.tag),
    };
}

/// Every element, in the order the loader defines them.
pub const ALL: &[ElementDeclaration] = &[
    reviews::ELEMENT,
    review_form::ELEMENT,
    return_request::ELEMENT,
    help_centre::ELEMENT,
    live_chat::ELEMENT,
    service_status::ELEMENT,
    shipment_tracker::ELEMENT,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn minified(css: &str) -> String {
        let mut out = vec![0; minify_css(css, &mut [])];
        assert_eq!(minify_css(css, &mut out), out.len(), "both passes agree");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn minified_css_keeps_every_rule_and_drops_comments() {
        let css = "/* tokens */\n:root,\n:host {\n  --a: 1px; /* why */\n  box-shadow: 0 0\n    var(--a);\n}\n";
        assert_eq!(
            minified(css),
            ":root,:host{--a: 1px;box-shadow: 0 0 var(--a);}"
        );
    }

    #[test]
    fn minified_css_keeps_selectors_and_strings_apart() {
        let css = ".a :hover > b::after { content: \"a  /* b */\"; }";
        assert_eq!(
            minified(css),
            ".a :hover > b::after{content: \"a  /* b */\";}"
        );
    }

    #[test]
    fn minified_css_keeps_escaped_quotes_and_words_a_comment_separates() {
        let css = ".a::before { content: \"\\\"  /* x */\"; }\n.b/**/.c { margin: 0/**/auto; }";
        assert_eq!(
            minified(css),
            ".a::before{content: \"\\\"  /* x */\";}.b.c{margin: 0/**/auto;}"
        );
    }

    #[test]
    fn every_stylesheet_is_minified() {
        for sheet in BASE_STYLESHEETS
            .iter()
            .chain(ALL.iter().flat_map(|element| element.stylesheets))
        {
            assert!(
                !sheet.text.contains("/*") && !sheet.text.contains('\n'),
                "{}",
                sheet.file
            );
        }
    }

    #[test]
    fn tags_are_unique_and_prefixed() {
        for (index, element) in ALL.iter().enumerate() {
            assert!(element.tag.starts_with("sf-"), "{}", element.tag);
            assert!(
                ALL[index + 1..]
                    .iter()
                    .all(|other| other.tag != element.tag),
                "{} declared twice",
                element.tag
            );
        }
    }

    #[test]
    fn own_attributes_never_shadow_the_common_ones() {
        for element in ALL {
            for attribute in element.attributes {
                assert!(
                    !common_attribute::ALL.contains(attribute),
                    "{} redeclares {attribute}",
                    element.tag
                );
            }
        }
    }

    #[test]
    fn a_shared_module_is_an_element_with_its_own() {
        for element in ALL {
            if let Some(module) = element.module {
                let owner = ALL.iter().find(|other| other.tag == module);
                assert!(
                    owner.is_some_and(|owner| owner.module.is_none()),
                    "{} is mounted by {module}, which must be an element with its own module",
                    element.tag
                );
            }
        }
    }

    #[test]
    fn the_stylesheet_starts_with_the_tokens() {
        let css = shipment_tracker::ELEMENT.stylesheet();
        assert!(css.starts_with(BASE_STYLESHEETS[0].text));
        assert!(css.contains(".sf-"), "the tracker's own rules are included");
    }
}
