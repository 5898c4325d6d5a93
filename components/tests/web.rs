//! Component tests in headless Chromium (wasm-bindgen-test). `cargo xtask test` runs them
//! against a real support API whose address arrives at compile time in `SF_TEST_API_BASE`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{api_base, container, mount_with_api, query, text_of, wait_until};
use leptos::prelude::*;
use sf_components::{ErrorSummary, FieldError, Locale, ServiceStatus, SupportRoot, TextField};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn service_status_reports_online_from_the_real_api() {
    let (root, _mounted) = mount_with_api(|| view! { <ServiceStatus /> });
    // A polite live region from the first render, so the change is announced.
    let live = query(&root, "[role=status]").expect("a status live region");
    wait_until("the online status", || {
        text_of(&live).contains("Support is online")
    })
    .await;
    let indicator = query(&root, ".sf-service-status__indicator").unwrap();
    assert_eq!(
        indicator.get_attribute("data-state").as_deref(),
        Some("online")
    );
    assert_eq!(
        indicator.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    assert!(
        query(&root, "button").is_none(),
        "no retry button when all is well"
    );
}

#[wasm_bindgen_test]
async fn service_status_explains_an_unreachable_service_and_offers_a_retry() {
    let root = container();
    // Port 9 (discard) is closed on the test machine: the request fails at the network level.
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! {
            <SupportRoot api_base="http://127.0.0.1:9" locale=Locale::En>
                <ServiceStatus />
            </SupportRoot>
        }
    });
    wait_until("the unreachable status", || {
        text_of(&root).contains("Support cannot be reached right now")
    })
    .await;
    let retry = query(&root, "button").expect("a retry button");
    assert_eq!(text_of(&retry), "Check again");
    assert_eq!(retry.get_attribute("type").as_deref(), Some("button"));

    // Checking again says so, keeps focus on the status line, then says the answer.
    retry.focus().unwrap();
    retry.click();
    leptos::task::tick().await;
    let line = query(&root, "[role=status]").unwrap();
    assert!(text_of(&line).contains("Checking"), "{}", text_of(&line));
    assert_eq!(document().active_element().as_ref(), Some(line.as_ref()));
    wait_until("the unreachable status again", || {
        text_of(&root).contains("Support cannot be reached right now")
    })
    .await;
}

#[wasm_bindgen_test]
async fn service_status_follows_a_changed_api_base_both_ways() {
    let root = container();
    let base = RwSignal::new(api_base());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SupportRoot api_base=base locale=Locale::En>
                <ServiceStatus />
            </SupportRoot>
        }
    });
    wait_until("the online status", || {
        text_of(&root).contains("Support is online")
    })
    .await;
    base.set("http://127.0.0.1:9".into());
    wait_until("the unreachable status after the change", || {
        text_of(&root).contains("Support cannot be reached right now")
    })
    .await;
    base.set(api_base());
    wait_until("online again", || {
        text_of(&root).contains("Support is online")
    })
    .await;
}

#[wasm_bindgen_test]
async fn support_root_speaks_the_chosen_language_and_direction() {
    let root = container();
    let locale = RwSignal::new(Locale::Ar);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SupportRoot api_base="http://127.0.0.1:9" locale=locale theme="dark">
                <ServiceStatus />
            </SupportRoot>
        }
    });
    let wrapper = query(&root, ".sf-root").unwrap();
    assert_eq!(wrapper.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(wrapper.get_attribute("lang").as_deref(), Some("ar"));
    assert!(wrapper.class_name().contains("sf-theme-dark"));
    wait_until("Arabic text", || text_of(&root).contains("الدعم")).await;

    locale.set(Locale::Es);
    leptos::task::tick().await;
    assert_eq!(wrapper.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(wrapper.get_attribute("lang").as_deref(), Some("es"));
    wait_until("Spanish text", || text_of(&root).contains("atención")).await;
}

#[wasm_bindgen_test]
async fn error_summary_is_absent_without_errors_then_lists_links_and_takes_focus() {
    let root = container();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let value = RwSignal::new(String::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ErrorSummary errors=errors />
            <TextField id="shopper-email" label="Email address" value=value error=Signal::derive(|| None::<String>) />
        }
    });
    assert!(query(&root, ".sf-error-summary").is_none());

    errors.set(vec![
        FieldError {
            field_id: "shopper-email".into(),
            message: "Enter your email address".into(),
        },
        FieldError {
            field_id: String::new(),
            message: "Too many attempts".into(),
        },
    ]);
    leptos::task::tick().await;
    let summary = query(&root, ".sf-error-summary").expect("the summary appears");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert!(text_of(&summary).contains("There is a problem"));
    let link = query(&summary, "a").expect("a link to the field");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#shopper-email")
    );
    assert_eq!(
        query(&summary, "li:nth-child(2) a"),
        None,
        "a form-wide problem has no link"
    );
    wait_until("focus on the summary", || {
        document()
            .active_element()
            .map(|active| active == *summary)
            .unwrap_or(false)
    })
    .await;

    link.click();
    leptos::task::tick().await;
    let input = query(&root, "#shopper-email").unwrap();
    assert_eq!(
        document().active_element().as_ref(),
        Some(&*input),
        "the link focuses the input"
    );
}

#[wasm_bindgen_test]
async fn text_field_ties_its_error_to_the_input_and_binds_its_value() {
    let root = container();
    let value = RwSignal::new(String::from("ada@"));
    let error = RwSignal::new(Some(String::from(
        "Enter an email address in the correct format",
    )));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TextField id="desk-email" label="Email address" value=value error=error input_type="email" autocomplete="username" />
        }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = query(&root, "input").unwrap().unchecked_into();
    let label = query(&root, "label").unwrap();
    assert_eq!(label.get_attribute("for").as_deref(), Some("desk-email"));
    assert_eq!(input.type_(), "email");
    assert_eq!(input.value(), "ada@");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = input
        .get_attribute("aria-describedby")
        .expect("described by its error");
    let message = document()
        .get_element_by_id(&described_by)
        .expect("the error element");
    assert!(message
        .text_content()
        .unwrap()
        .starts_with("Error: Enter an email address"));

    input.set_value("ada@example.com");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(value.get_untracked(), "ada@example.com");

    error.set(None);
    leptos::task::tick().await;
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);
    assert!(query(&root, ".sf-field__error").is_none());
}

/// A component's requests go with it: what is in flight when its owner is cleaned up is
/// aborted (and answers as a network failure), while the same request from a live owner is
/// answered by the real API.
#[wasm_bindgen_test]
async fn requests_in_flight_are_aborted_when_their_component_goes() {
    let in_owner = || {
        let owner = Owner::new();
        let request = owner.with(|| {
            sf_components::client::provide_api_client(api_base());
            sf_components::use_api_client().health()
        });
        (owner, request)
    };
    let (_kept_owner, kept) = in_owner();
    let (gone_owner, gone) = in_owner();
    // Before either answer can arrive: nothing has been awaited yet.
    gone_owner.cleanup();
    assert!(
        kept.await.is_ok(),
        "the live owner's request reaches the real API"
    );
    assert_eq!(gone.await, Err(sf_components::ClientError::Network));
}
