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

use serde_json::json;

use super::result::{CauseStatus, CauseView, Parts, SymptomView, TroubleshootParts};
use super::views;
use super::{Context, Evaluation};
use crate::engine::checks::{self, positions, Tally};
use crate::engine::compiled::Code;
use crate::engine::truth::Missing;
use crate::engine::{CheckOutcome, DateError, Env, Status, Truth};
use crate::knowledge::{CauseDef, CheckTest, Condition, Knowledge};
use crate::lang::Lang;
use crate::message::{Message, Msg};
use crate::profile::error::hint;

/// The causes looked into, most likely first (by share, then id): those of the symptoms asked
/// about (indices), or of every symptom when none is.
fn candidates<'k, 's>(
    kb: &'k Knowledge,
    symptoms: &'s [usize],
) -> impl Iterator<Item = &'k CauseDef> + use<'k, 's> {
    let t = &kb.troubleshoot;
    t.by_rank
        .iter()
        .map(|&i| &t.causes[i])
        .filter(move |c| symptoms.is_empty() || symptoms.contains(&c.symptom_idx))
}

/// The checks the causes looked into rest on, each evaluated once, in check order, with their
/// statuses by check index.
struct Named {
    outcomes: Vec<CheckOutcome>,
    statuses: [Status; Tally::CAPACITY],
    /// The checks that fail and those that pass, one bit per check index.
    fail: u64,
    pass: u64,
}

impl Named {
    fn evaluate(kb: &Knowledge, env: &Env<'_>, symptoms: &[usize]) -> Named {
        let mask = candidates(kb, symptoms).fold(0, |m, c| m | c.check_mask);
        let mut named = Named {
            outcomes: Vec::with_capacity(mask.count_ones() as usize),
            statuses: [Status::Unknown; Tally::CAPACITY],
            fail: 0,
            pass: 0,
        };
        for i in positions(mask) {
            let o = checks::evaluate_one(kb, i, env);
            named.statuses[i] = o.status;
            named.fail |= u64::from(o.status == Status::Fail) << i;
            named.pass |= u64::from(o.status == Status::Pass) << i;
            named.outcomes.push(o);
        }
        named
    }

    /// What the causes' conditions are evaluated against: the profile and these statuses.
    fn env<'a>(&'a self, kb: &Knowledge, env: &Env<'a>) -> Env<'a> {
        Env {
            profile: env.profile,
            start: env.start,
            checks: &self.statuses[..kb.checks.len()],
        }
    }

    /// Keeps the outcomes of the checks in `mask` (one bit per check index), in output order.
    fn shown(mut self, kb: &Knowledge, mask: u64) -> Vec<CheckOutcome> {
        self.outcomes.retain(|o| mask >> o.check & 1 == 1);
        checks::sort(kb, &mut self.outcomes);
        self.outcomes
    }

    /// How the profile bears on cause `def`: likely when it shows what makes the cause happen,
    /// ruled out when it shows the cause cannot have happened, unknown otherwise. The fields a
    /// condition found missing go to `missing`.
    #[inline]
    fn status(&self, def: &CauseDef, env: &Env<'_>, missing: &mut Missing) -> CauseStatus {
        // A condition on checks alone is a mask test, answered in place; an absent one never
        // holds.
        let mut holds =
            |c: &Option<Condition>, test: Option<CheckTest>, code: &Option<Code>| match (test, c) {
                (Some(t), _) => t.eval(self.fail, self.pass),
                (None, Some(c)) => Named::judge(c, code.as_ref(), env, missing),
                (None, None) => Truth::False,
            };
        // A likely cause is not looked at further.
        match holds(&def.likely_when, def.likely_test, &def.likely_code) {
            Truth::True => CauseStatus::Likely,
            _ => match holds(&def.ruled_out_when, def.ruled_out_test, &def.ruled_out_code) {
                Truth::True => CauseStatus::RuledOut,
                _ => CauseStatus::Unknown,
            },
        }
    }

    /// A condition that reads fields: the code `build.rs` wrote for it, or walked when there
    /// is none.
    #[inline(never)]
    fn judge(c: &Condition, code: Option<&Code>, env: &Env<'_>, missing: &mut Missing) -> Truth {
        code.and_then(|code| code.holds(env, missing))
            .unwrap_or_else(|| c.0.eval(env.profile, env, missing))
    }
}

/// A cause judged for one profile.
struct Judged {
    def: &'static CauseDef,
    status: CauseStatus,
    /// Fields that would settle an unknown cause.
    missing: Missing,
}

impl Judged {
    /// The cause's status and, when it is unknown, the fields that would settle it.
    fn new(def: &'static CauseDef, env: &Env<'_>, named: &Named) -> Judged {
        let mut missing = Missing::new();
        let status = named.status(def, env, &mut missing);
        if status != CauseStatus::Unknown {
            missing.clear();
        } else {
            // A named check that is unknown says which fields it lacks.
            let unknown = named
                .outcomes
                .iter()
                .filter(|o| o.status == Status::Unknown && def.check_mask >> o.check & 1 == 1);
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
/// output order. `symptoms` are indices of the symptoms asked about; empty for all, and then
/// the causes the profile rules out are not listed.
fn judge(
    kb: &'static Knowledge,
    env: &Env<'_>,
    symptoms: &[usize],
) -> (Vec<Judged>, Vec<CheckOutcome>) {
    let asked = !symptoms.is_empty();
    let named = Named::evaluate(kb, env, symptoms);
    let cenv = named.env(kb, env);
    let mut judged: Vec<Judged> = candidates(kb, symptoms)
        .map(|c| Judged::new(c, &cenv, &named))
        .filter(|j| asked || j.status != CauseStatus::RuledOut)
        .collect();
    // Candidates come most likely first: a stable sort by status keeps that within each.
    judged.sort_by_key(|j| j.status);
    let listed = judged.iter().fold(0, |m, j| m | j.def.check_mask);
    (judged, named.shown(kb, listed))
}

/// Judges the causes (each check they rest on evaluated once) and plans; the likely causes
/// are kept for the short result, most likely first. Only the statuses are worked out here,
/// not the fields an unknown cause lacks (the full result's `judge` does that).
pub fn evaluate(ctx: &Context, env: &Env<'_>, symptoms: &[usize]) -> Result<Evaluation, DateError> {
    let kb = ctx.kb;
    let asked = !symptoms.is_empty();
    let named = Named::evaluate(kb, env, symptoms);
    let cenv = named.env(kb, env);
    let mut scratch = Missing::new();
    let (mut applies, mut listed) = (false, 0);
    let mut likely = Vec::new();
    for c in candidates(kb, symptoms) {
        let status = named.status(c, &cenv, &mut scratch);
        scratch.clear();
        applies |= status != CauseStatus::RuledOut;
        if asked || status != CauseStatus::RuledOut {
            listed |= c.check_mask;
        }
        if status == CauseStatus::Likely {
            likely.push(c.id.as_str());
        }
    }
    // Every cause ruled out (or none listed): nothing here explains the symptom.
    let mut eval = Evaluation::new(ctx, env, named.shown(kb, listed), Truth::from_bool(applies))?;
    eval.likely = likely;
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
