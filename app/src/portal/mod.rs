//! The shopper portal: header with navigation and language switcher, one route per
//! component, and the support desk at `/desk`.

mod messages;
mod page;

use crate::desk::DeskPage;
use crate::preferences;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
pub use messages::PortalMsg;
pub use page::Page;
use sf_components::elements::help_centre as help_element;
use sf_components::elements::return_request as returns_element;
use sf_components::elements::review_form as review_form_element;
use sf_components::elements::shipment_tracker as tracker_element;
use sf_components::i18n::provide_i18n;
use sf_components::{
    use_i18n, HelpCentre, Locale, ReturnRequest, ReviewForm, Reviews, ServiceStatus,
    ShipmentTracker,
};
use wasm_bindgen::JsCast;

/// The whole portal: skip link, header, the routed main content, and footer.
#[component]
pub fn Portal() -> impl IntoView {
    let i18n = provide_i18n(preferences::initial_locale());
    sf_components::client::provide_api_client(String::new());
    Effect::new(move |_| preferences::apply_locale(i18n.locale.get()));
    view! {
        <Router>
            <a class="sf-skip-link" href="#main" on:click=skip_to_main>
                {i18n.text(PortalMsg::SkipToContent)}
            </a>
            <header class="sf-header">
                <a class="sf-header__brand" href="/">{i18n.text(PortalMsg::SiteName)}</a>
                <nav class="sf-header__nav" aria-label=i18n.text(PortalMsg::MainNavigation)>
                    <ul>
                        <NavLink href="/" msg=PortalMsg::NavHome />
                        <NavLink href="/track" msg=PortalMsg::NavTrack />
                        <NavLink href="/returns" msg=PortalMsg::NavReturns />
                        <NavLink href="/reviews" msg=PortalMsg::NavReviews />
                        <NavLink href="/help" msg=PortalMsg::NavHelp />
                        <NavLink href="/contact" msg=PortalMsg::NavContact />
                        <NavLink href="/desk" msg=PortalMsg::NavDesk />
                    </ul>
                </nav>
                <LanguageSwitcher />
            </header>
            <main id="main" class="sf-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/track") view=TrackPage />
                    <Route path=path!("/returns") view=ReturnsPage />
                    <Route path=path!("/reviews") view=ReviewsPage />
                    <Route path=path!("/help") view=HelpPage />
                    <Route path=path!("/contact") view=|| view! { <ComingSoonPage title=PortalMsg::ContactHeading /> } />
                    <Route path=path!("/desk") view=DeskPage />
                </Routes>
            </main>
            <footer class="sf-footer">
                <p>{i18n.text(PortalMsg::FooterNote)}</p>
            </footer>
        </Router>
    }
}

/// Moves focus into `<main>` itself: the router would otherwise treat `#main` as a
/// navigation, and some browsers scroll to a fragment without moving focus.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    if let Some(main) = document().get_element_by_id("main") {
        event.prevent_default();
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

#[component]
fn NavLink(href: &'static str, msg: PortalMsg) -> impl IntoView {
    let i18n = use_i18n();
    // `A` marks the current page with aria-current="page"; `exact` keeps "/" from matching everything.
    view! {
        <li>
            <A href=href exact=true>
                {i18n.text(msg)}
            </A>
        </li>
    }
}

/// A native `<select>`: every screen reader and keyboard knows it, and it needs no script to explain.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="sf-language">
            <label for="sf-language-select">{i18n.text(PortalMsg::LanguageLabel)}</label>
            <select
                id="sf-language-select"
                on:change=move |event| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&event)) {
                        i18n.locale.set(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option
                                value=locale.tag()
                                lang=locale.tag()
                                selected=move || i18n.locale.get() == locale
                            >
                                {locale.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let destinations = [
        ("/track", PortalMsg::NavTrack),
        ("/returns", PortalMsg::NavReturns),
        ("/reviews", PortalMsg::NavReviews),
        ("/help", PortalMsg::NavHelp),
        ("/contact", PortalMsg::NavContact),
    ];
    view! {
        <Page title=PortalMsg::HomeHeading>
            <p class="sf-lead">{i18n.text(PortalMsg::HomeIntro)}</p>
            <ul class="sf-destinations">
                {destinations
                    .into_iter()
                    .map(|(href, msg)| view! { <li><A href=href>{i18n.text(msg)}</A></li> })
                    .collect_view()}
            </ul>
            <ServiceStatus />
        </Page>
    }
}

/// The shipment tracker; `?order=…&expires=…&signature=…` is a signed link from an order
/// email, `?customer=…&expires=…&signature=…` a shopper signed in to the store (see the
/// README), `?order=…` alone pre-fills the form.
#[component]
fn TrackPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let param = move |name: &'static str| Signal::derive(move || query.with(|q| q.get(name)));
    view! {
        <Page title=PortalMsg::TrackHeading>
            <ShipmentTracker
                order=param(tracker_element::ORDER)
                expires=param(tracker_element::EXPIRES)
                signature=param(tracker_element::SIGNATURE)
                customer=param(tracker_element::CUSTOMER)
            />
        </Page>
    }
}

/// Returns; the same query as the tracker's: `?order=…&expires=…&signature=…` (a signed link
/// from an order email), `?customer=…&expires=…&signature=…` (a shopper signed in to the
/// store), `?order=…` alone pre-fills the form.
#[component]
fn ReturnsPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let param = move |name: &'static str| Signal::derive(move || query.with(|q| q.get(name)));
    view! {
        <Page title=PortalMsg::ReturnsHeading>
            <ReturnRequest
                order=param(returns_element::ORDER)
                expires=param(returns_element::EXPIRES)
                signature=param(returns_element::SIGNATURE)
                customer=param(returns_element::CUSTOMER)
            />
        </Page>
    }
}

/// The product the reviews page shows without `?product=`: the demo store's mug.
const DEMO_PRODUCT: &str = "MUG-01";

/// The product named in the query, or the demo product when none is.
fn product_or_demo(named: Option<String>) -> String {
    named
        .map(|sku| sku.trim().to_owned())
        .filter(|sku| !sku.is_empty())
        .unwrap_or_else(|| DEMO_PRODUCT.to_owned())
}

/// A product's reviews and the form to write one; `?product=SKU` names the product (the demo
/// mug without), and `&request=…&token=…` is a review-request link sent after delivery,
/// which opens the form already verified; the form then comes first, since writing is what
/// the shopper came for.
#[component]
fn ReviewsPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let param = move |name: &'static str| Signal::derive(move || query.with(|q| q.get(name)));
    let product = Signal::derive(move || {
        Some(product_or_demo(
            query.with(|q| q.get(review_form_element::PRODUCT)),
        ))
    });
    let (request, token) = (
        param(review_form_element::REQUEST),
        param(review_form_element::TOKEN),
    );
    let from_link = Memo::new(move |_| request.with(Option::is_some));
    let form = move || view! { <ReviewForm product=product request=request token=token /> };
    let listing = move || view! { <Reviews product=product /> };
    view! {
        <Page title=PortalMsg::ReviewsHeading>
            {move || {
                if from_link.get() {
                    view! { {form()} {listing()} }.into_any()
                } else {
                    view! { {listing()} {form()} }.into_any()
                }
            }}
        </Page>
    }
}

/// The help centre; `?article=slug` opens an article.
#[component]
fn HelpPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let article = Signal::derive(move || query.with(|q| q.get(help_element::ARTICLE)));
    view! {
        <Page title=PortalMsg::HelpHeading>
            <HelpCentre article=article />
        </Page>
    }
}

#[component]
fn ComingSoonPage(title: PortalMsg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=title>
            <p>{i18n.text(PortalMsg::ComingSoon)}</p>
        </Page>
    }
}

#[component]
fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=PortalMsg::NotFoundHeading>
            <p>{i18n.text(PortalMsg::NotFoundBody)}</p>
            <p><A href="/">{i18n.text(PortalMsg::NavHome)}</A></p>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reviews_page_shows_the_demo_product_unless_one_is_named() {
        assert_eq!(product_or_demo(None), DEMO_PRODUCT);
        assert_eq!(product_or_demo(Some("  ".into())), DEMO_PRODUCT);
        assert_eq!(product_or_demo(Some(" TEE-02 ".into())), "TEE-02");
    }
}
