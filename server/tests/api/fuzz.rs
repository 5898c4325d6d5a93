//! A bounded, deterministic fuzz of every route the OpenAPI document lists: for each path
//! and method, a few dozen odd requests (broken and mistyped JSON, unknown fields, NUL,
//! huge numbers, extreme dates, odd path segments, wrong or missing credentials and
//! content types). No answer may be a 5xx, and every non-2xx answer must be the one JSON
//! error shape with nothing of Rust or serde in its words.
//!
//! The requests come from a fixed seed, so a failure names a case that fails again.

use crate::common::{
    aftership_signature, easypost_signature, hmac_sha256, TestApp, TestDatabase, AFTERSHIP_FIXTURE,
    EASYPOST_FIXTURE,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Map, Value};
use sf_server::demo::{DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD};

both_databases!(every_route_answers_odd_requests_in_the_error_shape);

const SEED: u64 = 0x5eed_f00d_0dd5_ca5e;
const CASES_PER_OPERATION: usize = 40;
const EASYPOST_SECRET: &str = "fuzz-easypost-secret";
const AFTERSHIP_SECRET: &str = "fuzz-aftership-secret";
const LINK_SECRET: &str = "fuzz-link-secret";
const CUSTOMER_SECRET: &str = "fuzz-customer-secret";

/// xorshift64*: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// Values that have broken parsers and databases before.
fn odd_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(1.5e300),
        json!(""),
        json!("   "),
        json!("\u{0}"),
        json!("SF-1001\u{0}"),
        json!("ada@example.com\u{0}"),
        json!("9999-12-31T23:59:59-23:59"),
        json!("0000-01-01T00:00:00+23:59"),
        json!("9999-12-31"),
        json!("2026-02-30T25:61:61Z"),
        json!("x".repeat(5000)),
        json!("javascript:alert(1)"),
        json!("'; DROP TABLE orders; --"),
        json!("%FF%00"),
        json!("\u{202e}evil\u{feff}"),
        json!("😀"),
        json!([]),
        json!({}),
        json!([1, [2, [3, [null]]]]),
        json!({ "nested": { "deep": [null, {}] } }),
    ]
}

/// Bodies that are not (quite) JSON, or JSON that parsers choke on.
fn raw_bodies() -> Vec<String> {
    vec![
        String::new(),
        "{".into(),
        "[".into(),
        "nul".into(),
        "{}{}".into(),
        "\u{feff}{}".into(),
        r#"{"a":1e999}"#.into(),
        "123456789012345678901234567890".into(),
        r#"{"a":"\ud800"}"#.into(),
        r#"{"a":"\u0000"}"#.into(),
        r#"{"a":"#.into(),
        "[".repeat(300) + &"]".repeat(300),
        "\u{0}".into(),
        "<xml/>".into(),
    ]
}

fn odd_segments() -> Vec<&'static str> {
    vec![
        "",
        "%FF",
        "%00",
        "%20",
        "..",
        "%2e%2e",
        "SF-1001%2Ftracking",
        "SF-1002",
        "sf-1001",
        "%E2%80%AE",
        "SF-1001%00",
        "🙂",
        "%C0%AF",
    ]
}

/// Every documented (path, method, operation).
fn operations(document: &Value) -> Vec<(String, Method, Value)> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            if let Ok(method) = method.to_uppercase().parse::<Method>() {
                found.push((path.clone(), method, operation.clone()));
            }
        }
    }
    found
}

/// A plausible body for the operation: from its schema's properties, or for the webhooks
/// (documented as raw JSON) a real provider payload.
fn template_body(document: &Value, path: &str, operation: &Value) -> Option<Value> {
    if path.ends_with("/easypost") {
        return serde_json::from_str(EASYPOST_FIXTURE).ok();
    }
    if path.ends_with("/aftership") {
        return serde_json::from_str(AFTERSHIP_FIXTURE).ok();
    }
    let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or_default();
            &document["components"]["schemas"][name]
        }
        None => schema,
    };
    let properties = schema["properties"].as_object()?;
    let body: Map<String, Value> = properties
        .iter()
        .map(|(name, property)| {
            let value = match (name.as_str(), property["type"].as_str()) {
                ("email", _) => json!("ada@example.com"),
                ("order_number", _) => json!("SF-1001"),
                ("password", _) => json!("not-the-password"),
                ("expires", _) => json!(4_000_000_000_i64),
                (_, Some("integer")) => json!(1),
                (_, Some("boolean")) => json!(true),
                _ => json!("x"),
            };
            (name.clone(), value)
        })
        .collect();
    Some(Value::Object(body))
}

/// Every place in `value` a mutation may land, as JSON pointers ("" is the whole).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(fields) => {
            for (key, inner) in fields {
                pointers(
                    inner,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                pointers(inner, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}

/// The template with one odd change: a value replaced, a field added or removed.
fn mutate(rng: &mut Rng, template: &Value) -> Value {
    let mut body = template.clone();
    let mut places = Vec::new();
    pointers(&body, String::new(), &mut places);
    let place = rng.pick(&places).clone();
    match rng.below(4) {
        0 => {
            if let Some(object) = body.pointer_mut(&place).and_then(Value::as_object_mut) {
                object.insert("unexpected_field".into(), rng.pick(&odd_values()).clone());
            }
        }
        1 => {
            if let Some((parent, key)) = place.rsplit_once('/') {
                if let Some(object) = body.pointer_mut(parent).and_then(Value::as_object_mut) {
                    object.remove(key);
                }
            }
        }
        _ => {
            if let Some(slot) = body.pointer_mut(&place) {
                *slot = rng.pick(&odd_values()).clone();
            }
        }
    }
    body
}

/// Signs a store-signed body (link or customer) again after mutation, so the case reaches
/// past the signature check whenever subject and expiry are still of the right kind.
fn re_sign(body: &mut Value) {
    let secret_and_subject = if let Some(order) = body["order_number"].as_str() {
        Some((LINK_SECRET, order.to_owned()))
    } else {
        body["customer_id"]
            .as_str()
            .map(|customer| (CUSTOMER_SECRET, customer.to_owned()))
    };
    if let (Some((secret, subject)), Some(expires), true) = (
        secret_and_subject,
        body["expires"].as_i64(),
        body["signature"].is_string(),
    ) {
        let message = sf_api::identity::signed_message(&subject, expires);
        body["signature"] = json!(hex::encode(hmac_sha256(
            secret.as_bytes(),
            message.as_bytes()
        )));
    }
}

/// What one case sends.
struct Case {
    method: Method,
    path: String,
    query: String,
    content_type: Option<&'static str>,
    body: Option<String>,
    authorization: Option<String>,
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let body = self.body.as_deref().unwrap_or("-");
        let body: String = body.chars().take(300).collect();
        write!(
            f,
            "{} {}{} content-type={:?} auth={:?} body={body}",
            self.method, self.path, self.query, self.content_type, self.authorization
        )
    }
}

/// Credentials that work, so cases get past authentication as often as not.
struct Credentials {
    agent: String,
    order: String,
}

fn make_case(
    rng: &mut Rng,
    document: &Value,
    (path, method, operation): &(String, Method, Value),
    credentials: &Credentials,
) -> Case {
    let mut concrete = path.clone();
    if path.contains("{order_number}") {
        let segment = if rng.one_in(2) {
            "SF-1001"
        } else {
            rng.pick(&odd_segments())
        };
        concrete = concrete.replace("{order_number}", segment);
    }
    let takes_token_query = operation["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|parameter| parameter["in"] == "query" && parameter["name"] == "token");
    let query = if takes_token_query {
        rng.pick(&[
            format!("?token={}", credentials.order),
            format!("?token={}", credentials.order),
            String::new(),
            "?token=".into(),
            "?token=%00".into(),
            "?token=%FF%FE".into(),
            format!("?token={}&extra=1", credentials.order),
            "?token=a&token=b".into(),
        ])
        .clone()
    } else if rng.one_in(8) {
        "?unexpected=%00".into()
    } else {
        String::new()
    };
    let secured_by = operation["security"][0]
        .as_object()
        .and_then(|requirement| requirement.keys().next().cloned());
    let authorization = match (secured_by.as_deref(), rng.below(4)) {
        (_, 0) => None,
        (_, 1) => Some(
            rng.pick(&["Bearer nope", "Bearer ", "Basic YTpi", "Bearer \u{7f}"])
                .to_string(),
        ),
        (Some("agent_token"), _) => Some(format!("Bearer {}", credentials.agent)),
        (Some(_), _) => Some(format!("Bearer {}", credentials.order)),
        (None, _) => None,
    };
    let template = template_body(document, path, operation);
    let (content_type, body) = match (&template, rng.below(10)) {
        (None, _) if *method == Method::GET || *method == Method::DELETE => (None, None),
        (_, 0) => (
            Some("application/json"),
            Some(rng.pick(&raw_bodies()).clone()),
        ),
        (Some(template), 1) => (Some("text/plain"), Some(template.to_string())),
        (Some(template), 2) => (None, Some(template.to_string())),
        (Some(template), _) => {
            let mut body = mutate(rng, template);
            re_sign(&mut body);
            (Some("application/json"), Some(body.to_string()))
        }
        (None, _) => (
            Some("application/json"),
            Some(rng.pick(&odd_values()).to_string()),
        ),
    };
    Case {
        method: method.clone(),
        path: concrete,
        query,
        content_type,
        body,
        authorization,
    }
}

async fn send(app: &TestApp, case: &Case) -> reqwest::Response {
    let mut request = app.client.request(
        case.method.clone(),
        app.url(&format!("{}{}", case.path, case.query)),
    );
    if let Some(content_type) = case.content_type {
        request = request.header("content-type", content_type);
    }
    if let Some(authorization) = &case.authorization {
        if let Ok(value) = reqwest::header::HeaderValue::from_str(authorization) {
            request = request.header("authorization", value);
        }
    }
    if let Some(body) = &case.body {
        // Webhooks are signed as the provider would, so the cases reach the parser.
        if case.path.ends_with("/webhooks/easypost") {
            request = request.header(
                "x-hmac-signature",
                easypost_signature(EASYPOST_SECRET, body),
            );
        } else if case.path.ends_with("/webhooks/aftership") {
            request = request.header(
                "aftership-hmac-sha256",
                aftership_signature(AFTERSHIP_SECRET, body),
            );
        }
        request = request.body(body.clone());
    }
    request
        .send()
        .await
        .unwrap_or_else(|error| panic!("{case}: {error}"))
}

/// Fails unless `response` is a 2xx or an error in the one shape, without internals.
async fn check(case: &Case, response: reqwest::Response) {
    let status = response.status();
    assert!(!status.is_server_error(), "{status} for {case}");
    if status.is_success() {
        // An event stream never ends: its headers are enough.
        return;
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "{status} answered {content_type:?} for {case}"
    );
    let text = response.text().await.unwrap_or_default();
    let body: Value = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("{status} answered non-JSON {text:?} for {case}"));
    let error = &body["error"];
    let shaped = body.as_object().is_some_and(|top| top.len() == 1)
        && error["code"].is_string()
        && error["message"].is_string()
        && (error.get("fields").is_none()
            || error["fields"].as_object().is_some_and(|fields| {
                fields.values().all(|messages| {
                    messages
                        .as_array()
                        .is_some_and(|list| list.iter().all(Value::is_string))
                })
            }));
    assert!(shaped, "{status} answered {text} for {case}");
    let mut words = vec![error["message"].as_str().unwrap_or_default().to_owned()];
    for messages in error["fields"]
        .as_object()
        .into_iter()
        .flat_map(|f| f.values())
    {
        for message in messages.as_array().into_iter().flatten() {
            words.push(message.as_str().unwrap_or_default().to_owned());
        }
    }
    for word in words {
        for internal in ["`", "struct", "invalid type", "at line", "panicked"] {
            assert!(
                !word.contains(internal),
                "{internal:?} in {text} for {case}"
            );
        }
    }
}

async fn every_route_answers_odd_requests_in_the_error_shape(database: TestDatabase) {
    let started = std::time::Instant::now();
    let app = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.easypost_webhook_secret = Some(EASYPOST_SECRET.into());
        config.aftership_webhook_secret = Some(AFTERSHIP_SECRET.into());
        config.order_link_secret = Some(LINK_SECRET.into());
        config.customer_id_secret = Some(CUSTOMER_SECRET.into());
    })
    .await;
    let document = app.openapi_document().await;
    let session: Value = app
        .sign_in(DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let access: Value = app
        .look_up_order(&json!({ "order_number": "SF-1001", "email": "ada@example.com" }))
        .await
        .json()
        .await
        .unwrap();
    let credentials = Credentials {
        agent: session["token"]
            .as_str()
            .expect("an agent token")
            .to_owned(),
        order: access["token"].as_str().expect("an order token").to_owned(),
    };
    let operations = operations(&document);
    assert!(operations.len() >= 10, "the document lists the routes");
    let mut rng = Rng(SEED);
    let mut sent = 0;
    for operation in &operations {
        for _ in 0..CASES_PER_OPERATION {
            let case = make_case(&mut rng, &document, operation, &credentials);
            let response = send(&app, &case).await;
            check(&case, response).await;
            sent += 1;
        }
        // A method the route does not take.
        let case = Case {
            method: Method::PATCH,
            path: operation.0.replace("{order_number}", "SF-1001"),
            query: String::new(),
            content_type: None,
            body: None,
            authorization: None,
        };
        let response = send(&app, &case).await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{case}");
        check(&case, response).await;
    }
    let health = app.health().await;
    assert_eq!(health.status(), StatusCode::OK, "the server is still well");
    println!(
        "fuzz: {sent} requests over {} operations in {:.1?}",
        operations.len(),
        started.elapsed()
    );
    app.stop().await;
}
