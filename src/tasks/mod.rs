//! The task subcommands. Each module reads like the plan it prints: evaluate the profile
//! (cheap, no texts), then build the full result in the requested language.

pub mod deactivate;
pub mod result;
pub mod views;

use jiff::civil::Date;

use crate::engine::{Calendar, CheckOutcome, Env, Plan, Severity, Status, Verdict};
use crate::knowledge::{Knowledge, TaskId};
use crate::lang::Lang;
use crate::profile::model::Profile;
use result::{ResultSummary, TaskResult, SCHEMA_VERSION};

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
    pub verdict: Verdict,
    pub plan: Plan,
}

/// A task subcommand with its own options.
#[derive(Debug, Clone)]
pub enum Task {
    Deactivate,
}

impl Task {
    pub fn id(&self) -> TaskId {
        match self {
            Task::Deactivate => TaskId::Deactivate,
        }
    }

    pub fn evaluate(&self, ctx: &Context, profile: &Profile) -> Evaluation {
        let env = Env {
            profile,
            start: ctx.start,
            checks: &[],
        };
        match self {
            Task::Deactivate => deactivate::evaluate(ctx, &env),
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
        };
        TaskResult {
            schema_version: SCHEMA_VERSION,
            command: self.id(),
            source: source.to_string(),
            id: profile.id.clone(),
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
        eval: &Evaluation,
    ) -> ResultSummary<'a> {
        let ids = |sev: Severity, st: Status| -> Vec<&'static str> {
            eval.outcomes
                .iter()
                .filter(|o| o.is(sev, st))
                .map(|o| ctx.kb.checks[o.check].id.as_str())
                .collect()
        };
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
        }
    }
}
