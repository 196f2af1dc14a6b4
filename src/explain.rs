//! `wxacct explain [ID]`: every record of the knowledge base, or one in full.

use serde_json::{json, Value};

use crate::app::{lang, print, Failure, UsageError};
use crate::cli::ExplainArgs;
use crate::field_entries;
use crate::knowledge::fields::Catalogue;
use crate::knowledge::{
    ActionDef, Affected, Clearing, ConflictDef, Duration, Knowledge, Note, Scope, SourceKind, Text,
};
use crate::lang::Lang;
use crate::message::{Message, Msg};
use crate::profile::error::hint;

/// One record, as `explain` shows it.
pub struct Entry {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub sources: Vec<String>,
    pub full: Value,
    /// A second line in the list of all records (a conflict's values side by side).
    pub detail: Option<String>,
}

/// A conflict's values side by side on one line: `value [sources] · value [sources]`.
fn side_by_side(c: &ConflictDef, lang: Lang) -> String {
    let values: Vec<String> = c
        .values
        .iter()
        .map(|v| {
            let mark = if v.adopted { "✓ " } else { "" };
            format!("{mark}{} [{}]", v.value.get(lang), v.sources.join(", "))
        })
        .collect();
    values.join("  ·  ")
}

fn conflict_json(c: &ConflictDef, lang: Lang) -> Value {
    json!({
        "id": c.id,
        "subject": c.subject.get(lang),
        "values": c.values.iter().map(|v| json!({ "value": v.value.get(lang), "sources": v.sources, "adopted": v.adopted })).collect::<Vec<_>>(),
        "resolution": c.resolution.get(lang),
    })
}

/// How far a source is to be trusted, in words.
fn kind_name(kb: &Knowledge, kind: SourceKind, lang: Lang) -> &str {
    let ui = &kb.ui;
    match kind {
        SourceKind::Official => ui.kind_official.get(lang, 1),
        SourceKind::QuotedOfficial => ui.kind_quoted_official.get(lang, 1),
        SourceKind::ThirdPartyGuide => ui.kind_third_party.get(lang, 1),
    }
}

/// The sources and their facts.
fn sources(kb: &Knowledge, lang: Lang) -> Vec<Entry> {
    let t = |x: &Text| x.get(lang).to_string();
    let sources = kb.sources.iter().map(|s| {
        let facts: Vec<String> = kb
            .facts
            .iter()
            .filter(|f| f.sources.contains(&s.id))
            .map(|f| format!("{}: {}", f.id, t(&f.text)))
            .collect();
        let full = json!({ "id": s.id, "kind": s.kind, "title": t(&s.title), "file": s.file, "urls": s.urls,
                           "published": s.published, "tested_on": s.tested_on, "sections": s.sections, "facts": facts });
        let title = format!("{} ({})", t(&s.title), kind_name(kb, s.kind, lang));
        Entry::new("source", s.id.clone(), title, &[], full)
    });
    let facts = kb.facts.iter().map(|f| {
        let kinds: Vec<SourceKind> = f
            .sources
            .iter()
            .filter_map(|s| kb.source(s).map(|s| s.kind))
            .collect();
        let full = json!({ "id": f.id, "text": t(&f.text), "sources": f.sources, "kinds": kinds,
                           "carried_by": kb.fact_users(&f.id) });
        Entry::new("fact", f.id.clone(), t(&f.text), &f.sources, full)
    });
    sources.chain(facts).collect()
}

fn conflicts(kb: &Knowledge, ids: &[String], lang: Lang) -> Value {
    Value::Array(
        ids.iter()
            .filter_map(|i| kb.conflict(i))
            .map(|c| conflict_json(c, lang))
            .collect(),
    )
}

fn duration(d: &Duration) -> Value {
    match d {
        Duration::Minutes(m) => json!({ "minutes": m }),
        Duration::BusinessDays {
            min,
            max,
            not_before,
        } => {
            let not_before = not_before.map(
                |n| json!({ "field": n.field.0.path(), "next_business_day": n.next_business_day }),
            );
            json!({ "business_days": { "min": min, "max": max, "not_before": not_before } })
        }
        Duration::UntilDay { field, day } => {
            json!({ "until_day": { "field": field.0.path(), "day": day } })
        }
        Duration::CardSchedule => json!("card_schedule"),
        Duration::Unstated => json!("unstated"),
    }
}

/// What an action waits for when both are in a plan: every action marked `first`, then its
/// own `after` list; `action (same-item)` or `action (last-item)` when only some steps wait.
fn waits_for(kb: &Knowledge, a: &ActionDef) -> Vec<String> {
    let firsts = kb
        .actions
        .iter()
        .filter(|f| f.first && !a.first)
        .map(|f| f.id.clone());
    let own = a.after.iter().map(|w| match w.scope {
        Scope::Every => w.action.clone(),
        scope => format!("{} ({})", w.action, scope.as_str()),
    });
    firsts.chain(own).collect()
}

/// Every record, grouped by kind.
pub fn entries(kb: &Knowledge, lang: Lang) -> Vec<Entry> {
    let t = |x: &Text| x.get(lang).to_string();
    let mut out = sources(kb, lang);
    for c in &kb.checks {
        out.push(Entry {
            kind: "check",
            id: c.id.clone(),
            title: t(&c.title),
            sources: c.sources.clone(),
            full: json!({ "id": c.id, "severity": c.severity, "tasks": c.tasks, "fails_when": c.fails_when.1,
                          "severity_when": c.severity_when.iter().map(|r| json!({"when": r.when.1, "severity": r.severity})).collect::<Vec<_>>(),
                          "self_service": c.self_service, "action": c.action, "alternative": c.alternative,
                          "title": t(&c.title), "detail": t(&c.detail),
                          "remedy": t(&c.remedy), "sources": c.sources, "conflicts": conflicts(kb, &c.conflicts, lang) }),
            detail: None,
        });
    }
    for a in &kb.actions {
        out.push(Entry {
            kind: "action",
            id: a.id.clone(),
            title: t(&a.title),
            sources: a.sources.clone(),
            full: json!({ "id": a.id, "title": t(&a.title), "path": a.path.as_ref().map(t), "duration": duration(&a.duration),
                          "first": a.first, "after": waits_for(kb, a), "provisional": a.provisional,
                          "per_item": a.per_item.as_ref().map(|p| p.list.path()), "sources": a.sources,
                          "conflicts": conflicts(kb, &a.conflicts, lang) }),
            detail: None,
        });
    }
    for l in &kb.card_limits {
        out.push(Entry {
            kind: "card-limit",
            id: format!("card-limit.{}", l.kind.as_str()),
            title: t(&l.condition),
            sources: l.sources.clone(),
            full: json!({ "kind": l.kind, "per_period": l.per_period, "period_days": l.period_days,
                          "condition": t(&l.condition), "sources": l.sources }),
            detail: None,
        });
    }
    for e in &kb.events {
        out.push(Entry {
            kind: "event",
            id: e.id.clone(),
            title: t(&e.title),
            sources: e.sources.clone(),
            full: json!({ "id": e.id, "after": format!("{:?}", e.after).to_lowercase(), "title": t(&e.title),
                          "after_when": e.after_when.iter().map(|r| json!({"when": r.when.1, "after": format!("{:?}", r.after).to_lowercase(), "sources": r.sources})).collect::<Vec<_>>(),
                          "sources": e.sources, "conflicts": conflicts(kb, &e.conflicts, lang) }),
            detail: None,
        });
    }
    let note = |kind: &'static str, n: &Note| {
        let full = json!({ "id": n.id, "text": t(&n.text), "when": n.when.as_ref().map(|w| &w.1), "sources": n.sources,
                           "conflicts": conflicts(kb, &n.conflicts, lang) });
        Entry::new(kind, n.id.clone(), t(&n.text), &n.sources, full)
    };
    let q = &kb.unbind_qq;
    let notes = kb.deactivate.notes.iter().chain(&kb.realname.notes);
    out.extend(notes.chain(&q.notes).map(|n| note("note", n)));
    out.extend(kb.realname.goal_notes.iter().map(|n| {
        let full = json!({ "id": n.id, "goals": n.goals, "text": t(&n.text), "when": n.when.1, "sources": n.sources });
        Entry::new("goal-note", n.id.clone(), t(&n.text), &n.sources, full)
    }));
    out.extend(realname(kb, lang));
    let requirements = kb.realname.methods.iter().flat_map(|m| &m.requirements);
    out.extend(requirements.map(|n| note("requirement", n)));
    out.extend(unbind_qq(kb, lang));
    out.extend(q.aftercare.iter().map(|n| note("aftercare-step", n)));
    out.extend(troubleshoot(kb, lang));
    for c in &kb.conflicts {
        let sources = c
            .values
            .iter()
            .flat_map(|v| v.sources.iter().cloned())
            .collect();
        let mut full = conflict_json(c, lang);
        full["official_vs_guides"] = json!(kb.official_vs_guides(c));
        full["shown_with"] = json!(kb.conflict_users(&c.id));
        out.push(Entry {
            kind: "conflict",
            id: c.id.clone(),
            title: t(&c.subject),
            sources,
            full,
            detail: Some(side_by_side(c, lang)),
        });
    }
    out
}

/// The symptoms and causes of `troubleshoot`.
fn troubleshoot(kb: &Knowledge, lang: Lang) -> Vec<Entry> {
    let t = |x: &Text| x.get(lang).to_string();
    let ts = &kb.troubleshoot;
    let symptoms = ts.symptoms.iter().map(|s| {
        let causes = ts.cause_ids(&s.id);
        let full =
            json!({ "id": s.id, "title": t(&s.title), "causes": causes, "sources": s.sources });
        Entry::new("symptom", s.id.clone(), t(&s.title), &s.sources, full)
    });
    let causes = ts.causes.iter().map(|c| {
        let checks: Vec<&String> = c.checks.iter().map(|&i| &kb.checks[i].id).collect();
        let full = json!({ "id": c.id, "symptom": c.symptom, "share_percent": c.share_percent,
                           "likely_when": c.likely_when.as_ref().map(|w| &w.1),
                           "ruled_out_when": c.ruled_out_when.as_ref().map(|w| &w.1), "checks": checks, "title": t(&c.title),
                           "remedy": t(&c.remedy), "sources": c.sources, "conflicts": conflicts(kb, &c.conflicts, lang) });
        Entry::new("cause", c.id.clone(), t(&c.title), &c.sources, full)
    });
    symptoms.chain(causes).collect()
}

impl Entry {
    fn new(
        kind: &'static str,
        id: String,
        title: String,
        sources: &[String],
        full: Value,
    ) -> Entry {
        Entry {
            kind,
            id,
            title,
            sources: sources.to_vec(),
            full,
            detail: None,
        }
    }
}

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

/// The goals and methods of `realname`.
fn realname(kb: &Knowledge, lang: Lang) -> Vec<Entry> {
    let t = |x: &Text| x.get(lang).to_string();
    let r = &kb.realname;
    let goals = r.goals.iter().map(|g| {
        let methods: Vec<&String> = r
            .methods
            .iter()
            .filter(|m| m.achieves.contains(&g.id))
            .map(|m| &m.id)
            .collect();
        let full =
            json!({ "id": g.id, "title": t(&g.title), "sources": g.sources, "methods": methods });
        Entry::new(
            "goal",
            format!("goal.{}", g.id.as_str()),
            t(&g.title),
            &g.sources,
            full,
        )
    });
    let methods = r.methods.iter().map(|m| {
        let full = json!({ "id": m.id, "title": t(&m.title), "impact_rank": m.impact_rank, "achieves": m.achieves,
                           "applicable": m.applicable.as_ref().map(|c| &c.1), "blocked_by": m.blocked_by,
                           "blocked_by_task": m.blocked_by_task, "work": m.work, "duration": t(&m.duration), "data": t(&m.data),
                           "function_impact": t(&m.function_impact), "recoverable": m.recoverable, "recovery": t(&m.recovery),
                           "path": t(&m.path), "path_sources": m.path_sources, "requirements": m.requirements.iter().map(|n| &n.id).collect::<Vec<_>>(),
                           "clears_realname": m.clears_realname.as_ref().map(clearing),
                           "sources": m.sources, "conflicts": conflicts(kb, &m.conflicts, lang) });
        Entry::new("method", m.id.clone(), t(&m.title), &m.sources, full)
    });
    goals.chain(methods).collect()
}

/// The paths, scenarios, verifications, impacts, risks, alternatives and playbooks of `unbind-qq`.
fn unbind_qq(kb: &Knowledge, lang: Lang) -> Vec<Entry> {
    let t = |x: &Text| x.get(lang).to_string();
    let q = &kb.unbind_qq;
    let mut out = Vec::new();
    for p in &q.paths {
        let full = json!({ "platform": p.platform, "path": t(&p.path), "sources": p.sources,
                           "conflicts": conflicts(kb, &p.conflicts, lang) });
        let id = format!("qq-path.{}", p.platform.as_str());
        out.push(Entry::new("qq-path", id, t(&p.path), &p.sources, full));
    }
    for s in &q.scenarios {
        let full = json!({ "id": s.id, "title": t(&s.title), "when": s.when.as_ref().map(|c| &c.1), "sources": s.sources });
        let id = format!("scenario.{}", s.id.as_str());
        out.push(Entry::new("scenario", id, t(&s.title), &s.sources, full));
    }
    for v in &q.verification {
        let requires: Vec<String> = v.requires.iter().map(t).collect();
        let title = v
            .unsupported
            .as_ref()
            .map_or_else(|| requires.join(" + "), t);
        let full = json!({ "scenario": v.scenario, "platform": v.platform, "requires": requires,
                           "unsupported": v.unsupported.as_ref().map(t), "sources": v.sources,
                           "conflicts": conflicts(kb, &v.conflicts, lang) });
        let id = format!(
            "verification.{}.{}",
            v.scenario.as_str(),
            v.platform.as_str()
        );
        out.push(Entry::new("verification", id, title, &v.sources, full));
    }
    for i in &q.impacts {
        let affected = match &i.affected {
            Affected::Always => json!("always"),
            Affected::Never => json!("never"),
            Affected::When(c) => json!({ "when": c.1 }),
        };
        let full = json!({ "id": i.id, "area": t(&i.area), "affected": affected, "effect": t(&i.effect), "sources": i.sources,
                           "conflicts": conflicts(kb, &i.conflicts, lang) });
        out.push(Entry::new(
            "impact",
            i.id.clone(),
            t(&i.area),
            &i.sources,
            full,
        ));
    }
    for k in &q.risk_kinds {
        let full = json!({ "id": k.id, "title": t(&k.title), "sources": k.sources });
        out.push(Entry::new(
            "risk",
            k.id.clone(),
            t(&k.title),
            &k.sources,
            full,
        ));
    }
    for r in &q.risks {
        let ratings: Vec<Value> = r
            .ratings
            .iter()
            .map(|x| json!({ "risk": x.risk, "level": x.level, "reason": t(&x.reason) }))
            .collect();
        let full = json!({ "platform": r.platform, "advice": t(&r.advice), "ratings": ratings, "sources": r.sources,
                           "conflicts": conflicts(kb, &r.conflicts, lang) });
        let id = format!("risks.{}", r.platform.as_str());
        out.push(Entry::new(
            "platform-risk",
            id,
            t(&r.advice),
            &r.sources,
            full,
        ));
    }
    for a in &q.alternatives {
        let rated = |r: &crate::knowledge::Rated| json!({ "level": r.level, "text": t(&r.text) });
        let full = json!({ "id": a.id, "title": t(&a.title), "cost": rated(&a.cost), "security_risk": rated(&a.security_risk),
                           "function": rated(&a.function), "note": t(&a.note), "sources": a.sources });
        out.push(Entry::new(
            "alternative",
            a.id.clone(),
            t(&a.title),
            &a.sources,
            full,
        ));
    }
    for p in &q.playbooks {
        let steps: Vec<String> = p.steps.iter().map(t).collect();
        let full = json!({ "id": p.id, "title": t(&p.title), "when": p.when.1, "steps": steps,
                           "caution": t(&p.caution), "sources": p.sources });
        out.push(Entry::new(
            "playbook",
            p.id.clone(),
            t(&p.title),
            &p.sources,
            full,
        ));
    }
    out
}

/// Where a field goes in the text of one record: what it is, then the details, then how
/// wxacct settles a disagreement.
fn field_rank(key: &str) -> u8 {
    match key {
        "title" | "subject" | "text" => 0,
        "kind" | "values" => 1,
        "resolution" => 3,
        "shown_with" => 4,
        _ => 2,
    }
}

/// One record in full; `followed` marks the value of a conflict that wxacct follows.
fn text_one(e: &Entry, followed: &str) -> String {
    if e.kind == "field" {
        return field_entries::text(e);
    }
    let mut s = format!("{} {}\n", e.kind, e.id);
    if let Value::Object(map) = &e.full {
        let mut fields: Vec<(&String, &Value)> = map.iter().collect();
        fields.sort_by_key(|(k, _)| field_rank(k));
        for (k, v) in fields {
            if k == "id" || v.is_null() || v.as_array().is_some_and(Vec::is_empty) {
                continue;
            }
            if k == "conflicts" || k == "values" {
                let head = if k == "values" {
                    "values, side by side"
                } else {
                    "conflicts"
                };
                s.push_str(&format!("  {head}:\n"));
                for c in v.as_array().into_iter().flatten() {
                    s.push_str(&conflict_text(c, followed));
                }
                continue;
            }
            let words: Option<Vec<&str>> = v
                .as_array()
                .and_then(|a| a.iter().map(Value::as_str).collect());
            // Long items (a source's facts) one per line.
            if let Some(items) = words.as_ref().filter(|w| w.iter().any(|x| x.len() > 60)) {
                s.push_str(&format!("  {k}:\n"));
                for x in items {
                    s.push_str(&format!("    • {x}\n"));
                }
                continue;
            }
            let shown = match (v, words) {
                (Value::String(x), _) => x.clone(),
                (_, Some(words)) => words.join(", "),
                (other, None) => other.to_string(),
            };
            s.push_str(&format!("  {k}: {shown}\n"));
        }
    }
    s
}

/// A value with its sources: `• value  [S1§8, O1]`, marked when wxacct follows it.
fn sourced(indent: &str, v: &Value, followed: &str) -> String {
    let src: Vec<&str> = v["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mark = if v["adopted"] == json!(true) {
        format!("  ✓ {followed}")
    } else {
        String::new()
    };
    format!(
        "{indent}• {}  [{}]{mark}\n",
        v["value"].as_str().unwrap_or(""),
        src.join(", ")
    )
}

/// A conflict's values side by side: `value [sources]`.
fn conflict_text(c: &Value, followed: &str) -> String {
    let Some(values) = c.get("values").and_then(Value::as_array) else {
        return sourced("    ", c, followed);
    };
    let mut s = format!(
        "    {} — {}\n",
        c["id"].as_str().unwrap_or(""),
        c["subject"].as_str().unwrap_or("")
    );
    for v in values {
        s.push_str(&sourced("      ", v, followed));
    }
    s.push_str(&format!(
        "    → {}\n",
        c["resolution"].as_str().unwrap_or("")
    ));
    s
}

pub fn run(args: &ExplainArgs) -> Result<(), Failure> {
    let kb = Knowledge::get();
    let lang = lang(args.lang);
    let mut all = entries(kb, lang);
    if args.id.is_none() {
        all.extend(field_entries::entries(kb, lang));
    }
    match &args.id {
        None if args.json => {
            let v: Vec<Value> = all
                .iter()
                .map(|e| json!({ "kind": e.kind, "record": e.full }))
                .collect();
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ))
        }
        None => {
            let mut s = String::new();
            let mut kind = "";
            for e in &all {
                if e.kind != kind {
                    kind = e.kind;
                    s.push_str(&format!(
                        "{}{kind}s\n",
                        if s.is_empty() { "" } else { "\n" }
                    ));
                }
                let src = if e.sources.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", e.sources.join(", "))
                };
                let disputed: Vec<&str> = e.full["conflicts"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c["id"].as_str())
                    .collect();
                let disputed = if disputed.is_empty() {
                    String::new()
                } else {
                    format!("  ⚠ {}", disputed.join(", "))
                };
                let official = if e.full["official_vs_guides"] == json!(true) {
                    format!("  ⚑ {}", kb.ui.official_vs_guides.get(lang))
                } else {
                    String::new()
                };
                s.push_str(&format!(
                    "  {:<34} {}{src}{disputed}{official}\n",
                    e.id, e.title
                ));
                if let Some(d) = &e.detail {
                    s.push_str(&format!("  {:<34} {d}\n", ""));
                }
            }
            print(&s)
        }
        Some(id) => {
            // An id can name a record and a state field at once (`account.status`): both show.
            let field = field_entries::find(kb, id, lang);
            let found: Vec<&Entry> = all.iter().filter(|e| &e.id == id).chain(&field).collect();
            let Some((e, also)) = found.split_first() else {
                let fields = Catalogue::get().fields.iter().map(|f| f.path.as_str());
                let hint = hint(id, all.iter().map(|e| e.id.as_str()).chain(fields))
                    .unwrap_or_else(|| Message::new(Msg::ExplainListsIds));
                let m = Message::new(Msg::NoRecord).with("id", id.as_str());
                return Err(UsageError(m.then(Some(hint))).into());
            };
            if args.json {
                let mut doc = json!({ "kind": e.kind, "record": e.full });
                if !also.is_empty() {
                    let also: Vec<Value> = also
                        .iter()
                        .map(|e| json!({ "kind": e.kind, "record": e.full }))
                        .collect();
                    doc["also"] = Value::Array(also);
                }
                print(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&doc).unwrap_or_default()
                ))
            } else {
                let followed = kb.ui.conflict_followed.get(lang);
                let texts: Vec<String> = found.iter().map(|e| text_one(e, followed)).collect();
                print(&texts.join("\n"))
            }
        }
    }
}
