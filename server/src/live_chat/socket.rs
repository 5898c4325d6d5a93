//! The chat's WebSockets: one per open chat pane (shopper or agent) and one per open desk.
//!
//! A socket starts with a hello naming its token (never in the URL, which logs and proxies
//! keep) and the last sequence number its client holds; the server replays what came after
//! from the database, then forwards the bus. Every send is stored before it is acknowledged,
//! so a dropped socket or a restarted server loses nothing: the client resends what was not
//! acknowledged (recognised by its client id) and asks for what it missed.

use super::access::Participant;
use super::bus::SharedFrame;
use super::routes::deliver_new_message;
use super::store::{self, NewMessage, Stored};
use super::ChatState;
use crate::db::Database;
use crate::error::ApiError;
use crate::tokens::TokenKeys;
use crate::AppState;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRef, State};
use axum::response::Response;
use sf_api::live_chat::ClientMessageId;
use sf_api::live_chat::{
    Author, ClientFrame, DeskFrame, MessageBody, Refusal, ServerFrame, MAX_MESSAGE_CHARS,
};
use sf_api::validation::FieldProblem;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, watch};

/// Buffers per socket. Tungstenite's defaults (128 KiB to read, 128 KiB to write) would
/// hold over a gigabyte for 10,000 idle panes; chat frames are a few hundred bytes.
const READ_BUFFER_BYTES: usize = 4 * 1024;
/// Frames are written as they come rather than gathered: chat is latency, not throughput.
const WRITE_BUFFER_BYTES: usize = 0;
/// The largest frame a client may send: a message at its longest, escaped, with room.
const MAX_FRAME_BYTES: usize = MAX_MESSAGE_CHARS * 4 + 1024;
/// The hello must come this soon, or the socket is closed.
const HELLO_WITHIN: Duration = Duration::from_secs(10);
/// How often an idle socket is pinged.
const PING_EVERY: Duration = Duration::from_secs(25);
/// A socket silent (no pong, no frame) this long is dead and closed.
const SILENT_FOR: Duration = Duration::from_secs(60);

/// What a socket's task needs from the app.
#[derive(Clone)]
pub(super) struct SocketContext {
    db: Database,
    keys: Arc<TokenKeys>,
    chat: ChatState,
    shutdown: watch::Receiver<bool>,
}

impl FromRef<AppState> for SocketContext {
    fn from_ref(state: &AppState) -> Self {
        Self {
            db: state.db.clone(),
            keys: state.token_keys.clone(),
            chat: state.chat.clone(),
            shutdown: state.shutdown.clone(),
        }
    }
}

/// A WebSocket upgrade, or the reason the request is not one.
type Upgrade = Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>;

/// Accepts the upgrade with small buffers and hands the socket to `serve`. Axum's own
/// rejection is plain text; ours is the API's JSON error.
fn accept<Serve, Served>(
    upgrade: Upgrade,
    context: SocketContext,
    serve: Serve,
) -> Result<Response, ApiError>
where
    Serve: FnOnce(WebSocket, SocketContext) -> Served + Send + 'static,
    Served: std::future::Future<Output = ()> + Send + 'static,
{
    let upgrade =
        upgrade.map_err(|_| ApiError::NothingMatches("Open this address as a WebSocket."))?;
    Ok(upgrade
        .read_buffer_size(READ_BUFFER_BYTES)
        .write_buffer_size(WRITE_BUFFER_BYTES)
        .max_write_buffer_size(64 * 1024)
        .max_message_size(MAX_FRAME_BYTES)
        .max_frame_size(MAX_FRAME_BYTES)
        .on_upgrade(move |socket| serve(socket, context)))
}

/// A conversation's socket: send `{"type":"hello","token":…,"conversation_id":…,"after":N}`
/// first (see `sf_api::live_chat` for the frames).
#[utoipa::path(
    get,
    path = "/chat/socket",
    tag = "live-chat",
    responses(
        (status = 101, description = "Switched to the WebSocket protocol"),
        (status = 404, description = "Not a WebSocket request", body = sf_api::error::ErrorBody)
    )
)]
pub(super) async fn conversation_socket(
    State(context): State<SocketContext>,
    upgrade: Upgrade,
) -> Result<Response, ApiError> {
    accept(upgrade, context, serve_conversation)
}

/// The desk's socket: send a hello with the agent's token; the agent counts as present while
/// it is open, and it says when the inbox changed.
#[utoipa::path(
    get,
    path = "/chat/desk/socket",
    tag = "live-chat",
    responses(
        (status = 101, description = "Switched to the WebSocket protocol"),
        (status = 404, description = "Not a WebSocket request", body = sf_api::error::ErrorBody)
    )
)]
pub(super) async fn desk_socket(
    State(context): State<SocketContext>,
    upgrade: Upgrade,
) -> Result<Response, ApiError> {
    accept(upgrade, context, serve_desk)
}

/// What came from the client.
enum Incoming {
    /// A frame of the protocol.
    Frame(ClientFrame),
    /// Something that is not one.
    Unreadable,
    /// A ping or pong: the client is alive.
    Alive,
    /// The socket closed or failed.
    Gone,
}

fn read(message: Option<Result<Message, axum::Error>>) -> Incoming {
    match message {
        Some(Ok(Message::Text(text))) => serde_json::from_str(text.as_str())
            .map(Incoming::Frame)
            .unwrap_or(Incoming::Unreadable),
        Some(Ok(Message::Binary(_))) => Incoming::Unreadable,
        Some(Ok(Message::Ping(_) | Message::Pong(_))) => Incoming::Alive,
        Some(Ok(Message::Close(_)) | Err(_)) | None => Incoming::Gone,
    }
}

async fn send(socket: &mut WebSocket, frame: &impl serde::Serialize) -> bool {
    let text = serde_json::to_string(frame).unwrap_or_default();
    socket.send(Message::Text(text.into())).await.is_ok()
}

async fn send_shared(socket: &mut WebSocket, frame: &SharedFrame) -> bool {
    socket
        .send(Message::Text(frame.text.as_ref().into()))
        .await
        .is_ok()
}

/// Waits for the hello; its token, conversation and `after`.
async fn hello(socket: &mut WebSocket) -> Option<(String, Option<i64>, i64)> {
    let deadline = tokio::time::sleep(HELLO_WITHIN);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            () = &mut deadline => return None,
            message = socket.recv() => match read(message) {
                Incoming::Frame(ClientFrame::Hello { token, conversation_id, after }) => {
                    return Some((token, conversation_id, after.max(0)))
                }
                Incoming::Alive => continue,
                _ => return None,
            },
        }
    }
}

/// Resolves when the server starts shutting down.
async fn stopping(shutdown: &mut watch::Receiver<bool>) {
    // The guard `wait_for` returns must not live across the close that follows.
    let _ = shutdown.wait_for(|stopping| *stopping).await;
}

async fn refuse_and_close(socket: &mut WebSocket, frame: &impl serde::Serialize) {
    let _ = send(socket, frame).await;
    close(socket, 4401, "unauthorized").await;
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        })))
        .await;
}

/// Sending too fast is refused: a burst of a few, then about one a second.
struct SendRate {
    allowance: f64,
    last: Instant,
}

impl SendRate {
    const BURST: f64 = 5.0;
    const PER_SECOND: f64 = 1.0;

    fn new() -> Self {
        Self {
            allowance: Self::BURST,
            last: Instant::now(),
        }
    }

    fn allow(&mut self, now: Instant) -> bool {
        let elapsed = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        self.allowance = (self.allowance + elapsed * Self::PER_SECOND).min(Self::BURST);
        if self.allowance >= 1.0 {
            self.allowance -= 1.0;
            true
        } else {
            false
        }
    }
}

/// One open conversation socket, as a small state: who is on it and what it has sent.
struct ConversationSocket {
    context: SocketContext,
    participant: Participant,
    conversation_id: i64,
    /// The highest message number this socket has sent its client.
    sent_up_to: i64,
    rate: SendRate,
    last_typing: Option<Instant>,
}

async fn serve_conversation(mut socket: WebSocket, context: SocketContext) {
    let Some((token, asked_conversation, after)) = hello(&mut socket).await else {
        close(&mut socket, 4400, "hello expected").await;
        return;
    };
    let unauthorized = ServerFrame::Refused {
        client_id: None,
        refusal: Refusal::Unauthorized,
    };
    let participant = match Participant::resolve(&context.keys, &context.db, &token).await {
        Ok(Some(participant)) => participant,
        _ => return refuse_and_close(&mut socket, &unauthorized).await,
    };
    let conversation_id = match (&participant, asked_conversation) {
        (Participant::Shopper(shopper), _) => shopper.conversation_id,
        (Participant::Agent(_), Some(id)) => id,
        (Participant::Agent(_), None) => return refuse_and_close(&mut socket, &unauthorized).await,
    };
    if participant.may_open(conversation_id).is_err() {
        return refuse_and_close(&mut socket, &unauthorized).await;
    }
    let _slot = match participant {
        Participant::Shopper(_) => match context.chat.shopper_sockets.acquire(conversation_id) {
            Some(slot) => Some(slot),
            None => {
                let too_many = ServerFrame::Refused {
                    client_id: None,
                    refusal: Refusal::TooManySockets,
                };
                let _ = send(&mut socket, &too_many).await;
                return close(&mut socket, 4429, "too many sockets").await;
            }
        },
        Participant::Agent(_) => None,
    };
    // Subscribed before the replay, so nothing stored in between is missed; what arrives
    // both ways is sent once (see `sent_up_to`).
    let mut frames = context.chat.bus.subscribe(conversation_id);
    let mut state = ConversationSocket {
        context,
        participant,
        conversation_id,
        sent_up_to: after,
        rate: SendRate::new(),
        last_typing: None,
    };
    let Ok(Some(conversation)) = store::conversation(&state.context.db, conversation_id).await
    else {
        return refuse_and_close(&mut socket, &unauthorized).await;
    };
    if !state.replay(&mut socket).await {
        return;
    }
    let other = match state.participant.author() {
        Author::Shopper => (
            Author::Agent,
            conversation.agent_delivered_seq,
            conversation.agent_read_seq,
        ),
        Author::Agent => (
            Author::Shopper,
            conversation.shopper_read_seq,
            conversation.shopper_read_seq,
        ),
    };
    let caught_up = ServerFrame::CaughtUp {
        status: conversation.status(),
        last_seq: state.sent_up_to.max(conversation.last_seq),
    };
    let receipts = ServerFrame::Receipts {
        by: other.0,
        delivered: other.1,
        read: other.2,
    };
    if !send(&mut socket, &caught_up).await || !send(&mut socket, &receipts).await {
        return;
    }
    state.run(socket, &mut frames).await;
}

impl ConversationSocket {
    /// Sends every stored message after `sent_up_to`; `false` when the socket failed.
    async fn replay(&mut self, socket: &mut WebSocket) -> bool {
        loop {
            let Ok(messages) =
                store::messages_after(&self.context.db, self.conversation_id, self.sent_up_to)
                    .await
            else {
                close(socket, 1011, "try again").await;
                return false;
            };
            let complete = (messages.len() as i64) < store::MESSAGES_PER_READ;
            for message in messages {
                self.sent_up_to = message.seq;
                if !send(socket, &ServerFrame::Message { message }).await {
                    return false;
                }
            }
            if complete {
                return true;
            }
        }
    }

    async fn run(mut self, mut socket: WebSocket, frames: &mut broadcast::Receiver<SharedFrame>) {
        let mut shutdown = self.context.shutdown.clone();
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.reset();
        let mut last_heard = Instant::now();
        loop {
            tokio::select! {
                () = stopping(&mut shutdown) => {
                    // "Going away": the client reconnects (to this server restarted, or another).
                    close(&mut socket, 1001, "restarting").await;
                    return;
                }
                _ = ping.tick() => {
                    if last_heard.elapsed() > SILENT_FOR {
                        return;
                    }
                    if socket.send(Message::Ping(Default::default())).await.is_err() {
                        return;
                    }
                }
                frame = frames.recv() => match frame {
                    Ok(frame) => {
                        if frame.seq.is_some_and(|seq| seq <= self.sent_up_to) {
                            continue;
                        }
                        if let Some(seq) = frame.seq {
                            if seq > self.sent_up_to + 1 && !self.replay(&mut socket).await {
                                return;
                            }
                            if seq <= self.sent_up_to {
                                continue;
                            }
                            self.sent_up_to = seq;
                        }
                        if !send_shared(&mut socket, &frame).await {
                            return;
                        }
                    }
                    // Fell behind the bus: the database has everything.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        if !self.replay(&mut socket).await {
                            return;
                        }
                    }
                    Err(broadcast::error::RecvError::Closed) => return,
                },
                message = socket.recv() => {
                    last_heard = Instant::now();
                    match read(message) {
                        Incoming::Gone => return,
                        Incoming::Alive => {}
                        Incoming::Unreadable => {
                            let refused = ServerFrame::Refused { client_id: None, refusal: Refusal::BadFrame };
                            if !send(&mut socket, &refused).await {
                                return;
                            }
                        }
                        Incoming::Frame(frame) => {
                            if !self.handle(&mut socket, frame).await {
                                return;
                            }
                        }
                    }
                }
            }
        }
    }

    /// Acts on one frame; `false` when the socket should end.
    async fn handle(&mut self, socket: &mut WebSocket, frame: ClientFrame) -> bool {
        let author = self.participant.author();
        match frame {
            ClientFrame::Hello { .. } => {
                let refused = ServerFrame::Refused {
                    client_id: None,
                    refusal: Refusal::BadFrame,
                };
                send(socket, &refused).await
            }
            ClientFrame::Send { client_id, body } => {
                let answer = self.store(client_id, &body).await;
                match answer {
                    Ok(answer) => send(socket, &answer).await,
                    Err(error) => {
                        tracing::error!(%error, conversation_id = self.conversation_id, "storing a chat message failed");
                        // Not acknowledged: the client keeps it and sends it again.
                        close(socket, 1011, "try again").await;
                        false
                    }
                }
            }
            ClientFrame::Typing => {
                let now = Instant::now();
                // A client typing fast says so many times a second; the other side needs it
                // once in a while.
                if self
                    .last_typing
                    .is_none_or(|last| now.duration_since(last) >= Duration::from_secs(1))
                {
                    self.last_typing = Some(now);
                    let frame = ServerFrame::Typing { author };
                    self.context
                        .chat
                        .bus
                        .publish(self.conversation_id, SharedFrame::new(&frame, None));
                }
                true
            }
            ClientFrame::Received { seq } => self.receipts(seq, 0).await,
            ClientFrame::Read { seq } => self.receipts(seq, seq).await,
        }
    }

    /// Stores a sent message; the frame that answers the sender.
    async fn store(&mut self, client_id: String, body: &str) -> Result<ServerFrame, ApiError> {
        let refused = |client_id: String, refusal| ServerFrame::Refused {
            client_id: Some(client_id),
            refusal,
        };
        let Ok(id) = ClientMessageId::parse(&client_id) else {
            return Ok(refused(client_id, Refusal::BadFrame));
        };
        let body = match MessageBody::parse(body) {
            Ok(body) => body,
            Err(FieldProblem::TooLong(_)) => return Ok(refused(client_id, Refusal::TooLong)),
            Err(_) => return Ok(refused(client_id, Refusal::Empty)),
        };
        if !self.rate.allow(Instant::now()) {
            return Ok(refused(client_id, Refusal::TooFast));
        }
        let agent_id = self.participant.agent_id();
        let message = NewMessage {
            client_id: id.as_str(),
            author: self.participant.author(),
            agent_id,
            body: body.as_str(),
            image: None,
        };
        let db = &self.context.db;
        Ok(
            match store::store_message(db, self.conversation_id, &message).await? {
                Stored::New(message) => {
                    deliver_new_message(
                        db,
                        &self.context.chat,
                        self.conversation_id,
                        &message,
                        agent_id,
                    )
                    .await?;
                    ServerFrame::Ack {
                        client_id,
                        seq: message.seq,
                    }
                }
                Stored::Duplicate(message) => ServerFrame::Ack {
                    client_id,
                    seq: message.seq,
                },
                // (A text message holds no image, so never the image limit.)
                Stored::Closed | Stored::TooManyImages => refused(client_id, Refusal::Closed),
            },
        )
    }

    /// Records how far this side received and read, and tells the other side.
    async fn receipts(&mut self, delivered: i64, read: i64) -> bool {
        let author = self.participant.author();
        match store::record_receipts(
            &self.context.db,
            self.conversation_id,
            author,
            delivered,
            read,
        )
        .await
        {
            Ok(Some(receipts)) => {
                let frame = ServerFrame::Receipts {
                    by: author,
                    delivered: receipts.delivered,
                    read: receipts.read,
                };
                self.context
                    .chat
                    .bus
                    .publish(self.conversation_id, SharedFrame::new(&frame, None));
                if author == Author::Agent {
                    // Unread counts changed.
                    self.context.chat.bus.publish_inbox(self.conversation_id);
                }
                true
            }
            Ok(None) => true,
            Err(error) => {
                tracing::error!(%error, "recording chat receipts failed");
                true
            }
        }
    }
}

async fn serve_desk(mut socket: WebSocket, context: SocketContext) {
    let refused = DeskFrame::Refused {
        refusal: Refusal::Unauthorized,
    };
    let Some((token, _, _)) = hello(&mut socket).await else {
        close(&mut socket, 4400, "hello expected").await;
        return;
    };
    let agent = match Participant::resolve(&context.keys, &context.db, &token).await {
        Ok(Some(Participant::Agent(agent))) => agent,
        _ => return refuse_and_close(&mut socket, &refused).await,
    };
    let _present = context.chat.presence.desk_opened(agent.id);
    let mut changes = context.chat.bus.subscribe_inbox();
    if !send(&mut socket, &DeskFrame::Ready).await {
        return;
    }
    let mut shutdown = context.shutdown.clone();
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.reset();
    let mut last_heard = Instant::now();
    loop {
        tokio::select! {
            () = stopping(&mut shutdown) => {
                close(&mut socket, 1001, "restarting").await;
                return;
            }
            _ = ping.tick() => {
                if last_heard.elapsed() > SILENT_FOR
                    || socket.send(Message::Ping(Default::default())).await.is_err()
                {
                    return;
                }
            }
            change = changes.recv() => {
                let conversation_id = match change {
                    Ok(id) => id,
                    // Missed some: 0 asks the desk to refresh everything.
                    Err(broadcast::error::RecvError::Lagged(_)) => 0,
                    Err(broadcast::error::RecvError::Closed) => return,
                };
                if !send(&mut socket, &DeskFrame::InboxChanged { conversation_id }).await {
                    return;
                }
            }
            message = socket.recv() => {
                last_heard = Instant::now();
                if let Incoming::Gone = read(message) {
                    return;
                }
            }
        }
    }
}
