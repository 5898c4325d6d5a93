//! The chat socket: one `WebSocket` while the chat holds a conversation, opened with a hello
//! that says the last message held, and opened again after a drop, 1 s, 2 s, 4 s… (at most
//! 30 s) later. Every frame and every drop becomes an [`Event`] for the chat's state; what
//! to send, and when, is the state's business.

use super::state::{reconnect_delay_ms, ChatState, Connection, Event};
use crate::client::live_chat::{client_frame_text, read_server_frame};
use crate::client::socket::SocketLink;
use crate::client::ApiClient;
use crate::reactive::effect;
use leptos::prelude::*;
use sf_api::live_chat::ClientFrame;
use std::time::Duration;

/// The chat's socket, as [`use_chat_socket`] keeps it.
#[derive(Clone, Copy)]
pub(super) struct ChatSocket {
    link: StoredValue<Option<SocketLink>, LocalStorage>,
    /// Changed to open a new socket.
    generation: RwSignal<u32>,
}

impl ChatSocket {
    /// Sends `frame` if the socket is open; `false` when it could not (the outbox keeps
    /// messages until the next socket is caught up).
    pub(super) fn send(self, frame: &ClientFrame) -> bool {
        let Some(text) = client_frame_text(frame) else {
            return false;
        };
        self.link
            .try_with_value(|link| link.as_ref().is_some_and(|link| link.send(&text)))
            .unwrap_or(false)
    }

    /// Closes the socket and opens another at once, whose hello asks again from the first
    /// message missing.
    pub(super) fn reopen(self) {
        self.generation.update(|generation| *generation += 1);
    }
}

/// Keeps a socket open while `state` holds a conversation, reporting to `event`.
pub(super) fn use_chat_socket(
    client: ApiClient,
    state: RwSignal<ChatState>,
    event: Callback<Event>,
) -> ChatSocket {
    let socket = ChatSocket {
        link: StoredValue::new_local(None),
        generation: RwSignal::new(0),
    };
    let retry = StoredValue::new_local(None::<TimeoutHandle>);
    let conversation = Memo::new(move |_| state.with(|current| current.ticket.clone()));
    let cancel_retry = move || {
        if let Some(Some(handle)) = retry.try_update_value(Option::take) {
            handle.clear();
        }
    };
    // After a drop: wait as long as this attempt should, then open another socket.
    let schedule = move || {
        let delay = state.with_untracked(|current| match current.connection {
            Connection::Reconnecting { attempt } => Some(reconnect_delay_ms(attempt)),
            _ => None,
        });
        if let Some(delay) = delay {
            let handle = set_timeout_with_handle(
                move || socket.reopen(),
                Duration::from_millis(delay.into()),
            );
            retry.set_value(handle.ok());
        }
    };
    let dropped = move || {
        event.run(Event::SocketClosed);
        schedule();
    };
    effect(move || {
        socket.generation.track();
        let ticket = conversation.get();
        // Read here, so a change of `api-base` opens a socket on the new server.
        let url = client.chat_socket_url();
        cancel_retry();
        socket.link.set_value(None);
        if ticket.is_none() {
            return;
        }
        event.run(Event::SocketOpening);
        // The hello is written when the socket opens, from what is held by then.
        let hello = move || {
            state
                .with_untracked(ChatState::hello)
                .as_ref()
                .and_then(client_frame_text)
        };
        let frame = move |text: String| {
            if let Some(frame) = read_server_frame(&text) {
                event.run(Event::Frame(frame));
            }
        };
        match SocketLink::open(&url, hello, frame, dropped) {
            Some(link) => socket.link.set_value(Some(link)),
            None => dropped(),
        }
    });
    on_cleanup(move || {
        cancel_retry();
        socket.link.try_update_value(|link| *link = None);
    });
    socket
}
