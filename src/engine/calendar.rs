//! Business-day arithmetic: Monday to Friday, minus the user's `--holiday`s.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

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

    /// The `n`-th business day after `d` (`d` itself when `n` is 0).
    pub fn add_business_days(&self, d: Date, n: u32) -> Date {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            day = add_days(day, 1);
            if self.is_business_day(day) {
                left -= 1;
            }
        }
        day
    }
}

/// `d` plus `n` calendar days, saturating at the end of the supported range.
pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days())
        .unwrap_or(if n >= 0 { Date::MAX } else { Date::MIN })
}

/// `d` plus `n` years (29 February falls back to 28 February).
pub fn add_years(d: Date, n: i64) -> Date {
    d.checked_add(n.years()).unwrap_or(Date::MAX)
}

/// Calendar days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}
