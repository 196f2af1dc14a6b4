//! The README's examples are real: every `$ wxacct …` line in a `console` block is run, and its
//! output (stdout, then stderr) must match the lines that follow; a line `...` stands for any
//! number of lines left out.

mod common;
use common::*;

/// Splits a command line on spaces, honouring single quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            c => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether `actual` matches `expected`, where a `...` line matches any run of lines.
fn matches(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((&"...", rest)) => (0..=actual.len()).any(|skip| matches(rest, &actual[skip..])),
        Some((line, rest)) => actual.first() == Some(line) && matches(rest, &actual[1..]),
    }
}

/// Runs every `$ wxacct …` line of the `console` blocks of a document (relative to the crate)
/// and checks its output; returns how many ran and which subcommands they used.
fn check_examples(doc: &str) -> (usize, std::collections::BTreeSet<String>) {
    let text = std::fs::read_to_string(format!("{}/{doc}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut examples = 0;
    let mut in_block = false;
    let mut current: Option<(String, Vec<String>)> = None;
    let mut all: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            if let Some(c) = current.take() {
                all.push(c);
            }
            in_block = line == "```console";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            if let Some(c) = current.take() {
                all.push(c);
            }
            current = Some((cmd.to_string(), Vec::new()));
        } else if let Some((_, out)) = current.as_mut() {
            out.push(line.to_string());
        }
    }
    let mut subcommands = std::collections::BTreeSet::new();
    for (cmd, expected) in &all {
        let w = words(cmd);
        if w[0] != "wxacct" || cmd.contains('|') {
            continue; // Pipelines into other programs are shown, not run.
        }
        subcommands.insert(w[1].clone());
        let o = wx()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("COLUMNS", "100")
            .args(&w[1..])
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        // iCalendar lines end in CRLF; the document shows them as plain lines.
        let actual: Vec<&str> = text
            .trim_end_matches('\n')
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        assert!(
            matches(&expected, &actual),
            "{doc}: example `{cmd}` is out of date; it prints:\n{text}"
        );
        examples += 1;
    }
    (examples, subcommands)
}

#[test]
fn readme_examples_are_true() {
    let (examples, subcommands) = check_examples("README.md");
    assert!(examples >= 10, "{examples} examples");
    for sub in [
        "init",
        "deactivate",
        "realname",
        "unbind-qq",
        "explain",
        "schema",
        "completions",
        "man",
    ] {
        assert!(
            subcommands.contains(sub),
            "the README shows no example of `wxacct {sub}`"
        );
    }
}

#[test]
fn ci_examples_are_true() {
    let (examples, _) = check_examples("docs/ci.md");
    assert!(examples >= 3, "{examples} examples");
}

#[test]
fn elision_matching() {
    assert!(matches(&["a", "...", "d"], &["a", "b", "c", "d"]));
    assert!(matches(&["a", "..."], &["a"]));
    assert!(!matches(&["a", "...", "d"], &["a", "b"]));
    assert!(!matches(&["a"], &["a", "b"]));
    assert_eq!(
        words("wxacct x --set 'a=[1, 2]' y"),
        ["wxacct", "x", "--set", "a=[1, 2]", "y"]
    );
}
