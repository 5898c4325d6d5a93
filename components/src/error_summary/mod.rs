//! `ErrorSummary`: the GOV.UK error summary. Shown at the top of a form when a submission
//! fails; it takes focus, so screen-reader users hear the problems at once, and links to
//! each field at fault.

use crate::client::ClientError;
use crate::i18n::{use_i18n, CommonMsg, I18n};
use leptos::html;
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::validation::Field;
use wasm_bindgen::JsCast;

/// One problem with one field: the field's `id` (the link target) and what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The `id` of the input to fix; empty for a problem with the form as a whole.
    pub field_id: String,
    /// What to fix, already in the reader's language.
    pub message: String,
}

impl FieldError {
    /// A problem with the field `field_id` (`""` for the form as a whole).
    pub fn new(field_id: &str, message: impl Into<String>) -> Self {
        Self {
            field_id: field_id.to_owned(),
            message: message.into(),
        }
    }
}

/// A form's current problems: what its [`ErrorSummary`] lists and each field shows.
#[derive(Clone, Copy, Debug)]
pub struct FormErrors {
    /// Every problem, in the order the summary lists them.
    pub all: RwSignal<Vec<FieldError>>,
}

impl FormErrors {
    /// The message for the input `field_id`, for its `TextField`'s `error` prop.
    pub fn for_field(self, field_id: &'static str) -> Signal<Option<String>> {
        let all = self.all;
        Signal::derive(move || {
            all.with(|errors| {
                errors
                    .iter()
                    .find(|error| error.field_id == field_id)
                    .map(|error| error.message.clone())
            })
        })
    }

    /// Replaces the problems (an empty list hides the summary).
    pub fn set(self, errors: Vec<FieldError>) {
        self.all.set(errors);
    }

    /// Shows what the browser found wrong before a submission (clearing the summary when
    /// nothing is) and says whether the form may go to the server.
    pub fn passes(self, local_problems: Vec<FieldError>) -> bool {
        let clean = local_problems.is_empty();
        self.set(local_problems);
        clean
    }
}

/// A form's problems, empty to start with.
pub fn use_form_errors() -> FormErrors {
    FormErrors {
        all: RwSignal::new(Vec::new()),
    }
}

/// What a form should list after the server refused it: "wait N seconds" for a rate limit,
/// the server's own sentence beside each field it named (`inputs` pairs each field of the
/// request with the id of its input; a field not listed goes to the top of the summary), or
/// one general message. Forms match the codes that mean something particular to them (a wrong
/// password, an unknown order) before calling this.
pub fn field_errors_from(
    i18n: I18n,
    error: &ClientError,
    inputs: &[(Field, &'static str)],
) -> Vec<FieldError> {
    match error {
        ClientError::Api {
            code: ErrorCode::RateLimited,
            retry_after_seconds,
            ..
        } => {
            let seconds = retry_after_seconds.unwrap_or(1).to_string();
            vec![FieldError::new(
                "",
                i18n.format(CommonMsg::TooManyAttempts, &[("seconds", &seconds)]),
            )]
        }
        ClientError::Api { fields, .. } if !fields.is_empty() => fields
            .iter()
            .map(|(name, message)| FieldError::new(input_for(inputs, name), message.as_str()))
            .collect(),
        other => vec![FieldError::new("", i18n.t(other.generic_message()))],
    }
}

/// The id of the input of the field named `name` on the wire; `""` (the summary's top) when
/// the form has none.
fn input_for(inputs: &[(Field, &'static str)], name: &str) -> &'static str {
    inputs
        .iter()
        .find(|(field, _)| field.name == name)
        .map_or("", |(_, input)| input)
}

/// The list of problems with a form, focused whenever it changes and is not empty.
#[component]
pub fn ErrorSummary(
    /// The problems to list; nothing is rendered while it is empty.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    let focus_field = move |field_id: String| {
        move |event: leptos::ev::MouseEvent| {
            // Focus the input itself (not just scroll to it), as the GOV.UK pattern does. In a
            // merchant's page the form is in the element's shadow root, which `document`
            // cannot see into: look in the link's own root.
            let Some(link) = event
                .current_target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            else {
                return;
            };
            let root = link.get_root_node();
            let input = match root.dyn_ref::<web_sys::DocumentFragment>() {
                Some(shadow_root) => shadow_root.get_element_by_id(&field_id),
                None => document().get_element_by_id(&field_id),
            };
            if let Some(input) =
                input.and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok())
            {
                event.prevent_default();
                let _ = input.focus();
            }
        }
    };
    // Drawn again whenever the problems change; a `Show` would add a memo and a second copy
    // of the renderer for nothing.
    view! {
        {move || {
            let errors = errors.get();
            (!errors.is_empty())
                .then(|| {
                    let items = errors
                        .into_iter()
                        .map(|error| {
                            if error.field_id.is_empty() {
                                view! { <li>{error.message}</li> }.into_any()
                            } else {
                                let href = format!("#{}", error.field_id);
                                view! {
                                    <li>
                                        <a href=href on:click=focus_field(error.field_id)>
                                            {error.message}
                                        </a>
                                    </li>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="sf-error-summary" role="alert" tabindex="-1" node_ref=summary>
                            <h2 class="sf-error-summary__title">{i18n.text(CommonMsg::ErrorSummaryTitle)}</h2>
                            <ul class="sf-error-summary__list">{items}</ul>
                        </div>
                    }
                })
        }}
    }
}
