//! The form building block every form uses, so none repeats the scaffold: a submission
//! ([`use_form`]) that checks the request with the server's own rules
//! ([`sf_api::validation::Validate`]) before a round trip, sends it as an `Action`, and
//! turns a refusal into field errors; and the frame ([`Form`]) that shows the GOV.UK error
//! summary (focused when it appears), the form and its submit button with a busy state.
//! A form whose state is one value keeps its problems as data ([`Problem`]): the shared
//! kinds, how a failed call becomes them ([`problems_from`]) and their common words.

use crate::chunk::mount_into;
use crate::client::ClientError;
use crate::error_summary::{use_form_errors, ErrorSummary, FieldError, FormErrors};
use leptos::html;
use leptos::prelude::*;
use sf_api::validation::{FieldRefusal, Validate};
use std::future::Future;

mod problem;
#[cfg(test)]
pub(crate) use problem::fields_of;
pub use problem::{problems_from, PhotoWords, Problem, ProblemText};

/// One form's submission: its problems and whether one is in flight.
pub struct UseForm<Request: 'static> {
    /// What the error summary lists and each field shows.
    pub errors: FormErrors,
    /// Whether the server has not answered the submission yet.
    pending: RwSignal<bool>,
    /// Sends one request and settles its answer (see [`use_form`]).
    send: StoredValue<Box<dyn Fn(Request)>, LocalStorage>,
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
///
/// A plain task and one `pending` signal rather than an `Action`: the action's input, value
/// and version signals were kilobytes of every element's module that no form read.
pub fn use_form<Request, Answer, Sending>(
    send: impl Fn(Request) -> Sending + 'static,
    succeeded: impl Fn(Answer) + 'static,
    refused: impl Fn(&ClientError) -> Vec<FieldError> + 'static,
) -> UseForm<Request>
where
    Request: 'static,
    Answer: 'static,
    Sending: Future<Output = Result<Answer, ClientError>> + 'static,
{
    let errors = use_form_errors();
    let pending = RwSignal::new(false);
    let succeeded = std::rc::Rc::new(succeeded);
    let refused = std::rc::Rc::new(refused);
    let send = move |request: Request| {
        let answer = send(request);
        let (succeeded, refused) = (succeeded.clone(), refused.clone());
        pending.set(true);
        leptos::task::spawn_local(async move {
            let answer = answer.await;
            // The form may have gone while the server answered (the shopper moved on); its
            // signal then hands the value back instead of taking it.
            if pending.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(answer) => succeeded(answer),
                Err(error) => errors.set(refused(&error)),
            }
        });
    };
    UseForm {
        errors,
        pending,
        send: StoredValue::new_local(Box::new(send)),
    }
}

impl<Request: Validate + 'static> UseForm<Request> {
    /// Checks `request` with the server's rules, shows what is wrong (each refusal in words,
    /// with its input, by `describe`), and sends it when nothing is. While one is in flight
    /// another is ignored: `aria-disabled` does not stop Enter or a second click.
    pub fn submit(self, request: Request, describe: impl Fn(&FieldRefusal) -> FieldError) {
        if self.pending.get_untracked() {
            return;
        }
        let problems = request.refusals().iter().map(describe).collect();
        if self.errors.passes(problems) {
            self.send.with_value(|send| send(request));
        }
    }

    /// Whether the server is still answering.
    pub fn pending(self) -> Signal<bool> {
        self.pending.into()
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
    /// Where the error summary goes instead of just above the form: an element drawn
    /// earlier, above the heading and fields that come before the form (a first screen
    /// whose rest is this form, see [`crate::chunk`]).
    #[prop(optional)]
    summary_place: Option<NodeRef<html::Div>>,
    /// The heading and the fields.
    children: Children,
) -> impl IntoView {
    let class = format!("sf-form {class}");
    let summary = match summary_place {
        Some(place) => {
            mount_into(place, view! { <ErrorSummary errors=errors.all /> });
            None
        }
        None => Some(view! { <ErrorSummary errors=errors.all /> }),
    };
    view! {
        {summary}
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
