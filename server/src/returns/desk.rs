//! The desk's side of returns (signed-in agents, store staff among them): the queue, one
//! return, and moving it on. The allowed moves are one table ([`ALLOWED`]), read by one
//! function.

use super::codes::normalise_rma;
use super::store::{self, Change, ReturnRow};
use super::view::return_view;
use crate::agent::SignedInAgent;
use crate::db::Database;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::tokens::TokenKeys;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use sf_api::error::ErrorBody;
use sf_api::returns::{
    DeskReturn, DeskReturnSummary, ReceivedLine, ReturnStatus, ReturnTransition,
    MAX_RETURN_COMMENT_CHARS,
};
use std::sync::Arc;

/// Every move a return may make: from, to.
pub const ALLOWED: [(ReturnStatus, ReturnStatus); 8] = [
    (ReturnStatus::Requested, ReturnStatus::Approved),
    (ReturnStatus::Requested, ReturnStatus::Rejected),
    (ReturnStatus::Approved, ReturnStatus::InTransit),
    (ReturnStatus::Approved, ReturnStatus::Received),
    (ReturnStatus::Approved, ReturnStatus::Rejected),
    (ReturnStatus::InTransit, ReturnStatus::Received),
    (ReturnStatus::Received, ReturnStatus::Refunded),
    // Items that arrived and turned out not to qualify (worn, not the store's) go back.
    (ReturnStatus::Received, ReturnStatus::Rejected),
];

/// Whether a return may move from `from` to `to`.
pub fn may_move(from: ReturnStatus, to: ReturnStatus) -> bool {
    ALLOWED.contains(&(from, to))
}

/// The queue's filter.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct QueueQuery {
    /// One status; without it, every open return (requested, approved, in transit, received).
    #[serde(default)]
    #[param(value_type = Option<String>)]
    status: Option<ReturnStatus>,
}

/// The returns queue, oldest first (at most 200).
#[utoipa::path(
    get,
    path = "/desk/returns",
    tag = "returns",
    params(QueueQuery),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The queue", body = Vec<DeskReturnSummary>),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn queue(
    State(db): State<Database>,
    _signed_in: SignedInAgent,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<Vec<DeskReturnSummary>>, ApiError> {
    let open = [
        ReturnStatus::Requested,
        ReturnStatus::Approved,
        ReturnStatus::InTransit,
        ReturnStatus::Received,
    ];
    let statuses = match query.status {
        Some(status) => vec![status],
        None => open.to_vec(),
    };
    let mut summaries = Vec::new();
    for row in store::queue(&db, &statuses).await? {
        let lines = store::lines(&db, row.id).await?;
        let store_name = match row.store_id {
            Some(id) => store::store(&db, id).await?.map(|shop| shop.name),
            None => None,
        };
        summaries.push(DeskReturnSummary {
            status: ReturnStatus::parse(&row.status).unwrap_or(ReturnStatus::Requested),
            method: store::from_wire_name(&row.method)
                .unwrap_or(sf_api::returns::ReturnMethod::Mail),
            units: lines.iter().map(|line| store::count(line.quantity)).sum(),
            rma: row.rma,
            order_number: row.order_number,
            customer_name: row.customer_name,
            store_name,
            created_at: row.created_at,
        });
    }
    Ok(Json(summaries))
}

/// One return, found by its RMA as typed or scanned (any case, with or without the dash).
#[utoipa::path(
    get,
    path = "/desk/returns/{rma}",
    tag = "returns",
    params(("rma" = String, Path, description = "The return's number, e.g. R-7K3F9Q")),
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "The return", body = DeskReturn),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No return has this number", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = _signed_in.profile.id))]
pub(super) async fn get(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    _signed_in: SignedInAgent,
    ApiPath(rma): ApiPath<String>,
) -> Result<Json<DeskReturn>, ApiError> {
    let row = find(&db, &rma).await?;
    desk_return(&db, &keys, row).await.map(Json)
}

async fn find(db: &Database, rma: &str) -> Result<ReturnRow, ApiError> {
    let rma = normalise_rma(rma).ok_or(ApiError::NothingMatches(NO_SUCH_RMA))?;
    store::return_by_rma(db, &rma)
        .await?
        .ok_or(ApiError::NothingMatches(NO_SUCH_RMA))
}

const NO_SUCH_RMA: &str = "No return has this number: check it on the shopper's screen or label.";

async fn desk_return(
    db: &Database,
    keys: &Arc<TokenKeys>,
    row: ReturnRow,
) -> Result<DeskReturn, ApiError> {
    Ok(DeskReturn {
        customer_name: row.customer_name.clone(),
        email: row.email.clone(),
        view: return_view(db, keys, row).await?,
    })
}

/// Move a return on: approve, reject (with a reason the shopper sees), in transit, received
/// (with quantities; at a counter, the agent's shop is recorded), refunded. Each move is on
/// the shopper's status page and timeline.
#[utoipa::path(
    post,
    path = "/desk/returns/{rma}/transitions",
    tag = "returns",
    params(("rma" = String, Path, description = "The return's number")),
    request_body = ReturnTransition,
    security(("agent_token" = [])),
    responses(
        (status = 200, description = "Moved", body = DeskReturn),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No return has this number", body = ErrorBody),
        (status = 409, description = "Not a move its status allows (or someone moved it first)", body = ErrorBody),
        (status = 422, description = "A rejection without a reason, or quantities that do not fit", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(agent_id = agent.profile.id))]
pub(super) async fn transition(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    agent: SignedInAgent,
    ApiPath(rma): ApiPath<String>,
    ApiJson(transition): ApiJson<ReturnTransition>,
) -> Result<Json<DeskReturn>, ApiError> {
    let row = find(&db, &rma).await?;
    let from = ReturnStatus::parse(&row.status).ok_or(ApiError::Conflict(NOT_ALLOWED))?;
    let to = transition.status();
    if !may_move(from, to) {
        return Err(ApiError::Conflict(NOT_ALLOWED));
    }
    let (note, received): (Option<&str>, &[ReceivedLine]) = match &transition {
        ReturnTransition::Rejected { reason } => {
            let reason = sf_api::validation::required_text(reason, MAX_RETURN_COMMENT_CHARS)
                .map_err(|problem| ApiError::field("reason", problem.english("reason")))?;
            (Some(reason), &[])
        }
        ReturnTransition::Received { lines } => {
            check_received(&store::lines(&db, row.id).await?, lines)?;
            (None, lines)
        }
        ReturnTransition::Refunded => {
            let lines = store::lines(&db, row.id).await?;
            if lines
                .iter()
                .all(|line| line.received_quantity.unwrap_or(0) == 0)
            {
                return Err(ApiError::Conflict(NOTHING_RECEIVED));
            }
            (None, &[])
        }
        _ => (None, &[]),
    };
    let store_id = agent
        .profile
        .store
        .as_ref()
        .map(|shop| shop.id)
        .filter(|_| to == ReturnStatus::Received);
    let change = Change {
        from,
        to,
        agent_id: agent.profile.id,
        store_id,
        note,
        received,
    };
    if !store::change_status(&db, row.id, &change).await? {
        return Err(ApiError::Conflict(NOT_ALLOWED));
    }
    tracing::info!(rma = %row.rma, to = to.as_str(), "return moved");
    let row = find(&db, &row.rma).await?;
    desk_return(&db, &keys, row).await.map(Json)
}

const NOTHING_RECEIVED: &str =
    "Nothing of this return arrived, so there is nothing to refund: reject it instead.";

const NOT_ALLOWED: &str =
    "This return cannot make that change from where it is now: reload it to see its status.";

/// Received quantities name the return's own lines, at most what each holds, and no more
/// damaged units than received.
fn check_received(lines: &[store::LineRow], received: &[ReceivedLine]) -> Result<(), ApiError> {
    for line in received {
        let field = format!("line-{}-received", line.line_id);
        let Some(stored) = lines.iter().find(|stored| stored.id == line.line_id) else {
            return Err(ApiError::field(&field, "This line is not in the return."));
        };
        if i64::from(line.received) > stored.quantity {
            return Err(ApiError::field(
                &field,
                format!("At most {} were sent back.", stored.quantity),
            ));
        }
        if line.damaged > line.received {
            return Err(ApiError::field(
                &format!("line-{}-damaged", line.line_id),
                "Damaged units cannot be more than those received.",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_move_forward_only_along_the_table() {
        use ReturnStatus::*;
        assert!(may_move(Requested, Approved));
        assert!(
            may_move(Approved, Received),
            "a counter receives an approved return"
        );
        assert!(
            !may_move(Requested, Received),
            "nothing is received before approval"
        );
        assert!(!may_move(Refunded, Requested));
        assert!(!may_move(Rejected, Approved));
        assert!(!may_move(Approved, Approved));
        assert!(
            !may_move(InTransit, Refunded),
            "nothing is refunded before it arrives"
        );
    }
}
