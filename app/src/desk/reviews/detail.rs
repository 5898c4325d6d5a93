//! One review open in the desk: what the shopper wrote (as text), its photos, who they are,
//! the moderation log, the decisions its status allows (publish; reject with a reason) and
//! the store's public reply. After a decision or a reply the status message says what it
//! did and takes focus.

use super::{flags_text, purchase_name, status_name, Stars};
use crate::desk::messages::DeskMsg;
use crate::desk::parts::{refusal_errors, required, text_error, CountedTextarea, DoneNote, Opened};
use leptos::html;
use leptos::prelude::*;
use sf_api::reviews::{
    DeskReview, Fit, ModerationDecision, ModerationRequest, ReplyRequest, ReviewStatus,
    MAX_REPLY_CHARS,
};
use sf_api::validation::{Field, FieldRefusal, Validate};
use sf_components::form::{use_form, Form, UseForm};
use sf_components::i18n::{format_date, DateStyle};
use sf_components::{use_api_client, use_i18n, ErrorSummary, FieldError, I18n};

/// The open review's heading.
const DETAIL_HEADING_ID: &str = "sf-desk-review-heading";
/// The reason for rejecting.
const REASON_ID: &str = "sf-desk-review-reason";
/// The store's reply.
const REPLY_ID: &str = "sf-desk-review-reply";
/// The reply form's heading.
const REPLY_HEADING_ID: &str = "sf-desk-review-reply-heading";

/// The rejection's reason, as the server names it in a 422.
const REASON: Field = Field {
    name: "reason",
    label: "reason",
};
/// The reply's text, as the server names it in a 422.
const REPLY: Field = Field {
    name: "body",
    label: "reply",
};

/// A decision, checked as the server checks it: only a rejection needs a reason.
struct Decision(ModerationRequest);

impl Validate for Decision {
    type Valid = ();

    fn validate(&self) -> Result<(), Vec<FieldRefusal>> {
        match self.0.status {
            ReviewStatus::Rejected => required(
                REASON,
                self.0.reason.as_deref().unwrap_or_default(),
                MAX_REPLY_CHARS,
            ),
            _ => Ok(()),
        }
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// The store's reply, checked as the server checks it: some text, not too much.
struct Reply(ReplyRequest);

impl Validate for Reply {
    type Valid = ();

    fn validate(&self) -> Result<(), Vec<FieldRefusal>> {
        required(REPLY, &self.0.body, MAX_REPLY_CHARS)
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// The input of a field the server named, for a decision or a reply.
fn input_of(name: &str) -> Option<String> {
    [(REASON, REASON_ID), (REPLY, REPLY_ID)]
        .into_iter()
        .find(|(field, _)| field.name == name)
        .map(|(_, input)| input.to_owned())
}

/// What the status message says after a decision.
fn decided(status: ReviewStatus) -> DeskMsg {
    match status {
        ReviewStatus::Published => DeskMsg::DoneReviewPublished,
        ReviewStatus::Rejected => DeskMsg::DoneReviewRejected,
        ReviewStatus::Pending => DeskMsg::ReviewPending,
    }
}

/// One review: its heading (focused at each opening), the status message, the decisions'
/// problems, the review and its log, the decisions, and the reply.
#[component]
pub(super) fn ReviewDetail(
    /// The desk token.
    token: StoredValue<String>,
    /// The review shown, and where decisions and replies are told.
    opened: Opened<DeskReview>,
    /// Its id.
    id: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let form = use_form(
        move |decision: Decision| client.decide_review(token.get_value(), id, &decision.0),
        move |answer: DeskReview| {
            let done = i18n.t(decided(answer.status)).to_owned();
            opened.moved(answer, done);
        },
        move |error| refusal_errors(i18n, error, input_of),
    );
    let heading = NodeRef::<html::H3>::new();
    opened.focus_on_opening(heading);
    let title = Memo::new(move |_| {
        opened.shown.with(|shown| {
            shown
                .as_ref()
                .map(|found| found.review.title.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="sf-desk-reviews__detail" aria-labelledby=DETAIL_HEADING_ID>
            <h3 id=DETAIL_HEADING_ID tabindex="-1" node_ref=heading>
                {move || i18n.format(DeskMsg::ReviewHeading, &[("title", &title.get())])}
            </h3>
            <DoneNote done=opened.done />
            <ErrorSummary errors=form.errors.all />
            {move || {
                opened.shown.get().map(|found| {
                    let status = found.status;
                    view! {
                        <ReviewFacts found=found />
                        <Decisions status=status form=form />
                    }
                })
            }}
            <ReplyForm token=token opened=opened id=id />
        </section>
    }
}

/// The review as the shopper wrote it (text only), who they are, and its log.
#[component]
fn ReviewFacts(
    /// The review.
    found: DeskReview,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let locale = i18n.locale.get_untracked();
    let DeskReview {
        review,
        product,
        status,
        order_number,
        email,
        decisions,
    } = found;
    let written = format_date(&review.created_at, locale, DateStyle::DayAndTime);
    let term = move |term: DeskMsg, value: AnyView| {
        view! {
            <dt>{i18n.text(term)}</dt>
            <dd>{value}</dd>
        }
    };
    let photos = (!review.photos.is_empty()).then(|| {
        let items = review
            .photos
            .iter()
            .enumerate()
            .map(|(at, photo)| {
                let url = client.api_link(photo);
                let link = url.clone();
                let alt = i18n.format(
                    DeskMsg::ReviewPhotoAlt,
                    &[("number", &(at + 1).to_string())],
                );
                view! {
                    <li>
                        <a href=link target="_blank" rel="noopener">
                            <img class="sf-desk-reviews__photo" src=url alt=alt loading="lazy" />
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h4>{i18n.text(DeskMsg::PhotosHeading)}</h4>
            <ul class="sf-desk-reviews__photos">{items}</ul>
        }
    });
    view! {
        <dl class="sf-desk-reviews__facts">
            {term(DeskMsg::ProductColumn, format!("{} ({})", product.name, product.sku).into_any())}
            {term(DeskMsg::StatusColumn, i18n.text(status_name(status)).into_any())}
            {term(DeskMsg::RatingColumn, view! { <Stars stars=review.rating /> }.into_any())}
            {term(DeskMsg::ReviewerColumn, review.display_name.into_any())}
            {term(DeskMsg::PurchaseColumn, i18n.text(purchase_name(review.verified)).into_any())}
            {order_number.map(|number| term(DeskMsg::OrderTerm, number.into_any()))}
            {email.map(|email| term(DeskMsg::EmailTerm, email.into_any()))}
            {term(DeskMsg::WrittenOnColumn, view! { <time datetime=review.created_at>{written}</time> }.into_any())}
            {review.fit.map(|fit| term(DeskMsg::FitTerm, i18n.text(fit_name(fit)).into_any()))}
            {review.quality.map(|stars| term(DeskMsg::QualityTerm, view! { <Stars stars=stars /> }.into_any()))}
            {term(DeskMsg::HelpfulTerm, review.helpful.to_string().into_any())}
        </dl>
        <h4>{i18n.text(DeskMsg::ReviewTextHeading)}</h4>
        <p class="sf-desk-reviews__title">{review.title}</p>
        <p class="sf-desk-reviews__body">{review.body}</p>
        {photos}
        <h4>{i18n.text(DeskMsg::ModerationLogHeading)}</h4>
        <ModerationLog decisions=decisions />
    }
}

/// A fit in words.
fn fit_name(fit: Fit) -> DeskMsg {
    match fit {
        Fit::RunsSmall => DeskMsg::FitRunsSmall,
        Fit::TrueToSize => DeskMsg::FitTrueToSize,
        Fit::RunsLarge => DeskMsg::FitRunsLarge,
    }
}

/// Every decision, oldest first: what was decided, by whom (or the automatic check), when,
/// what the check found and the agent's reason.
#[component]
fn ModerationLog(
    /// The decisions.
    decisions: Vec<ModerationDecision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let entries = decisions
        .into_iter()
        .map(|decision| {
            let date = format_date(&decision.at, locale, DateStyle::DayAndTime);
            let status = i18n.t(status_name(decision.status));
            let step = match decision.agent.as_deref() {
                Some(agent) => i18n.format(
                    DeskMsg::LogAgent,
                    &[("status", status), ("agent", agent), ("date", &date)],
                ),
                None => i18n.format(
                    DeskMsg::LogAutomatic,
                    &[("status", status), ("date", &date)],
                ),
            };
            let flags = (!decision.flags.is_empty()).then(|| {
                let flags = flags_text(i18n, &decision.flags);
                view! { <p>{i18n.format(DeskMsg::LogFlags, &[("flags", &flags)])}</p> }
            });
            let reason = decision.reason.map(|reason| {
                view! { <p>{i18n.format(DeskMsg::HistoryNote, &[("note", &reason)])}</p> }
            });
            view! { <li>{step} {flags} {reason}</li> }
        })
        .collect_view();
    view! { <ol class="sf-desk-reviews__log">{entries}</ol> }
}

/// The rejection's reason refused by the browser, in words.
fn reason_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    text_error(
        i18n,
        refusal,
        REASON_ID,
        DeskMsg::ReviewRejectReasonMissing,
        DeskMsg::RejectReasonTooLong,
    )
}

/// The decisions the review's status allows: a pending review is published or rejected, a
/// published one can be taken down, a rejected one reconsidered.
#[component]
fn Decisions(
    /// Where the review stands.
    status: ReviewStatus,
    /// Sends a decision.
    form: UseForm<Decision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = form.pending();
    let publish = move || {
        let publishing = move |_| {
            let decision = ModerationRequest {
                status: ReviewStatus::Published,
                reason: None,
            };
            form.submit(Decision(decision), move |refusal| {
                reason_error(i18n, refusal)
            });
        };
        view! {
            <button type="button" class="sf-button" id="sf-desk-review-publish" aria-disabled=move || pending.get().then_some("true") on:click=publishing>
                {i18n.text(DeskMsg::Publish)}
            </button>
        }
    };
    let moves = match status {
        ReviewStatus::Pending => view! {
            {publish()}
            <RejectForm form=form />
        }
        .into_any(),
        ReviewStatus::Published => view! { <RejectForm form=form /> }.into_any(),
        ReviewStatus::Rejected => publish().into_any(),
    };
    view! {
        <div class="sf-desk-reviews__moves">
            <h4>{i18n.text(DeskMsg::HelpActions)}</h4>
            {moves}
        </div>
    }
}

/// Rejecting: the reason (kept in the moderation log) and the button.
#[component]
fn RejectForm(
    /// Sends the rejection.
    form: UseForm<Decision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let pending = form.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let decision = ModerationRequest {
            status: ReviewStatus::Rejected,
            reason: Some(reason.get_untracked()),
        };
        form.submit(Decision(decision), move |refusal| {
            reason_error(i18n, refusal)
        });
    };
    view! {
        <form class="sf-desk-reviews__reject" novalidate on:submit=submit>
            <CountedTextarea
                id=REASON_ID
                label=DeskMsg::ReviewRejectReasonLabel
                value=reason
                max=MAX_REPLY_CHARS
                error=form.errors.for_field(REASON_ID)
            />
            <button type="submit" class="sf-button sf-button--secondary" id="sf-desk-review-reject" aria-disabled=move || pending.get().then_some("true")>
                {i18n.text(DeskMsg::Reject)}
            </button>
        </form>
    }
}

/// The store's public reply: the text (the current reply to start with) with its count, and
/// Save, which replaces an earlier reply.
#[component]
fn ReplyForm(
    /// The desk token.
    token: StoredValue<String>,
    /// The review shown, and where the reply is told.
    opened: Opened<DeskReview>,
    /// The review's id.
    id: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let current = move || {
        opened.shown.with(|shown| {
            shown
                .as_ref()
                .and_then(|found| found.review.reply.as_ref())
                .map(|reply| reply.body.clone())
        })
    };
    let body = RwSignal::new(untrack(current).unwrap_or_default());
    let form = use_form(
        move |reply: Reply| client.reply_to_review(token.get_value(), id, &reply.0),
        move |answer: DeskReview| {
            opened.moved(answer, i18n.t(DeskMsg::DoneReplySaved).to_owned());
        },
        move |error| refusal_errors(i18n, error, input_of),
    );
    let save = move |()| {
        let reply = ReplyRequest {
            body: body.get_untracked(),
        };
        form.submit(Reply(reply), move |refusal| {
            text_error(
                i18n,
                refusal,
                REPLY_ID,
                DeskMsg::ReplyMissing,
                DeskMsg::ReplyTooLong,
            )
        });
    };
    view! {
        <Form
            errors=form.errors
            pending=form.pending()
            heading_id=REPLY_HEADING_ID
            class="sf-desk-reviews__reply-form"
            submit_label=i18n.text(DeskMsg::SaveReply)
            pending_label=i18n.text(DeskMsg::Saving)
            on_submit=Callback::new(save)
        >
            <h4 id=REPLY_HEADING_ID>{i18n.text(DeskMsg::StoreReplyHeading)}</h4>
            {move || current().is_some().then(|| view! { <p>{i18n.text(DeskMsg::ReplyReplaces)}</p> })}
            <CountedTextarea
                id=REPLY_ID
                label=DeskMsg::ReplyAsStore
                value=body
                max=MAX_REPLY_CHARS
                error=form.errors.for_field(REPLY_ID)
            />
        </Form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::validation::FieldProblem;

    fn decision(status: ReviewStatus, reason: Option<&str>) -> Decision {
        Decision(ModerationRequest {
            status,
            reason: reason.map(str::to_owned),
        })
    }

    #[test]
    fn only_a_rejection_needs_a_reason() {
        assert!(decision(ReviewStatus::Published, None)
            .refusals()
            .is_empty());
        let bare = decision(ReviewStatus::Rejected, Some("  ")).refusals();
        assert_eq!(bare[0].field, REASON);
        assert_eq!(bare[0].problem, FieldProblem::Missing);
        assert_eq!(decision(ReviewStatus::Rejected, None).refusals().len(), 1);
        let long = "x".repeat(MAX_REPLY_CHARS + 1);
        assert_eq!(
            decision(ReviewStatus::Rejected, Some(&long)).refusals()[0].problem,
            FieldProblem::TooLong(MAX_REPLY_CHARS)
        );
        assert!(decision(ReviewStatus::Rejected, Some("Names a person"))
            .refusals()
            .is_empty());
    }

    #[test]
    fn a_reply_has_some_text_and_not_too_much() {
        let reply = |body: &str| {
            Reply(ReplyRequest {
                body: body.to_owned(),
            })
            .refusals()
        };
        assert_eq!(reply(" ")[0].field, REPLY);
        assert!(reply("Thank you, a new mug is on its way.").is_empty());
        assert_eq!(
            reply(&"x".repeat(MAX_REPLY_CHARS + 1))[0].problem,
            FieldProblem::TooLong(MAX_REPLY_CHARS)
        );
    }

    #[test]
    fn the_servers_field_names_lead_to_their_inputs() {
        assert_eq!(input_of("reason").as_deref(), Some(REASON_ID));
        assert_eq!(input_of("body").as_deref(), Some(REPLY_ID));
        assert_eq!(input_of("status"), None);
    }
}
