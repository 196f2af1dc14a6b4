//! The verdict of a task for one profile, and what it means for the exit code.

use schemars::JsonSchema;
use serde::Serialize;

use super::checks::{Status, Tally};
use super::truth::Truth;
use crate::knowledge::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Ready,
    Blocked,
    Incomplete,
    NotApplicable,
}

impl Verdict {
    pub const ALL: &'static [Verdict] = &[
        Verdict::Ready,
        Verdict::Blocked,
        Verdict::Incomplete,
        Verdict::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Blocked => "blocked",
            Verdict::Incomplete => "incomplete",
            Verdict::NotApplicable => "not-applicable",
        }
    }

    /// `applies` says whether the task has anything to do for this profile.
    pub fn of(tally: &Tally, applies: Truth) -> Verdict {
        if applies == Truth::False {
            return Verdict::NotApplicable;
        }
        let blocker = |s| tally.with(Severity::Blocker, s) != 0;
        if blocker(Status::Fail) {
            Verdict::Blocked
        } else if blocker(Status::Unknown) || applies == Truth::Unknown {
            Verdict::Incomplete
        } else {
            Verdict::Ready
        }
    }
}

/// Whether a plan's date rests on unknowns: some blocker is unknown, or it is unknown
/// whether the task applies at all.
pub fn provisional(tally: &Tally, applies: Truth) -> bool {
    applies == Truth::Unknown || tally.with(Severity::Blocker, Status::Unknown) != 0
}

/// Which verdicts make the run fail (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail when a profile is blocked.
    Blocked,
    /// Fail when a profile is blocked or incomplete.
    Incomplete,
    /// Never fail because of a verdict.
    Never,
}

impl FailOn {
    pub fn fails(self, v: Verdict) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Blocked => v == Verdict::Blocked,
            FailOn::Incomplete => matches!(v, Verdict::Blocked | Verdict::Incomplete),
        }
    }
}
