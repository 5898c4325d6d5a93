//! Opting in to updates for one order: an email address and/or a mobile number, each
//! optional, checked with the server's rules, saved with `PUT /orders/{n}/notifications`.

use super::{OrderSession, TrackerMsg};
use crate::client::{use_api_client, ClientError};
use crate::error_summary::{field_errors_from, FieldError};
use crate::form::{use_form, Form};
use crate::i18n::{email_problem, use_i18n, CommonMsg, I18n};
use crate::text_field::TextField;
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::tracking::NotificationPreferences;
use sf_api::validation::{Field, FieldRefusal};

const EMAIL_ID: &str = "sf-tracker-notify-email";
const SMS_ID: &str = "sf-tracker-notify-sms";
/// Each field of the request and its input.
const INPUTS: [(Field, &str); 2] = [
    (NotificationPreferences::EMAIL, EMAIL_ID),
    (NotificationPreferences::SMS, SMS_ID),
];

/// The notifications form of the order in `session`.
#[component]
pub(super) fn NotificationsForm(
    /// The order and its token.
    session: OrderSession,
    /// What is saved now (filled in from the order's tracking).
    saved_preferences: Signal<NotificationPreferences>,
    /// Called when the token no longer works.
    session_ended: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let initial = saved_preferences.get_untracked();
    let email = RwSignal::new(initial.email.unwrap_or_default());
    let sms = RwSignal::new(initial.sms.unwrap_or_default());
    let confirmation = RwSignal::new(None::<TrackerMsg>);
    let session = StoredValue::new(session);
    let form = use_form(
        move |preferences| {
            let OrderSession {
                order_number,
                token,
            } = session.get_value();
            client.set_notifications(&order_number, token, preferences)
        },
        move |saved: NotificationPreferences| {
            let any = saved.email.is_some() || saved.sms.is_some();
            // Show what the server kept (trimmed, lower-cased, digits only).
            email.set(saved.email.unwrap_or_default());
            sms.set(saved.sms.unwrap_or_default());
            confirmation.set(Some(if any {
                TrackerMsg::NotificationsOn
            } else {
                TrackerMsg::NotificationsOff
            }));
        },
        move |error| match error {
            ClientError::Api {
                code: ErrorCode::Unauthorized,
                ..
            } => {
                session_ended.run(());
                Vec::new()
            }
            other => field_errors_from(i18n, other, &INPUTS),
        },
    );
    let on_submit = Callback::new(move |()| {
        confirmation.set(None);
        let given = |value: String| Some(value.trim().to_owned()).filter(|value| !value.is_empty());
        let preferences = NotificationPreferences {
            email: given(email.get_untracked()),
            sms: given(sms.get_untracked()),
        };
        form.submit(preferences, |refusal| local_error(i18n, refusal));
    });
    view! {
        <section class="sf-tracker__notify" aria-labelledby="sf-tracker-notify-heading">
            <h3 id="sf-tracker-notify-heading">{i18n.text(TrackerMsg::NotifyHeading)}</h3>
            <Form
                errors=form.errors
                pending=form.pending()
                heading_id="sf-tracker-notify-heading"
                submit_label=i18n.text(TrackerMsg::SaveNotifications)
                on_submit=on_submit
            >
                <p class="sf-form__intro">{i18n.text(TrackerMsg::NotifyIntro)}</p>
                <TextField
                    id=EMAIL_ID
                    label=i18n.text(CommonMsg::EmailLabel)
                    value=email
                    error=form.errors.for_field(EMAIL_ID)
                    input_type="email"
                    autocomplete="email"
                />
                <TextField
                    id=SMS_ID
                    label=i18n.text(TrackerMsg::SmsLabel)
                    value=sms
                    error=form.errors.for_field(SMS_ID)
                    input_type="tel"
                    autocomplete="tel"
                />
            </Form>
            <p class="sf-tracker__saved" role="status">
                {move || confirmation.get().map(|msg| i18n.t(msg))}
            </p>
        </section>
    }
}

/// What a field refused by the server's own rules says, before any round trip.
fn local_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    if refusal.field == NotificationPreferences::EMAIL {
        FieldError::new(EMAIL_ID, i18n.t(email_problem(refusal.problem)))
    } else {
        FieldError::new(SMS_ID, i18n.t(TrackerMsg::SmsInvalid))
    }
}
