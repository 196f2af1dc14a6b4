//! What a one-shot run sets up before it answers (docs/performance.md, "A one-shot run"):
//! counted, not timed, so that a change that brings back start-up work fails here.

use std::borrow::Cow;

mod common;
use common::*;

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
