//! The tracker's lookup form: the shared one (see [`crate::order_lookup`]) with the tracker's
//! ids, after a sentence saying why the shopper is (back) here.

use super::TrackerMsg;
use crate::i18n::use_i18n;
use crate::order_lookup::{LookupIds, OrderLookupForm};
use leptos::prelude::*;
use sf_api::tracking::OrderAccess;

pub(super) const IDS: LookupIds = LookupIds {
    heading: "sf-tracker-lookup-heading",
    order_number: "sf-tracker-order-number",
    email: "sf-tracker-email",
    class: "sf-tracker__lookup",
};

/// Asks for the order number and email; calls `found` with the order when they match.
#[component]
pub(super) fn LookupForm(
    /// Why the shopper is (back) at the form: an invalid link, an ended session.
    notice: Option<TrackerMsg>,
    /// A number to pre-fill (from the element's `order` attribute).
    order_number: String,
    /// Called with the order and its token.
    found: Callback<OrderAccess>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {notice.map(|msg| view! { <p class="sf-notice" role="status">{i18n.text(msg)}</p> })}
        <OrderLookupForm ids=IDS order_number=order_number found=found />
    }
}
