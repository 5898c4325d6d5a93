//! Live chat: shoppers' conversations with the store, over a WebSocket per open pane, and
//! the desk's inbox.
//!
//! Laid out as tracking is: [`router`] registers the routes (handlers in `routes.rs`, the
//! sockets in `socket.rs`), [`ChatState`] is one field of [`AppState`], queries are in
//! `store.rs`, pure rules (business hours, presence) in their own files with unit tests, and
//! the migrations are numbered 2000 to 2999.

pub mod access;
pub mod bus;
mod canned;
pub mod hours;
mod images;
pub mod presence;
mod routes;
mod socket;
pub mod store;

use crate::config::Config;
use crate::limiter::{FailureLimiter, StreamSlots};
use crate::AppState;
use bus::{ChatBus, LocalBus};
use hours::{BadHours, BusinessHours};
use presence::Presence;
use sf_api::live_chat::ChatAvailability;
use std::sync::Arc;
use time::{OffsetDateTime, UtcOffset};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// What live chat keeps between requests.
#[derive(Clone, Debug)]
pub struct ChatState {
    /// Carries frames to the open sockets.
    pub bus: Arc<dyn ChatBus>,
    /// Which agents can take chats.
    pub presence: Arc<Presence>,
    hours: Arc<BusinessHours>,
    reply_minutes: u32,
    offline_reply_minutes: u32,
    /// Starting conversations, per client address: each start counts, so one address
    /// cannot fill the desk's inbox (a person starts a few at most).
    pub starts: Arc<FailureLimiter>,
    /// The shopper's sockets open per conversation: a few tabs and devices, not thousands
    /// from one stolen or shared token.
    pub shopper_sockets: Arc<StreamSlots<i64>>,
}

/// How many sockets a conversation's shopper may hold open at once.
pub const MAX_SHOPPER_SOCKETS: usize = 20;

impl ChatState {
    /// The state for `config`; refuses business hours it cannot read.
    pub fn new(config: &Config) -> Result<Self, BadHours> {
        let offset = UtcOffset::parse(
            &config.chat_utc_offset,
            time::macros::format_description!("[offset_hour sign:mandatory]:[offset_minute]"),
        )
        .map_err(|_| BadHours(config.chat_utc_offset.clone()))?;
        Ok(Self {
            bus: Arc::new(LocalBus::default()),
            presence: Arc::default(),
            hours: Arc::new(BusinessHours::parse(&config.chat_hours, offset)?),
            reply_minutes: config.chat_reply_minutes,
            offline_reply_minutes: config.chat_offline_reply_minutes,
            starts: Arc::default(),
            shopper_sockets: Arc::new(StreamSlots::new(MAX_SHOPPER_SOCKETS)),
        })
    }

    /// Whether anyone can answer at `now`, and how soon.
    pub fn availability(&self, now: OffsetDateTime) -> ChatAvailability {
        let within_hours = self.hours.is_open(now);
        let agents_available = within_hours && self.presence.anyone_available();
        ChatAvailability {
            agents_available,
            within_hours,
            expected_reply_minutes: if agents_available {
                self.reply_minutes
            } else {
                self.offline_reply_minutes
            },
        }
    }
}

/// Every route of live chat, merged into the API in one line (`server/src/routes/mod.rs`).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::availability))
        .routes(routes!(routes::suggestions))
        .routes(routes!(routes::start_conversation))
        .routes(routes!(routes::read_conversation))
        .routes(routes!(routes::rate_conversation))
        .routes(routes!(routes::inbox))
        .routes(routes!(routes::timeline))
        .routes(routes!(routes::add_note))
        .routes(routes!(canned::list, canned::create))
        .routes(routes!(canned::update, canned::delete))
        .routes(routes!(routes::assign))
        .routes(routes!(routes::set_status))
        .routes(routes!(routes::set_presence))
        .routes(routes!(socket::conversation_socket))
        .routes(routes!(socket::desk_socket))
        .routes(routes!(images::image))
        // Reads its body itself, with the images' own limit (the API's is for JSON).
        .routes(routes!(images::attach_image))
}
