//! `github`: GitHub Actions workflow commands. One `::error` per failed blocker, one
//! `::warning` per failed warning, one `::notice` per unknown blocker (with the `--set` that
//! answers it), each pointing at the profile's file and line; an invalid profile is an
//! `::error` at its position; the summary line ends the output.

use std::io::{self, Write};

use super::{Item, Look, Report, Sink};
use crate::engine::{Severity, Status};
use crate::knowledge::ui::Plural;
use crate::knowledge::{Knowledge, TaskId};
use crate::tasks::result::{Summary, TaskResult};

#[derive(Clone, Copy)]
pub struct Github {
    pub look: Look,
}

pub struct GithubSink {
    look: Look,
    command: TaskId,
}

impl GithubSink {
    pub fn new(look: Look, command: TaskId) -> GithubSink {
        GithubSink { look, command }
    }
}

/// A message escaped the way the runner unescapes it: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value escaped: as data, plus `:` and `,`, which separate properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The file and line a result's `source` names: `path:LINE`, `path#INDEX` (the file only) or
/// `path`; none for profiles from flags or standard input.
pub fn location(source: &str) -> (Option<&str>, Option<u64>) {
    let numbered = |sep: char| {
        source
            .rsplit_once(sep)
            .and_then(|(path, n)| n.parse::<u64>().ok().map(|n| (path, n)))
    };
    let (path, line) = match (numbered(':'), numbered('#')) {
        (Some((path, line)), _) => (path, Some(line)),
        (None, Some((path, _))) => (path, None),
        (None, None) => (source, None),
    };
    if path == "flags" || path == "-" {
        (None, None)
    } else {
        (Some(path), line)
    }
}

/// One workflow command line.
fn command(kind: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{kind} {}::{}\n", props.join(","), escape_data(message))
}

fn place(source: &str, column: Option<u64>, line: Option<u64>) -> Vec<(&'static str, String)> {
    let (file, source_line) = location(source);
    let mut props = Vec::new();
    if let Some(f) = file {
        props.push(("file", f.to_string()));
        if let Some(l) = line.or(source_line) {
            props.push(("line", l.to_string()));
            if let Some(c) = column {
                props.push(("col", c.to_string()));
            }
        }
    }
    props
}

impl Github {
    /// One annotation per failed check and per unknown blocker.
    fn result(&self, r: &TaskResult, out: &mut String) {
        let source = r.source.as_str();
        let who = r.id.as_deref().unwrap_or(source);
        for c in &r.checks {
            let kind = match (c.severity, c.status) {
                (Severity::Blocker, Status::Fail) => "error",
                (Severity::Warning, Status::Fail) => "warning",
                (Severity::Blocker, Status::Unknown) => "notice",
                _ => continue,
            };
            let mut props = place(source, None, None);
            let title = format!("wxacct {}: {}", r.command.as_str(), c.title);
            props.push(("title", title));
            let advice = if c.status == Status::Unknown {
                super::hint::hints(&c.missing)
            } else {
                c.remedy.to_string()
            };
            let message = format!("{who}: {} — {advice} [{}]", c.id, c.sources.join(", "));
            out.push_str(&command(kind, &props, &message));
        }
    }
}

impl Report for Github {
    fn render(&self, item: &Item<'_>) -> Vec<u8> {
        let mut out = String::new();
        match (item.full_result(self.look.lang), item) {
            (Some((r, _)), _) => self.result(&r, &mut out),
            (
                None,
                Item::Error {
                    task,
                    source,
                    error,
                    ..
                },
            ) => {
                let mut props = place(source, error.column, error.line);
                props.push(("title", format!("wxacct {}", task.id().as_str())));
                let message = error.described().render(self.look.lang);
                out.push_str(&command("error", &props, &message));
            }
            (None, Item::Result { .. }) => {}
        }
        out.into_bytes()
    }
}

impl Sink for GithubSink {
    fn end(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let ui = &Knowledge::get().ui;
        let lang = self.look.lang;
        let counted = |p: &Plural, n: u64| p.get(lang, n).replace("{n}", &n.to_string());
        let verdicts = [
            (&ui.verdict_ready, s.ready),
            (&ui.verdict_blocked, s.blocked),
            (&ui.verdict_incomplete, s.incomplete),
            (&ui.verdict_not_applicable, s.not_applicable),
        ];
        let mut counts: Vec<String> = verdicts
            .iter()
            .map(|(label, n)| format!("{} {n}", label.get(lang)))
            .collect();
        counts.push(counted(&ui.summary_errors, s.errors));
        writeln!(
            out,
            "wxacct {}: {} · {}",
            self.command.as_str(),
            counted(&ui.summary_profiles, s.total),
            counts.join(" · ")
        )
    }
}
