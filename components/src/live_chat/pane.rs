//! What the pane shows of a conversation: the transcript (a log, so screen readers hear only
//! new messages), the message box, and the alert when a message truly could not be sent.

use super::images::AttachedImage;
use super::state::{ChatState, Delivery, SendFailure};
use super::LiveChatMsg;
use crate::i18n::{format_date, use_i18n, DateStyle};
use crate::text_field::{error_reference, ErrorMessage};
use leptos::prelude::*;
use sf_api::live_chat::{Author, ChatImage, MessageBody, Refusal};
use sf_api::validation::FieldProblem;

/// How often the agent is told the shopper is typing, at most.
const TYPING_EVERY_MS: f64 = 3_000.0;

/// One line of the transcript: a stored message, or one of the shopper's on its way. Its
/// key is the client id, which a message keeps from the outbox to the transcript, so its
/// element stays (and is not announced again) when the server's copy arrives.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    client_id: String,
    author: Author,
    author_name: Option<String>,
    body: String,
    image: Option<ChatImage>,
}

/// The conversation so far, then the messages on their way: the lines of the pane's log.
#[component]
pub(super) fn TranscriptLines(
    /// The chat.
    state: RwSignal<ChatState>,
    /// Called with the client id of a failed message to send again.
    retry: Callback<String>,
) -> impl IntoView {
    let lines = Memo::new(move |_| {
        state.with(|current| {
            let stored = current.transcript.iter().map(|message| Line {
                client_id: message.client_id.clone(),
                author: message.author,
                author_name: message.author_name.clone(),
                body: message.body.clone(),
                image: message.image.clone(),
            });
            let waiting = current.outbox.iter().map(|outgoing| Line {
                client_id: outgoing.client_id.clone(),
                author: Author::Shopper,
                author_name: None,
                body: outgoing.body.clone(),
                image: None,
            });
            stored.chain(waiting).collect::<Vec<_>>()
        })
    });
    view! {
        <For each=move || lines.get() key=|line| line.client_id.clone() let:line>
            <Message state=state line=line retry=retry />
        </For>
    }
}

#[component]
fn Message(state: RwSignal<ChatState>, line: Line, retry: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let Line {
        client_id,
        author,
        author_name,
        body,
        image,
    } = line;
    let id = client_id.clone();
    let sent_at = Memo::new(move |_| {
        state.with(|current| {
            current
                .transcript
                .iter()
                .find(|message| message.client_id == id)
                .map(|message| message.sent_at.clone())
        })
    });
    let author_text = move || match (author, &author_name) {
        (Author::Shopper, _) => i18n.t(LiveChatMsg::You).to_owned(),
        (Author::Agent, Some(name)) => name.clone(),
        (Author::Agent, None) => i18n.t(LiveChatMsg::Agent).to_owned(),
    };
    let image_view = image.map(|image| {
        let sender = (author == Author::Agent).then(&author_text);
        view! { <AttachedImage image=image sender=sender /> }
    });
    let time = move || {
        sent_at.get().map(|iso| {
            let text = format_date(&iso, i18n.locale.get(), DateStyle::Time);
            view! { <time datetime=iso>{text}</time> }
        })
    };
    let delivery = (author == Author::Shopper).then(|| {
        let id = client_id.clone();
        let delivery = Memo::new(move |_| state.with(|current| current.delivery(&id)));
        view! {
            // Not announced as it changes: a failure is announced once, by the alert.
            <p class="sf-chat__delivery" aria-live="off">
                {move || {
                    let (msg, failed) = match delivery.get() {
                        Some(Delivery::Sending) | None => (LiveChatMsg::Sending, false),
                        Some(Delivery::Sent) => (LiveChatMsg::Sent, false),
                        Some(Delivery::Delivered) => (LiveChatMsg::Delivered, false),
                        Some(Delivery::Read) => (LiveChatMsg::Read, false),
                        Some(Delivery::Failed(_)) => (LiveChatMsg::NotSent, true),
                    };
                    let client_id = client_id.clone();
                    view! {
                        <span data-delivery=if failed { "failed" } else { "ok" }>{i18n.t(msg)}</span>
                        {failed
                            .then(|| {
                                view! {
                                    " "
                                    <button type="button" class="sf-button sf-button--link" on:click=move |_| retry.run(client_id.clone())>
                                        {i18n.text(LiveChatMsg::Retry)}
                                    </button>
                                }
                            })}
                    }
                }}
            </p>
        }
    });
    view! {
        <div class="sf-chat__message" data-author=author.as_str()>
            <p class="sf-chat__meta">
                <span class="sf-chat__author">{author_text}</span>
                " "
                {time}
            </p>
            {image_view}
            // Text, never markup: what people type is shown as they typed it.
            {(!body.is_empty()).then(|| view! { <p class="sf-chat__text">{body}</p> })}
            {delivery}
        </div>
    }
}

/// A multi-line field with its label and error, like [`crate::text_field::TextField`]: the
/// error sits between label and box, starts with a hidden "Error:", and describes the box.
#[component]
pub(super) fn MessageBox(
    /// The box's `id`, also the target of an error summary's link.
    id: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The text, two-way bound.
    value: RwSignal<String>,
    /// What to fix, when the text was refused.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called on Enter (without Shift): the box sends rather than breaks the line.
    #[prop(optional)]
    on_enter: Option<Callback<()>>,
    /// Called on each change of the text.
    #[prop(optional)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let described_by = error_reference(id, error);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        // Not while an input method is composing: its Enter picks a word.
        if let (Some(enter), "Enter", false, false) = (
            on_enter,
            event.key().as_str(),
            event.shift_key(),
            event.is_composing(),
        ) {
            event.prevent_default();
            enter.run(());
        }
    };
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id>{label}</label>
            <ErrorMessage field_id=id error=error />
            <textarea
                class="sf-field__input sf-chat__input"
                id=id
                name=id
                rows="2"
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| {
                    value.set(event_target_value(&event));
                    if let Some(change) = on_change {
                        change.run(());
                    }
                }
                on:keydown=on_keydown
            ></textarea>
        </div>
    }
}

/// What to say about a message too long (or, from the first form, missing).
pub(super) fn message_problem(problem: FieldProblem) -> LiveChatMsg {
    match problem {
        FieldProblem::TooLong(_) => LiveChatMsg::MessageTooLong,
        _ => LiveChatMsg::MessageMissing,
    }
}

/// The message box of an open conversation, and the alert when a message failed.
#[component]
pub(super) fn Composer(
    /// The chat.
    state: RwSignal<ChatState>,
    /// Called with a new message's text.
    write: Callback<String>,
    /// Called when the agent should be told the shopper is typing.
    typing: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<LiveChatMsg>);
    let told_typing_at = StoredValue::new(f64::NEG_INFINITY);
    let submit = move || {
        let typed = text.get_untracked();
        match MessageBody::check(&typed) {
            Ok(body) => {
                write.run(body.to_owned());
                text.set(String::new());
                error.set(None);
            }
            // An empty box sends nothing; there is nothing to correct.
            Err(FieldProblem::Missing) => error.set(None),
            Err(problem) => error.set(Some(message_problem(problem))),
        }
    };
    let on_change = Callback::new(move |()| {
        let now = js_sys::Date::now();
        if now - told_typing_at.get_value() >= TYPING_EVERY_MS {
            told_typing_at.set_value(now);
            typing.run(());
        }
    });
    let failure = Memo::new(move |_| {
        state.with(|current| current.outbox.iter().find_map(|outgoing| outgoing.failed))
    });
    view! {
        {move || {
            failure
                .get()
                .map(|failure| {
                    let msg = match failure {
                        SendFailure::Unreachable => LiveChatMsg::FailedOffline,
                        SendFailure::Refused(Refusal::TooFast) => LiveChatMsg::FailedTooFast,
                        SendFailure::Refused(_) => LiveChatMsg::FailedRefused,
                    };
                    view! { <p class="sf-chat__alert" role="alert">{i18n.t(msg)}</p> }
                })
        }}
        <form
            class="sf-chat__composer"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                submit();
            }
        >
            <MessageBox
                id="sf-chat-message"
                label=i18n.text(LiveChatMsg::MessageLabel)
                value=text
                error=Signal::derive(move || error.get().map(|msg| i18n.t(msg).to_owned()))
                on_enter=Callback::new(move |()| submit())
                on_change=on_change
            />
            <button type="submit" class="sf-button">{i18n.text(LiveChatMsg::SendButton)}</button>
        </form>
    }
}
