//! The one error type of the API. Every handler returns `Result<_, ApiError>`, and every
//! error leaves the server in the JSON shape of [`sf_api::error::ErrorBody`].
//!
//! It knows no feature: a feature with errors of its own keeps them in its own enum (such as
//! [`crate::tracking::TrackingError`]) and converts them with `From`, choosing the words.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sf_api::error::{ErrorBody, ErrorCode, ErrorDetail};
use std::collections::BTreeMap;
use std::time::Duration;

/// Per-field messages: field name → what to fix.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Refusals collected field by field, so a form hears every problem at once, then answered
/// in the one 422 shape ([`ApiError::Validation`]).
#[derive(Debug, Default)]
pub struct Refusals(FieldErrors);

impl Refusals {
    /// Adds what to fix in `field`.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_default().push(message.into());
    }

    /// `Err` with every refusal, when there is one.
    pub fn into_result(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.0))
        }
    }
}

/// Everything that can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not well-formed JSON.
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// Some fields are missing, unknown or invalid.
    #[error("validation failed: {0:?}")]
    Validation(FieldErrors),
    /// The request did not say its body is JSON.
    #[error("expected a JSON body")]
    UnsupportedMediaType,
    /// The body is over the size limit.
    #[error("request body too large")]
    PayloadTooLarge,
    /// Missing or wrong credentials.
    #[error("unauthorized")]
    Unauthorized,
    /// Too many attempts; the client may retry after this long.
    #[error("rate limited for {0:?}")]
    RateLimited(Duration),
    /// Too many of something held open at once (not attempts, so no `Retry-After`: the
    /// client closes one first); the words say what to close.
    #[error("too many open: {0}")]
    TooManyOpen(&'static str),
    /// A webhook or signed link whose signature is missing, wrong or expired.
    #[error("bad signature")]
    BadSignature,
    /// No such route or record.
    #[error("not found")]
    NotFound,
    /// Nothing matches what the client gave; the words say what to check.
    #[error("nothing matches: {0}")]
    NothingMatches(&'static str),
    /// The request does not fit the state of what it changes; the words say what.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// An upload that is not an image of a format the API takes.
    #[error("not a supported image")]
    UnsupportedImage,
    /// The route does not take this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A database failure; logged, never shown.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Any other failure on our side; logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Fields refused by the rules shared with the browser (`sf_api::validation::Validate`),
/// each with the server's English sentence.
impl From<Vec<sf_api::validation::FieldRefusal>> for ApiError {
    fn from(refusals: Vec<sf_api::validation::FieldRefusal>) -> Self {
        let mut fields = FieldErrors::new();
        for refusal in refusals {
            fields
                .entry(refusal.field.name.to_owned())
                .or_default()
                .push(refusal.problem.english(refusal.field.label));
        }
        ApiError::Validation(fields)
    }
}

impl ApiError {
    /// A validation error on a single field.
    pub fn field(name: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(BTreeMap::from([(name.to_owned(), vec![message.into()])]))
    }

    fn status_code_and_message(&self) -> (StatusCode, ErrorCode, &'static str) {
        match self {
            ApiError::MalformedJson(_) => (
                StatusCode::BAD_REQUEST,
                ErrorCode::MalformedJson,
                "The request body is not valid JSON.",
            ),
            ApiError::Validation(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                "Some details need correcting.",
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "Send the request body as JSON with Content-Type: application/json.",
            ),
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                "The request is too large.",
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthorized,
                "The sign-in details are not right, or the session has ended.",
            ),
            ApiError::RateLimited(_) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                "Too many attempts. Wait a moment, then try again.",
            ),
            ApiError::TooManyOpen(message) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                message,
            ),
            ApiError::BadSignature => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthorized,
                "The signature is missing, wrong or expired.",
            ),
            ApiError::NothingMatches(message) => {
                (StatusCode::NOT_FOUND, ErrorCode::NotFound, message)
            }
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "There is nothing at this address.",
            ),
            ApiError::Conflict(message) => (StatusCode::CONFLICT, ErrorCode::Conflict, message),
            ApiError::UnsupportedImage => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "Send a PNG, JPEG, GIF or WebP image.",
            ),
            ApiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorCode::MethodNotAllowed,
                "This address does not accept that method.",
            ),
            ApiError::Database(_) | ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "Something went wrong on our side. Please try again in a moment.",
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.status_code_and_message();
        if status.is_server_error() {
            // The details stay in the log: a client only ever sees the generic sentence.
            tracing::error!(error = %self, "request failed");
        }
        let retry_after = match &self {
            ApiError::RateLimited(wait) => Some(wait.as_secs().max(1)),
            _ => None,
        };
        let fields = match self {
            ApiError::Validation(fields) => fields,
            _ => BTreeMap::new(),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code,
                message: message.to_owned(),
                fields,
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// Answers a known route called with a method it does not take.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Turns a panic inside a handler into the generic 500, so no message or trace leaks.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    ApiError::Internal(format!("handler panicked: {detail}")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn internal_errors_never_show_their_details() {
        let response =
            ApiError::Internal("SELECT secret FROM agents; at src/x.rs:1".into()).into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let text = body_text(response).await;
        assert!(!text.contains("SELECT"), "{text}");
        assert!(text.contains("\"code\":\"internal\""), "{text}");
    }

    #[tokio::test]
    async fn a_panic_becomes_a_generic_500() {
        let response = panic_response(Box::new("index out of bounds at src/lib.rs:42"));
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let text = body_text(response).await;
        assert!(!text.contains("src/lib.rs"), "{text}");
    }

    #[tokio::test]
    async fn a_features_words_reach_the_client() {
        let response = ApiError::NothingMatches("Check the parcel number.").into_response();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let text = body_text(response).await;
        assert!(
            text.contains("\"message\":\"Check the parcel number.\""),
            "{text}"
        );
        let response = ApiError::TooManyOpen("Close a chat first.").into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response.headers().get(header::RETRY_AFTER).is_none(),
            "waiting does not help: closing one does"
        );
    }

    #[tokio::test]
    async fn rate_limited_sets_retry_after() {
        let response = ApiError::RateLimited(Duration::from_secs(7)).into_response();
        assert_eq!(response.headers()[header::RETRY_AFTER], "7");
    }
}
