//! The lookup form: order number and email, checked here with the server's own rules, and
//! the error-summary pattern for whatever is wrong.

use super::TrackerMsg;
use crate::client::{use_api_client, ClientError};
use crate::error_summary::{field_errors_from, use_form_errors, ErrorSummary, FieldError};
use crate::i18n::{email_problem, use_i18n, CommonMsg, I18n};
use crate::text_field::TextField;
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::tracking::{OrderAccess, OrderLookupRequest};
use sf_api::validation::{EmailAddress, FieldProblem, OrderNumber};

const ORDER_NUMBER_ID: &str = "sf-tracker-order-number";
const EMAIL_ID: &str = "sf-tracker-email";

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
    let client = use_api_client();
    let order_number = RwSignal::new(order_number);
    let email = RwSignal::new(String::new());
    let errors = use_form_errors();
    let look_up = Action::new_local(move |request: &OrderLookupRequest| {
        client.look_up_order(request.clone())
    });
    Effect::new(move |_| match look_up.value().get() {
        Some(Ok(access)) => found.run(access),
        Some(Err(error)) => errors.set(server_errors(i18n, &error)),
        None => {}
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let request = OrderLookupRequest {
            order_number: order_number.get_untracked(),
            email: email.get_untracked(),
        };
        if errors.passes(local_errors(i18n, &request)) {
            look_up.dispatch(request);
        }
    };
    view! {
        {notice.map(|msg| view! { <p class="sf-notice" role="status">{i18n.text(msg)}</p> })}
        <ErrorSummary errors=errors.all />
        <form class="sf-form sf-tracker__lookup" novalidate on:submit=on_submit aria-labelledby="sf-tracker-lookup-heading">
            <h2 id="sf-tracker-lookup-heading">{i18n.text(TrackerMsg::LookupHeading)}</h2>
            <p class="sf-form__intro">{i18n.text(TrackerMsg::LookupIntro)}</p>
            <TextField
                id=ORDER_NUMBER_ID
                label=Signal::derive(move || i18n.t(TrackerMsg::OrderNumberLabel).to_owned())
                value=order_number
                error=errors.for_field(ORDER_NUMBER_ID)
            />
            <TextField
                id=EMAIL_ID
                label=Signal::derive(move || i18n.t(CommonMsg::EmailLabel).to_owned())
                value=email
                error=errors.for_field(EMAIL_ID)
                input_type="email"
                autocomplete="email"
            />
            <button type="submit" class="sf-button" aria-disabled=move || look_up.pending().get().then_some("true")>
                {move || if look_up.pending().get() { i18n.t(TrackerMsg::Finding) } else { i18n.t(TrackerMsg::FindButton) }}
            </button>
        </form>
    }
}

/// The server's rules, applied before a round trip (the server applies them again).
fn local_errors(i18n: I18n, request: &OrderLookupRequest) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Err(problem) = OrderNumber::parse(&request.order_number) {
        let msg = match problem {
            FieldProblem::Missing => TrackerMsg::OrderNumberMissing,
            FieldProblem::TooLong(_) => TrackerMsg::OrderNumberTooLong,
            _ => TrackerMsg::OrderNumberInvalid,
        };
        errors.push(FieldError::new(ORDER_NUMBER_ID, i18n.t(msg)));
    }
    if let Err(problem) = EmailAddress::parse(&request.email) {
        errors.push(FieldError::new(EMAIL_ID, i18n.t(email_problem(problem))));
    }
    errors
}

fn server_errors(i18n: I18n, error: &ClientError) -> Vec<FieldError> {
    match error {
        // One message for both fields: saying which one is wrong would confirm that an
        // order number exists.
        ClientError::Api { body, .. } if body.error.code == ErrorCode::NotFound => {
            vec![FieldError::new(
                ORDER_NUMBER_ID,
                i18n.t(TrackerMsg::NotFound),
            )]
        }
        other => field_errors_from(i18n, other, |field| match field {
            "order_number" => ORDER_NUMBER_ID,
            "email" => EMAIL_ID,
            _ => "",
        }),
    }
}
