//! A stored return as its shopper and the desk see it, and its printable label.

use super::codes::qr_svg;
use super::store::{self, count, from_wire_name, LineRow, ReturnRow};
use crate::db::Database;
use crate::error::ApiError;
use crate::tokens::{TokenKeys, TokenScope};
use sf_api::returns::{ReturnLineView, ReturnMethod, ReturnStatus, ReturnView, TimelineReturn};
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// How long a label's link works: a return window and the time to post it.
const LABEL_LINK_LIFETIME: Duration = Duration::from_secs(60 * 24 * 60 * 60);

/// The return as the API answers it.
pub async fn return_view(
    db: &Database,
    keys: &Arc<TokenKeys>,
    row: ReturnRow,
) -> Result<ReturnView, ApiError> {
    let status = ReturnStatus::parse(&row.status).ok_or_else(|| {
        ApiError::Internal(format!("return {} has status {}", row.rma, row.status))
    })?;
    let method: ReturnMethod = from_wire_name(&row.method).ok_or_else(|| {
        ApiError::Internal(format!("return {} has method {}", row.rma, row.method))
    })?;
    let store = match row.store_id {
        Some(id) => store::store(db, id).await?,
        None => None,
    };
    let lines = store::lines(db, row.id)
        .await?
        .into_iter()
        .filter_map(line_view)
        .collect();
    // What the shopper shows or prints is offered only while the items are still to travel.
    let still_to_send = matches!(status, ReturnStatus::Requested | ReturnStatus::Approved);
    let qr_svg = (still_to_send && method != ReturnMethod::Mail)
        .then(|| qr_svg(&row.rma))
        .flatten();
    let label_url = (still_to_send && method == ReturnMethod::Mail).then(|| {
        let expires = OffsetDateTime::now_utc() + LABEL_LINK_LIFETIME;
        let token = keys.sign(TokenScope::Return, &row.rma, expires);
        format!(
            "{}/returns/{}/label?token={token}",
            sf_api::API_PREFIX,
            row.rma
        )
    });
    Ok(ReturnView {
        events: store::events(db, row.id).await?,
        amounts: row.amounts(),
        rma: row.rma,
        order_number: row.order_number,
        status,
        method,
        store,
        lines,
        comment: row.comment,
        currency: row.currency,
        qr_svg,
        label_url,
    })
}

/// Each return as the API answers it, in the same order.
pub async fn views(
    db: &Database,
    keys: &Arc<TokenKeys>,
    rows: Vec<ReturnRow>,
) -> Result<Vec<ReturnView>, ApiError> {
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        views.push(return_view(db, keys, row).await?);
    }
    Ok(views)
}

/// The shopper's returns on their timeline in the desk.
pub async fn timeline(
    db: &Database,
    email: Option<&str>,
    customer_id: Option<&str>,
) -> Result<Vec<TimelineReturn>, ApiError> {
    let mut returns = Vec::new();
    for row in store::returns_of_shopper(db, email, customer_id).await? {
        returns.push(TimelineReturn {
            events: store::events(db, row.id).await?,
            rma: row.rma,
            order_number: row.order_number,
        });
    }
    Ok(returns)
}

fn line_view(row: LineRow) -> Option<ReturnLineView> {
    Some(ReturnLineView {
        line_id: row.id,
        item_id: row.item_id,
        name: row.name,
        variant: row.variant,
        quantity: count(row.quantity),
        reason: from_wire_name(&row.reason)?,
        sub_reason: row.sub_reason.as_deref().and_then(from_wire_name),
        outcome: from_wire_name(&row.outcome)?,
        exchange_variant: row.exchange_variant,
        photo_url: row
            .photo_key
            .map(|key| format!("{}/returns/photos/{key}", sf_api::API_PREFIX)),
        received_quantity: row.received_quantity.map(count),
        damaged_quantity: row.damaged_quantity.map(count),
    })
}

/// Text made safe to put between HTML tags or in a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The printable label: an HTML page of its own (printed from a new tab), every text from
/// the database escaped.
pub fn label_page(row: &ReturnRow, lines: &[LineRow], address: &[String]) -> String {
    let items: String = lines
        .iter()
        .map(|line| {
            let variant = line
                .variant
                .as_deref()
                .map(|variant| format!(" ({})", escape(variant)))
                .unwrap_or_default();
            format!(
                "<li>{} × {}{variant}</li>",
                line.quantity,
                escape(&line.name)
            )
        })
        .collect();
    let qr = qr_svg(&row.rma).unwrap_or_default();
    let address: Vec<String> = address.iter().map(|line| escape(line)).collect();
    let address = address.join("<br>");
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Return label {rma}</title>
<style>
body{{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-inline-size:40rem;padding-inline:1rem;color:#111;background:#fff}}
.label{{border:3px dashed #111;padding:1.5rem}}
.rma{{font-size:2.5rem;font-weight:700;letter-spacing:.1em;margin:0}}
.sf-qr{{inline-size:10rem;block-size:auto}}
@media print{{.no-print{{display:none}}body{{margin:0}}}}
</style></head>
<body>
<main>
<h1>Return label</h1>
<p class="no-print">Print this page, cut out the label and stick it on the parcel, over any old labels.</p>
<section class="label" aria-labelledby="to">
<h2 id="to">Send to</h2>
<p>{address}</p>
<p>Return number (RMA)</p>
<p class="rma">{rma}</p>
{qr}
<p>From: {name}, order {order}</p>
<h3>In this parcel</h3>
<ul>{items}</ul>
</section>
</main>
</body></html>"#,
        rma = escape(&row.rma),
        name = escape(&row.customer_name),
        order = escape(&row.order_number),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_writes_stored_text_as_text() {
        let row = ReturnRow {
            id: 1,
            rma: "R-7K3F9Q".into(),
            order_id: 1,
            order_number: "SF-1".into(),
            currency: "USD".into(),
            customer_name: "<script>alert(1)</script>".into(),
            email: "a@example.com".into(),
            status: "approved".into(),
            method: "mail".into(),
            store_id: None,
            comment: String::new(),
            items_cents: 0,
            restocking_fee_cents: 0,
            shipping_fee_cents: 0,
            bonus_cents: 0,
            refund_cents: 0,
            store_credit_cents: 0,
            created_at: String::new(),
        };
        let page = label_page(&row, &[], &["A & B".to_owned()]);
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script>"));
        assert!(page.contains("R-7K3F9Q") && page.contains("<svg") && page.contains("A &amp; B"));
    }
}
