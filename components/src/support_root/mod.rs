//! `SupportRoot`: the wrapper every component sits in, whether in the portal or in a
//! merchant's page. It provides the API client and the language, and carries `lang`,
//! `dir` and the theme class so styles and screen readers follow them.

use crate::client::provide_api_client;
use crate::i18n::{provide_i18n, Locale};
use leptos::prelude::*;

/// Provides the API client and language to its children and marks the region's language,
/// direction and theme.
#[component]
pub fn SupportRoot(
    /// Base URL of the support API; empty means the page's own origin.
    #[prop(into)]
    api_base: Signal<String>,
    /// The language to speak; changing it re-renders every text below.
    #[prop(into)]
    locale: Signal<Locale>,
    /// A theme name the merchant picked (`light`, `dark`, or their own); it becomes the
    /// class `sf-theme-<name>` for their CSS to target.
    #[prop(into, optional)]
    theme: MaybeProp<String>,
    /// The components to show.
    children: Children,
) -> impl IntoView {
    provide_api_client(api_base);
    let i18n = provide_i18n(locale.get_untracked());
    Effect::new(move |_| i18n.locale.set(locale.get()));
    let class = move || {
        let theme = theme
            .get()
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            .unwrap_or_else(|| "light".to_owned());
        format!("sf-root sf-theme-{theme}")
    };
    view! {
        <div class=class lang=move || i18n.locale.get().tag() dir=move || i18n.locale.get().dir()>
            {children()}
        </div>
    }
}
