//! The storefront-support components: Leptos components a Rust app can use directly, and
//! that the embed bundle wraps as custom elements (`<sf-…>`) for any storefront.
//!
//! Each component sits in its own folder with its view, its hooks and its tests' anchors.
//! Components never call `fetch` themselves: they go through [`client::ApiClient`], which
//! speaks only the types of [`sf_api`]. Every string a person reads comes from [`i18n`].

pub mod chunk;
pub mod client;
pub mod elements;
pub mod error_summary;
pub mod events;
pub mod form;
pub mod help_centre;
pub mod i18n;
pub mod live_chat;
pub mod order_lookup;
pub mod rating_input;
pub mod reactive;
pub mod return_request;
pub mod review_form;
pub mod reviews;
pub mod service_status;
pub mod shipment_tracker;
pub mod support_root;
pub mod text_field;

pub use client::{use_api_client, ApiClient, ClientError};
pub use error_summary::{ErrorSummary, FieldError};
pub use help_centre::HelpCentre;
pub use i18n::{use_i18n, CommonMsg, I18n, Locale, Message};
pub use live_chat::LiveChat;
pub use return_request::ReturnRequest;
pub use review_form::ReviewForm;
pub use reviews::Reviews;
pub use service_status::ServiceStatus;
pub use shipment_tracker::ShipmentTracker;
pub use support_root::SupportRoot;
pub use text_field::TextField;
