//! The desk's sign-in form: checked in the browser with the same rules as the server,
//! errors shown in a GOV.UK error summary and beside each field.

use super::{DeskMsg, DeskSession};
use leptos::prelude::*;
use sf_api::agent::SignInRequest;
use sf_api::error::ErrorCode;
use sf_api::validation::{Field, FieldProblem, FieldRefusal};
use sf_components::error_summary::field_errors_from;
use sf_components::form::{use_form, Form};
use sf_components::i18n::email_problem;
use sf_components::{
    use_api_client, use_i18n, ClientError, CommonMsg, FieldError, I18n, TextField,
};

const EMAIL_ID: &str = "desk-email";
const PASSWORD_ID: &str = "desk-password";
/// Each field of the request and its input.
const INPUTS: [(Field, &str); 2] = [
    (SignInRequest::EMAIL, EMAIL_ID),
    (SignInRequest::PASSWORD, PASSWORD_ID),
];

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
    let form = use_form(
        move |request| client.sign_in(request),
        move |session: sf_api::agent::AgentSession| {
            password.set(String::new());
            signed_in.run(DeskSession {
                token: session.token,
                agent: session.agent,
            });
        },
        move |error| server_errors(i18n, error),
    );
    let on_submit = Callback::new(move |()| {
        let request = SignInRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        form.submit(request, |refusal| local_error(i18n, refusal));
    });
    view! {
        <Show when=move || just_signed_out.get()>
            <p class="sf-notice" role="status">{i18n.text(DeskMsg::SignedOut)}</p>
        </Show>
        <Form
            errors=form.errors
            pending=form.pending()
            heading_id="desk-sign-in-heading"
            submit_label=i18n.text(DeskMsg::SignInButton)
            pending_label=i18n.text(DeskMsg::SigningIn)
            on_submit=on_submit
        >
            <h2 id="desk-sign-in-heading">{i18n.text(DeskMsg::SignInHeading)}</h2>
            <TextField
                id=EMAIL_ID
                label=i18n.text(CommonMsg::EmailLabel)
                value=email
                error=form.errors.for_field(EMAIL_ID)
                input_type="email"
                autocomplete="username"
            />
            <TextField
                id=PASSWORD_ID
                label=i18n.text(DeskMsg::PasswordLabel)
                value=password
                error=form.errors.for_field(PASSWORD_ID)
                input_type="password"
                autocomplete="current-password"
            />
        </Form>
    }
}

/// What a field refused by the server's own rules says, before any round trip.
fn local_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    if refusal.field == SignInRequest::EMAIL {
        return FieldError::new(EMAIL_ID, i18n.t(email_problem(refusal.problem)));
    }
    let msg = match refusal.problem {
        FieldProblem::TooLong(_) => DeskMsg::PasswordTooLong,
        _ => DeskMsg::PasswordMissing,
    };
    FieldError::new(PASSWORD_ID, i18n.t(msg))
}
fn server_errors(i18n: I18n, error: &ClientError) -> Vec<FieldError> {
    match error {
        ClientError::Api {
            code: ErrorCode::Unauthorized,
            ..
        } => {
            vec![FieldError::new(EMAIL_ID, i18n.t(DeskMsg::WrongCredentials))]
        }
        other => field_errors_from(i18n, other, &INPUTS),
    }
}
