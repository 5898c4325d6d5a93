//! `ShipmentTracker` (`<sf-shipment-tracker>`): a shopper finds an order by its number and
//! email (or arrives through a signed link from the store's email) and sees every package:
//! carrier, progress steps, status in words, estimate, what to do about problems, and the
//! carrier's events, kept up to date by server push and announced to screen readers.
//!
//! A shopper signed in to the store arrives already identified (the store signs its own
//! customer id) and sees their recent orders first.
//!
//! The parts, each in its own file: [`state`] (everything the tracker knows, one value
//! changed by a pure function of events, tested natively), [`lookup`] (the form),
//! [`customer_orders`] (a signed-in shopper's list), [`order_view`] (what an order looks
//! like, a pure function of [`OrderTracking`](sf_api::tracking::OrderTracking), so it can be tested without a server),
//! [`notifications`] (opting in to updates), [`live`] (the server-push subscription) and
//! [`messages`] (every text in three languages).

mod customer_orders;
mod live;
mod lookup;
mod messages;
mod notifications;
mod order_view;
pub mod state;

use crate::client::{use_api_client, ClientError};
use crate::i18n::{use_i18n, I18n};
use crate::order_lookup::{lookup_then_whole, LookupThenWhole, OrderAttributes};
use customer_orders::CustomerOrderList;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use live::use_order_updates;
pub use live::{ReadyState, UseOrderUpdates};
use lookup::LookupForm;
pub use messages::TrackerMsg;
use notifications::NotificationsForm;
pub use order_view::{status_message, OrderTrackingView};
use sf_api::error::ErrorCode;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
pub use state::OrderSession;
use state::{apply, Event, PackageUpdate, Refresh, Screen, ShownOrder, TrackerState};

/// Class names shared with the stylesheet (`style/shipment-tracker.css`).
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-tracker";
}

/// Provides the loader of the whole tracker in the calling binary (see [`crate::chunk`]):
/// the module's first download holds only the lookup form, and the rest is fetched as its
/// own chunk when the shopper starts using the form, or at once when the element carries
/// something signed.
#[macro_export]
macro_rules! provide_whole_tracker {
    () => {
        $crate::provide_chunk!(
            whole_tracker,
            preload_whole_tracker,
            $crate::shipment_tracker::whole_view,
            $crate::shipment_tracker::TrackerStart
        )
    };
}

/// The shipment tracker: lookup form, then the order with its packages, kept live.
///
/// It starts as the lookup form alone; the rest of the tracker (the order, its live updates,
/// notifications, a signed-in shopper's list, signed links) comes from the
/// loader the page provides (see [`provide_whole_tracker!`]), once an order
/// is found or at once when the element carries something signed.
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
    let attributes = OrderAttributes {
        order,
        expires,
        signature,
        customer,
    };
    lookup_then_whole(LookupThenWhole {
        class: classes::ROOT,
        label: i18n.text(TrackerMsg::Label),
        ids: lookup::IDS,
        loading: i18n.text(TrackerMsg::LoadingOrder),
        unavailable: i18n.text(TrackerMsg::TrackerUnavailable),
        try_again: i18n.text(TrackerMsg::TryAgain),
        attributes,
        start: move |found: Option<sf_api::tracking::OrderAccess>| TrackerStart {
            attributes,
            first: found.map(|access| Event::Found {
                access,
                focus: true,
            }),
        },
        rest: std::marker::PhantomData,
    })
}

/// What the whole tracker starts from.
pub struct TrackerStart {
    /// The element's attributes.
    attributes: OrderAttributes,
    /// What happened before: the order the form found.
    first: Option<Event>,
}

/// The tracker with every screen: what [`ShipmentTracker`] becomes once an order is found
/// or something signed arrives. Public only for [`provide_whole_tracker!`].
#[doc(hidden)]
pub fn whole_view(start: TrackerStart) -> AnyView {
    let TrackerStart { attributes, first } = start;
    let OrderAttributes {
        order,
        expires,
        signature,
        customer,
    } = attributes;
    let i18n = use_i18n();
    let client = use_api_client();
    // Everything the tracker knows, in one value; only `apply` changes it.
    let state = RwSignal::new(first.into_iter().fold(TrackerState::default(), apply));
    // `try_update`: an answer that settles after the tracker has gone changes nothing (its
    // requests are aborted then, and the abort itself arrives as a failed request).
    let send = move |event: Event| {
        state.try_update(|current| *current = apply(std::mem::take(current), event));
    };
    // What is on screen, without the tracking that live updates change: the view below is
    // rebuilt only when the screen itself changes, so focus and typed text survive updates.
    let screen = Memo::new(move |_| {
        state.with(|current| match &current.screen {
            Screen::Order(shown) => Screen::Order(Box::new(ShownOrder {
                tracking: None,
                refresh_failed: false,
                session: shown.session.clone(),
                ..**shown
            })),
            other => other.clone(),
        })
    });
    let tracking = Memo::new(move |_| {
        state.with(|current| current.shown().and_then(|shown| shown.tracking.clone()))
    });
    let refresh_failed = Memo::new(move |_| {
        state.with(|current| current.shown().is_some_and(|shown| shown.refresh_failed))
    });
    let announcement =
        Memo::new(move |_| state.with(|current| announcement_text(i18n, &current.announcement)));
    let has_customer_orders =
        Memo::new(move |_| state.with(|current| current.customer_orders.is_some()));

    // Something signed opens at once (a customer's orders, or one order); a wrong or expired
    // signature falls back to the form with a sentence saying why.
    let refuse = move |notice: TrackerMsg| Event::ShowLookup {
        notice: Some(notice),
    };
    Effect::new(move |_| {
        let (Some(expires), Some(signature)) = (expires.get(), signature.get()) else {
            return;
        };
        let customer_id = customer.get();
        let parsed_expires = expires.trim().parse();
        match (customer_id, order.get(), parsed_expires) {
            (Some(_), _, Err(_)) => send(refuse(TrackerMsg::CustomerInvalid)),
            (None, Some(_), Err(_)) => send(refuse(TrackerMsg::LinkInvalid)),
            (Some(customer_id), _, Ok(expires)) => {
                send(Event::Opening(TrackerMsg::OpeningCustomer));
                let request = client.open_signed_customer(SignedCustomer {
                    customer_id,
                    expires,
                    signature,
                });
                spawn_local(async move {
                    send(match request.await {
                        Ok(listed) => Event::CustomerListed(listed.orders),
                        Err(_) => refuse(TrackerMsg::CustomerInvalid),
                    })
                });
            }
            (None, Some(order_number), Ok(expires)) => {
                send(Event::Opening(TrackerMsg::OpeningLink));
                let request = client.open_signed_link(SignedOrderLink {
                    order_number,
                    expires,
                    signature,
                });
                spawn_local(async move {
                    send(match request.await {
                        Ok(access) => Event::Found {
                            access,
                            focus: false,
                        },
                        Err(_) => refuse(TrackerMsg::LinkInvalid),
                    })
                });
            }
            (None, None, _) => {}
        }
    });

    // Fetches the order on screen again; the answer names the showing it is for, so it is
    // dropped if the shopper has moved on by the time it arrives.
    let refresh = move || {
        let Some((id, session)) = state.with_untracked(|current| {
            current
                .shown()
                .map(|shown| (shown.id, shown.session.clone()))
        }) else {
            return;
        };
        let request = client.order_tracking(&session.order_number, session.token);
        spawn_local(async move {
            let result = match request.await {
                Ok(latest) => Refresh::Latest(Box::new(latest)),
                Err(ClientError::Api {
                    code: ErrorCode::Unauthorized,
                    ..
                }) => Refresh::Unauthorized,
                Err(_) => Refresh::Failed,
            };
            send(Event::Refreshed { id, result });
        });
    };
    let session = Signal::derive(move || match screen.get() {
        Screen::Order(shown) => Some(shown.session),
        _ => None,
    });
    let updates = use_order_updates(client, session, Callback::new(move |()| refresh()));

    let open_listed_order = Callback::new(move |listed| {
        send(Event::OpenListed(listed));
        refresh();
    });
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let (Screen::Order(shown), Some(heading)) = (screen.get(), heading.get()) {
            if !shown.focus {
                return;
            }
            let _ = heading.focus();
        }
    });

    view! {
        <section class=classes::ROOT aria-label=i18n.text(TrackerMsg::Label)>
            // Present from the first render: live regions added later are not announced.
            <p class="sf-visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            {move || match screen.get() {
                Screen::Lookup { notice } => {
                    view! {
                        <LookupForm
                            notice=notice
                            order_number=order.get_untracked().unwrap_or_default()
                            found=Callback::new(move |access| send(Event::Found { access, focus: true }))
                        />
                    }
                        .into_any()
                }
                Screen::Opening(message) => {
                    view! { <p class="sf-tracker__loading">{i18n.text(message)}</p> }.into_any()
                }
                Screen::CustomerOrders { focus } => {
                    // Drawn again in the new language when it changes (the list itself is static).
                    i18n.locale.track();
                    view! {
                        <CustomerOrderList
                            orders=state.with_untracked(|current| current.customer_orders.clone()).unwrap_or_default()
                            focus=focus
                            open=open_listed_order
                            find_by_number=Callback::new(move |()| send(Event::ShowLookup { notice: None }))
                        />
                    }
                        .into_any()
                }
                Screen::Order(shown) => {
                    let ShownOrder { id, session, .. } = *shown;
                    let order_number = session.order_number.clone();
                    let order_token = session.token.clone();
                    view! {
                        <div class="sf-tracker__order">
                            <h2 class="sf-tracker__heading" tabindex="-1" node_ref=heading>
                                {move || i18n.format(TrackerMsg::OrderHeading, &[("number", &order_number)])}
                            </h2>
                            // One polite region, there as long as the order is, so "Reconnecting…"
                            // and a failed refresh are announced when they appear.
                            <div class="sf-tracker__connection" role="status">
                                {move || {
                                    updates
                                        .reconnecting
                                        .get()
                                        .then(|| view! { <p class="sf-notice">{i18n.text(TrackerMsg::Reconnecting)}</p> })
                                }}
                                {move || {
                                    refresh_failed
                                        .get()
                                        .then(|| {
                                            view! {
                                                <p class="sf-notice sf-notice--warning">
                                                    {i18n.text(TrackerMsg::RefreshFailed)} " "
                                                    <button type="button" class="sf-button sf-button--link" on:click=move |_| refresh()>
                                                        {i18n.text(TrackerMsg::TryAgain)}
                                                    </button>
                                                </p>
                                            }
                                        })
                                }}
                            </div>
                            {move || match tracking.get() {
                                Some(current) => {
                                    // Drawn again in the new language when it changes.
                                    i18n.locale.track();
                                    view! { <OrderTrackingView tracking=current order_token=order_token.clone() /> }.into_any()
                                }
                                None => {
                                    (!refresh_failed.get())
                                        .then(|| view! { <p class="sf-tracker__loading">{i18n.text(TrackerMsg::LoadingOrder)}</p> })
                                        .into_any()
                                }
                            }}
                            <NotificationsForm
                                session=session
                                saved_preferences=Signal::derive(move || {
                                    tracking.with(|current| current.as_ref().map(|current| current.notifications.clone())).unwrap_or_default()
                                })
                                session_ended=Callback::new(move |()| send(Event::SessionEnded { id }))
                            />
                            <p class="sf-tracker__actions">
                                {move || {
                                    has_customer_orders
                                        .get()
                                        .then(|| {
                                            view! {
                                                <button type="button" class="sf-button sf-button--secondary" on:click=move |_| send(Event::BackToList)>
                                                    {i18n.text(TrackerMsg::BackToYourOrders)}
                                                </button>
                                                " "
                                            }
                                        })
                                }}
                                <button type="button" class="sf-button sf-button--secondary" on:click=move |_| send(Event::ShowLookup { notice: None })>
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
    .into_any()
}

/// "Update for package 2: Out for delivery today" for each package in `updates`.
fn announcement_text(i18n: I18n, updates: &[PackageUpdate]) -> String {
    updates
        .iter()
        .map(|update| {
            i18n.format(
                TrackerMsg::StatusChanged,
                &[
                    ("package", &update.position.to_string()),
                    ("status", i18n.t(status_message(update.status))),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(". ")
}
