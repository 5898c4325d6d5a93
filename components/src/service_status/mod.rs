//! `ServiceStatus`: tells shoppers whether the support service answers right now.
//!
//! The first embeddable element (`<sf-service-status>`): small, and kept small — one
//! signal holds what is known, and one static view shows it. (Going through `Transition`,
//! `ErrorBoundary` and a resource cost every module that ships this element about
//! 10 KB of async machinery for a single request.)

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

/// What the component knows about the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Asking: before the first answer, and again while a retry is on its way.
    Checking,
    /// All fine.
    Online,
    /// The server answered, but something behind it is down.
    Degraded,
    /// No answer.
    Unreachable,
}

impl Status {
    /// The indicator's `data-state`, which the stylesheet colours.
    fn state(self) -> &'static str {
        match self {
            Status::Checking => "checking",
            Status::Online => "online",
            Status::Degraded => "degraded",
            Status::Unreachable => "unreachable",
        }
    }

    fn message(self) -> StatusMsg {
        match self {
            Status::Checking => StatusMsg::Checking,
            Status::Online => StatusMsg::Online,
            Status::Degraded => StatusMsg::Degraded,
            Status::Unreachable => StatusMsg::Unreachable,
        }
    }

    /// Whether asking again may help.
    fn offers_retry(self) -> bool {
        matches!(self, Status::Degraded | Status::Unreachable)
    }
}

/// A one-line, polite live status: checking, online, degraded or unreachable, with a
/// button to check again when something is wrong.
#[component]
pub fn ServiceStatus() -> impl IntoView {
    let client = use_api_client();
    let i18n = use_i18n();
    let status = RwSignal::new(Status::Checking);
    let retries = RwSignal::new(0_u32);
    // Only the newest check may set the status: an older answer (say, for an `api-base` the
    // merchant has since changed) arriving late is dropped.
    let latest = StoredValue::new(0_u32);
    let line = NodeRef::<leptos::html::P>::new();
    // The button goes while checking: focus moves to the status line first, so it is not
    // lost, and "Checking…" then the answer are announced where the shopper is.
    let retry = move |_| {
        if let Some(line) = line.get_untracked() {
            let _ = line.focus();
        }
        status.set(Status::Checking);
        retries.update(|count| *count += 1);
    };
    Effect::new(move |_| {
        retries.track();
        // Reads (and so tracks) the API base before the request starts.
        let request = client.health();
        let check = latest.get_value().wrapping_add(1);
        latest.set_value(check);
        leptos::task::spawn_local(async move {
            let answer = match request.await {
                Ok(health) if health.status == HealthStatus::Ok => Status::Online,
                Ok(_) => Status::Degraded,
                Err(_) => Status::Unreachable,
            };
            // After unmount the stored value is gone and nothing is set.
            if latest.try_get_value() == Some(check) {
                status.set(answer);
            }
        });
    });
    view! {
        <section class=classes::ROOT aria-label=i18n.text(StatusMsg::Label)>
            // role=status makes each change (checking → online) a polite announcement.
            <p role="status" class="sf-service-status__line" tabindex="-1" node_ref=line>
                <span class="sf-service-status__indicator" data-state=move || status.get().state() aria-hidden="true"></span>
                <span class="sf-service-status__text">{move || i18n.t(status.get().message())}</span>
                <Show when=move || status.get().offers_retry()>
                    " "
                    <button type="button" class="sf-button sf-button--link" on:click=retry>
                        {i18n.text(StatusMsg::Retry)}
                    </button>
                </Show>
            </p>
        </section>
    }
}
