//! Storage: one connection pool and one set of queries for SQLite and PostgreSQL.
//!
//! Queries go through sqlx's `Any` driver with `$1`-style parameters, which both
//! databases understand, so there is a single code path. Only the schema differs
//! (`AUTOINCREMENT` versus `BIGSERIAL`), hence one migrations folder per database.

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::AnyPool;
use std::sync::Arc;
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
    /// Taken around frequent write transactions on SQLite (see [`Database::one_writer`]).
    writer: Arc<tokio::sync::Mutex<()>>,
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
            Backend::Sqlite => {
                // Readers no longer wait for the writer, and a commit writes the log once
                // instead of the journal and the pages (still synced: `synchronous` stays FULL,
                // so an acknowledged chat message survives a power cut).
                sqlx::query("PRAGMA journal_mode = WAL")
                    .execute(&pool)
                    .await
                    .map_err(StorageError::Connect)?;
                SQLITE_MIGRATIONS.run(&pool).await?
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        Ok(Self {
            pool,
            backend,
            writer: Arc::default(),
        })
    }

    /// On SQLite, a guard that lets one of this process's frequent writers (chat messages) in
    /// at a time: SQLite has one writer anyway, and writers queued here wake at once, where
    /// writers colliding on its lock sleep in its busy handler for up to 100 ms at a time.
    /// `None` on PostgreSQL, which takes concurrent writers itself.
    pub async fn one_writer(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.writer.lock().await),
            Backend::Postgres => None,
        }
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

    /// A feature's range of migration numbers, from the table in `migrations/README.md`.
    struct Range {
        first: u32,
        last: u32,
        feature: String,
    }

    /// The README's rows `| 1000–1999 | `tracking` | … |`: the one list of ranges, which
    /// `cargo xtask new-component` extends.
    fn ranges(readme: &str) -> Vec<Range> {
        readme
            .lines()
            .filter_map(|line| {
                let mut cells = line.trim().strip_prefix('|')?.split('|').map(str::trim);
                let (first, last) = cells.next()?.split_once('–')?;
                let feature = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
                Some(Range {
                    first: first.parse().ok()?,
                    last: last.parse().ok()?,
                    feature: feature.to_owned(),
                })
            })
            .collect()
    }

    /// The file names of one migrations folder, sorted.
    fn migration_files(folder: &str) -> Vec<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(folder);
        let mut names: Vec<String> = std::fs::read_dir(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The files shipped before the ranges existed: the only ones in the foundation's range
    /// whose names need not say `foundation`.
    const SHIPPED_BEFORE_THE_RANGES: [&str; 3] = [
        "0001_foundation.sql",
        "0002_tracking.sql",
        "0003_stateless_order_tokens.sql",
    ];

    /// Whether a file's name after its number (`rest`) is `feature`'s.
    fn names_feature(rest: &str, feature: &str) -> bool {
        rest == feature || rest.starts_with(&format!("{feature}_"))
    }

    /// What is wrong with these migration file names under these ranges. A feature without
    /// a row yet (just scaffolded into the next free thousand) owns the thousand its first
    /// file opens, named by that file.
    fn misplaced(names: &[String], ranges: &[Range]) -> Vec<String> {
        let mut problems = Vec::new();
        // Unlisted thousands: (thousand, the feature its first file names).
        let mut unlisted: Vec<(u32, String)> = Vec::new();
        let mut sorted: Vec<&String> = names.iter().collect();
        sorted.sort();
        for name in sorted {
            let parsed = name
                .strip_suffix(".sql")
                .and_then(|stem| stem.split_once('_'))
                .filter(|(number, _)| number.len() == 4)
                .and_then(|(number, rest)| Some((number.parse::<u32>().ok()?, rest)));
            let Some((number, rest)) = parsed else {
                problems.push(format!("{name}: not named NNNN_<feature>_<what>.sql"));
                continue;
            };
            let owner = ranges
                .iter()
                .find(|range| (range.first..=range.last).contains(&number));
            let named = ranges
                .iter()
                .filter(|range| range.feature != "foundation")
                .find(|range| names_feature(rest, &range.feature));
            match (owner, named) {
                // The files shipped before the rule keep their names.
                (Some(owner), _)
                    if owner.feature == "foundation"
                        && SHIPPED_BEFORE_THE_RANGES.contains(&name.as_str()) => {}
                (Some(owner), _) if names_feature(rest, &owner.feature) => {}
                (_, Some(named)) => problems.push(format!(
                    "{name}: a `{}` migration must be numbered {}–{}",
                    named.feature, named.first, named.last
                )),
                (Some(owner), None) => problems.push(format!(
                    "{name}: {number} is `{}`'s, so the name must start {number:04}_{}_",
                    owner.feature, owner.feature
                )),
                (None, None) => {
                    let thousand = number / 1000;
                    let claimed = unlisted.iter().find(|(t, _)| *t == thousand);
                    let elsewhere = unlisted
                        .iter()
                        .find(|(t, feature)| *t != thousand && names_feature(rest, feature));
                    match (claimed, elsewhere) {
                        (Some((_, feature)), _) if !names_feature(rest, feature) => {
                            problems.push(format!(
                                "{name}: {}000–{}999 is `{feature}`'s (its first file says so)",
                                thousand, thousand
                            ))
                        }
                        (_, Some((t, feature))) => problems.push(format!(
                            "{name}: `{feature}` already numbers in {t}000–{t}999"
                        )),
                        (Some(_), None) => {}
                        (None, None) => unlisted.push((thousand, rest.to_owned())),
                    }
                }
            }
        }
        problems
    }

    #[test]
    fn migrations_stay_in_their_features_ranges() {
        let readme = include_str!("../migrations/README.md");
        let ranges = ranges(readme);
        assert!(
            ranges.iter().any(|range| range.feature == "tracking"),
            "the README's table of ranges was not understood"
        );
        let sqlite = migration_files("sqlite");
        let postgres = migration_files("postgres");
        assert_eq!(
            sqlite, postgres,
            "sqlite/ and postgres/ must hold the same migrations"
        );
        let problems = misplaced(&sqlite, &ranges);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_migration_outside_its_features_range_is_caught() {
        let ranges = ranges(include_str!("../migrations/README.md"));
        let check = |names: &[&str]| {
            let names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
            misplaced(&names, &ranges)
        };
        assert!(check(&["0002_tracking.sql", "0003_stateless_order_tokens.sql"]).is_empty());
        assert!(check(&["0004_foundation_audit_log.sql"]).is_empty());
        let new_in_the_foundation = check(&["0004_live_chat.sql"]);
        assert!(
            new_in_the_foundation[0].contains("2000–2999"),
            "{new_in_the_foundation:?}"
        );
        assert!(check(&["1004_tracking_returns_link.sql"]).is_empty());
        assert!(check(&["2000_live_chat.sql", "2001_live_chat_read_receipts.sql"]).is_empty());
        let wrong_range = check(&["1005_live_chat_messages.sql"]);
        assert!(wrong_range[0].contains("2000–2999"), "{wrong_range:?}");
        assert_eq!(
            check(&["2001_conversations.sql"]).len(),
            1,
            "unnamed feature"
        );
        // A feature without a row owns the free thousand its first file opens.
        assert!(check(&["6000_loyalty.sql", "6001_loyalty_tiers.sql"]).is_empty());
        assert_eq!(check(&["6000_loyalty.sql", "6001_wishlist.sql"]).len(), 1);
        assert_eq!(
            check(&["6000_loyalty.sql", "7000_loyalty_tiers.sql"]).len(),
            1
        );
        assert_eq!(check(&["12_tracking.sql", "notes.txt"]).len(), 2);
    }
}
