//! The one error shape every failing API call answers with.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The body of every error response:
/// `{"error": {"code": "...", "message": "...", "fields": {"field": ["..."]}}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// What went wrong, for people and for programs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ErrorDetail {
    /// A stable machine-readable code, such as `validation_failed` or `not_found`.
    pub code: ErrorCode,
    /// A sentence a person can act on. Never contains internals (SQL, stack traces).
    pub message: String,
    /// Per-field messages for invalid input, keyed by the field's name in the request.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Vec<String>>,
}

/// The stable codes an error can carry; clients branch on these, never on messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body is not well-formed JSON.
    MalformedJson,
    /// The body is JSON but some fields are missing, unknown or invalid; see `fields`.
    ValidationFailed,
    /// The body is not JSON at all (wrong `Content-Type`).
    UnsupportedMediaType,
    /// The body is larger than the API accepts.
    PayloadTooLarge,
    /// Credentials are missing or wrong.
    Unauthorized,
    /// Too many attempts; retry after the `Retry-After` header's seconds.
    RateLimited,
    /// No such route or resource.
    NotFound,
    /// The route exists but not with this HTTP method.
    MethodNotAllowed,
    /// The request does not fit the state of what it changes (a closed conversation, a
    /// limit reached); the message says what.
    Conflict,
    /// Something failed on the server; the details are in its logs, not here.
    Internal,
}

impl ErrorCode {
    /// Every code.
    pub const ALL: [ErrorCode; 10] = [
        ErrorCode::MalformedJson,
        ErrorCode::ValidationFailed,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::Unauthorized,
        ErrorCode::RateLimited,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Conflict,
        ErrorCode::Internal,
    ];

    /// The wire name (`validation_failed`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Internal => "internal",
        }
    }

    /// Parses a wire name; unknown names are `None`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|code| code.as_str() == name)
    }
}

impl ErrorBody {
    /// An error without per-field messages.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code,
                message: message.into(),
                fields: BTreeMap::new(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_read_back_from_the_name_serde_writes() {
        for code in ErrorCode::ALL {
            let written = serde_json::to_value(code).unwrap();
            assert_eq!(written, code.as_str());
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
        }
    }
}
