//! The order's returns, newest first: each with its items and its progress as steps
//! (requested, approved, on its way back, received, refunded; or rejected, with the store's
//! reason), each step with its date, and the shop where a counter return was received.

use super::state::Step;
use super::{item_name, status_msg, use_returns, ReturnMsg};
use crate::i18n::{format_date, use_i18n, DateStyle};
use leptos::prelude::*;
use sf_api::returns::{ReturnStatus, ReturnView};

/// "Your returns from this order"; nothing when there are none.
#[component]
pub(super) fn OrderReturns() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let made = returns
        .state
        .with_untracked(|state| state.order.as_ref().map(|order| order.returns.clone()))
        .unwrap_or_default();
    (!made.is_empty()).then(|| {
        view! {
            <section class="sf-return__returns" aria-labelledby="sf-return-yours">
                <h2 id="sf-return-yours">{i18n.now(ReturnMsg::YourReturns)}</h2>
                // `role=list`: some screen readers drop list semantics when CSS removes bullets.
                <ul class="sf-return__list" role="list">
                    {made.into_iter().map(|made| view! { <ReturnCard made=made /> }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// One return: its number, items and steps.
#[component]
fn ReturnCard(made: ReturnView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let lines = made
        .lines
        .iter()
        .map(|line| {
            let name = item_name(&line.name, line.variant.as_deref());
            let quantity = line.quantity.to_string();
            view! { <li>{i18n.format_now(ReturnMsg::LineQuantity, &[("quantity", &quantity), ("name", &name)])}</li> }
        })
        .collect_view();
    // The latest event of each status: a step's date is when the return last reached it.
    let reached = |status| {
        made.events
            .iter()
            .rev()
            .find(|event| event.status == status)
    };
    let steps: Vec<ReturnStatus> = if made.status == ReturnStatus::Rejected {
        ReturnStatus::PATH
            .into_iter()
            .filter(|status| reached(*status).is_some())
            .chain([ReturnStatus::Rejected])
            .collect()
    } else {
        // A step skipped (an in-store return is never "on its way back") is not shown as
        // done: only steps reached, and those still ahead.
        let now_at = ReturnStatus::PATH
            .iter()
            .position(|status| *status == made.status)
            .unwrap_or(0);
        ReturnStatus::PATH
            .into_iter()
            .enumerate()
            .filter(|(at, status)| *at >= now_at || reached(*status).is_some())
            .map(|(_, status)| status)
            .collect()
    };
    let current_at = steps
        .iter()
        .position(|status| *status == made.status)
        .unwrap_or(0);
    let items = steps
        .iter()
        .enumerate()
        .map(|(at, status)| {
            let is_current = at == current_at;
            let done = at < current_at || (is_current && made.status == ReturnStatus::Refunded);
            let state = match (is_current, made.status) {
                (true, ReturnStatus::Rejected) => "problem",
                _ if done => "done",
                (true, _) => "current",
                _ => "upcoming",
            };
            let event = reached(*status);
            let when = event.map(|event| {
                let date = format_date(&event.at, locale, DateStyle::DayAndTime);
                view! { <time class="sf-return__when" datetime=event.at.clone()>{date}</time> }
            });
            let store = event.and_then(|event| event.store_name.clone()).map(|store| {
                view! { <span class="sf-return__muted">{i18n.format_now(ReturnMsg::ReceivedAt, &[("store", &store)])}</span> }
            });
            view! {
                <li class="sf-steps__step" data-state=state aria-current=is_current.then_some("step")>
                    <span class="sf-steps__marker" aria-hidden="true"></span>
                    <span class="sf-return__step-text">
                        <span class="sf-steps__label">{i18n.now(status_msg(*status))}</span>
                        {done.then(|| view! { <span class="sf-visually-hidden">" " {i18n.now(ReturnMsg::StepDone)}</span> })}
                        " " {when} " " {store}
                    </span>
                </li>
            }
        })
        .collect_view();
    let rejection = (made.status == ReturnStatus::Rejected)
        .then(|| made.events.last().and_then(|event| event.note.clone()))
        .flatten()
        .map(|note| {
            view! { <p class="sf-return__rejected">{i18n.format_now(ReturnMsg::RejectedBecause, &[("reason", &note)])}</p> }
        });
    let heading = i18n.format_now(ReturnMsg::ReturnHeading, &[("rma", &made.rma)]);
    // The return just made shows its QR code or label on the confirmation above: once.
    let shown_above = use_returns().state.with_untracked(|state| {
        state
            .created
            .as_ref()
            .is_some_and(|created| created.rma == made.rma && state.step == Step::Done)
    });
    view! {
        <li class="sf-return__card">
            <h3>{heading}</h3>
            <ul class="sf-return__lines">{lines}</ul>
            <ol class="sf-steps" aria-label=i18n.now(ReturnMsg::ProgressLabel)>{items}</ol>
            {rejection}
            {(!shown_above).then(|| super::done::what_to_show(&made))}
        </li>
    }
}
