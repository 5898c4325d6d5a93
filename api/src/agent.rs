//! Support agents signing in to the desk.

use crate::validation::{EmailAddress, Field, FieldRefusal, Password, Refusals, Validate};
use serde::{Deserialize, Serialize};

/// `POST /api/v1/agent/session`: sign in with email and password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    /// The agent's email address.
    pub email: String,
    /// The agent's password, at most [`crate::validation::MAX_PASSWORD_CHARS`] characters.
    pub password: String,
}

/// A sign-in with both fields parsed.
#[derive(Debug)]
pub struct ValidSignIn {
    /// Who is signing in.
    pub email: EmailAddress,
    /// Their password (never printed).
    pub password: Password,
}

impl SignInRequest {
    /// `email`.
    pub const EMAIL: Field = crate::validation::EMAIL;
    /// `password`.
    pub const PASSWORD: Field = Field {
        name: "password",
        label: "password",
    };
}

impl Validate for SignInRequest {
    type Valid = ValidSignIn;

    fn validate(&self) -> Result<ValidSignIn, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let email = refusals.check(Self::EMAIL, EmailAddress::parse(&self.email));
        let password = refusals.check(Self::PASSWORD, Password::parse(&self.password));
        let valid = email
            .zip(password)
            .map(|(email, password)| ValidSignIn { email, password });
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        let mut refusals = Refusals::default();
        refusals.check(Self::EMAIL, EmailAddress::check(&self.email));
        refusals.check(Self::PASSWORD, Password::parse(&self.password));
        refusals.into_vec()
    }
}

/// A signed-in agent: the bearer token to send as `Authorization: Bearer …` and who it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgentSession {
    /// An opaque secret; the server keeps only its hash.
    pub token: String,
    /// When the token stops working, RFC 3339 in UTC.
    pub expires_at: String,
    /// The agent the token belongs to.
    pub agent: AgentProfile,
}

/// What the desk shows about the signed-in agent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgentProfile {
    /// Stable identifier.
    pub id: i64,
    /// The sign-in email address.
    pub email: String,
    /// The name shoppers and colleagues see.
    pub display_name: String,
    /// The shop whose counter they work at (store staff), if any: their desk opens on the
    /// counter's returns view, and what they receive is recorded at that shop.
    #[serde(default)]
    pub store: Option<AgentStore>,
}

/// The shop a store-staff agent works at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgentStore {
    /// The shop's id.
    pub id: i64,
    /// Its name.
    pub name: String,
}
