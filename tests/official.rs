//! Issue 10, parts 1–3, through the binary: the official sources and their kinds, the facts and
//! the conflicts with the guides, the `cancel-pay` method and when the real name is cleared, and
//! the official conditions of `deactivate` (frequent device, WeChat Pay, teen mode).

mod common;
use common::*;
use serde_json::{json, Value};

/// `deactivate` on the complete example profile `ready.json` (ready as it is) with `args`.
fn ready_with(command: &str, args: &[&str]) -> (Value, i32) {
    let ready = example("ready.json");
    let mut a = vec![
        command,
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &ready,
    ];
    a.extend_from_slice(args);
    let o = run(&a);
    (o.json(), o.code)
}

fn step<'a>(r: &'a Value, id: &str) -> &'a Value {
    item(&r["procedure"], "steps", id)
}

fn event<'a>(r: &'a Value, id: &str) -> &'a Value {
    item(r, "timeline", id)
}

/// The value of a shown conflict that wxacct follows, with its sources.
fn adopted(conflict: &Value) -> (&str, Vec<&str>) {
    let v = conflict["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["adopted"] == true)
        .unwrap_or_else(|| panic!("nothing adopted in {conflict}"));
    let sources = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    (v["value"].as_str().unwrap(), sources)
}

// ---------------------------------------------------------------- 1. sources and facts

#[test]
fn every_result_lists_the_sources_with_their_kind() {
    for command in ["deactivate", "realname", "unbind-qq", "troubleshoot"] {
        let (r, _) = task_json(command, &[]);
        let kinds: Vec<(&str, &str)> = r["references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].as_str().unwrap(), s["kind"].as_str().unwrap()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("S1", "third-party-guide"),
                ("S2", "third-party-guide"),
                ("S3", "third-party-guide"),
                ("O1", "quoted-official"),
                ("O2", "official"),
                ("O3", "official"),
                ("O4", "official"),
                ("O5", "official"),
                ("O6", "quoted-official"),
                ("T1", "third-party-guide"),
            ],
            "{command}"
        );
    }
    let (r, _) = task_json("deactivate", &[]);
    let o5 = item(&r, "references", "O5");
    assert_eq!(o5["published"], "2025-05-09");
    assert_eq!(
        o5["urls"],
        json!([
            "https://weixin.qq.com/cgi-bin/readTemplate?S=privacy&lang=zh_cn&t=weixin_agreement"
        ])
    );
    let o6 = item(&r, "references", "O6");
    assert_eq!(o6["published"], "2020-06-30");
    assert_eq!(o6["urls"].as_array().unwrap().len(), 2);
    assert_eq!(item(&r, "references", "O1")["published"], "2017-08-13");
    assert_eq!(item(&r, "references", "S1")["urls"], json!([]));
}

#[test]
fn reports_name_each_source_kind() {
    let base = ["deactivate", "--start", "2026-11-23", "--color", "never"];
    // The compact report: one line of ids, grouped by kind: the sources of what it says (no
    // QQ guide S3, no mainland terms O5 for a deletion with nothing to clear).
    let table = run(&base).stdout;
    assert!(
        table.contains("\nSources: S1 S2 third-party guides · O1 O6 quoted official sources · O3 O4 official\n"),
        "{table}"
    );
    // In full (-v): each source with its title and kind.
    let base = [&base[..], &["-v"]].concat();
    let table = run(&base).stdout;
    for line in [
        "  O1  WeChat Help Center (international), account cancellation FAQ, 2017 wording as reposted by",
        "  O2  WeChat Help Center: How do I cancel my WeChat Pay account? (official)",
        "  S2  WeChat real-name verification removal guide (third-party guide)",
    ] {
        assert!(table.contains(line), "{line}: {table}");
    }
    assert!(table.contains("(quoted official, 2017-08-13)"), "{table}");
    let md = run(&[&base[..], &["--format", "markdown"]].concat()).stdout;
    assert!(md.contains("- `O4` WeChat (international) Privacy Policy, as archived by Open Terms Archive (official)"), "{md}");
    let zh = run(&[&base[..], &["--lang", "zh", "--format", "markdown"]].concat()).stdout;
    assert!(zh.contains("(转引的官方说法, 2020-06-30)"), "{zh}");
}

#[test]
fn explain_shows_an_official_source_and_its_facts() {
    let o = run(&["explain", "O2"]);
    assert_eq!(o.code, 0);
    assert_eq!(
        o.stdout,
        "Source  O2
WeChat Help Center: How do I cancel my WeChat Pay account?

  Kind     official
  Address  https://help.wechat.com/cgi-bin/micromsg-bin/
           oshelpcenter?id=170628Mb2meU170628qEnYji&opcode=2&t=help_center%2Fw_topic_detail

Facts
  F10  Path: Me › WeChat Pay (Services) › “…” at the top right › WeChat Pay Cancellation (in the
       Chinese app under Payment management, 支付管理).
  F11  Cancelling WeChat Pay clears the card-holder profile (name and identity document number), the
       transaction history, the money left in Balance and the Balance details; none of it can be
       restored. The WeChat account itself stays.
  F12  The cancellation option is not offered until the real-name authentication is complete.
"
    );
    let r = run(&["explain", "O6", "--json"]).json();
    assert_eq!(r["kind"], "source");
    assert_eq!(r["record"]["kind"], "quoted-official");
    assert_eq!(r["record"]["facts"].as_array().unwrap().len(), 2);
    let f = run(&["explain", "F5", "--json"]).json()["record"].clone();
    assert_eq!(f["sources"], json!(["O6"]));
    assert_eq!(f["kinds"], json!(["quoted-official"]));
    assert_eq!(
        f["carried_by"],
        json!([
            "check account.frequent-device",
            "action use-frequent-device"
        ])
    );
    let f = run(&["explain", "F13", "--lang", "zh", "--json"]).json()["record"].clone();
    assert_eq!(
        f["kinds"],
        json!(["third-party-guide"]),
        "weak reports are never official"
    );
    let list = run(&["explain"]).stdout;
    assert!(list.contains("\nFacts (13)\n  F2 "), "{list}");
    assert!(list.contains(
        "\n  T1  Third-party reports on WeChat Pay Cancellation (no official page confirms them; weak\n      corroboration only) (third-party guide)\n"
    ), "{list}");
}

#[test]
fn explain_marks_every_conflict_between_official_sources_and_guides() {
    // Wide enough for every record on a line of its own.
    let list: Out = wx()
        .env("COLUMNS", "1000")
        .arg("explain")
        .output()
        .expect("run")
        .into();
    let list = list.stdout;
    let marked: Vec<&str> = list
        .lines()
        .filter(|l| l.contains(" ⚑ official source vs guides "))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    // The list itself is pinned in tests/knowledge.rs.
    let kb = wxacct::knowledge::Knowledge::load().unwrap();
    let official: Vec<&str> = kb
        .conflicts
        .iter()
        .filter(|c| kb.official_vs_guides(c))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(marked.len(), 12);
    assert_eq!(marked, official);
    // The followed value is marked, in the list and in full.
    assert!(
        list.contains("  ·  ✓ WeChat Pay cancelled or never opened, with no funds pending O1§F2\n"),
        "{list}"
    );
    let o = run(&["explain", "cooling-off-state"]);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(o.stdout.contains(
        "  What each source says  • the account is frozen (a “freeze” period) S2§1, S2§4\n"
    ));
    assert!(
        words(&o.stdout).contains("its data O6§F4, O3§F18 ✓ wxacct follows this What wxacct does"),
        "{}",
        o.stdout
    );
    let o = run(&["explain", "cooling-off-state", "--lang", "zh"]);
    assert!(
        words(&o.stdout).contains("O6§F4, O3§F18 ✓ wxacct 采用"),
        "{}",
        o.stdout
    );
    let r = run(&["explain", "qq-at-registration", "--json"]).json();
    assert_eq!(r["record"]["official_vs_guides"], true);
    assert_eq!(r["record"]["shown_with"], json!(["check qq.bound"]));
}

#[test]
fn each_contradiction_of_the_official_facts_is_shown_where_its_figure_is() {
    // The undo window: the official 60 days, the guides' 14 and 15 beside it.
    let (d, _) = ready_with("deactivate", &[]);
    let c = &item(event(&d, "cooling-off.end"), "conflicts", "recovery-window");
    assert_eq!(
        adopted(c),
        (
            "60 days: logging in within 60 days of the request withdraws it",
            vec!["S2§1", "O1", "O6§F4", "O4§F6"]
        )
    );
    assert_eq!(c["values"].as_array().unwrap().len(), 3);
    // The state during the 60 days.
    let c = item(
        step(&d, "stay-logged-out"),
        "conflicts",
        "cooling-off-state",
    );
    assert_eq!(adopted(c).1, ["O6§F4", "O3§F18"]);
    // The conditions: four, and WeChat Pay cancelled or never opened.
    let note = item(&d, "notes", "official-conditions");
    assert_eq!(
        ids(&note["conflicts"]),
        ["mandatory-conditions-count", "pay-condition"]
    );
    // Replacing and removing the real name.
    let (r, _) = task_json("realname", &["--goal", "remove"]);
    let pay = item(&r, "methods", "cancel-pay");
    let c = item(pay, "conflicts", "realname-removal-way");
    assert_eq!(adopted(c).1, ["O2§F11"]);
    let c = item(
        item(&r, "methods", "replace-subject"),
        "conflicts",
        "transaction-history",
    );
    assert_eq!(adopted(c).1, ["O2§F11"]);
    // The region: the phone number decides.
    let (r, _) = task_json("realname", &["--region", "europe-us"]);
    let c = item(check(&r, "region.europe-us"), "conflicts", "account-region");
    assert_eq!(adopted(c).1, ["O5§F7", "O4§F7"]);
    // QQ at registration.
    let (q, _) = task_json("unbind-qq", &[]);
    let c = item(check(&q, "qq.bound"), "conflicts", "qq-at-registration");
    assert_eq!(adopted(c).1, ["O3§F19", "O4§F19"]);
    // A conflict between guides only follows nobody.
    let (q, _) = task_json(
        "unbind-qq",
        &[
            "--platform",
            "ios",
            "--set",
            "enterprise.linked=false",
            "--set",
            "account.recent_remote_login=false",
        ],
    );
    let v = &q["verification"]["platforms"][0]["conflicts"][0];
    assert_eq!(v["id"], "ios-qq-verification");
    assert!(v["values"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["adopted"] == false));
}

#[test]
fn logged_out_not_frozen_during_the_60_days() {
    let (d, _) = ready_with("deactivate", &[]);
    let s = step(&d, "stay-logged-out");
    assert_eq!(
        s["text"],
        "After submitting you are logged out automatically; the account is not frozen. Do not log in again for 60 days (90 in teen mode), or the request is withdrawn; the account can still be frozen meanwhile, and a freeze does not stop the deletion."
    );
    assert_eq!(s["sources"], json!(["O6§F4", "O1", "S2§4"]));
    let end = event(&d, "cooling-off.end");
    assert_eq!(
        (end["after_days"].as_i64(), end["on"].as_str()),
        (Some(60), Some("2027-01-22"))
    );
    assert_eq!(end["sources"], json!(["S2§1", "O1", "O6§F4"]));
    // No text of ours calls the waiting period a freeze (the guides' words are only quoted in
    // the conflict values).
    let (r, _) = task_json("realname", &["--goal", "remove"]);
    let mut ours: Vec<String> = Vec::new();
    for s in d["procedure"]["steps"].as_array().unwrap() {
        // What the official pages say about freezing is quoted as such.
        let text = s["text"].as_str().unwrap();
        let official = [
            "not frozen",
            "can still be frozen",
            "a freeze does not stop",
        ];
        ours.push(
            official
                .iter()
                .fold(text.to_string(), |t, o| t.replace(o, "")),
        );
    }
    for e in d["timeline"].as_array().unwrap() {
        ours.push(e["title"].as_str().unwrap().to_string());
    }
    for m in r["methods"].as_array().unwrap() {
        for f in ["duration", "recovery", "data"] {
            ours.push(m[f].as_str().unwrap().to_string());
        }
    }
    ours.push(
        check(
            &ready_with("deactivate", &["--teen-mode"]).0,
            "account.teen-mode",
        )["remedy"]
            .as_str()
            .unwrap()
            .to_string(),
    );
    for text in ours {
        assert!(
            !text.contains("freeze") && !text.contains("frozen"),
            "{text}"
        );
    }
}

#[test]
fn realname_cleared_follows_the_official_figure() {
    let (d, _) = ready_with("deactivate", &[]);
    let e = event(&d, "realname.cleared");
    assert_eq!(
        (e["after_days"].as_i64(), e["on"].as_str()),
        (Some(60), Some("2027-01-22"))
    );
    assert_eq!(e["sources"], json!(["S2§1", "O4§F6"]));
    let c = item(e, "conflicts", "realname-cleared");
    assert_eq!(adopted(c).1, ["O4§F6"]);
    let figures: Vec<&str> = c["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        figures[0], "180 days after the deletion",
        "S1's figure beside it"
    );
    // Teen mode: with the 90-day wait.
    let (t, _) = ready_with("deactivate", &["--teen-mode"]);
    let e = event(&t, "realname.cleared");
    assert_eq!(e["after_days"], 90);
    assert_eq!(e["sources"], json!(["S2§1", "O4§F6", "S2§4"]));
}

// ---------------------------------------------------------------- 2. realname: cancel-pay

#[test]
fn remove_says_when_the_request_can_be_made_and_when_the_name_is_gone() {
    // Friday 2026-11-27: LiCaiTong redeemed in 3 business days, on Wednesday 2026-12-02.
    let ready = example("ready.json");
    let args = [
        "realname",
        "--goal",
        "remove",
        "--json",
        "--start",
        "2026-11-27",
        "--state",
        &ready,
        "--licaitong",
        "100",
    ];
    let o = run(&args);
    let r = o.json();
    assert_eq!(o.code, 1);
    assert_eq!(r["verdict"], "blocked");
    assert_eq!(r["recommended"], "cancel-pay");
    assert_eq!(plan_actions(&r), ["redeem-licaitong"]);
    assert_eq!(
        r["ready_on"],
        json!({"earliest": "2026-12-02", "latest": "2026-12-02", "provisional": false})
    );
    let cleared = &r["realname_cleared"];
    assert_eq!(cleared["method"], "cancel-pay");
    assert_eq!(cleared["after_days"], 0);
    assert_eq!(
        cleared["on"],
        json!({"earliest": "2026-12-02", "latest": "2026-12-02"})
    );
    assert_eq!(cleared["provisional"], false);
    assert_eq!(cleared["sources"], json!(["O2§F11"]));
    assert_eq!(ids(&cleared["conflicts"]), ["realname-removal-way"]);
    assert_eq!(ids(&r["requirements"]), ["export-bills"]);
    // Deleting the account is listed with its own clearing time and the figures that disagree.
    let delete = item(&r, "methods", "deactivate-account");
    assert_eq!(delete["clears_realname"]["after_days"], 60);
    assert_eq!(
        delete["clears_realname"]["sources"],
        json!(["S2§1", "O4§F6"])
    );
    assert_eq!(
        ids(&delete["clears_realname"]["conflicts"]),
        ["realname-cleared"]
    );
    assert_eq!(delete["blocked_by"], json!(["wallet.licaitong"]));
    // The methods that keep the real name clear nothing.
    assert_eq!(
        item(&r, "methods", "unbind-cards")["clears_realname"],
        Value::Null
    );
    // Unknowns make the clearing date provisional too.
    let (r, _) = task_json("realname", &["--goal", "remove"]);
    assert_eq!(r["realname_cleared"]["provisional"], true);
    assert_eq!(r["realname_cleared"]["on"]["earliest"], "2026-11-23");
    // Only `remove` says it.
    for goal in ["minimize", "replace"] {
        let (r, _) = task_json("realname", &["--goal", goal]);
        assert_eq!(r["realname_cleared"], Value::Null, "{goal}");
    }
}

#[test]
fn cancel_pay_is_blocked_by_money_contracts_pay_score_and_weilidai() {
    let cases: [(&[&str], &str); 6] = [
        (&["--balance", "1"], "wallet.balance"),
        (&["--licaitong", "1"], "wallet.licaitong"),
        (&["--auto-deductions", "1"], "wallet.auto-deductions"),
        (&["--pay-score"], "wallet.pay-score"),
        (&["--weilidai"], "wallet.weilidai"),
        (&["--status", "banned"], "account.status"),
    ];
    for (args, id) in cases {
        let (r, code) = ready_with("realname", &[&["--goal", "remove"][..], args].concat());
        assert_eq!(
            (r["verdict"].as_str(), code),
            (Some("blocked"), 1),
            "{args:?}"
        );
        assert_eq!(
            item(&r, "methods", "cancel-pay")["blocked_by"],
            json!([id]),
            "{args:?}"
        );
        assert_eq!(check(&r, id)["severity"], "blocker", "{args:?}");
    }
    // Cards are no obstacle: the cancellation removes them.
    let (r, code) = ready_with(
        "realname",
        &["--goal", "remove", "--cards", "credit,overseas"],
    );
    assert_eq!((r["verdict"].as_str(), code), (Some("ready"), 0));
    assert_eq!(item(&r, "methods", "cancel-pay")["blocked_by"], json!([]));
    assert_eq!(
        item(&r, "methods", "deactivate-account")["blocked_by"],
        json!(["wallet.bank-cards"])
    );
    let c = check(&r, "wallet.bank-cards");
    assert_eq!(
        (&c["severity"], &c["status"]),
        (&json!("info"), &json!("fail"))
    );
    assert_eq!(r["plan"], json!([]), "nothing to do before cancelling Pay");
}

#[test]
fn explain_describes_cancel_pay() {
    let r = run(&["explain", "cancel-pay", "--json"]).json()["record"].clone();
    assert_eq!(r["impact_rank"], 3);
    assert_eq!(r["achieves"], json!(["remove"]));
    assert_eq!(
        r["blocked_by"],
        json!([
            "realname.verified",
            "account.status",
            "wallet.balance",
            "wallet.licaitong",
            "wallet.auto-deductions",
            "wallet.pay-score",
            "wallet.weilidai"
        ])
    );
    assert_eq!(r["clears_realname"]["after_days"], 0);
    let r = run(&["explain", "deactivate-account", "--json"]).json()["record"].clone();
    assert_eq!(r["clears_realname"], json!({"event": "realname.cleared"}));
    let goal = run(&["explain", "goal.remove", "--json"]).json()["record"].clone();
    assert_eq!(goal["methods"], json!(["cancel-pay", "deactivate-account"]));
    assert_eq!(
        goal["title"],
        "Clear the real name completely (cancel WeChat Pay, or delete the account)"
    );
}

// ---------------------------------------------------------------- 3. deactivate

#[test]
fn the_request_must_come_from_a_frequent_device() {
    let (r, code) = ready_with("deactivate", &["--set", "account.on_frequent_device=false"]);
    assert_eq!((r["verdict"].as_str(), code), (Some("blocked"), 1));
    let c = check(&r, "account.frequent-device");
    assert_eq!(
        (&c["severity"], &c["status"]),
        (&json!("blocker"), &json!("fail"))
    );
    assert_eq!(c["sources"], json!(["O6§F5"]));
    assert_eq!(plan_actions(&r), ["use-frequent-device"]);
    assert_eq!(r["plan"][0]["sources"], json!(["O6§F5"]));
    assert_eq!(
        r["ready_on"],
        json!({"earliest": "2026-11-23", "latest": "2026-11-23", "provisional": false})
    );
    // Unknown when the profile does not say.
    let profile = std::fs::read_to_string(example("ready.json"))
        .unwrap()
        .replace(",\n    \"on_frequent_device\": true", "");
    assert!(!profile.contains("on_frequent_device"));
    let o = deactivate_stdin(&[], &profile);
    let (r, code) = (o.json(), o.code);
    assert_eq!((r["verdict"].as_str(), code), (Some("incomplete"), 1));
    assert_eq!(
        check(&r, "account.frequent-device")["missing"],
        json!(["account.on_frequent_device"])
    );
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--format",
        "jsonl",
        "--state",
        &example("ready.json"),
        "--set",
        "account.on_frequent_device=false",
    ]);
    assert_eq!(o.lines()[0]["failed"], json!(["account.frequent-device"]));
    // The state schema knows the field.
    let schema = run(&["schema", "state"]).json();
    let field = &schema["$defs"]["Account"]["properties"]["on_frequent_device"];
    assert_eq!(field["type"], json!(["boolean", "null"]));
}

#[test]
fn cancelling_pay_is_offered_beside_unbinding_the_cards() {
    let (r, _) = ready_with("deactivate", &["--cards", "debit,credit"]);
    let c = check(&r, "wallet.bank-cards");
    assert_eq!(ids(&c["conflicts"]), ["bank-card-menu", "pay-condition"]);
    let (value, sources) = adopted(item(c, "conflicts", "pay-condition"));
    assert_eq!(
        value,
        "WeChat Pay cancelled or never opened, with no funds pending"
    );
    assert_eq!(sources, ["O1§F2"]);
    // Each card step of the plan names the official alternative and what it clears.
    let cards: Vec<&Value> = r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["action"] == "unbind-card")
        .collect();
    assert_eq!(cards.len(), 2);
    for a in cards {
        let alt = &a["alternative"];
        assert_eq!(alt["method"], "cancel-pay");
        assert_eq!(alt["recoverable"], false);
        assert!(alt["data"].as_str().unwrap().starts_with("Clears the card-holder profile (name and ID number), the transaction history, the money left in Balance"));
        assert!(alt["path"]
            .as_str()
            .unwrap()
            .contains("WeChat Pay Cancellation"));
    }
    // So does a note, shown in every format.
    let note = item(&r, "notes", "cancel-pay-instead");
    assert!(note["text"].as_str().unwrap().starts_with(
        "The official alternative to unbinding the cards one by one: cancel WeChat Pay"
    ));
    assert_eq!(
        note["sources"],
        json!(["O1§F2", "O2§F10", "O2§F11", "T1§F13", "T1§F14"])
    );
    let table = run(&["deactivate", "--cards", "debit", "--start", "2026-11-23"]).stdout;
    assert!(
        table.contains("   or, in one go: Cancel WeChat Pay (cancel-pay)\n"),
        "{table}"
    );
    let table = run(&[
        "deactivate",
        "--cards",
        "debit",
        "--start",
        "2026-11-23",
        "-v",
    ])
    .stdout;
    assert!(
        table.contains("The official alternative to unbinding the cards one by one"),
        "{table}"
    );
    // Without cards there is nothing to offer.
    let (r, _) = ready_with("deactivate", &[]);
    assert!(!ids(&r["notes"]).contains(&"cancel-pay-instead"));
    // Other steps have no alternative.
    let (r, _) = ready_with("deactivate", &["--balance", "3"]);
    assert!(r["plan"][0].get("alternative").is_none());
}

#[test]
fn teen_mode_blocks_until_the_guardianship_is_notarised() {
    let (r, code) = ready_with("deactivate", &["--teen-mode"]);
    assert_eq!((r["verdict"].as_str(), code), (Some("blocked"), 1));
    let c = check(&r, "account.teen-mode");
    assert_eq!(
        (&c["severity"], &c["status"]),
        (&json!("blocker"), &json!("fail"))
    );
    assert_eq!(ids(&c["conflicts"]), ["cooling-off-state"]);
    assert!(c["remedy"].as_str().unwrap().ends_with(
        "The sources do not say how long the notarisation takes, so the ready date is provisional."
    ));
    assert_eq!(plan_actions(&r), ["obtain-notarised-guardianship"]);
    let a = &r["plan"][0];
    assert_eq!(
        a["title"],
        "Have the guardian obtain notarised guardianship documents from a notary office"
    );
    assert_eq!(a["duration_stated"], false);
    assert_eq!(a["sources"], json!(["S2§4"]));
    // Self-service, so there is a date; the sources give no duration, so it is provisional.
    assert_eq!(
        r["ready_on"],
        json!({"earliest": "2026-11-23", "latest": "2026-11-23", "provisional": true})
    );
    assert_eq!(event(&r, "cooling-off.end")["after_days"], 90);
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--teen-mode",
        "--color",
        "never",
        "--state",
        &example("ready.json"),
    ]);
    assert!(
        o.stdout.contains("\nCan be submitted today, 2026-11-23. Provisional: a step in the plan takes an open-ended time.\n"),
        "{}",
        o.stdout
    );
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--teen-mode",
        "--state",
        &example("ready.json"),
        "-v",
    ]);
    assert!(o
        .stdout
        .contains("the sources give no duration; counted as same-day"));
    // JUnit reports it as a failure.
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--teen-mode",
        "--format",
        "junit",
        "--state",
        &example("ready.json"),
    ]);
    junit(&o.stdout);
    assert!(
        o.stdout
            .contains("<failure type=\"account.teen-mode\" message=\"failed: Teen mode is off\">"),
        "{}",
        o.stdout
    );
    // In realname, teen mode only warns, and no notarisation is planned.
    let (r, _) = ready_with("realname", &["--teen-mode", "--cards", "debit"]);
    assert_eq!(check(&r, "realname.teen-mode")["severity"], "warning");
    assert!(!plan_actions(&r).contains(&"obtain-notarised-guardianship"));
    // Unless the real name goes with the account: then deleting it needs the documents.
    let (r, _) = ready_with("realname", &["--goal", "remove", "--teen-mode"]);
    assert_eq!(
        item(&r, "methods", "deactivate-account")["blocked_by"],
        json!(["account.teen-mode"])
    );
    assert_eq!(item(&r, "methods", "cancel-pay")["blocked_by"], json!([]));
}

#[test]
fn results_still_validate_and_the_schema_has_the_new_fields() {
    let schema = run(&["schema", "result"]).stdout;
    for field in [
        "realname_cleared",
        "clears_realname",
        "adopted",
        "urls",
        "alternative",
        "quoted-official",
    ] {
        assert!(schema.contains(&format!("\"{field}\"")), "{field}");
    }
}
