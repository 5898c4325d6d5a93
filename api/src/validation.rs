//! Validation rules shared by the browser (to help early) and the server (to decide).
//!
//! Each rule parses raw input into a newtype that can only hold valid values, so code
//! holding an [`EmailAddress`] never has to check it again ("parse, don't validate").
//! Errors are enums, not sentences: each side turns them into words in its own way
//! (the browser through its i18n catalogue).

use std::fmt;

/// Longest email address we accept (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest password we hash; longer input is refused so hashing cannot be abused.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Why a text field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// Nothing (or only spaces) was entered.
    Missing,
    /// Longer than the given number of characters.
    TooLong(usize),
    /// Does not look like an email address.
    NotAnEmail,
    /// Does not look like a phone number in international format.
    NotAPhoneNumber,
    /// Contains characters an order number never has.
    NotAnOrderNumber,
    /// A value a program made (not a person) is not in its format: a client's bug.
    Malformed,
}

impl FieldProblem {
    /// An English sentence telling the person what to fix (the server's wording).
    pub fn english(self, field_label: &str) -> String {
        match self {
            FieldProblem::Missing => format!("Enter your {field_label}."),
            FieldProblem::TooLong(max) => {
                format!("Your {field_label} must be {max} characters or fewer.")
            }
            FieldProblem::NotAnEmail => {
                "Enter an email address in the correct format, like name@example.com.".to_owned()
            }
            FieldProblem::NotAPhoneNumber => {
                "Enter a mobile number in international format, like +44 7700 900123.".to_owned()
            }
            FieldProblem::Malformed => format!("The {field_label} is not in the expected format."),
            FieldProblem::NotAnOrderNumber => {
                "Enter the order number as it appears on your confirmation, like SF-1001."
                    .to_owned()
            }
        }
    }
}

/// A field of a request body, declared once beside its request (e.g.
/// `OrderLookupRequest::EMAIL`), so the rules, the server's answer and each form's mapping to
/// its inputs name it the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name in the JSON body (`order_number`).
    pub name: &'static str,
    /// The field's name in an English sentence (`order number`).
    pub label: &'static str,
}

/// Optional text of at most `max` characters, trimmed.
pub fn optional_text(raw: &str, max: usize) -> Result<&str, FieldProblem> {
    let trimmed = raw.trim();
    if trimmed.chars().count() > max {
        return Err(FieldProblem::TooLong(max));
    }
    Ok(trimmed)
}

/// Longest id a client makes for itself: a form's request id, a chat message's id, a
/// browser's voter id.
pub const MAX_CLIENT_ID_CHARS: usize = 64;

/// Whether `id` is an id a client made for itself: 1 to [`MAX_CLIENT_ID_CHARS`] ASCII
/// letters, digits, `-` or `_` (what a UUID or a random token is written with), so it can be
/// stored, logged and put in an address as it is.
pub fn is_client_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CLIENT_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Text that must be there, at most `max` characters, trimmed.
pub fn required_text(raw: &str, max: usize) -> Result<&str, FieldProblem> {
    match optional_text(raw, max)? {
        "" => Err(FieldProblem::Missing),
        text => Ok(text),
    }
}

/// The email address field, named alike in every request that has one.
pub const EMAIL: Field = Field {
    name: "email",
    label: "email address",
};

/// One field of a request that was refused, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldRefusal {
    /// The field.
    pub field: Field,
    /// What is wrong with it.
    pub problem: FieldProblem,
}

/// A request body as sent, turned into its validated form or every refused field.
///
/// The server decides with [`validate`](Validate::validate) and the browser checks with
/// [`refusals`](Validate::refusals) before a round trip: the same rules, so the two can never
/// disagree on one (a test per request checks that they refuse the same fields); each turns
/// the refusals into words its own way.
pub trait Validate {
    /// The request with every field parsed into its newtype.
    type Valid;

    /// The validated request, or every refused field (in the order of the form).
    fn validate(&self) -> Result<Self::Valid, Vec<FieldRefusal>>;

    /// Every refused field, without normalising the accepted ones: what the browser needs.
    /// Normalising an email address lower-cases it with Unicode's tables, which cost every
    /// element with a form about 10 KB of its download, to build a value the browser throws away.
    fn refusals(&self) -> Vec<FieldRefusal>;
}

/// Collects the outcome of parsing each field, so `validate` reads as a list of fields.
#[derive(Debug, Default)]
pub struct Refusals(Vec<FieldRefusal>);

impl Refusals {
    /// Parses one field, remembering a refusal; `None` when it was refused.
    pub fn check<T>(&mut self, field: Field, parsed: Result<T, FieldProblem>) -> Option<T> {
        parsed
            .map_err(|problem| self.0.push(FieldRefusal { field, problem }))
            .ok()
    }

    /// The refusals collected.
    pub fn into_vec(self) -> Vec<FieldRefusal> {
        self.0
    }

    /// `valid` when no field was refused, else the refusals.
    pub fn finish<T>(self, valid: Option<T>) -> Result<T, Vec<FieldRefusal>> {
        match valid {
            Some(valid) if self.0.is_empty() => Ok(valid),
            _ => Err(self.0),
        }
    }
}

/// A syntactically valid email address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses what a person typed into an email address.
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        Self::check(raw).map(|trimmed| Self(trimmed.to_lowercase()))
    }

    /// Checks what a person typed without normalising it; the accepted text, trimmed.
    pub fn check(raw: &str) -> Result<&str, FieldProblem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if trimmed.chars().count() > MAX_EMAIL_CHARS {
            return Err(FieldProblem::TooLong(MAX_EMAIL_CHARS));
        }
        let (local, domain) = trimmed.split_once('@').ok_or(FieldProblem::NotAnEmail)?;
        let domain_ok = !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.');
        if local.is_empty() || !domain_ok || trimmed.chars().any(char::is_whitespace) {
            return Err(FieldProblem::NotAnEmail);
        }
        Ok(trimmed)
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An order number: trimmed and upper-cased; letters, digits and dashes only.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OrderNumber(String);

impl OrderNumber {
    /// Parses what a shopper typed (` sf-1001 ` becomes `SF-1001`; a leading `#` is dropped).
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        let trimmed = raw.trim().trim_start_matches('#').trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if trimmed.chars().count() > crate::tracking::MAX_ORDER_NUMBER_CHARS {
            return Err(FieldProblem::TooLong(
                crate::tracking::MAX_ORDER_NUMBER_CHARS,
            ));
        }
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(FieldProblem::NotAnOrderNumber);
        }
        Ok(Self(trimmed.to_ascii_uppercase()))
    }

    /// The normalised order number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A store's id for one of its customers, as the store signed it: never trimmed or
/// re-cased, because the signature covers the exact text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CustomerId(String);

impl CustomerId {
    /// Accepts 1 to [`MAX_CUSTOMER_ID_CHARS`](crate::identity::MAX_CUSTOMER_ID_CHARS) characters.
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        if raw.trim().is_empty() {
            return Err(FieldProblem::Missing);
        }
        let max = crate::identity::MAX_CUSTOMER_ID_CHARS;
        if raw.chars().count() > max {
            return Err(FieldProblem::TooLong(max));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The id as signed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lets a checked id be used wherever a signed subject is expected.
impl AsRef<str> for CustomerId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A mobile number in international format, kept as `+` and digits only.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts `+` then 8 to 15 digits (E.164), ignoring spaces, dashes, dots and brackets.
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        let compact: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
            .collect();
        let digits = compact
            .strip_prefix('+')
            .ok_or(FieldProblem::NotAPhoneNumber)?;
        if !(8..=15).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldProblem::NotAPhoneNumber);
        }
        Ok(Self(compact))
    }

    /// The number as `+` and digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed: non-empty and bounded, otherwise untouched.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Accepts any non-empty password up to [`MAX_PASSWORD_CHARS`] characters.
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        if raw.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if raw.chars().count() > MAX_PASSWORD_CHARS {
            return Err(FieldProblem::TooLong(MAX_PASSWORD_CHARS));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The password itself, for hashing or verifying.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    // Never let a password reach a log line through `{:?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use crate::agent::SignInRequest;
    use crate::tracking::{NotificationPreferences, OrderLookupRequest};

    #[test]
    fn a_request_validates_into_its_parsed_form_or_names_every_refused_field() {
        let good = OrderLookupRequest {
            order_number: " sf-1001 ".into(),
            email: "Dev@Example.com".into(),
        };
        let valid = good.validate().unwrap();
        assert_eq!(valid.email.as_str(), "dev@example.com");

        let bad = OrderLookupRequest {
            order_number: "".into(),
            email: "nope".into(),
        };
        let refusals = bad.validate().unwrap_err();
        let fields: Vec<_> = refusals.iter().map(|r| (r.field.name, r.problem)).collect();
        assert_eq!(
            fields,
            [
                ("order_number", FieldProblem::Missing),
                ("email", FieldProblem::NotAnEmail)
            ]
        );

        let sign_in = SignInRequest {
            email: "agent@demo.store".into(),
            password: String::new(),
        };
        assert_eq!(
            sign_in.validate().unwrap_err()[0].field,
            SignInRequest::PASSWORD
        );
    }

    /// `refusals` (the browser's) and `validate` (the server's) refuse exactly the same fields.
    #[test]
    fn the_browser_check_refuses_what_the_server_refuses() {
        fn same<R: Validate>(request: R) {
            let by_server = request.validate().err().unwrap_or_default();
            assert_eq!(request.refusals(), by_server);
        }
        let emails = [
            "",
            "  ",
            "Dev@Example.com",
            "ÉMILE@exemple.fr",
            "a@b",
            "a b@c.d",
            "@x.y",
            "a@.b",
            "a@b.",
            "a@b@c.d",
        ];
        let numbers = ["", "#sf-1001", "SF 1001", "SF-1001", &"9".repeat(41)];
        for email in emails {
            for order_number in numbers {
                same(OrderLookupRequest {
                    order_number: order_number.into(),
                    email: email.into(),
                });
            }
            for sms in [None, Some(""), Some("+44 7700 900123"), Some("12")] {
                same(NotificationPreferences {
                    email: Some(email.into()),
                    sms: sms.map(Into::into),
                });
            }
            for password in ["", "secret"] {
                same(SignInRequest {
                    email: email.into(),
                    password: password.into(),
                });
            }
        }
    }

    #[test]
    fn blank_notification_channels_are_simply_off() {
        let blank = NotificationPreferences {
            email: Some("  ".into()),
            sms: None,
        };
        assert_eq!(blank.validate().unwrap(), Default::default());
        let wrong = NotificationPreferences {
            email: None,
            sms: Some("12".into()),
        };
        assert_eq!(
            wrong.validate().unwrap_err()[0].field,
            NotificationPreferences::SMS
        );
    }

    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        let email = EmailAddress::parse("  Ada@Example.COM ").unwrap();
        assert_eq!(email.as_str(), "ada@example.com");
    }

    #[test]
    fn email_problems_are_told_apart() {
        assert_eq!(EmailAddress::parse("   "), Err(FieldProblem::Missing));
        assert_eq!(EmailAddress::parse("ada"), Err(FieldProblem::NotAnEmail));
        assert_eq!(
            EmailAddress::parse("@example.com"),
            Err(FieldProblem::NotAnEmail)
        );
        assert_eq!(
            EmailAddress::parse("ada@example"),
            Err(FieldProblem::NotAnEmail)
        );
        assert_eq!(
            EmailAddress::parse("ada@@example.com"),
            Err(FieldProblem::NotAnEmail)
        );
        assert_eq!(
            EmailAddress::parse("a da@example.com"),
            Err(FieldProblem::NotAnEmail)
        );
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(
            EmailAddress::parse(&long),
            Err(FieldProblem::TooLong(MAX_EMAIL_CHARS))
        );
    }

    #[test]
    fn order_numbers_are_normalised_and_checked() {
        assert_eq!(
            OrderNumber::parse(" #sf-1001 ").unwrap().as_str(),
            "SF-1001"
        );
        assert_eq!(OrderNumber::parse(""), Err(FieldProblem::Missing));
        assert_eq!(
            OrderNumber::parse("SF 1001"),
            Err(FieldProblem::NotAnOrderNumber)
        );
        assert_eq!(
            OrderNumber::parse("1001'; --"),
            Err(FieldProblem::NotAnOrderNumber)
        );
        assert!(OrderNumber::parse(&"9".repeat(41)).is_err());
    }

    #[test]
    fn customer_ids_are_kept_exactly_as_signed() {
        assert_eq!(
            CustomerId::parse(" gid://shop/Customer/7 ")
                .unwrap()
                .as_str(),
            " gid://shop/Customer/7 "
        );
        assert_eq!(CustomerId::parse("  "), Err(FieldProblem::Missing));
        assert_eq!(
            CustomerId::parse(&"c".repeat(201)),
            Err(FieldProblem::TooLong(200))
        );
    }

    #[test]
    fn phone_numbers_need_the_international_format() {
        assert_eq!(
            PhoneNumber::parse("+44 7700 900-123").unwrap().as_str(),
            "+447700900123"
        );
        assert_eq!(
            PhoneNumber::parse("07700 900123"),
            Err(FieldProblem::NotAPhoneNumber)
        );
        assert_eq!(
            PhoneNumber::parse("+12"),
            Err(FieldProblem::NotAPhoneNumber)
        );
        assert_eq!(
            PhoneNumber::parse("+44 77OO"),
            Err(FieldProblem::NotAPhoneNumber)
        );
        assert_eq!(PhoneNumber::parse(" "), Err(FieldProblem::Missing));
    }

    #[test]
    fn password_is_bounded_and_hidden_from_debug() {
        assert_eq!(Password::parse(""), Err(FieldProblem::Missing));
        let too_long = "x".repeat(MAX_PASSWORD_CHARS + 1);
        assert!(Password::parse(&too_long).is_err());
        let password = Password::parse("hunter2").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
        assert_eq!(password.expose(), "hunter2");
    }

    #[test]
    fn sign_in_rejects_unknown_fields() {
        let result: Result<crate::agent::SignInRequest, _> =
            serde_json::from_str(r#"{"email":"a@b.co","password":"x","admin":true}"#);
        assert!(result
            .unwrap_err()
            .to_string()
            .contains("unknown field `admin`"));
    }
}
