//! Agents signing in to and out of the support desk.

use crate::auth::{self, SignedInAgent};
use crate::error::{ApiError, FieldErrors};
use crate::extract::ApiJson;
use crate::routes::openapi::RateLimited;
use crate::tokens::Credential;
use crate::AppState;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use sf_api::agent::{AgentProfile, AgentSession, SignInRequest};
use sf_api::error::ErrorBody;
use sf_api::validation::{EmailAddress, Password};
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
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<(StatusCode, Json<AgentSession>), ApiError> {
    let (email, password) = parse_sign_in(&request)?;
    let client_ip = client.ip();
    state
        .sign_in_limiter
        .check(client_ip, email.as_str(), Instant::now())
        .map_err(ApiError::RateLimited)?;
    let Some(agent) =
        auth::authenticate(&state.db, email.as_str(), password.expose().to_owned()).await?
    else {
        state
            .sign_in_limiter
            .record_failure(client_ip, email.as_str(), Instant::now());
        tracing::info!(%client_ip, "agent sign-in failed");
        return Err(ApiError::Unauthorized);
    };
    state.sign_in_limiter.record_success(email.as_str());
    let session = SignedInAgent::issue(&state, &agent, None).await?;
    tracing::info!(agent_id = agent.id, "agent signed in");
    Ok((
        StatusCode::CREATED,
        Json(AgentSession {
            expires_at: session.expires_at_text(),
            token: session.token,
            agent,
        }),
    ))
}

fn parse_sign_in(request: &SignInRequest) -> Result<(EmailAddress, Password), ApiError> {
    let email = EmailAddress::parse(&request.email);
    let password = Password::parse(&request.password);
    match (email, password) {
        (Ok(email), Ok(password)) => Ok((email, password)),
        (email, password) => {
            let mut fields = FieldErrors::new();
            if let Err(problem) = email {
                fields.insert("email".into(), vec![problem.english("email address")]);
            }
            if let Err(problem) = password {
                fields.insert("password".into(), vec![problem.english("password")]);
            }
            Err(ApiError::Validation(fields))
        }
    }
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
pub async fn sign_out(
    State(state): State<AppState>,
    agent: SignedInAgent,
) -> Result<StatusCode, ApiError> {
    auth::end_session(&state.db, &agent.token).await?;
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
pub async fn current_agent(agent: SignedInAgent) -> Json<AgentProfile> {
    Json(agent.profile)
}
