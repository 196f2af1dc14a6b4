//! `--format ics`: read back with an iCalendar parser, every event dated as in the JSON result;
//! CRLF lines folded at 75 octets, text escaped, output and UIDs stable.

mod common;
use common::*;

use std::collections::BTreeSet;

use icalendar::parser::{read_calendar, unfold, Component};
use serde_json::Value;

const START: &str = "2026-11-23";

fn compact(date: &str) -> String {
    date.replace('-', "")
}

fn next_day(date: &str) -> String {
    let d: jiff::civil::Date = date.parse().unwrap();
    d.tomorrow().unwrap().strftime("%Y%m%d").to_string()
}

fn prop(event: &Component, name: &str) -> String {
    event
        .find_prop(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .val
        .as_str()
        .to_string()
}

/// The calendar and the JSON result of one profile.
fn both(args: &[&str]) -> (String, Value) {
    let ics = run(&[args, &["--start", START, "--format", "ics"][..]].concat());
    assert_eq!(ics.stderr, "", "{args:?}");
    let json = run(&[args, &["--start", START, "--json"][..]].concat()).json();
    (ics.stdout, json)
}

/// Every event of the calendar matches a plan step or a timeline event of the result.
fn assert_matches(ics: &str, result: &Value) -> usize {
    for line in ics.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF: {line:?}");
        assert!(line.len() - 2 <= 75, "{} octets: {line:?}", line.len() - 2);
    }
    let unfolded = unfold(ics);
    let cal = read_calendar(&unfolded).unwrap();
    let events: Vec<&Component> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    let plan = result["plan"].as_array().unwrap();
    let timeline: Vec<&Value> = result["timeline"]
        .as_array()
        .map(|t| t.iter().filter(|e| !e["on"].is_null()).collect())
        .unwrap_or_default();
    assert_eq!(events.len(), plan.len() + timeline.len());
    let mut uids = BTreeSet::new();
    for (event, step) in events.iter().zip(plan) {
        assert_eq!(
            prop(event, "DTSTART"),
            compact(step["start"].as_str().unwrap())
        );
        assert_eq!(
            prop(event, "DTEND"),
            next_day(step["done"]["latest"].as_str().unwrap())
        );
        assert_eq!(
            event
                .find_prop("SUMMARY")
                .unwrap()
                .val
                .clone()
                .unescape_text()
                .as_str(),
            step["title"].as_str().unwrap()
        );
        let description = prop(event, "DESCRIPTION");
        for s in step["sources"].as_array().unwrap() {
            assert!(description.contains(s.as_str().unwrap()), "{description}");
        }
        if let Some(path) = step["path"].as_str() {
            let path = path.replace(',', "\\,").replace(';', "\\;");
            assert!(description.contains(&path), "{description}");
        }
        assert!(uids.insert(prop(event, "UID")));
    }
    for (event, e) in events[plan.len()..].iter().zip(&timeline) {
        assert_eq!(prop(event, "DTSTART"), compact(e["on"].as_str().unwrap()));
        assert_eq!(prop(event, "DTEND"), next_day(e["on"].as_str().unwrap()));
        assert_eq!(prop(event, "SUMMARY"), e["title"].as_str().unwrap());
        assert!(uids.insert(prop(event, "UID")));
    }
    for event in &events {
        assert_eq!(prop(event, "DTSTAMP"), "20261123T000000Z");
        let start = event.find_prop("DTSTART").unwrap();
        assert!(start.params.iter().any(
            |p| p.key.as_str() == "VALUE" && p.val.as_ref().map(|v| v.as_str()) == Some("DATE")
        ));
    }
    events.len()
}

#[test]
fn every_event_is_dated_as_in_the_json_result() {
    let mut total = 0;
    for ex in [
        "wallet-blocked.json",
        "many-cards.json",
        "teen-mode.json",
        "frozen-account.json",
    ] {
        for task in ["deactivate", "realname"] {
            for lang in ["en", "zh"] {
                let (ics, json) = both(&[task, "--lang", lang, "--state", &example(ex)]);
                total += assert_matches(&ics, &json);
            }
        }
    }
    let (ics, json) = both(&["troubleshoot", "--licaitong", "5"]);
    total += assert_matches(&ics, &json);
    assert!(total > 80, "{total} events");
}

#[test]
fn uids_are_stable_and_the_output_deterministic() {
    let args = [
        "deactivate",
        "--state",
        &example("many-cards.json"),
        "--format",
        "ics",
    ];
    let a = run(&[&args[..], &["--start", START]].concat()).stdout;
    assert_eq!(a, run(&[&args[..], &["--start", START]].concat()).stdout);
    let b = run(&[&args[..], &["--start", "2027-01-04"]].concat()).stdout;
    let uids = |s: &str| -> BTreeSet<String> {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    assert_eq!(uids(&a), uids(&b), "UIDs do not depend on the dates");
    assert!(uids(&a).contains("UID:deactivate.unbind-card.2.many-cards@wxacct"));
    assert!(b.contains("DTSTAMP:20270104T000000Z\r\n"));
}

#[test]
fn text_is_escaped_and_long_lines_folded_inside_no_character() {
    let label = "Visa, HK; card \\ two\nsecond line";
    let cards = format!(
        "wallet.bank_cards=[{{\"kind\":\"overseas\",\"label\":{}}}]",
        serde_json::to_string(label).unwrap()
    );
    let (ics, json) = both(&["deactivate", "--lang", "zh", "--set", &cards]);
    assert_matches(&ics, &json);
    assert!(
        ics.contains("Visa\\, HK\\; card \\\\ two\\nsecond line"),
        "{ics}"
    );
    // Folded lines end before a multi-byte character, never inside it.
    let folded: Vec<&str> = ics.split("\r\n").filter(|l| l.starts_with(' ')).collect();
    assert!(!folded.is_empty());
    assert!(ics.split("\r\n").any(|l| l.len() == 75 || l.len() > 72));
}

#[test]
fn several_profiles_are_a_usage_error() {
    let o = run(&[
        "deactivate",
        "--state",
        &example("ready.json"),
        "--state",
        &example("teen-mode.json"),
        "--format",
        "ics",
    ]);
    assert_eq!(o.code, 2);
    assert_eq!(o.stdout, "");
    assert_eq!(
        o.stderr,
        "wxacct: --format ics writes the calendar of one profile, and this input can hold several (an array, JSON lines, a directory or more than one --state); give one profile object\n"
    );
    let o = run(&["deactivate", "--state", "data/examples", "--format", "ics"]);
    assert_eq!(o.code, 2);
}
