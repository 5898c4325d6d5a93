//! The method step: mail (with the label's fee, if any), a partner drop-off point, or one of
//! the store's shops, each shop with its address and opening hours.

use super::items::{Choice, Choices};
use super::state::Event;
use super::{method_msg, money, use_returns, BackButton, ReturnMsg};
use crate::form::Form;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use sf_api::returns::ReturnMethod;

const HEADING_ID: &str = "sf-return-method-heading";

/// How the items go back.
#[component]
pub(super) fn MethodStep() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let state = returns.state;
    let Some((order, method)) =
        state.with_untracked(|state| state.order.clone().map(|order| (order, state.draft.method)))
    else {
        return ().into_any();
    };
    let locale = i18n.locale.get_untracked();
    let fee = order.policy.mail_fee_cents;
    let mut methods = vec![ReturnMethod::Mail, ReturnMethod::DropOff];
    if !order.stores.is_empty() {
        methods.push(ReturnMethod::InStore);
    }
    let choices = methods
        .into_iter()
        .map(|choice| {
            let label = if choice == ReturnMethod::Mail && fee > 0 {
                let fee = money(fee, &order.currency, locale);
                i18n.format_now(ReturnMsg::MailWithFee, &[("fee", &fee)])
            } else {
                i18n.now(method_msg(choice)).to_owned()
            };
            Choice {
                checked: method == Some(choice),
                ..Choice::new(label, Event::Method(choice))
            }
        })
        .collect();
    let stores: Vec<Choice> = order
        .stores
        .iter()
        .map(|store| {
            let hours = i18n.format_now(ReturnMsg::OpenHours, &[("hours", &store.opening_hours)]);
            Choice {
                hint: Some(format!("{}. {hours}", store.address)),
                ..Choice::new(store.name.clone(), Event::Store(store.id))
            }
        })
        .collect();
    let in_store =
        Memo::new(move |_| state.with(|state| state.draft.method == Some(ReturnMethod::InStore)));
    view! {
        <Form
            errors=returns.errors
            pending=returns.pending()
            heading_id=HEADING_ID
            class="sf-return__form"
            submit_label=i18n.text(ReturnMsg::ContinueButton)
            pending_label=i18n.text(ReturnMsg::GettingSummary)
            on_submit=Callback::new(move |()| returns.send(Event::Continue))
        >
            <Choices
                field="method".to_owned()
                legend=i18n.now(ReturnMsg::MethodHeading).to_owned()
                choices=choices
                heading_id=HEADING_ID
            />
            {move || {
                in_store
                    .get()
                    .then(|| {
                        // Chosen as the state has it now: the group comes back when the
                        // shopper returns to "In one of our shops".
                        let current = state.with_untracked(|state| state.draft.store_id);
                        let choices = stores
                            .iter()
                            .cloned()
                            .map(|choice| Choice {
                                checked: matches!(choice.event, Event::Store(id) if Some(id) == current),
                                ..choice
                            })
                            .collect();
                        view! {
                            <Choices
                                field="store".to_owned()
                                legend=i18n.now(ReturnMsg::StoreLegend).to_owned()
                                choices=choices
                            />
                        }
                    })
            }}
        </Form>
        <BackButton />
    }
    .into_any()
}
