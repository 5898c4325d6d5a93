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

mod conversation;
mod images;
mod messages;
mod pane;
mod prechat;
mod rating;
mod socket;
mod sound;
pub mod state;
pub mod transcript;

use crate::chunk::{chunk_view, preloader, ChunkLoader};
use crate::client::live_chat::{read_saved_chat, saved_chat_text};
use crate::client::{new_client_id, use_api_client};
use crate::events::{ChatRequest, PageEvent};
use crate::i18n::use_i18n;
use crate::reactive::effect;
pub use conversation::{conversation_view, ConversationParts};
pub use images::AttachedImage;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use messages::LiveChatMsg;
use prechat::PreChat;
use send_wrapper::SendWrapper;
use sf_api::identity::SignedCustomer;
use state::{apply, AboutHelp, AboutOrder, ChatState, Event, Ticket};
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

/// Which step the pane shows below the transcript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// No conversation yet: the first form.
    PreChat,
    /// The message box.
    Chat,
    /// Closed by an agent: the rating.
    Rate,
    /// Closed and rated.
    Thanks,
}

/// Provides the loader of the chat's conversation part in the calling binary (see
/// [`crate::chunk`]): the module's first download holds the launcher, the pane and the
/// pre-chat form, and the socket, message box and rating follow as a chunk of their own.
#[macro_export]
macro_rules! provide_conversation {
    () => {
        $crate::provide_chunk!(
            conversation,
            preload_conversation,
            $crate::live_chat::conversation_view,
            $crate::live_chat::ConversationParts
        )
    };
}

/// The live chat: launcher and pane. Its conversation part comes from the loader that
/// [`provide_conversation!`] provides.
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
    let send = move |event: Event| change(state, event);

    // A reload goes on with the same conversation and sends what was not sent.
    let kept = Memo::new(move |_| state.with(ChatState::saved));
    effect(move || {
        let Some(storage) = storage() else { return };
        let _ = match kept.get().as_ref().and_then(saved_chat_text) {
            Some(text) => storage.set_item(&storage_key, &text),
            None => storage.remove_item(&storage_key),
        };
    });

    let is_open = Memo::new(move |_| state.with(|current| current.open));

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
        if request.article_slug.is_some() || !request.searches.is_empty() {
            send(Event::AboutHelp(AboutHelp {
                article_slug: request.article_slug,
                article_title: request.article_title,
                searches: request.searches,
            }));
        }
        send(Event::Open);
    });
    // The `open` attribute opens and closes the pane when it changes.
    let mut was_wanted = None;
    effect(move || {
        let wanted = open.with(Option::is_some);
        // At first only a present attribute does something: an absent one leaves the pane as it is.
        if was_wanted != Some(wanted) && (was_wanted.is_some() || wanted) {
            send(if wanted { Event::Open } else { Event::Close });
        }
        was_wanted = Some(wanted);
    });

    // Whether anyone can answer, asked each time the pane opens before a conversation.
    effect(move || {
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
    // The same when the conversation part arrives after the pane opened or the form went
    // (focus was then on nothing), and after "Try again" brought it.
    let conversation_arrived = RwSignal::new(false);
    let mut previous: Option<(bool, Step, bool)> = None;
    effect(move || {
        let now = (is_open.get(), step.get(), conversation_arrived.get());
        let moved = previous.is_none_or(|(was_open, was_step, had_arrived)| {
            !was_open
                || (was_step == Step::PreChat && now.1 == Step::Chat)
                || (!had_arrived && now.2 && now.1 != Step::PreChat)
        });
        if now.0 && moved {
            // After the pane is drawn: a hidden element cannot take focus.
            request_animation_frame(move || focus_first_field(pane));
        }
        previous = Some(now);
    });
    let unread = Memo::new(move |_| state.with(ChatState::unread));
    let about = Memo::new(move |_| state.with(|current| current.about.clone()));
    let about_article = Memo::new(move |_| {
        state.with(|current| {
            current
                .about_help
                .as_ref()
                .and_then(|help| help.article_title.clone())
        })
    });

    // The conversation part comes from its own chunk: fetched while the shopper types in
    // the first form, and at once when there is a conversation to show.
    let loader = use_context::<ChunkLoader<ConversationParts>>();
    let preload = preloader::<_, leptos::ev::Event>(loader);
    let has_conversation = Memo::new(move |_| step.get() != Step::PreChat);
    let (load_failed, attempt) = (RwSignal::new(false), RwSignal::new(0_u32));
    let log = NodeRef::<html::Div>::new();
    let parts = ConversationParts {
        state,
        log,
        is_open,
        step,
    };

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
                {move || {
                    about_article.get().map(|title| {
                        view! { <p class="sf-chat__about">{i18n.format(LiveChatMsg::AboutArticle, &[("title", &title)])}</p> }
                    })
                }}
                <div class="sf-chat__body" on:input=preload>
                    // Always here, even before the first message: a log added later would
                    // not be announced. The conversation part fills it.
                    <div class="sf-chat__log" role="log" aria-label=i18n.text(LiveChatMsg::LogLabel) node_ref=log></div>
                    {move || {
                        (step.get() == Step::PreChat)
                            .then(|| {
                                view! {
                                    <PreChat
                                        state=state
                                        customer=signed_customer
                                        started=Callback::new(move |started: sf_api::live_chat::ConversationStarted| {
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
                            })
                    }}
                    {chunk_view(
                        loader,
                        move || {
                            attempt.track();
                            has_conversation.get().then_some(parts)
                        },
                        load_failed,
                        conversation_arrived,
                    )}
                    {move || {
                        load_failed
                            .get()
                            .then(|| {
                                view! {
                                    <p class="sf-chat__alert" role="alert">
                                        {i18n.text(LiveChatMsg::ConversationUnavailable)} " "
                                        <button
                                            type="button"
                                            class="sf-button sf-button--link"
                                            on:click=move |_| {
                                                load_failed.set(false);
                                                attempt.update(|count| *count += 1);
                                            }
                                        >
                                            {i18n.text(LiveChatMsg::TryAgain)}
                                        </button>
                                    </p>
                                }
                            })
                    }}
                </div>
            </div>
        </div>
    }
}

/// Changes the chat's state by `event`, through `apply`, the only thing that changes it.
fn change(state: RwSignal<ChatState>, event: Event) {
    state.try_update(|current| *current = apply(std::mem::take(current), event));
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
