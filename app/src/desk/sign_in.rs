//! The desk's sign-in form: checked in the browser with the same rules as the server,
//! errors shown in a GOV.UK error summary and beside each field.

use super::{DeskMsg, DeskSession};
use leptos::prelude::*;
use sf_api::agent::SignInRequest;
use sf_api::error::ErrorCode;
use sf_api::validation::{EmailAddress, FieldProblem, Password};
use sf_components::error_summary::{field_errors_from, use_form_errors};
use sf_components::i18n::email_problem;
use sf_components::{
    use_api_client, use_i18n, ClientError, CommonMsg, ErrorSummary, FieldError, I18n, TextField,
};

const EMAIL_ID: &str = "desk-email";
const PASSWORD_ID: &str = "desk-password";

/// Email and password, and the button; calls `signed_in` once the server accepts them.
#[component]
pub fn SignInForm(
    /// Called with the new session after a successful sign-in.
    signed_in: Callback<DeskSession>,
    /// Whether to confirm that the agent just signed out.
    #[prop(into)]
    just_signed_out: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = use_form_errors();
    let submit = Action::new_local(move |request: &SignInRequest| client.sign_in(request.clone()));
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(session)) => {
            password.set(String::new());
            signed_in.run(DeskSession {
                token: session.token,
                agent: session.agent,
            });
        }
        Some(Err(error)) => errors.set(server_errors(i18n, &error)),
        None => {}
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let problems = local_errors(i18n, &email.get_untracked(), &password.get_untracked());
        if errors.passes(problems) {
            submit.dispatch(SignInRequest {
                email: email.get_untracked(),
                password: password.get_untracked(),
            });
        }
    };
    view! {
        <Show when=move || just_signed_out.get()>
            <p class="sf-notice" role="status">{i18n.text(DeskMsg::SignedOut)}</p>
        </Show>
        <ErrorSummary errors=errors.all />
        <form class="sf-form" novalidate on:submit=on_submit aria-labelledby="desk-sign-in-heading">
            <h2 id="desk-sign-in-heading">{i18n.text(DeskMsg::SignInHeading)}</h2>
            <TextField
                id=EMAIL_ID
                label=Signal::derive(move || i18n.t(CommonMsg::EmailLabel).to_owned())
                value=email
                error=errors.for_field(EMAIL_ID)
                input_type="email"
                autocomplete="username"
            />
            <TextField
                id=PASSWORD_ID
                label=Signal::derive(move || i18n.t(DeskMsg::PasswordLabel).to_owned())
                value=password
                error=errors.for_field(PASSWORD_ID)
                input_type="password"
                autocomplete="current-password"
            />
            <button type="submit" class="sf-button" aria-disabled=move || submit.pending().get().then_some("true")>
                {move || if submit.pending().get() { i18n.t(DeskMsg::SigningIn) } else { i18n.t(DeskMsg::SignInButton) }}
            </button>
        </form>
    }
}

/// The same rules the server applies, so most mistakes are caught before a round trip.
fn local_errors(i18n: I18n, email: &str, password: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Err(problem) = EmailAddress::parse(email) {
        errors.push(FieldError::new(EMAIL_ID, i18n.t(email_problem(problem))));
    }
    if let Err(problem) = Password::parse(password) {
        let msg = match problem {
            FieldProblem::TooLong(_) => DeskMsg::PasswordTooLong,
            _ => DeskMsg::PasswordMissing,
        };
        errors.push(FieldError::new(PASSWORD_ID, i18n.t(msg)));
    }
    errors
}

fn server_errors(i18n: I18n, error: &ClientError) -> Vec<FieldError> {
    match error {
        ClientError::Api { body, .. } if body.error.code == ErrorCode::Unauthorized => {
            vec![FieldError::new(EMAIL_ID, i18n.t(DeskMsg::WrongCredentials))]
        }
        other => field_errors_from(i18n, other, |field| match field {
            "email" => EMAIL_ID,
            "password" => PASSWORD_ID,
            _ => "",
        }),
    }
}
