//! The review form, a chunk fetched once the shopper presses "Write a review" (or at once
//! for a review-request link; see [`super::ReviewForm`]): it loads the product or the link,
//! then shows the link's notice, the stars, the title, the review with its count, fit and
//! quality where the product asks, photos, the name to show, the proof of purchase, the
//! error summary and the submission; then the honest confirmation, or what a link whose
//! review was written opens instead.

use super::messages::{ReviewFormMsg, ReviewStartMsg};
use super::state::{
    apply, control_id, count_note, fit_id, ids, Call, CountNote, Draft, Event, ProblemText,
    RequestLink, ReviewFormState, Stage, Unavailable, Waiting,
};
use super::{classes, Heading, ReviewFormRest};
use crate::client::{new_client_id, use_api_client, ApiClient};
use crate::error_summary::{FieldError, FormErrors};
use crate::events::{dispatch, ReviewSubmitted};
use crate::form::{Form, PhotoWords};
use crate::i18n::{use_i18n, CommonMsg, I18n};
use crate::rating_input::{target_id, RatingInput};
use crate::reactive::effect;
use crate::text_field::{error_reference, ErrorMessage, FieldValue, TextField};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sf_api::live_chat::ImageFormat;
use sf_api::reviews::{
    Fit, ReviewCreated, ReviewProblem, ReviewStatus, MAX_DISPLAY_NAME_CHARS, MAX_REVIEW_BODY_CHARS,
    MAX_REVIEW_PHOTOS, MAX_REVIEW_PHOTO_BYTES, MAX_REVIEW_TITLE_CHARS, MIN_REVIEW_BODY_CHARS,
};
use wasm_bindgen::JsCast;

/// The state, the summary's list and the client, shared by the form's parts.
#[derive(Clone, Copy)]
struct Reviewing {
    state: RwSignal<ReviewFormState>,
    /// What the error summary lists, kept in step with the state's problems in the
    /// shopper's language.
    errors: FormErrors,
    /// The component's client: a part drawn again (in another language) does not abort an
    /// upload in flight.
    client: ApiClient,
    /// Where the error summary goes: above the heading.
    summary: NodeRef<html::Div>,
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

    /// One text of the draft as a [`TextField`]'s value: read from the draft, changed by the
    /// event `typed` makes.
    fn field(self, pick: fn(&Draft) -> &String, typed: fn(String) -> Event) -> FieldValue {
        FieldValue {
            read: self.text(pick).into(),
            write: Callback::new(move |value| self.send(typed(value))),
        }
    }
}

fn use_reviewing() -> Reviewing {
    expect_context::<Reviewing>()
}

/// The form, its confirmation, or the review a link's was, drawn below the heading for as
/// long as the component lives: it loads what the element's attributes name and sets the
/// heading's words.
pub(super) fn rest(input: ReviewFormRest) -> AnyView {
    let ReviewFormRest {
        product,
        request,
        token,
        focus_stars,
        heading,
        root,
        summary,
    } = input;
    let i18n = use_i18n();
    let client = use_api_client();
    let state = RwSignal::new(ReviewFormState::default());
    let reviewing = Reviewing {
        state,
        errors: FormErrors {
            all: RwSignal::new(Vec::new()),
        },
        client,
        summary,
    };
    provide_context(reviewing);
    start_from_attributes(reviewing, product, request, token);
    load(reviewing);
    list_problems(reviewing, i18n);
    send_submission(reviewing, root);

    let stage = Memo::new(move |_| state.with(|state| state.stage.clone()));
    // The heading names the product once it is known; the confirmations have their own.
    effect(move || {
        let words = match stage.get() {
            Stage::Writing => Heading::Text(state.with_untracked(|state| {
                let name = state.product.as_ref().map_or("", |product| &product.name);
                i18n.format(ReviewFormMsg::Heading, &[("product", name)])
            })),
            Stage::Done(_) | Stage::AlreadyReviewed(_) => Heading::Hidden,
            Stage::Loading | Stage::Unavailable(_) => Heading::Start,
        };
        heading.set(words);
    });
    // After a submission, focus goes to the confirmation's heading, so what happened is read
    // out where the shopper is; not on page load, and not when the error summary takes it.
    // A shopper who pressed "Write a review" goes on to the stars once they are drawn.
    let mut stars_focused = false;
    effect(move || {
        let writing = stage.with(|stage| *stage == Stage::Writing);
        let selector = if writing && focus_stars && !stars_focused {
            stars_focused = true;
            let rating = state.with_untracked(|state| state.draft.rating);
            let mut selector = String::from("#");
            selector.push_str(&target_id(ids::RATING, rating));
            selector
        } else if state.with_untracked(|state| state.focus) {
            String::from(".sf-review-form__heading[tabindex]")
        } else {
            return;
        };
        // After the stage has been drawn: effects may run before the view's own update.
        request_animation_frame(move || {
            if let Some(target) = root
                .get_untracked()
                .and_then(|root| root.query_selector(&selector).ok().flatten())
            {
                let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    });

    (move || {
        // Drawn again in a new language (texts below read it untracked); what the shopper
        // wrote lives in the state, so nothing typed is lost.
        i18n.locale.track();
        match stage.get() {
            Stage::Loading => {
                view! { <p role="status">{i18n.now(ReviewStartMsg::Loading)}</p> }.into_any()
            }
            Stage::Unavailable(why) => unavailable(reviewing, why),
            Stage::Writing => view! { <Writing /> }.into_any(),
            Stage::Done(created) => done(created),
            Stage::AlreadyReviewed(created) => already_reviewed(reviewing, created),
        }
    })
    .into_any()
}

/// Starts (again) from the element's attributes whenever they change.
fn start_from_attributes(
    reviewing: Reviewing,
    product: MaybeProp<String>,
    request: MaybeProp<String>,
    token: MaybeProp<String>,
) {
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
}

/// Sends the request that loads the form when the state asks for it, once per request: its
/// answer names it, so one for attributes since changed is dropped by `apply`.
/// ([`send_submission`] sends the submission.)
fn load(reviewing: Reviewing) {
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
                let answer = client.reviewed_product(&sku);
                spawn_local(async move {
                    send(match answer.await {
                        Ok(product) => Event::ProductLoaded {
                            id,
                            product,
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
            Call::Submit => {}
        }
    });
}

/// Why there is nothing to review, with "Try again" when that may help.
fn unavailable(reviewing: Reviewing, why: Unavailable) -> AnyView {
    let i18n = use_i18n();
    let said = match why {
        Unavailable::NoProduct => i18n.now(ReviewFormMsg::NoProduct),
        Unavailable::LinkInvalid => i18n.now(ReviewFormMsg::LinkInvalid),
        Unavailable::Failed => i18n.now(ReviewStartMsg::LoadFailed),
    };
    let retry = (why == Unavailable::Failed).then(|| {
        view! {
            <button type="button" class="sf-button" on:click=move |_| reviewing.send(Event::Retry)>
                {i18n.now(ReviewStartMsg::TryAgain)}
            </button>
        }
    });
    view! {
        <div role="alert">
            <p>{said}</p>
            {retry}
        </div>
    }
    .into_any()
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

/// Sends the review when the state asks, once per submission: its answer names it, so one
/// that arrives for a form the shopper left is dropped by `apply`. ([`load`] sends the
/// requests that load the form.)
fn send_submission(reviewing: Reviewing, root: NodeRef<html::Section>) {
    let (state, client) = (reviewing.state, reviewing.client);
    let send = move |event| reviewing.send(event);
    let waiting = Memo::new(move |_| state.with(|state| state.waiting));
    effect(move || {
        let Some(Waiting {
            id,
            call: Call::Submit,
        }) = waiting.get()
        else {
            return;
        };
        let (sku, submission) = state
            .with_untracked(|state| (state.product_sku().map(str::to_owned), state.submission()));
        let Some(sku) = sku else {
            return;
        };
        let answer = client.submit_review(&sku, &submission);
        spawn_local(async move {
            match answer.await {
                Ok(created) => {
                    send(Event::Submitted { id, created });
                    // The review exists whatever became of the form: listings of the product
                    // on the page read theirs again.
                    if let Some(root) = root.get_untracked() {
                        dispatch(&root, &ReviewSubmitted { product: sku });
                    }
                }
                Err(error) => send(Event::Failed { id, error }),
            }
        });
    });
}

/// The form: the link's notice, the stars and the fields. Its heading is the component's
/// (see [`super::ReviewForm`]): the `<form>` is named by it, and its summary goes above it.
#[component]
fn Writing() -> impl IntoView {
    let reviewing = use_reviewing();
    let i18n = use_i18n();
    let state = reviewing.state;
    // Memos: a refusal at submission may take the link away while this is drawn.
    let notice = Memo::new(move |_| state.with(|state| state.notice));
    let link_order = Memo::new(move |_| state.with(|state| state.link_order.clone()));
    let rating = Memo::new(move |_| state.with(|state| state.draft.rating));
    let (asks_fit, asks_quality) = state.with_untracked(|state| {
        state.product.as_ref().map_or((false, false), |product| {
            (product.asks_fit, product.asks_quality)
        })
    });
    // Not only on opening: a link the server refuses at submission gives way to the proof.
    let verified_by_link = Memo::new(move |_| state.with(|state| state.link_order.is_some()));
    let pending = Memo::new(move |_| state.with(ReviewFormState::submitting));
    let quality = Memo::new(move |_| state.with(|state| state.draft.quality));
    let send = move |event| reviewing.send(event);
    view! {
        {move || {
            notice.get().map(|msg| view! { <p class="sf-notice" role="status">{i18n.t(msg)}</p> })
        }}
        {move || {
            link_order
                .get()
                .map(|number| {
                    view! {
                        <p class="sf-notice sf-review-form__verified">
                            {i18n.format_now(ReviewFormMsg::VerifiedByLink, &[("number", &number)])}
                        </p>
                    }
                })
        }}
        <RatingInput
            label=i18n.text(ReviewFormMsg::RatingLabel)
            value=rating
            on_change=Callback::new(move |stars| send(Event::Rating(stars)))
            name=ids::RATING
            error=reviewing.error("rating")
            required=true
        />
        <Form
            errors=reviewing.errors
            pending=pending
            heading_id=ids::HEADING
            class="sf-review-form__form"
            submit_label=i18n.text(ReviewFormMsg::Submit)
            pending_label=i18n.text(ReviewFormMsg::Submitting)
            on_submit=Callback::new(move |()| send(Event::Submit))
            summary_place=reviewing.summary
        >
            <TextField
                id=ids::TITLE
                label=i18n.text(ReviewFormMsg::TitleLabel)
                value=reviewing.field(|draft| &draft.title, Event::Title)
                error=reviewing.error("title")
                check_spelling=true
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
            <TextField
                id=ids::DISPLAY_NAME
                label=i18n.text(ReviewFormMsg::DisplayNameLabel)
                value=reviewing.field(|draft| &draft.display_name, Event::DisplayName)
                error=reviewing.error("display_name")
                autocomplete="nickname"
            />
            {move || (!verified_by_link.get()).then(|| view! { <VerifyFields /> })}
        </Form>
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
                text: ProblemText::from_photo_upload(&error),
            },
        })
    });
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
            <TextField
                id=ids::ORDER_NUMBER
                label=i18n.text(ReviewFormMsg::OrderNumberLabel)
                value=reviewing.field(|draft| &draft.order_number, Event::OrderNumber)
                error=reviewing.error("order_number")
                autocomplete="off"
            />
            <TextField
                id=ids::EMAIL
                label=i18n.text(CommonMsg::EmailLabel)
                value=reviewing.field(|draft| &draft.email, Event::Email)
                error=reviewing.error("email")
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

/// How the review form words its photos' problems.
const PHOTO_WORDS: PhotoWords<ReviewFormMsg> = PhotoWords {
    uploading: ReviewFormMsg::PhotoWait,
    wrong_type: ReviewFormMsg::PhotoType,
    too_large: ReviewFormMsg::PhotoSize,
};

/// What to say about a problem with `field`, in the shopper's language.
fn problem_text(i18n: I18n, field: &str, text: &ProblemText) -> String {
    text.words(i18n, PHOTO_WORDS, |problem| {
        let with = |msg, name, value: usize| i18n.format(msg, &[(name, &value.to_string())]);
        let msg = match problem {
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
        };
        i18n.t(msg).to_owned()
    })
}
