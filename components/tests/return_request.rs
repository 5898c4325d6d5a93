//! Component tests of the return request in headless Chromium, against the real API `cargo
//! xtask test` started (demo orders): the quantity stepper's names and limits, the finer
//! reason a reason brings, the error summary of an empty submission, and a whole return
//! from lookup to its QR code.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{
    all, attribute, is_focused, mount_with_api, query, select, text_of, type_into, wait_until,
};
use leptos::prelude::*;
use sf_components::ReturnRequest;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the component and looks up `order` with `email`; waits for its items.
async fn open_order(order: &str, email: &str) -> (HtmlElement, common::Mounted) {
    let (root, mounted) = mount_with_api(|| view! { <ReturnRequest /> });
    leptos::task::tick().await;
    type_into(&root, "#sf-return-order-number", order);
    type_into(&root, "#sf-return-email", email);
    query(&root, "button[type=submit]").unwrap().click();
    wait_until("the order's items", || {
        text_of(&root).contains(&format!("Choose what to return from order {order}"))
    })
    .await;
    (root, mounted)
}

/// The fieldset of the item whose legend mentions `name`.
fn item(root: &HtmlElement, name: &str) -> HtmlElement {
    all(root, "fieldset.sf-return__item")
        .into_iter()
        .find(|fieldset| {
            query(fieldset, "legend").is_some_and(|legend| text_of(&legend).contains(name))
        })
        .unwrap_or_else(|| panic!("no item {name}"))
}

/// Ticks "Return this item" in `fieldset` and waits for its choices.
async fn choose(fieldset: &HtmlElement) {
    query(fieldset, "input[type=checkbox]").unwrap().click();
    wait_until("the item's choices", || {
        query(fieldset, "input[type=number]").is_some()
    })
    .await;
}

/// The button of `root` whose text is `text`.
fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|button| text_of(button).trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"))
}

#[wasm_bindgen_test]
async fn the_quantity_stepper_is_named_after_the_item_and_stays_in_range() {
    let (root, _mounted) = open_order("SF-1013", "lena@example.com").await;
    let shirt = item(&root, "T-shirt");
    choose(&shirt).await;
    let input: HtmlInputElement = query(&shirt, "input[type=number]")
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "1");
    assert_eq!(input.min(), "1");
    assert_eq!(input.max(), "2", "two were ordered and none returned yet");
    assert!(input.id().starts_with("sf-return-item-") && input.id().ends_with("-quantity"));
    let label = query(&shirt, &format!("label[for='{}']", input.id())).unwrap();
    assert_eq!(text_of(&label), "How many?");

    let buttons = all(&shirt, ".sf-return__stepper button");
    assert_eq!(buttons.len(), 2);
    let (fewer, more) = (&buttons[0], &buttons[1]);
    // Native buttons: Enter and Space press them, and they keep focus.
    assert_eq!(attribute(fewer, "type"), "button");
    assert!(attribute(fewer, "aria-label").starts_with("Fewer "));
    assert!(attribute(fewer, "aria-label").contains("T-shirt"));
    assert!(attribute(more, "aria-label").starts_with("More "));
    assert_eq!(attribute(more, "aria-controls"), input.id());

    more.focus().unwrap();
    more.click();
    leptos::task::tick().await;
    assert_eq!(input.value(), "2");
    assert!(is_focused(more));
    let status = query(&shirt, ".sf-return__stepper [role=status]").unwrap();
    assert_eq!(text_of(&status), "2", "the new number is announced");
    more.click();
    leptos::task::tick().await;
    assert_eq!(input.value(), "2", "no more than can be returned");
    fewer.click();
    fewer.click();
    leptos::task::tick().await;
    assert_eq!(input.value(), "1", "no fewer than one");

    // A number typed out of range is refused beside the field.
    type_into(&shirt, "input[type=number]", "7");
    button(&root, "Continue").click();
    wait_until("an error summary", || {
        query(&root, ".sf-error-summary").is_some()
    })
    .await;
    let summary = query(&root, ".sf-error-summary").unwrap();
    let link = all(&summary, "a")
        .into_iter()
        .find(|link| attribute(link, "href") == format!("#{}", input.id()))
        .expect("a link to the quantity");
    assert_eq!(text_of(&link), "Enter a number from 1 to 2");
    assert_eq!(attribute(&input, "aria-invalid"), "true");
}

#[wasm_bindgen_test]
async fn a_reason_with_finer_reasons_shows_them_and_one_without_hides_them() {
    let (root, _mounted) = open_order("SF-1013", "lena@example.com").await;
    let shirt = item(&root, "T-shirt");
    choose(&shirt).await;
    let reason = query(&shirt, "select[id$='-reason']").unwrap();
    let label = query(&shirt, &format!("label[for='{}']", reason.id())).unwrap();
    assert_eq!(text_of(&label), "Why are you returning it?");
    assert!(query(&shirt, "input[type=radio][id$='-sub_reason']").is_none());

    // "It doesn't fit" (the first reason) asks whether it was too small or too large.
    select(&shirt, "select[id$='-reason']", "0");
    wait_until("the finer reasons", || {
        query(&shirt, "input[type=radio][id$='-sub_reason']").is_some()
    })
    .await;
    let group = query(&shirt, "input[id$='-sub_reason']")
        .unwrap()
        .closest("fieldset")
        .unwrap()
        .unwrap();
    let group: HtmlElement = group.unchecked_into();
    assert_eq!(
        text_of(&query(&group, "legend").unwrap()),
        "What was wrong?"
    );
    let labels: Vec<_> = all(&group, "label").iter().map(text_of).collect();
    assert_eq!(labels, ["Too small", "Too large"]);

    // "I changed my mind" has none.
    select(&shirt, "select[id$='-reason']", "4");
    wait_until("no finer reasons", || {
        query(&shirt, "input[id$='-sub_reason']").is_none()
    })
    .await;
    // "It arrived damaged" needs a photo instead.
    select(&shirt, "select[id$='-reason']", "1");
    wait_until("the photo picker", || {
        query(&shirt, "input[type=file][id$='-photo']").is_some()
    })
    .await;
    // The exchange is offered: a size is in stock.
    assert!(text_of(&shirt).contains("An exchange for another variant"));
}

#[wasm_bindgen_test]
async fn continuing_with_nothing_chosen_shows_the_focused_summary_linking_to_the_items() {
    let (root, _mounted) = open_order("SF-1013", "lena@example.com").await;
    let socks = item(&root, "socks");
    assert!(text_of(&socks).contains("Final sale"));
    assert!(query(&socks, "input").is_none(), "nothing to choose");

    button(&root, "Continue").click();
    wait_until("an error summary", || {
        query(&root, ".sf-error-summary").is_some()
    })
    .await;
    let summary = query(&root, ".sf-error-summary").unwrap();
    assert_eq!(attribute(&summary, "role"), "alert");
    wait_until("focus on the summary", || is_focused(&summary)).await;
    let link = query(&summary, "a").unwrap();
    assert_eq!(text_of(&link), "Choose at least one item to return");
    assert_eq!(attribute(&link, "href"), "#sf-return-items");
    let checkbox = query(&root, "#sf-return-items").expect("the first item's checkbox");
    assert_eq!(attribute(&checkbox, "type"), "checkbox");
    link.click();
    assert!(
        is_focused(&checkbox),
        "the link moves focus to the checkbox"
    );
}

#[wasm_bindgen_test]
async fn a_whole_return_ends_with_its_number_and_qr_code_and_is_listed() {
    let (root, _mounted) = open_order("SF-1001", "ada@example.com").await;
    let mug = item(&root, "mug");
    choose(&mug).await;
    select(&mug, "select[id$='-reason']", "4");
    query(&mug, "input[type=radio][id$='-outcome']")
        .unwrap()
        .click();
    button(&root, "Continue").click();
    wait_until("the method step", || {
        text_of(&root).contains("How will you send the items back?")
    })
    .await;
    let heading = query(&root, "#sf-return-method-heading").unwrap();
    wait_until("focus on the step's heading", || is_focused(&heading)).await;
    query(&root, "#sf-return-method-1").unwrap().click();
    button(&root, "Continue").click();
    wait_until("the summary", || {
        text_of(&root).contains("Check your return")
    })
    .await;
    assert!(text_of(&root).contains("Refund to your original payment"));

    button(&root, "Submit return request").click();
    wait_until("the confirmation", || {
        query(&root, ".sf-return__qr[role=img]").is_some()
    })
    .await;
    let rma_text = text_of(&query(&root, ".sf-return__rma").unwrap());
    let rma = rma_text
        .trim_start_matches("Your return number is ")
        .trim_end_matches('.');
    assert!(rma.starts_with("R-"), "{rma_text}");
    let qr = query(&root, ".sf-return__qr").unwrap();
    assert_eq!(
        attribute(&qr, "aria-label"),
        format!("QR code for return {rma}")
    );
    assert!(query(&qr, "svg").is_some());
    let listed = query(&root, ".sf-return__returns").expect("the order's returns");
    assert!(text_of(&listed).contains(&format!("Return {rma}")));
    let current = query(&listed, "[aria-current=step] .sf-steps__label").unwrap();
    assert_eq!(text_of(&current), "Requested");
}
