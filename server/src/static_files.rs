//! Serving the built app: the portal and desk (a single-page app), the loader and the
//! per-element modules merchants load, and the demo merchant page; plus the security
//! headers of every response.
//!
//! Files are sent as the build left them: precompressed (`.br`, `.gz` beside each file,
//! picked by `Accept-Encoding`), so nothing is compressed per request. Content-hashed files
//! are cached for a year; the loader and pages revalidate with an ETag.

use crate::error::ApiError;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

const STANDARD_BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// For files whose name carries their content's hash: they never change.
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// For the loader: its URL is stable, so a new release must reach pages within minutes.
const SHORT_LIVED: HeaderValue = HeaderValue::from_static("public, max-age=300");
/// For pages: always revalidated (cheaply, by ETag), so a release shows at once.
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// `/embed/…` from `<static_dir>/embed`; every other non-API path from `<static_dir>/portal`,
/// falling back to its `index.html` so deep links into the app work on reload.
pub fn routes(static_dir: &Path) -> Router<AppState> {
    let portal_dir = static_dir.join("portal");
    if !portal_dir.join("index.html").is_file() {
        tracing::warn!(
            dir = %portal_dir.display(),
            "no built app here: only the API is served (build it with `cargo xtask run`)"
        );
    }
    let portal_files = ServeDir::new(&portal_dir)
        .precompressed_br()
        .precompressed_gzip();
    let portal_app = portal_files.clone().fallback(
        ServeFile::new(portal_dir.join("index.html"))
            .precompressed_br()
            .precompressed_gzip(),
    );
    let embed = ServeDir::new(static_dir.join("embed"))
        .precompressed_br()
        .precompressed_gzip();
    let etags = Arc::new(EntityTags::of_folder(static_dir));
    Router::new()
        .nest_service("/embed", embed)
        .fallback(move |request: Request| {
            let (portal_files, portal_app) = (portal_files.clone(), portal_app.clone());
            async move {
                let path = request.uri().path();
                // An API path that matched nothing is an API error, never the app's HTML.
                if path.starts_with("/api/") {
                    return ApiError::NotFound.into_response();
                }
                // A deep link into the app (`/track`) gets the app; a missing file
                // (`/start.<old hash>.js`) a 404, never the app's HTML under a name that
                // browsers would then cache for a year.
                let is_file = path
                    .rsplit('/')
                    .next()
                    .is_some_and(|name| name.contains('.'));
                let answer = if is_file {
                    portal_files.oneshot(request).await
                } else {
                    portal_app.oneshot(request).await
                };
                match answer {
                    Ok(response) => response.into_response(),
                    Err(never) => match never {},
                }
            }
        })
        .layer(axum::middleware::from_fn_with_state(etags, cache_headers))
}

/// The ETag of every built file by its URL path, computed once at start.
#[derive(Debug, Default)]
pub struct EntityTags(HashMap<String, HeaderValue>);

impl EntityTags {
    /// Hashes every file under `static_dir` (`embed/` at `/embed/…`, `portal/` at `/…`).
    pub fn of_folder(static_dir: &Path) -> Self {
        let mut tags = HashMap::new();
        add_tags(&static_dir.join("portal"), "", &mut tags);
        add_tags(&static_dir.join("embed"), "/embed", &mut tags);
        Self(tags)
    }

    fn get(&self, path: &str) -> Option<&HeaderValue> {
        self.0.get(path)
    }
}

fn add_tags(folder: &Path, url_prefix: &str, tags: &mut HashMap<String, HeaderValue>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let url = format!("{url_prefix}/{name}");
        if path.is_dir() {
            add_tags(&path, &url, tags);
            continue;
        }
        // The compressed copies are the same entity as the file they were made from.
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        // Weak: the brotli, gzip and plain bodies differ byte for byte but mean the same.
        let digest = hex::encode(&Sha256::digest(&bytes)[..12]);
        let Ok(tag) = HeaderValue::from_str(&format!("W/\"{digest}\"")) else {
            continue;
        };
        if name == "index.html" {
            tags.insert(format!("{url_prefix}/"), tag.clone());
        }
        tags.insert(url, tag);
    }
}

/// Whether a file name carries its content's hash (`NAME.<16 hex digits>.EXT`, as the
/// build writes them).
pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts = name.rsplit('.');
    let (_extension, hash) = (parts.next(), parts.next());
    parts.next().is_some()
        && hash.is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Cache-Control and ETag on every file response, and `304 Not Modified` when the browser
/// already has the file.
async fn cache_headers(
    State(etags): State<Arc<EntityTags>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let etag = etags.get(&path).cloned();
    let policy = if is_content_hashed(&path) {
        IMMUTABLE
    } else if path.starts_with("/embed/") {
        SHORT_LIVED
    } else {
        REVALIDATE
    };
    if let Some(etag) = &etag {
        if already_has(request.headers(), etag) {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            let headers = response.headers_mut();
            headers.insert(header::ETAG, etag.clone());
            headers.insert(header::CACHE_CONTROL, policy);
            return response;
        }
    }
    let embed = path.starts_with("/embed/");
    let mut response = next.run(request).await;
    if response.status() != StatusCode::OK || path.starts_with("/api/") {
        return response;
    }
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, policy);
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(etag) = etag {
        headers.insert(header::ETAG, etag);
    }
    if embed {
        // Merchants' pages are on other origins: module scripts and WebAssembly are fetched
        // in CORS mode. These files are public and carry no credentials.
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        headers.insert(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        );
    }
    response
}

/// Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET).
fn already_has(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(wanted) = etag.to_str().ok().map(|tag| tag.trim_start_matches("W/")) else {
        return false;
    };
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|candidate| candidate.trim())
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == wanted)
}

/// The strict Content-Security-Policy every page is served with.
///
/// Scripts come only from this origin (plus WebAssembly compilation). The build starts the
/// app from a script file; should `index.html` ever carry an inline script, the hash of
/// exactly that script is allowed rather than loosening the policy.
pub fn content_security_policy(index_html: Option<&str>) -> String {
    let inline_hashes: String = index_html
        .map(inline_script_bodies)
        .unwrap_or_default()
        .iter()
        .map(|body| {
            format!(
                " 'sha256-{}'",
                STANDARD_BASE64.encode(Sha256::digest(body.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{inline_hashes}; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`, exactly as written.
fn inline_script_bodies(html: &str) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after_open = &rest[open..];
        let Some(tag_end) = after_open.find('>') else {
            break;
        };
        let tag = &after_open[..tag_end];
        let body_and_rest = &after_open[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") && !body_and_rest[..close].trim().is_empty() {
            bodies.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    bodies
}

/// Adds the security headers to every response of `router` (API and files alike).
pub fn with_security_headers(router: Router, static_dir: &Path) -> Router {
    let index_html = std::fs::read_to_string(static_dir.join("portal").join("index.html")).ok();
    let policy = HeaderValue::from_str(&content_security_policy(index_html.as_deref()))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    router.layer(axum::middleware::map_response(
        move |mut response: Response| {
            let headers = response.headers_mut();
            // A policy governs documents; on a script, module or stylesheet it does nothing,
            // and every shop page with an element would pay its ~270 bytes per file.
            let is_subresource = headers
                .get(header::CONTENT_TYPE)
                .and_then(|value| value.to_str().ok())
                .is_some_and(|kind| {
                    [
                        "text/javascript",
                        "application/javascript",
                        "application/wasm",
                        "text/css",
                    ]
                    .iter()
                    .any(|subresource| kind.starts_with(subresource))
                });
            // A response with its own policy keeps it (an uploaded image's sandbox).
            if !is_subresource && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
                headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
            }
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            headers.insert(
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            );
            std::future::ready(response)
        },
    ))
}

/// A small valid PNG (16×16, one terracotta colour): the demo's review photos, and what
/// the integration tests upload wherever an image is sent.
pub const SAMPLE_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x91, 0x68,
    0x36, 0x00, 0x00, 0x00, 0x16, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0x92, 0x65, 0x4f,
    0x12, 0x62, 0x18, 0xd5, 0x30, 0xaa, 0x61, 0xf8, 0x6a, 0x00, 0x00, 0x90, 0xd1, 0x6d, 0x10, 0xb3,
    0x80, 0x92, 0x2a, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// An image shown in other origins' pages (a shop, the desk): its type, never sniffed; a
/// policy that keeps any script in it from running were it opened on its own; and readable
/// across origins. Chat images and the help centre's illustrations answer this way.
pub fn embeddable_image(
    media_type: &str,
    cache_control: &'static str,
    content_security_policy: &'static str,
    bytes: impl Into<axum::body::Body>,
) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (header::CACHE_CONTROL, cache_control.to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (
                header::CONTENT_SECURITY_POLICY,
                content_security_policy.to_owned(),
            ),
            (
                header::HeaderName::from_static("cross-origin-resource-policy"),
                "cross-origin".to_owned(),
            ),
        ],
        bytes.into(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashed_names_are_recognised() {
        assert!(is_content_hashed(
            "/embed/sf-shipment-tracker.0123456789abcdef.wasm"
        ));
        assert!(is_content_hashed("/portal.0123456789ABCDEF.css"));
        assert!(!is_content_hashed("/embed/storefront-support.js"));
        assert!(!is_content_hashed("/0123456789abcdef.js"));
        assert!(!is_content_hashed("/embed/a.0123456789abcdeg.js"));
        assert!(!is_content_hashed("/demo/index.html"));
    }

    #[test]
    fn if_none_match_is_compared_weakly_and_in_lists() {
        let etag = HeaderValue::from_static("W/\"abc\"");
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static(value));
            headers
        };
        assert!(already_has(&with("W/\"abc\""), &etag));
        assert!(already_has(&with("\"x\", \"abc\""), &etag));
        assert!(already_has(&with("*"), &etag));
        assert!(!already_has(&with("\"abd\""), &etag));
        assert!(!already_has(&HeaderMap::new(), &etag));
    }

    #[test]
    fn inline_scripts_are_allowed_by_hash_only() {
        let html = r#"<script src="/a.js"></script><script type="module">boot()</script>"#;
        assert_eq!(inline_script_bodies(html), vec!["boot()"]);
        let policy = content_security_policy(Some(html));
        // sha256("boot()"), base64
        let expected = STANDARD_BASE64.encode(Sha256::digest(b"boot()"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert!(!policy.contains("unsafe-inline"));
    }
}
