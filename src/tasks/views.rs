//! Building the text-bearing views of results from knowledge records. Shared by every task.

use super::result::{
    ActionView, AlternativeMethodView, CheckView, ConflictValueView, ConflictView, NoteView,
    SourceRef,
};
use super::Context;
use crate::engine::planner::PlanItem;
use crate::engine::timeline::DatedEvent;
use crate::engine::{CheckOutcome, Env, Plan, PlannedAction, Truth};
use crate::knowledge::{Duration, Knowledge, Note};
use crate::lang::Lang;
use crate::profile::field::ListField;
use crate::profile::model::Profile;

pub fn strs(list: &'static [String]) -> Vec<&'static str> {
    list.iter().map(String::as_str).collect()
}

pub fn conflicts(kb: &'static Knowledge, ids: &'static [String], lang: Lang) -> Vec<ConflictView> {
    ids.iter()
        .filter_map(|id| kb.conflict(id))
        .map(|c| ConflictView {
            id: &c.id,
            subject: c.subject.get(lang),
            values: c
                .values
                .iter()
                .map(|v| ConflictValueView {
                    value: v.value.get(lang),
                    sources: strs(&v.sources),
                    adopted: v.adopted,
                })
                .collect(),
            resolution: c.resolution.get(lang),
        })
        .collect()
}

pub fn check(kb: &'static Knowledge, o: &CheckOutcome, lang: Lang) -> CheckView {
    let def = &kb.checks[o.check];
    CheckView {
        id: &def.id,
        severity: o.severity,
        status: o.status,
        title: def.title.get(lang),
        detail: def.detail.get(lang),
        remedy: def.remedy.get(lang),
        sources: strs(&def.sources),
        conflicts: conflicts(kb, &def.conflicts, lang),
        missing: o.missing.to_vec(),
    }
}

pub fn checks(kb: &'static Knowledge, outcomes: &[CheckOutcome], lang: Lang) -> Vec<CheckView> {
    outcomes.iter().map(|o| check(kb, o, lang)).collect()
}

/// A name from the profile, when it says something (not missing, not blank).
fn given(name: Option<&smol_str::SmolStr>) -> Option<&str> {
    name.map(|n| n.as_str()).filter(|s| !s.trim().is_empty())
}

/// The label that fills `{label}` in an action title; empty when the item has none to show.
fn item_label(kb: &'static Knowledge, profile: &Profile, item: &PlanItem, lang: Lang) -> String {
    let quote = |s: &str| kb.ui.label_quote.get(lang).replace("{}", s);
    let numbered = || format!("#{}", item.n);
    let i = item.index;
    match item.list {
        ListField::BankCards => profile
            .wallet
            .bank_cards
            .as_ref()
            .and_then(|c| given(c.get(i)?.label.as_ref()))
            .map(quote)
            .unwrap_or_default(),
        ListField::Devices => profile
            .devices
            .as_ref()
            .and_then(|d| d.get(i)?.kind)
            .and_then(|k| kb.vocab.device_kind.get(&k))
            .map_or_else(numbered, |t| t.get(lang).to_string()),
        ListField::GroupsOwned => profile
            .groups_owned
            .as_ref()
            .and_then(|g| given(g.get(i)?.name.as_ref()))
            .map_or_else(numbered, quote),
        ListField::ThirdPartyLogins => profile
            .third_party_logins
            .as_ref()
            .and_then(|l| given(l.get(i)?.name.as_ref()))
            .map_or_else(numbered, quote),
    }
}

/// Fills the `{name}` placeholders of a title. A placeholder with nothing to show takes the
/// space before it along, so that no title has a double or a trailing space.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        let key = format!("{{{name}}}");
        if value.is_empty() {
            out = out.replace(&format!(" {key}"), "").replace(&key, "");
        } else {
            out = out.replace(&key, value);
        }
    }
    out
}

pub fn action(
    kb: &'static Knowledge,
    profile: &Profile,
    plan: &Plan,
    a: &PlannedAction,
    lang: Lang,
) -> ActionView {
    let def = &kb.actions[a.action];
    let mut title = def.title.get(lang).to_string();
    let mut sources = strs(&def.sources);
    let mut note = None;
    if let Some(item) = &a.item {
        let mut add_sources = |list: &'static [String]| {
            for s in list {
                if !sources.contains(&s.as_str()) {
                    sources.push(s);
                }
            }
        };
        // The limits concern the unbinding itself; the other steps about a card only name it.
        let scheduled = matches!(def.duration, Duration::CardSchedule);
        let kind = match item.card_kind {
            Some(k) => kb.vocab.card_kind.get(&k).map_or("", |t| t.get(lang)),
            None if item.is_card_of_unknown_kind() => {
                let u = &kb.unknown_card;
                if scheduled {
                    note = Some(u.condition.get(lang));
                    add_sources(&u.sources);
                }
                u.name.get(lang)
            }
            None => "",
        };
        let limit = item.card_kind.and_then(|k| kb.card_limit(k));
        if let Some(limit) = limit.filter(|_| scheduled) {
            note = Some(limit.condition.get(lang));
            add_sources(&limit.sources);
        }
        let (n, count) = (item.n.to_string(), item.count.to_string());
        let label = item_label(kb, profile, item, lang);
        title = fill(
            &title,
            &[
                ("kind", kind),
                ("n", &n),
                ("count", &count),
                ("label", &label),
            ],
        );
    }
    let waits_for = plan.waits_for(a).iter().map(|&w| kb.actions[w].id.as_str());
    let check = &kb.checks[a.check];
    ActionView {
        action: &def.id,
        check: &check.id,
        title,
        path: def.path.as_ref().map(|p| p.get(lang)),
        start: a.start.earliest,
        done: a.done,
        duration_stated: a.duration_stated,
        waits_for: waits_for.collect(),
        note,
        sources,
        conflicts: conflicts(kb, &def.conflicts, lang),
        alternative: check
            .alternative
            .as_deref()
            .and_then(|m| alternative(kb, m, lang)),
    }
}

/// A `realname` method offered instead of a plan step.
fn alternative(kb: &'static Knowledge, method: &str, lang: Lang) -> Option<AlternativeMethodView> {
    let m = kb.realname.methods.iter().find(|m| m.id == method)?;
    Some(AlternativeMethodView {
        method: &m.id,
        title: m.title.get(lang),
        path: m.path.get(lang),
        data: m.data.get(lang),
        recoverable: m.recoverable,
        sources: strs(&m.sources),
        conflicts: conflicts(kb, &m.conflicts, lang),
    })
}

/// The sources of a dated event: its own, then those of the rule that set its day.
pub fn event_sources(kb: &'static Knowledge, e: &DatedEvent) -> Vec<&'static str> {
    let def = &kb.events[e.event];
    let mut sources = strs(&def.sources);
    if let Some(r) = e.rule {
        sources.extend(strs(&def.after_when[r].sources));
    }
    sources
}

/// Every action of a plan, with its texts.
pub fn plan(ctx: &Context, env: &Env<'_>, plan: &Plan, lang: Lang) -> Vec<ActionView> {
    let kb = ctx.kb;
    let plan = plan.with_steps(kb, env, &ctx.calendar);
    plan.actions
        .iter()
        .map(|a| action(kb, env.profile, &plan, a, lang))
        .collect()
}

/// Notes whose condition holds or may hold for the profile.
pub fn notes(
    kb: &'static Knowledge,
    list: &'static [Note],
    env: &Env<'_>,
    lang: Lang,
) -> Vec<NoteView> {
    let mut scratch = crate::engine::truth::Missing::new();
    list.iter()
        .filter(|n| {
            n.when
                .as_ref()
                .is_none_or(|w| w.0.eval(env.profile, env, &mut scratch) != Truth::False)
        })
        .map(|n| NoteView {
            id: &n.id,
            text: n.text.get(lang),
            sources: strs(&n.sources),
            conflicts: conflicts(kb, &n.conflicts, lang),
        })
        .collect()
}

/// The sources behind the figures, with how far each is to be trusted.
pub fn references(kb: &'static Knowledge, lang: Lang) -> Vec<SourceRef> {
    kb.sources
        .iter()
        .map(|s| SourceRef {
            id: &s.id,
            kind: s.kind,
            title: s.title.get(lang),
            published: s.published.as_deref(),
            urls: strs(&s.urls),
        })
        .collect()
}
