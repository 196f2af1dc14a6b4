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
    if c.stdin.is_some() {
        args.push("--state".into());
        args.push("-".into());
    }
    args.extend(c.args.iter().cloned());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run_stdin(&refs, c.stdin.as_deref().unwrap_or(""))
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
            if c.code == 2 && c.file.is_some() {
                // One line per problem, each starting with the program name.
                assert!(
                    o.stderr.lines().all(|l| l.starts_with("wxacct: ")),
                    "{}: {}",
                    c.name,
                    o.stderr
                );
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
    // The typed parse stops at the first bracket: no recursion into the nesting at all.
    assert!(
        o.stderr
            .contains(":1:6: id: expected a string, found sequence"),
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
            .contains("expected a profile object, found sequence"),
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
    assert!(o.stdout.contains("␛[31mred"), "{}", o.stdout);
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
    let o = run_stdin(
        &[
            "deactivate",
            "--json",
            "--start",
            "2026-11-23",
            "--state",
            "-",
        ],
        evil,
    );
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
    let mut r = quick_xml::Reader::from_str(&o.stdout);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("junit not well-formed: {e}\n{}", o.stdout),
        }
    }
}
