//! Who may read and write a conversation: its shopper (by the conversation token they were
//! given when it started) and any signed-in agent. Nobody else learns it exists.

use crate::agent::SignedInAgent;
use crate::db::Database;
use crate::error::ApiError;
use crate::tokens::{self, Credential, IssuedToken, TokenKeys, TokenScope};
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use sf_api::agent::AgentProfile;
use sf_api::live_chat::Author;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// The shopper of one conversation, proven by its stateless token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConversationShopper {
    /// The conversation the token opens.
    pub conversation_id: i64,
}

impl Credential for ConversationShopper {
    type Grant = Self;
    type Context = Arc<TokenKeys>;

    /// A conversation may be picked up again the next day, or answered by email later.
    const LIFETIME: Duration = Duration::from_secs(30 * 24 * 60 * 60);

    async fn issue(
        keys: &Arc<TokenKeys>,
        shopper: &Self,
        proven_until: Option<OffsetDateTime>,
    ) -> Result<IssuedToken, ApiError> {
        let expires_at = tokens::expiry(OffsetDateTime::now_utc(), Self::LIFETIME, proven_until);
        let token = keys.sign(
            TokenScope::Conversation,
            &shopper.conversation_id.to_string(),
            expires_at,
        );
        Ok(IssuedToken { token, expires_at })
    }

    async fn resolve(keys: &Arc<TokenKeys>, token: &str) -> Result<Option<Self>, ApiError> {
        Ok(keys
            .verify(token, TokenScope::Conversation, OffsetDateTime::now_utc())
            .ok()
            .and_then(|subject| subject.parse().ok())
            .map(|conversation_id| Self { conversation_id }))
    }
}

/// Someone taking part in a conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Participant {
    /// Its shopper.
    Shopper(ConversationShopper),
    /// A signed-in agent.
    Agent(AgentProfile),
}

impl Participant {
    /// Whoever holds `token`: a conversation token, else a desk session; `None` for neither.
    pub async fn resolve(
        keys: &Arc<TokenKeys>,
        db: &Database,
        token: &str,
    ) -> Result<Option<Self>, ApiError> {
        if let Some(shopper) = ConversationShopper::resolve(keys, token).await? {
            return Ok(Some(Participant::Shopper(shopper)));
        }
        Ok(SignedInAgent::resolve(db, token)
            .await?
            .map(|agent| Participant::Agent(agent.profile)))
    }

    /// The agent's id, for an agent.
    pub fn agent_id(&self) -> Option<i64> {
        match self {
            Participant::Shopper(_) => None,
            Participant::Agent(agent) => Some(agent.id),
        }
    }

    /// Which side of the conversation they write on.
    pub fn author(&self) -> Author {
        match self {
            Participant::Shopper(_) => Author::Shopper,
            Participant::Agent(_) => Author::Agent,
        }
    }

    /// The conversation they may open: a shopper only their own, an agent any that exists
    /// (checked by the caller's query). Another shopper's conversation is refused as if the
    /// token were wrong, so a token holder cannot learn which ids exist.
    pub fn may_open(&self, conversation_id: i64) -> Result<(), ApiError> {
        match self {
            Participant::Shopper(shopper) if shopper.conversation_id != conversation_id => {
                Err(ApiError::Unauthorized)
            }
            _ => Ok(()),
        }
    }
}

impl<S> FromRequestParts<S> for Participant
where
    S: Send + Sync,
    Arc<TokenKeys>: FromRef<S>,
    Database: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let token = tokens::bearer_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        Participant::resolve(
            &Arc::<TokenKeys>::from_ref(state),
            &Database::from_ref(state),
            token,
        )
        .await?
        .ok_or(ApiError::Unauthorized)
    }
}
