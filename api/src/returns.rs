//! Returns: what can be sent back from an order, the request a shopper makes, the return's
//! status as the shopper and the desk see it, and the desk's changes to it.
//!
//! Eligibility and amounts are always the server's: the client shows what it is told and
//! checks only what a form can check (a reason chosen, a quantity in range) so a shopper
//! hears of a slip before a round trip.

use crate::validation::optional_text;
use serde::{Deserialize, Serialize};

/// Longest comment on a return, and longest reason an agent gives for rejecting one.
pub const MAX_RETURN_COMMENT_CHARS: usize = 1000;
/// Most lines (distinct items) in one return.
pub const MAX_RETURN_LINES: usize = 50;
/// Longest photo accepted with a return line.
pub const MAX_RETURN_PHOTO_BYTES: usize = 5 * 1024 * 1024;

/// Why a shopper sends an item back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    /// It does not fit (with [`SubReason::TooSmall`] or [`SubReason::TooLarge`]).
    DoesNotFit,
    /// It arrived damaged (a photo is required).
    Damaged,
    /// Not what was ordered (a photo is required).
    WrongItem,
    /// It is not as the shop described it.
    NotAsDescribed,
    /// The shopper changed their mind.
    ChangedMind,
}

/// The finer reason, for reasons that have some.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubReason {
    /// Too small.
    TooSmall,
    /// Too large.
    TooLarge,
    /// Another size than ordered.
    WrongSize,
    /// Another colour than ordered.
    WrongColour,
    /// Another product altogether.
    WrongProduct,
}

impl ReturnReason {
    /// Every reason, in the order a form lists them.
    pub const ALL: [ReturnReason; 5] = [
        ReturnReason::DoesNotFit,
        ReturnReason::Damaged,
        ReturnReason::WrongItem,
        ReturnReason::NotAsDescribed,
        ReturnReason::ChangedMind,
    ];

    /// The sub-reasons one must choose from (none: no choice to make).
    pub fn sub_reasons(self) -> &'static [SubReason] {
        match self {
            ReturnReason::DoesNotFit => &[SubReason::TooSmall, SubReason::TooLarge],
            ReturnReason::WrongItem => &[
                SubReason::WrongSize,
                SubReason::WrongColour,
                SubReason::WrongProduct,
            ],
            _ => &[],
        }
    }

    /// Whether a photo of the item must come with it (the store needs to see the damage
    /// or the mix-up before it pays for the way back).
    pub fn needs_photo(self) -> bool {
        matches!(self, ReturnReason::Damaged | ReturnReason::WrongItem)
    }
}

/// What the shopper gets for an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnOutcome {
    /// Money back to the original payment.
    Refund,
    /// Store credit, with the store's bonus.
    StoreCredit,
    /// Another variant of the same product.
    Exchange,
}

/// How the items travel back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnMethod {
    /// By mail, with a printable label.
    Mail,
    /// At a partner drop-off point, showing a QR code.
    DropOff,
    /// At the counter of one of the store's shops, showing a QR code.
    InStore,
}

/// Where a return is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    /// Asked for; the store has not decided yet.
    Requested,
    /// The store agreed: the items may be sent or brought.
    Approved,
    /// On its way back (dropped off or posted).
    InTransit,
    /// The store has the items.
    Received,
    /// Paid back (or the exchange sent): the return is done.
    Refunded,
    /// The store refused it, with a reason.
    Rejected,
}

impl ReturnStatus {
    /// The wire and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnStatus::Requested => "requested",
            ReturnStatus::Approved => "approved",
            ReturnStatus::InTransit => "in_transit",
            ReturnStatus::Received => "received",
            ReturnStatus::Refunded => "refunded",
            ReturnStatus::Rejected => "rejected",
        }
    }

    /// The status named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [
            ReturnStatus::Requested,
            ReturnStatus::Approved,
            ReturnStatus::InTransit,
            ReturnStatus::Received,
            ReturnStatus::Refunded,
            ReturnStatus::Rejected,
        ]
        .into_iter()
        .find(|status| status.as_str() == name)
    }

    /// The way a return goes when all is well, in order (rejection leaves it).
    pub const PATH: [ReturnStatus; 5] = [
        ReturnStatus::Requested,
        ReturnStatus::Approved,
        ReturnStatus::InTransit,
        ReturnStatus::Received,
        ReturnStatus::Refunded,
    ];
}

/// Why nothing more of an item can be returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotReturnableReason {
    /// Not delivered yet.
    NotDelivered,
    /// The return window has closed (see `last_day`).
    WindowClosed,
    /// Sold as final sale.
    FinalSale,
    /// Every unit is already in a return.
    AlreadyReturned,
}

/// A variant an item can be exchanged for (in stock).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ExchangeOption {
    /// The variant's product id.
    pub product_id: i64,
    /// What tells it apart ("Size L").
    pub variant: String,
}

/// One item of an order, and how much of it can be returned today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnableItem {
    /// The order line's id, which a request names.
    pub item_id: i64,
    /// The product's name.
    pub name: String,
    /// Its variant ("Size M"), when it has one.
    pub variant: Option<String>,
    /// One unit's price, in the order's minor unit.
    pub unit_price_cents: i64,
    /// How many were ordered.
    pub ordered: u32,
    /// How many can be returned now (0 with a reason).
    pub returnable: u32,
    /// Why none can, when none can.
    pub not_returnable: Option<NotReturnableReason>,
    /// The last day a return can be started (`YYYY-MM-DD`), once delivered.
    pub last_day: Option<String>,
    /// Variants in stock it can be exchanged for (empty: no exchange).
    pub exchange_options: Vec<ExchangeOption>,
}

/// A shop that takes returns at its counter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnStore {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its street address.
    pub address: String,
    /// When it is open, as the store writes it.
    pub opening_hours: String,
}

/// The store's policy as a shopper needs to know it before choosing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicySummary {
    /// Days from delivery (some categories have fewer; each item's `last_day` says).
    pub window_days: u32,
    /// Kept from refunds to the original payment, in hundredths of a percent.
    pub restocking_fee_basis_points: u32,
    /// Charged for a mail label, in the order's minor unit.
    pub mail_fee_cents: i64,
    /// Added to store credit, in hundredths of a percent.
    pub store_credit_bonus_basis_points: u32,
}

/// `GET /orders/{number}/returns`: what the shopper can return from their order, where, and
/// the returns they already made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnableOrder {
    /// The order number.
    pub order_number: String,
    /// The order's currency (ISO 4217).
    pub currency: String,
    /// Every item, returnable or not.
    pub items: Vec<ReturnableItem>,
    /// Shops that take returns.
    pub stores: Vec<ReturnStore>,
    /// The policy in short.
    pub policy: PolicySummary,
    /// Returns already made from this order, newest first.
    pub returns: Vec<ReturnView>,
}

/// One item to send back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnLineRequest {
    /// The order line.
    pub item_id: i64,
    /// How many of it (1 to its returnable quantity).
    pub quantity: u32,
    /// Why.
    pub reason: Option<ReturnReason>,
    /// The finer reason, where the reason has some.
    #[serde(default)]
    pub sub_reason: Option<SubReason>,
    /// What the shopper wants for it.
    pub outcome: Option<ReturnOutcome>,
    /// The variant wanted, for an exchange.
    #[serde(default)]
    pub exchange_product_id: Option<i64>,
    /// A photo uploaded with `POST /orders/{number}/return-photos`, where the reason needs one.
    #[serde(default)]
    pub photo: Option<String>,
}

/// `POST /orders/{number}/returns/quote` and `POST /orders/{number}/returns`: a return as the
/// shopper chose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnRequest {
    /// The items.
    pub lines: Vec<ReturnLineRequest>,
    /// How they come back.
    pub method: Option<ReturnMethod>,
    /// The shop, for an in-store return.
    #[serde(default)]
    pub store_id: Option<i64>,
    /// Anything else the store should know, at most [`MAX_RETURN_COMMENT_CHARS`].
    #[serde(default)]
    pub comment: String,
    /// The client's id for this request (letters, digits, `-`, `_`; at most 64): the same id
    /// sent twice makes one return, so a double click or a retry is harmless.
    pub request_id: String,
}

/// What is wrong with a return request, field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnProblem {
    /// No item was chosen.
    NoItems,
    /// More lines than [`MAX_RETURN_LINES`], or one item twice.
    TooManyLines,
    /// A quantity of 0.
    NoQuantity,
    /// No reason chosen.
    NoReason,
    /// The reason needs a sub-reason, or the one given is not among its own.
    NoSubReason,
    /// No outcome chosen.
    NoOutcome,
    /// An exchange without a variant.
    NoExchangeVariant,
    /// The reason needs a photo.
    NoPhoto,
    /// No method chosen.
    NoMethod,
    /// An in-store return without a shop.
    NoStore,
    /// The comment is longer than [`MAX_RETURN_COMMENT_CHARS`].
    CommentTooLong,
    /// The request id is missing or malformed (a client's bug).
    BadRequestId,
}

impl ReturnProblem {
    /// The server's English sentence.
    pub fn english(self) -> String {
        match self {
            ReturnProblem::NoItems => "Choose at least one item to return.".into(),
            ReturnProblem::TooManyLines => "Choose each item once.".into(),
            ReturnProblem::NoQuantity => "Enter how many you are returning.".into(),
            ReturnProblem::NoReason => "Choose why you are returning this item.".into(),
            ReturnProblem::NoSubReason => "Choose what was wrong in more detail.".into(),
            ReturnProblem::NoOutcome => {
                "Choose a refund, store credit or an exchange for this item.".into()
            }
            ReturnProblem::NoExchangeVariant => "Choose the variant you want instead.".into(),
            ReturnProblem::NoPhoto => "Add a photo that shows the problem.".into(),
            ReturnProblem::NoMethod => "Choose how you will send the items back.".into(),
            ReturnProblem::NoStore => "Choose the shop you will bring the items to.".into(),
            ReturnProblem::CommentTooLong => {
                format!("Your comment must be {MAX_RETURN_COMMENT_CHARS} characters or fewer.")
            }
            ReturnProblem::BadRequestId => "The request id is not in the expected format.".into(),
        }
    }
}

/// One refused field of a return request: its name in an error body (`method`, `comment`,
/// or `item-{id}-{part}` with part `quantity`, `reason`, `sub_reason`, `outcome`,
/// `exchange`, `photo`) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnRefusal {
    /// The field's name.
    pub field: String,
    /// What is wrong.
    pub problem: ReturnProblem,
}

/// The name of a line's field in an error body and in the form (`item-12-reason`).
pub fn line_field(item_id: i64, part: &str) -> String {
    format!("item-{item_id}-{part}")
}

impl ReturnRequest {
    /// Everything a form can see is wrong, in the order of the form; the server then checks
    /// quantities, variants, photos and shops against the order.
    pub fn refusals(&self) -> Vec<ReturnRefusal> {
        let mut refusals = Vec::new();
        let mut refuse = |field: String, problem| refusals.push(ReturnRefusal { field, problem });
        if self.lines.is_empty() {
            refuse("items".into(), ReturnProblem::NoItems);
        }
        let mut seen = Vec::new();
        if self.lines.len() > MAX_RETURN_LINES
            || self.lines.iter().any(|line| {
                let twice = seen.contains(&line.item_id);
                seen.push(line.item_id);
                twice
            })
        {
            refuse("items".into(), ReturnProblem::TooManyLines);
        }
        for line in &self.lines {
            let field = |part| line_field(line.item_id, part);
            if line.quantity == 0 {
                refuse(field("quantity"), ReturnProblem::NoQuantity);
            }
            match line.reason {
                None => refuse(field("reason"), ReturnProblem::NoReason),
                Some(reason) => {
                    let subs = reason.sub_reasons();
                    let fits = match line.sub_reason {
                        Some(sub) => subs.contains(&sub),
                        None => subs.is_empty(),
                    };
                    if !fits {
                        refuse(field("sub_reason"), ReturnProblem::NoSubReason);
                    }
                    if reason.needs_photo() && line.photo.as_deref().unwrap_or("").is_empty() {
                        refuse(field("photo"), ReturnProblem::NoPhoto);
                    }
                }
            }
            match line.outcome {
                None => refuse(field("outcome"), ReturnProblem::NoOutcome),
                Some(ReturnOutcome::Exchange) if line.exchange_product_id.is_none() => {
                    refuse(field("exchange"), ReturnProblem::NoExchangeVariant)
                }
                Some(_) => {}
            }
        }
        match self.method {
            None => refuse("method".into(), ReturnProblem::NoMethod),
            Some(ReturnMethod::InStore) if self.store_id.is_none() => {
                refuse("store".into(), ReturnProblem::NoStore)
            }
            Some(_) => {}
        }
        if optional_text(&self.comment, MAX_RETURN_COMMENT_CHARS).is_err() {
            refuse("comment".into(), ReturnProblem::CommentTooLong);
        }
        if !crate::validation::is_client_id(&self.request_id) {
            refuse("request_id".into(), ReturnProblem::BadRequestId);
        }
        refusals
    }
}

/// What a return costs and gives back, computed by the server, in the order's minor unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnAmounts {
    /// The returned units' prices.
    pub items_cents: i64,
    /// Kept for restocking.
    pub restocking_fee_cents: i64,
    /// Kept for the mail label.
    pub shipping_fee_cents: i64,
    /// Added for taking store credit.
    pub bonus_cents: i64,
    /// Paid back to the original payment.
    pub refund_cents: i64,
    /// Given as store credit (bonus included).
    pub store_credit_cents: i64,
}

/// `POST /orders/{number}/returns/quote`: what the return would give, before it is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnQuote {
    /// The order's currency (ISO 4217).
    pub currency: String,
    /// The amounts.
    pub amounts: ReturnAmounts,
}

/// One item of a made return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnLineView {
    /// The return line's id (the desk names it when receiving).
    pub line_id: i64,
    /// The order line.
    pub item_id: i64,
    /// The product's name.
    pub name: String,
    /// Its variant.
    pub variant: Option<String>,
    /// How many.
    pub quantity: u32,
    /// Why.
    pub reason: ReturnReason,
    /// The finer reason.
    pub sub_reason: Option<SubReason>,
    /// What the shopper gets.
    pub outcome: ReturnOutcome,
    /// The variant wanted, for an exchange.
    pub exchange_variant: Option<String>,
    /// The photo's address, when one came with it.
    pub photo_url: Option<String>,
    /// How many the store received, once it did.
    pub received_quantity: Option<u32>,
    /// Of those, how many were damaged.
    pub damaged_quantity: Option<u32>,
}

/// One step of a return's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnEvent {
    /// The status it reached.
    pub status: ReturnStatus,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The shop where it happened (a counter return).
    pub store_name: Option<String>,
    /// The reason, for a rejection.
    pub note: Option<String>,
}

/// A return as its shopper and the desk see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnView {
    /// Its readable number (`R-7K3F9Q`).
    pub rma: String,
    /// The order it is from.
    pub order_number: String,
    /// Where it is now.
    pub status: ReturnStatus,
    /// How it comes back.
    pub method: ReturnMethod,
    /// The shop chosen, for an in-store return.
    pub store: Option<ReturnStore>,
    /// The items.
    pub lines: Vec<ReturnLineView>,
    /// The shopper's comment.
    pub comment: String,
    /// The order's currency (ISO 4217).
    pub currency: String,
    /// What it gives back.
    pub amounts: ReturnAmounts,
    /// Its history, oldest first.
    pub events: Vec<ReturnEvent>,
    /// A QR code of the RMA as SVG, for a drop-off or a counter (its text alternative is the
    /// RMA itself, which the element shows beside it).
    pub qr_svg: Option<String>,
    /// The printable label's address, for a mail return.
    pub label_url: Option<String>,
}

/// `POST /orders/{number}/returns`: the return made (or made before by the same request id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnCreated {
    /// The return.
    #[serde(rename = "return")]
    pub view: ReturnView,
}

/// `POST /orders/{number}/return-photos`: the stored photo's key, for a line's `photo`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnPhoto {
    /// The key.
    pub key: String,
}

/// A return in the desk's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeskReturnSummary {
    /// Its RMA.
    pub rma: String,
    /// The order.
    pub order_number: String,
    /// The shopper's name.
    pub customer_name: String,
    /// Where it is.
    pub status: ReturnStatus,
    /// How it comes back.
    pub method: ReturnMethod,
    /// The shop chosen, for an in-store return.
    pub store_name: Option<String>,
    /// Units in it.
    pub units: u32,
    /// When it was asked for (RFC 3339, UTC).
    pub created_at: String,
}

/// `GET /desk/returns/{rma}`: a return with who made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeskReturn {
    /// The shopper's name.
    pub customer_name: String,
    /// Their email.
    pub email: String,
    /// The return.
    #[serde(rename = "return")]
    pub view: ReturnView,
}

/// What a store received of one return line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceivedLine {
    /// The return line.
    pub line_id: i64,
    /// Units received (at most those in the line).
    pub received: u32,
    /// Of those, units damaged.
    pub damaged: u32,
}

/// `POST /desk/returns/{rma}/transitions`: move a return on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "to", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReturnTransition {
    /// Agree to it.
    Approved,
    /// Refuse it, saying why (1 to [`MAX_RETURN_COMMENT_CHARS`] characters, shown to the shopper).
    Rejected {
        /// Why.
        reason: String,
    },
    /// Posted or dropped off.
    InTransit,
    /// In the store's hands, with what arrived (at a counter, the agent's own shop is recorded).
    Received {
        /// Per line; a line left out counts as received whole and undamaged.
        lines: Vec<ReceivedLine>,
    },
    /// Paid back, or the exchange sent.
    Refunded,
}

impl ReturnTransition {
    /// The status it leads to.
    pub fn status(&self) -> ReturnStatus {
        match self {
            ReturnTransition::Approved => ReturnStatus::Approved,
            ReturnTransition::Rejected { .. } => ReturnStatus::Rejected,
            ReturnTransition::InTransit => ReturnStatus::InTransit,
            ReturnTransition::Received { .. } => ReturnStatus::Received,
            ReturnTransition::Refunded => ReturnStatus::Refunded,
        }
    }
}

/// A return on the shopper's timeline in the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TimelineReturn {
    /// Its RMA.
    pub rma: String,
    /// The order.
    pub order_number: String,
    /// Its history, oldest first.
    pub events: Vec<ReturnEvent>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> ReturnLineRequest {
        ReturnLineRequest {
            item_id: 7,
            quantity: 1,
            reason: Some(ReturnReason::DoesNotFit),
            sub_reason: Some(SubReason::TooLarge),
            outcome: Some(ReturnOutcome::Refund),
            exchange_product_id: None,
            photo: None,
        }
    }

    fn request(lines: Vec<ReturnLineRequest>) -> ReturnRequest {
        ReturnRequest {
            lines,
            method: Some(ReturnMethod::Mail),
            store_id: None,
            comment: String::new(),
            request_id: "r-1".into(),
        }
    }

    fn fields(request: &ReturnRequest) -> Vec<(String, ReturnProblem)> {
        request
            .refusals()
            .into_iter()
            .map(|refusal| (refusal.field, refusal.problem))
            .collect()
    }

    #[test]
    fn a_complete_request_has_no_refusals() {
        assert!(request(vec![line()]).refusals().is_empty());
    }

    #[test]
    fn each_missing_choice_is_named_by_its_line() {
        let damaged = ReturnLineRequest {
            reason: Some(ReturnReason::Damaged),
            sub_reason: None,
            outcome: Some(ReturnOutcome::Exchange),
            ..line()
        };
        let mut bare = request(vec![damaged]);
        bare.method = Some(ReturnMethod::InStore);
        assert_eq!(
            fields(&bare),
            vec![
                ("item-7-photo".into(), ReturnProblem::NoPhoto),
                ("item-7-exchange".into(), ReturnProblem::NoExchangeVariant),
                ("store".into(), ReturnProblem::NoStore),
            ]
        );
        let wrong_sub = ReturnLineRequest {
            sub_reason: Some(SubReason::WrongColour),
            ..line()
        };
        assert_eq!(
            fields(&request(vec![wrong_sub])),
            vec![("item-7-sub_reason".into(), ReturnProblem::NoSubReason)]
        );
    }

    #[test]
    fn empty_duplicate_and_malformed_requests_are_refused() {
        assert_eq!(
            fields(&request(Vec::new())),
            vec![("items".into(), ReturnProblem::NoItems)]
        );
        assert_eq!(
            fields(&request(vec![line(), line()])),
            vec![("items".into(), ReturnProblem::TooManyLines)]
        );
        let mut odd = request(vec![line()]);
        odd.request_id = "a b".into();
        odd.comment = "x".repeat(MAX_RETURN_COMMENT_CHARS + 1);
        assert_eq!(
            fields(&odd),
            vec![
                ("comment".into(), ReturnProblem::CommentTooLong),
                ("request_id".into(), ReturnProblem::BadRequestId),
            ]
        );
    }

    #[test]
    fn a_transition_is_tagged_by_its_status() {
        let json = r#"{"to":"rejected","reason":"Worn"}"#;
        let transition: ReturnTransition = serde_json::from_str(json).unwrap();
        assert_eq!(transition.status(), ReturnStatus::Rejected);
        let unknown = r#"{"to":"received","lines":[],"x":1}"#;
        assert!(serde_json::from_str::<ReturnTransition>(unknown).is_err());
    }
}
