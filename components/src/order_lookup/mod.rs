//! The order lookup form: order number and email, checked here with the server's own rules,
//! and the error-summary pattern for whatever is wrong. Shared by the components that start
//! from an order (the tracker, returns), each with its own ids.

mod messages;

use crate::chunk::{chunk_view, preloader, ChunkLoader};
use crate::client::{use_api_client, ClientError};
use crate::error_summary::{field_errors_from, FieldError};
use crate::form::{use_form, Form};
use crate::i18n::{email_problem, use_i18n, CommonMsg, I18n};
use crate::text_field::TextField;
use leptos::prelude::*;
pub use messages::LookupMsg;
use sf_api::error::ErrorCode;
use sf_api::tracking::{OrderAccess, OrderLookupRequest};
use sf_api::validation::{FieldProblem, FieldRefusal};

/// The ids of one component's lookup form: each component prefixes its own, so two on one
/// page (or in one test) never share an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupIds {
    /// The form's heading, which names the form.
    pub heading: &'static str,
    /// The order number input.
    pub order_number: &'static str,
    /// The email input.
    pub email: &'static str,
    /// The component's class of the `<form>`, for its stylesheet and tests.
    pub class: &'static str,
}

/// Asks for the order number and email; calls `found` with the order when they match.
#[component]
pub fn OrderLookupForm(
    /// The ids of the heading and inputs.
    ids: LookupIds,
    /// A number to pre-fill (from the element's `order` attribute).
    order_number: String,
    /// Called with the order and its token.
    found: Callback<OrderAccess>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let order_number = RwSignal::new(order_number);
    let email = RwSignal::new(String::new());
    let form = use_form(
        move |request| client.look_up_order(request),
        move |access| found.run(access),
        move |error| server_errors(i18n, ids, error),
    );
    let on_submit = Callback::new(move |()| {
        let request = OrderLookupRequest {
            order_number: order_number.get_untracked(),
            email: email.get_untracked(),
        };
        form.submit(request, |refusal| local_error(i18n, ids, refusal));
    });
    view! {
        <Form
            errors=form.errors
            pending=form.pending()
            heading_id=ids.heading
            class=ids.class
            submit_label=i18n.text(LookupMsg::FindButton)
            pending_label=i18n.text(LookupMsg::Finding)
            on_submit=on_submit
        >
            // Focusable, so a component that brings the shopper back here can say where they are.
            <h2 id=ids.heading tabindex="-1">{i18n.text(LookupMsg::LookupHeading)}</h2>
            <p class="sf-form__intro">{i18n.text(LookupMsg::LookupIntro)}</p>
            <TextField
                id=ids.order_number
                label=i18n.text(LookupMsg::OrderNumberLabel)
                value=order_number
                error=form.errors.for_field(ids.order_number)
            />
            <TextField
                id=ids.email
                label=i18n.text(CommonMsg::EmailLabel)
                value=email
                error=form.errors.for_field(ids.email)
                input_type="email"
                autocomplete="email"
            />
        </Form>
    }
}

/// What a field refused by the server's own rules says, before any round trip.
fn local_error(i18n: I18n, ids: LookupIds, refusal: &FieldRefusal) -> FieldError {
    if refusal.field == OrderLookupRequest::EMAIL {
        return FieldError::new(ids.email, i18n.t(email_problem(refusal.problem)));
    }
    let msg = match refusal.problem {
        FieldProblem::Missing => LookupMsg::OrderNumberMissing,
        FieldProblem::TooLong(_) => LookupMsg::OrderNumberTooLong,
        _ => LookupMsg::OrderNumberInvalid,
    };
    FieldError::new(ids.order_number, i18n.t(msg))
}

fn server_errors(i18n: I18n, ids: LookupIds, error: &ClientError) -> Vec<FieldError> {
    match error {
        // One message for both fields: saying which one is wrong would confirm that an
        // order number exists.
        ClientError::Api {
            code: ErrorCode::NotFound,
            ..
        } => {
            vec![FieldError::new(
                ids.order_number,
                i18n.t(LookupMsg::NotFound),
            )]
        }
        other => field_errors_from(
            i18n,
            other,
            &[
                (OrderLookupRequest::ORDER_NUMBER, ids.order_number),
                (OrderLookupRequest::EMAIL, ids.email),
            ],
        ),
    }
}

/// The attributes of an element that starts from an order (the tracker, returns), handed
/// from its first screen to the rest of it.
#[derive(Clone, Copy)]
pub struct OrderAttributes {
    /// The order number of a signed link, or alone a number to pre-fill the form with.
    pub order: MaybeProp<String>,
    /// When the signed link or customer stops working, in seconds since 1970.
    pub expires: MaybeProp<String>,
    /// The HMAC-SHA256 of the signed link or customer.
    pub signature: MaybeProp<String>,
    /// The store's own id of a signed-in shopper.
    pub customer: MaybeProp<String>,
}

/// What a component that starts from an order draws first, and how it becomes the rest of
/// itself (see [`lookup_then_whole`]).
pub struct LookupThenWhole<Start: 'static, MakeStart> {
    /// The component's outer class.
    pub class: &'static str,
    /// Its accessible name.
    pub label: Signal<&'static str>,
    /// The lookup form's ids.
    pub ids: LookupIds,
    /// Said while the rest of the component arrives.
    pub loading: Signal<&'static str>,
    /// Said when the rest could not be fetched.
    pub unavailable: Signal<&'static str>,
    /// The button that fetches it again.
    pub try_again: Signal<&'static str>,
    /// The element's attributes: a signed link or customer opens the rest at once, and
    /// `order` alone pre-fills the form.
    pub attributes: OrderAttributes,
    /// The rest's input, from the order the form found (`None`: the signed attributes).
    pub start: MakeStart,
    /// Ties the rest's input type to the loader looked for.
    pub rest: std::marker::PhantomData<Start>,
}

/// The lookup form alone, in the module's first download; once an order is found (or at
/// once for something signed), the rest of the component from the loader the page provides
/// (see [`crate::chunk`]), fetched early while the shopper uses the form.
pub fn lookup_then_whole<Start, MakeStart>(
    parts: LookupThenWhole<Start, MakeStart>,
) -> impl IntoView
where
    Start: 'static,
    MakeStart: Fn(Option<OrderAccess>) -> Start + Send + Sync + 'static,
{
    let LookupThenWhole {
        class,
        label,
        ids,
        loading,
        unavailable,
        try_again,
        attributes,
        start,
        rest: _,
    } = parts;
    let OrderAttributes {
        order,
        expires,
        signature,
        ..
    } = attributes;
    let loader = use_context::<ChunkLoader<Start>>();
    let found = RwSignal::new(None::<OrderAccess>);
    let needs_whole = Memo::new(move |_| {
        found.with(Option::is_some)
            || (expires.with(Option::is_some) && signature.with(Option::is_some))
    });
    let (whole_is_shown, load_failed, attempt) = (
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(0_u32),
    );
    let preload = preloader::<_, leptos::ev::FocusEvent>(loader);
    let again = move |_| {
        load_failed.set(false);
        attempt.update(|count| *count += 1);
    };
    let first_screen = move || {
        if load_failed.get() {
            view! {
                <p class="sf-notice sf-notice--warning" role="alert">
                    {unavailable} " "
                    <button type="button" class="sf-button sf-button--link" on:click=again>
                        {try_again}
                    </button>
                </p>
            }
            .into_any()
        } else if needs_whole.get() {
            view! { <p class=format!("{class}__loading") role="status">{loading}</p> }.into_any()
        } else {
            view! {
                <OrderLookupForm
                    ids=ids
                    order_number=order.get_untracked().unwrap_or_default()
                    found=Callback::new(move |access| found.set(Some(access)))
                />
            }
            .into_any()
        }
    };
    view! {
        {move || {
            (!whole_is_shown.get())
                .then(|| {
                    view! {
                        <section class=class aria-label=label on:focusin=preload>
                            {first_screen}
                        </section>
                    }
                })
        }}
        {chunk_view(
            loader,
            move || {
                attempt.track();
                needs_whole.get().then(|| start(found.get_untracked()))
            },
            load_failed,
            whole_is_shown,
        )}
    }
}
