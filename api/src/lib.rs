//! The wire contract between the storefront-support components and the support API.
//!
//! Everything here is plain data and pure functions: it compiles for the browser
//! (wasm32) and for the server alike, so both sides agree on names, shapes and
//! validation rules by construction. Requests reject unknown fields, so a typo in
//! a client shows up as an error instead of silently losing data.

pub mod agent;
pub mod error;
pub mod health;
pub mod help_centre;
pub mod identity;
pub mod live_chat;
pub mod returns;
pub mod reviews;
pub mod tracking;
pub mod validation;

/// Every route of the API lives under this prefix.
pub const API_PREFIX: &str = "/api/v1";

/// Request bodies larger than this are refused with 413 before they are parsed.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
