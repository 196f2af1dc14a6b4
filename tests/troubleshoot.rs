//! `wxacct troubleshoot` through the binary: every symptom with and without a profile, the exact
//! ranking, the causes the profile shows without `--symptom`, the verdict, the symptom list,
//! usage errors, both languages and every output format.

mod common;
use common::*;
use serde_json::{json, Value};

/// `troubleshoot` on flags alone, as JSON, starting 2026-11-23.
fn ts(args: &[&str]) -> (Value, i32) {
    task_json("troubleshoot", args)
}

/// `troubleshoot` on an example profile, as JSON, starting 2026-11-23.
fn on_example(name: &str, args: &[&str]) -> (Value, i32) {
    ts(&[&["--state", &example(name)][..], args].concat())
}

/// `troubleshoot --symptom SYMPTOM` with `args`.
fn symptom(id: &str, args: &[&str]) -> Value {
    ts(&[&["--symptom", id][..], args].concat()).0
}

/// The causes of a result as `id status`, in their order.
fn ranked(r: &Value) -> Vec<String> {
    r["causes"]
        .as_array()
        .unwrap_or_else(|| panic!("no causes: {r}"))
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["id"].as_str().unwrap(),
                c["status"].as_str().unwrap()
            )
        })
        .collect()
}

fn cause<'a>(r: &'a Value, id: &str) -> &'a Value {
    item(r, "causes", id)
}

/// Each symptom and its causes in rank order when nothing is known: all unknown, by share, then
/// by id.
const UNKNOWN_ORDER: &[(&str, &[&str])] = &[
    (
        "deactivate-failed",
        &[
            "payment-bound",
            "licaitong-unexpired",
            "sports-unsynced",
            "channels-in-review",
            "admin-roles",
            "deletion-account-restricted",
            "device-online",
            "legal-hold",
            "realname-unverified",
            "security-change-recent",
        ],
    ),
    ("button-greyed", &["web-online"]),
    (
        "other-active-session",
        &["mac-client-online", "other-device-online"],
    ),
    (
        "unbind-failed",
        &[
            "enterprise-process",
            "face-id-interrupt",
            "no-login-fallback",
            "remote-login-verification",
            "unbind-account-restricted",
            "web-mis-operation",
        ],
    ),
    (
        "qq-login-lost",
        &["qq-compromised", "qq-registered-no-phone", "qq-unbound"],
    ),
    ("authorization-lost", &["qq-authorizations-lapsed"]),
    (
        "realname-incomplete",
        &["cards-all-unbound", "realname-never-verified"],
    ),
    (
        "operation-blocked",
        &["account-restricted", "teen-mode-guardian"],
    ),
    (
        "verification-delayed",
        &[
            "abnormal-login-review",
            "appeal-review",
            "ios-email-link",
            "non-qq-mailbox",
        ],
    ),
    ("night-failure", &["maintenance-hours", "teen-mode-night"]),
];

#[test]
fn the_ten_symptoms_of_spec_4_4() {
    let o = run(&["troubleshoot", "--list-symptoms", "--json"]);
    assert_eq!(o.code, 0);
    let listed = o.json();
    let want: Vec<&str> = UNKNOWN_ORDER.iter().map(|(s, _)| *s).collect();
    assert_eq!(ids(&listed), want);
    for s in listed.as_array().unwrap() {
        assert!(!s["sources"].as_array().unwrap().is_empty(), "{s}");
    }
}

#[test]
fn every_symptom_without_a_profile_ranks_by_share_then_id() {
    for (id, order) in UNKNOWN_ORDER {
        let r = symptom(id, &[]);
        let want: Vec<String> = order.iter().map(|c| format!("{c} unknown")).collect();
        assert_eq!(ranked(&r), want, "{id}");
        assert_eq!(ids(&r["symptoms"]), [*id]);
        assert_eq!(r["ruled_out_listed"], true);
        for c in r["causes"].as_array().unwrap() {
            assert_eq!(c["symptom"], *id);
            assert!(!c["sources"].as_array().unwrap().is_empty(), "{c}");
            assert!(!c["remedy"].as_str().unwrap().is_empty(), "{c}");
            // An unknown cause that the profile could settle names what is missing.
            let missing = c["missing"].as_array().map_or(0, Vec::len);
            assert_eq!(c["decidable"] == true, missing > 0, "{c}");
        }
    }
    let shares: Vec<Value> = symptom("deactivate-failed", &[])["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["share_percent"].clone())
        .take(5)
        .collect();
    assert_eq!(
        shares,
        [json!(68), json!(43), json!(21), json!(18), Value::Null]
    );
}

/// A symptom, flags that settle some of its causes, and the exact ranking they give: likely,
/// unknown, ruled out; then by share; then by id.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const WITH_PROFILE: &[Case] = &[
    (
        "deactivate-failed",
        &[
            "--devices",
            "web",
            "--licaitong",
            "100",
            "--set",
            "sports.sync_pending=false",
            "--set",
            "channels.pending_review=2",
            "--balance",
            "0",
            "--cards",
            "none",
            "--auto-deductions",
            "0",
            "--pay-score=false",
            "--legal-hold=false",
            "--status",
            "normal",
            "--set",
            "account.realname_verified=true",
            "--set",
            "account.days_since_security_change=30",
        ],
        &[
            "licaitong-unexpired likely",
            "channels-in-review likely",
            "device-online likely",
            "admin-roles unknown",
            "payment-bound ruled-out",
            "sports-unsynced ruled-out",
            "deletion-account-restricted ruled-out",
            "legal-hold ruled-out",
            "realname-unverified ruled-out",
            "security-change-recent ruled-out",
        ],
    ),
    (
        "button-greyed",
        &["--devices", "web"],
        &["web-online likely"],
    ),
    (
        "button-greyed",
        &["--devices", "mac"],
        &["web-online ruled-out"],
    ),
    (
        "button-greyed",
        &["--devices", "none"],
        &["web-online ruled-out"],
    ),
    (
        "other-active-session",
        &["--devices", "mac,watch"],
        &["mac-client-online likely", "other-device-online likely"],
    ),
    (
        "other-active-session",
        &["--devices", "windows"],
        &["other-device-online likely", "mac-client-online ruled-out"],
    ),
    (
        "other-active-session",
        &["--devices", "web"],
        &[
            "mac-client-online ruled-out",
            "other-device-online ruled-out",
        ],
    ),
    (
        "unbind-failed",
        &[
            "--platform",
            "web",
            "--status",
            "normal",
            "--set",
            "enterprise.linked=true",
            "--set",
            "account.recent_remote_login=false",
            "--set",
            "account.registered_via_qq=false",
        ],
        &[
            "enterprise-process likely",
            "web-mis-operation unknown",
            "face-id-interrupt ruled-out",
            "no-login-fallback ruled-out",
            "remote-login-verification ruled-out",
            "unbind-account-restricted ruled-out",
        ],
    ),
    (
        "qq-login-lost",
        &[
            "--set",
            "account.qq_bound=false",
            "--set",
            "qq.stolen=false",
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "account.phone_bound=false",
        ],
        &[
            "qq-registered-no-phone likely",
            "qq-unbound likely",
            "qq-compromised ruled-out",
        ],
    ),
    (
        "qq-login-lost",
        &["--set", "account.qq_bound=true", "--set", "qq.stolen=true"],
        &[
            "qq-compromised likely",
            "qq-registered-no-phone ruled-out",
            "qq-unbound ruled-out",
        ],
    ),
    (
        "authorization-lost",
        &[
            "--set",
            "roles.mini_programs_admin=1",
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=true",
        ],
        &["qq-authorizations-lapsed likely"],
    ),
    (
        "authorization-lost",
        NO_AUTHORIZATIONS,
        &["qq-authorizations-lapsed ruled-out"],
    ),
    (
        "realname-incomplete",
        &["--cards", "none", "--set", "account.realname_verified=true"],
        &[
            "cards-all-unbound likely",
            "realname-never-verified ruled-out",
        ],
    ),
    (
        "realname-incomplete",
        &[
            "--cards",
            "debit",
            "--set",
            "account.realname_verified=false",
        ],
        &[
            "realname-never-verified likely",
            "cards-all-unbound ruled-out",
        ],
    ),
    (
        "operation-blocked",
        &["--status", "frozen", "--teen-mode=false"],
        &["account-restricted likely", "teen-mode-guardian ruled-out"],
    ),
    (
        "operation-blocked",
        &["--status", "normal", "--teen-mode"],
        &["teen-mode-guardian likely", "account-restricted ruled-out"],
    ),
    (
        "verification-delayed",
        &[
            "--platform",
            "ios",
            "--status",
            "normal",
            "--set",
            "account.recent_remote_login=true",
        ],
        &[
            "abnormal-login-review likely",
            "ios-email-link likely",
            "non-qq-mailbox unknown",
            "appeal-review ruled-out",
        ],
    ),
    (
        "night-failure",
        &["--teen-mode"],
        &["teen-mode-night likely", "maintenance-hours unknown"],
    ),
    (
        "night-failure",
        &["--teen-mode=false"],
        &["maintenance-hours unknown", "teen-mode-night ruled-out"],
    ),
];

#[test]
fn every_symptom_with_a_profile_ranks_likely_unknown_ruled_out() {
    for (id, flags, want) in WITH_PROFILE {
        assert_eq!(ranked(&symptom(id, flags)), *want, "{id} {flags:?}");
    }
    for (id, _) in UNKNOWN_ORDER {
        assert!(WITH_PROFILE.iter().any(|c| c.0 == *id), "{id} has a case");
    }
}

#[test]
fn deactivate_failed_rests_on_the_deactivate_checks() {
    let r = symptom("deactivate-failed", WITH_PROFILE[0].1);
    assert_eq!(r["verdict"], "blocked");
    // The unknown cause says which fields would settle it.
    assert!(cause(&r, "admin-roles")["missing"]
        .as_array()
        .unwrap()
        .contains(&json!("roles.enterprise_admin")));
    // The checks are those the causes rest on, with the planning tasks' outcomes.
    assert_eq!(check(&r, "wallet.licaitong")["status"], "fail");
    assert_eq!(check(&r, "wallet.balance")["status"], "pass");
    assert_eq!(check(&r, "roles.enterprise-admin")["status"], "unknown");
    assert!(r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["id"] != "account.teen-mode"));
    // And the plan dates their remedies like `deactivate` does.
    let (d, _) = deactivate(&["--devices", "web", "--licaitong", "100"]);
    let done = |r: &Value| -> Value {
        let plan = r["plan"].as_array().unwrap();
        let a = plan.iter().find(|a| a["action"] == "redeem-licaitong");
        a.unwrap()["done"].clone()
    };
    assert_eq!(done(&r), done(&d));
}

#[test]
fn device_causes_follow_the_same_check_as_deactivate() {
    // The example of the brief: web logged in makes the device cause likely, no device rules
    // it out, exactly as `devices.logged-in` fails and passes in `deactivate`.
    for (devices, status, check_status) in
        [("web", "likely", "fail"), ("none", "ruled-out", "pass")]
    {
        let r = symptom("deactivate-failed", &["--devices", devices]);
        assert_eq!(cause(&r, "device-online")["status"], status, "{devices}");
        let (d, _) = deactivate(&["--devices", devices]);
        assert_eq!(check(&d, "devices.logged-in")["status"], check_status);
        assert_eq!(check(&r, "devices.logged-in")["status"], check_status);
    }
    assert_eq!(
        cause(&symptom("deactivate-failed", &[]), "device-online")["missing"],
        json!(["devices"])
    );
    // A Mac that is logged out does not count; a device of unknown kind leaves it open.
    let r = symptom(
        "other-active-session",
        &["--set", r#"devices=[{"kind":"mac","logged_in":false}]"#],
    );
    assert_eq!(cause(&r, "mac-client-online")["status"], "ruled-out");
    assert_eq!(r["verdict"], "not-applicable");
    let r = symptom(
        "other-active-session",
        &["--set", r#"devices=[{"logged_in":true}]"#],
    );
    assert_eq!(check(&r, "devices.logged-in")["status"], "fail");
    assert_eq!(cause(&r, "mac-client-online")["status"], "unknown");
    // A Mac does not grey the button: nothing here explains that symptom, though the Mac still
    // stands in the way of a deletion, which the other symptom shows.
    let r = symptom("button-greyed", &["--devices", "mac"]);
    assert_eq!(r["verdict"], "not-applicable");
    assert_eq!(check(&r, "devices.logged-in")["status"], "fail");
    let r = symptom("other-active-session", &["--devices", "mac"]);
    assert_eq!(r["verdict"], "blocked");
}

#[test]
fn verdicts_plans_and_conflicts_of_the_causes() {
    let case = |id: &str, n: usize| {
        assert_eq!(WITH_PROFILE[n].0, id);
        symptom(id, WITH_PROFILE[n].1)
    };
    // The organisation's process blocks on the web, as in `unbind-qq`.
    let r = case("unbind-failed", 7);
    assert_eq!(check(&r, "enterprise.org-process")["severity"], "blocker");
    assert_eq!(r["verdict"], "blocked");
    let web = cause(&r, "web-mis-operation");
    assert_eq!(web["conflicts"][0]["id"], "web-security-rating");
    let r = case("qq-login-lost", 8);
    let unbound = cause(&r, "qq-unbound");
    assert_eq!(unbound["conflicts"][0]["id"], "qq-login-after-unbinding");
    // The appeal is planned as in the other tasks: 3–7 business days.
    let r = case("operation-blocked", 14);
    assert_eq!(r["verdict"], "blocked");
    assert_eq!(r["plan"][0]["action"], "appeal");
    assert_eq!(
        r["plan"][0]["done"],
        json!({"earliest": "2026-11-26", "latest": "2026-12-02"})
    );
    assert_eq!(
        case("operation-blocked", 15)["verdict"],
        "ready",
        "teen mode only warns"
    );
    // A cause the profile can rule out but never show: unknown until the mailbox is known.
    let r = case("verification-delayed", 16);
    let mail = cause(&r, "non-qq-mailbox");
    assert_eq!(mail["decidable"], true);
    assert_eq!(mail["missing"], json!(["account.email_bound"]));
    // A cause no field can settle: always unknown, nothing said missing.
    for n in [17, 18] {
        let r = case("night-failure", n);
        assert_eq!(cause(&r, "maintenance-hours")["status"], "unknown");
        assert_eq!(cause(&r, "maintenance-hours")["decidable"], false);
    }
}

/// Each cause with flags and the status its rule in `data/troubleshoot.json` gives them.
/// Likely only when the profile shows what makes the cause happen.
const RULES: &[(&str, &[&str], &str)] = &[
    ("payment-bound", &["--balance", "5"], "likely"),
    (
        "payment-bound",
        &[
            "--balance",
            "0",
            "--cards",
            "none",
            "--auto-deductions",
            "0",
            "--pay-score=false",
        ],
        "ruled-out",
    ),
    ("payment-bound", &["--balance", "0"], "unknown"),
    ("licaitong-unexpired", &["--licaitong", "5"], "likely"),
    (
        "licaitong-unexpired",
        &["--licaitong", "0", "--licaitong-locked-until", "none"],
        "ruled-out",
    ),
    ("licaitong-unexpired", &[], "unknown"),
    (
        "sports-unsynced",
        &["--set", "sports.sync_pending=true"],
        "likely",
    ),
    (
        "sports-unsynced",
        &["--set", "sports.sync_pending=false"],
        "ruled-out",
    ),
    ("sports-unsynced", &[], "unknown"),
    (
        "channels-in-review",
        &["--set", "channels.pending_review=1"],
        "likely",
    ),
    (
        "channels-in-review",
        &["--set", "channels.pending_review=0"],
        "ruled-out",
    ),
    ("channels-in-review", &[], "unknown"),
    ("device-online", &["--devices", "watch"], "likely"),
    ("device-online", &["--devices", "none"], "ruled-out"),
    ("device-online", &[], "unknown"),
    (
        "admin-roles",
        &["--set", "roles.enterprise_admin=true"],
        "likely",
    ),
    (
        "admin-roles",
        &[
            "--set",
            "roles.official_accounts_admin=0",
            "--set",
            "roles.mini_programs_admin=0",
            "--set",
            "roles.channels_authorized=false",
            "--set",
            "roles.service_account_followers=0",
            "--set",
            "roles.enterprise_admin=false",
        ],
        "ruled-out",
    ),
    (
        "admin-roles",
        &["--set", "roles.enterprise_admin=false"],
        "unknown",
    ),
    ("legal-hold", &["--legal-hold"], "likely"),
    ("legal-hold", &["--legal-hold=false"], "ruled-out"),
    ("legal-hold", &[], "unknown"),
    (
        "realname-unverified",
        &["--set", "account.realname_verified=false"],
        "likely",
    ),
    (
        "realname-unverified",
        &["--set", "account.realname_verified=true"],
        "ruled-out",
    ),
    ("realname-unverified", &[], "unknown"),
    (
        "security-change-recent",
        &["--set", "account.days_since_security_change=3"],
        "likely",
    ),
    // Three days as of 2026-11-03 are 23 days by the start, 2026-11-23.
    (
        "security-change-recent",
        &[
            "--set",
            "account.days_since_security_change=3",
            "--set",
            "as_of=2026-11-03",
        ],
        "ruled-out",
    ),
    ("security-change-recent", &[], "unknown"),
    (
        "deletion-account-restricted",
        &["--status", "banned"],
        "likely",
    ),
    (
        "deletion-account-restricted",
        &["--status", "normal"],
        "ruled-out",
    ),
    ("deletion-account-restricted", &[], "unknown"),
    ("web-online", &["--devices", "web"], "likely"),
    ("web-online", &["--devices", "mac"], "ruled-out"),
    ("web-online", &[], "unknown"),
    ("mac-client-online", &["--devices", "mac"], "likely"),
    ("mac-client-online", &["--devices", "web"], "ruled-out"),
    ("mac-client-online", &[], "unknown"),
    ("other-device-online", &["--devices", "pad"], "likely"),
    ("other-device-online", &["--devices", "mac"], "ruled-out"),
    ("other-device-online", &[], "unknown"),
    (
        "enterprise-process",
        &["--set", "enterprise.linked=true"],
        "likely",
    ),
    (
        "enterprise-process",
        &["--set", "enterprise.linked=false"],
        "ruled-out",
    ),
    ("enterprise-process", &[], "unknown"),
    (
        "no-login-fallback",
        &[
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "account.phone_bound=false",
        ],
        "likely",
    ),
    (
        "no-login-fallback",
        &["--set", "account.phone_bound=true"],
        "ruled-out",
    ),
    (
        "no-login-fallback",
        &["--set", "account.registered_via_qq=true"],
        "unknown",
    ),
    (
        "remote-login-verification",
        &["--set", "account.recent_remote_login=true"],
        "likely",
    ),
    (
        "remote-login-verification",
        &["--set", "account.recent_remote_login=false"],
        "ruled-out",
    ),
    ("remote-login-verification", &[], "unknown"),
    (
        "unbind-account-restricted",
        &["--status", "restricted"],
        "likely",
    ),
    (
        "unbind-account-restricted",
        &["--status", "normal"],
        "ruled-out",
    ),
    ("unbind-account-restricted", &[], "unknown"),
    // Working on the web makes a wrong step possible, not shown.
    ("web-mis-operation", &["--platform", "web"], "unknown"),
    ("web-mis-operation", &["--platform", "android"], "ruled-out"),
    ("face-id-interrupt", &["--platform", "ios"], "unknown"),
    ("face-id-interrupt", &["--platform", "web"], "ruled-out"),
    (
        "qq-unbound",
        &[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=true",
        ],
        "likely",
    ),
    // No QQ bound and none known to have been: nothing shows one was unbound.
    (
        "qq-unbound",
        &[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=false",
        ],
        "unknown",
    ),
    (
        "qq-unbound",
        &["--set", "account.qq_bound=true"],
        "ruled-out",
    ),
    (
        "qq-registered-no-phone",
        &[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "account.phone_bound=false",
        ],
        "likely",
    ),
    (
        "qq-registered-no-phone",
        &[
            "--set",
            "account.qq_bound=true",
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "account.phone_bound=false",
        ],
        "ruled-out",
    ),
    (
        "qq-registered-no-phone",
        &["--set", "account.registered_via_qq=false"],
        "ruled-out",
    ),
    (
        "qq-registered-no-phone",
        &["--set", "account.registered_via_qq=true"],
        "unknown",
    ),
    ("qq-compromised", &["--set", "qq.stolen=true"], "likely"),
    ("qq-compromised", &["--set", "qq.stolen=false"], "ruled-out"),
    ("qq-compromised", &[], "unknown"),
    (
        "qq-authorizations-lapsed",
        &[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "roles.official_accounts_admin=1",
        ],
        "likely",
    ),
    // Third-party logins alone show no authorisation granted through QQ.
    (
        "qq-authorizations-lapsed",
        &[
            "--set",
            "account.qq_bound=false",
            "--set",
            "account.registered_via_qq=true",
            "--set",
            "roles.official_accounts_admin=0",
            "--set",
            "roles.mini_programs_admin=0",
            "--set",
            r#"third_party_logins=[{"name":"Zhihu"}]"#,
        ],
        "unknown",
    ),
    (
        "qq-authorizations-lapsed",
        &["--set", "account.qq_bound=true"],
        "ruled-out",
    ),
    ("qq-authorizations-lapsed", NO_AUTHORIZATIONS, "ruled-out"),
    ("cards-all-unbound", &["--cards", "none"], "likely"),
    ("cards-all-unbound", &["--cards", "credit"], "ruled-out"),
    ("cards-all-unbound", &[], "unknown"),
    (
        "realname-never-verified",
        &["--set", "account.realname_verified=false"],
        "likely",
    ),
    (
        "realname-never-verified",
        &["--set", "account.realname_verified=true"],
        "ruled-out",
    ),
    ("realname-never-verified", &[], "unknown"),
    ("account-restricted", &["--status", "frozen"], "likely"),
    ("account-restricted", &["--status", "normal"], "ruled-out"),
    ("account-restricted", &[], "unknown"),
    ("teen-mode-guardian", &["--teen-mode"], "likely"),
    ("teen-mode-guardian", &["--teen-mode=false"], "ruled-out"),
    ("teen-mode-guardian", &[], "unknown"),
    // Which mailbox it is, no field says; without one bound, mail cannot be slow.
    (
        "non-qq-mailbox",
        &["--set", "account.email_bound=true"],
        "unknown",
    ),
    (
        "non-qq-mailbox",
        &["--set", "account.email_bound=false"],
        "ruled-out",
    ),
    ("ios-email-link", &["--platform", "ios"], "likely"),
    ("ios-email-link", &["--platform", "android"], "ruled-out"),
    ("ios-email-link", &[], "unknown"),
    ("appeal-review", &["--status", "frozen"], "likely"),
    ("appeal-review", &["--status", "normal"], "ruled-out"),
    ("appeal-review", &[], "unknown"),
    (
        "abnormal-login-review",
        &["--set", "account.recent_remote_login=true"],
        "likely",
    ),
    (
        "abnormal-login-review",
        &["--set", "account.recent_remote_login=false"],
        "ruled-out",
    ),
    ("abnormal-login-review", &[], "unknown"),
    // No field says when the user tried.
    ("maintenance-hours", &["--teen-mode"], "unknown"),
    ("teen-mode-night", &["--teen-mode"], "likely"),
    ("teen-mode-night", &["--teen-mode=false"], "ruled-out"),
    ("teen-mode-night", &[], "unknown"),
];

#[test]
fn every_cause_follows_its_rule() {
    let records: Vec<Value> = run(&["explain", "--json"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "cause")
        .map(|e| e["record"].clone())
        .collect();
    for (id, flags, status) in RULES {
        let rec = records.iter().find(|c| c["id"] == *id).unwrap();
        let symptom_id = rec["symptom"].as_str().unwrap();
        let r = symptom(symptom_id, flags);
        assert_eq!(cause(&r, id)["status"], *status, "{id} with {flags:?}");
    }
    // Every cause is tested in every status its rules can give.
    for rec in &records {
        let id = rec["id"].as_str().unwrap();
        let tested = |s: &str| RULES.iter().any(|(c, _, st)| *c == id && *st == s);
        assert!(tested("unknown"), "{id}: no unknown case");
        assert_eq!(
            tested("likely"),
            !rec["likely_when"].is_null(),
            "{id}: likely"
        );
        assert_eq!(
            tested("ruled-out"),
            !rec["ruled_out_when"].is_null(),
            "{id}: ruled out"
        );
    }
}

#[test]
fn several_symptoms_are_ranked_together() {
    let r = ts(&[
        "--symptom",
        "button-greyed",
        "--symptom",
        "night-failure",
        "--symptom",
        "button-greyed",
        "--devices",
        "web",
        "--teen-mode=false",
    ])
    .0;
    assert_eq!(ids(&r["symptoms"]), ["button-greyed", "night-failure"]);
    assert_eq!(
        ranked(&r),
        [
            "web-online likely",
            "maintenance-hours unknown",
            "teen-mode-night ruled-out"
        ]
    );
}

#[test]
fn without_a_symptom_every_cause_the_profile_shows() {
    let all: usize = run(&["troubleshoot", "--list-symptoms", "--json"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["causes"].as_array().unwrap().len())
        .sum();
    let (r, code) = ts(&[]);
    assert_eq!(r["ruled_out_listed"], false);
    assert_eq!(r["symptoms"].as_array().unwrap().len(), 10);
    let causes = ranked(&r);
    assert_eq!(causes.len(), all, "nothing known: every cause is open");
    assert_eq!(
        causes[..6],
        [
            "payment-bound unknown",
            "licaitong-unexpired unknown",
            "sports-unsynced unknown",
            "channels-in-review unknown",
            "abnormal-login-review unknown",
            "account-restricted unknown",
        ]
    );
    assert_eq!((r["verdict"].as_str(), code), (Some("incomplete"), 1));

    // A ready profile: only what it shows, never a ruled-out cause. No QQ is bound, but
    // nothing says one ever was: that it was unbound stays open, not likely.
    let (r, code) = on_example("ready.json", &[]);
    assert_eq!(
        ranked(&r),
        [
            "cards-all-unbound likely",
            "maintenance-hours unknown",
            "non-qq-mailbox unknown",
            "qq-unbound unknown",
        ]
    );
    assert_eq!(r["checks"], json!([]));
    assert_eq!((r["verdict"].as_str(), code), (Some("ready"), 0));

    // A blocked profile: the failing checks behind the shown causes decide the verdict.
    let (r, code) = on_example("wallet-blocked.json", &[]);
    assert!(r["causes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["status"] != "ruled-out"));
    assert_eq!(ranked(&r)[0], "payment-bound likely");
    assert_eq!((r["verdict"].as_str(), code), (Some("blocked"), 1));
}

#[test]
fn every_cause_ruled_out_is_not_applicable() {
    let (r, code) = on_example("ready.json", &["--symptom", "deactivate-failed"]);
    assert!(ranked(&r).iter().all(|c| c.ends_with(" ruled-out")));
    assert!(r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["status"] == "pass"));
    assert_eq!((r["verdict"].as_str(), code), (Some("not-applicable"), 0));
}

#[test]
fn an_unknown_symptom_is_a_usage_error() {
    let o = run(&["troubleshoot", "--symptom", "deactivate-fail"]);
    assert_eq!(o.code, 2);
    assert!(o.stdout.is_empty());
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert!(
        o.stderr
            .starts_with("wxacct: unknown symptom `deactivate-fail`"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("did you mean `deactivate-failed`?"));
    for (id, _) in UNKNOWN_ORDER {
        assert!(o.stderr.contains(id), "{id}: {}", o.stderr);
    }
    let o = run(&[
        "troubleshoot",
        "--symptom",
        "xyz",
        "--symptom",
        "night-failure",
    ]);
    assert_eq!(o.code, 2);
    assert!(!o.stderr.contains("did you mean"), "{}", o.stderr);
    assert!(
        o.stderr.contains("verification-delayed, night-failure)"),
        "{}",
        o.stderr
    );
}

#[test]
fn list_symptoms_in_both_languages() {
    let o = run(&["troubleshoot", "--list-symptoms"]);
    assert_eq!(o.code, 0);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), 10);
    assert!(lines[0].starts_with("deactivate-failed "), "{}", lines[0]);
    assert!(o
        .stdout
        .contains("other-active-session  Deletion stops with the message"));
    let zh = run(&["troubleshoot", "--list-symptoms", "--lang", "zh"]).stdout;
    assert!(zh.contains("“注销账号”按钮是灰色的"), "{zh}");
    assert!(
        zh.contains("night-failure "),
        "ids do not change with the language"
    );
    // The locale chooses the language too.
    let o = wx()
        .args(["troubleshoot", "--list-symptoms"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(o.stdout).unwrap(), zh);
}

#[test]
fn chinese_and_english_differ_in_prose_only() {
    let base = ["troubleshoot", "--start", "2026-11-23"];
    for extra in [
        &[][..],
        &["--symptom", "deactivate-failed", "--devices", "web"],
        &["--symptom", "unbind-failed", "--symptom", "qq-login-lost"],
    ] {
        assert_only_prose_changes_with_lang(&[&base[..], extra, &["--platform", "web"]].concat());
    }
}

#[test]
fn table_and_markdown_in_both_languages() {
    let base = [
        "troubleshoot",
        "--start",
        "2026-11-23",
        "--symptom",
        "deactivate-failed",
        "--devices",
        "web",
        "--color",
        "never",
    ];
    let en = run(&base).stdout;
    for s in [
        "\nblocked: ",
        "Symptoms: deactivate-failed",
        "Possible causes, most likely first",
        "payment-bound 68% ",
        "likely   device-online ",
        "failure-shares",
        "Where the sources disagree",
        "To clear",
    ] {
        assert!(en.contains(s), "{s}: {en}");
    }
    // The causes come before the plan and the checks.
    assert!(en.find("Possible causes").unwrap() < en.find("To clear").unwrap());
    let zh = run(&[&base[..], &["--lang", "zh"]].concat()).stdout;
    for s in ["\n受阻：", "症状", "可能的原因", "很可能", "68%"] {
        assert!(zh.contains(s), "{s}: {zh}");
    }
    let all = run(&["troubleshoot", "--start", "2026-11-23", "--color", "never"]).stdout;
    assert!(all.contains("No --symptom given"), "{all}");
    assert!(!all.contains("ruled out"), "{all}");
    assert!(all.contains("no profile field can tell"), "{all}");
    let md = run(&[&base[..], &["--format", "markdown"]].concat()).stdout;
    assert!(md.starts_with("# wxacct troubleshoot"), "{md}");
    assert!(md.contains("- **likely** `device-online` "), "{md}");
    assert!(md.contains("## Possible causes, most likely first"), "{md}");
}

#[test]
fn jsonl_junit_and_batch_input() {
    let dir = example("");
    let o = run(&[
        "troubleshoot",
        "--symptom",
        "deactivate-failed",
        "--format",
        "jsonl",
        "--start",
        "2026-11-23",
        "--state",
        &dir,
    ]);
    assert_eq!(o.code, 1);
    let lines = o.lines();
    assert_eq!(lines.len(), 7, "one summary per example");
    let by = |id: &str| lines.iter().find(|l| l["id"] == id).unwrap();
    assert_eq!(by("ready-android")["verdict"], "not-applicable");
    assert!(by("ready-android").get("likely").is_none());
    let blocked = by("wallet-blocked");
    assert_eq!(blocked["verdict"], "blocked");
    assert_eq!(blocked["command"], "troubleshoot");
    assert_eq!(blocked["likely"][0], "payment-bound");
    // The full detail carries the causes, in input order.
    let o = run(&[
        "troubleshoot",
        "--format",
        "jsonl",
        "--detail",
        "full",
        "--jobs",
        "2",
        "--start",
        "2026-11-23",
        "--state",
        &dir,
    ]);
    let full = o.lines();
    let sources: Vec<&str> = full.iter().map(|r| r["source"].as_str().unwrap()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(full.iter().all(|r| r["causes"].is_array()));
    // Several profiles as one JSON document, with a summary.
    let doc = run(&[
        "troubleshoot",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &dir,
    ])
    .json();
    assert_eq!(doc["results"].as_array().unwrap().len(), 7);
    assert_eq!(doc["summary"]["total"], 7);
    // JUnit: a failure per failed blocker behind the causes.
    let o = run(&[
        "troubleshoot",
        "--format",
        "junit",
        "--symptom",
        "button-greyed",
        "--devices",
        "web",
        "--start",
        "2026-11-23",
    ]);
    junit(&o.stdout);
    assert!(
        o.stdout.contains("<testsuite name=\"troubleshoot\""),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("<failure type=\"devices.logged-in\""),
        "{}",
        o.stdout
    );
    // The table lists many profiles one row each.
    let o = run(&[
        "troubleshoot",
        "--start",
        "2026-11-23",
        "--color",
        "never",
        "--state",
        &dir,
    ]);
    assert!(o.stdout.contains("ready-android"), "{}", o.stdout);
    assert!(o.stdout.contains("\n7 profiles: "), "{}", o.stdout);
}

#[test]
fn results_validate_against_the_result_schema() {
    let schema: Value = serde_json::from_str(&run(&["schema", "result"]).stdout).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("mem:r.json", schema).unwrap();
    let index = compiler.compile("mem:r.json", &mut schemas).unwrap();
    let mut outputs = vec![
        run(&["troubleshoot", "--json", "--start", "2026-11-23"]).stdout,
        run(&[
            "troubleshoot",
            "--json",
            "--lang",
            "zh",
            "--symptom",
            "other-active-session",
            "--devices",
            "mac",
        ])
        .stdout,
        run(&["troubleshoot", "--json", "--state", &example("")]).stdout,
    ];
    for detail in ["summary", "full"] {
        let o = run(&[
            "troubleshoot",
            "--format",
            "jsonl",
            "--detail",
            detail,
            "--state",
            &example(""),
        ]);
        outputs.extend(o.stdout.lines().map(String::from));
    }
    for out in outputs {
        let v: Value = serde_json::from_str(&out).unwrap();
        if let Err(e) = schemas.validate(&v, index) {
            panic!("{e:#}\n{out}");
        }
    }
}

#[test]
fn explain_knows_symptoms_causes_and_shows_conflicts_side_by_side() {
    let o = run(&["explain"]);
    for id in [
        "deactivate-failed",
        "night-failure",
        "web-online",
        "maintenance-hours",
    ] {
        assert!(o.stdout.contains(id), "{id}");
    }
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words(&o.stdout).contains(
            "over 68% come from payment features still bound (the key condition) S1§1 · the top three"
        ),
        "{}",
        o.stdout
    );
    let o = run(&["explain", "web-online", "--json"]);
    let rec = &o.json()["record"];
    assert_eq!(rec["symptom"], "button-greyed");
    assert_eq!(rec["checks"], json!(["devices.logged-in"]));
    let o = run(&["explain", "failure-shares"]);
    assert!(
        o.stdout.contains(
            "  What each source says  • over 68% come from payment features still bound (the key condition) S1§1\n"
        ),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("under review 18% (payment not among them) S1§6\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains(
            "  Shown with             Check channels.pending-review\n                         Check sports.sync\n"
        ),
        "{}",
        o.stdout
    );
    let o = run(&["explain", "deactivate-failed", "--json"]);
    assert_eq!(o.json()["record"]["causes"][0], "payment-bound");
}

#[test]
fn help_has_examples() {
    let o = run(&["troubleshoot", "--help"]);
    assert_eq!(o.code, 0);
    assert!(o
        .stdout
        .contains("wxacct troubleshoot --symptom deactivate-failed"));
    assert!(o.stdout.contains("--list-symptoms"));
}
