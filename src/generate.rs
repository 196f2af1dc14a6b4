//! Things generated from the program's own definitions: JSON Schemas (from the Rust types),
//! shell completions and man pages (from the clap definition).

use clap::CommandFactory;
use schemars::JsonSchema;
use serde::Serialize;

use crate::app::{print, Failure, UsageError};
use crate::cli::{Cli, SchemaKind};
use crate::message::{Message, Msg};
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

pub fn schema_json(kind: SchemaKind) -> String {
    // The state schema describes what is read, the result schema what is written (fields
    // skipped when empty are optional there).
    let schema = match kind {
        SchemaKind::State => schemars::generate::SchemaSettings::draft2020_12()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<Profile>(),
        SchemaKind::Result => schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<AnyOutput>(),
    };
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

pub fn schema(kind: SchemaKind) -> Result<(), Failure> {
    print(&schema_json(kind))
}

pub fn completions_text(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wxacct", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
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
                UsageError(
                    Message::new(Msg::NoSubcommandPage)
                        .with("name", name)
                        .with("values", names.join(", ")),
                )
            })?;
            let full = format!("wxacct-{name}");
            sub.name(full.clone()).bin_name(full)
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .map_err(|e| UsageError(Message::verbatim(e.to_string())))?;
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
