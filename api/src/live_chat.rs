//! The wire contract of live chat (`<sf-live-chat>` and the desk), shared by the browser and
//! the server.
//!
//! A conversation is started over HTTP (`POST /chat/conversations`), which answers the
//! shopper's conversation token. Messages then flow over one WebSocket per open pane
//! (`GET /chat/socket`), in JSON text frames: [`ClientFrame`] up, [`ServerFrame`] down.
//!
//! Nothing is lost and nothing shows twice because every message carries an id its writer
//! made up ([`ChatMessage::client_id`]) and gets a sequence number per conversation
//! ([`ChatMessage::seq`]) when the server has stored it: the server acknowledges only what it
//! stored, drops a second send of the same client id (answering the first one's number), and
//! a client that reconnects says the last number it holds ([`ClientFrame::Hello::after`]) and
//! is sent everything after it.

use crate::identity::SignedCustomer;
use crate::validation::{
    optional_text, required_text, EmailAddress, Field, FieldProblem, FieldRefusal, Refusals,
    Validate,
};
use serde::{Deserialize, Serialize};

/// Longest message a shopper or agent may send, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2000;
/// Longest name a shopper may give.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest client-made message id; only letters, digits, `-` and `_`.
pub const MAX_CLIENT_ID_CHARS: usize = crate::validation::MAX_CLIENT_ID_CHARS;
/// Longest rating comment.
pub const MAX_RATING_COMMENT_CHARS: usize = 1000;

/// Who wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The shopper.
    Shopper,
    /// One of the store's agents.
    Agent,
}

impl Author {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Author::Shopper => "shopper",
            Author::Agent => "agent",
        }
    }

    /// The author named `name` on the wire.
    pub fn parse(name: &str) -> Option<Self> {
        [Author::Shopper, Author::Agent]
            .into_iter()
            .find(|author| author.as_str() == name)
    }
}

/// Whether a conversation is still going.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConversationStatus {
    /// Messages may be sent.
    Open,
    /// An agent closed it; the shopper may rate it.
    Closed,
}

impl ConversationStatus {
    /// The name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ConversationStatus::Open => "open",
            ConversationStatus::Closed => "closed",
        }
    }

    /// The status named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [ConversationStatus::Open, ConversationStatus::Closed]
            .into_iter()
            .find(|status| status.as_str() == name)
    }
}

/// One stored message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChatMessage {
    /// Its place in the conversation: 1, 2, 3… with no gaps.
    pub seq: i64,
    /// The id its writer gave it, so a resent message is recognised.
    pub client_id: String,
    /// Who wrote it.
    pub author: Author,
    /// The agent's display name, for agents' messages.
    pub author_name: Option<String>,
    /// The text, shown as text (never as HTML); empty for an image sent alone.
    pub body: String,
    /// When the server stored it (RFC 3339, UTC).
    pub sent_at: String,
    /// The image it carries, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ChatImage>,
}

/// Largest image a shopper or agent may attach, in bytes.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// Most images one conversation may hold.
pub const MAX_IMAGES_PER_CONVERSATION: i64 = 10;

/// The image formats a conversation takes, recognised by their first bytes (never by a file
/// name or a declared type). SVG is not one of them: it can carry script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF.
    Gif,
    /// WebP.
    Webp,
}

impl ImageFormat {
    /// The format of `bytes`, if they start like one.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, ..] => Some(Self::Png),
            [0xff, 0xd8, 0xff, ..] => Some(Self::Jpeg),
            [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some(Self::Gif),
            [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some(Self::Webp),
            _ => None,
        }
    }

    /// Its media type, as served.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Gif => "image/gif",
            Self::Webp => "image/webp",
        }
    }

    /// What a file picker offers: every format's media type.
    pub const ACCEPT: &'static str = "image/png,image/jpeg,image/gif,image/webp";
}

/// An image attached to a message. Its address holds an unguessable key, since an `<img>`
/// cannot send the conversation's token: `GET /chat/images/{key}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChatImage {
    /// The key in its address.
    pub key: String,
    /// Its media type, decided from its bytes.
    pub media_type: String,
    /// Its size in bytes.
    pub size: i64,
}

impl ChatImage {
    /// Its path on the support API.
    pub fn path(&self) -> String {
        format!("/chat/images/{}", self.key)
    }
}

/// Whether anyone can answer now (`GET /chat/availability`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChatAvailability {
    /// An agent is signed in to the desk and not away, within business hours.
    pub agents_available: bool,
    /// Within the store's business hours.
    pub within_hours: bool,
    /// How long a reply usually takes now, in minutes.
    pub expected_reply_minutes: u32,
}

/// `POST /chat/conversations`: start a conversation with its first message.
///
/// Asks only for what the store does not know: `email` may be empty when the shopper is
/// identified by `order_token` (from the tracker) or `customer` (signed by the store).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StartConversationRequest {
    /// What the shopper would like to be called (optional).
    #[serde(default)]
    pub name: String,
    /// Where a reply can reach them; required unless they are identified.
    #[serde(default)]
    pub email: String,
    /// An order token from the tracker: attaches that order and identifies the shopper.
    #[serde(default)]
    pub order_token: Option<String>,
    /// A shopper signed in to the store.
    #[serde(default)]
    pub customer: Option<SignedCustomer>,
    /// The first message.
    pub message: String,
    /// The first message's client id.
    pub client_id: String,
    /// The help article the shopper was reading when they asked (its slug), so the agent
    /// sees what they already read.
    #[serde(default)]
    pub help_article: Option<String>,
    /// What the shopper searched the help centre for, oldest first (at most
    /// [`MAX_HELP_SEARCHES`]).
    #[serde(default)]
    pub help_searches: Vec<String>,
}

/// Most help-centre searches a conversation carries.
pub const MAX_HELP_SEARCHES: usize = 5;

impl StartConversationRequest {
    /// `name`.
    pub const NAME: Field = Field {
        name: "name",
        label: "name",
    };
    /// `email`.
    pub const EMAIL: Field = crate::validation::EMAIL;
    /// `message`.
    pub const MESSAGE: Field = Field {
        name: "message",
        label: "message",
    };
    /// `client_id`.
    pub const CLIENT_ID: Field = Field {
        name: "client_id",
        label: "message id",
    };
    /// `help_article` and `help_searches`, filled by the page, never typed.
    pub const HELP_CONTEXT: Field = Field {
        name: "help_context",
        label: "help centre context",
    };

    fn identified(&self) -> bool {
        self.order_token.is_some() || self.customer.is_some()
    }
}

/// A start request with every field parsed.
#[derive(Clone, Debug)]
pub struct ValidStartConversation {
    /// The name given, trimmed (may be empty).
    pub name: String,
    /// The email given, when one was.
    pub email: Option<EmailAddress>,
    /// The first message.
    pub message: MessageBody,
    /// Its client id.
    pub client_id: ClientMessageId,
    /// The help article read, by slug.
    pub help_article: Option<String>,
    /// The help centre searches made.
    pub help_searches: Vec<String>,
}

/// The help centre's context of a start request, when well formed: a slug of lowercase
/// letters, digits and `-`, and a few searches of the help centre's length.
fn help_context(request: &StartConversationRequest) -> Result<(), FieldProblem> {
    let slug_ok = request.help_article.as_deref().is_none_or(|slug| {
        !slug.is_empty()
            && slug.len() <= 80
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    let searches_ok = request.help_searches.len() <= MAX_HELP_SEARCHES
        && request
            .help_searches
            .iter()
            .all(|search| search.chars().count() <= crate::help_centre::MAX_QUERY_CHARS);
    match slug_ok && searches_ok {
        true => Ok(()),
        false => Err(FieldProblem::Malformed),
    }
}

impl Validate for StartConversationRequest {
    type Valid = ValidStartConversation;

    fn validate(&self) -> Result<ValidStartConversation, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let name = refusals.check(Self::NAME, optional_text(&self.name, MAX_NAME_CHARS));
        let email = if self.identified() && self.email.trim().is_empty() {
            Some(None)
        } else {
            refusals
                .check(Self::EMAIL, EmailAddress::parse(&self.email))
                .map(Some)
        };
        let message = refusals.check(Self::MESSAGE, MessageBody::parse(&self.message));
        let client_id = refusals.check(Self::CLIENT_ID, ClientMessageId::parse(&self.client_id));
        let context = refusals.check(Self::HELP_CONTEXT, help_context(self));
        let valid = match (name, email, message, client_id, context) {
            (Some(name), Some(email), Some(message), Some(client_id), Some(())) => {
                Some(ValidStartConversation {
                    name: name.to_owned(),
                    email,
                    message,
                    client_id,
                    help_article: self.help_article.clone(),
                    help_searches: self
                        .help_searches
                        .iter()
                        .map(|search| search.trim().to_owned())
                        .filter(|search| !search.is_empty())
                        .collect(),
                })
            }
            _ => None,
        };
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        let mut refusals = Refusals::default();
        refusals.check(Self::NAME, optional_text(&self.name, MAX_NAME_CHARS));
        if !(self.identified() && self.email.trim().is_empty()) {
            refusals.check(Self::EMAIL, EmailAddress::check(&self.email));
        }
        refusals.check(Self::MESSAGE, MessageBody::check(&self.message));
        refusals.check(Self::CLIENT_ID, ClientMessageId::parse(&self.client_id));
        refusals.check(Self::HELP_CONTEXT, help_context(self));
        refusals.into_vec()
    }
}

/// A message's text: not blank, at most [`MAX_MESSAGE_CHARS`], trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageBody(String);

impl MessageBody {
    /// Parses what someone typed.
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        Self::check(raw).map(|text| Self(text.to_owned()))
    }

    /// Checks what someone typed; the accepted text, trimmed.
    pub fn check(raw: &str) -> Result<&str, FieldProblem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if trimmed.chars().count() > MAX_MESSAGE_CHARS {
            return Err(FieldProblem::TooLong(MAX_MESSAGE_CHARS));
        }
        Ok(trimmed)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A client-made message id: 1 to [`MAX_CLIENT_ID_CHARS`] letters, digits, `-` or `_`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientMessageId(String);

impl ClientMessageId {
    /// Parses an id as sent.
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        if raw.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if raw.len() > MAX_CLIENT_ID_CHARS {
            return Err(FieldProblem::TooLong(MAX_CLIENT_ID_CHARS));
        }
        if !crate::validation::is_client_id(raw) {
            return Err(FieldProblem::Malformed);
        }
        Ok(Self(raw.to_owned()))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What `POST /chat/conversations` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConversationStarted {
    /// The conversation.
    pub conversation_id: i64,
    /// The shopper's token for it: kept by the pane, sent in the socket's hello.
    pub token: String,
    /// When the token stops working (RFC 3339, UTC).
    pub expires_at: String,
    /// The first message as stored.
    pub message: ChatMessage,
}

/// A conversation as its shopper or an agent reads it (`GET /chat/conversations/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConversationView {
    /// The conversation.
    pub id: i64,
    /// Open or closed.
    pub status: ConversationStatus,
    /// The order the shopper attached, if any.
    pub order_number: Option<String>,
    /// The help article the shopper read before asking, if any.
    pub help_article: Option<ArticleSuggestion>,
    /// What they searched the help centre for, oldest first.
    pub help_searches: Vec<String>,
    /// The shopper's name, as given (may be empty).
    pub shopper_name: String,
    /// The shopper's email, when known.
    pub shopper_email: Option<String>,
    /// Every message after the `after` asked for, in order.
    pub messages: Vec<ChatMessage>,
    /// The last shopper's message an agent has received.
    pub agent_delivered_seq: i64,
    /// The last shopper's message an agent has read.
    pub agent_read_seq: i64,
    /// The last agent's message the shopper has read.
    pub shopper_read_seq: i64,
    /// The shopper's rating once given (1–5).
    pub rating: Option<i64>,
}

/// A frame the browser sends over the chat socket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientFrame {
    /// The first frame: who is here, and the last sequence number already held.
    Hello {
        /// The shopper's conversation token, or an agent's desk token.
        token: String,
        /// The conversation (agents name it; a shopper's token already does).
        conversation_id: Option<i64>,
        /// Send every message after this one (0 for all).
        after: i64,
    },
    /// A new message.
    Send {
        /// Made up by the sender; a resend with the same id is stored once.
        client_id: String,
        /// The text.
        body: String,
    },
    /// The sender is typing.
    Typing,
    /// Every message up to `seq` from the other side reached this client.
    Received {
        /// The last received.
        seq: i64,
    },
    /// Every message up to `seq` from the other side was shown to the reader.
    Read {
        /// The last read.
        seq: i64,
    },
}

/// Why a frame was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The hello's token does not open this conversation (the socket then closes).
    Unauthorized,
    /// Not a frame of this protocol.
    BadFrame,
    /// An empty message.
    Empty,
    /// Over [`MAX_MESSAGE_CHARS`].
    TooLong,
    /// Sending too fast; the message was not stored.
    TooFast,
    /// The conversation is closed.
    Closed,
    /// The conversation's shopper has too many sockets open (tabs, devices); the socket then
    /// closes. Closing another tab frees one.
    TooManySockets,
}

/// A frame the server sends over the chat socket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ServerFrame {
    /// A stored message (both sides' own included).
    Message {
        /// The message.
        message: ChatMessage,
    },
    /// Sent once after the hello, when everything after its `after` has been sent.
    CaughtUp {
        /// Open or closed.
        status: ConversationStatus,
        /// The highest sequence number now.
        last_seq: i64,
    },
    /// The sender's message `client_id` is stored as `seq`.
    Ack {
        /// The sender's id.
        client_id: String,
        /// Its number.
        seq: i64,
    },
    /// The other side is typing.
    Typing {
        /// Who.
        author: Author,
    },
    /// How far the other side has received and read.
    Receipts {
        /// Whose receipts these are.
        by: Author,
        /// Received up to here.
        delivered: i64,
        /// Read up to here.
        read: i64,
    },
    /// The conversation was closed or reopened.
    Status {
        /// Now.
        status: ConversationStatus,
    },
    /// A frame was refused; `client_id` names the message when it was a send.
    Refused {
        /// The message refused, if it was one.
        client_id: Option<String>,
        /// Why.
        refusal: Refusal,
    },
}

/// A frame the server sends over the desk's socket (`GET /chat/desk/socket`, opened with a
/// [`ClientFrame::Hello`] carrying the agent's token and no conversation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum DeskFrame {
    /// The desk is connected: the agent counts as present.
    Ready,
    /// A conversation changed (new, a message, assigned, closed): refresh the inbox.
    InboxChanged {
        /// Which.
        conversation_id: i64,
    },
    /// The hello was refused (the socket then closes).
    Refused {
        /// Why.
        refusal: Refusal,
    },
}

/// `POST /chat/conversations/{id}/rating`: the shopper rates a closed conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    /// 1 (poor) to 5 (excellent).
    pub stars: i64,
    /// Anything they want to add (optional).
    #[serde(default)]
    pub comment: String,
}

/// Which conversations the desk's inbox lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InboxView {
    /// Open and nobody's yet.
    #[default]
    Unassigned,
    /// Open and assigned to the agent asking.
    Mine,
    /// Every open one.
    All,
    /// Closed ones.
    Closed,
}

/// One row of the desk's inbox (`GET /chat/inbox?view=…`), newest activity first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InboxEntry {
    /// The conversation.
    pub id: i64,
    /// Open or closed.
    pub status: ConversationStatus,
    /// The shopper's name (may be empty).
    pub shopper_name: String,
    /// The shopper's email, when known.
    pub shopper_email: Option<String>,
    /// The order attached, if any.
    pub order_number: Option<String>,
    /// Who it is assigned to.
    pub assigned_agent_id: Option<i64>,
    /// The last message's text, shortened.
    pub preview: String,
    /// When the last message came (RFC 3339, UTC).
    pub last_activity_at: String,
    /// Shopper's messages no agent has read yet.
    pub unread: i64,
}

/// One of the shopper's orders on their timeline, with each package's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TimelineOrder {
    /// The order number.
    pub order_number: String,
    /// When it was placed (RFC 3339, UTC).
    pub placed_at: String,
    /// Each package's status as the tracker names it (`in_transit`, `delivered`…), in order.
    pub package_statuses: Vec<String>,
}

/// A help article that may answer what the shopper wrote (`GET /chat/suggestions`), offered
/// when nobody can answer now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleSuggestion {
    /// The article's address in the help centre.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// One sentence of what it says.
    pub summary: String,
}

/// Longest title of a canned reply.
pub const MAX_CANNED_TITLE_CHARS: usize = 80;

/// A stored answer agents insert into a reply (`GET /chat/canned-replies`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CannedReply {
    /// Its id.
    pub id: i64,
    /// What agents pick it by.
    pub title: String,
    /// The text inserted.
    pub body: String,
}

/// `POST /chat/canned-replies` and `PUT /chat/canned-replies/{id}`: a canned reply's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CannedReplyRequest {
    /// What agents pick it by, at most [`MAX_CANNED_TITLE_CHARS`].
    pub title: String,
    /// The text, at most [`MAX_MESSAGE_CHARS`] (it becomes a message).
    pub body: String,
}

impl CannedReplyRequest {
    /// `title`.
    pub const TITLE: Field = Field {
        name: "title",
        label: "title",
    };
    /// `body`.
    pub const BODY: Field = Field {
        name: "body",
        label: "reply",
    };
}

impl Validate for CannedReplyRequest {
    type Valid = (String, MessageBody);

    fn validate(&self) -> Result<Self::Valid, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let title = refusals.check(
            Self::TITLE,
            required_text(&self.title, MAX_CANNED_TITLE_CHARS),
        );
        let body = refusals.check(Self::BODY, MessageBody::parse(&self.body));
        let valid = title
            .zip(body)
            .map(|(title, body)| (title.to_owned(), body));
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        let mut refusals = Refusals::default();
        refusals.check(
            Self::TITLE,
            required_text(&self.title, MAX_CANNED_TITLE_CHARS),
        );
        refusals.check(Self::BODY, MessageBody::check(&self.body));
        refusals.into_vec()
    }
}

/// Where a contact outside the chat happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoteChannel {
    /// At the counter of a store.
    Store,
    /// On the phone.
    Phone,
    /// Anywhere else.
    Other,
}

impl NoteChannel {
    /// The name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteChannel::Store => "store",
            NoteChannel::Phone => "phone",
            NoteChannel::Other => "other",
        }
    }

    /// The channel named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [NoteChannel::Store, NoteChannel::Phone, NoteChannel::Other]
            .into_iter()
            .find(|channel| channel.as_str() == name)
    }
}

/// Longest note an agent may add.
pub const MAX_NOTE_CHARS: usize = 2000;

/// `POST /chat/conversations/{id}/notes`: an agent notes a contact made elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    /// Where it happened.
    pub channel: NoteChannel,
    /// What was said or done.
    pub body: String,
}

/// A note on the shopper's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TimelineNote {
    /// Where it happened.
    pub channel: NoteChannel,
    /// What was said or done.
    pub body: String,
    /// The agent who wrote it.
    pub agent_name: Option<String>,
    /// When (RFC 3339, UTC).
    pub created_at: String,
}

/// Everything the store knows of the shopper of a conversation, across channels
/// (`GET /chat/conversations/{id}/timeline`): recognised by the store's customer id, or by
/// the email address (given, or proven by an order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ShopperTimeline {
    /// Their orders, newest first.
    pub orders: Vec<TimelineOrder>,
    /// Their other conversations, newest activity first.
    pub conversations: Vec<InboxEntry>,
    /// Agents' notes of contacts in a store or by phone, newest first.
    pub notes: Vec<TimelineNote>,
    /// Their returns, newest first, each with its history.
    pub returns: Vec<crate::returns::TimelineReturn>,
    /// Their reviews (those tied to their orders), newest first, each with the store's reply.
    pub reviews: Vec<crate::reviews::TimelineReview>,
}

/// `PUT /chat/conversations/{id}/assignee`: give a conversation to an agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    /// The agent; `None` gives it back to the unassigned queue.
    pub agent_id: Option<i64>,
}

/// `PUT /chat/conversations/{id}/status`: close or reopen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The new status.
    pub status: ConversationStatus,
}

/// `PUT /chat/presence`: an agent says whether they can take chats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PresenceRequest {
    /// `false` for away.
    pub available: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_first_bytes_only() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(ImageFormat::sniff(png), Some(ImageFormat::Png));
        assert_eq!(
            ImageFormat::sniff(b"\xff\xd8\xff\xe0"),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(ImageFormat::sniff(b"GIF89a.."), Some(ImageFormat::Gif));
        assert_eq!(
            ImageFormat::sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Some(ImageFormat::Webp)
        );
        for not_an_image in [
            &b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"[..],
            b"<html><script>alert(1)</script>",
            b"RIFF\0\0\0\0WAVEfmt ",
            b"\x89PN",
            b"",
        ] {
            assert_eq!(ImageFormat::sniff(not_an_image), None);
        }
    }

    fn request() -> StartConversationRequest {
        StartConversationRequest {
            email: "ada@example.com".into(),
            message: "Where is my parcel?".into(),
            client_id: "c-1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn email_is_asked_for_only_when_the_shopper_is_unknown() {
        assert!(request().validate().is_ok());
        let anonymous = StartConversationRequest {
            email: String::new(),
            ..request()
        };
        let refused = anonymous.validate().unwrap_err();
        assert_eq!(refused[0].field, StartConversationRequest::EMAIL);
        assert_eq!(anonymous.refusals(), refused);
        let identified = StartConversationRequest {
            order_token: Some("token".into()),
            ..anonymous
        };
        assert!(identified.validate().unwrap().email.is_none());
        assert!(identified.refusals().is_empty());
    }

    #[test]
    fn the_help_centres_context_is_a_slug_and_a_few_searches() {
        let with_context = StartConversationRequest {
            help_article: Some("refund-timing".into()),
            help_searches: vec!["refnud".into(), " ".into()],
            ..request()
        };
        let valid = with_context.validate().unwrap();
        assert_eq!(
            valid.help_searches,
            ["refnud"],
            "blank searches are dropped"
        );
        for bad in [
            StartConversationRequest {
                help_article: Some("<script>".into()),
                ..request()
            },
            StartConversationRequest {
                help_searches: vec!["x".into(); MAX_HELP_SEARCHES + 1],
                ..request()
            },
        ] {
            assert_eq!(
                bad.refusals()[0].field,
                StartConversationRequest::HELP_CONTEXT
            );
        }
    }

    #[test]
    fn messages_and_ids_are_bounded() {
        assert_eq!(MessageBody::parse("  "), Err(FieldProblem::Missing));
        assert_eq!(
            MessageBody::parse(&"x".repeat(MAX_MESSAGE_CHARS + 1)),
            Err(FieldProblem::TooLong(MAX_MESSAGE_CHARS))
        );
        assert_eq!(MessageBody::parse(" hi ").unwrap().as_str(), "hi");
        assert!(ClientMessageId::parse("a-B_9").is_ok());
        assert!(ClientMessageId::parse("a b").is_err());
        assert!(ClientMessageId::parse(&"a".repeat(MAX_CLIENT_ID_CHARS + 1)).is_err());
    }

    #[test]
    fn frames_read_as_the_protocol_spells_them() {
        let hello: ClientFrame = serde_json::from_str(
            r#"{"type":"hello","token":"t","conversation_id":null,"after":3}"#,
        )
        .unwrap();
        assert_eq!(
            hello,
            ClientFrame::Hello {
                token: "t".into(),
                conversation_id: None,
                after: 3
            }
        );
        assert!(serde_json::from_str::<ClientFrame>(r#"{"type":"read","seq":1,"x":1}"#).is_err());
        let ack = serde_json::to_string(&ServerFrame::Ack {
            client_id: "c".into(),
            seq: 2,
        })
        .unwrap();
        assert_eq!(ack, r#"{"type":"ack","client_id":"c","seq":2}"#);
    }
}
