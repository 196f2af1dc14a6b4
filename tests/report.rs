//! The table and markdown reports (issue 11): answer first, fitted to the width in both
//! languages, ids never broken, colour with meaning, valid CommonMark.
//!
//! Snapshots live in `tests/snapshots/report/`; after a deliberate change to the output,
//! regenerate them with `WXACCT_REGENERATE=1 cargo test --test report` and read the diff.

mod common;
use common::*;

use std::collections::BTreeSet;

use unicode_width::UnicodeWidthStr;
use wxacct::render::doc::{Line, Span, Tone};
use wxacct::render::wrap::{wrap, Wrapped};

const START: &str = "2026-11-23";
const ESC: char = '\u{1b}';

/// A profile with a balance, LiCaiTong, two credit cards and Pay Score on; the rest unknown.
const MONEY: &[&str] = &[
    "deactivate",
    "--balance",
    "12.5",
    "--licaitong",
    "100",
    "--cards",
    "credit,credit",
    "--pay-score",
];

/// An example profile, relative to the crate root where the reports run (so that the
/// snapshots hold no machine's paths).
fn example(name: &str) -> String {
    format!("data/examples/{name}")
}

/// The binary, run from the crate root.
fn at_root() -> assert_cmd::Command {
    let mut c = wx();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// The JSON result of `args`.
fn json_of(args: &[&str]) -> serde_json::Value {
    let o = at_root()
        .args(args)
        .args(["--json", "--start", START])
        .output()
        .unwrap();
    serde_json::from_slice(&o.stdout).unwrap()
}

/// How many checks of the JSON result have this severity and status.
fn count(result: &serde_json::Value, severity: &str, status: &str) -> usize {
    result["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["severity"] == severity && c["status"] == status)
        .count()
}

fn owned(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// One report per subcommand, each showing most of what it can, and a many-profile table.
fn cases() -> Vec<(&'static str, Vec<String>)> {
    vec![
        ("deactivate", owned(MONEY)),
        (
            "realname",
            owned(&[
                "realname",
                "--goal",
                "replace",
                "--state",
                &example("frozen-account.json"),
            ]),
        ),
        (
            "unbind-qq",
            owned(&[
                "unbind-qq",
                "--platform",
                "web",
                "--set",
                "account.qq_bound=true",
                "--set",
                "enterprise.linked=true",
                "--set",
                "qq.stolen=true",
            ]),
        ),
        (
            "troubleshoot",
            owned(&[
                "troubleshoot",
                "--symptom",
                "deactivate-failed",
                "--devices",
                "web",
            ]),
        ),
        ("many", owned(&["deactivate", "--state", &example("")])),
    ]
}

/// More profiles for the width and token tests: every example, every subcommand.
fn all_cases() -> Vec<Vec<String>> {
    let mut all: Vec<Vec<String>> = cases().into_iter().map(|(_, a)| a).collect();
    for sub in ["deactivate", "realname", "unbind-qq", "troubleshoot"] {
        for file in [
            "ready.json",
            "legal-hold.json",
            "many-cards.json",
            "mostly-unknown.json",
            "teen-mode.json",
        ] {
            all.push(owned(&[sub, "--state", &example(file)]));
        }
        all.push(owned(&[sub, "--state", &example("")]));
        all.push(owned(&[sub]));
    }
    all.push(owned(&[
        "realname", "--goal", "remove", "--cards", "overseas",
    ]));
    all
}

/// The report of `args` at `cols` columns, in `lang`, without colour.
fn report(args: &[String], lang: &str, cols: usize, extra: &[&str]) -> String {
    let o = at_root()
        .args(args)
        .args(["--start", START, "--lang", lang, "--color", "never"])
        .args(extra)
        .env("COLUMNS", cols.to_string())
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap()
}

/// The English report of `args` at 100 columns (the README's width).
fn en(args: &[&str]) -> String {
    report(&owned(args), "en", 100, &[])
}

/// Two profiles that are ready.
fn two_ready() -> [String; 4] {
    [
        "--state".into(),
        example("ready.json"),
        "--state".into(),
        example("ready.json"),
    ]
}

#[test]
fn snapshots_at_80_and_120_columns_in_both_languages() {
    for (name, args) in cases() {
        for lang in ["en", "zh"] {
            for cols in [80, 120] {
                snapshot(
                    &format!("report/{name}-{lang}-{cols}.txt"),
                    &report(&args, lang, cols, &[]),
                );
            }
        }
    }
    snapshot(
        "report/deactivate-verbose-en-80.txt",
        &report(&owned(MONEY), "en", 80, &["-v"]),
    );
    snapshot(
        "report/deactivate-markdown-en.txt",
        &report(&owned(MONEY), "en", 80, &["--format", "markdown"]),
    );
}

/// A report run for the width and token tests.
struct Run {
    args: Vec<String>,
    lang: &'static str,
    cols: usize,
    verbose: bool,
    text: String,
}

/// Every case at 60, 80 and 120 columns, in both languages, compact and verbose: run once,
/// shared by the tests below.
fn runs() -> &'static [Run] {
    static RUNS: std::sync::OnceLock<Vec<Run>> = std::sync::OnceLock::new();
    RUNS.get_or_init(|| {
        let mut all = Vec::new();
        for args in all_cases() {
            for lang in ["en", "zh"] {
                for cols in [60, 80, 120] {
                    for verbose in [false, true] {
                        let extra: &[&str] = if verbose { &["-v"] } else { &[] };
                        let text = report(&args, lang, cols, extra);
                        all.push(Run {
                            args: args.clone(),
                            lang,
                            cols,
                            verbose,
                            text,
                        });
                    }
                }
            }
        }
        all
    })
}

#[test]
fn every_line_fits_the_width_in_both_languages() {
    for r in runs() {
        assert!(!r.text.is_empty(), "{:?}", r.args);
        for line in r.text.lines() {
            assert!(
                line.width() <= r.cols,
                "{:?} {} -v:{}: {} > {} columns:\n{line}",
                r.args,
                r.lang,
                r.verbose,
                line.width(),
                r.cols
            );
        }
    }
}

/// Every id of the knowledge base (checks, actions, events, conflicts, causes, methods…).
fn known_ids() -> BTreeSet<String> {
    let all = run(&["explain", "--json"]).json();
    all.as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["record"]["id"].as_str())
        .map(str::to_string)
        .collect()
}

#[test]
fn ids_and_field_paths_are_never_broken() {
    let mut ids = known_ids();
    assert!(ids.len() > 100, "{}", ids.len());
    // Field paths printed in hints.
    for path in [
        "account.days_since_security_change",
        "roles.service_account_followers",
        "account.realname_verified",
    ] {
        ids.insert(path.to_string());
    }
    assert!(split_between(
        "see account.",
        "  legal-hold now",
        "account.legal-hold"
    ));
    let mut results = std::collections::HashMap::new();
    for r in runs() {
        let lines: Vec<&str> = r.text.lines().collect();
        for pair in lines.windows(2) {
            for id in &ids {
                assert!(
                    !split_between(pair[0], pair[1], id),
                    "{:?} {} {}: {id} broken:\n{}\n{}",
                    r.args,
                    r.lang,
                    r.cols,
                    pair[0],
                    pair[1]
                );
            }
        }
        // The checks the report is about are printed whole: failed ones always, every
        // one with -v.
        let json = results.entry(r.args.clone()).or_insert_with(|| {
            let args: Vec<&str> = r.args.iter().map(String::as_str).collect();
            json_of(&args)
        });
        if json.get("results").is_some() {
            continue;
        }
        for c in json["checks"].as_array().unwrap() {
            let failed = c["status"] == "fail" && c["severity"] != "info";
            let id = c["id"].as_str().unwrap();
            if failed || r.verbose {
                assert!(
                    has_token(&r.text, id),
                    "{:?} {} {}: {id} missing:\n{}",
                    r.args,
                    r.lang,
                    r.cols,
                    r.text
                );
            }
        }
    }
}

#[test]
fn targets_at_80_columns() {
    for lang in ["en", "zh"] {
        let ready = report(
            &owned(&["deactivate", "--state", &example("ready.json")]),
            lang,
            80,
            &[],
        );
        assert!(
            ready.lines().count() <= 40,
            "{lang}: {} lines:\n{ready}",
            ready.lines().count()
        );
        let money = report(&owned(MONEY), lang, 80, &[]);
        assert!(
            money.lines().count() <= 60,
            "{lang}: {} lines:\n{money}",
            money.lines().count()
        );
    }
}

#[test]
fn the_answer_comes_first() {
    let text = report(&owned(MONEY), "en", 80, &[]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "wxacct deactivate — flags");
    let json = json_of(MONEY);
    let (failed, unknown) = (
        count(&json, "blocker", "fail"),
        count(&json, "blocker", "unknown"),
    );
    assert_eq!(failed, 4);
    assert_eq!(lines[1], format!("blocked: 4 to clear, {unknown} unknown"));
    assert_eq!(
        lines[2],
        format!("Can be submitted on 2026-11-26. Provisional until the {unknown} unknowns are answered.")
    );
    // The last card waits for the redemption (done on the 26th): four steps today.
    assert_eq!(lines[3], "Next: steps 1–4 of the plan, today, 2026-11-23");
    // Then what to do, then the evidence.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}:\n{text}"));
    assert!(at("\nPlan\n") < at("\nTo clear\n"));
    assert!(at("\nTo clear\n") < at(&format!("\nUnknown: {unknown} blockers need a fact")));
    // Only wallet.overseas-cross-border passes: the two cards are credit cards.
    let passed = format!(
        "1 check passed, {} warnings unknown",
        count(&json, "warning", "unknown")
    );
    assert!(at("\nUnknown: ") < at(&passed));
    assert!(at(&passed) < at("\nWhere the sources disagree"));
    // The sources line names the sources of what the report says, by kind: here no QQ guide (S3).
    assert!(
        at("\nWhere the sources disagree") < at("\nSources: S1 S2 T1 third-party guides · O1 O6")
    );
    assert!(!text.contains(" S3 "), "{text}");
    // A numbered, dated plan; the step that waits says when it is done.
    assert!(
        text.contains(
            "\n  1. 2026-11-23  Withdraw the whole wallet balance · Wallet › Balance S1§1\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("3. 2026-11-23  Redeem LiCaiTong and wealth products (done 2026-11-26)"),
        "{text}"
    );
    // Failed blockers point at the steps that clear them.
    assert!(
        text.contains("  wallet.bank-cards  No bank card is bound → steps 4, 5\n"),
        "{text}"
    );
    // Each unknown blocker with the flag or --set that answers it.
    for hint in [
        "--legal-hold=true|false",
        "--set account.realname_verified=true|false",
        "--set account.days_since_security_change=N",
        "--status normal|restricted|frozen|banned",
        "--devices KIND,...",
        "--auto-deductions N",
    ] {
        assert!(text.contains(hint), "{hint}:\n{text}");
    }
    // Disagreements: one line each, id and subject, numbered as marked above.
    assert!(
        text.contains("\n  ⚠1  bank-card-menu: Where the bank cards are listed and unbound\n"),
        "{text}"
    );
    assert!(!text.contains("Ready on"), "{text}");
    // Passed checks are a count; their names come with -v.
    assert!(!has_token(&text, "account.teen-mode"), "{text}");
    let verbose = report(&owned(MONEY), "en", 80, &["-v"]);
    for id in ["account.teen-mode", "data.chat-backup", "verify.ios-email"] {
        assert!(has_token(&verbose, id), "{id}:\n{verbose}");
    }
}

#[test]
fn dates_are_worded_for_what_they_are() {
    let line = |args: &[&str], lang: &str| {
        report(&owned(args), lang, 100, &[])
            .lines()
            .nth(2)
            .unwrap()
            .to_string()
    };
    let ready = example("ready.json");
    assert_eq!(
        line(&["deactivate", "--state", &ready], "en"),
        "Can be submitted today, 2026-11-23."
    );
    assert_eq!(
        line(&["deactivate", "--state", &ready], "zh"),
        "可今天（2026-11-23）提交注销申请。"
    );
    assert_eq!(
        line(
            &["deactivate", "--state", &example("legal-hold.json")],
            "en"
        ),
        "No date can be given: a blocker has no self-service remedy."
    );
    assert_eq!(
        line(
            &[
                "realname",
                "--goal",
                "replace",
                "--state",
                &example("frozen-account.json")
            ],
            "en"
        ),
        "The recommended method can be used between 2026-11-26 and 2026-12-02."
    );
    assert_eq!(
        line(
            &[
                "unbind-qq",
                "--platform",
                "ios",
                "--set",
                "account.qq_bound=true"
            ],
            "en"
        ),
        "QQ can be unbound today, 2026-11-23. Provisional until the 2 unknowns are answered."
    );
    // Not applicable: nothing to date.
    let na = en(&["unbind-qq", "--set", "account.qq_bound=false"]);
    assert!(
        na.starts_with(
            "wxacct unbind-qq — flags\nnot applicable: nothing to do\nNext: nothing to do\n"
        ),
        "{na}"
    );
}

#[test]
fn english_plurals() {
    let one = report(
        &[&["deactivate".to_string()][..], &two_ready()].concat(),
        "en",
        100,
        &[],
    );
    assert!(one.contains("\n2 profiles: 2 ready\n"), "{one}");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("one.jsonl");
    std::fs::write(&p, "{\"id\":\"solo\"}\n").unwrap();
    let one = en(&["deactivate", "--state", p.to_str().unwrap()]);
    assert!(one.contains("\n1 profile: 1 incomplete\n"), "{one}");
    std::fs::write(&p, "{\"id\":\"solo\"}\n{bad\n").unwrap();
    let errors = en(&["deactivate", "--state", p.to_str().unwrap()]);
    assert!(
        errors.contains("\n2 profiles: 1 incomplete, 1 error\n"),
        "{errors}"
    );
    std::fs::write(&p, "{bad\n{bad\n").unwrap();
    let errors = en(&["deactivate", "--state", p.to_str().unwrap()]);
    assert!(errors.contains("\n2 profiles: 2 errors\n"), "{errors}");

    let many_cards = en(&["deactivate", "--state", &example("many-cards.json")]);
    assert!(
        many_cards.contains("blocked: 3 to clear, 1 warning\n"),
        "{many_cards}"
    );
    let frozen = en(&["deactivate", "--state", &example("frozen-account.json")]);
    assert!(
        frozen.contains("blocked: 3 to clear, 2 warnings\n"),
        "{frozen}"
    );
    let replace = en(&[
        "realname",
        "--goal",
        "replace",
        "--state",
        &example("frozen-account.json"),
    ]);
    assert!(replace.contains(" checks passed"), "{replace}");
    let one = en(&[
        "troubleshoot",
        "--symptom",
        "button-greyed",
        "--devices",
        "none",
    ]);
    assert!(one.contains("\n1 check passed\n"), "{one}");
    let one = en(&["deactivate", "--status", "normal"]);
    assert!(one.contains("\n1 check passed, "), "{one}");
    assert!(replace.contains("Next: step 1 of the plan,"), "{replace}");
    assert!(frozen.contains(" checks passed\n"), "{frozen}");
    let qq = en(&[
        "unbind-qq",
        "--platform",
        "android",
        "--set",
        "account.qq_bound=true",
        "--set",
        "account.registered_via_qq=true",
        "--set",
        "account.phone_bound=false",
    ]);
    assert!(
        qq.contains("Unknown: 1 blocker needs a fact; answer with\n"),
        "{qq}"
    );
    assert!(
        qq.contains("Provisional until the unknown is answered."),
        "{qq}"
    );
}

/// Counted nouns in English that disagree with their number: "1 checks", "2 warning",
/// "step 1–5".
fn grammar_errors(text: &str) -> Vec<String> {
    const NOUNS: [(&str, &str); 7] = [
        ("check", "checks"),
        ("warning", "warnings"),
        ("profile", "profiles"),
        ("error", "errors"),
        ("blocker", "blockers"),
        ("unknown", "unknowns"),
        ("step", "steps"),
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut bad = Vec::new();
    for w in words.windows(2) {
        let noun = |s: &str| s.trim_end_matches([',', ':', '.', ';', ')']).to_string();
        // "3 checks passed", "1 warning": the number first.
        if let Ok(n) = w[0].trim_start_matches('+').parse::<usize>() {
            let word = noun(w[1]);
            for (one, many) in NOUNS {
                if (word == one && n != 1 && one != "unknown") || (word == many && n == 1) {
                    bad.push(format!("{} {}", w[0], w[1]));
                }
            }
        }
        // "steps 1–5", "step 3": the noun first.
        let numbers = noun(w[1]);
        let several = numbers.contains('–') || numbers.contains(',');
        let starts_with_digit = numbers.chars().next().is_some_and(|c| c.is_ascii_digit());
        let singular_for_several = w[0] == "step" && several;
        let plural_for_one = w[0] == "steps" && !several && !w[1].ends_with(',');
        if starts_with_digit && (singular_for_several || plural_for_one) {
            bad.push(format!("{} {}", w[0], w[1]));
        }
    }
    bad
}

#[test]
fn english_counts_agree_everywhere() {
    assert_eq!(
        grammar_errors("1 checks passed, 2 warning; step 1–3; steps 4 of"),
        ["1 checks", "2 warning;", "step 1–3;", "steps 4"]
    );
    assert!(grammar_errors(
        "1 check passed, 0 checks passed, steps 1, 2 of the plan, step 3 of, 2 profiles: 1 error"
    )
    .is_empty());
    for r in runs().iter().filter(|r| r.lang == "en") {
        let bad = grammar_errors(&r.text);
        assert!(
            bad.is_empty(),
            "{:?} {}: {bad:?}\n{}",
            r.args,
            r.cols,
            r.text
        );
    }
}

#[test]
fn many_profiles_fit_in_aligned_columns_with_marks_explained() {
    let summary = &json_of(&["deactivate", "--state", &example("")])["summary"];
    let summary_line = format!(
        "\n7 profiles: {} ready, {} blocked\n",
        summary["ready"], summary["blocked"]
    );
    for cols in [60, 80, 120] {
        let text = report(
            &owned(&["deactivate", "--state", &example("")]),
            "en",
            cols,
            &[],
        );
        let lines: Vec<&str> = text.lines().collect();
        let header = lines[0];
        let column = |name: &str| header.find(name).unwrap();
        let (verdict, ready) = (column("Verdict"), column("Ready on"));
        // One row per profile (its name may take two lines), verdict and date in their
        // columns.
        let rows: Vec<&str> = lines[1..]
            .iter()
            .take_while(|l| !l.is_empty())
            .filter(|l| !l.starts_with(' '))
            .filter(|l| l.len() > verdict && !l[verdict..].starts_with(' '))
            .copied()
            .collect();
        assert_eq!(rows.len(), 7, "{cols}:\n{text}");
        for row in &rows {
            assert!(
                matches!(&row[verdict..verdict + 5], "block" | "ready"),
                "{cols}: {row}"
            );
            assert!(
                row[ready..].starts_with("2026-") || row[ready..].starts_with('—'),
                "{cols}: {row}"
            );
        }
        assert!(text.contains(&summary_line), "{text}");
        assert!(
            text.contains("\n? provisional date: it assumes the unknown blockers need no"),
            "{text}"
        );
        assert!(
            text.contains("\n— no date: a blocker has no self-service remedy\n"),
            "{text}"
        );
    }
    // Long lists are cut, with the number left out.
    let text = en(&["deactivate", "--state", &example("")]);
    assert!(text.contains("account.realname +"), "{text}");
    // Only the marks used are explained.
    let text = report(
        &[&["deactivate".to_string()][..], &two_ready()].concat(),
        "en",
        100,
        &[],
    );
    assert!(
        !text.contains("provisional date") && !text.contains("no date:"),
        "{text}"
    );
    // Chinese: columns aligned by display width.
    let text = report(
        &owned(&["deactivate", "--state", &example("")]),
        "zh",
        80,
        &[],
    );
    let starts: BTreeSet<usize> = text
        .lines()
        .filter(|l| {
            l.contains("2026-12-02") || l.contains("2026-11-30") || l.contains("2026-12-15")
        })
        .map(|l| l[..l.find("2026-").unwrap()].width())
        .collect();
    assert_eq!(starts.len(), 1, "{text}");
}

#[test]
fn colour_carries_meaning() {
    let coloured = |args: &[&str]| {
        let o = at_root()
            .args(args)
            .args(["--start", START, "--color", "always"])
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    let text = coloured(MONEY);
    let red = "\u{1b}[31m";
    assert!(text.contains(&format!("{red}blocked")), "{text:?}");
    assert!(
        text.contains(&format!("{red}wallet.balance")),
        "failed blocker red"
    );
    assert!(
        text.contains("\u{1b}[35m--legal-hold=true|false"),
        "unknown magenta"
    );
    assert!(text.contains("\u{1b}[2mS1§1"), "sources dim");
    let text = coloured(&["deactivate", "--state", &example("ready.json")]);
    assert!(text.contains("\u{1b}[32mready"), "pass green");
    let passed = count(
        &json_of(&["deactivate", "--state", &example("ready.json")]),
        "blocker",
        "pass",
    ) + count(
        &json_of(&["deactivate", "--state", &example("ready.json")]),
        "warning",
        "pass",
    );
    assert!(
        text.contains(&format!("\u{1b}[32m{passed} checks passed")),
        "pass green"
    );
    let text = coloured(&["deactivate", "--state", &example("many-cards.json")]);
    assert!(
        text.contains("\u{1b}[33mverify.ios-email"),
        "failed warning yellow"
    );
    // The many-profile table too.
    let text = coloured(&["deactivate", "--state", &example("")]);
    assert!(text.contains(&format!("{red}blocked")), "{text:?}");
    // Widths are measured without the escape codes.
    for line in text.lines() {
        let plain: String = strip_ansi(line);
        assert!(plain.width() <= 100, "{plain}");
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn colour_rules_and_width_settings() {
    use wxacct::app::{color, width};
    use wxacct::cli::ColorChoice;
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert!(color(
        ColorChoice::Auto,
        true,
        env(&[("TERM", "xterm-256color")])
    ));
    assert!(
        !color(ColorChoice::Auto, true, env(&[("TERM", "dumb")])),
        "TERM=dumb gets none"
    );
    assert!(
        !color(ColorChoice::Auto, false, env(&[])),
        "a pipe gets none"
    );
    assert!(!color(ColorChoice::Auto, true, env(&[("NO_COLOR", "1")])));
    assert!(color(
        ColorChoice::Auto,
        false,
        env(&[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")])
    ));
    assert!(!color(
        ColorChoice::Auto,
        false,
        env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])
    ));
    assert!(
        color(ColorChoice::Always, false, env(&[("TERM", "dumb")])),
        "--color always forces"
    );
    assert!(!color(ColorChoice::Never, true, env(&[])));

    assert_eq!(
        width(Some(90), env(&[("COLUMNS", "70")])),
        70,
        "COLUMNS first"
    );
    assert_eq!(width(Some(90), env(&[])), 90, "then the terminal");
    assert_eq!(width(None, env(&[])), 100, "else 100");
    assert_eq!(width(None, env(&[("COLUMNS", "wide")])), 100);
    assert_eq!(width(None, env(&[("COLUMNS", "0")])), 100);

    // Through the binary: TERM=dumb on a pipe, and no colour unless asked.
    let o = wx()
        .args(MONEY)
        .args(["--start", START])
        .env("TERM", "dumb")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains(ESC));
}

/// Markdown parsed as CommonMark (with the table extension): the events a reader sees.
#[derive(Default, Debug)]
struct Parsed {
    headings: Vec<(u8, String)>,
    strong: Vec<String>,
    emphasis: Vec<String>,
    code: Vec<String>,
    text: Vec<String>,
    rows: Vec<Vec<String>>,
    html: usize,
    items: usize,
}

fn parse(md: &str) -> Parsed {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut p = Parsed::default();
    let mut heading: Option<(u8, String)> = None;
    let mut strong: Option<String> = None;
    let mut emphasis: Option<String> = None;
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        let mut add = |s: &str| {
            for t in [
                &mut heading.as_mut().map(|h| &mut h.1),
                &mut strong.as_mut(),
                &mut emphasis.as_mut(),
                &mut cell.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                t.push_str(s);
            }
        };
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => p.headings.extend(heading.take()),
            Event::Start(Tag::Strong) => strong = Some(String::new()),
            Event::End(TagEnd::Strong) => p.strong.extend(strong.take()),
            Event::Start(Tag::Emphasis) => emphasis = Some(String::new()),
            Event::End(TagEnd::Emphasis) => p.emphasis.extend(emphasis.take()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                p.rows.push(std::mem::take(&mut row))
            }
            Event::Start(Tag::Item) => p.items += 1,
            Event::Code(c) => {
                add(&c);
                p.code.push(c.to_string());
            }
            Event::Text(t) => {
                add(&t);
                p.text.push(t.to_string());
            }
            Event::Html(_) | Event::InlineHtml(_) => p.html += 1,
            _ => {}
        }
    }
    p
}

#[test]
fn markdown_is_commonmark() {
    let md = report(&owned(MONEY), "en", 80, &["--format", "markdown"]);
    let p = parse(&md);
    assert_eq!(p.headings[0], (1, "wxacct deactivate — flags".to_string()));
    let unknown_heading = format!(
        "Unknown: {} blockers need a fact; answer with",
        count(&json_of(MONEY), "blocker", "unknown")
    );
    let h2: Vec<&str> = p
        .headings
        .iter()
        .filter(|h| h.0 == 2)
        .map(|h| h.1.as_str())
        .collect();
    for h in [
        "Plan",
        "To clear",
        unknown_heading.as_str(),
        "Where the sources disagree (wxacct explain ID shows each in full)",
    ] {
        assert!(h2.contains(&h), "{h}: {h2:?}");
    }
    // Emphasis reads as emphasis: no stray markers, none around spaces.
    for s in [
        "blocked",
        "4 to clear",
        "Next:",
        "on 2026-11-26",
        "Sources:",
    ] {
        assert!(p.strong.iter().any(|x| x == s), "{s}: {:?}", p.strong);
    }
    assert!(p.strong.iter().all(|s| s.trim() == s), "{:?}", p.strong);
    assert!(
        p.text.iter().all(|t| !t.contains('*') && !t.contains('\\')),
        "{:?}",
        p.text
    );
    for c in [
        "wallet.balance",
        "--legal-hold=true|false",
        "bank-card-menu",
        "S1§1",
    ] {
        assert!(p.code.iter().any(|x| x == c), "{c}: {:?}", p.code);
    }
    assert!(p.items >= 5 + 4 + 9 + 6, "{}", p.items);
    assert_eq!(p.html, 0);

    let zh = parse(&report(&owned(MONEY), "zh", 80, &["--format", "markdown"]));
    assert!(zh.strong.iter().any(|s| s == "受阻"), "{:?}", zh.strong);
    assert!(
        zh.headings.iter().any(|h| h.1 == "计划"),
        "{:?}",
        zh.headings
    );

    // Many profiles: a table whose cells hold what the rows say.
    let md = report(
        &owned(&["deactivate", "--state", &example("")]),
        "en",
        80,
        &["--format", "markdown"],
    );
    let p = parse(&md);
    assert_eq!(
        p.rows[0],
        ["Profile", "Verdict", "Ready on", "Failed", "Unknown"]
    );
    assert_eq!(p.rows.len(), 8, "{:?}", p.rows);
    let row = |id: &str| p.rows.iter().find(|r| r[0] == id).unwrap().clone();
    assert_eq!(
        row("ready-android"),
        ["ready-android", "ready", "2026-11-23", "", ""]
    );
    assert_eq!(
        row("wallet-blocked")[3],
        "devices.logged-in, wallet.auto-deductions, wallet.balance, wallet.bank-cards, wallet.licaitong, wallet.pay-score"
    );
    assert_eq!(row("legal-hold")[2], "—");
    assert!(
        p.strong.iter().any(|s| s == "7 profiles:"),
        "{:?}",
        p.strong
    );
}

#[test]
fn markdown_keeps_labels_literal() {
    let evil =
        "{\"id\":\"*p*\",\"groups_owned\":[{\"name\":\"red | *bold* <b>&amp; [x](y) \\n# h\"}]}";
    let md = run_stdin(
        &[
            "deactivate",
            "--format",
            "markdown",
            "--start",
            START,
            "--state",
            "-",
        ],
        evil,
    )
    .stdout;
    let p = parse(&md);
    assert_eq!(p.html, 0, "{md}");
    assert!(p.headings[0].1.ends_with("(*p*)"), "{:?}", p.headings);
    let all = p.text.concat();
    // The line break is shown as `\n` (render::doc::neutralise), not started.
    assert!(all.contains(r"red | *bold* <b>&amp; [x](y) \n# h"), "{all}");
    assert!(
        p.emphasis.iter().all(|e| !e.contains("bold")),
        "{:?}",
        p.emphasis
    );
}

#[test]
fn user_text_cannot_start_a_line_or_move_the_cursor() {
    let evil =
        "{\"id\":\"p\\nFAKE: ready\",\"groups_owned\":[{\"name\":\"x\\n\\u001b[2JINJECTED\"}]}";
    for extra in [&[][..], &["-v"]] {
        let o = run_stdin(
            &[
                &[
                    "deactivate",
                    "--start",
                    START,
                    "--state",
                    "-",
                    "--color",
                    "always",
                ][..],
                extra,
            ]
            .concat(),
            evil,
        );
        assert!(!o.stdout.contains("\u{1b}[2J"), "{}", o.stdout);
        // Wrapped text continues indented: nothing of the label starts a line of its own.
        for line in o.stdout.lines() {
            let plain = strip_ansi(line);
            assert!(
                !plain.starts_with("FAKE") && !plain.starts_with('␛'),
                "{plain}"
            );
        }
        assert!(o.stdout.contains("FAKE: ready"), "{}", o.stdout);
    }
}

/// A value for a placeholder in a hint, to try the hint out.
fn fill(hint: &str) -> Vec<String> {
    let words: Vec<&str> = hint.split(' ').collect();
    let value = |v: &str| match v {
        "true|false" => "false".to_string(),
        "N" | "CNY" => "0".to_string(),
        "DATE" | "KIND,..." => "none".to_string(),
        "YYYY-MM-DD" => "2026-01-01".to_string(),
        "[…]" => "[]".to_string(),
        v if v.contains('|') => v.split('|').next().unwrap().to_string(),
        v => v.to_string(),
    };
    match words[..] {
        ["--set", assignment] => {
            let (field, v) = assignment.split_once('=').unwrap();
            vec!["--set".into(), format!("{field}={}", value(v))]
        }
        [flag, v] => vec![flag.to_string(), value(v)],
        [flag] => {
            let (flag, v) = flag.split_once('=').unwrap();
            vec![format!("{flag}={}", value(v))]
        }
        _ => panic!("hint {hint}"),
    }
}

#[test]
fn each_hint_answers_its_unknown() {
    for sub in ["deactivate", "realname", "unbind-qq", "troubleshoot"] {
        let base: Vec<&str> = match sub {
            "unbind-qq" => vec![sub, "--set", "account.qq_bound=true"],
            _ => vec![sub],
        };
        let (empty, _) = task_json(sub, &base[1..]);
        for c in empty["checks"].as_array().unwrap() {
            if c["status"] != "unknown" {
                continue;
            }
            let id = c["id"].as_str().unwrap();
            for field in c["missing"].as_array().unwrap() {
                let field = field.as_str().unwrap();
                let hint = wxacct::render::hint::hint(field);
                assert!(
                    hint.contains(field)
                        || wxacct::knowledge::fields::Catalogue::get()
                            .field(field)
                            .is_some_and(|f| f.flag.is_some()),
                    "{field}: {hint}"
                );
                let mut args: Vec<String> = base[1..].iter().map(|s| s.to_string()).collect();
                args.extend(fill(&hint));
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let (after, code) = task_json(sub, &args);
                assert_ne!(code, 2, "{sub} {hint}: {after}");
                // The check is answered (or, with the fact known, no longer asked).
                let still = after["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c["id"] == id)
                    .and_then(|c| c["missing"].as_array())
                    .is_some_and(|m| m.iter().any(|f| f == field));
                assert!(!still, "{sub} {id}: `{hint}` does not answer {field}");
            }
        }
    }
}

#[test]
fn every_subcommand_has_its_compact_parts_and_verbose_prints_everything() {
    let [deactivate, realname, unbind, troubleshoot, _] =
        &cases().into_iter().map(|(_, a)| a).collect::<Vec<_>>()[..]
    else {
        panic!()
    };
    let json = json_of(MONEY);
    let text = report(deactivate, "en", 100, &[]);
    assert!(text.contains("In-app procedure: Me › Settings › Account & Security › WeChat Security Center › Delete account ⚠"), "{text}");
    assert!(
        text.contains("\nAfter submission (submitted on 2026-11-26)\n  2026-11-26  "),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "\nMore with -v: Checks ({}), In-app steps ({}), Notes ({})\n",
            json["checks"].as_array().unwrap().len(),
            json["procedure"]["steps"].as_array().unwrap().len(),
            json["notes"].as_array().unwrap().len()
        )),
        "{text}"
    );
    let full = report(deactivate, "en", 100, &["-v"]);
    for s in [
        "Read and confirm the three risk prompts.",
        "over 68% of failed deletions",
        "• 14 days (login on the same device recovers it) S1§8",
        "wxacct follows this",
        "https://help.wechat.com/",
        "S1  WeChat account deletion guide (Luyoutong) (third-party guide, 2025-06-01)",
        "not affiliated with Tencent, and never contacts any service",
        "day 60",
    ] {
        assert!(full.contains(s), "{s}:\n{full}");
    }
    assert!(!full.contains("More with -v"), "{full}");

    let text = report(realname, "en", 100, &[]);
    for s in [
        "Goal: Move the real name to another person (replace)",
        "Recommended: Replace the real-name holder (replace-subject)",
        "  replace-subject     Replace the real-name holder — recommended",
        "What to bring",
    ] {
        assert!(text.contains(s), "{s}:\n{text}");
    }
    let text = report(unbind, "en", 100, &[]);
    for s in [
        "Where to unbind\n  web  WeChat web › Settings › Account security › Bind QQ number",
        "Verification (linked to Enterprise WeChat)",
        "  affected      Login ⚠2, Payment security",
        "Privacy leak high",
        "Alternatives: Bind a phone number",
        "qq-stolen",
    ] {
        assert!(text.contains(s), "{s}:\n{text}");
    }
    let text = report(troubleshoot, "en", 100, &[]);
    assert!(
        text.contains("  likely   device-online Another device is still logged in"),
        "{text}"
    );
    assert!(text.contains("  unknown  payment-bound 68% "), "{text}");
    assert!(text.find("Possible causes").unwrap() < text.find("Next: ").unwrap());
}

// The wrapping rules, through the library.

fn texts(line: &Line, w: usize) -> Vec<String> {
    wrap(line, w, w).iter().map(Wrapped::text).collect()
}

#[test]
fn words_ids_and_menu_segments_stay_whole() {
    let line = Line::of([
        Span::plain("Unbind it under "),
        Span::menu("Wallet › Bank cards"),
        Span::plain(" before "),
        Span::code("account.legal-hold", Tone::Plain),
        Span::plain(" re-binding recoverable"),
    ]);
    // Down to the widest unbreakable piece, `account.legal-hold`.
    for w in 18..60 {
        for l in texts(&line, w) {
            assert!(l.width() <= w, "{w}: {l:?}");
            for broken in ["Bank", "legal-", "re-", "recover"] {
                assert!(!l.ends_with(broken), "{w}: broken after {broken}: {l:?}");
            }
        }
    }
    assert_eq!(
        texts(&line, 24),
        [
            "Unbind it under Wallet ›",
            "Bank cards before",
            "account.legal-hold",
            "re-binding recoverable"
        ]
    );
}

#[test]
fn chinese_breaks_between_characters_and_not_before_punctuation() {
    let line = Line::of([Span::plain("先把零钱全部提现到银行卡。然后解绑")]);
    assert_eq!(
        texts(&line, 10),
        ["先把零钱全", "部提现到银", "行卡。然后", "解绑"]
    );
    // The full stop never starts a line: the character before it moves down with it.
    let line = Line::of([Span::plain("零钱全部提现到银行卡。")]);
    assert_eq!(texts(&line, 10), ["零钱全部提", "现到银行", "卡。"]);
    // An id inside Chinese text stays whole.
    let line = Line::of([
        Span::plain("先处理"),
        Span::code("wallet.bank-cards", Tone::Plain),
        Span::plain("再提交"),
    ]);
    assert_eq!(texts(&line, 12), ["先处理", "wallet.bank-cards", "再提交"]);
}

#[test]
fn long_free_text_is_cut_but_ids_are_not() {
    let line = Line::of([
        Span::user("aaaaaaaaaaaaaaaaaaaa", Tone::Plain),
        Span::plain(" "),
        Span::code("account.recent-security-change", Tone::Plain),
    ]);
    assert_eq!(
        texts(&line, 8),
        [
            "aaaaaaaa",
            "aaaaaaaa",
            "aaaa",
            "account.recent-security-change"
        ]
    );
    // A user's file name breaks after a slash or a hyphen first.
    let line = Line::from(Span::user("data/examples/frozen-account.json", Tone::Plain));
    assert_eq!(
        texts(&line, 16),
        ["data/examples/", "frozen-", "account.json"]
    );
    // A profile's id breaks only when it is longer than the line, then after a hyphen.
    let line = Line::of([
        Span::plain("profile "),
        Span::name("frozen-account", Tone::Plain),
    ]);
    assert_eq!(texts(&line, 16), ["profile", "frozen-account"]);
    assert_eq!(texts(&line, 10), ["profile", "frozen-", "account"]);
    let line = Line::from(Span::name("aaaaaaaaaaaa-b", Tone::Plain));
    assert_eq!(texts(&line, 8), ["aaaaaaaa", "aaaa-b"]);
}

#[test]
fn control_characters_cannot_start_a_line() {
    let line = Line::of([Span::user("evil\nname\u{1b}[2J\u{2028}x", Tone::Plain)]);
    let lines = texts(&line, 80);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(!lines[0].contains(ESC), "{lines:?}");
}

/// A `--set FIELD=VALUE` hint wider than the line breaks after its `=`, never inside the field
/// path; one that fits stays on one line.
#[test]
fn a_set_hint_wider_than_the_line_breaks_after_its_equals_sign() {
    let args = owned(&["realname", "--goal", "remove", "--cards", "overseas"]);
    let narrow = report(&args, "en", 60, &["-v"]);
    let lines: Vec<&str> = narrow.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.trim_end()
                .ends_with("--set wallet.bank_cards[].cross_border_agreement=")
        })
        .unwrap_or_else(|| panic!("no hint cut after its `=`:\n{narrow}"));
    assert!(
        lines[at + 1].trim_start().starts_with("true|false"),
        "{narrow}"
    );
    let wide = report(&args, "en", 100, &["-v"]);
    assert!(
        wide.contains("--set wallet.bank_cards[].cross_border_agreement=true|false"),
        "{wide}"
    );
}
