//! How to answer an unknown: for a profile field, the flag that sets it, or else
//! `--set FIELD=VALUE` with a placeholder for the field's type. Which flag sets a field and the
//! placeholders come from the field catalogue (`data/fields.json`); the flag's own syntax from
//! the clap definition.

use std::sync::OnceLock;

use crate::cli::task_flags;
use crate::knowledge::fields::Catalogue;

/// The command-line words that answer `field`: `--legal-hold=true|false`,
/// `--set account.realname_verified=true|false`.
pub fn hint(field: &str) -> String {
    let c = Catalogue::get();
    let f = c.field(field);
    f.and_then(|f| f.flag.as_deref())
        .and_then(flag_syntax)
        .unwrap_or_else(|| c.set_hint(field))
}

/// `hint` for each field, on one line.
pub fn hints<S: AsRef<str>>(fields: &[S]) -> String {
    let all: Vec<String> = fields.iter().map(|f| hint(f.as_ref())).collect();
    all.join(", ")
}

/// A flag with its value as typed: `--status normal|restricted|…`, `--pay-score=true|false`,
/// `--cards KIND,...`. Worked out once for every flag: a batch asks for them per profile.
fn flag_syntax(flag: &str) -> Option<String> {
    static SYNTAX: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let long = flag.strip_prefix("--")?;
    let all = SYNTAX.get_or_init(|| {
        task_flags()
            .get_arguments()
            .filter_map(|arg| Some((arg.get_long()?.to_string(), syntax(arg)?)))
            .collect()
    });
    all.iter().find(|(l, _)| l == long).map(|(_, s)| s.clone())
}

/// `flag_syntax` of one flag.
fn syntax(arg: &clap::Arg) -> Option<String> {
    let long = arg.get_long()?;
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
    Some(format!("--{long}{sep}{value}"))
}
