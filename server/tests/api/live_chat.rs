//! Live chat: starting conversations, the socket protocol (ordering, acknowledgements,
//! duplicates, resuming, restarts, two tabs), who may read what, presence and business
//! hours, and the desk's inbox and actions.

use crate::common::{error_of, strings_of, ChatSocket, TestApp, TestDatabase, PNG};
use reqwest::StatusCode;
use serde_json::{json, Value};
use time::OffsetDateTime;

both_databases!(
    a_shopper_starts_a_conversation_and_only_they_can_read_it,
    email_is_asked_for_only_when_the_shopper_is_unknown,
    messages_flow_both_ways_in_order_and_are_acknowledged_once_stored,
    a_resent_message_is_stored_once,
    a_reconnecting_shopper_gets_exactly_what_they_missed,
    nothing_is_lost_across_a_server_restart,
    two_tabs_see_every_message_once,
    a_socket_opens_only_with_a_valid_hello,
    availability_follows_presence_and_business_hours,
    agents_assign_close_and_the_shopper_rates,
    oversized_and_rapid_messages_are_refused_with_reasons,
    desk_routes_need_a_signed_in_agent,
    a_shopper_holds_a_bounded_number_of_sockets,
    the_desk_sees_one_timeline_per_shopper,
    agents_keep_canned_replies,
    nobody_online_suggests_matching_articles,
    suggestions_are_the_help_centres_search,
    a_chat_from_the_help_centre_shows_the_agent_what_was_read_and_searched,
    images_are_checked_by_their_bytes_and_reach_every_side,
    images_are_bounded_in_size_and_number,
);

/// A start request from an unidentified shopper.
fn start_body(client_id: &str, message: &str) -> Value {
    json!({ "name": "Ada", "email": "ada@example.com", "message": message, "client_id": client_id })
}

/// Starts a conversation; its id and the shopper's token.
async fn start(app: &TestApp, message: &str) -> (i64, String) {
    let response = app.start_conversation(&start_body("first", message)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let started: Value = response.json().await.unwrap();
    assert_eq!(started["message"]["seq"], 1);
    (
        started["conversation_id"].as_i64().unwrap(),
        started["token"].as_str().unwrap().to_owned(),
    )
}

/// A socket past its hello and replay; the messages replayed.
async fn open(
    app: &TestApp,
    token: &str,
    conversation_id: Option<i64>,
    after: i64,
) -> (ChatSocket, Vec<Value>) {
    let mut socket = app.chat_socket("socket").await;
    socket
        .send(json!({ "type": "hello", "token": token, "conversation_id": conversation_id, "after": after }))
        .await;
    let (messages, _) = socket.until_caught_up().await;
    (socket, messages)
}

async fn send(socket: &mut ChatSocket, client_id: &str, body: &str) -> Value {
    socket
        .send(json!({ "type": "send", "client_id": client_id, "body": body }))
        .await;
    socket.next_of("ack").await
}

/// A desk call: `method` on `/api/v1{path}` with `token` and, when given, a JSON body.
async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let request = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(token);
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    request.send().await.expect("the server answers")
}

fn seqs(messages: &[Value]) -> Vec<i64> {
    messages
        .iter()
        .map(|m| m["seq"].as_i64().unwrap())
        .collect()
}

async fn seeded(database: TestDatabase) -> TestApp {
    TestApp::spawn_with(database, |config| config.seed_demo = true).await
}

async fn a_shopper_starts_a_conversation_and_only_they_can_read_it(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Where is my parcel?").await;
    let read = app.read_conversation(id, 0, &token).await;
    assert_eq!(read.status(), StatusCode::OK);
    let view: Value = read.json().await.unwrap();
    assert_eq!(view["status"], "open");
    assert_eq!(view["messages"][0]["body"], "Where is my parcel?");
    assert_eq!(view["messages"][0]["author"], "shopper");
    assert_eq!(view["shopper_email"], "ada@example.com");

    let (other_id, other_token) = start(&app, "Another question").await;
    assert_ne!(other_id, id);
    let crossed = app.read_conversation(id, 0, &other_token).await;
    assert_eq!(crossed.status(), StatusCode::UNAUTHORIZED);
    let forged = app.read_conversation(id, 0, "not-a-token").await;
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    let agent = app.demo_agent_token().await;
    let by_agent = app.read_conversation(id, 0, &agent).await;
    assert_eq!(by_agent.status(), StatusCode::OK);
    let missing = app.read_conversation(999_999, 0, &agent).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn email_is_asked_for_only_when_the_shopper_is_unknown(database: TestDatabase) {
    let app = seeded(database).await;
    let anonymous = app
        .start_conversation(&json!({ "message": "Hi", "client_id": "a" }))
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(anonymous).await;
    assert_eq!(error["fields"]["email"][0], "Enter your email address.");

    let unknown_field = app
        .start_conversation(
            &json!({ "message": "Hi", "client_id": "a", "email": "a@b.co", "phone": "1" }),
        )
        .await;
    assert_eq!(unknown_field.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The tracker's order token identifies the shopper and attaches the order.
    let lookup: Value = app
        .look_up_order(&json!({ "order_number": "SF-1001", "email": "ada@example.com" }))
        .await
        .json()
        .await
        .unwrap();
    let order_token = lookup["token"].as_str().expect("an order token");
    let response = app
        .start_conversation(
            &json!({ "message": "About my order", "client_id": "b", "order_token": order_token }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let started: Value = response.json().await.unwrap();
    let id = started["conversation_id"].as_i64().unwrap();
    let view: Value = app
        .read_conversation(id, 0, started["token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["order_number"], "SF-1001");
    assert_eq!(
        view["shopper_email"], "ada@example.com",
        "the order proves it"
    );

    // A second device of the same shopper continues that conversation.
    let again: Value = app
        .start_conversation(
            &json!({ "message": "Me again", "client_id": "c", "order_token": order_token }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["conversation_id"], id);
    assert_eq!(again["message"]["seq"], 2);

    // A token that does not verify identifies nobody: the email is asked for.
    let stale = app
        .start_conversation(&json!({ "message": "Hi", "client_id": "d", "order_token": "stale" }))
        .await;
    assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn messages_flow_both_ways_in_order_and_are_acknowledged_once_stored(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Hello").await;
    let agent_token = app.demo_agent_token().await;
    let (mut shopper, replayed) = open(&app, &token, None, 0).await;
    assert_eq!(seqs(&replayed), [1]);
    let (mut agent, replayed) = open(&app, &agent_token, Some(id), 0).await;
    assert_eq!(seqs(&replayed), [1]);

    let ack = send(&mut shopper, "s-2", "Are you there?").await;
    assert_eq!(ack, json!({ "type": "ack", "client_id": "s-2", "seq": 2 }));
    let ack = send(&mut shopper, "s-3", "My order is late").await;
    assert_eq!(ack["seq"], 3);
    let first = agent.next_of("message").await;
    let second = agent.next_of("message").await;
    assert_eq!(first["message"]["body"], "Are you there?");
    assert_eq!(second["message"]["seq"], 3);

    agent.send(json!({ "type": "typing" })).await;
    assert_eq!(
        shopper.next_of("typing").await,
        json!({ "type": "typing", "author": "agent" })
    );
    let ack = send(&mut agent, "a-1", "Yes, I'm looking now").await;
    assert_eq!(ack["seq"], 4);
    let reply = loop {
        let frame = shopper.next_of("message").await;
        if frame["message"]["author"] == "agent" {
            break frame["message"].clone();
        }
    };
    assert_eq!(reply["seq"], 4);
    assert_eq!(reply["author_name"], "Sam Rivera");

    // Receipts travel to the other side and are kept.
    agent.send(json!({ "type": "read", "seq": 3 })).await;
    let receipts = loop {
        let frame = shopper.next_of("receipts").await;
        if frame["by"] == "agent" {
            break frame;
        }
    };
    assert_eq!(receipts["read"], 3);
    let view: Value = app
        .read_conversation(id, 0, &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["agent_read_seq"], 3);
    assert_eq!(seqs(view["messages"].as_array().unwrap()), [1, 2, 3, 4]);
    app.stop().await;
}

async fn a_resent_message_is_stored_once(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Hello").await;
    let (mut shopper, _) = open(&app, &token, None, 0).await;
    let first = send(&mut shopper, "same-id", "Only once please").await;
    let again = send(&mut shopper, "same-id", "Only once please").await;
    assert_eq!(first["seq"], again["seq"]);
    // The first message's id, resent through the start route (a retried POST), too.
    let retried = app.start_conversation(&start_body("first", "Hello")).await;
    assert_eq!(retried.status(), StatusCode::CREATED);
    let view: Value = app
        .read_conversation(id, 0, &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        strings_of(&view["messages"], "body"),
        ["Hello", "Only once please"]
    );
    app.stop().await;
}

async fn a_reconnecting_shopper_gets_exactly_what_they_missed(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Hello").await;
    let agent_token = app.demo_agent_token().await;
    let (shopper, _) = open(&app, &token, None, 0).await;
    drop(shopper); // the shopper's train enters a tunnel
    let (mut agent, _) = open(&app, &agent_token, Some(id), 0).await;
    send(&mut agent, "a-1", "First reply").await;
    send(&mut agent, "a-2", "Second reply").await;

    let (mut shopper, missed) = open(&app, &token, None, 1).await;
    assert_eq!(seqs(&missed), [2, 3]);
    assert_eq!(missed[1]["body"], "Second reply");
    // And live again afterwards.
    send(&mut agent, "a-3", "Third reply").await;
    assert_eq!(shopper.next_of("message").await["message"]["seq"], 4);
    app.stop().await;
}

async fn nothing_is_lost_across_a_server_restart(database: TestDatabase) {
    let app = seeded(database).await;
    let (_, token) = start(&app, "Before the restart").await;
    let (mut shopper, _) = open(&app, &token, None, 0).await;
    send(&mut shopper, "s-2", "Stored before the restart").await;
    let app = app.restart().await;
    // The old socket was told the server was going away (after any frames on their way).
    while let Some(frame) = shopper.next().await {
        assert_eq!(
            frame["type"], "message",
            "only the echo of s-2 was pending: {frame}"
        );
    }

    // The client reconnects with what it holds, and resends what was never acknowledged.
    let (mut shopper, missed) = open(&app, &token, None, 2).await;
    assert!(missed.is_empty());
    let resent = send(&mut shopper, "s-2", "Stored before the restart").await;
    assert_eq!(resent["seq"], 2, "recognised, not stored again");
    let (_, everything) = open(&app, &token, None, 0).await;
    assert_eq!(seqs(&everything), [1, 2]);
    app.stop().await;
}

async fn two_tabs_see_every_message_once(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Hello").await;
    let agent_token = app.demo_agent_token().await;
    let (mut first_tab, _) = open(&app, &token, None, 0).await;
    let (mut second_tab, _) = open(&app, &token, None, 0).await;
    let (mut agent, _) = open(&app, &agent_token, Some(id), 0).await;
    send(&mut first_tab, "tab-1", "From the first tab").await;
    assert_eq!(
        second_tab.next_of("message").await["message"]["body"],
        "From the first tab"
    );
    send(&mut agent, "a-1", "Reply").await;
    for tab in [&mut first_tab, &mut second_tab] {
        let mut seen = Vec::new();
        while seen.len() < 2 {
            let frame = tab.next_of("message").await;
            seen.push(frame["message"]["seq"].as_i64().unwrap());
            if frame["message"]["seq"] == 3 {
                break;
            }
        }
        assert_eq!(seen.last(), Some(&3));
        let unique: std::collections::BTreeSet<_> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "no message twice: {seen:?}");
    }
    app.stop().await;
}

async fn a_socket_opens_only_with_a_valid_hello(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, _) = start(&app, "Hello").await;

    let mut forged = app.chat_socket("socket").await;
    forged
        .send(json!({ "type": "hello", "token": "forged", "conversation_id": id, "after": 0 }))
        .await;
    assert_eq!(forged.next().await.unwrap()["refusal"], "unauthorized");
    assert!(forged.next().await.is_none(), "then it closes");

    let agent_token = app.demo_agent_token().await;
    let mut no_conversation = app.chat_socket("socket").await;
    no_conversation
        .send(json!({ "type": "hello", "token": agent_token, "conversation_id": null, "after": 0 }))
        .await;
    assert_eq!(
        no_conversation.next().await.unwrap()["refusal"],
        "unauthorized"
    );

    let mut shopper_at_desk = app.chat_socket("desk/socket").await;
    let (_, token) = start(&app, "Me").await;
    shopper_at_desk
        .send(json!({ "type": "hello", "token": token, "conversation_id": null, "after": 0 }))
        .await;
    assert_eq!(
        shopper_at_desk.next().await.unwrap()["refusal"],
        "unauthorized"
    );

    let mut silent_first = app.chat_socket("socket").await;
    silent_first
        .send(json!({ "type": "send", "client_id": "x", "body": "no hello" }))
        .await;
    assert!(
        silent_first.next().await.is_none(),
        "closed without a hello"
    );

    let plain = app.get("/api/v1/chat/socket").send().await.unwrap();
    assert_eq!(plain.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        error_of(plain).await["message"],
        "Open this address as a WebSocket."
    );
    app.stop().await;
}

async fn availability_follows_presence_and_business_hours(database: TestDatabase) {
    let app = seeded(database).await;
    let nobody = app.chat_availability().await;
    assert_eq!(nobody["agents_available"], false);
    assert_eq!(nobody["within_hours"], true);
    assert_eq!(nobody["expected_reply_minutes"], 24 * 60);

    let agent_token = app.demo_agent_token().await;
    let mut desk = app.chat_socket("desk/socket").await;
    desk.send(
        json!({ "type": "hello", "token": agent_token, "conversation_id": null, "after": 0 }),
    )
    .await;
    assert_eq!(desk.next().await.unwrap()["type"], "ready");
    let present = app.chat_availability().await;
    assert_eq!(present["agents_available"], true);
    assert_eq!(present["expected_reply_minutes"], 2);

    let away = app
        .chat_put("presence", &agent_token, &json!({ "available": false }))
        .await;
    assert_eq!(away.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.chat_availability().await["agents_available"], false);
    app.chat_put("presence", &agent_token, &json!({ "available": true }))
        .await;
    assert_eq!(app.chat_availability().await["agents_available"], true);

    // The desk sees new conversations as they come.
    start(&app, "Anyone?").await;
    assert_eq!(desk.next_of("inbox_changed").await["type"], "inbox_changed");
    drop(desk);
    let mut gone = false;
    for _ in 0..50 {
        if app.chat_availability().await["agents_available"] == false {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(gone, "a closed desk is nobody");
    app.stop().await;

    // Outside business hours nobody is available, whoever is signed in.
    let tomorrow = (OffsetDateTime::now_utc().weekday().next()).to_string()[..3].to_lowercase();
    let closed = TestApp::spawn_with(database, |config| {
        config.seed_demo = true;
        config.chat_hours = format!("{tomorrow} 00:00-24:00");
    })
    .await;
    let agent_token = closed.demo_agent_token().await;
    let mut desk = closed.chat_socket("desk/socket").await;
    desk.send(
        json!({ "type": "hello", "token": agent_token, "conversation_id": null, "after": 0 }),
    )
    .await;
    desk.next().await;
    let outside = closed.chat_availability().await;
    assert_eq!(outside["within_hours"], false);
    assert_eq!(outside["agents_available"], false);
    closed.stop().await;
}

async fn agents_assign_close_and_the_shopper_rates(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Please help").await;
    let agent_token = app.demo_agent_token().await;
    let unassigned: Value = app
        .chat_inbox("unassigned", &agent_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unassigned[0]["id"], id);
    assert_eq!(unassigned[0]["unread"], 1);
    assert_eq!(unassigned[0]["preview"], "Please help");

    let too_early = app
        .rate_conversation(id, &token, &json!({ "stars": 5 }))
        .await;
    assert_eq!(too_early.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let me: Value = app.current_agent(&agent_token).await.json().await.unwrap();
    let assigned = app
        .chat_put(
            &format!("conversations/{id}/assignee"),
            &agent_token,
            &json!({ "agent_id": me["id"] }),
        )
        .await;
    assert_eq!(assigned.status(), StatusCode::NO_CONTENT);
    let mine: Value = app
        .chat_inbox("mine", &agent_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine[0]["id"], id);
    let nobody = app
        .chat_put(
            &format!("conversations/{id}/assignee"),
            &agent_token,
            &json!({ "agent_id": 999_999 }),
        )
        .await;
    assert_eq!(nobody.status(), StatusCode::NOT_FOUND);

    let (mut shopper, _) = open(&app, &token, None, 0).await;
    let closed = app
        .chat_put(
            &format!("conversations/{id}/status"),
            &agent_token,
            &json!({ "status": "closed" }),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);
    assert_eq!(shopper.next_of("status").await["status"], "closed");
    shopper
        .send(json!({ "type": "send", "client_id": "late", "body": "One more thing" }))
        .await;
    assert_eq!(shopper.next_of("refused").await["refusal"], "closed");
    let listed: Value = app
        .chat_inbox("closed", &agent_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["id"], id);

    let out_of_range = app
        .rate_conversation(id, &token, &json!({ "stars": 6 }))
        .await;
    assert_eq!(out_of_range.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let by_agent = app
        .rate_conversation(id, &agent_token, &json!({ "stars": 1 }))
        .await;
    assert_eq!(by_agent.status(), StatusCode::UNAUTHORIZED);
    let rated = app
        .rate_conversation(
            id,
            &token,
            &json!({ "stars": 5, "comment": "Quick and kind" }),
        )
        .await;
    assert_eq!(rated.status(), StatusCode::NO_CONTENT);
    let view: Value = app
        .read_conversation(id, 0, &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["rating"], 5);

    let reopened = app
        .chat_put(
            &format!("conversations/{id}/status"),
            &agent_token,
            &json!({ "status": "open" }),
        )
        .await;
    assert_eq!(reopened.status(), StatusCode::NO_CONTENT);
    assert_eq!(shopper.next_of("status").await["status"], "open");
    app.stop().await;
}

async fn oversized_and_rapid_messages_are_refused_with_reasons(database: TestDatabase) {
    let app = seeded(database).await;
    let (_, token) = start(&app, "Hello").await;
    let (mut shopper, _) = open(&app, &token, None, 0).await;
    shopper
        .send(json!({ "type": "send", "client_id": "long", "body": "x".repeat(2001) }))
        .await;
    let refused = shopper.next_of("refused").await;
    assert_eq!(refused["client_id"], "long");
    assert_eq!(refused["refusal"], "too_long");
    shopper
        .send(json!({ "type": "send", "client_id": "blank", "body": "   " }))
        .await;
    assert_eq!(shopper.next_of("refused").await["refusal"], "empty");
    shopper.send(json!({ "type": "nonsense" })).await;
    assert_eq!(shopper.next_of("refused").await["refusal"], "bad_frame");

    let mut answers = Vec::new();
    for n in 0..8 {
        shopper
            .send(json!({ "type": "send", "client_id": format!("rapid-{n}"), "body": "spam" }))
            .await;
        loop {
            let frame = shopper.next().await.expect("an answer");
            if frame["type"] == "ack" || frame["type"] == "refused" {
                answers.push(frame);
                break;
            }
        }
    }
    let too_fast = answers
        .iter()
        .filter(|frame| frame["refusal"] == "too_fast")
        .count();
    assert!(
        too_fast >= 2,
        "a burst is allowed, then slowed: {answers:?}"
    );
    app.stop().await;
}

async fn desk_routes_need_a_signed_in_agent(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Hello").await;
    assert_eq!(
        app.chat_inbox("all", &token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.chat_put(
            &format!("conversations/{id}/status"),
            &token,
            &json!({ "status": "closed" })
        )
        .await
        .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.chat_put("presence", &token, &json!({ "available": true }))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let agent_token = app.demo_agent_token().await;
    let bad_view = app.chat_inbox("everything", &agent_token).await;
    assert_eq!(bad_view.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn a_shopper_holds_a_bounded_number_of_sockets(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Hello").await;
    let mut tabs = Vec::new();
    for _ in 0..sf_server::live_chat::MAX_SHOPPER_SOCKETS {
        tabs.push(open(&app, &token, None, 0).await.0);
    }
    let mut one_more = app.chat_socket("socket").await;
    one_more
        .send(json!({ "type": "hello", "token": token, "conversation_id": null, "after": 0 }))
        .await;
    assert_eq!(
        one_more.next().await.unwrap()["refusal"],
        "too_many_sockets"
    );
    assert!(one_more.next().await.is_none(), "then it closes");
    // Agents are not counted against the shopper.
    let agent_token = app.demo_agent_token().await;
    open(&app, &agent_token, Some(id), 0).await;
    // A closed tab frees its place.
    drop(tabs.pop());
    let mut reopened = false;
    for _ in 0..50 {
        let mut socket = app.chat_socket("socket").await;
        socket
            .send(json!({ "type": "hello", "token": token, "conversation_id": null, "after": 0 }))
            .await;
        if socket.next().await.unwrap()["type"] == "message" {
            reopened = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(reopened, "a place came free");
    app.stop().await;
}

async fn the_desk_sees_one_timeline_per_shopper(database: TestDatabase) {
    let app = seeded(database).await;
    // Ada asked once by email, then again from the tracker with her order attached.
    let (earlier, _) = start(&app, "A question about sizes").await;
    let lookup: Value = app
        .look_up_order(&json!({ "order_number": "SF-1001", "email": "ada@example.com" }))
        .await
        .json()
        .await
        .unwrap();
    let started: Value = app
        .start_conversation(
            &json!({ "message": "Where is it?", "client_id": "t", "order_token": lookup["token"] }),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = started["conversation_id"].as_i64().unwrap();
    let agent_token = app.demo_agent_token().await;
    let response = app
        .get(&format!("/api/v1/chat/conversations/{id}/timeline"))
        .bearer_auth(&agent_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let timeline: Value = response.json().await.unwrap();
    let orders: Vec<&str> = timeline["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|order| order["order_number"].as_str().unwrap())
        .collect();
    assert!(orders.contains(&"SF-1001"), "{orders:?}");
    let first = timeline["orders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|order| order["order_number"] == "SF-1001")
        .unwrap();
    assert!(!first["package_statuses"].as_array().unwrap().is_empty());
    assert_eq!(timeline["conversations"][0]["id"], earlier);
    assert_eq!(timeline["conversations"].as_array().unwrap().len(), 1);

    let shopper = app
        .get(&format!("/api/v1/chat/conversations/{id}/timeline"))
        .bearer_auth(started["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(shopper.status(), StatusCode::UNAUTHORIZED, "agents only");

    // A call to the shop, noted on the earlier conversation, shows on this one's timeline:
    // both are Ada's.
    let path = format!("/api/v1/chat/conversations/{earlier}/notes");
    let noted = app
        .post(&path)
        .bearer_auth(&agent_token)
        .json(
            &json!({ "channel": "phone", "body": "Called about the delivery; <b>reassured</b>." }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(noted.status(), StatusCode::CREATED);
    let empty = app
        .post(&path)
        .bearer_auth(&agent_token)
        .json(&json!({ "channel": "store", "body": "  " }))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown_channel = app
        .post(&path)
        .bearer_auth(&agent_token)
        .json(&json!({ "channel": "fax", "body": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown_channel.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let timeline: Value = app
        .get(&format!("/api/v1/chat/conversations/{id}/timeline"))
        .bearer_auth(&agent_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(timeline["notes"][0]["channel"], "phone");
    assert_eq!(
        timeline["notes"][0]["body"],
        "Called about the delivery; <b>reassured</b>."
    );
    assert_eq!(timeline["notes"][0]["agent_name"], "Sam Rivera");
    app.stop().await;
}

async fn agents_keep_canned_replies(database: TestDatabase) {
    use reqwest::Method;
    let app = seeded(database).await;
    let token = app.demo_agent_token().await;
    let list = || call(&app, Method::GET, "/chat/canned-replies", &token, None);
    let listed: Value = list().await.json().await.unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 3, "the demo's");
    let reply = |title: &str, body: &str| Some(json!({ "title": title, "body": body }));
    let created = call(
        &app,
        Method::POST,
        "/chat/canned-replies",
        &token,
        reply("Refund", "Your refund is on its way."),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.unwrap();
    let path = format!("/chat/canned-replies/{}", created["id"]);
    let edited = call(
        &app,
        Method::PUT,
        &path,
        &token,
        reply("Refund sent", "Your refund was sent today."),
    )
    .await;
    assert_eq!(edited.status(), StatusCode::NO_CONTENT);
    let listed: Value = list().await.json().await.unwrap();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|reply| reply["title"] == "Refund sent"
            && reply["body"] == "Your refund was sent today."));
    let invalid = call(
        &app,
        Method::POST,
        "/chat/canned-replies",
        &token,
        reply(" ", &"x".repeat(2001)),
    )
    .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(invalid).await;
    assert_eq!(error["fields"]["title"][0], "Enter your title.");
    assert!(error["fields"]["body"][0]
        .as_str()
        .unwrap()
        .contains("2000"));
    let deleted = call(&app, Method::DELETE, &path, &token, None).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let again = call(&app, Method::DELETE, &path, &token, None).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    let (_, shopper_token) = start(&app, "Hello").await;
    let refused = call(
        &app,
        Method::GET,
        "/chat/canned-replies",
        &shopper_token,
        None,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn nobody_online_suggests_matching_articles(database: TestDatabase) {
    let app = seeded(database).await;
    let suggest = |query: &str| app.get(&format!("/api/v1/chat/suggestions?{query}")).send();
    let suggested: Value = suggest("q=How%20do%20I%20track%20my%20order%3F&locale=en")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(suggested[0]["slug"], "track-your-order", "{suggested}");
    assert!(suggested.as_array().unwrap().len() <= 3);
    let spanish: Value = suggest("q=seguir%20pedido&locale=es")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(spanish[0]["slug"], "track-your-order", "{spanish}");
    let nothing: Value = suggest("q=zz&locale=en")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(nothing, json!([]));
    let bad = suggest("q=order&locale=fr").await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

/// Uploads `bytes` as an image of conversation `id`, declared as `declared_type`.
async fn upload(
    app: &TestApp,
    id: i64,
    token: &str,
    client_id: &str,
    declared_type: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!(
            "/api/v1/chat/conversations/{id}/images?client_id={client_id}"
        )))
        .bearer_auth(token)
        .header("content-type", declared_type)
        .body(bytes)
        .send()
        .await
        .expect("the server answers")
}

async fn images_are_checked_by_their_bytes_and_reach_every_side(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "The parcel arrived crushed").await;
    let (mut shopper_socket, _) = open(&app, &token, Some(id), 1).await;

    let sent = upload(&app, id, &token, "photo-1", "image/png", PNG.to_vec()).await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let message: Value = sent.json().await.unwrap();
    assert_eq!(message["seq"], 2);
    assert_eq!(message["body"], "");
    assert_eq!(message["image"]["media_type"], "image/png");
    assert_eq!(message["image"]["size"], PNG.len());
    let key = message["image"]["key"].as_str().unwrap().to_owned();
    assert_eq!(key.len(), 32, "128 random bits: {key}");
    // Every socket of the conversation is sent it, like any message.
    let frame = shopper_socket.next_of("message").await;
    assert_eq!(frame["message"]["image"]["key"], key.as_str());

    // A retry is the same message, stored once.
    let again = upload(&app, id, &token, "photo-1", "image/png", PNG.to_vec()).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.json::<Value>().await.unwrap()["seq"], 2);

    // Served as stored, and never as anything a browser would run.
    let served = app
        .get(&format!("/api/v1/chat/images/{key}"))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), StatusCode::OK);
    let header = |name: &str| served.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "image/png");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("content-security-policy").contains("sandbox"));
    assert_eq!(served.bytes().await.unwrap().as_ref(), PNG);
    let unknown = app
        .get("/api/v1/chat/images/00000000000000000000000000000000")
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // The desk reads it in the transcript, and an agent may send one too.
    let agent_token = app.demo_agent_token().await;
    let read: Value = call(
        &app,
        reqwest::Method::GET,
        &format!("/chat/conversations/{id}"),
        &agent_token,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(read["messages"][1]["image"]["key"], key.as_str());
    let from_agent = upload(
        &app,
        id,
        &agent_token,
        "agent-photo",
        "image/png",
        PNG.to_vec(),
    )
    .await;
    assert_eq!(from_agent.status(), StatusCode::CREATED);
    assert_eq!(from_agent.json::<Value>().await.unwrap()["author"], "agent");

    // Declared as a PNG, but HTML with script: refused by its bytes, nothing stored.
    let disguised = upload(
        &app,
        id,
        &token,
        "photo-2",
        "image/png",
        b"<html><script>alert(1)</script></html>".to_vec(),
    )
    .await;
    assert_eq!(disguised.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let error = error_of(disguised).await;
    assert_eq!(error["code"], "unsupported_media_type");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("PNG, JPEG, GIF or WebP"));
    let svg = upload(
        &app,
        id,
        &token,
        "photo-3",
        "image/svg+xml",
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec(),
    )
    .await;
    assert_eq!(svg.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // Only the conversation's shopper and agents may attach.
    let (other, other_token) = start(&app, "Another question").await;
    assert_ne!(other, id);
    let stranger = upload(&app, id, &other_token, "photo-4", "image/png", PNG.to_vec()).await;
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);
    let anonymous = app
        .client
        .post(app.url(&format!(
            "/api/v1/chat/conversations/{id}/images?client_id=x"
        )))
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let messages: Value = call(
        &app,
        reqwest::Method::GET,
        &format!("/chat/conversations/{id}"),
        &token,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(messages["messages"].as_array().unwrap().len(), 3);
}

async fn images_are_bounded_in_size_and_number(database: TestDatabase) {
    let app = seeded(database).await;
    let (id, token) = start(&app, "Photos of the damage").await;

    let mut too_large = PNG.to_vec();
    too_large.resize(sf_api::live_chat::MAX_IMAGE_BYTES + 1, 0);
    let refused = upload(&app, id, &token, "big", "image/png", too_large).await;
    assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_of(refused).await["code"], "payload_too_large");
    let mut largest = PNG.to_vec();
    largest.resize(sf_api::live_chat::MAX_IMAGE_BYTES, 0);
    let accepted = upload(&app, id, &token, "largest", "image/png", largest).await;
    assert_eq!(accepted.status(), StatusCode::CREATED);

    for n in 1..sf_api::live_chat::MAX_IMAGES_PER_CONVERSATION {
        let sent = upload(
            &app,
            id,
            &token,
            &format!("p{n}"),
            "image/png",
            PNG.to_vec(),
        )
        .await;
        assert_eq!(sent.status(), StatusCode::CREATED, "image {n}");
    }
    let one_too_many = upload(&app, id, &token, "p-last", "image/png", PNG.to_vec()).await;
    assert_eq!(one_too_many.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(one_too_many.headers().get("retry-after").is_none());
    let error = error_of(one_too_many).await;
    assert_eq!(error["code"], "rate_limited");
    assert!(error["message"].as_str().unwrap().contains("10 images"));
    // Text still goes.
    let (mut socket, _) = open(&app, &token, Some(id), 0).await;
    assert_eq!(send(&mut socket, "words", "Any news?").await["type"], "ack");

    let bad_id = upload(&app, id, &token, "has%20space", "image/png", PNG.to_vec()).await;
    assert_eq!(bad_id.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// The help centre's own tests cover ranking, stemming and typos on both databases
/// (`help_centre.rs`); here, that the chat's suggestions are that same search.
async fn suggestions_are_the_help_centres_search(database: TestDatabase) {
    let app = seeded(database).await;
    let first_slug = |query: &'static str| {
        let request = app.get(&format!("/api/v1/chat/suggestions?{query}")).send();
        async move {
            let found: Value = request.await.unwrap().json().await.unwrap();
            found[0]["slug"].as_str().map(str::to_owned)
        }
    };
    // No article says "tracked": stemming finds "track". "refnud" is a typo of "refund".
    assert_eq!(
        first_slug("q=my%20tracked%20orders&locale=en")
            .await
            .as_deref(),
        Some("track-your-order")
    );
    assert_eq!(
        first_slug("q=refnud&locale=en").await.as_deref(),
        Some("refund-timing")
    );
    // Search syntax typed by a shopper is just text.
    assert_eq!(
        first_slug("q=%22tracking%22*%20%3A*%20%28&locale=en")
            .await
            .as_deref(),
        Some("track-your-order")
    );
    app.stop().await;
}

async fn a_chat_from_the_help_centre_shows_the_agent_what_was_read_and_searched(
    database: TestDatabase,
) {
    let app = seeded(database).await;
    let mut body = start_body("first", "My refund is late");
    body["help_article"] = json!("refund-timing");
    body["help_searches"] = json!(["refnud", "bank transfer"]);
    let started: Value = app.start_conversation(&body).await.json().await.unwrap();
    let id = started["conversation_id"].as_i64().unwrap();
    let agent = app.demo_agent_token().await;
    let view: Value = app
        .get(&format!("/api/v1/chat/conversations/{id}"))
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(view["help_article"]["slug"], "refund-timing");
    assert_eq!(view["help_article"]["title"], "When will I get my refund?");
    assert_eq!(view["help_searches"], json!(["refnud", "bank transfer"]));
    // The page fills these; anything else is refused, not stored.
    let mut forged = start_body("second", "Hi");
    forged["help_article"] = json!("<img src=x>");
    let refused = app.start_conversation(&forged).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}
