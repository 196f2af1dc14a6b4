//! `wxacct unbind-qq` through the binary: every check, the verification for each platform and
//! scenario, impacts, risks, alternatives, playbooks, aftercare, and every output format.

mod common;
use common::*;
use serde_json::{json, Value};

const BOUND: [&str; 2] = ["--set", "account.qq_bound=true"];

/// `unbind-qq` for a profile with a QQ number bound.
fn unbind(args: &[&str]) -> (Value, i32) {
    task_json("unbind-qq", &[&BOUND[..], args].concat())
}

fn by_id<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array().unwrap().iter().find(|x| x["id"] == id)
}

/// (check id, flags that make it fail, flags that make it pass): every check of SPEC §4.3.
const CASES: &[CheckCase] = &[
    (
        "login.phone-fallback",
        &[
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "account.phone_bound=false",
        ],
        &["--set", "account.registered_via_qq=false"],
    ),
    (
        "enterprise.org-process",
        &["--set", "enterprise.linked=true"],
        &["--set", "enterprise.linked=false"],
    ),
    (
        "account.status",
        &["--status", "restricted"],
        &["--status", "normal"],
    ),
    (
        "verify.remote-login",
        &["--set", "account.recent_remote_login=true"],
        &["--set", "account.recent_remote_login=false"],
    ),
    (
        "realname.qq-residue",
        &["--set", "account.realname_verified=true"],
        &["--set", "account.realname_verified=false"],
    ),
    (
        "authorizations.may-lapse",
        &["--set", "roles.mini_programs_admin=1"],
        NO_AUTHORIZATIONS,
    ),
];

#[test]
fn every_check_of_spec_4_3_is_present() {
    let (r, _) = unbind(&[]);
    let mut got = ids(&r["checks"]);
    got.sort();
    let mut want: Vec<&str> = CASES.iter().map(|c| c.0).chain(["qq.bound"]).collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn every_check_fails_passes_and_is_unknown() {
    let (empty, code) = unbind(&[]);
    assert_eq!((empty["verdict"].as_str(), code), (Some("incomplete"), 1));
    assert_check_cases(&empty, CASES, |args| unbind(args).0);
}

#[test]
fn no_qq_bound_is_not_applicable_and_exits_zero() {
    let (r, code) = task_json(
        "unbind-qq",
        &["--set", "account.qq_bound=false", "--status", "frozen"],
    );
    assert_eq!(r["verdict"], "not-applicable");
    assert_eq!(code, 0);
    assert_eq!(check(&r, "qq.bound")["status"], "pass");
    // Nothing to unbind: a frozen account stands in the way of nothing.
    assert_eq!(check(&r, "account.status")["severity"], "warning");
    assert_eq!(r["plan"], json!([]));
    assert_eq!(r["ready_on"]["latest"], "2026-11-23");
    let o = run(&[
        "unbind-qq",
        "--format",
        "junit",
        "--set",
        "account.qq_bound=false",
        "--status",
        "frozen",
    ]);
    junit(&o.stdout);
    assert!(!o.stdout.contains("<failure"), "{}", o.stdout);
    // Unknown whether a QQ number is bound: the task may apply.
    let (r, code) = task_json("unbind-qq", &["--status", "normal"]);
    assert_eq!(check(&r, "qq.bound")["status"], "unknown");
    assert_eq!((r["verdict"].as_str(), code), (Some("incomplete"), 1));
}

#[test]
fn a_ready_profile_exits_zero() {
    let (r, code) = unbind(&[
        "--status",
        "normal",
        "--platform",
        "android",
        "--set",
        "account.registered_via_qq=false",
        "--set",
        "enterprise.linked=true",
    ]);
    assert_eq!(
        r["verdict"], "ready",
        "an org process only warns on Android"
    );
    assert_eq!(code, 0);
    assert_eq!(check(&r, "qq.bound")["severity"], "info");
}

#[test]
fn org_process_blocks_on_the_web_only() {
    let severity = |platform: &[&str]| {
        let (r, _) = unbind(&[&["--set", "enterprise.linked=true"][..], platform].concat());
        check(&r, "enterprise.org-process")["severity"].clone()
    };
    assert_eq!(severity(&["--platform", "web"]), "blocker");
    assert_eq!(severity(&["--platform", "android"]), "warning");
    assert_eq!(severity(&["--platform", "ios"]), "warning");
    assert_eq!(severity(&[]), "blocker", "unknown platform: the stricter");
}

#[test]
fn appeal_dates_for_a_frozen_account() {
    let o = run(&[
        "unbind-qq",
        "--json",
        "--start",
        "2026-11-27",
        "--status",
        "frozen",
        "--set",
        "account.qq_bound=true",
    ]);
    let r = o.json();
    assert_eq!(r["verdict"], "blocked");
    assert_eq!(
        r["plan"][0]["done"],
        json!({"earliest": "2026-12-02", "latest": "2026-12-08"})
    );
}

/// What Android, iOS and the web require first in a scenario; `None` when the platform cannot
/// do it.
type FirstRequired = [Option<&'static str>; 3];

/// The scenario, the flags that bring it about, and what each platform then requires.
const SCENARIOS: &[(&str, &[&str], FirstRequired)] = &[
    (
        "normal",
        &[
            "--set",
            "enterprise.linked=false",
            "--set",
            "account.recent_remote_login=false",
        ],
        [
            Some("WeChat Pay password"),
            Some("SMS verification code"),
            Some("scan the QR code with WeChat"),
        ],
    ),
    (
        "abnormal-login",
        &[
            "--set",
            "enterprise.linked=false",
            "--set",
            "account.recent_remote_login=true",
        ],
        [
            Some("ID documents sent in for review"),
            Some("device lock switched on (enforced)"),
            Some("the account is frozen first"),
        ],
    ),
    (
        "enterprise",
        &["--set", "enterprise.linked=true"],
        [
            Some("administrator approval"),
            Some("enterprise certificate"),
            None,
        ],
    ),
];

#[test]
fn verification_for_each_platform_and_scenario() {
    for (scenario, flags, wants) in SCENARIOS {
        for (platform, want) in ["android", "ios", "web"].iter().zip(wants) {
            let (r, _) = unbind(&[&["--platform", platform][..], flags].concat());
            let v = &r["verification"];
            assert_eq!(v["scenario"], *scenario, "{platform}");
            assert_eq!(v["certain"], true);
            assert_eq!(v["platforms"].as_array().unwrap().len(), 1);
            let p = &v["platforms"][0];
            assert_eq!(p["platform"], *platform);
            match want {
                Some(first) => {
                    assert_eq!(p["supported"], true, "{scenario} on {platform}");
                    assert_eq!(p["requires"][0], *first, "{scenario} on {platform}");
                }
                None => {
                    assert_eq!(p["supported"], false, "{scenario} on {platform}");
                    assert!(p["unsupported_note"]
                        .as_str()
                        .unwrap()
                        .starts_with("Not supported"));
                    assert_eq!(r["verdict"], "blocked");
                }
            }
        }
    }
}

#[test]
fn ios_verification_shows_the_sources_disagreeing() {
    let (r, _) = unbind(&[
        "--platform",
        "ios",
        "--set",
        "enterprise.linked=false",
        "--set",
        "account.recent_remote_login=false",
    ]);
    let p = &r["verification"]["platforms"][0];
    assert_eq!(
        p["requires"],
        json!([
            "SMS verification code",
            "Face ID or fingerprint",
            "payment password"
        ])
    );
    assert_eq!(p["conflicts"][0]["id"], "ios-qq-verification");
    assert_eq!(p["sources"], json!(["S3§1", "S3§3"]));
}

#[test]
fn an_unknown_scenario_shows_the_stricter_one() {
    let (r, _) = unbind(&[]);
    let v = &r["verification"];
    assert_eq!(v["scenario"], "enterprise");
    assert_eq!(v["certain"], false);
    assert_eq!(v["missing"], json!(["enterprise.linked"]));
    assert_eq!(
        v["platforms"].as_array().unwrap().len(),
        3,
        "platform unknown"
    );
    let (r, _) = unbind(&["--set", "enterprise.linked=false"]);
    assert_eq!(r["verification"]["scenario"], "abnormal-login");
    assert_eq!(
        r["verification"]["missing"],
        json!(["account.recent_remote_login"])
    );
}

#[test]
fn path_follows_the_platform() {
    let (r, _) = unbind(&["--platform", "android"]);
    assert_eq!(r["path"].as_array().unwrap().len(), 1);
    assert_eq!(
        r["path"][0]["path"],
        "WeChat › Settings › Account & Security › More security settings › QQ number"
    );
    let (r, _) = unbind(&["--platform", "web"]);
    assert_eq!(r["path"][0]["conflicts"][0]["id"], "web-security-rating");
    let (r, _) = unbind(&[]);
    assert_eq!(r["platform"], Value::Null);
    assert_eq!(r["path"].as_array().unwrap().len(), 3);
}

#[test]
fn impacts_follow_the_qq_features_in_use() {
    let (r, _) = unbind(&[
        "--set",
        "qq.wallet_linked=true",
        "--set",
        "qq.games_synced=false",
        "--set",
        "qq.file_transfer_used=false",
    ]);
    let status = |id: &str| by_id(&r["impacts"], id).unwrap()["status"].clone();
    assert_eq!(status("qq-wallet"), "affected");
    assert_eq!(status("qq-games"), "not-affected");
    assert_eq!(status("qq-file-transfer"), "not-affected");
    assert_eq!(status("qq-contacts-import"), "unknown");
    assert_eq!(
        by_id(&r["impacts"], "qq-contacts-import").unwrap()["missing"],
        json!(["qq.contacts_import_used"])
    );
    assert_eq!(status("friends"), "not-affected");
    assert_eq!(status("chats"), "not-affected");
    assert_eq!(status("qq-login"), "affected");
    assert_eq!(status("payment-security"), "affected");
}

#[test]
fn risks_for_the_platform_with_advice() {
    let levels = |platform: &str| {
        let (r, _) = unbind(&["--platform", platform]);
        assert_eq!(r["risks"].as_array().unwrap().len(), 1);
        let risk = &r["risks"][0];
        assert!(!risk["advice"].as_str().unwrap().is_empty());
        let levels: Vec<Value> = risk["ratings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| json!([x["risk"], x["level"]]))
            .collect();
        (levels, risk["conflicts"].clone())
    };
    let row = |a: &str, b: &str, c: &str| {
        vec![
            json!(["privacy-leak", a]),
            json!(["account-theft", b]),
            json!(["mis-operation", c]),
        ]
    };
    assert_eq!(levels("android").0, row("medium", "high", "low"));
    assert_eq!(levels("ios").0, row("low", "low", "medium"));
    let (web, conflicts) = levels("web");
    assert_eq!(web, row("high", "medium", "high"));
    assert_eq!(conflicts[0]["id"], "web-security-rating");
}

#[test]
fn three_alternatives_with_their_costs() {
    let (r, _) = unbind(&[]);
    assert_eq!(
        ids(&r["alternatives"]),
        ["phone", "email", "enterprise-wechat"]
    );
    let levels: Vec<Value> = r["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            json!([
                a["cost"]["level"],
                a["security_risk"]["level"],
                a["function"]["level"]
            ])
        })
        .collect();
    assert_eq!(
        levels,
        [
            json!(["low", "medium", "high"]),
            json!(["medium", "high", "low"]),
            json!(["high", "high", "medium"])
        ]
    );
    assert!(by_id(&r["alternatives"], "email").unwrap()["note"]
        .as_str()
        .unwrap()
        .contains("non-QQ"));
}

#[test]
fn each_playbook_has_its_trigger() {
    // Later `--set`s win; the region is given once.
    let known = [
        "--set",
        "qq.stolen=false",
        "--set",
        "enterprise.linked=false",
    ];
    let (r, _) = unbind(&[&known[..], &["--region", "mainland"]].concat());
    assert!(ids(&r["playbooks"]).is_empty());
    for (id, flags) in [
        (
            "qq-stolen",
            &["--set", "qq.stolen=true", "--region", "mainland"][..],
        ),
        (
            "enterprise-mixed",
            &["--set", "enterprise.linked=true", "--region", "mainland"],
        ),
        ("cross-border", &["--region", "europe-us"]),
        ("cross-border", &["--region", "hk-mo-tw"]),
    ] {
        let (r, _) = unbind(&[&known[..], flags].concat());
        assert_eq!(ids(&r["playbooks"]), [id], "{flags:?}");
        let p = &r["playbooks"][0];
        assert_eq!(p["applies"], true);
        assert!(p["steps"].as_array().unwrap().len() >= 2);
        assert_eq!(p["sources"], json!(["S3§7"]));
    }
    // Unknown triggers: every playbook may apply.
    let (r, _) = unbind(&[]);
    assert_eq!(
        ids(&r["playbooks"]),
        ["qq-stolen", "enterprise-mixed", "cross-border"]
    );
    assert!(r["playbooks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["applies"].is_null() && !p["missing"].as_array().unwrap().is_empty()));
}

#[test]
fn aftercare_checklist() {
    let (r, _) = unbind(&[]);
    let items = ids(&r["aftercare"]);
    for id in [
        "find-by-qq-off",
        "device-lock",
        "watch-bills",
        "qq-password-free-off",
        "clear-devices-quarterly",
        "voice-lock",
        "allowed-devices-only",
        "avoid-public-networks",
    ] {
        assert!(items.contains(&id), "{id}");
    }
    let last = by_id(&r["aftercare"], "avoid-public-networks").unwrap();
    assert!(last["text"].as_str().unwrap().contains("24 hours"));
}

#[test]
fn table_markdown_and_json_in_both_languages() {
    let base = [
        "unbind-qq",
        "--start",
        "2026-11-23",
        "--set",
        "account.qq_bound=true",
        "--set",
        "enterprise.linked=true",
        "--set",
        "qq.stolen=true",
    ];
    let out = |extra: &[&str]| run(&[&base[..], extra].concat());
    let web = |extra: &[&str]| out(&[&["--platform", "web"][..], extra].concat());
    let en = web(&["--color", "never"]).stdout;
    for s in [
        "\nblocked: ",
        "Where to unbind",
        "Verification (linked to Enterprise WeChat)",
        "Not supported",
        "What changes",
        "Privacy leak",
        "Alternatives",
        "qq-stolen",
        "Afterwards",
        "web-security-rating",
    ] {
        assert!(en.contains(s), "{s}: {en}");
    }
    let zh = web(&["--lang", "zh", "--color", "never"]).stdout;
    for s in [
        "\n受阻：",
        "解绑入口",
        "验证方式",
        "各平台的风险",
        "替代的绑定方式",
        "解绑之后",
    ] {
        assert!(zh.contains(s), "{s}: {zh}");
    }
    let md = web(&["--format", "markdown"]).stdout;
    assert!(md.starts_with("# wxacct unbind-qq"), "{md}");
    assert!(md.contains("\n## Risks on the platform\n\n- web "), "{md}");
    assert!(web(&["--format", "markdown", "--lang", "zh", "-v"])
        .stdout
        .contains("## 解绑之后"));
    for platform in ["android", "ios", "web"] {
        assert_only_prose_changes_with_lang(&[&base[..], &["--platform", platform]].concat());
    }
}

#[test]
fn help_has_examples_and_explain_knows_the_records() {
    let o = run(&["unbind-qq", "--help"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("wxacct unbind-qq --platform ios"));
    let o = run(&["explain"]);
    for id in [
        "qq.bound",
        "qq-path.web",
        "scenario.abnormal-login",
        "verification.enterprise.web",
        "qq-wallet",
        "risks.web",
        "enterprise-wechat",
        "cross-border",
        "avoid-public-networks",
    ] {
        assert!(o.stdout.contains(id), "{id}");
    }
    let o = run(&["explain", "risks.web", "--json"]);
    assert_eq!(
        o.json()["record"]["conflicts"][0]["id"],
        "web-security-rating"
    );
}

/// Everything known but whether a QQ number is bound.
fn all_but_qq() -> Vec<&'static str> {
    let known = [
        "--status",
        "normal",
        "--platform",
        "android",
        "--set",
        "account.registered_via_qq=false",
        "--set",
        "enterprise.linked=false",
        "--set",
        "account.recent_remote_login=false",
        "--set",
        "account.realname_verified=false",
    ];
    [&known[..], NO_AUTHORIZATIONS].concat()
}

#[test]
fn an_unknown_qq_binding_is_listed_as_the_unknown() {
    let args = |format: &str| {
        let mut a = vec!["unbind-qq", "--start", "2026-11-23", "--format", format];
        a.extend(all_but_qq());
        run(&a)
    };
    let o = args("jsonl");
    assert_eq!(o.code, 1);
    let line = &o.lines()[0];
    assert_eq!(line["verdict"], "incomplete");
    assert_eq!(line["failed"], json!([]));
    assert_eq!(line["unknown"], json!(["qq.bound"]));
    let r = args("json").json();
    let c = check(&r, "qq.bound");
    assert_eq!(
        (&c["severity"], &c["status"], &c["missing"]),
        (
            &json!("blocker"),
            &json!("unknown"),
            &json!(["account.qq_bound"])
        )
    );
    // The table names the unknown by the answer it needs.
    let o = args("table");
    assert!(o.stdout.contains("incomplete: 1 unknown"), "{}", o.stdout);
    assert!(
        o.stdout.contains("--set account.qq_bound=true|false"),
        "{}",
        o.stdout
    );
    let o = args("junit");
    assert!(
        o.stdout.contains(
            "<failure type=\"qq.bound\" message=\"unknown: No QQ number is bound\">--set account.qq_bound=true|false</failure>"
        ),
        "{}",
        o.stdout
    );
    // Once known, it is information again.
    let (r, _) = unbind(&all_but_qq());
    assert_eq!(check(&r, "qq.bound")["severity"], "info");
}

#[test]
fn the_real_name_can_keep_a_qq_tie_only_when_a_qq_is_or_was_bound() {
    let residue = |qq: &[&str]| {
        let base = ["--set", "account.realname_verified=true"];
        let (r, _) = task_json("unbind-qq", &[&base[..], qq].concat());
        check(&r, "realname.qq-residue")["status"].clone()
    };
    assert_eq!(residue(&["--set", "account.qq_bound=true"]), "fail");
    assert_eq!(
        residue(&[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=true"
        ]),
        "fail",
        "registered with QQ: one was bound"
    );
    assert_eq!(
        residue(&[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=false"
        ]),
        "pass"
    );
    assert_eq!(residue(&["--set", "account.qq_bound=false"]), "unknown");
}
