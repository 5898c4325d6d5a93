//! What the portal remembers in the browser: the language (across visits) and the desk
//! token (for this tab only, so closing the tab signs the agent out of this browser).

use leptos::prelude::*;
use sf_components::Locale;

const LOCALE_KEY: &str = "sf-locale";
const DESK_TOKEN_KEY: &str = "sf-desk-token";

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The language chosen before, else the browser's first language we speak, else English.
pub fn initial_locale() -> Locale {
    local_storage()
        .and_then(|storage| storage.get_item(LOCALE_KEY).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag))
        .or_else(|| {
            window()
                .navigator()
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string())
                .find_map(|tag| Locale::from_tag(&tag))
        })
        .unwrap_or_default()
}

/// Remembers the language and sets the page's `lang` and `dir`.
pub fn apply_locale(locale: Locale) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LOCALE_KEY, locale.tag());
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", locale.tag());
        let _ = html.set_attribute("dir", locale.dir());
    }
}

/// The desk token of this tab, if an agent signed in here.
pub fn desk_token() -> Option<String> {
    session_storage().and_then(|storage| storage.get_item(DESK_TOKEN_KEY).ok().flatten())
}

/// Keeps the desk token for this tab, or forgets it with `None`.
pub fn set_desk_token(token: Option<&str>) {
    if let Some(storage) = session_storage() {
        let _ = match token {
            Some(token) => storage.set_item(DESK_TOKEN_KEY, token),
            None => storage.remove_item(DESK_TOKEN_KEY),
        };
    }
}
