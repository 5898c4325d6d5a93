//! The browser app, built by `cargo xtask` (one cargo invocation, then wasm-bindgen and
//! wasm-opt per binary):
//!
//! - `sf-portal` (`src/bin/sf-portal.rs`): the shopper portal and the agents' support desk,
//!   one single-page app with a router;
//! - one module per custom element (`src/bin/sf-<element>.rs`, see [`embed`]): only that
//!   element's component, loaded by `storefront-support.js` when a page shows the element.
//!   None of them references the router or the desk, so merchants never download those.

pub mod desk;
pub mod embed;
pub mod portal;
pub mod preferences;
