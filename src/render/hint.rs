//! How to answer an unknown: for a profile field, the flag that sets it, or else
//! `--set FIELD=VALUE` with a placeholder for the field's type. Flags and placeholders are
//! read from the program's own definitions (the clap flags, the state file's JSON Schema), so
//! a new field or flag needs no change here beyond the table of flags below.

use std::collections::HashMap;
use std::sync::OnceLock;

use clap::CommandFactory;
use serde_json::Value;

use crate::cli::{Cli, SchemaKind};

/// The profile flags and the field each one sets (see `app::overrides`).
pub const FLAGS: &[(&str, &str)] = &[
    ("platform", "platform"),
    ("region", "region"),
    ("wallet.balance_cny", "balance"),
    ("wallet.licaitong_cny", "licaitong"),
    ("wallet.licaitong_locked_until", "licaitong-locked-until"),
    ("wallet.pay_score_enabled", "pay-score"),
    ("wallet.auto_deductions", "auto-deductions"),
    ("wallet.bank_cards", "cards"),
    ("devices", "devices"),
    ("account.teen_mode", "teen-mode"),
    ("account.legal_hold", "legal-hold"),
    ("account.status", "status"),
];

/// The command-line words that answer `field`: `--legal-hold=true|false`,
/// `--set account.realname_verified=true|false`.
pub fn hint(field: &str) -> String {
    hints().get(field).cloned().unwrap_or_else(|| {
        format!(
            "--set {field}={}",
            placeholder(state_schema(), field).unwrap_or_else(|| "VALUE".into())
        )
    })
}

/// The flag hints, by field.
fn hints() -> &'static HashMap<&'static str, String> {
    static HINTS: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    HINTS.get_or_init(|| {
        let cmd = Cli::command();
        let Some(task) = cmd.find_subcommand("deactivate") else {
            return HashMap::new();
        };
        FLAGS
            .iter()
            .filter_map(|&(field, long)| {
                let arg = task.get_arguments().find(|a| a.get_long() == Some(long))?;
                let values: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_string())
                    .collect();
                let names: Vec<String> = arg
                    .get_value_names()
                    .unwrap_or_default()
                    .iter()
                    .map(|n| n.to_string())
                    .collect();
                let value = if arg.get_value_delimiter().is_none() && !values.is_empty() {
                    values.join("|")
                } else {
                    names.join(" ")
                };
                let sep = if arg.is_require_equals_set() {
                    "="
                } else {
                    " "
                };
                Some((field, format!("--{long}{sep}{value}")))
            })
            .collect()
    })
}

fn state_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::from_str(&crate::generate::schema_json(SchemaKind::State)).unwrap_or_default()
    })
}

/// The schema node for `field`, through `$ref`s and `anyOf: [X, null]`.
fn node<'a>(schema: &'a Value, field: &str) -> Option<&'a Value> {
    let mut at = schema;
    for key in field.split('.') {
        at = resolve(schema, at).get("properties")?.get(key)?;
    }
    Some(resolve(schema, at))
}

fn resolve<'a>(root: &'a Value, mut v: &'a Value) -> &'a Value {
    for _ in 0..8 {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            match r
                .strip_prefix("#/$defs/")
                .and_then(|name| root.get("$defs")?.get(name))
            {
                Some(target) => v = target,
                None => return v,
            }
        } else if let Some(any) = v.get("anyOf").and_then(Value::as_array) {
            match any
                .iter()
                .find(|x| x.get("type") != Some(&Value::from("null")))
            {
                Some(x) => v = x,
                None => return v,
            }
        } else {
            return v;
        }
    }
    v
}

/// A placeholder for a value of the field's type.
fn placeholder(schema: &Value, field: &str) -> Option<String> {
    let n = node(schema, field)?;
    if let Some(values) = n.get("enum").and_then(Value::as_array) {
        let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        return Some(values.join("|"));
    }
    let types: Vec<&str> = match n.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let is = |t: &str| types.contains(&t);
    let p = if is("boolean") {
        "true|false"
    } else if is("integer") || is("number") {
        "N"
    } else if n.get("format").and_then(Value::as_str) == Some("date") {
        "YYYY-MM-DD"
    } else if is("array") {
        "[…]"
    } else {
        "TEXT"
    };
    Some(p.to_string())
}
