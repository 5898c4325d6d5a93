//! The agents' queries: accounts by email, and desk sessions stored by token hash.

use crate::db::{self, Database};
use crate::error::ApiError;
use sf_api::agent::{AgentProfile, AgentStore};
use time::OffsetDateTime;

/// What the desk may see of an agent.
#[derive(sqlx::FromRow)]
pub struct AgentRow {
    /// The agent's id.
    pub id: i64,
    /// The email they sign in with (lower case).
    pub email: String,
    /// The name customers and colleagues see.
    pub display_name: String,
    /// The shop whose counter they work at (store staff).
    pub store_id: Option<i64>,
    /// That shop's name.
    pub store_name: Option<String>,
}

/// The columns of an [`AgentRow`], for an `agents a LEFT JOIN stores st` query.
const AGENT_COLUMNS: &str = "a.id, a.email, a.display_name, a.store_id, st.name AS store_name";

impl From<AgentRow> for AgentProfile {
    fn from(row: AgentRow) -> Self {
        AgentProfile {
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            store: row
                .store_id
                .zip(row.store_name)
                .map(|(id, name)| AgentStore { id, name }),
        }
    }
}

/// An agent account as stored, password hash included (it never leaves this feature).
#[derive(sqlx::FromRow)]
pub struct AgentAccount {
    /// Who the account belongs to.
    #[sqlx(flatten)]
    pub agent: AgentRow,
    /// Argon2id, PHC string format.
    pub password_hash: String,
}

/// The account signing in with `email`, if there is one.
pub async fn account_by_email(
    db: &Database,
    email: &str,
) -> Result<Option<AgentAccount>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {AGENT_COLUMNS}, a.password_hash FROM agents a \
             LEFT JOIN stores st ON st.id = a.store_id WHERE a.email = $1"
    ))
    .bind(email)
    .fetch_optional(&db.pool)
    .await?)
}

/// Stores a new session under the hash of its token.
pub async fn insert_session(
    db: &Database,
    token_hash: &str,
    agent_id: i64,
    created_at: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(agent_id)
    .bind(db::timestamp(created_at))
    .bind(db::timestamp(expires_at))
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Who holds the current session stored under `token_hash`.
pub async fn session_agent(
    db: &Database,
    token_hash: &str,
) -> Result<Option<AgentProfile>, ApiError> {
    let row: Option<AgentRow> = sqlx::query_as(&format!(
        "SELECT {AGENT_COLUMNS} FROM agent_sessions s \
         JOIN agents a ON a.id = s.agent_id LEFT JOIN stores st ON st.id = a.store_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2"
    ))
    .bind(token_hash)
    .bind(db::now())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(AgentProfile::from))
}

/// Ends the session stored under `token_hash`; an unknown one is not an error.
pub async fn delete_session(db: &Database, token_hash: &str) -> Result<(), ApiError> {
    sqlx::query("DELETE FROM agent_sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Every agent, by name.
pub async fn all_agents(db: &Database) -> Result<Vec<AgentProfile>, ApiError> {
    let rows: Vec<AgentRow> = sqlx::query_as(&format!(
        "SELECT {AGENT_COLUMNS} FROM agents a LEFT JOIN stores st ON st.id = a.store_id \
             ORDER BY a.display_name, a.id"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(AgentProfile::from).collect())
}
