//! The store's return policy as data, read by one function per question: which quantity of
//! an order line can still be returned and, if none, why ([`eligibility`]); and what a return
//! costs and refunds ([`amounts`]). No rule is a code branch of its own: a store changes its
//! policy by changing a [`ReturnPolicy`], and the client never decides any of this.

use sf_api::returns::{ReturnAmounts, ReturnMethod, ReturnOutcome};
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

    /// The policy written as rows of the `return_rules` table, `(rule, subject, value)`:
    /// `window_days`, `category_window` (subject: the category), `final_sale` (subject: the
    /// SKU), `restocking_fee_bp`, `mail_fee_cents`, `store_credit_bonus_bp`. A rule not
    /// written keeps the lenient default (30 days, no fees, no bonus); an unknown one is
    /// ignored, so an older server reads a newer table.
    pub fn from_rules<'a>(rules: impl IntoIterator<Item = (&'a str, &'a str, i64)>) -> Self {
        let mut policy = Self {
            window_days: 30,
            category_windows: Vec::new(),
            final_sale_skus: Vec::new(),
            restocking_fee_basis_points: 0,
            mail_fee_cents: 0,
            store_credit_bonus_basis_points: 0,
        };
        let count = |value: i64| u32::try_from(value.max(0)).unwrap_or(u32::MAX);
        for (rule, subject, value) in rules {
            match rule {
                "window_days" => policy.window_days = count(value),
                "category_window" => policy
                    .category_windows
                    .push((subject.to_owned(), count(value))),
                "final_sale" if value != 0 => policy.final_sale_skus.push(subject.to_owned()),
                "restocking_fee_bp" => {
                    policy.restocking_fee_basis_points = count(value).min(10_000)
                }
                "mail_fee_cents" => policy.mail_fee_cents = value.max(0),
                "store_credit_bonus_bp" => policy.store_credit_bonus_basis_points = count(value),
                _ => {}
            }
        }
        policy
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

/// What a return of `lines` (each line's price and outcome) by `method` costs and gives back.
///
/// The restocking fee comes off refunds to the original payment, the bonus is added to store
/// credit, an exchange moves no money. The mail fee is charged once, and only when money
/// comes back: from the refund first, then from the credit, never below zero. Fees and
/// bonus are rounded down, so the shopper never pays a fraction of a cent more.
pub fn amounts(
    policy: &ReturnPolicy,
    lines: &[(i64, ReturnOutcome)],
    method: ReturnMethod,
) -> ReturnAmounts {
    let sum = |wanted: ReturnOutcome| -> i64 {
        lines
            .iter()
            .filter(|(_, outcome)| *outcome == wanted)
            .map(|(cents, _)| cents)
            .sum()
    };
    let share = |cents: i64, basis_points: u32| cents * i64::from(basis_points) / 10_000;
    let (refunded, credited) = (sum(ReturnOutcome::Refund), sum(ReturnOutcome::StoreCredit));
    let restocking_fee_cents = share(refunded, policy.restocking_fee_basis_points);
    let bonus_cents = share(credited, policy.store_credit_bonus_basis_points);
    let money_back = refunded + credited > 0;
    let shipping_fee_cents = if method == ReturnMethod::Mail && money_back {
        policy.mail_fee_cents
    } else {
        0
    };
    let refund = refunded - restocking_fee_cents;
    let from_refund = shipping_fee_cents.min(refund);
    let credit = credited + bonus_cents;
    let from_credit = (shipping_fee_cents - from_refund).min(credit);
    ReturnAmounts {
        items_cents: lines.iter().map(|(cents, _)| cents).sum(),
        restocking_fee_cents,
        shipping_fee_cents,
        bonus_cents,
        refund_cents: refund - from_refund,
        store_credit_cents: credit - from_credit,
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
    fn rules_rows_make_the_policy() {
        let policy = ReturnPolicy::from_rules([
            ("window_days", "", 21),
            ("category_window", "electronics", 14),
            ("final_sale", "SOCK-06", 1),
            ("restocking_fee_bp", "", 20_000),
            ("mail_fee_cents", "", -5),
            ("no_such_rule", "", 1),
        ]);
        assert_eq!(policy.window_days, 21);
        assert_eq!(
            policy.category_windows,
            vec![("electronics".to_owned(), 14)]
        );
        assert_eq!(policy.final_sale_skus, vec!["SOCK-06".to_owned()]);
        // Nonsense values are bounded: never more than the price, never a negative fee.
        assert_eq!(policy.restocking_fee_basis_points, 10_000);
        assert_eq!(policy.mail_fee_cents, 0);
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
        use ReturnOutcome::{Exchange, Refund, StoreCredit};
        let policy = ReturnPolicy {
            restocking_fee_basis_points: 1_500,
            mail_fee_cents: 495,
            ..ReturnPolicy::demo()
        };
        let refund = amounts(&policy, &[(10_001, Refund)], ReturnMethod::Mail);
        assert_eq!(
            (refund.restocking_fee_cents, refund.shipping_fee_cents),
            (1_500, 495)
        );
        assert_eq!(refund.refund_cents, 10_001 - 1_500 - 495);
        let credit = amounts(&policy, &[(10_001, StoreCredit)], ReturnMethod::InStore);
        assert_eq!(
            (
                credit.bonus_cents,
                credit.shipping_fee_cents,
                credit.store_credit_cents
            ),
            (1_000, 0, 11_001)
        );
        let exchange = amounts(&policy, &[(10_001, Exchange)], ReturnMethod::Mail);
        assert_eq!(
            exchange,
            ReturnAmounts {
                items_cents: 10_001,
                ..ReturnAmounts::default()
            }
        );
        // The mail fee is taken once: what the refund cannot cover comes off the credit.
        let mixed = amounts(
            &policy,
            &[(300, Refund), (1_000, StoreCredit)],
            ReturnMethod::Mail,
        );
        assert_eq!(
            (mixed.refund_cents, mixed.store_credit_cents),
            (0, 1_100 - (495 - 255))
        );
        // A cheap item by mail never makes the shopper pay.
        let cheap = amounts(&policy, &[(300, Refund)], ReturnMethod::Mail);
        assert_eq!((cheap.refund_cents, cheap.store_credit_cents), (0, 0));
    }
}
