//! The conditions of the data as Rust code: `build.rs` writes them from `data/checks.json` (each
//! check's `fails_when`) and `data/troubleshoot.json` (each cause's `likely_when` and
//! `ruled_out_when`), each part a call of the function the interpreter uses for it
//! (`engine::truth`), so that a batch judges a condition without walking its tree. The
//! interpreter stays the reference: a condition uses this code only when the knowledge base
//! loaded the very condition it was written from ([`number`], [`Code::of`]), and property tests
//! hold the two to the same answers.

// Which of these the code uses depends on the data.
#[allow(unused_imports)]
use {
    super::truth::{
        after_start, any_item, checked, cmp, kleene_any, known, nonempty, one_of, whole,
    },
    crate::profile::field::{Facts, Field, ItemList, ListField, ListOf},
};

use super::truth::Missing;
use super::{Env, Truth};
use crate::knowledge::predicate::{CmpOp, Condition, Lit};

include!(concat!(env!("OUT_DIR"), "/conditions.rs"));

/// The position of `name` in `names` when the condition written there is `condition`: known
/// when the knowledge base loaded the data file the code was written from (`as_built`), else
/// compared.
fn numbered<K: PartialEq>(
    names: &[K],
    sources: &[&str],
    name: &K,
    condition: &serde_json::Value,
    as_built: bool,
) -> Option<u8> {
    let n = names.iter().position(|i| i == name)?;
    let same = as_built
        || serde_json::from_str::<serde_json::Value>(sources[n]).is_ok_and(|s| s == *condition);
    u8::try_from(n).ok().filter(|_| same)
}

/// The number of the code written for check `id`, when it was written from `condition`: known
/// when the knowledge base loaded the checks.json this code was written from (`as_built`),
/// else compared.
pub fn number(id: &str, condition: &serde_json::Value, as_built: bool) -> Option<u8> {
    numbered(&IDS, &SOURCES, &id, condition, as_built)
}

/// The code written for one of a cause's conditions, with the checks its `check` parts read.
#[derive(Debug, Clone)]
pub struct Code {
    number: u8,
    /// The index of the check each `check` part names, in the order they are written.
    refs: Vec<usize>,
}

impl Code {
    /// The code for condition `key` (`likely_when` or `ruled_out_when`) of cause `id`, when it
    /// was written from `condition` as loaded (see [`number`]); `refs` are the indices of the
    /// checks the condition names, in the order written.
    pub fn of(
        id: &str,
        key: &str,
        condition: &Condition,
        refs: Vec<usize>,
        as_built: bool,
    ) -> Option<Code> {
        let names = &CAUSE_CONDITIONS;
        let number = numbered(names, &CAUSE_SOURCES, &(id, key), &condition.1, as_built)?;
        Some(Code { number, refs })
    }

    /// Whether the condition holds for the profile and the check statuses of `env`, as the
    /// interpreter judges it; the fields an unknown answer lacks go to `m`.
    #[inline(always)]
    pub fn holds(&self, env: &Env<'_>, m: &mut Missing) -> Option<Truth> {
        holds(self.number.into(), env, m, &self.refs)
    }
}
