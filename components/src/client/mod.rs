//! The typed client of the support API: the only place that talks HTTP.
//!
//! Components ask for it with [`use_api_client`] and call one method per route; they get
//! `sf_api` types back, or a [`ClientError`] that says what a person can do about it.

use crate::i18n::CommonMsg;
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sf_api::agent::{AgentProfile, AgentSession, SignInRequest};
use sf_api::error::{ErrorBody, ErrorCode};
use sf_api::health::Health;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
use sf_api::tracking::{
    CustomerOrders, NotificationPreferences, OrderAccess, OrderLookupRequest, OrderTracking,
};
use std::future::Future;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// No answer: offline, DNS, CORS, or the server is down.
    #[error("the support service could not be reached")]
    Network,
    /// The API answered with its error shape.
    #[error("{} ({status})", .body.error.message)]
    Api {
        /// The HTTP status code.
        status: u16,
        /// The error as the API described it.
        body: ErrorBody,
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
            ClientError::Api { body, .. } if body.error.code == ErrorCode::RateLimited => {
                CommonMsg::TooManyAttempts
            }
            _ => CommonMsg::ServerError,
        }
    }
}

/// A handle on the support API at some base URL; `Copy`, so closures can take it freely.
#[derive(Clone, Copy, Debug)]
pub struct ApiClient {
    base: Signal<String>,
}

impl ApiClient {
    /// A client for the API at `base` (`""` for the page's own origin, or `https://support.example`).
    pub fn new(base: impl Into<Signal<String>>) -> Self {
        Self { base: base.into() }
    }

    /// The base URL, tracked: resources that read it refetch when it changes.
    pub fn base(&self) -> String {
        self.base.get().trim_end_matches('/').to_owned()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.base(), sf_api::API_PREFIX, path)
    }

    // Each method reads the base URL *before* its future starts, so a resource calling it
    // tracks `api-base` and refetches when the attribute changes.

    /// `GET /health`.
    pub fn health(self) -> impl Future<Output = Result<Health, ClientError>> {
        let url = self.url("/health");
        async move {
            // A degraded service answers 503 with a health body: that is an answer, not a failure.
            let response = send(Request::get(&url)).await?;
            if response.status() == 503 {
                return response
                    .json()
                    .await
                    .map_err(|_| ClientError::UnexpectedResponse(503));
            }
            read_json(response).await
        }
    }

    /// `POST /agent/session`.
    pub fn sign_in(
        self,
        request: SignInRequest,
    ) -> impl Future<Output = Result<AgentSession, ClientError>> {
        let url = self.url("/agent/session");
        async move { read_json(send_json(Request::post(&url), &request).await?).await }
    }

    /// `GET /agent/me`.
    pub fn current_agent(
        self,
        token: String,
    ) -> impl Future<Output = Result<AgentProfile, ClientError>> {
        let url = self.url("/agent/me");
        async move { read_json(send(with_token(Request::get(&url), &token)).await?).await }
    }

    /// `DELETE /agent/session`.
    pub fn sign_out(self, token: String) -> impl Future<Output = Result<(), ClientError>> {
        let url = self.url("/agent/session");
        async move {
            let response = send(with_token(Request::delete(&url), &token)).await?;
            if response.ok() {
                Ok(())
            } else {
                Err(error_from(response).await)
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
        let url = self.url("/orders/lookup");
        async move { read_json(send_json(Request::post(&url), &request).await?).await }
    }

    /// `POST /orders/signed-link`: the order a link from the store's email names.
    pub fn open_signed_link(
        self,
        link: SignedOrderLink,
    ) -> impl Future<Output = Result<OrderAccess, ClientError>> {
        let url = self.url("/orders/signed-link");
        async move { read_json(send_json(Request::post(&url), &link).await?).await }
    }

    /// `POST /orders/signed-customer`: the recent orders of a shopper the store signed in.
    pub fn open_signed_customer(
        self,
        customer: SignedCustomer,
    ) -> impl Future<Output = Result<CustomerOrders, ClientError>> {
        let url = self.url("/orders/signed-customer");
        async move { read_json(send_json(Request::post(&url), &customer).await?).await }
    }

    /// `GET /orders/{number}/tracking` with the order's token.
    pub fn order_tracking(
        self,
        order_number: &str,
        token: String,
    ) -> impl Future<Output = Result<OrderTracking, ClientError>> {
        let url = self.order_url(order_number, "/tracking");
        async move { read_json(send(with_token(Request::get(&url), &token)).await?).await }
    }

    /// `PUT /orders/{number}/notifications`: where status changes are sent; answers with
    /// the preferences as the server normalised them.
    pub fn set_notifications(
        self,
        order_number: &str,
        token: String,
        preferences: NotificationPreferences,
    ) -> impl Future<Output = Result<NotificationPreferences, ClientError>> {
        let url = self.order_url(order_number, "/notifications");
        async move {
            read_json(send_json(with_token(Request::put(&url), &token), &preferences).await?).await
        }
    }

    /// The address of the order's server-sent-events stream. The token goes in the query
    /// because `EventSource` cannot send an `Authorization` header.
    pub fn order_events_url(self, order_number: &str, token: &str) -> String {
        let token = String::from(js_sys::encode_uri_component(token));
        format!("{}?token={token}", self.order_url(order_number, "/events"))
    }

    fn order_url(&self, order_number: &str, rest: &str) -> String {
        let number = String::from(js_sys::encode_uri_component(order_number));
        self.url(&format!("/orders/{number}{rest}"))
    }
}

fn with_token(builder: RequestBuilder, token: &str) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {token}"))
}

async fn send(builder: RequestBuilder) -> Result<Response, ClientError> {
    builder.send().await.map_err(|_| ClientError::Network)
}

async fn send_json(
    builder: RequestBuilder,
    body: &impl Serialize,
) -> Result<Response, ClientError> {
    let request = builder
        .json(body)
        .map_err(|_| ClientError::UnexpectedResponse(0))?;
    request.send().await.map_err(|_| ClientError::Network)
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    if !response.ok() {
        return Err(error_from(response).await);
    }
    let status = response.status();
    response
        .json()
        .await
        .map_err(|_| ClientError::UnexpectedResponse(status))
}

async fn error_from(response: Response) -> ClientError {
    let status = response.status();
    let retry_after_seconds = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.parse().ok());
    match response.json::<ErrorBody>().await {
        Ok(body) => ClientError::Api {
            status,
            body,
            retry_after_seconds,
        },
        Err(_) => ClientError::UnexpectedResponse(status),
    }
}

/// Provides the client for everything below.
pub fn provide_api_client(base: impl Into<Signal<String>>) -> ApiClient {
    let client = ApiClient::new(base);
    provide_context(client);
    client
}

/// The client provided above; one for the page's own origin when nothing provided one.
pub fn use_api_client() -> ApiClient {
    use_context::<ApiClient>().unwrap_or_else(|| ApiClient::new(String::new()))
}
