//! What happens after the request is submitted, dated from the submission day.

use jiff::civil::Date;

use super::calendar::{add_days, add_years, days_between, OutOfRange};
use super::planner::{DateError, DateOf};
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

/// The day `after` from `d`, and how many days that is.
fn shift(d: Date, after: After) -> Result<(Date, i64), OutOfRange> {
    match after {
        After::Days(n) => add_days(d, i64::from(n)).map(|on| (on, i64::from(n))),
        After::Years(n) => add_years(d, i64::from(n)).map(|on| (on, days_between(d, on))),
    }
}

/// Whether every event can be dated from `submitted`: an error naming the first event past
/// the end of the calendar. Cheap when the latest event is far from it (nearly always).
pub fn check(kb: &Knowledge, env: &Env<'_>, submitted: Option<Date>) -> Result<(), DateError> {
    match add_days(submitted.unwrap_or(env.start), kb.events_reach) {
        Ok(_) => Ok(()),
        Err(OutOfRange) => build(kb, env, submitted).map(|_| ()),
    }
}

/// Dates every event from `submitted` (or, with no submission day, counts days from `--start`
/// and leaves `on` empty). An event past the end of the calendar is an error naming it.
pub fn build(
    kb: &Knowledge,
    env: &Env<'_>,
    submitted: Option<Date>,
) -> Result<Vec<DatedEvent>, DateError> {
    (0..kb.events.len())
        .map(|event| date(kb, env, event, submitted))
        .collect()
}

/// Dates one event (by index) from `submitted`, as `build` does.
pub fn date(
    kb: &Knowledge,
    env: &Env<'_>,
    event: usize,
    submitted: Option<Date>,
) -> Result<DatedEvent, DateError> {
    let def = &kb.events[event];
    let mut scratch = Missing::new();
    let rule = def
        .after_when
        .iter()
        .position(|r| r.when.0.eval(env.profile, env, &mut scratch) == Truth::True);
    let after = rule.map_or(def.after, |r| def.after_when[r].after);
    let base = submitted.unwrap_or(env.start);
    let (on, after_days) =
        shift(base, after).map_err(|OutOfRange| DateError(DateOf::Event(def.id.clone())))?;
    Ok(DatedEvent {
        event,
        rule,
        after_days,
        on: submitted.map(|_| on),
    })
}
