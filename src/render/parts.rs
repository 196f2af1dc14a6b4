//! The task's own parts of a report (procedure and timeline, methods, path and verification,
//! causes): compact by default, in full with `--verbose`.

use super::doc::{Entry, Line, Span, Tone};
use super::hint::hint;
use super::page::Page;
use super::view::numbered;
use crate::knowledge::{Knowledge, Text};
use crate::tasks::result::{
    ActionView, CauseStatus, CauseView, DeactivateParts, ImpactStatus, MethodView, NoteView, Parts,
    RealnameParts, TroubleshootParts, UnbindQqParts,
};

/// The parts that follow the findings.
pub fn task<'r>(p: &mut Page<'r>, parts: &'r Parts) {
    match parts {
        Parts::Deactivate(d) => deactivate(p, d),
        Parts::Realname(r) => realname(p, r),
        Parts::UnbindQq(u) => unbind_qq(p, u),
        // The causes came first; the plan and the checks are the shared sections.
        Parts::Troubleshoot(_) => {}
    }
}

/// Notes: in full with `--verbose`; otherwise counted in the report's last line.
fn notes<'r>(
    p: &mut Page<'r>,
    heading: &'static Text,
    list: impl IntoIterator<Item = &'r NoteView>,
) {
    let list: Vec<&NoteView> = list.into_iter().collect();
    if list.is_empty() {
        return;
    }
    if !p.verbose {
        p.more(heading, list.len());
        return;
    }
    p.heading(p.l.t(heading));
    let entries = list
        .iter()
        .map(|n| Entry::bullet([p.cited(Span::plain(n.text).into(), &n.sources, &n.conflicts)]))
        .collect();
    p.list(entries);
}

fn deactivate<'r>(p: &mut Page<'r>, d: &'r DeactivateParts) {
    let (l, ui) = (p.l, p.l.ui);
    let pr = &d.procedure;
    let screens = Span::toned(
        l.t(&ui.screens)
            .replace("{n}", &pr.screens.to_string())
            .replace("{version}", pr.tested_on),
        Tone::Dim,
    );
    if p.verbose {
        p.heading(l.t(&ui.heading_procedure));
        let path = Line::from(Span::menu(pr.path)).then([screens]);
        let path = p.cited(path, &pr.sources, &pr.conflicts);
        p.para(path);
    } else {
        let path = Line::of([l.label(&ui.heading_procedure), Span::menu(pr.path)])
            .then(p.disputed(&pr.conflicts))
            .then([screens]);
        p.gap();
        p.para(path);
    }
    if let Some(n) = pr.unsupported_note {
        p.para(Span::toned(n, Tone::Bad).into());
    }
    if p.verbose {
        if pr.platform.is_none() {
            p.para(Span::toned(l.t(&ui.platform_unknown), Tone::Unknown).into());
        }
        let steps = pr
            .steps
            .iter()
            .map(|s| Entry::bullet([p.cited(Span::plain(s.text).into(), &s.sources, &s.conflicts)]))
            .collect();
        p.numbered(steps);
    } else {
        p.more(&ui.steps_label, pr.steps.len());
    }

    let when = match d.ready_on {
        Some(r) => l
            .t(&ui.submitted_on)
            .replace("{date}", &r.latest.to_string()),
        None => l.t(&ui.not_scheduled).to_string(),
    };
    p.heading(l.t(&ui.heading_timeline).replace("{when}", &when));
    let entries = d
        .timeline
        .iter()
        .map(|e| {
            let date = e.on.map_or_else(|| "—".to_string(), |d| d.to_string());
            let title = if p.verbose { e.title } else { e.short_title };
            let mut line = Line::from(Span::plain(title));
            if p.verbose {
                line = Line::from(Span::atom(
                    l.t(&ui.after_days)
                        .replace("{n}", &e.after_days.to_string()),
                    Tone::Dim,
                ))
                .then(line.0);
                line = p.cited(line, &e.sources, &e.conflicts);
            } else {
                line = line.then(p.disputed(&e.conflicts));
            }
            Entry::new(Span::atom(date, Tone::Plain), [line])
        })
        .collect();
    p.clipped(entries);
    notes(p, &ui.heading_notes, &d.notes);
}

/// Whether a realname note says what the goal comes to for this profile (nothing to unbind,
/// no real name): it explains the verdict, so it is shown with it.
fn is_goal_note(n: &NoteView) -> bool {
    Knowledge::get()
        .realname
        .goal_notes
        .iter()
        .any(|g| g.id == n.id)
}

/// The goal, what it comes to, and the recommended method, under the verdict.
pub fn goal<'r>(p: &mut Page<'r>, r: &'r RealnameParts) {
    let (l, ui) = (p.l, p.l.ui);
    p.para(Line::of([
        l.label(&ui.goal),
        Span::plain(r.goal_title),
        Span::plain(" ("),
        Span::code(r.goal.as_str(), Tone::Plain),
        Span::plain(")"),
    ]));
    for n in r.notes.iter().filter(|n| is_goal_note(n)) {
        let line = p.noted(Span::plain(n.text).into(), &n.sources, &n.conflicts);
        p.para(line);
    }
    if let Some(m) = r.methods.iter().find(|m| Some(m.id) == r.recommended) {
        p.para(Line::of([
            l.label(&ui.recommended),
            Span::toned(m.title, Tone::Good),
            Span::plain(" ("),
            Span::code(m.id, Tone::Good),
            Span::plain(")"),
        ]));
    }
}

/// Why a method is or is not the one to use.
fn fit(p: &Page<'_>, m: &MethodView, recommended: bool) -> Span {
    let (l, ui) = (p.l, p.l.ui);
    if recommended {
        Span::toned(l.t(&ui.fit_recommended), Tone::Good)
    } else if m.applicable == Some(false) {
        Span::toned(l.t(&ui.fit_not_applicable), Tone::Dim)
    } else if !m.achieves_goal {
        Span::toned(l.t(&ui.fit_misses_goal), Tone::Dim)
    } else if !m.blocked_by.is_empty() {
        Span::toned(
            l.t(&ui.blocked_by_is)
                .replace("{}", &m.blocked_by.join(", ")),
            Tone::Bad,
        )
    } else if !m.unknown.is_empty() {
        Span::toned(l.n(&ui.unknown_count, m.unknown.len()), Tone::Unknown)
    } else {
        Span::toned(l.t(&ui.fit_possible), Tone::Plain)
    }
}

fn realname<'r>(p: &mut Page<'r>, r: &'r RealnameParts) {
    let (l, ui) = (p.l, p.l.ui);
    p.heading(l.t(&ui.heading_methods));
    let mut entries = Vec::new();
    for m in &r.methods {
        let chosen = Some(m.id) == r.recommended;
        let mut body = vec![Line::of([
            Span::plain(m.title),
            Span::plain(" — "),
            fit(p, m, chosen),
        ])];
        if chosen || p.verbose {
            body.push(Line::from(Span::menu(m.path)).then(p.disputed(&m.conflicts)));
            body.push(Span::plain(m.duration).into());
            if let Some(c) = &m.clears_realname {
                let text = match usize::try_from(c.after_days).unwrap_or(0) {
                    0 => l.t(&ui.clears_realname_at_once).to_string(),
                    n => l.n(&ui.clears_realname_after, n),
                };
                body.push(p.noted(Span::plain(text).into(), &c.sources, &c.conflicts));
            }
        }
        if p.verbose {
            body.push(Line::of([
                Span::plain(l.t(&ui.applicable_is).replace("{}", l.answer(m.applicable))),
                Span::plain(l.t(&ui.list_sep)),
                Span::plain(
                    l.t(&ui.reaches_goal_is)
                        .replace("{}", l.answer(Some(m.achieves_goal))),
                ),
            ]));
            for text in [m.data, m.function_impact, m.recovery] {
                body.push(Span::plain(text).into());
            }
            body.push(p.sources(&m.sources).into());
        }
        let tone = if chosen { Tone::Good } else { Tone::Plain };
        entries.push(Entry::new(Span::code(m.id, tone), body));
    }
    p.list(entries);
    if !r.requirements.is_empty() {
        p.heading(l.t(&ui.heading_requirements));
        let entries = r
            .requirements
            .iter()
            .map(|n| {
                let line = Line::from(Span::plain(n.text));
                Entry::bullet([p.noted(line, &n.sources, &n.conflicts)])
            })
            .collect();
        p.list(entries);
    }
    notes(
        p,
        &ui.heading_notes,
        r.notes.iter().filter(|n| !is_goal_note(n)),
    );
}

fn unbind_qq<'r>(p: &mut Page<'r>, u: &'r UnbindQqParts) {
    let (l, ui) = (p.l, p.l.ui);
    let verbose = p.verbose;

    p.heading(l.t(&ui.heading_path));
    if u.platform.is_none() {
        p.para(Span::toned(l.t(&ui.platform_unknown), Tone::Unknown).into());
    }
    let entries = u
        .path
        .iter()
        .map(|x| {
            let line = Line::from(Span::menu(x.path));
            let line = p.noted(line, &x.sources, &x.conflicts);
            Entry::new(Span::plain(l.platform(x.platform)), [line])
        })
        .collect();
    p.list(entries);

    let v = &u.verification;
    p.heading(
        l.t(&ui.heading_verification)
            .replace("{scenario}", v.scenario_title),
    );
    if !v.certain {
        p.para(
            Span::toned(
                l.t(&ui.scenario_uncertain)
                    .replace("{fields}", &v.missing.join(", ")),
                Tone::Unknown,
            )
            .into(),
        );
    }
    let entries = v
        .platforms
        .iter()
        .map(|x| {
            let line = match x.unsupported_note {
                Some(n) => Line::from(Span::toned(n, Tone::Bad)),
                None => Line::from(Span::plain(x.requires.join(" + "))),
            };
            let line = p.noted(line, &x.sources, &x.conflicts);
            Entry::new(Span::plain(l.platform(x.platform)), [line])
        })
        .collect();
    p.list(entries);

    p.heading(l.t(&ui.heading_impacts));
    let status = |s: ImpactStatus| match s {
        ImpactStatus::Affected => Span::toned(l.t(&ui.impact_affected), Tone::Warn),
        ImpactStatus::NotAffected => Span::toned(l.t(&ui.impact_not_affected), Tone::Good),
        ImpactStatus::Unknown => Span::toned(l.t(&ui.status_unknown), Tone::Unknown),
    };
    let entries = if verbose {
        u.impacts
            .iter()
            .map(|i| {
                let mut body = vec![p.cited(
                    Line::of([
                        Span::toned(i.area, Tone::Strong),
                        Span::plain(l.t(&ui.label_sep)),
                        Span::plain(i.effect),
                    ]),
                    &i.sources,
                    &i.conflicts,
                )];
                if !i.missing.is_empty() {
                    body.push(hints(&i.missing));
                }
                Entry::new(status(i.status), body)
            })
            .collect()
    } else {
        [
            ImpactStatus::Affected,
            ImpactStatus::Unknown,
            ImpactStatus::NotAffected,
        ]
        .into_iter()
        .filter_map(|s| {
            let areas: Vec<_> = u.impacts.iter().filter(|i| i.status == s).collect();
            if areas.is_empty() {
                return None;
            }
            let mut line = Line::new();
            for (n, i) in areas.into_iter().enumerate() {
                if n > 0 {
                    line.push(Span::plain(l.t(&ui.list_sep)));
                }
                line.push(Span::plain(i.area));
                if let Some(m) = p.disputed(&i.conflicts) {
                    line.push(Span::plain(" "));
                    line.push(m);
                }
            }
            Some(Entry::new(status(s), [line]))
        })
        .collect()
    };
    p.list(entries);

    p.heading(l.t(&ui.heading_risks));
    let entries = u
        .risks
        .iter()
        .map(|r| {
            let mut ratings = Line::new();
            for (n, x) in r.ratings.iter().enumerate() {
                if n > 0 {
                    ratings.push(Span::plain(l.t(&ui.list_sep)));
                }
                ratings.push(Span::plain(format!("{} ", x.title)));
                ratings.push(l.level(x.level));
                if verbose {
                    ratings.push(Span::toned(format!(" ({})", x.reason), Tone::Dim));
                }
            }
            let advice = Line::from(Span::plain(r.advice));
            let advice = p.noted(advice, &r.sources, &r.conflicts);
            Entry::new(Span::plain(l.platform(r.platform)), [ratings, advice])
        })
        .collect();
    p.list(entries);

    if verbose {
        p.heading(l.t(&ui.heading_alternatives));
        let entries = u
            .alternatives
            .iter()
            .map(|a| {
                let mut body = vec![Line::from(Span::plain(a.note))];
                for (label, r) in [
                    (&ui.alt_cost, &a.cost),
                    (&ui.alt_security, &a.security_risk),
                    (&ui.alt_function, &a.function),
                ] {
                    body.push(Line::of([
                        Span::plain(format!("{}{}", l.t(label), l.t(&ui.label_sep))),
                        l.level(r.level),
                        Span::plain(format!(" — {}", r.text)),
                    ]));
                }
                body.push(p.sources(&a.sources).into());
                Entry::new(Span::toned(a.title, Tone::Strong), body)
            })
            .collect();
        p.list(entries);
    } else {
        let titles: Vec<&str> = u.alternatives.iter().map(|a| a.title).collect();
        p.gap();
        p.para(Line::of([
            l.label(&ui.heading_alternatives),
            Span::plain(titles.join(l.t(&ui.list_sep))),
        ]));
    }

    if !u.playbooks.is_empty() {
        p.heading(l.t(&ui.heading_playbooks));
    }
    let entries = u
        .playbooks
        .iter()
        .map(|pb| {
            let mut title = Line::from(Span::plain(pb.title));
            if pb.applies.is_none() {
                title = title.then([Span::toned(
                    l.t(&ui.may_apply)
                        .replace("{fields}", &pb.missing.join(", ")),
                    Tone::Unknown,
                )]);
            }
            if verbose {
                title = title.then([p.sources(&pb.sources)]);
            }
            let mut body = vec![title, Span::plain(pb.steps.join(" → ")).into()];
            if verbose {
                body.push(Line::of([
                    l.label(&ui.caution),
                    Span::toned(pb.caution, Tone::Warn),
                ]));
            }
            Entry::new(Span::code(pb.id, Tone::Plain), body)
        })
        .collect();
    p.list(entries);
    notes(p, &ui.heading_aftercare, &u.aftercare);
    notes(p, &ui.heading_notes, &u.notes);
}

/// The flags that would settle an unknown.
fn hints(fields: &[&str]) -> Line {
    let mut line = Line::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(Span::plain(" "));
        }
        line.push(Span::code(hint(f), Tone::Plain));
    }
    line
}

/// The symptoms looked into and the ranked causes, before the plan. Compact: one line per
/// cause (the facts it needs are asked for with the other unknowns); `--verbose`: remedies
/// and flags under each.
pub fn causes<'r>(p: &mut Page<'r>, t: &'r TroubleshootParts) {
    let (l, ui) = (p.l, p.l.ui);
    let verbose = p.verbose;
    if t.ruled_out_listed {
        if verbose {
            p.heading(l.t(&ui.heading_symptoms));
            let entries = t
                .symptoms
                .iter()
                .map(|s| {
                    Entry::new(
                        Span::code(s.id, Tone::Plain),
                        [p.cited(Span::plain(s.title).into(), &s.sources, &[])],
                    )
                })
                .collect();
            p.list(entries);
        } else {
            let ids: Vec<&str> = t.symptoms.iter().map(|s| s.id).collect();
            p.para(Line::of([
                l.label(&ui.heading_symptoms),
                Span::code(ids.join(" "), Tone::Plain),
            ]));
        }
    }
    p.heading(l.t(&ui.heading_causes));
    if !t.ruled_out_listed {
        p.para(Span::toned(l.t(&ui.causes_all_symptoms), Tone::Dim).into());
    }
    if t.causes.is_empty() {
        p.para(Span::toned(l.t(&ui.no_causes), Tone::Good).into());
        return;
    }
    let shown = |c: &&CauseView| verbose || c.status != CauseStatus::RuledOut;
    let entries = t
        .causes
        .iter()
        .filter(shown)
        .map(|c| cause(p, c, &t.plan))
        .collect();
    p.list(entries);
    let ruled_out: Vec<&str> = t
        .causes
        .iter()
        .filter(|c| !verbose && c.status == CauseStatus::RuledOut)
        .map(|c| c.id)
        .collect();
    if !ruled_out.is_empty() {
        p.para(Line::of([
            l.label(&ui.cause_ruled_out_label),
            Span::code(ruled_out.join(" "), Tone::Good),
        ]));
    }
}

fn cause<'r>(p: &mut Page<'r>, c: &'r CauseView, plan: &[ActionView]) -> Entry {
    let (l, ui) = (p.l, p.l.ui);
    let status = match c.status {
        CauseStatus::Likely => Span::toned(l.t(&ui.cause_likely), Tone::Bad),
        CauseStatus::Unknown => Span::toned(l.t(&ui.status_unknown), Tone::Unknown),
        CauseStatus::RuledOut => Span::toned(l.t(&ui.cause_ruled_out), Tone::Good),
    };
    let mut line = Line::from(Span::code(c.id, Tone::Plain));
    if let Some(n) = c.share_percent {
        line = line.then([Span::atom(format!("{n}%"), Tone::Strong)]);
    }
    line = line.then([Span::plain(c.title)]);
    let steps: Vec<usize> = numbered(plan)
        .filter(|(_, a)| c.checks.contains(&a.check))
        .map(|(n, _)| n)
        .collect();
    if p.verbose {
        let line = p.cited(line, &c.sources, &c.conflicts);
        let second = match c.status {
            CauseStatus::Unknown if !c.decidable => {
                Span::toned(l.t(&ui.cause_undecidable), Tone::Dim).into()
            }
            CauseStatus::Unknown => hints(&c.missing),
            CauseStatus::Likely | CauseStatus::RuledOut => Span::plain(c.remedy).into(),
        };
        return Entry::new(status, [line, second]);
    }
    p.cite(&c.sources);
    line = line.then(p.disputed(&c.conflicts));
    if !steps.is_empty() {
        line = line.then([Span::atom(format!("→ {}", l.steps(&steps)), Tone::Plain)]);
    } else if c.status == CauseStatus::Unknown && !c.decidable {
        line = line.then([Span::atom(l.t(&ui.cause_undecidable), Tone::Dim)]);
    }
    Entry::new(status, [line])
}
