//! The review form's state as one value, changed only by [`apply`]: what is on screen, the
//! product and the review-request link, the shopper's answers as typed, their photos, the
//! problems to show and the one request in flight. The view reads it and sends [`Event`]s; an
//! effect sends the request [`ReviewFormState::waiting`] names. Every transition is tested
//! natively, without a browser or a server.
//!
//! All of it is in the form's chunk (see [`super::ReviewForm`]): the module's first download
//! knows only whether the shopper opened the form.

use super::messages::ReviewFormMsg;
use crate::client::ClientError;
use crate::form;
use crate::rating_input::target_id;
use sf_api::reviews::{
    Fit, PurchaseProof, ReviewCreated, ReviewPhotoUploaded, ReviewProblem, ReviewRequestView,
    ReviewSubmission, ReviewedProduct, MAX_REVIEW_PHOTOS,
};

/// What the module's first download knows of the form (see [`super::ReviewForm`]): whether
/// it is open, whether focus goes to its stars once they are drawn, and how many times its
/// chunk was asked for again. Whether the chunk arrived or failed is the chunk's loader's
/// (see [`crate::chunk::chunk_view`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Opening {
    /// Whether the form is open (its chunk fetched and drawn).
    pub started: bool,
    /// Whether focus goes to the stars once drawn: the shopper pressed "Write a review".
    pub focus_stars: bool,
    /// Counts the shopper's "Try again"s: the chunk's input reads it, so it is fetched again.
    pub attempt: u32,
}

/// Something that opens the form, or fetches it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The element carries a review-request link: the shopper came to write, so the form
    /// opens at once, and focus is left where it is.
    Link,
    /// The shopper pressed "Write a review": focus goes on to the stars.
    Pressed,
    /// The shopper asked to fetch the form again after it failed.
    Retry,
}

/// The opening after `event`; pure, like [`apply`].
pub fn open(mut opening: Opening, event: Opened) -> Opening {
    match event {
        Opened::Link => opening.started = true,
        Opened::Pressed => {
            opening.focus_stars |= !opening.started;
            opening.started = true;
        }
        Opened::Retry if opening.started => opening.attempt += 1,
        Opened::Retry => {}
    }
    opening
}

/// The ids of the form's controls and headings, for the error summary's links and for tests.
pub mod ids {
    /// The form's heading.
    pub const HEADING: &str = "sf-review-form-heading";
    /// The confirmation's heading (focused after a submission).
    pub const DONE_HEADING: &str = "sf-review-form-done";
    /// The overall rating's radios' name (and id prefix: `sf-review-rating-1` … `-5`).
    pub const RATING: &str = "sf-review-rating";
    /// The title.
    pub const TITLE: &str = "sf-review-title";
    /// The review's text.
    pub const BODY: &str = "sf-review-body";
    /// The fit radios' name (ids `sf-review-fit-runs_small`, `-true_to_size`, `-runs_large`).
    pub const FIT: &str = "sf-review-fit";
    /// The quality rating's radios' name (ids `sf-review-quality-1` … `-5`).
    pub const QUALITY: &str = "sf-review-quality";
    /// The photo picker.
    pub const PHOTOS: &str = "sf-review-photos";
    /// The display name.
    pub const DISPLAY_NAME: &str = "sf-review-display-name";
    /// The order number of the proof of purchase.
    pub const ORDER_NUMBER: &str = "sf-review-order-number";
    /// The email of the proof of purchase.
    pub const EMAIL: &str = "sf-review-email";
}

/// The fields the form shows, by their names in the API, in the order the form shows them.
pub const FORM_FIELDS: [&str; 9] = [
    "rating",
    "title",
    "body",
    "fit",
    "quality",
    "photos",
    "display_name",
    "order_number",
    "email",
];

/// The id of a fit answer's radio.
pub fn fit_id(fit: Fit) -> String {
    let mut id = String::from(ids::FIT);
    id.push('-');
    id.push_str(fit.as_str());
    id
}

/// The id of the control the error summary's link for `field` (the API's name) moves focus
/// to: for a radio group, its checked radio or else its first; `""` for a field the form does
/// not show (the summary lists it without a link).
pub fn control_id(field: &str, draft: &Draft) -> String {
    let id = match field {
        "rating" => return target_id(ids::RATING, draft.rating),
        "quality" => return target_id(ids::QUALITY, draft.quality),
        "fit" => return fit_id(draft.fit.unwrap_or(Fit::ALL[0])),
        "title" => ids::TITLE,
        "body" => ids::BODY,
        "photos" => ids::PHOTOS,
        "display_name" => ids::DISPLAY_NAME,
        "order_number" => ids::ORDER_NUMBER,
        "email" => ids::EMAIL,
        _ => "",
    };
    id.to_owned()
}

/// A review-request link, as the element's `request` and `token` attributes give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestLink {
    /// The review request's id.
    pub id: i64,
    /// Its signed token.
    pub token: String,
}

/// One photo the shopper picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoDraft {
    /// Tells this photo's upload apart from every other.
    pub attempt: u32,
    /// The file's name, to list it by.
    pub name: String,
    /// Where the server stored it; `None` while it uploads.
    pub stored: Option<ReviewPhotoUploaded>,
}

/// Everything the shopper wrote, kept as typed across failures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The overall rating.
    pub rating: Option<u8>,
    /// The title.
    pub title: String,
    /// The review's text.
    pub body: String,
    /// How it fits (products that ask).
    pub fit: Option<Fit>,
    /// Quality (products that ask).
    pub quality: Option<u8>,
    /// The photos, in the order they were picked.
    pub photos: Vec<PhotoDraft>,
    /// The name shown with the review.
    pub display_name: String,
    /// The proof's order number.
    pub order_number: String,
    /// The proof's email.
    pub email: String,
    /// This form's idempotency key: every submission of it carries the same one, so a double
    /// click or a retry makes one review.
    pub request_id: String,
}

impl Draft {
    /// The submission as the API takes it: answers only to what the product asks, the
    /// stored photos, and a proof (the link, else the order and email when either is given).
    pub fn submission(
        &self,
        product: Option<&ReviewedProduct>,
        link: Option<&RequestLink>,
    ) -> ReviewSubmission {
        let asks = |ask: fn(&ReviewedProduct) -> bool| product.is_some_and(ask);
        let (order_number, email) = (self.order_number.trim(), self.email.trim());
        let proof = match link {
            Some(link) => Some(PurchaseProof::Request {
                request: link.id,
                token: link.token.clone(),
            }),
            None if !order_number.is_empty() || !email.is_empty() => Some(PurchaseProof::Order {
                order_number: order_number.to_owned(),
                email: email.to_owned(),
            }),
            None => None,
        };
        ReviewSubmission {
            request_id: self.request_id.clone(),
            rating: self.rating,
            title: self.title.trim().to_owned(),
            body: self.body.trim().to_owned(),
            display_name: self.display_name.trim().to_owned(),
            fit: self.fit.filter(|_| asks(|product| product.asks_fit)),
            quality: self
                .quality
                .filter(|_| asks(|product| product.asks_quality)),
            photos: self
                .photos
                .iter()
                .filter_map(|photo| Some(photo.stored.as_ref()?.key.clone()))
                .collect(),
            proof,
        }
    }
}

/// What to say about a problem of the review form.
pub type ProblemText = form::ProblemText<ReviewProblem>;

/// One problem of the review form.
pub type Problem = form::Problem<ReviewProblem>;

/// The problems a failed submission means: the server's refusal field by field, in form
/// order (a field the form does not show goes to the top of the summary), or one for the
/// whole form.
pub fn problems_from(error: &ClientError) -> Vec<Problem> {
    in_form_order(form::problems_from(
        error,
        |message| {
            ReviewProblem::ALL
                .into_iter()
                .find(|problem| problem.english() == message)
        },
        |field| FORM_FIELDS.contains(&field),
    ))
}

/// `problems` sorted as their fields come in the form (the form as a whole first), so the
/// summary reads top to bottom.
fn in_form_order(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by_key(|problem| {
        FORM_FIELDS
            .iter()
            .position(|field| *field == problem.field)
            .map_or(0, |at| at + 1)
    });
    problems
}

/// What to announce about the review's length near its limit: nothing until fewer than 200
/// characters are left, then only when a threshold is crossed, so a screen reader is not
/// told the count at every key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountNote {
    /// Fewer than this many characters are left (200, 100, 50, 20 or 10).
    FewerThan(usize),
    /// Exactly at the limit.
    AtLimit,
    /// Over it by this many (shown; announced once, without the number).
    Over(usize),
}

/// The note for a text of `count` characters whose limit is `max`.
pub fn count_note(count: usize, max: usize) -> Option<CountNote> {
    if count > max {
        return Some(CountNote::Over(count - max));
    }
    let left = max - count;
    if left == 0 {
        return Some(CountNote::AtLimit);
    }
    [10, 20, 50, 100, 200]
        .into_iter()
        .find(|threshold| left < *threshold)
        .map(CountNote::FewerThan)
}

/// What is on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The product, or the review-request link, is being fetched.
    Loading,
    /// There is nothing to review, for this reason.
    Unavailable(Unavailable),
    /// The link's review was written already.
    AlreadyReviewed(ReviewCreated),
    /// The form.
    Writing,
    /// The review was accepted.
    Done(ReviewCreated),
}

/// Why there is nothing to review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// No product, or an unknown one.
    NoProduct,
    /// A refused review link, and no product to fall back to.
    LinkInvalid,
    /// Fetching failed: trying again may help ("Try again").
    Failed,
}

/// A request the state asks for; the view's effect sends it and answers with its `id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// `GET /products/{sku}`, for the product.
    Product,
    /// `GET /review-requests/{id}?token=`.
    Request,
    /// `POST /products/{sku}/reviews`.
    Submit,
}

/// The request in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting {
    /// Tells requests apart: an answer for another one is dropped.
    pub id: u32,
    /// What to send.
    pub call: Call,
}

/// Everything the review form knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewFormState {
    /// What is on screen.
    pub stage: Stage,
    /// The element's product (its SKU), if any.
    pub sku: Option<String>,
    /// The review-request link, while it is valid.
    pub link: Option<RequestLink>,
    /// The product being reviewed, once known.
    pub product: Option<ReviewedProduct>,
    /// The order the link is for: the form says the review is verified by it.
    pub link_order: Option<String>,
    /// A sentence above the form (a refused link the form fell back from).
    pub notice: Option<ReviewFormMsg>,
    /// The shopper's answers.
    pub draft: Draft,
    /// What the error summary lists.
    pub problems: Vec<Problem>,
    /// A photo refused as it was picked, shown at the picker at once.
    pub photo_problem: Option<ProblemText>,
    /// What happened to the photos last, announced politely.
    pub photo_status: Option<ReviewFormMsg>,
    /// The request in flight.
    pub waiting: Option<Waiting>,
    /// How many times the answers were checked or refused: the error summary takes focus
    /// again after each, even when it lists the same problems.
    pub checks: u32,
    /// Whether focus moves to the new stage's heading (after a submission; not on load, and
    /// not when the error summary takes it).
    pub focus: bool,
    /// Numbers the next request or photo.
    next_id: u32,
}

impl Default for ReviewFormState {
    fn default() -> Self {
        Self {
            stage: Stage::Loading,
            sku: None,
            link: None,
            product: None,
            link_order: None,
            notice: None,
            draft: Draft::default(),
            problems: Vec::new(),
            photo_problem: None,
            photo_status: None,
            waiting: None,
            checks: 0,
            focus: false,
            next_id: 1,
        }
    }
}

impl ReviewFormState {
    /// Whether the review is being sent (the button says so).
    pub fn submitting(&self) -> bool {
        self.waiting
            .is_some_and(|waiting| waiting.call == Call::Submit)
    }

    /// The submission the form would send now.
    pub fn submission(&self) -> ReviewSubmission {
        self.draft
            .submission(self.product.as_ref(), self.link.as_ref())
    }

    /// The SKU to send the review for: the product's once known, else the element's.
    pub fn product_sku(&self) -> Option<&str> {
        self.product
            .as_ref()
            .map(|product| product.sku.as_str())
            .or(self.sku.as_deref())
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn wait_for(&mut self, call: Call) {
        let id = self.take_id();
        self.waiting = Some(Waiting { id, call });
    }

    /// Whether `id` answers the request in flight of kind `call`; it is then no longer in
    /// flight.
    fn answers(&mut self, id: u32, call: Call) -> bool {
        if self.waiting == Some(Waiting { id, call }) {
            self.waiting = None;
            true
        } else {
            false
        }
    }

    /// Fetches what the element names: the link's request, else the product.
    fn load(mut self) -> Self {
        self.stage = Stage::Loading;
        match (&self.link, &self.sku) {
            (Some(_), _) => self.wait_for(Call::Request),
            (None, Some(_)) => self.wait_for(Call::Product),
            (None, None) => {
                self.waiting = None;
                self.stage = Stage::Unavailable(if self.notice.is_some() {
                    Unavailable::LinkInvalid
                } else {
                    Unavailable::NoProduct
                });
            }
        }
        self
    }

    /// The form, with a fresh idempotency key.
    fn write(mut self, request_id: String) -> Self {
        self.stage = Stage::Writing;
        self.draft.request_id = request_id;
        self
    }

    /// The problems of the answers as they are, in the order of the form.
    fn check(&self) -> Vec<Problem> {
        let mut problems: Vec<Problem> = self
            .submission()
            .refusals()
            .into_iter()
            .map(|refusal| {
                let field = if FORM_FIELDS.contains(&refusal.field.as_str()) {
                    refusal.field
                } else {
                    // The request id is the form's own: a bug to report, not the shopper's.
                    String::new()
                };
                Problem::new(field, ProblemText::Local(refusal.problem))
            })
            .collect();
        if self.draft.photos.iter().any(|photo| photo.stored.is_none()) {
            problems.push(Problem::new("photos", ProblemText::PhotoUploading));
        }
        in_form_order(problems)
    }
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The element's attributes (again): start from them. `bad_link`: a `request` or `token`
    /// was given but not both, or the id is not a number.
    Start {
        /// The `product` attribute.
        sku: Option<String>,
        /// The `request` and `token` attributes.
        link: Option<RequestLink>,
        /// Whether a link was given that cannot be one.
        bad_link: bool,
    },
    /// Fetch again after a failure.
    Retry,
    /// The product arrived.
    ProductLoaded {
        /// The request it answers.
        id: u32,
        /// The product.
        product: ReviewedProduct,
        /// A new idempotency key for the form.
        request_id: String,
    },
    /// The review-request link's request arrived.
    RequestLoaded {
        /// The request it answers.
        id: u32,
        /// What the link opens.
        view: Box<ReviewRequestView>,
        /// A new idempotency key for the form.
        request_id: String,
    },
    /// Stars chosen.
    Rating(u8),
    /// The title typed.
    Title(String),
    /// The review's text typed.
    Body(String),
    /// How it fits.
    Fit(Fit),
    /// Quality chosen.
    Quality(u8),
    /// The display name typed.
    DisplayName(String),
    /// The proof's order number typed.
    OrderNumber(String),
    /// The proof's email typed.
    Email(String),
    /// A photo was picked and its upload starts.
    PhotoPicked {
        /// The file's name.
        name: String,
    },
    /// A photo was refused before it was sent (its type, its size, one too many).
    PhotoRefused(ProblemText),
    /// A photo was stored.
    PhotoAdded {
        /// The photo.
        attempt: u32,
        /// Where.
        stored: ReviewPhotoUploaded,
    },
    /// A photo was refused by the server or lost.
    PhotoFailed {
        /// The photo.
        attempt: u32,
        /// Why.
        text: ProblemText,
    },
    /// The shopper took a photo off.
    RemovePhoto(u32),
    /// The shopper submitted the form.
    Submit,
    /// The review was accepted.
    Submitted {
        /// The request it answers.
        id: u32,
        /// What the server made of it.
        created: ReviewCreated,
    },
    /// A request failed.
    Failed {
        /// The request.
        id: u32,
        /// What came back.
        error: ClientError,
    },
}

/// The state after `event`: pure, so it is tested without a browser.
pub fn apply(mut state: ReviewFormState, event: Event) -> ReviewFormState {
    let writing = state.stage == Stage::Writing;
    match event {
        Event::Start {
            sku,
            link,
            bad_link,
        } => ReviewFormState {
            sku,
            link,
            notice: bad_link.then_some(ReviewFormMsg::LinkInvalidFallback),
            next_id: state.next_id,
            ..ReviewFormState::default()
        }
        .load(),
        Event::Retry => match state.stage {
            Stage::Unavailable(Unavailable::Failed) => state.load(),
            _ => state,
        },
        Event::ProductLoaded {
            id,
            product,
            request_id,
        } => {
            if !state.answers(id, Call::Product) {
                return state;
            }
            state.product = Some(product);
            state.write(request_id)
        }
        Event::RequestLoaded {
            id,
            view,
            request_id,
        } => {
            if !state.answers(id, Call::Request) {
                return state;
            }
            let ReviewRequestView {
                product,
                order_number,
                review,
                ..
            } = *view;
            state.product = Some(product);
            state.link_order = Some(order_number);
            match review {
                Some(created) => {
                    state.stage = Stage::AlreadyReviewed(created);
                    state
                }
                None => state.write(request_id),
            }
        }
        Event::Rating(stars) if writing => {
            state.draft.rating = Some(stars);
            state
        }
        Event::Title(title) if writing => {
            state.draft.title = title;
            state
        }
        Event::Body(body) if writing => {
            state.draft.body = body;
            state
        }
        Event::Fit(fit) if writing => {
            state.draft.fit = Some(fit);
            state
        }
        Event::Quality(stars) if writing => {
            state.draft.quality = Some(stars);
            state
        }
        Event::DisplayName(name) if writing => {
            state.draft.display_name = name;
            state
        }
        Event::OrderNumber(number) if writing => {
            state.draft.order_number = number;
            state
        }
        Event::Email(email) if writing => {
            state.draft.email = email;
            state
        }
        Event::PhotoPicked { name } if writing => {
            if state.draft.photos.len() >= MAX_REVIEW_PHOTOS {
                state.photo_problem = Some(ProblemText::Local(ReviewProblem::TooManyPhotos));
                return state;
            }
            let attempt = state.take_id();
            state.draft.photos.push(PhotoDraft {
                attempt,
                name,
                stored: None,
            });
            state.photo_problem = None;
            state.photo_status = Some(ReviewFormMsg::PhotoAdding);
            state
        }
        Event::PhotoRefused(text) if writing => {
            state.photo_problem = Some(text);
            state
        }
        Event::PhotoAdded { attempt, stored } => {
            // A photo removed while it uploaded stays removed.
            if let Some(photo) = state
                .draft
                .photos
                .iter_mut()
                .find(|photo| photo.attempt == attempt)
            {
                photo.stored = Some(stored);
                state.photo_status = Some(ReviewFormMsg::PhotoAdded);
            }
            state
        }
        Event::PhotoFailed { attempt, text } => {
            let before = state.draft.photos.len();
            state.draft.photos.retain(|photo| photo.attempt != attempt);
            if state.draft.photos.len() < before {
                state.photo_problem = Some(text);
                state.photo_status = None;
            }
            state
        }
        Event::RemovePhoto(attempt) if writing => {
            state.draft.photos.retain(|photo| photo.attempt != attempt);
            state.photo_status = Some(ReviewFormMsg::PhotoRemoved);
            state
        }
        Event::Submit if writing && state.waiting.is_none() => {
            state.problems = state.check();
            state.checks += 1;
            if state.problems.is_empty() {
                state.wait_for(Call::Submit);
            }
            // The error summary takes focus when there are problems.
            state.focus = false;
            state
        }
        Event::Submitted { id, created } => {
            if !state.answers(id, Call::Submit) {
                return state;
            }
            state.problems.clear();
            state.stage = Stage::Done(created);
            state.focus = true;
            state
        }
        Event::Failed { id, error } => match state.waiting {
            Some(Waiting {
                id: waiting,
                call: Call::Submit,
            }) if waiting == id => {
                state.waiting = None;
                submit_failed(state, &error)
            }
            Some(Waiting { id: waiting, call }) if waiting == id => {
                state.waiting = None;
                load_failed(state, call, &error)
            }
            _ => state,
        },
        // A change to a form no longer on screen, or a second submission while the first is
        // answered.
        _ => state,
    }
}

/// The state after the submission failed with `error`. Everything typed stays, with the same
/// request id: a retry makes one review.
fn submit_failed(mut state: ReviewFormState, error: &ClientError) -> ReviewFormState {
    state.problems = problems_from(error);
    state.checks += 1;
    state.focus = false;
    // The server refused the review-request link (it expired, or its review was written
    // meanwhile): the form goes on without it, as for a link refused on opening, so the
    // shopper can still post, and prove the purchase with the order instead.
    let link_refused = matches!(error, ClientError::Api { fields, .. }
        if fields.iter().any(|(field, _)| field == REQUEST_LINK_FIELD));
    if link_refused && state.link.is_some() {
        state.link = None;
        state.link_order = None;
        state.notice = Some(ReviewFormMsg::LinkInvalidFallback);
    }
    state
}

/// The field of the API's refusals about the review-request link.
const REQUEST_LINK_FIELD: &str = "request";

/// The state after loading the product or the link (`call`) failed with `error`.
fn load_failed(mut state: ReviewFormState, call: Call, error: &ClientError) -> ReviewFormState {
    let status = match error {
        ClientError::Api { status, .. } => Some(*status),
        _ => None,
    };
    match call {
        // Handled by `submit_failed`.
        Call::Submit => state,
        // A link that does not open: the product's form, if the element names one.
        Call::Request if matches!(status, Some(401 | 403 | 404)) => {
            state.link = None;
            state.notice = Some(ReviewFormMsg::LinkInvalidFallback);
            state.load()
        }
        Call::Product if status == Some(404) => {
            state.stage = Stage::Unavailable(Unavailable::NoProduct);
            state
        }
        Call::Request | Call::Product => {
            state.stage = Stage::Unavailable(Unavailable::Failed);
            state
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::error::ErrorCode;
    use sf_api::reviews::ReviewStatus;

    fn mug() -> ReviewedProduct {
        ReviewedProduct {
            sku: "MUG-01".into(),
            name: "Stoneware mug".into(),
            asks_fit: false,
            asks_quality: true,
        }
    }

    fn start(sku: Option<&str>, link: Option<RequestLink>) -> ReviewFormState {
        apply(
            ReviewFormState::default(),
            Event::Start {
                sku: sku.map(String::from),
                link,
                bad_link: false,
            },
        )
    }

    fn writing() -> ReviewFormState {
        let state = start(Some("MUG-01"), None);
        let id = state.waiting.expect("the product is fetched").id;
        apply(
            state,
            Event::ProductLoaded {
                id,
                product: mug(),
                request_id: "form-1".into(),
            },
        )
    }

    fn filled() -> ReviewFormState {
        [
            Event::Rating(1),
            Event::Title("Cracked".into()),
            Event::Body("Arrived with a crack in the handle.".into()),
            Event::DisplayName("Lena".into()),
        ]
        .into_iter()
        .fold(writing(), apply)
    }

    fn fields(state: &ReviewFormState) -> Vec<&str> {
        form::fields_of(&state.problems)
    }

    fn link() -> RequestLink {
        RequestLink {
            id: 7,
            token: "signed".into(),
        }
    }

    fn created(status: ReviewStatus) -> ReviewCreated {
        ReviewCreated {
            id: 42,
            status,
            verified: true,
        }
    }

    fn api_error(status: u16, fields: Vec<(String, String)>) -> ClientError {
        ClientError::Api {
            status,
            code: ErrorCode::ValidationFailed,
            message: "Check the review.".into(),
            fields,
            retry_after_seconds: None,
        }
    }

    #[test]
    fn a_product_loads_into_an_empty_form_with_its_request_id() {
        let state = writing();
        assert_eq!(state.stage, Stage::Writing);
        assert_eq!(state.waiting, None);
        assert_eq!(state.draft.request_id, "form-1");
        assert_eq!(state.product_sku(), Some("MUG-01"));
        assert!(!state.focus, "nothing moves focus on page load");
    }

    #[test]
    fn an_element_without_a_product_or_link_says_there_is_nothing_to_review() {
        let state = start(None, None);
        assert_eq!(state.stage, Stage::Unavailable(Unavailable::NoProduct));
        assert_eq!(state.waiting, None);
    }

    #[test]
    fn an_empty_submission_lists_the_rating_title_body_and_name_in_form_order() {
        let state = apply(writing(), Event::Submit);
        assert_eq!(fields(&state), ["rating", "title", "body", "display_name"]);
        let again = apply(state.clone(), Event::Submit);
        assert_eq!(again.problems, state.problems);
        assert_eq!(
            again.checks,
            state.checks + 1,
            "the summary takes focus again"
        );
        assert_eq!(
            state.problems[0].text,
            ProblemText::Local(ReviewProblem::NoRating)
        );
        assert_eq!(state.waiting, None, "nothing is sent");
        assert!(!state.focus, "the error summary takes focus");
        assert_eq!(control_id("rating", &state.draft), "sf-review-rating-1");
    }

    #[test]
    fn the_rating_link_lands_on_the_checked_star() {
        let state = apply(writing(), Event::Rating(4));
        assert_eq!(control_id("rating", &state.draft), "sf-review-rating-4");
        assert_eq!(control_id("fit", &state.draft), "sf-review-fit-runs_small");
        assert_eq!(control_id("request", &state.draft), "");
    }

    #[test]
    fn a_one_star_review_is_sent_once_however_often_it_is_submitted() {
        let state = apply(filled(), Event::Submit);
        assert!(state.problems.is_empty());
        let waiting = state.waiting.expect("the review is sent");
        assert_eq!(waiting.call, Call::Submit);
        assert!(state.submitting());
        let twice = apply(state.clone(), Event::Submit);
        assert_eq!(twice.waiting, Some(waiting), "a double click sends once");
        let submission = state.submission();
        assert_eq!(submission.rating, Some(1));
        assert_eq!(submission.request_id, "form-1");
        assert_eq!(submission.proof, None);

        let done = apply(
            state,
            Event::Submitted {
                id: waiting.id,
                created: created(ReviewStatus::Published),
            },
        );
        assert_eq!(done.stage, Stage::Done(created(ReviewStatus::Published)));
        assert!(done.focus, "focus moves to the confirmation");
        let after = apply(done.clone(), Event::Title("changed".into()));
        assert_eq!(after, done, "a form no longer on screen does not change");
    }

    #[test]
    fn only_what_the_product_asks_is_sent_and_an_order_proof_when_either_field_is_given() {
        let state = [
            Event::Fit(Fit::RunsLarge),
            Event::Quality(4),
            Event::Email(" lena@example.com ".into()),
        ]
        .into_iter()
        .fold(filled(), apply);
        let submission = state.submission();
        assert_eq!(submission.fit, None, "the mug does not ask about fit");
        assert_eq!(submission.quality, Some(4));
        assert_eq!(
            submission.proof,
            Some(PurchaseProof::Order {
                order_number: String::new(),
                email: "lena@example.com".into()
            })
        );
        let state = apply(state, Event::Submit);
        assert_eq!(fields(&state), ["order_number"], "the number is missing");
    }

    #[test]
    fn a_link_opens_the_verified_form_or_says_it_was_reviewed_already() {
        let state = start(Some("MUG-01"), Some(link()));
        let waiting = state.waiting.unwrap();
        assert_eq!(waiting.call, Call::Request);
        let view = ReviewRequestView {
            id: 7,
            product: mug(),
            order_number: "SF-1013".into(),
            review: None,
        };
        let open = apply(
            state.clone(),
            Event::RequestLoaded {
                id: waiting.id,
                view: Box::new(view.clone()),
                request_id: "form-2".into(),
            },
        );
        assert_eq!(open.stage, Stage::Writing);
        assert_eq!(open.link_order.as_deref(), Some("SF-1013"));
        assert_eq!(
            open.submission().proof,
            Some(PurchaseProof::Request {
                request: 7,
                token: "signed".into()
            })
        );

        let done = apply(
            state,
            Event::RequestLoaded {
                id: waiting.id,
                view: Box::new(ReviewRequestView {
                    review: Some(created(ReviewStatus::Pending)),
                    ..view
                }),
                request_id: "form-3".into(),
            },
        );
        assert_eq!(
            done.stage,
            Stage::AlreadyReviewed(created(ReviewStatus::Pending))
        );
    }

    #[test]
    fn a_refused_link_falls_back_to_the_products_form_saying_why() {
        let state = start(Some("MUG-01"), Some(link()));
        let id = state.waiting.unwrap().id;
        let state = apply(
            state,
            Event::Failed {
                id,
                error: api_error(401, Vec::new()),
            },
        );
        assert_eq!(state.link, None);
        assert_eq!(state.notice, Some(ReviewFormMsg::LinkInvalidFallback));
        assert_eq!(
            state.waiting.map(|waiting| waiting.call),
            Some(Call::Product)
        );

        let alone = start(None, Some(link()));
        let id = alone.waiting.unwrap().id;
        let alone = apply(
            alone,
            Event::Failed {
                id,
                error: api_error(401, Vec::new()),
            },
        );
        assert_eq!(alone.stage, Stage::Unavailable(Unavailable::LinkInvalid));
    }

    #[test]
    fn a_link_the_server_refuses_at_submission_gives_way_to_the_proof_fields() {
        let state = start(Some("MUG-01"), Some(link()));
        let id = state.waiting.unwrap().id;
        let view = ReviewRequestView {
            id: 7,
            product: mug(),
            order_number: "SF-1013".into(),
            review: None,
        };
        let state = [
            Event::RequestLoaded {
                id,
                view: Box::new(view),
                request_id: "form-2".into(),
            },
            Event::Rating(5),
            Event::Title("Lovely".into()),
            Event::Body("The glaze is lovely in person.".into()),
            Event::DisplayName("Lena".into()),
            Event::Submit,
        ]
        .into_iter()
        .fold(state, apply);
        let id = state.waiting.unwrap().id;
        // Expired since it opened, or its review written from another tab.
        let error = api_error(
            422,
            vec![("request".into(), ReviewProblem::AlreadyReviewed.english())],
        );
        let state = apply(state, Event::Failed { id, error });
        assert_eq!(state.link, None);
        assert_eq!(state.link_order, None, "the proof fields are shown");
        assert_eq!(state.notice, Some(ReviewFormMsg::LinkInvalidFallback));
        assert_eq!(fields(&state), [""]);
        assert_eq!(state.stage, Stage::Writing);
        assert_eq!(state.draft.title, "Lovely", "nothing typed is lost");
        assert_eq!(state.submission().proof, None);
        let state = apply(state, Event::Submit);
        assert_eq!(
            state.waiting.map(|waiting| waiting.call),
            Some(Call::Submit),
            "it can be posted without the link"
        );

        // A refusal of another field keeps the link.
        let kept = apply(filled(), Event::Submit);
        let id = kept.waiting.unwrap().id;
        let error = api_error(422, vec![("title".into(), "Too long.".into())]);
        assert_eq!(apply(kept, Event::Failed { id, error }).notice, None);
    }

    #[test]
    fn the_form_opens_by_its_button_with_focus_or_at_once_for_a_link_without() {
        let closed = Opening::default();
        assert!(!closed.started);
        let pressed = open(closed, Opened::Pressed);
        assert!(pressed.started && pressed.focus_stars);
        let linked = open(closed, Opened::Link);
        assert!(linked.started && !linked.focus_stars, "focus is left alone");
        assert_eq!(
            open(pressed, Opened::Link),
            pressed,
            "pressed first: focus goes on"
        );
        let again = open(pressed, Opened::Retry);
        assert_eq!(again.attempt, pressed.attempt + 1);
        assert_eq!(
            open(closed, Opened::Retry),
            closed,
            "nothing to fetch again"
        );
    }

    #[test]
    fn a_network_failure_on_load_can_be_tried_again() {
        let state = start(Some("MUG-01"), None);
        let id = state.waiting.unwrap().id;
        let state = apply(
            state,
            Event::Failed {
                id,
                error: ClientError::Network,
            },
        );
        assert_eq!(state.stage, Stage::Unavailable(Unavailable::Failed));
        let state = apply(state, Event::Retry);
        assert_eq!(state.stage, Stage::Loading);
        assert_eq!(
            state.waiting.map(|waiting| waiting.call),
            Some(Call::Product)
        );
    }

    #[test]
    fn server_refusals_are_read_back_into_the_form_in_form_order_keeping_the_draft() {
        let state = apply(filled(), Event::Submit);
        let id = state.waiting.unwrap().id;
        let error = api_error(
            422,
            vec![
                ("order_number".into(), ReviewProblem::NotPurchased.english()),
                ("request".into(), ReviewProblem::BadRequestLink.english()),
                ("title".into(), "Something only the server knows.".into()),
            ],
        );
        let state = apply(state, Event::Failed { id, error });
        assert_eq!(fields(&state), ["", "title", "order_number"]);
        assert_eq!(
            state.problems[0].text,
            ProblemText::Local(ReviewProblem::BadRequestLink)
        );
        assert_eq!(
            state.problems[1].text,
            ProblemText::Server("Something only the server knows.".into())
        );
        assert_eq!(
            state.problems[2].text,
            ProblemText::Local(ReviewProblem::NotPurchased)
        );
        assert_eq!(state.stage, Stage::Writing);
        assert_eq!(state.draft.title, "Cracked");
        assert_eq!(
            state.submission().request_id,
            "form-1",
            "a retry is the same review"
        );
    }

    #[test]
    fn an_answer_for_another_request_is_dropped() {
        let state = apply(filled(), Event::Submit);
        let id = state.waiting.unwrap().id;
        let after = apply(
            state.clone(),
            Event::Submitted {
                id: id + 1,
                created: created(ReviewStatus::Published),
            },
        );
        assert_eq!(after, state);
    }

    #[test]
    fn photos_upload_at_once_up_to_four_and_a_refused_one_is_said_at_the_picker() {
        let mut state = filled();
        for name in ["a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"] {
            state = apply(state, Event::PhotoPicked { name: name.into() });
        }
        assert_eq!(state.draft.photos.len(), 4);
        assert_eq!(
            state.photo_problem,
            Some(ProblemText::Local(ReviewProblem::TooManyPhotos))
        );
        let attempts: Vec<u32> = state
            .draft
            .photos
            .iter()
            .map(|photo| photo.attempt)
            .collect();
        let checked = apply(state.clone(), Event::Submit);
        assert_eq!(fields(&checked), ["photos"]);
        assert_eq!(checked.problems[0].text, ProblemText::PhotoUploading);

        let stored = |key: &str| ReviewPhotoUploaded {
            key: key.into(),
            url: format!("/api/v1/reviews/photos/{key}"),
        };
        state = apply(
            state,
            Event::PhotoAdded {
                attempt: attempts[0],
                stored: stored("k1"),
            },
        );
        assert_eq!(state.photo_status, Some(ReviewFormMsg::PhotoAdded));
        state = apply(
            state,
            Event::PhotoFailed {
                attempt: attempts[1],
                text: ProblemText::PhotoType,
            },
        );
        assert_eq!(state.photo_problem, Some(ProblemText::PhotoType));
        state = apply(state, Event::RemovePhoto(attempts[2]));
        state = apply(state, Event::RemovePhoto(attempts[3]));
        assert_eq!(state.photo_status, Some(ReviewFormMsg::PhotoRemoved));
        // An answer for a photo taken off is dropped.
        state = apply(
            state,
            Event::PhotoAdded {
                attempt: attempts[3],
                stored: stored("k4"),
            },
        );
        assert_eq!(state.submission().photos, ["k1"]);
        assert!(apply(state, Event::Submit).problems.is_empty());
    }

    #[test]
    fn a_rate_limit_says_how_long_to_wait() {
        let state = apply(filled(), Event::Submit);
        let id = state.waiting.unwrap().id;
        let error = ClientError::Api {
            status: 429,
            code: ErrorCode::RateLimited,
            message: "Slow down.".into(),
            fields: Vec::new(),
            retry_after_seconds: Some(30),
        };
        let state = apply(state, Event::Failed { id, error });
        assert_eq!(
            state.problems,
            [Problem::new("", ProblemText::RateLimited(30))]
        );
    }

    #[test]
    fn the_count_is_announced_only_near_and_over_the_limit() {
        assert_eq!(count_note(0, 4000), None);
        assert_eq!(count_note(3800, 4000), None, "200 left is not yet near");
        assert_eq!(count_note(3801, 4000), Some(CountNote::FewerThan(200)));
        assert_eq!(count_note(3950, 4000), Some(CountNote::FewerThan(100)));
        assert_eq!(count_note(3991, 4000), Some(CountNote::FewerThan(10)));
        assert_eq!(count_note(4000, 4000), Some(CountNote::AtLimit));
        assert_eq!(count_note(4007, 4000), Some(CountNote::Over(7)));
    }

    #[test]
    fn every_problem_has_its_own_english_sentence() {
        for (at, problem) in ReviewProblem::ALL.into_iter().enumerate() {
            for other in &ReviewProblem::ALL[..at] {
                assert_ne!(problem.english(), other.english(), "{problem:?}");
            }
        }
    }
}
