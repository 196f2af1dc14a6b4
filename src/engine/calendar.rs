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
    a.until(b).map_or(0, |s| i64::from(s.get_days()))
}
