//! The one-profile report as a small view model, answer first: the headline (verdict, counts,
//! date), the next steps, the plan rows, the findings sorted by what they ask of the reader,
//! and the footnotes. Built from a finished [`TaskResult`]; nothing here is decided anew.

use jiff::civil::Date;

use crate::engine::{ReadyOn, Severity, Status, Verdict};
use crate::tasks::result::{ActionView, CheckView, Parts, TaskResult};

/// A check and the plan steps (numbered from 1) that clear it.
#[derive(Debug)]
pub struct Finding<'r> {
    pub check: &'r CheckView,
    pub steps: Vec<usize>,
}

/// The checks, by what they ask of the reader.
#[derive(Debug, Default)]
pub struct Findings<'r> {
    /// Failed blockers.
    pub to_clear: Vec<Finding<'r>>,
    /// Blockers that need a fact.
    pub unknown: Vec<Finding<'r>>,
    /// Failed warnings.
    pub warnings: Vec<Finding<'r>>,
    /// Warnings that need a fact.
    pub unknown_warnings: Vec<Finding<'r>>,
    /// Information checks that did not pass.
    pub info: Vec<Finding<'r>>,
    pub passed: Vec<Finding<'r>>,
}

impl Findings<'_> {
    pub fn total(&self) -> usize {
        self.to_clear.len()
            + self.unknown.len()
            + self.warnings.len()
            + self.unknown_warnings.len()
            + self.info.len()
            + self.passed.len()
    }
}

#[derive(Debug)]
pub struct View<'r> {
    pub result: &'r TaskResult,
    /// The day the plan starts (`--start`).
    pub start: Date,
    pub ready_on: Option<ReadyOn>,
    pub plan: &'r [ActionView],
    /// The steps to take first: those that start on the plan's first day.
    pub next: Vec<usize>,
    pub findings: Findings<'r>,
}

impl<'r> View<'r> {
    pub fn new(result: &'r TaskResult, start: Date) -> View<'r> {
        let (plan, ready_on): (&[ActionView], _) = match &result.parts {
            Parts::Deactivate(p) => (&p.plan, p.ready_on),
            Parts::Realname(p) => (&p.plan, p.ready_on),
            Parts::UnbindQq(p) => (&p.plan, p.ready_on),
            Parts::Troubleshoot(p) => (&p.plan, p.ready_on),
        };
        let first = plan.iter().map(|a| a.start).min();
        let next = numbered(plan)
            .filter(|(_, a)| Some(a.start) == first)
            .map(|(n, _)| n)
            .collect();
        let mut findings = Findings::default();
        for check in &result.checks {
            let steps = numbered(plan)
                .filter(|(_, a)| a.check == check.id)
                .map(|(n, _)| n)
                .collect();
            let f = Finding { check, steps };
            let list = match (check.status, check.severity) {
                (Status::Pass, _) => &mut findings.passed,
                (Status::Fail, Severity::Blocker) => &mut findings.to_clear,
                (Status::Unknown, Severity::Blocker) => &mut findings.unknown,
                (Status::Fail, Severity::Warning) => &mut findings.warnings,
                (Status::Unknown, Severity::Warning) => &mut findings.unknown_warnings,
                (_, Severity::Info) => &mut findings.info,
            };
            list.push(f);
        }
        View {
            result,
            start,
            ready_on,
            plan,
            next,
            findings,
        }
    }

    pub fn verdict(&self) -> Verdict {
        self.result.verdict
    }
}

/// Plan actions with their step numbers, from 1.
pub fn numbered(plan: &[ActionView]) -> impl Iterator<Item = (usize, &ActionView)> {
    plan.iter().enumerate().map(|(i, a)| (i + 1, a))
}
