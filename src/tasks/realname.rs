//! `wxacct realname`: remove or replace the WeChat Pay real-name verification (SPEC §4.2).
//!
//! Judge every method for the profile, recommend the gentlest one that reaches the goal, check
//! what stands in its way, and plan the remedies and the method's own work (unbinding the
//! cards, on the same schedule as `deactivate`) with their dates.

use super::result::{MethodView, Parts, RealnameParts};
use super::views;
use super::{Context, Evaluation};
use crate::engine::truth::{self, Missing};
use crate::engine::{checks, CheckOutcome, DateError, Env, Severity, Status, Truth};
use crate::knowledge::{Goal, Knowledge, MethodDef, TaskId};
use crate::lang::Lang;

/// A method judged for one profile.
struct Judged {
    def: &'static MethodDef,
    applicable: Truth,
    /// The checks that can stop it, evaluated.
    blockers: Vec<CheckOutcome>,
}

impl Judged {
    fn new(kb: &'static Knowledge, def: &'static MethodDef, env: &Env<'_>) -> Judged {
        let applicable = def.applicable.as_ref().map_or(Truth::True, |c| {
            c.0.eval(env.profile, env, &mut Missing::new())
        });
        let blockers = blocker_checks(kb, def)
            .into_iter()
            .map(|i| checks::evaluate_one(kb, i, env))
            .collect();
        Judged {
            def,
            applicable,
            blockers,
        }
    }

    fn fits(&self, goal: Goal) -> bool {
        self.def.achieves.contains(&goal) && self.applicable != Truth::False
    }

    /// Ids of its blockers with this status.
    fn blockers_that_are(&self, kb: &'static Knowledge, status: Status) -> Vec<&'static str> {
        self.blockers
            .iter()
            .filter(|o| o.is(Severity::Blocker, status))
            .map(|o| kb.checks[o.check].id.as_str())
            .collect()
    }
}

/// The checks that can stop a method: its own list, then every check of the task it performs.
fn blocker_checks(kb: &Knowledge, def: &MethodDef) -> Vec<usize> {
    let mut out: Vec<usize> = def
        .blocked_by
        .iter()
        .filter_map(|id| kb.check_idx(id))
        .collect();
    if let Some(task) = def.blocked_by_task {
        let of_task = (0..kb.checks.len()).filter(|&i| kb.checks[i].tasks.contains(&task));
        for i in of_task {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// Every method, gentlest first, and the one recommended for the goal.
struct Choice {
    methods: Vec<Judged>,
    recommended: Option<usize>,
}

impl Choice {
    fn new(kb: &'static Knowledge, env: &Env<'_>, goal: Goal) -> Choice {
        let methods: Vec<Judged> = kb
            .realname
            .methods
            .iter()
            .map(|m| Judged::new(kb, m, env))
            .collect();
        let recommended = methods.iter().position(|m| m.fits(goal));
        Choice {
            methods,
            recommended,
        }
    }

    fn recommended(&self) -> Option<&Judged> {
        self.recommended.map(|i| &self.methods[i])
    }

    /// Whether some method can reach the goal.
    fn applies(&self, goal: Goal) -> Truth {
        let reaching = self
            .methods
            .iter()
            .filter(|m| m.def.achieves.contains(&goal));
        truth::any(reaching.map(|m| m.applicable))
    }
}

pub fn evaluate(ctx: &Context, env: &Env<'_>, goal: Goal) -> Result<Evaluation, DateError> {
    let choice = Choice::new(ctx.kb, env, goal);
    let outcomes = shown_checks(ctx.kb, env, choice.recommended());
    Evaluation::new(ctx, env, outcomes, choice.applies(goal))
}

/// Every check of the task, plus whatever stands in the way of the recommended method and the
/// checks that are its own work. The work is information; a blocker of any other method only
/// warns.
fn shown_checks(
    kb: &'static Knowledge,
    env: &Env<'_>,
    chosen: Option<&Judged>,
) -> Vec<CheckOutcome> {
    let mut out = checks::evaluate_task(kb, TaskId::Realname, env);
    let Some(m) = chosen else {
        checks::demote_blockers(kb, &mut out, |_| false);
        return out;
    };
    let work: Vec<usize> = m
        .def
        .work
        .iter()
        .filter_map(|id| kb.check_idx(id))
        .collect();
    let extra = m
        .blockers
        .iter()
        .cloned()
        .chain(work.iter().map(|&i| checks::evaluate_one(kb, i, env)));
    for o in extra {
        if !out.iter().any(|x| x.check == o.check) {
            out.push(o);
        }
    }
    for o in out.iter_mut().filter(|o| work.contains(&o.check)) {
        o.severity = Severity::Info;
    }
    checks::demote_blockers(kb, &mut out, |i| m.blockers.iter().any(|b| b.check == i));
    out
}

pub fn parts(ctx: &Context, env: &Env<'_>, eval: &Evaluation, goal: Goal, lang: Lang) -> Parts {
    let kb = ctx.kb;
    let choice = Choice::new(kb, env, goal);
    let chosen = choice.recommended();
    let goal_def = kb.realname.goals.iter().find(|g| g.id == goal);
    Parts::Realname(RealnameParts {
        goal,
        goal_title: goal_def.map_or("", |g| g.title.get(lang)),
        methods: choice
            .methods
            .iter()
            .map(|m| method(kb, m, goal, lang))
            .collect(),
        recommended: chosen.map(|m| m.def.id.as_str()),
        plan: views::plan(kb, env.profile, &eval.plan, lang),
        ready_on: eval.plan.ready_on,
        requirements: chosen.map_or_else(Vec::new, |m| {
            views::notes(kb, &m.def.requirements, env, lang)
        }),
        notes: views::notes(kb, &kb.realname.notes, env, lang),
    })
}

fn method(kb: &'static Knowledge, m: &Judged, goal: Goal, lang: Lang) -> MethodView {
    let d = m.def;
    MethodView {
        id: &d.id,
        title: d.title.get(lang),
        applicable: m.applicable.known(),
        blocked_by: m.blockers_that_are(kb, Status::Fail),
        unknown: m.blockers_that_are(kb, Status::Unknown),
        achieves_goal: d.achieves.contains(&goal),
        duration: d.duration.get(lang),
        data: d.data.get(lang),
        function_impact: d.function_impact.get(lang),
        recoverable: d.recoverable,
        recovery: d.recovery.get(lang),
        path: d.path.get(lang),
        path_sources: views::strs(&d.path_sources),
        sources: views::strs(&d.sources),
        conflicts: views::conflicts(kb, &d.conflicts, lang),
    }
}
