//! `Page`: what every route renders inside `<main>`: its heading, the document title, and
//! focus management for single-page navigation.

use super::PortalMsg;
use leptos::html;
use leptos::prelude::*;
use sf_components::{use_i18n, Message};
use std::cell::Cell;

thread_local! {
    /// Whether a page has been shown in this tab already. The first page keeps the
    /// browser's natural focus; after that, each navigation moves focus to the new
    /// page's heading, as a full page load would reset it, so screen readers announce it.
    static A_PAGE_WAS_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// A routed page: sets `<title>`, renders the `<h1>`, and focuses it after navigation.
#[component]
pub fn Page<M: Message>(
    /// The page's heading, also the first part of the document title.
    title: M,
    /// The page's content below the heading.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} – {}",
            i18n.t(title),
            i18n.t(PortalMsg::SiteName)
        ));
    });
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            if A_PAGE_WAS_SHOWN.with(|shown| shown.replace(true)) {
                let _ = heading.focus();
            }
        }
    });
    view! {
        <h1 class="sf-page-heading" tabindex="-1" node_ref=heading>
            {i18n.text(title)}
        </h1>
        {children()}
    }
}
