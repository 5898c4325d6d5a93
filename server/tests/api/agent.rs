//! The desk agents' routes: signing in and out, who is signed in, and slowing guessers down.

use crate::common::{assert_rate_limited, error_of, TestApp, TestDatabase};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sf_server::demo::{DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD};

both_databases!(
    invalid_values_get_messages_per_field,
    agent_signs_in_sees_who_they_are_and_signs_out,
    wrong_password_and_unknown_email_look_the_same,
    repeated_wrong_passwords_are_slowed_down,
    a_bad_token_is_a_plain_401,
    a_sign_in_to_one_account_does_not_clear_guesses_at_another,
    sign_in_refuses_text_with_nul,
    agents_see_their_colleagues,
);

async fn agents_see_their_colleagues(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let token = app.demo_agent_token().await;
    let listed = app
        .get("/api/v1/agent/agents")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.status(), StatusCode::OK);
    let agents: Value = listed.json().await.unwrap();
    // By name: the store-staff agent at the Riverside counter, then the demo agent.
    assert_eq!(agents[0]["display_name"], "Riley Chen");
    assert_eq!(agents[0]["store"]["name"], "Demo Store Riverside");
    assert_eq!(agents[1]["display_name"], "Sam Rivera");
    assert!(agents[1]["store"].is_null());
    let anonymous = app.get("/api/v1/agent/agents").send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn invalid_values_get_messages_per_field(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    let response = app.sign_in("not-an-email", "").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert!(error["fields"]["email"][0]
        .as_str()
        .unwrap()
        .contains("correct format"));
    assert_eq!(error["fields"]["password"][0], "Enter your password.");
    app.stop().await;
}

async fn agent_signs_in_sees_who_they_are_and_signs_out(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    // Email case and surrounding spaces do not matter.
    let response = app.sign_in(" Agent@Demo.Store ", DEMO_AGENT_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let session: Value = response.json().await.unwrap();
    let token = session["token"].as_str().unwrap().to_owned();
    assert_eq!(session["agent"]["email"], DEMO_AGENT_EMAIL);
    assert!(session["expires_at"].as_str().unwrap().ends_with('Z'));

    let me = app.current_agent(&token).await;
    assert_eq!(me.status(), StatusCode::OK);
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["display_name"], "Sam Rivera");

    let signed_out = app.sign_out(&token).await;
    assert_eq!(signed_out.status(), StatusCode::NO_CONTENT);
    let after = app.current_agent(&token).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn wrong_password_and_unknown_email_look_the_same(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let wrong_password = app.sign_in(DEMO_AGENT_EMAIL, "not the password").await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    let wrong_password = error_of(wrong_password).await;
    let unknown_email = app.sign_in("nobody@demo.store", "not the password").await;
    assert_eq!(unknown_email.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(unknown_email).await, wrong_password);
    assert_eq!(wrong_password["code"], "unauthorized");
    app.stop().await;
}

async fn repeated_wrong_passwords_are_slowed_down(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let free = sf_server::limiter::FailureLimiter::FREE_FAILURES + 1;
    for attempt in 1..=free {
        let response = app.sign_in(DEMO_AGENT_EMAIL, "guess").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    // Locked out now, even with the right password.
    let response = app.sign_in(DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD).await;
    assert_rate_limited(response).await;
    app.stop().await;
}

async fn a_bad_token_is_a_plain_401(database: TestDatabase) {
    let app = TestApp::spawn(database).await;
    for header in ["Bearer nope", "Bearer ", "Basic abc", "Bearer ' OR 1=1 --"] {
        let response = app
            .get("/api/v1/agent/me")
            .header("authorization", header)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{header}");
        let error = error_of(response).await;
        assert_eq!(error["code"], "unauthorized");
    }
    let response = app.get("/api/v1/agent/me").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

/// Someone holding one agent account must not be able to reset their count of wrong
/// guesses at a colleague's password by signing in to their own between guesses.
async fn a_sign_in_to_one_account_does_not_clear_guesses_at_another(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let own_email = "second@demo.store";
    let own_password = "second-agent-password";
    sqlx::query(
        "INSERT INTO agents (email, display_name, password_hash, created_at) \
         VALUES ($1, 'Second Agent', $2, '2026-01-01T00:00:00Z')",
    )
    .bind(own_email)
    .bind(sf_server::agent::auth::hash_password(own_password).unwrap())
    .execute(&app.server.db.pool)
    .await
    .unwrap();
    for attempt in 1..=sf_server::limiter::FailureLimiter::FREE_FAILURES {
        let response = app.sign_in(DEMO_AGENT_EMAIL, "guess").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "guess {attempt}"
        );
    }
    let own = app.sign_in(own_email, own_password).await;
    assert_eq!(own.status(), StatusCode::CREATED);
    let response = app.sign_in(DEMO_AGENT_EMAIL, "one more guess").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_rate_limited(app.sign_in(DEMO_AGENT_EMAIL, DEMO_AGENT_PASSWORD).await).await;

    // The account itself is locked, whichever address asks (all of 127/8 is this machine).
    let elsewhere = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap();
    let response = elsewhere
        .post(app.url("/api/v1/agent/session"))
        .json(&json!({ "email": DEMO_AGENT_EMAIL.to_uppercase(), "password": DEMO_AGENT_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_rate_limited(response).await;
    app.stop().await;
}

async fn sign_in_refuses_text_with_nul(database: TestDatabase) {
    let app = TestApp::spawn_with(database, |config| config.seed_demo = true).await;
    let response = app
        .sign_in(&format!("{DEMO_AGENT_EMAIL}\u{0}"), DEMO_AGENT_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert!(error["fields"]["email"][0].is_string(), "{error}");
    app.stop().await;
}
