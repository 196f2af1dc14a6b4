//! What a one-shot run sets up before it answers (docs/performance.md, "A one-shot run"):
//! counted, not timed, so that a change that brings back start-up work fails here.

use std::borrow::Cow;

mod common;
use common::*;

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
