//! The shopper's return routes, opened by the order token the tracker's lookup gives (order
//! number and email, a signed link, or a signed customer): what can be returned, a quote, the
//! request itself, photos, and the printable label.

use super::codes::{new_rma, normalise_rma};
use super::policy::{self, OrderLine, ReturnPolicy};
use super::store::{self, count, ItemRow, NewLine, NewReturn};
use super::view::{return_view, views};
use crate::db::Database;
use crate::error::{ApiError, Refusals};
use crate::extract::{read_image, ApiJson, ApiPath, ApiQuery};
use crate::tokens::{TokenKeys, TokenScope};
use crate::tracking::access::OrderShopper;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use sf_api::error::ErrorBody;
use sf_api::live_chat::ImageFormat;
use sf_api::returns::{
    NotReturnableReason, PolicySummary, ReturnCreated, ReturnMethod, ReturnOutcome, ReturnPhoto,
    ReturnQuote, ReturnRequest, ReturnableItem, ReturnableOrder,
};
use std::sync::Arc;
use time::{Date, OffsetDateTime};

/// Photos one order may hold: enough for every line, too few to use the API as storage.
pub const MAX_PHOTOS_PER_ORDER: i64 = 20;

/// What the order's shopper can return, the shops that take returns, and their returns.
#[utoipa::path(
    get,
    path = "/orders/{order_number}/returns",
    tag = "returns",
    params(("order_number" = String, Path, description = "The order")),
    security(("order_token" = [])),
    responses(
        (status = 200, description = "Items, shops, policy and returns made", body = ReturnableOrder),
        (status = 401, description = "No valid token for this order", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = shopper.order_id))]
pub(super) async fn returnable(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    shopper: OrderShopper,
    ApiPath(order_number): ApiPath<String>,
) -> Result<Json<ReturnableOrder>, ApiError> {
    let shopper = shopper.for_order(&order_number)?;
    let policy = store::policy(&db).await?;
    let today = OffsetDateTime::now_utc().date();
    let mut items = Vec::new();
    for row in store::order_items(&db, shopper.order_id).await? {
        let eligibility = policy::eligibility(&policy, &order_line(&row), today);
        let exchange_options = if eligibility.returnable > 0 {
            store::exchange_options(&db, &row).await?
        } else {
            Vec::new()
        };
        items.push(ReturnableItem {
            item_id: row.item_id,
            name: row.name,
            variant: row.variant,
            unit_price_cents: row.price_cents,
            ordered: count(row.quantity),
            returnable: eligibility.returnable,
            not_returnable: eligibility.reason.map(|reason| match reason {
                policy::NotReturnable::NotDelivered => NotReturnableReason::NotDelivered,
                policy::NotReturnable::WindowClosed { .. } => NotReturnableReason::WindowClosed,
                policy::NotReturnable::FinalSale => NotReturnableReason::FinalSale,
                policy::NotReturnable::AlreadyReturned => NotReturnableReason::AlreadyReturned,
            }),
            last_day: eligibility.last_day.map(|day| day.to_string()),
            exchange_options,
        });
    }
    let returns = store::returns_of_order(&db, shopper.order_id).await?;
    Ok(Json(ReturnableOrder {
        order_number: shopper.order_number,
        currency: store::order_currency(&db, shopper.order_id).await?,
        items,
        stores: store::return_stores(&db).await?,
        policy: PolicySummary {
            window_days: policy.window_days,
            restocking_fee_basis_points: policy.restocking_fee_basis_points,
            mail_fee_cents: policy.mail_fee_cents,
            store_credit_bonus_basis_points: policy.store_credit_bonus_basis_points,
        },
        returns: views(&db, &keys, returns).await?,
    }))
}

/// What a return would give back, computed as `POST …/returns` would, without making it.
#[utoipa::path(
    post,
    path = "/orders/{order_number}/returns/quote",
    tag = "returns",
    params(("order_number" = String, Path, description = "The order")),
    request_body = ReturnRequest,
    security(("order_token" = [])),
    responses(
        (status = 200, description = "The amounts", body = ReturnQuote),
        (status = 401, description = "No valid token for this order", body = ErrorBody),
        (status = 422, description = "A choice is missing or does not fit the order; `fields` says which", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = shopper.order_id))]
pub(super) async fn quote(
    State(db): State<Database>,
    shopper: OrderShopper,
    ApiPath(order_number): ApiPath<String>,
    ApiJson(request): ApiJson<ReturnRequest>,
) -> Result<Json<ReturnQuote>, ApiError> {
    let shopper = shopper.for_order(&order_number)?;
    let checked = check_request(&db, shopper.order_id, &request).await?;
    Ok(Json(ReturnQuote {
        currency: store::order_currency(&db, shopper.order_id).await?,
        amounts: checked.amounts,
    }))
}

/// Make a return. The same `request_id` twice makes one return: the second call answers the
/// first one's return with 200, so a double click or a retry after a lost answer is harmless.
#[utoipa::path(
    post,
    path = "/orders/{order_number}/returns",
    tag = "returns",
    params(("order_number" = String, Path, description = "The order")),
    request_body = ReturnRequest,
    security(("order_token" = [])),
    responses(
        (status = 201, description = "The return, with its RMA", body = ReturnCreated),
        (status = 200, description = "Made before with this request_id", body = ReturnCreated),
        (status = 401, description = "No valid token for this order", body = ErrorBody),
        (status = 422, description = "A choice is missing or does not fit the order; `fields` says which", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = shopper.order_id))]
pub(super) async fn create(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    shopper: OrderShopper,
    ApiPath(order_number): ApiPath<String>,
    ApiJson(request): ApiJson<ReturnRequest>,
) -> Result<(StatusCode, Json<ReturnCreated>), ApiError> {
    let shopper = shopper.for_order(&order_number)?;
    // One writer at a time on SQLite: a double click's two requests are decided in turn,
    // so the second finds the first's return. On PostgreSQL a same-id race is settled by
    // the unique index (below), and quantities by the order's row lock in `insert_return`.
    let _writer = db.one_writer().await;
    if let Some(rma) = store::rma_of_request(&db, shopper.order_id, &request.request_id).await? {
        return created(&db, &keys, &rma, StatusCode::OK).await;
    }
    let checked = check_request(&db, shopper.order_id, &request).await?;
    let mut rma = new_rma();
    while store::rma_taken(&db, &rma).await? {
        rma = new_rma();
    }
    let new = NewReturn {
        order_id: shopper.order_id,
        request_id: &request.request_id,
        method: checked.method,
        store_id: checked.store_id,
        comment: request.comment.trim(),
        amounts: checked.amounts,
        lines: checked.lines,
    };
    match store::insert_return(&db, &rma, &new).await {
        Ok(store::Inserted::Stored) => {}
        Ok(store::Inserted::TooMany { item_id, left }) => {
            let field = sf_api::returns::line_field(item_id, "quantity");
            return Err(ApiError::field(
                &field,
                format!("Another return has just taken some of this item: you can return at most {left}."),
            ));
        }
        // The same request raced us on PostgreSQL (its unique index refused the second
        // insert): answer the return the first one made.
        Err(error) => {
            return match store::rma_of_request(&db, shopper.order_id, &request.request_id).await? {
                Some(rma) => created(&db, &keys, &rma, StatusCode::OK).await,
                None => Err(error),
            };
        }
    }
    tracing::info!(%rma, "return requested");
    created(&db, &keys, &rma, StatusCode::CREATED).await
}

async fn created(
    db: &Database,
    keys: &Arc<TokenKeys>,
    rma: &str,
    status: StatusCode,
) -> Result<(StatusCode, Json<ReturnCreated>), ApiError> {
    let row = store::return_by_rma(db, rma)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = return_view(db, keys, row).await?;
    Ok((status, Json(ReturnCreated { view })))
}

/// A request checked against the order, with its amounts.
struct Checked {
    method: ReturnMethod,
    store_id: Option<i64>,
    lines: Vec<NewLine>,
    amounts: sf_api::returns::ReturnAmounts,
}

/// Checks the form's rules, then each line against the order and the policy today: the
/// quantity returnable, the variant offered, the photo the order's own, the shop open to
/// returns. Every refusal names its field, so the form shows each where it belongs.
async fn check_request(
    db: &Database,
    order_id: i64,
    request: &ReturnRequest,
) -> Result<Checked, ApiError> {
    let mut refused = Refusals::default();
    for refusal in request.refusals() {
        refused.add(refusal.field, refusal.problem.english());
    }
    refused.into_result()?;
    let mut refused = Refusals::default();
    let mut refuse = |field: String, message: &str| refused.add(field, message);
    let policy: ReturnPolicy = store::policy(db).await?;
    let today: Date = OffsetDateTime::now_utc().date();
    let items = store::order_items(db, order_id).await?;
    let mut lines = Vec::new();
    let mut priced = Vec::new();
    for line in &request.lines {
        let field = |part| sf_api::returns::line_field(line.item_id, part);
        let Some(item) = items.iter().find(|item| item.item_id == line.item_id) else {
            refuse(field("quantity"), "This item is not in your order.");
            continue;
        };
        let returnable = policy::eligibility(&policy, &order_line(item), today).returnable;
        if returnable == 0 {
            refuse(field("quantity"), "This item can no longer be returned.");
            continue;
        }
        if line.quantity > returnable {
            refuse(
                field("quantity"),
                &format!("You can return at most {returnable} of this item."),
            );
            continue;
        }
        let (Some(reason), Some(outcome)) = (line.reason, line.outcome) else {
            continue;
        };
        let exchange_product_id = match outcome {
            ReturnOutcome::Exchange => {
                let offered = store::exchange_options(db, item).await?;
                let wanted = line.exchange_product_id;
                if !offered
                    .iter()
                    .any(|option| Some(option.product_id) == wanted)
                {
                    refuse(field("exchange"), "Choose a variant that is in stock.");
                    continue;
                }
                wanted
            }
            _ => None,
        };
        let photo_id = match line.photo.as_deref().filter(|key| !key.is_empty()) {
            Some(key) => match store::photo_of_order(db, order_id, key).await? {
                Some(id) => Some(id),
                None => {
                    refuse(field("photo"), "Add the photo again: it was not found.");
                    continue;
                }
            },
            None => None,
        };
        priced.push((item.price_cents * i64::from(line.quantity), outcome));
        lines.push(NewLine {
            item_id: line.item_id,
            quantity: line.quantity,
            reason,
            sub_reason: line.sub_reason,
            outcome,
            exchange_product_id,
            photo_id,
        });
    }
    let method = request.method.unwrap_or(ReturnMethod::Mail);
    let store_id = match method {
        ReturnMethod::InStore => {
            let open = store::return_stores(db).await?;
            if !open.iter().any(|shop| Some(shop.id) == request.store_id) {
                refuse("store".into(), "Choose one of the shops that take returns.");
            }
            request.store_id
        }
        _ => None,
    };
    refused.into_result()?;
    Ok(Checked {
        method,
        store_id,
        amounts: policy::amounts(&policy, &priced, method),
        lines,
    })
}

/// An order line as the policy reads it.
fn order_line(row: &ItemRow) -> OrderLine {
    OrderLine {
        sku: row.sku.clone(),
        category: row.category.clone(),
        ordered: count(row.quantity),
        already_returned: count(row.already_returned),
        delivered_on: row
            .delivered_at
            .as_deref()
            .and_then(|at| {
                OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).ok()
            })
            .map(OffsetDateTime::date),
    }
}

/// Upload a photo for a return line (damage, a wrong item): PNG, JPEG, GIF or WebP of at
/// most 5 MiB, recognised from its bytes. Answers the key a line's `photo` names.
#[utoipa::path(
    post,
    path = "/orders/{order_number}/return-photos",
    tag = "returns",
    params(("order_number" = String, Path, description = "The order")),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "A PNG, JPEG, GIF or WebP image of at most 5 MiB"),
    security(("order_token" = [])),
    responses(
        (status = 201, description = "Stored", body = ReturnPhoto),
        (status = 401, description = "No valid token for this order", body = ErrorBody),
        (status = 413, description = "Larger than 5 MiB", body = ErrorBody),
        (status = 415, description = "Not a PNG, JPEG, GIF or WebP image", body = ErrorBody),
        (status = 429, description = "The order holds its 20 photos", body = ErrorBody)
    )
)]
#[tracing::instrument(skip_all, fields(order_id = shopper.order_id))]
pub(super) async fn upload_photo(
    State(db): State<Database>,
    shopper: OrderShopper,
    ApiPath(order_number): ApiPath<String>,
    body: Body,
) -> Result<(StatusCode, Json<ReturnPhoto>), ApiError> {
    let shopper = shopper.for_order(&order_number)?;
    if store::photo_count(&db, shopper.order_id).await? >= MAX_PHOTOS_PER_ORDER {
        return Err(ApiError::TooManyOpen(
            "This order already holds its 20 photos: send the rest through the chat.",
        ));
    }
    let bytes = read_image(body).await?;
    let format = ImageFormat::sniff(&bytes).ok_or(ApiError::UnsupportedImage)?;
    let key = hex::encode(rand::random::<[u8; 16]>());
    store::insert_photo(&db, shopper.order_id, &key, format.media_type(), &bytes).await?;
    Ok((StatusCode::CREATED, Json(ReturnPhoto { key })))
}

/// A return line's photo, by the unguessable key only the order's shopper and agents are given.
#[utoipa::path(
    get,
    path = "/returns/photos/{key}",
    tag = "returns",
    params(("key" = String, Path, description = "The photo's key")),
    responses(
        (status = 200, description = "The photo", content_type = "image/jpeg"),
        (status = 404, description = "No such photo", body = ErrorBody)
    )
)]
pub(super) async fn photo(
    State(db): State<Database>,
    ApiPath(key): ApiPath<String>,
) -> Result<Response, ApiError> {
    let (media_type, bytes) = store::photo(&db, &key).await?.ok_or(ApiError::NotFound)?;
    Ok(crate::static_files::embeddable_image(
        &media_type,
        "private, max-age=31536000, immutable",
        "default-src 'none'; sandbox",
        bytes,
    ))
}

/// The label page's query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(super) struct LabelQuery {
    /// The label's token, from the return's `label_url`.
    token: String,
}

/// A mail return's printable label: the RMA large and as a QR code, the shop's return
/// address, the items. Opened in a new tab from the return's `label_url` (whose token proves
/// it is this return's), printed from the browser.
#[utoipa::path(
    get,
    path = "/returns/{rma}/label",
    tag = "returns",
    params(("rma" = String, Path, description = "The return"), LabelQuery),
    responses(
        (status = 200, description = "A printable HTML page", content_type = "text/html"),
        (status = 401, description = "The token is not this return's", body = ErrorBody),
        (status = 404, description = "No such return", body = ErrorBody)
    )
)]
pub(super) async fn label(
    State(db): State<Database>,
    State(keys): State<Arc<TokenKeys>>,
    State(returns): State<super::ReturnsState>,
    ApiPath(rma): ApiPath<String>,
    ApiQuery(query): ApiQuery<LabelQuery>,
) -> Result<Response, ApiError> {
    let rma = normalise_rma(&rma).ok_or(ApiError::NotFound)?;
    let subject = keys
        .verify(&query.token, TokenScope::Return, OffsetDateTime::now_utc())
        .map_err(|_| ApiError::Unauthorized)?;
    if subject != rma {
        return Err(ApiError::Unauthorized);
    }
    let row = store::return_by_rma(&db, &rma)
        .await?
        .ok_or(ApiError::NotFound)?;
    // A label is for a mail return whose items are still to be sent.
    if row.method != "mail" || !matches!(row.status.as_str(), "requested" | "approved") {
        return Err(ApiError::NotFound);
    }
    let lines = store::lines(&db, row.id).await?;
    let page = super::view::label_page(&row, &lines, &returns.mail_address);
    Ok((
        [
            (header::CACHE_CONTROL, "private, no-store"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            ),
        ],
        Html(page),
    )
        .into_response())
}
