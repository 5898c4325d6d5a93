//! The chat once a conversation exists: its socket, the receipts, the agent's typing, the
//! message box, and the rating after an agent closed it. The shipped module fetches this
//! part as a chunk of its own (see [`crate::chunk`]): a shopper who opens the chat first
//! needs only the pre-chat form, and the chunk comes while they type in it, or at once when
//! a conversation is resumed.

use super::images::ImagePicker;
use super::pane::{Composer, TranscriptLines};
use super::rating::Rating;
use super::socket::{use_chat_socket, ChatSocket};
use super::sound::{use_sound, SoundSwitch};
use super::state::{ChatState, Connection, Event};
use super::{change, listen_on_document, new_client_id, page_is_visible, LiveChatMsg, Step};
use crate::chunk::mount_into;
use crate::client::use_api_client;
use crate::i18n::use_i18n;
use crate::reactive::effect;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sf_api::live_chat::{ChatMessage, ClientFrame, ServerFrame};
use std::time::Duration;

/// How long an agent is shown typing after their last typing frame.
const AGENT_TYPING_MS: u64 = 5_000;

/// What the pane hands the conversation.
#[derive(Clone, Copy)]
pub struct ConversationParts {
    pub(super) state: RwSignal<ChatState>,
    /// The pane's log, there since the pane was drawn: the messages go into it.
    pub(super) log: NodeRef<html::Div>,
    pub(super) is_open: Memo<bool>,
    pub(super) step: Memo<Step>,
}

/// Keeps the conversation's socket and draws the transcript, the status, the suggested
/// articles and the message box or rating. Public only for the binaries'
/// [`crate::provide_chunk!`].
#[doc(hidden)]
pub fn conversation_view(parts: ConversationParts) -> AnyView {
    let ConversationParts {
        state,
        log,
        is_open,
        step,
    } = parts;
    let i18n = use_i18n();
    let client = use_api_client();
    let send = move |event: Event| change(state, event);

    // The socket. Once caught up, what waited goes out, and the receipts are said again
    // (any said while offline were lost).
    let socket_slot = StoredValue::new(None);
    let say = move |frame: ClientFrame| {
        socket_slot
            .get_value()
            .is_some_and(|socket: ChatSocket| socket.send(&frame))
    };
    let receipts = move || {
        let (received, seen) =
            state.with_untracked(|current| (current.last_agent_seq(), current.seen));
        if received > 0 {
            say(ClientFrame::Received { seq: received });
        }
        if seen > 0 {
            say(ClientFrame::Read { seq: seen });
        }
    };
    let on_socket = Callback::new(move |event: Event| {
        let caught_up = matches!(event, Event::Frame(ServerFrame::CaughtUp { .. }));
        send(event);
        if caught_up {
            for frame in state.with_untracked(ChatState::frames_to_flush) {
                say(frame);
            }
            receipts();
        }
    });
    let socket = use_chat_socket(client, state, on_socket);
    socket_slot.set_value(Some(socket));

    // A message missing before one held: ask again from the first one missing.
    let needs_resume = Memo::new(move |_| state.with(ChatState::needs_resume));
    effect(move || {
        if needs_resume.get() && connected(state) {
            socket.reopen();
        }
    });

    // Receipts: received as agents' messages arrive, read when the shopper can see them.
    let visible = RwSignal::new(page_is_visible());
    listen_on_document("visibilitychange", move |_| visible.set(page_is_visible()));
    let last_agent_seq = Memo::new(move |_| state.with(ChatState::last_agent_seq));
    let seen = Memo::new(move |_| state.with(|current| current.seen));
    effect(move || {
        if is_open.get() && visible.get() && last_agent_seq.get() > seen.get_untracked() {
            send(Event::Seen);
        }
    });
    effect(move || {
        // Both move only forwards; saying them again is harmless.
        last_agent_seq.track();
        seen.track();
        if connected(state) {
            receipts();
        }
    });

    // A new message from the store makes the sound, when the shopper turned it on; not the
    // ones a reconnecting socket replays before it is caught up.
    let sound = use_sound();
    let mut heard = state.with_untracked(ChatState::last_agent_seq);
    effect(move || {
        let newest = last_agent_seq.get();
        if newest > heard && connected(state) {
            sound.play();
        }
        heard = heard.max(newest);
    });

    // The agent's typing shows for a few seconds after each typing frame.
    let agent_typing = Memo::new(move |_| state.with(|current| current.agent_typing));
    effect(move || {
        if let Some(frame) = agent_typing.get() {
            set_timeout(
                move || send(Event::TypingExpired(frame)),
                Duration::from_millis(AGENT_TYPING_MS),
            );
        }
    });

    // Back online: no need to wait for the next try.
    let reconnecting = Memo::new(move |_| {
        state.with(|current| matches!(current.connection, Connection::Reconnecting { .. }))
    });
    let online = window_event_listener(leptos::ev::online, move |_| {
        if reconnecting.get_untracked() {
            socket.reopen();
        }
    });
    on_cleanup(move || online.remove());

    let write = Callback::new(move |body: String| {
        let client_id = new_client_id();
        send(Event::Write {
            client_id: client_id.clone(),
            body: body.clone(),
        });
        if connected(state) {
            say(ClientFrame::Send { client_id, body });
        }
    });
    let typing = Callback::new(move |()| {
        say(ClientFrame::Typing);
    });
    let retry = Callback::new(move |client_id: String| {
        send(Event::Retry {
            client_id: client_id.clone(),
        });
        let frame = state.with_untracked(|current| {
            current
                .frames_to_flush()
                .into_iter()
                .find(|frame| matches!(frame, ClientFrame::Send { client_id: id, .. } if *id == client_id))
        });
        if let (Some(frame), true) = (frame, connected(state)) {
            say(frame);
        }
    });

    // Nobody can answer now: articles that may, from the message that started the
    // conversation. Availability is asked only before a conversation starts, so this runs
    // right after the start, not on a resumed conversation.
    let first_words = state.with_untracked(|current| {
        current
            .availability
            .is_some_and(|availability| !availability.agents_available)
            .then(|| {
                current
                    .transcript
                    .first()
                    .map(|message| message.body.clone())
            })
            .flatten()
    });
    if let Some(text) = first_words {
        let request = client.chat_suggestions(&text, i18n.locale.get_untracked().tag());
        spawn_local(async move {
            if let Ok(found) = request.await {
                send(Event::Suggestions(found));
            }
        });
    }
    // The stored image message shows at once; the socket brings it too (once: by number).
    let image_sent = Callback::new(move |message: ChatMessage| {
        send(Event::Frame(ServerFrame::Message { message }));
    });
    // Into the log that was there before: a log added later would not be announced, and
    // one drawn again would be read out whole.
    mount_into(log, view! { <TranscriptLines state=state retry=retry /> });
    let suggestions = Memo::new(move |_| state.with(|current| current.suggestions.clone()));

    view! {
        <div class="sf-chat__status" role="status">
            {move || reconnecting.get().then(|| view! { <p>{i18n.text(LiveChatMsg::Reconnecting)}</p> })}
            {move || agent_typing.get().is_some().then(|| view! { <p>{i18n.text(LiveChatMsg::AgentTyping)}</p> })}
        </div>
        {move || {
            let found = suggestions.get();
            (!found.is_empty())
                .then(|| {
                    view! {
                        <section class="sf-chat__suggestions" aria-labelledby="sf-chat-suggestions">
                            <h3 id="sf-chat-suggestions">{i18n.text(LiveChatMsg::SuggestionsHeading)}</h3>
                            <ul>
                                {found
                                    .into_iter()
                                    .map(|article| view! { <li><strong>{article.title}</strong> " " {article.summary}</li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
        }}
        {move || match step.get() {
            Step::PreChat => ().into_any(),
            Step::Chat => {
                view! {
                    <Composer state=state write=write typing=typing />
                    <ImagePicker state=state sent=image_sent />
                    <SoundSwitch sound=sound />
                }
                    .into_any()
            }
            Step::Rate => {
                view! {
                    <p class="sf-chat__ended">{i18n.text(LiveChatMsg::Ended)}</p>
                    <Rating state=state rated=Callback::new(move |()| send(Event::Rated)) />
                }
                    .into_any()
            }
            Step::Thanks => {
                view! {
                    <p class="sf-chat__ended">{i18n.text(LiveChatMsg::Ended)}</p>
                    <p class="sf-notice" role="status">{i18n.text(LiveChatMsg::Thanks)}</p>
                }
                    .into_any()
            }
        }}
    }
    .into_any()
}

/// Whether the socket is open and caught up.
fn connected(state: RwSignal<ChatState>) -> bool {
    state.with_untracked(|current| current.connection) == Connection::Connected
}
