//! The items step: one fieldset per item of the order. A returnable item has "Return this
//! item", then its quantity (a number input between − and + buttons), the reason (and the
//! finer reason where it has some), a photo where the reason needs one (uploaded as soon as
//! it is picked), and what the shopper wants instead; an item that cannot be returned says
//! why. The optional comment closes the form.

use super::state::{Event, LineChange, LineDraft, Photo, ProblemText};
use super::{
    control_id, item_name, outcome_msg, percent, problem_text, reason_msg, sub_reason_msg,
    use_returns, OtherOrders, ReturnMsg, Returns,
};
use crate::client::use_api_client;
use crate::form::Form;
use crate::i18n::{format_date, use_i18n, DateStyle};
use crate::text_field::{error_reference, ErrorMessage};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sf_api::live_chat::ImageFormat;
use sf_api::returns::{
    line_field, NotReturnableReason, ReturnOutcome, ReturnReason, ReturnableItem,
    MAX_RETURN_COMMENT_CHARS, MAX_RETURN_PHOTO_BYTES,
};

const HEADING_ID: &str = "sf-return-items-heading";

/// The items form, or the items with why none can be returned.
#[component]
pub(super) fn ItemsStep() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let Some(order) = returns.state.with_untracked(|state| state.order.clone()) else {
        return ().into_any();
    };
    let locale = i18n.locale.get_untracked();
    let heading = i18n.format_now(ReturnMsg::ItemsHeading, &[("number", &order.order_number)]);
    let policy = &order.policy;
    let mut intro = i18n.format_now(
        ReturnMsg::PolicyWindow,
        &[("days", &policy.window_days.to_string())],
    );
    if policy.restocking_fee_basis_points > 0 {
        let fee = percent(policy.restocking_fee_basis_points, locale);
        intro = format!(
            "{intro} {}",
            i18n.format_now(ReturnMsg::PolicyRestocking, &[("percent", &fee)])
        );
    }
    let bonus = (policy.store_credit_bonus_basis_points > 0)
        .then(|| percent(policy.store_credit_bonus_basis_points, locale));
    let first = order
        .items
        .iter()
        .find(|item| item.returnable > 0)
        .map(|item| item.item_id);
    let items = order
        .items
        .into_iter()
        .map(|item| {
            let first = first == Some(item.item_id);
            view! { <ItemFieldset item=item first=first bonus=bonus.clone() /> }
        })
        .collect_view();
    if first.is_none() {
        return view! {
            <h2 class="sf-return__heading" tabindex="-1">{heading}</h2>
            <p class="sf-notice">{i18n.now(ReturnMsg::NothingReturnable)}</p>
            {items}
            <p class="sf-return__actions"><OtherOrders /></p>
            <super::returns::OrderReturns />
        }
        .into_any();
    }
    view! {
        <Form
            errors=returns.errors
            pending=returns.pending()
            heading_id=HEADING_ID
            class="sf-return__form"
            submit_label=i18n.text(ReturnMsg::ContinueButton)
            on_submit=Callback::new(move |()| returns.send(Event::Continue))
        >
            <h2 id=HEADING_ID class="sf-return__heading" tabindex="-1">{heading}</h2>
            <p class="sf-form__intro">{intro}</p>
            {items}
            <CommentField />
        </Form>
        <p class="sf-return__actions"><OtherOrders /></p>
        <super::returns::OrderReturns />
    }
    .into_any()
}

/// One value of the line of `item_id`, followed as the shopper changes it.
fn line_value<T>(
    returns: Returns,
    item_id: i64,
    read: impl Fn(&LineDraft) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Default + PartialEq + Clone + Send + Sync + 'static,
{
    let state = returns.state;
    Memo::new(move |_| {
        state.with(|state| {
            state
                .draft
                .lines
                .iter()
                .find(|line| line.item_id == item_id)
                .map(&read)
                .unwrap_or_default()
        })
    })
}

/// An item: its choices when it can be returned, or why it cannot.
#[component]
fn ItemFieldset(
    /// The item.
    item: ReturnableItem,
    /// Whether it is the first returnable item, whose checkbox stands for the whole list in
    /// the error summary ("Choose at least one item").
    first: bool,
    /// The store-credit bonus as a percentage, when there is one.
    bonus: Option<String>,
) -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let legend = item_name(&item.name, item.variant.as_deref());
    let last_day = item
        .last_day
        .as_deref()
        .map(|day| format_date(day, locale, DateStyle::CalendarDay));
    if item.returnable == 0 {
        let why = match (item.not_returnable, &last_day) {
            (Some(NotReturnableReason::WindowClosed), Some(day)) => {
                i18n.format_now(ReturnMsg::WindowClosedOn, &[("date", day)])
            }
            (Some(NotReturnableReason::WindowClosed), None) => {
                i18n.now(ReturnMsg::WindowClosed).to_owned()
            }
            (Some(NotReturnableReason::FinalSale), _) => i18n.now(ReturnMsg::FinalSale).to_owned(),
            (Some(NotReturnableReason::AlreadyReturned), _) => {
                i18n.now(ReturnMsg::AlreadyReturned).to_owned()
            }
            (Some(NotReturnableReason::NotDelivered) | None, _) => {
                i18n.now(ReturnMsg::NotDelivered).to_owned()
            }
        };
        return view! {
            <fieldset class="sf-return__item" data-returnable="false">
                <legend class="sf-return__legend">{legend}</legend>
                <p class="sf-return__muted">{why}</p>
            </fieldset>
        }
        .into_any();
    }
    let item_id = item.item_id;
    let chosen = line_value(returns, item_id, |line| line.chosen);
    let chosen_field = if first {
        "items".to_owned()
    } else {
        line_field(item_id, "chosen")
    };
    let chosen_id = control_id(&chosen_field);
    let chosen_error = returns.error(chosen_field);
    let described_by = error_reference(&chosen_id, chosen_error);
    let deadline = last_day.map(|day| {
        view! { <p class="sf-return__muted">{i18n.format_now(ReturnMsg::ReturnBy, &[("date", &day)])}</p> }
    });
    view! {
        <fieldset class="sf-return__item">
            <legend class="sf-return__legend">{legend}</legend>
            {deadline}
            <ErrorMessage field_id=chosen_id.clone() error=chosen_error />
            <div class="sf-return__choice">
                <input
                    type="checkbox"
                    id=chosen_id.clone()
                    checked=chosen.get_untracked()
                    aria-describedby=described_by
                    on:change=move |event| {
                        returns
                            .send(Event::Line {
                                item_id,
                                change: LineChange::Chosen(event_target_checked(&event)),
                            })
                    }
                />
                <label for=chosen_id>{i18n.now(ReturnMsg::ReturnThisItem)}</label>
            </div>
            {move || {
                chosen
                    .get()
                    .then(|| view! { <LineDetails item=item.clone() bonus=bonus.clone() /> })
            }}
        </fieldset>
    }
    .into_any()
}

/// A chosen item's quantity, reason, photo and outcome.
#[component]
fn LineDetails(item: ReturnableItem, bonus: Option<String>) -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let item_id = item.item_id;
    let change = move |change| returns.send(Event::Line { item_id, change });
    let reason = line_value(returns, item_id, |line| line.reason);
    let outcome = line_value(returns, item_id, |line| line.outcome);

    let reason_field = line_field(item_id, "reason");
    let reason_id = control_id(&reason_field);
    let reason_error = returns.error(reason_field);
    let reason_options = ReturnReason::ALL
        .iter()
        .enumerate()
        .map(|(at, choice)| {
            view! {
                <option value=at.to_string() selected=reason.get_untracked() == Some(*choice)>
                    {i18n.now(reason_msg(*choice))}
                </option>
            }
        })
        .collect_view();

    let mut outcomes = vec![
        Choice::new(
            i18n.now(outcome_msg(ReturnOutcome::Refund)),
            Event::Line {
                item_id,
                change: LineChange::Outcome(ReturnOutcome::Refund),
            },
        ),
        Choice::new(
            match &bonus {
                Some(bonus) => i18n.format_now(ReturnMsg::StoreCreditBonus, &[("percent", bonus)]),
                None => i18n.now(outcome_msg(ReturnOutcome::StoreCredit)).to_owned(),
            },
            Event::Line {
                item_id,
                change: LineChange::Outcome(ReturnOutcome::StoreCredit),
            },
        ),
    ];
    if !item.exchange_options.is_empty() {
        outcomes.push(Choice::new(
            i18n.now(outcome_msg(ReturnOutcome::Exchange)),
            Event::Line {
                item_id,
                change: LineChange::Outcome(ReturnOutcome::Exchange),
            },
        ));
    }
    let chosen_outcome = outcome.get_untracked();
    for (choice, value) in outcomes.iter_mut().zip([
        ReturnOutcome::Refund,
        ReturnOutcome::StoreCredit,
        ReturnOutcome::Exchange,
    ]) {
        choice.checked = chosen_outcome == Some(value);
    }
    let options = item.exchange_options.clone();

    view! {
        <QuantityStepper item_id=item_id name=item.name.clone() returnable=item.returnable />
        <div class="sf-field">
            <label class="sf-field__label" for=reason_id.clone()>{i18n.now(ReturnMsg::ReasonLabel)}</label>
            <ErrorMessage field_id=reason_id.clone() error=reason_error />
            <select
                class="sf-field__input"
                id=reason_id.clone()
                aria-invalid=move || reason_error.get().map(|_| "true")
                aria-describedby=error_reference(&reason_id, reason_error)
                on:change=move |event| {
                    let chosen = event_target_value(&event)
                        .parse::<usize>()
                        .ok()
                        .and_then(|at| ReturnReason::ALL.get(at).copied());
                    change(LineChange::Reason(chosen));
                }
            >
                <option value="" selected=reason.get_untracked().is_none()>{i18n.now(ReturnMsg::ChooseReason)}</option>
                {reason_options}
            </select>
        </div>
        {move || {
            reason
                .get()
                .filter(|reason| !reason.sub_reasons().is_empty())
                .map(|reason| {
                    let current = returns
                        .state
                        .with_untracked(|state| {
                            state.draft.lines.iter().find(|line| line.item_id == item_id).and_then(|line| line.sub_reason)
                        });
                    let choices = reason
                        .sub_reasons()
                        .iter()
                        .map(|sub| Choice {
                            checked: current == Some(*sub),
                            ..Choice::new(
                                i18n.now(sub_reason_msg(*sub)),
                                Event::Line { item_id, change: LineChange::SubReason(*sub) },
                            )
                        })
                        .collect();
                    view! {
                        <Choices
                            field=line_field(item_id, "sub_reason")
                            legend=i18n.now(ReturnMsg::SubReasonLegend).to_owned()
                            choices=choices
                        />
                    }
                })
        }}
        {move || {
            reason
                .get()
                .is_some_and(ReturnReason::needs_photo)
                .then(|| view! { <PhotoField item_id=item_id /> })
        }}
        <Choices
            field=line_field(item_id, "outcome")
            legend=i18n.now(ReturnMsg::OutcomeLegend).to_owned()
            choices=outcomes
        />
        {move || {
            (outcome.get() == Some(ReturnOutcome::Exchange))
                .then(|| view! { <ExchangeSelect item_id=item_id options=options.clone() /> })
        }}
    }
}

/// The quantity: a number input between a − and a + button, each named after the item.
#[component]
fn QuantityStepper(item_id: i64, name: String, returnable: u32) -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let quantity = line_value(returns, item_id, |line| line.quantity.clone());
    let field = line_field(item_id, "quantity");
    let id = control_id(&field);
    let error = returns.error(field);
    let hint_id = format!("{id}-hint");
    let error_ref = error_reference(&id, error);
    let described_by = {
        let hint_id = hint_id.clone();
        move || {
            error_ref().map_or_else(
                || hint_id.clone(),
                |error_id| format!("{hint_id} {error_id}"),
            )
        }
    };
    // What a button changed, said once: the buttons keep focus, so the new number would
    // otherwise go unheard.
    let announced = RwSignal::new(String::new());
    let step_by = move |delta: i32| {
        move |_| {
            returns.send(Event::Line {
                item_id,
                change: LineChange::StepQuantity(delta),
            });
            announced.set(quantity.get_untracked());
        }
    };
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id.clone()>{i18n.now(ReturnMsg::QuantityLabel)}</label>
            <p class="sf-field__hint" id=hint_id>
                {i18n.format_now(ReturnMsg::QuantityHint, &[("max", &returnable.to_string())])}
            </p>
            <ErrorMessage field_id=id.clone() error=error />
            <div class="sf-return__stepper">
                <button
                    type="button"
                    class="sf-button sf-button--secondary"
                    aria-label=i18n.format_now(ReturnMsg::Fewer, &[("name", &name)])
                    aria-controls=id.clone()
                    on:click=step_by(-1)
                >
                    <span aria-hidden="true">"−"</span>
                </button>
                <input
                    class="sf-field__input sf-return__quantity"
                    type="number"
                    inputmode="numeric"
                    id=id.clone()
                    min="1"
                    max=returnable.to_string()
                    step="1"
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=described_by
                    prop:value=move || quantity.get()
                    on:input=move |event| {
                        returns
                            .send(Event::Line {
                                item_id,
                                change: LineChange::Quantity(event_target_value(&event)),
                            })
                    }
                />
                <button
                    type="button"
                    class="sf-button sf-button--secondary"
                    aria-label=i18n.format_now(ReturnMsg::More, &[("name", &name)])
                    aria-controls=id
                    on:click=step_by(1)
                >
                    <span aria-hidden="true">"+"</span>
                </button>
                <span class="sf-visually-hidden" role="status">{move || announced.get()}</span>
            </div>
        </div>
    }
}

/// The variant wanted in exchange.
#[component]
fn ExchangeSelect(item_id: i64, options: Vec<sf_api::returns::ExchangeOption>) -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let field = line_field(item_id, "exchange");
    let id = control_id(&field);
    let error = returns.error(field);
    let current = returns.state.with_untracked(|state| {
        state
            .draft
            .lines
            .iter()
            .find(|line| line.item_id == item_id)
            .and_then(|line| line.exchange)
    });
    let choices = options
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.product_id.to_string() selected=current == Some(option.product_id)>
                    {option.variant}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id.clone()>{i18n.now(ReturnMsg::ExchangeLabel)}</label>
            <ErrorMessage field_id=id.clone() error=error />
            <select
                class="sf-field__input"
                id=id.clone()
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=error_reference(&id, error)
                on:change=move |event| {
                    returns
                        .send(Event::Line {
                            item_id,
                            change: LineChange::Exchange(event_target_value(&event).parse().ok()),
                        })
                }
            >
                <option value="" selected=current.is_none()>{i18n.now(ReturnMsg::ChooseVariant)}</option>
                {choices}
            </select>
        </div>
    }
}

/// The photo picker of a line, sending the file as soon as it is picked.
#[component]
fn PhotoField(item_id: i64) -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let client = use_api_client();
    let input = NodeRef::<html::Input>::new();
    let photo = line_value(returns, item_id, |line| line.photo.clone());
    let field = line_field(item_id, "photo");
    let id = control_id(&field);
    let listed = returns.error(field);
    let error = Signal::derive(move || match photo.get() {
        Photo::Failed(text) => Some(problem_text(i18n, &text)),
        _ => listed.get(),
    });
    let on_change = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let Some(file) = element.files().and_then(|files| files.get(0)) else {
            return;
        };
        returns.send(Event::PhotoPicked { item_id });
        let (attempt, session) = returns.state.with_untracked(|state| {
            let attempt = state
                .draft
                .lines
                .iter()
                .find(|line| line.item_id == item_id)
                .and_then(|line| match line.photo {
                    Photo::Uploading(attempt) => Some(attempt),
                    _ => None,
                });
            (attempt, state.session.clone())
        });
        let (Some(attempt), Some(session)) = (attempt, session) else {
            return;
        };
        let failed = move |text| Event::PhotoFailed {
            item_id,
            attempt,
            text,
        };
        // What it checks here only saves a wasted upload: the server decides from the bytes.
        let media_type = file.type_();
        if !media_type.is_empty()
            && !ImageFormat::ACCEPT
                .split(',')
                .any(|kind| kind == media_type)
        {
            returns.send(failed(ProblemText::PhotoType));
            return;
        }
        if file.size() > MAX_RETURN_PHOTO_BYTES as f64 {
            returns.send(failed(ProblemText::PhotoSize));
            return;
        }
        let upload = client.upload_return_photo(&session.order_number, session.token, file);
        spawn_local(async move {
            match upload.await {
                Ok(stored) => returns.send(Event::PhotoAdded {
                    item_id,
                    attempt,
                    key: stored.key,
                }),
                Err(error) => {
                    // Picking the same file again must be a change.
                    if let Some(element) = input.get_untracked() {
                        element.set_value("");
                    }
                    returns.send(failed(ProblemText::from_photo_upload(&error)));
                }
            }
        });
    };
    let hint_id = format!("{id}-hint");
    let error_ref = error_reference(&id, error);
    let described_by = {
        let hint_id = hint_id.clone();
        move || {
            error_ref().map_or_else(
                || hint_id.clone(),
                |error_id| format!("{hint_id} {error_id}"),
            )
        }
    };
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id.clone()>{i18n.now(ReturnMsg::PhotoLabel)}</label>
            <p class="sf-field__hint" id=hint_id>{i18n.now(ReturnMsg::PhotoHint)}</p>
            // Always here, so a refusal put in it is announced.
            <div role="alert">
                <ErrorMessage field_id=id.clone() error=error />
            </div>
            <input
                type="file"
                class="sf-return__file"
                id=id
                accept=ImageFormat::ACCEPT
                aria-describedby=described_by
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                node_ref=input
                on:change=on_change
            />
            <p class="sf-return__muted" role="status">
                {move || match photo.get() {
                    Photo::Uploading(_) => i18n.t(ReturnMsg::PhotoUploading),
                    Photo::Added(_) => i18n.t(ReturnMsg::PhotoAdded),
                    _ => "",
                }}
            </p>
        </div>
    }
}

/// The optional comment, with how many characters it has of the most it may have.
#[component]
fn CommentField() -> impl IntoView {
    let returns = use_returns();
    let i18n = use_i18n();
    let state = returns.state;
    let comment = Memo::new(move |_| state.with(|state| state.draft.comment.clone()));
    let id = control_id("comment");
    let error = returns.error("comment".to_owned());
    let count_id = format!("{id}-count");
    let error_ref = error_reference(&id, error);
    let described_by = {
        let count_id = count_id.clone();
        move || {
            error_ref().map_or_else(
                || count_id.clone(),
                |error_id| format!("{count_id} {error_id}"),
            )
        }
    };
    let max = MAX_RETURN_COMMENT_CHARS.to_string();
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id.clone()>{i18n.now(ReturnMsg::CommentLabel)}</label>
            <ErrorMessage field_id=id.clone() error=error />
            <textarea
                class="sf-field__input"
                id=id
                rows="3"
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                prop:value=move || comment.get()
                on:input=move |event| returns.send(Event::Comment(event_target_value(&event)))
            ></textarea>
            <p class="sf-field__hint" id=count_id>
                {move || {
                    let count = comment.with(|text| text.chars().count()).to_string();
                    i18n.format(ReturnMsg::CommentCount, &[("count", &count), ("max", &max)])
                }}
            </p>
        </div>
    }
}

/// One radio of a [`Choices`] group.
#[derive(Clone)]
pub(super) struct Choice {
    /// Its label.
    pub label: String,
    /// More about it, read after the label.
    pub hint: Option<String>,
    /// What choosing it does.
    pub event: Event,
    /// Whether it is chosen now.
    pub checked: bool,
}

impl Choice {
    /// A choice with only a label, not chosen.
    pub fn new(label: impl Into<String>, event: Event) -> Self {
        Self {
            label: label.into(),
            hint: None,
            event,
            checked: false,
        }
    }
}

/// A radio group in a fieldset: its legend (or a heading in its legend, for a step whose
/// question it is), its error, and the radios. The first radio carries the field's id, so
/// the error summary's link lands on the group.
#[component]
pub(super) fn Choices(
    /// The field's name in the API's error body.
    field: String,
    /// The question.
    legend: String,
    /// The answers.
    choices: Vec<Choice>,
    /// When the question is the step's heading: that heading's id.
    #[prop(optional)]
    heading_id: Option<&'static str>,
) -> impl IntoView {
    let returns = use_returns();
    let id = control_id(&field);
    let error = returns.error(field);
    let legend = match heading_id {
        Some(heading_id) => view! {
            <legend class="sf-return__legend">
                <h2 id=heading_id class="sf-return__heading" tabindex="-1">{legend}</h2>
            </legend>
        }
        .into_any(),
        None => view! { <legend class="sf-field__label">{legend}</legend> }.into_any(),
    };
    let radios = choices
        .into_iter()
        .enumerate()
        .map(|(at, choice)| {
            let radio_id = if at == 0 {
                id.clone()
            } else {
                format!("{id}-{at}")
            };
            let hint_id = format!("{radio_id}-hint");
            let Choice {
                label,
                hint,
                event,
                checked,
            } = choice;
            let described_by = hint.is_some().then(|| hint_id.clone());
            view! {
                <div class="sf-return__choice">
                    <input
                        type="radio"
                        name=id.clone()
                        id=radio_id.clone()
                        checked=checked
                        aria-describedby=described_by
                        on:change=move |_| returns.send(event.clone())
                    />
                    <label for=radio_id>{label}</label>
                    {hint.map(|hint| view! { <p class="sf-return__hint" id=hint_id>{hint}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="sf-return__choices" aria-describedby=error_reference(&id, error)>
            {legend}
            <ErrorMessage field_id=id.clone() error=error />
            {radios}
        </fieldset>
    }
}
