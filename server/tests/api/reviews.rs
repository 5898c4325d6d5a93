//! Reviews against the real server, on SQLite and PostgreSQL: verification by a delivered
//! order or a review-request link (never by the shopper's say-so); one review per product
//! per order and one per request id; the automatic moderation (a clean one-star review is
//! published) and the desk's decisions, logged; listing order, filters, pages and summary;
//! helpful votes; replies; the JSON-LD; photos; rate limits; review requests on delivery; the
//! shopper's timeline.
//!
//! The demo's mug (MUG-01) has four published reviews (5, 4, 1 and 3 stars; Ada's and Dev's
//! verified, Ada's with a reply, Noor's with a photo) and one held with a link. SF-1013
//! (lena@example.com) was delivered 20 days ago with the mug and T-shirts, which ask fit
//! and quality; SF-1008 (hana@example.com) has a mug not yet shipped.

use crate::common::{
    assert_rate_limited, error_of, json_of, strings_of, TestApp, TestDatabase, PNG,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

both_databases!(
    only_a_delivered_order_or_a_request_link_verifies_a_review,
    one_review_per_product_per_order_and_per_request_id,
    moderation_holds_policy_breaches_and_publishes_a_clean_one_star_review,
    listings_sort_filter_page_and_summarise_published_reviews,
    each_browser_counts_once_as_helpful,
    desk_decisions_are_logged_with_reasons_and_replies_are_listed,
    the_json_ld_describes_the_page_and_is_safe_in_html,
    photos_are_checked_by_content_and_listed_with_their_review,
    markup_is_stored_and_answered_as_text,
    submissions_are_rate_limited_per_address,
    a_delivery_webhook_makes_review_requests_once,
    reviews_appear_on_the_shoppers_timeline,
    a_rejected_review_gives_its_order_back,
    simultaneous_submissions_make_one_review_per_request_and_per_order,
    a_held_reviews_photos_are_the_desks_and_unnamed_uploads_expire,
    a_product_is_read_on_its_own,
);

/// The demo store, with a submission limit no test reaches unless it means to.
async fn seeded(database: TestDatabase) -> TestApp {
    TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.review_submissions_per_10_minutes = 1000;
    })
    .await
}

/// The demo store (as [`seeded`]) and its agent's desk token, signed in.
async fn seeded_with_agent(database: TestDatabase) -> (TestApp, String) {
    let app = seeded(database).await;
    let agent = app.demo_agent_token().await;
    (app, agent)
}

/// A review form with the fields each test varies; the rest are the plainest answers (Lena's
/// display name, no fit, quality, photos or proof), changed one at a time with [`With::with`].
fn submission(request_id: &str, rating: u8, title: &str, body: &str) -> Value {
    json!({
        "request_id": request_id, "rating": rating, "title": title, "body": body,
        "display_name": "Lena F.", "fit": null, "quality": null, "photos": [], "proof": null,
    })
}

/// One field of a form set (or added, to test unknown fields), chained after [`submission`].
trait With {
    fn with(self, field: &str, value: Value) -> Self;
}

impl With for Value {
    fn with(mut self, field: &str, value: Value) -> Self {
        self[field] = value;
        self
    }
}

fn order_proof(number: &str, email: &str) -> Value {
    json!({ "by": "order", "order_number": number, "email": email })
}

/// Proof by SF-1013, Lena's delivered order (the mug, T-shirts, socks and kettle).
fn lena_order() -> Value {
    order_proof("SF-1013", "lena@example.com")
}

/// A form proved by Lena's delivered order SF-1013.
fn proved_by_lena(request_id: &str, rating: u8, title: &str, body: &str) -> Value {
    submission(request_id, rating, title, body).with("proof", lena_order())
}

fn link_proof(link: &Value) -> Value {
    json!({ "by": "request", "request": link["id"], "token": link["token"] })
}

async fn submit(app: &TestApp, sku: &str, body: &Value) -> reqwest::Response {
    app.post_json(&format!("/api/v1/products/{sku}/reviews"), body)
        .await
}

/// Submits and expects `status`, answering the body.
async fn submitted(app: &TestApp, sku: &str, body: &Value, status: StatusCode) -> Value {
    let response = submit(app, sku, body).await;
    assert_eq!(response.status(), status, "{body}");
    response.json().await.unwrap()
}

/// Submits a new review (201), answering the body.
async fn created(app: &TestApp, sku: &str, body: &Value) -> Value {
    submitted(app, sku, body, StatusCode::CREATED).await
}

/// The 422's fields of a refused submission.
async fn refused(app: &TestApp, sku: &str, body: &Value) -> Value {
    let response = submit(app, sku, body).await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{body}"
    );
    error_of(response).await["fields"].clone()
}

/// Asserts the refusal's first message for `field` says `text`.
fn assert_says(fields: &Value, field: &str, text: &str) {
    let message = fields[field][0].as_str().unwrap_or_default();
    assert!(
        message.contains(text),
        "{field} should say {text:?}: {fields}"
    );
}

async fn listing(app: &TestApp, sku: &str, query: &str) -> Value {
    let response = app
        .fetch(&format!("/api/v1/products/{sku}/reviews{query}"))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

fn titles(listing: &Value) -> Vec<&str> {
    strings_of(&listing["reviews"], "title")
}

/// The `field` number of each review listed (ratings, helpful counts), in order.
fn numbers(listing: &Value, field: &str) -> Vec<u64> {
    listing["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|review| review[field].as_u64().unwrap())
        .collect()
}

/// The listing's JSON-LD, parsed.
fn json_ld(listing: &Value) -> Value {
    serde_json::from_str(listing["json_ld"].as_str().unwrap()).unwrap()
}

/// How many reviews are stored under request ids matching `pattern` (SQL `LIKE`), whatever
/// the answers said.
async fn stored_reviews(app: &TestApp, pattern: &str) -> i64 {
    app.count(
        "SELECT COUNT(*) FROM reviews WHERE request_id LIKE $1",
        &[pattern],
    )
    .await
}

async fn desk_get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.fetch_as(&format!("/api/v1/desk/{path}"), token).await
}

/// A desk list (`reviews`, `reviews?status=…`).
async fn desk_list(app: &TestApp, token: &str, path: &str) -> Vec<Value> {
    desk_get(app, token, path).await.json().await.unwrap()
}

async fn desk_review(app: &TestApp, token: &str, id: &Value) -> Value {
    let response = desk_get(app, token, &format!("reviews/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The order's review-request links, as the desk sends them.
async fn request_links(app: &TestApp, token: &str, order: &str) -> Vec<Value> {
    let response = desk_get(app, token, &format!("orders/{order}/review-requests")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn link_for<'a>(links: &'a [Value], sku: &str) -> &'a Value {
    links
        .iter()
        .find(|link| link["sku"] == sku)
        .unwrap_or_else(|| panic!("no request for {sku} in {links:?}"))
}

/// Opens review request `request` with `token`, as the emailed link does.
async fn open_request(app: &TestApp, request: &Value, token: &Value) -> reqwest::Response {
    let token = token.as_str().unwrap();
    app.fetch(&format!("/api/v1/review-requests/{request}?token={token}"))
        .await
}

/// Opens a review-request link with its own token, answering the form's view of it.
async fn opened(app: &TestApp, link: &Value) -> Value {
    let response = open_request(app, &link["id"], &link["token"]).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn decide(app: &TestApp, token: &str, id: &Value, body: Value) -> reqwest::Response {
    let path = format!("/api/v1/desk/reviews/{id}/decision");
    app.send_json_as(Method::POST, &path, token, &body).await
}

async fn publish(app: &TestApp, token: &str, id: &Value) -> reqwest::Response {
    decide(app, token, id, json!({ "status": "published" })).await
}

async fn reject(app: &TestApp, token: &str, id: &Value, reason: &str) -> reqwest::Response {
    decide(
        app,
        token,
        id,
        json!({ "status": "rejected", "reason": reason }),
    )
    .await
}

async fn reply(app: &TestApp, token: &str, id: &Value, body: &str) -> reqwest::Response {
    let path = format!("/api/v1/desk/reviews/{id}/reply");
    app.send_json_as(Method::PUT, &path, token, &json!({ "body": body }))
        .await
}

async fn only_a_delivered_order_or_a_request_link_verifies_a_review(database: TestDatabase) {
    let (app, agent) = seeded_with_agent(database).await;
    // Saying so is not proof: a review without one is published, without the badge.
    let plain = created(
        &app,
        "MUG-01",
        &submission("plain-1", 4, "Nice mug", "I like it well enough."),
    )
    .await;
    assert_eq!(
        (&plain["status"], &plain["verified"]),
        (&json!("published"), &json!(false))
    );
    // The order number and its email, typed loosely, for a delivered mug.
    let proved = submission("order-1", 5, "Great", "Exactly as pictured, lovely.")
        .with("proof", order_proof(" sf-1013 ", "Lena@Example.com"));
    let review = created(&app, "MUG-01", &proved).await;
    assert_eq!(review["verified"], true);
    let page = listing(&app, "MUG-01", "").await;
    assert_eq!(page["reviews"][0]["id"], review["id"]);
    assert_eq!(page["reviews"][0]["verified"], true);
    assert_eq!(page["reviews"][1]["verified"], false);
    assert_eq!(
        desk_review(&app, &agent, &review["id"]).await["order_number"],
        "SF-1013"
    );
    // A proof that fails is refused, never quietly unverified: a wrong email, an order
    // whose mug has not shipped, an order without this product.
    for (number, email, sku) in [
        ("SF-1013", "someone@example.com", "LAMP-03"),
        ("SF-1008", "hana@example.com", "MUG-01"),
        ("SF-1013", "lena@example.com", "LAMP-03"),
        ("SF-9999", "lena@example.com", "MUG-01"),
    ] {
        let id = format!("bad-{number}-{sku}");
        let body = submission(&id, 3, "Hmm", "Some words about it.")
            .with("proof", order_proof(number, email));
        assert_says(
            &refused(&app, sku, &body).await,
            "order_number",
            "No delivered order",
        );
    }
    // The review-request link opens the form already verified, for its own product only.
    let links = request_links(&app, &agent, "SF-1013").await;
    let skus: Vec<&str> = links
        .iter()
        .map(|link| link["sku"].as_str().unwrap())
        .collect();
    assert_eq!(skus, ["MUG-01", "TEE-02", "SOCK-06", "KETTLE-07"]);
    let shirt = link_for(&links, "TEE-02");
    let url = shirt["url"].as_str().unwrap();
    let expected = format!("/reviews?product=TEE-02&request={}&token=", shirt["id"]);
    assert!(url.starts_with(&expected), "{url}");
    let view = opened(&app, shirt).await;
    assert_eq!(view["order_number"], "SF-1013");
    assert_eq!(view["product"]["asks_fit"], true);
    assert_eq!(view["review"], Value::Null);
    let for_mug = submission("link-wrong-product", 4, "Mug", "Using the shirt's link.")
        .with("proof", link_proof(shirt));
    assert_says(
        &refused(&app, "MUG-01", &for_mug).await,
        "request",
        "not valid",
    );
    let forged = submission("link-forged", 4, "Shirt", "With a made-up token.").with(
        "proof",
        json!({ "by": "request", "request": shirt["id"], "token": "bm9wZQ.bm9wZQ" }),
    );
    assert!(refused(&app, "TEE-02", &forged).await["request"].is_array());
    let by_link = submission("link-1", 4, "Soft", "Soft and fits well.")
        .with("display_name", json!("Lena"))
        .with("fit", json!("true_to_size"))
        .with("quality", json!(4))
        .with("proof", link_proof(shirt));
    let review = created(&app, "TEE-02", &by_link).await;
    assert_eq!(review["verified"], true);
    let shirts = listing(&app, "TEE-02", "").await;
    assert_eq!(shirts["reviews"][0]["fit"], "true_to_size");
    assert_eq!(shirts["reviews"][0]["quality"], 4);
    assert_eq!(opened(&app, shirt).await["review"]["id"], review["id"]);
    // A token is its own request's only, and a product asks only what it asks.
    let mug = link_for(&links, "MUG-01");
    let wrong = open_request(&app, &mug["id"], &shirt["token"]).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let fit_for_a_mug =
        submission("fit-mug", 4, "Mug", "A mug does not fit.").with("fit", json!("runs_small"));
    assert!(refused(&app, "MUG-01", &fit_for_a_mug).await["fit"].is_array());
    let unknown = submit(
        &app,
        "NOPE-1",
        &submission("x-1", 4, "x", "Nothing to review."),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn one_review_per_product_per_order_and_per_request_id(database: TestDatabase) {
    let (app, agent) = seeded_with_agent(database).await;
    let first = proved_by_lena("form-1", 2, "Too small", "Smaller than I hoped.");
    let review = created(&app, "MUG-01", &first).await;
    // A double click or a retry: the same review, answered 200.
    let again = submitted(&app, "MUG-01", &first, StatusCode::OK).await;
    assert_eq!(again, review);
    // Another form for the same order and product: already reviewed, by either proof.
    let second = first.clone().with("request_id", json!("form-2"));
    let fields = refused(&app, "MUG-01", &second).await;
    assert_says(&fields, "order_number", "already has a review");
    let links = request_links(&app, &agent, "SF-1013").await;
    let by_link = submission("form-3", 2, "Again", "Trying once more.")
        .with("proof", link_proof(link_for(&links, "MUG-01")));
    let fields = refused(&app, "MUG-01", &by_link).await;
    assert_says(&fields, "request", "already has a review");
    // The same order may review another of its products.
    let socks = proved_by_lena("form-4", 5, "Warm", "Warm and soft socks.");
    created(&app, "SOCK-06", &socks).await;
    // A request id is one form's: reused for another product it is refused.
    let reused = submission("form-1", 5, "Lamp", "A lovely bright lamp.");
    assert!(refused(&app, "LAMP-03", &reused).await["request_id"].is_array());
    let reviews = stored_reviews(&app, "form-%").await;
    assert_eq!(reviews, 2);
    app.stop().await;
}

async fn moderation_holds_policy_breaches_and_publishes_a_clean_one_star_review(
    database: TestDatabase,
) {
    let (app, agent) = seeded_with_agent(database).await;
    let held = [
        ("link", "Cheaper at https://other.example/mug, go there."),
        ("email", "Email me at lena.f@example.com about it."),
        ("phone", "Call me on +34 612 345 678 about it."),
        ("profanity", "This is a shit mug, honestly."),
    ];
    for (flag, body) in held {
        let form = submission(&format!("held-{flag}"), 5, "About the lamp", body);
        let review = created(&app, "LAMP-03", &form).await;
        assert_eq!(review["status"], "pending", "{flag}");
        let review = desk_review(&app, &agent, &review["id"]).await;
        assert_eq!(review["status"], "pending");
        let decisions = review["decisions"].as_array().unwrap();
        assert_eq!(decisions.len(), 1, "the automatic decision is logged");
        assert_eq!(decisions[0]["flags"], json!([flag]));
        assert_eq!(decisions[0]["agent"], Value::Null);
    }
    // One star, harsh and clean: published like five stars.
    let body = "Flickers constantly and the switch broke in a week.";
    let harsh = created(&app, "LAMP-03", &submission("clean-1", 1, "Awful", body)).await;
    assert_eq!(harsh["status"], "published");
    // Capitals and exclamation are a tone, not a policy breach.
    let (title, body) = (
        "WORST KETTLE I HAVE EVER OWNED",
        "THE LID CAME OFF ON THE SECOND DAY AND IT LEAKS. AVOID!!!",
    );
    let angry = created(&app, "KETTLE-07", &submission("clean-2", 1, title, body)).await;
    assert_eq!(angry["status"], "published");
    // Hidden in invisible characters or in another script's digits, still held.
    for (flag, body) in [
        (
            "link",
            "Cheaper at cheap\u{200B}mugs.\u{200D}com, go there.",
        ),
        ("phone", "اتصل بي على ٠٥٥ ١٢٣ ٤٥٦٧ من فضلك"),
    ] {
        let form = submission(&format!("hidden-{flag}"), 5, "About the kettle", body);
        let review = created(&app, "KETTLE-07", &form).await;
        assert_eq!(review["status"], "pending", "{flag}");
    }
    let review = desk_review(&app, &agent, &harsh["id"]).await;
    assert_eq!(review["decisions"][0]["status"], "published");
    assert_eq!(review["decisions"][0]["flags"], json!([]));
    // Only the published one is listed and counted.
    let page = listing(&app, "LAMP-03", "").await;
    assert_eq!(titles(&page), ["Awful"]);
    assert_eq!(page["summary"]["histogram"], json!([1, 0, 0, 0, 0]));
    // The queue holds the four, oldest first, after the demo's own held review.
    let queue = desk_list(&app, &agent, "reviews").await;
    let bodies: Vec<&str> = queue
        .iter()
        .map(|r| r["review"]["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies.len(), 7, "{bodies:?}");
    assert!(bodies[0].contains("cheapmugs-outlet.com"));
    assert!(queue.iter().all(|review| review["status"] == "pending"));
    // Each review's own log, read for the whole queue at once.
    for review in &queue {
        assert_eq!(review["decisions"].as_array().unwrap().len(), 1, "{review}");
    }
    app.stop().await;
}

async fn listings_sort_filter_page_and_summarise_published_reviews(database: TestDatabase) {
    let app = seeded(database).await;
    // 25 generated reviews (bulk-10 and bulk-20 with photos) beside the demo's four.
    sf_server::reviews::seed::seed_bulk(&app.server.db, 25)
        .await
        .unwrap();
    let first = listing(&app, "MUG-01", "").await;
    let histogram: Vec<u64> = first["summary"]["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|bar| bar.as_u64().unwrap())
        .collect();
    assert_eq!(
        histogram.iter().sum::<u64>(),
        29,
        "the held review is not counted"
    );
    assert_eq!(first["matching"], 29);
    assert_eq!(first["page"], 1);
    assert_eq!(first["product"]["name"], "Stoneware mug");
    let dates = strings_of(&first["reviews"], "created_at");
    assert_eq!(dates.len(), 10);
    assert!(
        dates.windows(2).all(|pair| pair[0] >= pair[1]),
        "newest first: {dates:?}"
    );
    let last = listing(&app, "MUG-01", "?page=3").await;
    assert_eq!(last["reviews"].as_array().unwrap().len(), 9);
    assert_eq!(last["page"], 3);
    assert!(listing(&app, "MUG-01", "?page=4").await["reviews"]
        .as_array()
        .unwrap()
        .is_empty());
    // Every page together is every published review, once.
    let mut ids = Vec::new();
    for page in 1..=3 {
        let query = format!("?sort=lowest&page={page}");
        ids.extend(numbers(&listing(&app, "MUG-01", &query).await, "id"));
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 29);
    let highest = numbers(&listing(&app, "MUG-01", "?sort=highest").await, "rating");
    assert!(
        highest.windows(2).all(|pair| pair[0] >= pair[1]) && highest[0] == 5,
        "{highest:?}"
    );
    let lowest = numbers(&listing(&app, "MUG-01", "?sort=lowest").await, "rating");
    assert!(
        lowest.windows(2).all(|pair| pair[0] <= pair[1]) && lowest[0] == 1,
        "{lowest:?}"
    );
    let helpful = numbers(
        &listing(&app, "MUG-01", "?sort=most_helpful").await,
        "helpful",
    );
    assert!(
        helpful.windows(2).all(|pair| pair[0] >= pair[1]) && helpful[0] > 0,
        "{helpful:?}"
    );
    let one_star = listing(&app, "MUG-01", "?rating=1&sort=newest").await;
    assert_eq!(one_star["matching"].as_u64(), Some(histogram[0]));
    assert!(numbers(&one_star, "rating")
        .iter()
        .all(|rating| *rating == 1));
    assert_eq!(
        one_star["summary"], first["summary"],
        "the summary is never filtered"
    );
    let photos = listing(&app, "MUG-01", "?with_photos=true").await;
    assert_eq!(photos["matching"], 3);
    assert!(photos["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| !r["photos"].as_array().unwrap().is_empty()));
    for query in ["?rating=9", "?sort=best", "?colour=red"] {
        let response = app
            .fetch(&format!("/api/v1/products/MUG-01/reviews{query}"))
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
    }
    let unknown = app.fetch("/api/v1/products/NOPE-1/reviews").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn vote(app: &TestApp, id: &Value, voter: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/reviews/{id}/helpful"),
        &json!({ "voter": voter }),
    )
    .await
}

async fn each_browser_counts_once_as_helpful(database: TestDatabase) {
    let app = seeded(database).await;
    let roomy = submission("vote-1", 4, "Roomy", "Fits a laptop and lunch.");
    let review = created(&app, "BAG-04", &roomy).await;
    let id = &review["id"];
    let first = json_of(vote(&app, id, "browser-a").await).await;
    assert_eq!(first, json!({ "helpful": 1, "counted": true }));
    let again = json_of(vote(&app, id, "browser-a").await).await;
    assert_eq!(again, json!({ "helpful": 1, "counted": false }));
    // Another browser id from the same address within 24 hours is answered, not counted.
    let other = json_of(vote(&app, id, "browser-b").await).await;
    assert_eq!(other, json!({ "helpful": 1, "counted": false }));
    // Another address counts (127.0.0.2 is loopback too).
    let neighbour = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap();
    let elsewhere = neighbour
        .post(app.url(&format!("/api/v1/reviews/{id}/helpful")))
        .json(&json!({ "voter": "browser-c" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(elsewhere).await,
        json!({ "helpful": 2, "counted": true })
    );
    let again = json_of(vote(&app, id, "browser-b").await).await;
    assert_eq!(
        again["counted"], false,
        "an address's vote was not saved for later"
    );
    assert_eq!(
        listing(&app, "BAG-04", "").await["reviews"][0]["helpful"],
        2
    );
    for (id, voter, status) in [
        (id, "", StatusCode::UNPROCESSABLE_ENTITY),
        (id, "has spaces", StatusCode::UNPROCESSABLE_ENTITY),
        (&json!(99_999), "browser-a", StatusCode::NOT_FOUND),
    ] {
        assert_eq!(vote(&app, id, voter).await.status(), status, "{voter}");
    }
    // A held review cannot be voted on.
    let linked = submission("vote-2", 4, "See www.bags.com", "A link to elsewhere.");
    let held = created(&app, "BAG-04", &linked).await;
    assert_eq!(
        vote(&app, &held["id"], "browser-a").await.status(),
        StatusCode::NOT_FOUND
    );
    // 30 a minute per address: six were made here above (a refused voter id is not).
    for n in 0..24 {
        assert_eq!(
            vote(&app, id, &format!("v{n}")).await.status(),
            StatusCode::OK
        );
    }
    assert_rate_limited(vote(&app, id, "one-too-many").await).await;
    app.stop().await;
}

async fn desk_decisions_are_logged_with_reasons_and_replies_are_listed(database: TestDatabase) {
    let (app, agent) = seeded_with_agent(database).await;
    let drooping = submission("desk-1", 2, "Drooping", "Leaves turned yellow in a week.");
    let review = created(&app, "PLANT-05", &drooping).await;
    let id = &review["id"];
    assert_eq!(
        reply(&app, &agent, id, "  ").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        reply(&app, &agent, id, "Sorry! Water less often.")
            .await
            .status(),
        StatusCode::OK
    );
    let answer = "Sorry to hear it: water once a week and keep it out of direct sun.";
    let replied = json_of(reply(&app, &agent, id, answer).await).await;
    assert_eq!(replied["review"]["reply"]["body"], answer);
    let page = listing(&app, "PLANT-05", "").await;
    assert_eq!(
        page["reviews"][0]["reply"]["body"], answer,
        "the reply replaces the earlier one"
    );
    // Rejecting needs a reason; the decision is logged with the agent and the reason.
    let no_reason = decide(&app, &agent, id, json!({ "status": "rejected" })).await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_of(no_reason).await["fields"]["reason"].is_array());
    let rejected = reject(&app, &agent, id, "Not about the product.").await;
    assert_eq!(rejected.status(), StatusCode::OK);
    let rejected = json_of(rejected).await;
    assert_eq!(rejected["status"], "rejected");
    let decision = &rejected["decisions"][1];
    assert_eq!(decision["status"], "rejected");
    assert_eq!(decision["reason"], "Not about the product.");
    assert_eq!(decision["agent"], "Sam Rivera");
    assert!(titles(&listing(&app, "PLANT-05", "").await).is_empty());
    assert_eq!(
        listing(&app, "PLANT-05", "").await["summary"]["histogram"],
        json!([0, 0, 0, 0, 0])
    );
    // Not a move the table allows; `pending` is never asked for.
    let again = reject(&app, &agent, id, "Again.").await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let pending = decide(&app, &agent, id, json!({ "status": "pending" })).await;
    assert_eq!(pending.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let published = publish(&app, &agent, id).await;
    assert_eq!(published.status(), StatusCode::OK);
    let published = json_of(published).await;
    assert_eq!(published["decisions"].as_array().unwrap().len(), 3);
    assert_eq!(titles(&listing(&app, "PLANT-05", "").await), ["Drooping"]);
    // The queue by status, and only for agents.
    let published_queue = desk_list(&app, &agent, "reviews?status=published").await;
    assert!(published_queue
        .iter()
        .any(|review| review["review"]["id"] == *id));
    let anonymous = app.fetch("/api/v1/desk/reviews").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let anonymous = app
        .post_json(
            &format!("/api/v1/desk/reviews/{id}/decision"),
            &json!({ "status": "rejected", "reason": "x" }),
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        desk_get(&app, &agent, "reviews/99999").await.status(),
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn the_json_ld_describes_the_page_and_is_safe_in_html(database: TestDatabase) {
    let app = seeded(database).await;
    let title = "Quick </script><script>alert(1)</script>";
    let quick = submission("ld-1", 4, title, "Boils fast & quietly.");
    created(&app, "KETTLE-07", &quick).await;
    let leaks = submission("ld-2", 1, "Leaks", "It leaks from the base.");
    created(&app, "KETTLE-07", &leaks).await;
    let page = listing(&app, "KETTLE-07", "").await;
    let text = page["json_ld"].as_str().unwrap();
    assert!(!text.contains('<'), "{text}");
    assert!(text.contains("\\u003c/script"), "{text}");
    let ld = json_ld(&page);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Product");
    assert_eq!(ld["name"], "Electric kettle");
    assert_eq!(ld["sku"], "KETTLE-07");
    let rating = &ld["aggregateRating"];
    assert_eq!(rating["@type"], "AggregateRating");
    assert_eq!(rating["ratingValue"], 2.5);
    assert_eq!(rating["reviewCount"], 2);
    assert_eq!(
        (&rating["bestRating"], &rating["worstRating"]),
        (&json!(5), &json!(1))
    );
    assert_eq!(strings_of(&ld["review"], "name"), ["Leaks", title]);
    let leaks = &ld["review"][0];
    assert_eq!(leaks["@type"], "Review");
    assert_eq!(leaks["author"]["@type"], "Person");
    assert_eq!(leaks["author"]["name"], "Lena F.");
    assert_eq!(leaks["reviewRating"]["ratingValue"], 1);
    assert_eq!(leaks["reviewBody"], "It leaks from the base.");
    assert_eq!(leaks["datePublished"].as_str().unwrap().len(), 10);
    // The mug: the demo's four published reviews, not the held one.
    let mug = json_ld(&listing(&app, "MUG-01", "").await);
    assert_eq!(mug["aggregateRating"]["reviewCount"], 4);
    assert_eq!(mug["aggregateRating"]["ratingValue"], 3.3);
    // Without reviews there is no rating to claim.
    let empty = json_ld(&listing(&app, "SOCK-06", "").await);
    assert_eq!(empty["@type"], "Product");
    assert!(empty.get("aggregateRating").is_none() && empty.get("review").is_none());
    app.stop().await;
}

async fn upload(app: &TestApp, bytes: &[u8], content_type: &str) -> reqwest::Response {
    app.post("/api/v1/reviews/photos")
        .header("content-type", content_type)
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
}

/// Uploads the test PNG, answering its key and address.
async fn uploaded_png(app: &TestApp) -> Value {
    json_of(upload(app, PNG, "image/png").await).await
}

/// The status of `GET url` (a photo's address, as listed).
async fn status_of(app: &TestApp, url: &Value) -> StatusCode {
    app.fetch(url.as_str().unwrap()).await.status()
}

async fn photos_are_checked_by_content_and_listed_with_their_review(database: TestDatabase) {
    let app = seeded(database).await;
    // Text is not an image, whatever its label says.
    let text = upload(
        &app,
        b"<svg onload=alert(1)>not an image</svg>",
        "image/png",
    )
    .await;
    assert_eq!(text.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let too_large = upload(&app, &vec![0xff; 5 * 1024 * 1024 + 1], "image/jpeg").await;
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let uploaded = upload(&app, PNG, "application/octet-stream").await;
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    let uploaded = json_of(uploaded).await;
    let key = uploaded["key"].as_str().unwrap();
    // Its uploader previews it before sending the review; no shared cache keeps it.
    let preview = app.fetch(uploaded["url"].as_str().unwrap()).await;
    assert_eq!(preview.status(), StatusCode::OK);
    assert_eq!(preview.headers()["cache-control"], "private, max-age=300");
    let unknown = submission("photo-0", 4, "Photo", "With a photo I never sent.")
        .with("photos", json!(["nope"]));
    assert!(refused(&app, "BAG-04", &unknown).await["photos"].is_array());
    let with_photo =
        submission("photo-1", 4, "Photo", "Here is how it looks.").with("photos", json!([key]));
    created(&app, "BAG-04", &with_photo).await;
    let page = listing(&app, "BAG-04", "?with_photos=true").await;
    assert_eq!(page["matching"], 1);
    let url = page["reviews"][0]["photos"][0].as_str().unwrap();
    assert_eq!(url, uploaded["url"].as_str().unwrap());
    let served = app.fetch(url).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        served.headers()["cache-control"],
        "public, max-age=300",
        "briefly: a review taken down takes its photos with it"
    );
    assert_eq!(served.bytes().await.unwrap().as_ref(), PNG);
    // A photo belongs to one review.
    let taken =
        submission("photo-2", 4, "Again", "Someone else's photo.").with("photos", json!([key]));
    assert!(refused(&app, "BAG-04", &taken).await["photos"].is_array());
    assert_eq!(listing(&app, "BAG-04", "").await["matching"], 1);
    app.stop().await;
}

async fn markup_is_stored_and_answered_as_text(database: TestDatabase) {
    let app = seeded(database).await;
    let title = "<img src=x onerror=alert(1)>";
    let body = "<script>document.cookie</script> & <b>bold</b>\nsecond line";
    let name = "<i>Eve</i>";
    let payload = submission("markup-1", 3, title, body).with("display_name", json!(name));
    let review = created(&app, "BAG-04", &payload).await;
    assert_eq!(
        review["status"], "published",
        "markup is no policy breach: it is shown as text"
    );
    let review = &listing(&app, "BAG-04", "").await["reviews"][0];
    assert_eq!(review["title"], title);
    assert_eq!(review["body"], body);
    assert_eq!(review["display_name"], name);
    // Unknown fields and oversized bodies are refused; no SQL or trace in any answer.
    let extra = submission("markup-2", 3, "x", "An extra field.").with("verified", json!(true));
    let fields = refused(&app, "BAG-04", &extra).await;
    assert!(fields["verified"].is_array(), "{fields}");
    // Inside the proof too: a shopper cannot claim "verified" there either.
    let claimed = submission("markup-5", 3, "x", "A proof with a claim.")
        .with("proof", lena_order().with("verified", json!(true)));
    let response = submit(&app, "BAG-04", &claimed).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let stored = stored_reviews(&app, "markup-5").await;
    assert_eq!(stored, 0);
    let huge = submission("markup-3", 3, "x", &"a".repeat(70_000));
    let response = submit(&app, "BAG-04", &huge).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let long = submission("markup-4", 3, "x", &"a".repeat(4_001));
    let fields = refused(&app, "BAG-04", &long).await;
    assert!(fields["body"].is_array());
    let injected = submission("'; DROP TABLE reviews; --", 3, "x", "y").with("rating", json!(9));
    let text = submit(&app, "BAG-04", &injected)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !text.contains("SELECT") && !text.contains("sqlx") && !text.contains(".rs"),
        "{text}"
    );
    app.stop().await;
}

async fn submissions_are_rate_limited_per_address(database: TestDatabase) {
    // The default limit: five reviews per address in 10 minutes.
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let first = submission("limit-0", 4, "One", "The first review.");
    created(&app, "BAG-04", &first).await;
    // Form mistakes and replays cost nothing.
    let untitled = submission("limit-x", 4, "", "No title here.");
    refused(&app, "BAG-04", &untitled).await;
    submitted(&app, "BAG-04", &first, StatusCode::OK).await;
    for n in 1..5 {
        let body = submission(&format!("limit-{n}"), 4, "More", "Another review.");
        created(&app, "BAG-04", &body).await;
    }
    let sixth = submission("limit-5", 4, "Six", "One too many.");
    assert_rate_limited(submit(&app, "BAG-04", &sixth).await).await;
    app.stop().await;
}

async fn a_delivery_webhook_makes_review_requests_once(database: TestDatabase) {
    const SECRET: &str = "easypost-secret";
    let app = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.easypost_webhook_secret = Some(SECRET.into());
        config.public_url = Some("https://support.example.com/".into());
    })
    .await;
    let agent = app.demo_agent_token().await;
    // SF-1002's lamp is in transit: no request yet, and no verified review.
    assert!(request_links(&app, &agent, "SF-1002").await.is_empty());
    let lamp = submission("lamp-1", 5, "Bright", "A lovely bright lamp.")
        .with("proof", order_proof("SF-1002", "ben@example.com"));
    assert!(refused(&app, "LAMP-03", &lamp).await["order_number"].is_array());
    let delivered = |event_id: &str, at: &str| {
        json!({
            "id": event_id, "object": "Event", "description": "tracker.updated",
            "result": {
                "id": "trk_1", "object": "Tracker", "tracking_code": "JD014600006281230000",
                "status": "delivered", "est_delivery_date": null, "public_url": null,
                "tracking_details": [{
                    "object": "TrackingDetail", "message": "Delivered", "status": "delivered",
                    "datetime": at, "tracking_location": { "city": "Capital City", "state": null, "country": null }
                }]
            }
        })
        .to_string()
    };
    let at = sf_server::db::timestamp(time::OffsetDateTime::now_utc() - time::Duration::minutes(5));
    for event in ["evt_1", "evt_2"] {
        let response = app.easypost_webhook(SECRET, &delivered(event, &at)).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let links = request_links(&app, &agent, "SF-1002").await;
    assert_eq!(
        links.len(),
        1,
        "one request per product, however often delivery is reported"
    );
    assert_eq!(links[0]["sku"], "LAMP-03");
    assert_eq!(links[0]["created_at"], at.as_str(), "dated by the delivery");
    let url = links[0]["url"].as_str().unwrap();
    assert!(
        url.starts_with("https://support.example.com/reviews?product=LAMP-03&request="),
        "{url}"
    );
    // Delivered now: the order proves the purchase, and so does the link.
    let review = created(&app, "LAMP-03", &lamp).await;
    assert_eq!(review["verified"], true);
    let requests = app.count("SELECT COUNT(*) FROM review_requests", &[]).await;
    let expected = app
        .count(
            "SELECT COUNT(*) FROM (SELECT DISTINCT i.order_id, i.product_id FROM order_items i \
             WHERE EXISTS (SELECT 1 FROM shipment_events e WHERE e.shipment_id = i.shipment_id AND e.status = 'delivered')) AS d",
            &[],
        )
        .await;
    assert_eq!(
        requests, expected,
        "every delivered product of the demo has its request"
    );
    app.stop().await;
}

async fn reviews_appear_on_the_shoppers_timeline(database: TestDatabase) {
    use sf_server::live_chat::store::{insert_conversation, NewConversation};
    let (app, agent) = seeded_with_agent(database).await;
    let first = proved_by_lena(
        "timeline-1",
        2,
        "Socks itch",
        "Warm, but they itch a little.",
    );
    let socks = created(&app, "SOCK-06", &first).await;
    let second = proved_by_lena("timeline-2", 5, "Great mug", "My favourite mug now.");
    let mug = created(&app, "MUG-01", &second).await;
    // Unverified reviews name no order, so they are on nobody's timeline.
    let anonymous = submission("timeline-3", 3, "Anonymous", "Not tied to an order.");
    created(&app, "MUG-01", &anonymous).await;
    let answer = "Try washing them inside out first.";
    let replied = reply(&app, &agent, &socks["id"], answer).await;
    assert_eq!(replied.status(), StatusCode::OK);
    let conversation = insert_conversation(
        &app.server.db,
        &NewConversation {
            shopper_name: "Lena Fischer".into(),
            shopper_email: Some("lena@example.com".into()),
            customer_id: None,
            order_id: None,
        },
    )
    .await
    .unwrap();
    let path = format!("/api/v1/chat/conversations/{conversation}/timeline");
    let timeline = json_of(app.fetch_as(&path, &agent).await).await;
    let reviews = timeline["reviews"].as_array().unwrap();
    let ids: Vec<&Value> = reviews.iter().map(|review| &review["id"]).collect();
    assert_eq!(ids.len(), 2, "{reviews:?}");
    assert!(ids.contains(&&mug["id"]) && ids.contains(&&socks["id"]));
    assert!(
        reviews[0]["created_at"].as_str() >= reviews[1]["created_at"].as_str(),
        "newest first"
    );
    let socks_entry = reviews
        .iter()
        .find(|review| review["id"] == socks["id"])
        .unwrap();
    assert_eq!(socks_entry["product_name"], "Wool socks");
    assert_eq!(socks_entry["rating"], 2);
    assert_eq!(socks_entry["status"], "published");
    assert_eq!(socks_entry["reply"]["body"], answer);
    app.stop().await;
}

async fn a_rejected_review_gives_its_order_back(database: TestDatabase) {
    let (app, agent) = seeded_with_agent(database).await;
    let rubbish = proved_by_lena("again-1", 1, "Rubbish", "A shit mug, it cracked at once.");
    let first = created(&app, "MUG-01", &rubbish).await;
    assert_eq!(first["status"], "pending");
    let rejected = reject(
        &app,
        &agent,
        &first["id"],
        "Profanity: please write it again.",
    )
    .await;
    assert_eq!(rejected.status(), StatusCode::OK);
    // The link no longer shows it as the order's review, and the order may review again.
    let links = request_links(&app, &agent, "SF-1013").await;
    let mug = link_for(&links, "MUG-01");
    assert_eq!(opened(&app, mug).await["review"], Value::Null);
    let cracked = submission(
        "again-2",
        1,
        "Cracked",
        "It cracked the first time I used it.",
    )
    .with("proof", link_proof(mug));
    let second = created(&app, "MUG-01", &cracked).await;
    assert_eq!(
        (&second["status"], &second["verified"]),
        (&json!("published"), &json!(true))
    );
    // Publishing the rejected one now would give the order two reviews.
    let republished = publish(&app, &agent, &first["id"]).await;
    assert_eq!(republished.status(), StatusCode::CONFLICT);
    let message = error_of(republished).await["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("another review"), "{message}");
    assert_eq!(
        desk_review(&app, &agent, &first["id"]).await["status"],
        "rejected"
    );
    // The live one still counts as the order's review.
    let third = proved_by_lena("again-3", 5, "Changed my mind", "Actually it is fine.");
    assert!(refused(&app, "MUG-01", &third).await["order_number"].is_array());
    // Once the live one is rejected too, the first may be published again.
    let taken_down = reject(&app, &agent, &second["id"], "Duplicate.").await;
    assert_eq!(taken_down.status(), StatusCode::OK);
    let republished = publish(&app, &agent, &first["id"]).await;
    assert_eq!(republished.status(), StatusCode::OK);
    app.stop().await;
}

/// Sends `one` and `other` at once, answering both and their statuses, sorted.
async fn at_once(
    app: &TestApp,
    sku: &str,
    one: &Value,
    other: &Value,
) -> (reqwest::Response, reqwest::Response, [StatusCode; 2]) {
    let (a, b) = tokio::join!(submit(app, sku, one), submit(app, sku, other));
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    (a, b, statuses)
}

async fn simultaneous_submissions_make_one_review_per_request_and_per_order(
    database: TestDatabase,
) {
    let app = seeded(database).await;
    // A double click: the same form twice at once makes one review, answered to both.
    let twice = proved_by_lena("race-1", 4, "Warm", "Warm and soft socks.");
    let (a, b, statuses) = at_once(&app, "SOCK-06", &twice, &twice).await;
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CREATED]);
    assert_eq!(json_of(a).await["id"], json_of(b).await["id"]);
    // Two forms for the same order and product at once: one review, one refusal.
    let one = proved_by_lena("race-2", 5, "Great mug", "My favourite mug.");
    let other = one.clone().with("request_id", json!("race-3"));
    let (a, b, statuses) = at_once(&app, "MUG-01", &one, &other).await;
    assert_eq!(
        statuses,
        [StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY]
    );
    let loser = if a.status() == StatusCode::CREATED {
        b
    } else {
        a
    };
    let fields = error_of(loser).await["fields"].clone();
    assert!(fields["order_number"].is_array(), "{fields}");
    let reviews = stored_reviews(&app, "race-%").await;
    assert_eq!(reviews, 2);
    app.stop().await;
}

async fn a_held_reviews_photos_are_the_desks_and_unnamed_uploads_expire(database: TestDatabase) {
    let (app, agent) = seeded_with_agent(database).await;
    let uploaded = uploaded_png(&app).await;
    let key = uploaded["key"].as_str().unwrap();
    let linked = submission("held-photo", 4, "See bags.com", "Mine next to theirs.")
        .with("photos", json!([key]));
    let held = created(&app, "BAG-04", &linked).await;
    assert_eq!(held["status"], "pending");
    // Shoppers cannot see a held review's photo, even with its key.
    assert_eq!(
        status_of(&app, &uploaded["url"]).await,
        StatusCode::NOT_FOUND
    );
    // The desk's review names the desk's address, signed, so an <img> shows it.
    let review = desk_review(&app, &agent, &held["id"]).await;
    let desk_url = review["review"]["photos"][0].as_str().unwrap().to_owned();
    assert!(
        desk_url.starts_with(&format!("/api/v1/desk/reviews/photos/{key}?token=")),
        "{desk_url}"
    );
    let shown = app.fetch(&desk_url).await;
    assert_eq!(shown.status(), StatusCode::OK);
    assert_eq!(shown.headers()["cache-control"], "private, max-age=300");
    assert_eq!(shown.bytes().await.unwrap().as_ref(), PNG);
    let queued = desk_list(&app, &agent, "reviews").await;
    assert!(queued
        .iter()
        .any(|review| review["review"]["photos"][0].as_str() == Some(desk_url.as_str())));
    // Without the signature, an agent's token; a signature is its own photo's only.
    let bare = format!("/api/v1/desk/reviews/photos/{key}");
    assert_eq!(app.fetch(&bare).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.fetch_as(&bare, &agent).await.status(), StatusCode::OK);
    let token = desk_url.split_once("?token=").unwrap().1;
    let other = app
        .fetch(&format!(
            "/api/v1/desk/reviews/photos/demo-photo-3?token={token}"
        ))
        .await;
    assert_eq!(other.status(), StatusCode::UNAUTHORIZED);
    // Published, shoppers see it.
    let published = publish(&app, &agent, &held["id"]).await;
    assert_eq!(published.status(), StatusCode::OK);
    assert_eq!(status_of(&app, &uploaded["url"]).await, StatusCode::OK);
    // An upload no review names within 24 hours is no longer served nor taken, and the next
    // upload deletes it.
    let stale = uploaded_png(&app).await;
    let stale_key = stale["key"].as_str().unwrap();
    sqlx::query("UPDATE review_photos SET created_at = $1 WHERE key = $2")
        .bind(sf_server::db::timestamp(
            time::OffsetDateTime::now_utc() - time::Duration::hours(25),
        ))
        .bind(stale_key)
        .execute(&app.server.db.pool)
        .await
        .unwrap();
    assert_eq!(status_of(&app, &stale["url"]).await, StatusCode::NOT_FOUND);
    let late = submission("late-photo", 4, "Late", "A photo from yesterday.")
        .with("photos", json!([stale_key]));
    assert!(refused(&app, "BAG-04", &late).await["photos"].is_array());
    let fresh = upload(&app, PNG, "image/png").await;
    assert_eq!(fresh.status(), StatusCode::CREATED);
    let photos_keyed = "SELECT COUNT(*) FROM review_photos WHERE key = $1";
    assert_eq!(app.count(photos_keyed, &[stale_key]).await, 0);
    assert_eq!(
        app.count(photos_keyed, &[key]).await,
        1,
        "a review's photo is never swept"
    );
    app.stop().await;
}

async fn a_product_is_read_on_its_own(database: TestDatabase) {
    let app = seeded(database).await;
    let response = app.fetch("/api/v1/products/TEE-02").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "public, max-age=300");
    let product = json_of(response).await;
    assert_eq!(
        product,
        json!({ "sku": "TEE-02", "name": product["name"], "asks_fit": true, "asks_quality": true })
    );
    assert!(!product["name"].as_str().unwrap().is_empty());
    let mug = json_of(app.fetch("/api/v1/products/MUG-01").await).await;
    assert_eq!(
        mug,
        json!({ "sku": "MUG-01", "name": "Stoneware mug", "asks_fit": false, "asks_quality": false })
    );
    let unknown = app.fetch("/api/v1/products/NOPE-1").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
