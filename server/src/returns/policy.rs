//! The store's return policy as data, read by one function per question: which quantity of
//! an order line can still be returned and, if none, why ([`eligibility`]); and what a return
//! costs and refunds ([`amounts`]). No rule is a code branch of its own: a store changes its
//! policy by changing a [`ReturnPolicy`], and the client never decides any of this.

use time::{Date, Duration};

/// A store's return policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnPolicy {
    /// Days after delivery an item may be sent back (the delivery day is day 0, the last
    /// day included).
    pub window_days: u32,
    /// Categories with a window of their own (`("electronics", 14)`), in place of
    /// [`ReturnPolicy::window_days`].
    pub category_windows: Vec<(String, u32)>,
    /// Products (by SKU) sold as final: never returnable.
    pub final_sale_skus: Vec<String>,
    /// Kept from a refund to the original payment, in hundredths of a percent (1,000 = 10 %).
    pub restocking_fee_basis_points: u32,
    /// Charged for a return by mail, in the order's minor unit (cents); drop-off and in-store
    /// returns cost nothing.
    pub mail_fee_cents: i64,
    /// Added to a refund taken as store credit, in hundredths of a percent.
    pub store_credit_bonus_basis_points: u32,
}

impl ReturnPolicy {
    /// The demo store's: 30 days, final-sale items excluded, no fees, 10 % bonus on store
    /// credit (what the demo's help articles say).
    pub fn demo() -> Self {
        Self {
            window_days: 30,
            category_windows: Vec::new(),
            final_sale_skus: Vec::new(),
            restocking_fee_basis_points: 0,
            mail_fee_cents: 0,
            store_credit_bonus_basis_points: 1_000,
        }
    }

    fn window_for(&self, category: &str) -> u32 {
        self.category_windows
            .iter()
            .find(|(name, _)| name == category)
            .map_or(self.window_days, |(_, days)| *days)
    }
}

/// What is known of one order line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderLine {
    /// The product's SKU.
    pub sku: String,
    /// The product's category.
    pub category: String,
    /// How many were ordered.
    pub ordered: u32,
    /// How many are already in a return (requested or further, not rejected).
    pub already_returned: u32,
    /// The day its package was delivered, once it was.
    pub delivered_on: Option<Date>,
}

/// Why nothing more of a line can be returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReturnable {
    /// Not delivered yet: nothing to send back (the order can be cancelled instead).
    NotDelivered,
    /// The window closed; the last day it was open.
    WindowClosed {
        /// The last day a return could be started.
        last_day: Date,
    },
    /// Sold as final.
    FinalSale,
    /// Every unit is already in a return.
    AlreadyReturned,
}

/// How much of a line can be returned on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// Units that can still be returned (0 with a reason).
    pub returnable: u32,
    /// Why none can, when none can.
    pub reason: Option<NotReturnable>,
    /// The last day a return can be started, once delivered.
    pub last_day: Option<Date>,
}

/// How much of `line` can be returned `today` under `policy`.
pub fn eligibility(policy: &ReturnPolicy, line: &OrderLine, today: Date) -> Eligibility {
    let last_day = line
        .delivered_on
        .map(|day| day + Duration::days(i64::from(policy.window_for(&line.category))));
    let left = line.ordered.saturating_sub(line.already_returned);
    let reason = if policy.final_sale_skus.contains(&line.sku) {
        Some(NotReturnable::FinalSale)
    } else if let Some(last_day) = last_day.filter(|last| today > *last) {
        Some(NotReturnable::WindowClosed { last_day })
    } else if last_day.is_none() {
        Some(NotReturnable::NotDelivered)
    } else if left == 0 {
        Some(NotReturnable::AlreadyReturned)
    } else {
        None
    };
    Eligibility {
        returnable: if reason.is_some() { 0 } else { left },
        reason,
        last_day,
    }
}

/// How the shopper wants their money back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// To the original payment.
    Refund,
    /// As store credit (with the policy's bonus).
    StoreCredit,
    /// Another variant of the same product: no money moves.
    Exchange,
}

/// How the items travel back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// By mail, with a label.
    Mail,
    /// At a partner drop-off point.
    DropOff,
    /// At one of the store's shops.
    InStore,
}

/// What a return costs and gives back, in the order's minor unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amounts {
    /// The returned units' prices.
    pub items: i64,
    /// Kept for restocking (refunds to the original payment only).
    pub restocking_fee: i64,
    /// Kept for the mail label.
    pub shipping_fee: i64,
    /// Added for taking store credit.
    pub bonus: i64,
    /// What the shopper gets: never below zero.
    pub total: i64,
}

/// The amounts of returning units worth `items` (minor units) as `outcome` by `method`.
/// Fees are rounded down, the bonus too: the shopper never pays a fraction of a cent more.
pub fn amounts(policy: &ReturnPolicy, items: i64, outcome: Outcome, method: Method) -> Amounts {
    let share = |basis_points: u32| items * i64::from(basis_points) / 10_000;
    let (restocking_fee, bonus) = match outcome {
        Outcome::Refund => (share(policy.restocking_fee_basis_points), 0),
        Outcome::StoreCredit => (0, share(policy.store_credit_bonus_basis_points)),
        Outcome::Exchange => (0, 0),
    };
    let shipping_fee = match (method, outcome) {
        (Method::Mail, Outcome::Refund | Outcome::StoreCredit) => policy.mail_fee_cents,
        _ => 0,
    };
    let total = match outcome {
        Outcome::Exchange => 0,
        _ => (items - restocking_fee - shipping_fee + bonus).max(0),
    };
    Amounts {
        items,
        restocking_fee,
        shipping_fee,
        bonus,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn line() -> OrderLine {
        OrderLine {
            sku: "MUG-1".into(),
            category: "kitchen".into(),
            ordered: 3,
            already_returned: 0,
            delivered_on: Some(date!(2026 - 11 - 01)),
        }
    }

    #[test]
    fn the_window_counts_from_delivery_and_includes_its_last_day() {
        let policy = ReturnPolicy::demo();
        let last = eligibility(&policy, &line(), date!(2026 - 12 - 01));
        assert_eq!((last.returnable, last.reason), (3, None));
        assert_eq!(last.last_day, Some(date!(2026 - 12 - 01)));
        let late = eligibility(&policy, &line(), date!(2026 - 12 - 02));
        assert_eq!(late.returnable, 0);
        assert_eq!(
            late.reason,
            Some(NotReturnable::WindowClosed {
                last_day: date!(2026 - 12 - 01)
            })
        );
    }

    #[test]
    fn a_category_window_replaces_the_stores() {
        let policy = ReturnPolicy {
            category_windows: vec![("kitchen".into(), 14)],
            ..ReturnPolicy::demo()
        };
        assert!(eligibility(&policy, &line(), date!(2026 - 11 - 15))
            .reason
            .is_none());
        assert!(eligibility(&policy, &line(), date!(2026 - 11 - 16))
            .reason
            .is_some());
    }

    #[test]
    fn final_sale_undelivered_and_fully_returned_lines_say_why() {
        let final_sale = ReturnPolicy {
            final_sale_skus: vec!["MUG-1".into()],
            ..ReturnPolicy::demo()
        };
        let today = date!(2026 - 11 - 05);
        assert_eq!(
            eligibility(&final_sale, &line(), today).reason,
            Some(NotReturnable::FinalSale)
        );
        let undelivered = OrderLine {
            delivered_on: None,
            ..line()
        };
        let policy = ReturnPolicy::demo();
        assert_eq!(
            eligibility(&policy, &undelivered, today).reason,
            Some(NotReturnable::NotDelivered)
        );
        let partly = OrderLine {
            already_returned: 2,
            ..line()
        };
        assert_eq!(eligibility(&policy, &partly, today).returnable, 1);
        let all = OrderLine {
            already_returned: 3,
            ..line()
        };
        assert_eq!(
            eligibility(&policy, &all, today).reason,
            Some(NotReturnable::AlreadyReturned)
        );
    }

    #[test]
    fn fees_and_bonus_follow_the_outcome_and_method() {
        let policy = ReturnPolicy {
            restocking_fee_basis_points: 1_500,
            mail_fee_cents: 495,
            ..ReturnPolicy::demo()
        };
        let refund = amounts(&policy, 10_001, Outcome::Refund, Method::Mail);
        assert_eq!((refund.restocking_fee, refund.shipping_fee), (1_500, 495));
        assert_eq!(refund.total, 10_001 - 1_500 - 495);
        let credit = amounts(&policy, 10_001, Outcome::StoreCredit, Method::InStore);
        assert_eq!(
            (credit.bonus, credit.shipping_fee, credit.total),
            (1_000, 0, 11_001)
        );
        let exchange = amounts(&policy, 10_001, Outcome::Exchange, Method::Mail);
        assert_eq!((exchange.total, exchange.shipping_fee), (0, 0));
        // A cheap item by mail never makes the shopper pay.
        assert_eq!(
            amounts(&policy, 300, Outcome::Refund, Method::Mail).total,
            0
        );
    }
}
