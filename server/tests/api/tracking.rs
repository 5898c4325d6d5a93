//! Shipment tracking: lookup and its limits, tokens, signed links, signed customers,
//! carrier webhooks (signatures, both providers' formats, duplicates, out-of-order events),
//! notifications and the live stream.

use crate::common::{
    aftership_signature, assert_rate_limited, easypost_signature, error_of, hmac_sha256, TestApp,
    TestDatabase, AFTERSHIP_FIXTURE, EASYPOST_FIXTURE, TEST_TOKEN_KEY,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

both_databases!(
    lookup_finds_the_order_and_its_token_reads_only_that_order,
    an_order_token_is_checked_by_its_signature_alone,
    a_wrong_email_and_an_unknown_number_look_the_same,
    lookup_names_the_fields_to_fix,
    repeated_wrong_lookups_are_rate_limited,
    store_pickup_orders_show_store_and_code,
    easypost_tracker_updated_is_applied,
    aftership_exception_is_applied_with_its_reason,
    bad_or_missing_signatures_are_refused_and_nothing_is_stored,
    a_redelivered_event_is_stored_once,
    an_older_event_arriving_late_does_not_roll_the_status_back,
    a_changed_estimate_keeps_the_previous_one,
    a_webhook_for_an_unknown_package_is_kept_for_audit,
    notifications_are_validated_and_recorded_per_status_change,
    a_signed_link_opens_the_order_until_it_expires,
    a_signed_customer_sees_their_orders_and_each_token_reads_one,
    a_token_never_outlives_the_signature_that_proved_it,
    an_open_stream_hears_of_each_change,
    the_tracking_routes_are_documented,
    generated_bulk_orders_can_be_looked_up,
    an_extreme_carrier_time_is_refused_not_a_crash,
    webhook_answers_name_no_rust_types,
    only_https_carrier_links_are_stored_and_served,
    url_rejections_answer_in_the_error_shape,
    text_with_nul_is_refused_on_every_database,
    live_streams_are_capped_per_order_and_per_address,
);

const EASYPOST_SECRET: &str = "demo-ﬁle-secret"; // the ligature checks NFKD normalisation
const AFTERSHIP_SECRET: &str = "aftership-secret";
const LINK_SECRET: &str = "order-link-secret";
const CUSTOMER_SECRET: &str = "customer-id-secret";

async fn spawn(database: TestDatabase) -> TestApp {
    TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.easypost_webhook_secret = Some(EASYPOST_SECRET.into());
        config.aftership_webhook_secret = Some(AFTERSHIP_SECRET.into());
        config.order_link_secret = Some(LINK_SECRET.into());
        config.customer_id_secret = Some(CUSTOMER_SECRET.into());
    })
    .await
}

async fn outcome_of(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    body["outcome"].as_str().unwrap().to_owned()
}

/// The outcome of delivering the AfterShip fixture, correctly signed.
async fn deliver_aftership_fixture(app: &TestApp) -> String {
    outcome_of(
        app.aftership_webhook(AFTERSHIP_SECRET, AFTERSHIP_FIXTURE)
            .await,
    )
    .await
}

async fn look_up(app: &TestApp, order_number: &str, email: &str) -> reqwest::Response {
    app.look_up_order(&json!({ "order_number": order_number, "email": email }))
        .await
}

/// Looks the order up and answers (token, tracking).
async fn open_order(app: &TestApp, order_number: &str, email: &str) -> (String, Value) {
    let response = look_up(app, order_number, email).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "lookup of {order_number}"
    );
    let access: Value = response.json().await.unwrap();
    (
        access["token"].as_str().unwrap().to_owned(),
        access["tracking"].clone(),
    )
}

async fn fetch_tracking(app: &TestApp, order_number: &str, token: &str) -> Value {
    let response = app.order_tracking(order_number, token).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Arranges an order with one package carrying `tracking_number`, labelled on 15 November.
async fn order_with_package(app: &TestApp, order_number: &str, tracking_number: &str) {
    let pool = &app.server.db.pool;
    let (order_id,): (i64,) = sqlx::query_as(
        "INSERT INTO orders (order_number, email, customer_name, placed_at, fulfilment) \
         VALUES ($1, 'shopper@example.com', 'A Shopper', '2026-11-15T00:00:00Z', 'ship') RETURNING id",
    )
    .bind(order_number)
    .fetch_one(pool)
    .await
    .unwrap();
    let (shipment_id,): (i64,) = sqlx::query_as(
        "INSERT INTO shipments (order_id, carrier, tracking_number, status, updated_at) \
         VALUES ($1, 'Test carrier', $2, 'info_received', '2026-11-15T01:00:00Z') RETURNING id",
    )
    .bind(order_id)
    .bind(tracking_number)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO shipment_events (shipment_id, occurred_at, status, description) \
         VALUES ($1, '2026-11-15T01:00:00Z', 'info_received', 'Label created')",
    )
    .bind(shipment_id)
    .execute(pool)
    .await
    .unwrap();
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(&app.server.db.pool)
        .await
        .unwrap();
    n
}

/// An EasyPost `tracker.updated` event with one tracking detail.
fn easypost_event(
    event_id: &str,
    tracking_code: &str,
    status: &str,
    at: &str,
    estimate: Option<&str>,
) -> String {
    json!({
        "id": event_id,
        "object": "Event",
        "description": "tracker.updated",
        "result": {
            "id": "trk_test",
            "object": "Tracker",
            "tracking_code": tracking_code,
            "status": status,
            "est_delivery_date": estimate,
            "public_url": format!("https://track.example.com/{tracking_code}"),
            "tracking_details": [{
                "object": "TrackingDetail",
                "message": format!("Carrier says {status}"),
                "status": status,
                "datetime": at,
                "tracking_location": { "city": "PORTLAND", "state": "OR", "country": "US", "zip": null }
            }]
        }
    })
    .to_string()
}

async fn lookup_finds_the_order_and_its_token_reads_only_that_order(database: TestDatabase) {
    let app = spawn(database).await;
    // Typed as a shopper might: lower case, a leading #, spaces, capitals in the email.
    let (token, tracking) = open_order(&app, " #sf-1004 ", "Dev@Example.com").await;
    assert_eq!(tracking["order_number"], "SF-1004");
    let packages = tracking["packages"].as_array().unwrap();
    assert_eq!(packages.len(), 2, "a split order shows both packages");
    assert_eq!(packages[0]["carrier"], "UPS");
    assert_eq!(packages[0]["status"], "delivered");
    assert_eq!(packages[1]["carrier"], "FedEx");
    assert_eq!(packages[1]["status"], "in_transit");
    assert!(packages[0]["carrier_url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let events = packages[0]["events"].as_array().unwrap();
    assert_eq!(events[0]["status"], "delivered", "newest first");
    assert!(events[0]["occurred_at"].as_str() > events[1]["occurred_at"].as_str());

    assert_eq!(fetch_tracking(&app, "SF-1004", &token).await, tracking);
    let other_order = app.order_tracking("SF-1001", &token).await;
    assert_eq!(other_order.status(), StatusCode::UNAUTHORIZED);
    let no_token = app
        .get("/api/v1/orders/SF-1004/tracking")
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(no_token).await["code"], "unauthorized");

    app.stop().await;
}

/// Order tokens carry their own proof: a server that has never seen one accepts it when it
/// holds the key that signed it (now or as a previous key), and no other server does.
async fn an_order_token_is_checked_by_its_signature_alone(database: TestDatabase) {
    let issuer = spawn(database).await;
    let (token, tracking) = open_order(&issuer, "SF-1004", "dev@example.com").await;
    issuer.stop().await;

    const NEW_KEY: &str = "a-newer-token-key-that-replaced-the-test-one";
    let rotated = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.token_key = Some(NEW_KEY.parse().unwrap());
        config.token_key_previous = vec![TEST_TOKEN_KEY.parse().unwrap()];
    })
    .await;
    // Another database: the same demo order, its times a moment later.
    let reread = fetch_tracking(&rotated, "SF-1004", &token).await;
    assert_eq!(reread["order_number"], "SF-1004");
    assert_eq!(
        reread["packages"][1]["tracking_number"],
        tracking["packages"][1]["tracking_number"]
    );
    let (new_token, _) = open_order(&rotated, "SF-1004", "dev@example.com").await;
    rotated.stop().await;

    let other_key = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.token_key = Some(NEW_KEY.parse().unwrap());
    })
    .await;
    let refused = other_key.order_tracking("SF-1004", &token).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        fetch_tracking(&other_key, "SF-1004", &new_token).await["order_number"],
        "SF-1004",
        "the new key signs"
    );
    other_key.stop().await;
}

async fn a_wrong_email_and_an_unknown_number_look_the_same(database: TestDatabase) {
    let app = spawn(database).await;
    let wrong_email = look_up(&app, "SF-1001", "someone@example.com").await;
    assert_eq!(wrong_email.status(), StatusCode::NOT_FOUND);
    let wrong_email = error_of(wrong_email).await;
    let unknown_number = look_up(&app, "SF-9999", "ada@example.com").await;
    assert_eq!(unknown_number.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(unknown_number).await, wrong_email);
    assert!(wrong_email["message"]
        .as_str()
        .unwrap()
        .starts_with("We couldn't find an order with those details"));
    app.stop().await;
}

async fn lookup_names_the_fields_to_fix(database: TestDatabase) {
    let app = spawn(database).await;
    let response = look_up(&app, "SF 1001!", "not-an-email").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert!(error["fields"]["order_number"][0]
        .as_str()
        .unwrap()
        .contains("order number"));
    assert!(error["fields"]["email"][0]
        .as_str()
        .unwrap()
        .contains("email address"));
    let extra = app
        .look_up_order(
            &json!({ "order_number": "SF-1001", "email": "ada@example.com", "admin": true }),
        )
        .await;
    assert_eq!(extra.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_of(extra).await["fields"]["admin"].is_array());
    app.stop().await;
}

async fn repeated_wrong_lookups_are_rate_limited(database: TestDatabase) {
    let app = spawn(database).await;
    let free = sf_server::limiter::FailureLimiter::FREE_FAILURES + 1;
    for guess in 1..=free {
        let response = look_up(&app, &format!("SF-{}", 5000 + guess), "ada@example.com").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "guess {guess}");
    }
    // Locked out now, even for a right pair.
    let response = look_up(&app, "SF-1001", "ada@example.com").await;
    assert_rate_limited(response).await;
    app.stop().await;
}

async fn store_pickup_orders_show_store_and_code(database: TestDatabase) {
    let app = spawn(database).await;
    let (_, tracking) = open_order(&app, "SF-1005", "elif@example.com").await;
    assert_eq!(tracking["pickup"]["store_name"], "Demo Store Riverside");
    assert_eq!(tracking["pickup"]["pickup_code"], "P-1005");
    assert!(tracking["pickup"]["opening_hours"]
        .as_str()
        .unwrap()
        .contains("19:00"));
    assert_eq!(tracking["packages"][0]["status"], "available_for_pickup");
    assert_eq!(tracking["packages"][0]["stale"], false);
    let (_, stale) = open_order(&app, "SF-1011", "kemi@example.com").await;
    assert_eq!(stale["packages"][0]["stale"], true, "no news for days");
    app.stop().await;
}

async fn easypost_tracker_updated_is_applied(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2001", "1Z999AA10123456784-T").await;
    let body = EASYPOST_FIXTURE.replace("1Z999AA10123456784", "1Z999AA10123456784-T");
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &body).await).await,
        "applied"
    );

    let (_, tracking) = open_order(&app, "SF-2001", "shopper@example.com").await;
    let package = &tracking["packages"][0];
    assert_eq!(package["status"], "out_for_delivery");
    assert_eq!(package["estimated_delivery"], "2026-11-20T20:00:00Z");
    assert_eq!(
        package["carrier_url"],
        "https://track.example.com/1Z999AA10123456784-T"
    );
    let events = package["events"].as_array().unwrap();
    assert_eq!(events.len(), 4, "label + three tracking details");
    assert_eq!(events[0]["description"], "Out for delivery today");
    assert_eq!(events[0]["occurred_at"], "2026-11-20T14:02:00Z");
    assert_eq!(events[0]["location"], "PORTLAND, OR, US");
    let (raw,): (String,) =
        sqlx::query_as("SELECT raw_body FROM webhook_deliveries WHERE event_id = $1")
            .bind("evt_7d1c5e0a9b2f4c3e8a6d")
            .fetch_one(&app.server.db.pool)
            .await
            .unwrap();
    assert_eq!(raw, body, "the raw payload is kept byte for byte");
    app.stop().await;
}

async fn aftership_exception_is_applied_with_its_reason(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2002", "9400111899223345678901").await;
    assert_eq!(deliver_aftership_fixture(&app).await, "applied");
    let (_, tracking) = open_order(&app, "SF-2002", "shopper@example.com").await;
    let package = &tracking["packages"][0];
    assert_eq!(package["status"], "exception");
    assert_eq!(package["status_reason"], "customs");
    assert_eq!(package["estimated_delivery"], "2026-11-24T12:00:00Z");
    assert!(package["carrier_url"]
        .as_str()
        .unwrap()
        .contains("9400111899223345678901"));
    let events = package["events"].as_array().unwrap();
    assert_eq!(
        events[0]["occurred_at"], "2026-11-20T14:15:00Z",
        "offset -06:00 in UTC"
    );
    assert_eq!(events[0]["description"], "Held in customs");
    assert_eq!(events[1]["status"], "in_transit");
    app.stop().await;
}

async fn bad_or_missing_signatures_are_refused_and_nothing_is_stored(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2003", "9400111899223345678901").await;
    let events_before = count(&app, "SELECT COUNT(*) FROM shipment_events").await;
    let attempts = [
        ("/api/v1/webhooks/aftership", None),
        (
            "/api/v1/webhooks/aftership",
            Some((
                "aftership-hmac-sha256",
                aftership_signature("wrong", AFTERSHIP_FIXTURE),
            )),
        ),
        (
            "/api/v1/webhooks/aftership",
            Some(("aftership-hmac-sha256", "not base64!".to_owned())),
        ),
        // Signed for different bytes: re-serialised JSON is not the JSON that was signed.
        (
            "/api/v1/webhooks/aftership",
            Some((
                "aftership-hmac-sha256",
                aftership_signature(AFTERSHIP_SECRET, &format!("{AFTERSHIP_FIXTURE} ")),
            )),
        ),
        ("/api/v1/webhooks/easypost", None),
        (
            "/api/v1/webhooks/easypost",
            Some((
                "x-hmac-signature",
                easypost_signature("demo-file-secreT", AFTERSHIP_FIXTURE),
            )),
        ),
        // The right HMAC, without the provider's prefix.
        (
            "/api/v1/webhooks/easypost",
            Some((
                "x-hmac-signature",
                easypost_signature(EASYPOST_SECRET, AFTERSHIP_FIXTURE)
                    .replace("hmac-sha256-hex=", ""),
            )),
        ),
    ];
    for (path, signature) in attempts {
        let mut request = app
            .post(path)
            .header("content-type", "application/json")
            .body(AFTERSHIP_FIXTURE);
        if let Some((name, value)) = &signature {
            request = request.header(*name, value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{path} {signature:?}"
        );
        assert_eq!(error_of(response).await["code"], "unauthorized");
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM webhook_deliveries").await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM shipment_events").await,
        events_before
    );
    app.stop().await;

    // A server without a configured secret refuses every delivery.
    let unconfigured = TestApp::spawn(database).await;
    let response = unconfigured
        .aftership_webhook(AFTERSHIP_SECRET, AFTERSHIP_FIXTURE)
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    unconfigured.stop().await;
}

async fn a_redelivered_event_is_stored_once(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2004", "9400111899223345678901").await;
    assert_eq!(deliver_aftership_fixture(&app).await, "applied");
    let events_after_first = count(&app, "SELECT COUNT(*) FROM shipment_events").await;
    assert_eq!(deliver_aftership_fixture(&app).await, "duplicate");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM shipment_events").await,
        events_after_first
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM webhook_deliveries").await,
        1
    );
    // A different event id repeating the same checkpoints adds no events either.
    let replay =
        AFTERSHIP_FIXTURE.replace("5b0b3a52-8d2c-4f5e-9a61-3c7e2f1d0b94", "another-event-id");
    assert_eq!(
        outcome_of(app.aftership_webhook(AFTERSHIP_SECRET, &replay).await).await,
        "applied"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM shipment_events").await,
        events_after_first
    );
    app.stop().await;
}

async fn an_older_event_arriving_late_does_not_roll_the_status_back(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2005", "OOO-1").await;
    let delivered = easypost_event("evt_2", "OOO-1", "delivered", "2026-11-21T10:00:00Z", None);
    let in_transit = easypost_event(
        "evt_1",
        "OOO-1",
        "in_transit",
        "2026-11-19T10:00:00Z",
        Some("2026-11-25"),
    );
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &delivered).await).await,
        "applied"
    );
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &in_transit).await).await,
        "applied"
    );
    let (_, tracking) = open_order(&app, "SF-2005", "shopper@example.com").await;
    let package = &tracking["packages"][0];
    assert_eq!(
        package["status"], "delivered",
        "the latest by event time wins"
    );
    assert_eq!(
        package["estimated_delivery"],
        Value::Null,
        "an old report's estimate is ignored"
    );
    let statuses: Vec<&str> = package["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["delivered", "in_transit", "info_received"]);
    app.stop().await;
}

async fn a_changed_estimate_keeps_the_previous_one(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2006", "EST-1").await;
    let first = easypost_event(
        "evt_a",
        "EST-1",
        "in_transit",
        "2026-11-18T10:00:00Z",
        Some("2026-11-20T18:00:00Z"),
    );
    let later = easypost_event(
        "evt_b",
        "EST-1",
        "in_transit",
        "2026-11-19T10:00:00Z",
        Some("2026-11-22T18:00:00Z"),
    );
    app.easypost_webhook(EASYPOST_SECRET, &first).await;
    app.easypost_webhook(EASYPOST_SECRET, &later).await;
    let (_, tracking) = open_order(&app, "SF-2006", "shopper@example.com").await;
    assert_eq!(
        tracking["packages"][0]["estimated_delivery"],
        "2026-11-22T18:00:00Z"
    );
    assert_eq!(
        tracking["packages"][0]["previous_estimated_delivery"],
        "2026-11-20T18:00:00Z"
    );
    app.stop().await;
}

async fn a_webhook_for_an_unknown_package_is_kept_for_audit(database: TestDatabase) {
    let app = spawn(database).await;
    let body = easypost_event(
        "evt_x",
        "NOBODY-1",
        "in_transit",
        "2026-11-19T10:00:00Z",
        None,
    );
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &body).await).await,
        "unmatched"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM webhook_deliveries WHERE matched_shipment_id IS NULL"
        )
        .await,
        1
    );
    // Signed but not JSON: a clear 400, nothing stored.
    let response = app.easypost_webhook(EASYPOST_SECRET, "{not json").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM webhook_deliveries").await,
        1
    );
    app.stop().await;
}

async fn notifications_are_validated_and_recorded_per_status_change(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2007", "NOTE-1").await;
    let (token, tracking) = open_order(&app, "SF-2007", "shopper@example.com").await;
    assert_eq!(
        tracking["notifications"],
        json!({ "email": null, "sms": null })
    );
    let invalid = app
        .set_notifications(
            "SF-2007",
            &token,
            &json!({ "email": "nope", "sms": "07700 900123" }),
        )
        .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fields = error_of(invalid).await["fields"].clone();
    assert!(
        fields["email"].is_array() && fields["sms"].is_array(),
        "{fields}"
    );
    let saved = app
        .set_notifications(
            "SF-2007",
            &token,
            &json!({ "email": " Shopper@Example.com ", "sms": "+44 7700 900123" }),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        saved.json::<Value>().await.unwrap(),
        json!({ "email": "shopper@example.com", "sms": "+447700900123" })
    );

    let moving = easypost_event(
        "evt_n1",
        "NOTE-1",
        "in_transit",
        "2026-11-19T10:00:00Z",
        None,
    );
    app.easypost_webhook(EASYPOST_SECRET, &moving).await;
    app.easypost_webhook(EASYPOST_SECRET, &moving).await; // redelivered: no second notification
    let same_status = easypost_event(
        "evt_n2",
        "NOTE-1",
        "in_transit",
        "2026-11-19T12:00:00Z",
        None,
    );
    app.easypost_webhook(EASYPOST_SECRET, &same_status).await; // a new event, but no change of status
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT channel, destination, status FROM notifications ORDER BY channel")
            .fetch_all(&app.server.db.pool)
            .await
            .unwrap();
    assert_eq!(
        rows,
        [
            (
                "email".into(),
                "shopper@example.com".into(),
                "in_transit".into()
            ),
            ("sms".into(), "+447700900123".into(), "in_transit".into()),
        ]
    );
    let (_, tracking) = open_order(&app, "SF-2007", "shopper@example.com").await;
    assert_eq!(tracking["notifications"]["sms"], "+447700900123");
    app.stop().await;
}

/// What a store sends for `subject` (an order number, or a customer id), signed as the README says.
fn store_signed(subject_field: &str, subject: &str, expires: i64, secret: &str) -> Value {
    let message = format!("{subject}\n{expires}");
    json!({
        subject_field: subject,
        "expires": expires,
        "signature": hex::encode(hmac_sha256(secret.as_bytes(), message.as_bytes())),
    })
}

fn signed_link(order_number: &str, expires: i64, secret: &str) -> Value {
    store_signed("order_number", order_number, expires, secret)
}

fn signed_customer(customer_id: &str, expires: i64, secret: &str) -> Value {
    store_signed("customer_id", customer_id, expires, secret)
}

async fn a_signed_customer_sees_their_orders_and_each_token_reads_one(database: TestDatabase) {
    let app = spawn(database).await;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();

    let response = app
        .open_signed_customer(&signed_customer("demo-dev", now + 600, CUSTOMER_SECRET))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let listed: Value = response.json().await.unwrap();
    let orders = listed["orders"].as_array().unwrap();
    let numbers: Vec<&str> = orders
        .iter()
        .map(|order| order["order_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["SF-1004", "SF-1012"], "newest first");
    assert_eq!(
        orders[0]["package_statuses"],
        json!(["delivered", "in_transit"])
    );
    assert_eq!(orders[1]["package_statuses"], json!(["delivered"]));

    // Each token opens its own order and no other.
    let older_token = orders[1]["token"].as_str().unwrap();
    let tracking = fetch_tracking(&app, "SF-1012", older_token).await;
    assert_eq!(tracking["packages"][0]["status"], "delivered");
    let other = app.order_tracking("SF-1004", older_token).await;
    assert_eq!(other.status(), StatusCode::UNAUTHORIZED);

    // A customer the store signed but who has no orders here.
    let response = app
        .open_signed_customer(&signed_customer(
            "gid://shop/Customer/404",
            now + 600,
            CUSTOMER_SECRET,
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({ "orders": [] })
    );

    for refused in [
        signed_customer("demo-dev", now - 1, CUSTOMER_SECRET),
        signed_customer("demo-dev", now + 600, "guessed-secret"),
        // An order link's secret does not sign customers.
        signed_customer("demo-dev", now + 600, LINK_SECRET),
        json!({ "customer_id": "demo-hana", "expires": now + 600,
                "signature": signed_customer("demo-dev", now + 600, CUSTOMER_SECRET)["signature"] }),
    ] {
        let response = app.open_signed_customer(&refused.clone()).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{refused}");
        assert!(!response.text().await.unwrap().contains("SF-10"));
    }

    let mut unknown_field = signed_customer("demo-dev", now + 600, CUSTOMER_SECRET);
    unknown_field["email"] = json!("dev@example.com");
    let response = app.open_signed_customer(&unknown_field).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .open_signed_customer(&signed_customer(" ", now + 600, CUSTOMER_SECRET))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_of(response).await["fields"]["customer_id"].is_array());
    app.stop().await;
}

async fn a_signed_link_opens_the_order_until_it_expires(database: TestDatabase) {
    let app = spawn(database).await;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let response = app
        .open_signed_link(&signed_link("SF-1003", now + 3600, LINK_SECRET))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let access: Value = response.json().await.unwrap();
    assert_eq!(access["tracking"]["order_number"], "SF-1003");
    for refused in [
        signed_link("SF-1003", now - 1, LINK_SECRET),
        signed_link("SF-1003", now + 3600, "guessed-secret"),
        signed_link("SF-9999", now + 3600, LINK_SECRET),
    ] {
        let response = app.open_signed_link(&refused.clone()).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{refused}");
    }
    app.stop().await;
}

/// The `expires_at` of an answer, in seconds since 1970.
fn expires_at_unix(answer: &Value) -> i64 {
    let text = answer["expires_at"].as_str().expect("expires_at is text");
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .expect("expires_at is RFC 3339")
        .unix_timestamp()
}

async fn a_token_never_outlives_the_signature_that_proved_it(database: TestDatabase) {
    let app = spawn(database).await;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();

    // A lookup by number and email keeps its day.
    let looked_up: Value = look_up(&app, "SF-1003", "chloe@example.com")
        .await
        .json()
        .await
        .unwrap();
    let day = 24 * 60 * 60;
    assert!((now + day..=now + day + 60).contains(&expires_at_unix(&looked_up)));

    // A store's signature valid for ten minutes buys ten minutes, not a day.
    let customer: Value = app
        .open_signed_customer(&signed_customer("demo-dev", now + 600, CUSTOMER_SECRET))
        .await
        .json()
        .await
        .unwrap();
    for order in customer["orders"].as_array().unwrap() {
        assert_eq!(expires_at_unix(order), now + 600, "{order}");
    }

    // A link about to expire: its token works until the link's moment, then stops.
    let expires = now + 2;
    let response = app
        .open_signed_link(&signed_link("SF-1003", expires, LINK_SECRET))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let access: Value = response.json().await.unwrap();
    assert_eq!(expires_at_unix(&access), expires);
    let token = access["token"].as_str().unwrap();
    fetch_tracking(&app, "SF-1003", token).await;
    let until_expiry = expires as f64 - now_seconds() + 0.2;
    tokio::time::sleep(Duration::from_secs_f64(until_expiry.max(0.0))).await;
    let expired = app.order_tracking("SF-1003", token).await;
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

fn now_seconds() -> f64 {
    let now = time::OffsetDateTime::now_utc();
    now.unix_timestamp() as f64 + f64::from(now.nanosecond()) / 1e9
}

/// Reads from an event stream until `wanted` more `tracking-changed` events arrived.
async fn await_changes(stream: &mut reqwest::Response, wanted: usize) {
    let mut seen = 0;
    let mut text = String::new();
    while seen < wanted {
        let chunk = tokio::time::timeout(Duration::from_secs(10), stream.chunk())
            .await
            .expect("a tracking-changed event within 10 s")
            .unwrap()
            .expect("the stream stays open");
        text.push_str(&String::from_utf8_lossy(&chunk));
        // With its data line: a browser's EventSource ignores events that have none.
        seen = text
            .matches("event: tracking-changed\ndata: changed")
            .count();
    }
}

async fn an_open_stream_hears_of_each_change(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2008", "LIVE-1").await;
    let (token, _) = open_order(&app, "SF-2008", "shopper@example.com").await;
    let refused = app.order_events("SF-2008", "wrong").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let mut stream = app.order_events("SF-2008", &token).await;
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(stream.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    await_changes(&mut stream, 1).await; // on connecting
    let update = easypost_event(
        "evt_live",
        "LIVE-1",
        "out_for_delivery",
        "2026-11-21T08:00:00Z",
        None,
    );
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &update).await).await,
        "applied"
    );
    await_changes(&mut stream, 1).await;
    drop(stream);
    app.stop().await;
}

async fn the_tracking_routes_are_documented(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let document = app.openapi_document().await;
    for path in [
        "/api/v1/orders/lookup",
        "/api/v1/orders/signed-link",
        "/api/v1/orders/signed-customer",
        "/api/v1/orders/{order_number}/tracking",
        "/api/v1/orders/{order_number}/notifications",
        "/api/v1/orders/{order_number}/events",
        "/api/v1/webhooks/easypost",
        "/api/v1/webhooks/aftership",
    ] {
        assert!(document["paths"][path].is_object(), "{path} is documented");
    }
    app.stop().await;
}

async fn generated_bulk_orders_can_be_looked_up(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.demo_bulk_orders = 500;
    })
    .await;
    let (_, tracking) = open_order(&app, "SF-B500", "bulk500@example.com").await;
    assert_eq!(tracking["order_number"], "SF-B500");
    assert_eq!(tracking["packages"].as_array().unwrap().len(), 0);
    let (orders,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orders")
        .fetch_one(&app.server.db.pool)
        .await
        .unwrap();
    assert_eq!(orders as usize, 500 + sf_server::demo::DEMO_ORDER_COUNT);
    app.stop().await;
}

/// The answer's text, after checking it is the error shape with this status.
async fn error_text(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    error_of(response).await
}

/// `event` with `change` applied to its first tracking detail.
fn easypost_with(event: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut event: Value = serde_json::from_str(event).unwrap();
    change(&mut event);
    event.to_string()
}

async fn an_extreme_carrier_time_is_refused_not_a_crash(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2101", "EXTREME-1").await;
    let extreme = "9999-12-31T23:59:59-23:59";
    let event_time = easypost_event("evt_x1", "EXTREME-1", "in_transit", extreme, None);
    let estimate = easypost_event(
        "evt_x2",
        "EXTREME-1",
        "in_transit",
        "2026-11-20T08:00:00Z",
        Some(extreme),
    );
    for (body, field) in [
        (event_time, "result.tracking_details[0].datetime"),
        (estimate, "result.est_delivery_date"),
    ] {
        let error = error_text(
            app.easypost_webhook(EASYPOST_SECRET, &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(error["fields"][field][0].is_string(), "{field}: {error}");
    }
    let checkpoint = json!({
        "event_id": "as_x1",
        "msg": {
            "tracking_number": "EXTREME-1",
            "checkpoints": [{ "checkpoint_time": "0000-01-01T00:00:00+23:59", "tag": "InTransit" }]
        }
    })
    .to_string();
    let error = error_text(
        app.aftership_webhook(AFTERSHIP_SECRET, &checkpoint).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(error["fields"]["msg.checkpoints[0].checkpoint_time"][0].is_string());
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM webhook_deliveries").await,
        0,
        "a refused delivery leaves nothing behind, so the provider's retry starts afresh"
    );
    let (token, _) = open_order(&app, "SF-2101", "shopper@example.com").await;
    let tracking = fetch_tracking(&app, "SF-2101", &token).await;
    assert_eq!(tracking["packages"][0]["status"], "info_received");
    app.stop().await;
}

async fn webhook_answers_name_no_rust_types(database: TestDatabase) {
    let app = spawn(database).await;
    let easypost = app
        .easypost_webhook(
            EASYPOST_SECRET,
            r#"{"id": 7, "description": "tracker.updated"}"#,
        )
        .await;
    let aftership = app
        .aftership_webhook(AFTERSHIP_SECRET, r#"{"event_id": "as_1", "msg": []}"#)
        .await;
    let missing = app
        .aftership_webhook(AFTERSHIP_SECRET, r#"{"msg": null}"#)
        .await;
    for response in [easypost, aftership, missing] {
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = response.text().await.unwrap();
        let body: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["error"]["code"], "validation_failed", "{text}");
        for internal in [
            "struct",
            "EasyPost",
            "AfterShip",
            "Delivery",
            "invalid type",
            "`",
        ] {
            assert!(!text.contains(internal), "{internal:?} in {text}");
        }
    }
    app.stop().await;
}

async fn only_https_carrier_links_are_stored_and_served(database: TestDatabase) {
    let app = spawn(database).await;
    order_with_package(&app, "SF-2102", "LINK-1").await;
    let (token, _) = open_order(&app, "SF-2102", "shopper@example.com").await;
    let stored = || async {
        let (url,): (Option<String>,) =
            sqlx::query_as("SELECT tracking_url FROM shipments WHERE tracking_number = 'LINK-1'")
                .fetch_one(&app.server.db.pool)
                .await
                .unwrap();
        url
    };
    let send_link = |id: &str, at: &str, link: &str| {
        let event = easypost_event(id, "LINK-1", "in_transit", at, None);
        let link = link.to_owned();
        easypost_with(&event, move |event| {
            event["result"]["public_url"] = json!(link);
        })
    };
    let hostile = send_link(
        "evt_l1",
        "2026-11-16T01:00:00Z",
        "javascript:alert(document.cookie)",
    );
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &hostile).await).await,
        "applied"
    );
    assert_eq!(stored().await, None);
    let https = send_link(
        "evt_l2",
        "2026-11-16T02:00:00Z",
        "HTTPS://Track.Example.com/LINK-1",
    );
    assert_eq!(
        outcome_of(app.easypost_webhook(EASYPOST_SECRET, &https).await).await,
        "applied"
    );
    assert_eq!(
        stored().await.as_deref(),
        Some("https://track.example.com/LINK-1")
    );
    for (id, at, link) in [
        (
            "evt_l3",
            "2026-11-16T03:00:00Z",
            "http://track.example.com/LINK-1",
        ),
        (
            "evt_l4",
            "2026-11-16T04:00:00Z",
            "data:text/html,<script>alert(1)</script>",
        ),
    ] {
        let update = send_link(id, at, link);
        assert_eq!(
            outcome_of(app.easypost_webhook(EASYPOST_SECRET, &update).await).await,
            "applied"
        );
    }
    assert_eq!(
        stored().await.as_deref(),
        Some("https://track.example.com/LINK-1"),
        "an unsafe link does not replace a safe one"
    );
    // A row stored before links were checked is not served as a link either.
    sqlx::query("UPDATE shipments SET tracking_url = 'javascript:alert(1)' WHERE tracking_number = 'LINK-1'")
        .execute(&app.server.db.pool)
        .await
        .unwrap();
    let tracking = fetch_tracking(&app, "SF-2102", &token).await;
    assert_eq!(tracking["packages"][0]["carrier_url"], Value::Null);
    app.stop().await;
}

async fn url_rejections_answer_in_the_error_shape(database: TestDatabase) {
    let app = spawn(database).await;
    let (token, _) = open_order(&app, "SF-1001", "ada@example.com").await;
    for path in [
        "/api/v1/orders/%FF/tracking",
        "/api/v1/orders//tracking",
        "/api/v1/orders/%20/tracking",
        "/api/v1/orders/%00/tracking",
        "/api/v1/orders//events?token=x",
    ] {
        for authorised in [false, true] {
            let mut request = app.get(path);
            if authorised {
                request = request.bearer_auth(&token);
            }
            let error = error_text(request.send().await.unwrap(), StatusCode::NOT_FOUND).await;
            assert_eq!(error["code"], "not_found", "{path}");
        }
    }
    let empty = app
        .put("/api/v1/orders//notifications")
        .bearer_auth(&token)
        .json(&json!({ "email": "ada@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_text(empty, StatusCode::NOT_FOUND).await["code"],
        "not_found"
    );
    for (query, field) in [
        ("", "token"),
        ("?token=x&admin=1", "admin"),
        ("?token=%00", "token"),
    ] {
        let response = app
            .get(&format!("/api/v1/orders/SF-1001/events{query}"))
            .send()
            .await
            .unwrap();
        let error = error_text(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(error["fields"][field][0].is_string(), "{query}: {error}");
    }
    app.stop().await;
}

async fn text_with_nul_is_refused_on_every_database(database: TestDatabase) {
    let app = spawn(database).await;
    let nul = "\u{0}";
    // The email rules allow NUL (it is not a space); the database must never see it.
    let email = format!("ada@example.com{nul}");
    let response = look_up(&app, "SF-1001", &email).await;
    let error = error_text(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(error["fields"]["email"][0].is_string(), "{error}");
    let (token, _) = open_order(&app, "SF-1001", "ada@example.com").await;
    let response = app
        .set_notifications("SF-1001", &token, &json!({ "email": email }))
        .await;
    let error = error_text(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(error["fields"]["email"][0].is_string(), "{error}");

    order_with_package(&app, "SF-2103", "NUL-1").await;
    let event = easypost_event(
        "evt_n1",
        "NUL-1",
        "in_transit",
        "2026-11-16T01:00:00Z",
        None,
    );
    let event = easypost_with(&event, |event| {
        event["result"]["tracking_details"][0]["message"] = json!("Arrived\u{0}");
    });
    let error = error_text(
        app.easypost_webhook(EASYPOST_SECRET, &event).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(
        error["fields"]["result.tracking_details[0].message"][0].is_string(),
        "{error}"
    );
    app.stop().await;
}

async fn live_streams_are_capped_per_order_and_per_address(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.max_streams_per_order = 2;
        config.max_streams_per_address = 3;
    })
    .await;
    let (first_token, _) = open_order(&app, "SF-1001", "ada@example.com").await;
    let (second_token, _) = open_order(&app, "SF-1002", "ben@example.com").await;
    let mut open = Vec::new();
    for _ in 0..2 {
        let stream = app.order_events("SF-1001", &first_token).await;
        assert_eq!(stream.status(), StatusCode::OK);
        open.push(stream);
    }
    let refused = error_text(
        app.order_events("SF-1001", &first_token).await,
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    assert_eq!(refused["code"], "rate_limited");
    assert!(refused["message"]
        .as_str()
        .unwrap()
        .contains("live updates"));
    // A new lookup mints another token for free: the cap is the order's, not the token's.
    let (fresh_token, _) = open_order(&app, "SF-1001", "ada@example.com").await;
    assert_eq!(
        app.order_events("SF-1001", &fresh_token).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "a fresh token for the same order"
    );
    let third = app.order_events("SF-1002", &second_token).await;
    assert_eq!(
        third.status(),
        StatusCode::OK,
        "another order, same address"
    );
    let by_address = app.order_events("SF-1002", &second_token).await;
    assert_eq!(
        by_address.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the address's cap"
    );

    // Closing a stream gives its slot back (once the server notices the client left).
    drop(open.pop());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let again = app.order_events("SF-1001", &first_token).await;
        if again.status() == StatusCode::OK {
            break;
        }
        assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            std::time::Instant::now() < deadline,
            "the slot was never freed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop((open, third));
    app.stop().await;
}
