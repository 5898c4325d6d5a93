//! Component tests of the shipment tracker in headless Chromium: every status rendered from
//! fixed data, and lookups against the real API `cargo xtask test` started (demo data).

#![cfg(target_arch = "wasm32")]

mod common;

use common::{container, customer_secret, mount_with_api, query, text_of, wait_until, Mounted};
use leptos::prelude::*;
use sf_api::tracking::{
    NotificationPreferences, OrderItem, OrderTracking, Package, ShipmentStatus, StatusReason,
    StorePickup, TrackingEvent,
};
use sf_components::events::{ChatRequest, PageEvent};
use sf_components::shipment_tracker::OrderTrackingView;
use sf_components::{Locale, ShipmentTracker, SupportRoot};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn package(status: ShipmentStatus) -> Package {
    Package {
        id: 7,
        carrier: "UPS".into(),
        tracking_number: "1Z999AA10123456784".into(),
        carrier_url: Some("https://www.ups.com/track?tracknum=1Z999AA10123456784".into()),
        status,
        status_reason: None,
        estimated_delivery: Some("2026-11-25T12:00:00Z".into()),
        previous_estimated_delivery: None,
        last_event_at: Some("2026-11-22T09:30:00Z".into()),
        stale: false,
        items: vec![OrderItem {
            name: "Speckled mug".into(),
            quantity: 2,
        }],
        events: vec![
            TrackingEvent {
                id: 2,
                occurred_at: "2026-11-22T09:30:00Z".into(),
                status,
                description: "Latest scan <b>not bold</b>".into(),
                location: Some("Springfield hub".into()),
            },
            TrackingEvent {
                id: 1,
                occurred_at: "2026-11-21T08:00:00Z".into(),
                status: ShipmentStatus::InfoReceived,
                description: "Shipping label created".into(),
                location: None,
            },
        ],
    }
}

fn order(packages: Vec<Package>, pickup: Option<StorePickup>) -> OrderTracking {
    OrderTracking {
        order_number: "SF-2001".into(),
        placed_at: "2026-11-20T10:00:00Z".into(),
        pickup,
        unshipped_items: Vec::new(),
        packages,
        notifications: NotificationPreferences::default(),
    }
}

fn render(tracking: OrderTracking, locale: Locale) -> (HtmlElement, Mounted) {
    let root = container();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SupportRoot api_base="http://127.0.0.1:9" locale=locale>
                <OrderTrackingView tracking=tracking />
            </SupportRoot>
        }
    });
    (root, Mounted(Box::new(mounted)))
}

fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|index| list.item(index).unwrap().unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn every_status_has_its_words_its_current_step_and_advice_when_needed() {
    let expected = [
        (
            ShipmentStatus::Pending,
            "Order received, not shipped yet",
            "Ordered",
        ),
        (ShipmentStatus::InfoReceived, "Label created", "Shipped"),
        (ShipmentStatus::InTransit, "In transit", "In transit"),
        (
            ShipmentStatus::OutForDelivery,
            "Out for delivery today",
            "Out for delivery",
        ),
        (
            ShipmentStatus::AttemptFailed,
            "Delivery attempt failed",
            "Out for delivery",
        ),
        (ShipmentStatus::Delivered, "Delivered", "Delivered"),
        (
            ShipmentStatus::Exception,
            "There is a problem with this delivery",
            "In transit",
        ),
        (
            ShipmentStatus::Expired,
            "Tracking is no longer updated",
            "In transit",
        ),
        (
            ShipmentStatus::AvailableForPickup,
            "Ready for pickup",
            "Ready for pickup",
        ),
    ];
    assert_eq!(
        expected.len(),
        ShipmentStatus::ALL.len(),
        "every status is covered"
    );
    for (status, words, step) in expected {
        let (root, _mounted) = render(order(vec![package(status)], None), Locale::En);
        leptos::task::tick().await;
        let shown = query(&root, ".sf-package__status").expect("a status line");
        assert!(
            text_of(&shown).starts_with(words),
            "{status:?}: {}",
            text_of(&shown)
        );

        let steps = query(&root, "ol.sf-steps").expect("the steps are an ordered list");
        let current = all(&steps, "[aria-current=step]");
        assert_eq!(current.len(), 1, "{status:?}: exactly one current step");
        assert!(
            text_of(&current[0]).starts_with(step),
            "{status:?}: {}",
            text_of(&current[0])
        );

        let advice = query(&root, ".sf-tracker__advice");
        assert_eq!(
            advice.is_some(),
            status.needs_attention(),
            "{status:?}: advice"
        );
        if let Some(advice) = advice {
            let button = query(&advice, "button").unwrap();
            assert_eq!(text_of(&button), "Chat with us about this order");
        }
        // Delivered packages have no estimate; the rest show it.
        assert_eq!(
            text_of(&root).contains("Estimated delivery"),
            !status.is_final(),
            "{status:?}: estimate"
        );
    }
}

#[wasm_bindgen_test]
async fn a_package_shows_carrier_link_items_and_events_newest_first_as_text() {
    let (root, _mounted) = render(
        order(vec![package(ShipmentStatus::InTransit)], None),
        Locale::En,
    );
    leptos::task::tick().await;
    let link = query(&root, "a[target=_blank]").expect("a link to the carrier");
    assert!(text_of(&link).contains("Track on the UPS website"));
    assert!(text_of(&link).contains("(opens in a new tab)"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(text_of(&root).contains("2 × Speckled mug"));

    let events = all(&root, ".sf-timeline__event");
    assert_eq!(events.len(), 2);
    assert!(text_of(&events[0]).contains("Latest scan"), "newest first");
    // Carrier text is text: markup in it is shown, never parsed.
    assert!(text_of(&events[0]).contains("<b>not bold</b>"));
    assert!(query(&events[0], "b").is_none());
    let time = query(&events[0], "time").unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-11-22T09:30:00Z")
    );
    assert!(
        text_of(&time).contains("2026"),
        "formatted by Intl: {}",
        text_of(&time)
    );
    // Steps before the current one are marked done for screen readers too.
    let done = all(&root, ".sf-steps__step[data-state=done]");
    assert_eq!(done.len(), 2);
    assert!(text_of(&done[0]).contains("(done)"));
}

#[wasm_bindgen_test]
async fn a_changed_estimate_says_what_it_was_and_stale_tracking_offers_the_chat() {
    let mut moved = package(ShipmentStatus::InTransit);
    moved.previous_estimated_delivery = Some("2026-11-24T12:00:00Z".into());
    moved.stale = true;
    let (root, _mounted) = render(order(vec![moved], None), Locale::En);
    leptos::task::tick().await;
    let was = query(&root, ".sf-tracker__was").expect("the old estimate");
    assert!(text_of(&was).contains("changed, was"), "{}", text_of(&was));
    let advice = query(&root, ".sf-tracker__advice").expect("stale tracking is explained");
    assert!(text_of(&advice).contains("more than 3 days"));

    let requested = std::rc::Rc::new(std::cell::RefCell::new(None::<ChatRequest>));
    let listener = {
        let requested = requested.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            *requested.borrow_mut() = ChatRequest::from_event(&event);
        })
    };
    document()
        .add_event_listener_with_callback(ChatRequest::NAME, listener.as_ref().unchecked_ref())
        .unwrap();
    query(&advice, "button").unwrap().click();
    document()
        .remove_event_listener_with_callback(ChatRequest::NAME, listener.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(
        requested.borrow().as_ref(),
        Some(&ChatRequest::about_order("SF-2001")),
        "the event bubbles to the document"
    );
}

#[wasm_bindgen_test]
async fn exceptions_explain_their_reason() {
    let mut held = package(ShipmentStatus::Exception);
    held.status_reason = Some(StatusReason::Customs);
    let (root, _mounted) = render(order(vec![held], None), Locale::En);
    leptos::task::tick().await;
    let advice = query(&root, ".sf-tracker__advice").unwrap();
    assert!(text_of(&advice).contains("held at customs"));
    let step = query(&root, "[aria-current=step]").unwrap();
    assert_eq!(step.get_attribute("data-state").as_deref(), Some("problem"));
}

#[wasm_bindgen_test]
async fn a_store_pickup_shows_the_store_hours_code_and_three_steps() {
    let pickup = StorePickup {
        store_name: "Demo Store Riverside".into(),
        address: "1 River Walk".into(),
        opening_hours: "Mon–Sat 9:00–20:00".into(),
        pickup_code: "K7Q2".into(),
    };
    let mut ready = package(ShipmentStatus::AvailableForPickup);
    ready.carrier = "Store pickup".into();
    ready.carrier_url = None;
    let (root, _mounted) = render(order(vec![ready], Some(pickup)), Locale::En);
    leptos::task::tick().await;
    let panel = query(&root, ".sf-tracker__pickup").unwrap();
    assert!(text_of(&panel).contains("Ready for pickup at Demo Store Riverside"));
    assert!(text_of(&panel).contains("Mon–Sat 9:00–20:00"));
    assert!(text_of(&panel).contains("K7Q2"));
    assert_eq!(all(&root, ".sf-steps__step").len(), 3);
    assert!(
        query(&root, "a[target=_blank]").is_none(),
        "no carrier link without one"
    );
}

#[wasm_bindgen_test]
async fn statuses_and_dates_follow_the_language() {
    let (root, _mounted) = render(
        order(vec![package(ShipmentStatus::OutForDelivery)], None),
        Locale::Ar,
    );
    leptos::task::tick().await;
    let status = query(&root, ".sf-package__status").unwrap();
    assert_eq!(text_of(&status), "خرج للتوصيل اليوم");
    let time = query(&root, ".sf-timeline__event time").unwrap();
    // Arabic Intl output is not the English one.
    assert!(!text_of(&time).contains("Nov"), "{}", text_of(&time));
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = query(root, selector).unwrap().unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn mount_tracker() -> (HtmlElement, Mounted) {
    mount_with_api(|| view! { <ShipmentTracker /> })
}

#[wasm_bindgen_test]
async fn looking_up_a_demo_order_shows_its_packages_from_the_real_api() {
    let (root, _mounted) = mount_tracker();
    leptos::task::tick().await;
    type_into(&root, "#sf-tracker-order-number", "sf-1004");
    type_into(&root, "#sf-tracker-email", "Dev@Example.com");
    query(&root, "button[type=submit]").unwrap().click();
    wait_until("the order", || text_of(&root).contains("Order SF-1004")).await;
    assert_eq!(all(&root, ".sf-package").len(), 2);
    assert!(text_of(&root).contains("Package 2 of 2"));
    assert!(
        query(&root, "[role=status][aria-live=polite]").is_some(),
        "a live region for updates"
    );
    let heading = query(&root, ".sf-tracker__heading").unwrap();
    wait_until("focus on the order's heading", || {
        document()
            .active_element()
            .is_some_and(|active| active == *heading)
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_shown_order_changes_language_in_place() {
    let language = RwSignal::new(None);
    let (root, _mounted) = mount_with_api(move || {
        language.set(Some(sf_components::use_i18n()));
        view! { <ShipmentTracker /> }
    });
    leptos::task::tick().await;
    type_into(&root, "#sf-tracker-order-number", "SF-1004");
    type_into(&root, "#sf-tracker-email", "dev@example.com");
    query(&root, "button[type=submit]").unwrap().click();
    wait_until("the order", || text_of(&root).contains("Package 2 of 2")).await;
    let first_card = query(&root, ".sf-package").unwrap();

    language.get_untracked().unwrap().locale.set(Locale::Es);
    wait_until("the order in Spanish", || {
        text_of(&root).contains("Pedido SF-1004") && text_of(&root).contains("Paquete 2 de 2")
    })
    .await;
    assert!(!text_of(&root).contains("Package 1 of 2"));
    assert_eq!(
        query(&root, ".sf-package").unwrap(),
        first_card,
        "the package's element is kept, so focus inside it is too"
    );
}

#[wasm_bindgen_test]
async fn a_wrong_pair_and_bad_input_are_explained_without_saying_which_field_is_wrong() {
    let (root, _mounted) = mount_tracker();
    leptos::task::tick().await;
    query(&root, "button[type=submit]").unwrap().click();
    leptos::task::tick().await;
    let summary = query(&root, ".sf-error-summary").expect("an error summary");
    assert!(text_of(&summary).contains("Enter your order number"));
    assert!(text_of(&summary).contains("Enter your email address"));

    type_into(&root, "#sf-tracker-order-number", "SF-1004");
    type_into(&root, "#sf-tracker-email", "someone-else@example.com");
    query(&root, "button[type=submit]").unwrap().click();
    wait_until("the not-found message", || {
        text_of(&root).contains("We couldn't find an order with those details")
    })
    .await;
    let input = query(&root, "#sf-tracker-order-number").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

/// What a store puts in the element for its signed-in customer, signed as the README says.
fn signed_customer(customer_id: &str, secret: &str) -> (String, String) {
    use hmac::{Hmac, Mac};
    let expires = (js_sys::Date::now() / 1000.0) as i64 + 600;
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{customer_id}\n{expires}").as_bytes());
    (
        expires.to_string(),
        hex::encode(mac.finalize().into_bytes()),
    )
}

fn mount_signed_in_tracker(customer_id: &str, secret: &str) -> (HtmlElement, Mounted) {
    let customer = customer_id.to_owned();
    let (expires, signature) = signed_customer(customer_id, secret);
    mount_with_api(move || {
        view! { <ShipmentTracker customer=customer expires=expires signature=signature /> }
    })
}

fn is_focused(element: &HtmlElement) -> bool {
    document()
        .active_element()
        .is_some_and(|active| active == **element)
}

#[wasm_bindgen_test]
async fn a_signed_in_customer_sees_their_orders_opens_one_and_comes_back() {
    let (root, _mounted) = mount_signed_in_tracker("demo-dev", customer_secret());
    wait_until("the customer's orders", || {
        text_of(&root).contains("Your orders")
    })
    .await;
    let choices = all(&root, ".sf-order-list__open");
    let labels: Vec<String> = choices.iter().map(text_of).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(
        labels[0].starts_with("Order SF-1004"),
        "newest first: {labels:?}"
    );
    assert!(labels[0].contains("Delivered, In transit"), "{labels:?}");
    assert!(labels[1].starts_with("Order SF-1012"), "{labels:?}");
    assert!(
        query(&root, ".sf-tracker__lookup").is_none(),
        "no form to fill in"
    );

    choices[1].click();
    wait_until("the chosen order", || {
        text_of(&root).contains("Delivered, signed by D. Patel")
    })
    .await;
    let heading = query(&root, ".sf-tracker__heading").unwrap();
    assert_eq!(text_of(&heading), "Order SF-1012");
    wait_until("focus on the order's heading", || is_focused(&heading)).await;

    let back = all(&root, "button")
        .into_iter()
        .find(|button| text_of(button) == "All your orders")
        .expect("a way back to the list");
    back.click();
    wait_until("the list again", || text_of(&root).contains("Your orders")).await;
    let heading = query(&root, ".sf-tracker__heading").unwrap();
    wait_until("focus on the list's heading", || is_focused(&heading)).await;
}

#[wasm_bindgen_test]
async fn a_customer_signature_that_does_not_verify_falls_back_to_the_form() {
    let (root, _mounted) = mount_signed_in_tracker("demo-dev", "not-the-store-secret");
    wait_until("the explanation", || {
        text_of(&root).contains("We couldn't confirm your account just now")
    })
    .await;
    assert!(query(&root, "#sf-tracker-order-number").is_some());
    assert!(!text_of(&root).contains("SF-1004"));
}
