//! `wxacct realname`: remove or replace the WeChat Pay real-name verification (SPEC §4.2).
//!
//! Judge every method for the profile, recommend the gentlest one that reaches the goal, check
//! what stands in its way, and plan the remedies and the method's own work (unbinding the
//! cards, on the same schedule as `deactivate`) with their dates. Nothing applies to an account
//! whose real name was never verified, and `minimize` is already met when no card is bound.

use super::result::{
    ClearingView, MethodView, NoteView, Parts, RealnameClearedView, RealnameParts,
};
use super::views;
use super::{Context, Evaluation};
use crate::engine::calendar::add_days;
use crate::engine::checks::{self, Memo};
use crate::engine::planner::DateOf;
use crate::engine::truth::{self, Missing};
use crate::engine::{
    timeline, CheckOutcome, DateError, Env, ReadyOn, Severity, Status, Truth, Window,
};
use crate::knowledge::{Clearing, Goal, Knowledge, MethodDef, TaskId};
use crate::lang::Lang;

/// A method judged for one profile. The checks that can stop it (`blocker_idx`) are
/// evaluated into the profile's memo, and read from there.
struct Judged {
    def: &'static MethodDef,
    /// Whether it can be used: there is a real name to act on, and its own condition holds.
    applicable: Truth,
}

impl Judged {
    fn new(def: &'static MethodDef, env: &Env<'_>, memo: &mut Memo<'_>, verified: Truth) -> Judged {
        let own = def.applicable.as_ref().map_or(Truth::True, |c| {
            c.0.eval(env.profile, env, &mut Missing::new())
        });
        // Kleene AND of the two.
        let applicable = truth::any([verified.negate(), own.negate()].into_iter()).negate();
        for &i in &def.blocker_idx {
            memo.get(i);
        }
        Judged { def, applicable }
    }

    fn achieves(&self, goal: Goal) -> bool {
        self.def.achieves.contains(&goal)
    }

    fn fits(&self, goal: Goal) -> bool {
        self.achieves(goal) && self.applicable != Truth::False
    }

    /// Its blockers with this status, from the memo they were evaluated into.
    fn blockers_that_are<'m>(
        &self,
        memo: &'m Memo<'_>,
        status: Status,
    ) -> impl Iterator<Item = &'m CheckOutcome> + use<'m> {
        let blockers = self.def.blocker_idx.iter();
        blockers
            .filter_map(|&i| memo.evaluated(i))
            .filter(move |o| o.is(Severity::Blocker, status))
    }

    /// Ids of its blockers with this status.
    fn blocker_ids(
        &self,
        kb: &'static Knowledge,
        memo: &Memo<'_>,
        status: Status,
    ) -> Vec<&'static str> {
        self.blockers_that_are(memo, status)
            .map(|o| kb.checks[o.check].id.as_str())
            .collect()
    }
}

/// Every method, gentlest first, and the one recommended for the goal.
struct Choice {
    /// Whether a real name was verified (the precondition check passes).
    verified: Truth,
    methods: Vec<Judged>,
    recommended: Option<usize>,
}

impl Choice {
    /// Judges every method, its blockers evaluated into `memo`.
    fn new(kb: &'static Knowledge, env: &Env<'_>, memo: &mut Memo<'_>, goal: Goal) -> Choice {
        let verified =
            kb.check_idx(&kb.realname.precondition)
                .map_or(Truth::Unknown, |i| match memo.get(i).status {
                    Status::Pass => Truth::True,
                    Status::Fail => Truth::False,
                    Status::Unknown => Truth::Unknown,
                });
        let methods: Vec<Judged> = kb
            .realname
            .methods
            .iter()
            .map(|m| Judged::new(m, env, memo, verified))
            .collect();
        // The gentlest method that can reach the goal; when none can because the goal is
        // already met (no card to unbind), the gentlest that reaches it. Nothing without a
        // real name.
        let recommended = (verified != Truth::False)
            .then(|| {
                let fitting = methods.iter().position(|m| m.fits(goal));
                fitting.or_else(|| methods.iter().position(|m| m.achieves(goal)))
            })
            .flatten();
        Choice {
            verified,
            methods,
            recommended,
        }
    }

    fn recommended(&self) -> Option<&Judged> {
        self.recommended.map(|i| &self.methods[i])
    }

    /// Whether some method can reach the goal.
    fn applies(&self, goal: Goal) -> Truth {
        let reaching = self.methods.iter().filter(|m| m.achieves(goal));
        truth::any(reaching.map(|m| m.applicable))
    }
}

pub fn evaluate(ctx: &Context, env: &Env<'_>, goal: Goal) -> Result<Evaluation, DateError> {
    let kb = ctx.kb;
    let mut memo = Memo::new(kb, env);
    let choice = Choice::new(kb, env, &mut memo, goal);
    let applies = choice.applies(goal);
    let mut outcomes = task_checks(kb, &mut memo, choice.recommended());
    if applies == Truth::False {
        // Nothing to remove, replace or unbind: nothing stands in the way of anything, and the
        // precondition that failed only says why.
        checks::demote_blockers(kb, &mut outcomes, |_| false);
        let precondition = kb.check_idx(&kb.realname.precondition);
        for o in outcomes
            .iter_mut()
            .filter(|o| Some(o.check) == precondition)
        {
            o.severity = Severity::Info;
        }
        checks::sort(kb, &mut outcomes);
    }
    let mut eval = Evaluation::new(ctx, env, outcomes, applies)?;
    // What stops the other methods is shown (so that `blocked_by` names checks of the result)
    // but neither planned nor counted.
    let shown = eval.outcomes.iter().map(|o| o.check).collect::<Vec<_>>();
    let others = choice
        .methods
        .iter()
        .flat_map(|m| m.blockers_that_are(&memo, Status::Fail))
        .filter(|o| !shown.contains(&o.check));
    let mut extra: Vec<CheckOutcome> = Vec::new();
    for o in others {
        if !extra.iter().any(|x| x.check == o.check) {
            extra.push(CheckOutcome {
                severity: Severity::Info,
                ..o.clone()
            });
        }
    }
    eval.show_also(kb, extra);
    // Every date the result shows must be computable: when each method clears the real name,
    // and the day it is cleared for the recommended one.
    for m in &choice.methods {
        clearing_days(kb, env, m.def)?;
    }
    if let Some(m) = clearing_shown(&choice, goal) {
        if let Some(days) = clearing_days(kb, env, m.def)? {
            cleared_on(m.def, days, eval.plan.ready_on)?;
        }
    }
    Ok(eval)
}

/// Every check of the task, plus whatever stands in the way of the recommended method and the
/// checks that are its own work. The work is information; a blocker of any other method only
/// warns.
fn task_checks(
    kb: &'static Knowledge,
    memo: &mut Memo<'_>,
    chosen: Option<&Judged>,
) -> Vec<CheckOutcome> {
    let mut out = memo.task(TaskId::Realname);
    let Some(m) = chosen else {
        checks::demote_blockers(kb, &mut out, |_| false);
        return out;
    };
    let (blockers, work) = (&m.def.blocker_idx, &m.def.work_idx);
    for &i in blockers.iter().chain(work) {
        if !out.iter().any(|x| x.check == i) {
            out.push(memo.get(i).clone());
        }
    }
    for o in out.iter_mut().filter(|o| work.contains(&o.check)) {
        o.severity = Severity::Info;
    }
    checks::demote_blockers(kb, &mut out, |i| blockers.contains(&i));
    out
}

pub fn parts(ctx: &Context, env: &Env<'_>, eval: &Evaluation, goal: Goal, lang: Lang) -> Parts {
    let kb = ctx.kb;
    let mut memo = Memo::new(kb, env);
    let choice = Choice::new(kb, env, &mut memo, goal);
    let chosen = choice.recommended();
    let goal_def = kb.realname.goals.iter().find(|g| g.id == goal);
    let mut notes: Vec<NoteView> = goal_note(kb, env, goal, lang).into_iter().collect();
    notes.extend(views::notes(kb, &kb.realname.notes, env, lang));
    // `evaluate` checked that these dates can be computed.
    let realname_cleared = clearing_shown(&choice, goal)
        .and_then(|m| cleared(kb, env, m.def, eval, lang).unwrap_or_default());
    Parts::Realname(RealnameParts {
        goal,
        goal_title: goal_def.map_or("", |g| g.title.get(lang)),
        methods: choice
            .methods
            .iter()
            .map(|m| method(kb, env, &memo, m, goal, lang))
            .collect(),
        recommended: chosen.map(|m| m.def.id.as_str()),
        plan: views::plan(ctx, env, &eval.plan, lang),
        ready_on: eval.plan.ready_on,
        requirements: chosen.map_or_else(Vec::new, |m| {
            views::notes(kb, &m.def.requirements, env, lang)
        }),
        notes,
        realname_cleared,
    })
}

/// The first note on the goal's outcome that holds for the profile.
fn goal_note(kb: &'static Knowledge, env: &Env<'_>, goal: Goal, lang: Lang) -> Option<NoteView> {
    let mut scratch = Missing::new();
    kb.realname
        .goal_notes
        .iter()
        .filter(|n| n.goals.contains(&goal))
        .find(|n| n.when.0.eval(env.profile, env, &mut scratch) == Truth::True)
        .map(|n| NoteView {
            id: &n.id,
            text: n.text.get(lang),
            sources: views::strs(&n.sources),
            conflicts: Vec::new(),
        })
}

/// The method whose day of clearing the real name the result shows: the recommended one, when
/// the goal is to remove a verified real name.
fn clearing_shown(choice: &Choice, goal: Goal) -> Option<&Judged> {
    choice
        .recommended()
        .filter(|_| goal == Goal::Remove && choice.verified != Truth::False)
}

/// How many days after the request the method clears the real name, for this profile (an
/// error when that day cannot be computed); `None` for a method that keeps it.
fn clearing_days(
    kb: &'static Knowledge,
    env: &Env<'_>,
    def: &'static MethodDef,
) -> Result<Option<i64>, DateError> {
    Ok(match def.clears_realname.as_ref() {
        None => None,
        Some(Clearing::AfterDays { days, .. }) => Some(i64::from(*days)),
        Some(Clearing::Event(id)) => match kb.events.iter().position(|e| &e.id == id) {
            None => None,
            Some(event) => Some(timeline::date(kb, env, event, None)?.after_days),
        },
    })
}

/// The days the real name is gone if the request is made on `ready`, `days` after it.
fn cleared_on(
    def: &'static MethodDef,
    days: i64,
    ready: Option<ReadyOn>,
) -> Result<Option<Window>, DateError> {
    let after = |d| add_days(d, days).map_err(|_| DateError(DateOf::Cleared(def.id.clone())));
    ready
        .map(|r| {
            Ok(Window {
                earliest: after(r.earliest)?,
                latest: after(r.latest)?,
            })
        })
        .transpose()
}

/// How long after the request the method clears the real name, for this profile.
fn clearing(
    kb: &'static Knowledge,
    env: &Env<'_>,
    def: &'static MethodDef,
    lang: Lang,
) -> Result<Option<ClearingView>, DateError> {
    let Some(how) = def.clears_realname.as_ref() else {
        return Ok(None);
    };
    Ok(match how {
        Clearing::AfterDays {
            days,
            sources,
            conflicts,
        } => Some(ClearingView {
            after_days: i64::from(*days),
            sources: views::strs(sources),
            conflicts: views::conflicts(kb, conflicts, lang),
        }),
        Clearing::Event(id) => match kb.events.iter().position(|e| &e.id == id) {
            None => None,
            Some(event) => {
                let dated = timeline::date(kb, env, event, None)?;
                Some(ClearingView {
                    after_days: dated.after_days,
                    sources: views::event_sources(kb, &dated),
                    conflicts: views::conflicts(kb, &kb.events[event].conflicts, lang),
                })
            }
        },
    })
}

/// When the real name is gone if the request is made on `ready_on`.
fn cleared(
    kb: &'static Knowledge,
    env: &Env<'_>,
    def: &'static MethodDef,
    eval: &Evaluation,
    lang: Lang,
) -> Result<Option<RealnameClearedView>, DateError> {
    let Some(c) = clearing(kb, env, def, lang)? else {
        return Ok(None);
    };
    let ready = eval.plan.ready_on;
    let on = cleared_on(def, c.after_days, ready)?;
    Ok(Some(RealnameClearedView {
        method: &def.id,
        after_days: c.after_days,
        on,
        provisional: ready.is_some_and(|r| r.provisional),
        sources: c.sources,
        conflicts: c.conflicts,
    }))
}

fn method(
    kb: &'static Knowledge,
    env: &Env<'_>,
    memo: &Memo<'_>,
    m: &Judged,
    goal: Goal,
    lang: Lang,
) -> MethodView {
    let d = m.def;
    MethodView {
        id: &d.id,
        title: d.title.get(lang),
        applicable: m.applicable.known(),
        blocked_by: m.blocker_ids(kb, memo, Status::Fail),
        unknown: m.blocker_ids(kb, memo, Status::Unknown),
        achieves_goal: m.achieves(goal),
        duration: d.duration.get(lang),
        data: d.data.get(lang),
        function_impact: d.function_impact.get(lang),
        recoverable: d.recoverable,
        recovery: d.recovery.get(lang),
        path: d.path.get(lang),
        path_sources: views::strs(&d.path_sources),
        clears_realname: clearing(kb, env, d, lang).unwrap_or_default(),
        sources: views::strs(&d.sources),
        conflicts: views::conflicts(kb, &d.conflicts, lang),
    }
}
