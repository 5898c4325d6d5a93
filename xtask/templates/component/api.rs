//! The wire types of `<sf-__kebab__>`, shared by the browser and the server.

use serde::{Deserialize, Serialize};

/// What `GET /api/v1/__kebab__` answers: what the component starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct __Pascal__Overview {
    /// How many records the component's table holds.
    pub records: i64,
}
