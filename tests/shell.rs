//! Behaviour in a shell: colour rules, closed pipes, signals, thread limits, terminals, help
//! text, version.

mod common;
use common::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

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

/// `n` profiles as JSON lines: every third one blocked, the others incomplete.
fn many_profiles(dir: &Path, n: usize) -> PathBuf {
    let p = dir.join("many.jsonl");
    let mut text = String::new();
    for i in 0..n {
        let balance = if i % 3 == 0 { 5 } else { 0 };
        text.push_str(&format!(
            "{{\"id\":\"p{i}\",\"platform\":\"android\",\"wallet\":{{\"balance_cny\":{balance},\"bank_cards\":[{{\"kind\":\"credit\",\"label\":\"card {i}\"}}]}}}}\n"
        ));
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("wxacct")
}

/// Checks that a run's output is whole: JSON lines each parse, a JSON document parses, JUnit
/// is well-formed XML. Returns how many results it holds.
fn whole_output(format: &str, out: &[u8]) -> usize {
    let text = std::str::from_utf8(out).expect("UTF-8 output");
    if format == "jsonl" && text.is_empty() {
        return 0;
    }
    assert!(
        text.ends_with('\n'),
        "{format}: output ends mid-line: {:?}",
        &text[text.len().saturating_sub(80)..]
    );
    match format {
        "jsonl" => {
            for line in text.lines() {
                serde_json::from_str::<serde_json::Value>(line)
                    .unwrap_or_else(|e| panic!("{format}: torn line ({e}): {line}"));
            }
            text.lines().count()
        }
        "json" => {
            let v: serde_json::Value = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("{format}: not one JSON document ({e})"));
            let n = v["results"].as_array().unwrap().len();
            assert_eq!(
                v["summary"]["total"], n as u64,
                "the summary counts what was written"
            );
            n
        }
        _ => junit(text)
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .count(),
    }
}

/// SIGINT and SIGTERM in the middle of a large run, with stdout a pipe that is full (the
/// writer blocked inside a record): the output still ends on a whole record and a whole
/// document, and the exit status is 128 + the signal. Killed outright (before signals were
/// handled), a run tore its last line in 7 rounds of 12 here; 16 rounds all miss that with a
/// chance of one in a million.
#[test]
fn a_signal_ends_the_output_on_a_whole_record() {
    let dir = tempfile::tempdir().unwrap();
    let input = many_profiles(dir.path(), 30_000);
    let rounds = [
        ("jsonl", libc::SIGTERM),
        ("jsonl", libc::SIGINT),
        ("json", libc::SIGTERM),
        ("json", libc::SIGINT),
    ];
    for round in 0..4 {
        for (format, sig) in rounds {
            let jobs = if round % 2 == 0 { "2" } else { "1" };
            let mut child = std::process::Command::new(bin())
                .args([
                    "deactivate",
                    "--start",
                    "2026-11-23",
                    "--jobs",
                    jobs,
                    "--format",
                    format,
                ])
                .arg("--state")
                .arg(&input)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdout = child.stdout.take().unwrap();
            let mut got = vec![0u8; 96 << 10];
            stdout.read_exact(&mut got).unwrap();
            // Let the pipe fill up, so that the signal finds the writer inside a record.
            std::thread::sleep(Duration::from_millis(150));
            unsafe { libc::kill(child.id() as i32, sig) };
            stdout.read_to_end(&mut got).unwrap();
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let n = whole_output(format, &got);
            assert_eq!(
                out.status.code(),
                Some(128 + sig),
                "{format} {sig}: {stderr}"
            );
            assert!(n < 30_000, "{format}: the run stopped early");
            let name = if sig == libc::SIGINT {
                "SIGINT"
            } else {
                "SIGTERM"
            };
            assert_eq!(
                stderr,
                format!("wxacct: stopped by {name} after writing the results of {n} profiles; the output ends on a whole record\n"),
            );
        }
    }
    // JUnit is written at the end: the suite closes over the cases written so far.
    let child = std::process::Command::new(bin())
        .args([
            "deactivate",
            "--start",
            "2026-11-23",
            "--format",
            "junit",
            "--state",
        ])
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143));
    let n = whole_output("junit", &out.stdout);
    assert!(n < 30_000);
}

/// A run waiting for input (a terminal, a slow pipe) ends on the signal too, whether the input
/// is read on the main thread or by the pipeline's reader.
#[test]
fn a_signal_ends_a_run_that_waits_for_input() {
    for (lines, sig) in [(3, libc::SIGINT), (40, libc::SIGTERM)] {
        let mut child = std::process::Command::new(bin())
            .args([
                "deactivate",
                "--start",
                "2026-11-23",
                "--format",
                "jsonl",
                "--jobs",
                "2",
                "--state",
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..lines {
            writeln!(stdin, "{{\"id\":\"p{i}\"}}").unwrap();
        }
        std::thread::sleep(Duration::from_millis(400));
        let sent = Instant::now();
        unsafe { libc::kill(child.id() as i32, sig) };
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        assert!(
            sent.elapsed() < Duration::from_secs(5),
            "the signal was not noticed"
        );
        assert_eq!(
            out.status.code(),
            Some(128 + sig),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        whole_output("jsonl", &out.stdout);
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("wxacct: stopped by"));
    }
}

/// A pipe closed early (`| head -n1`) stops the run, and the exit status is what the profiles
/// checked so far earn under --fail-on (an invalid one 2, a failing one 1, else 0).
#[test]
fn a_closed_pipe_exits_with_what_was_checked() {
    let dir = tempfile::tempdir().unwrap();
    let input = many_profiles(dir.path(), 20_000);
    let text = std::fs::read_to_string(&input).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, format!("{first}\n{{\"id\":5}}\n{rest}")).unwrap();
    let ready = dir.path().join("ready.jsonl");
    std::fs::write(
        &ready,
        std::fs::read_to_string(example("ready.json"))
            .unwrap()
            .replace('\n', "")
            .repeat(3000)
            .replace("}{", "}\n{"),
    )
    .unwrap();
    for (file, fail_on, want) in [
        (&bad, "never", 2),
        (&input, "blocked", 1),
        (&input, "never", 0),
        (&ready, "incomplete", 0),
    ] {
        let script = format!(
            "set -o pipefail; '{}' deactivate --start 2026-11-23 --format jsonl --fail-on {fail_on} --state '{}' 2>/dev/null | head -n1 >/dev/null",
            bin().display(),
            file.display()
        );
        let status = std::process::Command::new("bash")
            .args(["-c", &script])
            .status()
            .unwrap();
        assert_eq!(
            status.code(),
            Some(want),
            "{} --fail-on {fail_on}",
            file.display()
        );
    }
}

/// Runs `wxacct ARGS` under `ulimit -u NPROC`. The limit does not bind root, so as root the
/// command runs as `nobody` (setpriv); without setpriv there, `None`.
fn under_process_limit(nproc: u32, args: &[&str], input: &Path) -> Option<std::process::Output> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let exe = dir.path().join("wxacct");
    std::fs::copy(bin(), &exe).unwrap();
    let data = dir.path().join("in.jsonl");
    std::fs::copy(input, &data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o644)).unwrap();
    let script = format!(
        "ulimit -u {nproc} && exec '{}' {} --state '{}'",
        exe.display(),
        args.join(" "),
        data.display()
    );
    let root = unsafe { libc::geteuid() } == 0;
    let mut c = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "bash",
            "-c",
            &script,
        ]);
        c
    } else {
        let mut c = std::process::Command::new("bash");
        c.args(["-c", &script]);
        c
    };
    match c.output() {
        Ok(o) => Some(o),
        Err(e) if root => {
            eprintln!("skipped: setpriv is not available to drop root ({e})");
            None
        }
        Err(e) => panic!("{e}"),
    }
}

/// When threads cannot be started (`ulimit -u`), the run goes on with the threads it could
/// start, down to none but the main one; every profile is still checked, in order.
#[test]
fn too_few_threads_is_no_failure() {
    let dir = tempfile::tempdir().unwrap();
    let input = many_profiles(dir.path(), 3_000);
    for (nproc, jobs) in [(1, "4"), (2, "4"), (3, "100"), (20, "100")] {
        let args = [
            "deactivate",
            "--start",
            "2026-11-23",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "--jobs",
            jobs,
        ];
        let Some(o) = under_process_limit(nproc, &args, &input) else {
            return;
        };
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            o.status.code(),
            Some(0),
            "ulimit -u {nproc}, --jobs {jobs}: {stderr}"
        );
        assert!(stderr.is_empty(), "{stderr}");
        let ids: Vec<String> = String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(ids.len(), 3_000);
        assert!(
            ids.iter().enumerate().all(|(i, id)| *id == format!("p{i}")),
            "order kept"
        );
    }
}

/// More jobs than the work needs start no idle threads: one profile is checked on the main
/// thread at once (65,535 threads took seconds to start).
#[test]
fn jobs_beyond_the_work_cost_nothing() {
    for input in [example("ready.json"), example("many-cards.json")] {
        let started = Instant::now();
        let o = run(&[
            "deactivate",
            "--start",
            "2026-11-23",
            "--format",
            "jsonl",
            "--jobs",
            "65535",
            "--state",
            &input,
        ]);
        assert!(o.code <= 1, "{}", o.stderr);
        assert!(
            started.elapsed() < Duration::from_millis(1500),
            "{:?} for one profile",
            started.elapsed()
        );
    }
}

/// `--state -` with a terminal on stdin says what it is waiting for.
#[test]
fn a_terminal_on_stdin_gets_a_hint() {
    // SAFETY: plain POSIX pseudo-terminal calls; the descriptors are owned by the files below.
    let (master, slave) = unsafe {
        let m = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(m >= 0);
        assert_eq!(libc::grantpt(m), 0);
        assert_eq!(libc::unlockpt(m), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(m, name.as_mut_ptr(), name.len()), 0);
        let path = std::ffi::CStr::from_ptr(name.as_ptr())
            .to_str()
            .unwrap()
            .to_string();
        let master: std::fs::File = std::os::fd::FromRawFd::from_raw_fd(m);
        (
            master,
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)
                .unwrap(),
        )
    };
    for (lang, hint) in [
        ("en", "wxacct: reading profiles from the terminal: paste or type JSON, then press Ctrl-D (Ctrl-C cancels)"),
        ("zh", "wxacct: 正在从终端读取档案:粘贴或输入 JSON 后按 Ctrl-D 结束(Ctrl-C 取消)"),
    ] {
        let mut child = wx_std()
            .args(["deactivate", "--start", "2026-11-23", "--format", "jsonl", "--lang", lang, "--state", "-"])
            .stdin(slave.try_clone().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Ends the child if the test cannot go on (no hint: it would wait for input for ever).
        let pid = child.id() as i32;
        let (done, watchdog) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            if watchdog.recv_timeout(Duration::from_secs(30)).is_err() {
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
        });
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        assert_eq!(line.trim_end(), hint);
        // Type a profile, then Ctrl-D.
        (&master).write_all(b"{\"id\":\"typed\"}\n\x04").unwrap();
        let out = child.wait_with_output().unwrap();
        let _ = done.send(());
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stdout).contains("\"id\":\"typed\""));
    }
    // Not a terminal: no hint.
    let o = run_stdin(
        &["deactivate", "--start", "2026-11-23", "--state", "-"],
        "{}",
    );
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

/// Help and version into a full disk fail like any other output: one line, exit 2.
#[test]
fn help_and_version_report_write_errors() {
    for args in [
        &["--help"][..],
        &["--version"],
        &["deactivate", "--help"],
        &["explain"],
        &["schema"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = wx_std().args(args).stdout(full).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            "wxacct: cannot write the output: no space left on device\n",
            "{args:?}"
        );
    }
}

/// Arguments that are not UTF-8 are one line, exit 2, like every flag error.
#[test]
fn arguments_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"2026-\xff");
    let o = wx_std()
        .args(["deactivate", "--start"])
        .arg(bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "wxacct: an argument is not valid UTF-8 text\n"
    );
    let o = wx_std().arg("deactivate").arg(bad).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stderr).lines().count(), 1);
}
