//! The wasm module of `<sf-live-chat>`: the launcher, the chat pane, and its socket.

use leptos::prelude::*;
use sf_components::elements::live_chat::{CUSTOMER, ELEMENT, EXPIRES, OPEN, SIGNATURE};
use sf_components::LiveChat;

sf_app::element_module!(ELEMENT, |attributes| {
    view! {
        <LiveChat
            customer=attributes.attribute(CUSTOMER)
            expires=attributes.attribute(EXPIRES)
            signature=attributes.attribute(SIGNATURE)
            open=attributes.attribute(OPEN)
        />
    }
    .into_any()
});
