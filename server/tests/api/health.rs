//! The service itself: health, the OpenAPI document, the one error shape for whatever a
//! request gets wrong, CORS, and the demo store.

use crate::common::{error_of, TestApp, TestDatabase};
use reqwest::StatusCode;
use serde_json::{json, Value};

both_databases!(
    health_reports_ok_and_version,
    openapi_document_covers_every_route,
    unknown_api_route_is_a_json_404,
    wrong_method_is_a_json_405,
    malformed_json_is_a_400,
    unknown_and_missing_fields_are_named,
    a_body_that_is_not_json_is_a_415,
    an_oversize_body_is_a_413,
    demo_store_has_orders_in_every_shipment_state,
    seeding_twice_changes_nothing,
    cors_allows_only_configured_storefronts,
    every_route_documents_the_errors_it_can_answer,
);

async fn health_reports_ok_and_version(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.health().await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    app.stop().await;
}

async fn openapi_document_covers_every_route(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let document = app.openapi_document().await;
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
    let response = app.sign_in("agent@demo.store", &huge_password).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_of(response).await["code"], "payload_too_large");
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
    sf_server::demo::seed_if_empty(&app.server.db, 0, 0)
        .await
        .unwrap();
    let (orders,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orders")
        .fetch_one(&app.server.db.pool)
        .await
        .unwrap();
    assert_eq!(orders, sf_server::demo::DEMO_ORDER_COUNT as i64);
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

/// Every operation documents the error statuses its inputs make possible, from the shared
/// definitions in `components.responses`.
async fn every_route_documents_the_errors_it_can_answer(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let document = app.openapi_document().await;
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
