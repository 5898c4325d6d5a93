//! Component tests of the reviews listing in headless Chromium, against the real API `cargo
//! xtask test` started: the demo mug (`MUG-01`, reviewed in the demo seed, with the 25
//! generated reviews `--demo-bulk-reviews 25` adds so it has more than a page) and a bag
//! reviewed here with HTML in its text (announced with `sf-review-submitted`, as the form
//! does). What the listing should say is read from the API
//! itself, so the tests hold whatever else the seed or other tests add.
//!
//! The summary and histogram in words, sort and filters changing the list, "Show more"
//! keeping focus in place, a helpful vote (a "Yes" button whose name stays, described by the
//! review and its count), a review written on the page listed at once with
//! its text rendered as text, and the JSON-LD
//! script written once and removed with the component.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{
    all, api_base, attribute, is_focused, mount_with_api, query, select, text_of, wait_until,
};
use leptos::prelude::*;
use sf_api::reviews::{ProductReviews, RatingSummary, ReviewQuery, ReviewSort};
use sf_components::events::{dispatch, ReviewSubmitted};
use sf_components::{ApiClient, Reviews};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const MUG: &str = "MUG-01";
/// A product only this file writes reviews of.
const BAG: &str = "BAG-04";

/// What the API lists for `sku` with `query`, to compare the component with.
async fn listing(sku: &str, query: ReviewQuery) -> ProductReviews {
    ApiClient::new(api_base())
        .product_reviews(sku, query)
        .await
        .expect("the API lists the product's reviews")
}

/// Mounts the listing of `sku` and waits for its first page.
async fn mount_listing(sku: &'static str) -> (HtmlElement, common::Mounted) {
    let (root, mounted) = mount_with_api(move || view! { <Reviews product=sku /> });
    wait_until("the first page of reviews", || {
        query(&root, ".sf-review").is_some() || query(&root, ".sf-reviews__empty").is_some()
    })
    .await;
    (root, mounted)
}

/// The review ids listed, in order (from each article's heading id, `sf-review-12-title`).
fn listed_ids(root: &HtmlElement) -> Vec<i64> {
    all(root, ".sf-review__title")
        .iter()
        .filter_map(|heading| {
            heading
                .id()
                .strip_prefix("sf-review-")?
                .strip_suffix("-title")?
                .parse()
                .ok()
        })
        .collect()
}

fn ids_of(answer: &ProductReviews) -> Vec<i64> {
    answer.reviews.iter().map(|review| review.id).collect()
}

fn count_text(count: u32) -> String {
    if count == 1 {
        "1 review".into()
    } else {
        format!("{count} reviews")
    }
}

fn showing(shown: usize, matching: u32) -> String {
    match (shown, matching) {
        (_, 0) => "No reviews match these filters.".into(),
        (1, 1) => "Showing 1 review".into(),
        (shown, matching) if shown as u32 == matching => format!("Showing {matching} reviews"),
        (shown, matching) => format!("Showing {shown} of {matching} reviews"),
    }
}

fn status(root: &HtmlElement) -> String {
    query(root, ".sf-reviews__status[role=status]")
        .map(|status| text_of(&status))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_summary_and_histogram_say_in_words_what_the_stars_show() {
    let expected = listing(MUG, ReviewQuery::default()).await;
    let summary: RatingSummary = expected.summary;
    assert!(summary.count() > 0, "the demo mug has published reviews");
    let json_ld_scripts = || {
        document()
            .query_selector_all("script[type='application/ld+json'][data-sf-reviews]")
            .unwrap()
    };
    // Another test's component left on the page (after a failure) is not this one's.
    let before = json_ld_scripts().length();
    let (root, mounted) = mount_listing(MUG).await;

    let tenths = summary.average_tenths().unwrap();
    let average = query(&root, ".sf-reviews__average-text").unwrap();
    assert_eq!(
        text_of(&average),
        format!("{}.{} out of 5 stars", tenths / 10, tenths % 10)
    );
    let stars = query(&root, ".sf-reviews__average .sf-stars").unwrap();
    assert_eq!(
        attribute(&stars, "aria-hidden"),
        "true",
        "the words beside them say it"
    );
    assert_eq!(
        text_of(&query(&root, ".sf-reviews__count").unwrap()),
        count_text(summary.count())
    );

    let histogram = query(&root, ".sf-reviews__histogram").unwrap();
    assert_eq!(attribute(&histogram, "aria-label"), "Filter by rating");
    let rows = all(&histogram, "button.sf-reviews__bar");
    assert_eq!(rows.len(), 5, "one row per star level");
    for (row, stars) in rows.iter().zip((1..=5u8).rev()) {
        let reviews = summary.histogram[usize::from(stars - 1)];
        let name = if stars == 1 {
            "1 star".to_owned()
        } else {
            format!("{stars} stars")
        };
        assert_eq!(
            text_of(row),
            format!(
                "{name}: {} ({}%)",
                count_text(reviews),
                summary.percent_of(stars)
            )
        );
        assert_eq!(attribute(row, "aria-pressed"), "false");
        let bar = query(row, ".sf-reviews__bar-track").unwrap();
        assert_eq!(
            attribute(&bar, "aria-hidden"),
            "true",
            "the bar is decorative"
        );
    }

    // Each review: an article named by its title, its stars with their words beside them
    // (visible to everyone; the drawing is hidden from assistive technology).
    assert_eq!(listed_ids(&root), ids_of(&expected));
    let first = &expected.reviews[0];
    let article = query(&root, "article.sf-review").unwrap();
    assert_eq!(
        attribute(&article, "aria-labelledby"),
        format!("sf-review-{}-title", first.id)
    );
    let stars = query(&article, ".sf-review__rating .sf-stars").unwrap();
    assert_eq!(attribute(&stars, "aria-hidden"), "true");
    assert_eq!(
        text_of(&query(&article, ".sf-review__rating").unwrap()).trim(),
        format!("{} out of 5 stars", first.rating)
    );
    assert_eq!(
        text_of(&query(&article, ".sf-review__author").unwrap()),
        first.display_name
    );
    assert_eq!(
        status(&root),
        showing(expected.reviews.len(), expected.matching)
    );

    // The page's JSON-LD: one script, outside the component, with the server's text.
    let scripts = json_ld_scripts();
    assert_eq!(scripts.length(), before + 1, "one JSON-LD script");
    let script = scripts.item(before).unwrap();
    assert_eq!(
        script.text_content().unwrap_or_default(),
        expected.json_ld,
        "the server's JSON-LD as it is"
    );
    assert!(expected.json_ld.contains("AggregateRating"));
    drop(mounted);
    assert_eq!(
        json_ld_scripts().length(),
        before,
        "the JSON-LD goes with the component"
    );
}

#[wasm_bindgen_test]
async fn sorting_and_filtering_change_the_list_and_say_so() {
    let (root, _mounted) = mount_listing(MUG).await;
    let label = query(&root, "label[for=sf-reviews-sort]").unwrap();
    assert_eq!(text_of(&label), "Sort by");

    select(&root, "#sf-reviews-sort", "lowest");
    let lowest = ReviewQuery {
        sort: Some(ReviewSort::Lowest),
        ..ReviewQuery::default()
    };
    let expected = listing(MUG, lowest).await;
    wait_until("the lowest ratings first", || {
        listed_ids(&root) == ids_of(&expected)
    })
    .await;
    assert_eq!(
        status(&root),
        showing(expected.reviews.len(), expected.matching)
    );

    // The "1 star" row (the last) filters the list; pressed again, it shows every rating.
    let one_star = all(&root, "button.sf-reviews__bar").pop().unwrap();
    one_star.click();
    let expected = listing(
        MUG,
        ReviewQuery {
            rating: Some(1),
            ..lowest
        },
    )
    .await;
    wait_until("only one-star reviews", || {
        listed_ids(&root) == ids_of(&expected)
    })
    .await;
    assert_eq!(attribute(&one_star, "aria-pressed"), "true");
    for rating in all(&root, ".sf-review__rating .sf-stars-text") {
        assert_eq!(text_of(&rating), "1 out of 5 stars");
    }
    assert_eq!(
        status(&root),
        showing(expected.reviews.len(), expected.matching)
    );
    one_star.click();
    wait_until("every rating again", || {
        attribute(&one_star, "aria-pressed") == "false"
    })
    .await;

    let with_photos = query(&root, "#sf-reviews-with-photos").unwrap();
    let label = query(&root, "label[for=sf-reviews-with-photos]").unwrap();
    assert_eq!(text_of(&label), "With photos");
    with_photos.click();
    let expected = listing(
        MUG,
        ReviewQuery {
            with_photos: Some(true),
            ..lowest
        },
    )
    .await;
    assert!(!expected.reviews.is_empty(), "the demo has photos");
    wait_until("only reviews with photos", || {
        listed_ids(&root) == ids_of(&expected)
    })
    .await;
    for article in all(&root, "article.sf-review") {
        let name = text_of(&query(&article, ".sf-review__author").unwrap());
        let photo = query(&article, ".sf-review__photos a img").expect("a photo");
        assert_eq!(
            attribute(&photo, "alt"),
            format!("Photo 1 from {name}'s review")
        );
    }
}

#[wasm_bindgen_test]
async fn show_more_appends_the_next_page_and_keeps_focus_in_place() {
    let expected = listing(MUG, ReviewQuery::default()).await;
    assert!(
        expected.matching > 10,
        "the component tests' server seeds more than a page of reviews (--demo-bulk-reviews)"
    );
    let (root, _mounted) = mount_listing(MUG).await;
    assert_eq!(listed_ids(&root).len(), 10);

    let more = query(&root, "button.sf-reviews__more").expect("a Show more button");
    assert_eq!(text_of(&more), "Show more reviews");
    more.focus().unwrap();
    more.click();
    let page_two = listing(
        MUG,
        ReviewQuery {
            page: Some(2),
            ..ReviewQuery::default()
        },
    )
    .await;
    let first_new = page_two.reviews[0].id;
    let heading_selector = format!("#sf-review-{first_new}-title");
    wait_until("focus on the first new review", || {
        query(&root, &heading_selector).is_some_and(|heading| is_focused(&heading))
    })
    .await;
    let heading = query(&root, &heading_selector).unwrap();
    assert_eq!(attribute(&heading, "tabindex"), "-1");
    let shown = listed_ids(&root);
    assert_eq!(shown.len(), 10 + page_two.reviews.len());
    assert_eq!(shown[..10], ids_of(&expected)[..]);
    assert_eq!(status(&root), showing(shown.len(), page_two.matching));

    // Until the end, where the button goes.
    while let Some(more) = query(&root, "button.sf-reviews__more") {
        let before = listed_ids(&root).len();
        more.click();
        wait_until("the next page", || listed_ids(&root).len() > before).await;
    }
    assert_eq!(listed_ids(&root).len() as u32, expected.matching);
    assert_eq!(
        status(&root),
        format!("Showing {} reviews", expected.matching)
    );
}

/// The number in "N people found this helpful" (or "1 person found this helpful").
fn helpful_count(count: &HtmlElement) -> u32 {
    text_of(count)
        .split(' ')
        .next()
        .and_then(|count| count.parse().ok())
        .expect("N people found this helpful")
}

#[wasm_bindgen_test]
async fn a_vote_keeps_the_button_named_and_counts_once() {
    // A new browser, as far as the server knows.
    let voter = format!("test-{}", js_sys::Date::now() as u64);
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("sf-reviews-voter", &voter)
        .unwrap();
    let (root, _mounted) = mount_listing(MUG).await;
    let article = query(&root, "article.sf-review").unwrap();
    let id = attribute(&article, "aria-labelledby")
        .strip_suffix("-title")
        .unwrap()
        .to_owned();
    let group = query(&article, ".sf-review__helpful[role=group]").unwrap();
    let question = query(
        &group,
        &format!("#{}", attribute(&group, "aria-labelledby")),
    )
    .unwrap();
    assert_eq!(text_of(&question), "Was this helpful?");

    // "Yes", described by the review's title and the count, which it does not contain.
    let button = query(&group, "button.sf-review__vote").unwrap();
    assert_eq!(text_of(&button), "Yes");
    assert_eq!(attribute(&button, "aria-pressed"), "", "a plain button");
    assert_eq!(attribute(&button, "aria-disabled"), "");
    let count_id = format!("{id}-helpful-count");
    assert_eq!(
        attribute(&button, "aria-describedby"),
        format!("{id}-title {count_id}")
    );
    let count = query(&group, &format!("#{count_id}")).unwrap();
    let before = helpful_count(&count);
    let people = |count: u32| {
        if count == 1 {
            "1 person found this helpful".to_owned()
        } else {
            format!("{count} people found this helpful")
        }
    };
    assert_eq!(text_of(&count), people(before));

    button.focus().unwrap();
    button.click();
    let thanks = query(&group, "[role=status]").unwrap();
    wait_until("the thanks", || {
        text_of(&thanks) == "Thanks — you found this helpful"
    })
    .await;
    assert_eq!(text_of(&count), people(before + 1));
    assert_eq!(text_of(&button), "Yes", "the name does not change");
    assert_eq!(attribute(&button, "aria-pressed"), "");
    assert_eq!(attribute(&button, "aria-disabled"), "true");
    assert!(is_focused(&button), "the button keeps focus");

    // Pressed again: nothing is sent, nothing changes.
    button.click();
    common::sleep(300).await;
    assert_eq!(text_of(&count), people(before + 1));
}

/// Writes an unverified review of `sku` straight through the API; its status code.
async fn write_review(sku: &str, title: &str, body: &str, name: &str) -> u16 {
    let review = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        js_sys::Reflect::set(&review, &key.into(), &value).unwrap();
    };
    set(
        "request_id",
        format!("test-{}", js_sys::Date::now() as u64).into(),
    );
    set("rating", 4.into());
    set("title", title.into());
    set("body", body.into());
    set("display_name", name.into());
    set("fit", JsValue::NULL);
    set("quality", JsValue::NULL);
    set("photos", js_sys::Array::new().into());
    set("proof", JsValue::NULL);
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let headers = web_sys::Headers::new().unwrap();
    headers.set("Content-Type", "application/json").unwrap();
    init.set_headers(&headers);
    init.set_body(&js_sys::JSON::stringify(&review).unwrap());
    let url = format!("{}/api/v1/products/{sku}/reviews", api_base());
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(&url, &init))
        .await
        .unwrap()
        .unchecked_into();
    response.status()
}

#[wasm_bindgen_test]
async fn a_review_written_on_the_page_is_listed_and_its_text_stays_text() {
    let (root, _mounted) = mount_listing(BAG).await;
    let title = "<script>window.sfPwned = 1</script> Sturdy";
    let body = "<img src=x onerror=\"window.sfPwned = 2\">\nSecond line with <b>bold</b>";
    let name = "<i>Eve</i>";
    let written = write_review(BAG, title, body, name).await;
    assert_eq!(
        written, 201,
        "the review is written (and published: no link, no spam)"
    );

    // What `<sf-review-form>` tells the page once a review is accepted.
    let submitted = ReviewSubmitted {
        product: BAG.into(),
    };
    assert!(dispatch(&document(), &submitted));
    let find = || {
        all(&root, "article.sf-review")
            .into_iter()
            .find(|article| text_of(&query(article, ".sf-review__title").unwrap()) == title)
    };
    wait_until("the new review, its title as typed", || find().is_some()).await;
    let article = find().unwrap();
    assert!(
        all(&article, "script, img, b, i").is_empty(),
        "no element was made of the shopper's text"
    );
    assert_eq!(
        text_of(&query(&article, ".sf-review__body").unwrap()),
        body,
        "the body as typed, line break kept"
    );
    assert_eq!(
        text_of(&query(&article, ".sf-review__author").unwrap()),
        name
    );
    common::sleep(100).await;
    let pwned = js_sys::Reflect::get(&window(), &"sfPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no script ran");
}
