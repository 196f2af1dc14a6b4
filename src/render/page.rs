//! What the one-profile report says, in order: the answer (verdict, counts, date), what to do
//! next, the plan, the findings, the task's own parts, then the footnotes (disagreements
//! between sources, the sources). Compact by default; `--verbose` says everything.

use super::doc::{Block, Entry, Line, List, Span, Tone};
use super::hint::hint;
use super::labels::{window, Labels};
use super::parts;
use super::view::{Finding, View};
use jiff::civil::Date;

use crate::engine::{ReadyOn, Verdict, Window};
use crate::knowledge::{SourceKind, TaskId, Text};
use crate::tasks::result::{ActionView, ConflictView, Parts};

/// The blocks being written, and the disagreements they mention (numbered in order of
/// first mention, listed at the end).
pub struct Page<'r> {
    pub l: Labels,
    pub verbose: bool,
    conflicts: Vec<&'r ConflictView>,
    /// The sources behind what the report says (their ids, as in `S1`), for the sources line.
    cites: Vec<&'r str>,
    /// What the compact report leaves to `--verbose`: a label and how many.
    more: Vec<(&'static Text, usize)>,
    pub blocks: Vec<Block>,
}

impl<'r> Page<'r> {
    pub fn new(l: Labels, verbose: bool) -> Page<'r> {
        Page {
            l,
            verbose,
            conflicts: Vec::new(),
            cites: Vec::new(),
            more: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// The mark of the disagreements behind a figure (`⚠1,3`), or nothing.
    pub fn disputed(&mut self, list: &'r [ConflictView]) -> Option<Span> {
        if list.is_empty() {
            return None;
        }
        let numbers: Vec<String> = list
            .iter()
            .map(|c| {
                let at = match self.conflicts.iter().position(|x| x.id == c.id) {
                    Some(i) => i,
                    None => {
                        self.conflicts.push(c);
                        self.conflicts.len() - 1
                    }
                };
                (at + 1).to_string()
            })
            .collect();
        Some(Span::atom(format!("⚠{}", numbers.join(",")), Tone::Warn))
    }

    /// Remembers the sources of something the report says, for the sources line.
    pub fn cite(&mut self, sources: &[&'r str]) {
        for s in sources {
            let id = s.split_once('§').map_or(*s, |(id, _)| id);
            if !self.cites.contains(&id) {
                self.cites.push(id);
            }
        }
    }

    /// The citations, shown (`S1§3, O2`) and remembered for the sources line.
    pub fn sources(&mut self, sources: &[&'r str]) -> Span {
        self.cite(sources);
        Span::sources(sources)
    }

    /// A line followed by the disagreement mark and the sources, when there are any.
    pub fn cited(
        &mut self,
        line: Line,
        sources: &[&'r str],
        conflicts: &'r [ConflictView],
    ) -> Line {
        let mark = self.disputed(conflicts);
        let line = line.then(mark);
        if sources.is_empty() {
            line
        } else {
            line.then([self.sources(sources)])
        }
    }

    /// Like [`Page::cited`] with `--verbose`; otherwise only the disagreement mark, the
    /// sources being left to the full report (the sources line still names them).
    pub fn noted(
        &mut self,
        line: Line,
        sources: &[&'r str],
        conflicts: &'r [ConflictView],
    ) -> Line {
        if self.verbose {
            self.cited(line, sources, conflicts)
        } else {
            self.cite(sources);
            let mark = self.disputed(conflicts);
            line.then(mark)
        }
    }

    pub fn heading(&mut self, text: impl Into<String>) {
        self.blocks
            .push(Block::Heading(Span::toned(text, Tone::Strong).into()));
    }
    pub fn para(&mut self, line: Line) {
        self.blocks.push(Block::Para(line));
    }
    fn push_list(&mut self, numbered: bool, clip: bool, entries: Vec<Entry>) {
        if !entries.is_empty() {
            self.blocks.push(Block::List(List {
                numbered,
                clip,
                entries,
            }));
        }
    }
    pub fn list(&mut self, entries: Vec<Entry>) {
        self.push_list(false, false, entries);
    }
    pub fn numbered(&mut self, entries: Vec<Entry>) {
        self.push_list(true, false, entries);
    }
    /// A list whose entries take one line each, unless everything is asked for.
    pub fn clipped(&mut self, entries: Vec<Entry>) {
        let clip = !self.verbose;
        self.push_list(false, clip, entries);
    }
    /// Notes that `--verbose` would show: counted in the last line of the compact report.
    pub fn more(&mut self, label: &'static Text, n: usize) {
        if n > 0 {
            self.more.push((label, n));
        }
    }
    pub fn gap(&mut self) {
        self.blocks.push(Block::Gap);
    }
}

/// The report of one result.
pub fn report(view: &View<'_>, l: Labels, verbose: bool) -> Vec<Block> {
    let mut p = Page::new(l, verbose);
    header(&mut p, view);
    if let Parts::Realname(r) = &view.result.parts {
        parts::goal(&mut p, r);
    }
    // The causes are what a troubleshooter comes for: they come first, then what to do.
    if let Parts::Troubleshoot(t) = &view.result.parts {
        parts::causes(&mut p, t);
        p.gap();
    }
    next(&mut p, view);
    plan(&mut p, view);
    findings(&mut p, view);
    parts::task(&mut p, &view.result.parts);
    footnotes(&mut p, view);
    p.blocks
}

fn header<'r>(p: &mut Page<'r>, view: &View<'r>) {
    let (l, ui, r) = (p.l, p.l.ui, view.result);
    let mut title = Line::of([
        Span::toned(format!("wxacct {}", r.command.as_str()), Tone::Strong),
        Span::plain(" — "),
        Span::user(&r.source, Tone::Plain),
    ]);
    if let Some(id) = &r.id {
        title = title.then([
            Span::plain("("),
            Span::name(id, Tone::Plain),
            Span::plain(")"),
        ]);
    }
    p.blocks.push(Block::Title(title));

    let f = &view.findings;
    let counts: Vec<Span> = [
        (&ui.count_to_clear, f.to_clear.len(), Tone::Bad),
        (&ui.count_unknown, f.unknown.len(), Tone::Unknown),
        (&ui.count_warnings, f.warnings.len(), Tone::Warn),
    ]
    .into_iter()
    .filter(|(_, n, _)| *n > 0)
    .map(|(t, n, tone)| Span::toned(l.n(t, n), tone))
    .collect();
    let mut line = Line::of([l.verdict(view.verdict()), Span::plain(l.t(&ui.label_sep))]);
    if counts.is_empty() {
        line.push(Span::plain(l.t(match view.verdict() {
            Verdict::NotApplicable => &ui.nothing_to_do,
            _ => &ui.nothing_to_clear,
        })));
    }
    for (i, c) in counts.into_iter().enumerate() {
        if i > 0 {
            line.push(Span::plain(l.t(&ui.list_sep)));
        }
        line.push(c);
    }
    p.para(line);
    if view.verdict() != Verdict::NotApplicable {
        p.para(date_line(l, r.command, view.ready_on, view));
    }
    if let Parts::Realname(rp) = &r.parts {
        if let Some(c) = &rp.realname_cleared {
            if let Some(on) = c.on {
                let line = dated(l.t(&ui.realname_cleared_on), when(l, on, view.start));
                let line = p.noted(line, &c.sources, &c.conflicts);
                p.para(line);
            }
        }
    }
}

/// The date, worded for what it is: when the request can be submitted, the real name
/// changed, QQ unbound, or the causes cleared.
fn date_line(l: Labels, command: TaskId, ready_on: Option<ReadyOn>, view: &View<'_>) -> Line {
    let ui = l.ui;
    let Some(r) = ready_on else {
        return Span::toned(l.t(&ui.date_none), Tone::Bad).into();
    };
    let window = crate::engine::Window {
        earliest: r.earliest,
        latest: r.latest,
    };
    let phrase = l.t(match command {
        TaskId::Deactivate => &ui.date_deactivate,
        TaskId::Realname => &ui.date_realname,
        TaskId::UnbindQq => &ui.date_unbind_qq,
        TaskId::Troubleshoot => &ui.date_troubleshoot,
    });
    let mut line = dated(phrase, when(l, window, view.start));
    if r.provisional {
        // Unknown blockers, or else a step whose time is open-ended.
        let why = match view.findings.unknown.len() {
            0 => l.t(&ui.provisional_open_ended).to_string(),
            n => l.n(&ui.provisional_because, n),
        };
        line.push(Span::toned(why, Tone::Unknown));
    }
    line
}

/// A date worded for the phrase it goes in: "on 2026-11-26", "today, 2026-11-23",
/// "between … and …".
fn when(l: Labels, w: Window, start: Date) -> String {
    let ui = l.ui;
    if w.earliest != w.latest {
        l.t(&ui.when_between)
            .replace("{earliest}", &w.earliest.to_string())
            .replace("{latest}", &w.latest.to_string())
    } else if w.latest == start {
        l.t(&ui.when_today).replace("{date}", &w.latest.to_string())
    } else {
        l.t(&ui.when_on).replace("{date}", &w.latest.to_string())
    }
}

/// A phrase with `{when}` in it, the date part strong and unbreakable.
fn dated(phrase: &str, when: String) -> Line {
    let (before, after) = phrase.split_once("{when}").unwrap_or((phrase, ""));
    Line::of([
        Span::plain(before),
        Span::atom(when, Tone::Strong),
        Span::plain(after),
    ])
}

fn next(p: &mut Page<'_>, view: &View<'_>) {
    let (l, ui) = (p.l, p.l.ui);
    let text = if let Some(first) = view.plan.first() {
        let start = view
            .next
            .first()
            .map_or(first.start, |n| view.plan[n - 1].start);
        let when = if start == view.start {
            l.t(&ui.when_today).replace("{date}", &start.to_string())
        } else {
            l.t(&ui.when_on).replace("{date}", &start.to_string())
        };
        l.n(&ui.next_steps, view.next.len())
            .replace("{steps}", &l.step_numbers(&view.next))
            .replace("{when}", &when)
    } else {
        l.t(match view.verdict() {
            Verdict::Ready => &ui.next_go_ahead,
            Verdict::NotApplicable => &ui.nothing_to_do,
            Verdict::Incomplete => &ui.next_answer,
            Verdict::Blocked if view.ready_on.is_none() => &ui.next_no_remedy,
            Verdict::Blocked => &ui.next_clear,
        })
        .to_string()
    };
    p.para(Line::of([l.label(&ui.label_next), Span::plain(text)]));
}

fn plan<'r>(p: &mut Page<'r>, view: &View<'r>) {
    let (l, ui) = (p.l, p.l.ui);
    if view.plan.is_empty() {
        return;
    }
    p.heading(l.t(&ui.heading_plan));
    let mut entries = Vec::new();
    for a in view.plan {
        let mut title = Line::from(Span::user(&a.title, Tone::Plain));
        if a.done.latest != a.start || a.done.earliest != a.start {
            let done = l.t(&ui.done_by);
            let (before, after) = done.split_once("{date}").unwrap_or((done, ""));
            title.0.extend([
                Span::plain(before),
                Span::atom(window(a.done), Tone::Plain),
                Span::plain(after),
            ]);
        }
        let mut body = vec![title];
        if let Some(path) = a.path {
            body.push(Span::menu(path).into());
        }
        // The sources and any disagreement go at the end of the step's last line.
        if let Some(last) = body.pop() {
            body.push(p.cited(last, &a.sources, &a.conflicts));
        }
        if p.verbose {
            if let Some(n) = a.note {
                body.push(Span::toned(n, Tone::Dim).into());
            }
            if !a.duration_stated {
                body.push(Span::toned(l.t(&ui.duration_unstated), Tone::Dim).into());
            }
        }
        let entry = Entry::new(Span::atom(a.start.to_string(), Tone::Plain), body);
        entries.push(if p.verbose { entry } else { entry.folded() });
    }
    p.numbered(entries);
}

fn findings<'r>(p: &mut Page<'r>, view: &View<'r>) {
    let (l, ui) = (p.l, p.l.ui);
    let f = &view.findings;
    let plan = view.plan;
    section(p, &ui.heading_to_clear, &f.to_clear, Tone::Bad, |p, f| {
        remedy(p, f, plan)
    });
    if p.verbose {
        section(p, &ui.heading_unknown, &f.unknown, Tone::Unknown, |p, f| {
            vec![answer(p, f)]
        });
    } else {
        unknowns(p, &f.unknown);
    }
    section(p, &ui.heading_warnings, &f.warnings, Tone::Warn, |p, f| {
        remedy(p, f, plan)
    });
    if p.verbose {
        section(
            p,
            &ui.heading_unknown_warnings,
            &f.unknown_warnings,
            Tone::Unknown,
            |p, f| vec![answer(p, f)],
        );
        section(p, &ui.heading_info, &f.info, Tone::Plain, |p, f| {
            remedy(p, f, plan)
        });
        section(p, &ui.heading_passed, &f.passed, Tone::Good, |p, f| {
            vec![p.cited(
                Span::plain(f.check.title).into(),
                &f.check.sources,
                &f.check.conflicts,
            )]
        });
        return;
    }
    let mut line = Line::from(Span::toned(
        l.n(&ui.passed_count, f.passed.len()),
        Tone::Good,
    ));
    let others = [
        (&ui.unknown_warnings_count, f.unknown_warnings.len()),
        (&ui.info_count, f.info.len()),
    ];
    for (t, n) in others {
        if n > 0 {
            line.push(Span::plain(l.t(&ui.list_sep)));
            line.push(Span::toned(l.n(t, n), Tone::Unknown));
        }
    }
    p.para(line);
    p.more(&ui.heading_checks, f.total());
}

/// The unknown blockers, compactly: the flags that answer them, ready to add to the command
/// line (each flag once, in the order of the checks).
fn unknowns(p: &mut Page<'_>, list: &[Finding<'_>]) {
    if list.is_empty() {
        return;
    }
    let (l, ui) = (p.l, p.l.ui);
    p.heading(l.n(&ui.heading_unknown_n, list.len()));
    let mut flags: Vec<String> = Vec::new();
    let mut titles = Line::new();
    for f in list {
        if f.check.missing.is_empty() {
            titles = titles.then([Span::plain(f.check.title)]);
        }
        for field in &f.check.missing {
            let h = hint(field);
            if !flags.contains(&h) {
                flags.push(h);
            }
        }
    }
    let mut line = Line::new();
    for (i, h) in flags.into_iter().enumerate() {
        if i > 0 {
            line.push(Span::plain("  "));
        }
        line.push(Span::code(h, Tone::Unknown));
    }
    p.blocks.push(Block::Indented(line));
    if !titles.is_empty() {
        p.blocks.push(Block::Indented(titles));
    }
}

/// A heading and one entry per finding: the check id, then what to do about it.
fn section<'r>(
    p: &mut Page<'r>,
    heading: &'static crate::knowledge::Text,
    list: &[Finding<'r>],
    tone: Tone,
    body: impl Fn(&mut Page<'r>, &Finding<'r>) -> Vec<Line>,
) {
    if list.is_empty() {
        return;
    }
    p.heading(p.l.t(heading));
    let entries = list
        .iter()
        .map(|f| {
            let mut lines = body(p, f);
            if p.verbose && f.check.status != crate::engine::Status::Pass {
                lines.insert(0, Span::plain(f.check.title).into());
            }
            Entry::new(Span::code(f.check.id, tone), lines)
        })
        .collect();
    p.list(entries);
}

/// What clears a failed check: the plan steps that do, or else its remedy.
fn remedy<'r>(p: &mut Page<'r>, f: &Finding<'r>, plan: &'r [ActionView]) -> Vec<Line> {
    let c = f.check;
    // Compact, a check the plan clears points at its steps, which carry the sources and
    // disagreements; its remedy, sources and disagreements come with -v.
    let mut lines = vec![if f.steps.is_empty() || p.verbose {
        p.cited(Span::plain(c.remedy).into(), &c.sources, &c.conflicts)
    } else {
        Line::of([
            Span::plain(c.title),
            Span::plain(" → "),
            Span::plain(p.l.steps(&f.steps)),
        ])
    }];
    // Another way to clear it in one go, offered with the steps.
    let alternative = f
        .steps
        .iter()
        .find_map(|n| plan[n - 1].alternative.as_ref());
    if let Some(a) = alternative {
        let mut line = Line::of([
            Span::plain(p.l.t(&p.l.ui.alternative_step)),
            Span::plain(" "),
            Span::plain(a.title),
            Span::plain(" ("),
            Span::code(a.method, Tone::Plain),
            Span::plain(")"),
        ]);
        if p.verbose {
            line.push(Span::plain(" · "));
            line.push(Span::menu(a.path));
            line = p.cited(line, &a.sources, &a.conflicts);
        } else {
            p.cite(&a.sources);
        }
        lines.push(line);
    }
    lines
}

/// How to supply the facts an unknown check needs.
fn answer<'r>(p: &mut Page<'r>, f: &Finding<'r>) -> Line {
    let c = f.check;
    let mut line = Line::new();
    if c.missing.is_empty() {
        line.push(Span::plain(c.title));
    }
    for (i, field) in c.missing.iter().enumerate() {
        if i > 0 {
            line.push(Span::plain(" "));
        }
        line.push(Span::code(hint(field), Tone::Plain));
    }
    if p.verbose {
        p.cited(line, &c.sources, &c.conflicts)
    } else {
        line
    }
}

/// A disagreement's values, one a line with its sources, the one wxacct follows marked
/// with `followed`.
pub fn conflict_values(c: &ConflictView, followed: &Span) -> Vec<Line> {
    c.values
        .iter()
        .map(|v| {
            let line = Line::of([Span::plain("• "), Span::plain(v.value)])
                .then([Span::sources(&v.sources)]);
            if v.adopted {
                line.then([followed.clone()])
            } else {
                line
            }
        })
        .collect()
}

/// A disagreement: its id and subject; in full, also its values (the one wxacct follows
/// marked with `followed`) and how wxacct settles it.
pub fn conflict_body(l: Labels, c: &ConflictView, followed: Option<&Span>) -> Vec<Line> {
    let mut body = vec![Line::of([
        Span::code(c.id, Tone::Warn),
        Span::plain(l.t(&l.ui.label_sep)),
        Span::plain(c.subject),
    ])];
    if let Some(followed) = followed {
        body.extend(conflict_values(c, followed));
        body.push(Line::of([
            Span::plain("→ "),
            Span::toned(c.resolution, Tone::Dim),
        ]));
    }
    body
}

fn footnotes<'r>(p: &mut Page<'r>, view: &View<'r>) {
    let (l, ui) = (p.l, p.l.ui);
    let conflicts = std::mem::take(&mut p.conflicts);
    for c in &conflicts {
        for v in &c.values {
            p.cite(&v.sources);
        }
    }
    if !conflicts.is_empty() {
        let followed = Span::toned(l.t(&ui.conflict_followed), Tone::Good);
        p.heading(format!(
            "{}{}",
            l.t(&ui.heading_conflicts),
            if p.verbose { "" } else { l.t(&ui.explain_hint) }
        ));
        let entries = conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let body = conflict_body(l, c, p.verbose.then_some(&followed));
                Entry::new(Span::atom(format!("⚠{}", i + 1), Tone::Warn), body)
            })
            .collect();
        p.clipped(entries);
    }
    // The sources of what the report says, in the order of the reference list.
    let refs: Vec<_> = view
        .result
        .references
        .iter()
        .filter(|s| p.cites.contains(&s.id))
        .collect();
    if p.verbose {
        p.heading(l.t(&ui.heading_sources));
        let entries = refs
            .iter()
            .map(|s| {
                let date = s.published.map(|d| format!(", {d}")).unwrap_or_default();
                Entry::new(
                    Span::code(s.id, Tone::Dim),
                    std::iter::once(Line::from(Span::plain(format!(
                        "{} ({}{date})",
                        s.title,
                        l.source_kind(s.kind, 1)
                    ))))
                    .chain(s.urls.iter().map(|u| Line::from(Span::user(u, Tone::Dim)))),
                )
            })
            .collect();
        p.list(entries);
    } else {
        // One line: the ids, grouped by how far they are to be trusted.
        let mut line = Line::from(l.label(&ui.heading_sources));
        let mut kinds: Vec<SourceKind> = Vec::new();
        for s in &refs {
            if !kinds.contains(&s.kind) {
                kinds.push(s.kind);
            }
        }
        for kind in kinds {
            let ids: Vec<&str> = refs
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.id)
                .collect();
            if line.0.len() > 1 {
                line.push(Span::toned(" · ", Tone::Dim));
            }
            line.push(Span::code(ids.join(" "), Tone::Dim));
            line.push(Span::toned(
                format!(" {}", l.source_kind(kind, ids.len())),
                Tone::Dim,
            ));
        }
        p.gap();
        p.para(line);
        let more = std::mem::take(&mut p.more);
        if !more.is_empty() {
            let mut line = Line::from(l.label(&ui.more_with_verbose));
            for (i, (label, n)) in more.into_iter().enumerate() {
                if i > 0 {
                    line.push(Span::toned(l.t(&ui.list_sep), Tone::Dim));
                }
                line.push(Span::toned(format!("{} ({n})", l.t(label)), Tone::Dim));
            }
            p.para(line);
        }
    }
    let disclaimer = if p.verbose {
        &ui.disclaimer
    } else {
        &ui.disclaimer_short
    };
    p.para(Span::toned(l.t(disclaimer), Tone::Dim).into());
}
