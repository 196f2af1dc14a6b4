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

/// The header of the coverage table in docs/coverage.md.
const COVERAGE_HEADER: &str = "| Section | What it says | Records that carry it |";

/// The coverage table of docs/coverage.md: each source part with the records it names
/// (between backticks in the last column).
fn coverage_rows(doc: &str) -> Vec<(String, Vec<String>)> {
    doc.lines()
        .skip_while(|l| l.trim() != COVERAGE_HEADER)
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            // | part | what it says | records |  →  ["", part, what, records, ""]
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let records = cells
                .get(3)
                .map(|c| c.split('`').skip(1).step_by(2).map(String::from).collect())
                .unwrap_or_default();
            (cells.get(1).copied().unwrap_or("").to_string(), records)
        })
        .collect()
}

/// Everything wrong between the coverage table and the data, one line each.
fn coverage_problems(kb: &Knowledge, doc: &str) -> Vec<String> {
    let rows = coverage_rows(doc);
    let citations = kb.citations();
    let cites = |owner: &str, part: &str| citations.iter().any(|(o, c)| o == owner && *c == part);
    let mut p = Vec::new();
    for s in &kb.sources {
        let parts: Vec<String> = if s.sections.is_empty() {
            vec![s.id.clone()]
        } else {
            s.sections.iter().map(|x| format!("{}§{x}", s.id)).collect()
        };
        for part in parts.iter().filter(|x| !rows.iter().any(|(r, _)| r == *x)) {
            p.push(format!("{part}: no row in docs/coverage.md"));
        }
    }
    for (part, records) in &rows {
        if !citations.iter().any(|(_, c)| c == part) {
            p.push(format!(
                "{part} is listed in docs/coverage.md but no record cites it"
            ));
        }
        for r in records.iter().filter(|r| !cites(r, part)) {
            p.push(format!(
                "{part}: docs/coverage.md names `{r}`, which does not cite {part}"
            ));
        }
    }
    for (owner, c) in &citations {
        if !kb.citation_exists(c) {
            p.push(format!("{owner} cites {c}, which does not exist"));
        }
        let named = rows
            .iter()
            .any(|(part, rs)| part == c && rs.contains(owner));
        if !named && kb.citation_exists(c) {
            p.push(format!(
                "{c}: `{owner}` cites it, but its row in docs/coverage.md does not name it"
            ));
        }
    }
    p.sort();
    p.dedup();
    p
}

fn coverage_doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/coverage.md");
    std::fs::read_to_string(path).expect("docs/coverage.md")
}

#[test]
fn coverage_table_matches_the_data() {
    let kb = Knowledge::load().unwrap_or_else(|p| panic!("{p:#?}"));
    let doc = coverage_doc();
    let rows = coverage_rows(&doc);
    assert_eq!(rows.len(), 31, "S1, S2, S3 in ten parts each, and O1");
    let problems = coverage_problems(&kb, &doc);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The data with record `id` of the list `list` in `file` citing only `sources`.
fn citing(file: &str, list: &str, id: &str, sources: &[&str]) -> Knowledge {
    load_with(file, |v| {
        for r in v[list].as_array_mut().unwrap() {
            if r["id"] == id {
                r["sources"] = serde_json::json!(sources);
            }
        }
    })
    .unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn the_coverage_check_catches_a_removed_citation() {
    // The check loses its S3§intro citation: the row still names it.
    let kb = citing("checks.json", "checks", "qq.bound", &["S3§1"]);
    let problems = coverage_problems(&kb, &coverage_doc());
    assert_eq!(
        problems,
        ["S3§intro: docs/coverage.md names `check qq.bound`, which does not cite S3§intro"]
    );
    // A part no record cites any more.
    let kb = citing("unbind_qq.json", "notes", "backup-and-review", &["S3§8"]);
    let problems = coverage_problems(&kb, &coverage_doc());
    assert!(
        problems.contains(&"S3§end is listed in docs/coverage.md but no record cites it".into()),
        "{problems:#?}"
    );
    // A part missing from the table.
    let doc = coverage_doc().replace("| S2§7 |", "| S2-7 |");
    assert!(coverage_problems(&Knowledge::load().unwrap(), &doc)
        .contains(&"S2§7: no row in docs/coverage.md".to_string()));
}

#[test]
fn troubleshoot_records_are_validated() {
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["causes"][0]["symptom"] = Value::from("deactivate-faild")
        }),
        "cause payment-bound: unknown symptom `deactivate-faild`",
    );
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["causes"][1]["likely_when"] = serde_json::json!({"check": "wallet.licaitng"})
        }),
        "cause licaitong-unexpired: condition names unknown check `wallet.licaitng`",
    );
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["causes"]
                .as_array_mut()
                .unwrap()
                .retain(|c| c["symptom"] != "night-failure")
        }),
        "symptom night-failure: no cause names it",
    );
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["symptoms"][2]["title"]["zh"] = Value::from("")
        }),
        "neither empty",
    );
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["causes"][3]["conflicts"] = serde_json::json!(["no-such-conflict"])
        }),
        "cause channels-in-review: names unknown conflict `no-such-conflict`",
    );
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["causes"][0]["share_percent"] = 168.into()
        }),
        "cause payment-bound: share above 100%",
    );
    fails_with(
        load_with("troubleshoot.json", |v| {
            v["causes"][4]["id"] = "payment-bound".into()
        }),
        "duplicate cause id `payment-bound`",
    );
    // A conflict no record shows is refused.
    fails_with(
        load_with("timeline.json", |v| {
            for e in v["events"].as_array_mut().unwrap() {
                e["conflicts"] = serde_json::json!([]);
            }
        }),
        "conflict realname-cleared: no record shows it",
    );
}

#[test]
fn an_enum_value_in_a_condition_must_exist() {
    // The same table of allowed values serves the data files and the profile's error messages.
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["fails_when"] = serde_json::json!({"eq": ["platform", "andriod"]})
        }),
        "`platform` has no value `andriod`",
    );
    fails_with(
        load_with(
            "checks.json",
            |v| {
                v["checks"][0]["fails_when"] =
                    serde_json::json!({"any_item": ["devices", {"eq": ["kind", "phone"]}]})
            },
        ),
        "`kind` has no value `phone`",
    );
}

#[test]
fn the_plan_graph_is_validated() {
    let action = |v: &mut Value, id: &str| -> usize {
        v["actions"]
            .as_array()
            .unwrap()
            .iter()
            .position(|a| a["id"] == id)
            .unwrap()
    };
    fails_with(
        load_with("actions.json", |v| {
            let i = action(v, "withdraw-balance");
            v["actions"][i]["after"] = serde_json::json!(["withdraw-balanse"]);
        }),
        "action withdraw-balance: waits for unknown action `withdraw-balanse`",
    );
    // The appeal comes first, so it cannot wait for anything that waits for it.
    fails_with(
        load_with("actions.json", |v| {
            let i = action(v, "appeal");
            v["actions"][i]["after"] = serde_json::json!(["withdraw-balance"]);
        }),
        "a cycle",
    );
    fails_with(
        load_with("actions.json", |v| {
            let i = action(v, "repay-unbilled");
            v["actions"][i]["after"] =
                serde_json::json!([{"action": "hand-over-group", "scope": "same-item"}]);
        }),
        "action repay-unbilled: `same-item` on `hand-over-group`, which is not about the same list",
    );
    fails_with(
        load_with("actions.json", |v| {
            let i = action(v, "withdraw-balance");
            v["actions"][i]["after"] =
                serde_json::json!([{"action": "appeal", "scope": "last-item"}]);
        }),
        "action withdraw-balance: `last-item` on an action with one step",
    );
    fails_with(
        load_with("actions.json", |v| {
            let i = action(v, "unbind-card");
            v["actions"][i].as_object_mut().unwrap().remove("per_item");
        }),
        "action unbind-card: a card schedule needs `per_item` over the bank cards",
    );
    fails_with(
        load_with("actions.json", |v| {
            let i = action(v, "unbind-card");
            v["actions"][i]["after"][0]["scpoe"] = Value::from("same-item");
        }),
        "data/actions.json",
    );
}
