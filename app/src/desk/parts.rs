//! Building blocks of the desk's workspaces that open one thing at a time from a queue (a
//! return, a review): what is open and which asking it answers, the status message that
//! says what the agent's last move did, and the forms' refusals in words.

use super::messages::DeskMsg;
use leptos::html;
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::validation::{required_text, Field, FieldProblem, FieldRefusal};
use sf_components::error_summary::field_errors_from;
use sf_components::{use_i18n, ClientError, FieldError, I18n};
use std::future::Future;

/// The thing on screen (`T`: a return, a review), shared by the finder, the queue and the
/// detail.
pub(super) struct Opened<T: Send + Sync + 'static> {
    /// The thing shown, as the server last answered.
    pub shown: RwSignal<Option<T>>,
    /// Counts openings, so focus moves to the thing even when it was on screen already.
    pub openings: RwSignal<u32>,
    /// What the agent's last move did, for the status message.
    pub done: RwSignal<Option<String>>,
    /// Whether opening one from the queue failed.
    pub failed: RwSignal<bool>,
    /// Counts moves, so the queue is read again after each.
    pub moves: RwSignal<u32>,
    /// Counts askings: only the answer to the latest is shown, so a slow answer never
    /// replaces the thing the agent asked for since.
    asked: StoredValue<u32>,
}

impl<T: Send + Sync + 'static> Clone for Opened<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Opened<T> {}

impl<T: Send + Sync + 'static> Opened<T> {
    /// Nothing open.
    pub fn new() -> Self {
        Self {
            shown: RwSignal::new(None),
            openings: RwSignal::new(0),
            done: RwSignal::new(None),
            failed: RwSignal::new(false),
            moves: RwSignal::new(0),
            asked: StoredValue::new(0),
        }
    }

    /// A new asking; its number, for [`Opened::show`] and [`Opened::fail`].
    pub fn ask(self) -> u32 {
        self.failed.set(false);
        self.asked.update_value(|asked| *asked += 1);
        self.asked.get_value()
    }

    /// Whether `asking` is the latest (and the desk still here).
    fn latest(self, asking: u32) -> bool {
        self.asked.try_get_value() == Some(asking)
    }

    /// Shows `found`, the answer to `asking`, unless the agent has asked for another since.
    pub fn show(self, asking: u32, found: T) {
        if self.latest(asking) {
            self.done.set(None);
            self.shown.set(Some(found));
            self.openings.update(|count| *count += 1);
        }
    }

    /// Says that `asking` failed, unless the agent has asked for another since.
    fn fail(self, asking: u32) {
        if self.latest(asking) {
            self.failed.set(true);
        }
    }

    /// Opens what `finding` answers (a queue's "Open"), or says it could not be read.
    pub fn load(self, finding: impl Future<Output = Result<T, ClientError>> + 'static) {
        let asking = self.ask();
        leptos::task::spawn_local(async move {
            match finding.await {
                Ok(found) => self.show(asking, found),
                Err(_) => self.fail(asking),
            }
        });
    }

    /// The server's answer to a move: shown, told in the status message (`done`), and the
    /// queue read again.
    pub fn moved(self, answer: T, done: String) {
        self.shown.set(Some(answer));
        self.done.set(Some(done));
        self.moves.update(|count| *count += 1);
    }

    /// Moves focus to `heading` at each opening, so the agent starts reading what they
    /// opened (the button pressed stays in the queue below).
    pub fn focus_on_opening(self, heading: NodeRef<html::H3>) {
        Effect::new(move |_| {
            self.openings.track();
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        });
    }
}

/// The status message of an open thing: a live region that is always there (so what is put
/// in it is announced), whose sentence takes focus after each move, since the button pressed
/// may be gone.
#[component]
pub(super) fn DoneNote(
    /// What the agent's last move did.
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let note = NodeRef::<html::P>::new();
    Effect::new(move |_| {
        if done.with(Option::is_some) {
            if let Some(note) = note.get() {
                let _ = note.focus();
            }
        }
    });
    view! {
        <div role="status">
            <p class="sf-notice" tabindex="-1" node_ref=note hidden=move || done.with(Option::is_none)>
                {move || done.get()}
            </p>
        </div>
    }
}

/// What a reason or a number typed must be: some text, not too much.
pub(super) fn required(field: Field, text: &str, max: usize) -> Result<(), Vec<FieldRefusal>> {
    required_text(text, max)
        .map(|_| ())
        .map_err(|problem| vec![FieldRefusal { field, problem }])
}

/// A text field refused by the browser, in words, beside its input.
pub(super) fn text_error(
    i18n: I18n,
    refusal: &FieldRefusal,
    input: &str,
    missing: DeskMsg,
    too_long: DeskMsg,
) -> FieldError {
    let message = match refusal.problem {
        FieldProblem::TooLong(max) => i18n.format(too_long, &[("max", &max.to_string())]),
        _ => i18n.t(missing).to_owned(),
    };
    FieldError::new(input, message)
}

/// What the summary lists after the server refused: each field it named beside its input
/// (`input_for` gives the input of a field's name on the wire, when the form has one), its
/// own sentence when it named none (a move the status does not allow, 409), or what every
/// form lists (a rate limit, a network failure, a server error).
pub(super) fn refusal_errors(
    i18n: I18n,
    error: &ClientError,
    input_for: impl Fn(&str) -> Option<String>,
) -> Vec<FieldError> {
    match error {
        ClientError::Api {
            code: ErrorCode::RateLimited,
            ..
        } => field_errors_from(i18n, error, &[]),
        ClientError::Api { fields, .. } if !fields.is_empty() => fields
            .iter()
            .map(|(name, message)| {
                FieldError::new(&input_for(name).unwrap_or_default(), message.as_str())
            })
            .collect(),
        ClientError::Api {
            status: 400..=499,
            message,
            ..
        } => vec![FieldError::new("", message.as_str())],
        other => field_errors_from(i18n, other, &[]),
    }
}

/// A queue as the server answered it: `table` of its entries, the sentence `empty` when there
/// are none, or `failed` as an alert; nothing while the first answer is on its way, and the
/// last answer stays while the next one comes (a `Transition`).
pub(super) fn queue_answer<T, V>(
    i18n: I18n,
    answer: LocalResource<Result<Vec<T>, ClientError>>,
    empty: DeskMsg,
    failed: DeskMsg,
    table: impl Fn(Vec<T>) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| ()>
            {move || {
                answer.get().map(|answer| match answer {
                    Ok(entries) if entries.is_empty() => view! { <p>{i18n.text(empty)}</p> }.into_any(),
                    Ok(entries) => table(entries).into_any(),
                    Err(_) => view! { <p role="alert">{i18n.text(failed)}</p> }.into_any(),
                })
            }}
        </Transition>
    }
}

/// A table's header row: each column's name, and a last column read but not shown when the
/// rows end with a button.
pub(super) fn header_row(i18n: I18n, columns: &[DeskMsg], with_actions: bool) -> impl IntoView {
    view! {
        <tr>
            {columns.iter().map(|&column| view! { <th scope="col">{i18n.text(column)}</th> }).collect_view()}
            {with_actions.then(|| view! {
                <th scope="col"><span class="sf-visually-hidden">{i18n.text(DeskMsg::HelpActions)}</span></th>
            })}
        </tr>
    }
}

/// A textarea with its label, its error and how many characters it has of the most it may
/// have (read with it, as its description).
#[component]
pub(super) fn CountedTextarea(
    /// The textarea's id, also the error summary's link target.
    id: &'static str,
    /// Its label.
    label: DeskMsg,
    /// The text, two-way bound.
    value: RwSignal<String>,
    /// The most characters it may have.
    max: usize,
    /// What to fix, when the text was refused.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count_id = format!("{id}-count");
    let described_by = {
        let count_id = count_id.clone();
        move || match error.get() {
            Some(_) => format!("{count_id} {}", sf_components::text_field::error_id(id)),
            None => count_id.clone(),
        }
    };
    let max_text = max.to_string();
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id>{i18n.text(label)}</label>
            <sf_components::text_field::ErrorMessage field_id=id error=error />
            <textarea
                class="sf-field__input"
                id=id
                name=id
                rows="4"
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <p class="sf-field__hint" id=count_id>
                {move || {
                    let count = value.with(|text| text.chars().count()).to_string();
                    i18n.format(DeskMsg::CharacterCount, &[("count", &count), ("max", &max_text)])
                }}
            </p>
        </div>
    }
}
