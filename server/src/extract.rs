//! `ApiJson<T>`: a JSON body extractor whose every failure is an [`ApiError`] with
//! per-field messages, instead of axum's plain-text rejections.

use crate::error::{ApiError, FieldErrors};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;

/// A request body parsed from JSON into `T`.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim();
                mime == "application/json" || mime.ends_with("+json")
            });
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        // `Bytes` honours the body limit layer; its only failures are "too large" or a broken connection.
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::MalformedJson("could not read the body".into())
                }
            })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Parses `bytes` as `T`, naming the field at fault when the JSON is well-formed but wrong.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => ApiError::Validation(field_errors(&path, &inner)),
            _ => ApiError::MalformedJson(inner.to_string()),
        }
    })
}

/// Words a person can act on for serde's data errors, keyed by field name.
fn field_errors(path: &str, error: &serde_json::Error) -> FieldErrors {
    let text = error.to_string();
    let quoted = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let join = |name: String| {
        if path == "." || path.is_empty() {
            name
        } else {
            format!("{path}.{name}")
        }
    };
    // serde_path_to_error's path already ends at an unknown field, but stops at the parent of a missing one.
    let (field, message) = if text.starts_with("unknown field `") {
        (path.to_owned(), "This field is not accepted.".to_owned())
    } else if let Some(name) = quoted("missing field `") {
        (join(name), "This field is required.".to_owned())
    } else if text.starts_with("invalid type") {
        let expected = text
            .split(", expected ")
            .nth(1)
            .and_then(|rest| rest.split(" at line").next())
            .unwrap_or("another type");
        (
            path.to_owned(),
            format!("This field must be {}.", plain_type_name(expected)),
        )
    } else {
        (path.to_owned(), "This value is not accepted.".to_owned())
    };
    let field = if field == "." || field.is_empty() {
        "body".to_owned()
    } else {
        field
    };
    FieldErrors::from([(field, vec![message])])
}

/// Serde names Rust types ("u32", "a string"); a person wants plain words.
fn plain_type_name(expected: &str) -> &str {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" | "isize" => {
            "a whole number"
        }
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        other if other.starts_with("struct") || other.starts_with("a map") => "an object",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // only the parse outcome matters here
    struct Sample {
        email: String,
        count: u32,
    }

    fn fields(result: Result<Sample, ApiError>) -> FieldErrors {
        match result {
            Err(ApiError::Validation(fields)) => fields,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_the_unknown_missing_and_mistyped_fields() {
        let unknown = fields(parse_json(br#"{"email":"a","count":1,"admin":true}"#));
        assert_eq!(unknown["admin"], vec!["This field is not accepted."]);
        let missing = fields(parse_json(br#"{"count":1}"#));
        assert_eq!(missing["email"], vec!["This field is required."]);
        let mistyped = fields(parse_json(br#"{"email":"a","count":"many"}"#));
        assert_eq!(
            mistyped["count"],
            vec!["This field must be a whole number."]
        );
    }

    #[test]
    fn broken_json_is_malformed_not_invalid() {
        assert!(matches!(
            parse_json::<Sample>(b"{\"email\":"),
            Err(ApiError::MalformedJson(_))
        ));
    }
}
