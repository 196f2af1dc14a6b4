//! `wxacct realname` through the binary: every check, each goal's recommendation, the appeal
//! and card dates, and every output format in both languages.

mod common;
use common::*;
use serde_json::{json, Value};

fn realname(args: &[&str]) -> (Value, i32) {
    task_json("realname", args)
}

fn method<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no method {id}"))
}

const UNBILLED: &str = r#"wallet.bank_cards=[{"kind":"credit","unbilled_cny":120}]"#;
const REPAID: &str = r#"wallet.bank_cards=[{"kind":"credit","unbilled_cny":0}]"#;
const AGREEMENT: &str = r#"wallet.bank_cards=[{"kind":"overseas","cross_border_agreement":true}]"#;
const NO_AGREEMENT: &str =
    r#"wallet.bank_cards=[{"kind":"overseas","cross_border_agreement":false}]"#;
const VERIFIED: [&str; 2] = ["--set", "account.realname_verified=true"];
const NOT_VERIFIED: [&str; 2] = ["--set", "account.realname_verified=false"];

/// (check id, flags that make it fail, flags that make it pass): every check of SPEC §4.2.
const CASES: &[CheckCase] = &[
    (
        "account.status",
        &["--status", "banned"],
        &["--status", "normal"],
    ),
    (
        "realname.teen-mode",
        &["--teen-mode"],
        &["--teen-mode=false"],
    ),
    ("realname.verified", &NOT_VERIFIED, &VERIFIED),
    (
        "enterprise.attendance",
        &["--set", "enterprise.attendance=true"],
        &["--set", "enterprise.attendance=false"],
    ),
    (
        "enterprise.customer-contact",
        &["--set", "enterprise.customer_contact=true"],
        &["--set", "enterprise.customer_contact=false"],
    ),
    (
        "enterprise.payment",
        &["--set", "enterprise.enterprise_payment=true"],
        &["--set", "enterprise.enterprise_payment=false"],
    ),
    (
        "region.hk-mo-tw",
        &["--region", "hk-mo-tw"],
        &["--region", "mainland"],
    ),
    (
        "region.southeast-asia",
        &["--region", "southeast-asia"],
        &["--region", "europe-us"],
    ),
    (
        "region.europe-us",
        &["--region", "europe-us"],
        &["--region", "other"],
    ),
    (
        "wallet.credit-unbilled",
        &["--set", UNBILLED],
        &["--set", REPAID],
    ),
    (
        "wallet.overseas-cross-border",
        &["--set", AGREEMENT],
        &["--set", NO_AGREEMENT],
    ),
];

#[test]
fn every_check_of_spec_4_2_is_present() {
    let (r, _) = realname(&["--goal", "replace"]);
    let mut got = ids(&r["checks"]);
    got.sort();
    let mut want: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn every_check_fails_passes_and_is_unknown() {
    let (empty, code) = realname(&[]);
    assert_eq!(code, 1, "only unknowns: incomplete");
    assert_eq!(empty["verdict"], "incomplete");
    assert_check_cases(&empty, CASES, |args| realname(args).0);
    // A credit card whose unbilled amount is not given may still owe something.
    let (r, _) = realname(&["--cards", "credit"]);
    assert_eq!(check(&r, "wallet.credit-unbilled")["status"], "unknown");
    let (r, _) = realname(&["--cards", "debit"]);
    assert_eq!(check(&r, "wallet.credit-unbilled")["status"], "pass");
}

#[test]
fn checks_carry_their_sources() {
    let (r, _) = realname(&[]);
    for (id, source) in [
        ("account.status", "S2§6"),
        ("realname.teen-mode", "S2§4"),
        ("realname.verified", "O2§F12"),
        ("enterprise.payment", "S2§5"),
        ("region.europe-us", "S2§7"),
        ("wallet.overseas-cross-border", "S2§2"),
    ] {
        let sources = &check(&r, id)["sources"];
        assert!(sources.as_array().unwrap().contains(&json!(source)), "{id}");
    }
    assert!(check(&r, "realname.teen-mode")["detail"]
        .as_str()
        .unwrap()
        .contains("twice a month"));
}

#[test]
fn weilidai_flag_sets_the_state_field() {
    let (r, _) = realname(&["--goal", "remove"]);
    let c = check(&r, "wallet.weilidai");
    assert_eq!(c["status"], "unknown");
    assert_eq!(c["missing"], json!(["wallet.weilidai_loan"]));
    assert_eq!(c["sources"], json!(["T1§F14"]));
    for (args, status) in [
        (&["--weilidai"][..], "fail"),
        (&["--weilidai=true"], "fail"),
        (&["--weilidai=false"], "pass"),
        (&["--set", "wallet.weilidai_loan=true"], "fail"),
    ] {
        let (r, _) = realname(&[&["--goal", "remove"][..], args].concat());
        assert_eq!(check(&r, "wallet.weilidai")["status"], status, "{args:?}");
    }
    let (r, _) = realname(&["--goal", "remove", "--weilidai"]);
    assert_eq!(
        method(&r, "cancel-pay")["blocked_by"],
        json!(["wallet.weilidai"])
    );
    assert_eq!(r["plan"][0]["action"], "close-weilidai");
    // The flag overrides the state file.
    let o = run(&[
        "realname",
        "--goal",
        "remove",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("ready.json"),
        "--weilidai",
    ]);
    assert_eq!(check(&o.json(), "wallet.weilidai")["status"], "fail");
    assert_eq!(o.json()["verdict"], "blocked");
    let o = run(&["realname", "--weilidai=maybe"]);
    assert_eq!(o.code, 2);
    // The state schema knows the field.
    let schema = run(&["schema", "state"]).json();
    let field = &schema["$defs"]["Wallet"]["properties"]["weilidai_loan"];
    assert_eq!(field["type"], json!(["boolean", "null"]), "{schema}");
}

#[test]
fn all_four_methods_are_always_listed() {
    for goal in ["minimize", "replace", "remove"] {
        let (r, _) = realname(&["--goal", goal]);
        assert_eq!(r["goal"], goal);
        assert_eq!(
            ids(&r["methods"]),
            [
                "unbind-cards",
                "replace-subject",
                "cancel-pay",
                "deactivate-account"
            ],
            "gentlest first"
        );
        for m in r["methods"].as_array().unwrap() {
            for field in ["duration", "data", "function_impact", "recovery", "path"] {
                assert!(m[field].as_str().is_some_and(|s| !s.is_empty()), "{field}");
            }
            assert!(m["recoverable"].is_boolean());
            assert!(m["blocked_by"].is_array() && m["unknown"].is_array());
            assert!(!m["sources"].as_array().unwrap().is_empty());
        }
    }
    let (r, _) = realname(&[]);
    let delete = method(&r, "deactivate-account");
    assert_eq!(delete["recoverable"], false);
    assert_eq!(
        delete["duration"],
        "About 15 minutes to apply; for 60 days afterwards (90 in teen mode) logging in withdraws the request"
    );
    let pay = method(&r, "cancel-pay");
    assert_eq!(
        pay["path"],
        "Me › WeChat Pay (Services) › “…” at the top right › WeChat Pay Cancellation (under Payment management in the Chinese app)"
    );
    assert_eq!(
        pay["data"],
        "Clears the card-holder profile (name and ID number), the transaction history, the money left in Balance and the Balance details; the WeChat account itself stays"
    );
    assert_eq!(pay["recoverable"], false);
    assert!(pay["recovery"]
        .as_str()
        .unwrap()
        .ends_with("WeChat Pay can be opened again later by verifying a real name again"));
    assert_eq!(
        pay["sources"],
        json!(["O2§F10", "O2§F11", "O2§F12", "T1§F13", "T1§F14"])
    );
    assert_eq!(
        ids(&pay["conflicts"]),
        ["realname-removal-way", "transaction-history"]
    );
    assert_eq!(pay["clears_realname"]["after_days"], 0);
    assert_eq!(delete["clears_realname"]["after_days"], 60);
    let conflicts = ids(&delete["conflicts"]);
    assert!(conflicts.contains(&"deletion-menu-wording") && conflicts.contains(&"recovery-window"));
    assert_eq!(method(&r, "unbind-cards")["path"], "Wallet › Bank cards");
    assert_eq!(method(&r, "replace-subject")["recoverable"], true);
}

#[test]
fn minimize_recommends_unbinding_the_cards() {
    let (r, _) = realname(&["--cards", "debit", VERIFIED[0], VERIFIED[1]]);
    assert_eq!(r["recommended"], "unbind-cards");
    let m = method(&r, "unbind-cards");
    assert_eq!(m["applicable"], true);
    assert_eq!(m["achieves_goal"], true);
    assert_eq!(method(&r, "deactivate-account")["achieves_goal"], false);
    assert_eq!(r["requirements"], json!([]));
    // The cards are the work itself: planned, and not a blocker.
    assert_eq!(check(&r, "wallet.bank-cards")["severity"], "info");
    assert_eq!(r["plan"][0]["action"], "unbind-card");
    // Unknown cards: the method may apply.
    let (r, _) = realname(&[]);
    assert_eq!(r["recommended"], "unbind-cards");
    assert_eq!(method(&r, "unbind-cards")["applicable"], Value::Null);
}

#[test]
fn minimize_without_cards_is_already_met() {
    for verified in [&VERIFIED[..], &[]] {
        let (r, code) = realname(&[&["--cards", "none"][..], verified].concat());
        assert_eq!(method(&r, "unbind-cards")["applicable"], false);
        assert_eq!(
            r["recommended"], "unbind-cards",
            "never replace-subject for minimize"
        );
        assert_eq!(r["verdict"], "not-applicable");
        assert_eq!(code, 0);
        assert_eq!(r["plan"], json!([]));
        assert_eq!(r["requirements"], json!([]));
        assert_eq!(r["notes"][0]["id"], "nothing-to-unbind");
        assert!(r["notes"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("No bank card is bound: there is nothing to unbind"));
    }
    // A frozen account with no card: nothing to unbind, so nothing to appeal for either.
    let (r, _) = realname(&["--cards", "none", "--status", "frozen"]);
    assert_eq!(r["verdict"], "not-applicable");
    assert_eq!(check(&r, "account.status")["severity"], "warning");
    // The table says it too.
    let o = run(&["realname", "--cards", "none", "--start", "2026-11-23"]);
    assert!(o.stdout.contains("\nnot applicable: "), "{}", o.stdout);
    assert!(
        o.stdout.contains("there is nothing to unbind"),
        "{}",
        o.stdout
    );
}

#[test]
fn minimize_never_recommends_handing_the_real_name_over() {
    for args in [
        &["--cards", "debit"][..],
        &["--cards", "none"],
        &["--cards", "credit", "--status", "banned"],
        &[],
    ] {
        let (r, _) = realname(&[args, &VERIFIED[..]].concat());
        assert_eq!(r["recommended"], "unbind-cards", "{args:?}");
        assert_eq!(method(&r, "replace-subject")["achieves_goal"], false);
    }
}

#[test]
fn an_unverified_real_name_is_not_applicable_for_every_goal() {
    for goal in ["minimize", "replace", "remove"] {
        let (r, code) = realname(
            &[
                &["--goal", goal, "--cards", "credit", "--balance", "5"][..],
                &NOT_VERIFIED,
            ]
            .concat(),
        );
        assert_eq!(r["verdict"], "not-applicable", "{goal}");
        assert_eq!(code, 0, "{goal}");
        assert_eq!(r["recommended"], Value::Null, "{goal}");
        assert_eq!(r["plan"], json!([]), "{goal}");
        assert_eq!(r["realname_cleared"], Value::Null, "{goal}");
        assert_eq!(r["notes"][0]["id"], "never-verified", "{goal}");
        assert_eq!(r["notes"][0]["sources"], json!(["O2§F12"]), "{goal}");
        let c = check(&r, "realname.verified");
        assert_eq!(
            (&c["severity"], &c["status"]),
            (&json!("info"), &json!("fail"))
        );
        for m in r["methods"].as_array().unwrap() {
            assert_eq!(m["applicable"], false, "{goal} {}", m["id"]);
            assert!(ids_of(&m["blocked_by"]).contains(&"realname.verified"));
        }
    }
    let o = run(&[
        "realname",
        "--goal",
        "remove",
        "--start",
        "2026-11-23",
        "--format",
        "jsonl",
        NOT_VERIFIED[0],
        NOT_VERIFIED[1],
    ]);
    let line = &o.lines()[0];
    assert_eq!(line["verdict"], "not-applicable");
    assert_eq!(line["failed"], json!([]));
    // Unknown: there may be nothing to act on, and the summary says which check is open.
    let o = run(&[
        "realname",
        "--goal",
        "replace",
        "--status",
        "normal",
        "--start",
        "2026-11-23",
        "--format",
        "jsonl",
    ]);
    let line = &o.lines()[0];
    assert_eq!(line["verdict"], "incomplete");
    assert_eq!(line["unknown"], json!(["realname.verified"]));
}

#[test]
fn replace_recommends_the_new_holder_and_lists_documents() {
    let (r, code) = realname(&[
        "--goal",
        "replace",
        "--status",
        "normal",
        VERIFIED[0],
        VERIFIED[1],
    ]);
    assert_eq!(r["recommended"], "replace-subject");
    assert_eq!(
        ids(&r["requirements"]),
        [
            "new-holder-id-card",
            "face-video",
            "bound-phone",
            "bank-reserved-details"
        ]
    );
    assert_eq!(
        r["verdict"], "ready",
        "only the account status stops a replacement"
    );
    assert_eq!(code, 0);
    assert_eq!(method(&r, "replace-subject")["achieves_goal"], true);
    assert_eq!(method(&r, "unbind-cards")["achieves_goal"], false);
    // A card debt does not stand in the way of a replacement: it only warns.
    let (r, _) = realname(&[
        "--goal",
        "replace",
        "--status",
        "normal",
        "--set",
        UNBILLED,
        VERIFIED[0],
        VERIFIED[1],
    ]);
    let c = check(&r, "wallet.credit-unbilled");
    assert_eq!(
        (&c["severity"], &c["status"]),
        (&json!("warning"), &json!("fail"))
    );
    assert_eq!(r["verdict"], "ready");
    assert_eq!(
        method(&r, "unbind-cards")["blocked_by"],
        json!(["wallet.credit-unbilled"])
    );
}

#[test]
fn remove_recommends_cancelling_pay_before_deleting_the_account() {
    let (r, code) = realname(&["--goal", "remove", "--balance", "5", "--pay-score"]);
    assert_eq!(r["recommended"], "cancel-pay", "it keeps the account");
    assert_eq!(r["verdict"], "blocked");
    assert_eq!(code, 1);
    let pay = method(&r, "cancel-pay");
    assert_eq!(pay["achieves_goal"], true);
    assert_eq!(
        pay["blocked_by"],
        json!(["wallet.balance", "wallet.pay-score"])
    );
    assert_eq!(
        pay["unknown"],
        json!([
            "realname.verified",
            "account.status",
            "wallet.licaitong",
            "wallet.auto-deductions",
            "wallet.weilidai"
        ])
    );
    for id in ["wallet.balance", "wallet.pay-score", "wallet.weilidai"] {
        assert_eq!(check(&r, id)["severity"], "blocker", "{id}");
    }
    let actions = plan_actions(&r);
    assert_eq!(actions, ["withdraw-balance", "close-pay-score"]);
    // Deleting the account stays listed, with what blocks it.
    let delete = method(&r, "deactivate-account");
    assert_eq!(delete["achieves_goal"], true);
    assert_eq!(
        delete["blocked_by"],
        json!(["wallet.balance", "wallet.pay-score"])
    );
    assert!(ids_of(&delete["unknown"]).contains(&"devices.logged-in"));
    // The deactivate checks that only stop the other methods are not shown.
    assert!(!ids(&r["checks"]).contains(&"devices.logged-in"));
}

#[test]
fn blocked_by_only_names_checks_of_the_result() {
    let weilidai = ["--weilidai", "--devices", "web", "--licaitong", "10"];
    for goal in ["minimize", "replace", "remove"] {
        for args in [
            &["--balance", "5", "--cards", "credit"][..],
            &weilidai,
            &[
                "--status",
                "frozen",
                "--teen-mode",
                "--auto-deductions",
                "1",
            ],
            &NOT_VERIFIED,
        ] {
            let (r, _) = realname(&[&["--goal", goal][..], args].concat());
            let shown = ids(&r["checks"]);
            for m in r["methods"].as_array().unwrap() {
                for id in ids_of(&m["blocked_by"]) {
                    assert!(
                        shown.contains(&id),
                        "{goal} {args:?}: {} names {id}",
                        m["id"]
                    );
                }
            }
        }
    }
    // The checks that stop only another method are information, and not planned.
    let (r, _) = realname(&["--goal", "minimize", "--balance", "5", "--cards", "debit"]);
    let c = check(&r, "wallet.balance");
    assert_eq!(
        (&c["severity"], &c["status"]),
        (&json!("info"), &json!("fail"))
    );
    assert!(r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["action"] != "withdraw-balance"));
    assert_eq!(
        method(&r, "deactivate-account")["blocked_by"],
        json!(["wallet.balance", "wallet.bank-cards"])
    );
}

#[test]
fn appeal_started_on_a_friday_ends_within_three_to_seven_business_days() {
    let o = run(&[
        "realname",
        "--json",
        "--start",
        "2026-11-27",
        "--status",
        "frozen",
    ]);
    let r = o.json();
    assert_eq!(r["verdict"], "blocked");
    assert_eq!(check(&r, "account.status")["status"], "fail");
    assert_eq!(r["plan"][0]["action"], "appeal");
    assert_eq!(r["plan"][0]["start"], "2026-11-27");
    assert_eq!(
        r["plan"][0]["done"],
        json!({"earliest": "2026-12-02", "latest": "2026-12-08"})
    );
    assert_eq!(r["ready_on"]["earliest"], "2026-12-02");
    assert_eq!(r["ready_on"]["latest"], "2026-12-08");
    for m in r["methods"].as_array().unwrap() {
        assert!(ids_of(&m["blocked_by"]).contains(&"account.status"));
    }
}

fn ids_of(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn card_schedule_is_the_one_of_deactivate() {
    let cards = [
        "--cards",
        "credit,credit,credit,credit,overseas,overseas,debit",
    ];
    let (r, _) = realname(&cards);
    let (d, _) = deactivate(&cards);
    let unbinding = |r: &Value| -> Vec<Value> {
        r["plan"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["action"] == "unbind-card")
            .map(|a| json!([a["title"], a["start"], a["done"], a["note"]]))
            .collect()
    };
    assert_eq!(unbinding(&r).len(), 7);
    assert_eq!(unbinding(&r), unbinding(&d));
    assert_eq!(
        r["ready_on"]["latest"], "2026-11-30",
        "second overseas card a week later"
    );
}

#[test]
fn card_debts_are_settled_before_the_cards_go() {
    let cards = r#"wallet.bank_cards=[{"kind":"credit","unbilled_cny":50,"label":"CMB"},{"kind":"overseas","cross_border_agreement":true}]"#;
    let (r, _) = realname(&["--set", cards, "--status", "normal"]);
    assert_eq!(r["verdict"], "blocked");
    let actions = plan_actions(&r);
    assert_eq!(
        actions,
        [
            "repay-unbilled",
            "close-cross-border-agreement",
            "unbind-card",
            "unbind-card"
        ]
    );
    assert!(r["plan"][0]["title"].as_str().unwrap().contains("“CMB”"));
}

#[test]
fn notes_name_the_maintenance_window_and_monitoring() {
    let (r, _) = realname(&[]);
    let notes = ids(&r["notes"]);
    for id in ["maintenance-window", "aml-monitoring", "status-checks"] {
        assert!(notes.contains(&id), "{id}");
    }
    let text = r["notes"][0]["text"].as_str().unwrap();
    assert!(text.contains("04:00–06:00"), "{text}");
    assert_eq!(r["notes"][0]["sources"], json!(["S2§end"]));
}

#[test]
fn table_markdown_and_json_in_both_languages() {
    let base = [
        "realname",
        "--start",
        "2026-11-27",
        "--status",
        "frozen",
        "--cards",
        "credit",
    ];
    let out = |extra: &[&str]| run(&[&base[..], extra].concat());
    let en = out(&["--color", "never", "-v"]).stdout;
    for s in [
        "\nblocked: ",
        "Goal: ",
        "Recommended: ",
        "Methods",
        "2026-12-08",
        "04:00–06:00",
    ] {
        assert!(en.contains(s), "{s}: {en}");
    }
    let zh = out(&["--lang", "zh", "--color", "never"]).stdout;
    for s in ["\n受阻：", "目标：", "推荐：", "可选方式", "解绑银行卡"] {
        assert!(zh.contains(s), "{s}: {zh}");
    }
    let md = out(&["--format", "markdown"]).stdout;
    assert!(md.starts_with("# wxacct realname"), "{md}");
    assert!(md.contains("\n## Methods\n\n- `unbind-cards` "), "{md}");
    let md = out(&["--format", "markdown", "--lang", "zh"]).stdout;
    assert!(md.contains("## 可选方式"), "{md}");
    for goal in ["minimize", "replace", "remove"] {
        assert_only_prose_changes_with_lang(&[&base[..], &["--goal", goal]].concat());
    }
}

#[test]
fn goal_is_checked_and_help_has_examples() {
    let o = run(&["realname", "--goal", "erase"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("minimize"), "{}", o.stderr);
    let o = run(&["realname", "--help"]);
    assert!(o.stdout.contains("--goal"));
    assert!(o.stdout.contains("wxacct realname --goal replace"));
}

#[test]
fn explain_knows_the_new_records() {
    let o = run(&["explain"]);
    for id in [
        "unbind-cards",
        "deactivate-account",
        "goal.remove",
        "face-video",
        "maintenance-window",
        "wallet.credit-unbilled",
        "repay-unbilled",
    ] {
        assert!(o.stdout.contains(id), "{id}");
    }
    let o = run(&["explain", "deactivate-account", "--json"]);
    assert_eq!(o.json()["record"]["blocked_by_task"], "deactivate");
    assert_eq!(
        o.json()["record"]["conflicts"][0]["id"],
        "deletion-menu-wording"
    );
}
