//! `ServiceStatus`: tells shoppers whether the support service answers right now.
//!
//! The first embeddable element (`<sf-service-status>`): small, but it goes through every
//! layer a real component uses — the typed client, a resource read with `Transition` and
//! `ErrorBoundary`, the catalogue, a live region and its own stylesheet.

use crate::client::use_api_client;
use crate::i18n::use_i18n;
use messages::StatusMsg;

mod messages;
use leptos::prelude::*;
use sf_api::health::HealthStatus;

/// The outer class name, shared with the stylesheet (`style/service-status.css`).
pub mod classes {
    /// The component's outer element.
    pub const ROOT: &str = "sf-service-status";
}

/// A one-line, polite live status: checking, online, degraded or unreachable, with a
/// button to check again when something is wrong.
#[component]
pub fn ServiceStatus() -> impl IntoView {
    let client = use_api_client();
    let i18n = use_i18n();
    let health = LocalResource::new(move || client.health());
    let line = move |state: &'static str, msg: StatusMsg| {
        view! {
            <span class="sf-service-status__indicator" data-state=state aria-hidden="true"></span>
            <span class="sf-service-status__text">{i18n.text(msg)}</span>
        }
    };
    let retry = move || {
        view! {
            <button type="button" class="sf-button sf-button--link" on:click=move |_| health.refetch()>
                {i18n.text(StatusMsg::Retry)}
            </button>
        }
    };
    view! {
        <section class=classes::ROOT aria-label=i18n.text(StatusMsg::Label)>
            // role=status makes each change (checking → online) a polite announcement.
            <p role="status" class="sf-service-status__line">
                <Transition fallback=move || line("checking", StatusMsg::Checking)>
                    <ErrorBoundary fallback=move |_| {
                        view! { {line("unreachable", StatusMsg::Unreachable)} " " {retry()} }
                    }>
                        // `health.get()` rather than `Suspend`: a request the page's CSP blocks
                        // fails synchronously, and a `Suspend` then never re-rendered (seen in
                        // the end-to-end test of a changed `api-base`).
                        {move || {
                            health
                                .get()
                                .map(|result| {
                                    result
                                        .map(|health| match health.status {
                                            HealthStatus::Ok => line("online", StatusMsg::Online).into_any(),
                                            HealthStatus::Degraded => {
                                                view! { {line("degraded", StatusMsg::Degraded)} " " {retry()} }
                                                    .into_any()
                                            }
                                        })
                                })
                        }}
                    </ErrorBoundary>
                </Transition>
            </p>
        </section>
    }
}
