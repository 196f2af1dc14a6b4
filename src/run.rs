//! Running a task over every profile: read a chunk, check it on all cores while the next
//! chunk is read, write the results in input order. Memory holds two chunks at most.

use std::io::{self, Write};

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

use crate::engine::{Severity, Status, Verdict};
use crate::profile::input::{Inputs, RawRecord};
use crate::profile::{parse_profile, Overrides, ProfileError};
use crate::render::{Item, Report, Sink};
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
        let checked = rec
            .payload
            .and_then(|b| parse_profile(&b).map_err(|e| e.shifted(rec.line, rec.column)))
            .and_then(|p| self.overrides.apply(p))
            .and_then(|p| match self.task.evaluate(self.ctx, &p) {
                Ok(eval) => Ok((p, eval)),
                Err(e) => Err(ProfileError::date_range(e.to_string())),
            });
        match checked {
            Ok((profile, eval)) => {
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
        report: &dyn Report,
        sink: &mut dyn Sink,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Summary> {
        let mut tally = Tally::default();
        sink.begin(out)?;
        match inputs {
            None => {
                let rec = RawRecord {
                    source: "flags".into(),
                    path: "flags".into(),
                    line: 1,
                    column: 1,
                    payload: Ok(b"{}".to_vec().into()),
                };
                tally.add(self.check(report, rec), sink, out, err)?;
            }
            Some(inputs) if self.jobs <= 1 => {
                for rec in inputs {
                    tally.add(self.check(report, rec), sink, out, err)?;
                }
            }
            Some(inputs) => {
                self.pipeline(inputs, report, &mut |done| tally.add(done, sink, out, err))?
            }
        }
        let summary = tally.summary(self.ctx);
        sink.end(out, &summary)?;
        out.flush()?;
        Ok(summary)
    }

    /// One reader thread cuts the input into numbered chunks; `jobs` workers each check whole
    /// chunks; the calling thread puts them back in order and writes them. Channels are bounded,
    /// so at most a few chunks are in memory. When writing fails (a closed stdout), `stop` tells
    /// the reader to stop reading and the workers to drain what is queued, so every thread ends.
    fn pipeline(
        &self,
        mut inputs: Inputs,
        report: &dyn Report,
        write: &mut dyn FnMut(Done) -> io::Result<()>,
    ) -> io::Result<()> {
        let stop = AtomicBool::new(false);
        let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Vec<RawRecord>)>(self.jobs * 2);
        let work_rx = Mutex::new(work_rx);
        std::thread::scope(|s| {
            let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Vec<Done>)>(self.jobs * 2);
            let stop = &stop;
            s.spawn(move || {
                for seq in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let chunk: Vec<RawRecord> = inputs.by_ref().take(CHUNK).collect();
                    if chunk.is_empty() || work_tx.send((seq, chunk)).is_err() {
                        break;
                    }
                }
            });
            for _ in 0..self.jobs {
                let (work_rx, done_tx) = (&work_rx, done_tx.clone());
                s.spawn(move || loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, chunk))) = next else { break };
                    if stop.load(Ordering::Relaxed) {
                        continue; // Drain, so that the reader is never left blocked.
                    }
                    let done = chunk
                        .into_iter()
                        .map(|rec| self.check(report, rec))
                        .collect();
                    if done_tx.send((seq, done)).is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                });
            }
            drop(done_tx);
            let mut waiting: BTreeMap<u64, Vec<Done>> = BTreeMap::new();
            let mut next = 0u64;
            let mut written = || -> io::Result<()> {
                for (seq, done) in done_rx.iter() {
                    waiting.insert(seq, done);
                    while let Some(chunk) = waiting.remove(&next) {
                        for d in chunk {
                            write(d)?;
                        }
                        next += 1;
                    }
                }
                Ok(())
            };
            let result = written();
            if result.is_err() {
                stop.store(true, Ordering::Relaxed);
            }
            drop(done_rx);
            result
        })
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
        sink: &mut dyn Sink,
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
        sink.write(out, &done.bytes)
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
