//! The summary step: the items as chosen, how they go back, and the server's quote (fees,
//! bonus, what is refunded and what is given as store credit) in the order's currency; then
//! "Submit return request".

use super::state::Event;
use super::{
    item_name, method_msg, money, outcome_msg, reason_msg, sub_reason_msg, use_returns, BackButton,
    ReturnMsg,
};
use crate::form::Form;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use sf_api::returns::{ReturnMethod, ReturnOutcome};

const HEADING_ID: &str = "sf-return-summary-heading";

/// The return as it will be made, and what it gives back.
#[component]
pub(super) fn SummaryStep() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let Some((order, draft, quote)) = returns.state.with_untracked(|state| {
        Some((
            state.order.clone()?,
            state.draft.clone(),
            state.quote.clone()?,
        ))
    }) else {
        return ().into_any();
    };
    let locale = i18n.locale.get_untracked();
    let lines = draft
        .lines
        .iter()
        .filter(|line| line.chosen)
        .filter_map(|line| {
            let item = order
                .items
                .iter()
                .find(|item| item.item_id == line.item_id)?;
            let name = item_name(&item.name, item.variant.as_deref());
            let quantity = line.quantity().to_string();
            let what = i18n.format_now(
                ReturnMsg::LineQuantity,
                &[("quantity", &quantity), ("name", &name)],
            );
            let mut why = line
                .reason
                .map(|reason| i18n.now(reason_msg(reason)).to_owned())
                .unwrap_or_default();
            if let Some(sub) = line.sub_reason {
                why = format!("{why}: {}", i18n.now(sub_reason_msg(sub)));
            }
            let instead = match (line.outcome, line.exchange) {
                (Some(ReturnOutcome::Exchange), Some(product)) => {
                    let variant = item
                        .exchange_options
                        .iter()
                        .find(|option| option.product_id == product)
                        .map(|option| option.variant.clone())
                        .unwrap_or_default();
                    i18n.format_now(ReturnMsg::ExchangeFor, &[("variant", &variant)])
                }
                (Some(outcome), _) => i18n.now(outcome_msg(outcome)).to_owned(),
                (None, _) => String::new(),
            };
            Some(view! {
                <li>
                    <span class="sf-return__line">{what}</span>
                    <span class="sf-return__muted">{why} " · " {instead}</span>
                </li>
            })
        })
        .collect_view();
    let method = draft.method.map(|method| {
        let store = (method == ReturnMethod::InStore)
            .then(|| {
                order
                    .stores
                    .iter()
                    .find(|store| Some(store.id) == draft.store_id)
                    .map(|store| format!(": {}, {}", store.name, store.address))
            })
            .flatten()
            .unwrap_or_default();
        format!("{}{store}", i18n.now(method_msg(method)))
    });
    let comment = (!draft.comment.trim().is_empty()).then(|| {
        view! {
            <dt>{i18n.now(ReturnMsg::CommentTerm)}</dt>
            <dd>{draft.comment.trim().to_owned()}</dd>
        }
    });
    let amounts = quote.amounts;
    let currency = quote.currency;
    // Fees are taken off, so they are shown as negative amounts; rows that are nought are
    // left out, except the totals the shopper chose.
    let rows = [
        (ReturnMsg::ItemsValue, amounts.items_cents, true),
        (
            ReturnMsg::RestockingFee,
            -amounts.restocking_fee_cents,
            amounts.restocking_fee_cents != 0,
        ),
        (
            ReturnMsg::ShippingFee,
            -amounts.shipping_fee_cents,
            amounts.shipping_fee_cents != 0,
        ),
        (
            ReturnMsg::Bonus,
            amounts.bonus_cents,
            amounts.bonus_cents != 0,
        ),
        (
            ReturnMsg::RefundTotal,
            amounts.refund_cents,
            amounts.refund_cents != 0 || amounts.store_credit_cents == 0,
        ),
        (
            ReturnMsg::CreditTotal,
            amounts.store_credit_cents,
            amounts.store_credit_cents != 0,
        ),
    ]
    .into_iter()
    .filter(|(_, _, shown)| *shown)
    .map(|(msg, cents, _)| {
        let total = matches!(msg, ReturnMsg::RefundTotal | ReturnMsg::CreditTotal);
        view! {
            <div class="sf-return__amount" data-total=total.then_some("true")>
                <dt>{i18n.now(msg)}</dt>
                <dd>{money(cents, &currency, locale)}</dd>
            </div>
        }
    })
    .collect_view();
    view! {
        <Form
            errors=returns.errors
            pending=returns.pending()
            heading_id=HEADING_ID
            class="sf-return__form"
            submit_label=i18n.text(ReturnMsg::SubmitButton)
            pending_label=i18n.text(ReturnMsg::Submitting)
            on_submit=Callback::new(move |()| returns.send(Event::Continue))
        >
            <h2 id=HEADING_ID class="sf-return__heading" tabindex="-1">{i18n.now(ReturnMsg::SummaryHeading)}</h2>
            <ul class="sf-return__lines">{lines}</ul>
            <dl class="sf-return__facts">
                <dt>{i18n.now(ReturnMsg::MethodTerm)}</dt>
                <dd>{method}</dd>
                {comment}
            </dl>
            <h3>{i18n.now(ReturnMsg::AmountsHeading)}</h3>
            <dl class="sf-return__amounts">{rows}</dl>
        </Form>
        <BackButton />
    }
    .into_any()
}
