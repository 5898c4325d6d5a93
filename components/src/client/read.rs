//! The API's answers read from what the browser's `JSON.parse` made of them, by hand.
//!
//! serde's derived deserializers (with serde-wasm-bindgen walking the parsed value) were
//! about 19 KB of the tracker's download: a visitor per type and field, and error messages
//! that pull in float formatting. A reader here is a few lines per type over four helpers.
//!
//! Readers accept what the server's types write (`sf_api`, checked by the server's
//! integration tests and by the component tests against a real server) and ignore fields they
//! do not know, so a newer server does not break an older cached module. Any other shape is
//! `None`, which the client reports as an unexpected answer.

use sf_api::agent::{AgentProfile, AgentSession, AgentStore};
use sf_api::error::ErrorCode;
use sf_api::health::{Health, HealthStatus};
use sf_api::tracking::{
    CustomerOrder, CustomerOrders, NotificationPreferences, OrderAccess, OrderItem, OrderTracking,
    Package, ShipmentStatus, StatusReason, StorePickup, TrackingEvent,
};
use wasm_bindgen::{JsCast, JsValue};

/// A type the client reads from an answer.
pub(crate) trait FromJson: Sized {
    /// `value` as `Self`, or `None` when it has another shape.
    fn from_json(value: &JsValue) -> Option<Self>;
}

/// A JSON object's fields, each read as the type the contract gives it (for the readers here
/// and in each component's client slice).
pub(super) struct Fields(js_sys::Object);

impl Fields {
    pub(super) fn of(value: &JsValue) -> Option<Self> {
        if !value.is_object() || js_sys::Array::is_array(value) {
            return None;
        }
        Some(Self(value.clone().unchecked_into()))
    }

    pub(super) fn get(&self, name: &str) -> JsValue {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    pub(super) fn text(&self, name: &str) -> Option<String> {
        self.get(name).as_string()
    }

    /// A field that may be `null` or left out: `Some(None)` then, `None` for a wrong type.
    pub(super) fn maybe<T>(
        &self,
        name: &str,
        read: impl Fn(&JsValue) -> Option<T>,
    ) -> Option<Option<T>> {
        let value = self.get(name);
        if value.is_null() || value.is_undefined() {
            return Some(None);
        }
        read(&value).map(Some)
    }

    pub(super) fn maybe_text(&self, name: &str) -> Option<Option<String>> {
        self.maybe(name, JsValue::as_string)
    }

    pub(super) fn integer(&self, name: &str) -> Option<i64> {
        let number = self.get(name).as_f64()?;
        // JSON integers the server writes are exact in a double up to 2^53.
        (number.fract() == 0.0 && number.abs() <= 9_007_199_254_740_992.0).then_some(number as i64)
    }

    /// A count the server writes as an unsigned integer.
    pub(super) fn count(&self, name: &str) -> Option<u32> {
        u32::try_from(self.integer(name)?).ok()
    }

    pub(super) fn flag(&self, name: &str) -> Option<bool> {
        self.get(name).as_bool()
    }

    pub(super) fn read<T: FromJson>(&self, name: &str) -> Option<T> {
        T::from_json(&self.get(name))
    }

    pub(super) fn list<T>(
        &self,
        name: &str,
        read: impl Fn(&JsValue) -> Option<T>,
    ) -> Option<Vec<T>> {
        list(&self.get(name), read)
    }
}

/// A JSON array of `T`.
pub(super) struct List<T>(pub(super) Vec<T>);

impl<T: FromJson> FromJson for List<T> {
    fn from_json(value: &JsValue) -> Option<Self> {
        list(value, T::from_json).map(List)
    }
}

/// A JSON array, each item read by `read`.
fn list<T>(value: &JsValue, read: impl Fn(&JsValue) -> Option<T>) -> Option<Vec<T>> {
    value
        .dyn_ref::<js_sys::Array>()?
        .iter()
        .map(|item| read(&item))
        .collect()
}

fn status(value: &JsValue) -> Option<ShipmentStatus> {
    ShipmentStatus::parse(&value.as_string()?)
}

impl FromJson for Health {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        let status = match fields.text("status")?.as_str() {
            "ok" => HealthStatus::Ok,
            "degraded" => HealthStatus::Degraded,
            _ => return None,
        };
        Some(Health {
            status,
            version: fields.text("version")?,
        })
    }
}

/// What [`ClientError::Api`](super::ClientError::Api) takes from an `ErrorBody`.
pub(crate) struct ErrorAnswer {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<(String, String)>,
}

impl FromJson for ErrorAnswer {
    fn from_json(value: &JsValue) -> Option<Self> {
        let error = Fields::of(&Fields::of(value)?.get("error"))?;
        let mut fields = Vec::new();
        if let Some(by_field) = Fields::of(&error.get("fields")) {
            for name in js_sys::Object::keys(&by_field.0).iter() {
                let name = name.as_string()?;
                for message in by_field.list(&name, JsValue::as_string)? {
                    fields.push((name.clone(), message));
                }
            }
        }
        Some(ErrorAnswer {
            code: ErrorCode::parse(&error.text("code")?)?,
            message: error.text("message")?,
            fields,
        })
    }
}

impl FromJson for AgentSession {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(AgentSession {
            token: fields.text("token")?,
            expires_at: fields.text("expires_at")?,
            agent: fields.read("agent")?,
        })
    }
}

impl FromJson for AgentProfile {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(AgentProfile {
            id: fields.integer("id")?,
            email: fields.text("email")?,
            display_name: fields.text("display_name")?,
            store: fields.maybe("store", AgentStore::from_json)?,
        })
    }
}

impl FromJson for AgentStore {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(AgentStore {
            id: fields.integer("id")?,
            name: fields.text("name")?,
        })
    }
}

impl FromJson for OrderAccess {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(OrderAccess {
            token: fields.text("token")?,
            expires_at: fields.text("expires_at")?,
            tracking: fields.read("tracking")?,
        })
    }
}

impl FromJson for CustomerOrders {
    fn from_json(value: &JsValue) -> Option<Self> {
        Some(CustomerOrders {
            orders: Fields::of(value)?.list("orders", CustomerOrder::from_json)?,
        })
    }
}

impl FromJson for CustomerOrder {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(CustomerOrder {
            order_number: fields.text("order_number")?,
            placed_at: fields.text("placed_at")?,
            package_statuses: fields.list("package_statuses", status)?,
            token: fields.text("token")?,
            expires_at: fields.text("expires_at")?,
        })
    }
}

impl FromJson for OrderTracking {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(OrderTracking {
            order_number: fields.text("order_number")?,
            placed_at: fields.text("placed_at")?,
            pickup: fields.maybe("pickup", StorePickup::from_json)?,
            unshipped_items: fields.list("unshipped_items", OrderItem::from_json)?,
            packages: fields.list("packages", Package::from_json)?,
            notifications: fields.read("notifications")?,
        })
    }
}

impl FromJson for StorePickup {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(StorePickup {
            store_name: fields.text("store_name")?,
            address: fields.text("address")?,
            opening_hours: fields.text("opening_hours")?,
            pickup_code: fields.text("pickup_code")?,
        })
    }
}

impl FromJson for OrderItem {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(OrderItem {
            name: fields.text("name")?,
            quantity: fields.integer("quantity")?,
        })
    }
}

impl FromJson for Package {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(Package {
            id: fields.integer("id")?,
            carrier: fields.text("carrier")?,
            tracking_number: fields.text("tracking_number")?,
            carrier_url: fields.maybe_text("carrier_url")?,
            status: status(&fields.get("status"))?,
            status_reason: fields.maybe("status_reason", |reason| {
                StatusReason::parse(&reason.as_string()?)
            })?,
            estimated_delivery: fields.maybe_text("estimated_delivery")?,
            previous_estimated_delivery: fields.maybe_text("previous_estimated_delivery")?,
            last_event_at: fields.maybe_text("last_event_at")?,
            stale: fields.flag("stale")?,
            items: fields.list("items", OrderItem::from_json)?,
            events: fields.list("events", TrackingEvent::from_json)?,
        })
    }
}

impl FromJson for TrackingEvent {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(TrackingEvent {
            id: fields.integer("id")?,
            occurred_at: fields.text("occurred_at")?,
            status: status(&fields.get("status"))?,
            description: fields.text("description")?,
            location: fields.maybe_text("location")?,
        })
    }
}

impl FromJson for NotificationPreferences {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(NotificationPreferences {
            email: fields.maybe_text("email")?,
            sms: fields.maybe_text("sms")?,
        })
    }
}
