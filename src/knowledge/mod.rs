//! The embedded knowledge base: every domain fact, typed, sourced and in both languages.
//! Rust code interprets these records; it holds no facts of its own.

pub mod fields;
pub mod predicate;
pub mod records;
pub mod section;
pub mod text;
pub mod ui;

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::engine::compiled::Code;

pub use predicate::{CheckTest, Condition, Pred};
pub use records::*;
pub use section::Section;
pub use text::Text;
pub use ui::{ExplainUi, Plural, Ui};

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
    ("realname.json", include_str!("../../data/realname.json")),
    ("unbind_qq.json", include_str!("../../data/unbind_qq.json")),
    (
        "troubleshoot.json",
        include_str!("../../data/troubleshoot.json"),
    ),
    ("vocab.json", include_str!("../../data/vocab.json")),
    ("ui.json", include_str!("../../data/ui.json")),
    (
        "explain_ui.json",
        include_str!("../../data/explain_ui.json"),
    ),
    ("fields.json", fields::FILE),
    ("messages.json", include_str!("../../data/messages.json")),
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
    /// Facts of the sources other than the guides (`F4`), cited as `O6§F4`.
    pub facts: Vec<FactDef>,
    /// In output order: severity, then id.
    pub checks: Vec<CheckDef>,
    pub actions: Vec<ActionDef>,
    /// The actions every other one waits for (`first`), by index.
    pub first_actions: Vec<usize>,
    pub card_limits: Vec<CardLimit>,
    /// How a card whose kind the profile does not give is named and scheduled.
    pub unknown_card: UnknownCardKind,
    pub events: Vec<EventDef>,
    /// The furthest any event can fall after the submission, in days (a year counted as 366
    /// days): worked out once, checked for every profile.
    pub events_reach: i64,
    pub conflicts: Vec<ConflictDef>,
    pub deactivate: DeactivateData,
    pub realname: Section<RealnameData>,
    pub unbind_qq: Section<UnbindQqData>,
    pub troubleshoot: Section<TroubleshootData>,
    pub vocab: Vocab,
    /// The labels of the reports.
    pub ui: Section<Ui>,
    /// The words of `wxacct explain` (a file of its own: the reports never read it).
    pub explain_ui: Section<ExplainUi>,
    /// What wxacct says when something goes wrong (`crate::message`).
    pub messages: Section<crate::message::Catalogue>,
    check_index: HashMap<String, usize>,
    conflict_index: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct SourcesFile {
    sources: Vec<SourceDef>,
    facts: Vec<FactDef>,
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
    unknown_kind: UnknownCardKind,
}
#[derive(Deserialize)]
struct TimelineFile {
    events: Vec<EventDef>,
}
#[derive(Deserialize)]
struct ConflictsFile {
    conflicts: Vec<ConflictDef>,
}

/// Ends the program when the embedded knowledge base does not load (a build that the test
/// suite would have refused).
fn invalid(problems: &[String]) -> ! {
    eprintln!(
        "wxacct: the embedded knowledge base is invalid:\n{}",
        problems.join("\n")
    );
    std::process::exit(70)
}

/// The furthest any event can fall after the submission, in days (a year counted as 366).
fn timeline_reach(events: &[EventDef]) -> i64 {
    events
        .iter()
        .flat_map(|e| std::iter::once(e.after).chain(e.after_when.iter().map(|r| r.after)))
        .map(|a| match a {
            After::Days(n) => i64::from(n),
            After::Years(n) => 366 * i64::from(n),
        })
        .max()
        .unwrap_or(0)
}

/// Points the conditions' check references at the checks.
fn link_conditions(
    conditions: Vec<(String, &mut Condition)>,
    index: &HashMap<String, usize>,
    errors: &mut Vec<String>,
) {
    for (owner, cond) in conditions {
        cond.0.check_refs_mut(&mut |id, idx| match index.get(id) {
            Some(i) => *idx = *i,
            None => errors.push(format!("{owner}: condition names unknown check `{id}`")),
        });
    }
}

/// A section with nothing to link.
fn link_nothing<T>(_: &mut T, _: &HashMap<String, usize>, _: &[CheckDef], _: &mut Vec<String>) {}

/// Orders the methods (gentlest first) and resolves their checks and conditions.
fn link_realname(
    r: &mut RealnameData,
    index: &HashMap<String, usize>,
    checks: &[CheckDef],
    errors: &mut Vec<String>,
) {
    r.methods.sort_by_key(|m| m.impact_rank);
    for m in &mut r.methods {
        // Unknown ids are reported by the content checks.
        m.blocker_idx = m
            .blocked_by
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
        if let Some(task) = m.blocked_by_task {
            for i in (0..checks.len()).filter(|&i| checks[i].tasks.contains(&task)) {
                if !m.blocker_idx.contains(&i) {
                    m.blocker_idx.push(i);
                }
            }
        }
        m.work_idx = m
            .work
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
    }
    let mut out: Vec<(String, &mut Condition)> = Vec::new();
    for n in &mut r.notes {
        if let Some(w) = &mut n.when {
            out.push((format!("note {}", n.id), w));
        }
    }
    for n in &mut r.goal_notes {
        out.push((format!("goal note {}", n.id), &mut n.when));
    }
    for m in &mut r.methods {
        if let Some(a) = &mut m.applicable {
            out.push((format!("method {}", m.id), a));
        }
        for n in &mut m.requirements {
            if let Some(w) = &mut n.when {
                out.push((format!("requirement {}", n.id), w));
            }
        }
    }
    link_conditions(out, index, errors);
}

fn link_unbind_qq(
    q: &mut UnbindQqData,
    index: &HashMap<String, usize>,
    _: &[CheckDef],
    errors: &mut Vec<String>,
) {
    let mut out: Vec<(String, &mut Condition)> = Vec::new();
    for n in q.notes.iter_mut().chain(&mut q.aftercare) {
        if let Some(w) = &mut n.when {
            out.push((format!("note {}", n.id), w));
        }
    }
    out.push(("unbind-qq applies".into(), &mut q.applies));
    for s in &mut q.scenarios {
        if let Some(w) = &mut s.when {
            out.push((format!("scenario {}", s.id.as_str()), w));
        }
    }
    for i in &mut q.impacts {
        if let Affected::When(w) = &mut i.affected {
            out.push((format!("impact {}", i.id), w));
        }
    }
    for p in &mut q.playbooks {
        out.push((format!("playbook {}", p.id), &mut p.when));
    }
    link_conditions(out, index, errors);
}

/// Resolves each cause's symptom and conditions, and lists the checks they name.
fn link_troubleshoot(
    t: &mut TroubleshootData,
    index: &HashMap<String, usize>,
    _: &[CheckDef],
    errors: &mut Vec<String>,
) {
    let mut out: Vec<(String, &mut Condition)> = Vec::new();
    for c in &mut t.causes {
        for w in c.likely_when.iter_mut().chain(&mut c.ruled_out_when) {
            out.push((format!("cause {}", c.id), w));
        }
    }
    link_conditions(out, index, errors);
    let as_built = t.as_built;
    for c in &mut t.causes {
        match t.symptoms.iter().position(|s| s.id == c.symptom) {
            Some(i) => c.symptom_idx = i,
            None => errors.push(format!("cause {}: unknown symptom `{}`", c.id, c.symptom)),
        }
        // The checks each condition names, in the order written.
        let refs = |w: &mut Option<Condition>| {
            let mut refs = Vec::new();
            if let Some(w) = w {
                w.0.check_refs_mut(&mut |_, idx| refs.push(*idx));
            }
            refs
        };
        let (likely, ruled_out) = (refs(&mut c.likely_when), refs(&mut c.ruled_out_when));
        let mut named = [likely.as_slice(), ruled_out.as_slice()].concat();
        named.retain(|&i| i != usize::MAX);
        named.sort_unstable();
        named.dedup();
        c.check_mask = named
            .iter()
            .fold(0, |m, &i| m | 1u64.checked_shl(i as u32).unwrap_or(0));
        c.checks = named;
        let test = |w: &Option<Condition>| w.as_ref().and_then(|w| CheckTest::of(&w.0));
        c.likely_test = test(&c.likely_when);
        c.ruled_out_test = test(&c.ruled_out_when);
        // A condition judged by mask tests needs no code.
        let code = |key, w: &Option<Condition>, test: Option<CheckTest>, refs| {
            let w = w.as_ref().filter(|_| test.is_none())?;
            Code::of(&c.id, key, w, refs, as_built)
        };
        c.likely_code = code("likely_when", &c.likely_when, c.likely_test, likely);
        c.ruled_out_code = code(
            "ruled_out_when",
            &c.ruled_out_when,
            c.ruled_out_test,
            ruled_out,
        );
    }
    let mut by_rank: Vec<usize> = (0..t.causes.len()).collect();
    by_rank.sort_by_key(|&i| (Reverse(t.causes[i].share_percent), t.causes[i].id.as_str()));
    t.by_rank = by_rank;
}

/// Where the data files come from: the embedded ones as they are (no copy), or the files a
/// test gives.
type Files<'a> = &'a dyn Fn(&str) -> Cow<'static, str>;

/// The embedded data files.
fn embedded(name: &str) -> Cow<'static, str> {
    Cow::Borrowed(file(name))
}

fn parse<T: DeserializeOwned>(get: Files<'_>, name: &str) -> Result<T, String> {
    let parsed = match get(name) {
        Cow::Borrowed(file) => text::reading(file, || serde_json::from_str(file)),
        Cow::Owned(file) => serde_json::from_str(&file),
    };
    parsed.map_err(|e| format!("data/{name}: {e}"))
}

static KB: OnceLock<Knowledge> = OnceLock::new();

/// One record's citations and conflict references, with the record's name for reports.
struct Cited<'a> {
    owner: String,
    sources: &'a [String],
    conflicts: &'a [String],
}

fn cite<'a>(owner: String, sources: &'a [String], conflicts: &'a [String]) -> Cited<'a> {
    Cited {
        owner,
        sources,
        conflicts,
    }
}

impl Knowledge {
    /// The embedded knowledge base, parsed and linked. The full validation (`load`) is not
    /// repeated at every start: the embedded files cannot change after the build, and the test
    /// suite validates exactly these files.
    ///
    /// The files only some commands need are read on first use ([`Section`]).
    pub fn get() -> &'static Knowledge {
        KB.get_or_init(|| match Knowledge::build(&embedded, true) {
            Ok(kb) => kb,
            Err(problems) => invalid(&problems),
        })
    }

    /// Parses, links and validates the embedded data files; returns every problem found.
    pub fn load() -> Result<Knowledge, Vec<String>> {
        Knowledge::build(&embedded, false).and_then(Knowledge::validated)
    }

    /// The same, from data files given by name (tests use it to try altered data).
    pub fn load_from(get: &dyn Fn(&str) -> String) -> Result<Knowledge, Vec<String>> {
        Knowledge::build(&|name| Cow::Owned(get(name)), false).and_then(Knowledge::validated)
    }

    /// The knowledge base when its content checks find no problem.
    fn validated(kb: Knowledge) -> Result<Knowledge, Vec<String>> {
        let problems = kb.problems();
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(problems)
        }
    }

    /// Parses and links the data files (references resolved), without the content checks.
    /// With `lazy`, the sections are left to be read from the embedded files on first use.
    fn build(get: Files<'_>, lazy: bool) -> Result<Knowledge, Vec<String>> {
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
        macro_rules! section {
            ($name:literal, $link:expr) => {
                if lazy {
                    Some(Section::lazy(|kb| {
                        let mut v = parse(&embedded, $name).map_err(|e| vec![e])?;
                        let mut errors = Vec::new();
                        $link(&mut v, &kb.check_index, &kb.checks, &mut errors);
                        if errors.is_empty() {
                            Ok(v)
                        } else {
                            Err(errors)
                        }
                    }))
                } else {
                    load!($name).map(Section::ready)
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
        let realname: Option<Section<RealnameData>> = section!("realname.json", link_realname);
        let unbind_qq: Option<Section<UnbindQqData>> = section!("unbind_qq.json", link_unbind_qq);
        let troubleshoot: Option<Section<TroubleshootData>> =
            section!("troubleshoot.json", link_troubleshoot);
        let vocab: Option<Vocab> = load!("vocab.json");
        let ui: Option<Section<Ui>> = section!("ui.json", link_nothing);
        let explain_ui: Option<Section<ExplainUi>> = section!("explain_ui.json", link_nothing);
        let messages: Option<Section<crate::message::Catalogue>> =
            section!("messages.json", link_nothing);
        let (
            Some(sources),
            Some(checks),
            Some(actions),
            Some(card_limits),
            Some(events),
            Some(conflicts),
            Some(deactivate),
            Some(realname),
            Some(unbind_qq),
            Some(troubleshoot),
            Some(vocab),
            Some(ui),
            Some(explain_ui),
            Some(messages),
        ) = (
            sources,
            checks,
            actions,
            card_limits,
            events,
            conflicts,
            deactivate,
            realname,
            unbind_qq,
            troubleshoot,
            vocab,
            ui,
            explain_ui,
            messages,
        )
        else {
            return Err(errors);
        };
        let mut checks = checks.checks;
        // A task's outcomes are tallied one bit per check (`engine::checks::Tally`).
        let most = crate::engine::checks::Tally::CAPACITY;
        if checks.len() > most {
            return Err(vec![format!(
                "checks.json: {} checks, at most {most} are supported",
                checks.len()
            )]);
        }
        checks.sort_by(|a, b| a.id.cmp(&b.id));
        // `build.rs` wrote its code from the embedded checks.json: loaded as it is, each check's
        // condition is the one its code was written from; otherwise each is compared.
        let as_built = get("checks.json") == file("checks.json");
        for (rank, c) in checks.iter_mut().enumerate() {
            c.id_rank = rank;
            c.compiled = crate::engine::compiled::number(&c.id, &c.fails_when.1, as_built);
        }
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
            facts: sources.facts,
            checks,
            actions: actions.actions,
            first_actions: Vec::new(),
            card_limits: card_limits.card_limits,
            unknown_card: card_limits.unknown_kind,
            events_reach: timeline_reach(&events.events),
            events: events.events,
            conflicts: conflicts.conflicts,
            deactivate,
            realname,
            unbind_qq,
            troubleshoot,
            vocab,
            ui,
            explain_ui,
            messages,
            check_index,
            conflict_index,
        };
        // A troubleshoot.json read up front is the one `build.rs` read only when it is the same.
        if let Some(t) = kb.troubleshoot.get_mut() {
            t.as_built = get("troubleshoot.json") == file("troubleshoot.json");
        }
        kb.link(&mut errors);
        if errors.is_empty() {
            Ok(kb)
        } else {
            Err(errors)
        }
    }

    /// Resolves references between records (check → action, condition → check), in the
    /// sections read so far.
    fn link(&mut self, errors: &mut Vec<String>) {
        let action_ids: HashMap<String, usize> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        for a in &mut self.actions {
            for w in &mut a.after {
                match action_ids.get(&w.action) {
                    Some(i) => w.action_idx = *i,
                    None => errors.push(format!(
                        "action {}: waits for unknown action `{}`",
                        a.id, w.action
                    )),
                }
            }
        }
        self.set_action_depths();
        for c in &mut self.checks {
            c.id_json = serde_json::value::to_raw_value(&c.id).ok();
            if let Some(a) = &c.action {
                match action_ids.get(a) {
                    Some(i) => c.action_idx = Some(*i),
                    None => errors.push(format!("check {}: unknown action `{a}`", c.id)),
                }
            }
        }
        let index = std::mem::take(&mut self.check_index);
        link_conditions(self.core_conditions(), &index, errors);
        if let Some(r) = self.realname.get_mut() {
            link_realname(r, &index, &self.checks, errors);
        }
        if let Some(q) = self.unbind_qq.get_mut() {
            link_unbind_qq(q, &index, &self.checks, errors);
        }
        if let Some(t) = self.troubleshoot.get_mut() {
            link_troubleshoot(t, &index, &self.checks, errors);
        }
        self.check_index = index;
    }

    /// What each action waits for: its `after` list, and every `first` action.
    pub fn waited_for(&self, a: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.actions[a].first;
        let firsts = (0..self.actions.len()).filter(move |&f| !first && self.actions[f].first);
        let own = self.actions[a].after.iter().map(|w| w.action_idx);
        own.filter(|&i| i < self.actions.len()).chain(firsts)
    }

    /// Each action's depth in the graph of what waits for what, and whether its steps can
    /// move a date. Bounded by the number of actions, so that a cycle (reported by
    /// `problems`) cannot make it loop.
    fn set_action_depths(&mut self) {
        let n = self.actions.len();
        let mut depth = vec![0usize; n];
        for _ in 0..n {
            let mut changed = false;
            for a in 0..n {
                let d = self.waited_for(a).map(|b| depth[b] + 1).max().unwrap_or(0);
                if d > depth[a] && d <= n {
                    depth[a] = d;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (a, d) in self.actions.iter_mut().zip(depth) {
            a.depth = d;
            a.dateless = a.moves_no_date();
        }
        self.first_actions = (0..n).filter(|&a| self.actions[a].first).collect();
    }

    /// Every condition of the records that are always read, with the record it belongs to.
    fn core_conditions(&mut self) -> Vec<(String, &mut Condition)> {
        let mut out: Vec<(String, &mut Condition)> = Vec::new();
        for c in &mut self.checks {
            out.push((format!("check {}", c.id), &mut c.fails_when));
            for r in &mut c.severity_when {
                out.push((format!("check {} (severity)", c.id), &mut r.when));
            }
        }
        for e in &mut self.events {
            for r in &mut e.after_when {
                out.push((format!("event {}", e.id), &mut r.when));
            }
        }
        for n in &mut self.deactivate.notes {
            if let Some(w) = &mut n.when {
                out.push((format!("note {}", n.id), w));
            }
        }
        out
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
    pub fn source(&self, id: &str) -> Option<&SourceDef> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn fact(&self, id: &str) -> Option<&FactDef> {
        self.facts.iter().find(|f| f.id == id)
    }
    /// The kind of the source a citation (`S1§3`, `O2§F11`, `O1`) names.
    pub fn citation_kind(&self, citation: &str) -> Option<SourceKind> {
        let id = citation.split_once('§').map_or(citation, |(id, _)| id);
        self.source(id).map(|s| s.kind)
    }
    /// Whether an official source and a guide are among the values of conflict `c`.
    pub fn official_vs_guides(&self, c: &ConflictDef) -> bool {
        let kinds: Vec<SourceKind> = c
            .values
            .iter()
            .flat_map(|v| &v.sources)
            .filter_map(|s| self.citation_kind(s))
            .collect();
        kinds.iter().any(|k| k.is_official()) && kinds.contains(&SourceKind::ThirdPartyGuide)
    }
    pub fn card_limit(&self, kind: crate::profile::model::CardKind) -> Option<&CardLimit> {
        self.card_limits.iter().find(|c| c.kind == kind)
    }
    pub fn symptom_idx(&self, id: &str) -> Option<usize> {
        self.troubleshoot.symptoms.iter().position(|s| s.id == id)
    }

    /// Whether `citation` names a part that exists: a guide's section (`S1§3`, `S1§intro`), a
    /// fact of a source that states it (`O2§F11`), or a source without sections as a whole (`O1`).
    pub fn citation_exists(&self, citation: &str) -> bool {
        let (id, part) = match citation.split_once('§') {
            Some((id, s)) => (id, Some(s)),
            None => (citation, None),
        };
        let stated = |f: &str| {
            self.fact(f)
                .is_some_and(|f| f.sources.iter().any(|s| s == id))
        };
        match (self.source(id), part) {
            (Some(src), Some(p)) => src.sections.iter().any(|x| x == p) || stated(p),
            (Some(src), None) => src.sections.is_empty(),
            (None, _) => false,
        }
    }

    /// Every record that cites sources, with its citations and conflict references.
    fn cited(&self) -> Vec<Cited<'_>> {
        let mut out = Vec::new();
        for c in &self.checks {
            out.push(cite(format!("check {}", c.id), &c.sources, &c.conflicts));
        }
        for a in &self.actions {
            out.push(cite(format!("action {}", a.id), &a.sources, &a.conflicts));
        }
        for l in &self.card_limits {
            let owner = format!("card limit {}", l.kind.as_str());
            out.push(cite(owner, &l.sources, &[]));
        }
        let u = &self.unknown_card;
        out.push(cite(
            "card limit of an unknown kind".into(),
            &u.sources,
            &[],
        ));
        for e in &self.events {
            out.push(cite(format!("event {}", e.id), &e.sources, &e.conflicts));
            for r in &e.after_when {
                out.push(cite(format!("event {} (rule)", e.id), &r.sources, &[]));
            }
        }
        for c in &self.conflicts {
            for v in &c.values {
                out.push(cite(format!("conflict {}", c.id), &v.sources, &[]));
            }
        }
        let p = &self.deactivate.procedure;
        out.push(cite("procedure".into(), &p.sources, &p.conflicts));
        for s in &p.steps {
            let owner = format!("procedure step {}", s.id);
            out.push(cite(owner, &s.sources, &s.conflicts));
        }
        for u in &p.unsupported {
            let owner = format!("procedure unsupported {}", u.platform.as_str());
            out.push(cite(owner, &u.sources, &[]));
        }
        for n in self.notes() {
            out.push(cite(format!("note {}", n.id), &n.sources, &n.conflicts));
        }
        let r = &self.realname;
        for g in &r.goals {
            out.push(cite(format!("goal {}", g.id.as_str()), &g.sources, &[]));
        }
        for m in &r.methods {
            out.push(cite(format!("method {}", m.id), &m.sources, &m.conflicts));
            if !m.path_sources.is_empty() {
                out.push(cite(
                    format!("method {} (path)", m.id),
                    &m.path_sources,
                    &[],
                ));
            }
            if let Some(Clearing::AfterDays {
                sources, conflicts, ..
            }) = &m.clears_realname
            {
                out.push(cite(
                    format!("method {} (clearing)", m.id),
                    sources,
                    conflicts,
                ));
            }
        }
        for n in &r.goal_notes {
            out.push(cite(format!("goal note {}", n.id), &n.sources, &[]));
        }
        let q = &self.unbind_qq;
        for p in &q.paths {
            let owner = format!("qq path {}", p.platform.as_str());
            out.push(cite(owner, &p.sources, &p.conflicts));
        }
        for s in &q.scenarios {
            out.push(cite(format!("scenario {}", s.id.as_str()), &s.sources, &[]));
        }
        for v in &q.verification {
            let (sc, pl) = (v.scenario.as_str(), v.platform.as_str());
            let owner = format!("verification {sc} {pl}");
            out.push(cite(owner, &v.sources, &v.conflicts));
        }
        for i in &q.impacts {
            out.push(cite(format!("impact {}", i.id), &i.sources, &i.conflicts));
        }
        for k in &q.risk_kinds {
            out.push(cite(format!("risk kind {}", k.id), &k.sources, &[]));
        }
        for r in &q.risks {
            let owner = format!("risks {}", r.platform.as_str());
            out.push(cite(owner, &r.sources, &r.conflicts));
        }
        for a in &q.alternatives {
            out.push(cite(format!("alternative {}", a.id), &a.sources, &[]));
        }
        for p in &q.playbooks {
            out.push(cite(format!("playbook {}", p.id), &p.sources, &[]));
        }
        let t = &self.troubleshoot;
        for s in &t.symptoms {
            out.push(cite(format!("symptom {}", s.id), &s.sources, &[]));
        }
        for c in &t.causes {
            out.push(cite(format!("cause {}", c.id), &c.sources, &c.conflicts));
        }
        out
    }

    /// Every note-like record: notes of every task, requirements and aftercare items.
    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        let requirements = self.realname.methods.iter().flat_map(|m| &m.requirements);
        self.deactivate
            .notes
            .iter()
            .chain(&self.realname.notes)
            .chain(requirements)
            .chain(&self.unbind_qq.aftercare)
            .chain(&self.unbind_qq.notes)
    }

    /// The records that cite fact `id` (through any source that states it).
    pub fn fact_users(&self, id: &str) -> Vec<String> {
        let mut users: Vec<String> = self
            .citations()
            .into_iter()
            .filter(|(_, c)| c.split_once('§').is_some_and(|(_, f)| f == id))
            .map(|(owner, _)| owner)
            .collect();
        users.dedup();
        users
    }

    /// The records that show conflict `id`, by kind and id (`check wallet.licaitong`).
    pub fn conflict_users(&self, id: &str) -> Vec<String> {
        let mut users: Vec<String> = self
            .cited()
            .into_iter()
            .filter(|c| c.conflicts.iter().any(|x| x == id))
            .map(|c| c.owner)
            .collect();
        users.dedup();
        users
    }

    /// Every citation of every record, with the record it belongs to.
    pub fn citations(&self) -> Vec<(String, &str)> {
        self.cited()
            .into_iter()
            .flat_map(|c| c.sources.iter().map(move |s| (c.owner.clone(), s.as_str())))
            .collect()
    }

    /// Problems that make the data set unfit: a record without a source, a citation of a section
    /// that does not exist, a dangling id, a duplicate id, a conflict with fewer than two sources,
    /// a goal, platform or scenario the data does not cover.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        for Cited {
            owner,
            sources,
            conflicts,
        } in self.cited()
        {
            if sources.is_empty() {
                p.push(format!("{owner}: cites no source"));
            }
            for c in sources.iter().filter(|c| !self.citation_exists(c)) {
                p.push(format!(
                    "{owner}: cites `{c}`, which is no known source section"
                ));
            }
            for id in conflicts.iter().filter(|id| self.conflict(id).is_none()) {
                p.push(format!("{owner}: names unknown conflict `{id}`"));
            }
        }
        for c in &self.conflicts {
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
            if self.conflict_users(&c.id).is_empty() {
                p.push(format!(
                    "conflict {}: no record shows it (name it where the figure appears)",
                    c.id
                ));
            }
        }
        p.extend(self.fact_problems());
        p.extend(self.adoption_problems());
        let (r, q, t) = (&self.realname, &self.unbind_qq, &self.troubleshoot);
        let notes = self.notes().map(|n| &n.id);
        let id_lists: [(&str, Vec<&String>); 14] = [
            ("source", self.sources.iter().map(|s| &s.id).collect()),
            ("fact", self.facts.iter().map(|f| &f.id).collect()),
            ("check", self.checks.iter().map(|c| &c.id).collect()),
            ("action", self.actions.iter().map(|a| &a.id).collect()),
            ("event", self.events.iter().map(|e| &e.id).collect()),
            ("conflict", self.conflicts.iter().map(|c| &c.id).collect()),
            (
                "note",
                notes.chain(r.goal_notes.iter().map(|n| &n.id)).collect(),
            ),
            ("method", r.methods.iter().map(|m| &m.id).collect()),
            ("impact", q.impacts.iter().map(|i| &i.id).collect()),
            ("risk kind", q.risk_kinds.iter().map(|k| &k.id).collect()),
            (
                "alternative",
                q.alternatives.iter().map(|a| &a.id).collect(),
            ),
            ("playbook", q.playbooks.iter().map(|b| &b.id).collect()),
            ("symptom", t.symptoms.iter().map(|s| &s.id).collect()),
            ("cause", t.causes.iter().map(|c| &c.id).collect()),
        ];
        for (kind, ids) in id_lists {
            let mut seen = BTreeSet::new();
            for id in ids.into_iter().filter(|id| !seen.insert(*id)) {
                p.push(format!("duplicate {kind} id `{id}`"));
            }
        }
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
        p.extend(self.plan_graph_problems());
        p.extend(self.realname_problems());
        p.extend(self.unbind_qq_problems());
        p.extend(self.troubleshoot_problems());
        p
    }

    /// The plan's graph: no action waits for itself, directly or not; a same-item edge joins
    /// two actions over the same list; a card schedule runs over the bank cards.
    fn plan_graph_problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        let list = |a: &ActionDef| a.per_item.as_ref().map(|x| x.list);
        for a in &self.actions {
            if matches!(a.duration, Duration::CardSchedule)
                && list(a) != Some(crate::profile::field::ListField::BankCards)
            {
                p.push(format!(
                    "action {}: a card schedule needs `per_item` over the bank cards",
                    a.id
                ));
            }
            for w in &a.after {
                let Some(b) = self.actions.get(w.action_idx) else {
                    continue;
                };
                let same_list = list(a).is_some() && list(a) == list(b);
                if w.scope == Scope::SameItem && !same_list {
                    p.push(format!(
                        "action {}: `same-item` on `{}`, which is not about the same list",
                        a.id, b.id
                    ));
                }
                if w.scope == Scope::LastItem && list(a).is_none() {
                    p.push(format!(
                        "action {}: `last-item` on an action with one step",
                        a.id
                    ));
                }
            }
        }
        // Depth-first search for a cycle over the declared edges and the `first` actions.
        let n = self.actions.len();
        let waits = |i: usize| -> Vec<usize> { self.waited_for(i).collect() };
        let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
        for root in 0..n {
            let mut stack = vec![(root, 0usize)];
            while let Some((i, k)) = stack.pop() {
                if k == 0 {
                    if state[i] == 2 {
                        continue;
                    }
                    state[i] = 1;
                }
                let next = waits(i);
                if let Some(&j) = next.get(k) {
                    stack.push((i, k + 1));
                    match state[j] {
                        0 => stack.push((j, 0)),
                        1 => p.push(format!(
                            "action {}: waits for `{}`, which waits for it (a cycle)",
                            self.actions[i].id, self.actions[j].id
                        )),
                        _ => {}
                    }
                } else {
                    state[i] = 2;
                }
            }
        }
        p
    }

    /// Every fact is stated by known sources and carried by some record.
    fn fact_problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        for f in &self.facts {
            if f.sources.is_empty() {
                p.push(format!("fact {}: names no source", f.id));
            }
            for s in f.sources.iter().filter(|s| self.source(s).is_none()) {
                p.push(format!("fact {}: unknown source `{s}`", f.id));
            }
            if self.fact_users(&f.id).is_empty() {
                p.push(format!("fact {}: no record cites it", f.id));
            }
        }
        p
    }

    /// At most one value of a conflict is the one followed; where an official source disagrees
    /// with a guide, exactly one is.
    fn adoption_problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        for c in &self.conflicts {
            let adopted = c.values.iter().filter(|v| v.adopted).count();
            if adopted > 1 {
                p.push(format!("conflict {}: {adopted} values adopted", c.id));
            }
            if adopted == 0 && self.official_vs_guides(c) {
                p.push(format!(
                    "conflict {}: an official source disagrees with a guide, but no value is adopted",
                    c.id
                ));
            }
        }
        p
    }

    /// Every symptom has a cause, and shares are percentages.
    fn troubleshoot_problems(&self) -> Vec<String> {
        let t = &self.troubleshoot;
        let mut p = Vec::new();
        for (i, s) in t.symptoms.iter().enumerate() {
            if !t.causes.iter().any(|c| c.symptom_idx == i) {
                p.push(format!("symptom {}: no cause names it", s.id));
            }
        }
        for c in t.causes.iter().filter(|c| c.share_percent > Some(100)) {
            p.push(format!("cause {}: share above 100%", c.id));
        }
        p
    }

    /// Every goal is named and reachable; methods name known checks.
    fn realname_problems(&self) -> Vec<String> {
        let r = &self.realname;
        let mut p = Vec::new();
        for g in Goal::ALL {
            if !r.goals.iter().any(|d| d.id == *g) {
                p.push(format!("realname: goal `{}` has no record", g.as_str()));
            }
            if !r.methods.iter().any(|m| m.achieves.contains(g)) {
                p.push(format!("realname: no method achieves `{}`", g.as_str()));
            }
        }
        for m in &r.methods {
            for id in m.blocked_by.iter().chain(&m.work) {
                if self.check(id).is_none() {
                    p.push(format!("method {}: names unknown check `{id}`", m.id));
                }
            }
            if let Some(Clearing::Event(e)) = &m.clears_realname {
                if !self.events.iter().any(|x| &x.id == e) {
                    p.push(format!("method {}: names unknown event `{e}`", m.id));
                }
            }
        }
        if self.check(&r.precondition).is_none() {
            let id = &r.precondition;
            p.push(format!("realname: precondition names unknown check `{id}`"));
        }
        for c in &self.checks {
            let known = |m: &String| r.methods.iter().any(|x| &x.id == m);
            if let Some(m) = c.alternative.as_ref().filter(|m| !known(m)) {
                p.push(format!(
                    "check {}: alternative names unknown method `{m}`",
                    c.id
                ));
            }
        }
        p
    }

    /// Every platform has a path and risks, every scenario a record and a verification per
    /// platform, one scenario is the fallback, and ratings name known risks.
    fn unbind_qq_problems(&self) -> Vec<String> {
        use crate::profile::model::Platform;
        let q = &self.unbind_qq;
        let mut p = Vec::new();
        for pl in Platform::ALL {
            if !q.paths.iter().any(|x| x.platform == *pl) {
                p.push(format!("unbind-qq: no path for `{}`", pl.as_str()));
            }
            match q.risks.iter().find(|r| r.platform == *pl) {
                None => p.push(format!("unbind-qq: no risks for `{}`", pl.as_str())),
                Some(r) => {
                    for k in &q.risk_kinds {
                        if !r.ratings.iter().any(|x| x.risk == k.id) {
                            p.push(format!("risks {}: `{}` not rated", pl.as_str(), k.id));
                        }
                    }
                }
            }
            for s in Scenario::ALL {
                let n = q
                    .verification
                    .iter()
                    .filter(|v| v.platform == *pl && v.scenario == *s)
                    .count();
                if n != 1 {
                    p.push(format!(
                        "unbind-qq: {n} verification records for {} on {}",
                        s.as_str(),
                        pl.as_str()
                    ));
                }
            }
        }
        for s in Scenario::ALL {
            if !q.scenarios.iter().any(|d| d.id == *s) {
                p.push(format!(
                    "unbind-qq: scenario `{}` has no record",
                    s.as_str()
                ));
            }
        }
        if !q.scenarios.iter().any(|s| s.when.is_none()) {
            p.push("unbind-qq: no fallback scenario (one without `when`)".into());
        }
        let rated = q.risks.iter().flat_map(|r| &r.ratings);
        for r in rated.filter(|r| !q.risk_kinds.iter().any(|k| k.id == r.risk)) {
            p.push(format!("unbind-qq: rating names unknown risk `{}`", r.risk));
        }
        p
    }
}
