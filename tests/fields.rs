//! The field catalogue (`data/fields.json`) and the state model agree both ways; every property
//! of the state schema is described; `wxacct explain FIELD` says what the catalogue and the
//! checks say.

mod common;
use common::*;

use std::collections::BTreeSet;

use serde_json::Value;
use wxacct::knowledge::fields::{Catalogue, FieldType};

fn catalogue() -> Catalogue {
    Catalogue::parse(wxacct::knowledge::fields::FILE).unwrap()
}

fn model_paths() -> BTreeSet<String> {
    wxacct::generate::state_field_paths().into_iter().collect()
}

#[test]
fn the_catalogue_is_valid() {
    let c = catalogue();
    assert_eq!(c.problems(), Vec::<String>::new());
    // Every question is written in both languages (Text guarantees it) and every asked field
    // has a type init knows how to ask.
    for f in c.fields.iter().filter(|f| f.question.is_some()) {
        assert!(
            !matches!(f.kind, FieldType::Object | FieldType::Version),
            "{}",
            f.path
        );
    }
}

#[test]
fn every_model_field_is_catalogued_and_every_catalogued_field_exists() {
    let c = catalogue();
    let model = model_paths();
    let documented: BTreeSet<String> = c.fields.iter().map(|f| f.path.clone()).collect();
    let undocumented: Vec<&String> = model.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "not in data/fields.json: {undocumented:?}"
    );
    let unknown: Vec<&String> = documented.difference(&model).collect();
    assert!(
        unknown.is_empty(),
        "in data/fields.json but not in the model: {unknown:?}"
    );
    assert!(model.len() >= 60, "{} fields", model.len());
}

/// The catalogue's type of a field, read off the state schema's property.
fn schema_type(schema: &Value, pointer: &str) -> &'static str {
    let prop = schema.pointer(pointer).unwrap();
    let reference = prop
        .get("$ref")
        .or_else(|| prop["anyOf"].as_array()?.iter().find_map(|s| s.get("$ref")))
        .and_then(Value::as_str)
        .map(|r| r.trim_start_matches("#/$defs/"));
    let def = reference.map(|r| &schema["$defs"][r]);
    match (reference, def) {
        (Some("Money"), _) => "money",
        (Some("Count"), _) => "count",
        (Some("SchemaVersion"), _) => "version",
        (Some("Day"), _) if prop.get("anyOf").is_some() && pointer.ends_with("locked_until") => {
            "date-or-null"
        }
        (Some("Day"), _) => "date",
        (Some(_), Some(d)) if d.get("enum").is_some() || d.get("oneOf").is_some() => "enum",
        (Some(_), Some(d)) if d.get("properties").is_some() => "object",
        _ => match prop["type"][0].as_str().or(prop["type"].as_str()) {
            Some("boolean") => "bool",
            Some("string") => "string",
            Some("array") => "list",
            other => panic!("{pointer}: type {other:?}"),
        },
    }
}

/// Every property of the state schema, with its path.
fn properties(schema: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut objects = vec![(String::new(), String::new())];
    while let Some((pointer, prefix)) = objects.pop() {
        let props = schema.pointer(&format!("{pointer}/properties")).unwrap();
        for (name, prop) in props.as_object().unwrap() {
            let path = format!("{prefix}{name}");
            let here = format!("{pointer}/properties/{name}");
            let items = prop
                .pointer("/items/$ref")
                .map(|r| (r, format!("{path}[].")));
            let object = prop
                .get("$ref")
                .or_else(|| prop["anyOf"].as_array()?.iter().find_map(|s| s.get("$ref")))
                .map(|r| (r, format!("{path}.")));
            if let Some((r, prefix)) = items.or(object) {
                let target = r.as_str().unwrap().trim_start_matches('#').to_string();
                if schema.pointer(&format!("{target}/properties")).is_some() {
                    objects.push((target, prefix));
                }
            }
            out.push((path, here));
        }
    }
    out
}

#[test]
fn types_and_allowed_values_match_the_model() {
    let c = catalogue();
    let schema = run(&["schema", "state"]).json();
    let mut checked = 0;
    for (path, pointer) in properties(&schema) {
        let f = c.field(&path).unwrap();
        let kind = serde_json::to_value(f.kind).unwrap();
        assert_eq!(kind, schema_type(&schema, &pointer), "{path}");
        let model_values = wxacct::profile::field::enum_values(&path);
        let documented = (!f.values.is_empty()).then(|| f.allowed());
        assert_eq!(documented, model_values, "{path}: allowed values");
        checked += 1;
    }
    assert!(checked >= 60);
}

#[test]
fn every_property_of_the_state_schema_is_described() {
    let o = run(&["schema", "state"]);
    let schema = o.json();
    let c = catalogue();
    for (path, pointer) in properties(&schema) {
        let prop = schema.pointer(&pointer).unwrap();
        let description = prop["description"].as_str().unwrap_or_default();
        let f = c.field(&path).unwrap();
        assert_eq!(
            description,
            format!("{}\n{}", f.meaning.en, f.meaning.zh),
            "{path}"
        );
    }
    // Enum fields give their allowed values, and the schema offers the catalogue's example.
    assert_eq!(
        schema["$defs"]["Account"]["properties"]["teen_mode"]["examples"],
        serde_json::json!([false])
    );
}

#[test]
fn catalogued_flags_exist_and_set_the_field() {
    let c = catalogue();
    for f in c.fields.iter().filter(|f| f.flag.is_some()) {
        let flag = f.flag.as_deref().unwrap();
        let usage = wxacct::field_entries::flag_usage(flag);
        assert!(usage.is_some(), "{}: no flag {flag}", f.path);
    }
    // The flags set the fields the catalogue says: a check reading the field changes with it.
    let (v, _) = deactivate(&["--teen-mode"]);
    assert_eq!(check(&v, "account.teen-mode")["status"], "fail");
    let (v, _) = deactivate(&["--set", "account.teen_mode=false"]);
    assert_eq!(check(&v, "account.teen-mode")["status"], "pass");
}

#[test]
fn explain_a_field_in_text() {
    let o = run(&["explain", "account.teen_mode"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        o.stdout,
        "State field  account.teen_mode
The account is in teen mode (青少年模式).

  Type              boolean: true or false
  Example           false
  Read by checks    account.teen-mode, realname.teen-mode
  Set with          --teen-mode[=BOOL]
                    --set account.teen_mode=true|false
  In a state file   {\"account\": {\"teen_mode\": false}}
  wxacct init asks  Is the account in teen mode (青少年模式)?
"
    );
    let zh = run(&["explain", "account.teen_mode", "--lang", "zh"]);
    assert!(
        zh.stdout
            .starts_with("状态字段  account.teen_mode\n账号处于青少年模式。\n"),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout
            .contains("\n  读取它的检查项      account.teen-mode、realname.teen-mode\n"),
        "{}",
        zh.stdout
    );
}

#[test]
fn explain_a_field_in_json() {
    let v = run(&["explain", "wallet.balance_cny", "--json"]).json();
    assert_eq!(v["kind"], "field");
    let r = &v["record"];
    assert_eq!(r["path"], "wallet.balance_cny");
    assert_eq!(r["type"], "money");
    assert_eq!(r["example"], 12.5);
    assert_eq!(r["read_by"], serde_json::json!(["wallet.balance"]));
    assert_eq!(
        r["set_with"],
        serde_json::json!(["--balance <CNY>", "--set wallet.balance_cny=CNY"])
    );
    assert_eq!(r["state_file"], "{\"wallet\":{\"balance_cny\":12.5}}");
    assert!(v.get("also").is_none());
}

#[test]
fn explain_item_fields_in_any_spelling_and_enum_values() {
    for spelling in [
        "devices[].logged_in",
        "devices.logged_in",
        "devices[3].logged_in",
    ] {
        let v = run(&["explain", spelling, "--json"]).json();
        assert_eq!(v["record"]["path"], "devices[].logged_in", "{spelling}");
        assert_eq!(
            v["record"]["read_by"],
            serde_json::json!(["devices.logged-in"])
        );
        assert_eq!(
            v["record"]["set_with"],
            serde_json::json!(["--set devices[].logged_in=true|false", "--set devices=[…]"])
        );
    }
    let v = run(&["explain", "platform", "--json"]).json();
    let values: Vec<&str> = v["record"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["android", "ios", "web"]);
    // A section names its fields and every check that reads one of them.
    let v = run(&["explain", "roles", "--json"]).json();
    assert!(v["record"]["fields"]
        .as_array()
        .unwrap()
        .contains(&"roles.merchant".into()));
    assert!(v["record"]["read_by"]
        .as_array()
        .unwrap()
        .contains(&"roles.enterprise-admin".into()));
}

#[test]
fn an_id_that_is_a_check_and_a_field_shows_both() {
    let v = run(&["explain", "account.status", "--json"]).json();
    assert_eq!(v["kind"], "check");
    assert_eq!(v["also"][0]["kind"], "field");
    assert_eq!(v["also"][0]["record"]["path"], "account.status");
    let o = run(&["explain", "account.status"]);
    assert!(
        o.stdout.starts_with("Check  account.status\n"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("\n\nState field  account.status\n"));
}

#[test]
fn explain_lists_fields_and_suggests_them() {
    let o = run(&["explain"]);
    assert!(
        o.stdout
            .contains("\nState fields (64)\n  wallet.balance_cny "),
        "fields are listed"
    );
    let o = run(&["explain", "acount.teen_mode"]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: no record with id `acount.teen_mode`; did you mean `account.teen_mode`?\n"
    );
}
