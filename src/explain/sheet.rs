//! A record as a person reads it, and the listing of every record, as blocks of the report's
//! document model: the terminal layout fits them to the width like any report.

use serde_json::{json, Value};

use crate::knowledge::Text;
use crate::render::doc::{Block, Entry as Item, Line, List, Span, Tone};

use super::words::Words;
use super::Entry;

/// One record in words: what it says, labelled lines about it, then sections (its facts, the
/// disagreements behind it, its sources).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// Its title, text or subject.
    pub lead: Line,
    pub rows: Vec<Row>,
    pub sections: Vec<Section>,
}

/// A label and what it says, one or more lines.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: &'static Text,
    pub lines: Vec<Line>,
}

/// A heading and its entries.
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub entries: Vec<Item>,
}

impl Sheet {
    pub fn new(lead: impl Into<Line>) -> Sheet {
        Sheet {
            lead: lead.into(),
            ..Sheet::default()
        }
    }

    /// A labelled line or lines; nothing when there is nothing to say.
    pub fn row(mut self, label: &'static Text, lines: impl IntoIterator<Item = Line>) -> Sheet {
        let lines: Vec<Line> = lines.into_iter().filter(|l| !l.is_empty()).collect();
        if !lines.is_empty() {
            self.rows.push(Row { label, lines });
        }
        self
    }

    /// A labelled line, when there is one.
    pub fn line(self, label: &'static Text, line: impl Into<Option<Line>>) -> Sheet {
        self.row(label, line.into())
    }

    pub fn section(mut self, heading: &str, entries: Vec<Item>) -> Sheet {
        if !entries.is_empty() {
            self.sections.push(Section {
                heading: heading.to_string(),
                entries,
            });
        }
        self
    }
}

fn list(entries: Vec<Item>) -> Block {
    Block::List(List {
        numbered: false,
        clip: false,
        entries,
    })
}

/// One record: its kind and id, what it says, the labelled lines, then its sections.
pub fn record(w: &Words, e: &Entry) -> Vec<Block> {
    let s = &e.sheet;
    let mut blocks = vec![Block::Title(Line::of([
        Span::toned(w.kind(e.kind, 1), Tone::Strong),
        Span::plain("  "),
        Span::code(e.id.as_str(), Tone::Strong),
    ]))];
    if !s.lead.is_empty() {
        blocks.push(Block::Para(s.lead.clone()));
    }
    if !s.rows.is_empty() {
        blocks.push(Block::Gap);
        let rows = s.rows.iter().map(|r| {
            let label = Span::toned(w.t(r.label), Tone::Strong);
            Item::new(label, r.lines.iter().cloned())
        });
        blocks.push(list(rows.collect()));
    }
    for section in &s.sections {
        blocks.push(Block::Heading(
            Span::toned(section.heading.as_str(), Tone::Strong).into(),
        ));
        blocks.push(list(section.entries.clone()));
    }
    blocks
}

/// Every record, a section per kind: each id with what the record says, its disagreements
/// (`⚠`) and its sources.
pub fn listing(w: &Words, all: &[Entry]) -> Vec<Block> {
    let ui = w.l.ui;
    let mut blocks = vec![Block::Para(w.prose(&w.x.listing_intro))];
    let mut at = 0;
    while at < all.len() {
        let kind = all[at].kind;
        let n = all[at..].iter().take_while(|e| e.kind == kind).count();
        let heading = w
            .t(&w.x.heading_n)
            .replace("{kind}", &w.kind(kind, n))
            .replace("{n}", &n.to_string());
        blocks.push(Block::Heading(Span::toned(heading, Tone::Strong).into()));
        let entries = all[at..at + n].iter().map(|e| {
            let disputed: Vec<&str> = e.full["conflicts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c["id"].as_str())
                .collect();
            let mut line = Line::from(Span::plain(e.title.as_str()));
            // The mark stays with the first id.
            for (i, id) in disputed.into_iter().enumerate() {
                if i == 0 {
                    line = line.then([Span::code(format!("⚠ {id}"), Tone::Warn)]);
                } else {
                    line.push(Span::plain(", "));
                    line.push(Span::code(id, Tone::Warn));
                }
            }
            if e.full["official_vs_guides"] == json!(true) {
                let mark = format!("⚑ {}", w.t(&ui.official_vs_guides));
                line = line.then([Span::atom(mark, Tone::Warn)]);
            }
            if !e.sources.is_empty() {
                let sources: Vec<&str> = e.sources.iter().map(String::as_str).collect();
                line = line.then([Span::sources(&sources)]);
            }
            let mark = Span::code(e.id.as_str(), Tone::Strong);
            Item::new(mark, std::iter::once(line).chain(e.detail.clone()))
        });
        blocks.push(list(entries.collect()));
        at += n;
    }
    blocks
}

/// The citations in a record, its nested parts' included (a method's path, a rule of an event).
pub fn citations(full: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    walk(full, &mut |key, v| {
        if matches!(key, "sources" | "path_sources") {
            out.extend(v.as_array().into_iter().flatten().filter_map(Value::as_str));
        }
    });
    out
}

/// The disagreements a record shows, its nested parts' included.
pub fn disputes(full: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    walk(full, &mut |key, v| {
        if key == "conflicts" {
            let ids = v.as_array().into_iter().flatten();
            out.extend(ids.filter_map(|c| c.as_str().or_else(|| c["id"].as_str())));
        }
    });
    out
}

/// Calls `f` with every key and value of every object in `v`, but for what is inside the
/// disagreements it names (their values cite sources of their own).
fn walk<'v>(v: &'v Value, f: &mut impl FnMut(&str, &'v Value)) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                f(k, x);
                if k != "conflicts" {
                    walk(x, f);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| walk(x, f)),
        _ => {}
    }
}
