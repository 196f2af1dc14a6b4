//! The committed completion scripts complete values from the embedded data. Bash runs for real
//! in a pseudo-terminal: TAB is pressed and the completed line is read back.

mod common;

use std::path::PathBuf;
use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An interactive bash with the committed completion loaded and the built wxacct on PATH.
fn bash() -> PtySession {
    let bin = assert_cmd::cargo::cargo_bin("wxacct");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("bash");
    c.args(["--norc", "--noprofile", "-i"])
        .current_dir(root())
        .env("PATH", path)
        .env("PS1", "$ ")
        .env("TERM", "dumb")
        .env("INPUTRC", "/dev/null");
    let mut p = spawn_command(c, Some(20_000)).unwrap();
    // rexpect turns the terminal's echo off; readline echoes (and completes visibly) with it on.
    p.send_line("stty echo").unwrap();
    p.send_line("bind 'set show-all-if-ambiguous on'; bind 'set completion-query-items 0'; bind 'set page-completions off'")
        .unwrap();
    p.send_line("source completions/wxacct.bash && echo loaded")
        .unwrap();
    p.exp_string("loaded").unwrap();
    p
}

/// Types `line`, presses TAB, and returns what the terminal shows until `marker`.
fn tab(p: &mut PtySession, line: &str, expect: &str) {
    p.send(line).unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string(expect)
        .unwrap_or_else(|e| panic!("{line:?} + TAB: {e}"));
    // Clear the line for the next case.
    p.send_control('u').unwrap();
    p.flush().unwrap();
    p.send_line("echo cleared").unwrap();
    p.exp_string("cleared\r\n").unwrap();
}

#[test]
fn bash_completes_values_from_the_data() {
    let mut p = bash();
    // A unique prefix is completed in place.
    tab(
        &mut p,
        "wxacct troubleshoot --symptom butt",
        "button-greyed ",
    );
    // Several candidates are listed.
    tab(&mut p, "wxacct troubleshoot --symptom ", "night-failure");
    // Records and state fields for explain.
    tab(
        &mut p,
        "wxacct explain account.teen_m",
        "account.teen_mode ",
    );
    tab(&mut p, "wxacct explain recovery-w", "recovery-window ");
    // Field paths for --set, then the field's values after `=`.
    tab(
        &mut p,
        "wxacct deactivate --set wallet.pay_sc",
        "wallet.pay_score_enabled=",
    );
    tab(
        &mut p,
        "wxacct deactivate --set wallet.pay_score_enabled=f",
        "wallet.pay_score_enabled=false ",
    );
    tab(
        &mut p,
        "wxacct deactivate --set account.status=fr",
        "account.status=frozen ",
    );
    // The item after a comma.
    tab(
        &mut p,
        "wxacct deactivate --cards credit,ov",
        "credit,overseas ",
    );
    tab(&mut p, "wxacct deactivate --devices web,ma", "web,mac ");
    // Files still complete where a path is expected.
    tab(
        &mut p,
        "wxacct deactivate --state data/examples/many",
        "many-cards.json ",
    );
    p.send_line("exit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn every_shell_asks_the_binary() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = common::run(&["completions", shell]);
        assert_eq!(o.code, 0);
        assert!(o.stdout.contains("WXACCT_COMPLETE"), "{shell}");
    }
    // What the scripts ask for, per shell: candidates with their descriptions for zsh and fish.
    let ask = |shell: &str, words: &[&str]| -> String {
        let o = common::wx()
            .env("WXACCT_COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", (words.len()).to_string())
            .arg("--")
            .arg("wxacct")
            .args(words)
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    let zsh = ask("zsh", &["troubleshoot", "--symptom", "night"]);
    assert!(zsh.starts_with("night-failure:"), "{zsh}");
    let fish = ask("fish", &["deactivate", "--set", "wallet.balance"]);
    assert!(fish.starts_with("wallet.balance_cny=\t"), "{fish}");
}
