//! The engine: evaluates checks, builds dated plans and timelines. It knows no facts of its
//! own; everything comes from the knowledge base.

pub mod calendar;
pub mod card_limits;
pub mod checks;
pub mod compiled;
pub mod planner;
pub mod timeline;
pub mod truth;
pub mod verdict;

pub use crate::knowledge::Severity;
pub use calendar::Calendar;
pub use checks::{CheckOutcome, Status};
pub use planner::{DateError, Plan, PlannedAction, ReadyOn, Window};
pub use truth::{Env, Truth};
pub use verdict::{FailOn, Verdict};
