//! Shipment tracking: looking up an order, its packages, their status and history, and
//! opting in to notifications.

use crate::validation::{
    EmailAddress, Field, FieldRefusal, OrderNumber, PhoneNumber, Refusals, Validate,
};
use serde::{Deserialize, Serialize};

/// Longest order number accepted (the store's numbers are much shorter).
pub const MAX_ORDER_NUMBER_CHARS: usize = 40;

/// A package on its way with no carrier event for this long is flagged as stale.
pub const STALE_AFTER_HOURS: i64 = 72;

/// The name of the server-sent event that says "this order's tracking changed; fetch it again".
pub const TRACKING_CHANGED_EVENT: &str = "tracking-changed";

/// The normalised status of a package, whatever carrier or tracking provider reported it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShipmentStatus {
    /// Ordered; the store has not handed it to a carrier yet.
    Pending,
    /// A label exists; the carrier has not scanned the package yet.
    InfoReceived,
    /// Moving through the carrier's network.
    InTransit,
    /// On the van today.
    OutForDelivery,
    /// Waiting at a store or pickup point.
    AvailableForPickup,
    /// The carrier tried and could not deliver; it will try again or hold it.
    AttemptFailed,
    /// Delivered.
    Delivered,
    /// Something is wrong: see the sub-status (address, customs, damage, returned).
    Exception,
    /// The carrier stopped reporting; tracking is no longer updated.
    Expired,
}

impl ShipmentStatus {
    /// Every status, in the order of a package's life.
    pub const ALL: [ShipmentStatus; 9] = [
        ShipmentStatus::Pending,
        ShipmentStatus::InfoReceived,
        ShipmentStatus::InTransit,
        ShipmentStatus::OutForDelivery,
        ShipmentStatus::AvailableForPickup,
        ShipmentStatus::AttemptFailed,
        ShipmentStatus::Delivered,
        ShipmentStatus::Exception,
        ShipmentStatus::Expired,
    ];

    /// The stored and wire name (`in_transit`).
    pub fn as_str(self) -> &'static str {
        match self {
            ShipmentStatus::Pending => "pending",
            ShipmentStatus::InfoReceived => "info_received",
            ShipmentStatus::InTransit => "in_transit",
            ShipmentStatus::OutForDelivery => "out_for_delivery",
            ShipmentStatus::AvailableForPickup => "available_for_pickup",
            ShipmentStatus::AttemptFailed => "attempt_failed",
            ShipmentStatus::Delivered => "delivered",
            ShipmentStatus::Exception => "exception",
            ShipmentStatus::Expired => "expired",
        }
    }

    /// Parses the stored name; unknown names are `None`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == name)
    }

    /// Whether nothing more is expected to happen to the package.
    pub fn is_final(self) -> bool {
        matches!(self, ShipmentStatus::Delivered | ShipmentStatus::Expired)
    }

    /// Whether the shopper should be told what to do about it.
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            ShipmentStatus::AttemptFailed | ShipmentStatus::Exception | ShipmentStatus::Expired
        )
    }

    /// Which step of the progress indicator this status stands on.
    pub fn step(self, pickup: bool) -> TrackingStep {
        match self {
            ShipmentStatus::Pending => TrackingStep::Ordered,
            ShipmentStatus::InfoReceived => TrackingStep::Shipped,
            ShipmentStatus::InTransit | ShipmentStatus::Exception | ShipmentStatus::Expired => {
                TrackingStep::InTransit
            }
            ShipmentStatus::OutForDelivery | ShipmentStatus::AttemptFailed => {
                TrackingStep::OutForDelivery
            }
            ShipmentStatus::AvailableForPickup => TrackingStep::ReadyForPickup,
            ShipmentStatus::Delivered if pickup => TrackingStep::ReadyForPickup,
            ShipmentStatus::Delivered => TrackingStep::Delivered,
        }
    }
}

/// Why a package needs attention: the sub-status of an exception or failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatusReason {
    /// The address is wrong, incomplete or the recipient moved.
    AddressIssue,
    /// Held at customs.
    Customs,
    /// Damaged in transit.
    Damaged,
    /// Lost by the carrier.
    Lost,
    /// On its way back to the store.
    ReturnedToSender,
    /// Nobody was there to receive it.
    RecipientUnavailable,
    /// The recipient refused it.
    Refused,
    /// Late, for reasons of the carrier's own (weather, volume).
    Delayed,
    /// The carrier cancelled the delivery.
    Cancelled,
    /// Something else the carrier did not explain.
    Other,
}

impl StatusReason {
    /// Every reason.
    pub const ALL: [StatusReason; 10] = [
        StatusReason::AddressIssue,
        StatusReason::Customs,
        StatusReason::Damaged,
        StatusReason::Lost,
        StatusReason::ReturnedToSender,
        StatusReason::RecipientUnavailable,
        StatusReason::Refused,
        StatusReason::Delayed,
        StatusReason::Cancelled,
        StatusReason::Other,
    ];

    /// The stored and wire name (`address_issue`).
    pub fn as_str(self) -> &'static str {
        match self {
            StatusReason::AddressIssue => "address_issue",
            StatusReason::Customs => "customs",
            StatusReason::Damaged => "damaged",
            StatusReason::Lost => "lost",
            StatusReason::ReturnedToSender => "returned_to_sender",
            StatusReason::RecipientUnavailable => "recipient_unavailable",
            StatusReason::Refused => "refused",
            StatusReason::Delayed => "delayed",
            StatusReason::Cancelled => "cancelled",
            StatusReason::Other => "other",
        }
    }

    /// Parses the stored name; unknown names are `None`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|reason| reason.as_str() == name)
    }
}

/// A step of the progress indicator: ordered → shipped → in transit → out for delivery →
/// delivered, or → ready for pickup for store-pickup orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrackingStep {
    /// The order was placed.
    Ordered,
    /// Handed to the carrier (or being prepared at the store).
    Shipped,
    /// On its way.
    InTransit,
    /// Out for delivery today.
    OutForDelivery,
    /// Delivered to the door.
    Delivered,
    /// Waiting at the store.
    ReadyForPickup,
}

impl TrackingStep {
    /// The steps shown for a delivery.
    pub const DELIVERY: [TrackingStep; 5] = [
        TrackingStep::Ordered,
        TrackingStep::Shipped,
        TrackingStep::InTransit,
        TrackingStep::OutForDelivery,
        TrackingStep::Delivered,
    ];
    /// The steps shown for a store pickup.
    pub const PICKUP: [TrackingStep; 3] = [
        TrackingStep::Ordered,
        TrackingStep::Shipped,
        TrackingStep::ReadyForPickup,
    ];
}

/// `POST /api/v1/orders/lookup`: find an order by its number and the email it was placed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderLookupRequest {
    /// The order number, as on the confirmation (`SF-1001`).
    pub order_number: String,
    /// The email address the order was placed with.
    pub email: String,
}

/// An order lookup with both fields parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidOrderLookup {
    /// The order number.
    pub order_number: OrderNumber,
    /// The email it was placed with.
    pub email: EmailAddress,
}

impl OrderLookupRequest {
    /// `order_number`.
    pub const ORDER_NUMBER: Field = Field {
        name: "order_number",
        label: "order number",
    };
    /// `email`.
    pub const EMAIL: Field = crate::validation::EMAIL;
}

impl Validate for OrderLookupRequest {
    type Valid = ValidOrderLookup;

    fn validate(&self) -> Result<ValidOrderLookup, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let order_number =
            refusals.check(Self::ORDER_NUMBER, OrderNumber::parse(&self.order_number));
        let email = refusals.check(Self::EMAIL, EmailAddress::parse(&self.email));
        let valid = order_number
            .zip(email)
            .map(|(order_number, email)| ValidOrderLookup {
                order_number,
                email,
            });
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        let mut refusals = Refusals::default();
        refusals.check(Self::ORDER_NUMBER, OrderNumber::parse(&self.order_number));
        refusals.check(Self::EMAIL, EmailAddress::check(&self.email));
        refusals.into_vec()
    }
}

/// How many of a customer's orders are listed, newest first.
pub const MAX_CUSTOMER_ORDERS: usize = 20;

/// A signed-in customer's most recent orders, newest first (at most [`MAX_CUSTOMER_ORDERS`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerOrders {
    /// The orders; empty when the store has none for this customer.
    pub orders: Vec<CustomerOrder>,
}

/// One line of a customer's order list, with the token that opens that order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerOrder {
    /// The order number.
    pub order_number: String,
    /// When the order was placed, RFC 3339 in UTC.
    pub placed_at: String,
    /// The status of each package, in the order they were shipped; empty when nothing has
    /// shipped yet.
    pub package_statuses: Vec<ShipmentStatus>,
    /// Send as `Authorization: Bearer …` to this order's routes.
    pub token: String,
    /// When the token stops working, RFC 3339 in UTC.
    pub expires_at: String,
}

/// A found order and a token that reads only this order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderAccess {
    /// Send as `Authorization: Bearer …` to the order's routes.
    pub token: String,
    /// When the token stops working, RFC 3339 in UTC.
    pub expires_at: String,
    /// The order's tracking as of now.
    pub tracking: OrderTracking,
}

/// Everything the tracker shows about one order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderTracking {
    /// The order number.
    pub order_number: String,
    /// When the order was placed, RFC 3339 in UTC.
    pub placed_at: String,
    /// For buy-online-pick-up-in-store orders: where and how to collect.
    pub pickup: Option<StorePickup>,
    /// Items not in any package yet.
    pub unshipped_items: Vec<OrderItem>,
    /// The packages, in the order they were shipped.
    pub packages: Vec<Package>,
    /// Whether notifications are on for this order, and where to.
    pub notifications: NotificationPreferences,
}

/// Where a store-pickup order waits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StorePickup {
    /// The store's name.
    pub store_name: String,
    /// The store's address.
    pub address: String,
    /// When it is open, as the store writes it.
    pub opening_hours: String,
    /// The code to show at the counter.
    pub pickup_code: String,
}

/// One product line of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderItem {
    /// The product's name.
    pub name: String,
    /// How many.
    pub quantity: i64,
}

/// One package of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// Stable identifier within the order.
    pub id: i64,
    /// The carrier's name (`UPS`, `Store pickup`).
    pub carrier: String,
    /// The carrier's tracking number.
    pub tracking_number: String,
    /// The carrier's own tracking page, when known.
    pub carrier_url: Option<String>,
    /// The normalised status.
    pub status: ShipmentStatus,
    /// Why an exception or failed attempt happened, when the carrier said.
    pub status_reason: Option<StatusReason>,
    /// The expected delivery time, RFC 3339 in UTC, when the carrier gave one.
    pub estimated_delivery: Option<String>,
    /// The estimate before the last change, when it changed (shown as "was …").
    pub previous_estimated_delivery: Option<String>,
    /// When the carrier last reported anything, RFC 3339 in UTC.
    pub last_event_at: Option<String>,
    /// True when a package still on its way has had no news for [`STALE_AFTER_HOURS`].
    pub stale: bool,
    /// What is in the package.
    pub items: Vec<OrderItem>,
    /// The carrier's events, newest first.
    pub events: Vec<TrackingEvent>,
}

/// One scan or message from the carrier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TrackingEvent {
    /// Stable identifier, so a list can keep its items when new ones arrive.
    pub id: i64,
    /// When it happened, RFC 3339 in UTC.
    pub occurred_at: String,
    /// The normalised status it reported.
    pub status: ShipmentStatus,
    /// The carrier's words.
    pub description: String,
    /// Where, when known.
    pub location: Option<String>,
}

/// Where status changes of an order are sent. Empty fields mean "not by this channel".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationPreferences {
    /// Send an email to this address on each status change.
    pub email: Option<String>,
    /// Send a text message to this phone number (international format, `+44…`).
    pub sms: Option<String>,
}

/// Notification preferences with each given channel parsed; a blank field means "not
/// this channel".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidNotificationPreferences {
    /// Where to email, if anywhere.
    pub email: Option<EmailAddress>,
    /// Where to text, if anywhere.
    pub sms: Option<PhoneNumber>,
}

/// The value of an optional text field, `None` when left blank.
fn given(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

impl NotificationPreferences {
    /// `email`.
    pub const EMAIL: Field = crate::validation::EMAIL;
    /// `sms`.
    pub const SMS: Field = Field {
        name: "sms",
        label: "mobile number",
    };
}

impl Validate for NotificationPreferences {
    type Valid = ValidNotificationPreferences;

    fn validate(&self) -> Result<ValidNotificationPreferences, Vec<FieldRefusal>> {
        let mut refusals = Refusals::default();
        let email = refusals.check(
            Self::EMAIL,
            given(&self.email).map(EmailAddress::parse).transpose(),
        );
        let sms = refusals.check(
            Self::SMS,
            given(&self.sms).map(PhoneNumber::parse).transpose(),
        );
        let valid = email
            .zip(sms)
            .map(|(email, sms)| ValidNotificationPreferences { email, sms });
        refusals.finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        let mut refusals = Refusals::default();
        refusals.check(
            Self::EMAIL,
            given(&self.email).map(EmailAddress::check).transpose(),
        );
        refusals.check(
            Self::SMS,
            given(&self.sms).map(PhoneNumber::parse).transpose(),
        );
        refusals.into_vec()
    }
}
