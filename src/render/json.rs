//! `json` (one document) and `jsonl` (one compact result per line).

use std::io::{self, Write};

use super::{Item, Look, Report, Sink};
use crate::cli::Detail;
use crate::knowledge::Knowledge;
use crate::tasks::result::{ErrorInfo, ErrorResult, Summary, SCHEMA_VERSION};
use crate::tasks::views;

pub struct Json {
    look: Look,
    lines: bool,
}

/// Writes the document around the results: the opening, commas between them, the summary.
pub struct JsonSink {
    look: Look,
    lines: bool,
    first: bool,
}

impl JsonSink {
    pub fn new(look: Look, lines: bool) -> JsonSink {
        JsonSink {
            look,
            lines,
            first: true,
        }
    }
}

impl Json {
    pub fn new(look: Look, lines: bool) -> Json {
        Json { look, lines }
    }

    /// Writes the item's JSON at the end of `out`, where it is kept: a result is not built in
    /// a buffer of its own and copied (a full one is tens of kilobytes).
    fn value_into(&self, item: &Item<'_>, pretty: bool, out: &mut Vec<u8>) {
        let mut write = |v: &dyn erased::Ser| {
            let _ = if pretty {
                v.pretty(&mut *out)
            } else {
                v.compact(&mut *out)
            };
        };
        match item {
            Item::Result {
                task,
                ctx,
                profile,
                source,
                eval,
            } => match self.look.detail {
                Detail::Summary => write(&task.summary(ctx, profile, source, eval)),
                Detail::Full => {
                    let mut r = task.result(ctx, profile, source, eval, self.look.lang);
                    if references_once(self.look, self.lines) {
                        r.references = Vec::new(); // The document gives them once.
                    }
                    write(&r)
                }
            },
            Item::Error {
                task,
                source,
                error,
                ..
            } => {
                let message = error.full_message(self.look.lang);
                write(&ErrorResult {
                    schema_version: SCHEMA_VERSION,
                    command: task.id(),
                    source,
                    error: ErrorInfo {
                        kind: error.kind.as_str(),
                        message: &message,
                        line: error.line,
                        column: error.column,
                        field: error.field.as_deref(),
                    },
                })
            }
        }
    }
}

/// Whether the document gives the references once rather than each result: several full
/// results in one `json` document all cite the same sources.
fn references_once(look: Look, lines: bool) -> bool {
    !lines && !look.single && look.detail == Detail::Full
}

/// Serialising through a trait object, so that one function handles every result type.
mod erased {
    use serde::Serialize;
    pub trait Ser {
        fn pretty(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
        fn compact(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
    }
    impl<T: Serialize> Ser for T {
        fn pretty(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            serde_json::to_writer_pretty(out, self)
        }
        fn compact(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            serde_json::to_writer(out, self)
        }
    }
}

impl Report for Json {
    fn render(&self, item: &Item<'_>) -> Vec<u8> {
        let mut v = Vec::new();
        self.render_into(item, &mut v);
        v
    }

    fn render_into(&self, item: &Item<'_>, out: &mut Vec<u8>) {
        let pretty = !self.lines && self.look.single;
        match item {
            // The short result, written straight into the batch's buffer.
            Item::Result {
                task,
                ctx,
                profile,
                source,
                eval,
            } if self.look.detail == Detail::Summary && !pretty => {
                task.summary(ctx, profile, source, eval).write_json(out)
            }
            _ => self.value_into(item, pretty, out),
        }
        if self.lines || self.look.single {
            out.push(b'\n');
        }
    }
}

impl Sink for JsonSink {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.lines && !self.look.single {
            write!(out, "{{\"schema_version\":{SCHEMA_VERSION},\"results\":[")?;
        }
        Ok(())
    }

    fn write(&mut self, out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        if !self.lines && !self.look.single {
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
        }
        self.first = false;
        out.write_all(bytes)
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.lines && !self.look.single {
            out.write_all(b"\n],\"summary\":")?;
            serde_json::to_writer(&mut *out, summary)?;
            if references_once(self.look, self.lines) {
                out.write_all(b",\"references\":")?;
                let references = views::references(Knowledge::get(), self.look.lang);
                serde_json::to_writer(&mut *out, &references)?;
            }
            out.write_all(b"}\n")?;
        }
        Ok(())
    }
}
