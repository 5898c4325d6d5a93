//! `TextField`: a labelled input with its error message, GOV.UK style: the message sits
//! between label and input, starts with a visually hidden "Error:", and is tied to the
//! input with `aria-describedby`; the input is marked `aria-invalid` while it has one.

use crate::i18n::{use_i18n, CommonMsg};
use leptos::prelude::*;

/// Where a [`TextField`]'s value lives: a signal of its own (any `RwSignal<String>` converts),
/// or a component's one state, read through `read` and changed by `write`.
#[derive(Clone, Copy)]
pub struct FieldValue {
    /// The value as typed.
    pub read: Signal<String>,
    /// Called with the value at every keystroke.
    pub write: Callback<String>,
}

impl From<RwSignal<String>> for FieldValue {
    fn from(value: RwSignal<String>) -> Self {
        Self {
            read: value.into(),
            write: Callback::new(move |typed| value.set(typed)),
        }
    }
}

/// A text input with a visible label and an optional error.
#[component]
pub fn TextField(
    /// The input's `id`, also the target of the error summary's link.
    #[prop(into)]
    id: String,
    /// The visible label: the catalogue's text (`i18n.text(…)`).
    #[prop(into)]
    label: Signal<&'static str>,
    /// The value, two-way bound (see [`FieldValue`]).
    #[prop(into)]
    value: FieldValue,
    /// What to fix, when the value was refused.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The input's `type` (`text`, `email`, `password`, …).
    #[prop(into, default = "text".into())]
    input_type: String,
    /// The `autocomplete` token, so browsers and password managers can fill it.
    #[prop(into, optional)]
    autocomplete: Option<String>,
    /// Whether the browser checks the spelling: for prose (a review's title), not for the
    /// names, numbers and addresses most fields hold.
    #[prop(optional)]
    check_spelling: bool,
) -> impl IntoView {
    let described_by = error_reference(&id, error);
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id.clone()>{label}</label>
            <ErrorMessage field_id=id.clone() error=error />
            <input
                class="sf-field__input"
                name=id.clone()
                id=id
                type=input_type
                autocomplete=autocomplete
                spellcheck=if check_spelling { "true" } else { "false" }
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                prop:value=move || value.read.get()
                on:input=move |event| value.write.run(event_target_value(&event))
            />
        </div>
    }
}

/// The id of the error message of the field `field_id`.
pub fn error_id(field_id: &str) -> String {
    format!("{field_id}-error")
}

/// What a field's `aria-describedby` says: its error message's id while it has one.
pub(crate) fn error_reference(
    field_id: &str,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let error_id = error_id(field_id);
    move || error.get().map(|_| error_id.clone())
}

/// A field's error message, between its label and its control, starting with a visually
/// hidden "Error:"; nothing while the value is accepted.
#[component]
pub fn ErrorMessage(
    /// The field's control's id.
    #[prop(into)]
    field_id: String,
    /// What to fix, when the value was refused.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = error_id(&field_id);
    move || {
        error.get().map(|message| {
            view! {
                <p class="sf-field__error" id=error_id.clone()>
                    <span class="sf-visually-hidden">{i18n.t(CommonMsg::ErrorPrefix)} " "</span>
                    {message}
                </p>
            }
        })
    }
}
