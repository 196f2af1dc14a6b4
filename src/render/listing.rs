//! `table` and `markdown`: a full report for one profile; for many, one row per profile
//! (streamed, so the columns are sized from the width, not from the rows) and a summary, or
//! full reports with `--detail full`.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use super::doc::{Block, Line, Span, Tone};
use super::labels::Labels;
use super::layout::Layout;
use super::view::View;
use super::{markdown, page, wrap, Item, Look, Report, Sink};
use crate::cli::Detail;
use crate::engine::{ReadyOn, Verdict};
use crate::knowledge::Knowledge;
use crate::tasks::result::{ResultSummary, Summary};

/// Lines a list of check ids may take in a row before the rest is cut to "+N more".
const LIST_LINES: usize = 2;
/// Columns: profile, verdict, ready on, failed, unknown.
const COLUMNS: usize = 5;

#[derive(Clone)]
pub struct Listing {
    look: Look,
    markdown: bool,
    labels: Labels,
    widths: [usize; COLUMNS],
    marks: Arc<Marks>,
}

/// The marks the rows used, so that the summary explains those and no others. Rows are
/// rendered on several threads; the summary is written after the last.
#[derive(Default)]
struct Marks {
    provisional: AtomicBool,
    no_date: AtomicBool,
}

impl Listing {
    pub fn new(look: Look, markdown: bool) -> Listing {
        let labels = Labels::new(Knowledge::get(), look.lang);
        Listing {
            look,
            markdown,
            widths: widths(&labels, look.width),
            labels,
            marks: Arc::default(),
        }
    }

    fn full(&self) -> bool {
        self.look.single || self.look.detail == Detail::Full
    }

    fn layout(&self) -> Layout {
        Layout {
            width: self.look.width,
            color: self.look.color,
        }
    }

    fn draw(&self, blocks: &[Block]) -> Vec<u8> {
        if self.markdown {
            markdown::render(blocks)
        } else {
            self.layout().render(blocks)
        }
        .into_bytes()
    }

    fn row(&self, cells: &[Line]) -> Vec<u8> {
        if self.markdown {
            markdown::row(cells)
        } else {
            self.layout().row(&self.widths, cells)
        }
        .into_bytes()
    }

    /// A list of check ids that fits its cell: as many as fit in [`LIST_LINES`] lines, then
    /// "+N more". Markdown has room for all of them.
    fn ids(&self, ids: &[&str], width: usize, tone: Tone) -> Line {
        let l = self.labels;
        let line = |shown: &[&str], rest: usize| {
            let mut line = Line::new();
            for (i, id) in shown.iter().enumerate() {
                if i > 0 {
                    line.push(Span::plain(", "));
                }
                line.push(Span::code(*id, tone));
            }
            if rest > 0 {
                let more = if shown.is_empty() {
                    l.n(&l.ui.checks_n, rest)
                } else {
                    l.n(&l.ui.more_n, rest)
                };
                line = line.then([Span::atom(more, Tone::Dim)]);
            }
            line
        };
        if self.markdown {
            return line(ids, 0);
        }
        let fits = |line: &Line| {
            let lines = wrap::wrap(line, width, width);
            lines.len() <= LIST_LINES && lines.iter().all(|w| w.width <= width)
        };
        let mut shown: Vec<&str> = Vec::new();
        for id in ids {
            shown.push(id);
            if !fits(&line(&shown, ids.len() - shown.len())) {
                shown.pop();
            }
        }
        while !shown.is_empty() && !fits(&line(&shown, ids.len() - shown.len())) {
            shown.pop();
        }
        line(&shown, ids.len() - shown.len())
    }

    fn ready_on(&self, r: Option<ReadyOn>) -> Line {
        match r {
            None => {
                self.marks.no_date.store(true, Ordering::Relaxed);
                Span::atom("—", Tone::Bad).into()
            }
            Some(r) => {
                let mut line = Line::from(Span::atom(r.earliest.to_string(), Tone::Plain));
                if r.latest != r.earliest {
                    line = line.then([
                        Span::plain("… "),
                        Span::atom(r.latest.to_string(), Tone::Plain),
                    ]);
                }
                if r.provisional {
                    self.marks.provisional.store(true, Ordering::Relaxed);
                    line.push(Span::atom(" ?", Tone::Unknown));
                }
                line
            }
        }
    }

    fn summary_row(&self, s: &ResultSummary<'_>) -> Vec<Line> {
        let profile = match s.id {
            Some(id) => Span::name(id, Tone::Plain),
            None => Span::user(s.source, Tone::Plain),
        };
        let failed: Vec<&str> = s.failed.names().collect();
        let unknown: Vec<&str> = s.unknown.names().collect();
        vec![
            profile.into(),
            self.labels.verdict(s.verdict).into(),
            self.ready_on(s.ready_on),
            self.ids(&failed, self.widths[3], Tone::Bad),
            self.ids(&unknown, self.widths[4], Tone::Unknown),
        ]
    }

    fn error_row(&self, source: &str, message: &str) -> Vec<u8> {
        let cells = [
            Span::user(source, Tone::Plain).into(),
            Span::toned(self.labels.t(&self.labels.ui.error_result), Tone::Bad).into(),
            Span::user(message, Tone::Plain).into(),
        ];
        if self.markdown {
            let mut cells = cells.to_vec();
            cells.resize(COLUMNS, Line::new());
            return markdown::row(&cells).into_bytes();
        }
        // The message spans the last three columns.
        let w = &self.widths;
        let spanned = [w[0], w[1], w[2] + w[3] + w[4] + 2 * 2];
        self.layout().row(&spanned, &cells).into_bytes()
    }

    fn header(&self) -> Vec<Line> {
        let ui = self.labels.ui;
        [
            &ui.col_profile,
            &ui.verdict,
            &ui.col_ready_on,
            &ui.col_failed,
            &ui.col_unknown,
        ]
        .iter()
        .map(|t| {
            let tone = if self.markdown {
                Tone::Plain
            } else {
                Tone::Strong
            };
            Span::toned(self.labels.t(t), tone).into()
        })
        .collect()
    }
}

/// Column widths for `width`: the verdict and the date as wide as they need, the profile a
/// share of the rest, the two lists of ids the remainder, evenly.
fn widths(l: &Labels, width: usize) -> [usize; COLUMNS] {
    let ui = l.ui;
    // A verdict of two words may take two lines: the widest word sets the column.
    let verdict = [
        &ui.verdict_ready,
        &ui.verdict_blocked,
        &ui.verdict_incomplete,
        &ui.verdict_not_applicable,
        &ui.error_result,
        &ui.verdict,
    ]
    .iter()
    .flat_map(|t| l.t(t).split(' '))
    .map(UnicodeWidthStr::width)
    .max()
    .unwrap_or(0);
    let date = "2026-01-01 ?".len().max(l.t(&ui.col_ready_on).width());
    let rest = width.saturating_sub(verdict + date + 2 * (COLUMNS - 1));
    // Each list needs room for "15 checks"; the profile takes up to three tenths of the rest.
    let list_min = 2 * 10;
    let profile = (rest * 3 / 10)
        .clamp(12, 24)
        .min(rest.saturating_sub(list_min))
        .max(8);
    let lists = rest.saturating_sub(profile).max(list_min);
    [profile, verdict, date, lists / 2, lists - lists / 2]
}

impl Report for Listing {
    fn render(&self, item: &Item<'_>) -> Vec<u8> {
        match item {
            Item::Result {
                task,
                ctx,
                profile,
                source,
                eval,
            } => {
                if self.full() {
                    let r = task.result(ctx, profile, source, eval, self.look.lang);
                    let view = View::new(&r, ctx.start);
                    let mut bytes = self.draw(&page::report(&view, self.labels, self.look.verbose));
                    if !self.look.single {
                        bytes.push(b'\n');
                    }
                    bytes
                } else {
                    self.row(&self.summary_row(&task.summary(ctx, profile, source, eval)))
                }
            }
            // A lone profile's error is the diagnostic on stderr; nothing to tabulate.
            Item::Error { .. } if self.look.single => Vec::new(),
            Item::Error { source, error, .. } => {
                self.error_row(source, &error.full_message(self.look.lang))
            }
        }
    }
}

impl Sink for Listing {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.full() {
            return Ok(());
        }
        out.write_all(&self.row(&self.header()))?;
        if self.markdown {
            out.write_all(markdown::rule(COLUMNS).as_bytes())?;
        }
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.look.single {
            return Ok(());
        }
        if !self.full() {
            out.write_all(b"\n")?;
        }
        let marks = [
            (!self.full() && self.marks.provisional.load(Ordering::Relaxed))
                .then_some(Mark::Provisional),
            (!self.full() && self.marks.no_date.load(Ordering::Relaxed)).then_some(Mark::NoDate),
        ];
        let marks: Vec<Mark> = marks.into_iter().flatten().collect();
        out.write_all(&self.draw(&summary_blocks(summary, &self.labels, &marks)))
    }
}

/// A mark of the table that the summary explains.
#[derive(Clone, Copy)]
enum Mark {
    Provisional,
    NoDate,
}

/// Counts per verdict, the marks the table used, and the most frequent failing blockers.
fn summary_blocks(s: &Summary, l: &Labels, marks: &[Mark]) -> Vec<Block> {
    let ui = l.ui;
    let n = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
    let mut line = Line::from(Span::toned(
        format!(
            "{}{}",
            l.n(&ui.summary_profiles, n(s.total)),
            l.t(&ui.label_sep)
        ),
        Tone::Strong,
    ));
    let counts = [
        (Verdict::Ready, s.ready),
        (Verdict::Blocked, s.blocked),
        (Verdict::Incomplete, s.incomplete),
        (Verdict::NotApplicable, s.not_applicable),
    ];
    let mut parts: Vec<Span> = counts
        .into_iter()
        .filter(|&(_, c)| c > 0)
        .map(|(v, c)| {
            let label = l.verdict(v);
            Span::toned(
                l.t(&ui.summary_count)
                    .replace("{n}", &c.to_string())
                    .replace("{label}", &label.text),
                label.tone,
            )
        })
        .collect();
    if s.errors > 0 {
        parts.push(Span::toned(l.n(&ui.summary_errors, n(s.errors)), Tone::Bad));
    }
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            line.push(Span::plain(l.t(&ui.list_sep)));
        }
        line.push(p);
    }
    let mut b = vec![Block::Para(line)];
    for mark in marks {
        let (sign, tone, text) = match mark {
            Mark::Provisional => ("?", Tone::Unknown, &ui.legend_provisional),
            Mark::NoDate => ("—", Tone::Bad, &ui.legend_no_date),
        };
        b.push(Block::Para(Line::of([
            Span::atom(sign, tone),
            Span::toned(format!(" {}", l.t(text)), Tone::Dim),
        ])));
    }
    if !s.top_failed.is_empty() {
        let mut line = Line::from(l.label(&ui.most_failing));
        for (i, c) in s.top_failed.iter().enumerate() {
            if i > 0 {
                line.push(Span::plain(l.t(&ui.list_sep)));
            }
            line.push(Span::code(c.id.clone(), Tone::Bad));
            line.push(Span::atom(format!(" ×{}", c.count), Tone::Plain));
        }
        b.push(Block::Para(line));
    }
    b
}
