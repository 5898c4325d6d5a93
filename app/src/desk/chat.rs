//! The desk's live chat: the agent's availability, the inbox (unassigned, mine, all,
//! closed; live), and one conversation at a time with its transcript and reply box.
//!
//! The inbox listens on the desk's socket, which also makes the agent present; the open
//! conversation has its own socket, as the shopper's pane does, so both sides see the same
//! stored messages in the same order.

use super::canned::{provide_canned_replies, CannedPicker, CannedRepliesManager};
use super::messages::DeskMsg;
use super::returns::ReturnHistory;
use super::reviews::TimelineReviewItem;
use super::DeskSession;
use leptos::prelude::*;
use sf_api::live_chat::{
    Author, ChatMessage, ClientFrame, ConversationStatus, ConversationView, DeskFrame, InboxEntry,
    InboxView, NoteChannel, NoteRequest, ServerFrame,
};
use sf_api::tracking::ShipmentStatus;
use sf_components::client::socket::SocketLink;
use sf_components::client::{client_frame_text, read_desk_frame, read_server_frame};
use sf_components::i18n::{format_date, DateStyle};
use sf_components::live_chat::{transcript, AttachedImage};
use sf_components::shipment_tracker::status_message;
use sf_components::{use_api_client, use_i18n, ApiClient, I18n};
use std::time::Duration;

/// How long after a drop a desk socket is opened again.
const RECONNECT_AFTER: Duration = Duration::from_secs(2);
/// How long "typing…" stays after the shopper's last keystroke frame.
const TYPING_SHOWN_FOR: Duration = Duration::from_secs(5);

/// Keeps a socket to `url` open while the calling component lives, reopening it after a drop.
fn keep_socket_open(
    url: String,
    hello: impl Fn() -> Option<String> + Clone + 'static,
    on_text: impl Fn(String) + Clone + 'static,
) -> StoredValue<Option<SocketLink>, LocalStorage> {
    let link = StoredValue::new_local(None::<SocketLink>);
    let generation = RwSignal::new(0_u32);
    Effect::new(move |_| {
        generation.track();
        let reopen = move || {
            set_timeout(
                move || {
                    generation.try_update(|generation| *generation += 1);
                },
                RECONNECT_AFTER,
            )
        };
        link.set_value(SocketLink::open(
            &url,
            hello.clone(),
            on_text.clone(),
            reopen,
        ));
    });
    on_cleanup(move || {
        link.try_update_value(|link| *link = None)
            .unwrap_or_default()
    });
    link
}

/// The chat part of the desk.
#[component]
pub fn ChatDesk(
    /// The signed-in agent.
    session: DeskSession,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let token = StoredValue::new(session.token.clone());
    let view_shown = RwSignal::new(InboxView::Unassigned);
    let changes = RwSignal::new(0_u32);
    let selected = RwSignal::new(None::<i64>);
    let available = RwSignal::new(true);
    let inbox = LocalResource::new(move || {
        changes.track();
        let view = view_shown.get();
        async move { client.chat_inbox(token.get_value(), view).await }
    });
    let hello = move || {
        client_frame_text(&ClientFrame::Hello {
            token: token.get_value(),
            conversation_id: None,
            after: 0,
        })
    };
    let on_text = move |text: String| {
        if let Some(DeskFrame::InboxChanged { .. } | DeskFrame::Ready) = read_desk_frame(&text) {
            changes.update(|count| *count += 1);
        }
    };
    keep_socket_open(client.chat_desk_socket_url(), hello, on_text);
    provide_canned_replies();
    let toggle_available = move |_| {
        let now = !available.get_untracked();
        available.set(now);
        leptos::task::spawn_local(async move {
            let _ = client.set_presence(token.get_value(), now).await;
        });
    };
    let views = [
        (InboxView::Unassigned, DeskMsg::ViewUnassigned),
        (InboxView::Mine, DeskMsg::ViewMine),
        (InboxView::All, DeskMsg::ViewAll),
        (InboxView::Closed, DeskMsg::ViewClosed),
    ];
    view! {
        <section class="sf-desk-chat" aria-labelledby="sf-desk-chat-heading">
            <h2 id="sf-desk-chat-heading">{i18n.text(DeskMsg::ChatHeading)}</h2>
            <label class="sf-desk-chat__presence">
                <input type="checkbox" prop:checked=move || available.get() on:change=toggle_available />
                {i18n.text(DeskMsg::AvailableForChats)}
            </label>
            <div class="sf-desk-chat__views" role="group" aria-label=move || i18n.t(DeskMsg::InboxLabel)>
                {views
                    .into_iter()
                    .map(|(view, label)| {
                        view! {
                            <button
                                type="button"
                                class="sf-button sf-button--secondary"
                                aria-pressed=move || (view_shown.get() == view).to_string()
                                on:click=move |_| view_shown.set(view)
                            >
                                {i18n.text(label)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <CannedRepliesManager token=token />
            <div class="sf-desk-chat__panes">
                <Transition fallback=|| ()>
                    {move || {
                        inbox
                            .get()
                            .map(|answer| match answer {
                                Ok(entries) if entries.is_empty() => {
                                    view! { <p>{i18n.text(DeskMsg::InboxEmpty)}</p> }.into_any()
                                }
                                Ok(entries) => view! { <InboxList entries=entries selected=selected /> }.into_any(),
                                Err(_) => view! { <p role="alert">{i18n.text(DeskMsg::InboxFailed)}</p> }.into_any(),
                            })
                    }}
                </Transition>
                {move || {
                    selected
                        .get()
                        .map(|id| {
                            view! { <DeskConversation id=id token=token.get_value() agent_id=session.agent.id /> }
                        })
                }}
            </div>
        </section>
    }
}

/// A conversation's last message as a preview: an image sent alone has no text, so it says
/// that it is one.
fn preview_text(i18n: I18n, preview: String) -> String {
    if preview.is_empty() {
        i18n.t(DeskMsg::ImagePreview).to_owned()
    } else {
        preview
    }
}

/// The inbox's conversations, newest activity first.
#[component]
fn InboxList(entries: Vec<InboxEntry>, selected: RwSignal<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="sf-desk-chat__inbox">
            {entries
                .into_iter()
                .map(|entry| {
                    let id = entry.id;
                    let who = if entry.shopper_name.is_empty() {
                        entry.shopper_email.clone().unwrap_or_default()
                    } else {
                        entry.shopper_name.clone()
                    };
                    let unread = entry.unread;
                    view! {
                        <li>
                            <button
                                type="button"
                                class="sf-desk-chat__entry"
                                aria-current=move || (selected.get() == Some(id)).then_some("true")
                                on:click=move |_| selected.set(Some(id))
                            >
                                <strong>{who}</strong>
                                {entry.order_number.map(|number| view! { <span>" · " {number}</span> })}
                                <span class="sf-desk-chat__preview">{preview_text(i18n, entry.preview)}</span>
                                {(unread > 0)
                                    .then(|| {
                                        view! {
                                            <span class="sf-desk-chat__unread">
                                                {move || i18n.format(DeskMsg::Unread, &[("count", &unread.to_string())])}
                                            </span>
                                        }
                                    })}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// What the open conversation shows, changed only by [`apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConversationState {
    /// Who and what, once read.
    pub header: Option<ConversationView>,
    /// Stored messages, by sequence number, each once.
    pub transcript: Vec<ChatMessage>,
    /// The agent's replies not acknowledged yet: client id and text.
    pub sending: Vec<(String, String)>,
    /// The shopper is typing (the number tells typing frames apart).
    pub shopper_typing: Option<u32>,
    typing_frames: u32,
    /// Open or closed.
    pub status: Option<ConversationStatus>,
}

/// What can happen to the open conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConversationEvent {
    /// The conversation was read.
    Read(ConversationView),
    /// A frame came on its socket.
    Frame(ServerFrame),
    /// The agent wrote a reply.
    Write(String, String),
    /// A typing indicator's time ran out.
    TypingExpired(u32),
}

/// The state after `event`: pure, so it is tested natively.
pub fn apply(mut state: ConversationState, event: ConversationEvent) -> ConversationState {
    match event {
        ConversationEvent::Read(view) => {
            state.status = Some(view.status);
            for message in view.messages.clone() {
                transcript::place(&mut state.transcript, message);
            }
            state.header = Some(view);
        }
        ConversationEvent::Write(client_id, body) => state.sending.push((client_id, body)),
        ConversationEvent::TypingExpired(frame) => {
            if state.shopper_typing == Some(frame) {
                state.shopper_typing = None;
            }
        }
        ConversationEvent::Frame(frame) => match frame {
            ServerFrame::Message { message } => {
                state.sending.retain(|(id, _)| *id != message.client_id);
                if message.author == Author::Shopper {
                    state.shopper_typing = None;
                }
                transcript::place(&mut state.transcript, message);
            }
            ServerFrame::CaughtUp { status, .. } | ServerFrame::Status { status } => {
                state.status = Some(status)
            }
            ServerFrame::Typing {
                author: Author::Shopper,
            } => {
                state.typing_frames += 1;
                state.shopper_typing = Some(state.typing_frames);
            }
            // An acknowledged reply stays "sending" until its stored copy arrives on the socket.
            ServerFrame::Ack { .. }
            | ServerFrame::Typing { .. }
            | ServerFrame::Receipts { .. }
            | ServerFrame::Refused { .. } => {}
        },
    }
    state
}

/// One conversation: transcript, reply box, assign and close.
#[component]
fn DeskConversation(id: i64, token: String, agent_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let client: ApiClient = use_api_client();
    let token = StoredValue::new(token);
    let state = RwSignal::new(ConversationState::default());
    let event = move |event: ConversationEvent| {
        state.update(|now| *now = apply(std::mem::take(now), event))
    };
    let reply = RwSignal::new(String::new());
    let last_typing_sent = StoredValue::new(0.0_f64);
    leptos::task::spawn_local(async move {
        if let Ok(view) = client.read_conversation(token.get_value(), id, 0).await {
            state
                .try_update(|now| *now = apply(std::mem::take(now), ConversationEvent::Read(view)));
        }
    });
    let hello = move || {
        client_frame_text(&ClientFrame::Hello {
            token: token.get_value(),
            conversation_id: Some(id),
            after: state
                .try_with_untracked(|now| transcript::held(&now.transcript))
                .unwrap_or(0),
        })
    };
    let link = StoredValue::new_local(None::<StoredValue<Option<SocketLink>, LocalStorage>>);
    let send = move |frame: &ClientFrame| {
        let Some(text) = client_frame_text(frame) else {
            return false;
        };
        link.with_value(|link| {
            link.is_some_and(|link| {
                link.with_value(|open| open.as_ref().is_some_and(|open| open.send(&text)))
            })
        })
    };
    let on_text = move |text: String| {
        let Some(frame) = read_server_frame(&text) else {
            return;
        };
        let from_shopper = match &frame {
            ServerFrame::Message { message } if message.author == Author::Shopper => {
                Some(message.seq)
            }
            _ => None,
        };
        let caught_up = matches!(frame, ServerFrame::CaughtUp { .. });
        let typing = matches!(
            frame,
            ServerFrame::Typing {
                author: Author::Shopper
            }
        );
        state.try_update(|now| *now = apply(std::mem::take(now), ConversationEvent::Frame(frame)));
        if let Some(seq) = from_shopper {
            // The agent has it on screen: received and read.
            send(&ClientFrame::Read { seq });
        }
        if caught_up {
            // Replies written while the socket was down go now, with their ids.
            let pending = state.with_untracked(|now| now.sending.clone());
            for (client_id, body) in pending {
                send(&ClientFrame::Send { client_id, body });
            }
            let last = state.with_untracked(|now| now.transcript.last().map_or(0, |m| m.seq));
            send(&ClientFrame::Read { seq: last });
        }
        if typing {
            let frame = state.with_untracked(|now| now.shopper_typing);
            if let Some(frame) = frame {
                set_timeout(
                    move || event(ConversationEvent::TypingExpired(frame)),
                    TYPING_SHOWN_FOR,
                );
            }
        }
    };
    link.set_value(Some(keep_socket_open(
        client.chat_socket_url(),
        hello,
        on_text,
    )));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = reply.get_untracked().trim().to_owned();
        if body.is_empty() {
            return;
        }
        let client_id = format!("agent-{}", (js_sys::Math::random() * 1e15) as u64);
        event(ConversationEvent::Write(client_id.clone(), body.clone()));
        reply.set(String::new());
        send(&ClientFrame::Send { client_id, body });
    };
    let on_input = move |ev: leptos::ev::Event| {
        reply.set(event_target_value(&ev));
        let now = js_sys::Date::now();
        if now - last_typing_sent.get_value() > 2_000.0 {
            last_typing_sent.set_value(now);
            send(&ClientFrame::Typing);
        }
    };
    let agents = LocalResource::new(move || client.all_agents(token.get_value()));
    let assignee = RwSignal::new(agent_id);
    let assign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = assignee.get_untracked();
        leptos::task::spawn_local(async move {
            let _ = client
                .assign_conversation(token.get_value(), id, Some(to))
                .await;
        });
    };
    let toggle_status = move |_| {
        let next = match state.get_untracked().status {
            Some(ConversationStatus::Open) => ConversationStatus::Closed,
            _ => ConversationStatus::Open,
        };
        leptos::task::spawn_local(async move {
            let _ = client
                .set_conversation_status(token.get_value(), id, next)
                .await;
        });
    };
    let locale = move || i18n.locale.get();
    let heading = move || {
        state.with(|now| {
            now.header.as_ref().map(|header| {
                let who = if header.shopper_name.is_empty() {
                    header.shopper_email.clone().unwrap_or_default()
                } else {
                    header.shopper_name.clone()
                };
                i18n.format(DeskMsg::ConversationWith, &[("name", &who)])
            })
        })
    };
    view! {
        <section class="sf-desk-chat__conversation" aria-labelledby="sf-desk-conversation-heading">
            <h3 id="sf-desk-conversation-heading" tabindex="-1">{heading}</h3>
            {move || {
                state.with(|now| {
                    now.header.as_ref().map(|header| {
                        view! {
                            <dl class="sf-desk-chat__about">
                                {header.shopper_email.clone().map(|email| view! {
                                    <dt>{i18n.text(DeskMsg::EmailTerm)}</dt><dd>{email}</dd>
                                })}
                                {header.order_number.clone().map(|number| view! {
                                    <dt>{i18n.text(DeskMsg::OrderTerm)}</dt><dd>{number}</dd>
                                })}
                                {header.help_article.clone().map(|article| view! {
                                    <dt>{i18n.text(DeskMsg::ArticleTerm)}</dt>
                                    <dd><a href=format!("/help?article={}", article.slug) target="_blank">{article.title}</a></dd>
                                })}
                                {(!header.help_searches.is_empty()).then(|| view! {
                                    <dt>{i18n.text(DeskMsg::SearchesTerm)}</dt>
                                    <dd>{header.help_searches.join(" · ")}</dd>
                                })}
                            </dl>
                        }
                    })
                })
            }}
            // The log is a region around the list: on the list itself the role would hide
            // that it is one.
            <div class="sf-desk-chat__transcript" role="log" aria-label=move || i18n.t(DeskMsg::TranscriptLabel)>
            <ol>
                <For
                    each=move || state.with(|now| now.transcript.clone())
                    key=|message| message.seq
                    children=move |message| {
                        let author = match message.author {
                            Author::Shopper => i18n.t(DeskMsg::AuthorShopper).to_owned(),
                            Author::Agent => message.author_name.clone().unwrap_or_default(),
                        };
                        let time = format_date(&message.sent_at, locale(), DateStyle::Time);
                        let image = message.image.map(|image| {
                            view! { <AttachedImage image=image sender=Some(author.clone()) /> }
                        });
                        let body = (!message.body.is_empty()).then(|| view! { <p>{message.body}</p> });
                        view! {
                            <li class="sf-desk-chat__message">
                                <span class="sf-desk-chat__author">{author}</span>
                                " "
                                <time datetime=message.sent_at.clone()>{time}</time>
                                {image}
                                {body}
                            </li>
                        }
                    }
                />
                <For
                    each=move || state.with(|now| now.sending.clone())
                    key=|(client_id, _)| client_id.clone()
                    children=move |(_, body)| view! {
                        <li class="sf-desk-chat__message sf-desk-chat__message--sending">
                            <span class="sf-desk-chat__author">{i18n.text(DeskMsg::Sending)}</span>
                            <p>{body}</p>
                        </li>
                    }
                />
            </ol>
            </div>
            <p class="sf-desk-chat__typing" role="status">
                {move || state.with(|now| now.shopper_typing.is_some()).then(|| i18n.t(DeskMsg::ShopperTyping))}
            </p>
            {move || {
                (state.with(|now| now.status) == Some(ConversationStatus::Closed))
                    .then(|| view! { <p>{i18n.text(DeskMsg::ConversationClosed)}</p> })
            }}
            <ShopperTimelinePanel id=id token=token.get_value() />
            <form class="sf-desk-chat__reply" on:submit=submit>
                // Picked first, then edited in the reply box, then sent: the order of Tab.
                <CannedPicker token=token reply=reply />
                <label for="sf-desk-reply">{i18n.text(DeskMsg::ReplyLabel)}</label>
                <textarea id="sf-desk-reply" rows="3" prop:value=move || reply.get() on:input=on_input></textarea>
                <button type="submit" class="sf-button">{i18n.text(DeskMsg::SendReply)}</button>
            </form>
            <div class="sf-desk-chat__actions">
                <form class="sf-desk-chat__assign" on:submit=assign>
                    <label for="sf-desk-assignee">{i18n.text(DeskMsg::AssignTo)}</label>
                    <select
                        id="sf-desk-assignee"
                        on:change=move |ev| {
                            if let Ok(picked) = event_target_value(&ev).parse() {
                                assignee.set(picked);
                            }
                        }
                    >
                        {move || {
                            agents.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|agent| {
                                let me = agent.id == agent_id;
                                let name = if me {
                                    i18n.format(DeskMsg::Me, &[("name", &agent.display_name)])
                                } else {
                                    agent.display_name
                                };
                                view! { <option value=agent.id.to_string() selected=me>{name}</option> }
                            }).collect_view()
                        }}
                    </select>
                    <button type="submit" class="sf-button sf-button--secondary">{i18n.text(DeskMsg::Assign)}</button>
                </form>
                <button type="button" class="sf-button sf-button--secondary" on:click=toggle_status>
                    {move || {
                        if state.with(|now| now.status) == Some(ConversationStatus::Closed) {
                            i18n.t(DeskMsg::Reopen)
                        } else {
                            i18n.t(DeskMsg::CloseConversation)
                        }
                    }}
                </button>
            </div>
        </section>
    }
}

/// Beside a conversation: what the store knows of its shopper across channels (orders,
/// returns with their history, reviews with their status and the store's reply, notes of
/// contacts elsewhere, other conversations).
#[component]
fn ShopperTimelinePanel(id: i64, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let token = StoredValue::new(token);
    let noted = RwSignal::new(0_u32);
    let timeline = LocalResource::new(move || {
        noted.track();
        client.shopper_timeline(token.get_value(), id)
    });
    let locale = move || i18n.locale.get();
    let channel = RwSignal::new(NoteChannel::Store);
    let note = RwSignal::new(String::new());
    let note_failed = RwSignal::new(false);
    let add_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = NoteRequest {
            channel: channel.get_untracked(),
            body: note.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let added = client
                .add_note(token.get_value(), id, request)
                .await
                .is_ok();
            note_failed.set(!added);
            if added {
                note.set(String::new());
                noted.update(|count| *count += 1);
            }
        });
    };
    let channels = [
        (NoteChannel::Store, DeskMsg::ChannelStore),
        (NoteChannel::Phone, DeskMsg::ChannelPhone),
        (NoteChannel::Other, DeskMsg::ChannelOther),
    ];
    view! {
        <aside class="sf-desk-chat__timeline" aria-labelledby="sf-desk-timeline-heading">
            <h4 id="sf-desk-timeline-heading">{i18n.text(DeskMsg::TimelineHeading)}</h4>
            <Transition fallback=|| ()>
                {move || {
                    timeline.get().map(|answer| match answer {
                        Ok(timeline)
                            if timeline.orders.is_empty()
                                && timeline.returns.is_empty()
                                && timeline.notes.is_empty()
                                && timeline.conversations.is_empty()
                                && timeline.reviews.is_empty() =>
                        {
                            view! { <p>{i18n.text(DeskMsg::TimelineEmpty)}</p> }.into_any()
                        }
                        Ok(timeline) => view! {
                            <ul>
                                {timeline.orders.into_iter().map(|order| {
                                    let statuses = order
                                        .package_statuses
                                        .iter()
                                        .filter_map(|name| ShipmentStatus::parse(name))
                                        .map(|status| i18n.t(status_message(status)))
                                        .collect::<Vec<_>>()
                                        .join(", ");
                                    let placed = format_date(&order.placed_at, locale(), DateStyle::Day);
                                    view! {
                                        <li>
                                            {i18n.format(DeskMsg::TimelineOrder, &[("number", &order.order_number), ("date", &placed)])}
                                            {(!statuses.is_empty()).then(|| format!(": {statuses}"))}
                                        </li>
                                    }
                                }).collect_view()}
                                {timeline.returns.into_iter().map(|shopper_return| view! {
                                    <li>
                                        {i18n.format(DeskMsg::TimelineReturnEntry, &[("rma", &shopper_return.rma), ("number", &shopper_return.order_number)])}
                                        <ReturnHistory events=shopper_return.events />
                                    </li>
                                }).collect_view()}
                                {timeline.reviews.into_iter().map(|review| view! { <TimelineReviewItem review=review /> }).collect_view()}
                                {timeline.notes.into_iter().map(|note| {
                                    let when = format_date(&note.created_at, locale(), DateStyle::Day);
                                    let label = channels
                                        .iter()
                                        .find(|(channel, _)| *channel == note.channel)
                                        .map_or("", |(_, label)| i18n.t(*label));
                                    view! {
                                        <li>
                                            {i18n.format(DeskMsg::TimelineNote, &[("channel", label), ("date", &when), ("agent", note.agent_name.as_deref().unwrap_or_default())])}
                                            ": " {note.body}
                                        </li>
                                    }
                                }).collect_view()}
                                {timeline.conversations.into_iter().map(|conversation| {
                                    let when = format_date(&conversation.last_activity_at, locale(), DateStyle::Day);
                                    view! {
                                        <li>
                                            {i18n.format(DeskMsg::TimelineConversation, &[("date", &when)])}
                                            ": " {preview_text(i18n, conversation.preview)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(_) => view! { <p role="alert">{i18n.text(DeskMsg::TimelineFailed)}</p> }.into_any(),
                    })
                }}
            </Transition>
            <form class="sf-desk-chat__note" on:submit=add_note>
                <label for="sf-desk-note-channel">{i18n.text(DeskMsg::NoteChannelLabel)}</label>
                <select
                    id="sf-desk-note-channel"
                    on:change=move |ev| {
                        let picked = NoteChannel::parse(&event_target_value(&ev)).unwrap_or(NoteChannel::Other);
                        channel.set(picked);
                    }
                >
                    {channels.into_iter().map(|(value, label)| view! {
                        <option value=value.as_str() selected=move || channel.get() == value>{i18n.text(label)}</option>
                    }).collect_view()}
                </select>
                <label for="sf-desk-note">{i18n.text(DeskMsg::NoteLabel)}</label>
                <textarea id="sf-desk-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                {move || note_failed.get().then(|| view! { <p role="alert">{i18n.text(DeskMsg::NoteFailed)}</p> })}
                <button type="submit" class="sf-button sf-button--secondary">{i18n.text(DeskMsg::AddNote)}</button>
            </form>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(seq: i64, author: Author, client_id: &str) -> ChatMessage {
        ChatMessage {
            seq,
            client_id: client_id.into(),
            author,
            author_name: None,
            body: format!("message {seq}"),
            sent_at: "2026-11-23T12:00:00Z".into(),
            image: None,
        }
    }

    fn frame(message: ChatMessage) -> ConversationEvent {
        ConversationEvent::Frame(ServerFrame::Message { message })
    }

    #[test]
    fn a_reply_is_sending_until_its_stored_copy_arrives_in_order() {
        let state = apply(
            ConversationState::default(),
            ConversationEvent::Write("a-1".into(), "Hello".into()),
        );
        let state = apply(state, frame(message(2, Author::Shopper, "s-2")));
        let state = apply(state, frame(message(1, Author::Shopper, "s-1")));
        assert_eq!(state.sending.len(), 1);
        let state = apply(state, frame(message(3, Author::Agent, "a-1")));
        assert!(state.sending.is_empty());
        let seqs: Vec<i64> = state.transcript.iter().map(|m| m.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        let again = apply(state.clone(), frame(message(3, Author::Agent, "a-1")));
        assert_eq!(
            again.transcript.len(),
            3,
            "a message arriving twice shows once"
        );
    }

    #[test]
    fn the_shoppers_typing_shows_until_its_own_timer_or_their_message() {
        let typing = ConversationEvent::Frame(ServerFrame::Typing {
            author: Author::Shopper,
        });
        let state = apply(ConversationState::default(), typing.clone());
        let first = state.shopper_typing.unwrap();
        let state = apply(state, typing);
        let state = apply(state, ConversationEvent::TypingExpired(first));
        assert!(state.shopper_typing.is_some(), "a later frame keeps it");
        let state = apply(state, frame(message(1, Author::Shopper, "s-1")));
        assert!(state.shopper_typing.is_none());
    }
}
