//! `wxacct explain`: every text form (the listing and each kind of record) laid out like the
//! reports, within the width in both languages, ids whole, worded with the labels of
//! `data/explain_ui.json`; the JSON unchanged in shape; an unknown id a one-line error.

mod common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use unicode_width::UnicodeWidthStr;
use wxacct::explain::{self, Entry, Words};
use wxacct::knowledge::Knowledge;
use wxacct::lang::Lang;
use wxacct::render::layout::Layout;

const WIDTHS: [usize; 3] = [60, 80, 120];
const ESC: char = '\u{1b}';

/// `wxacct explain ARGS --lang LANG` at `cols` columns.
fn explain(args: &[&str], lang: &str, cols: usize) -> Out {
    wx().env("COLUMNS", cols.to_string())
        .arg("explain")
        .args(args)
        .args(["--lang", lang])
        .output()
        .expect("run")
        .into()
}

fn langs() -> [(Lang, &'static str); 2] {
    [(Lang::En, "en"), (Lang::Zh, "zh")]
}

/// Every record and state field, in the order of the listing.
fn all(lang: Lang) -> Vec<Entry> {
    explain::select(Knowledge::get(), lang, None).expect("every record")
}

/// The first record of every kind, by kind.
fn one_of_each_kind() -> BTreeMap<&'static str, String> {
    let mut first = BTreeMap::new();
    for e in all(Lang::En) {
        first.entry(e.kind).or_insert(e.id);
    }
    first
}

/// Every id `explain` knows, and the field paths.
fn ids() -> BTreeSet<String> {
    all(Lang::En).into_iter().map(|e| e.id).collect()
}

/// Asserts that every line of `text` fits `cols` columns and that no id is broken across two
/// lines.
fn fits(text: &str, cols: usize, ids: &BTreeSet<String>, what: &str) {
    assert!(!text.trim().is_empty(), "{what}: nothing printed");
    let lines: Vec<&str> = text.lines().collect();
    for line in &lines {
        assert!(
            line.width() <= cols,
            "{what} at {cols}: {} columns:\n{line}",
            line.width()
        );
    }
    for pair in lines.windows(2) {
        for id in ids {
            assert!(
                !split_between(pair[0], pair[1], id),
                "{what} at {cols}: `{id}` broken:\n{}\n{}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn the_listing_fits_every_width_in_both_languages_with_every_id_whole() {
    let ids = ids();
    assert!(ids.len() > 300, "{}", ids.len());
    for (_, lang) in langs() {
        for cols in WIDTHS {
            let o = explain(&[], lang, cols);
            assert_eq!(o.code, 0, "{}", o.stderr);
            fits(&o.stdout, cols, &ids, &format!("explain --lang {lang}"));
            for id in &ids {
                assert!(
                    o.stdout.lines().any(|l| has_token(l, id)),
                    "{lang} {cols}: `{id}` is not on a line whole"
                );
            }
        }
    }
}

#[test]
fn one_record_of_every_kind_fits_every_width_in_both_languages() {
    let ids = ids();
    let kinds = one_of_each_kind();
    assert_eq!(kinds.len(), 24, "{kinds:?}");
    for (kind, id) in &kinds {
        for (_, lang) in langs() {
            for cols in WIDTHS {
                let o = explain(&[id], lang, cols);
                assert_eq!(o.code, 0, "{kind} {id}: {}", o.stderr);
                fits(
                    &o.stdout,
                    cols,
                    &ids,
                    &format!("explain {id} --lang {lang}"),
                );
                let first = o.stdout.lines().next().unwrap_or_default();
                assert!(
                    first.ends_with(&format!("  {id}")),
                    "{id} {lang}: the first line names the record whole: {first}"
                );
            }
        }
    }
}

#[test]
fn every_record_fits_every_width_in_both_languages() {
    let ids = ids();
    let kb = Knowledge::get();
    for (lang, name) in langs() {
        let w = Words::new(kb, lang);
        let records = all(lang);
        for e in &records {
            for width in WIDTHS {
                let layout = Layout {
                    width,
                    color: false,
                };
                let text = explain::render(&w, std::slice::from_ref(e), false, layout);
                fits(&text, width, &ids, &format!("{} {} {name}", e.kind, e.id));
            }
        }
    }
}

#[test]
fn menu_paths_break_only_between_their_steps() {
    // Each step of a menu path is on one line, whatever the width; a remark in brackets after
    // the last step wraps like prose.
    for (lang, name) in langs() {
        for id in [
            "qq-path.ios",
            "cancel-pay",
            "unbind-card",
            "complete-realname",
        ] {
            let record = explain::select(Knowledge::get(), lang, Some(id)).expect("a record");
            let path = record[0].full["path"].as_str().expect("a path").to_string();
            for cols in WIDTHS {
                let out = explain(&[id], name, cols).stdout;
                let last = path.rsplit('›').next().unwrap_or_default();
                let remark = last
                    .find(['(', '（'])
                    .filter(|_| path.ends_with([')', '）']));
                let path = remark.map_or(&path[..], |at| &path[..path.len() - last.len() + at]);
                for step in path.split('›').map(str::trim) {
                    assert!(
                        out.lines().any(|l| l.contains(step)),
                        "{id} {name} at {cols}: `{step}` broken:\n{out}"
                    );
                }
            }
        }
    }
}

/// The words of explain (`data/explain_ui.json`).
fn ui() -> Value {
    let path = format!("{}/data/explain_ui.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A text of the explain section in one language (the `one` form of a counted one).
fn word<'a>(v: &'a Value, lang: &str) -> &'a str {
    v[lang]
        .as_str()
        .or_else(|| v[lang]["one"].as_str())
        .unwrap_or_default()
}

#[test]
fn every_kind_has_a_name_and_every_label_both_languages() {
    let ui = ui();
    for (kind, _) in one_of_each_kind() {
        let name = &ui["kinds"][kind];
        assert!(
            !word(name, "en").is_empty() && !word(name, "zh").is_empty(),
            "kind {kind} has no name in data/explain_ui.json"
        );
    }
}

#[test]
fn chinese_labels_and_no_english_ones_with_lang_zh() {
    let ui = ui();
    let labels = ui.as_object().unwrap();
    // The English labels, as they stand in the label column or as a heading.
    let english: Vec<&str> = labels
        .iter()
        .filter(|(k, _)| *k != "kinds")
        .map(|(_, v)| word(v, "en"))
        .chain(
            ui["kinds"]
                .as_object()
                .unwrap()
                .values()
                .flat_map(|v| [word(v, "en"), v["en"]["other"].as_str().unwrap_or("")]),
        )
        .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .collect();
    assert!(english.len() > 60, "{}", english.len());
    for (kind, id) in one_of_each_kind() {
        let zh = explain(&[&id], "zh", 100).stdout;
        let name = word(&ui["kinds"][kind], "zh");
        assert!(
            zh.starts_with(&format!("{name}  {id}\n")),
            "{kind}: the zh kind name first:\n{zh}"
        );
        for label in &english {
            for line in zh.lines() {
                assert!(
                    !line.starts_with(label) && !line.starts_with(&format!("  {label}  ")),
                    "{kind} {id}: English label `{label}` with --lang zh:\n{zh}"
                );
            }
        }
    }
    // The labels of a check, in Chinese.
    let zh = explain(&["wallet.licaitong"], "zh", 100).stdout;
    for label in [
        "severity",
        "tasks",
        "fails_when",
        "detail",
        "remedy",
        "cleared_by",
        "self_service",
    ] {
        let text = word(&ui[label], "zh");
        assert!(
            zh.contains(&format!("\n  {text}  ")),
            "{label} `{text}`:\n{zh}"
        );
    }
    assert!(zh.contains("\n来源之间的分歧\n"), "{zh}");
    assert!(zh.contains("\n来源\n"), "{zh}");
    assert!(zh.contains("阻断项：不处理就无法办理"), "{zh}");
    assert!(
        zh.contains("（第三方指南）") || zh.contains("第三方指南"),
        "{zh}"
    );
    // And of the listing.
    let list = explain(&[], "zh", 100).stdout;
    assert!(list.contains("\n检查项（41）\n"), "{list}");
    assert!(list.contains("\n状态字段（64）\n"), "{list}");
    assert!(!list.contains("Checks"), "{list}");
}

#[test]
fn no_internal_keys_in_the_text() {
    let raw = [
        "fails_when",
        "severity_when",
        "self_service",
        "official_vs_guides",
        "per_item",
        "shown_with",
        "carried_by",
        "blocked_by",
        "clears_realname",
        "impact_rank",
        "first: true",
        "first: false",
        "provisional: false",
        "provisional: true",
        "{\"any\"",
        "{\"gt\"",
        "days(",
        "card_schedule",
        "unstated",
    ];
    let kb = Knowledge::get();
    for (lang, name) in langs() {
        let w = Words::new(kb, lang);
        for e in all(lang) {
            let layout = Layout {
                width: 100,
                color: false,
            };
            let text = explain::render(&w, std::slice::from_ref(&e), false, layout);
            for key in raw {
                assert!(
                    !text.contains(key),
                    "{} {} {name}: `{key}` in the text:\n{text}",
                    e.kind,
                    e.id
                );
            }
        }
    }
}

#[test]
fn conditions_read_as_words() {
    let o = explain(&["wallet.balance"], "en", 100);
    assert!(
        o.stdout
            .contains("\n  Fails when    wallet.balance_cny > 0\n"),
        "{}",
        o.stdout
    );
    // any of / all of over their parts, one a line.
    let o = explain(&["wallet.licaitong"], "en", 100);
    assert!(
        o.stdout.contains(
            "  Fails when    any of:
                • wallet.licaitong_cny > 0
                • wallet.licaitong_locked_until is later than the start day
"
        ),
        "{}",
        o.stdout
    );
    let o = explain(&["wallet.licaitong"], "zh", 100);
    assert!(
        o.stdout.contains(
            "  未通过条件  以下任一项：
              • wallet.licaitong_cny > 0
              • wallet.licaitong_locked_until 晚于开始日期
"
        ),
        "{}",
        o.stdout
    );
    // An item of a list, a check that fails, and the opposite of a clause.
    let o = explain(&["web-online"], "en", 100);
    assert!(
        o.stdout.contains(
            "  Likely when     all of:
                  • check devices.logged-in fails
                  • devices has an item where:
                    • devices[].kind = web
                    • devices[].logged_in = true
  Ruled out when  devices has no item where:
                  • devices[].kind = web
                  • devices[].logged_in = true
"
        ),
        "{}",
        o.stdout
    );
    let o = explain(&["legal-hold"], "en", 100);
    assert!(
        o.stdout
            .contains("\n  Ruled out when  check account.legal-hold passes\n"),
        "{}",
        o.stdout
    );
    let o = explain(&["account.status"], "en", 100);
    assert!(
        o.stdout
            .contains("\n  Fails when    account.status ≠ normal\n"),
        "{}",
        o.stdout
    );
}

#[test]
fn an_action_says_what_it_waits_for_how_long_it_takes_and_where() {
    let o = explain(&["redeem-licaitong"], "en", 100);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout.starts_with("Plan step  redeem-licaitong\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains(
            "\n  Takes      3 business days, from the business day after wallet.licaitong_locked_until
  Waits for  appeal
  Clears     wallet.licaitong
"
        ),
        "{}",
        o.stdout
    );
    let o = explain(&["appeal"], "en", 100);
    assert!(
        o.stdout
            .contains("\n  Takes             3–7 business days\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("\n  Order             before every other step\n"),
        "{}",
        o.stdout
    );
    let o = explain(&["wait-security-change"], "zh", 100);
    assert!(
        o.stdout
            .contains("直到 account.days_since_security_change 达到 14"),
        "{}",
        o.stdout
    );
}

#[test]
fn a_conflict_shows_its_values_side_by_side_and_the_one_wxacct_follows() {
    let o = explain(&["mandatory-conditions-count"], "en", 100);
    assert_eq!(
        o.stdout.lines().take(6).collect::<Vec<_>>(),
        [
            "Disagreement  mandatory-conditions-count",
            "How many conditions must be met before deletion",
            "",
            "  What each source says  • 7 mandatory conditions (the text itself lists fewer) S1§1",
            "                         • 4 conditions O1§F2 ✓ wxacct follows this",
            "  What wxacct does       wxacct follows the official four conditions (O1, 2017 wording) and also",
        ],
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("\n  Between                third-party guide, quoted official\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains(
            "\n  Shown with             Note conditions-count\n                         Note official-conditions\n"
        ),
        "{}",
        o.stdout
    );
    // Sources with their kinds.
    assert!(
        o.stdout.contains(
            "\nSources\n  S1§1   WeChat account deletion guide (Luyoutong) · third-party guide\n"
        ),
        "{}",
        o.stdout
    );
}

#[test]
fn a_fact_names_the_records_that_cite_it() {
    let o = explain(&["F5"], "en", 100);
    assert_eq!(
        o.stdout,
        "Fact  F5
One reason given for “unable to cancel”: the request must be made on a device that is often used to
  log in to the account.

  Cited by  Check account.frequent-device
            Plan step use-frequent-device

Sources
  O6  WeChat Help Center account-cancellation notes as translated or quoted by third parties (60-day
      undo, freezing, frequently used device) · quoted official
"
    );
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| -> String {
        let mut c = wx();
        for (k, v) in env {
            c.env(k, v);
        }
        let o: Out = c.arg("explain").args(args).output().expect("run").into();
        assert_eq!(o.code, 0, "{}", o.stderr);
        o.stdout
    };
    let id = ["wallet.licaitong"];
    assert!(!run(&id, &[]).contains(ESC), "a pipe gets no colour");
    let always = run(&["wallet.licaitong", "--color", "always"], &[]);
    assert!(always.contains(ESC), "--color always");
    assert!(
        always.contains("\u{1b}[31m"),
        "a blocker is red: {always:?}"
    );
    assert!(run(&[], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!run(&id, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(ESC));
    assert!(!run(
        &["wallet.licaitong", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    )
    .contains(ESC));
    assert!(!run(&id, &[("TERM", "dumb")]).contains(ESC));
    // Colour changes nothing but the colour.
    let plain: String = always
        .split(ESC)
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('m').map_or(part, |(_, rest)| rest)
            }
        })
        .collect();
    assert_eq!(plain, run(&id, &[]));
}

#[test]
fn an_unknown_id_is_one_line_with_a_suggestion() {
    let o = explain(&["wallet.balanse"], "en", 80);
    assert_eq!(o.code, 2);
    assert_eq!(o.stdout, "");
    assert_eq!(
        o.stderr,
        "wxacct: no record with id `wallet.balanse`; did you mean `wallet.balance`?\n"
    );
    let o = explain(&["wallet.balanse", "--json"], "zh", 80);
    assert_eq!(o.code, 2);
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert!(o.stderr.contains("`wallet.balance`"), "{}", o.stderr);
    let o = explain(&["nothing-like-this-at-all"], "en", 80);
    assert_eq!(o.code, 2);
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
}

#[test]
fn the_json_keeps_its_shape() {
    // The keys of each kind of record, as before the text was redesigned.
    let expected: BTreeMap<&str, &[&str]> = BTreeMap::from([
        (
            "source",
            &[
                "facts",
                "file",
                "id",
                "kind",
                "published",
                "sections",
                "tested_on",
                "title",
                "urls",
            ][..],
        ),
        ("fact", &["carried_by", "id", "kinds", "sources", "text"]),
        (
            "check",
            &[
                "action",
                "alternative",
                "conflicts",
                "detail",
                "fails_when",
                "id",
                "remedy",
                "self_service",
                "severity",
                "severity_when",
                "sources",
                "tasks",
                "title",
            ],
        ),
        (
            "action",
            &[
                "after",
                "conflicts",
                "duration",
                "first",
                "id",
                "path",
                "per_item",
                "provisional",
                "sources",
                "title",
            ],
        ),
        (
            "card-limit",
            &["condition", "kind", "per_period", "period_days", "sources"],
        ),
        (
            "event",
            &["after", "after_when", "conflicts", "id", "sources", "title"],
        ),
        (
            "conflict",
            &[
                "id",
                "official_vs_guides",
                "resolution",
                "shown_with",
                "subject",
                "values",
            ],
        ),
        (
            "cause",
            &[
                "checks",
                "conflicts",
                "id",
                "likely_when",
                "remedy",
                "ruled_out_when",
                "share_percent",
                "sources",
                "symptom",
                "title",
            ],
        ),
        (
            "method",
            &[
                "achieves",
                "applicable",
                "blocked_by",
                "blocked_by_task",
                "clears_realname",
                "conflicts",
                "data",
                "duration",
                "function_impact",
                "id",
                "impact_rank",
                "path",
                "path_sources",
                "recoverable",
                "recovery",
                "requirements",
                "sources",
                "title",
                "work",
            ],
        ),
    ]);
    let all = run(&["explain", "--json"]).json();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), self::all(Lang::En).len());
    for (kind, keys) in expected {
        let records: Vec<&Value> = all.iter().filter(|r| r["kind"] == kind).collect();
        assert!(!records.is_empty(), "{kind}");
        for r in records {
            let have: Vec<&str> = r["record"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(have, keys, "{kind}: {r}");
        }
    }
    let one = run(&["explain", "wallet.balance", "--json"]).json();
    assert_eq!(one["kind"], "check");
    assert_eq!(
        one["record"]["fails_when"],
        serde_json::json!({ "gt": ["wallet.balance_cny", 0] })
    );
}
