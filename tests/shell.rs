//! Behaviour in a shell: colour rules, closed pipes, help text, version.

mod common;
use common::*;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

const ESC: char = '\u{1b}';

fn table(envs: &[(&str, &str)], extra: &[&str]) -> String {
    let mut c = wx();
    c.args(["deactivate", "--start", "2026-11-23", "--balance", "5"])
        .args(extra);
    for (k, v) in envs {
        c.env(k, v);
    }
    String::from_utf8(c.output().unwrap().stdout).unwrap()
}

#[test]
fn colour_follows_flag_and_environment() {
    assert!(
        table(&[], &["--color", "always"]).contains(ESC),
        "--color always forces colour"
    );
    assert!(
        !table(&[], &[]).contains(ESC),
        "auto: a pipe gets no colour"
    );
    assert!(!table(&[], &["--color", "never"]).contains(ESC));
    assert!(!table(&[("NO_COLOR", "1")], &["--color", "auto"]).contains(ESC));
    assert!(
        table(&[("CLICOLOR_FORCE", "1")], &[]).contains(ESC),
        "CLICOLOR_FORCE colours a pipe"
    );
    assert!(
        !table(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]).contains(ESC),
        "NO_COLOR wins"
    );
    assert!(
        !table(&[], &["--color", "always", "--format", "json"]).contains(ESC),
        "JSON is never coloured"
    );
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.jsonl");
    let line = "{\"wallet\":{\"balance_cny\":1}}\n";
    std::fs::write(&p, line.repeat(50_000)).unwrap();
    for format in ["jsonl", "table", "json"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("wxacct"))
            .args([
                "deactivate",
                "--fail-on",
                "never",
                "--format",
                format,
                "--state",
            ])
            .arg(&p)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is dropped here: like `| head -1`.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty());
        assert!(
            stderr.is_empty(),
            "{format}: quiet on a closed pipe, got {stderr}"
        );
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
}

const SUBCOMMANDS: [&str; 9] = [
    "init",
    "deactivate",
    "realname",
    "unbind-qq",
    "troubleshoot",
    "explain",
    "schema",
    "completions",
    "man",
];

#[test]
fn help_texts() {
    let o = run(&["--help"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("not affiliated with Tencent"));
    assert!(o.stdout.contains("never contacts any service"));
    snapshot("help.txt", &o.stdout);
    for sub in SUBCOMMANDS {
        let o = run(&[sub, "--help"]);
        assert_eq!(o.code, 0);
        assert!(
            o.stdout.contains("Examples:"),
            "{sub} --help ends with examples"
        );
        snapshot(&format!("help-{sub}.txt"), &o.stdout);
        assert_eq!(run(&["help", sub]).stdout, o.stdout, "wxacct help {sub}");
    }
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert_eq!(
        o.stdout.trim(),
        format!("wxacct {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_flag_is_documented() {
    for sub in SUBCOMMANDS {
        let o = run(&[sub, "--help"]);
        for line in o
            .stdout
            .lines()
            .filter(|l| l.trim_start().starts_with("--"))
        {
            let flag = line.split_whitespace().next().unwrap();
            // A documented flag has text after its name on the same line or the next.
            let documented = line.trim().len() > flag.len() + 12
                || o.stdout.contains(&format!("{line}\n          "));
            assert!(documented, "{sub}: {flag} has no help");
        }
    }
}

#[test]
fn tables_fit_the_width_and_align_chinese_by_display_width() {
    use unicode_width::UnicodeWidthStr;
    for (lang, cols) in [("en", 60usize), ("zh", 60), ("zh", 100)] {
        let o = wx()
            .args([
                "deactivate",
                "--start",
                "2026-11-23",
                "--color",
                "never",
                "--lang",
                lang,
                "--state",
            ])
            .arg(example("many-cards.json"))
            .env("COLUMNS", cols.to_string())
            .output()
            .unwrap();
        let text = String::from_utf8(o.stdout).unwrap();
        for l in text.lines() {
            assert!(
                l.width() <= cols,
                "{lang}: {} columns > {cols}: {l}",
                l.width()
            );
        }
        // The plan's steps (Chinese card labels in their titles) start in one column, counted
        // in display width.
        let steps: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .filter(|l| l.contains(". 2026-"))
            .collect();
        assert_eq!(steps.len(), 13, "{text}");
        let column = |l: &str| l.find("2026-").map(|i| l[..i + 12].width());
        assert!(
            steps.iter().all(|l| column(l) == column(steps[0])),
            "{lang}: ragged plan {steps:?}"
        );
    }
}
