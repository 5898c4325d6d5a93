//! The client's slice for the desk's side of returns: the queue, one return by its RMA, and
//! moving a return on (approve, reject, in transit, received, refunded). Agents' calls carry
//! the desk token.
//!
//! The readers of a made return (`ReturnView` and everything in it) are shared with the
//! shopper's side, in `return_request.rs`: one type has one reader.

use super::read::{Fields, FromJson};
use super::write::{integer, object, text, ToJson};
use super::{read_list, send, to_json, ApiClient, ClientError};
use sf_api::returns::{
    DeskReturn, DeskReturnSummary, ReceivedLine, ReturnEvent, ReturnMethod, ReturnStatus,
    ReturnTransition, TimelineReturn,
};
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /desk/returns?status=…`: the returns in `status`, oldest first; every open one
    /// (requested, approved, in transit, received) without.
    pub fn desk_returns(
        self,
        token: String,
        status: Option<ReturnStatus>,
    ) -> impl Future<Output = Result<Vec<DeskReturnSummary>, ClientError>> {
        let query = status.map_or(String::new(), |status| {
            format!("?status={}", status.as_str())
        });
        read_list(self.target(&format!("/desk/returns{query}")), Some(token))
    }

    /// `GET /desk/returns/{rma}`: one return with its shopper (the RMA in any case; a 404
    /// when there is none).
    pub fn desk_return(
        self,
        token: String,
        rma: &str,
    ) -> impl Future<Output = Result<DeskReturn, ClientError>> {
        let target = self.target(&return_path(rma, ""));
        async move { send("GET", target, Some(&token), None).await?.into_result() }
    }

    /// `POST /desk/returns/{rma}/transitions`: moves the return on; answers with it as it is
    /// now (409 when the move is not allowed from where it is, 422 for a rejection without a
    /// reason).
    pub fn move_return(
        self,
        token: String,
        rma: &str,
        transition: &ReturnTransition,
    ) -> impl Future<Output = Result<DeskReturn, ClientError>> {
        let target = self.target(&return_path(rma, "/transitions"));
        let body = to_json(transition);
        async move {
            send("POST", target, Some(&token), body?)
                .await?
                .into_result()
        }
    }
}

/// One return's path; the RMA is typed (or scanned) by the agent, so it is encoded.
fn return_path(rma: &str, rest: &str) -> String {
    let rma: String = js_sys::encode_uri_component(rma).into();
    format!("/desk/returns/{rma}{rest}")
}

/// A [`ReturnStatus`] on the wire.
fn return_status(value: &JsValue) -> Option<ReturnStatus> {
    ReturnStatus::parse(&value.as_string()?)
}

/// A [`ReturnMethod`] on the wire.
fn return_method(value: &JsValue) -> Option<ReturnMethod> {
    super::return_request::named(&super::return_request::METHODS, value)
}

impl ToJson for ReceivedLine {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        vec![
            ("line_id", integer(self.line_id)),
            ("received", JsValue::from(self.received)),
            ("damaged", JsValue::from(self.damaged)),
        ]
    }
}

impl ToJson for ReturnTransition {
    fn fields(&self) -> Vec<(&'static str, JsValue)> {
        let mut fields = vec![("to", text(self.status().as_str()))];
        match self {
            ReturnTransition::Rejected { reason } => fields.push(("reason", text(reason))),
            ReturnTransition::Received { lines } => {
                let array = js_sys::Array::new();
                for line in lines {
                    // `object` fails only if the browser refuses to set a property.
                    array.push(&object(line).unwrap_or(JsValue::NULL));
                }
                fields.push(("lines", array.into()));
            }
            ReturnTransition::Approved
            | ReturnTransition::InTransit
            | ReturnTransition::Refunded => {}
        }
        fields
    }
}

impl FromJson for DeskReturnSummary {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(DeskReturnSummary {
            rma: fields.text("rma")?,
            order_number: fields.text("order_number")?,
            customer_name: fields.text("customer_name")?,
            status: return_status(&fields.get("status"))?,
            method: return_method(&fields.get("method"))?,
            store_name: fields.maybe_text("store_name")?,
            units: fields.count("units")?,
            created_at: fields.text("created_at")?,
        })
    }
}

impl FromJson for DeskReturn {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(DeskReturn {
            customer_name: fields.text("customer_name")?,
            email: fields.text("email")?,
            view: fields.read("return")?,
        })
    }
}

impl FromJson for TimelineReturn {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(TimelineReturn {
            rma: fields.text("rma")?,
            order_number: fields.text("order_number")?,
            events: fields.list("events", ReturnEvent::from_json)?,
        })
    }
}
