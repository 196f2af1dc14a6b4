//! Running the checks of the knowledge base against a profile.

use schemars::JsonSchema;
use serde::Serialize;

use super::truth::{Env, Missing, Truth};
use crate::knowledge::{Knowledge, Severity, TaskId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Unknown,
}

/// The outcome of one check: lightweight, no texts.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    /// Index into `Knowledge::checks`.
    pub check: usize,
    pub severity: Severity,
    pub status: Status,
    /// Fields whose absence made the status unknown.
    pub missing: Missing,
}

impl CheckOutcome {
    pub fn is(&self, severity: Severity, status: Status) -> bool {
        self.severity == severity && self.status == status
    }
}

/// Evaluates one check by index.
pub fn evaluate_one(kb: &Knowledge, idx: usize, env: &Env<'_>) -> CheckOutcome {
    let def = &kb.checks[idx];
    let mut missing = Missing::new();
    let status = match def.fails_when.0.eval(env.profile, env, &mut missing) {
        Truth::True => Status::Fail,
        Truth::False => Status::Pass,
        Truth::Unknown => Status::Unknown,
    };
    let severity = severity_of(kb, idx, env);
    CheckOutcome {
        check: idx,
        severity,
        status,
        missing,
    }
}

/// The severity of a check for this profile: the first rule that holds, else the default.
/// A rule that may hold (its condition is unknown) applies when it is the stricter one.
fn severity_of(kb: &Knowledge, idx: usize, env: &Env<'_>) -> Severity {
    let def = &kb.checks[idx];
    let mut scratch = Missing::new();
    for rule in &def.severity_when {
        match rule.when.0.eval(env.profile, env, &mut scratch) {
            Truth::True => return rule.severity,
            Truth::Unknown if rule.severity < def.severity => return rule.severity,
            _ => {}
        }
    }
    def.severity
}

/// The checks of a task, in output order, and whether any can change severity per profile
/// (only then must outcomes be sorted again). Worked out once per task.
fn task_checks(kb: &Knowledge, task: TaskId) -> &'static (Vec<usize>, bool) {
    use std::sync::OnceLock;
    static CACHE: [OnceLock<(Vec<usize>, bool)>; 4] = [const { OnceLock::new() }; 4];
    let slot = TaskId::ALL.iter().position(|t| *t == task).unwrap_or(0);
    CACHE[slot].get_or_init(|| {
        let ids: Vec<usize> = (0..kb.checks.len())
            .filter(|&i| kb.checks[i].tasks.contains(&task))
            .collect();
        let varies = ids.iter().any(|&i| !kb.checks[i].severity_when.is_empty());
        (ids, varies)
    })
}

/// Evaluates every check that belongs to `task`, in output order (severity, then id).
pub fn evaluate_task(kb: &Knowledge, task: TaskId, env: &Env<'_>) -> Vec<CheckOutcome> {
    let (ids, varies) = task_checks(kb, task);
    let mut out: Vec<CheckOutcome> = ids.iter().map(|&i| evaluate_one(kb, i, env)).collect();
    if *varies {
        sort(kb, &mut out);
    }
    out
}

/// The outcomes of one profile's checks, each evaluated once however many parts of a task ask
/// for it (realname's methods share their blockers with each other and with the task).
pub struct Memo<'a> {
    kb: &'a Knowledge,
    env: &'a Env<'a>,
    outcomes: Vec<Option<CheckOutcome>>,
}

impl<'a> Memo<'a> {
    pub fn new(kb: &'a Knowledge, env: &'a Env<'a>) -> Memo<'a> {
        Memo {
            kb,
            env,
            outcomes: vec![None; kb.checks.len()],
        }
    }

    /// The outcome of check `idx`, evaluated on first use.
    pub fn get(&mut self, idx: usize) -> &CheckOutcome {
        let (kb, env) = (self.kb, self.env);
        self.outcomes[idx].get_or_insert_with(|| evaluate_one(kb, idx, env))
    }

    /// Every check that belongs to `task`, in output order, as [`evaluate_task`] gives them.
    pub fn task(&mut self, task: TaskId) -> Vec<CheckOutcome> {
        let (ids, varies) = task_checks(self.kb, task);
        let mut out: Vec<CheckOutcome> = ids.iter().map(|&i| self.get(i).clone()).collect();
        if *varies {
            sort(self.kb, &mut out);
        }
        out
    }
}

/// Puts outcomes in output order; severity can differ from the default, so sort again.
pub fn sort(kb: &Knowledge, outcomes: &mut [CheckOutcome]) {
    // Each check is in the list once: the order is total, and an unstable sort gives it.
    outcomes.sort_unstable_by_key(|o| (o.severity, kb.checks[o.check].id_rank));
}

/// Turns the blockers that stand in the way of nothing the task will do into warnings (those
/// `blocks` rejects), then restores the output order.
pub fn demote_blockers(
    kb: &Knowledge,
    outcomes: &mut [CheckOutcome],
    blocks: impl Fn(usize) -> bool,
) {
    for o in outcomes.iter_mut() {
        if o.severity == Severity::Blocker && !blocks(o.check) {
            o.severity = Severity::Warning;
        }
    }
    sort(kb, outcomes);
}
