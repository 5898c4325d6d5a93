//! The browser app, built by Trunk into two bundles:
//!
//! - `sf-portal` (`src/bin/portal.rs`): the shopper portal and the agents' support desk,
//!   one single-page app with a router;
//! - `sf-embed` (`src/bin/embed.rs`): only the components, registered as custom elements
//!   for merchants' pages. It never references the router or the desk, so they are not
//!   in the bundle merchants load.

pub mod desk;
pub mod embed;
pub mod portal;
pub mod preferences;
