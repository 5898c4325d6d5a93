//! Reviews: a product's published reviews with their rating summary and JSON-LD, the review a
//! shopper writes (verified only by a delivered order, never by their say-so), helpful votes,
//! review requests sent after delivery, and the desk's moderation and replies.
//!
//! Whether a review is published is always the server's decision: the client checks only what
//! a form can check (a rating chosen, lengths) so a shopper hears of a slip before a round
//! trip, with the same [`ReviewSubmission::refusals`] the server runs first.

use crate::validation::{optional_text, required_text, EmailAddress, OrderNumber};
use serde::{Deserialize, Serialize};

/// Longest review title.
pub const MAX_REVIEW_TITLE_CHARS: usize = 120;
/// Longest review body.
pub const MAX_REVIEW_BODY_CHARS: usize = 4000;
/// Shortest review body: a few words tell other shoppers something a star rating does not.
pub const MIN_REVIEW_BODY_CHARS: usize = 10;
/// Longest display name.
pub const MAX_DISPLAY_NAME_CHARS: usize = 60;
/// Most photos with one review.
pub const MAX_REVIEW_PHOTOS: usize = 4;
/// Largest photo accepted with a review.
pub const MAX_REVIEW_PHOTO_BYTES: usize = 5 * 1024 * 1024;
/// Longest store reply, and longest reason an agent gives for rejecting a review.
pub const MAX_REPLY_CHARS: usize = 2000;
/// Reviews in one page of a listing.
pub const REVIEWS_PAGE_SIZE: u32 = 10;
/// Longest browser id a vote carries (the element makes a random one per browser); a voter
/// id is a client id ([`crate::validation::is_client_id`]).
pub const MAX_VOTER_CHARS: usize = crate::validation::MAX_CLIENT_ID_CHARS;

/// How a listing is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewSort {
    /// Newest first (the default).
    #[default]
    Newest,
    /// Most "helpful" votes first, then newest.
    MostHelpful,
    /// Five stars first, then newest.
    Highest,
    /// One star first, then newest.
    Lowest,
}

impl ReviewSort {
    /// Every order, as a sort control lists them.
    pub const ALL: [ReviewSort; 4] = [
        ReviewSort::Newest,
        ReviewSort::MostHelpful,
        ReviewSort::Highest,
        ReviewSort::Lowest,
    ];

    /// The wire name (`most_helpful`), also the query parameter's value.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewSort::Newest => "newest",
            ReviewSort::MostHelpful => "most_helpful",
            ReviewSort::Highest => "highest",
            ReviewSort::Lowest => "lowest",
        }
    }

    /// From the wire name.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.as_str() == name)
    }
}

/// How a garment fits, for products that ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Smaller than its size says.
    RunsSmall,
    /// As its size says.
    TrueToSize,
    /// Larger than its size says.
    RunsLarge,
}

impl Fit {
    /// Every answer, in the order a form lists them.
    pub const ALL: [Fit; 3] = [Fit::RunsSmall, Fit::TrueToSize, Fit::RunsLarge];

    /// The wire name (`true_to_size`).
    pub fn as_str(self) -> &'static str {
        match self {
            Fit::RunsSmall => "runs_small",
            Fit::TrueToSize => "true_to_size",
            Fit::RunsLarge => "runs_large",
        }
    }

    /// From the wire name.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|fit| fit.as_str() == name)
    }
}

/// Where a review stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Held for a person to read (an automatic check found links, profanity or personal data).
    Pending,
    /// Listed for every shopper.
    Published,
    /// Not listed; the reason is in the moderation log.
    Rejected,
}

impl ReviewStatus {
    /// Every status.
    pub const ALL: [ReviewStatus; 3] = [
        ReviewStatus::Pending,
        ReviewStatus::Published,
        ReviewStatus::Rejected,
    ];

    /// The wire and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Published => "published",
            ReviewStatus::Rejected => "rejected",
        }
    }

    /// From the wire and database name.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == name)
    }
}

/// Why the automatic check held a review. Never its rating: one star is published like five.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ModerationFlag {
    /// A web address or link.
    Link,
    /// Spam: the same character or word over and over, or a title and body in capitals.
    Spam,
    /// A word of the profanity list.
    Profanity,
    /// An email address (someone's personal data).
    Email,
    /// A phone number (someone's personal data).
    Phone,
}

impl ModerationFlag {
    /// Every flag.
    pub const ALL: [ModerationFlag; 5] = [
        ModerationFlag::Link,
        ModerationFlag::Spam,
        ModerationFlag::Profanity,
        ModerationFlag::Email,
        ModerationFlag::Phone,
    ];

    /// The wire and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            ModerationFlag::Link => "link",
            ModerationFlag::Spam => "spam",
            ModerationFlag::Profanity => "profanity",
            ModerationFlag::Email => "email",
            ModerationFlag::Phone => "phone",
        }
    }

    /// From the wire and database name.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|flag| flag.as_str() == name)
    }
}

/// The product a listing or form is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewedProduct {
    /// Its SKU (what a merchant writes in the element's `product` attribute).
    pub sku: String,
    /// Its name.
    pub name: String,
    /// Whether reviews rate its fit (garments and shoes).
    pub asks_fit: bool,
    /// Whether reviews rate its quality separately.
    pub asks_quality: bool,
}

/// A product's ratings: how many of each, so the average, the count and the histogram are
/// read off one value and can never disagree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingSummary {
    /// Published reviews with 1, 2, 3, 4 and 5 stars (index 0 is one star).
    pub histogram: [u32; 5],
}

impl RatingSummary {
    /// How many published reviews.
    pub fn count(&self) -> u32 {
        self.histogram.iter().sum()
    }

    /// The average in tenths of a star, rounded half up (43 is 4.3), `None` without reviews.
    pub fn average_tenths(&self) -> Option<u32> {
        let count = u64::from(self.count());
        if count == 0 {
            return None;
        }
        let stars: u64 = (1..=5u64)
            .zip(self.histogram)
            .map(|(stars, reviews)| stars * u64::from(reviews))
            .sum();
        // Rounded half up in integers: (stars * 10 / count) with the remainder carried.
        Some(((stars * 20 + count) / (2 * count)) as u32)
    }

    /// The share of reviews with `stars` (1 to 5), in whole percent rounded down.
    pub fn percent_of(&self, stars: u8) -> u32 {
        let count = self.count();
        match (count, usize::from(stars).checked_sub(1)) {
            (0, _) | (_, None) => 0,
            (count, Some(index)) => self.histogram.get(index).map_or(0, |n| n * 100 / count),
        }
    }
}

/// The store's public answer under a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StoreReply {
    /// What the store said (plain text).
    pub body: String,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// One published review as every shopper sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewView {
    /// Its id (votes name it).
    pub id: i64,
    /// 1 to 5 stars.
    pub rating: u8,
    /// Its title (plain text).
    pub title: String,
    /// Its body (plain text; line breaks kept).
    pub body: String,
    /// The name the shopper chose to show.
    pub display_name: String,
    /// Tied to a delivered order of this product.
    pub verified: bool,
    /// When it was written (RFC 3339, UTC).
    pub created_at: String,
    /// How it fits, when the product asks and the shopper said.
    pub fit: Option<Fit>,
    /// Quality in 1 to 5 stars, when the product asks and the shopper said.
    pub quality: Option<u8>,
    /// Its photos' addresses.
    pub photos: Vec<String>,
    /// How many shoppers found it helpful.
    pub helpful: u32,
    /// The store's reply, when there is one.
    pub reply: Option<StoreReply>,
}

/// `GET /products/{sku}/reviews`: which reviews to list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[serde(deny_unknown_fields)]
pub struct ReviewQuery {
    /// The order (`newest` when absent).
    pub sort: Option<ReviewSort>,
    /// Only reviews with this many stars (1 to 5).
    pub rating: Option<u8>,
    /// Only reviews with photos.
    pub with_photos: Option<bool>,
    /// The page, from 1 ([`REVIEWS_PAGE_SIZE`] reviews each).
    pub page: Option<u32>,
}

/// What `GET /products/{sku}/reviews` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductReviews {
    /// The product.
    pub product: ReviewedProduct,
    /// Every published review's rating (not only the filtered ones).
    pub summary: RatingSummary,
    /// How many published reviews match the filter.
    pub matching: u32,
    /// The page asked for.
    pub page: u32,
    /// This page's reviews.
    pub reviews: Vec<ReviewView>,
    /// schema.org `Product` with `AggregateRating` and this page's `Review`s, as the text of a
    /// `<script type="application/ld+json">` (`<` escaped, so it is safe inside HTML).
    pub json_ld: String,
}

/// How a shopper proves they bought what they review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum PurchaseProof {
    /// The order number and the email it was placed with.
    Order {
        /// As on the confirmation (`SF-1001`).
        order_number: String,
        /// The order's email address.
        email: String,
    },
    /// The review-request link sent after delivery.
    Request {
        /// The review request's id.
        request: i64,
        /// Its signed token.
        token: String,
    },
}

/// `POST /products/{sku}/reviews`: a review as the shopper wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewSubmission {
    /// Made once per form: a double click or a retry with the same id makes one review.
    pub request_id: String,
    /// 1 to 5 stars; `None` when the shopper chose none.
    pub rating: Option<u8>,
    /// A short title.
    pub title: String,
    /// What they think.
    pub body: String,
    /// The name shown with the review.
    pub display_name: String,
    /// How it fits (only for products that ask).
    pub fit: Option<Fit>,
    /// Quality, 1 to 5 stars (only for products that ask).
    pub quality: Option<u8>,
    /// Keys of photos uploaded with `POST /reviews/photos`.
    pub photos: Vec<String>,
    /// Proof of a delivered order of the product; without it the review is not "verified".
    pub proof: Option<PurchaseProof>,
}

/// What is wrong with a review before it reaches the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewProblem {
    /// No star rating chosen.
    NoRating,
    /// A rating outside 1 to 5.
    RatingOutOfRange,
    /// No title.
    NoTitle,
    /// Title over [`MAX_REVIEW_TITLE_CHARS`].
    TitleTooLong,
    /// Body under [`MIN_REVIEW_BODY_CHARS`].
    BodyTooShort,
    /// Body over [`MAX_REVIEW_BODY_CHARS`].
    BodyTooLong,
    /// No display name.
    NoDisplayName,
    /// Display name over [`MAX_DISPLAY_NAME_CHARS`].
    DisplayNameTooLong,
    /// More than [`MAX_REVIEW_PHOTOS`] photos, or one named twice.
    TooManyPhotos,
    /// A photo key that was never uploaded.
    UnknownPhoto,
    /// A fit or quality answer for a product that does not ask for it, or quality out of range.
    NotAsked,
    /// The order number is not in its format or is missing.
    BadOrderNumber,
    /// The email address is not in its format or is missing.
    BadEmail,
    /// No delivered order of this product matches the order number and email.
    NotPurchased,
    /// The order already has a review of this product.
    AlreadyReviewed,
    /// The review-request link is not valid (or for another product).
    BadRequestLink,
    /// The request id is not 1 to 64 letters, digits, `-` or `_` (a client's bug).
    BadRequestId,
}

impl ReviewProblem {
    /// Every problem, for a client that reads a refusal's sentence back into its problem.
    pub const ALL: [ReviewProblem; 17] = [
        ReviewProblem::NoRating,
        ReviewProblem::RatingOutOfRange,
        ReviewProblem::NoTitle,
        ReviewProblem::TitleTooLong,
        ReviewProblem::BodyTooShort,
        ReviewProblem::BodyTooLong,
        ReviewProblem::NoDisplayName,
        ReviewProblem::DisplayNameTooLong,
        ReviewProblem::TooManyPhotos,
        ReviewProblem::UnknownPhoto,
        ReviewProblem::NotAsked,
        ReviewProblem::BadOrderNumber,
        ReviewProblem::BadEmail,
        ReviewProblem::NotPurchased,
        ReviewProblem::AlreadyReviewed,
        ReviewProblem::BadRequestLink,
        ReviewProblem::BadRequestId,
    ];

    /// The server's English sentence in an error body's `fields`; the form recognises it and
    /// shows its own, translated (as [`crate::returns::ReturnProblem::english`] does).
    pub fn english(self) -> String {
        match self {
            ReviewProblem::NoRating => "Choose a star rating.".into(),
            ReviewProblem::RatingOutOfRange => "Choose 1 to 5 stars.".into(),
            ReviewProblem::NoTitle => "Enter a title.".into(),
            ReviewProblem::TitleTooLong => {
                format!("The title must be {MAX_REVIEW_TITLE_CHARS} characters or fewer.")
            }
            ReviewProblem::BodyTooShort => {
                format!("Write at least {MIN_REVIEW_BODY_CHARS} characters in your review.")
            }
            ReviewProblem::BodyTooLong => {
                format!("Your review must be {MAX_REVIEW_BODY_CHARS} characters or fewer.")
            }
            ReviewProblem::NoDisplayName => "Enter the name to show with your review.".into(),
            ReviewProblem::DisplayNameTooLong => {
                format!("The name must be {MAX_DISPLAY_NAME_CHARS} characters or fewer.")
            }
            ReviewProblem::TooManyPhotos => {
                format!("Add at most {MAX_REVIEW_PHOTOS} photos, each once.")
            }
            ReviewProblem::UnknownPhoto => "Add the photo again: it was not found.".into(),
            ReviewProblem::NotAsked => "This product does not ask for this rating.".into(),
            ReviewProblem::BadOrderNumber => {
                "Enter the order number as it appears on your confirmation, like SF-1001.".into()
            }
            ReviewProblem::BadEmail => {
                "Enter an email address in the correct format, like name@example.com.".into()
            }
            ReviewProblem::NotPurchased => {
                "No delivered order of this product has this number and email: check both, or \
                 write your review without them."
                    .into()
            }
            ReviewProblem::AlreadyReviewed => {
                "This order already has a review of this product.".into()
            }
            ReviewProblem::BadRequestLink => {
                "This review link is not valid or has expired: write your review with your order \
                 number instead."
                    .into()
            }
            ReviewProblem::BadRequestId => "The request id is not in the expected format.".into(),
        }
    }
}

/// One refused field: `field` is the form control's name (`rating`, `title`, `body`,
/// `display_name`, `fit`, `quality`, `photos`, `order_number`, `email`, `request_id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewRefusal {
    /// The field.
    pub field: String,
    /// What is wrong.
    pub problem: ReviewProblem,
}

impl ReviewSubmission {
    /// Everything a form can see is wrong, in the order of the form; the server then checks
    /// the product's questions, photos, the proof and one review per order.
    pub fn refusals(&self) -> Vec<ReviewRefusal> {
        let mut refusals = Vec::new();
        let mut refuse = |field: &str, problem| {
            refusals.push(ReviewRefusal {
                field: field.to_owned(),
                problem,
            })
        };
        match self.rating {
            None => refuse("rating", ReviewProblem::NoRating),
            Some(stars) if !(1..=5).contains(&stars) => {
                refuse("rating", ReviewProblem::RatingOutOfRange)
            }
            Some(_) => {}
        }
        if self.quality.is_some_and(|stars| !(1..=5).contains(&stars)) {
            refuse("quality", ReviewProblem::NotAsked);
        }
        match required_text(&self.title, MAX_REVIEW_TITLE_CHARS) {
            Ok(_) => {}
            Err(crate::validation::FieldProblem::Missing) => {
                refuse("title", ReviewProblem::NoTitle)
            }
            Err(_) => refuse("title", ReviewProblem::TitleTooLong),
        }
        match optional_text(&self.body, MAX_REVIEW_BODY_CHARS) {
            Err(_) => refuse("body", ReviewProblem::BodyTooLong),
            Ok(body) if body.chars().count() < MIN_REVIEW_BODY_CHARS => {
                refuse("body", ReviewProblem::BodyTooShort)
            }
            Ok(_) => {}
        }
        match required_text(&self.display_name, MAX_DISPLAY_NAME_CHARS) {
            Ok(_) => {}
            Err(crate::validation::FieldProblem::Missing) => {
                refuse("display_name", ReviewProblem::NoDisplayName)
            }
            Err(_) => refuse("display_name", ReviewProblem::DisplayNameTooLong),
        }
        let named_twice = self
            .photos
            .iter()
            .enumerate()
            .any(|(at, key)| self.photos[..at].contains(key));
        if self.photos.len() > MAX_REVIEW_PHOTOS || named_twice {
            refuse("photos", ReviewProblem::TooManyPhotos);
        }
        if let Some(PurchaseProof::Order {
            order_number,
            email,
        }) = &self.proof
        {
            if OrderNumber::parse(order_number).is_err() {
                refuse("order_number", ReviewProblem::BadOrderNumber);
            }
            if EmailAddress::check(email).is_err() {
                refuse("email", ReviewProblem::BadEmail);
            }
        }
        if !crate::validation::is_client_id(&self.request_id) {
            refuse("request_id", ReviewProblem::BadRequestId);
        }
        refusals
    }
}

/// What `POST /products/{sku}/reviews` answers (201 when made, 200 when the request id had
/// made it already).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewCreated {
    /// The review's id.
    pub id: i64,
    /// Published at once, or held for a person to read.
    pub status: ReviewStatus,
    /// Tied to a delivered order of the product.
    pub verified: bool,
}

/// What `POST /reviews/photos` answers: the key to name in [`ReviewSubmission::photos`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewPhotoUploaded {
    /// The photo's key; a review must name it within 24 hours, or it is deleted.
    pub key: String,
    /// Where its uploader can preview it until a review names it; then shoppers see it
    /// there while that review is published (the desk through `DeskReview`'s addresses).
    pub url: String,
}

/// `POST /reviews/{id}/helpful`: one vote per browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpfulVote {
    /// The browser's random id (kept in its storage), at most [`MAX_VOTER_CHARS`].
    pub voter: String,
}

/// What a vote answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpfulCount {
    /// How many shoppers found it helpful now.
    pub helpful: u32,
    /// Whether this vote counted (`false`: this browser had voted already, or another from
    /// the same network address did in the last 24 hours).
    pub counted: bool,
}

/// `GET /review-requests/{id}?token=`: what a review-request link opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewRequestView {
    /// The request's id.
    pub id: i64,
    /// The product to review.
    pub product: ReviewedProduct,
    /// The order it was delivered with.
    pub order_number: String,
    /// The review already written from this request, if any.
    pub review: Option<ReviewCreated>,
}

/// A review request as the store sends it (`GET /desk/orders/{number}/review-requests`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewRequestLink {
    /// The request's id.
    pub id: i64,
    /// The product's SKU.
    pub sku: String,
    /// The product's name.
    pub product_name: String,
    /// Its signed token (lasts 90 days).
    pub token: String,
    /// The portal's review page with the request and token, ready to send to the shopper.
    pub url: String,
    /// When it was made (RFC 3339, UTC): when the order was delivered.
    pub created_at: String,
}

/// One entry of a review's moderation log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ModerationDecision {
    /// The status decided.
    pub status: ReviewStatus,
    /// What the automatic check found (empty for a person's decision or a clean review).
    pub flags: Vec<ModerationFlag>,
    /// The agent's reason, for a person's decision.
    pub reason: Option<String>,
    /// The agent's name; `None` for the automatic check.
    pub agent: Option<String>,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// A review as the desk sees it: every status, with its log and the shopper behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeskReview {
    /// The review as a shopper would see it, except its photos' addresses: the desk's
    /// (`/desk/reviews/photos/{key}?token=…`, signed for an hour or two), which show a held
    /// or rejected review's photos too.
    pub review: ReviewView,
    /// The product.
    pub product: ReviewedProduct,
    /// Where it stands.
    pub status: ReviewStatus,
    /// The verifying order's number.
    pub order_number: Option<String>,
    /// The verifying order's email (the shopper's timeline).
    pub email: Option<String>,
    /// Every decision, oldest first.
    pub decisions: Vec<ModerationDecision>,
}

/// `GET /desk/reviews?status=`: filter (pending when absent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[serde(deny_unknown_fields)]
pub struct DeskReviewQuery {
    /// Only reviews with this status.
    pub status: Option<ReviewStatus>,
}

/// `POST /desk/reviews/{id}/decision`: publish or reject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ModerationRequest {
    /// `published` or `rejected` (not `pending`).
    pub status: ReviewStatus,
    /// Why; required to reject, at most [`MAX_REPLY_CHARS`].
    pub reason: Option<String>,
}

/// `PUT /desk/reviews/{id}/reply`: the store's public reply (replaces an earlier one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    /// What the store says, 1 to [`MAX_REPLY_CHARS`] characters.
    pub body: String,
}

/// A review on the shopper's timeline in the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TimelineReview {
    /// The review's id.
    pub id: i64,
    /// The product's name.
    pub product_name: String,
    /// Its stars.
    pub rating: u8,
    /// Its title.
    pub title: String,
    /// Where it stands.
    pub status: ReviewStatus,
    /// When it was written (RFC 3339, UTC).
    pub created_at: String,
    /// The store's reply, when there is one.
    pub reply: Option<StoreReply>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submission() -> ReviewSubmission {
        ReviewSubmission {
            request_id: "form-1".into(),
            rating: Some(1),
            title: "Cracked".into(),
            body: "Arrived with a crack in the handle.".into(),
            display_name: "Lena".into(),
            fit: None,
            quality: None,
            photos: vec![],
            proof: None,
        }
    }

    #[test]
    fn a_one_star_review_is_as_valid_as_a_five_star_one() {
        assert!(submission().refusals().is_empty());
        let five = ReviewSubmission {
            rating: Some(5),
            ..submission()
        };
        assert!(five.refusals().is_empty());
    }

    #[test]
    fn every_field_a_form_can_check_is_named() {
        let empty = ReviewSubmission {
            request_id: String::new(),
            rating: None,
            title: " ".into(),
            body: "short".into(),
            display_name: String::new(),
            quality: Some(6),
            photos: vec!["a".into(), "a".into()],
            proof: Some(PurchaseProof::Order {
                order_number: "SF 10!".into(),
                email: "nope".into(),
            }),
            ..submission()
        };
        let fields: Vec<_> = empty
            .refusals()
            .into_iter()
            .map(|refusal| refusal.field)
            .collect();
        assert_eq!(
            fields,
            [
                "rating",
                "quality",
                "title",
                "body",
                "display_name",
                "photos",
                "order_number",
                "email",
                "request_id"
            ]
        );
    }

    #[test]
    fn the_summary_reads_average_and_shares_off_the_histogram() {
        let summary = RatingSummary {
            histogram: [1, 0, 0, 1, 2],
        };
        assert_eq!(summary.count(), 4);
        // (1 + 4 + 10) / 4 = 3.75, rounded half up to 3.8.
        assert_eq!(summary.average_tenths(), Some(38));
        assert_eq!(summary.percent_of(5), 50);
        assert_eq!(summary.percent_of(0), 0);
        assert_eq!(RatingSummary::default().average_tenths(), None);
    }

    #[test]
    fn wire_names_round_trip() {
        for sort in ReviewSort::ALL {
            assert_eq!(ReviewSort::from_wire(sort.as_str()), Some(sort));
        }
        for status in ReviewStatus::ALL {
            assert_eq!(ReviewStatus::from_wire(status.as_str()), Some(status));
        }
        for flag in ModerationFlag::ALL {
            assert_eq!(ModerationFlag::from_wire(flag.as_str()), Some(flag));
        }
        for fit in Fit::ALL {
            assert_eq!(Fit::from_wire(fit.as_str()), Some(fit));
        }
    }
}
