//! The review links of an order: one per product delivered, made when the carrier said it
//! was delivered, each opening the review form already verified. An agent finds them by the
//! order number to send one to a shopper who asks.

use crate::desk::messages::DeskMsg;
use crate::desk::parts::{header_row, refusal_errors};
use leptos::prelude::*;
use sf_api::error::ErrorCode;
use sf_api::reviews::ReviewRequestLink;
use sf_api::validation::{Field, FieldProblem, FieldRefusal, OrderNumber, Validate};
use sf_components::form::{use_form, Form};
use sf_components::i18n::{format_date, DateStyle};
use sf_components::{use_api_client, use_i18n, ClientError, FieldError, I18n, TextField};

/// The order number input.
const ORDER_ID: &str = "sf-desk-review-requests-order";
/// The finder's heading.
const HEADING_ID: &str = "sf-desk-review-requests-heading";

/// The order number (in the path, not a body; named for the browser's check).
const ORDER: Field = Field {
    name: "order_number",
    label: "order number",
};

/// What the finder sends: the order number as typed.
struct OrderQuery(String);

impl Validate for OrderQuery {
    type Valid = OrderNumber;

    fn validate(&self) -> Result<OrderNumber, Vec<FieldRefusal>> {
        OrderNumber::parse(&self.0).map_err(|problem| {
            vec![FieldRefusal {
                field: ORDER,
                problem,
            }]
        })
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// The finder and, once found, the order's links.
#[component]
pub(super) fn RequestLinks(
    /// The desk token.
    token: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let number = RwSignal::new(String::new());
    let found = RwSignal::new(None::<(String, Vec<ReviewRequestLink>)>);
    let form = use_form(
        move |query: OrderQuery| {
            // Checked by `submit` before it sends: the number as the server will read it.
            let asked = OrderNumber::parse(&query.0)
                .map(|number| number.as_str().to_owned())
                .unwrap_or(query.0);
            let finding = client.review_requests(token.get_value(), &asked);
            async move { finding.await.map(|links| (asked, links)) }
        },
        move |answer| found.set(Some(answer)),
        move |error| match error {
            ClientError::Api {
                code: ErrorCode::NotFound,
                ..
            } => vec![FieldError::new(ORDER_ID, i18n.t(DeskMsg::OrderNotFound))],
            other => refusal_errors(i18n, other, |_| None),
        },
    );
    let find = move |()| {
        form.submit(OrderQuery(number.get_untracked()), move |refusal| {
            let message = match refusal.problem {
                FieldProblem::Missing => DeskMsg::OrderNumberMissing,
                _ => DeskMsg::OrderNumberInvalid,
            };
            FieldError::new(ORDER_ID, i18n.t(message))
        });
    };
    view! {
        <section class="sf-desk-reviews__requests" aria-labelledby=HEADING_ID>
            <Form
                errors=form.errors
                pending=form.pending()
                heading_id=HEADING_ID
                submit_label=i18n.text(DeskMsg::FindRequests)
                pending_label=i18n.text(DeskMsg::FindingReturn)
                on_submit=Callback::new(find)
            >
                <h3 id=HEADING_ID>{i18n.text(DeskMsg::RequestsHeading)}</h3>
                <TextField id=ORDER_ID label=i18n.text(DeskMsg::OrderNumberLabel) value=number error=form.errors.for_field(ORDER_ID) />
            </Form>
            // A sentence is announced; the table is there to read at the agent's pace.
            <p role="status">{move || found.with(|found| found.as_ref().map(|(number, links)| found_message(i18n, number, links.len())))}</p>
            {move || found.get().map(|(number, links)| view! { <LinksTable number=number links=links /> })}
        </section>
    }
}

/// What the finder found, in a sentence.
fn found_message(i18n: I18n, number: &str, count: usize) -> String {
    match count {
        0 => i18n.format(DeskMsg::RequestsNone, &[("number", number)]),
        count => i18n.format(
            DeskMsg::RequestsFound,
            &[("number", number), ("count", &count.to_string())],
        ),
    }
}

/// An order's review links (nothing when it has none): the product, when it was delivered,
/// and the link.
#[component]
fn LinksTable(
    /// The order's number.
    number: String,
    /// Its links.
    links: Vec<ReviewRequestLink>,
) -> impl IntoView {
    let i18n = use_i18n();
    if links.is_empty() {
        return None;
    }
    let locale = i18n.locale.get_untracked();
    // The agent copies the link into an email: a path alone would lead nowhere there.
    let origin = window().location().origin().unwrap_or_default();
    let rows = links
        .into_iter()
        .map(|link| {
            let delivered = format_date(&link.created_at, locale, DateStyle::Day);
            let url = absolute(&link.url, &origin);
            let href = url.clone();
            view! {
                <tr>
                    <th scope="row">{link.product_name}</th>
                    <td><time datetime=link.created_at>{delivered}</time></td>
                    <td class="sf-desk-reviews__link"><a href=href>{url}</a></td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::ProductColumn,
        DeskMsg::DeliveredColumn,
        DeskMsg::LinkColumn,
    ];
    Some(view! {
        <table class="sf-desk-reviews__table">
            <caption>{i18n.format(DeskMsg::RequestsCaption, &[("number", &number)])}</caption>
            <thead>{header_row(i18n, &columns, false)}</thead>
            <tbody>{rows}</tbody>
        </table>
    })
}

/// `url` as a whole address: a path (`/reviews?…`, what the server writes when it was
/// started without `--public-url`) is put after `origin`, the desk's own (the server that
/// serves the desk serves the review form's page too); a whole address is kept as it is.
fn absolute(url: &str, origin: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        let mut whole = origin.trim_end_matches('/').to_owned();
        whole.push_str(url);
        whole
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_made_a_whole_address_on_the_desks_origin() {
        let origin = "http://127.0.0.1:8080";
        assert_eq!(
            absolute("/reviews?product=MUG-01&request=3&token=t", origin),
            "http://127.0.0.1:8080/reviews?product=MUG-01&request=3&token=t"
        );
        let public = "https://shop.example/reviews?product=MUG-01&request=3&token=t";
        assert_eq!(absolute(public, origin), public);
    }

    #[test]
    fn the_order_number_is_checked_before_it_travels() {
        assert_eq!(
            OrderQuery(" ".into()).refusals()[0].problem,
            FieldProblem::Missing
        );
        assert_eq!(
            OrderQuery("SF 10!".into()).refusals()[0].problem,
            FieldProblem::NotAnOrderNumber
        );
        assert!(OrderQuery(" sf-1013 ".into()).refusals().is_empty());
    }
}
