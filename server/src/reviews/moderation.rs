//! The automatic check of a review: pure functions over what the shopper wrote (title, body,
//! display name) that hold a review for a person only for policy reasons — links and spam,
//! profanity, someone's email address or phone number. The star rating is never an input:
//! a clean one-star review is published like a five-star one, and neither is its tone: an
//! angry review in capitals is published like a calm one.
//!
//! Each field is checked as [`normalise`] reads it, so invisible characters and look-alike
//! letters and digits do not hide a link or a phone number; what is stored is what was sent.

use sf_api::reviews::ModerationFlag;
use unicode_normalization::UnicodeNormalization;

/// What the check found in a review, each flag once, in [`ModerationFlag::ALL`]'s order; empty
/// for a review that can be published at once.
pub fn check(title: &str, body: &str, display_name: &str) -> Vec<ModerationFlag> {
    let fields = [normalise(title), normalise(body), normalise(display_name)];
    let found = |flag: ModerationFlag| match flag {
        ModerationFlag::Link => fields.iter().any(|text| has_link(text)),
        ModerationFlag::Spam => fields.iter().any(|text| is_spam(text)),
        ModerationFlag::Profanity => fields.iter().any(|text| has_profanity(text)),
        ModerationFlag::Email => fields.iter().any(|text| has_email(text)),
        ModerationFlag::Phone => fields.iter().any(|text| has_phone(text)),
    };
    ModerationFlag::ALL
        .into_iter()
        .filter(|flag| found(*flag))
        .collect()
}

/// Flags as the moderation log stores them: wire names, comma separated.
pub fn flags_text(flags: &[ModerationFlag]) -> String {
    flags
        .iter()
        .map(|flag| flag.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Flags read back from the log (unknown names, from a newer server, are skipped).
pub fn flags_from_text(text: &str) -> Vec<ModerationFlag> {
    text.split(',')
        .filter_map(|name| ModerationFlag::from_wire(name.trim()))
        .collect()
}

/// The text as the rules read it: format characters (zero-width spaces and joiners, the soft
/// hyphen, direction marks, the byte-order mark…) dropped, compatibility forms folded by NFKC
/// (fullwidth `ｅｘａｍｐｌｅ．ｃｏｍ`, mathematical letters and digits, circled digits),
/// the ideographic full stop read as a dot, and every script's decimal digits (Arabic-Indic
/// `٠`–`٩`, Persian `۰`–`۹`, Devanagari…) as ASCII ones.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !is_format(*c))
        .nfkc()
        .map(|c| match c {
            '。' => '.',
            c => decimal_digit(c).unwrap_or(c),
        })
        .collect()
}

/// Unicode's format characters (general category `Cf`, Unicode 15): invisible, so they can
/// split a word the eye reads whole.
fn is_format(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// The zero of each script's decimal digits (general category `Nd`) that NFKC leaves as they
/// are; each script's ten digits follow its zero.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
];

/// `c` as an ASCII digit when it is another script's decimal digit.
fn decimal_digit(c: char) -> Option<char> {
    let code = u32::from(c);
    let zero = DIGIT_ZEROS
        .iter()
        .find(|zero| (**zero..**zero + 10).contains(&code))?;
    char::from_digit(code - zero, 10)
}

/// Top-level domains a domain-like word must end with to count as a link: common ones
/// only, so a missing space after a full stop ("great.Love it") is not taken for one.
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "net", "org", "info", "biz", "io", "co", "me", "app", "dev", "shop", "store", "online",
    "site", "xyz", "top", "club", "link", "click", "live", "ly", "to", "tk", "ru", "cn", "uk",
    "us", "de", "es", "fr", "it", "nl", "ca", "au", "in", "br", "mx", "ar", "eu",
];

/// The words of `text`: runs between whitespace, with the punctuation around them removed
/// (but not inside them: `example.com/x` stays whole).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().map(|word| {
        word.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '<'
                    | '>'
                    | '"'
                    | '\''
                    | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '.'
                    | '«'
                    | '»'
                    | '¡'
                    | '¿'
            )
        })
    })
}

fn has_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    let found = words(&lower).any(|word| !word.contains('@') && is_domain_like(word));
    found
}

/// `example.com`, `shop.example.co.uk/sale`: labels of letters, digits and dashes joined by
/// dots, the last a known top-level domain.
fn is_domain_like(word: &str) -> bool {
    let host = word.split(['/', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let [first, .., last] = labels.as_slice() else {
        return false;
    };
    let label_ok = |label: &&str| {
        !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    label_ok(first) && labels.iter().all(label_ok) && TOP_LEVEL_DOMAINS.contains(last)
}

fn has_email(text: &str) -> bool {
    words(text).any(|word| {
        let Some((local, domain)) = word.split_once('@') else {
            return false;
        };
        let local_ok = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-".contains(c));
        let (name, top) = domain.rsplit_once('.').unwrap_or_default();
        local_ok
            && !name.is_empty()
            && top.chars().count() >= 2
            && top.chars().all(char::is_alphabetic)
    })
}

/// Digits a run must hold to be taken for a phone number.
const PHONE_DIGITS: usize = 7;

/// A run of at least [`PHONE_DIGITS`] digits, possibly split by single spaces, dashes,
/// parentheses or a leading `+` (`+34 612 345 678`, `(555) 123-4567`); a date written with
/// dashes (`2026-11-02`) is not one.
fn has_phone(text: &str) -> bool {
    let mut run = String::new();
    let mut separators_in_a_row = 0;
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            run.push(c);
            separators_in_a_row = 0;
        } else if matches!(c, ' ' | '-' | '(' | ')' | '+') && separators_in_a_row < 2 {
            run.push(c);
            separators_in_a_row += 1;
        } else {
            if is_phone(&run) {
                return true;
            }
            run.clear();
            separators_in_a_row = 0;
        }
    }
    false
}

fn is_phone(run: &str) -> bool {
    let digits = run.chars().filter(char::is_ascii_digit).count();
    let groups: Vec<usize> = run
        .trim_matches(|c: char| !c.is_ascii_digit())
        .split('-')
        .map(str::len)
        .collect();
    let is_date = matches!(groups.as_slice(), [4, 1..=2, 1..=2] | [1..=2, 1..=2, 4]);
    digits >= PHONE_DIGITS && !is_date
}

/// How many times in a row one character may appear before it is spam ("!!!!!!").
const REPEATED_CHARACTER: usize = 6;
/// How many times in a row one word may appear before it is spam ("buy buy buy buy buy").
const REPEATED_WORD: usize = 5;
/// Repetition only: capitals, exclamation and harsh words are how an unhappy buyer writes,
/// and a tone is no policy breach.
fn is_spam(text: &str) -> bool {
    repeats_a_character(text) || repeats_a_word(text)
}

fn repeats_a_character(text: &str) -> bool {
    let mut previous = None;
    let mut run = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        run = if Some(c) == previous { run + 1 } else { 1 };
        previous = Some(c);
        if run >= REPEATED_CHARACTER {
            return true;
        }
    }
    false
}

fn repeats_a_word(text: &str) -> bool {
    let mut previous = String::new();
    let mut run = 0;
    for word in words(text).filter(|word| !word.is_empty()) {
        let word = word.to_lowercase();
        run = if word == previous { run + 1 } else { 1 };
        previous = word;
        if run >= REPEATED_WORD {
            return true;
        }
    }
    false
}

/// Words held for a person in English and Spanish, matched as whole words in any case. A
/// short list on purpose: a person reads what it holds, and a long list holds innocent words.
const PROFANITY: &[&str] = &[
    "fuck",
    "fucking",
    "fucked",
    "motherfucker",
    "shit",
    "shitty",
    "bullshit",
    "bitch",
    "asshole",
    "bastard",
    "cunt",
    "dickhead",
    "mierda",
    "puta",
    "puto",
    "putas",
    "cabrón",
    "cabron",
    "gilipollas",
    "joder",
    "pendejo",
    "pendeja",
    "coño",
    "carajo",
    "chingada",
];

fn has_profanity(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .any(|word| PROFANITY.contains(&word.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ModerationFlag::*;

    fn body(text: &str) -> Vec<ModerationFlag> {
        check("A title", text, "Lena")
    }

    #[test]
    fn a_clean_review_has_no_flags_whatever_it_says() {
        // The check never sees the stars; harsh words that are not profane pass.
        assert!(body("Terrible. It broke on day two and support never answered.").is_empty());
        assert!(
            body("Lovely mug, 350 ml, holds heat for 20 minutes. 10/10 e.g. for tea.").is_empty()
        );
        assert!(check(
            "¡Genial!",
            "La taza es preciosa; la uso cada mañana.",
            "María"
        )
        .is_empty());
        assert!(check("رائع", "كوب جميل جدا وأستخدمه كل يوم", "ليلى").is_empty());
        // Markup is text like any other: it is shown as text, so it is no reason to hold.
        assert!(body("<script>alert('x')</script> <b>bold</b> claims").is_empty());
        // Words that contain a listed one are not it.
        assert!(body("I passed the Scunthorpe shop; class act, shitake soup.").is_empty());
    }

    #[test]
    fn links_in_any_form_are_held() {
        for text in [
            "Cheaper at https://deals.example/mug",
            "see http://x.y",
            "visit www.cheap-mugs.net today",
            "cheap-mugs.com has them",
            "go to shop.example.co.uk/sale now",
            "(example.com)",
        ] {
            assert_eq!(body(text), [Link], "{text}");
        }
        assert_eq!(check("x", "fine text here", "mugs.com"), [Link]);
        assert!(body("It was great.Love it, i.e. perfect").is_empty());
    }

    #[test]
    fn emails_and_phone_numbers_are_held_as_personal_data() {
        assert_eq!(body("Write to me: lena.f+mugs@example.de"), [Email]);
        assert_eq!(body("Call +34 612 345 678 for details"), [Phone]);
        assert_eq!(body("Call (555) 123-4567"), [Phone]);
        assert_eq!(body("Call 5551234567"), [Phone]);
        assert!(body("Bought 2, 3 weeks ago, 12 cm tall, 350 ml").is_empty());
        assert!(body("Order SF-1013 arrived on 2026-11-02").is_empty());
    }

    #[test]
    fn spam_is_repetition_and_capitals_are_no_reason_to_hold() {
        assert_eq!(body("Best mug ever!!!!!!"), [Spam]);
        assert_eq!(body("buy buy Buy buy buy now"), [Spam]);
        assert!(body("Good!!! Really good. NASA-grade USB cable, OK.").is_empty());
    }

    #[test]
    fn an_angry_one_star_review_in_capitals_is_published() {
        // The rating is no input, and neither is the tone: only policy holds a review.
        assert!(check(
            "THIS IS THE WORST MUG I HAVE EVER OWNED",
            "IT LEAKS ALL OVER THE TABLE AND THE HANDLE CAME OFF. NEVER AGAIN!!!",
            "SAM"
        )
        .is_empty());
    }

    #[test]
    fn invisible_characters_and_look_alikes_hide_no_link() {
        for text in [
            "visit cheap\u{200B}mugs.\u{200D}com today",
            "cheap-mugs\u{00AD}.com has them",
            "go to ww\u{2060}w.example.net",
            "see ｃｈｅａｐｍｕｇｓ．ｃｏｍ",
            "h\u{FEFF}ttps://deals.example/mug",
            "cheapmugs。com",
        ] {
            assert_eq!(body(text), [Link], "{text:?}");
        }
        assert_eq!(normalise("a\u{200B}b\u{200F}c"), "abc");
    }

    #[test]
    fn every_scripts_digits_make_a_phone_number() {
        assert_eq!(body("اتصل بي على ٠٥٥ ١٢٣ ٤٥٦٧"), [Phone]);
        assert_eq!(body("شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹"), [Phone]);
        assert_eq!(body("Call ０５５５ １２３ ４５６７"), [Phone]);
        assert_eq!(body("Call 555\u{200B}123\u{200B}4567"), [Phone]);
        // Fewer digits, in any script, are not one.
        assert!(body("اشتريت ٢ قبل ٣ أسابيع").is_empty());
        assert_eq!(normalise("٠١٢٣٤٥٦٧٨٩ ۰۹"), "0123456789 09");
    }

    #[test]
    fn profanity_is_whole_words_in_english_and_spanish_in_any_case() {
        assert_eq!(body("This is SHIT quality honestly"), [Profanity]);
        assert_eq!(body("Una mierda de taza, la verdad."), [Profanity]);
        assert_eq!(
            check("Cabrón", "Se rompió al segundo día.", "Juan"),
            [Profanity]
        );
    }

    #[test]
    fn several_flags_are_each_listed_once_and_round_trip_through_the_log() {
        let flags = check("www.x.com", "mail a@b.com or a@c.com, fuck", "Sam");
        assert_eq!(flags, [Link, Profanity, Email]);
        assert_eq!(flags_text(&flags), "link,profanity,email");
        assert_eq!(flags_from_text(&flags_text(&flags)), flags);
        assert!(flags_from_text("").is_empty());
    }
}
