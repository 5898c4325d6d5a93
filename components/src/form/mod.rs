//! The form building block every form uses, so none repeats the scaffold: a submission
//! ([`use_form`]) that checks the request with the server's own rules
//! ([`sf_api::validation::Validate`]) before a round trip, sends it as an `Action`, and
//! turns a refusal into field errors; and the frame ([`Form`]) that shows the GOV.UK error
//! summary (focused when it appears), the form and its submit button with a busy state.

use crate::client::ClientError;
use crate::error_summary::{use_form_errors, ErrorSummary, FieldError, FormErrors};
use leptos::prelude::*;
use sf_api::validation::{FieldRefusal, Validate};
use std::future::Future;

/// One form's submission: its problems and the request in flight.
pub struct UseForm<Request: 'static> {
    /// What the error summary lists and each field shows.
    pub errors: FormErrors,
    /// The submission; `pending` while the server has not answered.
    pub action: Action<Request, ()>,
}

impl<Request: 'static> Clone for UseForm<Request> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Request: 'static> Copy for UseForm<Request> {}

/// A form that sends `Request`s with `send`: on success `succeeded` gets the answer, on a
/// refusal `refused` says which fields to fix (after the form's own special cases, usually
/// ending in [`crate::error_summary::field_errors_from`]).
pub fn use_form<Request, Answer, Sending>(
    send: impl Fn(Request) -> Sending + 'static,
    succeeded: impl Fn(Answer) + Send + Sync + 'static,
    refused: impl Fn(&ClientError) -> Vec<FieldError> + Send + Sync + 'static,
) -> UseForm<Request>
where
    Request: Clone + 'static,
    Answer: 'static,
    Sending: Future<Output = Result<Answer, ClientError>> + 'static,
{
    let errors = use_form_errors();
    let succeeded = Callback::new(succeeded);
    let refused = Callback::new(move |error: ClientError| refused(&error));
    let action = Action::new_local(move |request: &Request| {
        let answer = send(request.clone());
        async move {
            match answer.await {
                Ok(answer) => succeeded.run(answer),
                Err(error) => errors.set(refused.run(error)),
            }
        }
    });
    UseForm { errors, action }
}

impl<Request: Validate + Clone + 'static> UseForm<Request> {
    /// Checks `request` with the server's rules, shows what is wrong (each refusal in words,
    /// with its input, by `describe`), and sends it when nothing is. While one is in flight
    /// another is ignored: `aria-disabled` does not stop Enter or a second click.
    pub fn submit(self, request: Request, describe: impl Fn(&FieldRefusal) -> FieldError) {
        if self.action.pending().get_untracked() {
            return;
        }
        let problems = match request.validate() {
            Ok(_) => Vec::new(),
            Err(refusals) => refusals.iter().map(describe).collect(),
        };
        if self.errors.passes(problems) {
            self.action.dispatch_local(request);
        }
    }

    /// Whether the server is still answering.
    pub fn pending(self) -> Signal<bool> {
        self.action.pending().into()
    }
}

/// The frame of a form: error summary, `<form>` named by its heading, the fields, and a
/// submit button that says it is busy while the form is sent.
#[component]
pub fn Form(
    /// The form's problems (from [`use_form`]).
    errors: FormErrors,
    /// Whether a submission is in flight (from [`UseForm::pending`]).
    #[prop(into)]
    pending: Signal<bool>,
    /// The `id` of the heading inside `children` that names the form.
    heading_id: &'static str,
    /// Extra classes of the `<form>`, after `sf-form`.
    #[prop(optional)]
    class: &'static str,
    /// The submit button's text.
    #[prop(into)]
    submit_label: Signal<&'static str>,
    /// The button's text while the form is sent (else it keeps `submit_label`).
    #[prop(into, optional)]
    pending_label: Option<Signal<&'static str>>,
    /// Called when the shopper submits (the browser's own submission is prevented).
    on_submit: Callback<()>,
    /// The heading and the fields.
    children: Children,
) -> impl IntoView {
    let class = format!("sf-form {class}");
    view! {
        <ErrorSummary errors=errors.all />
        <form
            class=class.trim_end().to_owned()
            novalidate
            aria-labelledby=heading_id
            on:submit=move |event| {
                event.prevent_default();
                on_submit.run(());
            }
        >
            {children()}
            <button type="submit" class="sf-button" aria-disabled=move || pending.get().then_some("true")>
                {move || match pending_label {
                    Some(busy) if pending.get() => busy.get(),
                    _ => submit_label.get(),
                }}
            </button>
        </form>
    }
}
