//! Real-time fan-out of chat frames: to every socket of a conversation, and to every desk.
//!
//! [`ChatBus`] is the seam: [`LocalBus`] carries frames inside one server process, which is
//! enough for one instance. A broker-backed bus (PostgreSQL `LISTEN/NOTIFY`, NATS) implements
//! the same trait by publishing to the broker and feeding what it receives into local
//! channels like these, so sockets never know which one they are on. The database stays the
//! source of truth: a frame lost by the bus is recovered by the client's resume.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// A frame as every receiver gets it: serialised once, shared by all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedFrame {
    /// The message's sequence number, for frames carrying one: a socket that already sent
    /// it (replaying from the database) skips it, and one that lagged knows where to resume.
    pub seq: Option<i64>,
    /// The JSON text.
    pub text: Arc<str>,
}

impl SharedFrame {
    /// `frame` serialised once.
    pub fn new(frame: &impl serde::Serialize, seq: Option<i64>) -> Self {
        let text = serde_json::to_string(frame).unwrap_or_default();
        Self {
            seq,
            text: text.into(),
        }
    }
}

/// Carries frames to the sockets that want them.
pub trait ChatBus: Send + Sync + Debug {
    /// Sends `frame` to every socket of `conversation_id` (on every instance).
    fn publish(&self, conversation_id: i64, frame: SharedFrame);

    /// The frames of `conversation_id` from now on.
    fn subscribe(&self, conversation_id: i64) -> broadcast::Receiver<SharedFrame>;

    /// Tells every desk that `conversation_id` changed (a message, an assignment…).
    fn publish_inbox(&self, conversation_id: i64);

    /// Inbox changes from now on.
    fn subscribe_inbox(&self) -> broadcast::Receiver<i64>;
}

/// A conversation's frames wait here for slow sockets; one that falls further behind is
/// told it lagged and resumes from the database.
const CONVERSATION_BACKLOG: usize = 64;
const INBOX_BACKLOG: usize = 256;

/// [`ChatBus`] within one process: a channel per conversation with open sockets.
#[derive(Debug)]
pub struct LocalBus {
    conversations: Mutex<HashMap<i64, broadcast::Sender<SharedFrame>>>,
    inbox: broadcast::Sender<i64>,
}

impl Default for LocalBus {
    fn default() -> Self {
        Self {
            conversations: Mutex::new(HashMap::new()),
            inbox: broadcast::channel(INBOX_BACKLOG).0,
        }
    }
}

impl ChatBus for LocalBus {
    fn publish(&self, conversation_id: i64, frame: SharedFrame) {
        let mut conversations = self.conversations.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = conversations.get(&conversation_id) {
            if sender.send(frame).is_err() {
                // Every socket of it has gone: the channel is dropped, so memory follows the
                // conversations that are open now, not every one ever opened.
                conversations.remove(&conversation_id);
            }
        }
    }

    fn subscribe(&self, conversation_id: i64) -> broadcast::Receiver<SharedFrame> {
        let mut conversations = self.conversations.lock().unwrap_or_else(|e| e.into_inner());
        conversations
            .entry(conversation_id)
            .or_insert_with(|| broadcast::channel(CONVERSATION_BACKLOG).0)
            .subscribe()
    }

    fn publish_inbox(&self, conversation_id: i64) {
        // No desk open is normal, not an error.
        let _ = self.inbox.send(conversation_id);
    }

    fn subscribe_inbox(&self) -> broadcast::Receiver<i64> {
        self.inbox.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn frames_reach_only_their_conversation_and_idle_channels_are_dropped() {
        let bus = LocalBus::default();
        let mut first = bus.subscribe(1);
        let mut second = bus.subscribe(2);
        bus.publish(1, SharedFrame::new(&"hello", Some(1)));
        assert_eq!(&*first.recv().await.unwrap().text, "\"hello\"");
        assert!(second.try_recv().is_err());
        drop(first);
        bus.publish(1, SharedFrame::new(&"nobody", None));
        assert!(!bus.conversations.lock().unwrap().contains_key(&1));
        assert!(bus.conversations.lock().unwrap().contains_key(&2));
    }
}
