//! Many profiles at once: input shapes, source labels, order, errors, exit codes, formats.

mod common;
use common::*;
use serde_json::Value;

fn sources(o: &Out) -> Vec<String> {
    o.lines()
        .iter()
        .map(|l| l["source"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn mixed_inputs_keep_their_order_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("one.json"), r#"{"id":"obj"}"#).unwrap();
    std::fs::write(d.join("arr.json"), "[{\"id\":\"a0\"},\n {\"id\":\"a1\"}]").unwrap();
    std::fs::write(
        d.join("lines.jsonl"),
        "{\"id\":\"l1\"}\n\n{\"id\":\"l3\"}\n",
    )
    .unwrap();
    let sub = d.join("dir");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("b.ndjson"), "{\"id\":\"b1\"}\n").unwrap();
    std::fs::write(sub.join("a.json"), r#"{"id":"da"}"#).unwrap();
    std::fs::write(sub.join("notes.txt"), "not a profile").unwrap();
    let p = |n: &str| d.join(n).display().to_string();
    let o = run_stdin(
        &[
            "deactivate",
            "--format",
            "jsonl",
            "--start",
            "2026-11-23",
            "--fail-on",
            "never",
            "--state",
            &p("one.json"),
            "--state",
            &p("arr.json"),
            "--state",
            &p("lines.jsonl"),
            "--state",
            &p("dir"),
            "--state",
            "-",
        ],
        "{\"id\":\"s1\"}\n{\"id\":\"s2\"}\n",
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let want = [
        p("one.json"),
        format!("{}#0", p("arr.json")),
        format!("{}#1", p("arr.json")),
        format!("{}:1", p("lines.jsonl")),
        format!("{}:3", p("lines.jsonl")),
        format!("{}/a.json", p("dir")),
        format!("{}/b.ndjson:1", p("dir")),
        "-:1".to_string(),
        "-:2".to_string(),
    ];
    assert_eq!(sources(&o), want);
    let ids: Vec<String> = o
        .lines()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["obj", "a0", "a1", "l1", "l3", "da", "b1", "s1", "s2"]);
}

#[test]
fn a_bad_line_is_an_error_result_and_the_rest_still_run() {
    let input = "{\"id\":\"a\",\"wallet\":{\"balance_cny\":0}}\n{\"id\":\"b\",\"wallet\":{\"balance_cny\":\"abc\"}}\n{\"id\":\"c\"\n{\"id\":\"d\",\"wallet\":{\"balance_cny\":5}}\n";
    let o = run_stdin(
        &[
            "deactivate",
            "--format",
            "jsonl",
            "--start",
            "2026-11-23",
            "--state",
            "-",
        ],
        input,
    );
    assert_eq!(o.code, 2, "invalid profiles make the exit code 2");
    let l = o.lines();
    assert_eq!(l.len(), 4);
    assert_eq!(l[0]["id"], "a");
    assert_eq!(l[1]["error"]["kind"], "invalid");
    assert_eq!(l[1]["error"]["line"], 2);
    assert_eq!(l[1]["error"]["column"], 39);
    assert_eq!(l[1]["error"]["field"], "wallet.balance_cny");
    assert_eq!(l[2]["source"], "-:3");
    assert_eq!(l[2]["error"]["kind"], "eof");
    assert_eq!(l[3]["id"], "d");
    assert_eq!(l[3]["failed"], serde_json::json!(["wallet.balance"]));
    let err: Vec<&str> = o.stderr.lines().collect();
    assert_eq!(err.len(), 2);
    assert_eq!(err[0], "wxacct: -:2:39: wallet.balance_cny: expected an amount in CNY (a number ≥ 0), found string \"abc\"");
}

#[test]
fn array_element_errors_point_into_the_file() {
    let o = run_stdin(
        &[
            "deactivate",
            "--format",
            "jsonl",
            "--start",
            "2026-11-23",
            "--state",
            "-",
        ],
        "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"platfrom\": \"ios\"}\n]\n",
    );
    assert_eq!(o.code, 2);
    let l = o.lines();
    assert_eq!(l[1]["source"], "-#1");
    assert_eq!(l[1]["error"]["kind"], "unknown-field");
    assert_eq!(l[1]["error"]["line"], 3);
    assert!(
        o.stderr
            .contains("-:3:24: unknown field `platfrom`; did you mean `platform`?"),
        "{}",
        o.stderr
    );
}

#[test]
fn fail_on_matrix() {
    // One ready, one blocked, one incomplete profile.
    let ready = std::fs::read_to_string(example("ready.json"))
        .unwrap()
        .replace('\n', "");
    let blocked = std::fs::read_to_string(example("wallet-blocked.json"))
        .unwrap()
        .replace('\n', "");
    let input = |rows: &[&str]| rows.join("\n") + "\n";
    let cases: &[(&[&str], &str, i32)] = &[
        (&[&ready], "incomplete", 0),
        (&[&ready, "{}"], "incomplete", 1),
        (&[&ready, "{}"], "blocked", 0),
        (&[&ready, "{}"], "never", 0),
        (&[&ready, &blocked], "blocked", 1),
        (&[&ready, &blocked], "incomplete", 1),
        (&[&ready, &blocked], "never", 0),
        (&[&ready, "{\"x\":1}"], "never", 2),
    ];
    for (rows, fail_on, code) in cases {
        let text = if rows.len() == 1 {
            format!("{}\n{}\n", rows[0], rows[0])
        } else {
            input(rows)
        };
        let o = run_stdin(
            &[
                "deactivate",
                "--format",
                "jsonl",
                "--start",
                "2026-11-23",
                "--fail-on",
                fail_on,
                "--state",
                "-",
            ],
            &text,
        );
        assert_eq!(
            o.code,
            *code,
            "{fail_on} over {} profiles: {}",
            rows.len(),
            o.stderr
        );
    }
}

#[test]
fn json_for_many_profiles_has_results_and_summary() {
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("ready.json"),
        "--state",
        &example("wallet-blocked.json"),
        "--state",
        &example("legal-hold.json"),
    ]);
    let v = o.json();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["results"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["results"][1]["plan"][0]["action"], "log-out-device",
        "full results by default"
    );
    assert_eq!(v["summary"]["total"], 3);
    assert_eq!(v["summary"]["ready"], 1);
    assert_eq!(v["summary"]["blocked"], 2);
    assert_eq!(
        v["summary"]["top_failed"][0],
        serde_json::json!({"id": "wallet.balance", "count": 2})
    );
    let o = run(&[
        "deactivate",
        "--json",
        "--detail",
        "summary",
        "--start",
        "2026-11-23",
        "--state",
        &example("ready.json"),
        "--state",
        &example("legal-hold.json"),
    ]);
    assert_eq!(
        o.json()["results"][1]["failed"],
        serde_json::json!(["account.legal-hold", "wallet.balance"])
    );
}

#[test]
fn jsonl_prints_summaries_only_and_full_on_request() {
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--start",
        "2026-11-23",
        "--state",
        &example("wallet-blocked.json"),
    ]);
    let l = o.lines();
    assert_eq!(l.len(), 1);
    let mut keys: Vec<&str> = l[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "command",
            "failed",
            "id",
            "ready_on",
            "schema_version",
            "source",
            "unknown",
            "verdict",
            "warnings"
        ]
    );
    assert!(
        o.stdout
            .starts_with("{\"schema_version\":1,\"command\":\"deactivate\",\"source\":"),
        "stable field order"
    );
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--detail",
        "full",
        "--start",
        "2026-11-23",
        "--state",
        &example("wallet-blocked.json"),
    ]);
    assert!(o.lines()[0]["plan"].is_array());
}

fn many(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\":\"p{i}\",\"wallet\":{{\"balance_cny\":{},\"bank_cards\":[{}]}},\"account\":{{\"status\":\"{}\"}}}}\n",
                i % 3,
                if i % 4 == 0 { "{\"kind\":\"credit\"}" } else { "" },
                if i % 7 == 0 { "frozen" } else { "normal" }
            )
        })
        .collect()
}

#[test]
fn order_is_preserved_on_two_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.jsonl");
    std::fs::write(&p, many(10_000)).unwrap();
    let args = |jobs: &str| {
        wx().args([
            "deactivate",
            "--format",
            "jsonl",
            "--start",
            "2026-11-23",
            "--fail-on",
            "never",
            "--jobs",
            jobs,
            "--state",
        ])
        .arg(&p)
        .output()
        .unwrap()
        .stdout
    };
    let one = args("1");
    let two = args("2");
    assert_eq!(one.len(), two.len());
    assert!(one == two, "--jobs 2 output differs from --jobs 1");
    let text = String::from_utf8(two).unwrap();
    assert_eq!(text.lines().count(), 10_000);
    assert!(text.lines().last().unwrap().contains("\"id\":\"p9999\""));
}

#[test]
fn checking_two_halves_equals_checking_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let all = many(1_000);
    let lines: Vec<&str> = all.lines().collect();
    let (a, b) = lines.split_at(500);
    let write = |name: &str, rows: &[&str]| {
        let p = dir.path().join(name);
        std::fs::write(&p, rows.join("\n") + "\n").unwrap();
        p
    };
    let whole = write("whole.jsonl", &lines);
    let first = write("part-aa.jsonl", a);
    let second = write("part-ab.jsonl", b);
    // Source labels carry the file name and line, so compare everything but them.
    let strip = |out: Vec<u8>| -> Vec<Value> {
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).unwrap();
                v.as_object_mut().unwrap().remove("source");
                v
            })
            .collect()
    };
    let check = |p: &std::path::Path| {
        strip(
            wx().args([
                "deactivate",
                "--format",
                "jsonl",
                "--start",
                "2026-11-23",
                "--fail-on",
                "never",
                "--state",
            ])
            .arg(p)
            .output()
            .unwrap()
            .stdout,
        )
    };
    let mut halves = check(&first);
    halves.extend(check(&second));
    assert_eq!(halves, check(&whole));
}

#[test]
fn junit_is_valid_xml_with_a_case_per_profile() {
    use quick_xml::events::Event;
    let o = run_stdin(
        &["deactivate", "--format", "junit", "--start", "2026-11-23", "--state", &example("ready.json"), "--state", &example("wallet-blocked.json"), "--state", "-"],
        "{\"id\": \"bad <&> \\\"label\\\"\", \"groups_owned\": [{\"name\": \"<script>&\"}]}\n{\"oops\": 1}\n",
    );
    assert_eq!(o.code, 2);
    let mut reader = quick_xml::Reader::from_str(&o.stdout);
    let (mut cases, mut failures, mut errors, mut suites) = (Vec::new(), 0, 0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuite" => {
                    suites += 1;
                    let attr = |k: &[u8]| {
                        e.try_get_attribute(k)
                            .unwrap()
                            .unwrap()
                            .unescape_value()
                            .unwrap()
                            .to_string()
                    };
                    assert_eq!(attr(b"name"), "deactivate");
                    assert_eq!(attr(b"tests"), "4");
                    assert_eq!(attr(b"errors"), "1");
                }
                b"testcase" => cases.push(
                    e.try_get_attribute("name")
                        .unwrap()
                        .unwrap()
                        .unescape_value()
                        .unwrap()
                        .to_string(),
                ),
                b"failure" => failures += 1,
                b"error" => errors += 1,
                _ => {}
            },
            _ => {}
        }
    }
    assert_eq!(suites, 1);
    assert_eq!(
        cases,
        [
            "ready-android",
            "wallet-blocked",
            "bad <&> \"label\"",
            "-:2"
        ]
    );
    assert_eq!(errors, 1);
    // wallet-blocked fails 6 blockers; the third profile has only unknowns (default --fail-on
    // counts them as failures too).
    assert!(failures >= 6, "{failures}");
}

#[test]
fn table_lists_one_row_per_profile_and_a_summary() {
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--color",
        "never",
        "--state",
        &example("ready.json"),
        "--state",
        &example("wallet-blocked.json"),
    ]);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert!(lines[0].starts_with("Profile"), "{}", o.stdout);
    assert!(lines[1].starts_with("ready-android") && lines[1].contains("ready"));
    assert!(lines[2].starts_with("wallet-blocked") && lines[2].contains("blocked"));
    assert!(
        o.stdout.contains("2 profiles: 1 ready, 1 blocked\n"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("Most frequent failed blockers: "));
}

#[test]
fn an_empty_or_missing_input_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--state",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("empty input"), "{}", o.stderr);
    let o = run(&[
        "deactivate",
        "--format",
        "jsonl",
        "--state",
        "/no/such/file.json",
        "--state",
        &example("ready.json"),
        "--start",
        "2026-11-23",
    ]);
    assert_eq!(o.code, 2);
    assert_eq!(o.lines().len(), 2, "the readable input still runs");
    assert!(o
        .stderr
        .contains("/no/such/file.json: cannot open: no such file or directory"));
}
