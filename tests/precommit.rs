//! `.pre-commit-hooks.yaml`: each hook's entry, with staged files appended as pre-commit does,
//! gives the exit code the hook promises; its file pattern picks profiles, not other JSON.

mod common;
use common::*;

/// The `key: value` lines of each hook in the manifest (a flat list of maps).
fn hooks() -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    let mut hooks: Vec<Vec<(String, String)>> = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let (item, rest) = match line.strip_prefix("- ") {
            Some(rest) => (true, rest),
            None => (false, line.trim_start()),
        };
        if item {
            hooks.push(Vec::new());
        }
        if let (Some(hook), Some((k, v))) = (hooks.last_mut(), rest.split_once(": ")) {
            hook.push((k.to_string(), v.trim_matches('\'').to_string()));
        }
    }
    hooks
}

fn get<'a>(hook: &'a [(String, String)], key: &str) -> &'a str {
    &hook.iter().find(|(k, _)| k == key).unwrap().1
}

#[test]
fn hooks_check_the_staged_profiles() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| get(h, "id")).collect();
    assert_eq!(ids, ["wxacct-validate", "wxacct-deactivate"]);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.profile.json");
    std::fs::write(&bad, r#"{"wallet":{"balanse_cny":1}}"#).unwrap();
    let (ready, blocked) = (example("ready.json"), example("legal-hold.json"));
    let bad = bad.to_str().unwrap();
    // Each entry with files appended, and the exit code expected.
    let cases: [(&str, &[&str], i32); 5] = [
        ("wxacct-validate", &[&ready, &blocked], 0),
        ("wxacct-validate", &[&ready, bad], 2),
        ("wxacct-deactivate", &[&ready], 0),
        ("wxacct-deactivate", &[&ready, &blocked], 1),
        ("wxacct-deactivate", &[&blocked, bad], 2),
    ];
    for (id, files, code) in cases {
        let hook = hooks.iter().find(|h| get(h, "id") == id).unwrap();
        assert_eq!(get(hook, "language"), "rust");
        let entry: Vec<&str> = get(hook, "entry").split(' ').collect();
        assert_eq!(entry[0], "wxacct");
        let o = run(&[&entry[1..], files].concat());
        assert_eq!(o.code, code, "{id} {files:?}: {}", o.stderr);
    }
}

#[test]
fn hooks_pick_profiles_and_leave_other_json_alone() {
    for hook in hooks() {
        let files = regex::Regex::new(get(&hook, "files")).unwrap();
        for path in [
            "profiles/me.json",
            "accounts/profiles/team.jsonl",
            "me.profile.json",
            "data/alice.profile.ndjson",
        ] {
            assert!(files.is_match(path), "{path}");
        }
        for path in [
            "package.json",
            "profiles.json",
            "src/profile.rs",
            "tsconfig.json",
        ] {
            assert!(!files.is_match(path), "{path}");
        }
    }
}
