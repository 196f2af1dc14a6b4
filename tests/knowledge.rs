//! The knowledge base, through the library: it loads, and its validation catches bad data.

mod common;
use common::{load_with, record_mut};

use serde_json::Value;
use wxacct::knowledge::Knowledge;

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
    let ids: Vec<&str> = kb.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["S1", "S2", "S3", "O1", "O2", "O3", "O4", "O5", "O6", "T1"]
    );
    assert_eq!(kb.facts.len(), 13, "F2–F7, F10–F14, F18, F19");
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
            v["methods"][3]["conflicts"] = serde_json::json!(["no-such-conflict"])
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
            v["methods"][2]["achieves"] = serde_json::json!(["minimize"]);
            v["methods"][3]["achieves"] = serde_json::json!(["minimize"])
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
    let entries = wxacct::explain::entries(Knowledge::get(), wxacct::lang::Lang::En);
    let mut seen = std::collections::BTreeSet::new();
    for e in &entries {
        assert!(seen.insert(e.id.as_str()), "{} {} twice", e.kind, e.id);
    }
}

/// The header of the table of guide parts in docs/coverage.md.
const PARTS_HEADER: &str = "| Section | What it says | Records that carry it |";
/// The header of the table of facts.
const FACTS_HEADER: &str = "| Fact | Sources | What it says | Records that carry it |";

/// The rows of the table under `header`: the first cell, the other cells, and the records named
/// (between backticks) in the last cell.
fn table_rows(doc: &str, header: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    doc.lines()
        .skip_while(|l| l.trim() != header)
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            // | first | … | records |  →  ["", first, …, records, ""]
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let inner = &cells[1..cells.len().saturating_sub(1)];
            let last = inner.last().copied().unwrap_or("");
            let records = last
                .split('`')
                .skip(1)
                .step_by(2)
                .map(String::from)
                .collect();
            let first = inner.first().copied().unwrap_or("").to_string();
            let middle = inner.iter().skip(1).map(|c| c.to_string()).collect();
            (first, middle, records)
        })
        .collect()
}

/// The fact a citation names (`O6§F4` → `F4`), if it names one.
fn fact_of<'a>(kb: &Knowledge, citation: &'a str) -> Option<&'a str> {
    citation
        .split_once('§')
        .map(|(_, f)| f)
        .filter(|f| kb.fact(f).is_some())
}

/// Everything wrong between the two coverage tables and the data, one line each.
fn coverage_problems(kb: &Knowledge, doc: &str) -> Vec<String> {
    let parts = table_rows(doc, PARTS_HEADER);
    let facts = table_rows(doc, FACTS_HEADER);
    let citations = kb.citations();
    let cites = |owner: &str, part: &str| citations.iter().any(|(o, c)| o == owner && *c == part);
    let carries = |owner: &str, fact: &str| {
        citations
            .iter()
            .any(|(o, c)| o == owner && fact_of(kb, c) == Some(fact))
    };
    let mut p = Vec::new();
    for s in &kb.sources {
        for x in &s.sections {
            let part = format!("{}§{x}", s.id);
            if !parts.iter().any(|(r, ..)| *r == part) {
                p.push(format!("{part}: no row in docs/coverage.md"));
            }
        }
    }
    for f in &kb.facts {
        match facts.iter().find(|(r, ..)| *r == f.id) {
            None => p.push(format!("{}: no row in docs/coverage.md", f.id)),
            Some((_, cells, _)) => {
                let listed: Vec<&str> = cells[0].split(", ").collect();
                if listed != f.sources {
                    p.push(format!(
                        "{}: docs/coverage.md gives sources {listed:?}, the data {:?}",
                        f.id, f.sources
                    ));
                }
            }
        }
    }
    for (part, _, records) in &parts {
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
    for (fact, _, records) in &facts {
        if kb.fact(fact).is_none() {
            p.push(format!(
                "{fact} is listed in docs/coverage.md but is no fact"
            ));
        } else if kb.fact_users(fact).is_empty() {
            p.push(format!(
                "{fact} is listed in docs/coverage.md but no record cites it"
            ));
        }
        for r in records.iter().filter(|r| !carries(r, fact)) {
            p.push(format!(
                "{fact}: docs/coverage.md names `{r}`, which does not cite {fact}"
            ));
        }
    }
    for (owner, c) in &citations {
        if !kb.citation_exists(c) {
            p.push(format!("{owner} cites {c}, which does not exist"));
            continue;
        }
        let (row, rows) = match fact_of(kb, c) {
            Some(f) => (f, &facts),
            None => (*c, &parts),
        };
        let named = rows.iter().any(|(r, _, rs)| r == row && rs.contains(owner));
        if !named {
            p.push(format!(
                "{row}: `{owner}` cites it, but its row in docs/coverage.md does not name it"
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
    let parts = table_rows(&doc, PARTS_HEADER);
    assert_eq!(
        parts.len(),
        31,
        "S1, S2, S3 in ten parts each, and O1 as a whole"
    );
    let facts: Vec<String> = table_rows(&doc, FACTS_HEADER)
        .into_iter()
        .map(|r| r.0)
        .collect();
    let numbers = [2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 18, 19];
    let want: Vec<String> = numbers.iter().map(|n| format!("F{n}")).collect();
    assert_eq!(facts, want, "every fact of official-facts.md, in order");
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
fn the_coverage_check_keeps_the_facts_honest() {
    let kb = Knowledge::load().unwrap();
    // A record that stops citing a fact while its row still names it.
    let moved = citing(
        "checks.json",
        "checks",
        "account.frequent-device",
        &["S1§8"],
    );
    let problems = coverage_problems(&moved, &coverage_doc());
    assert_eq!(
        problems,
        [
            "F5: docs/coverage.md names `check account.frequent-device`, which does not cite F5",
            "S1§8: `check account.frequent-device` cites it, but its row in docs/coverage.md does not name it",
        ]
    );
    // A record that starts citing a fact its row does not name (through either source of F7).
    let added = citing(
        "checks.json",
        "checks",
        "region.europe-us",
        &["S2§7", "O4§F7"],
    );
    assert_eq!(
        coverage_problems(&added, &coverage_doc()),
        ["F7: `check region.europe-us` cites it, but its row in docs/coverage.md does not name it"]
    );
    // A fact without a row, a row that is no fact, and sources that differ from the data.
    let doc = coverage_doc()
        .replace("| F5 | O6 |", "| F-5 | O6 |")
        .replace("| F7 | O5, O4 |", "| F7 | O5 |");
    let problems = coverage_problems(&kb, &doc);
    for want in [
        "F5: no row in docs/coverage.md",
        "F-5 is listed in docs/coverage.md but is no fact",
        "F7: docs/coverage.md gives sources [\"O5\"], the data [\"O5\", \"O4\"]",
    ] {
        assert!(
            problems.contains(&want.to_string()),
            "{want}: {problems:#?}"
        );
    }
    // A fact nobody carries is refused by the loader itself.
    fails_with(
        load_with("sources.json", |v| {
            let fact = serde_json::json!({"id": "F99", "sources": ["O2"], "text": {"zh": "某事", "en": "a fact"}});
            v["facts"].as_array_mut().unwrap().push(fact);
        }),
        "fact F99: no record cites it",
    );
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

/// The data with the value of conflict `id` at `index` adopted or not.
fn adopting(id: &str, index: usize, adopted: bool) -> Result<Knowledge, Vec<String>> {
    load_with("conflicts.json", |v| {
        for c in v["conflicts"].as_array_mut().unwrap() {
            if c["id"] == id {
                c["values"][index]["adopted"] = adopted.into();
            }
        }
    })
}

#[test]
fn official_sources_and_facts_are_validated() {
    // A fact is cited through a source that states it.
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["sources"] = serde_json::json!(["O1§F11"])
        }),
        "check wallet.balance: cites `O1§F11`, which is no known source section",
    );
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["sources"] = serde_json::json!(["O2§F99"])
        }),
        "cites `O2§F99`",
    );
    // A guide is cited by part, never as a whole.
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][0]["sources"] = serde_json::json!(["S1"])
        }),
        "check wallet.balance: cites `S1`",
    );
    fails_with(
        load_with("sources.json", |v| {
            v["facts"][0]["sources"] = serde_json::json!(["O9"])
        }),
        "fact F2: unknown source `O9`",
    );
    fails_with(
        load_with("sources.json", |v| {
            v["sources"][3]["kind"] = "officious".into()
        }),
        "officious",
    );
    fails_with(
        load_with("sources.json", |v| v["facts"][1]["id"] = "F2".into()),
        "duplicate fact id `F2`",
    );
    // Where an official source disagrees with a guide, one value is the one followed.
    fails_with(
        adopting("pay-condition", 1, false),
        "conflict pay-condition: an official source disagrees with a guide, but no value is adopted",
    );
    fails_with(
        adopting("recovery-window", 0, true),
        "conflict recovery-window: 2 values adopted",
    );
    // A conflict between guides needs none.
    assert!(adopting("ios-qq-verification", 0, true).is_ok());
    fails_with(
        load_with("checks.json", |v| {
            v["checks"][2]["alternative"] = "cancel-payment".into()
        }),
        "check wallet.bank-cards: alternative names unknown method `cancel-payment`",
    );
    fails_with(
        load_with("realname.json", |v| {
            v["methods"][3]["clears_realname"] = serde_json::json!({"event": "realname.gone"})
        }),
        "method deactivate-account: names unknown event `realname.gone`",
    );
    fails_with(
        load_with("realname.json", |v| {
            v["precondition"] = "realname.verifed".into()
        }),
        "realname: precondition names unknown check `realname.verifed`",
    );
    fails_with(
        load_with("realname.json", |v| {
            v["goal_notes"][1]["when"] = serde_json::json!({"nonempty": "wallet.cards"})
        }),
        "wallet.cards",
    );
}

#[test]
fn official_conflicts_follow_the_official_value() {
    let kb = Knowledge::load().unwrap();
    let official: Vec<&str> = kb
        .conflicts
        .iter()
        .filter(|c| kb.official_vs_guides(c))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        official,
        [
            "recovery-window",
            "mandatory-conditions-count",
            "realname-cleared",
            "moments-after-deletion",
            "deletion-menu-wording",
            "chat-history-after-deletion",
            "cooling-off-state",
            "pay-condition",
            "realname-removal-way",
            "transaction-history",
            "account-region",
            "qq-at-registration",
        ]
    );
    for id in official {
        let c = kb.conflict(id).unwrap();
        let adopted = c.values.iter().find(|v| v.adopted).unwrap();
        let by_official = adopted
            .sources
            .iter()
            .any(|s| kb.citation_kind(s).is_some_and(|k| k.is_official()));
        // The menu path is the one exception: S1 tested it in 2025, the official wording is of 2017.
        assert_eq!(by_official, id != "deletion-menu-wording", "{id}");
    }
}

#[test]
fn more_checks_than_a_tally_holds_are_refused_at_load() {
    fails_with(
        load_with("checks.json", |v| {
            let checks = v["checks"].as_array_mut().unwrap();
            let first = checks[0].clone();
            for n in 0..64 {
                let mut c = first.clone();
                c["id"] = format!("extra.copy-{n}").into();
                checks.push(c);
            }
        }),
        "checks, at most 64 are supported",
    );
}

/// A check uses the code `build.rs` wrote for its condition only when the knowledge base loaded
/// that very condition: altered data falls back to the interpreter, and its answers follow the
/// altered data.
#[test]
fn compiled_conditions_are_used_only_for_the_conditions_they_were_written_from() {
    use wxacct::engine::{Env, Status};
    let kb = Knowledge::get();
    assert!(kb.checks.iter().all(|c| c.compiled.is_some()));
    let altered = load_with("checks.json", |v| {
        record_mut(v, "checks", "wallet.balance")["fails_when"] =
            serde_json::json!({ "gt": ["wallet.balance_cny", 50] });
    })
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let idx = altered
        .checks
        .iter()
        .position(|c| c.id == "wallet.balance")
        .unwrap();
    assert_eq!(altered.checks[idx].compiled, None);
    let others = altered.checks.iter().filter(|c| c.id != "wallet.balance");
    assert!(others.into_iter().all(|c| c.compiled.is_some()));

    let profile =
        serde_json::from_value(serde_json::json!({ "wallet": { "balance_cny": 20 } })).unwrap();
    let env = Env {
        profile: &profile,
        start: jiff::civil::date(2026, 11, 23),
        checks: &[],
    };
    let shipped = kb
        .checks
        .iter()
        .position(|c| c.id == "wallet.balance")
        .unwrap();
    let status = |kb: &Knowledge, i| wxacct::engine::checks::evaluate_one(kb, i, &env).status;
    assert_eq!(status(kb, shipped), Status::Fail);
    assert_eq!(status(&altered, idx), Status::Pass);
}

/// The same for the causes' conditions (`likely_when`, `ruled_out_when` in troubleshoot.json):
/// the embedded file, read lazily or up front, uses the code for every condition that reads a
/// field; an altered condition is walked, and `troubleshoot` follows the altered data.
#[test]
fn compiled_cause_conditions_are_used_only_for_the_conditions_they_were_written_from() {
    use wxacct::knowledge::CauseDef;
    use wxacct::tasks::{Context, Task};
    let coded = |c: &CauseDef| (c.likely_code.is_some(), c.ruled_out_code.is_some());
    let field_conditions = |c: &CauseDef| {
        (
            c.likely_when.is_some() && c.likely_test.is_none(),
            c.ruled_out_when.is_some() && c.ruled_out_test.is_none(),
        )
    };
    let eager = Knowledge::load().unwrap_or_else(|p| panic!("{p:#?}"));
    for kb in [Knowledge::get(), &eager] {
        assert!(kb.troubleshoot.as_built);
        assert!(kb
            .troubleshoot
            .causes
            .iter()
            .all(|c| coded(c) == field_conditions(c)));
    }
    let altered = load_with("troubleshoot.json", |v| {
        record_mut(v, "causes", "qq-compromised")["likely_when"] =
            serde_json::json!({ "eq": ["qq.stolen", false] });
    })
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let altered: &'static Knowledge = Box::leak(Box::new(altered));
    assert!(!altered.troubleshoot.as_built);
    for c in &altered.troubleshoot.causes {
        let expected = match c.id.as_str() {
            "qq-compromised" => (false, true),
            _ => field_conditions(c),
        };
        assert_eq!(coded(c), expected, "{}", c.id);
    }

    let profile = serde_json::from_value(serde_json::json!({ "qq": { "stolen": false } })).unwrap();
    let likely = |kb: &'static Knowledge| {
        let ctx = Context {
            kb,
            start: jiff::civil::date(2026, 11, 23),
            calendar: wxacct::engine::Calendar::new(Vec::new()),
        };
        let task = Task::Troubleshoot {
            symptoms: Vec::new(),
        };
        let eval = task.evaluate(&ctx, &profile).unwrap();
        eval.likely.contains(&"qq-compromised")
    };
    assert!(!likely(Knowledge::get()));
    assert!(likely(altered));
}
