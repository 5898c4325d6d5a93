//! The tracker's state as one value, changed only by [`apply`]: what is on screen, the
//! order shown (with its latest tracking), a signed-in shopper's list and the last update
//! to announce. The view only reads it and sends [`Event`]s, so every transition can be
//! tested natively, without a browser or a server.

use super::TrackerMsg;
use sf_api::tracking::{CustomerOrder, OrderAccess, OrderTracking, ShipmentStatus};

/// The order being shown and the token that reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderSession {
    /// The order number, as the server spells it.
    pub order_number: String,
    /// The order-scoped token from the lookup.
    pub token: String,
}

/// One showing of an order. `id` tells showings apart, so an answer that arrives after the
/// shopper moved on (to another order, or to the same one again) is recognised and dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownOrder {
    /// Which showing this is; every event about an order carries it.
    pub id: u32,
    /// The order and its token.
    pub session: OrderSession,
    /// Whether focus moves to the heading: the shopper just asked for it (not on page load).
    pub focus: bool,
    /// The tracking as last fetched; `None` until the first answer of an order opened from
    /// the shopper's list.
    pub tracking: Option<OrderTracking>,
    /// The last fetch failed; the tracking shown (if any) may be out of date.
    pub refresh_failed: bool,
}

/// Where the tracker is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The lookup form; `notice` explains why the shopper is here again, when it is not the start.
    Lookup {
        /// Why the form is shown again (a refused link, an ended session).
        notice: Option<TrackerMsg>,
    },
    /// Something signed is being checked; the message says what.
    Opening(TrackerMsg),
    /// A signed-in shopper's orders.
    CustomerOrders {
        /// Whether focus moves to the heading: the shopper came back from an order.
        focus: bool,
    },
    /// An order (boxed: it is far larger than the other screens).
    Order(Box<ShownOrder>),
}

/// A package whose status changed while shown: "Update for package 2: Out for delivery".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackageUpdate {
    /// The package's position in the order, from 1.
    pub position: usize,
    /// Its new status.
    pub status: ShipmentStatus,
}

/// Everything the tracker knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackerState {
    /// What is on screen.
    pub screen: Screen,
    /// A signed-in shopper's orders, kept so an order can lead back to them.
    pub customer_orders: Option<Vec<CustomerOrder>>,
    /// The last change worth announcing; empty when there is none (yet).
    pub announcement: Vec<PackageUpdate>,
    /// The id the next shown order gets.
    next_id: u32,
}

impl Default for TrackerState {
    fn default() -> Self {
        Self {
            screen: Screen::Lookup { notice: None },
            customer_orders: None,
            announcement: Vec::new(),
            next_id: 1,
        }
    }
}

impl TrackerState {
    /// The order on screen, if that is what is on screen.
    pub fn shown(&self) -> Option<&ShownOrder> {
        match &self.screen {
            Screen::Order(shown) => Some(shown),
            _ => None,
        }
    }

    /// Shows an order afresh: a new id, nothing to announce yet.
    fn show(mut self, session: OrderSession, tracking: Option<OrderTracking>) -> Self {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        self.announcement.clear();
        self.screen = Screen::Order(Box::new(ShownOrder {
            id,
            session,
            focus: true,
            tracking,
            refresh_failed: false,
        }));
        self
    }

    /// Applies `change` to the order on screen when it is showing `id`; otherwise the event
    /// is stale and nothing changes.
    fn for_order(mut self, id: u32, change: impl FnOnce(&mut Self)) -> Self {
        if self.shown().is_some_and(|shown| shown.id == id) {
            change(&mut self);
        }
        self
    }
}

/// What the tracker fetching an order's tracking again came back with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// The latest tracking (boxed: far larger than the other answers).
    Latest(Box<OrderTracking>),
    /// The token no longer works.
    Unauthorized,
    /// Anything else: offline, a server error.
    Failed,
}

/// Something that happened to the tracker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Show the lookup form, with a sentence saying why when it is not the shopper's choice.
    ShowLookup {
        /// Why (a refused link or customer).
        notice: Option<TrackerMsg>,
    },
    /// Something signed is being checked.
    Opening(TrackerMsg),
    /// The store's signed customer was accepted: their orders.
    CustomerListed(Vec<CustomerOrder>),
    /// The shopper goes back from an order to their list.
    BackToList,
    /// An order was found (lookup form or signed link); `focus` when the shopper asked for it.
    Found {
        /// The order and its token.
        access: OrderAccess,
        /// Whether to move focus to it.
        focus: bool,
    },
    /// The shopper opened an order from their list; its tracking is fetched next.
    OpenListed(CustomerOrder),
    /// A fetch of the order shown as `id` came back.
    Refreshed {
        /// The showing the fetch was for.
        id: u32,
        /// What came back.
        result: Refresh,
    },
    /// The token of the order shown as `id` stopped working (seen by another request).
    SessionEnded {
        /// The showing whose token ended.
        id: u32,
    },
}

/// The tracker after `event`.
pub fn apply(state: TrackerState, event: Event) -> TrackerState {
    match event {
        Event::ShowLookup { notice } => TrackerState {
            screen: Screen::Lookup { notice },
            ..state
        },
        Event::Opening(message) => TrackerState {
            screen: Screen::Opening(message),
            ..state
        },
        Event::CustomerListed(orders) => TrackerState {
            screen: Screen::CustomerOrders { focus: false },
            customer_orders: Some(orders),
            ..state
        },
        Event::BackToList => TrackerState {
            screen: Screen::CustomerOrders { focus: true },
            ..state
        },
        Event::Found { access, focus } => {
            let session = OrderSession {
                order_number: access.tracking.order_number.clone(),
                token: access.token,
            };
            let mut state = state.show(session, Some(access.tracking));
            if let Screen::Order(shown) = &mut state.screen {
                shown.focus = focus;
            }
            state
        }
        Event::OpenListed(listed) => state.show(
            OrderSession {
                order_number: listed.order_number,
                token: listed.token,
            },
            None,
        ),
        Event::Refreshed { id, result } => state.for_order(id, |state| match result {
            Refresh::Latest(latest) => {
                let Screen::Order(shown) = &mut state.screen else {
                    return;
                };
                if let Some(previous) = &shown.tracking {
                    // Only a change a person would notice is announced, not every refetch.
                    let updates = changed_packages(previous, &latest);
                    if !updates.is_empty() {
                        state.announcement = updates;
                    }
                }
                shown.refresh_failed = false;
                shown.tracking = Some(*latest);
            }
            Refresh::Unauthorized => end_session(state),
            Refresh::Failed => {
                if let Screen::Order(shown) = &mut state.screen {
                    shown.refresh_failed = true;
                }
            }
        }),
        Event::SessionEnded { id } => state.for_order(id, end_session),
    }
}

fn end_session(state: &mut TrackerState) {
    state.screen = Screen::Lookup {
        notice: Some(TrackerMsg::SessionEnded),
    };
}

/// The packages of `latest` that are new or whose status differs from `previous`.
fn changed_packages(previous: &OrderTracking, latest: &OrderTracking) -> Vec<PackageUpdate> {
    latest
        .packages
        .iter()
        .enumerate()
        .filter(|(_, package)| {
            previous
                .packages
                .iter()
                .find(|old| old.id == package.id)
                .is_none_or(|old| old.status != package.status)
        })
        .map(|(index, package)| PackageUpdate {
            position: index + 1,
            status: package.status,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::tracking::{NotificationPreferences, Package};

    fn package(id: i64, status: ShipmentStatus) -> Package {
        Package {
            id,
            carrier: "UPS".into(),
            tracking_number: format!("1Z{id}"),
            carrier_url: None,
            status,
            status_reason: None,
            estimated_delivery: None,
            previous_estimated_delivery: None,
            last_event_at: None,
            stale: false,
            items: Vec::new(),
            events: Vec::new(),
        }
    }

    fn tracking(number: &str, packages: Vec<Package>) -> OrderTracking {
        OrderTracking {
            order_number: number.into(),
            placed_at: "2026-11-20T10:00:00Z".into(),
            pickup: None,
            unshipped_items: Vec::new(),
            packages,
            notifications: NotificationPreferences::default(),
        }
    }

    fn access(number: &str, packages: Vec<Package>) -> OrderAccess {
        OrderAccess {
            token: format!("token-{number}"),
            expires_at: "2026-11-21T10:00:00Z".into(),
            tracking: tracking(number, packages),
        }
    }

    fn listed(number: &str) -> CustomerOrder {
        CustomerOrder {
            order_number: number.into(),
            placed_at: "2026-11-20T10:00:00Z".into(),
            package_statuses: vec![ShipmentStatus::InTransit],
            token: format!("token-{number}"),
            expires_at: "2026-11-21T10:00:00Z".into(),
        }
    }

    /// The answer to a refresh of showing `id`: the order as it is now.
    fn refreshed(id: u32, tracking: OrderTracking) -> Event {
        Event::Refreshed {
            id,
            result: Refresh::Latest(Box::new(tracking)),
        }
    }

    fn run(events: impl IntoIterator<Item = Event>) -> TrackerState {
        events.into_iter().fold(TrackerState::default(), apply)
    }

    fn found(number: &str, packages: Vec<Package>) -> Event {
        Event::Found {
            access: access(number, packages),
            focus: true,
        }
    }

    fn shown_id(state: &TrackerState) -> u32 {
        state.shown().expect("an order on screen").id
    }

    /// A failed refresh for showing `id` leaves `state` exactly as it is.
    fn assert_refresh_of_ignored(state: &TrackerState, id: u32) {
        let after = apply(
            state.clone(),
            Event::Refreshed {
                id,
                result: Refresh::Failed,
            },
        );
        assert_eq!(&after, state);
    }

    #[test]
    fn starts_at_the_form_without_a_notice() {
        assert_eq!(
            TrackerState::default().screen,
            Screen::Lookup { notice: None }
        );
    }

    #[test]
    fn a_found_order_is_shown_with_its_session_and_tracking() {
        let state = run([found("SF-1", vec![package(1, ShipmentStatus::InTransit)])]);
        let shown = state.shown().unwrap();
        assert_eq!(shown.session.order_number, "SF-1");
        assert_eq!(shown.session.token, "token-SF-1");
        assert!(shown.focus);
        assert_eq!(shown.tracking.as_ref().unwrap().packages.len(), 1);
        assert!(!shown.refresh_failed);
    }

    #[test]
    fn a_signed_link_opens_without_moving_focus() {
        let state = run([
            Event::Opening(TrackerMsg::OpeningLink),
            Event::Found {
                access: access("SF-1", vec![]),
                focus: false,
            },
        ]);
        assert!(!state.shown().unwrap().focus);
    }

    #[test]
    fn a_status_change_is_announced_and_an_unchanged_refresh_keeps_the_last_announcement() {
        let state = run([found(
            "SF-1",
            vec![
                package(1, ShipmentStatus::Delivered),
                package(2, ShipmentStatus::InTransit),
            ],
        )]);
        let id = shown_id(&state);
        let latest = tracking(
            "SF-1",
            vec![
                package(1, ShipmentStatus::Delivered),
                package(2, ShipmentStatus::OutForDelivery),
            ],
        );
        let state = apply(state, refreshed(id, latest.clone()));
        let update = PackageUpdate {
            position: 2,
            status: ShipmentStatus::OutForDelivery,
        };
        assert_eq!(state.announcement, vec![update]);
        assert_eq!(state.shown().unwrap().tracking.as_ref(), Some(&latest));

        let state = apply(state, refreshed(id, latest));
        assert_eq!(state.announcement, vec![update], "nothing new: kept");
    }

    #[test]
    fn a_new_package_is_announced() {
        let state = run([found("SF-1", vec![package(1, ShipmentStatus::InTransit)])]);
        let id = shown_id(&state);
        let latest = tracking(
            "SF-1",
            vec![
                package(1, ShipmentStatus::InTransit),
                package(7, ShipmentStatus::InfoReceived),
            ],
        );
        let state = apply(state, refreshed(id, latest));
        assert_eq!(
            state.announcement,
            vec![PackageUpdate {
                position: 2,
                status: ShipmentStatus::InfoReceived
            }]
        );
    }

    #[test]
    fn the_first_answer_for_a_listed_order_is_not_announced() {
        let state = run([
            Event::CustomerListed(vec![listed("SF-1")]),
            Event::OpenListed(listed("SF-1")),
        ]);
        let shown = state.shown().unwrap();
        assert_eq!(shown.tracking, None, "loading");
        let id = shown.id;
        let state = apply(
            state,
            refreshed(
                id,
                tracking("SF-1", vec![package(1, ShipmentStatus::InTransit)]),
            ),
        );
        assert!(state.announcement.is_empty());
        assert!(state.shown().unwrap().tracking.is_some());
    }

    #[test]
    fn a_failed_refresh_is_flagged_and_cleared_by_the_next_answer() {
        let state = run([found("SF-1", vec![])]);
        let id = shown_id(&state);
        let state = apply(
            state,
            Event::Refreshed {
                id,
                result: Refresh::Failed,
            },
        );
        let shown = state.shown().unwrap();
        assert!(shown.refresh_failed);
        assert!(shown.tracking.is_some(), "the last tracking stays");
        let state = apply(state, refreshed(id, tracking("SF-1", vec![])));
        assert!(!state.shown().unwrap().refresh_failed);
    }

    #[test]
    fn an_ended_token_goes_back_to_the_form_saying_why() {
        for end in [
            |id| Event::Refreshed {
                id,
                result: Refresh::Unauthorized,
            },
            |id| Event::SessionEnded { id },
        ] {
            let state = run([found("SF-1", vec![])]);
            let id = shown_id(&state);
            let state = apply(state, end(id));
            assert_eq!(
                state.screen,
                Screen::Lookup {
                    notice: Some(TrackerMsg::SessionEnded)
                }
            );
        }
    }

    #[test]
    fn an_answer_for_an_order_no_longer_on_screen_is_dropped() {
        let state = run([found("SF-1", vec![package(1, ShipmentStatus::InTransit)])]);
        let first = shown_id(&state);
        let state = apply(state, found("SF-2", vec![]));
        let second = shown_id(&state);
        assert_ne!(first, second);

        for result in [
            Refresh::Latest(Box::new(tracking(
                "SF-1",
                vec![package(1, ShipmentStatus::Delivered)],
            ))),
            Refresh::Failed,
            Refresh::Unauthorized,
        ] {
            let after = apply(state.clone(), Event::Refreshed { id: first, result });
            assert_eq!(after, state, "stale answer changed the state");
        }
        assert_eq!(
            apply(state.clone(), Event::SessionEnded { id: first }),
            state
        );

        // Away from any order, an answer changes nothing either.
        let at_form = apply(state, Event::ShowLookup { notice: None });
        assert_refresh_of_ignored(&at_form, second);
    }

    #[test]
    fn the_same_order_shown_again_is_a_new_showing() {
        let state = run([
            Event::CustomerListed(vec![listed("SF-1")]),
            Event::OpenListed(listed("SF-1")),
        ]);
        let first = shown_id(&state);
        let state = apply(state, Event::BackToList);
        let state = apply(state, Event::OpenListed(listed("SF-1")));
        assert_ne!(shown_id(&state), first);
        assert_refresh_of_ignored(&state, first);
    }

    #[test]
    fn a_signed_in_shopper_keeps_their_list_and_comes_back_to_it_with_focus() {
        let state = run([
            Event::Opening(TrackerMsg::OpeningCustomer),
            Event::CustomerListed(vec![listed("SF-1"), listed("SF-2")]),
        ]);
        assert_eq!(state.screen, Screen::CustomerOrders { focus: false });
        let state = apply(state, Event::OpenListed(listed("SF-2")));
        assert_eq!(state.shown().unwrap().session.order_number, "SF-2");
        let state = apply(state, Event::BackToList);
        assert_eq!(state.screen, Screen::CustomerOrders { focus: true });
        assert_eq!(state.customer_orders.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn showing_another_order_clears_the_announcement() {
        let state = run([found("SF-1", vec![package(1, ShipmentStatus::InTransit)])]);
        let id = shown_id(&state);
        let state = apply(
            state,
            refreshed(
                id,
                tracking("SF-1", vec![package(1, ShipmentStatus::Delivered)]),
            ),
        );
        assert!(!state.announcement.is_empty());
        let state = apply(state, found("SF-2", vec![]));
        assert!(state.announcement.is_empty());
    }
}
