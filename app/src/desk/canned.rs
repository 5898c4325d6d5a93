//! The desk's canned replies: a picker beside the reply box, and a place to add, edit and
//! remove them. Both read the same list, refreshed when either changes it.

use super::messages::DeskMsg;
use leptos::prelude::*;
use sf_api::live_chat::{CannedReply, CannedReplyRequest};
use sf_components::{use_api_client, use_i18n};

/// Bumped whenever the list changes, so every reader fetches it again.
#[derive(Clone, Copy)]
pub struct CannedRepliesChanged(RwSignal<u32>);

/// Provides the change counter the picker and the manager share.
pub fn provide_canned_replies() {
    provide_context(CannedRepliesChanged(RwSignal::new(0)));
}

/// The canned replies, fetched again after every change.
fn use_canned_replies(token: StoredValue<String>) -> LocalResource<Vec<CannedReply>> {
    let client = use_api_client();
    let changed = use_context::<CannedRepliesChanged>().map(|changed| changed.0);
    LocalResource::new(move || {
        if let Some(changed) = changed {
            changed.track();
        }
        let token = token.get_value();
        async move { client.canned_replies(token).await.unwrap_or_default() }
    })
}

/// Picks a canned reply and puts its text into `reply`, to edit before sending.
#[component]
pub fn CannedPicker(
    /// The desk token.
    token: StoredValue<String>,
    /// The reply being written.
    reply: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let replies = use_canned_replies(token);
    let chosen = RwSignal::new(None::<i64>);
    let insert = move |_| {
        let body = replies.get().and_then(|replies| {
            replies
                .into_iter()
                .find(|canned| Some(canned.id) == chosen.get_untracked())
                .map(|canned| canned.body)
        });
        if let Some(body) = body {
            reply.update(|text| {
                if !text.trim().is_empty() {
                    text.push('\n');
                }
                text.push_str(&body);
            });
        }
    };
    view! {
        <div class="sf-desk-chat__canned">
            <label for="sf-desk-canned">{i18n.text(DeskMsg::CannedLabel)}</label>
            <select id="sf-desk-canned" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                <option value="">{i18n.text(DeskMsg::CannedNone)}</option>
                {move || {
                    replies
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|canned| view! { <option value=canned.id.to_string()>{canned.title}</option> })
                        .collect_view()
                }}
            </select>
            <button type="button" class="sf-button sf-button--secondary" on:click=insert>
                {i18n.text(DeskMsg::CannedInsert)}
            </button>
        </div>
    }
}

/// Adds, edits and removes canned replies.
#[component]
pub fn CannedRepliesManager(
    /// The desk token.
    token: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let replies = use_canned_replies(token);
    let changed = use_context::<CannedRepliesChanged>().map(|changed| changed.0);
    let editing = RwSignal::new(None::<i64>);
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let failed = RwSignal::new(false);
    let after = move |succeeded: bool| {
        failed.set(!succeeded);
        if succeeded {
            editing.set(None);
            title.set(String::new());
            body.set(String::new());
            if let Some(changed) = changed {
                changed.update(|count| *count += 1);
            }
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = CannedReplyRequest {
            title: title.get_untracked(),
            body: body.get_untracked(),
        };
        let saving = client.save_canned_reply(token.get_value(), editing.get_untracked(), request);
        leptos::task::spawn_local(async move { after(saving.await.is_ok()) });
    };
    view! {
        <details class="sf-desk-chat__canned-manager">
            <summary>{i18n.text(DeskMsg::CannedManage)}</summary>
            <ul>
                {move || {
                    replies
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|canned| {
                            let CannedReply { id, title: name, body: text } = canned;
                            let (edit_title, edit_body) = (name.clone(), text.clone());
                            let edit = move |_| {
                                editing.set(Some(id));
                                title.set(edit_title.clone());
                                body.set(edit_body.clone());
                            };
                            let remove = move |_| {
                                let removing = client.delete_canned_reply(token.get_value(), id);
                                leptos::task::spawn_local(async move { after(removing.await.is_ok()) });
                            };
                            view! {
                                <li>
                                    <strong>{name.clone()}</strong>
                                    <p>{text}</p>
                                    <button type="button" class="sf-button sf-button--secondary" on:click=edit
                                        aria-label=i18n.format(DeskMsg::CannedEditNamed, &[("title", &name)])>
                                        {i18n.text(DeskMsg::CannedEdit)}
                                    </button>
                                    <button type="button" class="sf-button sf-button--secondary" on:click=remove
                                        aria-label=i18n.format(DeskMsg::CannedDeleteNamed, &[("title", &name)])>
                                        {i18n.text(DeskMsg::CannedDelete)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form class="sf-desk-chat__canned-form" on:submit=save>
                <label for="sf-desk-canned-title">{i18n.text(DeskMsg::CannedTitleLabel)}</label>
                <input id="sf-desk-canned-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                <label for="sf-desk-canned-body">{i18n.text(DeskMsg::CannedBodyLabel)}</label>
                <textarea id="sf-desk-canned-body" rows="3" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                {move || failed.get().then(|| view! { <p role="alert">{i18n.text(DeskMsg::CannedFailed)}</p> })}
                <button type="submit" class="sf-button">
                    {move || if editing.get().is_some() { i18n.t(DeskMsg::CannedSaveChanges) } else { i18n.t(DeskMsg::CannedAdd) }}
                </button>
            </form>
        </details>
    }
}
