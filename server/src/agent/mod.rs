//! The support desk's agents: signing in and out, and who is signed in.
//!
//! Laid out as every feature is: [`router`] registers its routes (private handlers in
//! `routes.rs`, each documented in the OpenAPI), its state ([`AgentState`]) is reached from
//! [`AppState`](crate::AppState) through `FromRef`, and its queries are in `store.rs`.

pub mod auth;
mod routes;
mod store;

use crate::limiter::SignInLimiter;
use crate::AppState;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use auth::SignedInAgent;

/// What the agent routes keep between requests.
#[derive(Clone, Debug, Default)]
pub struct AgentState {
    /// Remembers failed sign-ins per client address and per account.
    pub sign_in_limiter: Arc<SignInLimiter>,
}

/// The agent routes: `/agent/session` (sign in, sign out), `/agent/me` and `/agent/agents`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::sign_in, routes::sign_out))
        .routes(routes!(routes::current_agent))
        .routes(routes!(routes::all_agents))
}
