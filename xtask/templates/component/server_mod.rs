//! The server side of `<sf-__kebab__>`: its routes (private, documented in the OpenAPI) in
//! [`router`], its queries in `store.rs`, its migrations numbered __migration_range__.

mod store;

use crate::db::Database;
use crate::error::ApiError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use sf_api::__snake__::__Pascal__Overview;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of the feature, merged into the API in one line (`server/src/routes/mod.rs`).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(overview))
}

/// What the component starts from.
#[utoipa::path(
    get,
    path = "/__kebab__",
    tag = "__kebab__",
    responses((status = 200, description = "What the component starts from", body = __Pascal__Overview))
)]
#[tracing::instrument(skip_all)]
async fn overview(State(db): State<Database>) -> Result<Json<__Pascal__Overview>, ApiError> {
    let records = store::count_records(&db).await?;
    Ok(Json(__Pascal__Overview { records }))
}
