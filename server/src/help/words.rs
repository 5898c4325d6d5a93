//! Words of articles and searches, read the same way on both sides of a search: split on
//! anything that is not a letter or digit, lowercased, and stemmed with the Snowball stemmer
//! of the text's language (so `returning` finds "returns", `devoluciones` "devolución").
//! Diacritics are kept, as the stemmers expect them; SQLite's index then drops them from the
//! stems (`remove_diacritics`), so `envio` still finds "envío".
//!
//! SQLite's index holds these stems (its own Porter stemmer knows English only);
//! PostgreSQL stems with its own configurations and uses these words only to correct typos.

use rust_stemmers::{Algorithm, Stemmer};
use sf_api::help_centre::HelpLocale;

/// The words of `text`, lowercased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// The stemmer of `locale`'s language.
pub fn stemmer(locale: HelpLocale) -> Stemmer {
    Stemmer::create(match locale {
        HelpLocale::En => Algorithm::English,
        HelpLocale::Es => Algorithm::Spanish,
        HelpLocale::Ar => Algorithm::Arabic,
    })
}

/// `text` as the stems of its words, separated by spaces: what SQLite's index holds.
pub fn terms(locale: HelpLocale, text: &str) -> String {
    let stemmer = stemmer(locale);
    words(text)
        .map(|word| stemmer.stem(&word).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words shorter than this are never corrected: too many short words are one letter apart.
pub const MIN_CORRECTED_CHARS: usize = 4;

/// How many edits a word of `chars` characters may be from what was meant.
pub fn typo_budget(chars: usize) -> usize {
    if chars >= 8 {
        2
    } else {
        1
    }
}

/// The edits (insert, delete, replace, swap two neighbours) between `a` and `b`, or `None`
/// when more than `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the optimal-string-alignment table are enough.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        if current.iter().min().is_some_and(|&least| least > max) {
            return None;
        }
        before = std::mem::replace(&mut previous, current);
    }
    let distance = previous[b.len()];
    (distance <= max).then_some(distance)
}

/// The word of `known` closest to `word` within its typo budget (the first of equals).
pub fn nearest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let budget = typo_budget(word.chars().count());
    known
        .into_iter()
        .filter_map(|candidate| {
            edit_distance(word, candidate, budget).map(|distance| (distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_and_split_on_anything_else() {
        let read: Vec<String> = words("¿Envío GRATIS? \"track\":* الشحن").collect();
        assert_eq!(read, ["envío", "gratis", "track", "الشحن"]);
    }

    #[test]
    fn each_language_stems_its_own_words() {
        assert_eq!(terms(HelpLocale::En, "Returning returns"), "return return");
        assert_eq!(
            terms(HelpLocale::Es, "devoluciones devolución"),
            "devolu devolu"
        );
        // The article and the plural ending go: "the returns" → "return".
        assert_eq!(terms(HelpLocale::Ar, "المرتجعات"), "مرتجع");
    }

    #[test]
    fn typos_are_one_or_two_edits() {
        assert_eq!(edit_distance("shiping", "shipping", 1), Some(1));
        assert_eq!(
            edit_distance("retrun", "return", 1),
            Some(1),
            "a swap is one edit"
        );
        assert_eq!(edit_distance("refnud", "refund", 1), Some(1));
        assert_eq!(edit_distance("parcel", "payment", 2), None);
        assert_eq!(
            nearest("deliveyr", ["delivery", "delete", "deliver"]),
            Some("delivery")
        );
        assert_eq!(nearest("zzzz", ["pizza"]), None);
    }
}
