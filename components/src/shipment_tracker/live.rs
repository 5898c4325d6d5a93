//! Server push: while an order is shown, an `EventSource` on its events stream calls back
//! on every `tracking-changed`, and the tracker fetches the order again. The browser
//! reconnects by itself after a dropped connection, and the server says `tracking-changed`
//! on every (re)connect, so nothing that happened while offline is missed.

use super::OrderSession;
use crate::client::ApiClient;
use leptos::prelude::*;
use sf_api::tracking::TRACKING_CHANGED_EVENT;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An open stream and its listener, which must live exactly as long as the stream.
struct Subscription {
    source: web_sys::EventSource,
    _listener: Closure<dyn Fn()>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.source.close();
    }
}

/// Calls `changed` whenever the order in `session` changes on the server; follows
/// `session` (a new order opens a new stream, `None` closes it) and closes on unmount.
pub(super) fn use_tracking_updates(
    client: ApiClient,
    session: Signal<Option<OrderSession>>,
    changed: Callback<()>,
) {
    let subscription = StoredValue::new_local(None::<Subscription>);
    Effect::new(move |previous: Option<Option<OrderSession>>| {
        let current = session.get();
        if previous.as_ref() == Some(&current) {
            return current;
        }
        let next = current.as_ref().and_then(|session| {
            let url = client.order_events_url(&session.order_number, &session.token);
            let source = web_sys::EventSource::new(&url).ok()?;
            let listener = Closure::<dyn Fn()>::new(move || changed.run(()));
            source
                .add_event_listener_with_callback(
                    TRACKING_CHANGED_EVENT,
                    listener.as_ref().unchecked_ref(),
                )
                .ok()?;
            Some(Subscription {
                source,
                _listener: listener,
            })
        });
        subscription.set_value(next);
        current
    });
    on_cleanup(move || {
        subscription.try_update_value(|open| *open = None);
    });
}
