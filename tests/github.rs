//! `--format github`: workflow commands that GitHub Actions turns into annotations, at the
//! profile's file and line, escaped by the runner's rules, and the summary line.

mod common;
use common::*;

fn annotations(stdout: &str, kind: &str) -> Vec<String> {
    let prefix = format!("::{kind} ");
    stdout
        .lines()
        .filter(|l| l.starts_with(&prefix))
        .map(String::from)
        .collect()
}

#[test]
fn one_annotation_per_failed_check_at_the_profiles_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.jsonl");
    let ready = std::fs::read_to_string(example("ready.json")).unwrap();
    let ready: serde_json::Value = serde_json::from_str(&ready).unwrap();
    let mut blocked = ready.clone();
    blocked["id"] = "blocked".into();
    blocked["wallet"]["balance_cny"] = 5.into();
    blocked["groups_owned"] = serde_json::json!([{ "name": "Family", "has_admin": false }]);
    let mut unknown = ready.clone();
    unknown["id"] = "unknown".into();
    unknown["account"]
        .as_object_mut()
        .unwrap()
        .remove("legal_hold");
    let lines = [
        ready.to_string(),
        blocked.to_string(),
        unknown.to_string(),
        r#"{"wallet":{"balance_cny":"x"}}"#.to_string(),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let p = path.to_str().unwrap();
    let args = ["deactivate", "--state", p, "--start", "2026-11-23"];
    let o = run(&[&args[..], &["--format", "github"]].concat());
    assert_eq!(o.code, 2, "an invalid profile: exit 2 as in every format");
    let jsonl = run(&[&args[..], &["--format", "jsonl"]].concat()).lines();

    let errors = annotations(&o.stdout, "error");
    let warnings = annotations(&o.stdout, "warning");
    let notices = annotations(&o.stdout, "notice");
    let count = |key: &str| -> usize {
        jsonl
            .iter()
            .map(|r| r[key].as_array().map_or(0, Vec::len))
            .sum()
    };
    assert_eq!(errors.len(), count("failed") + 1, "{errors:#?}");
    assert_eq!(warnings.len(), count("warnings"), "{warnings:#?}");
    assert_eq!(notices.len(), count("unknown"), "{notices:#?}");
    let file = p.replace(':', "%3A").replace(',', "%2C");
    assert!(errors.contains(&format!(
        "::error file={file},line=2,title=wxacct deactivate%3A Wallet balance is zero::blocked: wallet.balance — \
Withdraw the whole balance to a bank card; an instant withdrawal takes about 30 minutes. [S1§intro, S1§1, T1§F13]"
    )), "{errors:#?}");
    assert!(warnings.iter().any(|w| w
        .starts_with(&format!("::warning file={file},line=2,title="))
        && w.contains("blocked: social.groups-owned")));
    assert_eq!(
        notices,
        [format!(
            "::notice file={file},line=3,title=wxacct deactivate%3A No pending legal dispute or evidence preservation::\
unknown: account.legal-hold — --legal-hold=true|false [S1§8]"
        )]
    );
    assert!(errors.contains(&format!(
        "::error file={file},line=4,col=28,title=wxacct deactivate::wallet.balance_cny: expected an amount in CNY (a number ≥ 0), found string \"x\""
    )), "{errors:#?}");
    assert_eq!(
        o.stdout.lines().last().unwrap(),
        "wxacct deactivate: 4 profiles · ready 1 · blocked 1 · incomplete 1 · not applicable 0 · 1 error"
    );
    assert_eq!(o.stdout.lines().filter(|l| !l.starts_with("::")).count(), 1);
}

#[test]
fn data_and_properties_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a,b:c%.json");
    std::fs::write(
        &path,
        r#"{"id":"50%\r\nfake::error x","wallet":{"balance_cny":1}}"#,
    )
    .unwrap();
    let o = run(&[
        "deactivate",
        "--state",
        path.to_str().unwrap(),
        "--format",
        "github",
        "--start",
        "2026-11-23",
    ]);
    let line = annotations(&o.stdout, "error")
        .into_iter()
        .find(|l| l.contains("wallet.balance"))
        .unwrap();
    let dir = dir
        .path()
        .to_str()
        .unwrap()
        .replace(':', "%3A")
        .replace(',', "%2C");
    assert!(
        line.starts_with(&format!("::error file={dir}/a%2Cb%3Ac%25.json,title=wxacct deactivate%3A Wallet balance is zero::50%25%0D%0Afake::error x: wallet.balance")),
        "{line}"
    );
    assert_eq!(
        o.stdout.lines().filter(|l| l.starts_with("fake")).count(),
        0
    );
}

#[test]
fn locations_follow_the_source() {
    use wxacct::render::github::location;
    assert_eq!(location("p.jsonl:7"), (Some("p.jsonl"), Some(7)));
    assert_eq!(location("team.json#3"), (Some("team.json"), None));
    assert_eq!(location("me.json"), (Some("me.json"), None));
    assert_eq!(location("-:2"), (None, None));
    assert_eq!(location("-#1"), (None, None));
    assert_eq!(location("flags"), (None, None));
    // Profiles from flags: annotations without a file, and the summary.
    let o = run(&[
        "deactivate",
        "--balance",
        "3",
        "--format",
        "github",
        "--start",
        "2026-11-23",
    ]);
    assert!(o.stdout.contains(
        "::error title=wxacct deactivate%3A Wallet balance is zero::flags: wallet.balance"
    ));
    assert!(o.stdout.ends_with("wxacct deactivate: 1 profile · ready 0 · blocked 1 · incomplete 0 · not applicable 0 · 0 errors\n"));
}
