//! `ShipmentTracker` (`<sf-shipment-tracker>`): a shopper finds an order by its number and
//! email (or arrives through a signed link from the store's email) and sees every package:
//! carrier, progress steps, status in words, estimate, what to do about problems, and the
//! carrier's events, kept up to date by server push and announced to screen readers.
//!
//! A shopper signed in to the store arrives already identified (the store signs its own
//! customer id) and sees their recent orders first.
//!
//! The parts, each in its own file: [`lookup`] (the form), [`customer_orders`] (a signed-in
//! shopper's list), [`order_view`] (what an order
//! looks like, a pure function of [`OrderTracking`], so it can be tested without a server),
//! [`notifications`] (opting in to updates), [`live`] (the server-push subscription) and
//! [`messages`] (every text in three languages).

mod customer_orders;
mod live;
mod lookup;
mod messages;
mod notifications;
mod order_view;

use crate::client::{use_api_client, ClientError};
use crate::i18n::use_i18n;
use customer_orders::CustomerOrderList;
use leptos::html;
use leptos::prelude::*;
use live::use_tracking_updates;
use lookup::LookupForm;
pub use messages::TrackerMsg;
use notifications::NotificationsForm;
pub use order_view::{status_message, OrderTrackingView};
use sf_api::error::ErrorCode;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
use sf_api::tracking::{CustomerOrder, OrderAccess, OrderTracking};

/// The event the tracker's "Chat with us about this order" button dispatches (bubbling, and
/// `composed` so it leaves the element's shadow root); `detail.orderNumber` names the order.
/// The chat component listens for it; a merchant's page may too.
pub const CHAT_REQUEST_EVENT: &str = "sf-chat-request";

/// Class names shared with the stylesheet (`style/shipment-tracker.css`).
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-tracker";
}

/// The order being shown and the token that reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderSession {
    /// The order number, as the server spells it.
    pub order_number: String,
    /// The order-scoped token from the lookup.
    pub token: String,
}

/// Where the tracker is: asking for an order, opening a signed link or customer, listing a
/// signed-in shopper's orders, or showing one.
#[derive(Clone, Debug, PartialEq, Eq)]
enum TrackerState {
    /// The lookup form; `notice` explains why the shopper is here again, when it is not the start.
    Lookup { notice: Option<TrackerMsg> },
    /// Something signed is being checked; the message says what.
    Opening(TrackerMsg),
    /// A signed-in shopper's orders; `focus` when they came back from one.
    CustomerOrders { focus: bool },
    /// An order is shown; `focus` when the shopper just asked for it (not on page load).
    Showing { session: OrderSession, focus: bool },
}

/// The shipment tracker: lookup form, then the order with its packages, kept live.
#[component]
pub fn ShipmentTracker(
    /// The order number of a signed link (with `expires` and `signature`), or, on its own,
    /// a number to pre-fill the lookup form with.
    #[prop(into, optional)]
    order: MaybeProp<String>,
    /// When the signed link or customer stops working, in seconds since 1970.
    #[prop(into, optional)]
    expires: MaybeProp<String>,
    /// The HMAC-SHA256 of the signed link or customer, lower-case hex (see the README's recipe).
    #[prop(into, optional)]
    signature: MaybeProp<String>,
    /// The store's own id of a signed-in shopper (with `expires` and `signature`): the
    /// tracker opens with their orders. Takes precedence over `order`.
    #[prop(into, optional)]
    customer: MaybeProp<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let state = RwSignal::new(TrackerState::Lookup { notice: None });
    let tracking = RwSignal::new(None::<OrderTracking>);
    let announcement = RwSignal::new(String::new());
    let refresh_failed = RwSignal::new(false);
    // A signed-in shopper's list, kept so an order can lead back to it.
    let customer_orders = RwSignal::new(None::<Vec<CustomerOrder>>);

    let show = move |access: OrderAccess, focus: bool| {
        let session = OrderSession {
            order_number: access.tracking.order_number.clone(),
            token: access.token,
        };
        announcement.set(String::new());
        refresh_failed.set(false);
        tracking.set(Some(access.tracking));
        state.set(TrackerState::Showing { session, focus });
    };
    let end_session = move || {
        tracking.set(None);
        state.set(TrackerState::Lookup {
            notice: Some(TrackerMsg::SessionEnded),
        });
    };

    // Something signed opens at once (a customer's orders, or one order); a wrong or expired
    // signature falls back to the form with a sentence saying why.
    let open_link =
        Action::new_local(move |link: &SignedOrderLink| client.open_signed_link(link.clone()));
    let open_customer = Action::new_local(move |signed: &SignedCustomer| {
        client.open_signed_customer(signed.clone())
    });
    let refuse = move |notice: TrackerMsg| {
        state.set(TrackerState::Lookup {
            notice: Some(notice),
        })
    };
    Effect::new(move |_| {
        let (Some(expires), Some(signature)) = (expires.get(), signature.get()) else {
            return;
        };
        let customer_id = customer.get();
        let parsed_expires = expires.trim().parse();
        match (customer_id, order.get(), parsed_expires) {
            (Some(_), _, Err(_)) => refuse(TrackerMsg::CustomerInvalid),
            (None, Some(_), Err(_)) => refuse(TrackerMsg::LinkInvalid),
            (Some(customer_id), _, Ok(expires)) => {
                state.set(TrackerState::Opening(TrackerMsg::OpeningCustomer));
                open_customer.dispatch(SignedCustomer {
                    customer_id,
                    expires,
                    signature,
                });
            }
            (None, Some(order_number), Ok(expires)) => {
                state.set(TrackerState::Opening(TrackerMsg::OpeningLink));
                open_link.dispatch(SignedOrderLink {
                    order_number,
                    expires,
                    signature,
                });
            }
            (None, None, _) => {}
        }
    });
    Effect::new(move |_| match open_link.value().get() {
        Some(Ok(access)) => show(access, false),
        Some(Err(_)) => refuse(TrackerMsg::LinkInvalid),
        None => {}
    });
    Effect::new(move |_| match open_customer.value().get() {
        Some(Ok(listed)) => {
            customer_orders.set(Some(listed.orders));
            state.set(TrackerState::CustomerOrders { focus: false });
        }
        Some(Err(_)) => refuse(TrackerMsg::CustomerInvalid),
        None => {}
    });

    let session = Signal::derive(move || match state.get() {
        TrackerState::Showing { session, .. } => Some(session),
        _ => None,
    });
    let refresh = move || {
        let Some(current) = session.get_untracked() else {
            return;
        };
        let request = client.order_tracking(&current.order_number, current.token);
        leptos::task::spawn_local(async move {
            match request.await {
                Ok(latest) => {
                    // Only a change a person would notice is announced, not every refetch.
                    if let Some(previous) = tracking.get_untracked() {
                        if let Some(text) = describe_changes(i18n, &previous, &latest) {
                            announcement.set(text);
                        }
                    }
                    refresh_failed.set(false);
                    tracking.set(Some(latest));
                }
                Err(ClientError::Api { body, .. })
                    if body.error.code == ErrorCode::Unauthorized =>
                {
                    end_session()
                }
                Err(_) => refresh_failed.set(true),
            }
        });
    };
    use_tracking_updates(client, session, Callback::new(move |()| refresh()));

    let open_listed_order = Callback::new(move |listed: CustomerOrder| {
        announcement.set(String::new());
        refresh_failed.set(false);
        tracking.set(None);
        state.set(TrackerState::Showing {
            session: OrderSession {
                order_number: listed.order_number,
                token: listed.token,
            },
            focus: true,
        });
        refresh();
    });
    let back_to_list = move |_| {
        tracking.set(None);
        state.set(TrackerState::CustomerOrders { focus: true });
    };

    let look_up_another = move |_| {
        tracking.set(None);
        state.set(TrackerState::Lookup { notice: None });
    };
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let (TrackerState::Showing { focus: true, .. }, Some(heading)) =
            (state.get(), heading.get())
        {
            let _ = heading.focus();
        }
    });

    view! {
        <section class=classes::ROOT aria-label=i18n.text(TrackerMsg::Label)>
            // Present from the first render: live regions added later are not announced.
            <p class="sf-visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            {move || match state.get() {
                TrackerState::Lookup { notice } => {
                    view! {
                        <LookupForm
                            notice=notice
                            order_number=order.get_untracked().unwrap_or_default()
                            found=Callback::new(move |access| show(access, true))
                        />
                    }
                        .into_any()
                }
                TrackerState::Opening(message) => {
                    view! { <p class="sf-tracker__loading">{i18n.text(message)}</p> }.into_any()
                }
                TrackerState::CustomerOrders { focus } => {
                    view! {
                        <CustomerOrderList
                            orders=customer_orders.get_untracked().unwrap_or_default()
                            focus=focus
                            open=open_listed_order
                            find_by_number=Callback::new(move |()| {
                                state.set(TrackerState::Lookup { notice: None })
                            })
                        />
                    }
                        .into_any()
                }
                TrackerState::Showing { session, .. } => {
                    let order_number = session.order_number.clone();
                    view! {
                        <div class="sf-tracker__order">
                            <h2 class="sf-tracker__heading" tabindex="-1" node_ref=heading>
                                {move || i18n.format(TrackerMsg::OrderHeading, &[("number", &order_number)])}
                            </h2>
                            <Show when=move || refresh_failed.get()>
                                <p class="sf-notice sf-notice--warning">
                                    {i18n.text(TrackerMsg::RefreshFailed)} " "
                                    <button type="button" class="sf-button sf-button--link" on:click=move |_| refresh()>
                                        {i18n.text(TrackerMsg::TryAgain)}
                                    </button>
                                </p>
                            </Show>
                            {move || match tracking.get() {
                                Some(current) => view! { <OrderTrackingView tracking=current /> }.into_any(),
                                None => {
                                    view! {
                                        <Show when=move || !refresh_failed.get()>
                                            <p class="sf-tracker__loading">{i18n.text(TrackerMsg::LoadingOrder)}</p>
                                        </Show>
                                    }
                                        .into_any()
                                }
                            }}
                            <NotificationsForm
                                session=session.clone()
                                saved_preferences=Signal::derive(move || {
                                    tracking.get().map(|current| current.notifications).unwrap_or_default()
                                })
                                session_ended=Callback::new(move |()| end_session())
                            />
                            <p class="sf-tracker__actions">
                                <Show when=move || customer_orders.with(Option::is_some)>
                                    <button type="button" class="sf-button sf-button--secondary" on:click=back_to_list>
                                        {i18n.text(TrackerMsg::BackToYourOrders)}
                                    </button>
                                    " "
                                </Show>
                                <button type="button" class="sf-button sf-button--secondary" on:click=look_up_another>
                                    {i18n.text(TrackerMsg::LookUpAnother)}
                                </button>
                            </p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// "Update for package 2: Out for delivery today" for each package whose status changed.
fn describe_changes(
    i18n: crate::i18n::I18n,
    previous: &OrderTracking,
    latest: &OrderTracking,
) -> Option<String> {
    let lines: Vec<String> = latest
        .packages
        .iter()
        .enumerate()
        .filter(|(_, package)| {
            previous
                .packages
                .iter()
                .find(|old| old.id == package.id)
                .is_none_or(|old| old.status != package.status)
        })
        .map(|(index, package)| {
            let number = (index + 1).to_string();
            let status = i18n.t(status_message(package.status));
            i18n.format(
                TrackerMsg::StatusChanged,
                &[("package", &number), ("status", status)],
            )
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join(". "))
}
