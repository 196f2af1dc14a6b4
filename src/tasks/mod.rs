//! The task subcommands. Each module reads like the plan it prints: evaluate the profile
//! (cheap, no texts), then build the full result in the requested language.

pub mod deactivate;
pub mod realname;
pub mod result;
pub mod troubleshoot;
pub mod unbind_qq;
pub mod views;

use jiff::civil::Date;

use crate::engine::checks::{self, Tally};
use crate::engine::{planner, verdict};
use crate::engine::{
    Calendar, CheckOutcome, DateError, Env, Plan, Severity, Status, Truth, Verdict,
};
use crate::knowledge::{Goal, Knowledge, TaskId};
use crate::lang::Lang;
use crate::profile::model::Profile;
use result::{Ids, ResultSummary, TaskResult, SCHEMA_VERSION};

/// Everything a task needs besides the profile.
pub struct Context {
    pub kb: &'static Knowledge,
    pub start: Date,
    pub calendar: Calendar,
}

/// A task's verdict and plan for one profile, before any text is attached.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub outcomes: Vec<CheckOutcome>,
    /// The tally of `outcomes`, one bit per outcome. Whatever changes the outcomes after
    /// [`Evaluation::new`] goes through [`Evaluation::show_also`], which keeps it.
    pub tally: Tally,
    pub verdict: Verdict,
    pub plan: Plan,
    /// Ids of the causes the profile shows, most likely first (`troubleshoot` only).
    pub likely: Vec<&'static str>,
}

impl Evaluation {
    /// The verdict and the dated plan for `outcomes`; `applies` says whether the task has
    /// anything to do. A task that does not apply plans nothing. A date past the end of the
    /// calendar is an error naming its step.
    pub fn new(
        ctx: &Context,
        env: &Env<'_>,
        outcomes: Vec<CheckOutcome>,
        applies: Truth,
    ) -> Result<Evaluation, DateError> {
        let tally = Tally::of(ctx.kb, &outcomes);
        let verdict = Verdict::of(&tally, applies);
        let provisional = verdict::provisional(&tally, applies);
        // A task that does not apply plans nothing.
        let planned = match applies {
            Truth::False => Tally::default(),
            _ => tally,
        };
        let plan = planner::build(ctx.kb, &outcomes, &planned, env, &ctx.calendar, provisional)?;
        Ok(Evaluation {
            outcomes,
            tally,
            verdict,
            plan,
            likely: Vec::new(),
        })
    }

    /// Adds outcomes that are shown but neither planned nor counted (severity `info`), in
    /// output order.
    pub fn show_also(&mut self, kb: &Knowledge, extra: Vec<CheckOutcome>) {
        debug_assert!(extra.iter().all(|o| o.severity == Severity::Info));
        if extra.is_empty() {
            return;
        }
        self.outcomes.extend(extra);
        checks::sort(kb, &mut self.outcomes);
        self.tally = Tally::of(kb, &self.outcomes);
    }
}

/// A task subcommand with its own options.
#[derive(Debug, Clone)]
pub enum Task {
    Deactivate,
    Realname {
        goal: Goal,
    },
    UnbindQq,
    /// The symptoms asked about, by index; empty for every cause the profile shows.
    Troubleshoot {
        symptoms: Vec<usize>,
    },
}

impl Task {
    pub fn id(&self) -> TaskId {
        match self {
            Task::Deactivate => TaskId::Deactivate,
            Task::Realname { .. } => TaskId::Realname,
            Task::UnbindQq => TaskId::UnbindQq,
            Task::Troubleshoot { .. } => TaskId::Troubleshoot,
        }
    }

    /// The verdict and the dated plan, or the step whose date cannot be computed.
    pub fn evaluate(&self, ctx: &Context, profile: &Profile) -> Result<Evaluation, DateError> {
        let env = Env {
            profile,
            start: ctx.start,
            checks: &[],
        };
        match self {
            Task::Deactivate => deactivate::evaluate(ctx, &env),
            Task::Realname { goal } => realname::evaluate(ctx, &env, *goal),
            Task::UnbindQq => unbind_qq::evaluate(ctx, &env),
            Task::Troubleshoot { symptoms } => troubleshoot::evaluate(ctx, &env, symptoms),
        }
    }

    /// The full result, with texts in `lang`.
    pub fn result(
        &self,
        ctx: &Context,
        profile: &Profile,
        source: &str,
        eval: &Evaluation,
        lang: Lang,
    ) -> TaskResult {
        let env = Env {
            profile,
            start: ctx.start,
            checks: &[],
        };
        let parts = match self {
            Task::Deactivate => deactivate::parts(ctx, &env, eval, lang),
            Task::Realname { goal } => realname::parts(ctx, &env, eval, *goal, lang),
            Task::UnbindQq => unbind_qq::parts(ctx, &env, eval, lang),
            Task::Troubleshoot { symptoms } => troubleshoot::parts(ctx, &env, eval, symptoms, lang),
        };
        TaskResult {
            schema_version: SCHEMA_VERSION,
            command: self.id(),
            source: source.to_string(),
            id: profile.id.as_deref().map(str::to_string),
            verdict: eval.verdict,
            checks: views::checks(ctx.kb, &eval.outcomes, lang),
            parts,
            references: views::references(ctx.kb, lang),
        }
    }

    /// The short result: verdict, failed and unknown check ids, ready date.
    pub fn summary<'a>(
        &self,
        ctx: &Context,
        profile: &'a Profile,
        source: &'a str,
        eval: &'a Evaluation,
    ) -> ResultSummary<'a> {
        let tally = eval.tally;
        debug_assert_eq!(tally, Tally::of(ctx.kb, &eval.outcomes));
        let ids = |sev: Severity, st: Status| Ids::new(ctx.kb, &eval.outcomes, tally.with(sev, st));
        ResultSummary {
            schema_version: SCHEMA_VERSION,
            command: self.id(),
            source,
            id: profile.id.as_deref(),
            verdict: eval.verdict,
            failed: ids(Severity::Blocker, Status::Fail),
            unknown: ids(Severity::Blocker, Status::Unknown),
            warnings: ids(Severity::Warning, Status::Fail),
            ready_on: eval.plan.ready_on,
            likely: eval.likely.clone(),
        }
    }
}
