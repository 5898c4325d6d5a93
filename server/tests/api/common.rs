//! Spawns the real server on port 0 with a fresh database for each test, and calls its
//! routes through typed helpers (`app.sign_in(email, password)`, `app.look_up_order(&body)`,
//! …), one per route, so a test reads as what it does and a route's address is written once.
//!
//! Every test is written once and runs against SQLite and PostgreSQL through
//! [`both_databases!`]. PostgreSQL comes from `DATABASE_URL` (`cargo xtask test` sets it
//! to the local server when one answers); each test gets its own database, dropped at the end.

use serde::Serialize;
use serde_json::{json, Value};
use sf_server::config::Config;
use sf_server::RunningServer;
use sqlx::{Connection, Executor, PgConnection};
use std::time::Duration;

/// An EasyPost `tracker.updated` delivery, in EasyPost's format.
pub const EASYPOST_FIXTURE: &str =
    include_str!("../fixtures/webhooks/easypost-tracker-updated.json");
/// An AfterShip tracking update, in AfterShip's format.
pub const AFTERSHIP_FIXTURE: &str =
    include_str!("../fixtures/webhooks/aftership-tracking-update.json");

/// A small valid PNG, the image every test uploads (the demo's review photo too).
pub const PNG: &[u8] = sf_server::static_files::SAMPLE_PNG;

/// The token key every test server signs with, unless the test sets another.
pub const TEST_TOKEN_KEY: &str = "integration-test-token-key-0123456789abcdef";

/// Which database a test runs against.
#[derive(Clone, Copy, Debug)]
pub enum TestDatabase {
    /// A new SQLite file in a temporary folder.
    Sqlite,
    /// A new database on the PostgreSQL server in `DATABASE_URL`.
    Postgres,
}

/// A running server plus what it takes to clean up after it.
pub struct TestApp {
    /// The server, on a free port.
    pub server: RunningServer,
    /// An HTTP client with no cookies and no retries.
    pub client: reqwest::Client,
    /// What the server was started with, so [`TestApp::restart`] starts the same again.
    config: Config,
    cleanup: Cleanup,
}

enum Cleanup {
    /// Never read: holding the folder keeps the database file until the test ends.
    Sqlite {
        _folder: tempfile::TempDir,
    },
    Postgres {
        admin_url: String,
        name: String,
    },
}

impl TestApp {
    /// Starts the server on a fresh database of the given kind.
    pub async fn spawn(database: TestDatabase) -> Self {
        Self::spawn_with(database, |_| {}).await
    }

    /// Like [`TestApp::spawn`], letting the test adjust the configuration first.
    pub async fn spawn_with(database: TestDatabase, adjust: impl FnOnce(&mut Config)) -> Self {
        let (url, cleanup) = match database {
            TestDatabase::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                (url, Cleanup::Sqlite { _folder: dir })
            }
            TestDatabase::Postgres => {
                let admin_url = std::env::var("DATABASE_URL").expect(
                    "DATABASE_URL must point to PostgreSQL for the postgres tests \
                     (cargo xtask test sets it, or skips them with a note when no server answers)",
                );
                let name = format!("sf_test_{}", random_suffix());
                let mut admin = PgConnection::connect(&admin_url)
                    .await
                    .expect("connect to PostgreSQL at DATABASE_URL");
                admin
                    .execute(format!("CREATE DATABASE {name}").as_str())
                    .await
                    .expect("create a test database");
                let url = with_database_name(&admin_url, &name);
                (url, Cleanup::Postgres { admin_url, name })
            }
        };
        let mut config = Config::for_database(url);
        config.token_key = Some(TEST_TOKEN_KEY.parse().expect("a long enough key"));
        adjust(&mut config);
        let server = sf_server::start(config.clone())
            .await
            .expect("the server starts");
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("an HTTP client");
        Self {
            server,
            client,
            config,
            cleanup,
        }
    }

    /// Stops the server (gracefully, as a deploy does) and starts it again on the same
    /// database and keys, on a new port.
    pub async fn restart(self) -> Self {
        let TestApp {
            server,
            client,
            config,
            cleanup,
        } = self;
        let db = server.db.clone();
        server.stop().await.expect("the server stops cleanly");
        db.pool.close().await;
        let server = sf_server::start(config.clone())
            .await
            .expect("the server starts again");
        Self {
            server,
            client,
            config,
            cleanup,
        }
    }

    /// The full URL of an API path such as `/api/v1/health`.
    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// A GET request to `path`, ready to send.
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(self.url(path))
    }

    /// A POST request to `path`, ready for a body.
    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.post(self.url(path))
    }

    /// A PUT request to `path`.
    pub fn put(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.put(self.url(path))
    }

    /// A DELETE request to `path`.
    pub fn delete(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.delete(self.url(path))
    }

    /// `GET path`, answered.
    pub async fn fetch(&self, path: &str) -> reqwest::Response {
        Self::send(self.get(path)).await
    }

    /// `GET path` with this bearer token (an agent's or a shopper's), answered.
    pub async fn fetch_as(&self, path: &str, token: &str) -> reqwest::Response {
        Self::send(self.get(path).bearer_auth(token)).await
    }

    /// `POST path` with this JSON body, answered.
    pub async fn post_json(&self, path: &str, body: &impl Serialize) -> reqwest::Response {
        Self::send(self.post(path).json(body)).await
    }

    /// A `method` (POST, PUT…) request to `path` with this bearer token and JSON body, answered.
    pub async fn send_json_as(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: &impl Serialize,
    ) -> reqwest::Response {
        let request = self.client.request(method, self.url(path));
        Self::send(request.bearer_auth(token).json(body)).await
    }

    /// What a `SELECT COUNT(*) …` query answers, its `$1`, `$2`… bound to `binds` in order:
    /// for checking what the server stored (or did not) behind its answers.
    pub async fn count(&self, sql: &str, binds: &[&str]) -> i64 {
        let mut query = sqlx::query_as::<_, (i64,)>(sql);
        for bind in binds {
            query = query.bind(*bind);
        }
        let (count,) = query
            .fetch_one(&self.server.db.pool)
            .await
            .expect("the count query runs");
        count
    }

    /// Sends a request; a transport failure (not an error status) fails the test.
    async fn send(request: reqwest::RequestBuilder) -> reqwest::Response {
        request.send().await.expect("the server answers")
    }

    /// `GET /api/v1/health`.
    pub async fn health(&self) -> reqwest::Response {
        Self::send(self.get("/api/v1/health")).await
    }

    /// `POST /api/v1/agent/session` with this email and password.
    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        let body = json!({ "email": email, "password": password });
        Self::send(self.post("/api/v1/agent/session").json(&body)).await
    }

    /// `GET /api/v1/agent/me` with this agent token.
    pub async fn current_agent(&self, token: &str) -> reqwest::Response {
        Self::send(self.get("/api/v1/agent/me").bearer_auth(token)).await
    }

    /// `DELETE /api/v1/agent/session` with this agent token.
    pub async fn sign_out(&self, token: &str) -> reqwest::Response {
        Self::send(self.delete("/api/v1/agent/session").bearer_auth(token)).await
    }

    /// `POST /api/v1/orders/lookup` with this body (usually `order_number` and `email`).
    pub async fn look_up_order(&self, body: &impl Serialize) -> reqwest::Response {
        Self::send(self.post("/api/v1/orders/lookup").json(body)).await
    }

    /// `POST /api/v1/orders/signed-link` with this body.
    pub async fn open_signed_link(&self, body: &impl Serialize) -> reqwest::Response {
        Self::send(self.post("/api/v1/orders/signed-link").json(body)).await
    }

    /// `POST /api/v1/orders/signed-customer` with this body.
    pub async fn open_signed_customer(&self, body: &impl Serialize) -> reqwest::Response {
        Self::send(self.post("/api/v1/orders/signed-customer").json(body)).await
    }

    /// `GET /api/v1/orders/{order_number}/tracking` with this order token.
    pub async fn order_tracking(&self, order_number: &str, token: &str) -> reqwest::Response {
        let path = format!("/api/v1/orders/{order_number}/tracking");
        Self::send(self.get(&path).bearer_auth(token)).await
    }

    /// `PUT /api/v1/orders/{order_number}/notifications` with this order token and body.
    pub async fn set_notifications(
        &self,
        order_number: &str,
        token: &str,
        body: &impl Serialize,
    ) -> reqwest::Response {
        let path = format!("/api/v1/orders/{order_number}/notifications");
        Self::send(self.put(&path).bearer_auth(token).json(body)).await
    }

    /// `GET /api/v1/orders/{order_number}/events?token=…`: the live stream, left open.
    pub async fn order_events(&self, order_number: &str, token: &str) -> reqwest::Response {
        let path = format!("/api/v1/orders/{order_number}/events?token={token}");
        Self::send(self.get(&path)).await
    }

    /// `POST /api/v1/webhooks/easypost` with this body, signed as EasyPost signs with `secret`.
    pub async fn easypost_webhook(&self, secret: &str, body: &str) -> reqwest::Response {
        let request = self
            .post("/api/v1/webhooks/easypost")
            .header("content-type", "application/json")
            .header("x-hmac-signature", easypost_signature(secret, body))
            .body(body.to_owned());
        Self::send(request).await
    }

    /// `POST /api/v1/webhooks/aftership` with this body, signed as AfterShip signs with `secret`.
    pub async fn aftership_webhook(&self, secret: &str, body: &str) -> reqwest::Response {
        let request = self
            .post("/api/v1/webhooks/aftership")
            .header("content-type", "application/json")
            .header("aftership-hmac-sha256", aftership_signature(secret, body))
            .body(body.to_owned());
        Self::send(request).await
    }

    /// `POST /api/v1/chat/conversations` with this body.
    pub async fn start_conversation(&self, body: &impl Serialize) -> reqwest::Response {
        Self::send(self.post("/api/v1/chat/conversations").json(body)).await
    }

    /// `GET /api/v1/chat/conversations/{id}?after=…` with this token (shopper's or agent's).
    pub async fn read_conversation(&self, id: i64, after: i64, token: &str) -> reqwest::Response {
        let path = format!("/api/v1/chat/conversations/{id}?after={after}");
        Self::send(self.get(&path).bearer_auth(token)).await
    }

    /// `POST /api/v1/chat/conversations/{id}/rating` with this token and body.
    pub async fn rate_conversation(
        &self,
        id: i64,
        token: &str,
        body: &impl Serialize,
    ) -> reqwest::Response {
        let path = format!("/api/v1/chat/conversations/{id}/rating");
        Self::send(self.post(&path).bearer_auth(token).json(body)).await
    }

    /// `GET /api/v1/chat/availability`.
    pub async fn chat_availability(&self) -> Value {
        Self::send(self.get("/api/v1/chat/availability"))
            .await
            .json()
            .await
            .expect("availability is JSON")
    }

    /// `GET /api/v1/chat/inbox?view=…` with this token.
    pub async fn chat_inbox(&self, view: &str, token: &str) -> reqwest::Response {
        let path = format!("/api/v1/chat/inbox?view={view}");
        Self::send(self.get(&path).bearer_auth(token)).await
    }

    /// `PUT /api/v1/chat/{path}` (`conversations/7/status`, `presence`…) with this token and body.
    pub async fn chat_put(
        &self,
        path: &str,
        token: &str,
        body: &impl Serialize,
    ) -> reqwest::Response {
        let path = format!("/api/v1/chat/{path}");
        Self::send(self.put(&path).bearer_auth(token).json(body)).await
    }

    /// The demo agent's desk token (the server must be seeded).
    pub async fn demo_agent_token(&self) -> String {
        let response = self
            .sign_in(
                sf_server::demo::DEMO_AGENT_EMAIL,
                sf_server::demo::DEMO_AGENT_PASSWORD,
            )
            .await;
        let session: Value = response.json().await.expect("a session");
        session["token"].as_str().expect("a token").to_owned()
    }

    /// Opens `/api/v1/chat/{path}` (`socket` or `desk/socket`) as a WebSocket.
    pub async fn chat_socket(&self, path: &str) -> ChatSocket {
        let url = format!("ws://{}/api/v1/chat/{path}", self.server.address);
        let (stream, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("the socket opens");
        ChatSocket { stream }
    }

    /// The server's OpenAPI document (`GET /api/v1/openapi.json`).
    pub async fn openapi_document(&self) -> Value {
        Self::send(self.get("/api/v1/openapi.json"))
            .await
            .json()
            .await
            .expect("the OpenAPI document is JSON")
    }

    /// Stops the server and removes its database.
    pub async fn stop(self) {
        let TestApp {
            server, cleanup, ..
        } = self;
        let db = server.db.clone();
        server.stop().await.expect("the server stops cleanly");
        db.pool.close().await;
        if let Cleanup::Postgres { admin_url, name } = cleanup {
            if let Ok(mut admin) = PgConnection::connect(&admin_url).await {
                let _ = admin
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await;
            }
        }
    }
}

/// A chat socket as a browser holds it: JSON frames in and out, ignoring pings.
pub struct ChatSocket {
    stream: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
}

impl ChatSocket {
    /// Sends one frame.
    pub async fn send(&mut self, frame: Value) {
        use futures_util::SinkExt;
        self.stream
            .send(tokio_tungstenite::tungstenite::Message::Text(
                frame.to_string().into(),
            ))
            .await
            .expect("the frame is sent");
    }

    /// The next frame; `None` once the server closed the socket. Fails after 10 s of silence.
    pub async fn next(&mut self) -> Option<Value> {
        use futures_util::StreamExt;
        use tokio_tungstenite::tungstenite::Message;
        loop {
            let message = tokio::time::timeout(Duration::from_secs(10), self.stream.next())
                .await
                .expect("a frame within 10 s");
            match message {
                Some(Ok(Message::Text(text))) => {
                    return Some(serde_json::from_str(text.as_str()).expect("a JSON frame"))
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => continue,
                Some(Ok(Message::Binary(_))) => panic!("the server sent a binary frame"),
                Some(Ok(Message::Close(_)) | Err(_)) | None => return None,
            }
        }
    }

    /// The next frame of `kind` (its `type`), skipping others (typing, receipts…).
    pub async fn next_of(&mut self, kind: &str) -> Value {
        loop {
            let frame = self
                .next()
                .await
                .unwrap_or_else(|| panic!("closed before a {kind}"));
            if frame["type"] == kind {
                return frame;
            }
        }
    }

    /// The messages replayed after a hello, up to its `caught_up` (returned last).
    pub async fn until_caught_up(&mut self) -> (Vec<Value>, Value) {
        let mut messages = Vec::new();
        loop {
            let frame = self.next().await.expect("frames until caught up");
            match frame["type"].as_str() {
                Some("message") => messages.push(frame["message"].clone()),
                Some("caught_up") => return (messages, frame),
                _ => panic!("unexpected frame before caught_up: {frame}"),
            }
        }
    }
}

/// Asserts a 429 in the error shape that says when to come back (`Retry-After`, at least 1 s).
pub async fn assert_rate_limited(response: reqwest::Response) {
    assert_eq!(response.status(), reqwest::StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("Retry-After is text")
        .parse()
        .expect("Retry-After is whole seconds");
    assert!(retry_after >= 1);
    assert_eq!(error_of(response).await["code"], "rate_limited");
}

/// The JSON body of a response, whatever its status.
pub async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("a JSON body")
}

/// The `field` text of each object in the JSON array `items` (titles, bodies, SKUs…), in order.
pub fn strings_of<'a>(items: &'a Value, field: &str) -> Vec<&'a str> {
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item[field].as_str().expect("a string field"))
        .collect()
}

/// The `error` object of an error response, after checking it has the one error shape.
pub async fn error_of(response: reqwest::Response) -> serde_json::Value {
    let body: serde_json::Value = response.json().await.expect("a JSON error body");
    assert!(body["error"]["code"].is_string(), "error shape: {body}");
    assert!(body["error"]["message"].is_string(), "error shape: {body}");
    body["error"].clone()
}

fn random_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{}_{}", std::process::id(), nanos % 1_000_000_000_000)
}

/// HMAC-SHA256 of `body` under `key`.
pub fn hmac_sha256(key: &[u8], body: &[u8]) -> Vec<u8> {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(body);
    mac.finalize().into_bytes().to_vec()
}

/// The `X-Hmac-Signature` value EasyPost sends, computed as its documentation says.
pub fn easypost_signature(secret: &str, body: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let key: String = secret.nfkd().collect();
    format!(
        "hmac-sha256-hex={}",
        hex::encode(hmac_sha256(key.as_bytes(), body.as_bytes()))
    )
}

/// The `aftership-hmac-sha256` value AfterShip sends.
pub fn aftership_signature(secret: &str, body: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .encode(hmac_sha256(secret.as_bytes(), body.as_bytes()))
}

/// Replaces the database name (the URL's path) keeping host, user and query.
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let path_start = base[authority_start..]
        .find('/')
        .map(|i| i + authority_start)
        .unwrap_or(base.len());
    let mut out = format!("{}/{}", &base[..path_start], name);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// Writes each named `async fn(TestDatabase)` of the calling module as two tests,
/// `<module>::sqlite::name` and `<module>::postgres::name` (`cargo xtask test` skips the
/// `postgres::` ones when no PostgreSQL answers).
macro_rules! both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::TestDatabase::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::TestDatabase::Postgres).await;
                }
            )*
        }
    };
}
