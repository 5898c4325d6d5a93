//! One open WebSocket and its handlers, which live exactly as long as it does: what the
//! chat pane and the desk hold while they are connected. Reconnecting is the holder's
//! business (each has its own pace).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An open (or opening) socket; dropping it closes it without calling `on_close`.
pub struct SocketLink {
    socket: web_sys::WebSocket,
    _on_open: Closure<dyn Fn()>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_close: Closure<dyn Fn()>,
}

impl SocketLink {
    /// Opens a socket to `url`: `hello()` is sent as soon as it opens (read then, so it says
    /// what is held by then), every text frame goes to `on_text`, and a drop calls
    /// `on_close`. `None` when the browser refuses the address.
    pub fn open(
        url: &str,
        hello: impl Fn() -> Option<String> + 'static,
        on_text: impl Fn(String) + 'static,
        on_close: impl Fn() + 'static,
    ) -> Option<Self> {
        let socket = web_sys::WebSocket::new(url).ok()?;
        let greeted = socket.clone();
        let on_open = Closure::<dyn Fn()>::new(move || {
            if let Some(text) = hello() {
                let _ = greeted.send_with_str(&text);
            }
        });
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
                if let Some(text) = message.data().as_string() {
                    on_text(text);
                }
            });
        let on_close = Closure::<dyn Fn()>::new(on_close);
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Some(Self {
            socket,
            _on_open: on_open,
            _on_message: on_message,
            _on_close: on_close,
        })
    }

    /// Sends `text` if the socket is open; `false` when it could not.
    pub fn send(&self, text: &str) -> bool {
        self.socket.ready_state() == web_sys::WebSocket::OPEN
            && self.socket.send_with_str(text).is_ok()
    }
}

impl Drop for SocketLink {
    fn drop(&mut self) {
        // A socket closed on purpose is not a drop to recover from.
        self.socket.set_onopen(None);
        self.socket.set_onmessage(None);
        self.socket.set_onclose(None);
        let _ = self.socket.close();
    }
}
