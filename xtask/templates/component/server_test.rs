//! `<sf-__kebab__>`'s routes against the real server, on SQLite and PostgreSQL.

use crate::common::{TestApp, TestDatabase};
use reqwest::StatusCode;

both_databases!(the_overview_counts_the_records);

async fn the_overview_counts_the_records(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.get("/api/v1/__kebab__").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let overview: sf_api::__snake__::__Pascal__Overview = response.json().await.unwrap();
    assert_eq!(overview.records, 0);
    app.stop().await;
}
