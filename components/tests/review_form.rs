//! Component tests of the review form and its star rating in headless Chromium, against the
//! real API `cargo xtask test` started (demo products: the mug `MUG-01`, bought in SF-1013;
//! the lamp `LAMP-03`, whose reviews rate quality too).
//!
//! The rating's keyboard (arrows move focus and the checked star, wrapping, following the
//! visual direction in right-to-left text; one group of real radios; each star named), the
//! start (the heading and a "Write a review" button) whose form comes once the button is
//! pressed, focus going on to the first star, or at once for a review-request link, focus
//! left alone; the focused error summary of an empty submission above the heading, the rating's own
//! error, a refused proof of purchase said beside its field, a photo the server refuses, and
//! a whole review from the first star to the honest confirmation and the page event. The lamp's reviews are written
//! unverified, so the demo order SF-1013 stays free for the end-to-end review-request test.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{
    all, api_base, attribute, is_focused, mount_with_api, press, query, text_of, type_into,
    wait_until,
};
use leptos::prelude::*;
use sf_api::reviews::ReviewQuery;
use sf_components::events::{PageEvent, ReviewSubmitted};
use sf_components::rating_input::RatingInput;
use sf_components::{ApiClient, ReviewForm};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the form of `sku`, opens it with its button and waits for the form.
async fn mount_form(sku: &'static str) -> (HtmlElement, common::Mounted) {
    let (root, mounted) = mount_with_api(move || view! { <ReviewForm product=sku /> });
    wait_until("the start button", || {
        query(&root, ".sf-review-form__start").is_some()
    })
    .await;
    query(&root, ".sf-review-form__start").unwrap().click();
    wait_until("the form", || query(&root, "#sf-review-title").is_some()).await;
    (root, mounted)
}

/// The radio of `stars` in the overall rating.
fn star(root: &HtmlElement, stars: u8) -> HtmlInputElement {
    query(root, &format!("#sf-review-rating-{stars}"))
        .unwrap_or_else(|| panic!("no star {stars}"))
        .unchecked_into()
}

/// Which star of the overall rating is checked, if any.
fn checked(root: &HtmlElement) -> Option<u8> {
    (1..=5).find(|stars| star(root, *stars).checked())
}

/// Which star of the overall rating has the focus, if any (none while the stars are not
/// drawn yet).
fn focused(root: &HtmlElement) -> Option<u8> {
    (1..=5).find(|stars| {
        query(root, &format!("#sf-review-rating-{stars}")).is_some_and(|star| is_focused(&star))
    })
}

/// Presses `key` on the focused star and waits for the view to follow.
async fn press_on_focused(root: &HtmlElement, key: &str) {
    let on = focused(root).expect("a star has the focus");
    press(&star(root, on), key);
    leptos::task::tick().await;
}

/// Chooses `stars` with a click.
async fn choose(root: &HtmlElement, stars: u8) {
    star(root, stars).click();
    leptos::task::tick().await;
}

/// How many stars are drawn filled.
fn filled(root: &HtmlElement) -> usize {
    all(root, "#sf-review-rating .sf-rating__star--on").len()
}

/// The submit button.
fn submit(root: &HtmlElement) -> HtmlElement {
    query(root, "button[type=submit]").expect("a submit button")
}

#[wasm_bindgen_test]
async fn the_form_opens_from_its_button_with_focus_on_the_first_star() {
    let (root, _mounted) = mount_with_api(move || view! { <ReviewForm product="MUG-01" /> });
    wait_until("the start button", || {
        query(&root, ".sf-review-form__start").is_some()
    })
    .await;
    let heading = query(&root, "#sf-review-form-heading").expect("the heading");
    assert_eq!(heading.tag_name(), "H2");
    assert_eq!(text_of(&heading), "Write a review");
    let section = query(&root, "section.sf-review-form").unwrap();
    assert_eq!(
        attribute(&section, "aria-labelledby"),
        "sf-review-form-heading"
    );
    let start = query(&root, ".sf-review-form__start").unwrap();
    assert_eq!(attribute(&start, "type"), "button");
    assert_eq!(text_of(&start), "Write a review");
    // Nothing of the form before the shopper asks for it.
    assert!(query(&root, "#sf-review-rating-1").is_none());
    assert!(query(&root, "#sf-review-title").is_none());

    start.click();
    wait_until("focus on the first star", || focused(&root) == Some(1)).await;
    assert_eq!(checked(&root), None);
    assert!(query(&root, ".sf-review-form__start").is_none());
    assert!(query(&root, "#sf-review-title").is_some());
    // The same heading, now naming the product.
    assert!(heading.is_connected());
    assert_eq!(text_of(&heading), "Write a review of Stoneware mug");
}

#[wasm_bindgen_test]
async fn a_review_link_opens_the_form_at_once_leaving_focus_alone() {
    let (root, _mounted) = mount_with_api(move || {
        view! { <ReviewForm product="MUG-01" request="999999" token="not-a-real-token" /> }
    });
    // No button: the shopper came to write. This link is refused, so the form of the
    // product opens, saying why it cannot show the badge.
    wait_until("the form", || query(&root, "#sf-review-title").is_some()).await;
    assert!(query(&root, ".sf-review-form__start").is_none());
    assert!(text_of(&root).contains("This review link has expired or isn't valid."));
    assert!(query(&root, "#sf-review-order-number").is_some());
    leptos::task::tick().await;
    assert_eq!(focused(&root), None, "focus is left alone");
}

#[wasm_bindgen_test]
async fn the_stars_are_one_named_group_of_radios_moved_by_the_arrow_keys() {
    let (root, _mounted) = mount_form("MUG-01").await;
    let group = query(&root, "fieldset#sf-review-rating").expect("the rating's fieldset");
    assert_eq!(attribute(&group, "role"), "radiogroup");
    assert_eq!(attribute(&group, "aria-required"), "true");
    assert_eq!(text_of(&query(&group, "legend").unwrap()), "Your rating");
    let radios = all(&group, "input");
    assert_eq!(radios.len(), 5);
    for (at, radio) in radios.iter().enumerate() {
        // Real radios sharing one name: the browser makes them one tab stop.
        assert_eq!(attribute(radio, "type"), "radio");
        assert_eq!(attribute(radio, "name"), "sf-review-rating");
        assert!(radio.get_attribute("tabindex").is_none());
        let label = query(&group, &format!("label[for='{}']", radio.id())).unwrap();
        let name = if at == 0 {
            "1 star".to_owned()
        } else {
            format!("{} stars", at + 1)
        };
        assert_eq!(text_of(&label).trim(), name, "each star is named");
        let svg = query(&label, "svg").expect("drawn with inline SVG");
        assert_eq!(attribute(&svg, "aria-hidden"), "true");
    }
    assert_eq!(checked(&root), None);
    assert_eq!(
        text_of(&query(&group, ".sf-rating__value").unwrap()),
        "Not rated yet"
    );
    assert_eq!(group.get_attribute("aria-describedby"), None);

    star(&root, 1).focus().unwrap();
    press_on_focused(&root, "ArrowRight").await;
    assert_eq!((checked(&root), focused(&root)), (Some(2), Some(2)));
    assert_eq!(filled(&root), 2);
    assert_eq!(
        text_of(&query(&group, ".sf-rating__value").unwrap()),
        "2 stars"
    );
    for _ in 0..3 {
        press_on_focused(&root, "ArrowDown").await;
    }
    assert_eq!((checked(&root), focused(&root)), (Some(5), Some(5)));
    press_on_focused(&root, "ArrowRight").await;
    assert_eq!(checked(&root), Some(1), "from the last star to the first");
    press_on_focused(&root, "ArrowLeft").await;
    assert_eq!(checked(&root), Some(5), "from the first star to the last");
    press_on_focused(&root, "ArrowUp").await;
    assert_eq!((checked(&root), focused(&root)), (Some(4), Some(4)));
    assert_eq!(filled(&root), 4);
    // Other keys are the browser's.
    press_on_focused(&root, "Home").await;
    assert_eq!(checked(&root), Some(4));

    // In right-to-left text the first star is drawn rightmost: left goes up the scale.
    query(&root, ".sf-root")
        .expect("the support root")
        .set_attribute("dir", "rtl")
        .unwrap();
    press_on_focused(&root, "ArrowLeft").await;
    assert_eq!((checked(&root), focused(&root)), (Some(5), Some(5)));
    press_on_focused(&root, "ArrowRight").await;
    assert_eq!(checked(&root), Some(4));

    // A click checks its star too.
    star(&root, 3).click();
    leptos::task::tick().await;
    assert_eq!((checked(&root), filled(&root)), (Some(3), 3));
}

#[wasm_bindgen_test]
async fn an_empty_submission_shows_the_focused_summary_above_the_heading() {
    let (root, _mounted) = mount_form("MUG-01").await;
    choose(&root, 4).await;
    assert_eq!(text_of(&submit(&root)), "Submit review");
    submit(&root).click();
    wait_until("an error summary", || {
        query(&root, ".sf-error-summary").is_some()
    })
    .await;
    let summary = query(&root, ".sf-error-summary").unwrap();
    assert_eq!(attribute(&summary, "role"), "alert");
    wait_until("focus on the summary", || is_focused(&summary)).await;
    // At the top, GOV.UK style: before the heading.
    let heading = query(&root, "#sf-review-form-heading").unwrap();
    assert_ne!(
        summary.compare_document_position(&heading) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        0,
        "the summary comes before the heading"
    );
    let links: Vec<(String, String)> = all(&summary, "a")
        .iter()
        .map(|link| (attribute(link, "href"), text_of(link)))
        .collect();
    assert_eq!(
        links,
        [
            (
                "#sf-review-title".to_owned(),
                "Enter a title for your review".to_owned()
            ),
            (
                "#sf-review-body".to_owned(),
                "Your review must be at least 10 characters".to_owned()
            ),
            (
                "#sf-review-display-name".to_owned(),
                "Enter the name to show with your review".to_owned()
            ),
        ]
    );
    let title = query(&root, "#sf-review-title").unwrap();
    assert_eq!(attribute(&title, "aria-invalid"), "true");
    assert_eq!(
        attribute(&title, "aria-describedby"),
        "sf-review-title-error"
    );
    all(&summary, "a")[0].click();
    assert!(is_focused(&title), "the link moves focus to the title");
    assert_eq!(checked(&root), Some(4), "the rating was kept");

    type_into(&root, "#sf-review-title", "Lovely");
    type_into(&root, "#sf-review-body", "short");
    submit(&root).click();
    wait_until("the summary without the title", || {
        query(&root, ".sf-error-summary a[href='#sf-review-title']").is_none()
    })
    .await;
    let summary = query(&root, ".sf-error-summary").unwrap();
    assert!(query(&summary, "a[href='#sf-review-body']").is_some());
}

/// A rating refused (a review-request link's form opens without one) says so in its group,
/// which is marked and reads the message.
#[wasm_bindgen_test]
async fn a_refused_rating_is_said_in_its_group() {
    let chosen = RwSignal::new(None::<u8>);
    let (root, _mounted) = mount_with_api(move || {
        view! {
            <RatingInput
                label="Your rating"
                value=chosen
                on_change=Callback::new(move |stars| chosen.set(Some(stars)))
                name="sf-test-rating"
                error="Choose a star rating from 1 to 5"
                required=true
            />
        }
    });
    let group = query(&root, "fieldset#sf-test-rating").expect("the rating's fieldset");
    assert!(attribute(&group, "aria-describedby").contains("sf-test-rating-error"));
    assert!(text_of(&query(&group, "#sf-test-rating-error").unwrap())
        .contains("Choose a star rating from 1 to 5"));
    assert_eq!(attribute(&group, "aria-invalid"), "true");
}

#[wasm_bindgen_test]
async fn the_body_shows_its_count_and_announces_only_near_the_limit() {
    let (root, _mounted) = mount_form("MUG-01").await;
    choose(&root, 3).await;
    let body = query(&root, "#sf-review-body").unwrap();
    let described = attribute(&body, "aria-describedby");
    assert!(described.contains("sf-review-body-count"), "{described}");
    let count = query(&root, "#sf-review-body-count").unwrap();
    assert_eq!(text_of(&count), "0 of 4000 characters");
    let live = query(&root, ".sf-field [aria-live=polite]").expect("a polite region");
    type_into(&root, "#sf-review-body", "Lovely glaze.");
    leptos::task::tick().await;
    assert_eq!(text_of(&count), "13 of 4000 characters");
    assert_eq!(
        text_of(&live),
        "",
        "nothing is announced far from the limit"
    );
    type_into(&root, "#sf-review-body", &"a".repeat(3950));
    leptos::task::tick().await;
    assert_eq!(text_of(&live), "Fewer than 100 characters left");
    type_into(&root, "#sf-review-body", &"a".repeat(4003));
    leptos::task::tick().await;
    assert_eq!(text_of(&count), "3 characters too many");
    assert_eq!(text_of(&live), "You are over the limit of 4000 characters");
}

#[wasm_bindgen_test]
async fn a_proof_the_store_cannot_match_is_refused_beside_the_order_number() {
    let (root, _mounted) = mount_form("MUG-01").await;
    choose(&root, 5).await;
    assert!(query(&root, "#sf-review-fit").is_none(), "a mug has no fit");
    type_into(&root, "#sf-review-title", "Lovely");
    type_into(&root, "#sf-review-body", "The glaze is lovely in person.");
    type_into(&root, "#sf-review-display-name", "Someone");
    type_into(&root, "#sf-review-order-number", "SF-1013");
    type_into(&root, "#sf-review-email", "nobody@example.com");
    submit(&root).click();
    wait_until("the server's refusal", || {
        query(&root, ".sf-error-summary a[href='#sf-review-order-number']").is_some()
    })
    .await;
    let link = query(&root, ".sf-error-summary a[href='#sf-review-order-number']").unwrap();
    assert!(
        text_of(&link).starts_with("We couldn't find a delivered order of this product"),
        "{}",
        text_of(&link)
    );
    let field = query(&root, "#sf-review-order-number").unwrap();
    assert_eq!(attribute(&field, "aria-invalid"), "true");
    // Everything typed is still there.
    let title: HtmlInputElement = query(&root, "#sf-review-title").unwrap().unchecked_into();
    assert_eq!(title.value(), "Lovely");
    assert_eq!(checked(&root), Some(5));
}

/// Picks `bytes` as the file `name` of type `media_type` in the photo picker.
fn pick_photo(root: &HtmlElement, name: &str, media_type: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(media_type);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let picker: HtmlInputElement = query(root, "#sf-review-photos").unwrap().unchecked_into();
    picker.set_files(transfer.files().as_ref());
    picker
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// A 1×1 PNG.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";

#[wasm_bindgen_test]
async fn a_review_with_a_photo_is_confirmed_honestly_and_told_to_the_page() {
    let (root, _mounted) = mount_form("LAMP-03").await;
    assert!(text_of(&query(&root, "#sf-review-form-heading").unwrap())
        .starts_with("Write a review of "));
    choose(&root, 4).await;
    assert!(
        query(&root, "#sf-review-quality-1").is_some(),
        "the lamp asks about quality"
    );

    // A file that only claims to be an image is refused by the server, at the picker.
    pick_photo(&root, "notes.png", "image/png", b"not an image at all");
    wait_until("the photo's refusal", || {
        query(&root, "#sf-review-photos-error").is_some()
    })
    .await;
    assert!(text_of(&query(&root, "#sf-review-photos-error").unwrap())
        .contains("Choose a PNG, JPEG, GIF or WebP image"));
    assert!(all(&root, ".sf-review-form__photo").is_empty());

    pick_photo(&root, "lamp.png", "image/png", PNG);
    wait_until("the photo listed", || {
        query(&root, ".sf-review-form__photo img").is_some()
    })
    .await;
    let remove = query(&root, ".sf-review-form__photo button").unwrap();
    assert_eq!(text_of(&remove), "Remove lamp.png");

    // Unique, in letters: a long number could read as a phone number to the moderation, and
    // shifting each digit by its place keeps a run of equal digits from reading as spam.
    let tag: String = (js_sys::Date::now() as u64)
        .to_string()
        .bytes()
        .enumerate()
        .map(|(at, digit)| char::from(b'a' + (digit - b'0' + at as u8) % 10))
        .collect();
    let title = format!("Steady light {tag}");
    star(&root, 4).click();
    query(&root, "#sf-review-quality-5").unwrap().click();
    type_into(&root, "#sf-review-title", &title);
    type_into(
        &root,
        "#sf-review-body",
        "Warm light, steady base, and the switch is easy to find.",
    );
    type_into(&root, "#sf-review-display-name", "Component test");

    let heard: Rc<RefCell<Option<ReviewSubmitted>>> = Rc::default();
    let keep = heard.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        *keep.borrow_mut() = ReviewSubmitted::from_event(&event);
    });
    document()
        .add_event_listener_with_callback(ReviewSubmitted::NAME, listener.as_ref().unchecked_ref())
        .unwrap();
    submit(&root).click();
    wait_until("the confirmation", || {
        query(&root, "#sf-review-form-done").is_some()
    })
    .await;
    let heading = query(&root, "#sf-review-form-done").unwrap();
    assert_eq!(text_of(&heading), "Thanks — your review is live");
    wait_until("focus on the confirmation", || is_focused(&heading)).await;
    assert!(
        query(&root, ".sf-review-form__badge").is_none(),
        "not verified: no order was given"
    );
    wait_until("the page event", || heard.borrow().is_some()).await;
    document()
        .remove_event_listener_with_callback(
            ReviewSubmitted::NAME,
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    assert_eq!(
        heard.borrow().clone(),
        Some(ReviewSubmitted {
            product: "LAMP-03".into()
        })
    );

    let listing = ApiClient::new(api_base())
        .product_reviews("LAMP-03", ReviewQuery::default())
        .await
        .expect("the lamp's reviews");
    let written = listing
        .reviews
        .iter()
        .find(|review| review.title == title)
        .expect("the review is listed");
    assert_eq!((written.rating, written.quality), (4, Some(5)));
    assert_eq!(written.photos.len(), 1);
    assert!(!written.verified);
}
