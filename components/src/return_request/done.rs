//! The confirmation: the RMA, what happens next for the method chosen, the label (mail) or
//! the QR code (drop-off, in store), and the order's returns with this one first.

use super::state::Event;
use super::{use_returns, OtherOrders, ReturnMsg};
use crate::client::use_api_client;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use sf_api::returns::ReturnMethod;

/// The return just made.
#[component]
pub(super) fn DoneStep() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let Some(made) = returns.state.with_untracked(|state| state.created.clone()) else {
        return ().into_any();
    };
    let rma = made.rma.as_str();
    let next = match (made.method, &made.store) {
        (ReturnMethod::Mail, _) => i18n.now(ReturnMsg::NextMail).to_owned(),
        (ReturnMethod::DropOff, _) => i18n.now(ReturnMsg::NextDropOff).to_owned(),
        (ReturnMethod::InStore, Some(store)) => i18n.format_now(
            ReturnMsg::NextInStore,
            &[("store", &format!("{}, {}", store.name, store.address))],
        ),
        (ReturnMethod::InStore, None) => i18n.now(ReturnMsg::NextInStoreAny).to_owned(),
    };
    view! {
        <h2 class="sf-return__heading" tabindex="-1">{i18n.format_now(ReturnMsg::DoneHeading, &[("rma", rma)])}</h2>
        <p class="sf-return__rma">{i18n.format_now(ReturnMsg::RmaIs, &[("rma", rma)])}</p>
        <h3>{i18n.now(ReturnMsg::NextHeading)}</h3>
        <p>{next}</p>
        {what_to_show(&made)}
        <p>{i18n.now(ReturnMsg::NextStatus)}</p>
        <p class="sf-return__actions">
            <button type="button" class="sf-button" on:click=move |_| returns.send(Event::Reload)>
                {i18n.now(ReturnMsg::StartAnother)}
            </button>
            <OtherOrders />
        </p>
        <super::returns::OrderReturns />
    }
    .into_any()
}

/// What the shopper shows or prints to send a return back while it is still to travel: the
/// mail label's link, or the QR code for a drop-off point or a counter. On the confirmation
/// and again on the order's returns, so a shopper who comes back later finds it.
pub(super) fn what_to_show(made: &sf_api::returns::ReturnView) -> impl IntoView {
    let (i18n, client) = (use_i18n(), use_api_client());
    let label = made.label_url.as_deref().map(|url| {
        view! {
            <p>
                <a class="sf-return__label" href=client.api_link(url) target="_blank" rel="noopener noreferrer">
                    {i18n.now(ReturnMsg::LabelLink)} " " {i18n.now(ReturnMsg::OpensInNewTab)}
                </a>
            </p>
        }
    });
    // The server's own SVG (never the shopper's text); `role=img` makes it one picture named
    // by the RMA, which is also spelled out beside it.
    let qr = made
        .qr_svg
        .clone()
        .filter(|_| made.method != ReturnMethod::Mail)
        .map(|svg| {
            view! {
                <div
                    class="sf-return__qr"
                    role="img"
                    aria-label=i18n.format_now(ReturnMsg::QrLabel, &[("rma", &made.rma)])
                    inner_html=svg
                ></div>
            }
        });
    view! { {label} {qr} }
}
