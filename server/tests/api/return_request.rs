//! Returns against the real server, on SQLite and PostgreSQL: eligibility on the window's
//! edge days, final sale and partial returns; fees and credit; one return per request id;
//! who may see what; every status move and the ones refused; photos and the label.
//!
//! The demo's SF-1013 (lena@example.com) was delivered 20 days ago: two T-shirts (size M;
//! size S in stock, L not), a mug, final-sale socks, and a kettle whose 14-day window closed.

use crate::common::{error_of, TestApp, TestDatabase, PNG};
use reqwest::StatusCode;
use serde_json::{json, Value};

both_databases!(
    every_item_says_how_many_can_be_returned_or_why_none,
    the_window_includes_its_last_day_and_not_the_next,
    fees_bonus_and_refund_are_computed_by_the_server,
    a_request_id_makes_one_return_and_quantities_are_capped,
    only_the_orders_shopper_and_agents_see_a_return,
    each_status_move_is_recorded_and_wrong_moves_are_refused,
    photos_are_checked_by_content_and_the_label_is_the_returns_own,
    two_requests_at_once_never_return_more_than_was_bought,
);

async fn seeded(database: TestDatabase) -> TestApp {
    TestApp::spawn_with(database, |config| config.seed_demo = true).await
}

/// A token for the order, from the tracker's lookup.
async fn order_token(app: &TestApp, number: &str, email: &str) -> String {
    let response = app
        .look_up_order(&json!({ "order_number": number, "email": email }))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let access: Value = response.json().await.unwrap();
    access["token"].as_str().unwrap().to_owned()
}

async fn lena(app: &TestApp) -> String {
    order_token(app, "SF-1013", "lena@example.com").await
}

async fn returnable(app: &TestApp, number: &str, token: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/orders/{number}/returns"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The item of `order` (a `returnable` answer) whose name starts with `name`.
fn item<'a>(order: &'a Value, name: &str) -> &'a Value {
    order["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["name"].as_str().unwrap().starts_with(name))
        .unwrap_or_else(|| panic!("no {name} in {order}"))
}

fn line(item_id: &Value, quantity: u32, outcome: &str) -> Value {
    json!({
        "item_id": item_id, "quantity": quantity, "reason": "does_not_fit",
        "sub_reason": "too_small", "outcome": outcome,
    })
}

fn request(lines: Vec<Value>, method: &str, request_id: &str) -> Value {
    json!({ "lines": lines, "method": method, "request_id": request_id })
}

async fn post(app: &TestApp, path: &str, token: &str, body: &Value) -> reqwest::Response {
    app.post(path)
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn create(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    post(app, "/api/v1/orders/SF-1013/returns", token, body).await
}

/// Makes a return and answers it.
async fn created(app: &TestApp, token: &str, body: &Value) -> Value {
    let response = create(app, token, body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    created["return"].clone()
}

async fn move_to(app: &TestApp, agent: &str, rma: &str, transition: Value) -> reqwest::Response {
    post(
        app,
        &format!("/api/v1/desk/returns/{rma}/transitions"),
        agent,
        &transition,
    )
    .await
}

async fn counter_token(app: &TestApp) -> String {
    let response = app
        .sign_in(
            sf_server::returns::seed::DEMO_COUNTER_EMAIL,
            sf_server::demo::DEMO_AGENT_PASSWORD,
        )
        .await;
    let session: Value = response.json().await.unwrap();
    assert_eq!(session["agent"]["store"]["name"], "Demo Store Riverside");
    session["token"].as_str().unwrap().to_owned()
}

async fn every_item_says_how_many_can_be_returned_or_why_none(database: TestDatabase) {
    let app = seeded(database).await;
    let order = returnable(&app, "SF-1013", &lena(&app).await).await;
    let shirt = item(&order, "Organic");
    assert_eq!(
        (shirt["ordered"].as_u64(), shirt["returnable"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(shirt["variant"], "Size M");
    // Only the variant in stock is offered.
    let options = shirt["exchange_options"].as_array().unwrap();
    assert_eq!(options.len(), 1);
    assert_eq!(options[0]["variant"], "Size S");
    assert_eq!(item(&order, "Wool")["not_returnable"], "final_sale");
    let kettle = item(&order, "Electric");
    assert_eq!(kettle["not_returnable"], "window_closed");
    assert_eq!(kettle["returnable"], 0);
    assert!(kettle["last_day"].as_str().unwrap().len() == 10, "{kettle}");
    assert_eq!(item(&order, "Stoneware")["returnable"], 1);
    assert_eq!(order["currency"], "USD");
    assert_eq!(order["stores"].as_array().unwrap().len(), 2);
    assert_eq!(order["policy"]["store_credit_bonus_basis_points"], 1000);
    // Nothing delivered yet: nothing to return.
    let unshipped = order_token(&app, "SF-1008", "hana@example.com").await;
    let waiting = returnable(&app, "SF-1008", &unshipped).await;
    assert!(waiting["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|item| item["not_returnable"] == "not_delivered"));
    // A shop that stops taking returns is no longer offered.
    sqlx::query("UPDATE stores SET accepts_returns = 0 WHERE name = 'Demo Store Old Town'")
        .execute(&app.server.db.pool)
        .await
        .unwrap();
    let order = returnable(&app, "SF-1013", &lena(&app).await).await;
    assert_eq!(order["stores"].as_array().unwrap().len(), 1);
    app.stop().await;
}

/// Moves SF-1013's delivery to `days_ago` days before now.
async fn delivered_days_ago(app: &TestApp, days_ago: i64) {
    let at = time::OffsetDateTime::now_utc() - time::Duration::days(days_ago);
    sqlx::query(
        "UPDATE shipment_events SET occurred_at = $1 WHERE status = 'delivered' AND shipment_id = \
         (SELECT s.id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.order_number = 'SF-1013')",
    )
    .bind(sf_server::db::timestamp(at))
    .execute(&app.server.db.pool)
    .await
    .unwrap();
}

async fn the_window_includes_its_last_day_and_not_the_next(database: TestDatabase) {
    let app = seeded(database).await;
    let token = lena(&app).await;
    delivered_days_ago(&app, 30).await;
    let order = returnable(&app, "SF-1013", &token).await;
    let mug = item(&order, "Stoneware");
    assert_eq!(mug["returnable"], 1, "day 30 is the last day: {mug}");
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert_eq!(mug["last_day"], today.as_str());
    assert_eq!(item(&order, "Electric")["not_returnable"], "window_closed");
    delivered_days_ago(&app, 31).await;
    let order = returnable(&app, "SF-1013", &token).await;
    assert_eq!(item(&order, "Stoneware")["not_returnable"], "window_closed");
    // The server decides at submission too, whatever the page showed.
    let mug_id = item(&order, "Stoneware")["item_id"].clone();
    let response = create(
        &app,
        &token,
        &request(vec![line(&mug_id, 1, "refund")], "mail", "late"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    let field = format!("item-{mug_id}-quantity");
    assert!(
        error["fields"][&field][0]
            .as_str()
            .unwrap()
            .contains("no longer"),
        "{error}"
    );
    // A category's own window: 14 days for the kettle.
    delivered_days_ago(&app, 14).await;
    let order = returnable(&app, "SF-1013", &token).await;
    assert_eq!(item(&order, "Electric")["returnable"], 1);
    app.stop().await;
}

async fn fees_bonus_and_refund_are_computed_by_the_server(database: TestDatabase) {
    let app = seeded(database).await;
    for (rule, value) in [("restocking_fee_bp", 1_000), ("mail_fee_cents", 495)] {
        sqlx::query("INSERT INTO return_rules (rule, subject, value) VALUES ($1, '', $2)")
            .bind(rule)
            .bind(value)
            .execute(&app.server.db.pool)
            .await
            .unwrap();
    }
    let token = lena(&app).await;
    let order = returnable(&app, "SF-1013", &token).await;
    let (shirt, mug) = (
        item(&order, "Organic")["item_id"].clone(),
        item(&order, "Stoneware")["item_id"].clone(),
    );
    let quote = |body: Value| {
        let (app, token) = (&app, &token);
        async move {
            let response = post(app, "/api/v1/orders/SF-1013/returns/quote", token, &body).await;
            assert_eq!(response.status(), StatusCode::OK);
            let quote: Value = response.json().await.unwrap();
            quote["amounts"].clone()
        }
    };
    // Two shirts (2 × 25.00) refunded by mail: 10 % restocking, 4.95 label.
    let refund = quote(request(vec![line(&shirt, 2, "refund")], "mail", "q1")).await;
    assert_eq!(refund["items_cents"], 5000);
    assert_eq!(refund["restocking_fee_cents"], 500);
    assert_eq!(refund["shipping_fee_cents"], 495);
    assert_eq!(refund["refund_cents"], 5000 - 500 - 495);
    // The mug (18.00) as store credit in a shop: 10 % bonus, no fees.
    let credit = quote(request(
        vec![line(&mug, 1, "store_credit")],
        "drop_off",
        "q2",
    ))
    .await;
    assert_eq!(
        (
            credit["bonus_cents"].as_i64(),
            credit["store_credit_cents"].as_i64()
        ),
        (Some(180), Some(1980))
    );
    assert_eq!(credit["shipping_fee_cents"], 0);
    // An exchange moves no money, and is only for a variant in stock.
    let size_s = item(&order, "Organic")["exchange_options"][0]["product_id"].clone();
    let mut exchange = line(&shirt, 1, "exchange");
    exchange["exchange_product_id"] = size_s;
    let swapped = quote(request(vec![exchange.clone()], "mail", "q3")).await;
    assert_eq!(
        (
            swapped["refund_cents"].as_i64(),
            swapped["shipping_fee_cents"].as_i64()
        ),
        (Some(0), Some(0))
    );
    exchange["exchange_product_id"] = json!(i64::MAX);
    let response = post(
        &app,
        "/api/v1/orders/SF-1013/returns/quote",
        &token,
        &request(vec![exchange], "mail", "q4"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_of(response).await["fields"][format!("item-{shirt}-exchange")].is_array());
    app.stop().await;
}

async fn a_request_id_makes_one_return_and_quantities_are_capped(database: TestDatabase) {
    let app = seeded(database).await;
    let token = lena(&app).await;
    let order = returnable(&app, "SF-1013", &token).await;
    let shirt = item(&order, "Organic")["item_id"].clone();
    let body = request(vec![line(&shirt, 1, "refund")], "mail", "double-click-1");
    let first = created(&app, &token, &body).await;
    let rma = first["rma"].as_str().unwrap().to_owned();
    assert!(rma.starts_with("R-") && rma.len() == 8, "{rma}");
    assert_eq!(first["status"], "requested");
    assert!(first["label_url"]
        .as_str()
        .unwrap()
        .contains("/label?token="));
    // The same request again (a double click, a retry): the same return, answered 200.
    let again = create(&app, &token, &body).await;
    assert_eq!(again.status(), StatusCode::OK);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["return"]["rma"], rma.as_str());
    let order = returnable(&app, "SF-1013", &token).await;
    assert_eq!(order["returns"].as_array().unwrap().len(), 1);
    assert_eq!(
        item(&order, "Organic")["returnable"],
        1,
        "one of two is in a return"
    );
    // More than is left: refused on its line, nothing made.
    let greedy = request(vec![line(&shirt, 2, "refund")], "mail", "greedy");
    let response = create(&app, &token, &greedy).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert!(error["fields"][format!("item-{shirt}-quantity")][0]
        .as_str()
        .unwrap()
        .contains("at most 1"));
    // What the form can see is refused the same way: missing choices, unknown fields.
    let response = create(&app, &token, &json!({ "lines": [], "request_id": "x" })).await;
    let error = error_of(response).await;
    assert!(
        error["fields"]["items"].is_array() && error["fields"]["method"].is_array(),
        "{error}"
    );
    let mut unknown = body.clone();
    unknown["refund_cents"] = json!(1_000_000);
    assert_eq!(
        create(&app, &token, &unknown).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The final-sale socks cannot be returned, whatever the client sends.
    let socks = item(&order, "Wool")["item_id"].clone();
    let response = create(
        &app,
        &token,
        &request(vec![line(&socks, 1, "refund")], "mail", "socks"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Refunds are computed from the price paid, not today's price.
    sqlx::query("UPDATE products SET price_cents = 1 WHERE sku = 'TEE-02'")
        .execute(&app.server.db.pool)
        .await
        .unwrap();
    let paid = post(
        &app,
        "/api/v1/orders/SF-1013/returns/quote",
        &token,
        &request(vec![line(&shirt, 1, "refund")], "mail", "price"),
    )
    .await;
    let paid: Value = paid.json().await.unwrap();
    assert_eq!(paid["amounts"]["items_cents"], 2500);
    // An in-store return names a shop that takes returns.
    let mut in_store = request(vec![line(&shirt, 1, "refund")], "in_store", "shop");
    in_store["store_id"] = json!(999_999);
    let error = error_of(create(&app, &token, &in_store).await).await;
    assert!(error["fields"]["store"].is_array(), "{error}");
    let order = returnable(&app, "SF-1013", &token).await;
    assert_eq!(
        order["returns"].as_array().unwrap().len(),
        1,
        "no refusal made a return"
    );
    app.stop().await;
}

async fn only_the_orders_shopper_and_agents_see_a_return(database: TestDatabase) {
    let app = seeded(database).await;
    let token = lena(&app).await;
    let ada = order_token(&app, "SF-1001", "ada@example.com").await;
    let no_token = app
        .get("/api/v1/orders/SF-1013/returns")
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), StatusCode::UNAUTHORIZED);
    let other = app
        .get("/api/v1/orders/SF-1013/returns")
        .bearer_auth(&ada)
        .send()
        .await
        .unwrap();
    assert_eq!(
        other.status(),
        StatusCode::UNAUTHORIZED,
        "another order's token"
    );
    let order = returnable(&app, "SF-1013", &token).await;
    let mug = item(&order, "Stoneware")["item_id"].clone();
    let made = created(
        &app,
        &token,
        &request(vec![line(&mug, 1, "refund")], "drop_off", "a1"),
    )
    .await;
    let rma = made["rma"].as_str().unwrap();
    assert!(made["qr_svg"].as_str().unwrap().starts_with("<svg"));
    // The desk's routes take an agent's token, never a shopper's.
    for shopper_token in [&token, &ada] {
        let response = app
            .get(&format!("/api/v1/desk/returns/{rma}"))
            .bearer_auth(shopper_token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let agent = app.demo_agent_token().await;
    let found = app
        .get(&format!(
            "/api/v1/desk/returns/{}",
            rma.to_lowercase().replace('-', "")
        ))
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap();
    assert_eq!(
        found.status(),
        StatusCode::OK,
        "found as typed, any case, no dash"
    );
    let found: Value = found.json().await.unwrap();
    assert_eq!(found["email"], "lena@example.com");
    let missing = app
        .get("/api/v1/desk/returns/R-ZZZZZZ")
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn each_status_move_is_recorded_and_wrong_moves_are_refused(database: TestDatabase) {
    let app = seeded(database).await;
    let token = lena(&app).await;
    let order = returnable(&app, "SF-1013", &token).await;
    let (shirt, mug) = (
        item(&order, "Organic")["item_id"].clone(),
        item(&order, "Stoneware")["item_id"].clone(),
    );
    let riverside = order["stores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Demo Store Riverside")
        .unwrap()["id"]
        .clone();
    let mut body = request(
        vec![line(&shirt, 2, "refund"), line(&mug, 1, "store_credit")],
        "in_store",
        "m1",
    );
    body["store_id"] = riverside;
    let made = created(&app, &token, &body).await;
    let rma = made["rma"].as_str().unwrap().to_owned();
    let agent = app.demo_agent_token().await;
    // The queue lists it, oldest first, after the demo's waiting return.
    let queue: Value = app
        .get("/api/v1/desk/returns?status=requested")
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed: Vec<&str> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rma"].as_str().unwrap())
        .collect();
    assert_eq!(listed.last(), Some(&rma.as_str()));
    assert_eq!(queue.as_array().unwrap().last().unwrap()["units"], 3);
    // Nothing is received before it is approved, nor refunded before it is received.
    for (transition, status) in [
        (json!({"to": "received", "lines": []}), StatusCode::CONFLICT),
        (json!({"to": "refunded"}), StatusCode::CONFLICT),
    ] {
        assert_eq!(
            move_to(&app, &agent, &rma, transition).await.status(),
            status
        );
    }
    let no_reason = move_to(
        &app,
        &agent,
        &rma,
        json!({"to": "rejected", "reason": "  "}),
    )
    .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_of(no_reason).await["fields"]["reason"].is_array());
    assert_eq!(
        move_to(&app, &agent, &rma, json!({"to": "approved"}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        move_to(&app, &agent, &rma, json!({"to": "approved"}))
            .await
            .status(),
        StatusCode::CONFLICT,
        "twice"
    );
    // The demo's lamp: approved, received with nothing in the parcel, cannot be refunded.
    let waiting = "R-DEM2XQ";
    let lamp: Value = app
        .get(&format!("/api/v1/desk/returns/{waiting}"))
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let lamp_line = lamp["return"]["lines"][0]["line_id"].clone();
    let empty =
        json!({"to": "received", "lines": [{"line_id": lamp_line, "received": 0, "damaged": 0}]});
    for (transition, status) in [
        (json!({"to": "approved"}), StatusCode::OK),
        (empty, StatusCode::OK),
        (json!({"to": "refunded"}), StatusCode::CONFLICT),
    ] {
        assert_eq!(
            move_to(&app, &agent, waiting, transition).await.status(),
            status
        );
    }
    // At the Riverside counter, with one shirt damaged.
    let counter = counter_token(&app).await;
    let lines = made["lines"].as_array().unwrap();
    let shirt_line = lines.iter().find(|l| l["item_id"] == shirt).unwrap()["line_id"].clone();
    let too_many = move_to(
        &app,
        &counter,
        &rma,
        json!({"to": "received", "lines": [{"line_id": shirt_line, "received": 3, "damaged": 0}]}),
    )
    .await;
    assert_eq!(too_many.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let received = move_to(
        &app,
        &counter,
        &rma,
        json!({"to": "received", "lines": [{"line_id": shirt_line, "received": 2, "damaged": 1}]}),
    )
    .await;
    assert_eq!(received.status(), StatusCode::OK);
    let received: Value = received.json().await.unwrap();
    let view = &received["return"];
    assert_eq!(view["status"], "received");
    let shirt_view = view["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["item_id"] == shirt)
        .unwrap();
    assert_eq!(
        (
            shirt_view["received_quantity"].as_u64(),
            shirt_view["damaged_quantity"].as_u64()
        ),
        (Some(2), Some(1))
    );
    let mug_view = view["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["item_id"] == mug)
        .unwrap();
    assert_eq!(
        mug_view["received_quantity"], 1,
        "a line not listed arrived whole"
    );
    assert!(
        view["qr_svg"].is_null(),
        "nothing left to show at a counter"
    );
    assert_eq!(
        move_to(&app, &agent, &rma, json!({"to": "refunded"}))
            .await
            .status(),
        StatusCode::OK
    );
    // The shopper's status page shows every step, and where it was received.
    let order = returnable(&app, "SF-1013", &token).await;
    let mine = order["returns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rma"] == rma.as_str())
        .unwrap();
    let steps: Vec<&str> = mine["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["requested", "approved", "received", "refunded"]);
    assert_eq!(mine["events"][2]["store_name"], "Demo Store Riverside");
    // The desk's timeline of the shopper has it too.
    let started = app.start_conversation(&json!({"name": "Lena", "email": "lena@example.com", "message": "About my return", "client_id": "c1"})).await;
    let started: Value = started.json().await.unwrap();
    let id = started["conversation_id"].as_i64().unwrap();
    let timeline: Value = app
        .get(&format!("/api/v1/chat/conversations/{id}/timeline"))
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(timeline["returns"][0]["rma"], rma.as_str());
    assert_eq!(
        timeline["returns"][0]["events"].as_array().unwrap().len(),
        4
    );
    // A rejection frees the items for another return, and says why.
    assert_eq!(
        move_to(
            &app,
            &agent,
            waiting,
            json!({"to": "rejected", "reason": "The lamp was used."})
        )
        .await
        .status(),
        StatusCode::OK
    );
    let dev = order_token(&app, "SF-1012", "dev@example.com").await;
    let order = returnable(&app, "SF-1012", &dev).await;
    assert_eq!(order["items"][0]["returnable"], 1);
    assert_eq!(
        order["returns"][0]["events"][3]["note"],
        "The lamp was used."
    );
    app.stop().await;
}

async fn upload(app: &TestApp, number: &str, token: &str, bytes: &[u8]) -> reqwest::Response {
    app.post(&format!("/api/v1/orders/{number}/return-photos"))
        .bearer_auth(token)
        .header("content-type", "image/png")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
}

async fn photos_are_checked_by_content_and_the_label_is_the_returns_own(database: TestDatabase) {
    let app = seeded(database).await;
    let token = lena(&app).await;
    let order = returnable(&app, "SF-1013", &token).await;
    let mug = item(&order, "Stoneware")["item_id"].clone();
    // Script named as a PNG is refused by its bytes.
    let fake = upload(&app, "SF-1013", &token, b"<svg onload=alert(1)>").await;
    assert_eq!(fake.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // Damage needs a photo.
    let mut damaged =
        json!({"item_id": mug, "quantity": 1, "reason": "damaged", "outcome": "refund"});
    let response = create(&app, &token, &request(vec![damaged.clone()], "mail", "p1")).await;
    let error = error_of(response).await;
    assert!(
        error["fields"][format!("item-{mug}-photo")].is_array(),
        "{error}"
    );
    // Another order's photo is not this order's.
    let ada = order_token(&app, "SF-1001", "ada@example.com").await;
    let theirs: Value = upload(&app, "SF-1001", &ada, PNG)
        .await
        .json()
        .await
        .unwrap();
    damaged["photo"] = theirs["key"].clone();
    let response = create(&app, &token, &request(vec![damaged.clone()], "mail", "p2")).await;
    assert!(error_of(response).await["fields"][format!("item-{mug}-photo")].is_array());
    let mine = upload(&app, "SF-1013", &token, PNG).await;
    assert_eq!(mine.status(), StatusCode::CREATED);
    let mine: Value = mine.json().await.unwrap();
    damaged["photo"] = mine["key"].clone();
    let made = created(&app, &token, &request(vec![damaged], "mail", "p3")).await;
    let photo_url = made["lines"][0]["photo_url"].as_str().unwrap().to_owned();
    let photo = app.get(&photo_url).send().await.unwrap();
    assert_eq!(photo.status(), StatusCode::OK);
    assert_eq!(photo.headers()["content-type"], "image/png");
    assert_eq!(photo.headers()["x-content-type-options"], "nosniff");
    // The printable label opens with its own token only.
    let label_url = made["label_url"].as_str().unwrap().to_owned();
    let label = app.get(&label_url).send().await.unwrap();
    assert_eq!(label.status(), StatusCode::OK);
    let page = label.text().await.unwrap();
    let rma = made["rma"].as_str().unwrap();
    assert!(page.contains(rma) && page.contains("Lena Fischer") && page.contains("<svg"));
    let forged = label_url.replace(rma, "R-ABCDEF");
    assert_eq!(
        app.get(&forged).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let tampered = format!("{label_url}x");
    assert_eq!(
        app.get(&tampered).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    // Once rejected, there is nothing to post: the label is gone.
    let agent = app.demo_agent_token().await;
    let reason = json!({"to": "rejected", "reason": "The photo shows no damage."});
    assert_eq!(
        move_to(&app, &agent, rma, reason).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&label_url).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn two_requests_at_once_never_return_more_than_was_bought(database: TestDatabase) {
    let app = seeded(database).await;
    let token = lena(&app).await;
    let order = returnable(&app, "SF-1013", &token).await;
    let shirt = item(&order, "Organic")["item_id"].clone();
    // Two tabs, each asking for both shirts with its own request id.
    let first = request(vec![line(&shirt, 2, "refund")], "mail", "tab-1");
    let second = request(vec![line(&shirt, 2, "refund")], "mail", "tab-2");
    let (a, b) = tokio::join!(create(&app, &token, &first), create(&app, &token, &second));
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY]
    );
    let order = returnable(&app, "SF-1013", &token).await;
    assert_eq!(order["returns"].as_array().unwrap().len(), 1);
    assert_eq!(item(&order, "Organic")["returnable"], 0);
    app.stop().await;
}
