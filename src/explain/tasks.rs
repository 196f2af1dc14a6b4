//! The records of one task each: the goals and methods of `realname`, the paths, scenarios,
//! verifications, impacts, risks, alternatives and playbooks of `unbind-qq`, the symptoms and
//! causes of `troubleshoot`. Each as JSON (`--json`) and in words (the text).

use serde_json::{json, Value};

use crate::knowledge::{Affected, Clearing, Rated, Text};
use crate::render::doc::{Line, Span, Tone};

use super::records::{conflicts, note};
use super::sheet::Sheet;
use super::words::{fill, Words};
use super::Entry;

/// When a method clears the real name (conflicts by id: the method shows them in full).
fn clearing(c: &Clearing) -> Value {
    match c {
        Clearing::AfterDays {
            days,
            sources,
            conflicts,
        } => json!({ "after_days": days, "sources": sources, "conflicts": conflicts }),
        Clearing::Event(e) => json!({ "event": e }),
    }
}

/// The same, in words, with its sources.
fn clearing_words(w: &Words, c: &Clearing) -> Line {
    let ui = w.l.ui;
    match c {
        Clearing::AfterDays {
            days: 0, sources, ..
        } => Line::from(Span::plain(w.t(&ui.clears_realname_at_once)))
            .then([Span::sources(&strs(sources))]),
        Clearing::AfterDays { days, sources, .. } => {
            Line::from(Span::plain(w.n(&ui.clears_realname_after, *days)))
                .then([Span::sources(&strs(sources))])
        }
        Clearing::Event(e) => fill(
            w.t(&w.x.clears_at_event),
            &[("event", vec![Span::code(e.as_str(), Tone::Plain)])],
        ),
    }
}

fn strs(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// The goals and methods of `realname`, and the notes on goals and the methods' requirements.
pub fn realname(w: &Words) -> Vec<Entry> {
    let (kb, x) = (w.kb, w.x);
    let t = |x: &'static Text| w.t(x).to_string();
    let r = &kb.realname;
    let mut out: Vec<Entry> = r.goal_notes.iter().map(|n| {
        let full = json!({ "id": n.id, "goals": n.goals, "text": t(&n.text), "when": n.when.1, "sources": n.sources });
        let goals: Vec<String> = n.goals.iter().map(|g| format!("goal.{}", g.as_str())).collect();
        let sheet = Sheet::new(Span::plain(w.t(&n.text)))
            .line(&x.goals, w.ids(goals.iter().map(String::as_str)))
            .row(&x.when, w.condition(&n.when.1));
        let sheet = w.cited(sheet, &n.sources, &[]);
        Entry::new("goal-note", n.id.clone(), t(&n.text), &n.sources, full).with(sheet)
    }).collect();
    for g in &r.goals {
        let methods: Vec<&String> = r
            .methods
            .iter()
            .filter(|m| m.achieves.contains(&g.id))
            .map(|m| &m.id)
            .collect();
        let full =
            json!({ "id": g.id, "title": t(&g.title), "sources": g.sources, "methods": methods });
        let sheet = Sheet::new(Span::plain(w.t(&g.title)))
            .line(&x.methods, w.ids(methods.iter().map(|m| m.as_str())));
        let sheet = w.cited(sheet, &g.sources, &[]);
        let id = format!("goal.{}", g.id.as_str());
        out.push(Entry::new("goal", id, t(&g.title), &g.sources, full).with(sheet));
    }
    for m in &r.methods {
        let full = json!({ "id": m.id, "title": t(&m.title), "impact_rank": m.impact_rank, "achieves": m.achieves,
                           "applicable": m.applicable.as_ref().map(|c| &c.1), "blocked_by": m.blocked_by,
                           "blocked_by_task": m.blocked_by_task, "work": m.work, "duration": t(&m.duration), "data": t(&m.data),
                           "function_impact": t(&m.function_impact), "recoverable": m.recoverable, "recovery": t(&m.recovery),
                           "path": t(&m.path), "path_sources": m.path_sources, "requirements": m.requirements.iter().map(|n| &n.id).collect::<Vec<_>>(),
                           "clears_realname": m.clears_realname.as_ref().map(clearing),
                           "sources": m.sources, "conflicts": conflicts(w, &m.conflicts) });
        let goals: Vec<String> = m
            .achieves
            .iter()
            .map(|g| format!("goal.{}", g.as_str()))
            .collect();
        let task = m.blocked_by_task.map(|task| {
            let task = vec![Span::code(task.as_str(), Tone::Plain)];
            fill(w.t(&x.task_checks), &[("task", task)])
        });
        let path = w
            .menu(&m.path)
            .then([Span::sources(&strs(&m.path_sources))]);
        let rank = w
            .t(&x.impact_rank_n)
            .replace("{n}", &m.impact_rank.to_string());
        let sheet = Sheet::new(Span::plain(w.t(&m.title)))
            .line(&x.achieves, w.ids(goals.iter().map(String::as_str)))
            .row(&x.when, m.applicable.iter().flat_map(|c| w.condition(&c.1)))
            .line(
                &x.blocked_by,
                w.ids(m.blocked_by.iter().map(String::as_str)),
            )
            .line(&x.blocked_by_task, task)
            .line(&x.work, w.ids(m.work.iter().map(String::as_str)))
            .line(&x.duration, w.prose(&m.duration))
            .line(&x.path, path)
            .line(&x.data, w.prose(&m.data))
            .line(&x.function_impact, w.prose(&m.function_impact))
            .line(&x.recoverable, w.answer(m.recoverable))
            .line(&x.recovery, w.prose(&m.recovery))
            .line(
                &x.clears_realname,
                m.clears_realname.as_ref().map(|c| clearing_words(w, c)),
            )
            .line(
                &x.requirements,
                w.ids(m.requirements.iter().map(|n| n.id.as_str())),
            )
            .line(&x.impact_rank, Line::from(Span::plain(rank)));
        let sheet = w.cited(sheet, &m.sources, &m.conflicts);
        out.push(Entry::new("method", m.id.clone(), t(&m.title), &m.sources, full).with(sheet));
    }
    let requirements = r.methods.iter().flat_map(|m| &m.requirements);
    out.extend(requirements.map(|n| note(w, "requirement", n)));
    out
}

/// The paths, scenarios, verifications, impacts, risks, alternatives and playbooks of `unbind-qq`.
pub fn unbind_qq(w: &Words) -> Vec<Entry> {
    let (kb, x) = (w.kb, w.x);
    let t = |x: &'static Text| w.t(x).to_string();
    let q = &kb.unbind_qq;
    let mut out = Vec::new();
    for p in &q.paths {
        let full = json!({ "platform": p.platform, "path": t(&p.path), "sources": p.sources,
                           "conflicts": conflicts(w, &p.conflicts) });
        let sheet = Sheet::new(w.menu(&p.path)).line(&x.platform, w.platform(p.platform));
        let sheet = w.cited(sheet, &p.sources, &p.conflicts);
        let id = format!("qq-path.{}", p.platform.as_str());
        out.push(Entry::new("qq-path", id, t(&p.path), &p.sources, full).with(sheet));
    }
    for s in &q.scenarios {
        let full = json!({ "id": s.id, "title": t(&s.title), "when": s.when.as_ref().map(|c| &c.1), "sources": s.sources });
        let sheet = Sheet::new(Span::plain(w.t(&s.title)))
            .row(&x.when, s.when.iter().flat_map(|c| w.condition(&c.1)));
        let sheet = w.cited(sheet, &s.sources, &[]);
        let id = format!("scenario.{}", s.id.as_str());
        out.push(Entry::new("scenario", id, t(&s.title), &s.sources, full).with(sheet));
    }
    for v in &q.verification {
        let requires: Vec<String> = v.requires.iter().map(&t).collect();
        let title = v
            .unsupported
            .as_ref()
            .map_or_else(|| requires.join(" + "), &t);
        let full = json!({ "scenario": v.scenario, "platform": v.platform, "requires": requires,
                           "unsupported": v.unsupported.as_ref().map(&t), "sources": v.sources,
                           "conflicts": conflicts(w, &v.conflicts) });
        let scenario = format!("scenario.{}", v.scenario.as_str());
        let lead = q.scenarios.iter().find(|s| s.id == v.scenario);
        let sheet = Sheet::new(lead.map(|s| w.prose(&s.title)).unwrap_or_default())
            .line(&x.scenario, w.ids([scenario.as_str()]))
            .line(&x.platform, w.platform(v.platform))
            .row(
                &x.requires,
                v.requires
                    .iter()
                    .map(|r| Line::from(Span::plain(format!("• {}", w.t(r))))),
            )
            .line(&x.unsupported, v.unsupported.as_ref().map(|u| w.prose(u)));
        let sheet = w.cited(sheet, &v.sources, &v.conflicts);
        let id = format!(
            "verification.{}.{}",
            v.scenario.as_str(),
            v.platform.as_str()
        );
        out.push(Entry::new("verification", id, title, &v.sources, full).with(sheet));
    }
    for i in &q.impacts {
        let (affected, lines) = match &i.affected {
            Affected::Always => (json!("always"), vec![w.prose(&x.affected_always)]),
            Affected::Never => (json!("never"), vec![w.prose(&x.affected_never)]),
            Affected::When(c) => {
                let head = w.prose(&x.affected_when);
                let lines = std::iter::once(head).chain(w.condition_under(&c.1));
                (json!({ "when": c.1 }), lines.collect())
            }
        };
        let full = json!({ "id": i.id, "area": t(&i.area), "affected": affected, "effect": t(&i.effect), "sources": i.sources,
                           "conflicts": conflicts(w, &i.conflicts) });
        let sheet = Sheet::new(Span::plain(w.t(&i.area)))
            .row(&x.affected, lines)
            .line(&x.effect, w.prose(&i.effect));
        let sheet = w.cited(sheet, &i.sources, &i.conflicts);
        out.push(Entry::new("impact", i.id.clone(), t(&i.area), &i.sources, full).with(sheet));
    }
    for k in &q.risk_kinds {
        let full = json!({ "id": k.id, "title": t(&k.title), "sources": k.sources });
        let sheet = w.cited(Sheet::new(Span::plain(w.t(&k.title))), &k.sources, &[]);
        out.push(Entry::new("risk", k.id.clone(), t(&k.title), &k.sources, full).with(sheet));
    }
    for r in &q.risks {
        let ratings: Vec<Value> = r
            .ratings
            .iter()
            .map(|x| json!({ "risk": x.risk, "level": x.level, "reason": t(&x.reason) }))
            .collect();
        let full = json!({ "platform": r.platform, "advice": t(&r.advice), "ratings": ratings, "sources": r.sources,
                           "conflicts": conflicts(w, &r.conflicts) });
        let lines = r.ratings.iter().map(|x| {
            let mut line = Line::of([
                Span::code(x.risk.as_str(), Tone::Plain),
                Span::plain(w.t(&w.l.ui.label_sep)),
            ]);
            line.0.extend(w.rated(x.level, &x.reason).0);
            line
        });
        let sheet = Sheet::new(Span::plain(w.t(&r.advice)))
            .line(&x.platform, w.platform(r.platform))
            .row(&x.ratings, lines);
        let sheet = w.cited(sheet, &r.sources, &r.conflicts);
        let id = format!("risks.{}", r.platform.as_str());
        out.push(Entry::new("platform-risk", id, t(&r.advice), &r.sources, full).with(sheet));
    }
    for a in &q.alternatives {
        let rated = |r: &'static Rated| json!({ "level": r.level, "text": t(&r.text) });
        let full = json!({ "id": a.id, "title": t(&a.title), "cost": rated(&a.cost), "security_risk": rated(&a.security_risk),
                           "function": rated(&a.function), "note": t(&a.note), "sources": a.sources });
        let ui = w.l.ui;
        let sheet = Sheet::new(Span::plain(w.t(&a.title)))
            .line(&ui.alt_cost, w.rated(a.cost.level, &a.cost.text))
            .line(
                &ui.alt_security,
                w.rated(a.security_risk.level, &a.security_risk.text),
            )
            .line(
                &ui.alt_function,
                w.rated(a.function.level, &a.function.text),
            )
            .line(&x.note, w.prose(&a.note));
        let sheet = w.cited(sheet, &a.sources, &[]);
        out.push(
            Entry::new("alternative", a.id.clone(), t(&a.title), &a.sources, full).with(sheet),
        );
    }
    for p in &q.playbooks {
        let steps: Vec<String> = p.steps.iter().map(&t).collect();
        let full = json!({ "id": p.id, "title": t(&p.title), "when": p.when.1, "steps": steps,
                           "caution": t(&p.caution), "sources": p.sources });
        let numbered = steps
            .iter()
            .enumerate()
            .map(|(i, s)| Line::from(Span::plain(format!("{}. {s}", i + 1))));
        let sheet = Sheet::new(Span::plain(w.t(&p.title)))
            .row(&x.when, w.condition(&p.when.1))
            .row(&x.steps, numbered)
            .line(&w.l.ui.caution, w.prose(&p.caution));
        let sheet = w.cited(sheet, &p.sources, &[]);
        out.push(Entry::new("playbook", p.id.clone(), t(&p.title), &p.sources, full).with(sheet));
    }
    out.extend(q.aftercare.iter().map(|n| note(w, "aftercare-step", n)));
    out
}

/// The symptoms and causes of `troubleshoot`.
pub fn troubleshoot(w: &Words) -> Vec<Entry> {
    let (kb, x) = (w.kb, w.x);
    let t = |x: &'static Text| w.t(x).to_string();
    let ts = &kb.troubleshoot;
    let symptoms = ts.symptoms.iter().map(|s| {
        let causes = ts.cause_ids(&s.id);
        let full =
            json!({ "id": s.id, "title": t(&s.title), "causes": causes, "sources": s.sources });
        let sheet = Sheet::new(Span::plain(w.t(&s.title)))
            .line(&x.causes, w.ids(causes.iter().map(|c| c.as_ref())));
        let sheet = w.cited(sheet, &s.sources, &[]);
        Entry::new("symptom", s.id.clone(), t(&s.title), &s.sources, full).with(sheet)
    });
    let causes = ts.causes.iter().map(|c| {
        let checks: Vec<&String> = c.checks.iter().map(|&i| &kb.checks[i].id).collect();
        let full = json!({ "id": c.id, "symptom": c.symptom, "share_percent": c.share_percent,
                           "likely_when": c.likely_when.as_ref().map(|w| &w.1),
                           "ruled_out_when": c.ruled_out_when.as_ref().map(|w| &w.1), "checks": checks, "title": t(&c.title),
                           "remedy": t(&c.remedy), "sources": c.sources, "conflicts": conflicts(w, &c.conflicts) });
        let share = c.share_percent.map(|n| {
            Line::from(Span::atom(w.t(&x.percent).replace("{n}", &n.to_string()), Tone::Plain))
        });
        let sheet = Sheet::new(Span::plain(w.t(&c.title)))
            .line(&x.symptom, w.ids([c.symptom.as_str()]))
            .line(&x.share, share)
            .row(&x.likely_when, c.likely_when.iter().flat_map(|p| w.condition(&p.1)))
            .row(&x.ruled_out_when, c.ruled_out_when.iter().flat_map(|p| w.condition(&p.1)))
            .line(&x.checks, w.ids(checks.iter().map(|c| c.as_str())))
            .line(&x.remedy, w.prose(&c.remedy));
        let sheet = w.cited(sheet, &c.sources, &c.conflicts);
        Entry::new("cause", c.id.clone(), t(&c.title), &c.sources, full).with(sheet)
    });
    symptoms.chain(causes).collect()
}
