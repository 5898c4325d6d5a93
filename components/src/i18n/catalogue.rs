//! The `catalogue!` macro that declares one area's messages.
//!
//! Each component (and each part of the app) declares its own catalogue beside its code,
//! so a bundle carries only the texts of what it contains.

/// Declares a message enum and its texts:
///
/// ```ignore
/// catalogue! {
///     /// What the widget says.
///     pub enum WidgetMsg {
///         /// The greeting.
///         Hello { en: "Hello", es: "Hola", ar: "مرحبًا" }
///     }
/// }
/// ```
///
/// An entry without all three languages does not match the macro, and a key that is not
/// declared does not compile, so a missing text is a build error, not a blank on screen.
#[macro_export]
macro_rules! catalogue {
    (
        $(#[doc = $enum_doc:literal])*
        pub enum $name:ident {
            $( $(#[doc = $doc:literal])* $key:ident { en: $en:literal, es: $es:literal, ar: $ar:literal } )*
        }
    ) => {
        $(#[doc = $enum_doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[doc = $doc])* $key, )*
        }

        impl $name {
            /// Every message of this catalogue, for checks over all of them.
            #[cfg_attr(not(test), allow(dead_code))]
            pub const ALL: &'static [$name] = &[ $( $name::$key, )* ];
        }

        impl $crate::i18n::Message for $name {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                match self {
                    $( $name::$key => match locale {
                        $crate::i18n::Locale::En => $en,
                        $crate::i18n::Locale::Es => $es,
                        $crate::i18n::Locale::Ar => $ar,
                    }, )*
                }
            }
        }

        #[cfg(test)]
        mod catalogue_completeness {
            use $crate::i18n::{Locale, Message};

            #[test]
            fn every_message_has_a_text_in_every_language() {
                for message in super::$name::ALL {
                    for locale in Locale::ALL {
                        assert!(
                            !message.text(locale).trim().is_empty(),
                            "{message:?} has no {locale:?} text"
                        );
                    }
                }
            }
        }
    };
}
