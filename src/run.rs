//! Running a task over every profile and writing the results in input order.
//!
//! A small input (or `--jobs 1`) is read, checked and written on the calling thread. A larger
//! one goes through a pipeline: a reader thread cuts the input into numbered chunks, workers
//! (started one per chunk, up to `--jobs`) check whole chunks, and the calling thread writes
//! them back in order. A fixed number of chunks is in flight at any time, and chunks are sized
//! so that each one's output stays small: memory is flat whatever the input and the format.
//! When a thread cannot be started, the run goes on with the threads it has.
//!
//! Either way, inputs are checked in small batches, one phase at a time (parse, evaluate,
//! render), so that each phase's code stays in the instruction cache for the whole batch.
//!
//! A run ends early when stdout is closed (the exit code is what the profiles written so far
//! earn) or on SIGINT/SIGTERM (after the record being written; the document is closed).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Mutex;
use std::thread::{Builder, Scope};

use crate::engine::{Severity, Status, Verdict};
use crate::interrupt;
use crate::lang::Lang;
use crate::profile::input::{Input, Inputs, RawRecord};
use crate::profile::model::Profile;
use crate::profile::{parse_profile, Overrides, ProfileError};
use crate::render::doc::neutralise;
use crate::render::{Item, Report, Sink};
use crate::tasks::result::{CheckCount, Summary};
use crate::tasks::{Context, Evaluation, Task};

/// Inputs taken through each phase of checking (parse, evaluate, render) before the next
/// phase: enough for each phase's code to be fetched once for many profiles, few enough for
/// what is kept between phases to stay small (docs/performance.md has the measurements).
const BATCH: usize = 32;
/// About the most bytes of records in one batch: a large profile makes a large evaluation, and
/// a batch holds all of its own at once. Typical profiles (about 1 kB) still fill a batch.
const BATCH_INPUT: usize = 32 << 10;
/// Profiles in the first chunk; an input that fits in it is checked without any thread.
const FIRST_CHUNK: usize = 32;
/// Profiles in the next chunks, until the first checked chunk tells how large results are.
const START_CHUNK: usize = 8;
/// Most profiles in a chunk.
const MAX_CHUNK: usize = 512;
/// The output a chunk should come to; chunks of large results (`--detail full`) are shorter.
const CHUNK_OUTPUT: usize = 256 << 10;
/// The input a chunk should come to; chunks of large profiles are shorter.
const CHUNK_INPUT: usize = 512 << 10;
/// The largest output buffer a written chunk gives back for reuse.
const KEPT_OUTPUT: usize = 4 * CHUNK_OUTPUT;
/// Most chunks between the reader and the writer, whatever `--jobs` says.
const MAX_IN_FLIGHT: usize = 16;
/// How many failing checks the summary lists.
const TOP_FAILED: usize = 5;

/// One input, checked and rendered (into its [`Checked`]).
enum Done {
    Profile {
        /// Where its rendered result ends in `Checked::out` (it starts where the one before
        /// ends).
        end: usize,
        verdict: Option<Verdict>,
        /// Where its failed blockers end in `Checked::failed`.
        failed_end: usize,
        /// The stderr line for an unreadable or invalid profile.
        diagnostic: Option<String>,
    },
    /// A warning about an input that was not read.
    Note(String),
}

/// Inputs checked one after the other: their rendered results in one buffer, their failed
/// blockers (by check index) in one list. A chunk is one allocation, not one per profile, and
/// the single-threaded run reuses one for every batch.
#[derive(Default)]
struct Checked {
    out: Vec<u8>,
    failed: Vec<usize>,
    done: Vec<Done>,
}

impl Checked {
    fn clear(&mut self) {
        self.out.clear();
        self.failed.clear();
        self.done.clear();
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Complete,
    /// stdout was closed (`| head`): reading stopped.
    OutputClosed,
    /// A signal (its number) stopped the run after a whole record.
    Interrupted(i32),
}

pub struct Outcome {
    pub summary: Summary,
    pub ending: Ending,
}

/// Why writing stopped early.
enum Stop {
    Closed,
    Interrupted(i32),
    Failed(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        match e.kind() {
            io::ErrorKind::BrokenPipe => Stop::Closed,
            _ => Stop::Failed(e),
        }
    }
}

pub struct Run<'a> {
    pub task: &'a Task,
    pub ctx: &'a Context,
    pub overrides: &'a Overrides,
    /// `--jobs`; `None` for every core, asked only when the input needs a pipeline.
    pub jobs: Option<usize>,
    /// The language of diagnostics.
    pub lang: Lang,
}

/// A diagnostic line for stderr, with anything from the input made visible (a file name or
/// a key cannot start a line of its own or send escape sequences to the terminal).
pub fn diagnostic(text: &str) -> String {
    format!("wxacct: {}", neutralise(text))
}

impl Run<'_> {
    /// Checks one input and adds it to `into`.
    fn check(&self, report: &dyn Report, input: Input, into: &mut Checked) {
        self.check_batch(report, &mut vec![input], into);
    }

    /// Checks inputs and adds them to `into` in order, a batch at a time ([`batch_len`]), each
    /// phase for the whole batch before the next: parsing, evaluating and rendering each keep
    /// their code in the instruction cache. Profiles and evaluations stay where they were made.
    fn check_batch(&self, report: &dyn Report, inputs: &mut Vec<Input>, into: &mut Checked) {
        let mut profiles = Vec::with_capacity(inputs.len().min(BATCH));
        let mut evaluations = Vec::with_capacity(inputs.len().min(BATCH));
        let mut rest = &inputs[..];
        while !rest.is_empty() {
            let batch;
            (batch, rest) = rest.split_at(batch_len(rest));
            profiles.extend(batch.iter().map(|i| self.parse(i)));
            evaluations.extend(profiles.iter().map(|p| self.evaluate(p)));
            for ((input, profile), eval) in batch.iter().zip(&profiles).zip(&evaluations) {
                self.render(report, input, profile, eval, into);
            }
            profiles.clear();
            evaluations.clear();
        }
        inputs.clear();
    }

    /// The first phase: the profile of a record that was read, with the flags applied (`None`
    /// for an input with no profile to parse).
    fn parse(&self, input: &Input) -> Option<Result<Profile, ProfileError>> {
        let Input::Record(RawRecord {
            payload: Ok(bytes),
            line,
            column,
            ..
        }) = input
        else {
            return None;
        };
        let profile = parse_profile(bytes).map_err(|e| e.shifted(*line, *column));
        Some(profile.and_then(|p| self.overrides.apply(p)))
    }

    /// The second phase: the task's verdict and plan for a profile that was read.
    fn evaluate(
        &self,
        profile: &Option<Result<Profile, ProfileError>>,
    ) -> Option<Result<Evaluation, ProfileError>> {
        let Some(Ok(p)) = profile else {
            return None;
        };
        Some(
            self.task
                .evaluate(self.ctx, p)
                .map_err(|e| ProfileError::date_range(e.message())),
        )
    }

    /// The last phase: the result, or the error, rendered into `into`.
    fn render(
        &self,
        report: &dyn Report,
        input: &Input,
        profile: &Option<Result<Profile, ProfileError>>,
        eval: &Option<Result<Evaluation, ProfileError>>,
        into: &mut Checked,
    ) {
        let rec = match input {
            Input::Record(rec) => rec,
            Input::Skipped(why) => {
                into.done
                    .push(Done::Note(diagnostic(&why.render(self.lang))));
                return;
            }
        };
        let (profile, eval) = match (&rec.payload, profile, eval) {
            (_, Some(Ok(profile)), Some(Ok(eval))) => (profile, eval),
            (Err(error), ..) | (_, Some(Err(error)), _) | (_, _, Some(Err(error))) => {
                return self.invalid(report, &rec.source, &rec.path, error, into);
            }
            _ => unreachable!("every record read is parsed, and every profile evaluated"),
        };
        let item = Item::Result {
            task: self.task,
            ctx: self.ctx,
            profile,
            source: &rec.source,
            eval,
        };
        let failed = eval
            .outcomes
            .iter()
            .filter(|o| o.is(Severity::Blocker, Status::Fail))
            .map(|o| o.check);
        into.failed.extend(failed);
        report.render_into(&item, &mut into.out);
        into.done.push(Done::Profile {
            end: into.out.len(),
            verdict: Some(eval.verdict),
            failed_end: into.failed.len(),
            diagnostic: None,
        });
    }

    fn invalid(
        &self,
        report: &dyn Report,
        source: &str,
        path: &str,
        error: &ProfileError,
        into: &mut Checked,
    ) {
        let item = Item::Error {
            task: self.task,
            source,
            path,
            error,
        };
        report.render_into(&item, &mut into.out);
        into.done.push(Done::Profile {
            end: into.out.len(),
            verdict: None,
            failed_end: into.failed.len(),
            diagnostic: Some(diagnostic(
                &error.located_in(path, source, self.lang).to_string(),
            )),
        });
    }

    /// Checks every profile from `inputs` (or, with none, the flags alone) and writes the report.
    pub fn execute(
        &self,
        inputs: Option<Inputs>,
        report: &dyn Report,
        sink: &mut dyn Sink,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Outcome> {
        let mut tally = Tally::default();
        let written = sink.begin(out).map_err(Stop::from).and_then(|()| {
            let mut write = |checked: &Checked| tally.add(checked, sink, out, err);
            match inputs {
                None => {
                    let rec = RawRecord {
                        source: "flags".into(),
                        path: "flags".into(),
                        line: 1,
                        column: 1,
                        payload: Ok(b"{}".to_vec().into()),
                    };
                    let mut checked = Checked::default();
                    self.check(report, Input::Record(rec), &mut checked);
                    write(&checked)
                }
                Some(inputs) => self.each(inputs, report, &mut write),
            }
        });
        let ending = match written {
            // A signal can also end the input early (a read it interrupted).
            Ok(()) => interrupt::received().map_or(Ending::Complete, Ending::Interrupted),
            Err(Stop::Closed) => Ending::OutputClosed,
            Err(Stop::Interrupted(sig)) => Ending::Interrupted(sig),
            Err(Stop::Failed(e)) => return Err(e),
        };
        let summary = tally.summary(self.ctx);
        if ending != Ending::OutputClosed {
            let ended = sink.end(out, &summary).and_then(|()| out.flush());
            match ended.map_err(Stop::from) {
                Ok(()) => {}
                Err(Stop::Failed(e)) => return Err(e),
                Err(_) => {
                    return Ok(Outcome {
                        summary,
                        ending: Ending::OutputClosed,
                    })
                }
            }
        }
        Ok(Outcome { summary, ending })
    }

    /// Checks and writes every input: on this thread when the input is small or `--jobs 1`,
    /// else through the pipeline.
    fn each(
        &self,
        mut inputs: Inputs,
        report: &dyn Report,
        write: &mut dyn FnMut(&Checked) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        let (first, ended) = chunk(&mut inputs, FIRST_CHUNK);
        if !ended {
            let jobs = self
                .jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            if jobs > 1 {
                return self.pipeline(jobs, first, inputs, report, write);
            }
        }
        self.here(first, inputs, report, write)
    }

    /// Checks and writes inputs on this thread, a batch at a time.
    fn here(
        &self,
        first: Vec<Input>,
        mut inputs: Inputs,
        report: &dyn Report,
        write: &mut dyn FnMut(&Checked) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        let mut checked = Checked::default();
        let mut batch = first;
        loop {
            // The records read already, up to a batch: one waiting for a slow pipe is not
            // held back by the next one.
            let mut bytes: usize = batch.iter().map(input_len).sum();
            while has_room(batch.len(), bytes) && (batch.is_empty() || inputs.next_is_buffered()) {
                let Some(input) = inputs.next() else {
                    break;
                };
                bytes += input_len(&input);
                batch.push(input);
            }
            if batch.is_empty() {
                return Ok(());
            }
            checked.clear();
            self.check_batch(report, &mut batch, &mut checked);
            write(&checked)?;
        }
    }

    /// The reader thread reads chunks and starts a worker for each of the first ones (up to
    /// `jobs`); this thread writes the checked chunks in order. Each chunk needs a credit,
    /// given back once it is written, so at most `in_flight` chunks exist at any time. When
    /// writing stops, the reader stops reading and the workers drain what is queued, so that
    /// every thread ends.
    fn pipeline(
        &self,
        jobs: usize,
        first: Vec<Input>,
        inputs: Inputs,
        report: &dyn Report,
        write: &mut dyn FnMut(&Checked) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        let in_flight = (4 * jobs).min(MAX_IN_FLIGHT);
        let shared = Shared {
            stop: AtomicBool::new(false),
            chunk: AtomicUsize::new(START_CHUNK),
            workers: jobs.min(in_flight),
        };
        let pending = Mutex::new(Some((first, inputs)));
        let (work_tx, work_rx) = mpsc::sync_channel::<Work>(shared.workers);
        let work_rx = Mutex::new(work_rx);
        let result = {
            // The reader takes SIGINT and SIGTERM, so that they interrupt a read that waits.
            let _blocked = interrupt::block_here();
            std::thread::scope(|s| {
                let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Checked)>(in_flight);
                // A credit is an emptied chunk: its buffers go round instead of being freed
                // by the writer and allocated anew by a worker.
                let (credit_tx, credit_rx) = mpsc::sync_channel::<Checked>(in_flight);
                for _ in 0..in_flight {
                    let _ = credit_tx.send(Checked::default());
                }
                let (shared, pending, work_rx) = (&shared, &pending, &work_rx);
                let reader = Builder::new().spawn_scoped(s, move || {
                    interrupt::unblock_here();
                    let Some((first, inputs)) = pending.lock().ok().and_then(|mut p| p.take())
                    else {
                        return;
                    };
                    let queues = Queues {
                        credits: credit_rx,
                        work_tx,
                        work_rx,
                        done_tx,
                    };
                    self.read(s, shared, report, first, inputs, queues);
                });
                if reader.is_err() {
                    return None; // No thread at all: the caller runs it here.
                }
                Some(self.write_in_order(shared, done_rx, credit_tx, write))
            })
        };
        match result {
            Some(r) => r,
            None => {
                let (first, inputs) = pending
                    .into_inner()
                    .ok()
                    .flatten()
                    .ok_or_else(|| Stop::Failed(io::Error::other("inputs lost")))?;
                self.here(first, inputs, report, write)
            }
        }
    }

    /// The reader: cuts chunks, starts workers as chunks come, hands chunks out.
    fn read<'scope>(
        &'scope self,
        s: &'scope Scope<'scope, '_>,
        shared: &'scope Shared,
        report: &'scope dyn Report,
        first: Vec<Input>,
        mut inputs: Inputs,
        queues: Queues<'scope>,
    ) {
        let Queues {
            credits,
            work_tx,
            work_rx,
            done_tx,
        } = queues;
        let mut started = 0;
        let mut can_start = true;
        let mut chunk = first;
        for seq in 0u64.. {
            if chunk.is_empty() {
                break;
            }
            let Ok(spare) = credits.recv() else { break };
            if shared.stop.load(Ordering::Relaxed) {
                break;
            }
            if can_start && started < shared.workers {
                let done_tx = done_tx.clone();
                let worker = Builder::new().spawn_scoped(s, move || {
                    let _blocked = interrupt::block_here();
                    self.work(shared, report, work_rx, done_tx);
                });
                match worker {
                    Ok(_) => started += 1,
                    Err(_) => can_start = false,
                }
            }
            let sent = if started == 0 {
                // Not even one worker: check here.
                done_tx
                    .send((seq, self.check_chunk(shared, report, chunk, spare)))
                    .is_ok()
            } else {
                work_tx.send((seq, chunk, spare)).is_ok()
            };
            if !sent {
                break;
            }
            chunk = self::chunk(&mut inputs, shared.chunk.load(Ordering::Relaxed)).0;
        }
    }

    /// A worker: checks whole chunks until there are none.
    fn work(
        &self,
        shared: &Shared,
        report: &dyn Report,
        work_rx: &Mutex<Receiver<Work>>,
        done_tx: SyncSender<(u64, Checked)>,
    ) {
        loop {
            let next = work_rx.lock().map(|rx| rx.recv());
            let Ok(Ok((seq, chunk, spare))) = next else {
                break;
            };
            if shared.stop.load(Ordering::Relaxed) {
                continue; // Drain, so that the reader is never left blocked.
            }
            if done_tx
                .send((seq, self.check_chunk(shared, report, chunk, spare)))
                .is_err()
            {
                shared.stop.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Checks a chunk into `checked` (an emptied one, whose buffers are reused), and sizes
    /// the next chunks by the output this one came to.
    fn check_chunk(
        &self,
        shared: &Shared,
        report: &dyn Report,
        mut chunk: Vec<Input>,
        mut checked: Checked,
    ) -> Checked {
        let n = chunk.len().max(1);
        checked.clear();
        checked.out.reserve(n * (CHUNK_OUTPUT / MAX_CHUNK));
        checked.done.reserve(n);
        self.check_batch(report, &mut chunk, &mut checked);
        let per_profile = (checked.out.len() / n).max(1);
        shared.chunk.store(
            (CHUNK_OUTPUT / per_profile).clamp(1, MAX_CHUNK),
            Ordering::Relaxed,
        );
        checked
    }

    /// Writes the chunks in order as they come back, giving back a credit for each.
    fn write_in_order(
        &self,
        shared: &Shared,
        done_rx: Receiver<(u64, Checked)>,
        credits: SyncSender<Checked>,
        write: &mut dyn FnMut(&Checked) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        let mut waiting: BTreeMap<u64, Checked> = BTreeMap::new();
        let mut next = 0u64;
        let mut written = || -> Result<(), Stop> {
            for (seq, done) in done_rx.iter() {
                waiting.insert(seq, done);
                while let Some(mut chunk) = waiting.remove(&next) {
                    write(&chunk)?;
                    next += 1;
                    chunk.clear();
                    // A chunk that came to much more than most (a huge profile) is not kept.
                    if chunk.out.capacity() > KEPT_OUTPUT {
                        chunk.out = Vec::new();
                    }
                    let _ = credits.send(chunk);
                }
            }
            Ok(())
        };
        let result = written();
        if result.is_err() {
            shared.stop.store(true, Ordering::Relaxed);
        }
        result
    }
}

/// The next inputs: at most `len`, and no more than about [`CHUNK_INPUT`] bytes of them; and
/// whether the input ended.
fn chunk(inputs: &mut Inputs, len: usize) -> (Vec<Input>, bool) {
    let mut bytes = 0;
    let mut out = Vec::with_capacity(len);
    while out.len() < len && bytes < CHUNK_INPUT {
        let Some(input) = inputs.next() else {
            return (out, true);
        };
        bytes += input_len(&input);
        out.push(input);
    }
    (out, false)
}

/// The bytes of an input's record (none for an input that was not read).
fn input_len(input: &Input) -> usize {
    match input {
        Input::Record(RawRecord { payload: Ok(b), .. }) => b.len(),
        _ => 0,
    }
}

/// Whether a batch of `len` inputs holding `bytes` of records takes one more: at most
/// [`BATCH`] inputs, and no more once about [`BATCH_INPUT`] bytes are in (an empty batch
/// always takes one).
fn has_room(len: usize, bytes: usize) -> bool {
    len < BATCH && bytes < BATCH_INPUT
}

/// How many of `inputs` make the next batch ([`has_room`]).
fn batch_len(inputs: &[Input]) -> usize {
    let (mut len, mut bytes) = (0, 0);
    for input in inputs {
        if !has_room(len, bytes) {
            break;
        }
        len += 1;
        bytes += input_len(input);
    }
    len
}

/// The reader's ends of the pipeline's channels, and the queue workers take chunks from.
/// A chunk to check: its number, its inputs, and an emptied chunk to check it into.
type Work = (u64, Vec<Input>, Checked);

struct Queues<'a> {
    credits: Receiver<Checked>,
    work_tx: SyncSender<Work>,
    work_rx: &'a Mutex<Receiver<Work>>,
    done_tx: SyncSender<(u64, Checked)>,
}

/// What the pipeline's threads share.
struct Shared {
    /// Writing stopped: read no more, drain the queue.
    stop: AtomicBool,
    /// Profiles in the next chunk.
    chunk: AtomicUsize,
    /// Most workers to start.
    workers: usize,
}

/// Counts kept while writing, on one thread: per verdict, and per failed check (by index).
#[derive(Default)]
struct Tally {
    summary: Summary,
    failed: Vec<u64>,
}

impl Tally {
    /// Counts and writes checked inputs in order; a signal stops it before a record.
    fn add(
        &mut self,
        checked: &Checked,
        sink: &mut dyn Sink,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Stop> {
        let (mut start, mut failed_start) = (0, 0);
        for done in &checked.done {
            if let Some(sig) = interrupt::received() {
                return Err(Stop::Interrupted(sig));
            }
            let (end, verdict, failed_end, diagnostic) = match done {
                Done::Note(line) => {
                    let _ = writeln!(err, "{line}");
                    continue;
                }
                Done::Profile {
                    end,
                    verdict,
                    failed_end,
                    diagnostic,
                } => (*end, *verdict, *failed_end, diagnostic),
            };
            let s = &mut self.summary;
            s.total += 1;
            match verdict {
                Some(Verdict::Ready) => s.ready += 1,
                Some(Verdict::Blocked) => s.blocked += 1,
                Some(Verdict::Incomplete) => s.incomplete += 1,
                Some(Verdict::NotApplicable) => s.not_applicable += 1,
                None => s.errors += 1,
            }
            for &c in &checked.failed[failed_start..failed_end] {
                if self.failed.len() <= c {
                    self.failed.resize(c + 1, 0);
                }
                self.failed[c] += 1;
            }
            if let Some(d) = diagnostic {
                // Diagnostics must not get lost, but a closed stderr is no reason to stop.
                let _ = writeln!(err, "{d}");
            }
            sink.write(out, &checked.out[start..end])?;
            (start, failed_start) = (end, failed_end);
        }
        Ok(())
    }

    fn summary(mut self, ctx: &Context) -> Summary {
        let mut top: Vec<(usize, u64)> = std::mem::take(&mut self.failed)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record(len: usize) -> Input {
        Input::Record(RawRecord {
            source: "t".into(),
            path: "t".into(),
            line: 1,
            column: 1,
            payload: Ok(vec![b' '; len].into()),
        })
    }

    /// A batch is at most `BATCH` inputs and stops once `BATCH_INPUT` bytes are reached: a
    /// large record makes a batch of its own, and an input that was not read weighs nothing.
    #[test]
    fn a_batch_is_bounded_by_count_and_by_bytes() {
        let small: Vec<Input> = (0..BATCH + 8).map(|_| record(1000)).collect();
        assert_eq!(batch_len(&small), BATCH);
        assert_eq!(batch_len(&small[BATCH..]), 8);
        let large: Vec<Input> = (0..5).map(|_| record(BATCH_INPUT / 2)).collect();
        assert_eq!(batch_len(&large), 2);
        let huge = [record(4 * BATCH_INPUT), record(10)];
        assert_eq!(batch_len(&huge), 1);
        let skipped: Vec<Input> = (0..BATCH + 1)
            .map(|_| Input::Skipped(crate::message::Message::verbatim("x")))
            .collect();
        assert_eq!(batch_len(&skipped), BATCH);
        assert_eq!(batch_len(&[]), 0);
    }
}
