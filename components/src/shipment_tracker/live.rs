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

/// Where the stream of the shown order is (the `EventSource`'s `readyState`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReadyState {
    /// Connecting, for the first time or again after a drop.
    Connecting,
    /// Connected: changes arrive as they happen.
    Open,
    /// No stream: no order shown, or the server refused it for good.
    #[default]
    Closed,
}

impl ReadyState {
    fn of(source: &web_sys::EventSource) -> Self {
        match source.ready_state() {
            web_sys::EventSource::OPEN => ReadyState::Open,
            web_sys::EventSource::CONNECTING => ReadyState::Connecting,
            _ => ReadyState::Closed,
        }
    }
}

/// What [`use_order_updates`] reports about the stream.
#[derive(Clone, Copy, Debug)]
pub struct UseOrderUpdates {
    /// The stream's state.
    pub ready_state: Signal<ReadyState>,
    /// The connection failed or dropped, and has not been open since.
    pub error: Signal<bool>,
    /// The connection dropped and the browser is connecting again: changes may be late.
    pub reconnecting: Signal<bool>,
}

/// An open stream and its listeners, which must live exactly as long as the stream.
struct Subscription {
    source: web_sys::EventSource,
    _changed: Closure<dyn Fn()>,
    _state: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.source.close();
    }
}

/// Calls `changed` whenever the order in `session` changes on the server; follows
/// `session` (a new order opens a new stream, `None` closes it) and closes on unmount.
pub(super) fn use_order_updates(
    client: ApiClient,
    session: Signal<Option<OrderSession>>,
    changed: Callback<()>,
) -> UseOrderUpdates {
    let ready_state = RwSignal::new(ReadyState::Closed);
    let error = RwSignal::new(false);
    let subscription = StoredValue::new_local(None::<Subscription>);
    let subscribe = move |session: &OrderSession| {
        let url = client.order_events_url(&session.order_number, &session.token);
        let source = web_sys::EventSource::new(&url).ok()?;
        let on_changed = Closure::<dyn Fn()>::new(move || changed.run(()));
        let watched = source.clone();
        // One listener for `open` and `error`: either way the state is the source's own.
        let on_state = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            error.set(event.type_() == "error");
            ready_state.set(ReadyState::of(&watched));
        });
        source
            .add_event_listener_with_callback(
                TRACKING_CHANGED_EVENT,
                on_changed.as_ref().unchecked_ref(),
            )
            .ok()?;
        for kind in ["open", "error"] {
            source
                .add_event_listener_with_callback(kind, on_state.as_ref().unchecked_ref())
                .ok()?;
        }
        ready_state.set(ReadyState::of(&source));
        Some(Subscription {
            source,
            _changed: on_changed,
            _state: on_state,
        })
    };
    Effect::new(move |previous: Option<Option<OrderSession>>| {
        let current = session.get();
        if previous.as_ref() == Some(&current) {
            return current;
        }
        // Close the old stream before opening the next one.
        subscription.set_value(None);
        error.set(false);
        ready_state.set(ReadyState::Closed);
        subscription.set_value(current.as_ref().and_then(subscribe));
        current
    });
    on_cleanup(move || {
        subscription.try_update_value(|open| *open = None);
    });
    UseOrderUpdates {
        ready_state: ready_state.into(),
        error: error.into(),
        // A memo: the notice changes only when this does, not on every `open`/`error` event.
        reconnecting: Memo::new(move |_| {
            error.get() && ready_state.get() == ReadyState::Connecting
        })
        .into(),
    }
}
