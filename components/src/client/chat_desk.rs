//! The client's slice for the desk's side of live chat: the inbox, a conversation's
//! transcript, assigning, closing, presence, and the desk's socket. Agents' calls carry the
//! desk token.

use super::read::{Fields, FromJson};
use super::write::{integer, ToJson};
use super::{parse, read_list, send, to_json, ApiClient, ClientError, Target};
use sf_api::agent::AgentProfile;
use sf_api::live_chat::{
    ArticleSuggestion, AssignRequest, CannedReply, CannedReplyRequest, ChatMessage,
    ConversationStatus, ConversationView, DeskFrame, InboxEntry, InboxView, NoteChannel,
    NoteRequest, PresenceRequest, ShopperTimeline, StatusRequest, TimelineNote, TimelineOrder,
};
use sf_api::returns::TimelineReturn;
use sf_api::reviews::TimelineReview;
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /chat/inbox?view=…`.
    pub fn chat_inbox(
        self,
        token: String,
        view: InboxView,
    ) -> impl Future<Output = Result<Vec<InboxEntry>, ClientError>> {
        let view = match view {
            InboxView::Unassigned => "unassigned",
            InboxView::Mine => "mine",
            InboxView::All => "all",
            InboxView::Closed => "closed",
        };
        let target = self.target(&format!("/chat/inbox?view={view}"));
        read_list(target, Some(token))
    }

    /// `GET /agent/agents`: every agent, to give a conversation to.
    pub fn all_agents(
        self,
        token: String,
    ) -> impl Future<Output = Result<Vec<AgentProfile>, ClientError>> {
        read_list(self.target("/agent/agents"), Some(token))
    }

    /// `GET /chat/conversations/{id}?after=…` with a desk token.
    pub fn read_conversation(
        self,
        token: String,
        conversation_id: i64,
        after: i64,
    ) -> impl Future<Output = Result<ConversationView, ClientError>> {
        let target = self.target(&format!(
            "/chat/conversations/{conversation_id}?after={after}"
        ));
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `GET /chat/conversations/{id}/timeline`: the shopper's orders and other conversations.
    pub fn shopper_timeline(
        self,
        token: String,
        conversation_id: i64,
    ) -> impl Future<Output = Result<ShopperTimeline, ClientError>> {
        let target = self.target(&format!("/chat/conversations/{conversation_id}/timeline"));
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `POST /chat/conversations/{id}/notes`: a contact made elsewhere, on the timeline.
    pub fn add_note(
        self,
        token: String,
        conversation_id: i64,
        note: NoteRequest,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target(&format!("/chat/conversations/{conversation_id}/notes"));
        expecting_nothing("POST", target, token, to_json(&note))
    }

    /// `GET /chat/canned-replies`.
    pub fn canned_replies(
        self,
        token: String,
    ) -> impl Future<Output = Result<Vec<CannedReply>, ClientError>> {
        read_list(self.target("/chat/canned-replies"), Some(token))
    }

    /// `POST /chat/canned-replies`, or `PUT /chat/canned-replies/{id}` when `id` is given.
    pub fn save_canned_reply(
        self,
        token: String,
        id: Option<i64>,
        reply: CannedReplyRequest,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let (method, path) = match id {
            Some(id) => ("PUT", format!("/chat/canned-replies/{id}")),
            None => ("POST", "/chat/canned-replies".to_owned()),
        };
        expecting_nothing(method, self.target(&path), token, to_json(&reply))
    }

    /// `DELETE /chat/canned-replies/{id}`.
    pub fn delete_canned_reply(
        self,
        token: String,
        id: i64,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target(&format!("/chat/canned-replies/{id}"));
        expecting_nothing("DELETE", target, token, Ok(None))
    }

    /// `PUT /chat/conversations/{id}/assignee`.
    pub fn assign_conversation(
        self,
        token: String,
        conversation_id: i64,
        agent_id: Option<i64>,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target(&format!("/chat/conversations/{conversation_id}/assignee"));
        expecting_nothing("PUT", target, token, to_json(&AssignRequest { agent_id }))
    }

    /// `PUT /chat/conversations/{id}/status`: close or reopen.
    pub fn set_conversation_status(
        self,
        token: String,
        conversation_id: i64,
        status: ConversationStatus,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target(&format!("/chat/conversations/{conversation_id}/status"));
        expecting_nothing("PUT", target, token, to_json(&StatusRequest { status }))
    }

    /// `PUT /chat/presence`: available for chats, or away.
    pub fn set_presence(
        self,
        token: String,
        available: bool,
    ) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target("/chat/presence");
        expecting_nothing(
            "PUT",
            target,
            token,
            to_json(&PresenceRequest { available }),
        )
    }

    /// The desk socket's address, beside the chat socket's.
    pub fn chat_desk_socket_url(self) -> String {
        let conversation_socket = self.chat_socket_url();
        format!(
            "{}desk/socket",
            conversation_socket.trim_end_matches("socket")
        )
    }
}

/// A call whose success has no body.
async fn expecting_nothing(
    method: &'static str,
    target: Target,
    token: String,
    body: Result<Option<String>, ClientError>,
) -> Result<(), ClientError> {
    let answer = send(method, target, Some(&token), body?).await?;
    if answer.ok() {
        Ok(())
    } else {
        Err(answer.error())
    }
}

/// A frame of the desk's socket, when it is one of the protocol's.
pub fn read_desk_frame(frame: &str) -> Option<DeskFrame> {
    parse(frame)
}

/// An id that may be `null`.
fn maybe_id(value: &JsValue) -> Option<i64> {
    value.as_f64().map(|number| number as i64)
}

impl ToJson for AssignRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("agent_id", self.agent_id.map_or(JsValue::NULL, integer))]
    }
}

impl ToJson for StatusRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("status", JsValue::from_str(self.status.as_str()))]
    }
}

impl ToJson for PresenceRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![("available", JsValue::from_bool(self.available))]
    }
}

impl FromJson for InboxEntry {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(InboxEntry {
            id: fields.integer("id")?,
            status: ConversationStatus::parse(&fields.text("status")?)?,
            shopper_name: fields.text("shopper_name")?,
            shopper_email: fields.maybe_text("shopper_email")?,
            order_number: fields.maybe_text("order_number")?,
            assigned_agent_id: fields.maybe("assigned_agent_id", maybe_id)?,
            preview: fields.text("preview")?,
            last_activity_at: fields.text("last_activity_at")?,
            unread: fields.integer("unread")?,
        })
    }
}

impl FromJson for ConversationView {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ConversationView {
            id: fields.integer("id")?,
            status: ConversationStatus::parse(&fields.text("status")?)?,
            order_number: fields.maybe_text("order_number")?,
            help_article: fields.maybe("help_article", ArticleSuggestion::from_json)?,
            help_searches: fields.list("help_searches", JsValue::as_string)?,
            shopper_name: fields.text("shopper_name")?,
            shopper_email: fields.maybe_text("shopper_email")?,
            messages: fields.list("messages", ChatMessage::from_json)?,
            agent_delivered_seq: fields.integer("agent_delivered_seq")?,
            agent_read_seq: fields.integer("agent_read_seq")?,
            shopper_read_seq: fields.integer("shopper_read_seq")?,
            rating: fields.maybe("rating", maybe_id)?,
        })
    }
}

impl FromJson for TimelineOrder {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(TimelineOrder {
            order_number: fields.text("order_number")?,
            placed_at: fields.text("placed_at")?,
            package_statuses: fields.list("package_statuses", JsValue::as_string)?,
        })
    }
}

impl FromJson for CannedReply {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(CannedReply {
            id: fields.integer("id")?,
            title: fields.text("title")?,
            body: fields.text("body")?,
        })
    }
}

impl ToJson for CannedReplyRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("title", JsValue::from_str(&self.title)),
            ("body", JsValue::from_str(&self.body)),
        ]
    }
}

impl FromJson for TimelineNote {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(TimelineNote {
            channel: NoteChannel::parse(&fields.text("channel")?)?,
            body: fields.text("body")?,
            agent_name: fields.maybe_text("agent_name")?,
            created_at: fields.text("created_at")?,
        })
    }
}

impl ToJson for NoteRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("channel", JsValue::from_str(self.channel.as_str())),
            ("body", JsValue::from_str(&self.body)),
        ]
    }
}

impl FromJson for ShopperTimeline {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ShopperTimeline {
            orders: fields.list("orders", TimelineOrder::from_json)?,
            conversations: fields.list("conversations", InboxEntry::from_json)?,
            notes: fields.list("notes", TimelineNote::from_json)?,
            returns: fields.list("returns", TimelineReturn::from_json)?,
            reviews: fields.list("reviews", TimelineReview::from_json)?,
        })
    }
}

impl FromJson for DeskFrame {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        match fields.text("type")?.as_str() {
            "ready" => Some(DeskFrame::Ready),
            "inbox_changed" => Some(DeskFrame::InboxChanged {
                conversation_id: fields.integer("conversation_id")?,
            }),
            "refused" => Some(DeskFrame::Refused {
                refusal: sf_api::live_chat::Refusal::Unauthorized,
            }),
            _ => None,
        }
    }
}
