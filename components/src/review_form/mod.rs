//! `ReviewForm` (`<sf-review-form>`): a shopper rates and reviews a product: a star rating
//! (the [`RatingInput`] radio group), a title, the review with a visible character count, how
//! it fits and its quality where the product asks, up to four photos (uploaded as they are
//! picked, checked by the server), the name to show, and, optionally, the order that proves
//! the purchase. Opened from the review-request link sent after delivery (`request` and
//! `token`), the form is verified already and asks no proof; a link whose review was written
//! says so instead.
//!
//! After a submission the form says honestly what happens: live at once, or held because
//! the automatic check found links or personal details (never because of the stars). It
//! tells the page with `sf-review-submitted` ([`ReviewSubmitted`]), so a listing of the same
//! product reads its reviews again.
//!
//! Its state is one value, [`state::ReviewFormState`], changed only by the pure
//! [`state::apply`] and held in one signal; effects only bridge to the outside world (the
//! request the state asks for, photo uploads, focus, the page event).

mod messages;
pub mod state;

use crate::client::{new_client_id, use_api_client, ApiClient, ClientError};
use crate::error_summary::{FieldError, FormErrors};
use crate::events::{dispatch, ReviewSubmitted};
use crate::form::Form;
use crate::i18n::{use_i18n, CommonMsg, I18n};
use crate::rating_input::RatingInput;
use crate::reactive::effect;
use crate::text_field::{error_reference, ErrorMessage};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use messages::ReviewFormMsg;
use sf_api::live_chat::ImageFormat;
use sf_api::reviews::{
    Fit, ReviewCreated, ReviewProblem, ReviewQuery, ReviewStatus, MAX_DISPLAY_NAME_CHARS,
    MAX_REVIEW_BODY_CHARS, MAX_REVIEW_PHOTOS, MAX_REVIEW_PHOTO_BYTES, MAX_REVIEW_TITLE_CHARS,
    MIN_REVIEW_BODY_CHARS,
};
pub use state::ids;
use state::{
    apply, control_id, count_note, fit_id, Call, CountNote, Draft, Event, ProblemText, RequestLink,
    ReviewFormState, Stage, Waiting,
};
use wasm_bindgen::JsCast;

/// Class names shared with the stylesheet (`style/review-form.css`).
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-review-form";
    /// The form's and the confirmation's headings.
    pub const HEADING: &str = "sf-review-form__heading";
    /// The "Verified purchase" badge.
    pub const BADGE: &str = "sf-review-form__badge";
}

/// The state, the summary's list and the client, shared by the component's parts.
#[derive(Clone, Copy)]
struct Reviewing {
    state: RwSignal<ReviewFormState>,
    /// What the error summary lists, kept in step with the state's problems in the
    /// shopper's language.
    errors: FormErrors,
    /// The component's client: a part drawn again (in another language) does not abort an
    /// upload in flight.
    client: ApiClient,
}

impl Reviewing {
    /// Applies `event`; an event for a component that has gone changes nothing.
    fn send(self, event: Event) {
        self.state
            .try_update(|state| *state = apply(std::mem::take(state), event));
    }

    /// The message beside the field named `field` (the API's name), if it has a problem.
    fn error(self, field: &'static str) -> Signal<Option<String>> {
        let (state, i18n) = (self.state, use_i18n());
        // A memo: the message is drawn again only when it changes, not on every keystroke.
        Memo::new(move |_| {
            state.with(|state| {
                state
                    .problems
                    .iter()
                    .find(|problem| problem.field == field)
                    .map(|problem| problem_text(i18n, field, &problem.text))
            })
        })
        .into()
    }

    /// One text of the draft, as typed.
    fn text(self, pick: fn(&Draft) -> &String) -> Memo<String> {
        let state = self.state;
        Memo::new(move |_| state.with(|state| pick(&state.draft).clone()))
    }
}

fn use_reviewing() -> Reviewing {
    expect_context::<Reviewing>()
}

/// The review form of a product (`product`), or of a review-request link (`request` and
/// `token`, which name the product themselves).
#[component]
pub fn ReviewForm(
    /// The product's SKU.
    #[prop(into, optional)]
    product: MaybeProp<String>,
    /// A review request's id, from the link sent after delivery (with `token`).
    #[prop(into, optional)]
    request: MaybeProp<String>,
    /// The review request's signed token.
    #[prop(into, optional)]
    token: MaybeProp<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reviewing = Reviewing {
        state: RwSignal::new(ReviewFormState::default()),
        errors: FormErrors {
            all: RwSignal::new(Vec::new()),
        },
        client: use_api_client(),
    };
    provide_context(reviewing);
    let state = reviewing.state;
    let root = NodeRef::<html::Section>::new();

    // Starts (again) from the element's attributes.
    effect(move || {
        let sku = product
            .get()
            .map(|sku| sku.trim().to_owned())
            .filter(|sku| !sku.is_empty());
        let (link, bad_link) = match (request.get(), token.get()) {
            (None, None) => (None, false),
            (Some(id), Some(token)) => match id.trim().parse() {
                Ok(id) if !token.trim().is_empty() => (
                    Some(RequestLink {
                        id,
                        token: token.trim().to_owned(),
                    }),
                    false,
                ),
                _ => (None, true),
            },
            _ => (None, true),
        };
        reviewing.send(Event::Start {
            sku,
            link,
            bad_link,
        });
    });

    list_problems(reviewing, i18n);
    send_requests(reviewing, root);

    // After a submission, focus goes to the confirmation's heading, so what happened is read
    // out where the shopper is; not on page load, and not when the error summary takes it.
    let stage = Memo::new(move |_| state.with(|state| state.stage.clone()));
    effect(move || {
        stage.track();
        if !state.with_untracked(|state| state.focus) {
            return;
        }
        // After the stage has been drawn: effects may run before the view's own update.
        request_animation_frame(move || {
            if let Some(heading) = root.get_untracked().and_then(|root| {
                root.query_selector(".sf-review-form__heading[tabindex]")
                    .ok()
                    .flatten()
            }) {
                let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    });

    view! {
        <section class=classes::ROOT aria-label=i18n.text(ReviewFormMsg::Label) node_ref=root>
            {move || {
                // Drawn again in a new language (texts below read it untracked); what the
                // shopper wrote lives in the state, so nothing typed is lost.
                i18n.locale.track();
                match stage.get() {
                    Stage::Loading => {
                        view! { <p role="status">{i18n.now(ReviewFormMsg::Loading)}</p> }.into_any()
                    }
                    Stage::Unavailable { msg, retry } => view! {
                        <div role="alert">
                            <p>{i18n.now(msg)}</p>
                            {retry
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="sf-button"
                                            on:click=move |_| reviewing.send(Event::Retry)
                                        >
                                            {i18n.now(ReviewFormMsg::TryAgain)}
                                        </button>
                                    }
                                })}
                        </div>
                    }
                    .into_any(),
                    Stage::AlreadyReviewed(created) => already_reviewed(reviewing, created),
                    Stage::Writing => view! { <Writing /> }.into_any(),
                    Stage::Done(created) => done(created),
                }
            }}
        </section>
    }
}

/// Keeps the error summary's list in step with the state's problems, in the shopper's
/// language, each linked to its control.
fn list_problems(reviewing: Reviewing, i18n: I18n) {
    let state = reviewing.state;
    let problems = Memo::new(move |_| state.with(|state| (state.problems.clone(), state.checks)));
    let mut shown_check = 0;
    effect(move || {
        let (listed, check) = problems.with(|(problems, check)| {
            let listed = state.with_untracked(|state| {
                problems
                    .iter()
                    .map(|problem| {
                        FieldError::new(
                            &control_id(&problem.field, &state.draft),
                            problem_text(i18n, &problem.field, &problem.text),
                        )
                    })
                    .collect::<Vec<_>>()
            });
            (listed, *check)
        });
        // Set after every check (the summary takes focus again), and when the language
        // changes its words, but not otherwise: typing must not move focus to it.
        if check != shown_check
            || reviewing
                .errors
                .all
                .with_untracked(|shown| *shown != listed)
        {
            shown_check = check;
            reviewing.errors.set(listed);
        }
    });
}

/// Sends the request the state asks for, once per request: its answer names it, so one that
/// arrives for a form the shopper left is dropped by `apply`.
fn send_requests(reviewing: Reviewing, root: NodeRef<html::Section>) {
    let (state, client) = (reviewing.state, reviewing.client);
    let send = move |event| reviewing.send(event);
    let waiting = Memo::new(move |_| state.with(|state| state.waiting));
    effect(move || {
        let Some(Waiting { id, call }) = waiting.get() else {
            return;
        };
        let failed = move |error| Event::Failed { id, error };
        match call {
            Call::Product => {
                let Some(sku) = state.with_untracked(|state| state.sku.clone()) else {
                    return;
                };
                let query = ReviewQuery {
                    page: Some(1),
                    ..ReviewQuery::default()
                };
                let answer = client.product_reviews(&sku, query);
                spawn_local(async move {
                    send(match answer.await {
                        Ok(listing) => Event::ProductLoaded {
                            id,
                            product: listing.product,
                            request_id: new_client_id(),
                        },
                        Err(error) => failed(error),
                    })
                });
            }
            Call::Request => {
                let Some(link) = state.with_untracked(|state| state.link.clone()) else {
                    return;
                };
                let answer = client.review_request(link.id, &link.token);
                spawn_local(async move {
                    send(match answer.await {
                        Ok(view) => Event::RequestLoaded {
                            id,
                            view: Box::new(view),
                            request_id: new_client_id(),
                        },
                        Err(error) => failed(error),
                    })
                });
            }
            Call::Submit => {
                let (sku, submission) = state.with_untracked(|state| {
                    (state.product_sku().map(str::to_owned), state.submission())
                });
                let Some(sku) = sku else {
                    return;
                };
                let answer = client.submit_review(&sku, &submission);
                spawn_local(async move {
                    match answer.await {
                        Ok(created) => {
                            send(Event::Submitted { id, created });
                            // The review exists whatever became of the form: listings of the
                            // product on the page read theirs again.
                            if let Some(root) = root.get_untracked() {
                                dispatch(&root, &ReviewSubmitted { product: sku });
                            }
                        }
                        Err(error) => send(failed(error)),
                    }
                });
            }
        }
    });
}

/// The form itself.
#[component]
fn Writing() -> impl IntoView {
    let reviewing = use_reviewing();
    let i18n = use_i18n();
    let state = reviewing.state;
    let (product, link_order, notice) = state.with_untracked(|state| {
        (
            state.product.clone(),
            state.link_order.clone(),
            state.notice,
        )
    });
    let (name, asks_fit, asks_quality) = product.map_or((String::new(), false, false), |product| {
        (product.name, product.asks_fit, product.asks_quality)
    });
    let verified_by_link = link_order.is_some();
    let pending = Memo::new(move |_| state.with(ReviewFormState::submitting));
    let rating = Memo::new(move |_| state.with(|state| state.draft.rating));
    let quality = Memo::new(move |_| state.with(|state| state.draft.quality));
    let send = move |event| reviewing.send(event);
    view! {
        <Form
            errors=reviewing.errors
            pending=pending
            heading_id=ids::HEADING
            class="sf-review-form__form"
            submit_label=i18n.text(ReviewFormMsg::Submit)
            pending_label=i18n.text(ReviewFormMsg::Submitting)
            on_submit=Callback::new(move |()| send(Event::Submit))
        >
            <h2 id=ids::HEADING class="sf-review-form__title">
                {i18n.format_now(ReviewFormMsg::Heading, &[("product", &name)])}
            </h2>
            {notice.map(|msg| view! { <p class="sf-notice" role="status">{i18n.now(msg)}</p> })}
            {link_order
                .map(|number| {
                    view! {
                        <p class="sf-notice sf-review-form__verified">
                            {i18n.format_now(ReviewFormMsg::VerifiedByLink, &[("number", &number)])}
                        </p>
                    }
                })}
            <RatingInput
                label=i18n.text(ReviewFormMsg::RatingLabel)
                value=rating
                on_change=Callback::new(move |stars| send(Event::Rating(stars)))
                name=ids::RATING
                error=reviewing.error("rating")
                required=true
            />
            <TextInput
                id=ids::TITLE
                label=i18n.now(ReviewFormMsg::TitleLabel)
                value=reviewing.text(|draft| &draft.title)
                error=reviewing.error("title")
                on_input=Event::Title
            />
            <BodyField />
            {asks_fit.then(|| view! { <FitField /> })}
            {asks_quality
                .then(|| {
                    view! {
                        <RatingInput
                            label=i18n.text(ReviewFormMsg::QualityLabel)
                            value=quality
                            on_change=Callback::new(move |stars| send(Event::Quality(stars)))
                            name=ids::QUALITY
                            error=reviewing.error("quality")
                        />
                    }
                })}
            <PhotosField />
            <TextInput
                id=ids::DISPLAY_NAME
                label=i18n.now(ReviewFormMsg::DisplayNameLabel)
                value=reviewing.text(|draft| &draft.display_name)
                error=reviewing.error("display_name")
                on_input=Event::DisplayName
                autocomplete="nickname"
            />
            {(!verified_by_link).then(|| view! { <VerifyFields /> })}
        </Form>
    }
}

/// A labelled text input of the draft, with its error (GOV.UK style, as
/// [`crate::TextField`], but reading and writing the form's one state).
#[component]
fn TextInput(
    /// The input's id (also its `name`).
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The value as typed.
    value: Memo<String>,
    /// What to fix, when the value was refused.
    error: Signal<Option<String>>,
    /// The event of a keystroke.
    on_input: fn(String) -> Event,
    /// The `autocomplete` token.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The input's `type` (`text` when absent).
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView {
    let reviewing = use_reviewing();
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id>{label}</label>
            <ErrorMessage field_id=id error=error />
            <input
                class="sf-field__input"
                id=id
                name=id
                type=input_type.unwrap_or("text")
                autocomplete=autocomplete
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_reference(id, error)
                prop:value=move || value.get()
                on:input=move |event| reviewing.send(on_input(event_target_value(&event)))
            />
        </div>
    }
}

/// The review's text, with its hint, its count (always visible) and, near the limit, a
/// polite announcement of what is left.
#[component]
fn BodyField() -> impl IntoView {
    let reviewing = use_reviewing();
    let i18n = use_i18n();
    let body = reviewing.text(|draft| &draft.body);
    let error = reviewing.error("body");
    let count = Memo::new(move |_| body.with(|body| body.chars().count()));
    let note = Memo::new(move |_| count_note(count.get(), MAX_REVIEW_BODY_CHARS));
    let error_ref = error_reference(ids::BODY, error);
    let described_by = move || {
        let mut described_by = String::from("sf-review-body-hint sf-review-body-count");
        if let Some(error_id) = error_ref() {
            described_by.push(' ');
            described_by.push_str(&error_id);
        }
        described_by
    };
    let max = MAX_REVIEW_BODY_CHARS.to_string();
    let shown = {
        let max = max.clone();
        move || match note.get() {
            Some(CountNote::Over(over)) => {
                i18n.format_now(ReviewFormMsg::BodyOver, &[("over", &over.to_string())])
            }
            _ => i18n.format_now(
                ReviewFormMsg::BodyCount,
                &[("count", &count.get().to_string()), ("max", &max)],
            ),
        }
    };
    // Changes only when a threshold is crossed (see `count_note`), so it is read then only.
    let announced = move || {
        note.get().map(|note| match note {
            CountNote::FewerThan(left) => {
                i18n.format_now(ReviewFormMsg::BodyFewerThan, &[("left", &left.to_string())])
            }
            CountNote::AtLimit => i18n.format_now(ReviewFormMsg::BodyAtLimit, &[("max", &max)]),
            CountNote::Over(_) => i18n.format_now(ReviewFormMsg::BodyOverLimit, &[("max", &max)]),
        })
    };
    let min = MIN_REVIEW_BODY_CHARS.to_string();
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=ids::BODY>{i18n.now(ReviewFormMsg::BodyLabel)}</label>
            <p class="sf-field__hint" id="sf-review-body-hint">
                {i18n.format_now(ReviewFormMsg::BodyHint, &[("min", &min)])}
            </p>
            <ErrorMessage field_id=ids::BODY error=error />
            <textarea
                class="sf-field__input"
                id=ids::BODY
                name=ids::BODY
                rows="6"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                prop:value=move || body.get()
                on:input=move |event| reviewing.send(Event::Body(event_target_value(&event)))
            ></textarea>
            <p
                class="sf-field__hint sf-review-form__count"
                id="sf-review-body-count"
                data-over=move || matches!(note.get(), Some(CountNote::Over(_))).then_some("true")
            >
                {shown}
            </p>
            <p class="sf-visually-hidden" aria-live="polite">{announced}</p>
        </div>
    }
}

/// How it fits: three radios in a fieldset.
#[component]
fn FitField() -> impl IntoView {
    let reviewing = use_reviewing();
    let i18n = use_i18n();
    let state = reviewing.state;
    let fit = Memo::new(move |_| state.with(|state| state.draft.fit));
    let error = reviewing.error("fit");
    let radios = Fit::ALL
        .into_iter()
        .map(|answer| {
            let id = fit_id(answer);
            view! {
                <div class="sf-review-form__choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=ids::FIT
                        value=answer.as_str()
                        prop:checked=move || fit.get() == Some(answer)
                        on:change=move |_| reviewing.send(Event::Fit(answer))
                    />
                    <label for=id>{i18n.now(fit_msg(answer))}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="sf-review-form__choices" id=ids::FIT aria-describedby=error_reference(ids::FIT, error)>
            <legend class="sf-field__label">{i18n.now(ReviewFormMsg::FitLegend)}</legend>
            <ErrorMessage field_id=ids::FIT error=error />
            {radios}
        </fieldset>
    }
}

/// A fit answer in words.
fn fit_msg(fit: Fit) -> ReviewFormMsg {
    match fit {
        Fit::RunsSmall => ReviewFormMsg::RunsSmall,
        Fit::TrueToSize => ReviewFormMsg::TrueToSize,
        Fit::RunsLarge => ReviewFormMsg::RunsLarge,
    }
}

/// The photo picker: each file is sent as soon as it is picked, then listed with a button
/// to take it off; a refusal is said at the picker at once.
#[component]
fn PhotosField() -> impl IntoView {
    let reviewing = use_reviewing();
    let i18n = use_i18n();
    let state = reviewing.state;
    let input = NodeRef::<html::Input>::new();
    let photos = Memo::new(move |_| state.with(|state| state.draft.photos.clone()));
    let status = Memo::new(move |_| state.with(|state| state.photo_status));
    let listed = reviewing.error("photos");
    let error = Signal::derive(move || {
        state
            .with(|state| state.photo_problem.clone())
            .map(|text| problem_text(i18n, "photos", &text))
            .or_else(|| listed.get())
    });
    let on_change = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let picked: Vec<web_sys::File> = element
            .files()
            .map(|files| (0..files.length()).filter_map(|at| files.get(at)).collect())
            .unwrap_or_default();
        // Picking the same file again (after taking it off) must be a change.
        element.set_value("");
        for file in picked {
            add_photo(reviewing, file);
        }
    };
    let remove = move |attempt| {
        reviewing.send(Event::RemovePhoto(attempt));
        // The button is gone: focus goes back to the picker, not to the page's start.
        if let Some(element) = input.get_untracked() {
            let _ = element.focus();
        }
    };
    let client = reviewing.client;
    let list = move || {
        photos
            .get()
            .into_iter()
            .map(|photo| {
                let attempt = photo.attempt;
                let thumbnail = photo.stored.as_ref().map(|stored| {
                    view! { <img class="sf-review-form__thumb" src=client.api_link(&stored.url) alt="" /> }
                });
                let uploading = photo.stored.is_none().then(|| {
                    view! { <span class="sf-review-form__muted">{i18n.now(ReviewFormMsg::PhotoUploading)}</span> }
                });
                view! {
                    <li class="sf-review-form__photo">
                        {thumbnail}
                        <span class="sf-review-form__photo-name">{photo.name.clone()}</span>
                        {uploading}
                        <button type="button" class="sf-button sf-button--link" on:click=move |_| remove(attempt)>
                            {i18n.now(ReviewFormMsg::RemovePhoto)}
                            <span class="sf-visually-hidden">" " {photo.name}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let hint = i18n.format_now(
        ReviewFormMsg::PhotosHint,
        &[("max", &MAX_REVIEW_PHOTOS.to_string())],
    );
    let error_ref = error_reference(ids::PHOTOS, error);
    let described_by = move || {
        let mut described_by = String::from("sf-review-photos-hint");
        if let Some(error_id) = error_ref() {
            described_by.push(' ');
            described_by.push_str(&error_id);
        }
        described_by
    };
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=ids::PHOTOS>{i18n.now(ReviewFormMsg::PhotosLabel)}</label>
            <p class="sf-field__hint" id="sf-review-photos-hint">{hint}</p>
            // Always here, so a refusal put in it is announced.
            <div role="alert">
                <ErrorMessage field_id=ids::PHOTOS error=error />
            </div>
            <input
                type="file"
                class="sf-review-form__file"
                id=ids::PHOTOS
                accept=ImageFormat::ACCEPT
                multiple
                aria-describedby=described_by
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                node_ref=input
                on:change=on_change
            />
            <ul class="sf-review-form__photos" role="list">{list}</ul>
            <p class="sf-visually-hidden" role="status">{move || status.get().map(|msg| i18n.t(msg))}</p>
        </div>
    }
}

/// Checks what a browser can (the type it declares, the size) to save a wasted upload, then
/// sends `file`; the server decides from the bytes.
fn add_photo(reviewing: Reviewing, file: web_sys::File) {
    let media_type = file.type_();
    if !media_type.is_empty()
        && !ImageFormat::ACCEPT
            .split(',')
            .any(|kind| kind == media_type)
    {
        reviewing.send(Event::PhotoRefused(ProblemText::PhotoType));
        return;
    }
    if file.size() > MAX_REVIEW_PHOTO_BYTES as f64 {
        reviewing.send(Event::PhotoRefused(ProblemText::PhotoSize));
        return;
    }
    let before = reviewing
        .state
        .with_untracked(|state| state.draft.photos.len());
    reviewing.send(Event::PhotoPicked { name: file.name() });
    // The new photo's attempt; none when it was one too many.
    let Some(attempt) = reviewing.state.with_untracked(|state| {
        let photos = &state.draft.photos;
        (photos.len() > before)
            .then(|| photos.last().map(|photo| photo.attempt))
            .flatten()
    }) else {
        return;
    };
    let upload = reviewing.client.upload_review_photo(file);
    spawn_local(async move {
        reviewing.send(match upload.await {
            Ok(stored) => Event::PhotoAdded { attempt, stored },
            Err(error) => Event::PhotoFailed {
                attempt,
                text: photo_problem(&error),
            },
        })
    });
}

/// What to tell a shopper whose photo was refused.
fn photo_problem(error: &ClientError) -> ProblemText {
    match error {
        ClientError::Api { status: 413, .. } => ProblemText::PhotoSize,
        ClientError::Api { status: 415, .. } => ProblemText::PhotoType,
        ClientError::Network => ProblemText::Network,
        ClientError::Api {
            status: 400..=499,
            message,
            ..
        } => ProblemText::Server(message.clone()),
        _ => ProblemText::ServerFailed,
    }
}

/// The proof of purchase: order number and email, with what it is for.
#[component]
fn VerifyFields() -> impl IntoView {
    let reviewing = use_reviewing();
    let i18n = use_i18n();
    view! {
        <fieldset class="sf-review-form__verify" aria-describedby="sf-review-verify-hint">
            <legend class="sf-field__label">{i18n.now(ReviewFormMsg::VerifyLegend)}</legend>
            <p class="sf-field__hint" id="sf-review-verify-hint">{i18n.now(ReviewFormMsg::VerifyHint)}</p>
            <TextInput
                id=ids::ORDER_NUMBER
                label=i18n.now(ReviewFormMsg::OrderNumberLabel)
                value=reviewing.text(|draft| &draft.order_number)
                error=reviewing.error("order_number")
                on_input=Event::OrderNumber
                autocomplete="off"
            />
            <TextInput
                id=ids::EMAIL
                label=i18n.now(CommonMsg::EmailLabel)
                value=reviewing.text(|draft| &draft.email)
                error=reviewing.error("email")
                on_input=Event::Email
                autocomplete="email"
                input_type="email"
            />
        </fieldset>
    }
}

/// The "Verified purchase" badge, when `verified`.
fn badge(verified: bool) -> Option<impl IntoView> {
    let i18n = use_i18n();
    verified.then(|| view! { <p class=classes::BADGE>{i18n.now(ReviewFormMsg::VerifiedBadge)}</p> })
}

/// The confirmation: what happens to the review, honestly.
fn done(created: ReviewCreated) -> AnyView {
    let i18n = use_i18n();
    let msg = match created.status {
        ReviewStatus::Published => ReviewFormMsg::DoneLive,
        ReviewStatus::Pending => ReviewFormMsg::DoneHeld,
        ReviewStatus::Rejected => ReviewFormMsg::DoneRejected,
    };
    view! {
        <div class="sf-review-form__done">
            <h2 id=ids::DONE_HEADING class=classes::HEADING tabindex="-1">{i18n.now(msg)}</h2>
            {badge(created.verified)}
        </div>
    }
    .into_any()
}

/// What a review-request link whose review was written opens instead of the form.
fn already_reviewed(reviewing: Reviewing, created: ReviewCreated) -> AnyView {
    let i18n = use_i18n();
    let name = reviewing.state.with_untracked(|state| {
        state
            .product
            .as_ref()
            .map_or(String::new(), |product| product.name.clone())
    });
    let msg = match created.status {
        ReviewStatus::Published => ReviewFormMsg::AlreadyLive,
        ReviewStatus::Pending => ReviewFormMsg::AlreadyHeld,
        ReviewStatus::Rejected => ReviewFormMsg::AlreadyRejected,
    };
    view! {
        <div class="sf-review-form__done">
            <h2 id=ids::DONE_HEADING class=classes::HEADING tabindex="-1">
                {i18n.format_now(ReviewFormMsg::AlreadyReviewed, &[("product", &name)])}
            </h2>
            <p>{i18n.now(msg)}</p>
            {badge(created.verified)}
        </div>
    }
    .into_any()
}

/// What to say about a problem with `field`, in the shopper's language.
fn problem_text(i18n: I18n, field: &str, text: &ProblemText) -> String {
    let with = |msg, name, value: usize| i18n.format(msg, &[(name, &value.to_string())]);
    let msg = match text {
        ProblemText::Local(problem) => match problem {
            ReviewProblem::NoRating | ReviewProblem::RatingOutOfRange => ReviewFormMsg::NoRating,
            ReviewProblem::NoTitle => ReviewFormMsg::NoTitle,
            ReviewProblem::TitleTooLong => {
                return with(ReviewFormMsg::TitleTooLong, "max", MAX_REVIEW_TITLE_CHARS)
            }
            ReviewProblem::BodyTooShort => {
                return with(ReviewFormMsg::BodyTooShort, "min", MIN_REVIEW_BODY_CHARS)
            }
            ReviewProblem::BodyTooLong => {
                return with(ReviewFormMsg::BodyTooLong, "max", MAX_REVIEW_BODY_CHARS)
            }
            ReviewProblem::NoDisplayName => ReviewFormMsg::NoDisplayName,
            ReviewProblem::DisplayNameTooLong => {
                return with(
                    ReviewFormMsg::DisplayNameTooLong,
                    "max",
                    MAX_DISPLAY_NAME_CHARS,
                )
            }
            ReviewProblem::TooManyPhotos => {
                return with(ReviewFormMsg::TooManyPhotos, "max", MAX_REVIEW_PHOTOS)
            }
            ReviewProblem::UnknownPhoto => ReviewFormMsg::UnknownPhoto,
            ReviewProblem::NotAsked if field == "fit" => ReviewFormMsg::FitInvalid,
            ReviewProblem::NotAsked => ReviewFormMsg::QualityInvalid,
            ReviewProblem::BadOrderNumber => ReviewFormMsg::BadOrderNumber,
            ReviewProblem::BadEmail => return i18n.t(CommonMsg::EmailInvalid).to_owned(),
            ReviewProblem::NotPurchased => ReviewFormMsg::NotPurchased,
            ReviewProblem::AlreadyReviewed => ReviewFormMsg::AlreadyReviewedOrder,
            ReviewProblem::BadRequestLink => ReviewFormMsg::LinkInvalid,
            ReviewProblem::BadRequestId => return i18n.t(CommonMsg::ServerError).to_owned(),
        },
        ProblemText::PhotoUploading => ReviewFormMsg::PhotoWait,
        ProblemText::PhotoType => ReviewFormMsg::PhotoType,
        ProblemText::PhotoSize => ReviewFormMsg::PhotoSize,
        ProblemText::Server(sentence) => return sentence.clone(),
        ProblemText::Network => return i18n.t(CommonMsg::NetworkError).to_owned(),
        ProblemText::ServerFailed => return i18n.t(CommonMsg::ServerError).to_owned(),
        ProblemText::RateLimited(seconds) => {
            return i18n.format(
                CommonMsg::TooManyAttempts,
                &[("seconds", &seconds.to_string())],
            )
        }
    };
    i18n.t(msg).to_owned()
}
