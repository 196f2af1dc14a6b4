//! What a one-shot run sets up before it answers (docs/performance.md, "A one-shot run"):
//! counted, not timed, so that a change that brings back start-up work fails here.

use std::borrow::Cow;

mod common;
use common::*;

/// clap defines a subcommand's flags only when that subcommand runs: a run of `deactivate`
/// does not define the profile and output flags of `realname`, `unbind-qq` and `troubleshoot`
/// too. Help, completions and the man page build them all (`generated.rs` keeps those files
/// current), and each subcommand parses as before.
#[test]
fn a_subcommand_defines_its_flags_only_when_it_runs() {
    use clap::CommandFactory;
    let tasks = ["deactivate", "realname", "unbind-qq", "troubleshoot"];
    let flags = |cmd: &clap::Command, name: &str| {
        let sub = cmd.find_subcommand(name).unwrap();
        sub.get_arguments()
            .filter(|a| a.get_long().is_some())
            .count()
    };
    let mut cmd = wxacct::cli::Cli::command();
    for name in tasks {
        assert_eq!(flags(&cmd, name), 0, "{name} defined before it runs");
    }
    let task_flags = wxacct::cli::task_flags();
    let all = task_flags
        .get_arguments()
        .filter(|a| a.get_long().is_some())
        .count();
    assert!(all > 20, "{all}");
    let defined = wxacct::cli::Cli::defined();
    cmd.build();
    for name in tasks {
        assert!(flags(&cmd, name) >= all, "{name}: {}", flags(&cmd, name));
        assert!(
            flags(&defined, name) >= all,
            "{name}: {}",
            flags(&defined, name)
        );
    }
    let matches = wxacct::cli::Cli::command()
        .try_get_matches_from(["wxacct", "realname", "--goal", "remove", "--balance", "3"])
        .unwrap();
    let (name, sub) = matches.subcommand().unwrap();
    assert_eq!(name, "realname");
    assert_eq!(sub.get_one::<f64>("balance"), Some(&3.0));
    assert!(sub.contains_id("goal"));
}

/// mimalloc's first arena is reserved at 64 MiB before anything is allocated, not at its
/// default 1 GiB, whose bookkeeping alone touched about 40 fresh pages; a run of this size
/// needs no other.
#[test]
fn the_first_arena_is_reserved_small_and_is_enough() {
    let out = wx()
        .env("MIMALLOC_VERBOSE", "1")
        .args(["deactivate", "--start", "2026-11-23", "--state"])
        .arg(example("ready.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let reserved: Vec<&str> = stderr.lines().filter(|l| l.contains("reserved")).collect();
    assert_eq!(
        reserved,
        ["mimalloc: reserved 65536 KiB memory"],
        "{stderr}"
    );
}

/// The texts of the embedded knowledge base are slices of the embedded files, not copies.
#[test]
fn the_knowledge_base_borrows_its_texts_from_the_embedded_files() {
    let kb = wxacct::knowledge::Knowledge::get();
    let texts: Vec<&wxacct::knowledge::Text> = kb
        .checks
        .iter()
        .flat_map(|c| [&c.title, &c.detail, &c.remedy])
        .chain(kb.sources.iter().map(|s| &s.title))
        .chain([&kb.ui.disclaimer])
        .collect();
    assert!(texts.len() > 100);
    for t in texts {
        assert!(
            matches!((&t.zh, &t.en), (Cow::Borrowed(_), Cow::Borrowed(_))),
            "copied: {}",
            t.en
        );
    }
}
