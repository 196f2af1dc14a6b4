//! The words of `explain`, in the chosen language: conditions as readable clauses, durations,
//! severities, lists of ids, and the sources with how far each is to be trusted. Every word
//! comes from `data/explain_ui.json` and `data/ui.json`; field paths, ids and values stay as they are.

use serde_json::Value;

use crate::knowledge::ui::ExplainUi;
use crate::knowledge::{
    ActionDef, After, Duration, Knowledge, Level, Plural, Scope, Severity, Text,
};
use crate::lang::Lang;
use crate::profile::model::Platform;
use crate::render::doc::{Entry as Item, Line, Span, Tone};
use crate::render::labels::Labels;
use crate::render::page::conflict_body;
use crate::tasks::views;

use super::sheet::Sheet;

/// What the words are taken from: the knowledge base and the language.
#[derive(Clone, Copy)]
pub struct Words {
    pub kb: &'static Knowledge,
    pub l: Labels,
    pub x: &'static ExplainUi,
}

/// A condition as a person reads it: one clause, or a heading over several.
enum Clause {
    One(Line),
    Group(Line, Vec<Clause>),
}

impl Words {
    pub fn new(kb: &'static Knowledge, lang: Lang) -> Words {
        Words {
            kb,
            l: Labels::new(kb, lang),
            x: &kb.explain_ui,
        }
    }

    pub fn t(&self, text: &'static Text) -> &'static str {
        self.l.t(text)
    }

    /// A counted phrase, `{n}` filled in.
    pub fn n(&self, text: &'static Plural, n: u32) -> String {
        self.l.n(text, n as usize)
    }

    /// The name of a kind of record (`Check`), or its plural (`Checks`).
    pub fn kind(&self, kind: &str, n: usize) -> String {
        self.x
            .kinds
            .get(kind)
            .map_or_else(|| kind.to_string(), |p| self.l.n(p, n))
    }

    /// Ids, separated as the language separates a list.
    pub fn ids<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Line {
        let mut line = Line::new();
        for (i, id) in ids.into_iter().enumerate() {
            if i > 0 {
                line.push(Span::plain(self.t(&self.l.ui.list_sep)));
            }
            line.push(Span::code(id, Tone::Plain));
        }
        line
    }

    /// Prose, as one line.
    pub fn prose(&self, text: &'static Text) -> Line {
        Span::plain(self.t(text)).into()
    }

    /// A menu path, broken only between its steps; a remark in brackets after the last step
    /// (`… › WeChat Pay Cancellation (under Payment management)`) wraps like prose.
    pub fn menu(&self, path: &'static Text) -> Line {
        let path = self.t(path);
        let last = path.rfind('›').map_or(0, |i| i + '›'.len_utf8());
        let remark = path[last..]
            .find(['(', '（'])
            .map(|i| last + i)
            .filter(|&at| !path[last..at].trim().is_empty() && path.ends_with([')', '）']));
        match remark {
            Some(at) => Line::of([Span::menu(&path[..at]), Span::plain(&path[at..])]),
            None => Span::menu(path).into(),
        }
    }

    /// Yes or no.
    pub fn answer(&self, yes: bool) -> Line {
        Span::plain(self.l.answer(Some(yes))).into()
    }

    pub fn platform(&self, p: Platform) -> Line {
        Span::plain(self.l.platform(p)).into()
    }

    /// A rating: its level, coloured, then what it means.
    pub fn rated(&self, level: Level, text: &'static Text) -> Line {
        Line::of([
            self.l.level(level),
            Span::plain(" — "),
            Span::plain(self.t(text)),
        ])
    }

    pub fn severity(&self, s: Severity) -> Span {
        let x = self.x;
        let (text, tone) = match s {
            Severity::Blocker => (&x.severity_blocker, Tone::Bad),
            Severity::Warning => (&x.severity_warning, Tone::Warn),
            Severity::Info => (&x.severity_info, Tone::Plain),
        };
        Span::toned(self.t(text), tone)
    }

    /// The mark of the value of a disagreement that wxacct follows.
    pub fn followed(&self) -> Span {
        let text = format!("✓ {}", self.t(&self.l.ui.conflict_followed));
        Span::atom(text, Tone::Good)
    }

    /// A condition, clause by clause: `wallet.balance_cny > 0`; `any of:` and `all of:` over
    /// their parts, one a line, set in by their depth.
    pub fn condition(&self, spec: &Value) -> Vec<Line> {
        let mut out = Vec::new();
        flatten(self.clause(spec, None), 0, &mut out);
        out
    }

    /// A condition under a heading: every clause bulleted.
    pub fn condition_under(&self, spec: &Value) -> Vec<Line> {
        let mut out = Vec::new();
        flatten(self.clause(spec, None), 1, &mut out);
        out
    }

    /// A field as a condition names it; inside an `any_item`, the item's field under its list.
    fn field(path: &str, list: Option<&str>) -> Span {
        match list {
            Some(list) => Span::code(format!("{list}[].{path}"), Tone::Plain),
            None => Span::code(path, Tone::Plain),
        }
    }

    fn clause(&self, spec: &Value, list: Option<&str>) -> Clause {
        let x = self.x;
        let Some((op, arg)) = spec.as_object().and_then(|m| m.iter().next()) else {
            return Clause::One(Span::code(spec.to_string(), Tone::Plain).into());
        };
        let one = |template: &'static Text, key: &str| {
            let name = Self::field(arg.as_str().unwrap_or_default(), list);
            Clause::One(fill(self.t(template), &[(key, vec![name])]))
        };
        let parts = || arg.as_array().into_iter().flatten();
        match op.as_str() {
            "any" | "all" => {
                let mut kids: Vec<Clause> = parts().map(|p| self.clause(p, list)).collect();
                if kids.len() == 1 {
                    return kids.remove(0);
                }
                let head = if op == "any" { &x.any_of } else { &x.all_of };
                Clause::Group(Span::plain(self.t(head)).into(), kids)
            }
            "not" => self.negated(arg, list),
            "any_item" => {
                let (Some(of), Some(inner)) = (arg[0].as_str(), arg.get(1)) else {
                    return Clause::One(Span::code(spec.to_string(), Tone::Plain).into());
                };
                self.item_clause(&x.has_item, of, inner)
            }
            "in" => {
                let values = parts().nth(1).and_then(Value::as_array);
                let mut shown = Vec::new();
                for (i, v) in values.into_iter().flatten().enumerate() {
                    if i > 0 {
                        shown.push(Span::plain(self.t(&self.l.ui.list_sep)));
                    }
                    shown.push(value(v));
                }
                let name = Self::field(arg[0].as_str().unwrap_or_default(), list);
                Clause::One(fill(
                    self.t(&x.is_one_of),
                    &[("field", vec![name]), ("values", shown)],
                ))
            }
            "after_start" => one(&x.after_start, "field"),
            "known" => one(&x.known, "field"),
            "nonempty" => one(&x.nonempty, "field"),
            "check" => one(&x.check_fails, "check"),
            cmp => Clause::One(comparison(cmp, arg, list, false)),
        }
    }

    /// A clause over the items of a list: `{list} has an item where:` over the parts that
    /// item must meet (all of them, one a line).
    fn item_clause(&self, phrase: &'static Text, of: &str, inner: &Value) -> Clause {
        let head = fill(
            self.t(phrase),
            &[("list", vec![Span::code(of, Tone::Plain)])],
        );
        let parts = match inner.get("all").and_then(Value::as_array) {
            Some(all) => all.iter().map(|p| self.clause(p, Some(of))).collect(),
            None => vec![self.clause(inner, Some(of))],
        };
        Clause::Group(head, parts)
    }

    /// `not` over a clause: the opposite comparison or phrase where there is one.
    fn negated(&self, inner: &Value, list: Option<&str>) -> Clause {
        let x = self.x;
        let Some((op, arg)) = inner.as_object().and_then(|m| m.iter().next()) else {
            return self.clause(inner, list);
        };
        let name = || vec![Self::field(arg.as_str().unwrap_or_default(), list)];
        match op.as_str() {
            "eq" | "ne" | "gt" | "lt" | "ge" | "le" => Clause::One(comparison(op, arg, list, true)),
            "check" => Clause::One(fill(self.t(&x.check_passes), &[("check", name())])),
            "any_item" => match (arg[0].as_str(), arg.get(1)) {
                (Some(of), Some(inner)) => self.item_clause(&x.has_no_item, of, inner),
                _ => self.clause(inner, list),
            },
            "known" => Clause::One(fill(self.t(&x.unknown), &[("field", name())])),
            "nonempty" => Clause::One(fill(self.t(&x.empty), &[("field", name())])),
            _ => Clause::Group(
                Span::plain(self.t(&x.not)).into(),
                vec![self.clause(inner, list)],
            ),
        }
    }

    /// How long an action takes.
    pub fn duration(&self, d: &Duration) -> Line {
        let x = self.x;
        match d {
            Duration::Minutes(m) => Span::plain(self.n(&x.minutes, *m)).into(),
            Duration::BusinessDays {
                min,
                max,
                not_before,
            } => {
                let days = if min == max {
                    self.n(&x.business_days, *max)
                } else {
                    self.t(&x.business_days_range)
                        .replace("{min}", &min.to_string())
                        .replace("{max}", &max.to_string())
                };
                let mut line = Line::from(Span::plain(days));
                if let Some(n) = not_before {
                    let phrase = if n.next_business_day {
                        &x.not_before_next
                    } else {
                        &x.not_before
                    };
                    let field = vec![Span::code(n.field.0.path(), Tone::Plain)];
                    line.push(Span::plain(self.t(&self.l.ui.list_sep)));
                    line.0.extend(fill(self.t(phrase), &[("field", field)]).0);
                }
                line
            }
            Duration::UntilDay { field, day } => fill(
                self.t(&x.until_day),
                &[
                    ("field", vec![Span::code(field.0.path(), Tone::Plain)]),
                    ("day", vec![Span::atom(day.to_string(), Tone::Plain)]),
                ],
            ),
            Duration::CardSchedule => self.prose(&x.card_schedule),
            Duration::Unstated => self.prose(&self.l.ui.duration_unstated),
        }
    }

    /// When a timeline event happens, counted from the request.
    pub fn after(&self, a: After) -> String {
        match a {
            After::Days(n) => self.n(&self.x.after_days, n),
            After::Years(n) => self.n(&self.x.after_years, n),
        }
    }

    /// What an action waits for when both are in a plan: every action marked `first`, then its
    /// own `after` list, with the steps that wait when only some do.
    pub fn waits_for(&self, a: &ActionDef) -> Vec<Line> {
        let firsts = self.kb.actions.iter().filter(|f| f.first && !a.first);
        let firsts = firsts.map(|f| Line::from(Span::code(f.id.as_str(), Tone::Plain)));
        let own = a.after.iter().map(|w| {
            let id = vec![Span::code(w.action.as_str(), Tone::Plain)];
            match w.scope {
                Scope::Every => Line(id),
                Scope::SameItem => fill(self.t(&self.x.waits_same_item), &[("action", id)]),
                Scope::LastItem => fill(self.t(&self.x.waits_last_item), &[("action", id)]),
            }
        });
        firsts.chain(own).collect()
    }

    /// The disagreements behind a record and its sources, each with its title and kind.
    pub fn cited(&self, sheet: Sheet, sources: &[String], conflicts: &'static [String]) -> Sheet {
        let (l, ui) = (self.l, self.l.ui);
        let conflicts = views::conflicts(self.kb, conflicts, l.lang)
            .iter()
            .map(|c| {
                let body = conflict_body(l, c, Some(&self.followed()));
                Item::new(Span::atom("⚠", Tone::Warn), body)
            })
            .collect();
        // The citations of one source together, with its title and kind.
        let mut by_source: Vec<(&str, Vec<&str>)> = Vec::new();
        for cite in sources {
            let id = cite.split_once('§').map_or(cite.as_str(), |(id, _)| id);
            match by_source.iter_mut().find(|(s, _)| *s == id) {
                Some((_, cites)) => cites.push(cite),
                None => by_source.push((id, vec![cite])),
            }
        }
        let sources = by_source
            .into_iter()
            .map(|(id, cites)| {
                let mut mark = Line::new();
                for (i, cite) in cites.into_iter().enumerate() {
                    if i > 0 {
                        mark.push(Span::toned(", ", Tone::Dim));
                    }
                    mark.push(Span::code(cite, Tone::Dim));
                }
                let about = self.kb.source(id).map(|s| {
                    let kind = Span::toned(l.source_kind(s.kind, 1), Tone::Dim);
                    Line::of([
                        Span::plain(self.t(&s.title)),
                        Span::toned(" · ", Tone::Dim),
                        kind,
                    ])
                });
                Item::new(mark, about)
            })
            .collect();
        sheet
            .section(self.t(&ui.heading_conflicts), conflicts)
            .section(self.t(&ui.heading_sources), sources)
    }
}

/// A comparison: `field > value`, or its opposite.
fn comparison(op: &str, arg: &Value, list: Option<&str>, negate: bool) -> Line {
    let sign = match (op, negate) {
        ("eq", false) | ("ne", true) => "=",
        ("ne", false) | ("eq", true) => "≠",
        ("gt", false) | ("le", true) => ">",
        ("lt", false) | ("ge", true) => "<",
        ("ge", false) | ("lt", true) => "≥",
        _ => "≤",
    };
    Line::of([
        Words::field(arg[0].as_str().unwrap_or_default(), list),
        Span::plain(format!(" {sign} ")),
        value(&arg[1]),
    ])
}

/// A value in a condition, as the profile writes it.
fn value(v: &Value) -> Span {
    match v {
        Value::String(s) => Span::code(s.as_str(), Tone::Plain),
        other => Span::atom(other.to_string(), Tone::Plain),
    }
}

/// Clauses one a line: the parts of a group under it, bulleted and set in by their depth.
fn flatten(c: Clause, depth: usize, out: &mut Vec<Line>) {
    let mark = |line: Line| {
        if depth == 0 {
            return line;
        }
        let mut marked = Line::from(Span::plain(format!("{}• ", "  ".repeat(depth - 1))));
        marked.0.extend(line.0);
        marked
    };
    match c {
        Clause::One(line) => out.push(mark(line)),
        Clause::Group(head, kids) => {
            out.push(mark(head));
            for k in kids {
                flatten(k, depth + 1, out);
            }
        }
    }
}

/// A phrase from the data with its `{name}` blanks filled: the text around them stays prose,
/// each blank gets its spans (an id, a date…).
pub fn fill(template: &str, slots: &[(&str, Vec<Span>)]) -> Line {
    let mut line = Line::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let name = &rest[open + 1..close];
        match slots.iter().find(|(k, _)| *k == name) {
            Some((_, spans)) => {
                if open > 0 {
                    line.push(Span::plain(&rest[..open]));
                }
                line.0.extend(spans.iter().cloned());
            }
            None => {
                line.push(Span::plain(&rest[..=close]));
            }
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        line.push(Span::plain(rest));
    }
    line
}
