//! The lookup form: order number and email, checked here with the server's own rules, and
//! the error-summary pattern for whatever is wrong.

use super::TrackerMsg;
use crate::client::{use_api_client, ClientError};
use crate::error_summary::{field_errors_from, FieldError};
use crate::form::{use_form, Form};
use crate::i18n::{email_problem, use_i18n, CommonMsg, I18n};
use crate::text_field::TextField;
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::tracking::{OrderAccess, OrderLookupRequest};
use sf_api::validation::{Field, FieldProblem, FieldRefusal};

const ORDER_NUMBER_ID: &str = "sf-tracker-order-number";
const EMAIL_ID: &str = "sf-tracker-email";
/// Each field of the request and its input.
const INPUTS: [(Field, &str); 2] = [
    (OrderLookupRequest::ORDER_NUMBER, ORDER_NUMBER_ID),
    (OrderLookupRequest::EMAIL, EMAIL_ID),
];

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
    let form = use_form(
        move |request| client.look_up_order(request),
        move |access| found.run(access),
        move |error| server_errors(i18n, error),
    );
    let on_submit = Callback::new(move |()| {
        let request = OrderLookupRequest {
            order_number: order_number.get_untracked(),
            email: email.get_untracked(),
        };
        form.submit(request, |refusal| local_error(i18n, refusal));
    });
    view! {
        {notice.map(|msg| view! { <p class="sf-notice" role="status">{i18n.text(msg)}</p> })}
        <Form
            errors=form.errors
            pending=form.pending()
            heading_id="sf-tracker-lookup-heading"
            class="sf-tracker__lookup"
            submit_label=i18n.text(TrackerMsg::FindButton)
            pending_label=i18n.text(TrackerMsg::Finding)
            on_submit=on_submit
        >
            <h2 id="sf-tracker-lookup-heading">{i18n.text(TrackerMsg::LookupHeading)}</h2>
            <p class="sf-form__intro">{i18n.text(TrackerMsg::LookupIntro)}</p>
            <TextField
                id=ORDER_NUMBER_ID
                label=i18n.text(TrackerMsg::OrderNumberLabel)
                value=order_number
                error=form.errors.for_field(ORDER_NUMBER_ID)
            />
            <TextField
                id=EMAIL_ID
                label=i18n.text(CommonMsg::EmailLabel)
                value=email
                error=form.errors.for_field(EMAIL_ID)
                input_type="email"
                autocomplete="email"
            />
        </Form>
    }
}

/// What a field refused by the server's own rules says, before any round trip.
fn local_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    if refusal.field == OrderLookupRequest::EMAIL {
        return FieldError::new(EMAIL_ID, i18n.t(email_problem(refusal.problem)));
    }
    let msg = match refusal.problem {
        FieldProblem::Missing => TrackerMsg::OrderNumberMissing,
        FieldProblem::TooLong(_) => TrackerMsg::OrderNumberTooLong,
        _ => TrackerMsg::OrderNumberInvalid,
    };
    FieldError::new(ORDER_NUMBER_ID, i18n.t(msg))
}

fn server_errors(i18n: I18n, error: &ClientError) -> Vec<FieldError> {
    match error {
        // One message for both fields: saying which one is wrong would confirm that an
        // order number exists.
        ClientError::Api {
            code: ErrorCode::NotFound,
            ..
        } => {
            vec![FieldError::new(
                ORDER_NUMBER_ID,
                i18n.t(TrackerMsg::NotFound),
            )]
        }
        other => field_errors_from(i18n, other, &INPUTS),
    }
}
