//! The return request's state as one value, changed only by [`apply`]: the step on screen,
//! the order and what the server said about it, the shopper's choices as typed, the
//! problems to show, and the one request in flight. The view reads it and sends [`Event`]s;
//! an effect sends the request [`ReturnState::waiting`] names. Every transition is tested
//! natively, without a browser or a server.

use super::messages::ReturnMsg;
use crate::client::ClientError;
use crate::form;
use crate::shipment_tracker::OrderSession;
use sf_api::error::ErrorCode;
use sf_api::returns::{
    line_field, ReturnLineRequest, ReturnMethod, ReturnOutcome, ReturnProblem, ReturnQuote,
    ReturnReason, ReturnRequest, ReturnView, ReturnableOrder, SubReason,
};
use sf_api::tracking::CustomerOrder;

/// Where the shopper is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The lookup form, with a sentence saying why when it is not the start.
    Lookup {
        /// Why the form is shown (again): a refused link, an ended session.
        notice: Option<ReturnMsg>,
    },
    /// Something signed is being checked; the message says what.
    Opening(ReturnMsg),
    /// A signed-in shopper's orders, to choose one from.
    CustomerOrders,
    /// The order's returnable items are on their way.
    Loading,
    /// They could not be fetched.
    LoadFailed,
    /// Choosing items, reasons and outcomes.
    Items,
    /// Choosing how the items go back.
    Method,
    /// The server's quote, before submitting.
    Summary,
    /// The return is made: its RMA and what happens next.
    Done,
}

/// The two steps whose fields the shopper fills in, each checked on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Items, reasons, outcomes, photos and the comment.
    Items,
    /// The method and the shop.
    Method,
}

/// A photo for a line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Photo {
    /// None chosen.
    #[default]
    Missing,
    /// On its way to the server; the number tells attempts apart, so only the latest
    /// attempt's answer counts.
    Uploading(u32),
    /// Stored, under this key.
    Added(String),
    /// Refused or lost.
    Failed(ProblemText),
}

/// One returnable item as the shopper has filled it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDraft {
    /// The order line.
    pub item_id: i64,
    /// How many can be returned.
    pub returnable: u32,
    /// Whether "Return this item" is ticked.
    pub chosen: bool,
    /// The quantity as typed (a browser's number input can hold anything for a moment).
    pub quantity: String,
    /// The reason.
    pub reason: Option<ReturnReason>,
    /// The finer reason.
    pub sub_reason: Option<SubReason>,
    /// What the shopper wants.
    pub outcome: Option<ReturnOutcome>,
    /// The variant wanted, for an exchange.
    pub exchange: Option<i64>,
    /// The photo.
    pub photo: Photo,
}

impl LineDraft {
    /// The typed quantity as a number; 0 when it is not one.
    pub fn quantity(&self) -> u32 {
        self.quantity.trim().parse().unwrap_or(0)
    }
}

/// Everything the shopper chose, kept as typed across steps and failures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// One per returnable item, in the order's order.
    pub lines: Vec<LineDraft>,
    /// The comment.
    pub comment: String,
    /// How the items go back.
    pub method: Option<ReturnMethod>,
    /// The shop, for an in-store return.
    pub store_id: Option<i64>,
    /// This form's idempotency key: every quote and submission of it carries the same one,
    /// so a double click or a retry makes one return.
    pub request_id: String,
}

impl Draft {
    /// A draft for `order`: every returnable item, none chosen yet.
    fn for_order(order: &ReturnableOrder, request_id: String) -> Self {
        Self {
            lines: order
                .items
                .iter()
                .filter(|item| item.returnable > 0)
                .map(|item| LineDraft {
                    item_id: item.item_id,
                    returnable: item.returnable,
                    chosen: false,
                    quantity: "1".into(),
                    reason: None,
                    sub_reason: None,
                    outcome: None,
                    exchange: None,
                    photo: Photo::Missing,
                })
                .collect(),
            request_id,
            ..Self::default()
        }
    }

    /// The request as the API takes it: the chosen lines only.
    pub fn request(&self) -> ReturnRequest {
        ReturnRequest {
            lines: self
                .lines
                .iter()
                .filter(|line| line.chosen)
                .map(|line| ReturnLineRequest {
                    item_id: line.item_id,
                    quantity: line.quantity(),
                    reason: line.reason,
                    sub_reason: line.sub_reason,
                    outcome: line.outcome,
                    exchange_product_id: line
                        .exchange
                        .filter(|_| line.outcome == Some(ReturnOutcome::Exchange)),
                    photo: match &line.photo {
                        Photo::Added(key) => Some(key.clone()),
                        _ => None,
                    },
                })
                .collect(),
            method: self.method,
            store_id: self
                .store_id
                .filter(|_| self.method == Some(ReturnMethod::InStore)),
            comment: self.comment.trim().to_owned(),
            request_id: self.request_id.clone(),
        }
    }

    /// What is wrong with the fields of `stage`, in the order of the form: the API's own
    /// rules, and what only the form knows (the most that can be returned, a photo still on
    /// its way).
    pub fn problems(&self, stage: Stage) -> Vec<Problem> {
        let mut problems: Vec<Problem> = self
            .request()
            .refusals()
            .into_iter()
            .filter(|refusal| field_stage(&refusal.field) == Some(stage))
            .map(|refusal| {
                let text = match refusal.problem {
                    ReturnProblem::NoPhoto if self.uploading(&refusal.field) => {
                        ProblemText::PhotoUploading
                    }
                    problem => ProblemText::Local(ReturnText::Rule(problem)),
                };
                Problem::new(refusal.field, text)
            })
            .collect();
        if stage == Stage::Items {
            for line in self.lines.iter().filter(|line| line.chosen) {
                if line.quantity() > line.returnable {
                    problems.push(Problem::new(
                        line_field(line.item_id, "quantity"),
                        ProblemText::Local(ReturnText::AtMost(line.returnable)),
                    ));
                }
            }
        }
        self.in_form_order(problems)
    }

    /// Whether the photo of the line whose field is `field` is still on its way.
    fn uploading(&self, field: &str) -> bool {
        self.lines.iter().any(|line| {
            matches!(line.photo, Photo::Uploading(_)) && line_field(line.item_id, "photo") == field
        })
    }

    /// `problems` sorted as their fields come in the form (the server lists them by name),
    /// so the summary reads top to bottom.
    fn in_form_order(&self, mut problems: Vec<Problem>) -> Vec<Problem> {
        let mut order = vec!["items".to_owned()];
        for line in &self.lines {
            for part in LINE_PARTS {
                order.push(line_field(line.item_id, part));
            }
        }
        order.extend(["comment", "method", "store"].map(String::from));
        problems.sort_by_key(|problem| {
            order
                .iter()
                .position(|field| *field == problem.field)
                .unwrap_or(order.len())
        });
        problems
    }

    fn line_mut(&mut self, item_id: i64) -> Option<&mut LineDraft> {
        self.lines.iter_mut().find(|line| line.item_id == item_id)
    }
}

/// A line's fields in the order the form shows them (the names `line_field` builds).
pub const LINE_PARTS: [&str; 6] = [
    "quantity",
    "reason",
    "sub_reason",
    "photo",
    "outcome",
    "exchange",
];

/// The step whose fields include `field` (a name of the API's error body); `None` for a
/// field no step shows.
pub fn field_stage(field: &str) -> Option<Stage> {
    match field {
        "method" | "store" => Some(Stage::Method),
        "items" | "comment" => Some(Stage::Items),
        _ if field.starts_with("item-") => Some(Stage::Items),
        _ => None,
    }
}

/// What the return request says of its own, beside what every form says
/// ([`form::ProblemText`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnText {
    /// One of the API's own rules.
    Rule(ReturnProblem),
    /// A quantity above what can be returned.
    AtMost(u32),
}

/// What to say about a problem of the return request.
pub type ProblemText = form::ProblemText<ReturnText>;

/// One problem of the return request.
pub type Problem = form::Problem<ReturnText>;

/// Every problem the API words in English, to show a refusal in the shopper's language
/// when the server's sentence is one of them.
const KNOWN_PROBLEMS: [ReturnProblem; 11] = [
    ReturnProblem::NoItems,
    ReturnProblem::TooManyLines,
    ReturnProblem::NoQuantity,
    ReturnProblem::NoReason,
    ReturnProblem::NoSubReason,
    ReturnProblem::NoOutcome,
    ReturnProblem::NoExchangeVariant,
    ReturnProblem::NoPhoto,
    ReturnProblem::NoMethod,
    ReturnProblem::NoStore,
    ReturnProblem::CommentTooLong,
];

/// The problems a failed call means: the server's refusal field by field (a field no step
/// shows is said at the top of the summary), or one for the whole form.
pub fn problems_from(error: &ClientError) -> Vec<Problem> {
    form::problems_from(
        error,
        |message| {
            KNOWN_PROBLEMS
                .into_iter()
                .find(|problem| problem.english() == message)
                .map(ReturnText::Rule)
        },
        |field| field_stage(field).is_some(),
    )
}

/// A request the state asks for; the view's effect sends it and answers with its `id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// `GET /orders/{number}/returns`.
    Load,
    /// `POST /orders/{number}/returns/quote`.
    Quote,
    /// `POST /orders/{number}/returns`.
    Create,
}

/// The request in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting {
    /// Tells requests apart: an answer for another one is dropped.
    pub id: u32,
    /// What to send.
    pub call: Call,
}

/// Everything the return request knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnState {
    /// What is on screen.
    pub step: Step,
    /// Whether focus moves to the step's heading: the shopper moved (not on page load, and
    /// not when an error summary takes it).
    pub focus: bool,
    /// The order and its token, once found.
    pub session: Option<OrderSession>,
    /// A signed-in shopper's orders, kept so they can choose another.
    pub customer_orders: Option<Vec<CustomerOrder>>,
    /// What the server said can be returned.
    pub order: Option<ReturnableOrder>,
    /// The shopper's choices.
    pub draft: Draft,
    /// The server's last quote.
    pub quote: Option<ReturnQuote>,
    /// The return made.
    pub created: Option<ReturnView>,
    /// What the error summary lists.
    pub problems: Vec<Problem>,
    /// The request in flight.
    pub waiting: Option<Waiting>,
    /// Numbers the next request or photo attempt.
    next_id: u32,
}

impl Default for ReturnState {
    fn default() -> Self {
        Self {
            step: Step::Lookup { notice: None },
            focus: false,
            session: None,
            customer_orders: None,
            order: None,
            draft: Draft::default(),
            quote: None,
            created: None,
            problems: Vec::new(),
            waiting: None,
            next_id: 1,
        }
    }
}

/// A change to one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineChange {
    /// "Return this item" ticked or not.
    Chosen(bool),
    /// The quantity typed.
    Quantity(String),
    /// The − (`-1`) or + (`1`) button.
    StepQuantity(i32),
    /// The reason chosen (`None`: the placeholder).
    Reason(Option<ReturnReason>),
    /// The finer reason.
    SubReason(SubReason),
    /// The outcome.
    Outcome(ReturnOutcome),
    /// The variant wanted (`None`: the placeholder).
    Exchange(Option<i64>),
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Show the lookup form (the shopper asked: `focus`), with a sentence saying why when it
    /// is not their choice.
    ShowLookup {
        /// Why.
        notice: Option<ReturnMsg>,
        /// Whether the shopper asked for it.
        focus: bool,
    },
    /// Something signed is being checked.
    Opening(ReturnMsg),
    /// The store's signed customer was accepted: their orders.
    CustomerListed(Vec<CustomerOrder>),
    /// The shopper goes back to their list of orders.
    BackToList,
    /// An order was found or chosen: fetch what can be returned.
    Open {
        /// The order and its token.
        session: OrderSession,
        /// Whether the shopper asked for it (focus follows).
        focus: bool,
    },
    /// Fetch the order again (after a failure, or for another return).
    Reload,
    /// The order's returnable items arrived.
    Loaded {
        /// The request they answer.
        id: u32,
        /// What can be returned.
        order: Box<ReturnableOrder>,
        /// A new idempotency key for the form.
        request_id: String,
    },
    /// A line changed.
    Line {
        /// The order line.
        item_id: i64,
        /// How.
        change: LineChange,
    },
    /// The comment typed.
    Comment(String),
    /// The method chosen.
    Method(ReturnMethod),
    /// The shop chosen.
    Store(i64),
    /// The shopper submitted the step's form ("Continue", "Submit return request").
    Continue,
    /// The shopper went back a step.
    Back,
    /// A photo was picked for a line: its upload starts.
    PhotoPicked {
        /// The order line.
        item_id: i64,
    },
    /// A photo was stored.
    PhotoAdded {
        /// The order line.
        item_id: i64,
        /// The attempt it answers.
        attempt: u32,
        /// Its key.
        key: String,
    },
    /// A photo was refused or lost.
    PhotoFailed {
        /// The order line.
        item_id: i64,
        /// The attempt it answers.
        attempt: u32,
        /// Why.
        text: ProblemText,
    },
    /// The quote arrived.
    Quoted {
        /// The request it answers.
        id: u32,
        /// The quote.
        quote: ReturnQuote,
    },
    /// The return was made.
    Created {
        /// The request it answers.
        id: u32,
        /// The return.
        view: Box<ReturnView>,
    },
    /// A request failed.
    Failed {
        /// The request.
        id: u32,
        /// What came back.
        error: ClientError,
    },
}

/// The state after `event`: pure, so it is tested without a browser.
pub fn apply(mut state: ReturnState, event: Event) -> ReturnState {
    match event {
        Event::ShowLookup { notice, focus } => ReturnState {
            step: Step::Lookup { notice },
            focus,
            customer_orders: state.customer_orders,
            next_id: state.next_id,
            ..ReturnState::default()
        },
        Event::Opening(message) => {
            state.step = Step::Opening(message);
            state
        }
        Event::CustomerListed(orders) => {
            state.customer_orders = Some(orders);
            state.step = Step::CustomerOrders;
            state.focus = false;
            state
        }
        Event::BackToList if state.customer_orders.is_some() => {
            state.waiting = None;
            state.step = Step::CustomerOrders;
            state.focus = true;
            state
        }
        Event::BackToList => state,
        Event::Open { session, focus } => {
            state.session = Some(session);
            state.order = None;
            state.created = None;
            state.focus = focus;
            state.load()
        }
        Event::Reload if state.session.is_some() => {
            state.focus = true;
            state.load()
        }
        Event::Reload => state,
        Event::Loaded {
            id,
            order,
            request_id,
        } => state.answer(id, |state| {
            state.draft = Draft::for_order(&order, request_id);
            state.order = Some(*order);
            state.quote = None;
            state.created = None;
            state.step = Step::Items;
        }),
        Event::Line { item_id, change } => {
            if state.step == Step::Items {
                if let Some(line) = state.draft.line_mut(item_id) {
                    change_line(line, change);
                }
            }
            state
        }
        Event::Comment(comment) => {
            state.draft.comment = comment;
            state
        }
        Event::Method(method) => {
            state.draft.method = Some(method);
            state
        }
        Event::Store(store_id) => {
            state.draft.store_id = Some(store_id);
            state
        }
        Event::Continue => next_step(state),
        Event::Back => {
            let back = match state.step {
                Step::Method => Step::Items,
                Step::Summary => Step::Method,
                _ => return state,
            };
            state.waiting = None;
            state.problems.clear();
            state.step = back;
            state.focus = true;
            state
        }
        Event::PhotoPicked { item_id } => {
            let attempt = state.take_id();
            if let Some(line) = state.draft.line_mut(item_id) {
                line.photo = Photo::Uploading(attempt);
            }
            state
        }
        Event::PhotoAdded {
            item_id,
            attempt,
            key,
        } => state.photo_answer(item_id, attempt, Photo::Added(key)),
        Event::PhotoFailed {
            item_id,
            attempt,
            text,
        } => state.photo_answer(item_id, attempt, Photo::Failed(text)),
        Event::Quoted { id, quote } => state.answer(id, |state| {
            state.quote = Some(quote);
            state.step = Step::Summary;
        }),
        Event::Created { id, view } => state.answer(id, |state| {
            if let Some(order) = &mut state.order {
                order.returns.insert(0, (*view).clone());
            }
            state.created = Some(*view);
            state.step = Step::Done;
        }),
        Event::Failed { id, error } => {
            let Some(waiting) = state.waiting.filter(|waiting| waiting.id == id) else {
                return state;
            };
            state.waiting = None;
            state.focus = false;
            if matches!(
                error,
                ClientError::Api {
                    code: ErrorCode::Unauthorized,
                    ..
                }
            ) {
                return apply(
                    state,
                    Event::ShowLookup {
                        notice: Some(ReturnMsg::SessionEnded),
                        focus: false,
                    },
                );
            }
            if waiting.call == Call::Load {
                state.step = Step::LoadFailed;
                return state;
            }
            let problems = problems_from(&error);
            // Refused fields are shown where they are filled in; anything else on the step
            // the shopper is on, with everything they typed kept.
            let stages: Vec<_> = problems
                .iter()
                .filter_map(|problem| field_stage(&problem.field))
                .collect();
            if stages.contains(&Stage::Items) {
                state.step = Step::Items;
            } else if stages.contains(&Stage::Method) {
                state.step = Step::Method;
            }
            state.problems = state.draft.in_form_order(problems);
            state
        }
    }
}

impl ReturnState {
    /// Whether a submission is in flight (the step's button says so).
    pub fn pending(&self) -> bool {
        self.waiting.is_some()
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        id
    }

    fn wait_for(&mut self, call: Call) {
        let id = self.take_id();
        self.waiting = Some(Waiting { id, call });
    }

    fn load(mut self) -> Self {
        self.problems.clear();
        self.step = Step::Loading;
        self.wait_for(Call::Load);
        self
    }

    /// Applies `change` when `id` is the request in flight; otherwise the answer is for
    /// something the shopper has left, and nothing changes.
    fn answer(mut self, id: u32, change: impl FnOnce(&mut Self)) -> Self {
        if self.waiting.is_some_and(|waiting| waiting.id == id) {
            self.waiting = None;
            self.problems.clear();
            change(&mut self);
        }
        self
    }

    fn photo_answer(mut self, item_id: i64, attempt: u32, photo: Photo) -> Self {
        if let Some(line) = self.draft.line_mut(item_id) {
            if line.photo == Photo::Uploading(attempt) {
                line.photo = photo;
            }
        }
        self
    }
}

fn change_line(line: &mut LineDraft, change: LineChange) {
    match change {
        LineChange::Chosen(chosen) => line.chosen = chosen,
        LineChange::Quantity(typed) => line.quantity = typed,
        LineChange::StepQuantity(delta) => {
            let stepped = i64::from(line.quantity()) + i64::from(delta);
            let max = i64::from(line.returnable.max(1));
            line.quantity = stepped.clamp(1, max).to_string();
        }
        LineChange::Reason(reason) => {
            line.reason = reason;
            // A sub-reason of another reason would be refused; the shopper chooses again.
            if !reason.is_some_and(|reason| {
                line.sub_reason
                    .is_some_and(|sub| reason.sub_reasons().contains(&sub))
            }) {
                line.sub_reason = None;
            }
        }
        LineChange::SubReason(sub) => line.sub_reason = Some(sub),
        LineChange::Outcome(outcome) => line.outcome = Some(outcome),
        LineChange::Exchange(product) => line.exchange = product,
    }
}

/// "Continue" on the step shown: its fields checked, then the next step, or the request
/// that leads there.
fn next_step(mut state: ReturnState) -> ReturnState {
    if state.pending() {
        // A second click while the first is answered changes nothing.
        return state;
    }
    let stage = match state.step {
        Step::Items => Stage::Items,
        Step::Method => Stage::Method,
        Step::Summary => {
            state.problems.clear();
            state.wait_for(Call::Create);
            state.focus = true;
            return state;
        }
        _ => return state,
    };
    state.problems = state.draft.problems(stage);
    if !state.problems.is_empty() {
        // The error summary takes focus.
        state.focus = false;
        return state;
    }
    state.focus = true;
    match stage {
        Stage::Items => state.step = Step::Method,
        Stage::Method => state.wait_for(Call::Quote),
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::returns::{
        ExchangeOption, PolicySummary, ReturnAmounts, ReturnStatus, ReturnableItem,
    };

    fn item(item_id: i64, returnable: u32) -> ReturnableItem {
        ReturnableItem {
            item_id,
            name: format!("Item {item_id}"),
            variant: None,
            unit_price_cents: 1000,
            ordered: returnable.max(1),
            returnable,
            not_returnable: None,
            last_day: Some("2026-12-01".into()),
            exchange_options: vec![ExchangeOption {
                product_id: 99,
                variant: "Size S".into(),
            }],
        }
    }

    fn order() -> ReturnableOrder {
        ReturnableOrder {
            order_number: "SF-1013".into(),
            currency: "EUR".into(),
            items: vec![item(1, 2), item(2, 1), item(3, 0)],
            stores: Vec::new(),
            policy: PolicySummary {
                window_days: 30,
                restocking_fee_basis_points: 0,
                mail_fee_cents: 495,
                store_credit_bonus_basis_points: 1000,
            },
            returns: Vec::new(),
        }
    }

    fn view(rma: &str) -> ReturnView {
        ReturnView {
            rma: rma.into(),
            order_number: "SF-1013".into(),
            status: ReturnStatus::Requested,
            method: ReturnMethod::DropOff,
            store: None,
            lines: Vec::new(),
            comment: String::new(),
            currency: "EUR".into(),
            amounts: ReturnAmounts::default(),
            events: Vec::new(),
            qr_svg: Some("<svg/>".into()),
            label_url: None,
        }
    }

    fn loaded() -> ReturnState {
        let state = apply(
            ReturnState::default(),
            Event::Open {
                session: OrderSession {
                    order_number: "SF-1013".into(),
                    token: "t".into(),
                },
                focus: true,
            },
        );
        let id = state.waiting.expect("the order is fetched").id;
        apply(
            state,
            Event::Loaded {
                id,
                order: Box::new(order()),
                request_id: "c1-2".into(),
            },
        )
    }

    fn line(state: ReturnState, item_id: i64, change: LineChange) -> ReturnState {
        apply(state, Event::Line { item_id, change })
    }

    fn fields(state: &ReturnState) -> Vec<&str> {
        form::fields_of(&state.problems)
    }

    /// Item 1 chosen, with a reason that needs nothing more and a refund.
    fn one_line_filled() -> ReturnState {
        let state = line(loaded(), 1, LineChange::Chosen(true));
        let state = line(
            state,
            1,
            LineChange::Reason(Some(ReturnReason::ChangedMind)),
        );
        line(state, 1, LineChange::Outcome(ReturnOutcome::Refund))
    }

    #[test]
    fn an_order_opens_on_its_items_with_only_the_returnable_ones_to_fill_in() {
        let state = loaded();
        assert_eq!(state.step, Step::Items);
        assert!(state.focus, "the shopper asked for it");
        assert_eq!(state.waiting, None);
        let items: Vec<_> = state.draft.lines.iter().map(|line| line.item_id).collect();
        assert_eq!(items, [1, 2]);
        assert_eq!(state.draft.request_id, "c1-2");
    }

    #[test]
    fn the_stepper_stays_between_one_and_the_returnable_quantity() {
        let state = line(loaded(), 1, LineChange::StepQuantity(1));
        assert_eq!(state.draft.lines[0].quantity, "2");
        let state = line(state, 1, LineChange::StepQuantity(1));
        assert_eq!(state.draft.lines[0].quantity, "2", "2 is the most");
        let state = line(state, 1, LineChange::StepQuantity(-1));
        let state = line(state, 1, LineChange::StepQuantity(-1));
        assert_eq!(state.draft.lines[0].quantity, "1", "1 is the least");
        let state = line(state, 1, LineChange::Quantity("abc".into()));
        let state = line(state, 1, LineChange::StepQuantity(1));
        assert_eq!(
            state.draft.lines[0].quantity, "1",
            "from nonsense to the least"
        );
    }

    #[test]
    fn continuing_with_nothing_chosen_lists_the_problem_and_stays() {
        let state = apply(loaded(), Event::Continue);
        assert_eq!(state.step, Step::Items);
        assert_eq!(fields(&state), ["items"]);
        assert!(!state.focus, "the error summary takes focus");
    }

    #[test]
    fn a_chosen_line_lists_each_missing_choice_in_form_order() {
        let state = line(loaded(), 1, LineChange::Chosen(true));
        let state = line(state, 1, LineChange::Quantity("5".into()));
        let state = line(state, 1, LineChange::Reason(Some(ReturnReason::Damaged)));
        let state = apply(state, Event::Continue);
        assert_eq!(
            fields(&state),
            ["item-1-quantity", "item-1-photo", "item-1-outcome"]
        );
        assert_eq!(
            state.problems[0].text,
            ProblemText::Local(ReturnText::AtMost(2))
        );
    }

    #[test]
    fn a_reason_with_sub_reasons_needs_one_and_another_reason_forgets_it() {
        let state = line(loaded(), 1, LineChange::Chosen(true));
        let state = line(state, 1, LineChange::Reason(Some(ReturnReason::DoesNotFit)));
        let state = line(state, 1, LineChange::Outcome(ReturnOutcome::Exchange));
        let state = apply(state, Event::Continue);
        assert_eq!(fields(&state), ["item-1-sub_reason", "item-1-exchange"]);
        let state = line(state, 1, LineChange::SubReason(SubReason::TooSmall));
        assert_eq!(state.draft.lines[0].sub_reason, Some(SubReason::TooSmall));
        let state = line(state, 1, LineChange::Reason(Some(ReturnReason::WrongItem)));
        assert_eq!(state.draft.lines[0].sub_reason, None);
    }

    #[test]
    fn items_then_method_then_a_quote_then_the_return() {
        let state = apply(one_line_filled(), Event::Continue);
        assert_eq!(state.step, Step::Method);
        assert!(state.problems.is_empty());
        let state = apply(state, Event::Continue);
        assert_eq!(fields(&state), ["method"]);
        let state = apply(state, Event::Method(ReturnMethod::InStore));
        let state = apply(state, Event::Continue);
        assert_eq!(fields(&state), ["store"]);
        let state = apply(state, Event::Store(4));
        let state = apply(state, Event::Continue);
        let waiting = state.waiting.expect("a quote is asked for");
        assert_eq!(waiting.call, Call::Quote);
        let quote = ReturnQuote {
            currency: "EUR".into(),
            amounts: ReturnAmounts::default(),
        };
        let state = apply(
            state,
            Event::Quoted {
                id: waiting.id,
                quote,
            },
        );
        assert_eq!(state.step, Step::Summary);
        let request = state.draft.request();
        assert_eq!(request.store_id, Some(4));
        assert_eq!(request.lines.len(), 1);

        let state = apply(state, Event::Continue);
        let waiting = state.waiting.expect("the return is sent");
        assert_eq!(waiting.call, Call::Create);
        let twice = apply(state.clone(), Event::Continue);
        assert_eq!(twice.waiting, Some(waiting), "a double click sends once");
        let state = apply(
            state,
            Event::Created {
                id: waiting.id,
                view: Box::new(view("R-7K3F9Q")),
            },
        );
        assert_eq!(state.step, Step::Done);
        assert!(state.focus);
        let returns = &state.order.as_ref().unwrap().returns;
        assert_eq!(
            returns[0].rma, "R-7K3F9Q",
            "listed with the order's returns"
        );
    }

    #[test]
    fn a_network_failure_says_so_and_keeps_everything_with_the_same_request_id() {
        let state = apply(
            apply(one_line_filled(), Event::Continue),
            Event::Method(ReturnMethod::Mail),
        );
        let state = apply(state, Event::Continue);
        let id = state.waiting.unwrap().id;
        let state = apply(
            state,
            Event::Failed {
                id,
                error: ClientError::Network,
            },
        );
        assert_eq!(state.step, Step::Method);
        assert_eq!(state.problems, [Problem::new("", ProblemText::Network)]);
        assert_eq!(state.draft.method, Some(ReturnMethod::Mail));
        assert_eq!(state.draft.request().request_id, "c1-2");
        assert!(state.draft.lines[0].chosen);
    }

    #[test]
    fn refused_item_fields_lead_back_to_the_items_in_the_shoppers_language() {
        let state = apply(
            apply(one_line_filled(), Event::Continue),
            Event::Method(ReturnMethod::Mail),
        );
        let state = apply(state, Event::Continue);
        let id = state.waiting.unwrap().id;
        let error = ClientError::Api {
            status: 422,
            code: ErrorCode::ValidationFailed,
            message: "Check the return.".into(),
            fields: vec![
                ("method".into(), "Something only the server knows.".into()),
                ("item-1-reason".into(), ReturnProblem::NoReason.english()),
            ],
            retry_after_seconds: None,
        };
        let state = apply(state, Event::Failed { id, error });
        assert_eq!(state.step, Step::Items);
        assert_eq!(fields(&state), ["item-1-reason", "method"]);
        assert_eq!(
            state.problems[0].text,
            ProblemText::Local(ReturnText::Rule(ReturnProblem::NoReason))
        );
        assert_eq!(
            state.problems[1].text,
            ProblemText::Server("Something only the server knows.".into())
        );
    }

    #[test]
    fn an_answer_for_a_request_the_shopper_left_is_dropped() {
        let state = apply(
            apply(one_line_filled(), Event::Continue),
            Event::Method(ReturnMethod::Mail),
        );
        let state = apply(state, Event::Continue);
        let id = state.waiting.unwrap().id;
        let state = apply(state, Event::Back);
        assert_eq!(state.step, Step::Items);
        let quote = ReturnQuote {
            currency: "EUR".into(),
            amounts: ReturnAmounts::default(),
        };
        let after = apply(state.clone(), Event::Quoted { id, quote });
        assert_eq!(after, state);
    }

    #[test]
    fn only_the_latest_photo_counts_and_a_photo_on_its_way_is_said_so() {
        let state = line(loaded(), 2, LineChange::Chosen(true));
        let state = line(state, 2, LineChange::Reason(Some(ReturnReason::Damaged)));
        let state = line(state, 2, LineChange::Outcome(ReturnOutcome::StoreCredit));
        let state = apply(state, Event::PhotoPicked { item_id: 2 });
        let Photo::Uploading(first) = state.draft.lines[1].photo.clone() else {
            panic!("uploading");
        };
        let checked = apply(state.clone(), Event::Continue);
        assert_eq!(checked.problems[0].text, ProblemText::PhotoUploading);
        let state = apply(state, Event::PhotoPicked { item_id: 2 });
        let state = apply(
            state,
            Event::PhotoAdded {
                item_id: 2,
                attempt: first,
                key: "old".into(),
            },
        );
        assert!(matches!(state.draft.lines[1].photo, Photo::Uploading(_)));
        let Photo::Uploading(second) = state.draft.lines[1].photo.clone() else {
            panic!("uploading");
        };
        let state = apply(
            state,
            Event::PhotoAdded {
                item_id: 2,
                attempt: second,
                key: "new".into(),
            },
        );
        assert_eq!(state.draft.request().lines[0].photo.as_deref(), Some("new"));
        assert_eq!(apply(state, Event::Continue).step, Step::Method);
    }

    #[test]
    fn an_ended_session_leads_back_to_the_lookup_saying_why() {
        let state = apply(
            apply(one_line_filled(), Event::Continue),
            Event::Method(ReturnMethod::Mail),
        );
        let state = apply(state, Event::Continue);
        let id = state.waiting.unwrap().id;
        let error = ClientError::Api {
            status: 401,
            code: ErrorCode::Unauthorized,
            message: "No.".into(),
            fields: Vec::new(),
            retry_after_seconds: None,
        };
        let state = apply(state, Event::Failed { id, error });
        assert_eq!(
            state.step,
            Step::Lookup {
                notice: Some(ReturnMsg::SessionEnded)
            }
        );
        assert_eq!(state.session, None);
    }

    #[test]
    fn a_failed_load_can_be_tried_again() {
        let state = apply(
            ReturnState::default(),
            Event::Open {
                session: OrderSession {
                    order_number: "SF-1013".into(),
                    token: "t".into(),
                },
                focus: false,
            },
        );
        let id = state.waiting.unwrap().id;
        let state = apply(
            state,
            Event::Failed {
                id,
                error: ClientError::Network,
            },
        );
        assert_eq!(state.step, Step::LoadFailed);
        let state = apply(state, Event::Reload);
        assert_eq!(state.step, Step::Loading);
        assert_eq!(state.waiting.map(|waiting| waiting.call), Some(Call::Load));
    }
}
