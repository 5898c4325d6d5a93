//! The pre-chat step: a name (optional), an email (only when nobody has said who the
//! shopper is) and the first message, checked here with the server's own rules, with the
//! error-summary pattern for whatever is wrong.

use super::pane::{message_problem, MessageBox};
use super::state::ChatState;
use super::{new_client_id, LiveChatMsg};
use crate::client::use_api_client;
use crate::error_summary::{field_errors_from, FieldError};
use crate::form::{use_form, Form};
use crate::i18n::{email_problem, use_i18n, CommonMsg, I18n};
use crate::text_field::TextField;
use leptos::prelude::*;
use sf_api::identity::SignedCustomer;
use sf_api::live_chat::{ConversationStarted, StartConversationRequest};
use sf_api::validation::{Field, FieldRefusal};

const NAME_ID: &str = "sf-chat-name";
const EMAIL_ID: &str = "sf-chat-email";
const MESSAGE_ID: &str = "sf-chat-first-message";
/// Each field of the request and its input.
const INPUTS: [(Field, &str); 3] = [
    (StartConversationRequest::NAME, NAME_ID),
    (StartConversationRequest::EMAIL, EMAIL_ID),
    (StartConversationRequest::MESSAGE, MESSAGE_ID),
];

/// Starts a conversation; calls `started` with the server's answer.
#[component]
pub(super) fn PreChat(
    /// The chat (for the order asked about, whether anyone is available, an ended token).
    state: RwSignal<ChatState>,
    /// The shopper the store signed in, if any.
    #[prop(into)]
    customer: Signal<Option<SignedCustomer>>,
    /// Called with the new conversation.
    started: Callback<ConversationStarted>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let (name, email, message) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let order_token = Memo::new(move |_| {
        state.with(|current| current.about.as_ref().and_then(|about| about.token.clone()))
    });
    let identified =
        Memo::new(move |_| customer.with(Option::is_some) || order_token.with(Option::is_some));
    let form = use_form(
        move |request| client.start_conversation(request),
        move |answer| started.run(answer),
        move |error| field_errors_from(i18n, error, &INPUTS),
    );
    let on_submit = Callback::new(move |()| {
        let request = StartConversationRequest {
            name: name.get_untracked(),
            // The field is not shown to an identified shopper; the server needs none then.
            email: if identified.get_untracked() {
                String::new()
            } else {
                email.get_untracked()
            },
            order_token: order_token.get_untracked(),
            customer: customer.get_untracked(),
            message: message.get_untracked(),
            client_id: new_client_id(),
            help_article: state.with_untracked(|current| {
                current
                    .about_help
                    .as_ref()
                    .and_then(|help| help.article_slug.clone())
            }),
            help_searches: state.with_untracked(|current| {
                current
                    .about_help
                    .as_ref()
                    .map(|help| help.searches.clone())
                    .unwrap_or_default()
            }),
        };
        form.submit(request, |refusal| local_error(i18n, refusal));
    });
    let intro = move || {
        state.with(|current| {
            let expired = current
                .expired
                .then(|| i18n.t(LiveChatMsg::Expired).to_owned());
            let availability = current.availability.map(|availability| {
                let minutes = availability.expected_reply_minutes.to_string();
                let msg = if availability.agents_available {
                    LiveChatMsg::Intro
                } else {
                    LiveChatMsg::Away
                };
                i18n.format(msg, &[("minutes", &minutes)])
            });
            [expired, availability]
                .into_iter()
                .flatten()
                .map(|text| view! { <p class="sf-form__intro">{text}</p> })
                .collect_view()
        })
    };
    view! {
        <Form
            errors=form.errors
            pending=form.pending()
            heading_id="sf-chat-start-heading"
            class="sf-chat__prechat"
            submit_label=i18n.text(LiveChatMsg::StartButton)
            pending_label=i18n.text(LiveChatMsg::Starting)
            on_submit=on_submit
        >
            <h3 id="sf-chat-start-heading">{i18n.text(LiveChatMsg::StartHeading)}</h3>
            {intro}
            <TextField
                id=NAME_ID
                label=i18n.text(LiveChatMsg::NameLabel)
                value=name
                error=form.errors.for_field(NAME_ID)
                autocomplete="name"
            />
            {move || {
                (!identified.get())
                    .then(|| {
                        view! {
                            <TextField
                                id=EMAIL_ID
                                label=i18n.text(CommonMsg::EmailLabel)
                                value=email
                                error=form.errors.for_field(EMAIL_ID)
                                input_type="email"
                                autocomplete="email"
                            />
                        }
                    })
            }}
            <MessageBox
                id=MESSAGE_ID
                label=i18n.text(LiveChatMsg::MessageLabel)
                value=message
                error=form.errors.for_field(MESSAGE_ID)
            />
        </Form>
    }
}

/// What a field refused by the server's own rules says, before any round trip.
fn local_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    match refusal.field {
        StartConversationRequest::EMAIL => {
            FieldError::new(EMAIL_ID, i18n.t(email_problem(refusal.problem)))
        }
        StartConversationRequest::NAME => {
            FieldError::new(NAME_ID, i18n.t(LiveChatMsg::NameTooLong))
        }
        StartConversationRequest::MESSAGE => {
            FieldError::new(MESSAGE_ID, i18n.t(message_problem(refusal.problem)))
        }
        // The message id is made here: a refusal of it is this module's bug, not the
        // shopper's, and the server's answer says so.
        _ => FieldError::new("", i18n.t(CommonMsg::ServerError)),
    }
}
