//! Storage: one connection pool and one set of queries for SQLite and PostgreSQL.
//!
//! Queries go through sqlx's `Any` driver with `$1`-style parameters, which both
//! databases understand, so there is a single code path. Only the schema differs
//! (`AUTOINCREMENT` versus `BIGSERIAL`), hence one migrations folder per database.

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::AnyPool;
use std::time::Duration;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which database a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Recognises the database from the URL's scheme.
    pub fn from_url(url: &str) -> Result<Self, StorageError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StorageError::UnsupportedUrl)
        }
    }
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The URL is neither `sqlite:` nor `postgres:`.
    #[error("DATABASE_URL must start with sqlite: or postgres:")]
    UnsupportedUrl,
    /// Connecting failed.
    #[error("could not connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// A migration failed.
    #[error("could not migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// A migrated database, cheap to clone (the pool is shared).
#[derive(Clone, Debug)]
pub struct Database {
    /// The connection pool every query uses.
    pub pool: AnyPool,
    /// Which database is behind the pool.
    pub backend: Backend,
}

impl Database {
    /// Connects (creating an SQLite file when the URL says `mode=rwc`) and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self, StorageError> {
        let backend = Backend::from_url(url)?;
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            // SQLite takes one writer at a time; a small pool avoids queueing on its lock.
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(StorageError::Connect)?;
        match backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        Ok(Self { pool, backend })
    }

    /// Whether the database answers a trivial query.
    pub async fn is_reachable(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// A time as stored: RFC 3339 in UTC with whole seconds, so text order is time order.
///
/// Times from outside are range-checked before they get here
/// ([`crate::tracking::parse_provider_time`]); the conversion is still checked, so an
/// instant past the calendar's end keeps its own offset rather than panicking.
pub fn timestamp(at: OffsetDateTime) -> String {
    let utc = at.checked_to_offset(time::UtcOffset::UTC).unwrap_or(at);
    let whole_seconds = utc.replace_nanosecond(0).unwrap_or(utc);
    whole_seconds
        .format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

/// Now, as stored.
pub fn now() -> String {
    timestamp(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_sort_as_text() {
        let earlier = timestamp(time::macros::datetime!(2026-01-02 03:04:05.678 UTC));
        let later = timestamp(time::macros::datetime!(2026-01-02 03:04:06 +01:00));
        assert_eq!(earlier, "2026-01-02T03:04:05Z");
        assert_eq!(later, "2026-01-02T02:04:06Z");
        assert!(later < earlier);
    }

    #[test]
    fn only_known_databases_are_accepted() {
        assert_eq!(Backend::from_url("sqlite://x.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::from_url("postgresql://h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::from_url("mysql://h/db").is_err());
    }
}
