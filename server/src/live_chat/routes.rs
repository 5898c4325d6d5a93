//! Live chat's HTTP routes: starting and reading conversations, rating them, and the desk's
//! inbox and actions. Messages themselves go over the sockets (`socket.rs`).

use super::access::{ConversationShopper, Participant};
use super::bus::SharedFrame;
use super::store::{self, NewConversation, NewMessage, Stored};
use super::ChatState;
use crate::agent::SignedInAgent;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::identity::{self, Signer};
use crate::routes::openapi::RateLimited;
use crate::tokens::{Credential, TokenKeys};
use crate::tracking::access::OrderShopper;
use crate::Secrets;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use sf_api::error::ErrorBody;
use sf_api::live_chat::{
    ArticleSuggestion, AssignRequest, ChatAvailability, ConversationStarted, ConversationView,
    InboxEntry, InboxView, NoteRequest, PresenceRequest, RatingRequest, ServerFrame,
    ShopperTimeline, StartConversationRequest, StatusRequest, MAX_MESSAGE_CHARS, MAX_NOTE_CHARS,
    MAX_RATING_COMMENT_CHARS,
};
use sf_api::validation::{CustomerId, FieldProblem, FieldRefusal, Validate};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;
use time::OffsetDateTime;

/// Whether anyone can answer now, and how soon a reply usually comes.
#[utoipa::path(
    get,
    path = "/chat/availability",
    tag = "live-chat",
    responses((status = 200, description = "Who is there", body = ChatAvailability))
)]
pub(super) async fn availability(State(chat): State<ChatState>) -> Json<ChatAvailability> {
    Json(chat.availability(OffsetDateTime::now_utc()))
}

/// What to suggest articles for.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct SuggestionQuery {
    /// What the shopper wrote (at most 2,000 characters).
    q: String,
    /// `en`, `es` or `ar`.
    locale: String,
}

/// Help articles that may answer what the shopper wrote, offered while nobody can answer.
#[utoipa::path(
    get,
    path = "/chat/suggestions",
    tag = "live-chat",
    params(SuggestionQuery),
    responses(
        (status = 200, description = "Up to three articles, best first", body = Vec<ArticleSuggestion>),
        (status = 422, description = "Missing or invalid parameters", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn suggestions(
    State(db): State<Database>,
    ApiQuery(query): ApiQuery<SuggestionQuery>,
) -> Result<Json<Vec<ArticleSuggestion>>, ApiError> {
    if query.q.chars().count() > MAX_MESSAGE_CHARS {
        return Err(ApiError::field(
            "q",
            format!("Search with {MAX_MESSAGE_CHARS} characters or fewer."),
        ));
    }
    if !["en", "es", "ar"].contains(&query.locale.as_str()) {
        return Err(ApiError::field("locale", "Choose en, es or ar."));
    }
    Ok(Json(
        store::suggest_articles(&db, &query.q, &query.locale).await?,
    ))
}

/// Who the shopper is, as far as the store can vouch.
#[derive(Default)]
struct Identified {
    order: Option<OrderShopper>,
    customer_id: Option<String>,
    /// When the store's signature runs out: the token must not outlive it.
    proven_until: Option<OffsetDateTime>,
}

/// The proofs in a start request. A proof that does not verify (an expired order token, a
/// stale signature) is ignored rather than refused: the shopper is then asked for an email,
/// which is all it would have spared them.
async fn identify(
    request: &StartConversationRequest,
    keys: &Arc<TokenKeys>,
    secrets: &Secrets,
) -> Result<Identified, ApiError> {
    let mut identified = Identified::default();
    if let Some(token) = &request.order_token {
        identified.order = OrderShopper::resolve(keys, token).await?;
    }
    if let Some(signed) = &request.customer {
        let vouched = CustomerId::parse(&signed.customer_id)
            .ok()
            .and_then(|customer_id| {
                identity::verify(
                    secrets,
                    Signer::Customers,
                    customer_id,
                    signed.expires,
                    &signed.signature,
                    OffsetDateTime::now_utc(),
                )
                .ok()
            });
        if let Some(vouched) = vouched {
            identified.customer_id = Some(vouched.subject.as_str().to_owned());
            identified.proven_until = Some(vouched.valid_until);
        }
    }
    Ok(identified)
}

/// Start a conversation with its first message (or, for an identified shopper with one
/// open already, continue that one): answers the shopper's token for the socket.
#[utoipa::path(
    post,
    path = "/chat/conversations",
    tag = "live-chat",
    request_body = StartConversationRequest,
    responses(
        (status = 201, description = "Started (or continued)", body = ConversationStarted),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(client_ip = %client.ip(), conversation_id))]
pub(super) async fn start_conversation(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    State(secrets): State<Arc<Secrets>>,
    State(chat): State<ChatState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<StartConversationRequest>,
) -> Result<(StatusCode, Json<ConversationStarted>), ApiError> {
    let valid = request.validate()?;
    chat.starts
        .check(client.ip(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    let identified = identify(&request, &keys, &secrets).await?;
    let order = match &identified.order {
        Some(order) => store::order_contact(&db, order.order_id).await?,
        None => None,
    };
    let email = valid
        .email
        .map(|email| email.as_str().to_owned())
        .or_else(|| order.as_ref().map(|order| order.email.clone()));
    if email.is_none() && identified.customer_id.is_none() {
        return Err(ApiError::from(vec![FieldRefusal {
            field: StartConversationRequest::EMAIL,
            problem: FieldProblem::Missing,
        }]));
    }
    let order_id = order.as_ref().map(|order| order.id);
    let existing =
        store::open_conversation_of(&db, identified.customer_id.as_deref(), order_id).await?;
    let conversation_id = match existing {
        Some(id) => id,
        None => {
            chat.starts.record_failure(client.ip(), Instant::now());
            store::insert_conversation(
                &db,
                &NewConversation {
                    shopper_name: valid.name,
                    shopper_email: email,
                    customer_id: identified.customer_id,
                    order_id,
                },
            )
            .await?
        }
    };
    tracing::Span::current().record("conversation_id", conversation_id);
    store::attach_help_context(
        &db,
        conversation_id,
        valid.help_article.as_deref(),
        &valid.help_searches,
    )
    .await?;
    let first = NewMessage {
        client_id: valid.client_id.as_str(),
        author: sf_api::live_chat::Author::Shopper,
        agent_id: None,
        body: valid.message.as_str(),
        image: None,
    };
    let message = match store::store_message(&db, conversation_id, &first).await? {
        Stored::New(message) => {
            announce_message(&chat, conversation_id, &message);
            message
        }
        Stored::Duplicate(message) => message,
        Stored::Closed | Stored::TooManyImages => {
            return Err(ApiError::Internal(
                "a conversation found open was closed before its message".into(),
            ))
        }
    };
    let shopper = ConversationShopper { conversation_id };
    let issued = ConversationShopper::issue(&keys, &shopper, identified.proven_until).await?;
    Ok((
        StatusCode::CREATED,
        Json(ConversationStarted {
            conversation_id,
            expires_at: issued.expires_at_text(),
            token: issued.token,
            message,
        }),
    ))
}

/// A message stored just now: the first agent to answer takes the conversation (unless it
/// is someone's already), then every side is sent it.
pub(super) async fn deliver_new_message(
    db: &Database,
    chat: &ChatState,
    conversation_id: i64,
    message: &sf_api::live_chat::ChatMessage,
    agent_id: Option<i64>,
) -> Result<(), ApiError> {
    if let Some(agent_id) = agent_id {
        store::assign_if_unassigned(db, conversation_id, agent_id).await?;
    }
    announce_message(chat, conversation_id, message);
    Ok(())
}

/// Sends a stored message to the conversation's sockets and tells the desks.
pub(super) fn announce_message(
    chat: &ChatState,
    conversation_id: i64,
    message: &sf_api::live_chat::ChatMessage,
) {
    let frame = ServerFrame::Message {
        message: message.clone(),
    };
    chat.bus
        .publish(conversation_id, SharedFrame::new(&frame, Some(message.seq)));
    chat.bus.publish_inbox(conversation_id);
}

/// Which messages to read.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct AfterQuery {
    /// Only messages after this sequence number (0, the default, for all).
    #[serde(default)]
    after: i64,
}

/// A conversation and its messages after `after`: what a client without a socket (or
/// catching up after a long gap) reads. Its shopper's token or an agent's.
#[utoipa::path(
    get,
    path = "/chat/conversations/{id}",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The conversation"), AfterQuery),
    security(("conversation_token" = []), ("agent_token" = [])),
    responses(
        (status = 200, description = "The conversation", body = ConversationView),
        (status = 401, description = "No valid token for this conversation", body = ErrorBody),
        (status = 404, description = "No such conversation (agents)", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(conversation_id = id))]
pub(super) async fn read_conversation(
    State(db): State<Database>,
    participant: Participant,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<AfterQuery>,
) -> Result<Json<ConversationView>, ApiError> {
    participant.may_open(id)?;
    let conversation = store::conversation(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let messages = store::messages_after(&db, id, query.after.max(0)).await?;
    let help_article = match &conversation.help_article {
        Some(slug) => store::help_article(&db, slug).await?,
        None => None,
    };
    Ok(Json(ConversationView {
        id,
        status: conversation.status(),
        order_number: conversation.order_number,
        help_article,
        help_searches: conversation
            .help_searches
            .lines()
            .map(str::to_owned)
            .collect(),
        shopper_name: conversation.shopper_name,
        shopper_email: conversation.shopper_email,
        messages,
        agent_delivered_seq: conversation.agent_delivered_seq,
        agent_read_seq: conversation.agent_read_seq,
        shopper_read_seq: conversation.shopper_read_seq,
        rating: conversation.rating,
    }))
}

/// The shopper rates a conversation an agent closed (1–5, with an optional comment).
#[utoipa::path(
    post,
    path = "/chat/conversations/{id}/rating",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The conversation")),
    request_body = RatingRequest,
    security(("conversation_token" = [])),
    responses(
        (status = 204, description = "Rated"),
        (status = 401, description = "Not this conversation's shopper", body = ErrorBody),
        (status = 422, description = "Invalid, or the conversation is still open", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(conversation_id = id))]
pub(super) async fn rate_conversation(
    State(db): State<Database>,
    State(chat): State<ChatState>,
    participant: Participant,
    ApiPath(id): ApiPath<i64>,
    ApiJson(rating): ApiJson<RatingRequest>,
) -> Result<StatusCode, ApiError> {
    let Participant::Shopper(_) = participant else {
        return Err(ApiError::Unauthorized);
    };
    participant.may_open(id)?;
    if !(1..=5).contains(&rating.stars) {
        return Err(ApiError::field(
            "stars",
            "Choose a rating from 1 (poor) to 5 (excellent).",
        ));
    }
    let comment = rating.comment.trim();
    if comment.chars().count() > MAX_RATING_COMMENT_CHARS {
        return Err(ApiError::field(
            "comment",
            format!("Your comment must be {MAX_RATING_COMMENT_CHARS} characters or fewer."),
        ));
    }
    if !store::set_rating(&db, id, rating.stars, comment).await? {
        return Err(ApiError::field(
            "stars",
            "You can rate the conversation once it has ended.",
        ));
    }
    chat.bus.publish_inbox(id);
    Ok(StatusCode::NO_CONTENT)
}

/// Which inbox to list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct InboxQuery {
    /// `unassigned` (the default), `mine`, `all` (open) or `closed`.
    #[serde(default)]
    #[param(inline)]
    view: InboxView,
}

/// The desk's inbox: conversations, newest activity first, with unread counts.
#[utoipa::path(
    get,
    path = "/chat/inbox",
    tag = "live-chat",
    params(InboxQuery),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The conversations", body = Vec<InboxEntry>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id))]
pub(super) async fn inbox(
    State(db): State<Database>,
    agent: SignedInAgent,
    ApiQuery(query): ApiQuery<InboxQuery>,
) -> Result<Json<Vec<InboxEntry>>, ApiError> {
    Ok(Json(store::inbox(&db, query.view, agent.profile.id).await?))
}

/// The shopper's timeline beside a conversation: their orders with each package's status,
/// their returns, and their other conversations, recognised by the store's customer id or their email.
#[utoipa::path(
    get,
    path = "/chat/conversations/{id}/timeline",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The conversation")),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The shopper's timeline", body = ShopperTimeline),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such conversation", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id, conversation_id = id))]
pub(super) async fn timeline(
    State(db): State<Database>,
    agent: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ShopperTimeline>, ApiError> {
    let conversation = store::conversation(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let email = conversation.shopper_email.as_deref();
    let customer_id = conversation.customer_id.as_deref();
    Ok(Json(ShopperTimeline {
        orders: store::orders_of_shopper(&db, email, customer_id).await?,
        conversations: store::conversations_of_shopper(&db, id, email, customer_id).await?,
        notes: store::notes_of_shopper(&db, email, customer_id).await?,
        returns: crate::returns::timeline(&db, email, customer_id).await?,
        reviews: crate::reviews::timeline(&db, email, customer_id).await?,
    }))
}

/// An agent notes a contact with the conversation's shopper made elsewhere (in a store, by
/// phone); it appears on the shopper's timeline for every agent.
#[utoipa::path(
    post,
    path = "/chat/conversations/{id}/notes",
    tag = "live-chat",
    params(("id" = i64, Path, description = "A conversation of the shopper")),
    request_body = NoteRequest,
    security(("agent_token" = [])),
    responses(
        (status = 201, description = "Noted"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such conversation", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id, conversation_id = id))]
pub(super) async fn add_note(
    State(db): State<Database>,
    agent: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
    ApiJson(note): ApiJson<NoteRequest>,
) -> Result<StatusCode, ApiError> {
    let body = note.body.trim();
    if body.is_empty() {
        return Err(ApiError::field("body", "Enter what happened."));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(ApiError::field(
            "body",
            format!("Your note must be {MAX_NOTE_CHARS} characters or fewer."),
        ));
    }
    let conversation = store::conversation(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    store::insert_note(
        &db,
        conversation.shopper_email.as_deref(),
        conversation.customer_id.as_deref(),
        agent.profile.id,
        &note,
    )
    .await?;
    Ok(StatusCode::CREATED)
}

/// Give a conversation to an agent (or back to the unassigned queue).
#[utoipa::path(
    put,
    path = "/chat/conversations/{id}/assignee",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The conversation")),
    request_body = AssignRequest,
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Assigned"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such conversation or agent", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id, conversation_id = id))]
pub(super) async fn assign(
    State(db): State<Database>,
    State(chat): State<ChatState>,
    agent: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<AssignRequest>,
) -> Result<StatusCode, ApiError> {
    if !store::set_assignee(&db, id, request.agent_id).await? {
        return Err(ApiError::NothingMatches(
            "There is no such conversation or agent.",
        ));
    }
    chat.bus.publish_inbox(id);
    Ok(StatusCode::NO_CONTENT)
}

/// Close a conversation (the shopper is then asked to rate it) or reopen it.
#[utoipa::path(
    put,
    path = "/chat/conversations/{id}/status",
    tag = "live-chat",
    params(("id" = i64, Path, description = "The conversation")),
    request_body = StatusRequest,
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such conversation", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id, conversation_id = id))]
pub(super) async fn set_status(
    State(db): State<Database>,
    State(chat): State<ChatState>,
    agent: SignedInAgent,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<StatusRequest>,
) -> Result<StatusCode, ApiError> {
    if !store::set_status(&db, id, request.status).await? {
        return Err(ApiError::NotFound);
    }
    let frame = ServerFrame::Status {
        status: request.status,
    };
    chat.bus.publish(id, SharedFrame::new(&frame, None));
    chat.bus.publish_inbox(id);
    Ok(StatusCode::NO_CONTENT)
}

/// The agent says whether they can take chats (away while on a break); shoppers are told
/// nobody is there when no agent with a desk open is available.
#[utoipa::path(
    put,
    path = "/chat/presence",
    tag = "live-chat",
    request_body = PresenceRequest,
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Recorded"),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id))]
pub(super) async fn set_presence(
    State(chat): State<ChatState>,
    agent: SignedInAgent,
    ApiJson(request): ApiJson<PresenceRequest>,
) -> StatusCode {
    chat.presence
        .set_available(agent.profile.id, request.available);
    StatusCode::NO_CONTENT
}
