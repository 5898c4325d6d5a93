//! The rating of a closed conversation: 1 to 5 (native radios in a fieldset) and an
//! optional comment, with the error-summary pattern when no rating was chosen.

use super::pane::MessageBox;
use super::state::ChatState;
use super::LiveChatMsg;
use crate::client::{use_api_client, ClientError};
use crate::error_summary::{field_errors_from, FieldError};
use crate::form::{use_form, Form};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use sf_api::live_chat::{RatingRequest, MAX_RATING_COMMENT_CHARS};
use sf_api::validation::{Field, FieldProblem, FieldRefusal, Refusals, Validate};
use std::future::Future;

const STARS_ID: &str = "sf-chat-stars-1";
const COMMENT_ID: &str = "sf-chat-comment";
const STARS: Field = Field {
    name: "stars",
    label: "rating",
};
const COMMENT: Field = Field {
    name: "comment",
    label: "comment",
};
/// Each field of the request and its input (the first radio stands for the group).
const INPUTS: [(Field, &str); 2] = [(STARS, STARS_ID), (COMMENT, COMMENT_ID)];
const CHOICES: [(i64, LiveChatMsg); 5] = [
    (1, LiveChatMsg::Stars1),
    (2, LiveChatMsg::Stars2),
    (3, LiveChatMsg::Stars3),
    (4, LiveChatMsg::Stars4),
    (5, LiveChatMsg::Stars5),
];

/// The form as filled in: a rating is not chosen until the shopper picks one.
struct RatingForm {
    stars: Option<i64>,
    comment: String,
}

impl RatingForm {
    fn check(&self) -> Refusals {
        let mut refusals = Refusals::default();
        refusals.check(STARS, self.stars.ok_or(FieldProblem::Missing));
        let comment_fits = if self.comment.chars().count() > MAX_RATING_COMMENT_CHARS {
            Err(FieldProblem::TooLong(MAX_RATING_COMMENT_CHARS))
        } else {
            Ok(())
        };
        refusals.check(COMMENT, comment_fits);
        refusals
    }
}

impl Validate for RatingForm {
    type Valid = RatingRequest;

    fn validate(&self) -> Result<RatingRequest, Vec<FieldRefusal>> {
        let valid = self.stars.map(|stars| RatingRequest {
            stars,
            comment: self.comment.trim().to_owned(),
        });
        self.check().finish(valid)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.check().into_vec()
    }
}

/// Asks how the conversation went; calls `rated` once the server has the rating.
#[component]
pub(super) fn Rating(
    /// The chat (for its conversation).
    state: RwSignal<ChatState>,
    /// Called once the rating is stored.
    rated: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let stars = RwSignal::new(None::<i64>);
    let comment = RwSignal::new(String::new());
    let rate = move |form: RatingForm| -> std::pin::Pin<Box<dyn Future<Output = Result<(), ClientError>>>> {
        let ticket = state.with_untracked(|current| current.ticket.clone());
        match (ticket, form.validate()) {
            (Some(ticket), Ok(rating)) => Box::pin(client.rate_conversation(&ticket, rating)),
            _ => Box::pin(std::future::ready(Err(ClientError::UnexpectedResponse(0)))),
        }
    };
    let form = use_form(
        rate,
        move |()| rated.run(()),
        move |error| field_errors_from(i18n, error, &INPUTS),
    );
    let on_submit = Callback::new(move |()| {
        let filled = RatingForm {
            stars: stars.get_untracked(),
            comment: comment.get_untracked(),
        };
        form.submit(filled, |refusal| {
            if refusal.field == STARS {
                FieldError::new(STARS_ID, i18n.t(LiveChatMsg::RatingMissing))
            } else {
                FieldError::new(COMMENT_ID, i18n.t(LiveChatMsg::CommentTooLong))
            }
        });
    });
    let stars_error = form.errors.for_field(STARS_ID);
    view! {
        <Form
            errors=form.errors
            pending=form.pending()
            heading_id="sf-chat-rating-heading"
            class="sf-chat__rating"
            submit_label=i18n.text(LiveChatMsg::RateButton)
            on_submit=on_submit
        >
            <h3 id="sf-chat-rating-heading" class="sf-visually-hidden">{i18n.text(LiveChatMsg::RatingLegend)}</h3>
            <fieldset class="sf-chat__stars">
                <legend class="sf-field__label">{i18n.text(LiveChatMsg::RatingLegend)}</legend>
                {move || stars_error.get().map(|message| view! { <p class="sf-field__error">{message}</p> })}
                {CHOICES
                    .into_iter()
                    .map(|(value, msg)| {
                        let id = format!("sf-chat-stars-{value}");
                        view! {
                            <div class="sf-chat__star">
                                <input
                                    type="radio"
                                    name="sf-chat-stars"
                                    id=id.clone()
                                    value=value.to_string()
                                    on:change=move |_| stars.set(Some(value))
                                />
                                <label for=id>{i18n.text(msg)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <MessageBox
                id=COMMENT_ID
                label=i18n.text(LiveChatMsg::CommentLabel)
                value=comment
                error=form.errors.for_field(COMMENT_ID)
            />
        </Form>
    }
}
