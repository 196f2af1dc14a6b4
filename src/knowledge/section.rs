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
            let load = self
                .loader
                .unwrap_or(|_| Err(vec!["section not read".into()]));
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

#[cfg(test)]
mod tests {
    use crate::knowledge::Knowledge;

    /// Read on first use, a section is the same as one read up front and validated.
    #[test]
    fn lazy_sections_equal_the_sections_read_up_front() {
        let lazy = Knowledge::get();
        let eager = Knowledge::load().expect("the embedded knowledge base is valid");
        let methods = |kb: &Knowledge| -> Vec<(String, Vec<usize>, Vec<usize>)> {
            let m = &kb.realname.methods;
            m.iter()
                .map(|m| (m.id.clone(), m.blocker_idx.clone(), m.work_idx.clone()))
                .collect()
        };
        assert_eq!(methods(lazy), methods(&eager));
        assert!(
            methods(lazy).iter().any(|(_, b, _)| b.len() > 20),
            "deactivate's checks"
        );
        let causes = |kb: &Knowledge| -> Vec<(String, usize, Vec<usize>)> {
            let c = &kb.troubleshoot.causes;
            c.iter()
                .map(|c| (c.id.clone(), c.symptom_idx, c.checks.clone()))
                .collect()
        };
        assert_eq!(causes(lazy), causes(&eager));
        assert!(causes(lazy)
            .iter()
            .all(|(_, _, checks)| !checks.contains(&usize::MAX)));
        assert_eq!(
            lazy.unbind_qq.playbooks.len(),
            eager.unbind_qq.playbooks.len()
        );
        assert_eq!(format!("{:?}", *lazy.ui), format!("{:?}", *eager.ui));
        assert_eq!(
            format!("{:?}", lazy.unbind_qq.applies),
            format!("{:?}", eager.unbind_qq.applies)
        );
    }
}
