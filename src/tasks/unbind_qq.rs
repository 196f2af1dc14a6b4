//! `wxacct unbind-qq`: unbind the QQ number from WeChat (SPEC §4.3).
//!
//! Check what stands in the way, give the path and the verification for the platform in the
//! scenario the profile implies, say what the unbinding changes for this profile, the platform's
//! risks, the alternatives, the special-case playbooks that apply, and the aftercare.

use super::result::{
    AlternativeView, ImpactStatus, ImpactView, Parts, PathView, PlatformVerificationView,
    PlaybookView, RatedView, RatingView, RiskView, UnbindQqParts, VerificationView,
};
use super::views;
use super::{Context, Evaluation};
use crate::engine::truth::Missing;
use crate::engine::{checks, DateError, Env, Truth};
use crate::knowledge::{
    Affected, AlternativeDef, Condition, ImpactDef, Knowledge, PlatformRisks, PlaybookDef, Rated,
    ScenarioDef, TaskId,
};
use crate::lang::Lang;
use crate::profile::model::Platform;

pub fn evaluate(ctx: &Context, env: &Env<'_>) -> Result<Evaluation, DateError> {
    let kb = ctx.kb;
    let applies = eval(&kb.unbind_qq.applies, env).0;
    let mut outcomes = checks::evaluate_task(kb, TaskId::UnbindQq, env);
    if applies == Truth::False {
        // Nothing to unbind: nothing stands in the way of anything.
        checks::demote_blockers(kb, &mut outcomes, |_| false);
    }
    Evaluation::new(ctx, env, outcomes, applies)
}

/// A condition on the profile, with the fields that left it unknown.
fn eval(c: &Condition, env: &Env<'_>) -> (Truth, Missing) {
    let mut missing = Missing::new();
    (c.0.eval(env.profile, env, &mut missing), missing)
}

pub fn parts(ctx: &Context, env: &Env<'_>, eval: &Evaluation, lang: Lang) -> Parts {
    let kb = ctx.kb;
    let q = &kb.unbind_qq;
    let platform = env.profile.platform;
    // An unknown platform shows every platform.
    let shown = |p: Platform| platform.is_none_or(|x| x == p);
    Parts::UnbindQq(UnbindQqParts {
        plan: views::plan(ctx, env, &eval.plan, lang),
        ready_on: eval.plan.ready_on,
        platform,
        path: q
            .paths
            .iter()
            .filter(|p| shown(p.platform))
            .map(|p| PathView {
                platform: p.platform,
                path: p.path.get(lang),
                sources: views::strs(&p.sources),
                conflicts: views::conflicts(kb, &p.conflicts, lang),
            })
            .collect(),
        verification: verification(kb, env, &shown, lang),
        impacts: q.impacts.iter().map(|i| impact(kb, i, env, lang)).collect(),
        risks: q
            .risks
            .iter()
            .filter(|r| shown(r.platform))
            .map(|r| risks(kb, r, lang))
            .collect(),
        alternatives: q
            .alternatives
            .iter()
            .map(|a| alternative(a, lang))
            .collect(),
        playbooks: q
            .playbooks
            .iter()
            .filter_map(|p| playbook(p, env, lang))
            .collect(),
        aftercare: views::notes(kb, &q.aftercare, env, lang),
        notes: views::notes(kb, &q.notes, env, lang),
    })
}

/// The scenario the profile implies: the first that holds. One that only may hold is taken
/// too (it is the stricter one), marked uncertain, with the fields that would settle it.
fn scenario(kb: &'static Knowledge, env: &Env<'_>) -> (&'static ScenarioDef, bool, Missing) {
    let all = &kb.unbind_qq.scenarios;
    let mut missing = Missing::new();
    for s in all {
        let (t, m) = s
            .when
            .as_ref()
            .map_or((Truth::True, Missing::new()), |c| eval(c, env));
        for f in m {
            if !missing.contains(&f) {
                missing.push(f);
            }
        }
        if t != Truth::False {
            return (s, missing.is_empty(), missing);
        }
    }
    unreachable!("the data has a fallback scenario (checked when loaded)")
}

fn verification(
    kb: &'static Knowledge,
    env: &Env<'_>,
    shown: &dyn Fn(Platform) -> bool,
    lang: Lang,
) -> VerificationView {
    let (s, certain, missing) = scenario(kb, env);
    let platforms = kb
        .unbind_qq
        .verification
        .iter()
        .filter(|v| v.scenario == s.id && shown(v.platform))
        .map(|v| PlatformVerificationView {
            platform: v.platform,
            supported: v.unsupported.is_none(),
            requires: v.requires.iter().map(|t| t.get(lang)).collect(),
            unsupported_note: v.unsupported.as_ref().map(|t| t.get(lang)),
            sources: views::strs(&v.sources),
            conflicts: views::conflicts(kb, &v.conflicts, lang),
        })
        .collect();
    VerificationView {
        scenario: s.id,
        scenario_title: s.title.get(lang),
        certain,
        missing: missing.to_vec(),
        platforms,
    }
}

fn impact(kb: &'static Knowledge, i: &'static ImpactDef, env: &Env<'_>, lang: Lang) -> ImpactView {
    let (truth, missing) = match &i.affected {
        Affected::Always => (Truth::True, Missing::new()),
        Affected::Never => (Truth::False, Missing::new()),
        Affected::When(c) => eval(c, env),
    };
    ImpactView {
        id: &i.id,
        area: i.area.get(lang),
        status: match truth {
            Truth::True => ImpactStatus::Affected,
            Truth::False => ImpactStatus::NotAffected,
            Truth::Unknown => ImpactStatus::Unknown,
        },
        effect: i.effect.get(lang),
        missing: missing.to_vec(),
        sources: views::strs(&i.sources),
        conflicts: views::conflicts(kb, &i.conflicts, lang),
    }
}

fn risks(kb: &'static Knowledge, r: &'static PlatformRisks, lang: Lang) -> RiskView {
    let kinds = &kb.unbind_qq.risk_kinds;
    RiskView {
        platform: r.platform,
        ratings: r
            .ratings
            .iter()
            .map(|x| RatingView {
                risk: &x.risk,
                title: kinds
                    .iter()
                    .find(|k| k.id == x.risk)
                    .map_or("", |k| k.title.get(lang)),
                level: x.level,
                reason: x.reason.get(lang),
            })
            .collect(),
        advice: r.advice.get(lang),
        sources: views::strs(&r.sources),
        conflicts: views::conflicts(kb, &r.conflicts, lang),
    }
}

fn alternative(a: &'static AlternativeDef, lang: Lang) -> AlternativeView {
    let rated = |r: &'static Rated| RatedView {
        level: r.level,
        text: r.text.get(lang),
    };
    AlternativeView {
        id: &a.id,
        title: a.title.get(lang),
        cost: rated(&a.cost),
        security_risk: rated(&a.security_risk),
        function: rated(&a.function),
        note: a.note.get(lang),
        sources: views::strs(&a.sources),
    }
}

/// The playbook when its trigger holds or may hold.
fn playbook(p: &'static PlaybookDef, env: &Env<'_>, lang: Lang) -> Option<PlaybookView> {
    let (truth, missing) = eval(&p.when, env);
    (truth != Truth::False).then(|| PlaybookView {
        id: &p.id,
        title: p.title.get(lang),
        applies: truth.known(),
        missing: missing.to_vec(),
        steps: p.steps.iter().map(|s| s.get(lang)).collect(),
        caution: p.caution.get(lang),
        sources: views::strs(&p.sources),
    })
}
