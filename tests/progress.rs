//! The progress line: on stderr in a terminal for a batch longer than a second, cleared at the
//! end; never with --quiet, never when stderr is not a terminal; the results are the same.

mod common;
use common::*;

use std::process::Command;

use rexpect::session::spawn_command;

/// A batch that takes the debug build well over a second.
fn big_input(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("many.jsonl");
    std::fs::write(&path, "{\"wallet\":{\"balance_cny\":1}}\n".repeat(120_000)).unwrap();
    path
}

/// Runs wxacct in a pseudo-terminal with stdout sent to `out`; returns what the terminal shows.
fn in_terminal(input: &std::path::Path, out: &std::path::Path, extra: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("wxacct");
    let line = format!(
        "exec '{}' deactivate --state '{}' --format jsonl --fail-on never --start 2026-11-23 --jobs 1 {extra} > '{}'",
        bin.display(),
        input.display(),
        out.display()
    );
    let mut c = Command::new("sh");
    c.args(["-c", &line])
        .env("TERM", "xterm")
        .env_remove("LANG");
    let mut p = spawn_command(c, Some(120_000)).unwrap();
    p.exp_eof().unwrap()
}

#[test]
fn a_long_batch_shows_progress_on_a_terminal_and_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = big_input(dir.path());
    let out = dir.path().join("out.jsonl");
    let screen = in_terminal(&input, &out, "");
    // (rexpect reads one char per byte: the separators are not compared.)
    assert!(screen.contains(" profiles "), "{screen:?}");
    assert!(screen.contains("/s "), "rate shown: {screen:?}");
    assert!(
        screen.ends_with("\u{1b}[2K"),
        "cleared at the end: {screen:?}"
    );
    let results = std::fs::read_to_string(&out).unwrap();
    assert_eq!(results.lines().count(), 120_000);
    assert!(!results.contains("profiles"), "nothing of it on stdout");

    let quiet = in_terminal(&input, &out, "--quiet");
    assert_eq!(quiet, "", "--quiet: nothing on the terminal");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), results);
}

#[test]
fn no_progress_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let input = big_input(dir.path());
    let o = run(&[
        "deactivate",
        "--state",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        "--jobs",
        "1",
    ]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stderr, "");
    assert_eq!(o.stdout.lines().count(), 120_000);
}
