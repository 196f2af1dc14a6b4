//! Turning failed checks into a dated plan: one action per remedy (per card, per device, …),
//! each with a start day and a completion window, and the day the whole plan is done.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use super::calendar::{add_days, Calendar};
use super::card_limits::card_offsets;
use super::checks::{CheckOutcome, Status};
use super::truth::{Env, Truth};
use crate::knowledge::{Duration, Knowledge, Severity};
use crate::profile::field::{Facts, ListField, Val};
use crate::profile::model::CardKind;

/// A span of days: `earliest` when everything goes well, `latest` when it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Window {
    #[schemars(with = "String")]
    pub earliest: Date,
    #[schemars(with = "String")]
    pub latest: Date,
}

impl Window {
    pub fn day(d: Date) -> Window {
        Window {
            earliest: d,
            latest: d,
        }
    }
    fn max(self, o: Window) -> Window {
        Window {
            earliest: self.earliest.max(o.earliest),
            latest: self.latest.max(o.latest),
        }
    }
    fn map(self, f: impl Fn(Date) -> Date) -> Window {
        Window {
            earliest: f(self.earliest),
            latest: f(self.latest),
        }
    }
}

/// When the whole plan is done; `provisional` when it rests on unknowns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReadyOn {
    #[schemars(with = "String")]
    pub earliest: Date,
    #[schemars(with = "String")]
    pub latest: Date,
    pub provisional: bool,
}

/// The list item an action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanItem {
    pub list: ListField,
    pub index: usize,
    /// 1-based position among items of the same kind, and how many there are.
    pub n: usize,
    pub count: usize,
    pub card_kind: Option<CardKind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAction {
    /// Index into `Knowledge::actions`.
    pub action: usize,
    /// Index into `Knowledge::checks`: the check this action clears.
    pub check: usize,
    pub item: Option<PlanItem>,
    pub start: Window,
    pub done: Window,
    /// False when the sources state no duration (shown as same-day).
    pub duration_stated: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub actions: Vec<PlannedAction>,
    /// `None` when a failed blocker has no self-service remedy.
    pub ready_on: Option<ReadyOn>,
}

/// Builds the plan for the failed checks in `outcomes`. `provisional` says whether the
/// verdict rests on unknowns (some blocker unknown, or whether the task applies at all).
pub fn build(
    kb: &Knowledge,
    outcomes: &[CheckOutcome],
    env: &Env<'_>,
    cal: &Calendar,
    provisional: bool,
) -> Plan {
    let failed = || {
        outcomes
            .iter()
            .enumerate()
            .filter(|(_, o)| o.status == Status::Fail)
    };
    let stuck =
        failed().any(|(_, o)| o.severity == Severity::Blocker && !kb.checks[o.check].self_service);
    let mut uncertain = false;
    let mut actions: Vec<(usize, PlannedAction)> = Vec::new();

    // Actions everything else waits for (an appeal), then the rest from the gate on.
    let mut gate = Window::day(env.start);
    for pass in [true, false] {
        let from = gate;
        for (order, o) in failed() {
            let Some(a) = kb.checks[o.check].action_idx else {
                continue;
            };
            if kb.actions[a].first != pass {
                continue;
            }
            let before = actions.len();
            uncertain |= expand(kb, a, o.check, from, env, cal, &mut |p| {
                actions.push((order, p))
            });
            if pass {
                gate = actions[before..]
                    .iter()
                    .fold(gate, |g, (_, p)| g.max(p.done));
            }
        }
    }
    // On the same day, cards are unbound after the other work (repaying, closing agreements).
    actions.sort_by_key(|(order, a)| {
        (
            a.start.earliest,
            a.done.latest,
            matches!(kb.actions[a.action].duration, Duration::CardSchedule),
            *order,
            a.item.map(|i| i.index),
        )
    });
    let actions: Vec<PlannedAction> = actions.into_iter().map(|(_, a)| a).collect();
    let ready_on = (!stuck).then(|| {
        let w = actions
            .iter()
            .fold(Window::day(env.start), |w, a| w.max(a.done));
        ReadyOn {
            earliest: w.earliest,
            latest: w.latest,
            provisional: provisional || uncertain,
        }
    });
    Plan { actions, ready_on }
}

/// One planned action per item the action applies to, handed to `out`. Returns whether a
/// date rests on an unknown (a card of unknown kind).
fn expand(
    kb: &Knowledge,
    action: usize,
    check: usize,
    from: Window,
    env: &Env<'_>,
    cal: &Calendar,
    out: &mut dyn FnMut(PlannedAction),
) -> bool {
    let def = &kb.actions[action];
    let planned =
        |item: Option<PlanItem>, start: Window, done: Window, stated: bool| PlannedAction {
            action,
            check,
            item,
            start,
            done,
            duration_stated: stated,
        };
    match &def.duration {
        Duration::CardSchedule => {
            let cards = env.profile.wallet.bank_cards.as_deref().unwrap_or(&[]);
            let mut uncertain = false;
            card_offsets(kb, cards)
                .into_iter()
                .map(|slot| {
                    uncertain |= slot.kind.is_none();
                    let start = from.map(|d| add_days(d, i64::from(slot.offset_days)));
                    let item = PlanItem {
                        list: ListField::BankCards,
                        index: slot.index,
                        n: slot.n,
                        count: slot.count,
                        card_kind: slot.kind,
                    };
                    planned(Some(item), start, start, true)
                })
                .for_each(out);
            uncertain
        }
        duration => {
            let (done, stated) = match duration {
                Duration::Minutes(_) => (from, true),
                Duration::Unstated | Duration::CardSchedule => (from, false),
                Duration::BusinessDays {
                    min,
                    max,
                    not_before,
                } => {
                    let mut w = Window {
                        earliest: cal.add_business_days(from.earliest, *min),
                        latest: cal.add_business_days(from.latest, *max),
                    };
                    if let Some(f) = not_before {
                        if let Val::Date(d) = env.profile.value(f.0) {
                            w = w.max(Window::day(d));
                        }
                    }
                    (w, true)
                }
                Duration::UntilDay { field, day } => {
                    // A wait counts from the profile's own day counter, not from other work.
                    let wait = match env.profile.value(field.0) {
                        Val::Num(n) => (f64::from(*day) - n).max(0.0) as i64,
                        _ => 0,
                    };
                    (Window::day(add_days(env.start, wait)), true)
                }
            };
            let from = if matches!(duration, Duration::UntilDay { .. }) {
                Window::day(env.start)
            } else {
                from
            };
            match &def.per_item {
                None => {
                    out(planned(None, from, done, stated));
                    false
                }
                Some(per) => {
                    let len = per.list.len(env.profile).unwrap_or(0);
                    let chosen: Vec<usize> = (0..len)
                        .filter(|&i| {
                            per.when
                                .as_ref()
                                .is_none_or(|w| w.matches(env, i) == Truth::True)
                        })
                        .collect();
                    let count = chosen.len();
                    chosen
                        .into_iter()
                        .enumerate()
                        .map(|(k, index)| {
                            let item = PlanItem {
                                list: per.list,
                                index,
                                n: k + 1,
                                count,
                                card_kind: None,
                            };
                            planned(Some(item), from, done, stated)
                        })
                        .for_each(out);
                    false
                }
            }
        }
    }
}
