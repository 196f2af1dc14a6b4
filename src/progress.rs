//! A progress line for long batches: profiles done, rate and elapsed time on stderr
//! (indicatif), cleared at the end. It wraps the report's sink, which sees every record written,
//! so the batch runner knows nothing of it. Shown only when asked for (stderr is a terminal,
//! stdout is not, no `--quiet`) and only once a batch has run for a second; until then, and when
//! not asked for, it costs a counter increment per profile.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::render::Sink;
use crate::tasks::result::Summary;

/// A batch shorter than this shows no progress at all.
const AFTER: Duration = Duration::from_secs(1);
/// The clock is read once per this many profiles.
const EVERY: u64 = 256;

/// The progress line, hidden until the batch has run for `AFTER`.
#[derive(Clone)]
pub struct Progress {
    bar: ProgressBar,
    wanted: bool,
    started: Instant,
}

impl Progress {
    /// `wanted`: stderr is a terminal, stdout is not, and no `--quiet`. `counted` says how
    /// many profiles are done, in the output language, `{pos}` standing for the number.
    pub fn new(wanted: bool, counted: &str) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let template = format!("{counted} · {{rate}} · {{elapsed}}");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            let rate = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", s.per_sec());
            };
            bar.set_style(style.with_key("rate", rate));
        }
        Progress {
            bar,
            wanted,
            started: Instant::now(),
        }
    }

    pub fn is_visible(&self) -> bool {
        !self.bar.is_hidden()
    }

    fn record(&self, done: u64) {
        if !self.wanted || done % EVERY != 0 {
            return;
        }
        if self.bar.is_hidden() && self.started.elapsed() >= AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(200));
        }
        self.bar.set_position(done);
    }

    fn clear(&self) {
        if !self.bar.is_finished() {
            self.bar.finish_and_clear();
        }
    }

    /// The report's sink, counting what it writes.
    pub fn sink(&self, inner: Box<dyn Sink>) -> ProgressSink {
        ProgressSink {
            inner,
            progress: self.clone(),
            done: 0,
        }
    }

    /// Standard error for the run's diagnostics, written around the progress line.
    pub fn stderr<W: Write>(&self, inner: W) -> Diagnostics<W> {
        Diagnostics {
            inner,
            bar: self.bar.clone(),
        }
    }
}

pub struct ProgressSink {
    inner: Box<dyn Sink>,
    progress: Progress,
    done: u64,
}

impl Sink for ProgressSink {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.inner.begin(out)
    }

    fn write(&mut self, out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        self.done += 1;
        self.progress.record(self.done);
        self.inner.write(out, bytes)
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.progress.clear();
        self.inner.end(out, summary)
    }
}

impl Drop for ProgressSink {
    /// A run cut short (a closed pipe) leaves no stale progress line either.
    fn drop(&mut self) {
        self.progress.clear();
    }
}

/// Writes diagnostics with the progress line out of the way, then puts it back.
pub struct Diagnostics<W> {
    inner: W,
    bar: ProgressBar,
}

impl<W: Write> Write for Diagnostics<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let inner = &mut self.inner;
        self.bar.suspend(|| inner.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
