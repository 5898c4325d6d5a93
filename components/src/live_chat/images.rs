//! Images in the chat: the picker that sends one as a message of its own, and how one is
//! shown in a transcript (the desk's too).
//!
//! The picker is the browser's own file input, which keyboards and screen readers already
//! handle, with a visible label and hint. What it checks here only saves a wasted upload:
//! the server decides from the bytes.

use super::state::ChatState;
use super::{new_client_id, LiveChatMsg};
use crate::client::{use_api_client, ClientError};
use crate::i18n::use_i18n;
use crate::text_field::{error_reference, ErrorMessage};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sf_api::error::ErrorCode;
use sf_api::live_chat::{ChatImage, ChatMessage, ImageFormat, MAX_IMAGE_BYTES};

/// The picker's id.
const PICKER_ID: &str = "sf-chat-image";

/// A file the shopper picked, as far as a retry of the same file must know it.
#[derive(Clone, PartialEq)]
struct Picked {
    name: String,
    size: f64,
    last_modified: f64,
}

/// A file picker that sends the chosen image to the conversation; calls `sent` with the
/// stored message.
#[component]
pub(super) fn ImagePicker(
    /// The chat (for its conversation).
    state: RwSignal<ChatState>,
    /// Called with the stored message.
    sent: Callback<ChatMessage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let input = NodeRef::<html::Input>::new();
    let sending = RwSignal::new(false);
    let problem = RwSignal::new(None::<LiveChatMsg>);
    // A failed file picked again keeps its message id: if the server did store it and only
    // the answer was lost, the retry is recognised instead of stored twice.
    let last_failed = StoredValue::new(None::<(Picked, String)>);
    let on_change = move |_| {
        let (Some(element), Some(ticket)) = (
            input.get_untracked(),
            state.with_untracked(|current| current.ticket.clone()),
        ) else {
            return;
        };
        let Some(file) = element.files().and_then(|files| files.get(0)) else {
            return;
        };
        if sending.get_untracked() {
            // One image at a time; the picker says so while one is on its way.
            element.set_value("");
            return;
        }
        // Picking the same file again must be a change.
        element.set_value("");
        let picked = Picked {
            name: file.name(),
            size: file.size(),
            last_modified: file.last_modified(),
        };
        // A type the browser did not know is left to the server, which reads the bytes.
        let media_type = file.type_();
        let local_problem = if !media_type.is_empty()
            && !ImageFormat::ACCEPT
                .split(',')
                .any(|kind| kind == media_type)
        {
            Some(LiveChatMsg::ImageNotSupported)
        } else if picked.size > MAX_IMAGE_BYTES as f64 {
            Some(LiveChatMsg::ImageTooLarge)
        } else {
            None
        };
        problem.set(local_problem);
        if local_problem.is_some() {
            return;
        }
        let client_id = last_failed
            .get_value()
            .filter(|(earlier, _)| *earlier == picked)
            .map_or_else(new_client_id, |(_, client_id)| client_id);
        sending.set(true);
        let request = client.attach_image(
            ticket.conversation_id,
            &ticket.token,
            &client_id,
            file.into(),
        );
        spawn_local(async move {
            let answer = request.await;
            sending.set(false);
            match answer {
                Ok(message) => {
                    last_failed.set_value(None);
                    sent.run(message);
                }
                Err(error) => {
                    last_failed.set_value(Some((picked, client_id)));
                    problem.set(Some(image_problem(&error)));
                }
            }
        });
    };
    let error = Signal::derive(move || problem.get().map(|msg| i18n.t(msg).to_owned()));
    let hint_id = format!("{PICKER_ID}-hint");
    let hint = hint_id.clone();
    let error_ref = error_reference(PICKER_ID, error);
    let described_by = move || {
        error_ref().map_or_else(
            || hint_id.clone(),
            |error_id| format!("{hint_id} {error_id}"),
        )
    };
    view! {
        <div class="sf-field sf-chat__attach">
            <label class="sf-field__label" for=PICKER_ID>{i18n.text(LiveChatMsg::AttachImage)}</label>
            <p class="sf-field__hint" id=hint>{i18n.text(LiveChatMsg::ImageHint)}</p>
            // Always here, so a refusal put in it is announced (it follows the shopper's
            // choice, and nothing was sent).
            <div role="alert">
                <ErrorMessage field_id=PICKER_ID error=error />
            </div>
            <input
                type="file"
                id=PICKER_ID
                accept=ImageFormat::ACCEPT
                aria-describedby=described_by
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                // Not `disabled`: that would take focus away from the picker.
                aria-disabled=move || sending.get().then_some("true")
                node_ref=input
                on:change=on_change
            />
            <p class="sf-chat__attach-status" role="status">
                {move || sending.get().then(|| i18n.text(LiveChatMsg::ImageSending))}
            </p>
        </div>
    }
}

/// What to tell a shopper whose image was refused.
fn image_problem(error: &ClientError) -> LiveChatMsg {
    match error {
        ClientError::Api { status: 413, .. } => LiveChatMsg::ImageTooLarge,
        ClientError::Api { status: 415, .. } => LiveChatMsg::ImageNotSupported,
        // The server's answer when the conversation holds its images already.
        ClientError::Api {
            code: ErrorCode::RateLimited,
            ..
        } => LiveChatMsg::ImageLimit,
        _ => LiveChatMsg::ImageFailed,
    }
}

/// An attached image in a transcript, a link to its full size named by who sent it (the
/// sender gives no text alternative; the message's time is beside it).
#[component]
pub fn AttachedImage(
    /// The image.
    image: ChatImage,
    /// Who sent it, as the reader knows them; `None` when it is the reader's own.
    sender: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_api_client().image_url(&image);
    let link = url.clone();
    let alt = move || match &sender {
        None => i18n.t(LiveChatMsg::ImageFromYou).to_owned(),
        Some(sender) => i18n.format(LiveChatMsg::ImageFrom, &[("author", sender)]),
    };
    view! {
        <a class="sf-chat__image" href=link target="_blank" rel="noopener">
            <img src=url alt=alt loading="lazy" />
        </a>
    }
}
