//! The help centre: search ranking, stemming and typos on both databases, the English
//! fallback, hostile Markdown, feedback, missed searches, caching, and the desk's editor.
//!
//! Articles are written through the desk's own route, with words the demo articles do not
//! use, so each test decides exactly what there is to find.

use crate::common::{assert_rate_limited, error_of, TestApp, TestDatabase};
use reqwest::StatusCode;
use serde_json::{json, Value};

both_databases!(
    titles_rank_above_summaries_above_bodies_and_words_match_their_other_forms,
    small_typos_are_forgiven_and_said,
    a_missing_translation_falls_back_to_english,
    hostile_markdown_is_refused_and_never_rendered,
    readers_feedback_reaches_the_desk_and_is_rate_limited,
    public_reads_revalidate_with_an_etag,
    searches_that_found_nothing_are_listed_for_the_desk,
    unpublished_articles_are_hidden_from_shoppers_until_published,
    the_demo_help_centre_is_complete_in_three_languages,
);

async fn seeded(database: TestDatabase) -> (TestApp, String) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let token = app.demo_agent_token().await;
    (app, token)
}

/// An article's fields as the desk sends them.
fn article(title: &str, summary: &str, markdown: &str) -> Value {
    json!({
        "category": "payments", "title": title, "summary": summary, "markdown": markdown,
        "published": true, "faq": false,
    })
}

async fn write(
    app: &TestApp,
    token: &str,
    slug: &str,
    locale: &str,
    body: &Value,
) -> reqwest::Response {
    app.put(&format!("/api/v1/desk/help/articles/{slug}/{locale}"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn written(app: &TestApp, token: &str, slug: &str, locale: &str, body: Value) {
    let response = write(app, token, slug, locale, &body).await;
    assert_eq!(
        response.status(),
        StatusCode::NO_CONTENT,
        "{}",
        response.text().await.unwrap()
    );
}

async fn get_json(app: &TestApp, path: &str) -> Value {
    let response = app.get(path).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.unwrap()
}

/// The slugs a search finds, best first.
async fn found(app: &TestApp, query: &str, locale: &str) -> (Vec<String>, Value) {
    let answer = get_json(
        app,
        &format!("/api/v1/help/search?q={}&locale={locale}", urlencode(query)),
    )
    .await;
    let slugs = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| result["slug"].as_str().unwrap().to_owned())
        .collect();
    (slugs, answer["corrected"].clone())
}

/// The (slug, language) of each article a category lists in `locale`.
async fn listed(app: &TestApp, category: &str, locale: &str) -> Vec<(String, String)> {
    let listing = get_json(
        app,
        &format!("/api/v1/help/categories/{category}?locale={locale}"),
    )
    .await;
    listing["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["slug"].as_str().unwrap().to_owned(),
                entry["locale"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A desk route's JSON answer, as the agent.
async fn desk_json(app: &TestApp, token: &str, path: &str) -> Value {
    let response = app.get(path).bearer_auth(token).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.unwrap()
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn titles_rank_above_summaries_above_bodies_and_words_match_their_other_forms(
    database: TestDatabase,
) {
    let (app, token) = seeded(database).await;
    written(
        &app,
        &token,
        "in-body",
        "en",
        article(
            "Packing gear",
            "How to pack.",
            "Fold the parachutes along their seams.",
        ),
    )
    .await;
    written(
        &app,
        &token,
        "in-title",
        "en",
        article("Folding a parachute", "Step by step.", "Lay it flat first."),
    )
    .await;
    written(
        &app,
        &token,
        "in-summary",
        "en",
        article(
            "Storing gear",
            "Where a parachute is kept dry.",
            "Somewhere cool.",
        ),
    )
    .await;
    let (slugs, corrected) = found(&app, "parachuting", "en").await;
    assert_eq!(slugs, ["in-title", "in-summary", "in-body"]);
    assert_eq!(corrected, Value::Null);
    // A word being typed matches as a prefix: instant search needs it.
    assert_eq!(found(&app, "parach", "en").await.0.len(), 3);
    // Spanish words in their other forms and without their accents; English articles without
    // a Spanish translation are searched too.
    written(
        &app,
        &token,
        "in-title",
        "es",
        article(
            "Cómo plegar un paracaídas",
            "Paso a paso.",
            "Extiéndelo primero.",
        ),
    )
    .await;
    // ("paracaídas" would also find the English fallbacks: its stem "parac" begins "parachute".)
    assert_eq!(
        found(&app, "plegados extiendelo", "es").await.0,
        ["in-title"]
    );
    // Search syntax of either database is only words.
    assert_eq!(
        found(&app, "\"parachute\" OR NEAR(x* :* & !", "en").await.0[0],
        "in-title"
    );
    // Suggestions are the best few.
    let suggestions = get_json(&app, "/api/v1/help/suggestions?q=parachute&locale=en").await;
    assert_eq!(suggestions["results"][0]["slug"], "in-title");
    assert_eq!(suggestions["results"][0]["locale"], "en");
    app.stop().await;
}

async fn small_typos_are_forgiven_and_said(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    written(
        &app,
        &token,
        "harmonica-care",
        "en",
        article(
            "Cleaning a harmonica",
            "Keep the reeds dry.",
            "Tap it against your palm.",
        ),
    )
    .await;
    for typo in ["harmonika", "hramonica", "harmonicca"] {
        let (slugs, corrected) = found(&app, &format!("clean {typo}"), "en").await;
        // "clean" finds it too, so the typo must not even be needed… except alone:
        assert_eq!(slugs[0], "harmonica-care", "{typo}");
        assert_eq!(corrected, Value::Null, "{typo}: found as typed");
        let (slugs, corrected) = found(&app, typo, "en").await;
        assert_eq!(slugs, ["harmonica-care"], "{typo}");
        assert_eq!(corrected, "harmonica", "{typo}");
    }
    // Too far from any word: nothing, and nothing pretended.
    let (slugs, corrected) = found(&app, "xylophonist", "en").await;
    assert!(slugs.is_empty());
    assert_eq!(corrected, Value::Null);
    app.stop().await;
}

async fn a_missing_translation_falls_back_to_english(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    written(
        &app,
        &token,
        "kazoo-care",
        "en",
        article("Caring for a kazoo", "Keep it clean.", "Rinse the kazoo."),
    )
    .await;
    let shown = get_json(&app, "/api/v1/help/articles/kazoo-care?locale=ar").await;
    assert_eq!(shown["locale"], "en");
    assert_eq!(shown["title"], "Caring for a kazoo");
    let kazoo = (String::from("kazoo-care"), String::from("en"));
    assert!(
        listed(&app, "payments", "ar").await.contains(&kazoo),
        "listed in Arabic too"
    );
    assert_eq!(found(&app, "kazoo", "ar").await.0, ["kazoo-care"]);
    // Once translated, the translation is shown instead, and listed once.
    written(
        &app,
        &token,
        "kazoo-care",
        "ar",
        article("العناية بالكازو", "حافظ على نظافته.", "اشطف الكازو."),
    )
    .await;
    let shown = get_json(&app, "/api/v1/help/articles/kazoo-care?locale=ar").await;
    assert_eq!(shown["locale"], "ar");
    let kazoos: Vec<_> = listed(&app, "payments", "ar")
        .await
        .into_iter()
        .filter(|(slug, _)| slug == "kazoo-care")
        .collect();
    assert_eq!(kazoos, [(String::from("kazoo-care"), String::from("ar"))]);
    let missing = app
        .get("/api/v1/help/articles/no-such-article?locale=en")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let unknown_language = app.get("/api/v1/help/home?locale=fr").send().await.unwrap();
    assert_eq!(unknown_language.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn hostile_markdown_is_refused_and_never_rendered(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    for hostile in [
        "Hello <script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ] {
        let refused = write(
            &app,
            &token,
            "hostile",
            "en",
            &article("Hostile", "x", hostile),
        )
        .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{hostile}"
        );
        let error = error_of(refused).await;
        assert!(
            error["fields"]["markdown"][0]
                .as_str()
                .unwrap()
                .contains("HTML"),
            "{error}"
        );
    }
    let no_alt = write(
        &app,
        &token,
        "hostile",
        "en",
        &article("Hostile", "x", "![](images/track-order.svg)"),
    )
    .await;
    assert_eq!(no_alt.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A dangerous address is not refused, but never becomes a link.
    written(&app, &token, "hostile", "en", article("Hostile", "x", "[Click](javascript:alert(1)) and [this](article:kazoo-care)\n\n![Our parcel](javascript:x)")).await;
    let shown = get_json(&app, "/api/v1/help/articles/hostile?locale=en").await;
    let html = shown["html"].as_str().unwrap();
    assert!(!html.contains("javascript"), "{html}");
    assert!(
        html.contains("Click") && html.contains("href=\"#help:kazoo-care\""),
        "{html}"
    );
    assert!(!html.contains("<img"), "{html}");
    // The preview renders the same way, and unknown fields are refused.
    let preview: Value = app
        .post("/api/v1/desk/help/preview")
        .bearer_auth(&token)
        .json(&json!({ "markdown": "<script>x</script>\n\n## Steps" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        preview["html"].as_str().unwrap().contains("&lt;script&gt;"),
        "{preview}"
    );
    assert_eq!(preview["toc"][0]["id"], "h-steps");
    let mut extra = article("Extra", "x", "y");
    extra["script"] = json!("z");
    assert_eq!(
        write(&app, &token, "extra", "en", &extra).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let bad_slug = write(&app, &token, "Bad%20Slug", "en", &article("x", "x", "y")).await;
    assert_eq!(bad_slug.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn readers_feedback_reaches_the_desk_and_is_rate_limited(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    written(
        &app,
        &token,
        "kazoo-care",
        "en",
        article("Caring for a kazoo", "Keep it clean.", "Rinse it."),
    )
    .await;
    let answer = |body: Value| {
        app.post("/api/v1/help/articles/kazoo-care/feedback")
            .json(&body)
            .send()
    };
    let yes = answer(json!({ "locale": "en", "helpful": true }))
        .await
        .unwrap();
    assert_eq!(yes.status(), StatusCode::NO_CONTENT);
    let no = answer(json!({ "locale": "en", "helpful": false }))
        .await
        .unwrap();
    assert_eq!(no.status(), StatusCode::NO_CONTENT);
    // A comment comes after the vote, and is not counted as a second vote.
    let comment = answer(
        json!({ "locale": "en", "helpful": false, "comment": "It does not say how <b>often</b>." }),
    )
    .await
    .unwrap();
    assert_eq!(comment.status(), StatusCode::NO_CONTENT);
    let refused = answer(json!({ "locale": "en", "helpful": true, "rating": 5 }))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let too_long = answer(json!({ "locale": "en", "helpful": true, "comment": "x".repeat(1001) }))
        .await
        .unwrap();
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_of(too_long).await["fields"]["comment"][0]
        .as_str()
        .unwrap()
        .contains("1000"));
    let not_there = app
        .post("/api/v1/help/articles/kazoo-care/feedback")
        .json(&json!({ "locale": "es", "helpful": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        not_there.status(),
        StatusCode::NOT_FOUND,
        "no Spanish kazoo article"
    );

    let desk: Value = desk_json(&app, &token, "/api/v1/desk/help/articles").await;
    let kazoo = desk
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["slug"] == "kazoo-care")
        .unwrap();
    assert_eq!(
        (kazoo["helpful"].as_u64(), kazoo["not_helpful"].as_u64()),
        (Some(1), Some(1))
    );
    let edited: Value = desk_json(&app, &token, "/api/v1/desk/help/articles/kazoo-care/en").await;
    assert_eq!(
        edited["comments"][0]["comment"],
        "It does not say how <b>often</b>."
    );
    assert_eq!(edited["comments"][0]["helpful"], false);
    assert_eq!(edited["markdown"], "Rinse it.");

    // One address answering again and again is soon made to wait.
    let mut last = None;
    for _ in 0..10 {
        last = Some(
            answer(json!({ "locale": "en", "helpful": true }))
                .await
                .unwrap(),
        );
    }
    assert_rate_limited(last.unwrap()).await;
    // The desk's routes need an agent.
    for path in [
        "/api/v1/desk/help/articles",
        "/api/v1/desk/help/missed-searches",
        "/api/v1/desk/help/articles/kazoo-care/en",
    ] {
        assert_eq!(
            app.get(path).send().await.unwrap().status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    let anonymous = app
        .put("/api/v1/desk/help/articles/kazoo-care/en")
        .json(&article("x", "x", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn public_reads_revalidate_with_an_etag(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    let first = app.get("/api/v1/help/home?locale=en").send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    assert!(first.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("max-age=60"));
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let again = app
        .get("/api/v1/help/home?locale=en")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    // An edit changes the answer, so the old tag no longer matches.
    let mut faq = article(
        "Do you sell kazoos?",
        "Yes, in every store.",
        "Ask in store.",
    );
    faq["faq"] = json!(true);
    written(&app, &token, "kazoos", "en", faq).await;
    let changed = app
        .get("/api/v1/help/home?locale=en")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    let home: Value = changed.json().await.unwrap();
    assert!(home["faq"]
        .as_array()
        .unwrap()
        .iter()
        .any(|entry| entry["title"] == "Do you sell kazoos?"));
    let search = app
        .get("/api/v1/help/search?q=kazoo&locale=en")
        .send()
        .await
        .unwrap();
    assert_eq!(search.headers()["cache-control"], "no-cache");
    app.stop().await;
}

async fn searches_that_found_nothing_are_listed_for_the_desk(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    for _ in 0..2 {
        assert!(found(&app, "Xylophone LESSONS", "en").await.0.is_empty());
    }
    assert!(found(&app, "zzzqqq", "es").await.0.is_empty());
    // Suggestions while typing are not searches.
    get_json(&app, "/api/v1/help/suggestions?q=qqqzzz&locale=en").await;
    let missed: Value = desk_json(&app, &token, "/api/v1/desk/help/missed-searches").await;
    assert_eq!(missed[0]["query"], "xylophone lessons");
    assert_eq!(missed[0]["count"], 2);
    assert_eq!(missed[1]["locale"], "es");
    assert_eq!(missed.as_array().unwrap().len(), 2);
    let long = app
        .get(&format!(
            "/api/v1/help/search?q={}&locale=en",
            "a".repeat(201)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn unpublished_articles_are_hidden_from_shoppers_until_published(database: TestDatabase) {
    let (app, token) = seeded(database).await;
    let mut draft = article("Kazoo tuning", "Soon.", "Draft.");
    draft["published"] = json!(false);
    written(&app, &token, "kazoo-tuning", "en", draft).await;
    let hidden = app
        .get("/api/v1/help/articles/kazoo-tuning?locale=en")
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    assert!(found(&app, "kazoo tuning", "en").await.0.is_empty());
    let desk: Value = desk_json(&app, &token, "/api/v1/desk/help/articles").await;
    let entry = desk
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["slug"] == "kazoo-tuning")
        .unwrap();
    assert_eq!(entry["published"], false);
    // Published, it is found by the very search that just found nothing (answers are kept
    // for a minute, but an edit forgets them).
    written(
        &app,
        &token,
        "kazoo-tuning",
        "en",
        article("Kazoo tuning", "Soon.", "Draft."),
    )
    .await;
    assert_eq!(found(&app, "kazoo tuning", "en").await.0, ["kazoo-tuning"]);
    app.stop().await;
}

async fn the_demo_help_centre_is_complete_in_three_languages(database: TestDatabase) {
    let (app, _token) = seeded(database).await;
    for locale in ["en", "es", "ar"] {
        let home = get_json(&app, &format!("/api/v1/help/home?locale={locale}")).await;
        let categories: Vec<&str> = home["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["category"].as_str().unwrap())
            .collect();
        assert_eq!(
            categories,
            [
                "shipping",
                "returns",
                "payments",
                "account",
                "accessibility"
            ],
            "{locale}"
        );
        let total: u64 = home["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["articles"].as_u64().unwrap())
            .sum();
        assert!(total >= 20, "{locale}: {total}");
        assert!(home["faq"].as_array().unwrap().len() >= 5, "{locale}");
    }
    // A long article has its table of contents, and its images are served.
    let article = get_json(&app, "/api/v1/help/articles/return-an-item?locale=es").await;
    assert_eq!(article["locale"], "es");
    assert!(article["related"].as_array().unwrap().len() >= 2);
    let html = article["html"].as_str().unwrap();
    let image = html
        .split("src=\"")
        .nth(1)
        .expect("a tutorial with a picture")
        .split('"')
        .next()
        .unwrap();
    let served = app.get(image).send().await.unwrap();
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/svg+xml");
    assert!(served.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("sandbox"));
    app.stop().await;
}
