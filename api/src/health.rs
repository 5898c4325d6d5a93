//! `GET /api/v1/health`: is the support API up and can it reach its database.

use serde::{Deserialize, Serialize};

/// The answer of the health check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Health {
    /// `ok` when the server answers and its database responds.
    pub status: HealthStatus,
    /// The server's version (from its `Cargo.toml`).
    pub version: String,
}

/// Whether the service can do its work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Everything answers.
    Ok,
    /// The server runs but its database does not answer.
    Degraded,
}
