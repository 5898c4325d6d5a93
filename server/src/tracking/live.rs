//! Live updates: open trackers hold a server-sent-events stream and are told when their
//! order changes, then fetch it again (so the stream carries no order data of its own).

use futures_util::stream::{self, Stream, StreamExt};
use sf_api::tracking::TRACKING_CHANGED_EVENT;
use std::convert::Infallible;
use tokio::sync::{broadcast, watch};
use tokio_stream::wrappers::BroadcastStream;

/// Fans out "order N changed" to every open tracker of this server process.
#[derive(Clone, Debug)]
pub struct TrackingHub {
    changes: broadcast::Sender<i64>,
}

impl Default for TrackingHub {
    fn default() -> Self {
        // A tracker that falls this far behind gets one "changed" for all it missed.
        let (changes, _) = broadcast::channel(256);
        Self { changes }
    }
}

impl TrackingHub {
    /// Tells open trackers of `order_id` to refresh.
    pub fn order_changed(&self, order_id: i64) {
        // No receivers (no open tracker) is normal, not an error.
        let _ = self.changes.send(order_id);
    }

    /// The stream for one open tracker: a "changed" at once (so a tracker that reconnects
    /// catches up on whatever it missed), then one per change of `order_id`, until the
    /// server shuts down.
    pub fn changes_of(
        &self,
        order_id: i64,
        mut shutdown: watch::Receiver<bool>,
    ) -> impl Stream<Item = Result<axum::response::sse::Event, Infallible>> + Send + 'static {
        let changed = || {
            Ok(axum::response::sse::Event::default()
                .event(TRACKING_CHANGED_EVENT)
                // Browsers drop an event without a data line (the SSE spec's "empty data
                // buffer" rule), so it carries a word even though nobody reads it.
                .data("changed"))
        };
        let later = BroadcastStream::new(self.changes.subscribe()).filter_map(move |message| {
            // A lagged receiver missed some messages: refreshing covers them all.
            let relevant = message.map_or(true, |changed_order| changed_order == order_id);
            std::future::ready(relevant.then(changed))
        });
        stream::once(std::future::ready(changed()))
            .chain(later)
            .take_until(async move {
                let _ = shutdown.wait_for(|stopping| *stopping).await;
            })
    }
}
