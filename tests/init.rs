//! `wxacct init` in a pseudo-terminal (the questionnaire, in both languages, "don't know",
//! validation, refusing to overwrite) and `wxacct init --template`.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::process::Command;

use rexpect::session::{spawn_command, PtySession};
use serde_json::{json, Value};
use wxacct::knowledge::fields::{Catalogue, FieldDef};

const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";

fn init_in_pty(args: &[&str], lang: &str) -> PtySession {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("wxacct"));
    c.arg("init").args(args);
    for k in [
        "LC_ALL",
        "LC_MESSAGES",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
    ] {
        c.env_remove(k);
    }
    c.env("LANG", lang).env("TERM", "xterm");
    spawn_command(c, Some(20_000)).expect("spawn in a pty")
}

/// The questions init asks, in order (fields the model has not got yet are not asked).
fn questions() -> Vec<FieldDef> {
    let model: BTreeSet<String> = wxacct::generate::state_field_paths().into_iter().collect();
    let c = Catalogue::parse(wxacct::knowledge::fields::FILE).unwrap();
    c.fields
        .into_iter()
        .filter(|f| f.question.is_some() && model.contains(&f.path))
        .collect()
}

/// The first words of a question: enough to recognise it, short enough to stay on one line.
/// (rexpect reads the terminal byte by byte, one char per byte, so the needle is spelled so.)
fn start_of(text: &str) -> String {
    as_read(&text.chars().take(14).collect::<String>())
}

fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

#[test]
fn the_questionnaire_writes_a_profile_that_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.json");
    let mut p = init_in_pty(&[path.to_str().unwrap()], "en_GB.UTF-8");
    p.exp_string("don't know").unwrap();
    for f in questions() {
        let q = f.question.as_ref().unwrap();
        p.exp_string(&start_of(&q.en))
            .unwrap_or_else(|e| panic!("{}: {e}", f.path));
        match f.path.as_str() {
            "wallet.balance_cny" => p.send_line("12.5"),
            "wallet.licaitong_cny" => {
                // A bad answer is refused with the reason, then corrected.
                p.send_line("abc").unwrap();
                p.exp_string("expected an amount in CNY").unwrap();
                p.send(&BACKSPACE.repeat(3)).unwrap();
                p.send_line("0")
            }
            "wallet.licaitong_locked_until" => p.send_line("none"),
            "wallet.bank_cards" => p.send_line("credit, debit"),
            "devices" => p.send_line("web"),
            // Typing filters the choices; Enter takes the first match.
            "account.status" => p.send_line("frozen"),
            "platform" => p.send_line("iPhone"),
            // The cursor starts on "don't know": up twice is "yes".
            "account.teen_mode" => {
                p.send(UP).unwrap();
                p.send(UP).unwrap();
                p.send_line("")
            }
            "roles.merchant" => {
                p.send(UP).unwrap();
                p.send_line("")
            }
            "groups_owned" => p.send_line("Family, Book club"),
            "id" => p.send_line("pty-test"),
            // Everything else: Enter on the starting choice or an empty answer, "don't know".
            _ => p.send_line(""),
        }
        .unwrap();
    }
    p.exp_string("Wrote ").unwrap();
    p.exp_eof().unwrap();

    let text = std::fs::read_to_string(&path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut expected = json!({
        "schema_version": 1,
        "id": "pty-test",
        "platform": "ios",
        "account": { "status": "frozen", "teen_mode": true },
        "wallet": {
            "balance_cny": 12.5,
            "licaitong_cny": 0.0,
            "licaitong_locked_until": null,
            "bank_cards": [{ "kind": "credit" }, { "kind": "debit" }]
        },
        "roles": { "merchant": false },
        "channels": {},
        "sports": {},
        "devices": [{ "kind": "web", "logged_in": true }],
        "groups_owned": [{ "name": "Family" }, { "name": "Book club" }],
        "enterprise": {},
        "qq": {}
    });
    // init writes the day it ran as the day the profile describes.
    assert!(v["as_of"].is_string(), "{text}");
    expected["as_of"] = v["as_of"].clone();
    assert_eq!(v, expected, "{text}");
    // wxacct reads it back unchanged, and checks it.
    let profile = wxacct::profile::parse_profile(text.as_bytes()).unwrap();
    assert_eq!(wxacct::init::to_text(&profile), text);
    let (r, code) = deactivate(&["--state", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(r["id"], "pty-test");
    assert_eq!(check(&r, "account.status")["status"], "fail");
    assert_eq!(check(&r, "wallet.bank-cards")["status"], "fail");
    assert_eq!(check(&r, "wallet.pay-score")["status"], "unknown");
}

#[test]
fn questions_in_chinese_and_ctrl_c_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.json");
    let mut p = init_in_pty(&[path.to_str().unwrap()], "zh_CN.UTF-8");
    let first = &questions()[0];
    p.exp_string(&as_read("不知道")).unwrap();
    p.exp_string(&start_of(&first.question.as_ref().unwrap().zh))
        .unwrap();
    p.send_control('c').unwrap();
    p.exp_string(&as_read("已取消,没有写入任何文件")).unwrap();
    p.exp_eof().unwrap();
    assert!(!path.exists());
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.json");
    std::fs::write(&path, "{}\n").unwrap();
    let p = path.to_str().unwrap();
    for args in [vec!["init", p], vec!["init", "--template", p]] {
        let o = run(&args);
        assert_eq!(o.code, 2);
        assert_eq!(
            o.stderr,
            format!("wxacct: {p} exists; add --force to overwrite it\n")
        );
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}\n");
    let o = run(&["init", "--template", "--force", p]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        run(&["init", "--template"]).stdout
    );
}

#[test]
fn init_without_a_terminal_points_to_the_template() {
    let o = run(&["init"]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: init asks questions and needs a terminal; `wxacct init --template` prints a complete profile to edit instead\n"
    );
    assert_eq!(o.stdout, "");
}

/// Every path of a JSON document, list items written `[]`.
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let p = format!("{prefix}{k}");
                out.insert(p.clone());
                paths(x, &format!("{p}."), out);
            }
        }
        Value::Array(items) => {
            let list = prefix.trim_end_matches('.');
            for x in items {
                paths(x, &format!("{list}[]."), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_template_has_every_field_and_is_accepted_as_it_is() {
    let o = run(&["init", "--template"]);
    assert_eq!(o.code, 0);
    let v = o.json();
    let mut present = BTreeSet::new();
    paths(&v, "", &mut present);
    let model: BTreeSet<String> = wxacct::generate::state_field_paths().into_iter().collect();
    assert_eq!(present, model, "every field of the model, and nothing else");
    // Fed back to wxacct as it is, it is read and checked (no field unknown).
    let d = run_stdin(
        &[
            "deactivate",
            "--state",
            "-",
            "--json",
            "--start",
            "2026-11-23",
        ],
        &o.stdout,
    );
    assert_ne!(d.code, 2, "{}", d.stderr);
    let r = d.json();
    assert_eq!(r["id"], "me");
    let unknown: Vec<&Value> = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "unknown")
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");
    // It validates against the state schema too.
    for task in ["realname", "unbind-qq", "troubleshoot"] {
        let o = run_stdin(&[task, "--state", "-", "--format", "jsonl"], &o.stdout);
        assert_ne!(o.code, 2, "{task}: {}", o.stderr);
    }
}
