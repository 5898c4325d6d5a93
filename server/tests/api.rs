//! Integration tests of the foundation: health, OpenAPI, errors, agent sign-in, static files.
//! Each test starts the real server on port 0 with a fresh database, once per database.

mod common;

use common::{assert_rate_limited, error_of, openapi_document, TestApp, TestDatabase};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sf_server::demo::{DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD};

both_databases!(
    health_reports_ok_and_version,
    openapi_document_covers_every_route,
    unknown_api_route_is_a_json_404,
    wrong_method_is_a_json_405,
    malformed_json_is_a_400,
    unknown_and_missing_fields_are_named,
    invalid_values_get_messages_per_field,
    a_body_that_is_not_json_is_a_415,
    an_oversize_body_is_a_413,
    agent_signs_in_sees_who_they_are_and_signs_out,
    wrong_password_and_unknown_email_look_the_same,
    repeated_wrong_passwords_are_slowed_down,
    a_bad_token_is_a_plain_401,
    demo_store_has_orders_in_every_shipment_state,
    seeding_twice_changes_nothing,
    responses_carry_a_strict_security_policy,
    the_app_is_served_with_deep_links_and_its_script_hash,
    cors_allows_only_configured_storefronts,
    a_sign_in_to_one_account_does_not_clear_guesses_at_another,
    sign_in_refuses_text_with_nul,
    every_route_documents_the_errors_it_can_answer,
);

async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post("/api/v1/agent/session")
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn health_reports_ok_and_version(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.get("/api/v1/health").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    app.stop().await;
}

async fn openapi_document_covers_every_route(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let document = openapi_document(&app).await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().expect("paths");
    for (path, method) in [
        ("/api/v1/health", "get"),
        ("/api/v1/openapi.json", "get"),
        ("/api/v1/agent/session", "post"),
        ("/api/v1/agent/session", "delete"),
        ("/api/v1/agent/me", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is missing from the OpenAPI document"
        );
    }
    assert!(document["components"]["schemas"]["ErrorBody"].is_object());
    app.stop().await;
}

async fn unknown_api_route_is_a_json_404(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    for path in ["/api/v1/no-such-thing", "/api/v2/health", "/api/"] {
        let response = app.get(path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(error_of(response).await["code"], "not_found", "{path}");
    }
    app.stop().await;
}

async fn wrong_method_is_a_json_405(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.put("/api/v1/health").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_of(response).await["code"], "method_not_allowed");
    app.stop().await;
}

async fn malformed_json_is_a_400(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app
        .post("/api/v1/agent/session")
        .header("content-type", "application/json")
        .body(r#"{"email": "agent@demo.store", "password": "#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = error_of(response).await;
    assert_eq!(error["code"], "malformed_json");
    assert!(
        !error["message"].as_str().unwrap().contains("line"),
        "{error}"
    );
    app.stop().await;
}

async fn unknown_and_missing_fields_are_named(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app
        .post("/api/v1/agent/session")
        .json(&json!({ "email": "a@b.co", "password": "x", "is_admin": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert_eq!(error["code"], "validation_failed");
    assert_eq!(
        error["fields"]["is_admin"][0],
        "This field is not accepted."
    );

    let response = app
        .post("/api/v1/agent/session")
        .json(&json!({ "email": "a@b.co" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_of(response).await["fields"]["password"][0],
        "This field is required."
    );
    app.stop().await;
}

async fn invalid_values_get_messages_per_field(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = sign_in(&app, "not-an-email", "").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert!(error["fields"]["email"][0]
        .as_str()
        .unwrap()
        .contains("correct format"));
    assert_eq!(error["fields"]["password"][0], "Enter your password.");
    app.stop().await;
}

async fn a_body_that_is_not_json_is_a_415(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app
        .post("/api/v1/agent/session")
        .header("content-type", "text/plain")
        .body("email=a@b.co")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error_of(response).await["code"], "unsupported_media_type");
    app.stop().await;
}

async fn an_oversize_body_is_a_413(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let huge_password = "x".repeat(sf_api::MAX_BODY_BYTES + 1);
    let response = sign_in(&app, "agent@demo.store", &huge_password).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_of(response).await["code"], "payload_too_large");
    app.stop().await;
}

async fn agent_signs_in_sees_who_they_are_and_signs_out(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    // Email case and surrounding spaces do not matter.
    let response = sign_in(&app, " Agent@Demo.Store ", DEMO_AGENT_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let session: Value = response.json().await.unwrap();
    let token = session["token"].as_str().unwrap().to_owned();
    assert_eq!(session["agent"]["email"], DEMO_AGENT_EMAIL);
    assert!(session["expires_at"].as_str().unwrap().ends_with('Z'));

    let me = app
        .get("/api/v1/agent/me")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["display_name"], "Sam Rivera");

    let signed_out = app
        .delete("/api/v1/agent/session")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::NO_CONTENT);
    let after = app
        .get("/api/v1/agent/me")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn wrong_password_and_unknown_email_look_the_same(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let wrong_password = sign_in(&app, DEMO_AGENT_EMAIL, "not the password").await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    let wrong_password = error_of(wrong_password).await;
    let unknown_email = sign_in(&app, "nobody@demo.store", "not the password").await;
    assert_eq!(unknown_email.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(unknown_email).await, wrong_password);
    assert_eq!(wrong_password["code"], "unauthorized");
    app.stop().await;
}

async fn repeated_wrong_passwords_are_slowed_down(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let free = sf_server::limiter::FailureLimiter::FREE_FAILURES + 1;
    for attempt in 1..=free {
        let response = sign_in(&app, DEMO_AGENT_EMAIL, "guess").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    // Locked out now, even with the right password.
    let response = sign_in(&app, DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD).await;
    assert_rate_limited(response).await;
    app.stop().await;
}

async fn a_bad_token_is_a_plain_401(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    for header in ["Bearer nope", "Bearer ", "Basic abc", "Bearer ' OR 1=1 --"] {
        let response = app
            .get("/api/v1/agent/me")
            .header("authorization", header)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{header}");
        let error = error_of(response).await;
        assert_eq!(error["code"], "unauthorized");
    }
    let response = app.get("/api/v1/agent/me").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn demo_store_has_orders_in_every_shipment_state(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let statuses: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT status FROM shipments ORDER BY status")
            .fetch_all(&app.server.db.pool)
            .await
            .unwrap();
    let statuses: Vec<String> = statuses.into_iter().map(|(s,)| s).collect();
    for expected in [
        "attempt_failed",
        "available_for_pickup",
        "delivered",
        "exception",
        "expired",
        "in_transit",
        "info_received",
        "out_for_delivery",
    ] {
        assert!(
            statuses.iter().any(|s| s == expected),
            "no {expected} in {statuses:?}"
        );
    }
    let (split_orders,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM (SELECT order_id FROM shipments GROUP BY order_id HAVING COUNT(DISTINCT carrier) > 1) AS split",
    )
    .fetch_one(&app.server.db.pool)
    .await
    .unwrap();
    assert!(split_orders >= 1, "a split shipment by two carriers");
    let (pickups,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM orders WHERE fulfilment = 'pickup' AND pickup_store_id IS NOT NULL AND pickup_code IS NOT NULL",
    )
    .fetch_one(&app.server.db.pool)
    .await
    .unwrap();
    assert_eq!(pickups, 1);
    let (unshipped,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)",
    )
    .fetch_one(&app.server.db.pool)
    .await
    .unwrap();
    assert_eq!(unshipped, 1, "one order not shipped yet (pending)");
    let (articles,): (i64,) = sqlx::query_as("SELECT COUNT(DISTINCT locale) FROM help_articles")
        .fetch_one(&app.server.db.pool)
        .await
        .unwrap();
    assert_eq!(articles, 3);
    app.stop().await;
}

async fn seeding_twice_changes_nothing(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    sf_server::demo::seed_if_empty(&app.server.db, 0)
        .await
        .unwrap();
    let (orders,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orders")
        .fetch_one(&app.server.db.pool)
        .await
        .unwrap();
    assert_eq!(orders, sf_server::demo::DEMO_ORDER_COUNT as i64);
    app.stop().await;
}

async fn responses_carry_a_strict_security_policy(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.get("/api/v1/health").send().await.unwrap();
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

async fn cors_allows_only_configured_storefronts(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| {
        config.cors_origins = vec!["https://shop.example".into()]
    })
    .await;
    let allowed = app
        .get("/api/v1/health")
        .header("origin", "https://shop.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://shop.example"
    );
    let other = app
        .get("/api/v1/health")
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    app.stop().await;
}

/// Someone holding one agent account must not be able to reset their count of wrong
/// guesses at a colleague's password by signing in to their own between guesses.
async fn a_sign_in_to_one_account_does_not_clear_guesses_at_another(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let own_email = "second@demo.store";
    let own_password = "second-agent-password";
    sqlx::query(
        "INSERT INTO agents (email, display_name, password_hash, created_at) \
         VALUES ($1, 'Second Agent', $2, '2026-01-01T00:00:00Z')",
    )
    .bind(own_email)
    .bind(sf_server::agent::auth::hash_password(own_password).unwrap())
    .execute(&app.server.db.pool)
    .await
    .unwrap();
    for attempt in 1..=sf_server::limiter::FailureLimiter::FREE_FAILURES {
        let response = sign_in(&app, DEMO_AGENT_EMAIL, "guess").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "guess {attempt}"
        );
    }
    let own = sign_in(&app, own_email, own_password).await;
    assert_eq!(own.status(), StatusCode::CREATED);
    let response = sign_in(&app, DEMO_AGENT_EMAIL, "one more guess").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_rate_limited(sign_in(&app, DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD).await).await;

    // The account itself is locked, whichever address asks (all of 127/8 is this machine).
    let elsewhere = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap();
    let response = elsewhere
        .post(app.url("/api/v1/agent/session"))
        .json(&json!({ "email": DEMO_AGENT_EMAIL.to_uppercase(), "password": DEMO_AGENT_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_rate_limited(response).await;
    app.stop().await;
}

async fn sign_in_refuses_text_with_nul(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let response = sign_in(
        &app,
        &format!("{DEMO_AGENT_EMAIL}\u{0}"),
        DEMO_AGENT_PASSWORD,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert!(error["fields"]["email"][0].is_string(), "{error}");
    app.stop().await;
}

/// Every operation documents the error statuses its inputs make possible, from the shared
/// definitions in `components.responses`.
async fn every_route_documents_the_errors_it_can_answer(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let document = openapi_document(&app).await;
    let shared = &document["components"]["responses"];
    let mut json_body_routes = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let documents = |status: &str| {
                let response = &responses
                    .get(status)
                    .unwrap_or_else(|| panic!("{method} {path} does not document {status}"));
                if let Some(reference) = response["$ref"].as_str() {
                    let name = reference.trim_start_matches("#/components/responses/");
                    assert!(
                        shared[name]["content"]["application/json"].is_object(),
                        "{reference}"
                    );
                }
            };
            documents("500");
            if operation["requestBody"]["content"]["application/json"].is_object() {
                json_body_routes += 1;
                for status in ["400", "413", "415", "422"] {
                    documents(status);
                }
            }
            if path.contains('{') {
                documents("404");
            }
            if operation["security"]
                .as_array()
                .is_some_and(|s| !s.is_empty())
            {
                documents("401");
            }
        }
    }
    assert!(json_body_routes >= 6, "{json_body_routes} routes take JSON");
    for (path, method) in [
        ("/api/v1/agent/session", "post"),
        ("/api/v1/orders/lookup", "post"),
        ("/api/v1/orders/{order_number}/events", "get"),
    ] {
        assert!(
            document["paths"][path][method]["responses"]["429"].is_object(),
            "{method} {path} documents 429"
        );
    }
    app.stop().await;
}
