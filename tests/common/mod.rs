//! Helpers for the integration tests: run the real binary with a clean environment.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use wxacct::knowledge::{Knowledge, FILES};

/// The binary with locale and colour variables cleared, so tests see the defaults.
pub fn wx() -> Command {
    Command::from_std(wx_std())
}

/// The same as a `std::process::Command`, for tests that drive the process themselves.
pub fn wx_std() -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("wxacct"));
    for k in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
    ] {
        c.env_remove(k);
    }
    c
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
    pub fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect()
    }
}

pub fn run(args: &[&str]) -> Out {
    run_stdin(args, "")
}

pub fn run_stdin(args: &[&str], stdin: &str) -> Out {
    wx().args(args)
        .write_stdin(stdin)
        .output()
        .expect("run")
        .into()
}

impl From<std::process::Output> for Out {
    fn from(o: std::process::Output) -> Out {
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// `deactivate` on flags alone, as JSON, starting 2026-11-23.
pub fn deactivate(args: &[&str]) -> (Value, i32) {
    let mut a = vec!["deactivate", "--json", "--start", "2026-11-23"];
    a.extend_from_slice(args);
    let o = run(&a);
    (o.json(), o.code)
}

/// `deactivate --json --start 2026-11-23 --state -` with `args`, reading `stdin`.
pub fn deactivate_stdin(args: &[&str], stdin: &str) -> Out {
    let mut a = vec![
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        "-",
    ];
    a.extend_from_slice(args);
    run_stdin(&a, stdin)
}

/// The record with `id` in the list `list` of a result (`checks`, `causes`…).
pub fn item<'a>(result: &'a Value, list: &str, id: &str) -> &'a Value {
    result[list]
        .as_array()
        .unwrap_or_else(|| panic!("no list {list} in {result}"))
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {list}"))
}

/// The check with `id` in a result.
pub fn check<'a>(result: &'a Value, id: &str) -> &'a Value {
    item(result, "checks", id)
}

/// Profile flags under which no authorisation can lapse when QQ is unbound.
pub const NO_AUTHORIZATIONS: &[&str] = &[
    "--set",
    "roles.mini_programs_admin=0",
    "--set",
    "roles.official_accounts_admin=0",
    "--set",
    "third_party_logins=[]",
];

pub fn example(name: &str) -> String {
    format!("{}/data/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A task subcommand (`realname`, `unbind-qq`…) on flags alone, as JSON, starting 2026-11-23.
pub fn task_json(command: &str, args: &[&str]) -> (Value, i32) {
    let mut a = vec![command, "--json", "--start", "2026-11-23"];
    a.extend_from_slice(args);
    let o = run(&a);
    (o.json(), o.code)
}

/// The action ids of a result's plan, in order.
pub fn plan_actions(result: &Value) -> Vec<&str> {
    result["plan"]
        .as_array()
        .unwrap_or_else(|| panic!("no plan in {result}"))
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect()
}

/// The ids of a JSON array of records.
pub fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect()
}

/// The result with every piece of prose set to null: what must not change with `--lang`.
pub fn without_prose(mut v: Value) -> Value {
    const PROSE: &[&str] = &[
        "title",
        "short_title",
        "detail",
        "remedy",
        "subject",
        "value",
        "resolution",
        "text",
        "path",
        "note",
        "unsupported_note",
        "goal_title",
        "duration",
        "data",
        "function_impact",
        "recovery",
        "scenario_title",
        "requires",
        "area",
        "effect",
        "reason",
        "advice",
        "steps",
        "caution",
    ];
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    let prose = x.is_string()
                        || x.as_array().is_some_and(|a| a.iter().all(Value::is_string));
                    if PROSE.contains(&k.as_str()) && prose {
                        *x = Value::Null;
                    } else {
                        strip(x);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

/// The JSON result of `args` in Chinese and in English differs in its prose only.
pub fn assert_only_prose_changes_with_lang(args: &[&str]) {
    let json = |lang| run(&[args, &["--json", "--lang", lang][..]].concat()).json();
    let (zh, en) = (json("zh"), json("en"));
    assert_ne!(zh, en, "{args:?}: texts differ");
    assert_eq!(without_prose(zh), without_prose(en), "{args:?}");
}

/// A check, flags that make it fail, flags that make it pass.
pub type CheckCase = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Every check is unknown (naming what is missing) in `empty`, fails and passes with its flags.
pub fn assert_check_cases(empty: &Value, cases: &[CheckCase], run: impl Fn(&[&str]) -> Value) {
    for (id, fail, pass) in cases {
        let c = check(empty, id);
        assert_eq!(c["status"], "unknown", "{id} with nothing known");
        assert!(!c["missing"].as_array().unwrap().is_empty(), "{id}");
        assert_eq!(
            check(&run(fail), id)["status"],
            "fail",
            "{id} with {fail:?}"
        );
        assert_eq!(
            check(&run(pass), id)["status"],
            "pass",
            "{id} with {pass:?}"
        );
    }
}

/// The values of `attr` on every `tag` element of an XML document, in order.
pub fn attributes<'a>(doc: &'a roxmltree::Document, tag: &str, attr: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .filter_map(|n| n.attribute(attr))
        .collect()
}

/// JUnit output parsed by a strict XML 1.0 parser: panics when it is not well-formed.
pub fn junit(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml)
        .unwrap_or_else(|e| panic!("JUnit is not well-formed XML: {e}\n{xml}"))
}

/// Compares `actual` with the committed file `tests/snapshots/NAME`, or writes it when
/// `WXACCT_REGENERATE` is set (then read the diff).
pub fn snapshot(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("WXACCT_REGENERATE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        expected, actual,
        "{name} changed; regenerate with WXACCT_REGENERATE=1 cargo test"
    );
}

/// A character that can be part of an id, a field path or a citation.
pub fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '§')
}

/// Whether `text` holds `id` as a whole word (not inside a longer id).
pub fn has_token(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + id.len()..].chars().next();
        !before.is_some_and(id_char) && !after.is_some_and(id_char)
    })
}

/// Whether `id` is split between the end of `end` and the start of `start`.
pub fn split_between(end: &str, start: &str, id: &str) -> bool {
    let (end, start) = (end.trim_end(), start.trim_start());
    id.char_indices().skip(1).any(|(k, _)| {
        let (head, tail) = id.split_at(k);
        end.ends_with(head)
            && start.starts_with(tail)
            && !end[..end.len() - head.len()]
                .chars()
                .next_back()
                .is_some_and(id_char)
            && !start[tail.len()..].chars().next().is_some_and(id_char)
    })
}

/// The embedded data file `name`, as shipped.
pub fn original(name: &str) -> String {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| s.to_string())
        .unwrap()
}

/// The record with id `id` in the list `list` of a data file's JSON, to alter.
pub fn record_mut<'v>(file: &'v mut Value, list: &str, id: &str) -> &'v mut Value {
    let records = file[list].as_array_mut().unwrap();
    records.iter_mut().find(|r| r["id"] == id).unwrap()
}

/// Loads the knowledge base with one embedded file altered by `alter`.
pub fn load_with(name: &str, alter: impl Fn(&mut Value)) -> Result<Knowledge, Vec<String>> {
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
