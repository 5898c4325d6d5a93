//! The typed client of the support API: the only place that talks HTTP.
//!
//! Components ask for it with [`use_api_client`] and call one method per route; they get
//! `sf_api` types back, or a [`ClientError`] that says what a person can do about it.

mod read;
mod write;

use crate::i18n::CommonMsg;
use leptos::prelude::*;
use read::{FromJson, List};
use sf_api::agent::{AgentProfile, AgentSession, SignInRequest};
use sf_api::error::ErrorCode;
use sf_api::health::Health;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
use sf_api::tracking::{
    CustomerOrders, NotificationPreferences, OrderAccess, OrderLookupRequest, OrderTracking,
};
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

mod chat_desk;
mod help_centre;
mod help_desk;
pub(crate) mod live_chat;
mod returns_desk;
pub mod socket;

pub use chat_desk::read_desk_frame;
pub use live_chat::{client_frame_text, read_server_frame};

mod return_request;

mod review_form;
mod reviews;
mod reviews_desk;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// No answer: offline, DNS, CORS, or the server is down.
    #[error("the support service could not be reached")]
    Network,
    /// The API answered with its error shape (`sf_api::error::ErrorBody`).
    #[error("{message} ({status})")]
    Api {
        /// The HTTP status code.
        status: u16,
        /// The stable code to branch on.
        code: ErrorCode,
        /// The server's sentence (English).
        message: String,
        /// Each refused field's name in the request with one of its messages, in the
        /// server's order (a list, not the wire's map: a map's code is kilobytes of every
        /// module, for a handful of entries read once).
        fields: Vec<(String, String)>,
        /// Seconds from `Retry-After`, when the API sent one.
        retry_after_seconds: Option<u32>,
    },
    /// The API answered something this client does not understand.
    #[error("unexpected answer from the support service (HTTP {0})")]
    UnexpectedResponse(u16),
}

impl ClientError {
    /// The catalogue message a person should read for this failure, when no more
    /// specific one applies.
    pub fn generic_message(&self) -> CommonMsg {
        match self {
            ClientError::Network => CommonMsg::NetworkError,
            ClientError::Api {
                code: ErrorCode::RateLimited,
                ..
            } => CommonMsg::TooManyAttempts,
            _ => CommonMsg::ServerError,
        }
    }
}

/// A handle on the support API at some base URL; `Copy`, so closures can take it freely.
///
/// The client a component gets from [`use_api_client`] belongs to that component: what it
/// has in flight is aborted when the component goes, so no answer arrives for a view that
/// is no longer there and no connection is held for it.
#[derive(Clone, Copy, Debug)]
pub struct ApiClient {
    base: Signal<String>,
    /// Aborts this client's requests; `None` for a client no component owns.
    abort: Option<StoredValue<web_sys::AbortSignal, LocalStorage>>,
}

/// Where one request goes, and what aborts it.
struct Target {
    url: String,
    abort: Option<web_sys::AbortSignal>,
}

impl ApiClient {
    /// A client for the API at `base` (`""` for the page's own origin, or `https://support.example`).
    pub fn new(base: impl Into<Signal<String>>) -> Self {
        Self {
            base: base.into(),
            abort: None,
        }
    }

    /// This client for the current component: its requests are aborted when the component
    /// is cleaned up.
    fn owned_by_current_component(self) -> Self {
        let Ok(controller) = web_sys::AbortController::new() else {
            return self;
        };
        let signal = controller.signal();
        on_cleanup(move || controller.abort());
        Self {
            abort: Some(StoredValue::new_local(signal)),
            ..self
        }
    }

    /// The base URL, tracked: resources that read it refetch when it changes.
    pub fn base(&self) -> String {
        self.base.get().trim_end_matches('/').to_owned()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.base(), sf_api::API_PREFIX, path)
    }

    fn target(&self, path: &str) -> Target {
        Target {
            url: self.url(path),
            abort: self
                .abort
                .and_then(|abort| abort.try_with_value(Clone::clone)),
        }
    }

    // Each method reads the base URL *before* its future starts, so a resource calling it
    // tracks `api-base` and refetches when the attribute changes.

    /// `GET /health`; a failure is always [`ClientError::Network`] or
    /// [`ClientError::UnexpectedResponse`].
    pub fn health(self) -> impl Future<Output = Result<Health, ClientError>> {
        let target = self.target("/health");
        async move {
            // A degraded service answers 503 with a health body: that is an answer, not a
            // failure. Any other failure is only "not reachable" to whoever asks, so it is not
            // read as the API's error shape (which would ship that parser in modules that
            // only ask this).
            let answer = send("GET", target, None, None).await?;
            if !answer.ok() && answer.status != 503 {
                return Err(ClientError::UnexpectedResponse(answer.status));
            }
            answer
                .body
                .as_deref()
                .and_then(parse)
                .ok_or(ClientError::UnexpectedResponse(answer.status))
        }
    }

    /// `POST /agent/session`.
    pub fn sign_in(
        self,
        request: SignInRequest,
    ) -> impl Future<Output = Result<AgentSession, ClientError>> {
        let target = self.target("/agent/session");
        let body = to_json(&request);
        async move { send("POST", target, None, body?).await?.into_result() }
    }

    /// `GET /agent/me`.
    pub fn current_agent(
        self,
        token: String,
    ) -> impl Future<Output = Result<AgentProfile, ClientError>> {
        let target = self.target("/agent/me");
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `DELETE /agent/session`.
    pub fn sign_out(self, token: String) -> impl Future<Output = Result<(), ClientError>> {
        let target = self.target("/agent/session");
        async move {
            let answer = send("DELETE", target, Some(&token), None).await?;
            if answer.ok() {
                Ok(())
            } else {
                Err(answer.error())
            }
        }
    }
}

impl ApiClient {
    /// `POST /orders/lookup`: the order for this number and email, and a token for it.
    pub fn look_up_order(
        self,
        request: OrderLookupRequest,
    ) -> impl Future<Output = Result<OrderAccess, ClientError>> {
        let target = self.target("/orders/lookup");
        let body = to_json(&request);
        async move { send("POST", target, None, body?).await?.into_result() }
    }

    /// `POST /orders/signed-link`: the order a link from the store's email names.
    pub fn open_signed_link(
        self,
        link: SignedOrderLink,
    ) -> impl Future<Output = Result<OrderAccess, ClientError>> {
        let target = self.target("/orders/signed-link");
        let body = to_json(&link);
        async move { send("POST", target, None, body?).await?.into_result() }
    }

    /// `POST /orders/signed-customer`: the recent orders of a shopper the store signed in.
    pub fn open_signed_customer(
        self,
        customer: SignedCustomer,
    ) -> impl Future<Output = Result<CustomerOrders, ClientError>> {
        let target = self.target("/orders/signed-customer");
        let body = to_json(&customer);
        async move { send("POST", target, None, body?).await?.into_result() }
    }

    /// `GET /orders/{number}/tracking` with the order's token.
    pub fn order_tracking(
        self,
        order_number: &str,
        token: String,
    ) -> impl Future<Output = Result<OrderTracking, ClientError>> {
        let target = self.order_target(order_number, "/tracking");
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `PUT /orders/{number}/notifications`: where status changes are sent; answers with
    /// the preferences as the server normalised them.
    pub fn set_notifications(
        self,
        order_number: &str,
        token: String,
        preferences: NotificationPreferences,
    ) -> impl Future<Output = Result<NotificationPreferences, ClientError>> {
        let target = self.order_target(order_number, "/notifications");
        let body = to_json(&preferences);
        async move {
            send("PUT", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }

    /// The address of the order's server-sent-events stream. The token goes in the query
    /// because `EventSource` cannot send an `Authorization` header.
    pub fn order_events_url(self, order_number: &str, token: &str) -> String {
        let token = String::from(js_sys::encode_uri_component(token));
        format!(
            "{}?token={token}",
            self.url(&Self::order_path(order_number, "/events"))
        )
    }

    fn order_path(order_number: &str, rest: &str) -> String {
        let number = String::from(js_sys::encode_uri_component(order_number));
        format!("/orders/{number}{rest}")
    }

    fn order_target(&self, order_number: &str, rest: &str) -> Target {
        self.target(&Self::order_path(order_number, rest))
    }
}

// The browser's `fetch`, straight through web-sys: an HTTP wrapper crate (with its own
// request builder, header map and error type) cost several kilobytes of every module.

/// What the server answered: status, `Retry-After`, and the body as text (`None` when it
/// could not be read).
struct Answer {
    status: u16,
    retry_after_seconds: Option<u32>,
    body: Option<String>,
}

impl Answer {
    fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as `T`, when it is one (see [`read`]).
    fn parse<T: FromJson>(&self) -> Option<T> {
        parse(self.body.as_deref()?)
    }

    /// The body as `T` for a success, else the API's error.
    fn into_result<T: FromJson>(self) -> Result<T, ClientError> {
        if !self.ok() {
            return Err(self.error());
        }
        self.parse()
            .ok_or(ClientError::UnexpectedResponse(self.status))
    }

    /// The failure this answer describes.
    fn error(&self) -> ClientError {
        match self.parse::<read::ErrorAnswer>() {
            Some(read::ErrorAnswer {
                code,
                message,
                fields,
            }) => ClientError::Api {
                status: self.status,
                code,
                message,
                fields,
                retry_after_seconds: self.retry_after_seconds,
            },
            None => ClientError::UnexpectedResponse(self.status),
        }
    }
}

/// `body` as `T`: the browser's `JSON.parse` does the parsing (its parser is already there,
/// and a Rust one would be downloaded), and [`read`] takes the parts.
fn parse<T: FromJson>(body: &str) -> Option<T> {
    T::from_json(&js_sys::JSON::parse(body).ok()?)
}

/// A `GET` answering a JSON array.
async fn read_list<T: FromJson>(
    target: Target,
    token: Option<String>,
) -> Result<Vec<T>, ClientError> {
    let answer = send("GET", target, token.as_deref(), None).await?;
    if !answer.ok() {
        return Err(answer.error());
    }
    answer
        .body
        .as_deref()
        .and_then(parse::<List<T>>)
        .map(|list| list.0)
        .ok_or(ClientError::UnexpectedResponse(answer.status))
}

/// A request body as JSON; written before the request starts.
fn to_json(body: &impl write::ToJson) -> Result<Option<String>, ClientError> {
    write::to_json(body)
        .map(Some)
        .ok_or(ClientError::UnexpectedResponse(0))
}

/// One request with a JSON body, if any; only a failure to get any answer is an error here.
async fn send(
    method: &str,
    target: Target,
    token: Option<&str>,
    json: Option<String>,
) -> Result<Answer, ClientError> {
    let body = json.map(|json| (JsValue::from(json), "application/json".to_owned()));
    send_body(method, target, token, body).await
}

/// One request with a body of the given media type, if any (a JSON text, or a file).
async fn send_body(
    method: &str,
    target: Target,
    token: Option<&str>,
    body: Option<(JsValue, String)>,
) -> Result<Answer, ClientError> {
    let network = |_: JsValue| ClientError::Network;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(network)?;
    if let Some(token) = token {
        headers
            .set("Authorization", &format!("Bearer {token}"))
            .map_err(network)?;
    }
    if let Some((body, media_type)) = body {
        headers.set("Content-Type", &media_type).map_err(network)?;
        init.set_body(&body);
    }
    init.set_headers(&headers);
    init.set_signal(target.abort.as_ref());
    let response: web_sys::Response =
        JsFuture::from(window().fetch_with_str_and_init(&target.url, &init))
            .await
            .map_err(network)?
            .unchecked_into();
    let retry_after_seconds = response
        .headers()
        .get("retry-after")
        .ok()
        .flatten()
        .and_then(|value| value.parse().ok());
    let body = match response.text() {
        Ok(text) => JsFuture::from(text)
            .await
            .ok()
            .and_then(|text| text.as_string()),
        Err(_) => None,
    };
    Ok(Answer {
        status: response.status(),
        retry_after_seconds,
        body,
    })
}

/// A new idempotency key (a chat message's id, a return's request id), unique enough
/// within what it keys: the time and a random part.
pub fn new_client_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("c{now}-{random}")
}

/// Provides the client for everything below.
pub fn provide_api_client(base: impl Into<Signal<String>>) -> ApiClient {
    let client = ApiClient::new(base);
    provide_context(client);
    client
}

/// The client provided above (one for the page's own origin when nothing provided one),
/// owned by the calling component: its requests in flight are aborted when it goes.
pub fn use_api_client() -> ApiClient {
    use_context::<ApiClient>()
        .unwrap_or_else(|| ApiClient::new(String::new()))
        .owned_by_current_component()
}
