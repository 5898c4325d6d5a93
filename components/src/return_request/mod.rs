//! `ReturnRequest` (`<sf-return-request>`): a shopper finds their order (number and email, a
//! signed link from the store's email, or signed in to the store), chooses what to send back
//! and why, what they want instead (a refund, store credit or an exchange), how the items
//! travel (mail, a drop-off point, one of the store's shops), checks the server's quote and
//! submits; they get an RMA with a label or a QR code, and see how each of the order's
//! returns is going whenever they look the order up again.
//!
//! Its state is one value, [`state::ReturnState`], changed only by the pure [`state::apply`]
//! and held in one signal; effects only bridge to the outside world (the request the state
//! asks for, focus after a move). The parts: [`state`], `items.rs` (the items form),
//! `method.rs` (how they travel), `summary.rs` (the quote), `done.rs` (the RMA),
//! `returns.rs` (the order's returns and their steps) and [`messages`].

mod done;
mod items;
mod messages;
mod method;
mod returns;
pub mod state;
mod summary;

use crate::client::{new_client_id, use_api_client, ApiClient};
use crate::error_summary::{FieldError, FormErrors};
use crate::form::PhotoWords;
use crate::i18n::{format_date, money, percent, use_i18n, CommonMsg, DateStyle, I18n};
use crate::order_lookup::{
    lookup_then_whole, LookupIds, LookupThenWhole, OrderAttributes, OrderLookupForm,
};
use crate::reactive::effect;
use crate::shipment_tracker::OrderSession;
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use messages::ReturnMsg;
use sf_api::identity::{SignedCustomer, SignedOrderLink};
use sf_api::returns::{
    ReturnMethod, ReturnOutcome, ReturnProblem, ReturnReason, ReturnStatus, SubReason,
    MAX_RETURN_COMMENT_CHARS,
};
use sf_api::tracking::CustomerOrder;
use state::{apply, Call, Event, ProblemText, ReturnState, ReturnText, Step, Waiting};
use wasm_bindgen::JsCast;

/// Class names shared with the stylesheet (`style/return-request.css`).
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-return";
}

/// The prefix of every id in the component: a field's id is this and its name in the API's
/// error body (`sf-return-item-12-reason`), so a refusal finds its field.
const ID_PREFIX: &str = "sf-return-";

const LOOKUP_IDS: LookupIds = LookupIds {
    heading: "sf-return-lookup-heading",
    order_number: "sf-return-order-number",
    email: "sf-return-email",
    class: "sf-return__lookup",
};

/// The state and a way to change it, shared by the component's parts.
#[derive(Clone, Copy)]
struct Returns {
    state: RwSignal<ReturnState>,
    /// What the current step's error summary lists, kept in step with the state's problems
    /// in the shopper's language.
    errors: FormErrors,
}

impl Returns {
    /// Applies `event`; an event for a component that has gone changes nothing.
    fn send(self, event: Event) {
        self.state
            .try_update(|state| *state = apply(std::mem::take(state), event));
    }

    /// Whether a request is in flight (the step's button says so).
    fn pending(self) -> Signal<bool> {
        let state = self.state;
        Memo::new(move |_| state.with(ReturnState::pending)).into()
    }

    /// The message beside the field named `field` (the API's name), if it has a problem.
    fn error(self, field: String) -> Signal<Option<String>> {
        let (state, i18n) = (self.state, use_i18n());
        // A memo: the message is drawn again only when it changes, not on every keystroke.
        Memo::new(move |_| {
            state.with(|state| {
                state
                    .problems
                    .iter()
                    .find(|problem| problem.field == field)
                    .map(|problem| problem_text(i18n, &problem.text))
            })
        })
        .into()
    }
}

fn use_returns() -> Returns {
    expect_context::<Returns>()
}

/// The id of the control of the field named `field` in the API's error body.
fn control_id(field: &str) -> String {
    format!("{ID_PREFIX}{field}")
}

/// Provides the loader of the whole return request in the calling binary (see
/// [`crate::chunk`]): the module's first download holds only the lookup form, and the rest
/// (items, method, quote, RMA, the order's returns) is fetched as its own chunk when the
/// shopper starts using the form, or at once when the element carries something signed.
#[macro_export]
macro_rules! provide_whole_returns {
    () => {
        $crate::provide_chunk!(
            whole_returns,
            preload_whole_returns,
            $crate::return_request::whole_view,
            $crate::return_request::ReturnStart
        )
    };
}

/// The return request: lookup, items, method, summary, confirmation, and the order's returns.
///
/// It starts as the lookup form alone; the rest comes from the loader the page provides (see
/// [`provide_whole_returns!`]) once an order is found, or at once when the element carries
/// something signed.
#[component]
pub fn ReturnRequest(
    /// The order number of a signed link (with `expires` and `signature`), or, on its own,
    /// a number to pre-fill the lookup form with.
    #[prop(into, optional)]
    order: MaybeProp<String>,
    /// When the signed link or customer stops working, in seconds since 1970.
    #[prop(into, optional)]
    expires: MaybeProp<String>,
    /// The HMAC-SHA256 of the signed link or customer, lower-case hex (see the README's recipe).
    #[prop(into, optional)]
    signature: MaybeProp<String>,
    /// The store's own id of a signed-in shopper (with `expires` and `signature`): the
    /// component opens with their orders to choose from. Takes precedence over `order`.
    #[prop(into, optional)]
    customer: MaybeProp<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let attributes = OrderAttributes {
        order,
        expires,
        signature,
        customer,
    };
    lookup_then_whole(LookupThenWhole {
        class: classes::ROOT,
        label: i18n.text(ReturnMsg::Label),
        ids: LOOKUP_IDS,
        loading: i18n.text(ReturnMsg::Loading),
        unavailable: i18n.text(ReturnMsg::LoadFailed),
        try_again: i18n.text(ReturnMsg::TryAgain),
        attributes,
        start: move |found: Option<sf_api::tracking::OrderAccess>| ReturnStart {
            attributes,
            first: found.map(opened),
        },
        rest: std::marker::PhantomData,
    })
}

/// The event of an order the lookup form found.
fn opened(access: sf_api::tracking::OrderAccess) -> Event {
    Event::Open {
        session: OrderSession {
            order_number: access.tracking.order_number,
            token: access.token,
        },
        focus: true,
    }
}

/// What the whole return request starts from.
pub struct ReturnStart {
    /// The element's attributes.
    attributes: OrderAttributes,
    /// What happened before: the order the form found.
    first: Option<Event>,
}

/// The return request with every step: what [`ReturnRequest`] becomes once an order is found
/// or something signed arrives. Public only for [`provide_whole_returns!`].
#[doc(hidden)]
pub fn whole_view(start: ReturnStart) -> AnyView {
    let ReturnStart { attributes, first } = start;
    let OrderAttributes {
        order,
        expires,
        signature,
        customer,
    } = attributes;
    let i18n = use_i18n();
    let client = use_api_client();
    // A signed link or customer opens at once: no form flashes before it.
    let signed =
        expires.with_untracked(Option::is_some) && signature.with_untracked(Option::is_some);
    let first = first.or(match (signed, customer.with_untracked(Option::is_some)) {
        (false, _) => None,
        (true, true) => Some(Event::Opening(ReturnMsg::OpeningCustomer)),
        (true, false) => Some(Event::Opening(ReturnMsg::OpeningLink)),
    });
    let returns = Returns {
        state: RwSignal::new(first.into_iter().fold(ReturnState::default(), apply)),
        errors: FormErrors {
            all: RwSignal::new(Vec::new()),
        },
    };
    provide_context(returns);
    let state = returns.state;
    let send = move |event| returns.send(event);

    // The summary's list, in the shopper's language. Set only when it changes: the summary
    // takes focus whenever it is set, and typing elsewhere must not move focus there.
    let problems = Memo::new(move |_| state.with(|state| state.problems.clone()));
    effect(move || {
        let listed = problems.with(|problems| {
            problems
                .iter()
                .map(|problem| {
                    let field = if problem.field.is_empty() {
                        String::new()
                    } else {
                        control_id(&problem.field)
                    };
                    FieldError::new(&field, problem_text(i18n, &problem.text))
                })
                .collect::<Vec<_>>()
        });
        if returns.errors.all.with_untracked(|shown| *shown != listed) {
            returns.errors.set(listed);
        }
    });

    open_signed(returns, client, order, expires, signature, customer);

    // The request the state asks for, sent once per request: its answer names it, so one
    // that arrives after the shopper moved on is dropped by `apply`.
    let waiting = Memo::new(move |_| state.with(|state| state.waiting));
    effect(move || {
        let Some(Waiting { id, call }) = waiting.get() else {
            return;
        };
        let Some((session, request)) = state.with_untracked(|state| {
            state
                .session
                .clone()
                .map(|session| (session, state.draft.request()))
        }) else {
            return;
        };
        let OrderSession {
            order_number,
            token,
        } = session;
        let failed = move |error| Event::Failed { id, error };
        match call {
            Call::Load => {
                let answer = client.returnable_order(&order_number, token);
                let request_id = new_client_id();
                spawn_local(async move {
                    send(match answer.await {
                        Ok(order) => Event::Loaded {
                            id,
                            order: Box::new(order),
                            request_id,
                        },
                        Err(error) => failed(error),
                    })
                });
            }
            Call::Quote => {
                let answer = client.quote_return(&order_number, token, &request);
                spawn_local(async move {
                    send(match answer.await {
                        Ok(quote) => Event::Quoted { id, quote },
                        Err(error) => failed(error),
                    })
                });
            }
            Call::Create => {
                let answer = client.create_return(&order_number, token, &request);
                spawn_local(async move {
                    send(match answer.await {
                        Ok(created) => Event::Created {
                            id,
                            view: Box::new(created.view),
                        },
                        Err(error) => failed(error),
                    })
                });
            }
        }
    });

    // After the shopper moves, focus goes to the new step's heading, so what changed is read
    // out where they are; not on page load, and not when an error summary takes it.
    let step = Memo::new(move |_| state.with(|state| state.step.clone()));
    let root = NodeRef::<leptos::html::Section>::new();
    effect(move || {
        step.track();
        if !state.with_untracked(|state| state.focus) {
            return;
        }
        // After the step has been drawn: effects may run before the view's own update.
        request_animation_frame(move || {
            if let Some(heading) = root.get_untracked().and_then(|root| {
                root.query_selector(".sf-return__step h2[tabindex]")
                    .ok()
                    .flatten()
            }) {
                let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    });

    view! {
        <section class=classes::ROOT aria-label=i18n.text(ReturnMsg::Label) node_ref=root>
            <div class="sf-return__step">
                {move || {
                    // Drawn again in a new language (texts below read it untracked); what
                    // the shopper chose lives in the state, so nothing typed is lost.
                    i18n.locale.track();
                    match step.get() {
                        Step::Lookup { notice } => view! {
                            {notice.map(|msg| view! { <p class="sf-notice" role="status">{i18n.now(msg)}</p> })}
                            <OrderLookupForm
                                ids=LOOKUP_IDS
                                order_number=order.get_untracked().unwrap_or_default()
                                found=Callback::new(move |access| send(opened(access)))
                            />
                        }
                        .into_any(),
                        Step::Opening(msg) => view! { <p role="status">{i18n.now(msg)}</p> }.into_any(),
                        Step::Loading => view! { <p role="status">{i18n.now(ReturnMsg::Loading)}</p> }.into_any(),
                        Step::LoadFailed => view! {
                            <div role="alert">
                                <p>{i18n.now(ReturnMsg::LoadFailed)}</p>
                                <button type="button" class="sf-button" on:click=move |_| send(Event::Reload)>
                                    {i18n.now(ReturnMsg::TryAgain)}
                                </button>
                            </div>
                        }
                        .into_any(),
                        Step::CustomerOrders => view! { <CustomerOrderList /> }.into_any(),
                        Step::Items => view! { <items::ItemsStep /> }.into_any(),
                        Step::Method => view! { <method::MethodStep /> }.into_any(),
                        Step::Summary => view! { <summary::SummaryStep /> }.into_any(),
                        Step::Done => view! { <done::DoneStep /> }.into_any(),
                    }
                }}
            </div>
        </section>
    }
    .into_any()
}

/// Opens what the element's signed attributes name: a signed-in shopper's orders, or one
/// order; a wrong or expired signature falls back to the form with a sentence saying why.
fn open_signed(
    returns: Returns,
    client: ApiClient,
    order: MaybeProp<String>,
    expires: MaybeProp<String>,
    signature: MaybeProp<String>,
    customer: MaybeProp<String>,
) {
    let refuse = move |notice| {
        returns.send(Event::ShowLookup {
            notice: Some(notice),
            focus: false,
        })
    };
    effect(move || {
        let (Some(expires), Some(signature)) = (expires.get(), signature.get()) else {
            return;
        };
        let parsed_expires = expires.trim().parse();
        match (customer.get(), order.get(), parsed_expires) {
            (Some(_), _, Err(_)) => refuse(ReturnMsg::CustomerInvalid),
            (None, Some(_), Err(_)) => refuse(ReturnMsg::LinkInvalid),
            (Some(customer_id), _, Ok(expires)) => {
                returns.send(Event::Opening(ReturnMsg::OpeningCustomer));
                let answer = client.open_signed_customer(SignedCustomer {
                    customer_id,
                    expires,
                    signature,
                });
                spawn_local(async move {
                    match answer.await {
                        Ok(listed) => returns.send(Event::CustomerListed(listed.orders)),
                        Err(_) => refuse(ReturnMsg::CustomerInvalid),
                    }
                });
            }
            (None, Some(order_number), Ok(expires)) => {
                returns.send(Event::Opening(ReturnMsg::OpeningLink));
                let answer = client.open_signed_link(SignedOrderLink {
                    order_number,
                    expires,
                    signature,
                });
                spawn_local(async move {
                    match answer.await {
                        Ok(access) => returns.send(Event::Open {
                            session: OrderSession {
                                order_number: access.tracking.order_number,
                                token: access.token,
                            },
                            focus: false,
                        }),
                        Err(_) => refuse(ReturnMsg::LinkInvalid),
                    }
                });
            }
            (None, None, _) => {}
        }
    });
}

/// A signed-in shopper's orders: one button each, newest first.
#[component]
fn CustomerOrderList() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let orders = returns
        .state
        .with_untracked(|state| state.customer_orders.clone())
        .unwrap_or_default();
    let is_empty = orders.is_empty();
    let locale = i18n.locale.get_untracked();
    let button = move |order: CustomerOrder| {
        let placed = format_date(&order.placed_at, locale, DateStyle::Day);
        let number = i18n.format_now(ReturnMsg::OrderButton, &[("number", &order.order_number)]);
        let placed = i18n.format_now(ReturnMsg::PlacedOn, &[("date", &placed)]);
        let session = OrderSession {
            order_number: order.order_number,
            token: order.token,
        };
        view! {
            <li>
                <button
                    type="button"
                    class="sf-return__order"
                    on:click=move |_| returns.send(Event::Open { session: session.clone(), focus: true })
                >
                    <span class="sf-return__order-number">{number}</span>
                    " "
                    <span class="sf-return__muted">{placed}</span>
                </button>
            </li>
        }
    };
    view! {
        <h2 class="sf-return__heading" tabindex="-1">{i18n.now(ReturnMsg::YourOrders)}</h2>
        {if is_empty {
            view! { <p>{i18n.now(ReturnMsg::NoOrdersYet)}</p> }.into_any()
        } else {
            // `role=list`: some screen readers drop list semantics when CSS removes bullets.
            view! { <ul class="sf-return__orders" role="list">{orders.into_iter().map(button).collect_view()}</ul> }
                .into_any()
        }}
        <p>
            <button
                type="button"
                class="sf-button sf-button--secondary"
                on:click=move |_| returns.send(Event::ShowLookup { notice: None, focus: true })
            >
                {i18n.now(ReturnMsg::FindGuestOrder)}
            </button>
        </p>
    }
}

/// "Look up another order", or "All your orders" for a signed-in shopper.
#[component]
fn OtherOrders() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let signed_in = returns
        .state
        .with_untracked(|state| state.customer_orders.is_some());
    let (event, msg) = if signed_in {
        (Event::BackToList, ReturnMsg::BackToYourOrders)
    } else {
        (
            Event::ShowLookup {
                notice: None,
                focus: true,
            },
            ReturnMsg::LookUpAnother,
        )
    };
    view! {
        <button type="button" class="sf-button sf-button--secondary" on:click=move |_| returns.send(event.clone())>
            {i18n.now(msg)}
        </button>
    }
}

/// "Back" to the step before.
#[component]
fn BackButton() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    view! {
        <p class="sf-return__back">
            <button type="button" class="sf-button sf-button--secondary" on:click=move |_| returns.send(Event::Back)>
                {i18n.now(ReturnMsg::BackButton)}
            </button>
        </p>
    }
}

/// How the return request words its photo's problems.
const PHOTO_WORDS: PhotoWords<ReturnMsg> = PhotoWords {
    uploading: ReturnMsg::PhotoWait,
    wrong_type: ReturnMsg::PhotoType,
    too_large: ReturnMsg::PhotoSize,
};

/// What to say about a problem, in the shopper's language.
fn problem_text(i18n: I18n, text: &ProblemText) -> String {
    text.words(i18n, PHOTO_WORDS, |text| {
        let max = |msg, max: usize| i18n.format(msg, &[("max", &max.to_string())]);
        let msg = match text {
            ReturnText::AtMost(most) => return max(ReturnMsg::AtMost, *most as usize),
            ReturnText::Rule(problem) => match problem {
                ReturnProblem::CommentTooLong => {
                    return max(ReturnMsg::CommentTooLong, MAX_RETURN_COMMENT_CHARS)
                }
                ReturnProblem::BadRequestId => return i18n.t(CommonMsg::ServerError).to_owned(),
                ReturnProblem::NoItems => ReturnMsg::NoItems,
                ReturnProblem::TooManyLines => ReturnMsg::TooManyLines,
                ReturnProblem::NoQuantity => ReturnMsg::NoQuantity,
                ReturnProblem::NoReason => ReturnMsg::NoReason,
                ReturnProblem::NoSubReason => ReturnMsg::NoSubReason,
                ReturnProblem::NoOutcome => ReturnMsg::NoOutcome,
                ReturnProblem::NoExchangeVariant => ReturnMsg::NoExchangeVariant,
                ReturnProblem::NoPhoto => ReturnMsg::NoPhoto,
                ReturnProblem::NoMethod => ReturnMsg::NoMethod,
                ReturnProblem::NoStore => ReturnMsg::NoStore,
            },
        };
        i18n.t(msg).to_owned()
    })
}

/// A reason in words.
fn reason_msg(reason: ReturnReason) -> ReturnMsg {
    match reason {
        ReturnReason::DoesNotFit => ReturnMsg::DoesNotFit,
        ReturnReason::Damaged => ReturnMsg::Damaged,
        ReturnReason::WrongItem => ReturnMsg::WrongItem,
        ReturnReason::NotAsDescribed => ReturnMsg::NotAsDescribed,
        ReturnReason::ChangedMind => ReturnMsg::ChangedMind,
    }
}

/// A finer reason in words.
fn sub_reason_msg(sub: SubReason) -> ReturnMsg {
    match sub {
        SubReason::TooSmall => ReturnMsg::TooSmall,
        SubReason::TooLarge => ReturnMsg::TooLarge,
        SubReason::WrongSize => ReturnMsg::WrongSize,
        SubReason::WrongColour => ReturnMsg::WrongColour,
        SubReason::WrongProduct => ReturnMsg::WrongProduct,
    }
}

/// An outcome in words (store credit without its bonus).
fn outcome_msg(outcome: ReturnOutcome) -> ReturnMsg {
    match outcome {
        ReturnOutcome::Refund => ReturnMsg::Refund,
        ReturnOutcome::StoreCredit => ReturnMsg::StoreCredit,
        ReturnOutcome::Exchange => ReturnMsg::Exchange,
    }
}

/// A method in words (mail without its fee).
fn method_msg(method: ReturnMethod) -> ReturnMsg {
    match method {
        ReturnMethod::Mail => ReturnMsg::Mail,
        ReturnMethod::DropOff => ReturnMsg::DropOff,
        ReturnMethod::InStore => ReturnMsg::InStore,
    }
}

/// A status in words.
fn status_msg(status: ReturnStatus) -> ReturnMsg {
    match status {
        ReturnStatus::Requested => ReturnMsg::Requested,
        ReturnStatus::Approved => ReturnMsg::Approved,
        ReturnStatus::InTransit => ReturnMsg::InTransit,
        ReturnStatus::Received => ReturnMsg::Received,
        ReturnStatus::Refunded => ReturnMsg::Refunded,
        ReturnStatus::Rejected => ReturnMsg::Rejected,
    }
}

/// A product's name with its variant, as a legend or a line shows it.
fn item_name(name: &str, variant: Option<&str>) -> String {
    match variant {
        Some(variant) => format!("{name} ({variant})"),
        None => name.to_owned(),
    }
}
