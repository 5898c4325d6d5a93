//! Dates and times in the reader's language and time zone, through the browser's `Intl`
//! (the server sends UTC; only the browser knows where the shopper is).

use super::Locale;
use wasm_bindgen::JsValue;

/// How much of a moment to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "Tuesday 24 November": for delivery estimates, where the hour means little.
    Day,
    /// "24 Nov 2026, 14:05": for carrier events.
    DayAndTime,
    /// "14:05": for chat messages, read as they come.
    Time,
    /// "24 November 2026": for when something was written (a review), where the hour means
    /// little but the year does.
    Date,
    /// "24 November 2026": for a calendar day the server sends as `YYYY-MM-DD` (a return's
    /// last day), read in UTC so it is the same day wherever the shopper is.
    CalendarDay,
}

/// `iso` (RFC 3339) formatted for `locale` in the browser's time zone; the input unchanged
/// when it is not a date, so a surprising value is still shown rather than hidden.
pub fn format_date(iso: &str, locale: Locale, style: DateStyle) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    match style {
        DateStyle::Day => {
            set("weekday", "long");
            set("day", "numeric");
            set("month", "long");
        }
        DateStyle::DayAndTime => {
            set("dateStyle", "medium");
            set("timeStyle", "short");
        }
        DateStyle::Time => set("timeStyle", "short"),
        DateStyle::Date => set("dateStyle", "long"),
        DateStyle::CalendarDay => {
            set("day", "numeric");
            set("month", "long");
            set("year", "numeric");
            set("timeZone", "UTC");
        }
    }
    date.to_locale_string(locale.tag(), &options).into()
}
