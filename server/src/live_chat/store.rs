//! Live chat's queries, each reading into a named row struct.
//!
//! A message takes its sequence number in the same transaction that stores it (the
//! conversation's `last_seq`, incremented), so numbers have no gaps and never repeat, and a
//! message is acknowledged only once it is committed.

use crate::db::{self, Database};
use crate::error::ApiError;
use sf_api::live_chat::{
    ArticleSuggestion, Author, CannedReply, ChatImage, ChatMessage, ConversationStatus,
    ImageFormat, InboxEntry, InboxView, NoteChannel, NoteRequest, TimelineNote, TimelineOrder,
    MAX_IMAGES_PER_CONVERSATION,
};

/// A message as stored, with its agent's name.
#[derive(sqlx::FromRow)]
struct MessageRow {
    seq: i64,
    client_id: String,
    author: String,
    author_name: Option<String>,
    body: String,
    sent_at: String,
    image_key: Option<String>,
    image_type: Option<String>,
    image_size: Option<i64>,
}

impl MessageRow {
    fn into_message(self) -> Result<ChatMessage, ApiError> {
        Ok(ChatMessage {
            seq: self.seq,
            client_id: self.client_id,
            author: Author::parse(&self.author).ok_or_else(|| {
                ApiError::Internal(format!("unknown author {:?} stored", self.author))
            })?,
            author_name: self.author_name,
            body: self.body,
            sent_at: self.sent_at,
            image: match (self.image_key, self.image_type, self.image_size) {
                (Some(key), Some(media_type), Some(size)) => Some(ChatImage {
                    key,
                    media_type,
                    size,
                }),
                _ => None,
            },
        })
    }
}

const MESSAGE_COLUMNS: &str =
    "SELECT m.seq, m.client_id, m.author, a.display_name AS author_name, m.body, m.sent_at, \
     i.key AS image_key, i.media_type AS image_type, i.size AS image_size \
     FROM chat_messages m LEFT JOIN agents a ON a.id = m.agent_id \
     LEFT JOIN chat_images i ON i.id = m.image_id";

/// A conversation as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ConversationRow {
    /// Its id.
    pub id: i64,
    /// `open` or `closed`.
    pub status: String,
    /// The name the shopper gave.
    pub shopper_name: String,
    /// Their email, when known.
    pub shopper_email: Option<String>,
    /// The store's id for a signed-in shopper.
    pub customer_id: Option<String>,
    /// The order attached.
    pub order_number: Option<String>,
    /// The last sequence number given.
    pub last_seq: i64,
    /// Receipts, see [`sf_api::live_chat::ConversationView`].
    pub agent_delivered_seq: i64,
    /// Receipts.
    pub agent_read_seq: i64,
    /// Receipts.
    pub shopper_read_seq: i64,
    /// The shopper's rating.
    pub rating: Option<i64>,
    /// The help article read before asking, by slug.
    pub help_article: Option<String>,
    /// The help centre searches made, one per line.
    pub help_searches: String,
}

impl ConversationRow {
    /// Its status; an unknown stored value reads as closed, so nothing is sent into it.
    pub fn status(&self) -> ConversationStatus {
        ConversationStatus::parse(&self.status).unwrap_or(ConversationStatus::Closed)
    }
}

/// Who a new conversation is with.
#[derive(Debug, Default)]
pub struct NewConversation {
    /// The name given.
    pub shopper_name: String,
    /// Where to reply (given, or proven by an order).
    pub shopper_email: Option<String>,
    /// The store's id for a signed-in shopper.
    pub customer_id: Option<String>,
    /// The order attached.
    pub order_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

/// Stores a new, open conversation; its id.
pub async fn insert_conversation(db: &Database, new: &NewConversation) -> Result<i64, ApiError> {
    let now = db::now();
    let row: IdRow = sqlx::query_as(
        "INSERT INTO chat_conversations \
         (shopper_name, shopper_email, customer_id, order_id, created_at, last_activity_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(&new.shopper_name)
    .bind(&new.shopper_email)
    .bind(&new.customer_id)
    .bind(new.order_id)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.id)
}

/// Records what the shopper read and searched in the help centre before asking (the latest
/// context replaces an earlier one: it is what they tried just now).
pub async fn attach_help_context(
    db: &Database,
    conversation_id: i64,
    article: Option<&str>,
    searches: &[String],
) -> Result<(), ApiError> {
    if article.is_none() && searches.is_empty() {
        return Ok(());
    }
    let _writer = db.one_writer().await;
    sqlx::query(
        "UPDATE chat_conversations SET help_article = $2, help_searches = $3 WHERE id = $1",
    )
    .bind(conversation_id)
    .bind(article)
    .bind(searches.join("\n"))
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A help article for the desk, in English where it has it (agents read the store's
/// language), else in any language.
pub async fn help_article(
    db: &Database,
    slug: &str,
) -> Result<Option<ArticleSuggestion>, ApiError> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT slug, title, summary FROM help_articles WHERE slug = $1 \
         ORDER BY CASE locale WHEN 'en' THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(slug, title, summary)| ArticleSuggestion {
        slug,
        title,
        summary,
    }))
}

/// The open conversation of an identified shopper (by the store's customer id, else by the
/// order attached), so a second device continues it instead of starting another.
pub async fn open_conversation_of(
    db: &Database,
    customer_id: Option<&str>,
    order_id: Option<i64>,
) -> Result<Option<i64>, ApiError> {
    if customer_id.is_none() && order_id.is_none() {
        return Ok(None);
    }
    let row: Option<IdRow> = sqlx::query_as(
        "SELECT id FROM chat_conversations WHERE status = 'open' \
         AND (customer_id = $1 OR ($1 IS NULL AND order_id = $2)) \
         ORDER BY last_activity_at DESC, id DESC LIMIT 1",
    )
    .bind(customer_id)
    .bind(order_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|row| row.id))
}

/// A conversation by id.
pub async fn conversation(db: &Database, id: i64) -> Result<Option<ConversationRow>, ApiError> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.status, c.shopper_name, c.shopper_email, c.customer_id, o.order_number, c.last_seq, \
         c.agent_delivered_seq, c.agent_read_seq, c.shopper_read_seq, c.rating, \
         c.help_article, c.help_searches \
         FROM chat_conversations c LEFT JOIN orders o ON o.id = c.order_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?)
}

/// The most messages one read returns; a client with more to catch up asks again.
pub const MESSAGES_PER_READ: i64 = 500;

/// The messages after `after`, in order, at most [`MESSAGES_PER_READ`].
pub async fn messages_after(
    db: &Database,
    conversation_id: i64,
    after: i64,
) -> Result<Vec<ChatMessage>, ApiError> {
    let rows: Vec<MessageRow> = sqlx::query_as(&format!(
        "{MESSAGE_COLUMNS} WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3"
    ))
    .bind(conversation_id)
    .bind(after)
    .bind(MESSAGES_PER_READ)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter().map(MessageRow::into_message).collect()
}

async fn message_by_client_id(
    db: &Database,
    conversation_id: i64,
    client_id: &str,
) -> Result<Option<ChatMessage>, ApiError> {
    let row: Option<MessageRow> = sqlx::query_as(&format!(
        "{MESSAGE_COLUMNS} WHERE m.conversation_id = $1 AND m.client_id = $2"
    ))
    .bind(conversation_id)
    .bind(client_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(MessageRow::into_message).transpose()
}

/// A message to store.
#[derive(Debug)]
pub struct NewMessage<'a> {
    /// The writer's id for it.
    pub client_id: &'a str,
    /// Who writes.
    pub author: Author,
    /// The agent writing, for agents' messages.
    pub agent_id: Option<i64>,
    /// The text, already checked (empty for an image sent alone).
    pub body: &'a str,
    /// An image it carries, its format found from its bytes.
    pub image: Option<(ImageFormat, &'a [u8])>,
}

/// What storing a message came to.
#[derive(Debug)]
pub enum Stored {
    /// Stored now, with its new number.
    New(ChatMessage),
    /// The same client id was stored before: that message, unchanged.
    Duplicate(ChatMessage),
    /// The conversation is closed (or gone): nothing was stored.
    Closed,
    /// The conversation holds [`MAX_IMAGES_PER_CONVERSATION`] images already.
    TooManyImages,
}

#[derive(sqlx::FromRow)]
struct SeqRow {
    last_seq: i64,
}

/// Stores `message` with the next number, or recognises a resend of one stored before.
pub async fn store_message(
    db: &Database,
    conversation_id: i64,
    message: &NewMessage<'_>,
) -> Result<Stored, ApiError> {
    // The common resend (a reconnecting client's outbox) is answered without a write.
    if let Some(earlier) = message_by_client_id(db, conversation_id, message.client_id).await? {
        return Ok(Stored::Duplicate(earlier));
    }
    let _writer = db.one_writer().await;
    let sent_at = db::now();
    let mut transaction = db.pool.begin().await?;
    // Writing first takes SQLite's write lock at once, so two senders queue instead of
    // deadlocking on a read lock each wants to upgrade.
    let numbered: Option<SeqRow> = sqlx::query_as(
        "UPDATE chat_conversations SET last_seq = last_seq + 1, last_activity_at = $1 \
         WHERE id = $2 AND status = 'open' RETURNING last_seq",
    )
    .bind(&sent_at)
    .bind(conversation_id)
    .fetch_optional(&mut *transaction)
    .await?;
    let Some(SeqRow { last_seq: seq }) = numbered else {
        return Ok(Stored::Closed);
    };
    let image_id = match message.image {
        Some((format, bytes)) => {
            let held: CountRow = sqlx::query_as(
                "SELECT COUNT(*) AS count FROM chat_images WHERE conversation_id = $1",
            )
            .bind(conversation_id)
            .fetch_one(&mut *transaction)
            .await?;
            if held.count >= MAX_IMAGES_PER_CONVERSATION {
                return Ok(Stored::TooManyImages);
            }
            let IdRow { id } = sqlx::query_as(
                "INSERT INTO chat_images (conversation_id, key, media_type, size, bytes, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(conversation_id)
            .bind(hex::encode(rand::random::<[u8; 16]>()))
            .bind(format.media_type())
            .bind(bytes.len() as i64)
            .bind(bytes)
            .bind(&sent_at)
            .fetch_one(&mut *transaction)
            .await?;
            Some(id)
        }
        None => None,
    };
    let inserted = sqlx::query(
        "INSERT INTO chat_messages \
         (conversation_id, seq, client_id, author, agent_id, body, sent_at, image_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(conversation_id)
    .bind(seq)
    .bind(message.client_id)
    .bind(message.author.as_str())
    .bind(message.agent_id)
    .bind(message.body)
    .bind(&sent_at)
    .bind(image_id)
    .execute(&mut *transaction)
    .await;
    if let Err(error) = inserted {
        drop(transaction);
        // Two tabs resending the same message at once: the other one stored it.
        return match message_by_client_id(db, conversation_id, message.client_id).await? {
            Some(earlier) => Ok(Stored::Duplicate(earlier)),
            None => Err(error.into()),
        };
    }
    transaction.commit().await?;
    if message.image.is_some() {
        // Read back with its image's key, as every later read will show it.
        return message_by_client_id(db, conversation_id, message.client_id)
            .await?
            .map(Stored::New)
            .ok_or_else(|| ApiError::Internal("a stored image message is gone".into()));
    }
    let author_name = match message.agent_id {
        Some(agent_id) => agent_name(db, agent_id).await?,
        None => None,
    };
    Ok(Stored::New(ChatMessage {
        seq,
        client_id: message.client_id.to_owned(),
        author: message.author,
        author_name,
        body: message.body.to_owned(),
        sent_at,
        image: None,
    }))
}

#[derive(sqlx::FromRow)]
struct CountRow {
    count: i64,
}

#[derive(sqlx::FromRow)]
struct ImageRow {
    media_type: String,
    bytes: Vec<u8>,
}

/// Whether a conversation can take one more image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageRoom {
    /// Open, and under its images' limit.
    Room,
    /// Closed, or gone.
    Closed,
    /// Holding [`MAX_IMAGES_PER_CONVERSATION`] already.
    Full,
}

#[derive(sqlx::FromRow)]
struct RoomRow {
    status: String,
    images: i64,
}

/// Whether `conversation_id` can take one more image now.
pub async fn image_room(db: &Database, conversation_id: i64) -> Result<ImageRoom, ApiError> {
    let row: Option<RoomRow> = sqlx::query_as(
        "SELECT c.status, (SELECT COUNT(*) FROM chat_images i WHERE i.conversation_id = c.id) AS images \
         FROM chat_conversations c WHERE c.id = $1",
    )
    .bind(conversation_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(match row {
        Some(row) if row.status != "open" => ImageRoom::Closed,
        None => ImageRoom::Closed,
        Some(row) if row.images >= MAX_IMAGES_PER_CONVERSATION => ImageRoom::Full,
        Some(_) => ImageRoom::Room,
    })
}

/// An attached image's media type and bytes, by the key in its address.
pub async fn image(db: &Database, key: &str) -> Result<Option<(String, Vec<u8>)>, ApiError> {
    let row: Option<ImageRow> =
        sqlx::query_as("SELECT media_type, bytes FROM chat_images WHERE key = $1")
            .bind(key)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|row| (row.media_type, row.bytes)))
}

#[derive(sqlx::FromRow)]
struct NameRow {
    display_name: String,
}

async fn agent_name(db: &Database, agent_id: i64) -> Result<Option<String>, ApiError> {
    let row: Option<NameRow> = sqlx::query_as("SELECT display_name FROM agents WHERE id = $1")
        .bind(agent_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|row| row.display_name))
}

/// A side's receipts: how far it has received and read the other side's messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipts {
    /// Received up to here.
    pub delivered: i64,
    /// Read up to here.
    pub read: i64,
}

#[derive(sqlx::FromRow)]
struct ReceiptRow {
    delivered: i64,
    read: i64,
}

/// Moves `reader`'s receipts forward (never back, never past the last message); the
/// receipts now.
pub async fn record_receipts(
    db: &Database,
    conversation_id: i64,
    reader: Author,
    delivered: i64,
    read: i64,
) -> Result<Option<Receipts>, ApiError> {
    // The shopper's "delivered" is implied by the socket ack, so only agents store both.
    let query = match reader {
        Author::Agent => {
            "UPDATE chat_conversations SET \
             agent_delivered_seq = CASE WHEN $1 > agent_delivered_seq AND $1 <= last_seq THEN $1 ELSE agent_delivered_seq END, \
             agent_read_seq = CASE WHEN $2 > agent_read_seq AND $2 <= last_seq THEN $2 ELSE agent_read_seq END \
             WHERE id = $3 RETURNING agent_delivered_seq AS delivered, agent_read_seq AS read"
        }
        Author::Shopper => {
            "UPDATE chat_conversations SET \
             shopper_read_seq = CASE WHEN $2 > shopper_read_seq AND $2 <= last_seq THEN $2 ELSE shopper_read_seq END \
             WHERE id = $3 AND $1 = $1 RETURNING shopper_read_seq AS delivered, shopper_read_seq AS read"
        }
    };
    let _writer = db.one_writer().await;
    let row: Option<ReceiptRow> = sqlx::query_as(query)
        .bind(delivered.max(read))
        .bind(read)
        .bind(conversation_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|row| Receipts {
        delivered: row.delivered,
        read: row.read,
    }))
}

/// Closes or reopens; whether the conversation exists.
pub async fn set_status(
    db: &Database,
    conversation_id: i64,
    status: ConversationStatus,
) -> Result<bool, ApiError> {
    let result = sqlx::query(
        "UPDATE chat_conversations SET status = $1, last_activity_at = $2 WHERE id = $3",
    )
    .bind(status.as_str())
    .bind(db::now())
    .bind(conversation_id)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Assigns to `agent_id` (or nobody); whether the conversation and the agent exist.
pub async fn set_assignee(
    db: &Database,
    conversation_id: i64,
    agent_id: Option<i64>,
) -> Result<bool, ApiError> {
    let result = sqlx::query(
        "UPDATE chat_conversations SET assigned_agent_id = $1 WHERE id = $2 \
         AND ($1 IS NULL OR EXISTS (SELECT 1 FROM agents WHERE id = $1))",
    )
    .bind(agent_id)
    .bind(conversation_id)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Assigns to `agent_id` when nobody has it yet.
pub async fn assign_if_unassigned(
    db: &Database,
    conversation_id: i64,
    agent_id: i64,
) -> Result<(), ApiError> {
    sqlx::query(
        "UPDATE chat_conversations SET assigned_agent_id = $1 WHERE id = $2 AND assigned_agent_id IS NULL",
    )
    .bind(agent_id)
    .bind(conversation_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Records the shopper's rating of a closed conversation; whether it was closed.
pub async fn set_rating(
    db: &Database,
    conversation_id: i64,
    stars: i64,
    comment: &str,
) -> Result<bool, ApiError> {
    let result = sqlx::query(
        "UPDATE chat_conversations SET rating = $1, rating_comment = $2 \
         WHERE id = $3 AND status = 'closed'",
    )
    .bind(stars)
    .bind(comment)
    .bind(conversation_id)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct InboxRow {
    id: i64,
    status: String,
    shopper_name: String,
    shopper_email: Option<String>,
    order_number: Option<String>,
    assigned_agent_id: Option<i64>,
    preview: Option<String>,
    last_activity_at: String,
    unread: i64,
}

/// The longest preview of the last message in the inbox.
const PREVIEW_CHARS: usize = 120;
/// The most conversations one inbox view lists.
const INBOX_LIMIT: i64 = 200;

/// The desk's inbox, newest activity first.
pub async fn inbox(
    db: &Database,
    view: InboxView,
    agent_id: i64,
) -> Result<Vec<InboxEntry>, ApiError> {
    // `$2` and `$3` (no shopper) are bound as NULL: every filter names all three.
    let filter = match view {
        InboxView::Unassigned => "c.status = 'open' AND c.assigned_agent_id IS NULL AND $1 = $1",
        InboxView::Mine => "c.status = 'open' AND c.assigned_agent_id = $1",
        InboxView::All => "c.status = 'open' AND $1 = $1",
        InboxView::Closed => "c.status = 'closed' AND $1 = $1",
    };
    entries(
        db,
        &format!("{filter} AND $2 IS NULL AND $3 IS NULL"),
        agent_id,
        None,
        None,
    )
    .await
}

/// The other conversations of conversation `conversation_id`'s shopper: the same store
/// customer id, or the same email address.
pub async fn conversations_of_shopper(
    db: &Database,
    conversation_id: i64,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<InboxEntry>, ApiError> {
    entries(
        db,
        "c.id <> $1 AND (c.shopper_email = $2 OR c.customer_id = $3)",
        conversation_id,
        email,
        customer_id,
    )
    .await
}

/// Conversations matching `filter` (over `$1` a number, `$2` an email, `$3` a customer id),
/// as inbox rows, newest activity first.
async fn entries(
    db: &Database,
    filter: &str,
    number: i64,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<InboxEntry>, ApiError> {
    let rows: Vec<InboxRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.status, c.shopper_name, c.shopper_email, o.order_number, c.assigned_agent_id, \
         (SELECT m.body FROM chat_messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) AS preview, \
         c.last_activity_at, \
         (SELECT COUNT(*) FROM chat_messages m WHERE m.conversation_id = c.id AND m.author = 'shopper' \
          AND m.seq > c.agent_read_seq) AS unread \
         FROM chat_conversations c LEFT JOIN orders o ON o.id = c.order_id \
         WHERE {filter} ORDER BY c.last_activity_at DESC, c.id DESC LIMIT $4"
    ))
    .bind(number)
    .bind(email)
    .bind(customer_id)
    .bind(INBOX_LIMIT)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| InboxEntry {
            id: row.id,
            status: ConversationStatus::parse(&row.status).unwrap_or(ConversationStatus::Closed),
            shopper_name: row.shopper_name,
            shopper_email: row.shopper_email,
            order_number: row.order_number,
            assigned_agent_id: row.assigned_agent_id,
            preview: row
                .preview
                .unwrap_or_default()
                .chars()
                .take(PREVIEW_CHARS)
                .collect(),
            last_activity_at: row.last_activity_at,
            unread: row.unread,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct TimelineRow {
    order_number: String,
    placed_at: String,
    status: Option<String>,
}

/// The shopper's orders (by email or store customer id), newest first, each with its
/// packages' statuses.
pub async fn orders_of_shopper(
    db: &Database,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<TimelineOrder>, ApiError> {
    let rows: Vec<TimelineRow> = sqlx::query_as(
        "SELECT o.order_number, o.placed_at, s.status FROM orders o \
         LEFT JOIN shipments s ON s.order_id = o.id \
         WHERE o.id IN (SELECT id FROM orders WHERE email = $1 OR customer_id = $2 \
                        ORDER BY placed_at DESC LIMIT 50) \
         ORDER BY o.placed_at DESC, o.id, s.id",
    )
    .bind(email)
    .bind(customer_id)
    .fetch_all(&db.pool)
    .await?;
    let mut orders: Vec<TimelineOrder> = Vec::new();
    for row in rows {
        if orders
            .last()
            .is_none_or(|last| last.order_number != row.order_number)
        {
            orders.push(TimelineOrder {
                order_number: row.order_number,
                placed_at: row.placed_at,
                package_statuses: Vec::new(),
            });
        }
        if let (Some(order), Some(status)) = (orders.last_mut(), row.status) {
            order.package_statuses.push(status);
        }
    }
    Ok(orders)
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    channel: String,
    body: String,
    agent_name: Option<String>,
    created_at: String,
}

/// Adds an agent's note to the shopper's timeline.
pub async fn insert_note(
    db: &Database,
    email: Option<&str>,
    customer_id: Option<&str>,
    agent_id: i64,
    note: &NoteRequest,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO shopper_notes (shopper_email, customer_id, agent_id, channel, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(email)
    .bind(customer_id)
    .bind(agent_id)
    .bind(note.channel.as_str())
    .bind(note.body.trim())
    .bind(db::now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The notes about the shopper, newest first.
pub async fn notes_of_shopper(
    db: &Database,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<TimelineNote>, ApiError> {
    let rows: Vec<NoteRow> = sqlx::query_as(
        "SELECT n.channel, n.body, a.display_name AS agent_name, n.created_at \
         FROM shopper_notes n LEFT JOIN agents a ON a.id = n.agent_id \
         WHERE n.shopper_email = $1 OR n.customer_id = $2 \
         ORDER BY n.created_at DESC, n.id DESC LIMIT 100",
    )
    .bind(email)
    .bind(customer_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| TimelineNote {
            channel: NoteChannel::parse(&row.channel).unwrap_or(NoteChannel::Other),
            body: row.body,
            agent_name: row.agent_name,
            created_at: row.created_at,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct CannedRow {
    id: i64,
    title: String,
    body: String,
}

/// Every canned reply, by title.
pub async fn canned_replies(db: &Database) -> Result<Vec<CannedReply>, ApiError> {
    let rows: Vec<CannedRow> =
        sqlx::query_as("SELECT id, title, body FROM canned_replies ORDER BY title, id")
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|row| CannedReply {
            id: row.id,
            title: row.title,
            body: row.body,
        })
        .collect())
}

/// Stores a new canned reply; its id.
pub async fn insert_canned_reply(db: &Database, title: &str, body: &str) -> Result<i64, ApiError> {
    let row: IdRow = sqlx::query_as(
        "INSERT INTO canned_replies (title, body, updated_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(title)
    .bind(body)
    .bind(db::now())
    .fetch_one(&db.pool)
    .await?;
    Ok(row.id)
}

/// Changes a canned reply; whether it exists.
pub async fn update_canned_reply(
    db: &Database,
    id: i64,
    title: &str,
    body: &str,
) -> Result<bool, ApiError> {
    let result = sqlx::query(
        "UPDATE canned_replies SET title = $1, body = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(title)
    .bind(body)
    .bind(db::now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Removes a canned reply; whether it existed.
pub async fn delete_canned_reply(db: &Database, id: i64) -> Result<bool, ApiError> {
    let result = sqlx::query("DELETE FROM canned_replies WHERE id = $1")
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// At most this many articles are suggested.
const SUGGESTIONS: usize = 3;

/// Help articles in `locale` that may answer `text`, best first (the help centre's search).
pub async fn suggest_articles(
    db: &Database,
    text: &str,
    locale: &str,
) -> Result<Vec<ArticleSuggestion>, ApiError> {
    let Some(locale) = sf_api::help_centre::HelpLocale::parse(locale) else {
        return Ok(Vec::new());
    };
    let found = crate::help::search::search(db, text, locale, SUGGESTIONS).await?;
    Ok(found
        .results
        .into_iter()
        .map(|article| ArticleSuggestion {
            slug: article.slug,
            title: article.title,
            summary: article.summary,
        })
        .collect())
}

/// An order's id and email, found by its number: attaching an order identifies its shopper.
#[derive(sqlx::FromRow)]
pub struct OrderContact {
    /// The order's id.
    pub id: i64,
    /// The email the order was placed with.
    pub email: String,
}

/// The order `order_id`'s contact.
pub async fn order_contact(db: &Database, order_id: i64) -> Result<Option<OrderContact>, ApiError> {
    Ok(sqlx::query_as("SELECT id, email FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_optional(&db.pool)
        .await?)
}
