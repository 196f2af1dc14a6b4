//! JUnit XML: a test suite for the subcommand, a test case per profile, a failure per failed
//! blocker, an error per invalid profile. Test cases are spooled to a temporary file, because
//! the suite's counts must come first; memory stays flat.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

use std::borrow::Cow;

use super::{Item, Look, Report, Sink};
use crate::engine::{Severity, Status};
use crate::knowledge::{Knowledge, TaskId};
use crate::tasks::result::Summary;

pub struct Junit {
    pub look: Look,
}

/// Text for XML 1.0 content: characters XML cannot carry at all (NUL, ESC, U+FFFF…) and other
/// control characters are written out visibly (`\u{1b}`), markup characters escaped.
fn text(s: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c as u32, 0x9 | 0xA | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
            && !(c.is_control() && c != '\n' && c != '\t')
    };
    let visible: Cow<'_, str> = if s.chars().all(allowed) {
        s.into()
    } else {
        let mut v = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            if allowed(c) {
                v.push(c);
            } else {
                v.extend(c.escape_debug());
            }
        }
        v.into()
    };
    if !visible.contains(['&', '<', '>', '"', '\'']) {
        return visible;
    }
    quick_xml::escape::escape(visible.as_ref())
        .into_owned()
        .into()
}

/// Text for an attribute value: as [`text`], and line breaks and tabs as character references,
/// which attribute-value normalisation would otherwise turn into spaces.
fn attr(s: &str) -> Cow<'_, str> {
    let t = text(s);
    if !t.contains(['\n', '\t']) {
        return t;
    }
    t.replace('\n', "&#10;").replace('\t', "&#9;").into()
}

/// Spools test cases and writes the suite around them once the counts are known.
pub struct JunitSink {
    look: Look,
    spool: BufWriter<File>,
    command: &'static str,
}

impl JunitSink {
    pub fn new(look: Look, command: TaskId) -> io::Result<JunitSink> {
        Ok(JunitSink {
            look,
            spool: BufWriter::new(tempfile::tempfile()?),
            command: command.as_str(),
        })
    }
}

impl Report for Junit {
    fn render(&self, item: &Item<'_>) -> Vec<u8> {
        let kb = Knowledge::get();
        let lang = self.look.lang;
        let mut s = String::new();
        match item {
            Item::Result {
                task,
                profile,
                source,
                eval,
                ..
            } => {
                let name = profile.id.as_deref().unwrap_or(source);
                s.push_str(&format!(
                    "    <testcase name=\"{}\" classname=\"wxacct.{}\" file=\"{}\">\n",
                    attr(name),
                    task.id().as_str(),
                    attr(source)
                ));
                let incomplete_fails = self.look.fail_on.fails(crate::engine::Verdict::Incomplete);
                for o in &eval.outcomes {
                    let def = &kb.checks[o.check];
                    let kind = match (o.severity, o.status) {
                        (Severity::Blocker, Status::Fail) => "failed",
                        (Severity::Blocker, Status::Unknown) if incomplete_fails => "unknown",
                        _ => continue,
                    };
                    let body = if o.status == Status::Fail {
                        def.remedy.get(lang).to_string()
                    } else {
                        super::hint::hints(&o.missing)
                    };
                    s.push_str(&format!(
                        "      <failure type=\"{}\" message=\"{}: {}\">{}</failure>\n",
                        attr(def.id.as_str()),
                        kind,
                        attr(def.title.get(lang)),
                        text(body.as_str())
                    ));
                }
                s.push_str(&format!(
                    "      <system-out>verdict: {}</system-out>\n",
                    eval.verdict.as_str()
                ));
                s.push_str("    </testcase>\n");
            }
            Item::Error {
                task,
                source,
                path,
                error,
            } => {
                s.push_str(&format!(
                    "    <testcase name=\"{}\" classname=\"wxacct.{}\" file=\"{}\">\n      <error type=\"{}\" message=\"{}\"/>\n    </testcase>\n",
                    attr(source),
                    task.id().as_str(),
                    attr(source),
                    error.kind.as_str(),
                    attr(&error.located_in(path, source, lang).to_string())
                ));
            }
        }
        s.into_bytes()
    }
}

impl Sink for JunitSink {
    fn write(&mut self, _out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        self.spool.write_all(bytes)
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let failures = summary.blocked
            + if self.look.fail_on.fails(crate::engine::Verdict::Incomplete) {
                summary.incomplete
            } else {
                0
            };
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"wxacct\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\">",
            summary.total, summary.errors
        )?;
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\">",
            self.command, summary.total, summary.errors
        )?;
        self.spool.flush()?;
        let file = self.spool.get_mut();
        file.seek(SeekFrom::Start(0))?;
        io::copy(file, out)?;
        writeln!(out, "  </testsuite>\n</testsuites>")
    }
}
