//! Numbers as the reader's language writes them, through the browser's `Intl` (no number
//! formatting tables in the module): money in a currency's own minor unit, percentages.

use super::Locale;
use wasm_bindgen::JsValue;

/// An options object with each pair set.
fn intl_options(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), value);
    }
    options
}

/// An `Intl.NumberFormat` of `locale` with `options`.
fn number_format(locale: Locale, options: &[(&str, JsValue)]) -> js_sys::Intl::NumberFormat {
    let locales = js_sys::Array::of1(&JsValue::from_str(locale.tag()));
    js_sys::Intl::NumberFormat::new(&locales, &intl_options(options))
}

/// `value` written by `format`.
fn formatted(format: &js_sys::Intl::NumberFormat, value: f64) -> Option<String> {
    format
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}

/// An amount the server computed, in the order's minor unit, in `currency` as the shopper's
/// language writes it (`€12.50`, `12,50 €`).
pub fn money(cents: i64, currency: &str, locale: Locale) -> String {
    let format = number_format(
        locale,
        &[("style", "currency".into()), ("currency", currency.into())],
    );
    // The minor unit is the currency's own (cents for the euro, none for the yen), which
    // `Intl` knows.
    let digits = js_sys::Reflect::get(&format.resolved_options(), &"maximumFractionDigits".into())
        .ok()
        .and_then(|digits| digits.as_f64())
        .unwrap_or(2.0);
    let value = cents as f64 / 10_f64.powf(digits);
    formatted(&format, value).unwrap_or_else(|| format!("{value} {currency}"))
}

/// Basis points (hundredths of a percent) as a percentage in the shopper's language.
pub fn percent(basis_points: u32, locale: Locale) -> String {
    let format = number_format(
        locale,
        &[
            ("style", "percent".into()),
            ("maximumFractionDigits", 2.into()),
        ],
    );
    let value = f64::from(basis_points) / 10_000.0;
    formatted(&format, value).unwrap_or_else(|| format!("{}%", value * 100.0))
}
