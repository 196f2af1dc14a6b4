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
    // The sources are given once, beside the summary, as a one-profile result gives them.
    let results = v["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r.get("references").is_none()));
    let one = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-11-23",
        "--state",
        &example("ready.json"),
    ])
    .json();
    let ids = |refs: &serde_json::Value| -> Vec<String> {
        let refs = refs.as_array().unwrap();
        refs.iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(v["references"], one["references"]);
    assert!(ids(&v["references"]).contains(&"S1".to_string()));
    assert!(ids(&v["references"]).contains(&"O1".to_string()));
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
    assert!(
        o.json().get("references").is_none(),
        "summaries cite nothing"
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
    let o = run_stdin(
        &["deactivate", "--format", "junit", "--start", "2026-11-23", "--state", &example("ready.json"), "--state", &example("wallet-blocked.json"), "--state", "-"],
        "{\"id\": \"bad <&> \\\"label\\\"\", \"groups_owned\": [{\"name\": \"<script>&\"}]}\n{\"oops\": 1}\n",
    );
    assert_eq!(o.code, 2);
    let doc = junit(&o.stdout);
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 1);
    assert_eq!(suites[0].attribute("name"), Some("deactivate"));
    assert_eq!(suites[0].attribute("tests"), Some("4"));
    assert_eq!(suites[0].attribute("errors"), Some("1"));
    let cases = attributes(&doc, "testcase", "name");
    assert_eq!(
        cases,
        [
            "ready-android",
            "wallet-blocked",
            "bad <&> \"label\"",
            "-:2"
        ]
    );
    let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert_eq!(count("error"), 1);
    // wallet-blocked fails 6 blockers; the third profile has only unknowns (default --fail-on
    // counts them as failures too).
    assert!(count("failure") >= 6, "{}", count("failure"));
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

/// Standard input is read per line like a `.jsonl` file as soon as its first line is not the
/// start of a longer value: a bad first line loses nothing after it.
#[test]
fn stdin_lines_are_detected_like_a_jsonl_file() {
    let bytes = "garbage\n{\"id\":\"b\"}\n\n{\"id\":\"c\"}\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("same.jsonl");
    std::fs::write(&file, bytes).unwrap();
    let args = [
        "deactivate",
        "--format",
        "jsonl",
        "--start",
        "2026-11-23",
        "--fail-on",
        "never",
    ];
    let piped = run_stdin(&[&args[..], &["--state", "-"]].concat(), bytes);
    let named = run(&[&args[..], &["--state", file.to_str().unwrap()]].concat());
    for o in [&piped, &named] {
        assert_eq!(o.code, 2, "{}", o.stderr);
        let l = o.lines();
        assert_eq!(l.len(), 3);
        assert_eq!(l[0]["error"]["kind"], "syntax");
        assert_eq!(
            (l[1]["id"].as_str(), l[2]["id"].as_str()),
            (Some("b"), Some("c"))
        );
    }
    assert_eq!(sources(&piped), ["-:1", "-:2", "-:4"]);
    // One value over several lines, or one line alone, is one document.
    let o = run_stdin(
        &[&args[..], &["--state", "-"]].concat(),
        "{\n \"id\": \"pretty\"\n}\n",
    );
    assert_eq!((o.code, o.lines()[0]["source"].as_str()), (0, Some("-")));
    let o = deactivate_stdin(&[], "{\"id\":\"one\"}\n");
    assert_eq!(o.json()["id"], "one", "a single result, not a list");
}

/// When two flags set the same field, the one given last wins (documented in --help).
#[test]
fn the_last_flag_wins() {
    let balance = |args: &[&str]| {
        deactivate(args).0["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "wallet.balance")
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(
        balance(&["--set", "wallet.balance_cny=0", "--balance", "5"]),
        "fail"
    );
    assert_eq!(
        balance(&["--balance", "5", "--set", "wallet.balance_cny=0"]),
        "pass"
    );
    assert_eq!(balance(&["--balance", "5", "--balance", "0"]), "pass");
    assert_eq!(
        balance(&[
            "--set",
            "wallet.balance_cny=0",
            "--set",
            "wallet.balance_cny=3"
        ]),
        "fail"
    );
    let cards = |args: &[&str]| deactivate(args).0["plan"].as_array().unwrap().len();
    assert_eq!(
        cards(&["--cards", "credit,credit", "--set", "wallet.bank_cards=[]"]),
        0
    );
    assert!(cards(&["--set", "wallet.bank_cards=[]", "--cards", "credit,credit"]) >= 2);
    // `none` with a kind says two things at once.
    for flags in [["--cards", "credit,none"], ["--devices", "none,web"]] {
        let o = run(&[&["deactivate"][..], &flags].concat());
        assert_eq!(o.code, 2);
        assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
        assert!(o.stderr.contains("`none` means no item"), "{}", o.stderr);
    }
    let help = run(&["deactivate", "--help"]).stdout;
    assert!(
        help.contains("When flags set the same field, the one\n          given last wins"),
        "{help}"
    );
}

/// The peak resident set of `wxacct ARGS` (stdin from a file), in MiB. A process started
/// from a large one (this test binary, with the inputs it just made) carries that process's
/// high-water mark until it execs, so the measurement runs in a small helper: this test binary
/// again, running only `peak_rss_probe`.
fn peak_rss_mib(args: &[&str], stdin: Option<&std::path::Path>) -> f64 {
    let spec = serde_json::json!({ "args": args, "stdin": stdin });
    let o = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "peak_rss_probe",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("WXACCT_PEAK_RSS_OF", spec.to_string())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    let kib: f64 = text
        .lines()
        .find_map(|l| l.split_once("peak_kib=").map(|(_, n)| n.trim()))
        .unwrap_or_else(|| panic!("no measurement: {text}"))
        .parse()
        .unwrap();
    kib / 1024.0
}

/// Not a test on its own: the helper of `peak_rss_mib`, which runs the command given in
/// `WXACCT_PEAK_RSS_OF` and prints its peak RSS from `wait4` (Linux).
#[test]
fn peak_rss_probe() {
    let Ok(spec) = std::env::var("WXACCT_PEAK_RSS_OF") else {
        return;
    };
    let spec: Value = serde_json::from_str(&spec).unwrap();
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("wxacct"));
    c.args(
        spec["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap()),
    )
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null());
    if let Some(p) = spec["stdin"].as_str() {
        c.stdin(std::fs::File::open(p).unwrap());
    }
    // Reaped below by `wait4`, which also gives its resource usage.
    let pid = c.spawn().map(|child| child.id() as i32).unwrap();
    let mut status = 0;
    // SAFETY: waits for our own child and fills owned, zeroed structures.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        usage
    };
    assert!(libc::WIFEXITED(status));
    println!("peak_kib={}", usage.ru_maxrss);
}

/// Memory stays flat whatever the input's shape and the format: a one-line array (as `jq -c`
/// writes) is streamed element by element, and large results (`--detail full`) travel in short
/// chunks, a bounded number at a time. The inputs are small enough for a debug build; before,
/// these runs peaked at 90–110 MiB. `scripts/bench/memory.sh` measures larger inputs.
#[test]
fn memory_stays_flat_for_every_shape_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let array = dir.path().join("one-line.json");
    let big = "9".repeat(1 << 20);
    let items: Vec<String> = (0..24)
        .map(|i| format!("{{\"id\":\"p{i}\",\"app_version\":\"{big}\"}}"))
        .collect();
    std::fs::write(&array, format!("[{}]", items.join(","))).unwrap();
    let groups = dir.path().join("groups.jsonl");
    let name = "x".repeat(4000);
    let line = |i: usize| {
        let g: Vec<String> = (0..12)
            .map(|k| format!("{{\"name\":\"g{k}-{name}\"}}"))
            .collect();
        format!("{{\"id\":\"p{i}\",\"groups_owned\":[{}]}}\n", g.join(","))
    };
    std::fs::write(&groups, (0..400).map(line).collect::<String>()).unwrap();
    let base = ["deactivate", "--start", "2026-11-23", "--fail-on", "never"];
    let a = array.to_str().unwrap();
    let g = groups.to_str().unwrap();
    for (args, stdin) in [
        (vec!["--format", "jsonl", "--state", a], None),
        (
            vec!["--format", "json", "--detail", "full", "--state", "-"],
            Some(array.as_path()),
        ),
        (
            vec![
                "--format", "json", "--detail", "full", "--jobs", "2", "--state", g,
            ],
            None,
        ),
        (
            vec![
                "--format", "jsonl", "--detail", "full", "--jobs", "8", "--state", g,
            ],
            None,
        ),
    ] {
        let all = [&base[..], &args].concat();
        let peak = peak_rss_mib(&all, stdin);
        assert!(peak < 64.0, "{args:?}: peak RSS {peak:.1} MiB");
    }
}

/// An input several blocks long (a block is a mebibyte, read straight into its spare capacity)
/// is read whole, each record once and in order, from a file and from standard input; a record
/// that spans two blocks is read whole.
#[test]
fn every_record_of_a_multi_block_input_is_read_once_in_order() {
    let pad = "x".repeat(300);
    let lines: String = (0..12_000)
        .map(|i| format!("{{\"id\":\"p{i}\",\"app_version\":\"{pad}\"}}\n"))
        .collect();
    assert!(lines.len() > 3 << 20);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.jsonl");
    std::fs::write(&p, &lines).unwrap();
    // With `--jobs 1` they are checked on the main thread, a batch of those read at a time.
    let mut runs = Vec::new();
    for jobs in ["2", "1"] {
        runs.push(run(&jsonl_on(jobs, p.to_str().unwrap())));
        runs.push(run_stdin(&jsonl_on(jobs, "-"), &lines));
    }
    for o in runs {
        let ids: Vec<String> = o
            .lines()
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect();
        let expected: Vec<String> = (0..12_000).map(|i| format!("p{i}")).collect();
        assert_eq!(ids, expected, "{}", o.stderr);
    }
}

/// `deactivate` as jsonl on `jobs` cores, the profiles read from `state`.
fn jsonl_on<'a>(jobs: &'a str, state: &'a str) -> [&'a str; 9] {
    [
        "deactivate",
        "--format",
        "jsonl",
        "--start",
        "2026-11-23",
        "--jobs",
        jobs,
        "--state",
        state,
    ]
}

/// One core or two, a batch or a chunk: the same bytes on stdout and stderr, the same exit
/// code, with bad records, blank lines and a date past the calendar among good ones. Each
/// error names its own line.
#[test]
fn one_job_and_two_give_the_same_bytes_for_a_mixed_input() {
    let mut lines = String::new();
    for i in 1..=100 {
        let line = match i {
            5 | 40 => "{\"id\":\"bad\",\"wallet\":{\"balance_cny\":\"x\"}}".to_string(),
            33 => "not json".to_string(),
            34 | 35 => "   ".to_string(),
            64 => "{\"id\":\"late\",\"as_of\":\"9999-12-30\",\"account\":{\"days_since_security_change\":0}}".to_string(),
            _ => format!("{{\"id\":\"p{i}\",\"wallet\":{{\"balance_cny\":{i}}}}}"),
        };
        lines.push_str(&line);
        lines.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mixed.jsonl");
    std::fs::write(&p, &lines).unwrap();
    let run_with = |jobs: &str| run(&jsonl_on(jobs, p.to_str().unwrap()));
    let (one, two) = (run_with("1"), run_with("2"));
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stderr, two.stderr);
    // Some profiles are invalid.
    assert_eq!((one.code, two.code), (2, 2));
    let sources: Vec<String> = one
        .lines()
        .iter()
        .map(|l| {
            l["source"]
                .as_str()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = (1..=100)
        .filter(|i| ![34, 35].contains(i))
        .map(|i| i.to_string())
        .collect();
    assert_eq!(sources, expected);
    let errors: Vec<&str> = one
        .stderr
        .lines()
        .filter(|l| l.contains("mixed.jsonl:"))
        .collect();
    assert_eq!(errors.len(), 4, "{}", one.stderr);
    // The date past the calendar is reported by its step (its record by its source).
    for (e, line) in errors
        .iter()
        .zip([":5:", ":33:", ":40:", "wait-security-change"])
    {
        assert!(e.contains(line), "{e} should name {line}");
    }
}
