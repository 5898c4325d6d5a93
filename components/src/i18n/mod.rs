//! The i18n catalogue: every sentence a person reads, in English, Spanish and Arabic.
//!
//! Each area declares its messages with [`catalogue!`](crate::catalogue!): keys are enum
//! variants, so a misspelt key does not compile, and an entry without all three languages
//! does not compile either. Texts with `{name}` placeholders are filled with
//! [`I18n::format`].

mod catalogue;
mod common;
mod dates;
mod numbers;

pub use common::{email_problem, CommonMsg};
pub use dates::{format_date, DateStyle};
use leptos::prelude::*;
pub use numbers::{money, percent};

/// A message of some catalogue, readable in every [`Locale`].
pub trait Message: Copy + std::fmt::Debug + Send + Sync + 'static {
    /// The text in `locale`.
    fn text(self, locale: Locale) -> &'static str;
}

/// A language the components speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English (the fallback).
    #[default]
    En,
    /// Spanish.
    Es,
    /// Arabic, written right to left.
    Ar,
}

impl Locale {
    /// Every supported locale, in the order a language switcher lists them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::Ar];

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Ar => "ar",
        }
    }

    /// The writing direction, for `dir` attributes.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            Locale::En | Locale::Es => "ltr",
        }
    }

    /// The language's name in itself, as a switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::Ar => "العربية",
        }
    }

    /// Matches a tag such as `es`, `es-MX` or `AR`; `None` for languages we do not have.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag() == primary)
    }
}

/// The current language, shared through context; cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    /// The language in use; set it to switch every text at once.
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// The text for `msg` in the current language (tracks the language).
    pub fn t(self, msg: impl Message) -> &'static str {
        msg.text(self.locale.get())
    }

    /// The text for `msg` in the current language, without tracking it: for parts of a view
    /// that are drawn again as a whole when the language changes (a page re-drawn by a
    /// closure that tracks the language), where tracking each text would only add work.
    pub fn now(self, msg: impl Message) -> &'static str {
        msg.text(self.locale.get_untracked())
    }

    /// [`I18n::format`] without tracking the language (see [`I18n::now`]).
    pub fn format_now(self, msg: impl Message, values: &[(&str, &str)]) -> String {
        fill(self.now(msg), values)
    }

    /// The text for `msg` as a signal, to put in a view or an attribute.
    ///
    /// Prefer this to `move || i18n.t(msg)` in views: every distinct closure makes the
    /// compiler emit its own copy of the renderer, while every `Signal<&str>` shares one, which
    /// keeps the embed bundle small.
    pub fn text<M: Message>(self, msg: M) -> Signal<&'static str> {
        Signal::derive(move || self.t(msg))
    }

    /// The text for `msg` with each `{name}` replaced by its value.
    pub fn format(self, msg: impl Message, values: &[(&str, &str)]) -> String {
        fill(self.t(msg), values)
    }
}

/// `text` with each `{name}` replaced by its value; an unknown `{name}` stays as written.
/// One pass by hand: `str::replace` and `format!` per placeholder were a kilobyte of every
/// element's module.
fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(candidate, _)| *candidate == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                filled.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// Provides the language for everything below; returns it for the caller's own use.
pub fn provide_i18n(initial: Locale) -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(initial),
    };
    provide_context(i18n);
    i18n
}

/// The language provided above; English when nothing provided one (so a lone component still renders).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        locale: RwSignal::new(Locale::En),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_matched_by_primary_language() {
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("AR"), Some(Locale::Ar));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::Ar.dir(), "rtl");
    }

    #[test]
    fn every_placeholder_is_filled_once_and_unknown_ones_stay() {
        let values = [("a", "1"), ("b", "{a}")];
        assert_eq!(fill("{a}+{b}={c} {a", &values), "1+{a}={c} {a");
        assert_eq!(fill("no placeholders", &values), "no placeholders");
        assert_eq!(fill("الطرد {a} من {b}", &values), "الطرد 1 من {a}");
    }

    #[test]
    fn placeholders_are_filled() {
        let owner = Owner::new();
        owner.with(|| {
            let i18n = provide_i18n(Locale::En);
            let text = i18n.format(CommonMsg::TooManyAttempts, &[("seconds", "30")]);
            assert_eq!(text, "Too many attempts. Wait 30 seconds, then try again.");
            i18n.locale.set(Locale::Es);
            let text = i18n.format(CommonMsg::TooManyAttempts, &[("seconds", "30")]);
            assert!(text.contains("30 segundos"), "{text}");
        });
    }
}
