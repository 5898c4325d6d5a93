//! How the built app is served: deep links to the pages, the security headers and the
//! pages' script hashes, precompressed files chosen by `Accept-Encoding`, the right content
//! types, year-long caching for content-hashed files, ETag revalidation for the rest, and
//! CORS for merchants' pages on other origins.

use crate::common::{error_of, TestApp, TestDatabase};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
};
use reqwest::StatusCode;

both_databases!(
    a_missing_hashed_file_is_a_404_not_the_app,
    responses_carry_a_strict_security_policy,
    the_app_is_served_with_deep_links_and_its_script_hash,
    hashed_modules_are_served_precompressed_and_cached_for_a_year,
    the_loader_and_pages_revalidate_by_etag,
    embed_files_can_be_loaded_from_other_origins,
);

const WASM: &str = "/embed/sf-example.0123456789abcdef.wasm";

/// A built app in a temporary folder: a loader, one element module with its compressed
/// copies (with distinguishable contents, so the test sees which one was sent), a page.
async fn app_with_built_files(database: TestDatabase) -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    let write = |path: &str, contents: &[u8]| {
        let path = dist.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    };
    write("portal/index.html", b"<!doctype html><title>Portal</title>");
    write("embed/storefront-support.js", b"// loader");
    write("embed/sf-example.0123456789abcdef.wasm", b"\0asm plain");
    write("embed/sf-example.0123456789abcdef.wasm.br", b"brotli bytes");
    write("embed/sf-example.0123456789abcdef.wasm.gz", b"gzip bytes");
    let static_dir = dist.path().to_owned();
    let app = TestApp::spawn_with(database, |config| config.static_dir = static_dir).await;
    (app, dist)
}

async fn hashed_modules_are_served_precompressed_and_cached_for_a_year(database: TestDatabase) {
    let (app, _dist) = app_with_built_files(database).await;
    for (accepts, encoding, body) in [
        ("br, gzip", Some("br"), "brotli bytes"),
        ("gzip", Some("gzip"), "gzip bytes"),
        ("identity", None, "\0asm plain"),
    ] {
        let response = app
            .get(WASM)
            .header(ACCEPT_ENCODING, accepts)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accepts}");
        let headers = response.headers().clone();
        assert_eq!(headers[CONTENT_TYPE], "application/wasm", "{accepts}");
        assert_eq!(
            headers.get(CONTENT_ENCODING).map(|v| v.to_str().unwrap()),
            encoding,
            "{accepts}"
        );
        assert_eq!(
            headers[CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert!(headers.contains_key(ETAG));
        assert_eq!(response.text().await.unwrap(), body, "{accepts}");
    }
    app.stop().await;
}

async fn the_loader_and_pages_revalidate_by_etag(database: TestDatabase) {
    let (app, _dist) = app_with_built_files(database).await;
    for (path, policy) in [
        ("/embed/storefront-support.js", "public, max-age=300"),
        ("/", "no-cache"),
    ] {
        let first = app.get(path).send().await.unwrap();
        assert_eq!(first.status(), StatusCode::OK, "{path}");
        assert_eq!(first.headers()[CACHE_CONTROL], policy, "{path}");
        let etag = first.headers()[ETAG].clone();

        let again = app
            .get(path)
            .header(IF_NONE_MATCH, etag.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(again.headers()[ETAG], etag);
        assert!(again.text().await.unwrap().is_empty());

        let stale = app
            .get(path)
            .header(IF_NONE_MATCH, "W/\"something-else\"")
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status(), StatusCode::OK, "{path}");
    }
    app.stop().await;
}

async fn embed_files_can_be_loaded_from_other_origins(database: TestDatabase) {
    let (app, _dist) = app_with_built_files(database).await;
    let response = app
        .get("/embed/storefront-support.js")
        .header("origin", "https://any-shop.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    assert_eq!(
        response.headers()["cross-origin-resource-policy"],
        "cross-origin"
    );
    // A policy means nothing on a script: it is left off, the bytes are every shop's.
    assert!(!response.headers().contains_key("content-security-policy"));
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    // The API itself stays limited to the configured storefronts.
    let api = app
        .get("/api/v1/health")
        .header("origin", "https://any-shop.example")
        .send()
        .await
        .unwrap();
    assert!(!api.headers().contains_key("access-control-allow-origin"));
    app.stop().await;
}

async fn responses_carry_a_strict_security_policy(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.health().await;
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    app.stop().await;
}

async fn the_app_is_served_with_deep_links_and_its_script_hash(database: TestDatabase) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dist.path().join("portal")).unwrap();
    std::fs::create_dir_all(dist.path().join("embed")).unwrap();
    std::fs::write(
        dist.path().join("portal/index.html"),
        "<!doctype html><title>Portal</title><script type=\"module\">start()</script>",
    )
    .unwrap();
    std::fs::write(dist.path().join("embed/storefront-support.js"), "// loader").unwrap();
    let static_dir = dist.path().to_owned();
    let app = TestApp::spawn_with(database, |config| config.static_dir = static_dir).await;

    let deep_link = app.get("/track").send().await.unwrap();
    assert_eq!(deep_link.status(), StatusCode::OK);
    let policy = deep_link.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("'sha256-"), "{policy}");
    assert!(deep_link
        .text()
        .await
        .unwrap()
        .contains("<title>Portal</title>"));

    let loader = app
        .get("/embed/storefront-support.js")
        .send()
        .await
        .unwrap();
    assert_eq!(loader.status(), StatusCode::OK);
    assert!(loader.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));

    let missing_api = app.get("/api/v1/nope").send().await.unwrap();
    assert_eq!(missing_api.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(missing_api).await["code"], "not_found");
    app.stop().await;
}

async fn a_missing_hashed_file_is_a_404_not_the_app(database: TestDatabase) {
    let (app, _dist) = app_with_built_files(database).await;
    let missing = app.get("/start.0123456789abcdef.js").send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(!missing.headers().contains_key(CACHE_CONTROL));
    let deep_link = app.get("/track").send().await.unwrap();
    assert_eq!(deep_link.status(), StatusCode::OK);
    assert!(deep_link
        .text()
        .await
        .unwrap()
        .contains("<title>Portal</title>"));
    app.stop().await;
}
