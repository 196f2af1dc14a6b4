//! `wxacct explain [ID]`: every record of the knowledge base, or one in full. Each record is
//! kept twice: as JSON (`--json`, stable) and in words (the text, laid out like a report).

mod records;
mod sheet;
mod tasks;
mod words;

use serde_json::{json, Value};

use crate::app::{lang, print, screen, Failure, UsageError};
use crate::cli::ExplainArgs;
use crate::field_entries;
use crate::knowledge::fields::Catalogue;
use crate::knowledge::Knowledge;
use crate::lang::Lang;
use crate::message::{Message, Msg};
use crate::profile::error::hint;
use crate::render::doc::{Block, Line, Span, Tone};
use crate::render::layout::Layout;

pub use sheet::Sheet;
pub use words::{fill, Words};

/// One record, as `explain` shows it.
pub struct Entry {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub sources: Vec<String>,
    /// The record for `--json`.
    pub full: Value,
    /// A second line in the list of all records (a conflict's values side by side).
    pub detail: Option<Line>,
    /// The record in words, for the text.
    pub sheet: Sheet,
}

impl Entry {
    pub fn new(
        kind: &'static str,
        id: String,
        title: String,
        sources: &[String],
        full: Value,
    ) -> Entry {
        Entry {
            kind,
            sheet: Sheet::new(Span::plain(title.as_str())),
            id,
            title,
            sources: sources.to_vec(),
            full,
            detail: None,
        }
    }
    pub fn with(mut self, sheet: Sheet) -> Entry {
        self.sheet = sheet;
        self
    }
    fn detail(mut self, line: Line) -> Entry {
        self.detail = Some(line);
        self
    }
}

/// Every record, grouped by kind.
pub fn entries(kb: &'static Knowledge, lang: Lang) -> Vec<Entry> {
    let w = Words::new(kb, lang);
    let mut out = records::sources(&w);
    out.extend(records::plan(&w));
    let notes = kb.deactivate.notes.iter().chain(&kb.realname.notes);
    let notes = notes.chain(&kb.unbind_qq.notes);
    out.extend(notes.map(|n| records::note(&w, "note", n)));
    out.extend(tasks::realname(&w));
    out.extend(tasks::unbind_qq(&w));
    out.extend(tasks::troubleshoot(&w));
    out.extend(records::disagreements(&w));
    users(&w, &mut out);
    out
}

/// Adds to each fact the records that cite it, and to each disagreement the records that
/// show it, by kind and id as `explain` knows them (and the steps of the in-app procedure).
fn users(w: &Words, all: &mut [Entry]) {
    let x = w.x;
    let procedure = &w.kb.deactivate.procedure;
    let named = |e: &Entry| {
        Line::of([
            Span::plain(w.kind(e.kind, 1)),
            Span::plain(" "),
            Span::code(e.id.as_str(), Tone::Plain),
        ])
    };
    let step = |id: &str| {
        fill(
            w.t(&x.in_procedure_step),
            &[("step", vec![Span::code(id, Tone::Plain)])],
        )
    };
    let mut rows: Vec<(usize, Vec<Line>)> = Vec::new();
    for (i, e) in all.iter().enumerate() {
        let lines: Vec<Line> = match e.kind {
            "fact" => {
                let cites = |list: &[String]| {
                    list.iter()
                        .any(|c| c.split_once('§').is_some_and(|(_, f)| f == e.id))
                };
                let records = all.iter().filter(|o| {
                    sheet::citations(&o.full)
                        .iter()
                        .any(|c| c.split_once('§').is_some_and(|(_, f)| f == e.id))
                });
                let whole = cites(&procedure.sources).then(|| w.prose(&x.in_procedure));
                let steps = procedure.steps.iter().filter(|s| cites(&s.sources));
                records
                    .map(named)
                    .chain(whole)
                    .chain(steps.map(|s| step(&s.id)))
                    .collect()
            }
            "conflict" => {
                let shows = |list: &[String]| list.contains(&e.id);
                let records = all
                    .iter()
                    .filter(|o| sheet::disputes(&o.full).contains(&e.id.as_str()));
                let whole = shows(&procedure.conflicts).then(|| w.prose(&x.in_procedure));
                let steps = procedure.steps.iter().filter(|s| shows(&s.conflicts));
                records
                    .map(named)
                    .chain(whole)
                    .chain(steps.map(|s| step(&s.id)))
                    .collect()
            }
            _ => continue,
        };
        rows.push((i, lines));
    }
    for (i, lines) in rows {
        let label = if all[i].kind == "fact" {
            &x.cited_by
        } else {
            &x.shown_with
        };
        let sheet = std::mem::take(&mut all[i].sheet);
        all[i].sheet = sheet.row(label, lines);
    }
}

/// Where the text goes: its width and whether it is coloured.
fn layout(args: &ExplainArgs) -> Layout {
    let (width, color) = screen(args.color);
    Layout { width, color }
}

pub fn run(args: &ExplainArgs) -> Result<(), Failure> {
    let kb = Knowledge::get();
    let lang = lang(args.lang);
    let mut all = entries(kb, lang);
    if args.id.is_none() {
        all.extend(field_entries::entries(kb, lang));
    }
    match &args.id {
        None if args.json => {
            let v: Vec<Value> = all
                .iter()
                .map(|e| json!({ "kind": e.kind, "record": e.full }))
                .collect();
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ))
        }
        None => {
            let w = Words::new(kb, lang);
            print(&layout(args).render(&sheet::listing(&w, &all)))
        }
        Some(id) => {
            // An id can name a record and a state field at once (`account.status`): both show.
            let field = field_entries::find(kb, id, lang);
            let found: Vec<&Entry> = all.iter().filter(|e| &e.id == id).chain(&field).collect();
            let Some((e, also)) = found.split_first() else {
                let fields = Catalogue::get().fields.iter().map(|f| f.path.as_str());
                let hint = hint(id, all.iter().map(|e| e.id.as_str()).chain(fields))
                    .unwrap_or_else(|| Message::new(Msg::ExplainListsIds));
                let m = Message::new(Msg::NoRecord).with("id", id.as_str());
                return Err(UsageError(m.then(Some(hint))).into());
            };
            if args.json {
                let mut doc = json!({ "kind": e.kind, "record": e.full });
                if !also.is_empty() {
                    let also: Vec<Value> = also
                        .iter()
                        .map(|e| json!({ "kind": e.kind, "record": e.full }))
                        .collect();
                    doc["also"] = Value::Array(also);
                }
                print(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&doc).unwrap_or_default()
                ))
            } else {
                let w = Words::new(kb, lang);
                let mut blocks: Vec<Block> = Vec::new();
                for e in &found {
                    if !blocks.is_empty() {
                        blocks.push(Block::Gap);
                    }
                    blocks.extend(sheet::record(&w, e));
                }
                print(&layout(args).render(&blocks))
            }
        }
    }
}
