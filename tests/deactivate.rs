//! `wxacct deactivate` through the binary: every check, dates, verdicts, exit codes.

mod common;
use common::*;
use serde_json::Value;

/// (check id, flags that make it fail, flags that make it pass)
const CASES: &[(&str, &[&str], &[&str])] = &[
    ("wallet.balance", &["--balance", "5"], &["--balance", "0"]),
    (
        "wallet.licaitong",
        &["--licaitong", "5", "--licaitong-locked-until", "none"],
        &["--licaitong", "0", "--licaitong-locked-until", "none"],
    ),
    (
        "wallet.bank-cards",
        &["--cards", "debit"],
        &["--cards", "none"],
    ),
    (
        "wallet.auto-deductions",
        &["--auto-deductions", "2"],
        &["--auto-deductions", "0"],
    ),
    ("wallet.pay-score", &["--pay-score"], &["--pay-score=false"]),
    (
        "roles.official-account-admin",
        &["--set", "roles.official_accounts_admin=1"],
        &["--set", "roles.official_accounts_admin=0"],
    ),
    (
        "roles.mini-program-admin",
        &["--set", "roles.mini_programs_admin=2"],
        &["--set", "roles.mini_programs_admin=0"],
    ),
    (
        "roles.channels-authorization",
        &["--set", "roles.channels_authorized=true"],
        &["--set", "roles.channels_authorized=false"],
    ),
    (
        "roles.service-account",
        &["--set", "roles.service_account_followers=10"],
        &["--set", "roles.service_account_followers=0"],
    ),
    (
        "roles.enterprise-admin",
        &["--set", "roles.enterprise_admin=true"],
        &["--set", "roles.enterprise_admin=false"],
    ),
    (
        "channels.pending-review",
        &["--set", "channels.pending_review=1"],
        &["--set", "channels.pending_review=0"],
    ),
    (
        "sports.sync",
        &["--set", "sports.sync_pending=true"],
        &["--set", "sports.sync_pending=false"],
    ),
    (
        "devices.logged-in",
        &["--devices", "web"],
        &["--devices", "none"],
    ),
    (
        "account.legal-hold",
        &["--legal-hold"],
        &["--legal-hold=false"],
    ),
    (
        "account.realname",
        &["--set", "account.realname_verified=false"],
        &["--set", "account.realname_verified=true"],
    ),
    (
        "account.status",
        &["--status", "frozen"],
        &["--status", "normal"],
    ),
    (
        "account.recent-security-change",
        &["--set", "account.days_since_security_change=3"],
        &["--set", "account.days_since_security_change=14"],
    ),
    (
        "account.teen-mode",
        &["--teen-mode"],
        &["--teen-mode=false"],
    ),
    (
        "account.frequent-device",
        &["--set", "account.on_frequent_device=false"],
        &["--set", "account.on_frequent_device=true"],
    ),
    (
        "verify.ios-email",
        &["--platform", "ios", "--set", "account.email_bound=false"],
        &[
            "--platform",
            "android",
            "--set",
            "account.email_bound=false",
        ],
    ),
    (
        "social.groups-owned",
        &["--set", r#"groups_owned=[{"name":"g"}]"#],
        &["--set", "groups_owned=[]"],
    ),
    (
        "social.third-party-logins",
        &["--set", r#"third_party_logins=[{"name":"Zhihu"}]"#],
        &["--set", "third_party_logins=[]"],
    ),
    (
        "data.chat-backup",
        &["--set", "account.cloud_backup=false"],
        &["--set", "account.cloud_backup=true"],
    ),
    (
        "wallet.credit-unbilled",
        &[
            "--set",
            r#"wallet.bank_cards=[{"kind":"credit","unbilled_cny":20}]"#,
        ],
        &[
            "--set",
            r#"wallet.bank_cards=[{"kind":"credit","unbilled_cny":0}]"#,
        ],
    ),
    (
        "wallet.overseas-cross-border",
        &[
            "--set",
            r#"wallet.bank_cards=[{"kind":"overseas","cross_border_agreement":true}]"#,
        ],
        &[
            "--set",
            r#"wallet.bank_cards=[{"kind":"overseas","cross_border_agreement":false}]"#,
        ],
    ),
    (
        "phone.linked-services",
        &["--set", "roles.merchant=true"],
        &[
            "--set",
            "roles.merchant=false",
            "--set",
            "roles.mini_program_developer=false",
        ],
    ),
];

#[test]
fn every_check_of_spec_4_1_is_present() {
    let (r, _) = deactivate(&[]);
    let ids: Vec<&str> = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let mut want: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    want.sort();
    let mut got = ids.clone();
    got.sort();
    assert_eq!(got, want);
}

#[test]
fn every_check_fails_passes_and_is_unknown() {
    let (empty, code) = deactivate(&[]);
    assert_eq!(
        code, 1,
        "only unknowns: incomplete fails the default --fail-on"
    );
    assert_eq!(empty["verdict"], "incomplete");
    for (id, fail, pass) in CASES {
        assert_eq!(
            check(&empty, id)["status"],
            "unknown",
            "{id} with nothing known"
        );
        assert!(
            !check(&empty, id)["missing"].as_array().unwrap().is_empty(),
            "{id} names its missing fields"
        );
        let (r, _) = deactivate(fail);
        assert_eq!(check(&r, id)["status"], "fail", "{id} with {fail:?}");
        let (r, _) = deactivate(pass);
        assert_eq!(check(&r, id)["status"], "pass", "{id} with {pass:?}");
    }
}

#[test]
fn checks_are_ordered_by_severity_then_id() {
    let (r, _) = deactivate(&["--teen-mode"]);
    let keys: Vec<(u8, String)> = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let sev = match c["severity"].as_str().unwrap() {
                "blocker" => 0,
                "warning" => 1,
                _ => 2,
            };
            (sev, c["id"].as_str().unwrap().to_string())
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn licaitong_redeems_in_three_business_days() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-27",
        "--licaitong",
        "500",
    ]);
    let r = o.json();
    assert_eq!(check(&r, "wallet.licaitong")["status"], "fail");
    assert_eq!(r["ready_on"]["earliest"], "2026-12-02");
    assert_eq!(r["ready_on"]["latest"], "2026-12-02");
    assert_eq!(r["ready_on"]["provisional"], true);
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-27",
        "--licaitong",
        "500",
        "--holiday",
        "2026-11-30",
    ]);
    assert_eq!(o.json()["ready_on"]["earliest"], "2026-12-03");
    assert_eq!(o.json()["ready_on"]["latest"], "2026-12-03");
}

#[test]
fn locked_product_waits_for_maturity() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-27",
        "--licaitong",
        "0",
        "--licaitong-locked-until",
        "2026-12-20",
    ]);
    let r = o.json();
    assert_eq!(check(&r, "wallet.licaitong")["status"], "fail");
    // 2026-12-20 is a Sunday: the money arrives on Monday.
    assert_eq!(r["ready_on"]["latest"], "2026-12-21");
    // A maturity day already past is no lock.
    let (r, _) = deactivate(&["--licaitong", "0", "--licaitong-locked-until", "2026-11-01"]);
    assert_eq!(check(&r, "wallet.licaitong")["status"], "pass");
}

#[test]
fn card_limits_space_credit_and_overseas_cards() {
    let (r, _) = deactivate(&["--cards", "credit,credit,credit,credit,overseas,overseas"]);
    let plan = r["plan"].as_array().unwrap();
    let find = |title: &str| {
        plan.iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("{title}: {plan:?}"))
    };
    assert_eq!(
        find("Unbind credit card 3 of 4")["done"]["latest"],
        "2026-11-23"
    );
    assert_eq!(
        find("Unbind credit card 4 of 4")["done"]["latest"],
        "2026-11-24"
    );
    assert_eq!(
        find("Unbind overseas card 1 of 2")["done"]["latest"],
        "2026-11-23"
    );
    assert_eq!(
        find("Unbind overseas card 2 of 2")["done"]["latest"],
        "2026-11-30"
    );
    assert_eq!(r["ready_on"]["latest"], "2026-11-30");
    assert_eq!(r["ready_on"]["earliest"], "2026-11-30");
}

#[test]
fn debit_cards_have_no_limit() {
    let (r, _) = deactivate(&["--cards", "debit,debit,debit,debit,debit"]);
    assert!(r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["done"]["latest"] == "2026-11-23"));
}

#[test]
fn appeal_comes_first_and_takes_three_to_seven_business_days() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-27",
        "--status",
        "frozen",
        "--balance",
        "1",
    ]);
    let r = o.json();
    let plan = r["plan"].as_array().unwrap();
    assert_eq!(plan[0]["action"], "appeal");
    assert_eq!(
        plan[0]["done"],
        serde_json::json!({"earliest": "2026-12-02", "latest": "2026-12-08"})
    );
    let withdraw = plan
        .iter()
        .find(|a| a["action"] == "withdraw-balance")
        .unwrap();
    assert_eq!(
        withdraw["start"], "2026-12-02",
        "other work waits for the appeal"
    );
    assert_eq!(r["ready_on"]["earliest"], "2026-12-02");
    assert_eq!(r["ready_on"]["latest"], "2026-12-08");
}

#[test]
fn security_change_waits_until_day_14() {
    let (r, _) = deactivate(&["--set", "account.days_since_security_change=10"]);
    let a = r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["action"] == "wait-security-change")
        .unwrap()
        .clone();
    assert_eq!(a["done"]["latest"], "2026-11-27");
}

#[test]
fn teen_mode_lengthens_the_cooling_off() {
    let event = |r: &Value| {
        r["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == "cooling-off.end")
            .unwrap()
            .clone()
    };
    let (teen, _) = deactivate(&["--teen-mode"]);
    assert_eq!(event(&teen)["after_days"], 90);
    assert!(event(&teen)["sources"]
        .as_array()
        .unwrap()
        .contains(&Value::from("S2§4")));
    let (adult, _) = deactivate(&["--teen-mode=false"]);
    assert_eq!(event(&adult)["after_days"], 60);
    assert_eq!(event(&adult)["on"], "2027-01-22");
}

#[test]
fn timeline_is_dated_from_ready_on_and_shows_the_recovery_conflict() {
    let (r, _) = deactivate(&["--licaitong", "1"]);
    assert_eq!(r["ready_on"]["latest"], "2026-11-26");
    let tl = r["timeline"].as_array().unwrap();
    let ids: Vec<&str> = tl.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "released.id-and-phone",
            "friends.invisible",
            "recovery.same-device",
            "recovery.login-aborts",
            "moments.recoverable",
            "cooling-off.end",
            "realname.cleared",
            "phone.fully-unlinked",
            "payment-records.kept"
        ]
    );
    let by = |id: &str| tl.iter().find(|e| e["id"] == id).unwrap();
    assert_eq!(by("recovery.same-device")["on"], "2026-12-10");
    assert_eq!(by("recovery.login-aborts")["after_days"], 15);
    assert_eq!(by("payment-records.kept")["on"], "2031-11-26");
    for id in [
        "recovery.same-device",
        "recovery.login-aborts",
        "cooling-off.end",
    ] {
        let c = &by(id)["conflicts"][0];
        assert_eq!(c["id"], "recovery-window");
        let sources: Vec<&str> = c["values"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|v| v["sources"].as_array().unwrap())
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(sources, ["S1§8", "S1§5", "S2§1", "O1", "O6§F4", "O4§F6"]);
    }
}

#[test]
fn ready_profile_exits_zero() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("ready.json"),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let r = o.json();
    assert_eq!(r["verdict"], "ready");
    assert_eq!(r["plan"], serde_json::json!([]));
    assert_eq!(
        r["ready_on"],
        serde_json::json!({"earliest": "2026-11-23", "latest": "2026-11-23", "provisional": false})
    );
    assert_eq!(r["source"], example("ready.json"));
    assert_eq!(r["id"], "ready-android");
}

#[test]
fn one_blocker_is_blocked_and_exits_one() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("ready.json"),
        "--balance",
        "3",
    ]);
    assert_eq!(o.code, 1);
    let r = o.json();
    assert_eq!(r["verdict"], "blocked");
    let failed: Vec<&str> = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["wallet.balance"]);
    assert_eq!(r["plan"][0]["action"], "withdraw-balance");
}

#[test]
fn fail_on_decides_the_exit_code() {
    let incomplete = ["deactivate", "--json", "--start", "2026-11-23"];
    assert_eq!(run(&incomplete).code, 1);
    assert_eq!(
        run(&[&incomplete[..], &["--fail-on", "blocked"]].concat()).code,
        0
    );
    assert_eq!(
        run(&[&incomplete[..], &["--fail-on", "never"]].concat()).code,
        0
    );
    let blocked = [
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--balance",
        "1",
    ];
    assert_eq!(
        run(&[&blocked[..], &["--fail-on", "blocked"]].concat()).code,
        1
    );
    assert_eq!(
        run(&[&blocked[..], &["--fail-on", "never"]].concat()).code,
        0
    );
}

#[test]
fn legal_hold_has_no_ready_date() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("legal-hold.json"),
    ]);
    let r = o.json();
    assert_eq!(r["verdict"], "blocked");
    assert_eq!(r["ready_on"], Value::Null);
    assert!(r["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["on"].is_null()));
    // The remedies that can be done are still planned.
    assert_eq!(r["plan"][0]["action"], "withdraw-balance");
}

#[test]
fn malformed_json_is_exit_two_with_location() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.json");
    std::fs::write(&p, "{\n  \"wallet\": {\"balance_cny\": 1,}\n}").unwrap();
    let o = run(&["deactivate", "--state", p.to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.starts_with(&format!("wxacct: {}:2:", p.display())),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("trailing comma"), "{}", o.stderr);
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_field_is_exit_two_with_location_and_hint() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("typo.json");
    std::fs::write(&p, "{\"wallet\": {\"balanse_cny\": 1}}").unwrap();
    let o = run(&["deactivate", "--state", p.to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr.trim(),
        format!("wxacct: {}:1:25: wallet: unknown field `balanse_cny`; did you mean `wallet.balance_cny`?", p.display())
    );
}

#[test]
fn wrong_type_names_field_and_expectation() {
    let o = run_stdin(
        &["deactivate", "--state", "-"],
        "{\"wallet\": {\"balance_cny\": \"abc\"}}",
    );
    assert_eq!(o.code, 2);
    assert_eq!(o.stderr.trim(), "wxacct: -:1:32: wallet.balance_cny: expected an amount in CNY (a number ≥ 0), found string \"abc\"");
}

#[test]
fn state_from_stdin_and_flags_override_it() {
    let ready = std::fs::read_to_string(example("ready.json")).unwrap();
    let o = deactivate_stdin(&[], &ready);
    assert_eq!(o.json()["verdict"], "ready");
    assert_eq!(o.json()["source"], "-");
    let o = deactivate_stdin(&["--cards", "credit"], &ready);
    assert_eq!(o.json()["verdict"], "blocked");
    assert_eq!(check(&o.json(), "wallet.bank-cards")["status"], "fail");
}

#[test]
fn languages_differ_only_in_text() {
    for ex in [
        "many-cards.json",
        "wallet-blocked.json",
        "frozen-account.json",
        "teen-mode.json",
    ] {
        let args = |lang| {
            run(&[
                "deactivate",
                "--json",
                "--start",
                "2026-11-23",
                "--state",
                &example(ex),
                "--lang",
                lang,
            ])
            .json()
        };
        let (zh, en) = (args("zh"), args("en"));
        assert_ne!(zh, en, "{ex}: texts differ");
        assert!(zh["checks"][0]["title"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert_eq!(
            without_prose(zh),
            without_prose(en),
            "{ex}: same JSON apart from text"
        );
    }
}

#[test]
fn locale_picks_the_default_language() {
    let o = wx()
        .args(["deactivate", "--json", "--start", "2026-11-23"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(check(&v, "wallet.balance")["title"], "零钱余额为零");
    let o = wx()
        .args(["deactivate", "--json", "--start", "2026-11-23"])
        .env("LANG", "de_DE.UTF-8")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        check(&v, "wallet.balance")["title"],
        "Wallet balance is zero"
    );
}

#[test]
fn output_is_deterministic() {
    for format in ["json", "table", "markdown"] {
        let args = [
            "deactivate",
            "--format",
            format,
            "--start",
            "2026-11-23",
            "--state",
            &example("frozen-account.json"),
        ];
        let a = wx().args(args).output().unwrap();
        let b = wx().args(args).output().unwrap();
        assert_eq!(a.stdout, b.stdout, "{format}");
        assert!(!a.stdout.is_empty());
    }
}

#[test]
fn table_and_markdown_show_plan_dates_and_conflicts() {
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--state",
        &example("frozen-account.json"),
        "--color",
        "never",
    ]);
    assert!(o.stdout.contains("\nblocked: 3 to clear"), "{}", o.stdout);
    assert!(
        o.stdout.contains("2026-11-26"),
        "appeal window: {}",
        o.stdout
    );
    assert!(
        o.stdout.contains("Can be submitted on 2026-12-02."),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("recovery-window"));
    assert!(
        !o.stdout.contains('\u{1b}'),
        "no escape codes when colour is off"
    );
    let o = run(&[
        "deactivate",
        "--format",
        "markdown",
        "--start",
        "2026-11-23",
        "--state",
        &example("frozen-account.json"),
    ]);
    assert!(o.stdout.starts_with("# wxacct deactivate"));
    assert!(
        o.stdout.contains("\n## Plan\n\n1. 2026-11-23 "),
        "{}",
        o.stdout
    );
    let o = run(&[
        "deactivate",
        "--lang",
        "zh",
        "--start",
        "2026-11-23",
        "--state",
        &example("frozen-account.json"),
    ]);
    assert!(o.stdout.contains("\n受阻：3 项待处理"), "{}", o.stdout);
}

#[test]
fn procedure_follows_the_platform() {
    let steps = |r: &Value| -> Vec<String> {
        r["procedure"]["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (ios, _) = deactivate(&["--platform", "ios"]);
    assert!(steps(&ios).contains(&"ios-email-confirm".to_string()));
    assert!(!steps(&ios).contains(&"android-sms-confirm".to_string()));
    let (android, _) = deactivate(&["--platform", "android"]);
    assert!(steps(&android).contains(&"android-sms-confirm".to_string()));
    assert!(!steps(&android).contains(&"ios-email-binding".to_string()));
    let (web, _) = deactivate(&["--platform", "web"]);
    assert_eq!(web["procedure"]["supported"], false);
    assert!(web["procedure"]["unsupported_note"].is_string());
    let (unknown, _) = deactivate(&[]);
    assert_eq!(unknown["procedure"]["platform"], Value::Null);
    assert_eq!(steps(&unknown).len(), 7);
    assert_eq!(unknown["procedure"]["screens"], 12);
}

#[test]
fn labels_and_devices_appear_in_plan_titles() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("wallet-blocked.json"),
    ]);
    let titles: Vec<String> = o.json()["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert!(
        titles.contains(&"Unbind debit card 1 of 1 “工商银行 ****1234”".to_string()),
        "{titles:?}"
    );
    assert!(titles.contains(&"Log out on web WeChat".to_string()));
    assert!(titles.contains(&"Log out on the Mac client".to_string()));
    assert!(
        !titles.iter().any(|t| t.contains("smartwatch")),
        "a logged-out watch needs nothing"
    );
}

#[test]
fn explain_lists_records_and_shows_one_with_conflicts() {
    let o = run(&["explain"]);
    assert_eq!(o.code, 0);
    for id in [
        "wallet.licaitong",
        "redeem-licaitong",
        "cooling-off.end",
        "recovery-window",
        "S1",
        "O1",
    ] {
        assert!(o.stdout.contains(id), "{id}");
    }
    let o = run(&["explain", "recovery-window"]);
    // The values side by side, each with its sources; the one wxacct follows marked.
    let text = o.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("• 14 days (login on the same device recovers it) S1§8 •"),
        "{}",
        o.stdout
    );
    assert!(text.contains(
        "• 60 days: logging in within 60 days of the request withdraws it S2§1, O1, O6§F4, O4§F6 ✓ wxacct follows this"
    ));
    let o = run(&["explain", "cooling-off.end", "--json"]);
    assert_eq!(o.json()["record"]["conflicts"][0]["id"], "recovery-window");
    let o = run(&["explain", "wallet.balanse"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("did you mean `wallet.balance`?"),
        "{}",
        o.stderr
    );
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["deactivate", "--start", "2026-02-30"][..],
        &["deactivate", "--start", "26-1-1"],
        &["deactivate", "--holiday", "tomorrow"],
        &["deactivate", "--jobs", "0"],
        &["deactivate", "--set", "wallet.balanse=1"],
        &["deactivate", "--set", "wallet.balance_cny=abc"],
        &["deactivate", "--format", "xml"],
        &["deactivate", "--json", "--format", "table"],
    ] {
        let o = run(args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// Without `--start` the plan starts today in the local time zone (`TZ`, as `date` reads it):
/// on the same instant, a zone at UTC+14 and one at UTC−12 are on different days, and each
/// run starts on its own zone's day.
#[test]
fn the_default_start_is_today_in_the_local_time_zone() {
    use jiff::{tz::TimeZone, Timestamp};
    let ready = example("ready.json");
    for zone in ["Pacific/Kiritimati", "Etc/GMT+12", "Asia/Shanghai", "UTC"] {
        let tz = TimeZone::get(zone).unwrap();
        let day = || Timestamp::now().to_zoned(tz.clone()).date().to_string();
        let before = day();
        let out = wx()
            .env("TZ", zone)
            .args(["deactivate", "--format", "json", "--state", &ready])
            .output()
            .unwrap();
        let after = day();
        let result: Value = serde_json::from_slice(&out.stdout).unwrap();
        let start = result["ready_on"]["earliest"].as_str().unwrap().to_string();
        // A run across midnight may take either day.
        assert!(
            start == before || start == after,
            "{zone}: {start}, expected {before}"
        );
    }
}
