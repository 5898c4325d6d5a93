//! Serving the built app: the portal and desk (a single-page app), the embed bundle
//! merchants load, and the demo merchant page; plus the security headers of every response.

use crate::error::ApiError;
use crate::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

const STANDARD_BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

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
    let portal = ServeDir::new(&portal_dir).fallback(ServeFile::new(portal_dir.join("index.html")));
    let embed = ServeDir::new(static_dir.join("embed"));
    Router::new()
        .nest_service("/embed", embed)
        .fallback(move |request: Request| {
            let portal = portal.clone();
            async move {
                // An API path that matched nothing is an API error, never the app's HTML.
                if request.uri().path().starts_with("/api/") {
                    return ApiError::NotFound.into_response();
                }
                match portal.oneshot(request).await {
                    Ok(response) => response.into_response(),
                    Err(never) => match never {},
                }
            }
        })
}

/// The strict Content-Security-Policy every page is served with.
///
/// Scripts come only from this origin (plus WebAssembly compilation). Trunk writes one
/// small inline module script into `index.html` to start the app; rather than loosening
/// the policy, the hash of exactly that script is allowed.
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
            headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
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

#[cfg(test)]
mod tests {
    use super::*;

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
