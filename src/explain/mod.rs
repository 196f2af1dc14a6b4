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
use crate::knowledge::{Knowledge, Text};
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
        let id = vec![Span::code(id, Tone::Plain)];
        fill(w.t(&x.in_procedure_step), &[("step", id)])
    };
    let mut rows: Vec<(usize, &'static Text, Vec<Line>)> = Vec::new();
    for (i, e) in all.iter().enumerate() {
        // What a record names (its citations, or its disagreements), and whether a name is
        // this fact or this disagreement.
        let (label, names): (_, fn(&Value) -> Vec<&str>) = match e.kind {
            "fact" => (&x.cited_by, sheet::citations),
            "conflict" => (&x.shown_with, sheet::disputes),
            _ => continue,
        };
        let fact = e.kind == "fact";
        let is_it = |name: &str| match name.split_once('§') {
            Some((_, part)) if fact => part == e.id,
            _ => name == e.id,
        };
        let in_list = |list: &[String]| list.iter().any(|n| is_it(n));
        let in_part = |sources: &[String], conflicts: &[String]| {
            in_list(if fact { sources } else { conflicts })
        };
        let records = all.iter().filter(|o| names(&o.full).into_iter().any(is_it));
        let whole = in_part(&procedure.sources, &procedure.conflicts);
        let steps = procedure
            .steps
            .iter()
            .filter(|s| in_part(&s.sources, &s.conflicts));
        let lines = records
            .map(named)
            .chain(whole.then(|| w.prose(&x.in_procedure)))
            .chain(steps.map(|s| step(&s.id)))
            .collect();
        rows.push((i, label, lines));
    }
    for (i, label, lines) in rows {
        let sheet = std::mem::take(&mut all[i].sheet);
        all[i].sheet = sheet.row(label, lines);
    }
}

/// What `explain` shows: every record, the state fields last (no id); or the record with the
/// id and the state field of that path (an id can name both, as `account.status` does).
pub fn select(
    kb: &'static Knowledge,
    lang: Lang,
    id: Option<&str>,
) -> Result<Vec<Entry>, UsageError> {
    let mut all = entries(kb, lang);
    let Some(id) = id else {
        all.extend(field_entries::entries(kb, lang));
        return Ok(all);
    };
    let field = field_entries::find(kb, id, lang);
    if all.iter().all(|e| e.id != id) && field.is_none() {
        let fields = Catalogue::get().fields.iter().map(|f| f.path.as_str());
        let hint = hint(id, all.iter().map(|e| e.id.as_str()).chain(fields))
            .unwrap_or_else(|| Message::new(Msg::ExplainListsIds));
        let m = Message::new(Msg::NoRecord).with("id", id);
        return Err(UsageError(m.then(Some(hint))));
    }
    all.retain(|e| e.id == id);
    all.extend(field);
    Ok(all)
}

/// The text of `explain`: the listing of every record, or each record found in full.
pub fn text(
    kb: &'static Knowledge,
    lang: Lang,
    id: Option<&str>,
    layout: Layout,
) -> Result<String, UsageError> {
    let found = select(kb, lang, id)?;
    Ok(render(&Words::new(kb, lang), &found, id.is_none(), layout))
}

/// Records as text: listed (an entry each), or each in full.
pub fn render(w: &Words, records: &[Entry], listed: bool, layout: Layout) -> String {
    if listed {
        return layout.render(&sheet::listing(w, records));
    }
    let mut blocks: Vec<Block> = Vec::new();
    for e in records {
        if !blocks.is_empty() {
            blocks.push(Block::Gap);
        }
        blocks.extend(sheet::record(w, e));
    }
    layout.render(&blocks)
}

fn json_of(e: &Entry) -> Value {
    json!({ "kind": e.kind, "record": e.full })
}

pub fn run(args: &ExplainArgs) -> Result<(), Failure> {
    let kb = Knowledge::get();
    let lang = lang(args.lang);
    let id = args.id.as_deref();
    if !args.json {
        let (width, color) = screen(args.color);
        return print(&text(kb, lang, id, Layout { width, color })?);
    }
    let found = select(kb, lang, id)?;
    let doc = match found.split_first() {
        Some((e, also)) if id.is_some() => {
            let mut doc = json_of(e);
            if !also.is_empty() {
                doc["also"] = also.iter().map(json_of).collect();
            }
            doc
        }
        _ => found.iter().map(json_of).collect(),
    };
    print(&format!(
        "{}\n",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    ))
}
