//! Running a task over every profile: read a chunk, check it on all cores while the next
//! chunk is read, write the results in input order. Memory holds two chunks at most.

use std::io::{self, Write};

use rayon::prelude::*;

use crate::engine::{Severity, Status, Verdict};
use crate::profile::input::{Inputs, RawRecord};
use crate::profile::{parse_profile, Overrides, ProfileError};
use crate::render::{Item, Report};
use crate::tasks::result::{CheckCount, Summary};
use crate::tasks::{Context, Task};

/// Profiles handed to the workers at a time.
const CHUNK: usize = 512;
/// How many failing checks the summary lists.
const TOP_FAILED: usize = 5;

/// One profile, checked and rendered.
struct Done {
    bytes: Vec<u8>,
    verdict: Option<Verdict>,
    /// Failed blockers, by check index.
    failed: Vec<usize>,
    /// The stderr line for an unreadable or invalid profile.
    diagnostic: Option<String>,
}

pub struct Run<'a> {
    pub task: &'a Task,
    pub ctx: &'a Context,
    pub overrides: &'a Overrides,
    pub jobs: usize,
}

impl Run<'_> {
    fn check(&self, report: &dyn Report, rec: RawRecord) -> Done {
        let profile = rec
            .payload
            .and_then(|b| parse_profile(&b).map_err(|e| e.shifted(rec.line, rec.column)))
            .and_then(|p| self.overrides.apply(p));
        match profile {
            Ok(profile) => {
                let eval = self.task.evaluate(self.ctx, &profile);
                let item = Item::Result {
                    task: self.task,
                    ctx: self.ctx,
                    profile: &profile,
                    source: &rec.source,
                    eval: &eval,
                };
                let failed = eval
                    .outcomes
                    .iter()
                    .filter(|o| o.is(Severity::Blocker, Status::Fail))
                    .map(|o| o.check)
                    .collect();
                Done {
                    bytes: report.render(&item),
                    verdict: Some(eval.verdict),
                    failed,
                    diagnostic: None,
                }
            }
            Err(error) => self.invalid(report, &rec.source, &rec.path, &error),
        }
    }

    fn invalid(&self, report: &dyn Report, source: &str, path: &str, error: &ProfileError) -> Done {
        let item = Item::Error {
            task: self.task,
            source,
            error,
        };
        Done {
            bytes: report.render(&item),
            verdict: None,
            failed: Vec::new(),
            diagnostic: Some(format!("wxacct: {}", error.located(path))),
        }
    }

    /// Checks every profile from `inputs` (or, with none, the flags alone) and writes the report.
    pub fn execute(
        &self,
        inputs: Option<Inputs>,
        report: &mut dyn Report,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Summary> {
        let mut tally = Tally::default();
        report.begin(out)?;
        let Some(mut inputs) = inputs else {
            let rec = RawRecord {
                source: "flags".into(),
                path: "flags".into(),
                line: 1,
                column: 1,
                payload: Ok(b"{}".to_vec()),
            };
            let done = self.check(report, rec);
            tally.add(done, report, out, err)?;
            return self.finish(tally, report, out);
        };
        {
            if self.jobs <= 1 {
                for rec in inputs {
                    let done = self.check(report, rec);
                    tally.add(done, report, out, err)?;
                }
            } else {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(self.jobs)
                    .build()
                    .map_err(io::Error::other)?;
                let mut chunk: Vec<RawRecord> = inputs.by_ref().take(CHUNK).collect();
                while !chunk.is_empty() {
                    let shared: &dyn Report = report;
                    let (done, next) = pool.install(|| {
                        rayon::join(
                            || {
                                chunk
                                    .into_par_iter()
                                    .map(|rec| self.check(shared, rec))
                                    .collect::<Vec<_>>()
                            },
                            || inputs.by_ref().take(CHUNK).collect::<Vec<_>>(),
                        )
                    });
                    for d in done {
                        tally.add(d, report, out, err)?;
                    }
                    chunk = next;
                }
            }
        }
        self.finish(tally, report, out)
    }

    fn finish(
        &self,
        tally: Tally,
        report: &mut dyn Report,
        out: &mut dyn Write,
    ) -> io::Result<Summary> {
        let summary = tally.summary(self.ctx);
        report.end(out, &summary)?;
        out.flush()?;
        Ok(summary)
    }
}

/// Counts kept while writing, on one thread: per verdict, and per failed check (by index).
#[derive(Default)]
struct Tally {
    summary: Summary,
    failed: Vec<u64>,
}

impl Tally {
    fn add(
        &mut self,
        done: Done,
        report: &mut dyn Report,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        let s = &mut self.summary;
        s.total += 1;
        match done.verdict {
            Some(Verdict::Ready) => s.ready += 1,
            Some(Verdict::Blocked) => s.blocked += 1,
            Some(Verdict::Incomplete) => s.incomplete += 1,
            Some(Verdict::NotApplicable) => s.not_applicable += 1,
            None => s.errors += 1,
        }
        for c in done.failed {
            if self.failed.len() <= c {
                self.failed.resize(c + 1, 0);
            }
            self.failed[c] += 1;
        }
        if let Some(d) = done.diagnostic {
            // Diagnostics must not get lost, but a closed stderr is no reason to stop.
            let _ = writeln!(err, "{d}");
        }
        report.write(out, &done.bytes)
    }

    fn summary(mut self, ctx: &Context) -> Summary {
        let mut top: Vec<(usize, u64)> = self
            .failed
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.summary.top_failed = top
            .into_iter()
            .take(TOP_FAILED)
            .map(|(c, count)| CheckCount {
                id: ctx.kb.checks[c].id.clone(),
                count,
            })
            .collect();
        self.summary
    }
}
