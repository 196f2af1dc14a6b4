//! JUnit XML: a test suite for the subcommand, a test case per profile, a failure per failed
//! blocker, an error per invalid profile. Test cases are spooled to a temporary file, because
//! the suite's counts must come first; memory stays flat.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

use quick_xml::escape::escape;

use super::{Item, Look, Report, Sink};
use crate::engine::{Severity, Status};
use crate::knowledge::{Knowledge, TaskId};
use crate::tasks::result::Summary;

pub struct Junit {
    pub look: Look,
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
                    escape(name),
                    task.id().as_str(),
                    escape(*source)
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
                        escape(def.id.as_str()),
                        kind,
                        escape(def.title.get(lang)),
                        escape(body.as_str())
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
                error,
            } => {
                s.push_str(&format!(
                    "    <testcase name=\"{}\" classname=\"wxacct.{}\" file=\"{}\">\n      <error type=\"{}\" message=\"{}\"/>\n    </testcase>\n",
                    escape(*source),
                    task.id().as_str(),
                    escape(*source),
                    error.kind.as_str(),
                    escape(error.located(source).to_string().as_str())
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
