//! The embedded knowledge base: every domain fact, typed, sourced and in both languages.
//! Rust code interprets these records; it holds no facts of its own.

pub mod predicate;
pub mod records;
pub mod text;
pub mod ui;

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::Deserialize;

pub use predicate::{Condition, Pred};
pub use records::*;
pub use text::Text;
pub use ui::Ui;

/// The raw data files, embedded at build time.
pub const FILES: &[(&str, &str)] = &[
    ("sources.json", include_str!("../../data/sources.json")),
    ("checks.json", include_str!("../../data/checks.json")),
    ("actions.json", include_str!("../../data/actions.json")),
    (
        "card_limits.json",
        include_str!("../../data/card_limits.json"),
    ),
    ("timeline.json", include_str!("../../data/timeline.json")),
    ("conflicts.json", include_str!("../../data/conflicts.json")),
    (
        "deactivate.json",
        include_str!("../../data/deactivate.json"),
    ),
    ("vocab.json", include_str!("../../data/vocab.json")),
    ("ui.json", include_str!("../../data/ui.json")),
];

fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .unwrap_or("")
}

#[derive(Debug)]
pub struct Knowledge {
    pub sources: Vec<SourceDef>,
    /// In output order: severity, then id.
    pub checks: Vec<CheckDef>,
    pub actions: Vec<ActionDef>,
    pub card_limits: Vec<CardLimit>,
    pub events: Vec<EventDef>,
    pub conflicts: Vec<ConflictDef>,
    pub deactivate: DeactivateData,
    pub vocab: Vocab,
    pub ui: Ui,
    check_index: HashMap<String, usize>,
    conflict_index: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct SourcesFile {
    sources: Vec<SourceDef>,
}
#[derive(Deserialize)]
struct ChecksFile {
    checks: Vec<CheckDef>,
}
#[derive(Deserialize)]
struct ActionsFile {
    actions: Vec<ActionDef>,
}
#[derive(Deserialize)]
struct CardLimitsFile {
    card_limits: Vec<CardLimit>,
}
#[derive(Deserialize)]
struct TimelineFile {
    events: Vec<EventDef>,
}
#[derive(Deserialize)]
struct ConflictsFile {
    conflicts: Vec<ConflictDef>,
}

fn parse<T: DeserializeOwned>(get: &dyn Fn(&str) -> String, name: &str) -> Result<T, String> {
    serde_json::from_str(&get(name)).map_err(|e| format!("data/{name}: {e}"))
}

static KB: OnceLock<Knowledge> = OnceLock::new();

impl Knowledge {
    /// The embedded knowledge base. Its validity is proven by the test suite.
    pub fn get() -> &'static Knowledge {
        KB.get_or_init(|| match Knowledge::load() {
            Ok(kb) => kb,
            Err(problems) => {
                eprintln!(
                    "wxacct: the embedded knowledge base is invalid:\n{}",
                    problems.join("\n")
                );
                std::process::exit(70)
            }
        })
    }

    /// Parses, links and validates the embedded data files; returns every problem found.
    pub fn load() -> Result<Knowledge, Vec<String>> {
        Knowledge::load_from(&|name| file(name).to_string())
    }

    /// The same, from data files given by name (tests use it to try altered data).
    pub fn load_from(get: &dyn Fn(&str) -> String) -> Result<Knowledge, Vec<String>> {
        let mut errors = Vec::new();
        macro_rules! load {
            ($name:literal) => {
                match parse(get, $name) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                }
            };
        }
        let sources: Option<SourcesFile> = load!("sources.json");
        let checks: Option<ChecksFile> = load!("checks.json");
        let actions: Option<ActionsFile> = load!("actions.json");
        let card_limits: Option<CardLimitsFile> = load!("card_limits.json");
        let events: Option<TimelineFile> = load!("timeline.json");
        let conflicts: Option<ConflictsFile> = load!("conflicts.json");
        let deactivate: Option<DeactivateData> = load!("deactivate.json");
        let vocab: Option<Vocab> = load!("vocab.json");
        let ui: Option<Ui> = load!("ui.json");
        let (
            Some(sources),
            Some(checks),
            Some(actions),
            Some(card_limits),
            Some(events),
            Some(conflicts),
            Some(deactivate),
            Some(vocab),
            Some(ui),
        ) = (
            sources,
            checks,
            actions,
            card_limits,
            events,
            conflicts,
            deactivate,
            vocab,
            ui,
        )
        else {
            return Err(errors);
        };
        let mut checks = checks.checks;
        checks.sort_by(|a, b| (a.severity, &a.id).cmp(&(b.severity, &b.id)));
        let check_index = checks
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let conflict_index = conflicts
            .conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let mut kb = Knowledge {
            sources: sources.sources,
            checks,
            actions: actions.actions,
            card_limits: card_limits.card_limits,
            events: events.events,
            conflicts: conflicts.conflicts,
            deactivate,
            vocab,
            ui,
            check_index,
            conflict_index,
        };
        kb.link(&mut errors);
        errors.extend(kb.problems());
        if errors.is_empty() {
            Ok(kb)
        } else {
            Err(errors)
        }
    }

    /// Resolves references between records (check → action, condition → check).
    fn link(&mut self, errors: &mut Vec<String>) {
        let action_ids: HashMap<String, usize> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let index = self.check_index.clone();
        let mut dangling = Vec::new();
        let mut resolve = |owner: &str, id: &str, idx: &mut usize| match index.get(id) {
            Some(i) => *idx = *i,
            None => dangling.push(format!("{owner}: condition names unknown check `{id}`")),
        };
        for c in &mut self.checks {
            if let Some(a) = &c.action {
                match action_ids.get(a) {
                    Some(i) => c.action_idx = Some(*i),
                    None => errors.push(format!("check {}: unknown action `{a}`", c.id)),
                }
            }
            let owner = format!("check {}", c.id);
            c.fails_when
                .0
                .check_refs_mut(&mut |id, idx| resolve(&owner, id, idx));
        }
        errors.extend(dangling);
    }

    pub fn check(&self, id: &str) -> Option<&CheckDef> {
        self.check_index.get(id).map(|&i| &self.checks[i])
    }
    pub fn check_idx(&self, id: &str) -> Option<usize> {
        self.check_index.get(id).copied()
    }
    pub fn conflict(&self, id: &str) -> Option<&ConflictDef> {
        self.conflict_index.get(id).map(|&i| &self.conflicts[i])
    }
    pub fn action(&self, id: &str) -> Option<&ActionDef> {
        self.actions.iter().find(|a| a.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&SourceDef> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn card_limit(&self, kind: crate::profile::model::CardKind) -> Option<&CardLimit> {
        self.card_limits.iter().find(|c| c.kind == kind)
    }

    /// Whether `citation` (`S1§3`, `S1§intro`, `O1`) names a source section that exists.
    pub fn citation_exists(&self, citation: &str) -> bool {
        let (id, section) = match citation.split_once('§') {
            Some((id, s)) => (id, Some(s)),
            None => (citation, None),
        };
        match (self.source(id), section) {
            (Some(src), Some(s)) => src.sections.iter().any(|x| x == s),
            (Some(src), None) => src.sections.is_empty(),
            (None, _) => false,
        }
    }

    /// Every citation of every record, with the record it belongs to.
    pub fn citations(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        fn push<'a>(out: &mut Vec<(String, &'a str)>, owner: String, list: &'a [String]) {
            out.extend(list.iter().map(|c| (owner.clone(), c.as_str())));
        }
        macro_rules! add {
            ($owner:expr, $list:expr) => {
                push(&mut out, $owner, $list)
            };
        }
        for c in &self.checks {
            add!(format!("check {}", c.id), &c.sources);
        }
        for a in &self.actions {
            add!(format!("action {}", a.id), &a.sources);
        }
        for l in &self.card_limits {
            add!(format!("card limit {}", l.kind.as_str()), &l.sources);
        }
        for e in &self.events {
            add!(format!("event {}", e.id), &e.sources);
            for r in &e.after_when {
                add!(format!("event {} (rule)", e.id), &r.sources);
            }
        }
        for c in &self.conflicts {
            for v in &c.values {
                add!(format!("conflict {}", c.id), &v.sources);
            }
        }
        let p = &self.deactivate.procedure;
        add!("procedure".into(), &p.sources);
        for s in &p.steps {
            add!(format!("procedure step {}", s.id), &s.sources);
        }
        for u in &p.unsupported {
            add!(
                format!("procedure unsupported {}", u.platform.as_str()),
                &u.sources
            );
        }
        for n in &self.deactivate.notes {
            add!(format!("note {}", n.id), &n.sources);
        }
        out
    }

    /// Every conflict reference of every record.
    fn conflict_refs(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for c in &self.checks {
            out.extend(
                c.conflicts
                    .iter()
                    .map(|x| (format!("check {}", c.id), x.as_str())),
            );
        }
        for e in &self.events {
            out.extend(
                e.conflicts
                    .iter()
                    .map(|x| (format!("event {}", e.id), x.as_str())),
            );
        }
        for n in &self.deactivate.notes {
            out.extend(
                n.conflicts
                    .iter()
                    .map(|x| (format!("note {}", n.id), x.as_str())),
            );
        }
        let p = &self.deactivate.procedure;
        out.extend(
            p.conflicts
                .iter()
                .map(|x| ("procedure".to_string(), x.as_str())),
        );
        out
    }

    /// Problems that make the data set unfit: a record without a source, a citation of a section
    /// that does not exist, a dangling id, a duplicate id, a conflict with fewer than two sources.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        let mut owners: BTreeSet<String> = BTreeSet::new();
        for (owner, c) in self.citations() {
            owners.insert(owner.clone());
            if !self.citation_exists(c) {
                p.push(format!(
                    "{owner}: cites `{c}`, which is no known source section"
                ));
            }
        }
        let cited = |owner: String, list: &[String], p: &mut Vec<String>| {
            if list.is_empty() {
                p.push(format!("{owner}: cites no source"));
            }
        };
        for c in &self.checks {
            cited(format!("check {}", c.id), &c.sources, &mut p);
        }
        for a in &self.actions {
            cited(format!("action {}", a.id), &a.sources, &mut p);
        }
        for e in &self.events {
            cited(format!("event {}", e.id), &e.sources, &mut p);
        }
        for n in &self.deactivate.notes {
            cited(format!("note {}", n.id), &n.sources, &mut p);
        }
        for c in &self.conflicts {
            for v in &c.values {
                cited(format!("conflict {}", c.id), &v.sources, &mut p);
            }
            let distinct: BTreeSet<&str> = c
                .values
                .iter()
                .flat_map(|v| v.sources.iter().map(String::as_str))
                .collect();
            if c.values.len() < 2 || distinct.len() < 2 {
                p.push(format!(
                    "conflict {}: needs at least two values from two different sources",
                    c.id
                ));
            }
        }
        for (owner, id) in self.conflict_refs() {
            if self.conflict(id).is_none() {
                p.push(format!("{owner}: names unknown conflict `{id}`"));
            }
        }
        let dup = |kind: &str, ids: Vec<&str>, p: &mut Vec<String>| {
            let mut seen = BTreeSet::new();
            for id in ids {
                if !seen.insert(id) {
                    p.push(format!("duplicate {kind} id `{id}`"));
                }
            }
        };
        dup(
            "check",
            self.checks.iter().map(|c| c.id.as_str()).collect(),
            &mut p,
        );
        dup(
            "action",
            self.actions.iter().map(|c| c.id.as_str()).collect(),
            &mut p,
        );
        dup(
            "event",
            self.events.iter().map(|c| c.id.as_str()).collect(),
            &mut p,
        );
        dup(
            "conflict",
            self.conflicts.iter().map(|c| c.id.as_str()).collect(),
            &mut p,
        );
        for kind in crate::profile::model::CardKind::ALL {
            if self.card_limit(*kind).is_none() {
                p.push(format!("card limits: no record for `{}`", kind.as_str()));
            }
        }
        use crate::profile::model::{CardKind, DeviceKind, Platform, Region};
        let missing = |what: &str, have: usize, want: usize, p: &mut Vec<String>| {
            if have != want {
                p.push(format!("vocab {what}: {have} names for {want} values"));
            }
        };
        missing(
            "platform",
            self.vocab.platform.len(),
            Platform::ALL.len(),
            &mut p,
        );
        missing("region", self.vocab.region.len(), Region::ALL.len(), &mut p);
        missing(
            "card_kind",
            self.vocab.card_kind.len(),
            CardKind::ALL.len(),
            &mut p,
        );
        missing(
            "device_kind",
            self.vocab.device_kind.len(),
            DeviceKind::ALL.len(),
            &mut p,
        );
        p
    }
}
