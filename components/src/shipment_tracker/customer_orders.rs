//! A signed-in shopper's orders: one button per order (number, when placed, how each package
//! is doing), newest first; choosing one opens it with the token the list came with.

use super::{status_message, TrackerMsg};
use crate::i18n::{format_date, use_i18n, DateStyle};
use leptos::html;
use leptos::prelude::*;
use sf_api::tracking::CustomerOrder;

/// The list of a signed-in shopper's orders.
#[component]
pub(super) fn CustomerOrderList(
    /// The shopper's orders, newest first, as the API listed them.
    orders: Vec<CustomerOrder>,
    /// Move focus to the heading: the shopper came back here from an order.
    focus: bool,
    /// Called with the order the shopper chose.
    open: Callback<CustomerOrder>,
    /// Called when the shopper wants the lookup form (for an order placed as a guest).
    find_by_number: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let (true, Some(heading)) = (focus, heading.get()) {
            let _ = heading.focus();
        }
    });
    let is_empty = orders.is_empty();
    let items = orders
        .into_iter()
        .map(|order| {
            let number = order.order_number.clone();
            let placed_at = order.placed_at.clone();
            let statuses = order.package_statuses.clone();
            let locale = i18n.locale.get_untracked();
            let date = format_date(&placed_at, locale, DateStyle::DayAndTime);
            let progress = if statuses.is_empty() {
                i18n.t(TrackerMsg::UnshippedHeading).to_owned()
            } else {
                statuses
                    .iter()
                    .map(|status| i18n.t(status_message(*status)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let detail = format!(
                "{} · {progress}",
                i18n.format(TrackerMsg::PlacedOn, &[("date", &date)])
            );
            view! {
                <li>
                    <button type="button" class="sf-order-list__open" on:click=move |_| open.run(order.clone())>
                        <span class="sf-order-list__number">
                            {i18n.format(TrackerMsg::OrderHeading, &[("number", &number)])}
                        </span>
                        " "
                        <span class="sf-order-list__detail">{detail}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="sf-tracker__orders">
            <h2 class="sf-tracker__heading" tabindex="-1" node_ref=heading>
                {i18n.text(TrackerMsg::YourOrders)}
            </h2>
            {if is_empty {
                view! { <p>{i18n.text(TrackerMsg::NoOrdersYet)}</p> }.into_any()
            } else {
                // `role=list`: some screen readers drop list semantics when CSS removes bullets.
                view! { <ul class="sf-order-list" role="list">{items}</ul> }.into_any()
            }}
            <p>
                <button type="button" class="sf-button sf-button--secondary" on:click=move |_| find_by_number.run(())>
                    {i18n.text(TrackerMsg::FindGuestOrder)}
                </button>
            </p>
        </div>
    }
}
