//! The records every task shares: sources and their facts, checks, actions, card limits,
//! timeline events, notes and conflicts. Each as JSON (`--json`) and in words (the text).

use serde_json::{json, Value};

use crate::knowledge::{ActionDef, CheckDef, ConflictDef, Duration, Note, SourceKind, Text};
use crate::render::doc::{Entry as Item, Line, Span, Tone};
use crate::render::page::conflict_values;
use crate::tasks::views;

use super::sheet::Sheet;
use super::words::{fill, Words};
use super::Entry;

fn conflict_json(c: &'static ConflictDef, w: &Words) -> Value {
    let t = |x: &'static Text| w.t(x).to_string();
    json!({
        "id": c.id,
        "subject": t(&c.subject),
        "values": c.values.iter().map(|v| json!({ "value": t(&v.value), "sources": v.sources, "adopted": v.adopted })).collect::<Vec<_>>(),
        "resolution": t(&c.resolution),
    })
}

/// The disagreements named by `ids`, in full, for JSON.
pub fn conflicts(w: &Words, ids: &[String]) -> Value {
    Value::Array(
        ids.iter()
            .filter_map(|i| w.kb.conflict(i))
            .map(|c| conflict_json(c, w))
            .collect(),
    )
}

/// The sources and their facts.
pub fn sources(w: &Words) -> Vec<Entry> {
    let (kb, x) = (w.kb, w.x);
    let t = |x: &'static Text| w.t(x).to_string();
    let sources = kb.sources.iter().map(|s| {
        let facts: Vec<_> = kb.facts.iter().filter(|f| f.sources.contains(&s.id)).collect();
        let listed: Vec<String> = facts.iter().map(|f| format!("{}: {}", f.id, t(&f.text))).collect();
        let full = json!({ "id": s.id, "kind": s.kind, "title": t(&s.title), "file": s.file, "urls": s.urls,
                           "published": s.published, "tested_on": s.tested_on, "sections": s.sections, "facts": listed });
        let title = format!("{} ({})", t(&s.title), w.l.source_kind(s.kind, 1));
        let facts = facts.iter().map(|f| {
            let text = Line::from(Span::plain(w.t(&f.text)));
            Item::new(Span::code(f.id.as_str(), Tone::Plain), [text])
        });
        let sheet = Sheet::new(Span::plain(w.t(&s.title)))
            .line(&x.source_kind, Line::from(Span::plain(w.l.source_kind(s.kind, 1))))
            .line(&x.published, s.published.as_deref().map(|d| Span::atom(d, Tone::Plain).into()))
            .line(&x.tested_on, s.tested_on.as_deref().map(|v| Span::atom(v, Tone::Plain).into()))
            .line(&x.file, s.file.as_deref().map(|f| Span::user(f, Tone::Plain).into()))
            .row(&x.urls, s.urls.iter().map(|u| Span::user(u, Tone::Dim).into()))
            .line(&x.sections, w.ids(s.sections.iter().map(String::as_str)))
            .section(&w.kind("fact", facts.len()), facts.collect());
        Entry::new("source", s.id.clone(), title, &[], full).with(sheet)
    });
    let facts = kb.facts.iter().map(|f| {
        let kinds: Vec<SourceKind> = f
            .sources
            .iter()
            .filter_map(|s| kb.source(s).map(|s| s.kind))
            .collect();
        let full = json!({ "id": f.id, "text": t(&f.text), "sources": f.sources, "kinds": kinds,
                           "carried_by": kb.fact_users(&f.id) });
        let sheet = w.cited(Sheet::new(Span::plain(w.t(&f.text))), &f.sources, &[]);
        Entry::new("fact", f.id.clone(), t(&f.text), &f.sources, full).with(sheet)
    });
    sources.chain(facts).collect()
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

/// What an action waits for, for JSON: every action marked `first`, then its own `after`
/// list; `action (same-item)` or `action (last-item)` when only some steps wait.
fn waits_for(w: &Words, a: &ActionDef) -> Vec<String> {
    let firsts =
        w.kb.actions
            .iter()
            .filter(|f| f.first && !a.first)
            .map(|f| f.id.clone());
    let own = a.after.iter().map(|x| match x.scope {
        crate::knowledge::Scope::Every => x.action.clone(),
        scope => format!("{} ({})", x.action, scope.as_str()),
    });
    firsts.chain(own).collect()
}

fn check(w: &Words, c: &'static CheckDef) -> Entry {
    let x = w.x;
    let t = |x: &'static Text| w.t(x).to_string();
    let full = json!({ "id": c.id, "severity": c.severity, "tasks": c.tasks, "fails_when": c.fails_when.1,
                  "severity_when": c.severity_when.iter().map(|r| json!({"when": r.when.1, "severity": r.severity})).collect::<Vec<_>>(),
                  "self_service": c.self_service, "action": c.action, "alternative": c.alternative,
                  "title": t(&c.title), "detail": t(&c.detail),
                  "remedy": t(&c.remedy), "sources": c.sources, "conflicts": conflicts(w, &c.conflicts) });
    let rules = c.severity_when.iter().flat_map(|r| {
        let severity = vec![w.severity(r.severity)];
        let head = fill(w.t(&x.severity_rule), &[("severity", severity)]);
        std::iter::once(head).chain(w.condition_under(&r.when.1))
    });
    let sheet = Sheet::new(Span::plain(w.t(&c.title)))
        .line(&x.severity, Line::from(w.severity(c.severity)))
        .row(&x.severity_when, rules)
        .line(&x.tasks, w.ids(c.tasks.iter().map(|t| t.as_str())))
        .row(&x.fails_when, w.condition(&c.fails_when.1))
        .line(&x.detail, w.prose(&c.detail))
        .line(&x.remedy, w.prose(&c.remedy))
        .line(&x.cleared_by, w.ids(c.action.as_deref()))
        .line(&x.alternative, w.ids(c.alternative.as_deref()))
        .line(&x.self_service, w.answer(c.self_service));
    let sheet = w.cited(sheet, &c.sources, &c.conflicts);
    Entry::new("check", c.id.clone(), t(&c.title), &c.sources, full).with(sheet)
}

fn action(w: &Words, a: &'static ActionDef) -> Entry {
    let (kb, x) = (w.kb, w.x);
    let t = |x: &'static Text| w.t(x).to_string();
    let full = json!({ "id": a.id, "title": t(&a.title), "path": a.path.as_ref().map(t), "duration": duration(&a.duration),
                  "first": a.first, "after": waits_for(w, a), "provisional": a.provisional,
                  "per_item": a.per_item.as_ref().map(|p| p.list.path()), "sources": a.sources,
                  "conflicts": conflicts(w, &a.conflicts) });
    let per_item = a.per_item.as_ref().map(|p| {
        let list = vec![Span::code(p.list.path(), Tone::Plain)];
        fill(w.t(&x.per_item), &[("list", list)])
    });
    let clears = kb
        .checks
        .iter()
        .filter(|c| c.action.as_deref() == Some(&a.id));
    let sheet = Sheet::new(Span::plain(w.t(&a.title)))
        .line(&x.path, a.path.as_ref().map(|p| w.menu(p)))
        .line(&x.duration, w.duration(&a.duration))
        .row(&x.waits_for, w.waits_for(a))
        .line(&x.order, a.first.then(|| w.prose(&x.order_first)))
        .line(
            &x.open_ended,
            a.provisional.then(|| w.prose(&x.open_ended_text)),
        )
        .line(&x.repeated, per_item)
        .line(&x.clears, w.ids(clears.map(|c| c.id.as_str())));
    let sheet = w.cited(sheet, &a.sources, &a.conflicts);
    Entry::new("action", a.id.clone(), t(&a.title), &a.sources, full).with(sheet)
}

/// The checks, actions, card limits and timeline events.
pub fn plan(w: &Words) -> Vec<Entry> {
    let (kb, x) = (w.kb, w.x);
    let t = |x: &'static Text| w.t(x).to_string();
    let mut out: Vec<Entry> = kb.checks.iter().map(|c| check(w, c)).collect();
    out.extend(kb.actions.iter().map(|a| action(w, a)));
    for l in &kb.card_limits {
        let full = json!({ "kind": l.kind, "per_period": l.per_period, "period_days": l.period_days,
                           "condition": t(&l.condition), "sources": l.sources });
        let limit = match (l.per_period, l.period_days) {
            (Some(n), Some(days)) => fill(
                w.t(&x.limit_per),
                &[
                    ("n", vec![Span::atom(n.to_string(), Tone::Plain)]),
                    ("period", vec![Span::plain(w.n(&x.period, days))]),
                ],
            ),
            _ => w.prose(&x.limit_none),
        };
        let kind = w.kb.vocab.card_kind.get(&l.kind).map(|k| w.prose(k));
        let sheet = Sheet::new(Span::plain(w.t(&l.condition)))
            .line(&x.card_kind, kind)
            .line(&x.limit, limit);
        let sheet = w.cited(sheet, &l.sources, &[]);
        let id = format!("card-limit.{}", l.kind.as_str());
        out.push(Entry::new("card-limit", id, t(&l.condition), &l.sources, full).with(sheet));
    }
    for e in &kb.events {
        let full = json!({ "id": e.id, "after": format!("{:?}", e.after).to_lowercase(), "title": t(&e.title),
                           "after_when": e.after_when.iter().map(|r| json!({"when": r.when.1, "after": format!("{:?}", r.after).to_lowercase(), "sources": r.sources})).collect::<Vec<_>>(),
                           "sources": e.sources, "conflicts": conflicts(w, &e.conflicts) });
        let rules = e.after_when.iter().flat_map(|r| {
            let after = vec![Span::plain(w.after(r.after))];
            let sources: Vec<&str> = r.sources.iter().map(String::as_str).collect();
            let head = fill(w.t(&x.rule_when), &[("after", after)]).then([Span::sources(&sources)]);
            std::iter::once(head).chain(w.condition_under(&r.when.1))
        });
        let sheet = Sheet::new(Span::plain(w.t(&e.title)))
            .line(&x.when_event, Line::from(Span::plain(w.after(e.after))))
            .row(&x.after_rules, rules);
        let sheet = w.cited(sheet, &e.sources, &e.conflicts);
        out.push(Entry::new("event", e.id.clone(), t(&e.title), &e.sources, full).with(sheet));
    }
    out
}

/// A note of a task, a requirement of a method or a step after unbinding QQ.
pub fn note(w: &Words, kind: &'static str, n: &'static Note) -> Entry {
    let full = json!({ "id": n.id, "text": w.t(&n.text), "when": n.when.as_ref().map(|c| &c.1), "sources": n.sources,
                       "conflicts": conflicts(w, &n.conflicts) });
    let when = n.when.iter().flat_map(|c| w.condition(&c.1));
    let sheet = Sheet::new(Span::plain(w.t(&n.text))).row(&w.x.when, when);
    let sheet = w.cited(sheet, &n.sources, &n.conflicts);
    Entry::new(
        kind,
        n.id.clone(),
        w.t(&n.text).to_string(),
        &n.sources,
        full,
    )
    .with(sheet)
}

/// The disagreements between sources: each value with its sources, the one wxacct follows.
pub fn disagreements(w: &Words) -> Vec<Entry> {
    let (kb, x) = (w.kb, w.x);
    kb.conflicts
        .iter()
        .map(|c| {
            let sources: Vec<String> = c
                .values
                .iter()
                .flat_map(|v| v.sources.iter().cloned())
                .collect();
            let mut full = conflict_json(c, w);
            full["official_vs_guides"] = json!(kb.official_vs_guides(c));
            full["shown_with"] = json!(kb.conflict_users(&c.id));
            let view = views::conflicts(kb, std::slice::from_ref(&c.id), w.l.lang);
            let followed = w.followed();
            let values: Vec<Line> = view
                .iter()
                .flat_map(|v| conflict_values(v, &followed))
                .collect();
            let mut kinds: Vec<SourceKind> = Vec::new();
            for k in sources.iter().filter_map(|s| kb.citation_kind(s)) {
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
            }
            let between = kinds
                .iter()
                .map(|&k| {
                    let n = sources
                        .iter()
                        .filter(|s| kb.citation_kind(s) == Some(k))
                        .count();
                    w.l.source_kind(k, n)
                })
                .collect::<Vec<_>>()
                .join(w.t(&w.l.ui.list_sep));
            let sheet = Sheet::new(Span::plain(w.t(&c.subject)))
                .row(&x.values, values)
                .line(&x.resolution, w.prose(&c.resolution))
                .line(
                    &x.between,
                    (kinds.len() > 1).then(|| Span::plain(between).into()),
                );
            let sheet = w.cited(sheet, &sources, &[]);
            let title = w.t(&c.subject).to_string();
            Entry::new("conflict", c.id.clone(), title, &sources, full)
                .with(sheet)
                .detail(side_by_side(w, c))
        })
        .collect()
}

/// A disagreement's values side by side on one line: `value S1§8 · ✓ value O1`.
fn side_by_side(w: &Words, c: &'static ConflictDef) -> Line {
    let mut line = Line::new();
    for (i, v) in c.values.iter().enumerate() {
        if i > 0 {
            line.push(Span::plain("  ·  "));
        }
        if v.adopted {
            line.push(Span::toned("✓ ", Tone::Good));
        }
        let sources: Vec<&str> = v.sources.iter().map(String::as_str).collect();
        line.push(Span::plain(w.t(&v.value)));
        line.push(Span::plain(" "));
        line.push(Span::sources(&sources));
    }
    line
}
