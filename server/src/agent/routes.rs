//! Agents signing in to and out of the support desk.

use super::auth::{self, SignedInAgent};
use super::AgentState;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::routes::openapi::RateLimited;
use crate::tokens::Credential;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use sf_api::agent::{AgentProfile, AgentSession, SignInRequest, ValidSignIn};
use sf_api::error::ErrorBody;
use sf_api::validation::Validate;
use std::net::SocketAddr;
use std::time::Instant;

/// Sign in with email and password; answers a bearer token for the desk.
#[utoipa::path(
    post,
    path = "/agent/session",
    tag = "agents",
    request_body = SignInRequest,
    responses(
        (status = 201, description = "Signed in", body = AgentSession),
        (status = 401, description = "Wrong email or password", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid fields", body = ErrorBody),
        RateLimited
    )
)]
#[tracing::instrument(skip_all, fields(client_ip = %client.ip(), agent_id))]
pub(super) async fn sign_in(
    State(db): State<Database>,
    State(agents): State<AgentState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<(StatusCode, Json<AgentSession>), ApiError> {
    let ValidSignIn { email, password } = request.validate()?;
    let client_ip = client.ip();
    agents
        .sign_in_limiter
        .check(client_ip, email.as_str(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    let Some(agent) = auth::authenticate(&db, email.as_str(), password.expose().to_owned()).await?
    else {
        agents
            .sign_in_limiter
            .record_failure(client_ip, email.as_str(), Instant::now());
        tracing::info!("agent sign-in failed");
        return Err(ApiError::Unauthorized);
    };
    agents.sign_in_limiter.record_success(email.as_str());
    tracing::Span::current().record("agent_id", agent.id);
    let session = SignedInAgent::issue(&db, &agent, None).await?;
    tracing::info!("agent signed in");
    Ok((
        StatusCode::CREATED,
        Json(AgentSession {
            expires_at: session.expires_at_text(),
            token: session.token,
            agent,
        }),
    ))
}

/// Sign out: the token stops working at once.
#[utoipa::path(
    delete,
    path = "/agent/session",
    tag = "agents",
    security(("agent_token" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id))]
pub(super) async fn sign_out(
    State(db): State<Database>,
    agent: SignedInAgent,
) -> Result<StatusCode, ApiError> {
    auth::end_session(&db, &agent.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who is signed in with this token.
#[utoipa::path(
    get,
    path = "/agent/me",
    tag = "agents",
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The signed-in agent", body = AgentProfile),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id))]
pub(super) async fn current_agent(agent: SignedInAgent) -> Json<AgentProfile> {
    Json(agent.profile)
}

/// Every agent of the desk, so a conversation can be given to a colleague.
#[utoipa::path(
    get,
    path = "/agent/agents",
    tag = "agents",
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The agents, by name", body = Vec<AgentProfile>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn all_agents(
    State(db): State<Database>,
    // Only a signed-in agent may see who works the desk.
    _signed_in: SignedInAgent,
) -> Result<Json<Vec<AgentProfile>>, ApiError> {
    Ok(Json(super::store::all_agents(&db).await?))
}
