//! The catalogue of state fields (`data/fields.json`): for every field of the state file, its
//! type, allowed values, meaning, an example, the flag that sets it and the question `wxacct
//! init` asks. It is the one source of `explain FIELD`, the state schema's descriptions, the
//! questionnaire, `init --template`, the unknown-field hints and the completion of `--set`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::text::Text;
use crate::lang::Lang;

pub const FILE: &str = include_str!("../../data/fields.json");

/// The kinds of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    Version,
    Bool,
    Money,
    Count,
    Date,
    DateOrNull,
    String,
    Enum,
    List,
    Object,
}

impl FieldType {
    pub const ALL: &'static [FieldType] = &[
        FieldType::Version,
        FieldType::Bool,
        FieldType::Money,
        FieldType::Count,
        FieldType::Date,
        FieldType::DateOrNull,
        FieldType::String,
        FieldType::Enum,
        FieldType::List,
        FieldType::Object,
    ];
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeDef {
    pub name: Text,
    /// What stands for a value in a hint: `--set wallet.balance_cny=AMOUNT`.
    pub placeholder: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

/// The texts of `wxacct init` that belong to no one field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub intro: Text,
    pub yes: Text,
    pub no: Text,
    pub dont_know: Text,
    pub select_help: Text,
    pub empty_is_unknown: Text,
    pub none_word: Text,
    pub kinds_help: Text,
    pub names_help: Text,
    pub written: Text,
    pub cancelled: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowedValue {
    pub value: String,
    pub label: Text,
}

/// How a list is answered in `init`: one item per comma-separated word, the word stored under
/// `key`, with the fields of `with` added to each item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListAnswer {
    pub key: String,
    #[serde(default)]
    pub with: Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// Dotted path; `[]` marks the items of a list (`wallet.bank_cards[].kind`).
    pub path: String,
    /// The `init` section the field is asked in.
    pub section: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    #[serde(default)]
    pub values: Vec<AllowedValue>,
    /// A realistic value (`init --template` writes it).
    #[serde(default)]
    pub example: Value,
    /// The dedicated profile flag, if any (`--balance`).
    #[serde(default)]
    pub flag: Option<String>,
    pub meaning: Text,
    /// What `init` asks; `None` for fields it does not ask.
    #[serde(default)]
    pub question: Option<Text>,
    #[serde(default)]
    pub answer: Option<ListAnswer>,
    /// A value `init` writes without asking (`"today"` for a date: the day it runs).
    #[serde(default)]
    pub fill: Option<Value>,
}

impl FieldDef {
    /// The list whose items have this field (`wallet.bank_cards` for `wallet.bank_cards[].kind`).
    pub fn list(&self) -> Option<&str> {
        self.path.split_once("[]").map(|(list, _)| list)
    }

    /// Whether `--set PATH=VALUE` sets it on its own: not a section, and not a field of a list's
    /// items (`--set LIST[].FIELD=VALUE` sets that on every item, and the list sets it whole).
    pub fn settable(&self) -> bool {
        self.list().is_none() && self.kind != FieldType::Object
    }

    pub fn allowed(&self) -> Vec<&str> {
        self.values.iter().map(|v| v.value.as_str()).collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub types: std::collections::BTreeMap<FieldType, TypeDef>,
    pub sections: Vec<Section>,
    pub questionnaire: Questionnaire,
    /// In the order `init` asks them: what matters most first.
    pub fields: Vec<FieldDef>,
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

/// The field path with list indices written as `[]`: `devices[3].kind` and `devices.kind` both
/// become `devices[].kind`.
pub fn normalise(path: &str, lists: &[&str]) -> String {
    let bare: String = path
        .split('[')
        .enumerate()
        .map(|(i, part)| match part.split_once(']') {
            Some((_, rest)) if i > 0 => rest,
            _ => part,
        })
        .collect();
    for list in lists {
        if let Some(rest) = bare.strip_prefix(list).and_then(|r| r.strip_prefix('.')) {
            return format!("{list}[].{rest}");
        }
    }
    bare
}

impl Catalogue {
    pub fn parse(text: &str) -> Result<Catalogue, String> {
        serde_json::from_str(text).map_err(|e| format!("data/fields.json: {e}"))
    }

    /// The embedded catalogue. The test suite validates it, so a failure here is a build defect.
    pub fn get() -> &'static Catalogue {
        CATALOGUE.get_or_init(|| match Catalogue::parse(FILE) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("wxacct: the embedded field catalogue is invalid: {e}");
                std::process::exit(70)
            }
        })
    }

    fn lists(&self) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|f| f.kind == FieldType::List)
            .map(|f| f.path.as_str())
            .collect()
    }

    /// The field at `path`, in any of its spellings (`devices[0].kind`, `devices.kind`).
    pub fn field(&self, path: &str) -> Option<&FieldDef> {
        let path = normalise(path, &self.lists());
        self.fields.iter().find(|f| f.path == path)
    }

    pub fn type_def(&self, kind: FieldType) -> Option<&TypeDef> {
        self.types.get(&kind)
    }

    /// What stands for the value of `f` in a hint: the allowed values, or the type's placeholder.
    pub fn placeholder(&self, f: &FieldDef) -> String {
        if f.values.is_empty() {
            self.type_def(f.kind)
                .map_or_else(|| "VALUE".to_string(), |t| t.placeholder.clone())
        } else {
            f.allowed().join("|")
        }
    }

    /// `--set` with a placeholder for the field's value: `--set account.legal_hold=true|false`.
    pub fn set_hint(&self, path: &str) -> String {
        match self.field(path) {
            Some(f) => format!("--set {}={}", path, self.placeholder(f)),
            None => format!("--set {path}=VALUE"),
        }
    }

    pub fn section_title<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.sections
            .iter()
            .find(|s| s.id == id)
            .map_or(id, |s| s.title.get(lang))
    }

    /// Problems that make the catalogue unfit: duplicate paths, unknown sections, enums without
    /// values, lists without a way to answer them, a type without a description, a field whose
    /// list or section is not catalogued.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        let mut seen = BTreeSet::new();
        for t in FieldType::ALL {
            if self.type_def(*t).is_none() {
                p.push(format!("type {t:?} has no description"));
            }
        }
        for f in &self.fields {
            if !seen.insert(f.path.as_str()) {
                p.push(format!("{}: listed twice", f.path));
            }
            if !self.sections.iter().any(|s| s.id == f.section) {
                p.push(format!("{}: unknown section `{}`", f.path, f.section));
            }
            if (f.kind == FieldType::Enum) == f.values.is_empty() {
                p.push(format!("{}: allowed values go with type enum only", f.path));
            }
            if f.kind == FieldType::List && f.question.is_some() && f.answer.is_none() {
                p.push(format!("{}: a list question needs `answer`", f.path));
            }
            if let Some(list) = f.list() {
                if self.field(list).is_none_or(|l| l.kind != FieldType::List) {
                    p.push(format!("{}: `{list}` is not a catalogued list", f.path));
                }
            }
            let parent = f.path.rsplit_once('.').map(|(parent, _)| parent);
            if let Some(parent) = parent.filter(|p| !p.ends_with("[]")) {
                if self
                    .field(parent)
                    .is_none_or(|o| o.kind != FieldType::Object)
                {
                    p.push(format!("{}: `{parent}` is not a catalogued object", f.path));
                }
            }
        }
        p
    }
}

/// The profile fields a condition of the data (its source text) names: a string naming a
/// catalogued field counts, inside `any_item` as a field of the list's items.
pub fn fields_named(condition: &Value, catalogue: &Catalogue) -> BTreeSet<String> {
    fn walk(v: &Value, prefix: &str, c: &Catalogue, out: &mut BTreeSet<String>) {
        match v {
            Value::String(s) => {
                let path = format!("{prefix}{s}");
                if c.fields.iter().any(|f| f.path == path) {
                    out.insert(path);
                }
            }
            Value::Array(items) => items.iter().for_each(|x| walk(x, prefix, c, out)),
            Value::Object(map) => {
                for (key, x) in map {
                    match (key.as_str(), x.as_array().map(Vec::as_slice)) {
                        ("any_item", Some([Value::String(list), inner])) => {
                            walk(&Value::String(list.clone()), prefix, c, out);
                            walk(inner, &format!("{prefix}{list}[]."), c, out);
                        }
                        _ => walk(x, prefix, c, out),
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(condition, "", catalogue, &mut out);
    out
}
