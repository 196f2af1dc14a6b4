//! What a result looks like for people: the blocks of a table or markdown report.
//! Decisions were made by the tasks; this only arranges and labels them.

use std::collections::BTreeMap;

use super::doc::{Block, Span, Tone};
use crate::engine::{ReadyOn, Status, Verdict, Window};
use crate::knowledge::{Knowledge, Severity, SourceKind, Text, Ui};
use crate::lang::Lang;
use crate::tasks::result::{
    ActionView, CheckView, ConflictView, DeactivateParts, Parts, ResultSummary, Summary, TaskResult,
};

pub struct Labels {
    pub ui: &'static Ui,
    pub lang: Lang,
}

impl Labels {
    pub fn new(kb: &'static Knowledge, lang: Lang) -> Labels {
        Labels { ui: &kb.ui, lang }
    }
    pub fn t(&self, text: &'static Text) -> &'static str {
        text.get(self.lang)
    }
    pub fn verdict(&self, v: Verdict) -> Span {
        let (t, tone) = match v {
            Verdict::Ready => (&self.ui.verdict_ready, Tone::Good),
            Verdict::Blocked => (&self.ui.verdict_blocked, Tone::Bad),
            Verdict::Incomplete => (&self.ui.verdict_incomplete, Tone::Warn),
            Verdict::NotApplicable => (&self.ui.verdict_not_applicable, Tone::Dim),
        };
        Span::new(self.t(t), tone)
    }
    pub fn status(&self, s: Status) -> Span {
        match s {
            Status::Pass => Span::new(self.t(&self.ui.status_pass), Tone::Good),
            Status::Fail => Span::new(self.t(&self.ui.status_fail), Tone::Bad),
            Status::Unknown => Span::new(self.t(&self.ui.status_unknown), Tone::Warn),
        }
    }
    pub fn severity(&self, s: Severity) -> &'static str {
        self.t(match s {
            Severity::Blocker => &self.ui.severity_blocker,
            Severity::Warning => &self.ui.severity_warning,
            Severity::Info => &self.ui.severity_info,
        })
    }
    pub fn ready_on(&self, r: Option<ReadyOn>) -> Vec<Span> {
        let mut v = vec![Span::new(
            format!("{}: ", self.t(&self.ui.ready_on)),
            Tone::Strong,
        )];
        match r {
            None => v.push(Span::new(self.t(&self.ui.no_ready_date), Tone::Bad)),
            Some(r) => {
                v.push(Span::plain(window(Window {
                    earliest: r.earliest,
                    latest: r.latest,
                })));
                if r.provisional {
                    v.push(Span::new(
                        format!(" ({})", self.t(&self.ui.provisional)),
                        Tone::Warn,
                    ));
                }
            }
        }
        v
    }
    /// A short mark for figures the sources disagree on.
    pub fn disputed(&self, c: &[ConflictView]) -> String {
        if c.is_empty() {
            return String::new();
        }
        let ids: Vec<&str> = c.iter().map(|c| c.id).collect();
        format!(
            " ⚠ {}: {}",
            self.t(&self.ui.sources_disagree),
            ids.join(", ")
        )
    }
}

pub fn window(w: Window) -> String {
    if w.earliest == w.latest {
        w.earliest.to_string()
    } else {
        format!("{} … {}", w.earliest, w.latest)
    }
}

fn sources(list: &[&str]) -> String {
    list.join(", ")
}

/// The full report of one result.
pub fn result(r: &TaskResult, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let mut title = format!("wxacct {} — {}", r.command.as_str(), r.source);
    if let Some(id) = &r.id {
        title.push_str(&format!(" ({id})"));
    }
    let mut b = vec![Block::Title(title)];
    let mut verdict = vec![
        Span::new(format!("{}: ", l.t(&ui.verdict)), Tone::Strong),
        l.verdict(r.verdict),
    ];
    let ready = match &r.parts {
        Parts::Deactivate(p) => Some(p.ready_on),
    };
    if let Some(ready) = ready {
        verdict.push(Span::plain("   "));
        verdict.extend(l.ready_on(ready));
    }
    b.push(Block::Line(verdict));
    b.extend(checks(&r.checks, l));
    match &r.parts {
        Parts::Deactivate(p) => b.extend(deactivate(p, l)),
    }
    b.extend(conflicts(r, l));
    b.extend(references(r, l));
    b
}

fn checks(list: &[CheckView], l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let rows = list
        .iter()
        .map(|c| {
            let what = match c.status {
                Status::Fail => format!("{}{}", c.remedy, l.disputed(&c.conflicts)),
                Status::Unknown => l
                    .t(&ui.missing_fields)
                    .replace("{fields}", &c.missing.join(", ")),
                Status::Pass => String::new(),
            };
            vec![
                l.status(c.status),
                Span::plain(l.severity(c.severity)),
                Span::plain(format!("{}\n{}", c.title, c.id)),
                Span::plain(what),
                Span::new(sources(&c.sources), Tone::Dim),
            ]
        })
        .collect();
    vec![
        Block::Heading(l.t(&ui.heading_checks).to_string()),
        Block::Table {
            header: vec![
                l.t(&ui.col_status).into(),
                l.t(&ui.col_severity).into(),
                l.t(&ui.col_check).into(),
                l.t(&ui.col_detail).into(),
                l.t(&ui.col_sources).into(),
            ],
            rows,
        },
    ]
}

fn plan(actions: &[ActionView], l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let mut b = vec![Block::Heading(l.t(&ui.heading_plan).to_string())];
    if actions.is_empty() {
        b.push(Block::Line(vec![Span::new(
            l.t(&ui.nothing_to_do),
            Tone::Good,
        )]));
        return b;
    }
    let rows = actions
        .iter()
        .map(|a| {
            let mut what = a.title.clone();
            if let Some(n) = a.note {
                what.push_str(&format!("\n{n}"));
            }
            if !a.duration_stated {
                what.push_str(&format!("\n({})", l.t(&ui.duration_unstated)));
            }
            vec![
                Span::plain(a.start.to_string()),
                Span::plain(window(a.done)),
                Span::plain(what),
                Span::plain(a.path.unwrap_or("")),
                Span::new(sources(&a.sources), Tone::Dim),
            ]
        })
        .collect();
    b.push(Block::Table {
        header: vec![
            l.t(&ui.col_start).into(),
            l.t(&ui.col_done).into(),
            l.t(&ui.col_action).into(),
            l.t(&ui.col_path).into(),
            l.t(&ui.col_sources).into(),
        ],
        rows,
    });
    b
}

fn deactivate(p: &DeactivateParts, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let mut b = plan(&p.plan, l);
    let pr = &p.procedure;
    b.push(Block::Heading(l.t(&ui.heading_procedure).to_string()));
    b.push(Block::Line(vec![Span::new(
        format!("{}{}", pr.path, l.disputed(&pr.conflicts)),
        Tone::Strong,
    )]));
    b.push(Block::Line(vec![Span::new(
        l.t(&ui.screens)
            .replace("{n}", &pr.screens.to_string())
            .replace("{version}", pr.tested_on),
        Tone::Dim,
    )]));
    if let Some(n) = pr.unsupported_note {
        b.push(Block::Line(vec![Span::new(n, Tone::Warn)]));
    }
    if pr.platform.is_none() {
        b.push(Block::Line(vec![Span::new(
            l.t(&ui.platform_unknown),
            Tone::Warn,
        )]));
    }
    b.push(Block::Bullets(
        pr.steps
            .iter()
            .map(|s| {
                vec![
                    Span::plain(s.text),
                    Span::new(format!("  [{}]", sources(&s.sources)), Tone::Dim),
                ]
            })
            .collect(),
    ));
    let heading = match p.ready_on {
        Some(r) => format!(
            "{} ({})",
            l.t(&ui.heading_timeline),
            l.t(&ui.submitted_on)
                .replace("{date}", &r.latest.to_string())
        ),
        None => format!("{} ({})", l.t(&ui.heading_timeline), l.t(&ui.not_scheduled)),
    };
    b.push(Block::Heading(heading));
    let rows = p
        .timeline
        .iter()
        .map(|e| {
            vec![
                Span::plain(e.on.map_or_else(|| "—".to_string(), |d| d.to_string())),
                Span::plain(
                    l.t(&ui.after_days)
                        .replace("{n}", &e.after_days.to_string()),
                ),
                Span::new(
                    format!("{}{}", e.title, l.disputed(&e.conflicts)),
                    if e.conflicts.is_empty() {
                        Tone::Plain
                    } else {
                        Tone::Warn
                    },
                ),
                Span::new(sources(&e.sources), Tone::Dim),
            ]
        })
        .collect();
    b.push(Block::Table {
        header: vec![
            l.t(&ui.col_date).into(),
            l.t(&ui.col_after).into(),
            l.t(&ui.col_event).into(),
            l.t(&ui.col_sources).into(),
        ],
        rows,
    });
    if !p.notes.is_empty() {
        b.push(Block::Heading(l.t(&ui.heading_notes).to_string()));
        b.push(Block::Bullets(
            p.notes
                .iter()
                .map(|n| {
                    vec![
                        Span::plain(format!("{}{}", n.text, l.disputed(&n.conflicts))),
                        Span::new(format!("  [{}]", sources(&n.sources)), Tone::Dim),
                    ]
                })
                .collect(),
        ));
    }
    b
}

/// Every conflict shown anywhere in the result, once, with its values side by side.
fn conflicts(r: &TaskResult, l: &Labels) -> Vec<Block> {
    let mut all: BTreeMap<&str, &ConflictView> = BTreeMap::new();
    for c in &r.checks {
        for x in &c.conflicts {
            all.insert(x.id, x);
        }
    }
    match &r.parts {
        Parts::Deactivate(p) => {
            for x in p
                .timeline
                .iter()
                .flat_map(|e| &e.conflicts)
                .chain(&p.procedure.conflicts)
                .chain(p.notes.iter().flat_map(|n| &n.conflicts))
            {
                all.insert(x.id, x);
            }
        }
    }
    if all.is_empty() {
        return vec![];
    }
    let items = all
        .values()
        .map(|c| {
            let values: Vec<String> = c
                .values
                .iter()
                .map(|v| format!("{} [{}]", v.value, sources(&v.sources)))
                .collect();
            vec![
                Span::new(format!("{} — {}: ", c.id, c.subject), Tone::Warn),
                Span::plain(values.join(" · ")),
                Span::new(format!(" → {}", c.resolution), Tone::Dim),
            ]
        })
        .collect();
    vec![
        Block::Heading(l.t(&l.ui.heading_conflicts).to_string()),
        Block::Bullets(items),
    ]
}

fn references(r: &TaskResult, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let items = r
        .references
        .iter()
        .map(|s| {
            let kind = match s.kind {
                SourceKind::Official => l.t(&ui.kind_official),
                SourceKind::ThirdPartyGuide => l.t(&ui.kind_third_party),
            };
            let date = s.published.map(|p| format!(", {p}")).unwrap_or_default();
            vec![
                Span::new(format!("{} ", s.id), Tone::Strong),
                Span::plain(format!("{} ({kind}{date})", s.title)),
            ]
        })
        .collect();
    vec![
        Block::Heading(l.t(&ui.heading_sources).to_string()),
        Block::Bullets(items),
        Block::Line(vec![Span::new(l.t(&ui.disclaimer), Tone::Dim)]),
    ]
}

/// Column names of the one-row-per-profile listing.
pub fn row_header(l: &Labels) -> Vec<String> {
    let ui = l.ui;
    [
        &ui.col_source,
        &ui.col_id,
        &ui.col_verdict,
        &ui.col_failed,
        &ui.col_unknown,
        &ui.ready_on,
    ]
    .iter()
    .map(|t| l.t(t).to_string())
    .collect()
}

/// One profile's row in a listing.
pub fn row(s: &ResultSummary<'_>, l: &Labels) -> Vec<Span> {
    vec![
        Span::plain(s.source),
        Span::plain(s.id.unwrap_or("")),
        l.verdict(s.verdict),
        Span::plain(s.failed.join(", ")),
        Span::plain(s.unknown.join(", ")),
        Span::plain(match s.ready_on {
            Some(r) => format!(
                "{}{}",
                window(Window {
                    earliest: r.earliest,
                    latest: r.latest
                }),
                if r.provisional { " ?" } else { "" }
            ),
            None => "—".into(),
        }),
    ]
}

/// An unreadable or invalid profile's row.
pub fn error_row(source: &str, message: &str, l: &Labels) -> Vec<Span> {
    vec![
        Span::plain(source),
        Span::plain(""),
        Span::new(l.t(&l.ui.error_result), Tone::Bad),
        Span::plain(message),
        Span::plain(""),
        Span::plain(""),
    ]
}

/// Counts per verdict and the most frequent failing blockers.
pub fn summary(s: &Summary, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let counts = [
        (l.verdict(Verdict::Ready), s.ready),
        (l.verdict(Verdict::Blocked), s.blocked),
        (l.verdict(Verdict::Incomplete), s.incomplete),
        (l.verdict(Verdict::NotApplicable), s.not_applicable),
        (Span::new(l.t(&ui.summary_errors), Tone::Bad), s.errors),
    ];
    let mut line = vec![Span::new(
        format!("{} {}: ", s.total, l.t(&ui.summary_profiles)),
        Tone::Strong,
    )];
    for (i, (label, n)) in counts.into_iter().enumerate() {
        if i > 0 {
            line.push(Span::plain(" · "));
        }
        line.push(label);
        line.push(Span::plain(format!(" {n}")));
    }
    let mut b = vec![
        Block::Heading(l.t(&ui.heading_summary).to_string()),
        Block::Line(line),
    ];
    if !s.top_failed.is_empty() {
        b.push(Block::Line(vec![Span::new(
            l.t(&ui.most_failing),
            Tone::Strong,
        )]));
        b.push(Block::Table {
            header: vec![l.t(&ui.col_check).into(), l.t(&ui.col_count).into()],
            rows: s
                .top_failed
                .iter()
                .map(|c| vec![Span::plain(c.id.clone()), Span::plain(c.count.to_string())])
                .collect(),
        });
    }
    b
}
