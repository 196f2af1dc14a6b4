//! The knowledge base, through the library: it loads, and its validation catches bad data.

use serde_json::Value;
use wxacct::knowledge::{Knowledge, FILES};

fn original(name: &str) -> String {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| s.to_string())
        .unwrap()
}

/// Loads the data with one file altered.
fn load_with(name: &str, alter: impl Fn(&mut Value)) -> Result<Knowledge, Vec<String>> {
    let mut v: Value = serde_json::from_str(&original(name)).unwrap();
    alter(&mut v);
    let changed = v.to_string();
    Knowledge::load_from(&|n| {
        if n == name {
            changed.clone()
        } else {
            original(n)
        }
    })
}

fn fails_with(result: Result<Knowledge, Vec<String>>, needle: &str) {
    match result {
        Ok(_) => panic!("altered data loaded; expected a problem containing {needle:?}"),
        Err(problems) => assert!(
            problems.iter().any(|p| p.contains(needle)),
            "{needle:?} not in {problems:#?}"
        ),
    }
}

#[test]
fn the_embedded_data_set_is_valid() {
    let kb = Knowledge::load().unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(kb.sources.len(), 4);
    assert!(
        kb.checks
            .iter()
            .filter(|c| c.tasks.contains(&wxacct::knowledge::TaskId::Deactivate))
            .count()
            >= 23
    );
    assert!(kb.problems().is_empty());
}

#[test]
fn a_missing_source_is_caught() {
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["sources"] = serde_json::json!([])
        }),
        "cites no source",
    );
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["sources"] = serde_json::json!(["S1§9"])
        }),
        "S1§9",
    );
    fails_with(
        load_with("timeline.json", |v| {
            v["events"][0]["sources"] = serde_json::json!(["S4§1"])
        }),
        "S4§1",
    );
}

#[test]
fn a_missing_language_is_caught() {
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["title"]
                .as_object_mut()
                .unwrap()
                .retain(|k, _| k == "zh")
        }),
        "en",
    );
    fails_with(
        load_with("ui.json", |v| v["verdict"]["zh"] = Value::from("")),
        "neither empty",
    );
}

#[test]
fn a_dangling_id_is_caught() {
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["action"] = Value::from("no-such-action")
        }),
        "no-such-action",
    );
    fails_with(
        load_with("timeline.json", |v| {
            v["events"][2]["conflicts"] = serde_json::json!(["no-such-conflict"])
        }),
        "no-such-conflict",
    );
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["fails_when"] = serde_json::json!({"check": "nope"})
        }),
        "nope",
    );
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["fails_when"] = serde_json::json!({"gt": ["wallet.balanse", 0]})
        }),
        "wallet.balanse",
    );
}

#[test]
fn a_conflict_needs_two_sources() {
    fails_with(
        load_with("conflicts.json", |v| {
            let values = v["conflicts"][0]["values"].as_array_mut().unwrap();
            values.truncate(1);
        }),
        "two different sources",
    );
    fails_with(
        load_with("conflicts.json", |v| {
            for val in v["conflicts"][1]["values"].as_array_mut().unwrap() {
                val["sources"] = serde_json::json!(["S1§1"]);
            }
        }),
        "two different sources",
    );
}

#[test]
fn src_holds_no_chinese_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(&p).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                let han = text.chars().find(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
                assert!(han.is_none(), "{} holds Chinese text", path.display());
            }
        }
    }
}

#[test]
fn realname_and_unbind_qq_records_are_validated() {
    fails_with(
        load_with("realname.json", |v| {
            v["methods"][0]["sources"] = serde_json::json!(["S2§12"])
        }),
        "method unbind-cards: cites `S2§12`",
    );
    fails_with(
        load_with("realname.json", |v| {
            v["methods"][2]["conflicts"] = serde_json::json!(["no-such-conflict"])
        }),
        "method deactivate-account: names unknown conflict `no-such-conflict`",
    );
    fails_with(
        load_with("realname.json", |v| {
            v["methods"][1]["blocked_by"] = serde_json::json!(["account.statsu"])
        }),
        "account.statsu",
    );
    fails_with(
        load_with("realname.json", |v| {
            v["methods"][2]["achieves"] = serde_json::json!(["minimize"])
        }),
        "no method achieves `remove`",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["playbooks"][0]["sources"] = serde_json::json!([])
        }),
        "playbook qq-stolen: cites no source",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["risks"][2]["conflicts"] = serde_json::json!(["nope"])
        }),
        "risks web: names unknown conflict `nope`",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["verification"].as_array_mut().unwrap().pop();
        }),
        "0 verification records for enterprise on web",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["playbooks"][1]["when"] = serde_json::json!({"check": "no.such"})
        }),
        "playbook enterprise-mixed: condition names unknown check `no.such`",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["impacts"][3]["affected"] = serde_json::json!({"when": {"eq": ["qq.wallet", true]}})
        }),
        "qq.wallet",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["aftercare"][0]["text"]["en"] = Value::from("")
        }),
        "neither empty",
    );
    fails_with(
        load_with("unbind_qq.json", |v| {
            v["playbooks"][1]["id"] = Value::from("qq-stolen")
        }),
        "duplicate playbook id `qq-stolen`",
    );
}

#[test]
fn explain_ids_are_unique() {
    let kb = Knowledge::load().unwrap();
    let entries = wxacct::explain::entries(&kb, wxacct::lang::Lang::En);
    let mut seen = std::collections::BTreeSet::new();
    for e in &entries {
        assert!(seen.insert(e.id.as_str()), "{} {} twice", e.kind, e.id);
    }
}
