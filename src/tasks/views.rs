//! Building the text-bearing views of results from knowledge records. Shared by every task.

use super::result::{
    ActionView, AlternativeMethodView, CheckView, ConflictValueView, ConflictView, NoteView,
    SourceRef,
};
use crate::engine::timeline::DatedEvent;
use crate::engine::{CheckOutcome, Env, Plan, PlannedAction, Truth};
use crate::knowledge::{Knowledge, Note};
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
        missing: o.missing.clone(),
    }
}

pub fn checks(kb: &'static Knowledge, outcomes: &[CheckOutcome], lang: Lang) -> Vec<CheckView> {
    outcomes.iter().map(|o| check(kb, o, lang)).collect()
}

/// The label that fills `{label}` in an action title.
fn item_label(kb: &'static Knowledge, profile: &Profile, a: &PlannedAction, lang: Lang) -> String {
    let Some(item) = a.item else {
        return String::new();
    };
    let quote = |s: &str| kb.ui.label_quote.get(lang).replace("{}", s);
    let numbered = || format!("#{}", item.n);
    match item.list {
        ListField::BankCards => profile
            .wallet
            .bank_cards
            .as_ref()
            .and_then(|c| c.get(item.index))
            .and_then(|c| c.label.as_deref())
            .map(quote)
            .unwrap_or_default(),
        ListField::Devices => profile
            .devices
            .as_ref()
            .and_then(|d| d.get(item.index))
            .and_then(|d| d.kind)
            .and_then(|k| kb.vocab.device_kind.get(&k))
            .map_or_else(numbered, |t| t.get(lang).to_string()),
        ListField::GroupsOwned => profile
            .groups_owned
            .as_ref()
            .and_then(|g| g.get(item.index))
            .and_then(|g| g.name.as_deref())
            .map_or_else(numbered, quote),
        ListField::ThirdPartyLogins => profile
            .third_party_logins
            .as_ref()
            .and_then(|l| l.get(item.index))
            .and_then(|l| l.name.as_deref())
            .map_or_else(numbered, quote),
    }
}

pub fn action(
    kb: &'static Knowledge,
    profile: &Profile,
    a: &PlannedAction,
    lang: Lang,
) -> ActionView {
    let def = &kb.actions[a.action];
    let mut title = def.title.get(lang).to_string();
    let mut sources = strs(&def.sources);
    let mut note = None;
    if let Some(item) = a.item {
        let kind = item
            .card_kind
            .and_then(|k| kb.vocab.card_kind.get(&k))
            .map_or(String::from("?"), |t| t.get(lang).to_string());
        if let Some(limit) = item.card_kind.and_then(|k| kb.card_limit(k)) {
            note = Some(limit.condition.get(lang));
            for s in &limit.sources {
                if !sources.contains(&s.as_str()) {
                    sources.push(s);
                }
            }
        }
        title = title
            .replace("{kind}", &kind)
            .replace("{n}", &item.n.to_string())
            .replace("{count}", &item.count.to_string())
            .replace("{label}", &item_label(kb, profile, a, lang));
    }
    let check = &kb.checks[a.check];
    ActionView {
        action: &def.id,
        check: &check.id,
        title,
        path: def.path.as_ref().map(|p| p.get(lang)),
        start: a.start.earliest,
        done: a.done,
        duration_stated: a.duration_stated,
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
pub fn plan(kb: &'static Knowledge, profile: &Profile, plan: &Plan, lang: Lang) -> Vec<ActionView> {
    plan.actions
        .iter()
        .map(|a| action(kb, profile, a, lang))
        .collect()
}

/// Notes whose condition holds or may hold for the profile.
pub fn notes(
    kb: &'static Knowledge,
    list: &'static [Note],
    env: &Env<'_>,
    lang: Lang,
) -> Vec<NoteView> {
    let mut scratch = Vec::new();
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
