//! Things generated from the program's own definitions: JSON Schemas (from the Rust types),
//! shell completions and man pages (from the clap definition).

use roff::{bold, roman, Roff};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{json, Value};

use crate::app::{print, Failure, UsageError};
use crate::cli::{Cli, SchemaKind};
use crate::knowledge::fields::{Catalogue, FieldType};
use crate::message::{Message, Msg};
use crate::profile::Profile;
use crate::tasks::result::{ErrorResult, ResultSummary, SourceRef, Summary, TaskResult};

/// Any one result line or document `wxacct` prints in JSON.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneResult<'a> {
    Full(Box<TaskResult>),
    Summary(Box<ResultSummary<'a>>),
    Error(ErrorResult<'a>),
}

/// The document `--format json` prints for several profiles.
#[derive(Serialize, JsonSchema)]
#[allow(dead_code)]
struct Batch<'a> {
    schema_version: u32,
    results: Vec<OneResult<'a>>,
    summary: Summary,
    /// Every source the results cite, given once for the document with `--detail full` (the
    /// results then leave theirs out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    references: Vec<SourceRef>,
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

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Every profile passes --fail-on (by default: every verdict is ready or not-applicable); other subcommands: success."),
    ("1", "At least one profile fails --fail-on (blocked fails blocked and incomplete; incomplete fails only incomplete)."),
    ("2", "Bad usage, an unreadable input, or at least one invalid profile (reported after all the others were checked)."),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("NO_COLOR", "When set and not empty, --color auto never colours."),
    ("CLICOLOR_FORCE", "When set and not 0, --color auto colours even when standard output is not a terminal (NO_COLOR wins)."),
    ("LC_ALL, LC_MESSAGES, LANG", "Without --lang, the first of them that is set and not empty picks the language: zh* gives Chinese, anything else English. Ids never change with the language."),
    ("COLUMNS", "The width of table output when standard output is not a terminal (default 100)."),
    ("WXACCT_COMPLETE", "Set by the completion scripts: wxacct then prints completion candidates instead of running."),
];

const STATE_EXAMPLE: &str = r#"{
  "id": "me",
  "platform": "ios",
  "account": { "status": "normal", "teen_mode": false },
  "wallet": { "balance_cny": 12.5, "bank_cards": [ { "kind": "credit" } ] },
  "devices": [ { "kind": "mac", "logged_in": true } ]
}"#;

/// A roff fragment, without the preamble every rendered piece starts with (the page keeps one).
fn piece(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    let _ = render(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let body = text.strip_prefix(".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n");
    body.map_or(text.clone(), str::to_string)
}

fn tagged(roff: &mut Roff, section: &str, items: &[(&str, &str)]) {
    roff.control("SH", [section]);
    for (tag, text) in items {
        roff.control("TP", []);
        roff.text([bold(*tag)]);
        roff.text([roman(*text)]);
    }
}

/// The example lines of a command's help (`  wxacct …` after "Examples:").
fn examples(cmd: &clap::Command) -> Vec<String> {
    let help = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    help.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("wxacct "))
        .map(str::to_string)
        .collect()
}

/// The sections clap does not write: EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES.
fn more_sections(examples: &[String], reads_profiles: bool) -> Roff {
    let mut roff = Roff::default();
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        for e in examples {
            roff.control("PP", []).control("RS", ["4"]);
            roff.text([bold(e.as_str())]);
            roff.control("RE", []);
        }
    }
    tagged(&mut roff, "EXIT STATUS", EXIT_STATUS);
    tagged(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    if reads_profiles {
        roff.control("SH", ["FILES"]);
        roff.text([roman(
            "A state file (profile) is a JSON object; every field is optional and a missing one is unknown. \
--state reads .json files (an object or an array), .jsonl/.ndjson files, directories and - (standard input). \
wxacct init writes one by asking questions, wxacct init --template prints one with every field, \
wxacct schema state gives its JSON Schema and wxacct explain FIELD explains a field. A short example:",
        )]);
        roff.control("PP", [])
            .control("RS", ["4"])
            .control("nf", []);
        for line in STATE_EXAMPLE.lines() {
            roff.text([roman(line)]);
        }
        roff.control("fi", []).control("RE", []);
    }
    roff
}

/// The man page of the tool, or of one subcommand (titled `wxacct-NAME`, with `wxacct NAME` in
/// its synopsis).
pub fn man_text(subcommand: Option<&str>) -> Result<String, UsageError> {
    let cmd = Cli::defined();
    let (page, examples, reads_profiles) = match subcommand {
        None => {
            let examples = cmd
                .get_subcommands()
                .flat_map(|s| examples(s).into_iter().take(1));
            (
                cmd.clone().after_help(""),
                examples.collect::<Vec<_>>(),
                true,
            )
        }
        Some(name) => {
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let sub = cmd.find_subcommand(name).cloned().ok_or_else(|| {
                UsageError(
                    Message::new(Msg::NoSubcommandPage)
                        .with("name", name)
                        .with("values", names.join(", ")),
                )
            })?;
            let reads =
                name == "init" || sub.get_arguments().any(|a| a.get_long() == Some("state"));
            let examples = examples(&sub);
            let page = sub
                .name(format!("wxacct-{name}"))
                .bin_name(format!("wxacct {name}"))
                .after_help("");
            (page, examples, reads)
        }
    };
    let man = clap_mangen::Man::new(page.clone());
    let mut text = String::new();
    text.push_str(&piece(|w| man.render_title(w)));
    text.push_str(&piece(|w| man.render_name_section(w)));
    text.push_str(&piece(|w| man.render_synopsis_section(w)));
    text.push_str(&piece(|w| man.render_description_section(w)));
    if page.get_arguments().any(|a| !a.is_hide_set()) {
        text.push_str(&piece(|w| man.render_options_section(w)));
    }
    if page.has_subcommands() {
        text.push_str(&piece(|w| man.render_subcommands_section(w)));
    }
    text.push_str(&piece(|w| {
        more_sections(&examples, reads_profiles).to_writer(w)
    }));
    if page.get_version().is_some() {
        text.push_str(&piece(|w| man.render_version_section(w)));
    }
    Ok(format!(".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n{text}"))
}

pub fn man(subcommand: Option<&str>) -> Result<(), Failure> {
    print(&man_text(subcommand)?)
}

/// Every page `man/` holds: the tool's and one per subcommand, with their file names.
pub fn man_pages() -> Vec<(String, String)> {
    let mut pages = vec![("wxacct.1".to_string(), man_text(None).unwrap_or_default())];
    for sub in Cli::defined().get_subcommands() {
        let name = sub.get_name().to_string();
        pages.push((
            format!("wxacct-{name}.1"),
            man_text(Some(&name)).unwrap_or_default(),
        ));
    }
    pages
}
