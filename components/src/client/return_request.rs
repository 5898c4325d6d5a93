//! The client's slice for returns: the shopper's routes (`/orders/{number}/returns…`), a
//! reader for each answer (see `client/read.rs`: the browser's `JSON.parse` does the parsing,
//! no serde in the element's module) and the writer of a request (see `client/write.rs`).
//!
//! The readers of a return ([`ReturnView`] and its parts) serve the desk as well: a type has
//! one reader.

use super::read::{Fields, FromJson};
use super::write::{integer, maybe_text, object, text, ToJson};
use super::{send, send_body, to_json, ApiClient, ClientError};
use sf_api::returns::{
    ExchangeOption, NotReturnableReason, PolicySummary, ReturnAmounts, ReturnCreated, ReturnEvent,
    ReturnLineRequest, ReturnLineView, ReturnMethod, ReturnOutcome, ReturnPhoto, ReturnQuote,
    ReturnReason, ReturnRequest, ReturnStatus, ReturnStore, ReturnView, ReturnableItem,
    ReturnableOrder, SubReason,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /orders/{number}/returns` with the order's token: what can be returned, where,
    /// and the returns already made.
    pub fn returnable_order(
        self,
        order_number: &str,
        token: String,
    ) -> impl Future<Output = Result<ReturnableOrder, ClientError>> {
        let target = self.order_target(order_number, "/returns");
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `POST /orders/{number}/returns/quote`: what `request` would give back.
    pub fn quote_return(
        self,
        order_number: &str,
        token: String,
        request: &ReturnRequest,
    ) -> impl Future<Output = Result<ReturnQuote, ClientError>> {
        let target = self.order_target(order_number, "/returns/quote");
        let body = to_json(request);
        async move {
            send("POST", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }

    /// `POST /orders/{number}/returns`: makes the return (once per `request_id`, however
    /// often it is sent).
    pub fn create_return(
        self,
        order_number: &str,
        token: String,
        request: &ReturnRequest,
    ) -> impl Future<Output = Result<ReturnCreated, ClientError>> {
        let target = self.order_target(order_number, "/returns");
        let body = to_json(request);
        async move {
            send("POST", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }

    /// `POST /orders/{number}/return-photos`: stores `photo` (a file the shopper picked, sent
    /// as it is with its own media type) for a return line.
    pub fn upload_return_photo(
        self,
        order_number: &str,
        token: String,
        photo: web_sys::File,
    ) -> impl Future<Output = Result<ReturnPhoto, ClientError>> {
        let target = self.order_target(order_number, "/return-photos");
        async move {
            let media_type = photo.type_();
            send_body(
                "POST",
                target,
                Some(&token),
                Some((photo.into(), media_type)),
            )
            .await?
            .into_result()
        }
    }

    /// Where a link to `url` (a return label: absolute, or a path of the API) goes.
    pub fn api_link(self, url: &str) -> String {
        if url.starts_with("https://") || url.starts_with("http://") {
            url.to_owned()
        } else if url.starts_with(sf_api::API_PREFIX) {
            format!("{}{url}", self.base())
        } else {
            self.url(url)
        }
    }
}

/// Each wire name once, read and written through the same table.
pub(super) fn name_of<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(known, _)| *known == value)
        .map_or("", |(_, name)| name)
}

/// The value `value` names in `table` (for the desk's slice too: one table per enum).
pub(super) fn named<T: Copy>(table: &[(T, &'static str)], value: &JsValue) -> Option<T> {
    let name = value.as_string()?;
    table
        .iter()
        .find(|(_, known)| *known == name)
        .map(|(value, _)| *value)
}

const REASONS: [(ReturnReason, &str); 5] = [
    (ReturnReason::DoesNotFit, "does_not_fit"),
    (ReturnReason::Damaged, "damaged"),
    (ReturnReason::WrongItem, "wrong_item"),
    (ReturnReason::NotAsDescribed, "not_as_described"),
    (ReturnReason::ChangedMind, "changed_mind"),
];
const SUB_REASONS: [(SubReason, &str); 5] = [
    (SubReason::TooSmall, "too_small"),
    (SubReason::TooLarge, "too_large"),
    (SubReason::WrongSize, "wrong_size"),
    (SubReason::WrongColour, "wrong_colour"),
    (SubReason::WrongProduct, "wrong_product"),
];
const OUTCOMES: [(ReturnOutcome, &str); 3] = [
    (ReturnOutcome::Refund, "refund"),
    (ReturnOutcome::StoreCredit, "store_credit"),
    (ReturnOutcome::Exchange, "exchange"),
];
/// How a return travels, by wire name.
pub(super) const METHODS: [(ReturnMethod, &str); 3] = [
    (ReturnMethod::Mail, "mail"),
    (ReturnMethod::DropOff, "drop_off"),
    (ReturnMethod::InStore, "in_store"),
];
const NOT_RETURNABLE: [(NotReturnableReason, &str); 4] = [
    (NotReturnableReason::NotDelivered, "not_delivered"),
    (NotReturnableReason::WindowClosed, "window_closed"),
    (NotReturnableReason::FinalSale, "final_sale"),
    (NotReturnableReason::AlreadyReturned, "already_returned"),
];

/// An optional wire name: `null` when there is none.
fn maybe_name<T: PartialEq + Copy>(table: &[(T, &'static str)], value: Option<T>) -> JsValue {
    value.map_or(JsValue::NULL, |value| text(name_of(table, value)))
}

/// A count that may be `null`: a whole number from 0 up.
fn count(value: &JsValue) -> Option<u32> {
    let number = value.as_f64()?;
    (number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number))
        .then_some(number as u32)
}

fn maybe_integer(value: Option<i64>) -> JsValue {
    value.map_or(JsValue::NULL, integer)
}

impl ToJson for ReturnLineRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("item_id", integer(self.item_id)),
            ("quantity", integer(i64::from(self.quantity))),
            ("reason", maybe_name(&REASONS, self.reason)),
            ("sub_reason", maybe_name(&SUB_REASONS, self.sub_reason)),
            ("outcome", maybe_name(&OUTCOMES, self.outcome)),
            (
                "exchange_product_id",
                maybe_integer(self.exchange_product_id),
            ),
            ("photo", maybe_text(&self.photo)),
        ]
    }
}

impl ToJson for ReturnRequest {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        let lines = self
            .lines
            .iter()
            .map(|line| object(line).unwrap_or(JsValue::NULL))
            .collect::<js_sys::Array>();
        vec![
            ("lines", lines.into()),
            ("method", maybe_name(&METHODS, self.method)),
            ("store_id", maybe_integer(self.store_id)),
            ("comment", text(&self.comment)),
            ("request_id", text(&self.request_id)),
        ]
    }
}

impl FromJson for ReturnableOrder {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnableOrder {
            order_number: fields.text("order_number")?,
            currency: fields.text("currency")?,
            items: fields.list("items", ReturnableItem::from_json)?,
            stores: fields.list("stores", ReturnStore::from_json)?,
            policy: fields.read("policy")?,
            returns: fields.list("returns", ReturnView::from_json)?,
        })
    }
}

impl FromJson for ReturnableItem {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnableItem {
            item_id: fields.integer("item_id")?,
            name: fields.text("name")?,
            variant: fields.maybe_text("variant")?,
            unit_price_cents: fields.integer("unit_price_cents")?,
            ordered: fields.count("ordered")?,
            returnable: fields.count("returnable")?,
            not_returnable: fields
                .maybe("not_returnable", |value| named(&NOT_RETURNABLE, value))?,
            last_day: fields.maybe_text("last_day")?,
            exchange_options: fields.list("exchange_options", |value| {
                let fields = Fields::of(value)?;
                Some(ExchangeOption {
                    product_id: fields.integer("product_id")?,
                    variant: fields.text("variant")?,
                })
            })?,
        })
    }
}

impl FromJson for ReturnStore {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnStore {
            id: fields.integer("id")?,
            name: fields.text("name")?,
            address: fields.text("address")?,
            opening_hours: fields.text("opening_hours")?,
        })
    }
}

impl FromJson for PolicySummary {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(PolicySummary {
            window_days: fields.count("window_days")?,
            restocking_fee_basis_points: fields.count("restocking_fee_basis_points")?,
            mail_fee_cents: fields.integer("mail_fee_cents")?,
            store_credit_bonus_basis_points: fields.count("store_credit_bonus_basis_points")?,
        })
    }
}

impl FromJson for ReturnAmounts {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnAmounts {
            items_cents: fields.integer("items_cents")?,
            restocking_fee_cents: fields.integer("restocking_fee_cents")?,
            shipping_fee_cents: fields.integer("shipping_fee_cents")?,
            bonus_cents: fields.integer("bonus_cents")?,
            refund_cents: fields.integer("refund_cents")?,
            store_credit_cents: fields.integer("store_credit_cents")?,
        })
    }
}

impl FromJson for ReturnQuote {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnQuote {
            currency: fields.text("currency")?,
            amounts: fields.read("amounts")?,
        })
    }
}

impl FromJson for ReturnLineView {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnLineView {
            line_id: fields.integer("line_id")?,
            item_id: fields.integer("item_id")?,
            name: fields.text("name")?,
            variant: fields.maybe_text("variant")?,
            quantity: fields.count("quantity")?,
            reason: named(&REASONS, &fields.get("reason"))?,
            sub_reason: fields.maybe("sub_reason", |value| named(&SUB_REASONS, value))?,
            outcome: named(&OUTCOMES, &fields.get("outcome"))?,
            exchange_variant: fields.maybe_text("exchange_variant")?,
            photo_url: fields.maybe_text("photo_url")?,
            received_quantity: fields.maybe("received_quantity", count)?,
            damaged_quantity: fields.maybe("damaged_quantity", count)?,
        })
    }
}

impl FromJson for ReturnEvent {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnEvent {
            status: ReturnStatus::parse(&fields.text("status")?)?,
            at: fields.text("at")?,
            store_name: fields.maybe_text("store_name")?,
            note: fields.maybe_text("note")?,
        })
    }
}

impl FromJson for ReturnView {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ReturnView {
            rma: fields.text("rma")?,
            order_number: fields.text("order_number")?,
            status: ReturnStatus::parse(&fields.text("status")?)?,
            method: named(&METHODS, &fields.get("method"))?,
            store: fields.maybe("store", ReturnStore::from_json)?,
            lines: fields.list("lines", ReturnLineView::from_json)?,
            comment: fields.text("comment")?,
            currency: fields.text("currency")?,
            amounts: fields.read("amounts")?,
            events: fields.list("events", ReturnEvent::from_json)?,
            qr_svg: fields.maybe_text("qr_svg")?,
            label_url: fields.maybe_text("label_url")?,
        })
    }
}

impl FromJson for ReturnCreated {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(ReturnCreated {
            view: Fields::of(value)?.read("return")?,
        })
    }
}

impl FromJson for ReturnPhoto {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(ReturnPhoto {
            key: Fields::of(value)?.text("key")?,
        })
    }
}
