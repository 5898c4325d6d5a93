//! What an order looks like: the store-pickup panel, items not shipped yet, and one card
//! per package. Pure view of an [`OrderTracking`], so tests can render any state.

use super::TrackerMsg;
use crate::events::{dispatch, ChatRequest};
use crate::i18n::{format_date, use_i18n, DateStyle};
use leptos::prelude::*;
use sf_api::tracking::{
    OrderItem, OrderTracking, Package, ShipmentStatus, StatusReason, StorePickup, TrackingEvent,
    TrackingStep,
};

/// The words for a status.
pub fn status_message(status: ShipmentStatus) -> TrackerMsg {
    match status {
        ShipmentStatus::Pending => TrackerMsg::StatusPending,
        ShipmentStatus::InfoReceived => TrackerMsg::StatusInfoReceived,
        ShipmentStatus::InTransit => TrackerMsg::StatusInTransit,
        ShipmentStatus::OutForDelivery => TrackerMsg::StatusOutForDelivery,
        ShipmentStatus::AvailableForPickup => TrackerMsg::StatusAvailableForPickup,
        ShipmentStatus::AttemptFailed => TrackerMsg::StatusAttemptFailed,
        ShipmentStatus::Delivered => TrackerMsg::StatusDelivered,
        ShipmentStatus::Exception => TrackerMsg::StatusException,
        ShipmentStatus::Expired => TrackerMsg::StatusExpired,
    }
}

fn step_message(step: TrackingStep) -> TrackerMsg {
    match step {
        TrackingStep::Ordered => TrackerMsg::StepOrdered,
        TrackingStep::Shipped => TrackerMsg::StepShipped,
        TrackingStep::InTransit => TrackerMsg::StepInTransit,
        TrackingStep::OutForDelivery => TrackerMsg::StepOutForDelivery,
        TrackingStep::Delivered => TrackerMsg::StepDelivered,
        TrackingStep::ReadyForPickup => TrackerMsg::StepReadyForPickup,
    }
}

/// What the shopper should know and do about a package, when something is off.
fn advice(package: &Package) -> Option<TrackerMsg> {
    let by_reason = |reason: Option<StatusReason>| match reason {
        Some(StatusReason::AddressIssue) => TrackerMsg::AdviceAddressIssue,
        Some(StatusReason::Customs) => TrackerMsg::AdviceCustoms,
        Some(StatusReason::Damaged) => TrackerMsg::AdviceDamaged,
        Some(StatusReason::Lost) => TrackerMsg::AdviceLost,
        Some(StatusReason::ReturnedToSender) => TrackerMsg::AdviceReturned,
        Some(StatusReason::Refused) => TrackerMsg::AdviceRefused,
        Some(StatusReason::Delayed) => TrackerMsg::AdviceDelayed,
        Some(StatusReason::Cancelled) => TrackerMsg::AdviceCancelled,
        Some(StatusReason::RecipientUnavailable) => TrackerMsg::AdviceAttemptFailed,
        Some(StatusReason::Other) | None => TrackerMsg::AdviceOther,
    };
    match package.status {
        ShipmentStatus::AttemptFailed => Some(TrackerMsg::AdviceAttemptFailed),
        ShipmentStatus::Exception => Some(by_reason(package.status_reason)),
        ShipmentStatus::Expired => Some(TrackerMsg::AdviceExpired),
        _ if package.stale => Some(TrackerMsg::AdviceStale),
        _ => None,
    }
}

/// An order: pickup details, unshipped items, and its packages.
///
/// Drawn once, in the language of the moment: the tracker draws it again (in place, so focus
/// stays where it was) when the order or the language changes. Nothing inside is reactive,
/// which keeps the element small: every reactive text is its own copy of the renderer.
#[component]
pub fn OrderTrackingView(
    /// The order as the API reported it.
    tracking: OrderTracking,
    /// The shopper's token for the order, handed to the chat when they ask about it, so it
    /// knows who they are.
    #[prop(optional)]
    order_token: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let OrderTracking {
        order_number,
        placed_at,
        pickup,
        unshipped_items,
        packages,
        ..
    } = tracking;
    let placed = format_date(&placed_at, locale, DateStyle::DayAndTime);
    let is_pickup = pickup.is_some();
    let nothing_shipped = packages.is_empty() && unshipped_items.is_empty();
    let unshipped = (!unshipped_items.is_empty()).then(|| {
        view! {
            <section class="sf-tracker__unshipped" aria-labelledby="sf-tracker-unshipped">
                <h3 id="sf-tracker-unshipped">{i18n.t(TrackerMsg::UnshippedHeading)}</h3>
                <ItemList items=unshipped_items />
            </section>
        }
    });
    let count = packages.len();
    let pickup = pickup.map(|pickup| {
        let status = packages.first().map(|package| package.status);
        view! { <PickupPanel pickup=pickup status=status /> }
    });
    let cards = packages
        .into_iter()
        .enumerate()
        .map(|(index, package)| {
            let request = ChatRequest {
                order_token: order_token.clone(),
                ..ChatRequest::about_order(order_number.as_str())
            };
            view! { <PackageCard index=index + 1 count=count package=package pickup=is_pickup chat_request=request /> }
        })
        .collect_view();
    view! {
        <p class="sf-tracker__placed">{i18n.format(TrackerMsg::PlacedOn, &[("date", &placed)])}</p>
        {pickup}
        {nothing_shipped.then(|| view! { <p>{i18n.t(TrackerMsg::NothingShipped)}</p> })}
        {unshipped}
        {cards}
    }
}

#[component]
fn PickupPanel(pickup: StorePickup, status: Option<ShipmentStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let StorePickup {
        store_name,
        address,
        opening_hours,
        pickup_code,
    } = pickup;
    let headline = match status {
        Some(ShipmentStatus::Delivered) => None,
        Some(ShipmentStatus::AvailableForPickup) => Some(TrackerMsg::PickupReady),
        _ => Some(TrackerMsg::PickupPreparing),
    };
    let collected = headline.is_none();
    view! {
        <section class="sf-tracker__pickup" aria-labelledby="sf-tracker-pickup">
            <h3 id="sf-tracker-pickup">
                {match headline {
                    Some(msg) => i18n.format(msg, &[("store", &store_name)]),
                    None => store_name,
                }}
            </h3>
            <dl class="sf-tracker__facts">
                <dt>{i18n.t(TrackerMsg::AddressTerm)}</dt>
                <dd>{address}</dd>
                <dt>{i18n.t(TrackerMsg::OpeningHoursTerm)}</dt>
                <dd>{opening_hours}</dd>
                {(!collected)
                    .then(|| {
                        view! {
                            <dt>{i18n.t(TrackerMsg::PickupCodeTerm)}</dt>
                            <dd>
                                <strong class="sf-tracker__code">{pickup_code}</strong>
                                " "
                                {i18n.t(TrackerMsg::PickupCodeHint)}
                            </dd>
                        }
                    })}
            </dl>
        </section>
    }
}

#[component]
fn ItemList(items: Vec<OrderItem>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="sf-tracker__items">
            {items
                .into_iter()
                .map(|item| {
                    let quantity = item.quantity.to_string();
                    view! { <li>{i18n.format(TrackerMsg::ItemLine, &[("quantity", &quantity), ("name", &item.name)])}</li> }
                })
                .collect_view()}
        </ul>
    }
}

/// One package: facts, steps, advice, contents and history.
#[component]
fn PackageCard(
    index: usize,
    count: usize,
    package: Package,
    pickup: bool,
    chat_request: ChatRequest,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("sf-package-{}", package.id);
    let labelled_by = heading_id.clone();
    let (index, count) = (index.to_string(), count.to_string());
    let status = package.status;
    let advice = advice(&package);
    let carrier_link = package
        .carrier_url
        .clone()
        // Only web addresses become links: the URL came from outside.
        .filter(|url| url.starts_with("https://"))
        .map(|url| {
            let carrier = package.carrier.clone();
            view! {
                <p>
                    <a href=url target="_blank" rel="noopener noreferrer">
                        {i18n.format(TrackerMsg::CarrierLink, &[("carrier", &carrier)])}
                        <span class="sf-visually-hidden">" " {i18n.t(TrackerMsg::OpensInNewTab)}</span>
                    </a>
                </p>
            }
        });
    let estimate = package.estimated_delivery.clone().filter(|_| !status.is_final()).map(|estimate| {
        let previous = package.previous_estimated_delivery.clone();
        view! {
            <dt>{i18n.t(TrackerMsg::EstimateTerm)}</dt>
            <dd>
                <DateText iso=estimate style=DateStyle::Day />
                {previous.map(|previous| {
                    view! {
                        " "
                        <span class="sf-tracker__was">
                            "("
                            {
                                let date = format_date(&previous, i18n.locale.get_untracked(), DateStyle::Day);
                                i18n.format(TrackerMsg::EstimateWas, &[("date", &date)])
                            }
                            ")"
                        </span>
                    }
                })}
            </dd>
        }
    });
    view! {
        <article class="sf-package" data-status=status.as_str() aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {i18n.format(TrackerMsg::PackageHeading, &[("index", &index), ("count", &count)])}
            </h3>
            <dl class="sf-tracker__facts">
                <dt>{i18n.t(TrackerMsg::StatusTerm)}</dt>
                <dd class="sf-package__status">{i18n.t(status_message(status))}</dd>
                {estimate}
                <dt>{i18n.t(TrackerMsg::CarrierTerm)}</dt>
                <dd>{package.carrier.clone()}</dd>
                <dt>{i18n.t(TrackerMsg::TrackingNumberTerm)}</dt>
                <dd class="sf-package__tracking-number">{package.tracking_number.clone()}</dd>
            </dl>
            {carrier_link}
            <Steps status=status pickup=pickup />
            {advice.map(|msg| view! { <Advice msg=msg chat_request=chat_request /> })}
            <h4>{i18n.t(TrackerMsg::ItemsHeading)}</h4>
            <ItemList items=package.items />
            <h4>{i18n.t(TrackerMsg::TimelineHeading)}</h4>
            <Timeline events=package.events />
        </article>
    }
}

/// The progress indicator: an ordered list with the current step marked `aria-current="step"`.
#[component]
fn Steps(status: ShipmentStatus, pickup: bool) -> impl IntoView {
    let i18n = use_i18n();
    let current = status.step(pickup);
    // A carrier can hold a delivery at one of its pickup points: show the pickup steps then.
    let steps: &[TrackingStep] = if pickup || current == TrackingStep::ReadyForPickup {
        &TrackingStep::PICKUP
    } else {
        &TrackingStep::DELIVERY
    };
    let current_index = steps.iter().position(|step| *step == current).unwrap_or(0);
    let finished = status == ShipmentStatus::Delivered;
    view! {
        <ol class="sf-steps" aria-label=i18n.t(TrackerMsg::ProgressLabel)>
            {steps
                .iter()
                .enumerate()
                .map(|(position, step)| {
                    let done = position < current_index || (finished && position == current_index);
                    let is_current = position == current_index;
                    let state = if is_current && status.needs_attention() {
                        "problem"
                    } else if done {
                        "done"
                    } else if is_current {
                        "current"
                    } else {
                        "upcoming"
                    };
                    let msg = step_message(*step);
                    view! {
                        <li class="sf-steps__step" data-state=state aria-current=is_current.then_some("step")>
                            <span class="sf-steps__marker" aria-hidden="true"></span>
                            <span class="sf-steps__label">{i18n.t(msg)}</span>
                            {done.then(|| view! { <span class="sf-visually-hidden">" " {i18n.t(TrackerMsg::StepDone)}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// What went wrong and what to do, with a way to ask a person.
#[component]
fn Advice(msg: TrackerMsg, chat_request: ChatRequest) -> impl IntoView {
    let i18n = use_i18n();
    let ask_chat = move |event: leptos::ev::MouseEvent| {
        if let Some(button) = event.current_target() {
            // The chat (or the merchant's page) opens with the order attached.
            dispatch(&button, &chat_request);
        }
    };
    view! {
        <div class="sf-tracker__advice">
            <p>{i18n.t(msg)}</p>
            <button type="button" class="sf-button sf-button--secondary" on:click=ask_chat>
                {i18n.t(TrackerMsg::ChatAboutOrder)}
            </button>
        </div>
    }
}

#[component]
fn Timeline(events: Vec<TrackingEvent>) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <p>{i18n.t(TrackerMsg::NoEvents)}</p> }.into_any();
    }
    view! {
        <ol class="sf-timeline">
            {events
                .into_iter()
                .map(|event| {
                    view! {
                        <li class="sf-timeline__event" data-status=event.status.as_str()>
                            <DateText iso=event.occurred_at style=DateStyle::DayAndTime />
                            <span class="sf-timeline__description">{event.description}</span>
                            {event.location.map(|location| view! { <span class="sf-timeline__location">{location}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}

/// A `<time>` element in the reader's language and time zone.
#[component]
fn DateText(iso: String, style: DateStyle) -> impl IntoView {
    let i18n = use_i18n();
    let text = format_date(&iso, i18n.locale.get_untracked(), style);
    view! { <time datetime=iso>{text}</time> }
}
