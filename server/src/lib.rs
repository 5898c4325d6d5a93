//! The storefront-support reference API: an axum app over SQLite or PostgreSQL that also
//! serves the built portal, desk and embed bundle.
//!
//! [`start`] binds, migrates and serves in the background and hands back a
//! [`RunningServer`]; `main.rs` and the integration tests both go through it, so tests
//! exercise exactly what runs in production (on port 0, with a fresh database each).

pub mod agent;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod help;
pub mod identity;
pub mod limiter;
pub mod live_chat;
pub mod returns;
pub mod reviews;
pub mod routes;
pub mod service;
pub mod signature;
pub mod static_files;
pub mod telemetry;
pub mod tokens;
pub mod tracking;

use crate::agent::AgentState;
use crate::config::{configured_secret, Config};
use crate::db::{Database, StorageError};
use crate::tokens::{TokenKey, TokenKeys};
use crate::tracking::TrackingState;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::{Extension, Router};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

/// What the server keeps between requests: what every feature shares, and one field per
/// feature holding that feature's own state.
///
/// Handlers never take the whole of it: each extracts the parts it needs
/// (`State<Database>`, `State<TrackingState>`, …), which `FromRef` derives field by field.
/// A new feature adds its state here as one field, never its pieces.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    /// The migrated database.
    pub db: Database,
    /// Becomes `true` when the server stops, ending long-lived streams so shutdown is prompt.
    pub shutdown: watch::Receiver<bool>,
    /// The store's secrets that verify what it signs (order links, customer ids).
    pub secrets: Arc<Secrets>,
    /// Sign and verify shoppers' tokens.
    pub token_keys: Arc<TokenKeys>,
    /// Shipment tracking's live updates and limits.
    pub tracking: TrackingState,
    /// The desk agents' sign-in limits.
    pub agents: AgentState,
    /// Live chat's fan-out, presence and hours.
    pub chat: live_chat::ChatState,
    /// The help centre's limits.
    pub help: help::HelpState,
    /// Returns' settings.
    pub returns: returns::ReturnsState,
    /// Reviews' limits and link address.
    pub reviews: reviews::ReviewsState,
}

/// The store's shared secrets from the configuration, one per kind of proof it signs; a
/// missing one turns that kind of proof off (such proofs are refused).
#[derive(Clone, Debug, Default)]
pub struct Secrets {
    /// Verifies the store's signed order links.
    pub order_link: Option<String>,
    /// Verifies the store's signed customer ids.
    pub customer_id: Option<String>,
}

impl Secrets {
    fn from_config(config: &Config) -> Self {
        Self {
            order_link: configured_secret(&config.order_link_secret),
            customer_id: configured_secret(&config.customer_id_secret),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Seeding the demo store failed.
    #[error("could not seed the demo data: {0}")]
    Seed(#[source] error::ApiError),
    /// The address could not be bound (in use, or not allowed).
    #[error("could not listen on {address}: {source}")]
    Bind {
        /// The address asked for.
        address: SocketAddr,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// No key to sign shoppers' tokens with, outside a demo.
    #[error(
        "SF_TOKEN_KEY (--token-key) is required: at least 32 random bytes, e.g. `openssl rand -hex 32`; \
         only a demo (--seed-demo) may start without one"
    )]
    MissingTokenKey,
    /// A CORS origin in the configuration is not a valid header value.
    #[error("invalid CORS origin {0:?}")]
    CorsOrigin(String),
    /// The chat's business hours could not be read.
    #[error(transparent)]
    ChatHours(#[from] live_chat::hours::BadHours),
    /// Serving failed after the start.
    #[error("the server failed: {0}")]
    Serve(#[source] std::io::Error),
}

/// The whole HTTP app: `/api/v1/…`, the OpenAPI document, and the static app files.
pub fn build_router(state: AppState, config: &Config) -> Result<Router, StartError> {
    let (api_router, mut document) = routes::api_routes().split_for_parts();
    routes::openapi::document_error_responses(&mut document);
    // Unknown `/api/…` paths get their JSON 404 from the static files' fallback.
    let router = api_router
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(Extension(Arc::new(document)))
        .merge(static_files::routes(&config.static_dir))
        .with_state(state)
        .layer(DefaultBodyLimit::max(sf_api::MAX_BODY_BYTES))
        .layer(cors_layer(&config.cors_origins)?);
    let router = static_files::with_security_headers(router, &config.static_dir)
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(TraceLayer::new_for_http());
    Ok(router)
}

fn cors_layer(origins: &[String]) -> Result<CorsLayer, StartError> {
    let origins = origins
        .iter()
        .map(|origin| origin.trim())
        .filter(|origin| !origin.is_empty())
        .map(|origin| {
            HeaderValue::from_str(origin.trim_end_matches('/'))
                .map_err(|_| StartError::CorsOrigin(origin.to_owned()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER]))
}

/// A server running in the background; dropping it without [`RunningServer::stop`] aborts it.
pub struct RunningServer {
    /// The address actually bound (the real port when port 0 was asked for).
    pub address: SocketAddr,
    /// The database the server uses (tests use it to arrange data).
    pub db: Database,
    shutdown: Option<oneshot::Sender<()>>,
    stopping: watch::Sender<bool>,
    task: JoinHandle<std::io::Result<()>>,
}

impl RunningServer {
    /// `http://address` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Stops accepting connections, lets requests in flight finish, and waits.
    pub async fn stop(mut self) -> std::io::Result<()> {
        let _ = self.stopping.send(true);
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        (&mut self.task).await.unwrap_or(Ok(()))
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if self.shutdown.is_some() {
            let _ = self.stopping.send(true);
            self.task.abort();
        }
    }
}

/// The configured token keys; a demo without any gets a random one, anything else an error.
fn token_keys(config: &Config) -> Result<TokenKeys, StartError> {
    match &config.token_key {
        Some(key) => Ok(TokenKeys::new(
            key.clone(),
            config.token_key_previous.iter().cloned(),
        )),
        None if config.seed_demo => {
            tracing::warn!(
                "SF_TOKEN_KEY is not set: signing shoppers' tokens with a random key, \
                 so they stop working when this demo server restarts"
            );
            Ok(TokenKeys::new(TokenKey::random(), []))
        }
        None => Err(StartError::MissingTokenKey),
    }
}

/// Opens the database, seeds it if asked, binds, and serves in the background.
pub async fn start(config: Config) -> Result<RunningServer, StartError> {
    // Before touching the database: a misconfigured server should change nothing.
    let token_keys = Arc::new(token_keys(&config)?);
    let db = Database::connect(&config.database_url).await?;
    if config.seed_demo {
        demo::seed_if_empty(&db, config.demo_bulk_orders, config.demo_bulk_articles)
            .await
            .map_err(StartError::Seed)?;
        if config.demo_bulk_reviews > 0 {
            reviews::seed::seed_bulk(&db, config.demo_bulk_reviews)
                .await
                .map_err(StartError::Seed)?;
        }
    }
    let (stopping, shutdown) = watch::channel(false);
    let state = AppState {
        db: db.clone(),
        shutdown: shutdown.clone(),
        secrets: Arc::new(Secrets::from_config(&config)),
        token_keys,
        tracking: TrackingState::new(&config),
        agents: AgentState::default(),
        chat: live_chat::ChatState::new(&config)?,
        help: help::HelpState::default(),
        returns: returns::ReturnsState::new(&config),
        reviews: reviews::ReviewsState::new(&config),
    };
    if config.simulate_carriers_every > 0 {
        tokio::spawn(tracking::simulator::run(
            db.clone(),
            state.tracking.hub.clone(),
            std::time::Duration::from_secs(config.simulate_carriers_every),
            shutdown,
        ));
    }
    let router = build_router(state, &config)?;
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|source| StartError::Bind {
            address: config.bind,
            source,
        })?;
    let address = listener.local_addr().map_err(|source| StartError::Bind {
        address: config.bind,
        source,
    })?;
    let (shutdown, shutdown_requested) = oneshot::channel::<()>();
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        axum::serve(listener, service)
            .with_graceful_shutdown(async {
                let _ = shutdown_requested.await;
            })
            .await
    });
    tracing::info!(%address, backend = ?db.backend, "listening");
    Ok(RunningServer {
        address,
        db,
        shutdown: Some(shutdown),
        stopping,
        task,
    })
}

/// Runs until Ctrl-C or SIGTERM, then shuts down gracefully.
pub async fn run(config: Config) -> Result<(), StartError> {
    let server = start(config).await?;
    // Scripts (xtask, the end-to-end tests) read this line to learn the port.
    println!("sf-server listening on http://{}", server.address);
    shutdown_signal().await;
    tracing::info!("shutting down");
    server.stop().await.map_err(StartError::Serve)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_demo_starts_without_a_token_key() {
        let mut config = Config::for_database("sqlite::memory:");
        assert!(matches!(
            token_keys(&config),
            Err(StartError::MissingTokenKey)
        ));
        config.token_key_previous = vec!["p".repeat(32).parse().unwrap()];
        assert!(
            matches!(token_keys(&config), Err(StartError::MissingTokenKey)),
            "previous keys verify but cannot sign"
        );
        config.seed_demo = true;
        assert!(token_keys(&config).is_ok());
    }
}
