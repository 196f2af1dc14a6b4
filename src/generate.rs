//! Things generated from the program's own definitions: JSON Schemas (from the Rust types),
//! shell completions and man pages (from the clap definition).

use clap::CommandFactory;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{json, Value};

use crate::app::{print, Failure, UsageError};
use crate::cli::{Cli, SchemaKind};
use crate::knowledge::fields::{Catalogue, FieldType};
use crate::profile::Profile;
use crate::tasks::result::{ErrorResult, ResultSummary, Summary, TaskResult};

/// Any one result line or document `wxacct` prints in JSON.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneResult<'a> {
    Full(Box<TaskResult>),
    Summary(ResultSummary<'a>),
    Error(ErrorResult<'a>),
}

/// The document `--format json` prints for several profiles.
#[derive(Serialize, JsonSchema)]
#[allow(dead_code)]
struct Batch<'a> {
    schema_version: u32,
    results: Vec<OneResult<'a>>,
    summary: Summary,
}

/// The JSON result, as `wxacct schema result` prints it.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "wxacct result (schema_version 1)")]
#[allow(dead_code)]
enum AnyOutput<'a> {
    One(Box<OneResult<'a>>),
    Batch(Batch<'a>),
}

/// The state schema as the Rust types give it, without descriptions from the catalogue.
fn state_schema() -> Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<Profile>();
    schema.to_value()
}

/// Every property of the state schema: its field path (`wallet.bank_cards[].kind`) and the JSON
/// pointer to its schema.
fn state_properties(schema: &Value) -> Vec<(String, String)> {
    fn walk(schema: &Value, object: &str, prefix: &str, out: &mut Vec<(String, String)>) {
        let Some(props) = schema
            .pointer(&format!("{object}/properties"))
            .and_then(Value::as_object)
        else {
            return;
        };
        for (name, prop) in props {
            let path = format!("{prefix}{name}");
            out.push((path.clone(), format!("{object}/properties/{name}")));
            let of_list = prop.pointer("/items/$ref").map(|r| (r, "[]."));
            let of_object = prop.get("$ref").or_else(|| {
                let any = prop.get("anyOf").and_then(Value::as_array)?;
                any.iter().find_map(|s| s.get("$ref"))
            });
            let target = of_list.or(of_object.map(|r| (r, ".")));
            if let Some((Some(def), sep)) = target.map(|(r, sep)| (r.as_str(), sep)) {
                if let Some(def) = def.strip_prefix('#') {
                    walk(schema, def, &format!("{path}{sep}"), out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(schema, "", "", &mut out);
    out
}

/// Every field path the state file accepts, as the model defines it.
pub fn state_field_paths() -> Vec<String> {
    state_properties(&state_schema())
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// The state schema with every property described from the field catalogue (English, then
/// Chinese) and given the catalogue's example.
fn described_state_schema() -> Value {
    let catalogue = Catalogue::get();
    let mut schema = state_schema();
    for (path, pointer) in state_properties(&schema) {
        let (Some(field), Some(Value::Object(prop))) =
            (catalogue.field(&path), schema.pointer_mut(&pointer))
        else {
            continue;
        };
        let m = &field.meaning;
        prop.insert("description".into(), json!(format!("{}\n{}", m.en, m.zh)));
        if field.kind != FieldType::Object {
            prop.insert("examples".into(), json!([field.example]));
        }
    }
    schema
}

pub fn schema_json(kind: SchemaKind) -> String {
    // The state schema describes what is read, the result schema what is written (fields
    // skipped when empty are optional there).
    let schema = match kind {
        SchemaKind::State => described_state_schema(),
        SchemaKind::Result => schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<AnyOutput>()
            .to_value(),
    };
    // Printed as a schema, which puts `$schema` and `title` first and `$defs` last.
    let schema = schemars::Schema::try_from(schema).unwrap_or_default();
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

pub fn schema(kind: SchemaKind) -> Result<(), Failure> {
    print(&schema_json(kind))
}

/// The completion script for `shell`: it asks the `wxacct` binary for every candidate.
pub fn completions_text(shell: clap_complete::Shell) -> String {
    crate::complete::registration(shell)
}

pub fn completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    print(&completions_text(shell))
}

/// The man page of the tool, or of one subcommand.
pub fn man_text(subcommand: Option<&str>) -> Result<String, UsageError> {
    let cmd = Cli::command();
    let page = match subcommand {
        None => cmd,
        Some(name) => {
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let sub = cmd.find_subcommand(name).cloned().ok_or_else(|| {
                UsageError(format!(
                    "no subcommand `{name}` (expected one of {})",
                    names.join(", ")
                ))
            })?;
            let full = format!("wxacct-{name}");
            sub.name(full.clone()).bin_name(full)
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .map_err(|e| UsageError(e.to_string()))?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

pub fn man(subcommand: Option<&str>) -> Result<(), Failure> {
    print(&man_text(subcommand)?)
}

/// Every page `man/` holds: the tool's and one per subcommand, with their file names.
pub fn man_pages() -> Vec<(String, String)> {
    let mut pages = vec![("wxacct.1".to_string(), man_text(None).unwrap_or_default())];
    for sub in Cli::command().get_subcommands() {
        let name = sub.get_name().to_string();
        pages.push((
            format!("wxacct-{name}.1"),
            man_text(Some(&name)).unwrap_or_default(),
        ));
    }
    pages
}
