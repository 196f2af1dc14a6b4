//! The state fields as `wxacct explain FIELD` shows them: type, meaning, allowed values, the
//! checks that read the field, and the flag or `--set` that sets it. Everything comes from the
//! field catalogue (`data/fields.json`), the checks' conditions and the clap definition.

use std::io;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::cli::task_flag;
use crate::explain::{Entry, Sheet, Words};
use crate::knowledge::fields::{fields_named, Catalogue, FieldDef, FieldType};
use crate::knowledge::Knowledge;
use crate::lang::Lang;
use crate::render::doc::{Line, Span, Tone};

/// A profile flag as its help writes it: `--balance <CNY>`, `--pay-score[=BOOL]`.
pub fn flag_usage(flag: &str) -> Option<String> {
    let long = flag.strip_prefix("--")?;
    let arg = task_flag(long)?;
    let name = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| "VALUE".into());
    let optional = arg.get_num_args().is_some_and(|n| n.min_values() == 0);
    Some(if optional {
        format!("{flag}[={name}]")
    } else {
        format!("{flag} <{name}>")
    })
}

/// The ids of the checks whose conditions read `path` (or, for a list or a section, a field in it).
pub fn readers<'k>(kb: &'k Knowledge, c: &Catalogue, path: &str) -> Vec<&'k str> {
    kb.checks
        .iter()
        .filter(|check| {
            let conditions = std::iter::once(&check.fails_when.1)
                .chain(check.severity_when.iter().map(|r| &r.when.1));
            conditions
                .flat_map(|cond| fields_named(cond, c))
                .any(|named| {
                    let rest = named.strip_prefix(path);
                    rest.is_some_and(|r| r.is_empty() || r.starts_with('.') || r.starts_with("[]."))
                })
        })
        .map(|check| check.id.as_str())
        .collect()
}

/// `value` placed at `path` in an otherwise empty profile: how it looks in a state file.
fn in_state_file(path: &str, value: &Value) -> Value {
    let mut node = value.clone();
    let mut parts: Vec<&str> = path.split('.').collect();
    // `wallet.bank_cards[].kind` sits inside one item of the list.
    while let Some(last) = parts.pop() {
        let (key, item) = match last.strip_suffix("[]") {
            Some(list) => (list, true),
            None => (last, false),
        };
        if item {
            node = Value::Array(vec![node]);
        }
        let mut map = Map::new();
        map.insert(key.to_string(), node);
        node = Value::Object(map);
    }
    node
}

fn children<'c>(c: &'c Catalogue, f: &FieldDef) -> Vec<&'c str> {
    let prefix = match f.kind {
        FieldType::List => format!("{}[].", f.path),
        _ => format!("{}.", f.path),
    };
    c.fields
        .iter()
        .filter(|x| {
            x.path
                .strip_prefix(&prefix)
                .is_some_and(|rest| !rest.contains('.'))
        })
        .map(|x| x.path.as_str())
        .collect()
}

/// JSON on one line with a space after each `:` and `,`, so that the text may wrap there.
fn spaced(v: &Value) -> String {
    struct Spaced;
    impl serde_json::ser::Formatter for Spaced {
        fn begin_array_value<W: ?Sized + io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            w.write_all(if first { b"" } else { b", " })
        }
        fn begin_object_key<W: ?Sized + io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            w.write_all(if first { b"" } else { b", " })
        }
        fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
            w.write_all(b": ")
        }
    }
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Spaced);
    match v.serialize(&mut ser) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => v.to_string(),
    }
}

/// A `--set` hint of an enum field with the type's placeholder for the value, the values being
/// listed above it: `--set region=VALUE`, which fits where all five values might not.
fn short_hint(c: &Catalogue, f: &FieldDef, hint: &str) -> String {
    match c.type_def(f.kind) {
        Some(t) if !f.values.is_empty() && hint.starts_with("--set ") => {
            format!("--set {}={}", f.path, t.placeholder)
        }
        _ => hint.to_string(),
    }
}

/// One field as an `explain` record.
pub fn entry(kb: &'static Knowledge, c: &Catalogue, f: &FieldDef, lang: Lang) -> Entry {
    let mut set_with: Vec<String> = f.flag.as_deref().and_then(flag_usage).into_iter().collect();
    // A field of a list's items is set on every item at once, or with the list as a whole.
    if f.settable() || f.list().is_some() {
        set_with.push(c.set_hint(&f.path));
    }
    if let Some(list) = f.list() {
        set_with.push(c.set_hint(list));
    }
    let example = (f.kind != FieldType::Object).then_some(&f.example);
    let read_by = readers(kb, c, &f.path);
    let in_file = example.map(|e| in_state_file(&f.path, e));
    let state_file = in_file.as_ref().map(Value::to_string);
    let type_name = c.type_def(f.kind).map(|t| t.name.get(lang));
    let mut full = json!({
        "path": f.path,
        "meaning": f.meaning.get(lang),
        "type": f.kind,
        "type_name": type_name,
        "values": f.values.iter().map(|v| json!({ "value": v.value, "label": v.label.get(lang) })).collect::<Vec<_>>(),
        "example": example,
        "read_by": read_by,
        "set_with": set_with,
        "state_file": state_file,
        "question": f.question.as_ref().map(|q| q.get(lang)),
    });
    let fields = matches!(f.kind, FieldType::List | FieldType::Object).then(|| children(c, f));
    if let Some(fields) = &fields {
        full["fields"] = json!(fields);
    }
    let w = Words::new(kb, lang);
    let x = w.x;
    let code = |s: &str| Line::from(Span::code(s, Tone::Plain));
    let json = |v: &Value| Line::from(Span::plain(spaced(v)));
    let values = f.values.iter().map(|v| {
        Line::of([
            Span::code(v.value.as_str(), Tone::Plain),
            Span::plain(w.t(&w.l.ui.label_sep)),
            Span::plain(v.label.get(lang)),
        ])
    });
    // A date that may be missing has `null` for its example.
    let example = example.filter(|e| !e.is_null() || f.kind == FieldType::DateOrNull);
    let read_by = if read_by.is_empty() {
        w.prose(&x.none)
    } else {
        w.ids(read_by)
    };
    let sheet = Sheet::new(Span::plain(f.meaning.get(lang)))
        .line(&x.field_type, type_name.map(|t| Span::plain(t).into()))
        .row(&x.allowed_values, values)
        .line(&x.fields, fields.map(|f| w.ids(f)))
        .line(&x.example, example.map(json))
        .line(&x.read_by, read_by)
        .row(
            &x.set_with,
            set_with.iter().map(|s| code(&short_hint(c, f, s))),
        )
        .line(&x.state_file, in_file.as_ref().map(json))
        .line(
            &x.init_asks,
            f.question.as_ref().map(|q| Span::plain(q.get(lang)).into()),
        );
    let title = f.meaning.get(lang).to_string();
    Entry::new("field", f.path.clone(), title, &[], full).with(sheet)
}

/// Every catalogued field, in catalogue order.
pub fn entries(kb: &'static Knowledge, lang: Lang) -> Vec<Entry> {
    let c = Catalogue::get();
    c.fields.iter().map(|f| entry(kb, c, f, lang)).collect()
}

/// The field named `path` in any spelling (`devices[0].kind`), as a record.
pub fn find(kb: &'static Knowledge, path: &str, lang: Lang) -> Option<Entry> {
    let c = Catalogue::get();
    c.field(path).map(|f| entry(kb, c, f, lang))
}
