//! One article: breadcrumbs, the English-fallback note, its table of contents, the server's
//! HTML of its body, "Was this helpful?", related articles and the way to the chat.

use super::state::{Feedback, HelpEvent, Place};
use super::{category_name, use_help, ArticleList, ChatEscalation, Crumbs, HelpMsg};
use crate::client::use_api_client;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use sf_api::help_centre::{FeedbackRequest, HelpArticle, TocEntry};
use sf_api::validation::Validate;
use wasm_bindgen::JsCast;

/// A table of contents is shown from this many headings.
const TOC_FROM: usize = 3;

/// An article page.
#[component]
pub(super) fn ArticlePage(article: HelpArticle) -> impl IntoView {
    let i18n = use_i18n();
    let help = use_help();
    let client = use_api_client();
    let about = article.about;
    let shown_in = about.locale;
    let fallback = (shown_in != super::help_locale(i18n.locale.get_untracked()))
        .then(|| view! { <p class="sf-help__note">{i18n.now(HelpMsg::Fallback)}</p> });
    // The server's images are named from the API's root; the page may be elsewhere.
    let html = article.html.replace(
        &format!("src=\"{}/", sf_api::API_PREFIX),
        &format!("src=\"{}{}/", client.base(), sf_api::API_PREFIX),
    );
    let toc = (article.toc.len() >= TOC_FROM).then(|| view! { <Contents entries=article.toc /> });
    let related = (!article.related.is_empty()).then(|| {
        view! {
            <section class="sf-help__related" aria-labelledby="sf-help-related">
                <h3 id="sf-help-related">{i18n.now(HelpMsg::Related)}</h3>
                <ArticleList articles=article.related />
            </section>
        }
    });
    // Links inside the server's HTML: to another article (`#help:slug`) or to a heading of
    // this one (`#h-…`), both followed here (a shadow root has no addressable fragments).
    let follow = move |event: leptos::ev::MouseEvent| {
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest("a").ok().flatten())
        else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if let Some(slug) = href.strip_prefix("#help:") {
            event.prevent_default();
            help.send(HelpEvent::Go(Place::Article(slug.to_owned())));
        } else if let Some(id) = href.strip_prefix('#') {
            let container = event
                .current_target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
            // Ids are letters, digits and `-` (server/src/help/markdown.rs).
            let heading = container.and_then(|container| {
                container
                    .query_selector(&format!("[id=\"{id}\"]"))
                    .ok()
                    .flatten()
            });
            if let Some(heading) = heading {
                event.prevent_default();
                let heading: web_sys::HtmlElement = heading.unchecked_into();
                heading.set_tab_index(-1);
                heading.scroll_into_view();
                let _ = heading.focus();
            }
        }
    };
    let escalate = Some((about.slug.clone(), about.title.clone()));
    view! {
        <Crumbs trail=vec![(Place::Category(about.category), i18n.now(category_name(about.category)).to_owned())] />
        {fallback}
        <article class="sf-help__article" lang=shown_in.as_str() on:click=follow>
            <h2 tabindex="-1">{about.title}</h2>
            {toc}
            <div class="sf-help__body" inner_html=html></div>
        </article>
        <Helpful slug=about.slug shown_in=shown_in.as_str() />
        {related}
        <ChatEscalation article=escalate />
    }
}

/// The table of contents of a long article.
#[component]
fn Contents(entries: Vec<TocEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="sf-help__toc" aria-labelledby="sf-help-toc">
            <h3 id="sf-help-toc">{i18n.now(HelpMsg::OnThisPage)}</h3>
            <ol>
                {entries
                    .into_iter()
                    .map(|entry| view! {
                        <li data-level=entry.level.to_string()><a href=format!("#{}", entry.id)>{entry.text}</a></li>
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// "Was this helpful?": yes or no at once, then an optional comment.
#[component]
fn Helpful(slug: String, shown_in: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let help = use_help();
    let client = use_api_client();
    let comment = RwSignal::new(String::new());
    let comment_error = RwSignal::new(false);
    let thanks = NodeRef::<leptos::html::P>::new();
    let slug = StoredValue::new(slug);
    let feedback = move || help.state.with(|state| state.feedback);
    let answer = move |helpful: bool, text: String| {
        let request = FeedbackRequest {
            locale: shown_in.to_owned(),
            helpful,
            comment: text,
        };
        if !request.refusals().is_empty() {
            comment_error.set(true);
            return;
        }
        comment_error.set(false);
        let commenting = !request.comment.is_empty();
        let sent = client.help_feedback(&slug.get_value(), &request);
        leptos::task::spawn_local(async move {
            let event = match (sent.await, commenting) {
                (Ok(()), false) => HelpEvent::Voted(helpful),
                (Ok(()), true) => HelpEvent::Commented,
                (Err(_), _) => HelpEvent::FeedbackFailed,
            };
            help.send(event);
            // The buttons are gone: focus goes to what replaced them.
            if let Some(thanks) = thanks.get_untracked() {
                let _ = thanks.focus();
            }
        });
    };
    let vote = move |helpful: bool| move |_| answer(helpful, String::new());
    let status = move || match feedback() {
        Feedback::Unasked => "",
        Feedback::Voted { .. } => i18n.t(HelpMsg::Thanks),
        Feedback::Commented => i18n.t(HelpMsg::CommentThanks),
        Feedback::Failed => i18n.t(HelpMsg::FeedbackFailed),
    };
    view! {
        <section class="sf-help__helpful" aria-labelledby="sf-help-helpful">
            <h3 id="sf-help-helpful">{i18n.now(HelpMsg::Helpful)}</h3>
            <Show when=move || matches!(feedback(), Feedback::Unasked | Feedback::Failed)>
                <div class="sf-help__votes" role="group" aria-labelledby="sf-help-helpful">
                    <button type="button" class="sf-button sf-button--secondary" on:click=vote(true)>{i18n.now(HelpMsg::Yes)}</button>
                    <button type="button" class="sf-button sf-button--secondary" on:click=vote(false)>{i18n.now(HelpMsg::No)}</button>
                </div>
            </Show>
            <p role="status" tabindex="-1" node_ref=thanks>{status}</p>
            {move || match feedback() {
                Feedback::Voted { helpful } => Some(view! {
                    <form class="sf-help__comment" on:submit=move |event| {
                        event.prevent_default();
                        answer(helpful, comment.get_untracked());
                    }>
                        <label class="sf-field__label" for="sf-help-comment">{i18n.t(HelpMsg::CommentLabel)}</label>
                        <Show when=move || comment_error.get()>
                            <p class="sf-field__error" id="sf-help-comment-error">{i18n.t(HelpMsg::CommentTooLong)}</p>
                        </Show>
                        <textarea
                            class="sf-field__input"
                            id="sf-help-comment"
                            rows="3"
                            aria-invalid=move || comment_error.get().then_some("true")
                            aria-describedby=move || comment_error.get().then_some("sf-help-comment-error")
                            prop:value=move || comment.get()
                            on:input=move |event| comment.set(event_target_value(&event))
                        ></textarea>
                        <button type="submit" class="sf-button">{i18n.t(HelpMsg::SendComment)}</button>
                    </form>
                }),
                _ => None,
            }}
        </section>
    }
}
