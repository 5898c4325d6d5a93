//! The queries of `<sf-__kebab__>`, each reading into a named row struct.

use crate::db::Database;
use crate::error::ApiError;

/// One count.
#[derive(sqlx::FromRow)]
struct CountRow {
    records: i64,
}

/// How many records the feature's table holds.
pub async fn count_records(db: &Database) -> Result<i64, ApiError> {
    let row: CountRow = sqlx::query_as("SELECT COUNT(*) AS records FROM __snake___records")
        .fetch_one(&db.pool)
        .await?;
    Ok(row.records)
}
