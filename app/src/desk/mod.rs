//! The support desk for agents: sign in, then the live chat's inbox and conversations (with
//! the shopper's timeline beside one), the help centre's articles, the returns and the
//! reviews' moderation; sign out. Store staff (agents with a shop) find the returns' counter
//! first.

mod canned;
mod chat;
mod help;
mod js;
mod messages;
mod parts;
mod returns;
mod reviews;
mod scanner;
mod sign_in;

use crate::portal::Page;
use crate::preferences;
use leptos::prelude::*;
use messages::DeskMsg;
use sf_api::agent::AgentProfile;
use sf_components::{use_api_client, use_i18n};
use sign_in::SignInForm;

/// A signed-in agent and the token that proves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskSession {
    /// The bearer token for API calls.
    pub token: String,
    /// Who signed in.
    pub agent: AgentProfile,
}

/// `/desk`: the sign-in form, or the desk of the signed-in agent.
#[component]
pub fn DeskPage() -> impl IntoView {
    let client = use_api_client();
    let session = RwSignal::new(None::<DeskSession>);
    let just_signed_out = RwSignal::new(false);
    // A token kept from earlier in this tab is checked once; a dead one is forgotten.
    let restored = LocalResource::new(move || async move {
        let token = preferences::desk_token()?;
        match client.current_agent(token.clone()).await {
            Ok(agent) => Some(DeskSession { token, agent }),
            Err(_) => {
                preferences::set_desk_token(None);
                None
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Some(found)) = restored.get() {
            session.set(Some(found));
        }
    });
    let signed_in = Callback::new(move |new_session: DeskSession| {
        preferences::set_desk_token(Some(&new_session.token));
        just_signed_out.set(false);
        session.set(Some(new_session));
    });
    let sign_out = Callback::new(move |()| {
        if let Some(ended) = session.get_untracked() {
            leptos::task::spawn_local(async move {
                // Forget locally whatever the server says: the agent asked to leave.
                let _ = client.sign_out(ended.token).await;
            });
        }
        preferences::set_desk_token(None);
        session.set(None);
        just_signed_out.set(true);
    });
    view! {
        <Page title=DeskMsg::Heading>
            <Transition fallback=|| ()>
                {move || {
                    restored.get().map(|_| match session.get() {
                        Some(current) => view! { <AgentDesk session=current sign_out=sign_out /> }.into_any(),
                        None => view! { <SignInForm signed_in=signed_in just_signed_out=just_signed_out /> }.into_any(),
                    })
                }}
            </Transition>
        </Page>
    }
}

#[component]
fn AgentDesk(session: DeskSession, sign_out: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let name = session.agent.display_name.clone();
    let token = session.token.clone();
    let store = session.agent.store.clone();
    // Store staff come to the desk for the counter: it opens first; others find returns
    // after chat and help, shut until asked for.
    let at_counter = store.is_some();
    let returns = view! { <returns::ReturnsDesk token=token.clone() store=store /> };
    let (returns_first, returns_last) = if at_counter {
        (Some(returns), None)
    } else {
        (None, Some(returns))
    };
    view! {
        <section class="sf-desk" aria-labelledby="sf-desk-greeting">
            <p class="sf-desk__greeting" id="sf-desk-greeting" role="status">
                {move || i18n.format(DeskMsg::SignedInAs, &[("name", &name)])}
            </p>
            <button type="button" class="sf-button sf-button--secondary" on:click=move |_| sign_out.run(())>
                {i18n.text(DeskMsg::SignOutButton)}
            </button>
            {returns_first}
            <chat::ChatDesk session=session />
            <help::HelpDesk token=token.clone() />
            {returns_last}
            <reviews::ReviewsDesk token=token />
        </section>
    }
}

/// A part of the desk behind a heading whose button opens and shuts it. Its content is
/// mounted at the first opening and kept (`Show` keeps its children while `when` stays true),
/// so shutting it keeps what the agent typed, and a desk that never opens it never asks the
/// server for what it shows.
#[component]
fn DeskSection(
    /// The part's name in its ids (`sf-desk-{name}-heading`, `sf-desk-{name}-content`) and
    /// class (`sf-desk-{name}`).
    name: &'static str,
    /// The heading, also the button's text and the region's name.
    heading: DeskMsg,
    /// Whether it starts open.
    #[prop(optional)]
    open_at_start: bool,
    /// What it holds.
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(open_at_start);
    let ever_opened = RwSignal::new(open_at_start);
    let toggle = move |_| {
        open.update(|open| *open = !*open);
        ever_opened.set(true);
    };
    let heading_id = format!("sf-desk-{name}-heading");
    let labelled_by = heading_id.clone();
    let content_id = format!("sf-desk-{name}-content");
    let controls = content_id.clone();
    view! {
        <section class=format!("sf-desk-{name}") aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <button
                    type="button"
                    class="sf-button sf-button--secondary"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=controls
                    on:click=toggle
                >
                    {i18n.text(heading)}
                </button>
            </h2>
            <div id=content_id hidden=move || !open.get()>
                <Show when=move || ever_opened.get()>{children()}</Show>
            </div>
        </section>
    }
}
