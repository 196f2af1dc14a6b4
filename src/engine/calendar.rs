//! Calendar arithmetic: business days are Monday to Friday, minus the user's `--holiday`s.
//! Every sum can fail: the calendar ends on 9999-12-31, and a date past it is an error, never
//! a day silently held at the end.

use std::fmt;

use jiff::civil::{Date, Weekday};
use jiff::{SignedDuration, ToSpan};

/// A date past the last day the calendar knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange;

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "its date would fall after {}", Date::MAX)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    holidays: Vec<Date>,
}

impl Calendar {
    pub fn new(mut holidays: Vec<Date>) -> Calendar {
        holidays.sort_unstable();
        holidays.dedup();
        Calendar { holidays }
    }

    pub fn is_business_day(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
            && self.holidays.binary_search(&d).is_err()
    }

    /// `d` itself when it is a business day, else the next one.
    pub fn next_business_day(&self, d: Date) -> Result<Date, OutOfRange> {
        if self.is_business_day(d) {
            Ok(d)
        } else {
            self.add_business_days(d, 1)
        }
    }

    /// The `n`-th business day after `d` (`d` itself when `n` is 0).
    ///
    /// The search is bounded: each business day is found within three calendar days (a
    /// weekend, then Monday) plus the holidays in between, so it looks at no more than
    /// `3·n + holidays` days, and stops with an error at the end of the calendar.
    pub fn add_business_days(&self, d: Date, n: u32) -> Result<Date, OutOfRange> {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            day = day.tomorrow().map_err(|_| OutOfRange)?;
            if self.is_business_day(day) {
                left -= 1;
            }
        }
        Ok(day)
    }
}

/// `d` plus `n` calendar days (negative: minus).
pub fn add_days(d: Date, n: i64) -> Result<Date, OutOfRange> {
    // A whole number of days as an exact duration: jiff adds it without calendar units.
    let hours = n.checked_mul(24).ok_or(OutOfRange)?;
    d.checked_add(SignedDuration::from_hours(hours))
        .map_err(|_| OutOfRange)
}

/// `d` plus `n` years (29 February falls back to 28 February).
pub fn add_years(d: Date, n: i64) -> Result<Date, OutOfRange> {
    d.checked_add(n.years()).map_err(|_| OutOfRange)
}

/// Calendar days from `a` to `b` (negative when `b` comes first). Always computable: the
/// calendar spans fewer days than an `i64` holds.
pub fn days_between(a: Date, b: Date) -> i64 {
    // An exact duration between two civil days is a whole number of days (no span rounding).
    b.duration_since(a).as_hours() / 24
}

/// `d` as `YYYY-MM-DD` when its year has four digits (every day a plan can reach), the same
/// text as jiff's `Display` without going through the formatting machinery; `None` for
/// other years.
pub fn iso_day(d: Date) -> Option<[u8; 10]> {
    let year = u16::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u16| b'0' + (n % 10) as u8;
    let (m, day) = (d.month() as u16, d.day() as u16);
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// Appends `d` as `YYYY-MM-DD` (jiff's `Display`, faster for four-digit years).
pub fn push_day(out: &mut Vec<u8>, d: Date) {
    match iso_day(d) {
        Some(text) => out.extend_from_slice(&text),
        None => out.extend_from_slice(d.to_string().as_bytes()),
    }
}

/// Serialises a day as `YYYY-MM-DD`, the same string as jiff's `Serialize`.
pub fn serialize_day<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    match iso_day(*d) {
        // The ten bytes are ASCII digits and dashes.
        Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
        None => s.collect_str(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_written_as_jiff_writes_them() {
        let days = [
            Date::MIN,
            Date::MAX,
            jiff::civil::date(-1, 3, 4),
            jiff::civil::date(0, 1, 1),
        ];
        let every = (0..4000).map(|i| add_days(jiff::civil::date(1999, 1, 1), i * 7 + 3).unwrap());
        for d in days.into_iter().chain(every) {
            let mut ours = Vec::new();
            push_day(&mut ours, d);
            assert_eq!(String::from_utf8(ours).unwrap(), d.to_string());
            let json = serde_json::to_string(&d).unwrap();
            let mut ser = serde_json::Serializer::new(Vec::new());
            serialize_day(&d, &mut ser).unwrap();
            assert_eq!(String::from_utf8(ser.into_inner()).unwrap(), json);
        }
    }

    #[test]
    fn days_between_counts_calendar_days() {
        let a = jiff::civil::date(2026, 11, 23);
        assert_eq!(days_between(a, jiff::civil::date(2026, 12, 1)), 8);
        assert_eq!(days_between(jiff::civil::date(2026, 12, 1), a), -8);
        let span = Date::MIN.until(Date::MAX).unwrap();
        assert_eq!(
            days_between(Date::MIN, Date::MAX),
            i64::from(span.get_days())
        );
    }
}
