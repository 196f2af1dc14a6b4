//! The checks' conditions as Rust code: `build.rs` writes them from `data/checks.json`, each part
//! a call of the function the interpreter uses for it (`engine::truth`), so that a batch judges a
//! condition without walking its tree. The interpreter stays the reference: a check uses this
//! code only when the knowledge base loaded the very condition it was generated from
//! ([`number`]), and a property test holds the two to the same answers.

// Which of these the code uses depends on the data.
#[allow(unused_imports)]
use {
    super::truth::{after_start, any_item, cmp, kleene_any, known, nonempty, one_of, whole},
    crate::profile::field::{Facts, Field, ItemList, ListField, ListOf},
};

use super::truth::Missing;
use super::{Env, Truth};
use crate::knowledge::predicate::{CmpOp, Lit};

include!(concat!(env!("OUT_DIR"), "/conditions.rs"));

/// The number of the code written for check `id`, when it was written from `condition`: known
/// when the knowledge base loaded the checks.json this code was written from (`as_built`),
/// else compared.
pub fn number(id: &str, condition: &serde_json::Value, as_built: bool) -> Option<u8> {
    let n = IDS.iter().position(|&i| i == id)?;
    let same = as_built
        || serde_json::from_str::<serde_json::Value>(SOURCES[n]).is_ok_and(|s| s == *condition);
    same.then_some(n as u8)
}
