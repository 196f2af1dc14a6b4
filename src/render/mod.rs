//! Output formats behind two traits. A report renders each item on its own (in parallel, to
//! bytes), then writes them in input order, with whatever comes before and after.

pub mod doc;
pub mod github;
pub mod hint;
pub mod ics;
pub mod json;
pub mod junit;
pub mod labels;
pub mod layout;
pub mod listing;
pub mod markdown;
pub mod page;
pub mod parts;
pub mod view;
pub mod wrap;

use std::io::{self, Write};

use crate::cli::{Detail, Format};
use crate::engine::FailOn;
use crate::knowledge::TaskId;
use crate::lang::Lang;
use crate::profile::{Profile, ProfileError};
use crate::tasks::result::Summary;
use crate::tasks::{Context, Evaluation, Task};

/// One profile's outcome, ready to render.
pub enum Item<'a> {
    Result {
        task: &'a Task,
        ctx: &'a Context,
        profile: &'a Profile,
        source: &'a str,
        eval: &'a Evaluation,
    },
    Error {
        task: &'a Task,
        source: &'a str,
        /// The file, for the error's location (`source` may carry a line or an index).
        path: &'a str,
        error: &'a ProfileError,
    },
}

impl Item<'_> {
    /// The full result of a checked profile, with the day the plan starts; `None` for an error.
    pub fn full_result(
        &self,
        lang: Lang,
    ) -> Option<(crate::tasks::result::TaskResult, jiff::civil::Date)> {
        match self {
            Item::Result {
                task,
                ctx,
                profile,
                source,
                eval,
            } => Some((task.result(ctx, profile, source, eval, lang), ctx.start)),
            Item::Error { .. } => None,
        }
    }
}

/// How the report should look.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub lang: Lang,
    pub detail: Detail,
    pub color: bool,
    /// Columns a line of table output may take.
    pub width: usize,
    /// Everything in full (`-v`), rather than the compact report.
    pub verbose: bool,
    /// Exactly one profile object came in: print a single result rather than a list.
    pub single: bool,
    pub fail_on: FailOn,
}

/// Renders one item to bytes. Shared by the worker threads, so it holds no writing state.
pub trait Report: Sync {
    fn render(&self, item: &Item<'_>) -> Vec<u8>;
    /// Appends the rendered item to `out` (batch runs render many items into one buffer).
    fn render_into(&self, item: &Item<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.render(item));
    }
}

/// Writes rendered items in input order, with whatever comes before and after them.
pub trait Sink {
    /// Written once before the first item.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Writes one rendered item.
    fn write(&mut self, out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        out.write_all(bytes)
    }
    /// Written once after the last item.
    fn end(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

pub fn report(
    format: Format,
    look: Look,
    command: TaskId,
) -> io::Result<(Box<dyn Report>, Box<dyn Sink>)> {
    Ok(match format {
        Format::Json => (
            Box::new(json::Json::new(look, false)),
            Box::new(json::JsonSink::new(look, false)),
        ),
        Format::Jsonl => (
            Box::new(json::Json::new(look, true)),
            Box::new(json::JsonSink::new(look, true)),
        ),
        Format::Table => {
            let l = listing::Listing::new(look, false);
            (Box::new(l.clone()), Box::new(l))
        }
        Format::Markdown => {
            let l = listing::Listing::new(look, true);
            (Box::new(l.clone()), Box::new(l))
        }
        Format::Ics => (Box::new(ics::Ics { look }), Box::new(ics::Ics { look })),
        Format::Github => (
            Box::new(github::Github { look }),
            Box::new(github::GithubSink::new(look, command)),
        ),
        Format::Junit => (
            Box::new(junit::Junit { look }),
            Box::new(junit::JunitSink::new(look, command)?),
        ),
    })
}
