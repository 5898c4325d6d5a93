//! The wasm module of `<sf-live-chat>`: the launcher, the chat pane and the pre-chat form,
//! then, as a chunk of its own, the conversation (socket, message box, rating).

use leptos::prelude::*;
use sf_components::elements::live_chat::{CUSTOMER, ELEMENT, EXPIRES, OPEN, SIGNATURE};
use sf_components::LiveChat;

sf_app::element_module!(ELEMENT, |attributes| {
    sf_components::provide_conversation!();
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
