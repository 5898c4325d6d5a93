//! `ErrorSummary`: the GOV.UK error summary. Shown at the top of a form when a submission
//! fails; it takes focus, so screen-reader users hear the problems at once, and links to
//! each field at fault.

use crate::i18n::{use_i18n, CommonMsg};
use leptos::html;
use leptos::prelude::*;

/// One problem with one field: the field's `id` (the link target) and what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The `id` of the input to fix; empty for a problem with the form as a whole.
    pub field_id: String,
    /// What to fix, already in the reader's language.
    pub message: String,
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
            // Focus the input itself (not just scroll to it), as the GOV.UK pattern does.
            if let Some(input) = document().get_element_by_id(&field_id) {
                event.prevent_default();
                if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                    let _ = input.focus();
                }
            }
        }
    };
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="sf-error-summary" role="alert" tabindex="-1" node_ref=summary>
                <h2 class="sf-error-summary__title">{move || i18n.t(CommonMsg::ErrorSummaryTitle)}</h2>
                <ul class="sf-error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                if error.field_id.is_empty() {
                                    view! { <li>{error.message}</li> }.into_any()
                                } else {
                                    let href = format!("#{}", error.field_id);
                                    view! {
                                        <li>
                                            <a href=href on:click=focus_field(error.field_id.clone())>
                                                {error.message}
                                            </a>
                                        </li>
                                    }
                                        .into_any()
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
