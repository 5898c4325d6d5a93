//! The desk's side of reviews: the moderation queue filtered by status (the reviews the
//! automatic check held, to start with), one review at a time with its moderation log, the
//! decisions its status allows and the store's public reply, and the review links of an
//! order to send a shopper.
//!
//! Review text is the shopper's (hostile, perhaps): every part of it is rendered as text.

mod detail;
mod requests;

use super::messages::DeskMsg;
use super::parts::{header_row, queue_answer, Opened};
use super::DeskSection;
use leptos::prelude::*;
use sf_api::reviews::{DeskReview, ModerationDecision, ModerationFlag, ReviewStatus};
use sf_components::i18n::{format_date, DateStyle};
use sf_components::{use_api_client, use_i18n, I18n};

/// The queue's status filter.
const FILTER_ID: &str = "sf-desk-reviews-status";
/// The queue's heading.
const QUEUE_HEADING_ID: &str = "sf-desk-reviews-queue-heading";

/// The reviews part of the desk, shut until asked for.
#[component]
pub fn ReviewsDesk(
    /// The desk token.
    token: String,
) -> impl IntoView {
    let token = StoredValue::new(token);
    view! {
        <DeskSection name="reviews" heading=DeskMsg::ReviewsHeading>
            <ReviewsWorkspace token=token />
        </DeskSection>
    }
}

/// The review open, the queue, and the finder of an order's review links.
#[component]
fn ReviewsWorkspace(
    /// The desk token.
    token: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let opened = Opened::<DeskReview>::new();
    let id_shown = Memo::new(move |_| {
        opened
            .shown
            .with(|shown| shown.as_ref().map(|found| found.review.id))
    });
    view! {
        {move || opened.failed.get().then(|| view! { <p role="alert">{i18n.text(DeskMsg::ReviewLoadFailed)}</p> })}
        // One detail per review: another review starts afresh (its forms, its focus), while a
        // decision or a reply on the same one keeps the detail and refreshes what it shows.
        {move || id_shown.get().map(|id| view! { <detail::ReviewDetail token=token opened=opened id=id /> })}
        <ReviewQueue token=token opened=opened />
        <requests::RequestLinks token=token />
    }
}

/// The reviews in one status (those waiting for moderation to start with).
#[component]
fn ReviewQueue(
    /// The desk token.
    token: StoredValue<String>,
    /// Where a review opened is shown; its decisions make the queue read again.
    opened: Opened<DeskReview>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let filter = RwSignal::new(ReviewStatus::Pending);
    let reviews = LocalResource::new(move || {
        opened.moves.track();
        client.desk_reviews(token.get_value(), filter.get())
    });
    let open = Callback::new(move |id: i64| {
        opened.load(client.desk_review(token.get_value(), id));
    });
    let pick = move |ev: leptos::ev::Event| {
        if let Some(status) = ReviewStatus::from_wire(&event_target_value(&ev)) {
            filter.set(status);
        }
    };
    view! {
        <section class="sf-desk-reviews__queue" aria-labelledby=QUEUE_HEADING_ID>
            <h3 id=QUEUE_HEADING_ID>{i18n.text(DeskMsg::ReviewQueueHeading)}</h3>
            <div class="sf-field">
                <label class="sf-field__label" for=FILTER_ID>{i18n.text(DeskMsg::ReviewFilter)}</label>
                <select class="sf-field__input" id=FILTER_ID on:change=pick>
                    {ReviewStatus::ALL
                        .into_iter()
                        .map(|status| view! {
                            <option value=status.as_str() prop:selected=move || filter.get() == status>
                                {i18n.text(status_name(status))}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
            {queue_answer(i18n, reviews, DeskMsg::ReviewQueueEmpty, DeskMsg::ReviewQueueFailed, move |entries| {
                view! { <QueueTable entries=entries open=open /> }
            })}
        </section>
    }
}

/// The queue's reviews, each with a button that opens it.
#[component]
fn QueueTable(
    /// The reviews, as the server lists them.
    entries: Vec<DeskReview>,
    /// Opens the review of this id.
    open: Callback<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let check = check_text(i18n, &entry.decisions);
            let review = entry.review;
            let named = i18n.format(DeskMsg::OpenReviewNamed, &[("title", &review.title)]);
            let written = format_date(&review.created_at, locale, DateStyle::Day);
            let id = review.id;
            view! {
                <tr id=format!("sf-desk-review-{id}")>
                    <th scope="row">{review.title}</th>
                    <td>{entry.product.name}</td>
                    <td><Stars stars=review.rating /></td>
                    <td>{review.display_name}</td>
                    <td>{i18n.text(purchase_name(review.verified))}</td>
                    <td><time datetime=review.created_at>{written}</time></td>
                    <td>{check}</td>
                    <td>
                        <button type="button" class="sf-button sf-button--secondary" aria-label=named on:click=move |_| open.run(id)>
                            {i18n.text(DeskMsg::Open)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::ReviewTitleColumn,
        DeskMsg::ProductColumn,
        DeskMsg::RatingColumn,
        DeskMsg::ReviewerColumn,
        DeskMsg::PurchaseColumn,
        DeskMsg::WrittenOnColumn,
        DeskMsg::CheckColumn,
    ];
    view! {
        <table class="sf-desk-reviews__table">
            <caption class="sf-visually-hidden">{i18n.text(DeskMsg::ReviewQueueHeading)}</caption>
            <thead>{header_row(i18n, &columns, true)}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A star rating drawn and in words: the drawing is hidden from screen readers, which read
/// the words.
#[component]
fn Stars(
    /// 1 to 5.
    stars: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="sf-desk-reviews__stars" aria-hidden="true">{star_glyphs(stars)}</span>
        " "
        {i18n.format(DeskMsg::StarsOfFive, &[("stars", &stars.to_string())])}
    }
}

/// `stars` filled stars and the rest of five empty ones.
fn star_glyphs(stars: u8) -> String {
    let filled = usize::from(stars.min(5));
    "★".repeat(filled) + &"☆".repeat(5 - filled)
}

/// What the automatic check held a review for: the flags of its latest decision (none for a
/// review it let through).
fn held_for(decisions: &[ModerationDecision]) -> &[ModerationFlag] {
    decisions
        .iter()
        .rev()
        .find(|decision| decision.agent.is_none())
        .map_or(&[], |decision| decision.flags.as_slice())
}

/// Flags in words, joined: "link, phone number".
fn flags_text(i18n: I18n, flags: &[ModerationFlag]) -> String {
    flags
        .iter()
        .map(|&flag| i18n.t(flag_name(flag)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The automatic check's finding in a queue row: "Held: link, phone number".
fn check_text(i18n: I18n, decisions: &[ModerationDecision]) -> String {
    match held_for(decisions) {
        [] => i18n.t(DeskMsg::NothingFound).to_owned(),
        flags => i18n.format(DeskMsg::HeldFor, &[("flags", &flags_text(i18n, flags))]),
    }
}

/// A review's status in words.
pub(super) fn status_name(status: ReviewStatus) -> DeskMsg {
    match status {
        ReviewStatus::Pending => DeskMsg::ReviewPending,
        ReviewStatus::Published => DeskMsg::ReviewPublished,
        ReviewStatus::Rejected => DeskMsg::ReviewRejected,
    }
}

/// Whether a review is a verified purchase, in words.
fn purchase_name(verified: bool) -> DeskMsg {
    if verified {
        DeskMsg::VerifiedPurchase
    } else {
        DeskMsg::NotVerified
    }
}

/// A flag in words.
fn flag_name(flag: ModerationFlag) -> DeskMsg {
    match flag {
        ModerationFlag::Link => DeskMsg::FlagLink,
        ModerationFlag::Spam => DeskMsg::FlagSpam,
        ModerationFlag::Profanity => DeskMsg::FlagProfanity,
        ModerationFlag::Email => DeskMsg::FlagEmail,
        ModerationFlag::Phone => DeskMsg::FlagPhone,
    }
}

/// One of the shopper's reviews on their timeline beside a chat: product, stars, title,
/// status and date, and the store's reply under it.
#[component]
pub(super) fn TimelineReviewItem(
    /// The review.
    review: sf_api::reviews::TimelineReview,
) -> impl IntoView {
    let i18n = use_i18n();
    let date = format_date(
        &review.created_at,
        i18n.locale.get_untracked(),
        DateStyle::Day,
    );
    let entry = i18n.format(
        DeskMsg::TimelineReviewEntry,
        &[
            ("product", &review.product_name),
            ("stars", &review.rating.to_string()),
            ("title", &review.title),
            ("status", i18n.t(status_name(review.status))),
            ("date", &date),
        ],
    );
    let reply = review.reply.map(|reply| {
        view! { <p class="sf-desk-reviews__reply">{i18n.format(DeskMsg::TimelineReviewReply, &[("reply", &reply.body)])}</p> }
    });
    view! { <li>{entry} {reply}</li> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(agent: Option<&str>, flags: Vec<ModerationFlag>) -> ModerationDecision {
        ModerationDecision {
            status: ReviewStatus::Pending,
            flags,
            reason: None,
            agent: agent.map(str::to_owned),
            at: "2026-01-02T03:04:05Z".into(),
        }
    }

    #[test]
    fn the_check_column_reads_the_automatic_decision_not_the_agents() {
        let log = [
            decision(None, vec![ModerationFlag::Link, ModerationFlag::Phone]),
            decision(Some("Sam"), vec![]),
        ];
        assert_eq!(
            held_for(&log),
            [ModerationFlag::Link, ModerationFlag::Phone]
        );
        assert!(held_for(&[decision(None, vec![])]).is_empty());
        assert!(held_for(&[]).is_empty());
    }

    #[test]
    fn stars_are_drawn_out_of_five() {
        assert_eq!(star_glyphs(1), "★☆☆☆☆");
        assert_eq!(star_glyphs(5), "★★★★★");
        assert_eq!(star_glyphs(9), "★★★★★");
    }
}
