//! Extractors whose every failure is an [`ApiError`] in the one JSON error shape, instead
//! of axum's plain-text rejections: [`ApiJson`] for bodies, [`JsonBytes`] for bodies that
//! must be seen as sent (signed webhooks), [`read_image`] for uploads, [`ApiPath`] and [`ApiQuery`] for the URL.
//!
//! They also refuse text containing NUL (`\u0000`): it is valid JSON and valid in a URL,
//! but PostgreSQL cannot store it, so it is stopped here, the same on both databases.

use crate::error::{ApiError, FieldErrors};
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, RawPathParamsRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The field message for text containing NUL.
const NUL_MESSAGE: &str = "This text contains a character that is not allowed.";

/// A request body parsed from JSON into `T`.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let JsonBytes(bytes) = JsonBytes::from_request(request, state).await?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// A JSON request body as the exact bytes sent, after checking its `Content-Type` and size;
/// for routes that verify a signature over the bytes before parsing them with [`parse_json`].
pub struct JsonBytes(pub Bytes);

impl<S> FromRequest<S> for JsonBytes
where
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !says_json(request.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        // `Bytes` honours the body limit layer; its only failures are "too large" or a broken connection.
        Bytes::from_request(request, state)
            .await
            .map(JsonBytes)
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::MalformedJson("could not read the body".into())
                }
            })
    }
}

/// An uploaded image's bytes, up to [`sf_api::live_chat::MAX_IMAGE_BYTES`], read by the route
/// once it knows the sender may send one. Its format is found from the bytes
/// ([`sf_api::live_chat::ImageFormat::sniff`]): the `Content-Type` a client sends is not
/// believed.
pub async fn read_image(body: axum::body::Body) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, sf_api::live_chat::MAX_IMAGE_BYTES)
        .await
        .map_err(|error| {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if too_large {
                ApiError::PayloadTooLarge
            } else {
                ApiError::UnsupportedImage
            }
        })
}

fn says_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim();
            mime == "application/json" || mime.ends_with("+json")
        })
}

/// Parses `bytes` as `T`, naming the field at fault when the JSON is well-formed but wrong,
/// and refusing text that contains NUL.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    let parsed = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                ApiError::Validation(field_errors(&path, &inner.to_string()))
            }
            _ => ApiError::MalformedJson(inner.to_string()),
        }
    })?;
    // JSON can only carry NUL escaped, so bodies without the escape (nearly all) skip the walk.
    if contains(bytes, b"\\u0000") {
        if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
            if let Some(field) = nul_field(&value, String::new()) {
                return Err(ApiError::field(&field, NUL_MESSAGE));
            }
        }
    }
    Ok(parsed)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// The path (as in field errors: `a.b[0]`, `body` for the whole) of the first string or
/// object key containing NUL.
fn nul_field(value: &Value, path: String) -> Option<String> {
    let named = |path: String| {
        if path.is_empty() {
            "body".to_owned()
        } else {
            path
        }
    };
    match value {
        Value::String(text) => text.contains('\0').then(|| named(path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| nul_field(item, format!("{path}[{index}]"))),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let inner = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if key.contains('\0') {
                Some(named(path.clone()))
            } else {
                nul_field(item, inner)
            }
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

/// Path parameters parsed into `T`. A parameter that is empty, contains NUL, or does not
/// parse (such as invalid UTF-8, `%FF`) names nothing that exists: 404.
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|rejection| match rejection {
                RawPathParamsRejection::MissingPathParams(_) => {
                    ApiError::Internal("path parameters asked of a route without any".into())
                }
                _ => ApiError::NotFound,
            })?;
        if raw
            .iter()
            .any(|(_, value)| value.trim().is_empty() || value.contains('\0'))
        {
            return Err(ApiError::NotFound);
        }
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(|rejection| match rejection {
                PathRejection::MissingPathParams(_) => {
                    ApiError::Internal("path parameters asked of a route without any".into())
                }
                _ => ApiError::NotFound,
            })
    }
}

/// The query string parsed into `T`; a missing, unknown or invalid parameter is a 422 naming it.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default().as_bytes();
        let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query));
        let parsed = serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let path = error.path().to_string();
            ApiError::Validation(field_errors(&path, &error.into_inner().to_string()))
        })?;
        if let Some((name, _)) = form_urlencoded::parse(query)
            .find(|(name, value)| name.contains('\0') || value.contains('\0'))
        {
            let name = if name.contains('\0') {
                "query".into()
            } else {
                name
            };
            return Err(ApiError::field(&name, NUL_MESSAGE));
        }
        Ok(ApiQuery(parsed))
    }
}

/// Words a person can act on for serde's data errors (`text`), keyed by field name.
fn field_errors(path: &str, text: &str) -> FieldErrors {
    let quoted = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let at_root = path == "." || path.is_empty();
    let join = |name: String| {
        if at_root {
            name
        } else {
            format!("{path}.{name}")
        }
    };
    // serde_path_to_error's path ends at an unknown field when the format tracks it (JSON),
    // but stops at the parent of a missing one; the message names either.
    let (field, message) = if let Some(name) = quoted("unknown field `") {
        let field = if at_root { name } else { path.to_owned() };
        (field, "This field is not accepted.".to_owned())
    } else if let Some(name) = quoted("missing field `") {
        (join(name), "This field is required.".to_owned())
    } else if text.starts_with("invalid type") {
        let expected = text
            .split(", expected ")
            .nth(1)
            .and_then(|rest| rest.split(" at line").next())
            .unwrap_or_default();
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

/// Serde describes what it expected in Rust's words ("u32", "struct Delivery"); a person
/// wants plain ones, and an answer must never name our types, so anything unknown is vague.
fn plain_type_name(expected: &str) -> &'static str {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "i8" | "i16" | "i32" | "i64" | "i128" | "usize"
        | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" | "a char" | "a character" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        other if other.starts_with("struct") || other.starts_with("a map") => "an object",
        other if other.starts_with("tuple") || other.starts_with("an array") => "a list",
        _ => "a different kind of value",
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
