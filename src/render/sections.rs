//! What a result looks like for people: the blocks of a table or markdown report.
//! Decisions were made by the tasks; this only arranges and labels them.

use std::collections::BTreeMap;

use super::doc::{neutralise, Block, Span, Tone};
use crate::engine::{ReadyOn, Status, Verdict, Window};
use crate::knowledge::{Knowledge, Level, Severity, SourceKind, Text, Ui, Vocab};
use crate::lang::Lang;
use crate::profile::model::Platform;
use crate::tasks::result::{
    ActionView, CauseStatus, CheckView, ConflictView, DeactivateParts, ImpactStatus, NoteView,
    Parts, RealnameParts, ResultSummary, Summary, TaskResult, TroubleshootParts, UnbindQqParts,
};

#[derive(Clone, Copy)]
pub struct Labels {
    pub ui: &'static Ui,
    pub vocab: &'static Vocab,
    pub lang: Lang,
}

impl Labels {
    pub fn new(kb: &'static Knowledge, lang: Lang) -> Labels {
        Labels {
            ui: &kb.ui,
            vocab: &kb.vocab,
            lang,
        }
    }
    pub fn t(&self, text: &'static Text) -> &'static str {
        text.get(self.lang)
    }
    pub fn platform(&self, p: Platform) -> &'static str {
        self.vocab
            .platform
            .get(&p)
            .map_or(p.as_str(), |t| self.t(t))
    }
    pub fn level(&self, v: Level) -> &'static str {
        self.t(match v {
            Level::Low => &self.ui.level_low,
            Level::Medium => &self.ui.level_medium,
            Level::High => &self.ui.level_high,
        })
    }
    /// yes, no, or unknown.
    pub fn answer(&self, v: Option<bool>) -> &'static str {
        self.t(match v {
            Some(true) => &self.ui.answer_yes,
            Some(false) => &self.ui.answer_no,
            None => &self.ui.status_unknown,
        })
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
    let mut title = format!("wxacct {} — {}", r.command.as_str(), neutralise(&r.source));
    if let Some(id) = &r.id {
        title.push_str(&format!(" ({})", neutralise(id)));
    }
    let mut b = vec![Block::Title(title)];
    let mut verdict = vec![
        Span::new(format!("{}: ", l.t(&ui.verdict)), Tone::Strong),
        l.verdict(r.verdict),
    ];
    let ready = match &r.parts {
        Parts::Deactivate(p) => p.ready_on,
        Parts::Realname(p) => p.ready_on,
        Parts::UnbindQq(p) => p.ready_on,
        Parts::Troubleshoot(p) => p.ready_on,
    };
    verdict.push(Span::plain("   "));
    verdict.extend(l.ready_on(ready));
    b.push(Block::Line(verdict));
    match &r.parts {
        Parts::Realname(p) => b.extend(goal(p, l)),
        // The causes are what a troubleshooter comes for: they go first.
        Parts::Troubleshoot(p) => b.extend(causes(p, l)),
        _ => {}
    }
    b.extend(checks(&r.checks, l));
    match &r.parts {
        Parts::Deactivate(p) => b.extend(deactivate(p, l)),
        Parts::Realname(p) => b.extend(realname(p, l)),
        Parts::UnbindQq(p) => b.extend(unbind_qq(p, l)),
        Parts::Troubleshoot(p) if !p.plan.is_empty() => b.extend(plan(&p.plan, l)),
        Parts::Troubleshoot(_) => {}
    }
    b.extend(conflicts(r, l));
    b.extend(references(r, l));
    b
}

fn checks(list: &[CheckView], l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    if list.is_empty() {
        return vec![];
    }
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
        table(
            l,
            &[
                &ui.col_status,
                &ui.col_severity,
                &ui.col_check,
                &ui.col_detail,
                &ui.col_sources,
            ],
            rows,
        ),
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
            let mut what = neutralise(&a.title).into_owned();
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
                Span::plain(format!(
                    "{}{}",
                    a.path.unwrap_or(""),
                    l.disputed(&a.conflicts)
                )),
                Span::new(sources(&a.sources), Tone::Dim),
            ]
        })
        .collect();
    b.push(table(
        l,
        &[
            &ui.col_start,
            &ui.col_done,
            &ui.col_action,
            &ui.col_path,
            &ui.col_sources,
        ],
        rows,
    ));
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
    b.push(table(
        l,
        &[&ui.col_date, &ui.col_after, &ui.col_event, &ui.col_sources],
        rows,
    ));
    b.extend(notes(&ui.heading_notes, &p.notes, l));
    b
}

/// A table whose column names are interface texts.
fn table(l: &Labels, columns: &[&'static Text], rows: Vec<Vec<Span>>) -> Block {
    Block::Table {
        header: columns.iter().map(|c| l.t(c).to_string()).collect(),
        rows,
    }
}

/// A heading and one bullet per note; nothing when there are none.
fn notes(heading: &'static Text, list: &[NoteView], l: &Labels) -> Vec<Block> {
    if list.is_empty() {
        return vec![];
    }
    let items = list
        .iter()
        .map(|n| {
            vec![
                Span::plain(format!("{}{}", n.text, l.disputed(&n.conflicts))),
                Span::new(format!("  [{}]", sources(&n.sources)), Tone::Dim),
            ]
        })
        .collect();
    vec![
        Block::Heading(l.t(heading).to_string()),
        Block::Bullets(items),
    ]
}

/// The goal and the recommended method, under the verdict.
fn goal(p: &RealnameParts, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let mut b = vec![Block::Line(vec![
        Span::new(format!("{}: ", l.t(&ui.goal)), Tone::Strong),
        Span::plain(format!("{} ({})", p.goal_title, p.goal.as_str())),
    ])];
    if let Some(m) = p.methods.iter().find(|m| Some(m.id) == p.recommended) {
        b.push(Block::Line(vec![
            Span::new(format!("{}: ", l.t(&ui.recommended)), Tone::Strong),
            Span::new(format!("{} ({})", m.title, m.id), Tone::Good),
        ]));
    }
    b
}

fn realname(p: &RealnameParts, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let mut b = Vec::new();
    let rows = p
        .methods
        .iter()
        .map(|m| {
            let mut fit = vec![
                l.t(&ui.applicable_is).replace("{}", l.answer(m.applicable)),
                l.t(&ui.reaches_goal_is)
                    .replace("{}", l.answer(Some(m.achieves_goal))),
            ];
            if !m.blocked_by.is_empty() {
                fit.push(
                    l.t(&ui.blocked_by_is)
                        .replace("{}", &m.blocked_by.join(", ")),
                );
            }
            if !m.unknown.is_empty() {
                fit.push(
                    l.t(&ui.unknown_count)
                        .replace("{n}", &m.unknown.len().to_string()),
                );
            }
            let chosen = Some(m.id) == p.recommended;
            vec![
                Span::new(
                    format!("{}\n{}", m.title, m.id),
                    if chosen { Tone::Good } else { Tone::Plain },
                ),
                Span::plain(fit.join("\n")),
                Span::plain(m.duration),
                Span::plain(format!("{}\n{}\n{}", m.data, m.function_impact, m.recovery)),
                Span::plain(format!("{}{}", m.path, l.disputed(&m.conflicts))),
                Span::new(sources(&m.sources), Tone::Dim),
            ]
        })
        .collect();
    b.push(Block::Heading(l.t(&ui.heading_methods).to_string()));
    b.push(table(
        l,
        &[
            &ui.col_method,
            &ui.col_fit,
            &ui.col_duration,
            &ui.col_effect,
            &ui.col_path,
            &ui.col_sources,
        ],
        rows,
    ));
    b.extend(plan(&p.plan, l));
    b.extend(notes(&ui.heading_requirements, &p.requirements, l));
    b.extend(notes(&ui.heading_notes, &p.notes, l));
    b
}

fn unbind_qq(p: &UnbindQqParts, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let src = |list: &[&str]| Span::new(sources(list), Tone::Dim);
    // The plan here is what to clear before unbinding; the unbinding itself follows.
    let mut b = if p.plan.is_empty() {
        vec![]
    } else {
        plan(&p.plan, l)
    };

    b.push(Block::Heading(l.t(&ui.heading_path).to_string()));
    if p.platform.is_none() {
        b.push(Block::Line(vec![Span::new(
            l.t(&ui.platform_unknown),
            Tone::Warn,
        )]));
    }
    b.push(Block::Bullets(
        p.path
            .iter()
            .map(|x| {
                vec![
                    Span::new(format!("{}: ", l.platform(x.platform)), Tone::Strong),
                    Span::plain(format!("{}{}", x.path, l.disputed(&x.conflicts))),
                    Span::new(format!("  [{}]", sources(&x.sources)), Tone::Dim),
                ]
            })
            .collect(),
    ));

    let v = &p.verification;
    b.push(Block::Heading(
        l.t(&ui.heading_verification)
            .replace("{scenario}", v.scenario_title),
    ));
    if !v.certain {
        b.push(Block::Line(vec![Span::new(
            l.t(&ui.scenario_uncertain)
                .replace("{fields}", &v.missing.join(", ")),
            Tone::Warn,
        )]));
    }
    let rows = v
        .platforms
        .iter()
        .map(|x| {
            let needs = match x.unsupported_note {
                Some(n) => Span::new(n, Tone::Bad),
                None => Span::plain(format!(
                    "{}{}",
                    x.requires.join(" + "),
                    l.disputed(&x.conflicts)
                )),
            };
            vec![Span::plain(l.platform(x.platform)), needs, src(&x.sources)]
        })
        .collect();
    b.push(table(
        l,
        &[&ui.col_platform, &ui.col_requires, &ui.col_sources],
        rows,
    ));

    b.push(Block::Heading(l.t(&ui.heading_impacts).to_string()));
    let rows = p
        .impacts
        .iter()
        .map(|i| {
            let status = match i.status {
                ImpactStatus::Affected => Span::new(l.t(&ui.impact_affected), Tone::Warn),
                ImpactStatus::NotAffected => Span::new(l.t(&ui.impact_not_affected), Tone::Good),
                ImpactStatus::Unknown => Span::new(
                    l.t(&ui.missing_fields)
                        .replace("{fields}", &i.missing.join(", ")),
                    Tone::Warn,
                ),
            };
            vec![
                status,
                Span::plain(i.area),
                Span::plain(format!("{}{}", i.effect, l.disputed(&i.conflicts))),
                src(&i.sources),
            ]
        })
        .collect();
    b.push(table(
        l,
        &[
            &ui.col_status,
            &ui.col_area,
            &ui.col_effect,
            &ui.col_sources,
        ],
        rows,
    ));

    b.push(Block::Heading(l.t(&ui.heading_risks).to_string()));
    let rows = p
        .risks
        .iter()
        .flat_map(|r| {
            r.ratings.iter().map(|x| {
                let tone = match x.level {
                    Level::High => Tone::Bad,
                    Level::Medium => Tone::Warn,
                    Level::Low => Tone::Good,
                };
                vec![
                    Span::plain(l.platform(r.platform)),
                    Span::plain(x.title),
                    Span::new(l.level(x.level), tone),
                    Span::plain(x.reason),
                    src(&r.sources),
                ]
            })
        })
        .collect();
    b.push(table(
        l,
        &[
            &ui.col_platform,
            &ui.col_risk,
            &ui.col_level,
            &ui.col_reason,
            &ui.col_sources,
        ],
        rows,
    ));
    b.push(Block::Bullets(
        p.risks
            .iter()
            .map(|r| {
                vec![
                    Span::new(format!("{}: ", l.platform(r.platform)), Tone::Strong),
                    Span::plain(format!("{}{}", r.advice, l.disputed(&r.conflicts))),
                ]
            })
            .collect(),
    ));

    b.push(Block::Heading(l.t(&ui.heading_alternatives).to_string()));
    let rated = |r: &crate::tasks::result::RatedView| {
        Span::plain(format!("{}: {}", l.level(r.level), r.text))
    };
    let rows = p
        .alternatives
        .iter()
        .map(|a| {
            vec![
                Span::plain(format!("{}\n{}", a.title, a.note)),
                rated(&a.cost),
                rated(&a.security_risk),
                rated(&a.function),
                src(&a.sources),
            ]
        })
        .collect();
    b.push(table(
        l,
        &[
            &ui.col_alternative,
            &ui.col_cost,
            &ui.col_security,
            &ui.col_function,
            &ui.col_sources,
        ],
        rows,
    ));

    if !p.playbooks.is_empty() {
        b.push(Block::Heading(l.t(&ui.heading_playbooks).to_string()));
    }
    for pb in &p.playbooks {
        let mut line = vec![Span::new(format!("{} ({})", pb.title, pb.id), Tone::Strong)];
        if pb.applies.is_none() {
            line.push(Span::new(
                format!(
                    " — {}",
                    l.t(&ui.may_apply)
                        .replace("{fields}", &pb.missing.join(", "))
                ),
                Tone::Warn,
            ));
        }
        line.push(Span::new(
            format!("  [{}]", sources(&pb.sources)),
            Tone::Dim,
        ));
        b.push(Block::Line(line));
        b.push(Block::Bullets(
            pb.steps.iter().map(|s| vec![Span::plain(*s)]).collect(),
        ));
        b.push(Block::Line(vec![Span::new(
            format!("{}: {}", l.t(&ui.caution), pb.caution),
            Tone::Warn,
        )]));
    }
    b.extend(notes(&ui.heading_aftercare, &p.aftercare, l));
    b.extend(notes(&ui.heading_notes, &p.notes, l));
    b
}

/// The symptoms looked into and the ranked causes.
fn causes(p: &TroubleshootParts, l: &Labels) -> Vec<Block> {
    let ui = l.ui;
    let mut b = Vec::new();
    if p.ruled_out_listed {
        b.push(Block::Heading(l.t(&ui.heading_symptoms).to_string()));
        b.push(Block::Bullets(
            p.symptoms
                .iter()
                .map(|s| {
                    vec![
                        Span::new(format!("{} ", s.id), Tone::Strong),
                        Span::plain(s.title),
                        Span::new(format!("  [{}]", sources(&s.sources)), Tone::Dim),
                    ]
                })
                .collect(),
        ));
    }
    b.push(Block::Heading(l.t(&ui.heading_causes).to_string()));
    if !p.ruled_out_listed {
        b.push(Block::Line(vec![Span::new(
            l.t(&ui.causes_all_symptoms),
            Tone::Dim,
        )]));
    }
    if p.causes.is_empty() {
        b.push(Block::Line(vec![Span::new(l.t(&ui.no_causes), Tone::Good)]));
        return b;
    }
    let rows = p
        .causes
        .iter()
        .map(|c| {
            let status = match c.status {
                CauseStatus::Likely => Span::new(l.t(&ui.cause_likely), Tone::Bad),
                CauseStatus::Unknown => Span::new(l.t(&ui.status_unknown), Tone::Warn),
                CauseStatus::RuledOut => Span::new(l.t(&ui.cause_ruled_out), Tone::Good),
            };
            let mut what = format!("{}{}", c.remedy, l.disputed(&c.conflicts));
            if c.status == CauseStatus::Unknown {
                let open = if c.decidable {
                    l.t(&ui.missing_fields)
                        .replace("{fields}", &c.missing.join(", "))
                } else {
                    l.t(&ui.cause_undecidable).to_string()
                };
                what.push_str(&format!("\n({open})"));
            }
            vec![
                status,
                Span::plain(
                    c.share_percent
                        .map_or_else(|| "—".into(), |n| format!("{n}%")),
                ),
                Span::plain(format!("{}\n{} · {}", c.title, c.id, c.symptom)),
                Span::plain(what),
                Span::new(sources(&c.sources), Tone::Dim),
            ]
        })
        .collect();
    b.push(table(
        l,
        &[
            &ui.col_status,
            &ui.col_share,
            &ui.col_cause,
            &ui.col_detail,
            &ui.col_sources,
        ],
        rows,
    ));
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
    fn planned(plan: &[ActionView]) -> impl Iterator<Item = &ConflictView> {
        plan.iter().flat_map(|a| &a.conflicts)
    }
    let shown: Vec<&ConflictView> = match &r.parts {
        Parts::Deactivate(p) => p
            .timeline
            .iter()
            .flat_map(|e| &e.conflicts)
            .chain(&p.procedure.conflicts)
            .chain(p.notes.iter().flat_map(|n| &n.conflicts))
            .chain(planned(&p.plan))
            .collect(),
        Parts::Realname(p) => p
            .methods
            .iter()
            .flat_map(|m| &m.conflicts)
            .chain(
                p.requirements
                    .iter()
                    .chain(&p.notes)
                    .flat_map(|n| &n.conflicts),
            )
            .chain(planned(&p.plan))
            .collect(),
        Parts::UnbindQq(p) => p
            .path
            .iter()
            .flat_map(|x| &x.conflicts)
            .chain(p.verification.platforms.iter().flat_map(|x| &x.conflicts))
            .chain(p.impacts.iter().flat_map(|x| &x.conflicts))
            .chain(p.risks.iter().flat_map(|x| &x.conflicts))
            .chain(
                p.aftercare
                    .iter()
                    .chain(&p.notes)
                    .flat_map(|n| &n.conflicts),
            )
            .chain(planned(&p.plan))
            .collect(),
        Parts::Troubleshoot(p) => p
            .causes
            .iter()
            .flat_map(|c| &c.conflicts)
            .chain(planned(&p.plan))
            .collect(),
    };
    all.extend(shown.into_iter().map(|x| (x.id, x)));
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
        Span::plain(neutralise(s.source)),
        Span::plain(neutralise(s.id.unwrap_or(""))),
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
        Span::plain(neutralise(source)),
        Span::plain(""),
        Span::new(l.t(&l.ui.error_result), Tone::Bad),
        Span::plain(neutralise(message)),
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
