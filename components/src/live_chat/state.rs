//! Everything the chat knows, as one value ([`ChatState`]) changed only by the pure
//! [`apply`], so every rule of the protocol (ordering, de-duplication, resuming, the outbox)
//! is tested natively, without a browser or a server.
//!
//! What the shopper sees is the transcript (stored messages, by sequence number) followed
//! by the outbox (written, not stored yet). A message moves from one to the other when the
//! server's copy arrives; its client id stays the same, so the view keeps its element.

use sf_api::live_chat::{
    ArticleSuggestion, Author, ChatAvailability, ChatMessage, ClientFrame, ConversationStatus,
    Refusal, ServerFrame,
};

/// Reconnections that may fail before messages waiting to go out are said to have failed
/// (1 + 2 + 4 + 8 seconds of trying: long enough for a network blip to pass).
pub const QUIET_RECONNECTS: u32 = 4;

/// The longest wait between two reconnections.
const MAX_RECONNECT_DELAY_MS: u32 = 30_000;

/// The conversation this browser may take part in: its id and the shopper's token for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    /// The conversation.
    pub conversation_id: i64,
    /// The shopper's token, sent in the socket's hello and to rate it.
    pub token: String,
}

/// The order the chat is about (from the tracker's "Chat with us about this order").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AboutOrder {
    /// Its number, shown in the pane.
    pub number: String,
    /// The tracker's token for it, which identifies the shopper when starting.
    pub token: Option<String>,
}

/// What the shopper read and searched in the help centre before asking ("Chat with us"
/// there), shown in the pane and passed to the agent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AboutHelp {
    /// The article read, by slug.
    pub article_slug: Option<String>,
    /// Its title, shown in the pane.
    pub article_title: Option<String>,
    /// The searches made, oldest first.
    pub searches: Vec<String>,
}

/// The link to the server's chat socket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Connection {
    /// No conversation yet, so no socket.
    #[default]
    Idle,
    /// Opening the first socket of this page.
    Connecting,
    /// Caught up: messages go out as they are written.
    Connected,
    /// The socket dropped; this is the `attempt`th try to open another.
    Reconnecting {
        /// 1 for the first try after a drop.
        attempt: u32,
    },
    /// The server will not let this browser in (its token ended): no more tries.
    Failed,
}

/// Why a message the shopper wrote did not go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// The server refused it.
    Refused(Refusal),
    /// The server could not be reached for [`QUIET_RECONNECTS`] tries.
    Unreachable,
}

/// Where one of the shopper's messages is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// On its way, or waiting for the connection.
    Sending,
    /// Stored by the server.
    Sent,
    /// An agent's desk has it.
    Delivered,
    /// An agent has read it.
    Read,
    /// Not sent; the shopper may retry.
    Failed(SendFailure),
}

/// A message written but not stored yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// The id it goes out with, every time it is sent.
    pub client_id: String,
    /// The text.
    pub body: String,
    /// Its number, once the server acknowledged it (its stored copy may still be on its way).
    pub acked: Option<i64>,
    /// Why it did not go out, if it did not.
    pub failed: Option<SendFailure>,
}

impl Outgoing {
    fn delivery(&self) -> Delivery {
        match (self.failed, self.acked) {
            (Some(failure), _) => Delivery::Failed(failure),
            (None, Some(_)) => Delivery::Sent,
            (None, None) => Delivery::Sending,
        }
    }
}

/// What the chat keeps in the browser so a reload goes on with the same conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedChat {
    /// The conversation.
    pub ticket: Ticket,
    /// The last message the shopper saw, so old ones are not counted as unread again.
    pub seen: i64,
    /// Messages not stored yet: client id and text.
    pub outbox: Vec<(String, String)>,
}

/// Everything the chat knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChatState {
    /// Whether the pane is open.
    pub open: bool,
    /// The conversation, once started (or resumed after a reload).
    pub ticket: Option<Ticket>,
    /// Whether anyone can answer, once asked.
    pub availability: Option<ChatAvailability>,
    /// Help articles that may answer the first message, offered while nobody can.
    pub suggestions: Vec<ArticleSuggestion>,
    /// The order the shopper asked about.
    pub about: Option<AboutOrder>,
    /// What they read and searched in the help centre.
    pub about_help: Option<AboutHelp>,
    /// The socket.
    pub connection: Connection,
    /// Stored messages, by sequence number, each once.
    pub transcript: Vec<ChatMessage>,
    /// The shopper's messages not stored yet, in the order written.
    pub outbox: Vec<Outgoing>,
    /// The highest sequence number the server said it has.
    pub server_last: i64,
    /// The last message the shopper saw (pane open, page visible).
    pub seen: i64,
    /// The shopper's messages an agent has received, up to here.
    pub agent_delivered: i64,
    /// The shopper's messages an agent has read, up to here.
    pub agent_read: i64,
    /// The agent is typing; the number tells this typing frame from later ones, so only the
    /// latest one's timer clears it.
    pub agent_typing: Option<u32>,
    /// Typing frames seen so far.
    typing_frames: u32,
    /// An agent closed the conversation: no more messages, a rating instead.
    pub closed: bool,
    /// The shopper rated the closed conversation.
    pub rated: bool,
    /// The server no longer accepts the token: the conversation cannot go on here.
    pub expired: bool,
}

impl ChatState {
    /// The highest `n` such that messages 1 to `n` are all held: what the next hello's
    /// `after` says, so the server sends everything from the first one missing.
    pub fn held(&self) -> i64 {
        super::transcript::held(&self.transcript)
    }

    /// Whether a message is missing before one held (or before the server's last): the
    /// socket should be opened again with a hello after [`held`](Self::held).
    pub fn needs_resume(&self) -> bool {
        let last = self.transcript.last().map_or(0, |message| message.seq);
        self.held() < last.max(self.server_last)
    }

    /// The hello that opens (or reopens) the socket.
    pub fn hello(&self) -> Option<ClientFrame> {
        self.ticket.as_ref().map(|ticket| ClientFrame::Hello {
            token: ticket.token.clone(),
            conversation_id: None,
            after: self.held(),
        })
    }

    /// The messages to send now that the socket is caught up: every one not acknowledged
    /// and not refused, in the order written, with the ids they were first sent with (the
    /// server stores a resent id once).
    pub fn frames_to_flush(&self) -> Vec<ClientFrame> {
        self.outbox
            .iter()
            .filter(|outgoing| outgoing.delivery() == Delivery::Sending)
            .map(|outgoing| ClientFrame::Send {
                client_id: outgoing.client_id.clone(),
                body: outgoing.body.clone(),
            })
            .collect()
    }

    /// The last agent's message held, for the `received` receipt.
    pub fn last_agent_seq(&self) -> i64 {
        self.transcript
            .iter()
            .rev()
            .find(|message| message.author == Author::Agent)
            .map_or(0, |message| message.seq)
    }

    /// Agents' messages the shopper has not seen.
    pub fn unread(&self) -> usize {
        self.transcript
            .iter()
            .filter(|message| message.author == Author::Agent && message.seq > self.seen)
            .count()
    }

    /// Where the shopper's message `client_id` is (`None` for an agent's or an unknown one).
    pub fn delivery(&self, client_id: &str) -> Option<Delivery> {
        if let Some(outgoing) = self.outbox.iter().find(|o| o.client_id == client_id) {
            return Some(outgoing.delivery());
        }
        let message = self
            .transcript
            .iter()
            .find(|message| message.client_id == client_id && message.author == Author::Shopper)?;
        Some(if message.seq <= self.agent_read {
            Delivery::Read
        } else if message.seq <= self.agent_delivered {
            Delivery::Delivered
        } else {
            Delivery::Sent
        })
    }

    /// Whether a message truly failed to go out (refused, or the server stayed out of reach).
    pub fn send_failed(&self) -> bool {
        self.outbox.iter().any(|outgoing| outgoing.failed.is_some())
    }

    /// What to keep in the browser (nothing before a conversation starts).
    pub fn saved(&self) -> Option<SavedChat> {
        Some(SavedChat {
            ticket: self.ticket.clone()?,
            seen: self.seen,
            outbox: self
                .outbox
                .iter()
                .map(|outgoing| (outgoing.client_id.clone(), outgoing.body.clone()))
                .collect(),
        })
    }

    /// Puts a stored message in its place, once; its outbox entry, if any, is done.
    fn store(&mut self, message: ChatMessage) {
        self.outbox
            .retain(|outgoing| outgoing.client_id != message.client_id);
        let from_agent = message.author == Author::Agent;
        if super::transcript::place(&mut self.transcript, message) && from_agent {
            // An agent who sent a message has stopped typing it.
            self.agent_typing = None;
        }
    }

    fn frame(mut self, frame: ServerFrame) -> Self {
        match frame {
            ServerFrame::Message { message } => self.store(message),
            ServerFrame::CaughtUp { status, last_seq } => {
                self.connection = Connection::Connected;
                self.closed = status == ConversationStatus::Closed;
                self.server_last = self.server_last.max(last_seq);
                // Back in touch: what could not reach the server goes out again.
                for outgoing in &mut self.outbox {
                    if outgoing.failed == Some(SendFailure::Unreachable) {
                        outgoing.failed = None;
                    }
                }
            }
            ServerFrame::Ack { client_id, seq } => {
                // Not a gap: the stored copy follows the acknowledgement on the same socket.
                let stored = self.transcript.iter().any(|held| held.seq == seq);
                if stored {
                    self.outbox
                        .retain(|outgoing| outgoing.client_id != client_id);
                } else if let Some(outgoing) =
                    self.outbox.iter_mut().find(|o| o.client_id == client_id)
                {
                    outgoing.acked = Some(seq);
                    outgoing.failed = None;
                }
            }
            ServerFrame::Typing {
                author: Author::Agent,
            } => {
                self.typing_frames += 1;
                self.agent_typing = Some(self.typing_frames);
            }
            // The shopper's own typing in another tab says nothing here.
            ServerFrame::Typing { .. } => {}
            ServerFrame::Receipts {
                by: Author::Agent,
                delivered,
                read,
            } => {
                self.agent_delivered = self.agent_delivered.max(delivered);
                self.agent_read = self.agent_read.max(read);
            }
            ServerFrame::Receipts { .. } => {}
            ServerFrame::Status { status } => {
                self.closed = status == ConversationStatus::Closed;
            }
            ServerFrame::Refused {
                client_id: Some(client_id),
                refusal,
            } => {
                if refusal == Refusal::Closed {
                    self.closed = true;
                }
                if let Some(outgoing) = self.outbox.iter_mut().find(|o| o.client_id == client_id) {
                    outgoing.failed = Some(SendFailure::Refused(refusal));
                }
            }
            ServerFrame::Refused {
                client_id: None,
                refusal: Refusal::Unauthorized,
            } => {
                // The token ended: start again from the pre-chat step, saying why.
                return ChatState {
                    open: self.open,
                    availability: self.availability,
                    about: self.about,
                    connection: Connection::Failed,
                    expired: true,
                    ..ChatState::default()
                };
            }
            // A frame of ours the server did not understand: nothing a person can do.
            ServerFrame::Refused {
                client_id: None, ..
            } => {}
        }
        self
    }
}

/// Something that happened to the chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The shopper (or the page) opened the pane.
    Open,
    /// The pane was closed.
    Close,
    /// Whether anyone can answer.
    Availability(ChatAvailability),
    /// The page asked for a chat about an order.
    About(AboutOrder),
    /// The help centre asked for a chat about what the shopper read and searched.
    AboutHelp(AboutHelp),
    /// A conversation kept from an earlier visit.
    Resumed(SavedChat),
    /// The server started the conversation with its first message.
    Started {
        /// The conversation.
        ticket: Ticket,
        /// The first message as stored.
        message: ChatMessage,
    },
    /// Help articles were found for the first message.
    Suggestions(Vec<ArticleSuggestion>),
    /// A socket is being opened.
    SocketOpening,
    /// The socket closed or could not open.
    SocketClosed,
    /// The server said something over the socket.
    Frame(ServerFrame),
    /// The shopper wrote a message.
    Write {
        /// Its new id.
        client_id: String,
        /// Its text.
        body: String,
    },
    /// The shopper asked to send a failed message again.
    Retry {
        /// Its id (unchanged).
        client_id: String,
    },
    /// The typing indicator of the `n`th typing frame has been shown long enough.
    TypingExpired(u32),
    /// The shopper saw everything held (pane open, page visible).
    Seen,
    /// The shopper rated the conversation.
    Rated,
}

/// The chat after `event`.
pub fn apply(state: ChatState, event: Event) -> ChatState {
    let mut state = state;
    match event {
        Event::Open => state.open = true,
        Event::Close => state.open = false,
        Event::Availability(availability) => state.availability = Some(availability),
        Event::About(about) => state.about = Some(about),
        Event::AboutHelp(about) => state.about_help = Some(about),
        Event::Resumed(saved) => {
            state.ticket = Some(saved.ticket);
            state.seen = saved.seen;
            state.outbox = saved
                .outbox
                .into_iter()
                .map(|(client_id, body)| Outgoing {
                    client_id,
                    body,
                    acked: None,
                    failed: None,
                })
                .collect();
        }
        Event::Started { ticket, message } => {
            state = ChatState {
                open: state.open,
                availability: state.availability,
                about: state.about,
                ticket: Some(ticket),
                seen: message.seq,
                ..ChatState::default()
            };
            state.store(message);
        }
        Event::Suggestions(suggestions) => state.suggestions = suggestions,
        Event::SocketOpening => {
            if matches!(state.connection, Connection::Idle | Connection::Failed) {
                state.connection = Connection::Connecting;
            }
        }
        Event::SocketClosed => {
            let attempt = match state.connection {
                Connection::Reconnecting { attempt } => attempt + 1,
                Connection::Failed => return state,
                _ => 1,
            };
            state.connection = Connection::Reconnecting { attempt };
            if attempt > QUIET_RECONNECTS {
                for outgoing in &mut state.outbox {
                    if outgoing.delivery() == Delivery::Sending {
                        outgoing.failed = Some(SendFailure::Unreachable);
                    }
                }
            }
        }
        Event::Frame(frame) => return state.frame(frame),
        Event::Write { client_id, body } => state.outbox.push(Outgoing {
            client_id,
            body,
            acked: None,
            failed: None,
        }),
        Event::Retry { client_id } => {
            if let Some(outgoing) = state.outbox.iter_mut().find(|o| o.client_id == client_id) {
                outgoing.failed = None;
            }
        }
        Event::TypingExpired(frame) => {
            if state.agent_typing == Some(frame) {
                state.agent_typing = None;
            }
        }
        Event::Seen => state.seen = state.seen.max(state.last_agent_seq()),
        Event::Rated => state.rated = true,
    }
    state
}

/// How long to wait before the `attempt`th reconnection: 1 s, 2 s, 4 s… at most 30 s.
pub fn reconnect_delay_ms(attempt: u32) -> u32 {
    let doublings = attempt.saturating_sub(1).min(15);
    (1000_u32 << doublings).min(MAX_RECONNECT_DELAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(seq: i64, author: Author) -> ChatMessage {
        ChatMessage {
            seq,
            client_id: format!("m{seq}"),
            author,
            author_name: None,
            body: format!("message {seq}"),
            sent_at: "2026-11-23T12:00:00Z".into(),
            image: None,
        }
    }

    fn arrived(seq: i64, author: Author) -> Event {
        Event::Frame(ServerFrame::Message {
            message: message(seq, author),
        })
    }

    fn write(client_id: &str) -> Event {
        Event::Write {
            client_id: client_id.into(),
            body: format!("text of {client_id}"),
        }
    }

    fn caught_up(last_seq: i64) -> Event {
        Event::Frame(ServerFrame::CaughtUp {
            status: ConversationStatus::Open,
            last_seq,
        })
    }

    fn ack(client_id: &str, seq: i64) -> Event {
        Event::Frame(ServerFrame::Ack {
            client_id: client_id.into(),
            seq,
        })
    }

    /// The shopper's message `client_id` as the server stored it.
    fn stored(client_id: &str, seq: i64) -> Event {
        Event::Frame(ServerFrame::Message {
            message: ChatMessage {
                client_id: client_id.into(),
                author: Author::Shopper,
                body: format!("text of {client_id}"),
                ..message(seq, Author::Shopper)
            },
        })
    }

    fn run_from(state: ChatState, events: impl IntoIterator<Item = Event>) -> ChatState {
        events.into_iter().fold(state, apply)
    }

    /// A conversation started with message 1, its socket caught up.
    fn connected() -> ChatState {
        run_from(
            ChatState::default(),
            [
                Event::Started {
                    ticket: Ticket {
                        conversation_id: 7,
                        token: "t".into(),
                    },
                    message: message(1, Author::Shopper),
                },
                Event::SocketOpening,
                caught_up(1),
            ],
        )
    }

    fn seqs(state: &ChatState) -> Vec<i64> {
        state.transcript.iter().map(|message| message.seq).collect()
    }

    #[test]
    fn starting_holds_the_first_message_and_says_hello_after_it() {
        let state = connected();
        assert_eq!(seqs(&state), [1]);
        assert_eq!(state.connection, Connection::Connected);
        assert_eq!(
            state.hello(),
            Some(ClientFrame::Hello {
                token: "t".into(),
                conversation_id: None,
                after: 1
            })
        );
    }

    #[test]
    fn sending_puts_the_message_in_the_outbox_until_it_is_acknowledged() {
        let state = apply(connected(), write("a"));
        assert_eq!(state.delivery("a"), Some(Delivery::Sending));
        assert_eq!(
            state.frames_to_flush(),
            [ClientFrame::Send {
                client_id: "a".into(),
                body: "text of a".into()
            }]
        );
    }

    #[test]
    fn acknowledgement_marks_it_sent_and_its_stored_copy_takes_its_place() {
        let state = run_from(connected(), [write("a"), ack("a", 2)]);
        assert_eq!(state.delivery("a"), Some(Delivery::Sent));
        assert!(!state.needs_resume(), "its copy is on its way, not missing");
        assert!(
            state.frames_to_flush().is_empty(),
            "acknowledged: not sent again"
        );
        let state = apply(state, stored("a", 2));
        assert!(state.outbox.is_empty());
        assert_eq!(seqs(&state), [1, 2]);
        assert_eq!(state.delivery("a"), Some(Delivery::Sent));

        // The stored copy may also come before the acknowledgement.
        let state = run_from(connected(), [write("b"), stored("b", 2), ack("b", 2)]);
        assert!(state.outbox.is_empty());
        assert_eq!(seqs(&state), [1, 2]);
    }

    #[test]
    fn receipts_move_own_messages_to_delivered_then_read() {
        let state = run_from(connected(), [write("a"), stored("a", 2)]);
        let receipts = |delivered, read| {
            Event::Frame(ServerFrame::Receipts {
                by: Author::Agent,
                delivered,
                read,
            })
        };
        let state = apply(state, receipts(2, 1));
        assert_eq!(state.delivery("a"), Some(Delivery::Delivered));
        let state = apply(state, receipts(2, 2));
        assert_eq!(state.delivery("a"), Some(Delivery::Read));
        let state = apply(state, receipts(1, 1));
        assert_eq!(state.delivery("a"), Some(Delivery::Read), "never goes back");
    }

    #[test]
    fn a_duplicate_by_seq_or_by_client_id_is_shown_once() {
        let state = run_from(
            connected(),
            [
                arrived(2, Author::Agent),
                arrived(2, Author::Agent),
                stored("m2", 9),
            ],
        );
        assert_eq!(seqs(&state), [1, 2]);
    }

    #[test]
    fn out_of_order_arrival_is_inserted_by_seq() {
        let state = run_from(
            connected(),
            [
                arrived(3, Author::Agent),
                arrived(2, Author::Agent),
                arrived(4, Author::Shopper),
            ],
        );
        assert_eq!(seqs(&state), [1, 2, 3, 4]);
        assert!(!state.needs_resume());
    }

    #[test]
    fn resume_after_a_gap_asks_from_the_first_missing_message() {
        let state = run_from(connected(), [arrived(2, Author::Agent)]);
        assert!(!state.needs_resume());
        let state = apply(state, arrived(5, Author::Agent));
        assert!(state.needs_resume());
        assert!(matches!(
            state.hello(),
            Some(ClientFrame::Hello { after: 2, .. })
        ));

        // The next socket replays 3, 4 and 5 again; 5 is not shown twice.
        let state = run_from(
            state,
            [
                Event::SocketOpening,
                arrived(3, Author::Agent),
                arrived(4, Author::Agent),
                arrived(5, Author::Agent),
                caught_up(5),
            ],
        );
        assert_eq!(seqs(&state), [1, 2, 3, 4, 5]);
        assert!(!state.needs_resume());
    }

    #[test]
    fn a_server_ahead_of_the_transcript_is_a_gap_too() {
        let state = apply(connected(), caught_up(3));
        assert!(state.needs_resume());
    }

    #[test]
    fn offline_outbox_is_flushed_in_order_on_reconnect_with_the_same_client_ids() {
        let state = run_from(
            connected(),
            [
                write("a"),
                Event::SocketClosed,
                write("b"),
                Event::SocketClosed,
                write("c"),
            ],
        );
        assert_eq!(state.connection, Connection::Reconnecting { attempt: 2 });
        assert_eq!(state.outbox.len(), 3, "kept while offline");
        let state = run_from(state, [Event::SocketOpening, caught_up(1)]);
        let ids: Vec<_> = state
            .frames_to_flush()
            .into_iter()
            .map(|frame| match frame {
                ClientFrame::Send { client_id, .. } => client_id,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn an_outbox_that_cannot_reach_the_server_fails_then_goes_again_when_back() {
        let mut state = apply(connected(), write("a"));
        for _ in 0..QUIET_RECONNECTS {
            state = apply(state, Event::SocketClosed);
        }
        assert!(!state.send_failed(), "quiet while the first tries run");
        state = apply(state, Event::SocketClosed);
        assert_eq!(
            state.delivery("a"),
            Some(Delivery::Failed(SendFailure::Unreachable))
        );
        assert!(state.send_failed());
        let state = apply(state, caught_up(1));
        assert_eq!(state.delivery("a"), Some(Delivery::Sending));
        assert_eq!(state.frames_to_flush().len(), 1);
    }

    #[test]
    fn a_refused_message_fails_until_retried() {
        let state = run_from(
            connected(),
            [
                write("a"),
                Event::Frame(ServerFrame::Refused {
                    client_id: Some("a".into()),
                    refusal: Refusal::TooFast,
                }),
            ],
        );
        assert_eq!(
            state.delivery("a"),
            Some(Delivery::Failed(SendFailure::Refused(Refusal::TooFast)))
        );
        assert!(state.frames_to_flush().is_empty());
        let state = apply(
            state,
            Event::Retry {
                client_id: "a".into(),
            },
        );
        assert_eq!(state.frames_to_flush().len(), 1);
    }

    #[test]
    fn an_ended_token_goes_back_to_the_pre_chat_step() {
        let state = apply(
            apply(connected(), Event::Open),
            Event::Frame(ServerFrame::Refused {
                client_id: None,
                refusal: Refusal::Unauthorized,
            }),
        );
        assert!(state.expired && state.open);
        assert_eq!(state.ticket, None);
        assert_eq!(state.connection, Connection::Failed);
        assert!(state.transcript.is_empty());
    }

    #[test]
    fn agent_messages_while_closed_are_unread_until_seen() {
        let state = run_from(
            connected(),
            [arrived(2, Author::Agent), arrived(3, Author::Agent)],
        );
        assert_eq!(state.unread(), 2);
        let state = run_from(state, [Event::Open, Event::Seen]);
        assert_eq!(state.unread(), 0);
        assert_eq!(state.seen, 3);
    }

    #[test]
    fn the_typing_indicator_expires_only_with_the_latest_frame() {
        let typing = || {
            Event::Frame(ServerFrame::Typing {
                author: Author::Agent,
            })
        };
        let state = run_from(connected(), [typing(), typing()]);
        let latest = state.agent_typing.expect("typing");
        let state = apply(state, Event::TypingExpired(latest - 1));
        assert!(
            state.agent_typing.is_some(),
            "an older timer changes nothing"
        );
        let state = apply(state, Event::TypingExpired(latest));
        assert_eq!(state.agent_typing, None);

        let state = run_from(connected(), [typing(), arrived(2, Author::Agent)]);
        assert_eq!(state.agent_typing, None, "the message came");
    }

    #[test]
    fn closing_ends_sending_and_leads_to_rating() {
        let state = apply(
            connected(),
            Event::Frame(ServerFrame::Status {
                status: ConversationStatus::Closed,
            }),
        );
        assert!(state.closed);
        assert!(!state.rated);
        assert!(apply(state, Event::Rated).rated);
    }

    #[test]
    fn a_reload_resumes_with_the_outbox_and_replays_from_the_start() {
        let saved = apply(connected(), write("a")).saved().unwrap();
        let state = run_from(
            ChatState::default(),
            [Event::Resumed(saved), Event::SocketOpening],
        );
        assert!(matches!(
            state.hello(),
            Some(ClientFrame::Hello { after: 0, .. })
        ));
        let state = run_from(state, [arrived(1, Author::Shopper), caught_up(1)]);
        assert_eq!(state.frames_to_flush().len(), 1);
        assert_eq!(state.unread(), 0);
    }

    #[test]
    fn reconnections_back_off_to_thirty_seconds() {
        let delays: Vec<_> = (1..=7).map(reconnect_delay_ms).collect();
        assert_eq!(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
        assert_eq!(reconnect_delay_ms(100), 30000);
    }
}
