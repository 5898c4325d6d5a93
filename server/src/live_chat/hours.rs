//! The store's business hours for chat, from the configuration: when it is outside them the
//! shopper is told nobody is there, whoever is signed in.
//!
//! Written as `mon-fri 09:00-17:30, sat 10:00-14:00` (days `mon`…`sun`, a day or a range of
//! days, then a time range on a 24-hour clock) in the store's offset from UTC, or `always`.

use time::{OffsetDateTime, UtcOffset, Weekday};

/// When chat is staffed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessHours {
    /// Each opening: the days (Monday = 0) and minutes after midnight, start included,
    /// end excluded. Empty means always open.
    openings: Vec<Opening>,
    offset: UtcOffset,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Opening {
    first_day: u8,
    last_day: u8,
    opens: u16,
    closes: u16,
}

/// Why the hours in the configuration could not be read; says what was expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("chat hours {0:?} are not like `mon-fri 09:00-17:30, sat 10:00-14:00` or `always`")]
pub struct BadHours(pub String);

impl BusinessHours {
    /// Open all the time.
    pub fn always() -> Self {
        Self {
            openings: Vec::new(),
            offset: UtcOffset::UTC,
        }
    }

    /// Reads `text` (see the module's documentation) in the store's `offset`.
    pub fn parse(text: &str, offset: UtcOffset) -> Result<Self, BadHours> {
        let bad = || BadHours(text.to_owned());
        if text.trim().eq_ignore_ascii_case("always") || text.trim().is_empty() {
            return Ok(Self {
                offset,
                ..Self::always()
            });
        }
        let openings = text
            .split(',')
            .map(|part| parse_opening(part.trim()).ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { openings, offset })
    }

    /// Whether `at` is within the hours.
    pub fn is_open(&self, at: OffsetDateTime) -> bool {
        if self.openings.is_empty() {
            return true;
        }
        let local = at.to_offset(self.offset);
        let day = local.weekday().number_days_from_monday();
        let minute = u16::from(local.hour()) * 60 + u16::from(local.minute());
        self.openings.iter().any(|opening| {
            (opening.first_day..=opening.last_day).contains(&day)
                && (opening.opens..opening.closes).contains(&minute)
        })
    }
}

fn parse_opening(text: &str) -> Option<Opening> {
    let (days, times) = text.split_once(' ')?;
    let (first_day, last_day) = match days.split_once('-') {
        Some((first, last)) => (weekday(first)?, weekday(last)?),
        None => (weekday(days)?, weekday(days)?),
    };
    let (opens, closes) = times.trim().split_once('-')?;
    let (opens, closes) = (minutes(opens)?, minutes(closes)?);
    (first_day <= last_day && opens < closes).then_some(Opening {
        first_day,
        last_day,
        opens,
        closes,
    })
}

fn weekday(name: &str) -> Option<u8> {
    const NAMES: [(&str, Weekday); 7] = [
        ("mon", Weekday::Monday),
        ("tue", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thu", Weekday::Thursday),
        ("fri", Weekday::Friday),
        ("sat", Weekday::Saturday),
        ("sun", Weekday::Sunday),
    ];
    NAMES
        .iter()
        .find(|(short, _)| short.eq_ignore_ascii_case(name.trim()))
        .map(|(_, day)| day.number_days_from_monday())
}

/// `HH:MM` as minutes after midnight; `24:00` is the end of the day.
fn minutes(text: &str) -> Option<u16> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= 24 * 60).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    #[test]
    fn hours_are_open_from_the_start_to_just_before_the_end() {
        let hours =
            BusinessHours::parse("mon-fri 09:00-17:30, sat 10:00-14:00", offset!(+1)).unwrap();
        // 2026-11-23 is a Monday; 08:00 UTC is 09:00 in the store.
        assert!(hours.is_open(datetime!(2026-11-23 08:00 UTC)));
        assert!(!hours.is_open(datetime!(2026-11-23 07:59 UTC)));
        assert!(hours.is_open(datetime!(2026-11-23 16:29 UTC)));
        assert!(
            !hours.is_open(datetime!(2026-11-23 16:30 UTC)),
            "the end is closed"
        );
        assert!(hours.is_open(datetime!(2026-11-28 12:00 UTC)), "Saturday");
        assert!(!hours.is_open(datetime!(2026-11-29 12:00 UTC)), "Sunday");
    }

    #[test]
    fn the_store_offset_moves_the_day() {
        let hours = BusinessHours::parse("sun 00:00-24:00", offset!(-5)).unwrap();
        // Monday 03:00 UTC is still Sunday 22:00 five hours behind.
        assert!(hours.is_open(datetime!(2026-11-23 03:00 UTC)));
        assert!(!hours.is_open(datetime!(2026-11-23 06:00 UTC)));
    }

    #[test]
    fn always_is_always_and_nonsense_is_refused() {
        assert!(BusinessHours::parse("always", UtcOffset::UTC)
            .unwrap()
            .is_open(datetime!(2026-11-29 03:00 UTC)));
        for bad in [
            "weekdays 9-5",
            "mon-fri 17:00-09:00",
            "fri-mon 09:00-17:00",
            "mon 09:00",
            "mon 09:60-10:00",
        ] {
            assert!(BusinessHours::parse(bad, UtcOffset::UTC).is_err(), "{bad}");
        }
    }
}
