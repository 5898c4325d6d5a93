//! Opting in to updates for one order: an email address and/or a mobile number, each
//! optional, checked with the server's rules, saved with `PUT /orders/{n}/notifications`.

use super::{OrderSession, TrackerMsg};
use crate::client::{use_api_client, ClientError};
use crate::error_summary::{field_errors_from, use_form_errors, ErrorSummary, FieldError};
use crate::i18n::{email_problem, use_i18n, CommonMsg, I18n};
use crate::text_field::TextField;
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::tracking::NotificationPreferences;
use sf_api::validation::{EmailAddress, PhoneNumber};

const EMAIL_ID: &str = "sf-tracker-notify-email";
const SMS_ID: &str = "sf-tracker-notify-sms";

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
    let errors = use_form_errors();
    let confirmation = RwSignal::new(None::<TrackerMsg>);
    let session = StoredValue::new(session);
    let save = Action::new_local(move |preferences: &NotificationPreferences| {
        let OrderSession {
            order_number,
            token,
        } = session.get_value();
        client.set_notifications(&order_number, token, preferences.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            let any = saved.email.is_some() || saved.sms.is_some();
            // Show what the server kept (trimmed, lower-cased, digits only).
            email.set(saved.email.unwrap_or_default());
            sms.set(saved.sms.unwrap_or_default());
            confirmation.set(Some(if any {
                TrackerMsg::NotificationsOn
            } else {
                TrackerMsg::NotificationsOff
            }));
        }
        Some(Err(ClientError::Api { body, .. })) if body.error.code == ErrorCode::Unauthorized => {
            session_ended.run(())
        }
        Some(Err(error)) => errors.set(field_errors_from(i18n, &error, |field| match field {
            "email" => EMAIL_ID,
            "sms" => SMS_ID,
            _ => "",
        })),
        None => {}
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        confirmation.set(None);
        let given = |value: String| Some(value.trim().to_owned()).filter(|value| !value.is_empty());
        let preferences = NotificationPreferences {
            email: given(email.get_untracked()),
            sms: given(sms.get_untracked()),
        };
        if errors.passes(local_errors(i18n, &preferences)) {
            save.dispatch(preferences);
        }
    };
    view! {
        <section class="sf-tracker__notify" aria-labelledby="sf-tracker-notify-heading">
            <h3 id="sf-tracker-notify-heading">{i18n.text(TrackerMsg::NotifyHeading)}</h3>
            <ErrorSummary errors=errors.all />
            <form class="sf-form" novalidate on:submit=on_submit aria-labelledby="sf-tracker-notify-heading">
                <p class="sf-form__intro">{i18n.text(TrackerMsg::NotifyIntro)}</p>
                <TextField
                    id=EMAIL_ID
                    label=Signal::derive(move || i18n.t(CommonMsg::EmailLabel).to_owned())
                    value=email
                    error=errors.for_field(EMAIL_ID)
                    input_type="email"
                    autocomplete="email"
                />
                <TextField
                    id=SMS_ID
                    label=Signal::derive(move || i18n.t(TrackerMsg::SmsLabel).to_owned())
                    value=sms
                    error=errors.for_field(SMS_ID)
                    input_type="tel"
                    autocomplete="tel"
                />
                <button type="submit" class="sf-button" aria-disabled=move || save.pending().get().then_some("true")>
                    {i18n.text(TrackerMsg::SaveNotifications)}
                </button>
                <p class="sf-tracker__saved" role="status">
                    {move || confirmation.get().map(|msg| i18n.t(msg))}
                </p>
            </form>
        </section>
    }
}

fn local_errors(i18n: I18n, preferences: &NotificationPreferences) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(Err(problem)) = preferences.email.as_deref().map(EmailAddress::parse) {
        errors.push(FieldError::new(EMAIL_ID, i18n.t(email_problem(problem))));
    }
    if let Some(Err(_)) = preferences.sms.as_deref().map(PhoneNumber::parse) {
        errors.push(FieldError::new(SMS_ID, i18n.t(TrackerMsg::SmsInvalid)));
    }
    errors
}
