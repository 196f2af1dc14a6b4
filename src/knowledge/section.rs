//! A part of the knowledge base that is parsed on first use.
//!
//! The embedded knowledge base (`Knowledge::get`) leaves the files that only some commands need
//! (the other tasks' records, the messages, the report's labels) unread until something asks
//! for them: a one-shot `deactivate --format json` never parses `troubleshoot.json`. A
//! knowledge base built from given files (`Knowledge::load_from`, the tests) reads every
//! section up front, so that every problem in them is reported.

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use super::Knowledge;

/// Parses a section's file from the embedded data and links it against the rest of the
/// knowledge base; the problems found, if any.
pub type Loader<T> = fn(&Knowledge) -> Result<T, Vec<String>>;

pub struct Section<T> {
    cell: OnceLock<T>,
    /// How to read it later; `None` when it was read up front.
    loader: Option<Loader<T>>,
}

impl<T> Section<T> {
    /// A section already read.
    pub fn ready(value: T) -> Section<T> {
        Section {
            cell: OnceLock::from(value),
            loader: None,
        }
    }

    /// A section of the embedded knowledge base, read on first use.
    pub fn lazy(loader: Loader<T>) -> Section<T> {
        Section {
            cell: OnceLock::new(),
            loader: Some(loader),
        }
    }

    /// The section when it has been read (always, for one read up front).
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.cell.get_mut()
    }
}

impl<T> Deref for Section<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.cell.get_or_init(|| {
            // Only the embedded knowledge base has lazy sections, and it is complete by the
            // time anything can reach one of them.
            let load = self.loader.unwrap_or(|_| Err(vec!["section not read".into()]));
            match load(Knowledge::get()) {
                Ok(v) => v,
                Err(problems) => super::invalid(&problems),
            }
        })
    }
}

impl<T: fmt::Debug> fmt::Debug for Section<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cell.get() {
            Some(v) => v.fmt(f),
            None => f.write_str("(not read yet)"),
        }
    }
}
