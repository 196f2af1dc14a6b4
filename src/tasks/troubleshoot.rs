//! `wxacct troubleshoot`: why a deletion, a real-name removal or a QQ unbinding failed
//! (SPEC §4.4).
//!
//! Evaluate the checks the causes rest on, with the same logic as the planning tasks; judge
//! each cause by its two rules in the data against those outcomes and the profile (likely only
//! when the profile shows what makes it happen, ruled out when it shows it cannot have
//! happened, unknown otherwise; a cause no field can settle stays unknown); rank the causes. With
//! `--symptom`, every cause of those symptoms is listed; without, every cause the profile
//! shows (likely or unknown) across all symptoms. The verdict is `not-applicable` when the
//! profile rules out every listed cause; otherwise it comes from the checks the listed causes
//! rest on, as in every task: blocked when one fails, incomplete when one is unknown.

use std::cmp::Reverse;

use serde_json::json;

use super::result::{CauseStatus, CauseView, Parts, SymptomView, TroubleshootParts};
use super::views;
use super::{Context, Evaluation};
use crate::engine::truth::Missing;
use crate::engine::{checks, CheckOutcome, DateError, Env, Status, Truth};
use crate::knowledge::{CauseDef, Condition, Knowledge};
use crate::lang::Lang;
use crate::message::{Message, Msg};
use crate::profile::error::hint;

/// A cause judged for one profile.
struct Judged {
    def: &'static CauseDef,
    status: CauseStatus,
    /// Fields that would settle an unknown cause.
    missing: Missing,
}

impl Judged {
    /// Likely when the profile shows what makes the cause happen; ruled out when it shows the
    /// cause cannot have happened; unknown otherwise, with the fields that would settle it.
    fn new(def: &'static CauseDef, env: &Env<'_>, outcomes: &[CheckOutcome]) -> Judged {
        let mut missing = Missing::new();
        let mut holds = |c: &Option<Condition>| {
            c.as_ref()
                .map_or(Truth::False, |c| c.0.eval(env.profile, env, &mut missing))
        };
        // A likely cause is not looked at further.
        let status = match holds(&def.likely_when) {
            Truth::True => CauseStatus::Likely,
            _ => match holds(&def.ruled_out_when) {
                Truth::True => CauseStatus::RuledOut,
                _ => CauseStatus::Unknown,
            },
        };
        if status != CauseStatus::Unknown {
            missing.clear();
        } else {
            // A named check that is unknown says which fields it lacks.
            let unknown = outcomes
                .iter()
                .filter(|o| o.status == Status::Unknown && def.checks.contains(&o.check));
            for f in unknown.flat_map(|o| &o.missing) {
                if !missing.contains(f) {
                    missing.push(f);
                }
            }
        }
        Judged {
            def,
            status,
            missing,
        }
    }
}

/// The causes listed for the profile, ranked, and the outcomes of the checks they rest on, in
/// output order. `symptoms` are indices of the symptoms asked about; empty for all.
fn judge(
    kb: &'static Knowledge,
    env: &Env<'_>,
    symptoms: &[usize],
) -> (Vec<Judged>, Vec<CheckOutcome>) {
    let asked = !symptoms.is_empty();
    let causes = &kb.troubleshoot.causes;
    let mut candidates: Vec<&'static CauseDef> = Vec::with_capacity(causes.len());
    candidates.extend(
        causes
            .iter()
            .filter(|c| !asked || symptoms.contains(&c.symptom_idx)),
    );
    // Each check some cause rests on, evaluated once.
    let mut named = vec![false; kb.checks.len()];
    for &i in candidates.iter().flat_map(|c| &c.checks) {
        named[i] = true;
    }
    let mut outcomes: Vec<CheckOutcome> = Vec::with_capacity(named.len());
    outcomes.extend(
        (0..named.len())
            .filter(|&i| named[i])
            .map(|i| checks::evaluate_one(kb, i, env)),
    );
    let mut statuses = vec![Status::Unknown; kb.checks.len()];
    for o in &outcomes {
        statuses[o.check] = o.status;
    }
    let env = Env {
        profile: env.profile,
        start: env.start,
        checks: &statuses,
    };
    let mut judged: Vec<Judged> = Vec::with_capacity(candidates.len());
    judged.extend(
        candidates
            .into_iter()
            .map(|c| Judged::new(c, &env, &outcomes))
            .filter(|j| asked || j.status != CauseStatus::RuledOut),
    );
    // Cause ids are unique: the order is total, and an unstable sort gives it.
    judged.sort_unstable_by_key(|j| (j.status, Reverse(j.def.share_percent), j.def.id.as_str()));
    // The checks the listed causes rest on.
    named.fill(false);
    for &i in judged.iter().flat_map(|j| &j.def.checks) {
        named[i] = true;
    }
    outcomes.retain(|o| named[o.check]);
    let mut shown = outcomes;
    checks::sort(kb, &mut shown);
    (judged, shown)
}

/// Judges the causes (each check they rest on evaluated once) and plans; the likely causes
/// are kept for the short result.
pub fn evaluate(ctx: &Context, env: &Env<'_>, symptoms: &[usize]) -> Result<Evaluation, DateError> {
    let (causes, outcomes) = judge(ctx.kb, env, symptoms);
    // Every cause ruled out (or none listed): nothing here explains the symptom.
    let applies = Truth::from_bool(causes.iter().any(|j| j.status != CauseStatus::RuledOut));
    let mut eval = Evaluation::new(ctx, env, outcomes, applies)?;
    eval.likely = causes
        .iter()
        .filter(|j| j.status == CauseStatus::Likely)
        .map(|j| j.def.id.as_str())
        .collect();
    Ok(eval)
}

pub fn parts(
    ctx: &Context,
    env: &Env<'_>,
    eval: &Evaluation,
    symptoms: &[usize],
    lang: Lang,
) -> Parts {
    let kb = ctx.kb;
    let (causes, _) = judge(kb, env, symptoms);
    let looked_into = kb
        .troubleshoot
        .symptoms
        .iter()
        .enumerate()
        .filter(|(i, _)| symptoms.is_empty() || symptoms.contains(i))
        .map(|(_, s)| SymptomView {
            id: &s.id,
            title: s.title.get(lang),
            sources: views::strs(&s.sources),
        })
        .collect();
    Parts::Troubleshoot(TroubleshootParts {
        symptoms: looked_into,
        ruled_out_listed: !symptoms.is_empty(),
        causes: causes.iter().map(|j| cause(kb, j, lang)).collect(),
        plan: views::plan(ctx, env, &eval.plan, lang),
        ready_on: eval.plan.ready_on,
    })
}

fn cause(kb: &'static Knowledge, j: &Judged, lang: Lang) -> CauseView {
    let d = j.def;
    CauseView {
        id: &d.id,
        symptom: &d.symptom,
        share_percent: d.share_percent,
        status: j.status,
        title: d.title.get(lang),
        remedy: d.remedy.get(lang),
        checks: d.checks.iter().map(|&i| kb.checks[i].id.as_str()).collect(),
        decidable: d.likely_when.is_some() || d.ruled_out_when.is_some(),
        missing: j.missing.to_vec(),
        sources: views::strs(&d.sources),
        conflicts: views::conflicts(kb, &d.conflicts, lang),
    }
}

/// The indices of the symptoms named by `ids`, in order, each once; an unknown id is an error
/// naming the nearest id and every valid one.
pub fn symptom_indices(kb: &Knowledge, ids: &[String]) -> Result<Vec<usize>, Message> {
    let mut out = Vec::new();
    for id in ids {
        let Some(i) = kb.symptom_idx(id) else {
            let valid = kb.troubleshoot.symptoms.iter().map(|s| s.id.as_str());
            let list: Vec<&str> = valid.clone().collect();
            return Err(Message::new(Msg::UnknownSymptom)
                .with("id", id.as_str())
                .with("values", list.join(", "))
                .then(hint(id, valid)));
        };
        if !out.contains(&i) {
            out.push(i);
        }
    }
    Ok(out)
}

/// Every symptom id with its one-line description: aligned text, or a JSON array.
pub fn symptom_list(kb: &Knowledge, lang: Lang, as_json: bool) -> String {
    let symptoms = &kb.troubleshoot.symptoms;
    if as_json {
        let list: Vec<_> = symptoms
            .iter()
            .map(|s| {
                let causes = kb.troubleshoot.cause_ids(&s.id);
                json!({ "id": s.id, "title": s.title.get(lang), "causes": causes, "sources": s.sources })
            })
            .collect();
        return format!(
            "{}\n",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    }
    let width = symptoms.iter().map(|s| s.id.len()).max().unwrap_or(0);
    symptoms
        .iter()
        .map(|s| format!("{:<width$}  {}\n", s.id, s.title.get(lang)))
        .collect()
}
