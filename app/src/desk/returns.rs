//! The desk's side of returns: a finder by return number (with a camera scan where the
//! browser can read QR codes), one return at a time with its items, amounts and history and
//! the moves its status allows, and the queue filtered by status.
//!
//! Store staff (agents with a shop) work at a counter: the section opens on it, and what they
//! mark received is recorded at their shop by the server. Everyone else finds the same finder
//! above the queue, for a parcel opened with a phone in hand.

use super::messages::DeskMsg;
use super::parts::{
    header_row, queue_answer, refusal_errors, required, text_error, DoneNote, Opened,
};
use super::scanner::use_qr_scanner;
use super::DeskSection;
use leptos::html;
use leptos::prelude::*;
use sf_api::agent::AgentStore;
use sf_api::error::ErrorCode;
use sf_api::returns::{
    DeskReturn, DeskReturnSummary, ReceivedLine, ReturnAmounts, ReturnEvent, ReturnLineView,
    ReturnMethod, ReturnOutcome, ReturnReason, ReturnStatus, ReturnTransition, ReturnView,
    SubReason, MAX_RETURN_COMMENT_CHARS,
};
use sf_api::validation::{Field, FieldRefusal, Validate};
use sf_components::error_summary::FormErrors;
use sf_components::form::{use_form, Form, UseForm};
use sf_components::i18n::{format_date, money, DateStyle};
use sf_components::text_field::{error_id, ErrorMessage};
use sf_components::{
    use_api_client, use_i18n, ClientError, ErrorSummary, FieldError, I18n, TextField,
};

/// The return number input.
const RMA_ID: &str = "sf-desk-return-rma";
/// The finder's heading, which names its form.
const FINDER_HEADING_ID: &str = "sf-desk-returns-finder-heading";
/// The queue's status filter.
const FILTER_ID: &str = "sf-desk-returns-status";
/// The open return's heading.
const DETAIL_HEADING_ID: &str = "sf-desk-return-heading";
/// The rejection's reason.
const REASON_ID: &str = "sf-desk-return-reject-reason";
/// Longest return number the finder sends (an RMA is ten characters or so; a scanned code
/// that is something else entirely should not travel).
const MAX_RMA_CHARS: usize = 40;

/// The finder's only field (in the path, not a body; named for the browser's check).
const RMA: Field = Field {
    name: "rma",
    label: "return number",
};
/// The rejection's reason, as the server names it in a 422.
const REASON: Field = Field {
    name: "reason",
    label: "reason",
};

/// The returns part of the desk; open from the start for store staff, whose counter it holds.
#[component]
pub fn ReturnsDesk(
    /// The desk token.
    token: String,
    /// The agent's shop, for store staff.
    store: Option<AgentStore>,
) -> impl IntoView {
    let token = StoredValue::new(token);
    let at_counter = store.is_some();
    let store = StoredValue::new(store);
    view! {
        <DeskSection name="returns" heading=DeskMsg::ReturnsHeading open_at_start=at_counter>
            <ReturnsWorkspace token=token store=store.get_value() />
        </DeskSection>
    }
}

/// The finder, the return open and the queue.
#[component]
fn ReturnsWorkspace(
    /// The desk token.
    token: StoredValue<String>,
    /// The agent's shop, for store staff.
    store: Option<AgentStore>,
) -> impl IntoView {
    let i18n = use_i18n();
    let opened = Opened::<DeskReturn>::new();
    let at_counter = store.is_some();
    let rma_shown = Memo::new(move |_| {
        opened
            .shown
            .with(|shown| shown.as_ref().map(|found| found.view.rma.clone()))
    });
    view! {
        <RmaFinder token=token opened=opened store_name=store.map(|store| store.name) />
        {move || opened.failed.get().then(|| view! { <p role="alert">{i18n.text(DeskMsg::ReturnLoadFailed)}</p> })}
        // One detail per return: another return starts afresh (its form, its focus), while a
        // move on the same one keeps the detail and refreshes what it shows.
        {move || {
            rma_shown
                .get()
                .map(|rma| view! { <ReturnDetail token=token opened=opened rma=rma at_counter=at_counter /> })
        }}
        <ReturnQueue token=token opened=opened />
    }
}

/// What the finder sends: the return number as typed (trimmed) or scanned.
struct RmaQuery(String);

impl Validate for RmaQuery {
    type Valid = ();

    fn validate(&self) -> Result<(), Vec<FieldRefusal>> {
        required(RMA, &self.0, MAX_RMA_CHARS)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// A move of the return open, checked as the server checks it: only a rejection has a field.
struct Change(ReturnTransition);

impl Validate for Change {
    type Valid = ();

    fn validate(&self) -> Result<(), Vec<FieldRefusal>> {
        match &self.0 {
            ReturnTransition::Rejected { reason } => {
                required(REASON, reason, MAX_RETURN_COMMENT_CHARS)
            }
            _ => Ok(()),
        }
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// The input of a field of a move, by its name on the wire: the reason, or one line's
/// counts (`line-{id}-received`, `line-{id}-damaged`, as the server names them).
fn move_input(name: &str) -> Option<String> {
    if name == REASON.name {
        Some(REASON_ID.to_owned())
    } else if name.starts_with("line-") {
        Some(format!("sf-desk-return-{name}"))
    } else {
        None
    }
}

/// Finds a return by its number, typed or read from its QR code with the camera; headed as
/// the agent's counter for store staff.
#[component]
fn RmaFinder(
    /// The desk token.
    token: StoredValue<String>,
    /// Where the return found is shown.
    opened: Opened<DeskReturn>,
    /// The agent's shop, for store staff.
    store_name: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let rma = RwSignal::new(String::new());
    let form = use_form(
        move |query: RmaQuery| {
            let asking = opened.ask();
            let finding = client.desk_return(token.get_value(), &query.0);
            async move { finding.await.map(|found| (asking, found)) }
        },
        move |(asking, found)| opened.show(asking, found),
        move |error| match error {
            ClientError::Api {
                code: ErrorCode::NotFound,
                ..
            } => vec![FieldError::new(RMA_ID, i18n.t(DeskMsg::RmaNotFound))],
            other => refusal_errors(i18n, other, |name| {
                (name == RMA.name).then(|| RMA_ID.to_owned())
            }),
        },
    );
    let find = move || {
        rma.update(|typed| *typed = typed.trim().to_owned());
        form.submit(RmaQuery(rma.get_untracked()), move |refusal| {
            text_error(
                i18n,
                refusal,
                RMA_ID,
                DeskMsg::RmaMissing,
                DeskMsg::RmaTooLong,
            )
        });
    };
    let heading = move || match store_name.as_deref() {
        Some(store) => i18n.format(DeskMsg::CounterHeading, &[("store", store)]),
        None => i18n.t(DeskMsg::FindReturnHeading).to_owned(),
    };
    view! {
        <section class="sf-desk-returns__finder" aria-labelledby=FINDER_HEADING_ID>
            <Form
                errors=form.errors
                pending=form.pending()
                heading_id=FINDER_HEADING_ID
                submit_label=i18n.text(DeskMsg::FindReturn)
                pending_label=i18n.text(DeskMsg::FindingReturn)
                on_submit=Callback::new(move |()| find())
            >
                <h3 id=FINDER_HEADING_ID>{heading}</h3>
                <TextField id=RMA_ID label=i18n.text(DeskMsg::RmaLabel) value=rma error=form.errors.for_field(RMA_ID) />
            </Form>
            <Camera found=move |code| {
                rma.set(code);
                find();
            } />
        </section>
    }
}

/// The camera scan, offered only where the browser can read QR codes: one button that turns
/// the camera on and off (so focus stays on it), what is happening, and the picture.
#[component]
fn Camera(
    /// Gets the text of the code read.
    found: impl Fn(String) + Clone + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let scanner = use_qr_scanner();
    if !scanner.supported {
        return None;
    }
    let toggle = move |_| {
        if scanner.active.get_untracked() {
            scanner.stop();
        } else {
            scanner.start(found.clone());
        }
    };
    let label = move || {
        i18n.t(if scanner.active.get() {
            DeskMsg::StopCamera
        } else {
            DeskMsg::ScanQrCode
        })
    };
    Some(view! {
        <div class="sf-desk-returns__camera">
            <button type="button" class="sf-button sf-button--secondary" on:click=toggle>{label}</button>
            <p role="status">{move || scanner.active.get().then(|| i18n.t(DeskMsg::Scanning))}</p>
            {move || scanner.problem.get().map(|problem| view! { <p role="alert">{i18n.t(problem)}</p> })}
            <video
                class="sf-desk-returns__video"
                node_ref=scanner.video
                aria-label=move || i18n.t(DeskMsg::CameraView)
                hidden=move || !scanner.active.get()
            ></video>
        </div>
    })
}

/// The returns in one status (every open one to start with), oldest first.
#[component]
fn ReturnQueue(
    /// The desk token.
    token: StoredValue<String>,
    /// Where a return opened is shown; its moves make the queue read again.
    opened: Opened<DeskReturn>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let filter = RwSignal::new(None::<ReturnStatus>);
    let returns = LocalResource::new(move || {
        opened.moves.track();
        client.desk_returns(token.get_value(), filter.get())
    });
    let open = Callback::new(move |rma: String| {
        opened.load(client.desk_return(token.get_value(), &rma));
    });
    let choices = std::iter::once(None)
        .chain(ReturnStatus::PATH.into_iter().map(Some))
        .chain([Some(ReturnStatus::Rejected)]);
    let pick =
        move |ev: leptos::ev::Event| filter.set(ReturnStatus::parse(&event_target_value(&ev)));
    view! {
        <section class="sf-desk-returns__queue" aria-labelledby="sf-desk-returns-queue-heading">
            <h3 id="sf-desk-returns-queue-heading">{i18n.text(DeskMsg::QueueHeading)}</h3>
            <div class="sf-field">
                <label class="sf-field__label" for=FILTER_ID>{i18n.text(DeskMsg::QueueFilter)}</label>
                <select class="sf-field__input" id=FILTER_ID on:change=pick>
                    {choices
                        .map(|status| {
                            let label = status.map_or(DeskMsg::QueueAllOpen, status_name);
                            view! {
                                <option value=status.map_or("", ReturnStatus::as_str) prop:selected=move || filter.get() == status>
                                    {i18n.text(label)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {queue_answer(i18n, returns, DeskMsg::QueueEmpty, DeskMsg::QueueFailed, move |entries| {
                view! { <QueueTable entries=entries open=open /> }
            })}
        </section>
    }
}

/// The queue's returns, each with a button that opens it.
#[component]
fn QueueTable(
    /// The returns, as the server lists them.
    entries: Vec<DeskReturnSummary>,
    /// Opens the return of this RMA.
    open: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let DeskReturnSummary { rma, order_number, customer_name, status, method, store_name, units, created_at } = entry;
            let named = i18n.format(DeskMsg::OpenReturnNamed, &[("rma", &rma)]);
            let requested = format_date(&created_at, locale, DateStyle::Day);
            let opening = rma.clone();
            view! {
                <tr>
                    <th scope="row">{rma}</th>
                    <td>{order_number}</td>
                    <td>{customer_name}</td>
                    <td>{i18n.text(status_name(status))}</td>
                    <td>{i18n.text(method_name(method))}</td>
                    <td>{store_name}</td>
                    <td>{units}</td>
                    <td><time datetime=created_at>{requested}</time></td>
                    <td>
                        <button type="button" class="sf-button sf-button--secondary" aria-label=named on:click=move |_| open.run(opening.clone())>
                            {i18n.text(DeskMsg::Open)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::RmaColumn,
        DeskMsg::OrderTerm,
        DeskMsg::ShopperColumn,
        DeskMsg::StatusColumn,
        DeskMsg::MethodColumn,
        DeskMsg::StoreColumn,
        DeskMsg::UnitsColumn,
        DeskMsg::RequestedOnColumn,
    ];
    view! {
        <table class="sf-desk-returns__table">
            <caption class="sf-visually-hidden">{i18n.text(DeskMsg::QueueHeading)}</caption>
            <thead>{header_row(i18n, &columns, true)}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// One return: who, what, how much, what happened, and the moves its status allows. After a
/// move the status message says what it did and takes focus (the button pressed may be gone).
#[component]
fn ReturnDetail(
    /// The desk token.
    token: StoredValue<String>,
    /// The return shown, and where its moves are told.
    opened: Opened<DeskReturn>,
    /// Its RMA.
    rma: String,
    /// Whether the agent works at a shop's counter (received there).
    at_counter: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let rma = StoredValue::new(rma);
    let form = use_form(
        move |change: Change| client.move_return(token.get_value(), &rma.get_value(), &change.0),
        move |answer: DeskReturn| {
            let message = done_message(i18n, &answer.view);
            opened.moved(answer, message);
        },
        move |error| refusal_errors(i18n, error, move_input),
    );
    let heading = NodeRef::<html::H3>::new();
    opened.focus_on_opening(heading);
    view! {
        <section class="sf-desk-returns__detail" aria-labelledby=DETAIL_HEADING_ID>
            <h3 id=DETAIL_HEADING_ID tabindex="-1" node_ref=heading>
                {move || i18n.format(DeskMsg::ReturnHeading, &[("rma", &rma.get_value())])}
            </h3>
            <DoneNote done=opened.done />
            <ErrorSummary errors=form.errors.all />
            {move || {
                opened.shown.get().map(|found| {
                    let moves = view! { <ReturnMoves view=found.view.clone() form=form at_counter=at_counter /> };
                    view! {
                        <ReturnFacts found=found />
                        {moves}
                    }
                })
            }}
        </section>
    }
}

/// What the status message says after a move, from the server's answer.
fn done_message(i18n: I18n, view: &ReturnView) -> String {
    let rma = view.rma.as_str();
    let store = view
        .events
        .last()
        .and_then(|event| event.store_name.as_deref());
    let message = match (view.status, store) {
        (ReturnStatus::Received, Some(store)) => {
            return i18n.format(DeskMsg::DoneReceivedAt, &[("rma", rma), ("store", store)])
        }
        (ReturnStatus::Received, None) => DeskMsg::DoneReceived,
        (ReturnStatus::Approved, _) => DeskMsg::DoneApproved,
        (ReturnStatus::Rejected, _) => DeskMsg::DoneRejected,
        (ReturnStatus::InTransit, _) => DeskMsg::DoneInTransit,
        (ReturnStatus::Refunded, _) => DeskMsg::DoneRefunded,
        (ReturnStatus::Requested, _) => DeskMsg::ReturnHeading,
    };
    i18n.format(message, &[("rma", rma)])
}

/// Who made the return, its items, the shopper's comment, the amounts and the history.
#[component]
fn ReturnFacts(
    /// The return.
    found: DeskReturn,
) -> impl IntoView {
    let i18n = use_i18n();
    let DeskReturn {
        customer_name,
        email,
        view,
    } = found;
    let ReturnView {
        order_number,
        status,
        method,
        store,
        lines,
        comment,
        currency,
        amounts,
        events,
        ..
    } = view;
    let comment = if comment.trim().is_empty() {
        view! { <p>{i18n.text(DeskMsg::NoComment)}</p> }.into_any()
    } else {
        view! { <p class="sf-desk-returns__comment">{comment}</p> }.into_any()
    };
    view! {
        <dl class="sf-desk-returns__facts">
            <dt>{i18n.text(DeskMsg::ShopperColumn)}</dt>
            <dd>{customer_name}</dd>
            <dt>{i18n.text(DeskMsg::EmailTerm)}</dt>
            <dd>{email}</dd>
            <dt>{i18n.text(DeskMsg::OrderTerm)}</dt>
            <dd>{order_number}</dd>
            <dt>{i18n.text(DeskMsg::StatusColumn)}</dt>
            <dd>{i18n.text(status_name(status))}</dd>
            <dt>{i18n.text(DeskMsg::MethodColumn)}</dt>
            <dd>{i18n.text(method_name(method))}</dd>
            {store.map(|store| view! {
                <dt>{i18n.text(DeskMsg::StoreColumn)}</dt>
                <dd>{store.name} ", " {store.address}</dd>
            })}
        </dl>
        <ItemsTable lines=lines />
        <h4>{i18n.text(DeskMsg::CommentHeading)}</h4>
        {comment}
        <Amounts currency=currency amounts=amounts />
        <h4>{i18n.text(DeskMsg::HistoryHeading)}</h4>
        <ReturnHistory events=events />
    }
}

/// An item's name with its variant, as the tables name it.
fn item_label(line: &ReturnLineView) -> String {
    match &line.variant {
        Some(variant) => format!("{} ({variant})", line.name),
        None => line.name.clone(),
    }
}

/// The items of a return: why each comes back, what the shopper wants for it, what arrived,
/// and the shopper's photo.
#[component]
fn ItemsTable(
    /// The return's lines.
    lines: Vec<ReturnLineView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let rows = lines
        .into_iter()
        .map(|line| {
            let reason = i18n.t(reason_name(line.reason));
            let reason = match line.sub_reason {
                Some(detail) => i18n.format(
                    DeskMsg::ReasonWithDetail,
                    &[
                        ("reason", reason),
                        ("detail", i18n.t(sub_reason_name(detail))),
                    ],
                ),
                None => reason.to_owned(),
            };
            let received = line.received_quantity.map(|received| {
                let damaged = line.damaged_quantity.unwrap_or(0).to_string();
                i18n.format(
                    DeskMsg::ReceivedCount,
                    &[("received", &received.to_string()), ("damaged", &damaged)],
                )
            });
            let photo = line.photo_url.as_deref().map(|photo| {
                let url = client.api_link(photo);
                let link = url.clone();
                let alt = i18n.format(DeskMsg::PhotoOf, &[("item", &line.name)]);
                view! {
                    <a href=link target="_blank" rel="noopener">
                        <img class="sf-desk-returns__photo" src=url alt=alt loading="lazy" />
                    </a>
                }
            });
            view! {
                <tr>
                    <th scope="row">{line.name}</th>
                    <td>{line.variant}</td>
                    <td>{line.quantity}</td>
                    <td>{reason}</td>
                    <td>{i18n.text(outcome_name(line.outcome))}</td>
                    <td>{line.exchange_variant}</td>
                    <td>{received}</td>
                    <td>{photo}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::ItemColumn,
        DeskMsg::VariantColumn,
        DeskMsg::QuantityColumn,
        DeskMsg::ReasonColumn,
        DeskMsg::OutcomeColumn,
        DeskMsg::ExchangeColumn,
        DeskMsg::ReceivedColumn,
        DeskMsg::PhotoColumn,
    ];
    view! {
        <table class="sf-desk-returns__table">
            <caption><h4>{i18n.text(DeskMsg::ItemsCaption)}</h4></caption>
            <thead>{header_row(i18n, &columns, false)}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// What the return costs and gives back, in the order's currency; fees and bonus only when
/// there are some.
#[component]
fn Amounts(
    /// The order's currency (ISO 4217).
    currency: String,
    /// The server's amounts.
    amounts: ReturnAmounts,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let rows = [
        (DeskMsg::AmountItems, amounts.items_cents, true),
        (
            DeskMsg::AmountRestocking,
            amounts.restocking_fee_cents,
            false,
        ),
        (DeskMsg::AmountShipping, amounts.shipping_fee_cents, false),
        (DeskMsg::AmountBonus, amounts.bonus_cents, false),
        (DeskMsg::AmountRefund, amounts.refund_cents, true),
        (
            DeskMsg::AmountStoreCredit,
            amounts.store_credit_cents,
            false,
        ),
    ];
    view! {
        <h4>{i18n.text(DeskMsg::AmountsHeading)}</h4>
        <dl class="sf-desk-returns__facts">
            {rows
                .into_iter()
                .filter(|(_, cents, always)| *always || *cents != 0)
                .map(|(term, cents, _)| view! {
                    <dt>{i18n.text(term)}</dt>
                    <dd>{money(cents, &currency, locale)}</dd>
                })
                .collect_view()}
        </dl>
    }
}

/// A return's history, oldest first: each status reached, when, at which shop, and why for a
/// rejection. Shown in the return and on the shopper's timeline beside a chat.
#[component]
pub(super) fn ReturnHistory(
    /// The steps.
    events: Vec<ReturnEvent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    view! {
        <ol class="sf-desk-returns__history">
            {events
                .into_iter()
                .map(|event| {
                    let date = format_date(&event.at, locale, DateStyle::DayAndTime);
                    let status = i18n.t(status_name(event.status));
                    let step = match event.store_name.as_deref() {
                        Some(store) => i18n.format(DeskMsg::HistoryStepAt, &[("status", status), ("store", store), ("date", &date)]),
                        None => i18n.format(DeskMsg::HistoryStep, &[("status", status), ("date", &date)]),
                    };
                    let note = event.note.map(|note| view! { <p>{i18n.format(DeskMsg::HistoryNote, &[("note", &note)])}</p> });
                    view! { <li>{step} {note}</li> }
                })
                .collect_view()}
        </ol>
    }
}

/// The moves the return's status allows; a refusal goes to the detail's error summary.
#[component]
fn ReturnMoves(
    /// The return.
    view: ReturnView,
    /// Sends a move.
    form: UseForm<Change>,
    /// Whether the agent works at a shop's counter.
    at_counter: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = form.pending();
    let button = move |label: DeskMsg, transition: ReturnTransition| {
        view! {
            <button
                type="button"
                class="sf-button"
                aria-disabled=move || pending.get().then_some("true")
                on:click=move |_| form.submit(Change(transition.clone()), move |refusal| reason_error(i18n, refusal))
            >
                {i18n.text(label)}
            </button>
        }
    };
    let receive = move |lines: Vec<ReturnLineView>| {
        view! { <ReceiveForm lines=lines form=form at_counter=at_counter /> }
    };
    let moves = match view.status {
        ReturnStatus::Requested => view! {
            {button(DeskMsg::Approve, ReturnTransition::Approved)}
            <RejectForm form=form />
        }
        .into_any(),
        ReturnStatus::Approved => view! {
            {button(DeskMsg::MarkInTransit, ReturnTransition::InTransit)}
            {receive(view.lines)}
            <RejectForm form=form />
        }
        .into_any(),
        ReturnStatus::InTransit => receive(view.lines).into_any(),
        ReturnStatus::Received => {
            button(DeskMsg::MarkRefunded, ReturnTransition::Refunded).into_any()
        }
        ReturnStatus::Refunded | ReturnStatus::Rejected => {
            view! { <p>{i18n.text(DeskMsg::NoMoreActions)}</p> }.into_any()
        }
    };
    view! {
        <div class="sf-desk-returns__moves">
            <h4>{i18n.text(DeskMsg::HelpActions)}</h4>
            {moves}
        </div>
    }
}

/// The rejection's reason refused by the browser, in words.
fn reason_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    text_error(
        i18n,
        refusal,
        REASON_ID,
        DeskMsg::RejectReasonMissing,
        DeskMsg::RejectReasonTooLong,
    )
}

/// A field's error among the form's, for an input whose id is made at run time.
fn field_error(errors: FormErrors, id: String) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.all.with(|all| {
            all.iter()
                .find(|error| error.field_id == id)
                .map(|error| error.message.clone())
        })
    })
}

/// Rejecting: the reason (the shopper reads it) and the button.
#[component]
fn RejectForm(
    /// Sends the rejection.
    form: UseForm<Change>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = form.errors.for_field(REASON_ID);
    let pending = form.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rejection = ReturnTransition::Rejected {
            reason: reason.get_untracked(),
        };
        form.submit(Change(rejection), move |refusal| {
            reason_error(i18n, refusal)
        });
    };
    view! {
        <form class="sf-desk-returns__reject" novalidate on:submit=submit>
            <div class="sf-field">
                <label class="sf-field__label" for=REASON_ID>{i18n.text(DeskMsg::RejectReasonLabel)}</label>
                <ErrorMessage field_id=REASON_ID error=error />
                <textarea
                    class="sf-field__input"
                    id=REASON_ID
                    name=REASON_ID
                    rows="3"
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || error.get().map(|_| error_id(REASON_ID))
                    prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button type="submit" class="sf-button sf-button--secondary" aria-disabled=move || pending.get().then_some("true")>
                {i18n.text(DeskMsg::RejectReturn)}
            </button>
        </form>
    }
}

/// Why a line's counts cannot be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CountProblem {
    /// Received is not a whole number from 0 to the line's quantity.
    Received,
    /// Damaged is not a whole number from 0 to the units received.
    Damaged,
}

/// A line's counts as typed, read: units received and damaged, or what is wrong.
fn read_counts(quantity: u32, received: &str, damaged: &str) -> Result<(u32, u32), CountProblem> {
    let received = received
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|received| *received <= quantity)
        .ok_or(CountProblem::Received)?;
    let damaged = damaged
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|damaged| *damaged <= received)
        .ok_or(CountProblem::Damaged)?;
    Ok((received, damaged))
}

/// One line's counts, as the agent types them.
#[derive(Clone)]
struct Count {
    /// The line.
    line: ReturnLineView,
    /// Units received (the line's quantity to start with).
    received: RwSignal<String>,
    /// Units damaged (none to start with).
    damaged: RwSignal<String>,
}

impl Count {
    /// The id of this line's input for `part` (`received` or `damaged`): the server's name
    /// of the field, so its refusals link to the input (see [`move_input`]).
    fn input_id(&self, part: &str) -> String {
        let name = format!("line-{}-{part}", self.line.line_id);
        move_input(&name).unwrap_or(name)
    }
}

/// Receiving: what arrived of each line (all of it, undamaged, unless the agent says
/// otherwise), and the button, which says "here" at a shop's counter.
#[component]
fn ReceiveForm(
    /// The return's lines.
    lines: Vec<ReturnLineView>,
    /// Sends what arrived.
    form: UseForm<Change>,
    /// Whether the agent works at a shop's counter.
    at_counter: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = form.pending();
    let counts: Vec<Count> = lines
        .into_iter()
        .map(|line| Count {
            received: RwSignal::new(line.quantity.to_string()),
            damaged: RwSignal::new("0".to_owned()),
            line,
        })
        .collect();
    let all = StoredValue::new(counts.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut lines = Vec::new();
        let mut problems = Vec::new();
        all.with_value(|counts| {
            for count in counts {
                let item = item_label(&count.line);
                let (received, damaged) = (
                    count.received.get_untracked(),
                    count.damaged.get_untracked(),
                );
                match read_counts(count.line.quantity, &received, &damaged) {
                    Ok((received, damaged)) => lines.push(ReceivedLine {
                        line_id: count.line.line_id,
                        received,
                        damaged,
                    }),
                    Err(CountProblem::Received) => problems.push(FieldError::new(
                        &count.input_id("received"),
                        i18n.format(
                            DeskMsg::ReceivedOutOfRange,
                            &[("item", &item), ("max", &count.line.quantity.to_string())],
                        ),
                    )),
                    Err(CountProblem::Damaged) => problems.push(FieldError::new(
                        &count.input_id("damaged"),
                        i18n.format(
                            DeskMsg::DamagedOutOfRange,
                            &[("item", &item), ("max", received.trim())],
                        ),
                    )),
                }
            }
        });
        if problems.is_empty() {
            form.submit(
                Change(ReturnTransition::Received { lines }),
                move |refusal| reason_error(i18n, refusal),
            );
        } else {
            form.errors.set(problems);
        }
    };
    let rows = counts
        .into_iter()
        .map(|count| {
            let item = item_label(&count.line);
            let quantity = count.line.quantity;
            view! {
                <tr>
                    <th scope="row">{item.clone()}</th>
                    <td>{quantity}</td>
                    <td>
                        <CountInput id=count.input_id("received") label=i18n.format(DeskMsg::ReceivedOf, &[("item", &item)]) value=count.received max=quantity errors=form.errors />
                    </td>
                    <td>
                        <CountInput id=count.input_id("damaged") label=i18n.format(DeskMsg::DamagedOf, &[("item", &item)]) value=count.damaged max=quantity errors=form.errors />
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::ItemColumn,
        DeskMsg::QuantityColumn,
        DeskMsg::ReceivedColumn,
        DeskMsg::DamagedColumn,
    ];
    let submit_label = if at_counter {
        DeskMsg::MarkReceivedHere
    } else {
        DeskMsg::MarkReceived
    };
    view! {
        <form class="sf-desk-returns__receive" novalidate on:submit=submit>
            <table class="sf-desk-returns__table">
                <caption>{i18n.text(DeskMsg::ReceivedCaption)}</caption>
                <thead>{header_row(i18n, &columns, false)}</thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="submit" class="sf-button" aria-disabled=move || pending.get().then_some("true")>
                {i18n.text(submit_label)}
            </button>
        </form>
    }
}

/// A count in a table cell: its label (read, not shown: the column says it), its error, and
/// a number input.
#[component]
fn CountInput(
    /// The input's id, also the error summary's link target.
    id: String,
    /// Its label, naming the column and the item.
    label: String,
    /// The count as typed.
    value: RwSignal<String>,
    /// The most it can be.
    max: u32,
    /// The form's problems, among which this input's.
    errors: FormErrors,
) -> impl IntoView {
    let error = field_error(errors, id.clone());
    let described_by = {
        let id = id.clone();
        move || error.get().map(|_| error_id(&id))
    };
    view! {
        <label class="sf-visually-hidden" for=id.clone()>{label}</label>
        <ErrorMessage field_id=id.clone() error=error />
        <input
            class="sf-field__input sf-desk-returns__count"
            type="number"
            inputmode="numeric"
            min="0"
            max=max.to_string()
            id=id.clone()
            name=id
            aria-invalid=move || error.get().map(|_| "true")
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

/// A status in words.
pub(super) fn status_name(status: ReturnStatus) -> DeskMsg {
    match status {
        ReturnStatus::Requested => DeskMsg::StatusRequested,
        ReturnStatus::Approved => DeskMsg::StatusApproved,
        ReturnStatus::InTransit => DeskMsg::StatusInTransit,
        ReturnStatus::Received => DeskMsg::StatusReceived,
        ReturnStatus::Refunded => DeskMsg::StatusRefunded,
        ReturnStatus::Rejected => DeskMsg::StatusRejected,
    }
}

/// A method in words.
fn method_name(method: ReturnMethod) -> DeskMsg {
    match method {
        ReturnMethod::Mail => DeskMsg::MethodMail,
        ReturnMethod::DropOff => DeskMsg::MethodDropOff,
        ReturnMethod::InStore => DeskMsg::MethodInStore,
    }
}

/// A reason in words.
fn reason_name(reason: ReturnReason) -> DeskMsg {
    match reason {
        ReturnReason::DoesNotFit => DeskMsg::ReasonDoesNotFit,
        ReturnReason::Damaged => DeskMsg::ReasonDamaged,
        ReturnReason::WrongItem => DeskMsg::ReasonWrongItem,
        ReturnReason::NotAsDescribed => DeskMsg::ReasonNotAsDescribed,
        ReturnReason::ChangedMind => DeskMsg::ReasonChangedMind,
    }
}

/// A finer reason in words.
fn sub_reason_name(detail: SubReason) -> DeskMsg {
    match detail {
        SubReason::TooSmall => DeskMsg::DetailTooSmall,
        SubReason::TooLarge => DeskMsg::DetailTooLarge,
        SubReason::WrongSize => DeskMsg::DetailWrongSize,
        SubReason::WrongColour => DeskMsg::DetailWrongColour,
        SubReason::WrongProduct => DeskMsg::DetailWrongProduct,
    }
}

/// An outcome in words.
fn outcome_name(outcome: ReturnOutcome) -> DeskMsg {
    match outcome {
        ReturnOutcome::Refund => DeskMsg::OutcomeRefund,
        ReturnOutcome::StoreCredit => DeskMsg::OutcomeStoreCredit,
        ReturnOutcome::Exchange => DeskMsg::OutcomeExchange,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::validation::FieldProblem;

    #[test]
    fn counts_are_whole_numbers_within_the_line_and_damage_within_what_arrived() {
        assert_eq!(read_counts(3, " 3 ", "0"), Ok((3, 0)));
        assert_eq!(read_counts(3, "2", "2"), Ok((2, 2)));
        assert_eq!(read_counts(3, "4", "0"), Err(CountProblem::Received));
        assert_eq!(read_counts(3, "-1", "0"), Err(CountProblem::Received));
        assert_eq!(read_counts(3, "", "0"), Err(CountProblem::Received));
        assert_eq!(read_counts(3, "1", "2"), Err(CountProblem::Damaged));
        assert_eq!(read_counts(3, "1", "x"), Err(CountProblem::Damaged));
    }

    #[test]
    fn only_a_rejection_needs_a_reason() {
        assert!(Change(ReturnTransition::Approved).refusals().is_empty());
        let bare = Change(ReturnTransition::Rejected {
            reason: "  ".into(),
        });
        assert_eq!(bare.refusals()[0].field, REASON);
        let long = Change(ReturnTransition::Rejected {
            reason: "x".repeat(MAX_RETURN_COMMENT_CHARS + 1),
        });
        assert_eq!(
            long.refusals()[0].problem,
            FieldProblem::TooLong(MAX_RETURN_COMMENT_CHARS)
        );
        assert!(RmaQuery(String::new()).refusals().len() == 1);
    }
}
