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
#[derive(Debug)]
pub struct CheckOutcome {
    /// Index into `Knowledge::checks`.
    pub check: usize,
    pub severity: Severity,
    pub status: Status,
    /// Fields whose absence made the status unknown.
    pub missing: Missing,
}

// A batch keeps 26 outcomes a profile between its phases: they stay at 40 bytes each.
const _: () = assert!(std::mem::size_of::<CheckOutcome>() <= 40);

/// Copies the missing paths in one block (`SmallVec`'s own `clone` pushes them one by one;
/// realname clones many outcomes a profile). None or one, the usual case, is copied in place,
/// without a call to copy a block of unknown length.
impl Clone for CheckOutcome {
    fn clone(&self) -> CheckOutcome {
        let missing = match self.missing.as_slice() {
            [] => Missing::new(),
            &[one] => smallvec::smallvec![one],
            more => Missing::from_slice(more),
        };
        CheckOutcome { missing, ..*self }
    }
}

impl CheckOutcome {
    pub fn is(&self, severity: Severity, status: Status) -> bool {
        self.severity == severity && self.status == status
    }
}

/// The outcomes of a task at a glance: one bit per outcome, by its position in output order.
/// Worked out in one pass without a branch per outcome, so that the verdict, the checks to
/// plan and the summary's id lists need no scan of their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Every outcome.
    pub all: u64,
    pub fail: u64,
    pub unknown: u64,
    pub blocker: u64,
    pub warning: u64,
    /// Checks with no self-service remedy.
    pub manual: u64,
}

impl Tally {
    /// The most outcomes a tally holds: every check of the knowledge base, each at most once.
    pub const CAPACITY: usize = u64::BITS as usize;

    pub fn of(kb: &Knowledge, outcomes: &[CheckOutcome]) -> Tally {
        let mut t = Tally::default();
        for (i, o) in outcomes.iter().take(Self::CAPACITY).enumerate() {
            let bit = |b: bool| u64::from(b) << i;
            t.all |= 1 << i;
            t.fail |= bit(o.status == Status::Fail);
            t.unknown |= bit(o.status == Status::Unknown);
            t.blocker |= bit(o.severity == Severity::Blocker);
            t.warning |= bit(o.severity == Severity::Warning);
            t.manual |= bit(!kb.checks[o.check].self_service);
        }
        t
    }

    /// The outcomes of severity `severity` and status `status`.
    pub fn with(&self, severity: Severity, status: Status) -> u64 {
        let sev = match severity {
            Severity::Blocker => self.blocker,
            Severity::Warning => self.warning,
            Severity::Info => self.all & !(self.blocker | self.warning),
        };
        let st = match status {
            Status::Fail => self.fail,
            Status::Unknown => self.unknown,
            Status::Pass => self.all & !(self.fail | self.unknown),
        };
        sev & st
    }
}

/// The positions of the set bits of `mask`, lowest first.
pub fn positions(mask: u64) -> Positions {
    Positions(mask)
}

/// An iterator over the set bits of a mask (see [`positions`]).
#[derive(Debug, Clone, Copy)]
pub struct Positions(u64);

impl Iterator for Positions {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        (self.0 != 0).then(|| {
            let i = self.0.trailing_zeros() as usize;
            self.0 &= self.0 - 1;
            i
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.0.count_ones() as usize;
        (n, Some(n))
    }
}

/// Evaluates one check by index.
pub fn evaluate_one(kb: &Knowledge, idx: usize, env: &Env<'_>) -> CheckOutcome {
    let def = &kb.checks[idx];
    let mut missing = Missing::new();
    let fails = def
        .compiled
        .and_then(|n| super::compiled::fails(n.into(), env, &mut missing))
        .unwrap_or_else(|| def.fails_when.0.eval(env.profile, env, &mut missing));
    let status = match fails {
        Truth::True => Status::Fail,
        Truth::False => Status::Pass,
        Truth::Unknown => Status::Unknown,
    };
    // Most checks have no rule of their own: their severity is the default.
    let severity = match def.severity_when.is_empty() {
        true => def.severity,
        false => severity_of(kb, idx, env),
    };
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

    /// The outcome of check `idx` when it has been evaluated.
    pub fn evaluated(&self, idx: usize) -> Option<&CheckOutcome> {
        self.outcomes.get(idx)?.as_ref()
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
