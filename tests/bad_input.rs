//! The hostile-input suite: every case in tests/bad-input/cases.json (an input file, stdin or
//! flags, with the expected exit code and message), plus inputs too big or too odd to store.

mod common;
use common::*;

use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    code: i32,
    #[serde(default)]
    file: Option<FileSpec>,
    #[serde(default)]
    stdin: Option<String>,
    /// Standard input given as hex, for bytes that are not UTF-8.
    #[serde(default)]
    stdin_hex: Option<String>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    stderr: Option<String>,
    #[serde(default)]
    stdout: Option<String>,
}

#[derive(Deserialize)]
struct FileSpec {
    ext: String,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    hex: Option<String>,
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Runs `deactivate` with the case's input; every subcommand shares the same input path.
fn run_case(dir: &Path, c: &Case) -> Out {
    let mut args: Vec<String> = vec!["deactivate".into()];
    for (flag, value) in [("--format", "jsonl"), ("--start", "2026-11-23")] {
        if !c
            .args
            .iter()
            .any(|a| a == flag || (flag == "--format" && a == "--json"))
        {
            args.extend([flag.to_string(), value.to_string()]);
        }
    }
    if let Some(f) = &c.file {
        let path = dir.join(format!("input.{}", f.ext));
        let bytes = match (&f.content, &f.hex) {
            (Some(t), _) => t.as_bytes().to_vec(),
            (None, Some(h)) => unhex(h),
            _ => Vec::new(),
        };
        std::fs::write(&path, bytes).unwrap();
        args.push("--state".into());
        args.push(path.display().to_string());
    }
    if c.stdin.is_some() || c.stdin_hex.is_some() {
        args.push("--state".into());
        args.push("-".into());
    }
    args.extend(c.args.iter().cloned());
    let stdin = match (&c.stdin, &c.stdin_hex) {
        (Some(t), _) => t.as_bytes().to_vec(),
        (None, Some(h)) => unhex(h),
        _ => Vec::new(),
    };
    wx().args(&args)
        .write_stdin(stdin)
        .output()
        .expect("run")
        .into()
}

fn assert_clean(name: &str, o: &Out) {
    assert!(
        !o.stderr.contains("panicked"),
        "{name}: panic\n{}",
        o.stderr
    );
    assert!(matches!(o.code, 0..=2), "{name}: exit {}", o.code);
    for line in o.stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("{name}: stdout line is not JSON ({e}): {line}"));
    }
}

#[test]
fn every_stored_case() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/bad-input/cases.json"
    ))
    .unwrap();
    let cases: Cases = serde_json::from_str(&text).unwrap();
    assert!(cases.cases.len() >= 40);
    let mut failures = Vec::new();
    for c in &cases.cases {
        let dir = tempfile::tempdir().unwrap();
        let o = run_case(dir.path(), c);
        assert_clean(&c.name, &o);
        if o.code != c.code {
            failures.push(format!(
                "{}: exit {} (want {}): {}",
                c.name,
                o.code,
                c.code,
                o.stderr.trim()
            ));
            continue;
        }
        if let Some(want) = &c.stderr {
            if !o.stderr.contains(want.as_str()) {
                failures.push(format!(
                    "{}: stderr {:?} lacks {want:?}",
                    c.name,
                    o.stderr.trim()
                ));
            }
            // One line per problem, each starting with the program name; a flag error is
            // one line in all.
            assert!(
                o.stderr.lines().all(|l| l.starts_with("wxacct: ")),
                "{}: {}",
                c.name,
                o.stderr
            );
            let flags_only = c.file.is_none() && c.stdin.is_none() && c.stdin_hex.is_none();
            if c.code == 2 && flags_only {
                assert_eq!(o.stderr.lines().count(), 1, "{}: {}", c.name, o.stderr);
            }
        }
        if let Some(want) = &c.stdout {
            if !o.stdout.contains(want.as_str()) {
                failures.push(format!("{}: stdout lacks {want:?}: {}", c.name, o.stdout));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.cases.len(),
        failures.join("\n")
    );
}

#[test]
fn nesting_ten_thousand_deep() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("deep.json");
    let deep = format!("{{\"id\":{}1{}}}", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(&p, deep).unwrap();
    let o = run(&["deactivate", "--state", p.to_str().unwrap()]);
    assert_clean("deep", &o);
    assert_eq!(o.code, 2);
    // The typed parse stops at the first bracket (and points at it): no recursion into the
    // nesting at all.
    assert!(
        o.stderr
            .contains(":1:7: id: expected a string, found an array"),
        "{}",
        o.stderr
    );
    // A list of lists of lists: each element is refused at its own first bracket.
    let p = dir.path().join("deep-list.json");
    std::fs::write(&p, format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))).unwrap();
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--state",
        p.to_str().unwrap(),
    ]);
    assert_clean("deep list", &o);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("expected a profile object, found an array"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_hundred_megabyte_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    let big = format!(
        "{{\"id\":\"small\"}}\n{{\"app_version\":\"{}\"}}\n{{\"id\":\"after\"}}\n",
        "9".repeat(100 << 20)
    );
    std::fs::write(&p, big).unwrap();
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        "--state",
        p.to_str().unwrap(),
    ]);
    assert_clean("big", &o);
    assert_eq!(o.code, 0);
    assert_eq!(o.lines().len(), 3);
    assert_eq!(o.lines()[2]["id"], "after");
}

#[test]
fn directory_with_broken_and_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.json"), r#"{"id":"a"}"#).unwrap();
    std::fs::write(d.join("notes.txt"), "not json").unwrap();
    std::fs::write(d.join("image.png"), [0x89, 0x50, 0x4e, 0x47]).unwrap();
    std::os::unix::fs::symlink(d.join("gone.json"), d.join("b.json")).unwrap();
    std::fs::create_dir(d.join("c.json")).unwrap();
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        "--state",
        d.to_str().unwrap(),
    ]);
    assert_clean("dir", &o);
    assert_eq!(o.code, 2, "the broken link is an unreadable input");
    let l = o.lines();
    assert_eq!(
        l.len(),
        2,
        "a.json and the broken b.json; other files are skipped: {}",
        o.stdout
    );
    assert_eq!(l[0]["id"], "a");
    assert_eq!(l[1]["error"]["kind"], "io");
    assert!(
        o.stderr
            .contains("b.json: cannot open: no such file or directory"),
        "{}",
        o.stderr
    );
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("readme.md"), "# nothing").unwrap();
    let o = run(&["deactivate", "--state", empty.path().to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("no profiles"), "{}", o.stderr);
}

#[test]
fn state_from_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(fifo, "{\"id\":\"x\"}\n{\"id\":\"y\"}\n").unwrap()
        })
    };
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        "--state",
        fifo.to_str().unwrap(),
    ]);
    writer.join().unwrap();
    assert_clean("fifo", &o);
    assert_eq!(o.code, 0);
    assert_eq!(o.lines().len(), 2);
}

#[test]
fn labels_stay_in_their_fields_and_are_escaped() {
    let evil = "{\"id\":\"p\",\"groups_owned\":[{\"name\":\"\\u001b[31mred | *bold* <b>&\"}],\"wallet\":{\"bank_cards\":[{\"kind\":\"debit\",\"label\":\"</failure>\"}]}}";
    // Table: control characters are made visible, never sent to the terminal.
    let o = run_stdin(
        &[
            "deactivate",
            "--start",
            "2026-11-23",
            "--state",
            "-",
            "--color",
            "never",
        ],
        evil,
    );
    assert!(
        !o.stdout.contains('\u{1b}'),
        "raw escape reached the terminal"
    );
    assert!(o.stdout.contains(r"\u{1b}[31mred"), "{}", o.stdout);
    // Markdown: the label cannot open a table cell, emphasis or HTML.
    let o = run_stdin(
        &[
            "deactivate",
            "--format",
            "markdown",
            "--start",
            "2026-11-23",
            "--state",
            "-",
        ],
        evil,
    );
    assert!(
        o.stdout.contains(r"red \| \*bold\* \<b\>\&"),
        "{}",
        o.stdout
    );
    // JSON: the label appears only in the plan title it belongs to.
    let o = deactivate_stdin(&[], evil);
    let text = o.stdout.clone();
    assert_eq!(text.matches("red | *bold*").count(), 1, "{text}");
    let v = o.json();
    let plan: Vec<String> = v["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert!(plan.iter().any(|t| t.contains("red | *bold*")));
    // JUnit: well-formed whatever the label holds.
    let o = run_stdin(
        &[
            "deactivate",
            "--format",
            "junit",
            "--start",
            "2026-11-23",
            "--state",
            "-",
        ],
        evil,
    );
    junit(&o.stdout);
}

/// A directory holding a FIFO among its profile files: the FIFO is passed over with a warning
/// (it would block for ever, and hold back the files before it).
#[test]
fn fifo_in_a_directory_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.json"), r#"{"id":"a"}"#).unwrap();
    assert!(std::process::Command::new("mkfifo")
        .arg(d.join("b.json"))
        .status()
        .unwrap()
        .success());
    std::fs::write(d.join("c.jsonl"), "{\"id\":\"c\"}\n").unwrap();
    let out: Out = wx()
        .args([
            "deactivate",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "--start",
            "2026-11-23",
        ])
        .arg("--state")
        .arg(d)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap()
        .into();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ids: Vec<String> = out.lines().iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(ids, ["\"a\"", "\"c\""]);
    assert_eq!(
        out.stderr,
        format!(
            "wxacct: {}: skipped, not a regular file (a FIFO, socket or device)\n",
            d.join("b.json").display()
        )
    );
}

/// Profile text, file names and keys full of control characters, line breaks and XML markup.
const EVIL_ID: &str = "p\u{1b}[2J\u{0}\u{ffff}\nVerdict: ready <&>";

fn evil_dir() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir
        .path()
        .join("ok\nwxacct: fake.json:1:1: injected\u{1b}]0;title\u{7}.jsonl");
    let profile = serde_json::json!({
        "id": EVIL_ID,
        "groups_owned": [{"name": "g\n│ fake │ row │\u{9b}31m"}],
        "wallet": {"bank_cards": [{"kind": "debit", "label": "\n  2026-11-23  fake step"}]}
    });
    std::fs::write(&good, format!("{profile}\n{{\"id\":\"second\"}}\n")).unwrap();
    let bad = dir.path().join("bad\u{1b}[31m\nname.jsonl");
    std::fs::write(&bad, "{\"\\u001b]0;owned\\u0007\\nwxacct: x\": 1}\n").unwrap();
    (dir, good, bad)
}

fn run_paths(args: &[&str], paths: &[&std::path::Path]) -> Out {
    let mut c = wx();
    c.args(args)
        .args(["--start", "2026-11-23", "--color", "never"]);
    for p in paths {
        c.arg("--state").arg(p);
    }
    c.output().unwrap().into()
}

/// No raw control character at all, and no line that the input started.
fn assert_no_forged_lines(what: &str, text: &str) {
    assert!(
        !text.contains(|c: char| c.is_control() && c != '\n'),
        "{what}: raw control character in {text:?}"
    );
    for line in text.lines() {
        let t = line.trim_start_matches(['│', '|', ' ', '•', '-']);
        assert!(
            !t.starts_with("Verdict: ready")
                && !t.starts_with("wxacct: fake.json")
                && !t.starts_with("│ fake")
                && !t.starts_with("fake │")
                && !t.starts_with("2026-11-23  fake step"),
            "{what}: forged line {line:?}"
        );
    }
}

#[test]
fn tables_cannot_be_forged() {
    let (_dir, good, _) = evil_dir();
    let lone = run_stdin(
        &[
            "deactivate",
            "--start",
            "2026-11-23",
            "--color",
            "never",
            "--state",
            "-",
        ],
        std::fs::read_to_string(&good)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    );
    assert_no_forged_lines("one profile", &lone.stdout);
    assert!(lone.stdout.contains(r"p\u{1b}[2J\0"), "{}", lone.stdout);
    assert!(
        lone.stdout.contains(r"\nVerdict: ready <&>"),
        "{}",
        lone.stdout
    );
    assert!(
        lone.stdout.contains(r"“\n"),
        "the label's line break is shown: {}",
        lone.stdout
    );
    for format in ["table", "markdown"] {
        let many = run_paths(&["deactivate", "--format", format], &[&good]);
        assert_no_forged_lines(format, &many.stdout);
        // Shown visibly (markdown escapes the backslash once more).
        assert!(many.stdout.contains("u{1b}"), "{}", many.stdout);
        let full = run_paths(
            &["deactivate", "--format", format, "--detail", "full"],
            &[&good],
        );
        assert_no_forged_lines(format, &full.stdout);
    }
}

#[test]
fn stderr_cannot_be_forged() {
    let (_dir, good, bad) = evil_dir();
    for lang in ["en", "zh"] {
        let o = run_paths(
            &["deactivate", "--format", "jsonl", "--lang", lang],
            &[&good, &bad],
        );
        assert_eq!(o.code, 2);
        assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
        assert_no_forged_lines("stderr", &o.stderr);
        assert!(o.stderr.starts_with("wxacct: "), "{}", o.stderr);
        assert!(
            o.stderr.contains(r"bad\u{1b}[31m\nname.jsonl:1:"),
            "{}",
            o.stderr
        );
        assert!(
            o.stderr.contains(r"\u{1b}]0;owned\u{7}\nwxacct: x"),
            "{}",
            o.stderr
        );
        // JSON keeps the text as it is: JSON escaping makes it safe.
        let l = o.lines();
        assert_eq!(l[0]["id"], EVIL_ID);
        assert_eq!(l[2]["source"], format!("{}:1", bad.display()));
    }
    let o = run_paths(
        &["deactivate"],
        &[std::path::Path::new("no\nwxacct: such \u{1b}file")],
    );
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert_no_forged_lines("missing file", &o.stderr);
}

#[test]
fn junit_is_well_formed_xml_whatever_the_input() {
    let (_dir, good, bad) = evil_dir();
    for fail_on in ["incomplete", "never"] {
        let o = run_paths(
            &["deactivate", "--format", "junit", "--fail-on", fail_on],
            &[&good, &bad],
        );
        let doc = junit(&o.stdout);
        let cases: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), 3);
        // Visible stand-ins for what XML cannot carry; line breaks kept in attributes.
        assert_eq!(
            cases[0].attribute("name"),
            Some("p\\u{1b}[2J\\0\\u{ffff}\nVerdict: ready <&>")
        );
        assert!(
            o.stdout.contains("&#10;Verdict: ready &lt;&amp;&gt;"),
            "{}",
            o.stdout
        );
        let error = doc.descendants().find(|n| n.has_tag_name("error")).unwrap();
        let message = error.attribute("message").unwrap();
        assert!(
            message.starts_with(&format!("{}:1:", bad.display()).replace('\u{1b}', "\\u{1b}")),
            "{message}"
        );
        assert!(
            message.contains("unknown field `\\u{1b}]0;owned\\u{7}\nwxacct: x`"),
            "{message}"
        );
    }
}

/// Each problem is reported once, at the line and column where it is, the same on stderr and
/// in every format.
#[test]
fn error_positions_are_where_the_problem_is() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.jsonl");
    std::fs::write(&t, "{\"id\":\"a\"\n{\"id\":\"b\"}\n[1]\n  {\"id\": 7}\r\n").unwrap();
    let o = run_paths(&["deactivate", "--format", "jsonl"], &[&t]);
    let p = t.display();
    assert_eq!(
        o.stderr,
        format!(
            "wxacct: {p}:1:9: end of input while parsing an object\n\
             wxacct: {p}:3:1: expected a profile object, found an array\n\
             wxacct: {p}:4:10: id: expected a string, found number 7\n"
        )
    );
    let errors: Vec<(u64, u64)> = o
        .lines()
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| {
            (
                l["error"]["line"].as_u64().unwrap(),
                l["error"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(errors, [(1, 9), (3, 1), (4, 10)]);
    let o = run_paths(&["deactivate", "--format", "junit"], &[&t]);
    let doc = junit(&o.stdout);
    let messages = attributes(&doc, "error", "message");
    assert_eq!(
        messages,
        [
            format!("{p}:1:9: end of input while parsing an object"),
            format!("{p}:3:1: expected a profile object, found an array"),
            format!("{p}:4:10: id: expected a string, found number 7"),
        ]
    );
}

/// Every kind of error in English and in Chinese (`--lang zh`, or a zh locale): the message
/// follows the language; the path, position, field, ids and values stay as they are, and JSON
/// keeps its `kind`.
#[test]
fn every_error_kind_in_both_languages() {
    struct Case {
        args: &'static [&'static str],
        /// A `.json` file with this content is passed as `--state`.
        file: Option<&'static str>,
        en: &'static str,
        zh: &'static str,
        kind: Option<&'static str>,
    }
    let cases = [
        Case { args: &[], file: Some("{\"id\": \"a\",}"), en: "input.json:1:12: trailing comma", zh: "input.json:1:12: 多余的逗号", kind: Some("syntax") },
        Case { args: &[], file: Some("{\"wallet\": {"), en: ":1:12: end of input while parsing an object", zh: ":1:12: 解析对象时输入提前结束", kind: Some("eof") },
        Case { args: &[], file: Some("{\"account\": {\"teen_mode\": \"yes\"}}"), en: "account.teen_mode: expected true or false, found string \"yes\"", zh: "account.teen_mode: 应为 true 或 false,实际为 字符串 \"yes\"", kind: Some("invalid") },
        Case { args: &[], file: Some("{\"wallet\": {\"balanse_cny\": 1}}"), en: "wallet: unknown field `balanse_cny`; did you mean `wallet.balance_cny`?", zh: "wallet: 未知字段 `balanse_cny`; 是否要用 `wallet.balance_cny`?", kind: Some("unknown-field") },
        Case { args: &[], file: Some("{\"id\": \"a\", \"id\": \"b\"}"), en: "duplicate key `id`", zh: "重复的键 `id`", kind: Some("duplicate-field") },
        Case { args: &[], file: Some("[]"), en: "input.json: no profiles: the input holds none", zh: "input.json: 没有档案:输入中一个也没有", kind: Some("empty") },
        Case { args: &[], file: Some("{\u{0}}\u{0}"), en: "input.json:1:1: the input is UTF-16LE, but wxacct reads UTF-8", zh: "input.json:1:1: 输入是 UTF-16LE 编码,wxacct 只读 UTF-8", kind: Some("syntax") },
        Case { args: &["--state", "/no/such.json"], file: None, en: "/no/such.json: cannot open: no such file or directory", zh: "/no/such.json: 无法打开:文件或目录不存在", kind: Some("io") },
        Case { args: &["--balanse", "1"], file: None, en: "wxacct: unexpected argument '--balanse'; did you mean '--balance'?", zh: "wxacct: 无法识别的参数 '--balanse'; 是否要用 '--balance'?", kind: None },
        Case { args: &["--start", "2026-02-30"], file: None, en: "wxacct: invalid value '2026-02-30' for --start: \"2026-02-30\" is not a real day (expected a date YYYY-MM-DD)", zh: "wxacct: --start 的值 '2026-02-30' 无效:\"2026-02-30\" 不是真实存在的日期(应为日期 YYYY-MM-DD)", kind: None },
        Case { args: &["--platform", "iOS"], file: None, en: "expected one of android, ios, web; did you mean 'ios'?", zh: "应为以下之一:android, ios, web; 是否要用 'ios'?", kind: None },
        Case { args: &["--json", "--format", "table"], file: None, en: "wxacct: --json cannot be used with --format", zh: "wxacct: --json 不能与 --format 同时使用", kind: None },
        Case { args: &["--set", "wallet.balanse=1"], file: None, en: "wxacct: --set wallet.balanse=1: unknown field `wallet.balanse`; did you mean `wallet.balance_cny`?", zh: "wxacct: --set wallet.balanse=1:未知字段 `wallet.balanse`; 是否要用 `wallet.balance_cny`?", kind: None },
        Case { args: &["--set", "wallet=5"], file: None, en: "is an object, not a value", zh: "`wallet` 是对象,不能整体赋值", kind: None },
        Case { args: &["--set", "account.teen_mode=maybe"], file: None, en: "--set account.teen_mode=maybe: account.teen_mode: expected true or false, found string \"maybe\"", zh: "--set account.teen_mode=maybe:account.teen_mode:应为 true 或 false,实际为 字符串 \"maybe\"", kind: None },
        Case { args: &["--cards", "credit,none"], file: None, en: "`none` means no item", zh: "`none` 表示一个也没有", kind: None },
        Case { args: &["--jobs", "0"], file: None, en: "expected a whole number from 1 to 65535, found \"0\"", zh: "应为 1 到 65535 之间的整数,实际为 \"0\"", kind: None },
    ];
    for c in &cases {
        let dir = tempfile::tempdir().unwrap();
        let mut by_lang = Vec::new();
        for (lang, want) in [("en", c.en), ("zh", c.zh)] {
            let mut args: Vec<String> = [
                "deactivate",
                "--format",
                "jsonl",
                "--start",
                "2026-11-23",
                "--lang",
                lang,
            ]
            .map(String::from)
            .to_vec();
            if let Some(content) = c.file {
                let p = dir.path().join("input.json");
                std::fs::write(&p, content).unwrap();
                args.extend(["--state".into(), p.display().to_string()]);
            }
            args.extend(c.args.iter().map(|a| a.to_string()));
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = run(&refs);
            assert_eq!(o.code, 2, "{:?}: {}", c.args, o.stderr);
            assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
            assert!(
                o.stderr.contains(want),
                "{lang}: {:?} lacks {want:?}",
                o.stderr
            );
            if let Some(kind) = c.kind {
                let l = o.lines();
                assert_eq!(l[0]["error"]["kind"], kind);
                by_lang.push(l[0]["error"].clone());
            }
        }
        if let [en, zh] = &by_lang[..] {
            // The message follows the language; where it is stays the same.
            assert_ne!(en["message"], zh["message"]);
            for k in ["kind", "line", "column", "field"] {
                assert_eq!(en[k], zh[k], "{k}");
            }
        }
    }
    // English has no Chinese; a zh locale gives Chinese without --lang.
    let o = run(&["deactivate", "--balanse", "1"]);
    assert!(!o
        .stderr
        .contains(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    let o = wx()
        .args(["deactivate", "--balanse", "1"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法识别的参数"));
    // Other subcommands' errors too.
    for (args, zh) in [
        (
            &["explain", "wallet.balanse", "--lang", "zh"][..],
            "没有 id 为 `wallet.balanse` 的记录; 是否要用 `wallet.balance`?",
        ),
        (
            &["troubleshoot", "--symptom", "xyz", "--lang", "zh"],
            "未知症状 `xyz`(可用:",
        ),
        (&["man", "deactvate"], "没有子命令 `deactvate`"),
    ] {
        let o = wx()
            .args(args)
            .env("LC_ALL", "zh_CN.UTF-8")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr.contains(zh), "{args:?}: {stderr}");
    }
}
