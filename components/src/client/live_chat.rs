//! The client's slice for `<sf-live-chat>`: one method per HTTP route of the feature, the
//! socket's address, its frames both ways, and what the chat keeps in `localStorage`, all
//! read and written through the browser's JSON (see `client/read.rs`: no serde in the
//! element's module).

use super::read::{Fields, FromJson};
use super::write::{integer, maybe_text, object, text, to_json as write_json, ToJson};
use super::{parse, send, send_body, to_json, ApiClient, ClientError};
use crate::live_chat::state::{SavedChat, Ticket};
use sf_api::live_chat::{
    ArticleSuggestion, Author, ChatAvailability, ChatImage, ChatMessage, ClientFrame,
    ConversationStarted, ConversationStatus, RatingRequest, Refusal, ServerFrame,
    StartConversationRequest,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /chat/availability`: whether anyone can answer now.
    pub fn chat_availability(self) -> impl Future<Output = Result<ChatAvailability, ClientError>> {
        let target = self.target("/chat/availability");
        async move { send("GET", target, None, None).await?.into_result() }
    }

    /// `POST /chat/conversations`: starts a conversation with its first message.
    pub fn start_conversation(
        self,
        request: StartConversationRequest,
    ) -> impl Future<Output = Result<ConversationStarted, ClientError>> {
        let target = self.target("/chat/conversations");
        let body = to_json(&request);
        async move { send("POST", target, None, body?).await?.into_result() }
    }

    /// `POST /chat/conversations/{id}/rating` with the shopper's token.
    pub fn rate_conversation(
        self,
        ticket: &Ticket,
        rating: RatingRequest,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target(&format!(
            "/chat/conversations/{}/rating",
            ticket.conversation_id
        ));
        let token = ticket.token.clone();
        let body = to_json(&rating);
        async move {
            let answer = send("POST", target, Some(&token), body?).await?;
            if answer.ok() {
                Ok(())
            } else {
                Err(answer.error())
            }
        }
    }

    /// `POST /chat/conversations/{id}/images`: sends `image` (a file the shopper or agent
    /// picked) as a message of its own, `client_id` making a retry harmless; `token` is the
    /// shopper's or an agent's.
    pub fn attach_image(
        self,
        conversation_id: i64,
        token: &str,
        client_id: &str,
        image: web_sys::Blob,
    ) -> impl Future<Output = Result<ChatMessage, ClientError>> {
        let target = self.target(&format!(
            "/chat/conversations/{conversation_id}/images?client_id={client_id}"
        ));
        let token = token.to_owned();
        async move {
            let media_type = image.type_();
            send_body(
                "POST",
                target,
                Some(&token),
                Some((image.into(), media_type)),
            )
            .await?
            .into_result()
        }
    }

    /// The address of an attached image.
    pub fn image_url(self, image: &ChatImage) -> String {
        format!("{}{}{}", self.base(), sf_api::API_PREFIX, image.path())
    }

    /// `GET /chat/suggestions`: help articles that may answer `text`, in `locale` (a tag).
    pub fn chat_suggestions(
        self,
        text: &str,
        locale: &str,
    ) -> impl Future<Output = Result<Vec<ArticleSuggestion>, ClientError>> {
        let query: String = js_sys::encode_uri_component(text).into();
        let target = self.target(&format!("/chat/suggestions?q={query}&locale={locale}"));
        super::read_list(target, None)
    }

    /// The chat socket's address: the API's own, with `ws:` for `http:` and `wss:` for
    /// `https:` (the page's origin when the API is on it).
    pub fn chat_socket_url(self) -> String {
        let mut base = self.base();
        if base.is_empty() {
            base = leptos::prelude::window()
                .location()
                .origin()
                .unwrap_or_default();
        }
        let socket_base = match base.split_once("://") {
            Some(("https", rest)) => format!("wss://{rest}"),
            Some((_, rest)) => format!("ws://{rest}"),
            None => base,
        };
        format!("{socket_base}{}/chat/socket", sf_api::API_PREFIX)
    }
}

/// A frame the server sent, when it is one of the protocol's.
pub fn read_server_frame(frame: &str) -> Option<ServerFrame> {
    parse(frame)
}

/// A frame to send, as JSON text.
pub fn client_frame_text(frame: &ClientFrame) -> Option<String> {
    write_json(frame)
}

/// What the chat kept in the browser, when it still reads as such.
pub(crate) fn read_saved_chat(saved: &str) -> Option<SavedChat> {
    parse(saved)
}

/// What the chat keeps in the browser, as JSON text.
pub(crate) fn saved_chat_text(saved: &SavedChat) -> Option<String> {
    write_json(saved)
}

impl FromJson for ArticleSuggestion {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ArticleSuggestion {
            slug: fields.text("slug")?,
            title: fields.text("title")?,
            summary: fields.text("summary")?,
        })
    }
}

impl FromJson for ChatAvailability {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ChatAvailability {
            agents_available: fields.flag("agents_available")?,
            within_hours: fields.flag("within_hours")?,
            expected_reply_minutes: u32::try_from(fields.integer("expected_reply_minutes")?)
                .ok()?,
        })
    }
}

impl FromJson for ChatMessage {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ChatMessage {
            seq: fields.integer("seq")?,
            client_id: fields.text("client_id")?,
            author: Author::parse(&fields.text("author")?)?,
            author_name: fields.maybe_text("author_name")?,
            body: fields.text("body")?,
            sent_at: fields.text("sent_at")?,
            image: fields.maybe("image", ChatImage::from_json)?,
        })
    }
}

impl FromJson for ChatImage {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ChatImage {
            key: fields.text("key")?,
            media_type: fields.text("media_type")?,
            size: fields.integer("size")?,
        })
    }
}

impl FromJson for ConversationStarted {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ConversationStarted {
            conversation_id: fields.integer("conversation_id")?,
            token: fields.text("token")?,
            expires_at: fields.text("expires_at")?,
            message: fields.read("message")?,
        })
    }
}

fn refusal(name: &str) -> Option<Refusal> {
    Some(match name {
        "unauthorized" => Refusal::Unauthorized,
        "bad_frame" => Refusal::BadFrame,
        "empty" => Refusal::Empty,
        "too_long" => Refusal::TooLong,
        "too_fast" => Refusal::TooFast,
        "closed" => Refusal::Closed,
        "too_many_sockets" => Refusal::TooManySockets,
        _ => return None,
    })
}

impl FromJson for ServerFrame {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        let status = || ConversationStatus::parse(&fields.text("status")?);
        let author = |name| Author::parse(&fields.text(name)?);
        Some(match fields.text("type")?.as_str() {
            "message" => ServerFrame::Message {
                message: fields.read("message")?,
            },
            "caught_up" => ServerFrame::CaughtUp {
                status: status()?,
                last_seq: fields.integer("last_seq")?,
            },
            "ack" => ServerFrame::Ack {
                client_id: fields.text("client_id")?,
                seq: fields.integer("seq")?,
            },
            "typing" => ServerFrame::Typing {
                author: author("author")?,
            },
            "receipts" => ServerFrame::Receipts {
                by: author("by")?,
                delivered: fields.integer("delivered")?,
                read: fields.integer("read")?,
            },
            "status" => ServerFrame::Status { status: status()? },
            "refused" => ServerFrame::Refused {
                client_id: fields.maybe_text("client_id")?,
                refusal: refusal(&fields.text("refusal")?)?,
            },
            _ => return None,
        })
    }
}

impl ToJson for StartConversationRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("name", text(&self.name)),
            ("email", text(&self.email)),
            ("order_token", maybe_text(&self.order_token)),
            (
                "customer",
                self.customer
                    .as_ref()
                    .and_then(object)
                    .unwrap_or(JsValue::NULL),
            ),
            ("message", text(&self.message)),
            ("client_id", text(&self.client_id)),
            ("help_article", maybe_text(&self.help_article)),
            (
                "help_searches",
                self.help_searches
                    .iter()
                    .map(|search| text(search))
                    .collect::<js_sys::Array>()
                    .into(),
            ),
        ]
    }
}

impl ToJson for RatingRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("stars", integer(self.stars)),
            ("comment", text(&self.comment)),
        ]
    }
}

impl ToJson for ClientFrame {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        let kind = |name: &str| ("type", text(name));
        match self {
            ClientFrame::Hello {
                token,
                conversation_id,
                after,
            } => vec![
                kind("hello"),
                ("token", text(token)),
                (
                    "conversation_id",
                    conversation_id.map_or(JsValue::NULL, integer),
                ),
                ("after", integer(*after)),
            ],
            ClientFrame::Send { client_id, body } => vec![
                kind("send"),
                ("client_id", text(client_id)),
                ("body", text(body)),
            ],
            ClientFrame::Typing => vec![kind("typing")],
            ClientFrame::Received { seq } => vec![kind("received"), ("seq", integer(*seq))],
            ClientFrame::Read { seq } => vec![kind("read"), ("seq", integer(*seq))],
        }
    }
}

/// One outbox entry as kept: `{"client_id", "body"}`.
struct Kept<'a>(&'a str, &'a str);

impl ToJson for Kept<'_> {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("client_id", text(self.0)), ("body", text(self.1))]
    }
}

impl ToJson for SavedChat {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        let outbox: js_sys::Array = self
            .outbox
            .iter()
            .filter_map(|(client_id, body)| object(&Kept(client_id, body)))
            .collect();
        vec![
            ("conversation_id", integer(self.ticket.conversation_id)),
            ("token", text(&self.ticket.token)),
            ("seen", integer(self.seen)),
            ("outbox", outbox.into()),
        ]
    }
}

impl FromJson for SavedChat {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(SavedChat {
            ticket: Ticket {
                conversation_id: fields.integer("conversation_id")?,
                token: fields.text("token")?,
            },
            seen: fields.integer("seen")?,
            outbox: fields.list("outbox", |kept| {
                let kept = Fields::of(kept)?;
                Some((kept.text("client_id")?, kept.text("body")?))
            })?,
        })
    }
}
