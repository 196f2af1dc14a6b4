//! What happens after the request is submitted, dated from the submission day.

use jiff::civil::Date;

use super::calendar::{add_days, add_years, days_between};
use super::truth::{Env, Missing, Truth};
use crate::knowledge::{After, Knowledge};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedEvent {
    /// Index into `Knowledge::events`.
    pub event: usize,
    /// Index of the `after_when` rule that applied, if any.
    pub rule: Option<usize>,
    pub after_days: i64,
    pub on: Option<Date>,
}

fn shift(d: Date, after: After) -> Date {
    match after {
        After::Days(n) => add_days(d, i64::from(n)),
        After::Years(n) => add_years(d, i64::from(n)),
    }
}

/// Dates every event from `submitted` (or, with no submission day, counts days from `--start`
/// and leaves `on` empty).
pub fn build(kb: &Knowledge, env: &Env<'_>, submitted: Option<Date>) -> Vec<DatedEvent> {
    (0..kb.events.len())
        .map(|event| date(kb, env, event, submitted))
        .collect()
}

/// Dates one event (by index) from `submitted`, as `build` does.
pub fn date(kb: &Knowledge, env: &Env<'_>, event: usize, submitted: Option<Date>) -> DatedEvent {
    let def = &kb.events[event];
    let mut scratch = Missing::new();
    let rule = def
        .after_when
        .iter()
        .position(|r| r.when.0.eval(env.profile, env, &mut scratch) == Truth::True);
    let after = rule.map_or(def.after, |r| def.after_when[r].after);
    let base = submitted.unwrap_or(env.start);
    let on = shift(base, after);
    DatedEvent {
        event,
        rule,
        after_days: days_between(base, on),
        on: submitted.map(|_| on),
    }
}
