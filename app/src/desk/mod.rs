//! The support desk for agents: sign in, then the live chat's inbox and conversations, and
//! the help centre's articles; sign out. The shopper timeline arrives with the returns and
//! reviews issues.

mod canned;
mod chat;
mod help;
mod messages;
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
    view! {
        <section class="sf-desk" aria-labelledby="sf-desk-greeting">
            <p class="sf-desk__greeting" id="sf-desk-greeting" role="status">
                {move || i18n.format(DeskMsg::SignedInAs, &[("name", &name)])}
            </p>
            <button type="button" class="sf-button sf-button--secondary" on:click=move |_| sign_out.run(())>
                {i18n.text(DeskMsg::SignOutButton)}
            </button>
            <chat::ChatDesk session=session />
            <help::HelpDesk token=token />
        </section>
    }
}
