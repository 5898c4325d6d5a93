//! `LiveChat` (`<sf-live-chat>`): a launcher button in the corner of the page and a non-modal
//! pane where a shopper talks to the store's agents. The shopper leaves their name and email
//! (not the email when the store or the tracker already says who they are) with a first
//! message; the conversation then goes on over a socket that survives drops, reloads and
//! going offline without losing or repeating a message. When an agent closes it, the shopper
//! may rate it.
//!
//! The parts, each in its own file: [`state`] (everything the chat knows, one value changed
//! by a pure function of events, tested natively), [`socket`] (the `WebSocket`), [`pane`]
//! (transcript, status and message box), [`prechat`] (the first form), [`rating`] and
//! [`messages`] (every text in three languages).

mod messages;
mod pane;
mod prechat;
mod rating;
mod socket;
pub mod state;
pub mod transcript;

use crate::client::live_chat::{read_saved_chat, saved_chat_text};
use crate::client::use_api_client;
use crate::events::{ChatRequest, PageEvent};
use crate::i18n::use_i18n;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use messages::LiveChatMsg;
use pane::{Composer, Transcript};
use prechat::PreChat;
use rating::Rating;
use send_wrapper::SendWrapper;
use sf_api::identity::SignedCustomer;
use sf_api::live_chat::{ClientFrame, ServerFrame};
use socket::use_chat_socket;
use state::{apply, AboutOrder, ChatState, Connection, Event, Ticket};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Class names and ids shared with the stylesheet (`style/live-chat.css`) and the loader.
pub mod classes {
    /// The launcher: the loader paints a placeholder with this class before the module
    /// arrives, so both look the same.
    pub const LAUNCHER: &str = "sf-launcher";
    /// The pane's id, which the launcher controls.
    pub const PANE_ID: &str = "sf-chat-pane";
}

/// How long an agent is shown typing after their last typing frame.
const AGENT_TYPING_MS: u64 = 5_000;

/// Which step the pane shows below the transcript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// No conversation yet: the first form.
    PreChat,
    /// The message box.
    Chat,
    /// Closed by an agent: the rating.
    Rate,
    /// Closed and rated.
    Thanks,
}

/// The live chat: launcher and pane.
#[component]
pub fn LiveChat(
    /// The store's own id of a signed-in shopper (with `expires` and `signature`): the chat
    /// then does not ask for their email.
    #[prop(into, optional)]
    customer: MaybeProp<String>,
    /// When the signed customer stops being valid, in seconds since 1970.
    #[prop(into, optional)]
    expires: MaybeProp<String>,
    /// The store's HMAC-SHA256 of the customer and `expires`, lower-case hex.
    #[prop(into, optional)]
    signature: MaybeProp<String>,
    /// Present (with any value) to open the pane; removing it closes the pane.
    #[prop(into, optional)]
    open: MaybeProp<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let storage_key = format!("sf-live-chat:{}", untrack(|| client.base()));
    let saved = storage()
        .and_then(|storage| storage.get_item(&storage_key).ok().flatten())
        .and_then(|text| read_saved_chat(&text));
    // Everything the chat knows, in one value; only `apply` changes it.
    let state = RwSignal::new(
        saved
            .map(Event::Resumed)
            .into_iter()
            .fold(ChatState::default(), apply),
    );
    let send = move |event: Event| {
        state.try_update(|current| *current = apply(std::mem::take(current), event));
    };

    // A reload goes on with the same conversation and sends what was not sent.
    let kept = Memo::new(move |_| state.with(ChatState::saved));
    Effect::new(move |_| {
        let Some(storage) = storage() else { return };
        let _ = match kept.get().as_ref().and_then(saved_chat_text) {
            Some(text) => storage.set_item(&storage_key, &text),
            None => storage.remove_item(&storage_key),
        };
    });

    // The socket. Once caught up, what waited goes out, and the receipts are said again
    // (any said while offline were lost).
    let socket = StoredValue::new(None);
    let say = move |frame: ClientFrame| {
        socket
            .get_value()
            .is_some_and(|socket: socket::ChatSocket| socket.send(&frame))
    };
    let connected =
        move || state.with_untracked(|current| current.connection) == Connection::Connected;
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
    socket.set_value(Some(use_chat_socket(client, state, on_socket)));

    // A message missing before one held: ask again from the first one missing.
    let needs_resume = Memo::new(move |_| state.with(ChatState::needs_resume));
    Effect::new(move |_| {
        if needs_resume.get() && connected() {
            if let Some(socket) = socket.get_value() {
                socket.reopen();
            }
        }
    });

    // Receipts: received as agents' messages arrive, read when the shopper can see them.
    let visible = RwSignal::new(page_is_visible());
    listen_on_document("visibilitychange", move |_| visible.set(page_is_visible()));
    let is_open = Memo::new(move |_| state.with(|current| current.open));
    let last_agent_seq = Memo::new(move |_| state.with(ChatState::last_agent_seq));
    let seen = Memo::new(move |_| state.with(|current| current.seen));
    Effect::new(move |_| {
        if is_open.get() && visible.get() && last_agent_seq.get() > seen.get_untracked() {
            send(Event::Seen);
        }
    });
    Effect::new(move |_| {
        // Both move only forwards; saying them again is harmless.
        last_agent_seq.track();
        seen.track();
        if connected() {
            receipts();
        }
    });

    // The agent's typing shows for a few seconds after each typing frame.
    let agent_typing = Memo::new(move |_| state.with(|current| current.agent_typing));
    Effect::new(move |_| {
        if let Some(frame) = agent_typing.get() {
            set_timeout(
                move || send(Event::TypingExpired(frame)),
                Duration::from_millis(AGENT_TYPING_MS),
            );
        }
    });

    // The page asks for a chat about an order (the tracker's button, or the merchant's).
    listen_on_document(ChatRequest::NAME, move |event| {
        let Some(request) = ChatRequest::from_event(&event) else {
            return;
        };
        if let Some(number) = request.order_number {
            send(Event::About(AboutOrder {
                number,
                token: request.order_token,
            }));
        }
        send(Event::Open);
    });
    // The `open` attribute opens and closes the pane when it changes.
    Effect::new(move |previous: Option<bool>| {
        let wanted = open.with(Option::is_some);
        // At first only a present attribute does something: an absent one leaves the pane as it is.
        if previous != Some(wanted) && (previous.is_some() || wanted) {
            send(if wanted { Event::Open } else { Event::Close });
        }
        wanted
    });

    // Whether anyone can answer, asked each time the pane opens before a conversation.
    Effect::new(move |_| {
        if is_open.get() && state.with_untracked(|current| current.ticket.is_none()) {
            let request = client.chat_availability();
            spawn_local(async move {
                if let Ok(availability) = request.await {
                    send(Event::Availability(availability));
                }
            });
        }
    });

    // Focus: into the pane when it opens, back to the launcher when Escape closes it.
    let launcher = NodeRef::<html::Button>::new();
    let pane = NodeRef::<html::Div>::new();
    let close = move || {
        send(Event::Close);
        if let Some(launcher) = launcher.get_untracked() {
            let _ = launcher.focus();
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
            close();
        }
    };

    let signed_customer = Memo::new(move |_| {
        Some(SignedCustomer {
            customer_id: customer.get()?,
            expires: expires.get()?.trim().parse().ok()?,
            signature: signature.get()?,
        })
    });
    let step = Memo::new(move |_| {
        state.with(
            |current| match (&current.ticket, current.closed, current.rated) {
                (None, _, _) => Step::PreChat,
                (Some(_), false, _) => Step::Chat,
                (Some(_), true, false) => Step::Rate,
                (Some(_), true, true) => Step::Thanks,
            },
        )
    });
    // Focus goes to the first field when the pane opens, and to the message box once the
    // conversation starts (the form that had focus is gone). An agent closing the
    // conversation does not move it: the shopper did not ask for that.
    Effect::new(move |previous: Option<(bool, Step)>| {
        let now = (is_open.get(), step.get());
        let moved = previous.is_none_or(|(was_open, was_step)| {
            !was_open || (was_step == Step::PreChat && now.1 == Step::Chat)
        });
        if now.0 && moved {
            // After the pane is drawn: a hidden element cannot take focus.
            request_animation_frame(move || focus_first_field(pane));
        }
        now
    });
    let unread = Memo::new(move |_| state.with(ChatState::unread));
    let reconnecting = Memo::new(move |_| {
        state.with(|current| matches!(current.connection, Connection::Reconnecting { .. }))
    });
    let about = Memo::new(move |_| state.with(|current| current.about.clone()));
    // Back online: no need to wait for the next try.
    let online = window_event_listener(leptos::ev::online, move |_| {
        if let (true, Some(socket)) = (reconnecting.get_untracked(), socket.get_value()) {
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
        if connected() {
            say(ClientFrame::Send { client_id, body });
        }
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
        if let (Some(frame), true) = (frame, connected()) {
            say(frame);
        }
    });
    let typing = Callback::new(move |()| {
        say(ClientFrame::Typing);
    });

    // Nobody can answer now: articles that may, from what the shopper wrote.
    let suggest_articles = move |text: &str| {
        let nobody = state.with_untracked(|current| {
            current
                .availability
                .is_some_and(|availability| !availability.agents_available)
        });
        if nobody {
            let request = client.chat_suggestions(text, i18n.locale.get_untracked().tag());
            spawn_local(async move {
                if let Ok(found) = request.await {
                    send(Event::Suggestions(found));
                }
            });
        }
    };
    let suggestions = Memo::new(move |_| state.with(|current| current.suggestions.clone()));

    view! {
        <div class="sf-chat">
            <button
                type="button"
                class=classes::LAUNCHER
                data-sf-launcher=""
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=classes::PANE_ID
                node_ref=launcher
                on:click=move |_| send(if is_open.get_untracked() { Event::Close } else { Event::Open })
            >
                <span>{i18n.text(LiveChatMsg::Title)}</span>
                {move || {
                    let count = unread.get();
                    (count > 0)
                        .then(|| {
                            let count = count.to_string();
                            view! {
                                <span class="sf-launcher__badge" aria-hidden="true">{count.clone()}</span>
                                <span class="sf-visually-hidden">", " {i18n.format(LiveChatMsg::Unread, &[("count", &count)])}</span>
                            }
                        })
                }}
            </button>
            <div
                id=classes::PANE_ID
                class="sf-chat__pane"
                role="dialog"
                aria-labelledby="sf-chat-heading"
                hidden=move || !is_open.get()
                node_ref=pane
                on:keydown=on_keydown
            >
                <div class="sf-chat__header">
                    <h2 id="sf-chat-heading">{i18n.text(LiveChatMsg::Title)}</h2>
                    <button type="button" class="sf-chat__close" on:click=move |_| close()>
                        <span aria-hidden="true">"×"</span>
                        <span class="sf-visually-hidden">{i18n.text(LiveChatMsg::Close)}</span>
                    </button>
                </div>
                {move || {
                    about
                        .get()
                        .map(|about| {
                            view! {
                                <p class="sf-chat__about">{i18n.format(LiveChatMsg::AboutOrder, &[("number", &about.number)])}</p>
                            }
                        })
                }}
                <div class="sf-chat__body">
                    // Always here, even before the first message: a log added later would
                    // not be announced, and one drawn again would be read out whole.
                    <Transcript state=state retry=retry />
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
                        Step::PreChat => {
                            view! {
                                <PreChat
                                    state=state
                                    customer=signed_customer
                                    started=Callback::new(move |started: sf_api::live_chat::ConversationStarted| {
                                        suggest_articles(&started.message.body);
                                        send(Event::Started {
                                            ticket: Ticket {
                                                conversation_id: started.conversation_id,
                                                token: started.token,
                                            },
                                            message: started.message,
                                        })
                                    })
                                />
                            }
                                .into_any()
                        }
                        Step::Chat => view! { <Composer state=state write=write typing=typing /> }.into_any(),
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
                </div>
            </div>
        </div>
    }
}

/// The page's `localStorage`, when it may be used (not in some private modes).
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn page_is_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Calls `handler` for each `name` event that reaches the document, while the calling
/// component lives.
fn listen_on_document(name: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = document().add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    // The browser has one thread: the listener never leaves it.
    let listener = SendWrapper::new(listener);
    on_cleanup(move || {
        let _ =
            document().remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    });
}

/// Focuses the pane's first field: the message box, or the pre-chat form's first field.
fn focus_first_field(pane: NodeRef<html::Div>) {
    let field = pane
        .get_untracked()
        .and_then(|pane| pane.query_selector("input, textarea").ok().flatten())
        .and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// A new message id, unique enough within one conversation: the time and a random part.
fn new_client_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("c{now}-{random}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::live_chat::ELEMENT;
    use crate::i18n::{Locale, Message};

    #[test]
    fn the_loaders_placeholder_says_what_the_launcher_says() {
        let labels = ELEMENT
            .launcher
            .expect("the chat starts as a launcher")
            .labels;
        for (locale, label) in Locale::ALL.into_iter().zip(labels) {
            assert_eq!(LiveChatMsg::Title.text(locale), label, "{locale:?}");
        }
    }

    #[test]
    fn the_loader_wakes_the_chat_for_the_event_it_listens_to() {
        let launcher = ELEMENT.launcher.expect("the chat starts as a launcher");
        assert_eq!(launcher.wakes_on, [ChatRequest::NAME]);
    }
}
