//! `table` and `markdown`: a full report for one profile; for many, one row per profile
//! (streamed) and a summary, or full reports with `--detail full`.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::doc::{neutralise, Block, Span};
use super::sections::{self, Labels};
use super::table::Painter;
use super::{markdown, Item, Look, Report, Sink};
use crate::cli::Detail;
use crate::knowledge::Knowledge;
use crate::tasks::result::Summary;

#[derive(Clone)]
pub struct Listing {
    look: Look,
    markdown: bool,
    labels: Labels,
}

impl Listing {
    pub fn new(look: Look, markdown: bool) -> Listing {
        Listing {
            look,
            markdown,
            labels: Labels::new(Knowledge::get(), look.lang),
        }
    }

    fn full(&self) -> bool {
        self.look.single || self.look.detail == Detail::Full
    }

    fn draw(&self, blocks: &[Block]) -> Vec<u8> {
        let mut s = String::new();
        if self.markdown {
            markdown::render(blocks, &mut s);
        } else {
            Painter {
                color: self.look.color,
                width: self.look.width,
            }
            .render(blocks, &mut s);
        }
        s.into_bytes()
    }

    /// A streamed row: markdown table row, or padded columns for a terminal.
    fn row(&self, cells: &[Span]) -> Vec<u8> {
        if self.markdown {
            let text: Vec<String> = cells.iter().map(|c| markdown::escape(&c.text)).collect();
            return format!("| {} |\n", text.join(" | ")).into_bytes();
        }
        let painter = Painter {
            color: self.look.color,
            width: self.look.width,
        };
        let mut line = String::new();
        for (i, c) in cells.iter().enumerate() {
            let text = neutralise(&c.text);
            let pad = ROW_WIDTHS
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(text.width());
            line.push_str(&painter.paint_span(&Span::new(text.into_owned(), c.tone)));
            line.push_str(&" ".repeat(pad + 2));
        }
        let mut out = line.trim_end().to_string();
        out.push('\n');
        out.into_bytes()
    }
}

/// Minimum column widths of the streamed listing (source, id, verdict, failed, unknown, ready on).
const ROW_WIDTHS: [usize; 6] = [24, 10, 12, 0, 0, 0];

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
                    let mut bytes = self.draw(&sections::result(&r, &self.labels));
                    if !self.look.single {
                        bytes.push(b'\n');
                    }
                    bytes
                } else {
                    self.row(&sections::row(
                        &task.summary(ctx, profile, source, eval),
                        &self.labels,
                    ))
                }
            }
            // A lone profile's error is the diagnostic on stderr; nothing to tabulate.
            Item::Error { .. } if self.look.single => Vec::new(),
            Item::Error { source, error, .. } => self.row(&sections::error_row(
                source,
                &error.full_message(self.look.lang),
                &self.labels,
            )),
        }
    }
}

impl Sink for Listing {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.full() {
            return Ok(());
        }
        let header: Vec<Span> = sections::row_header(&self.labels)
            .into_iter()
            .map(|h| Span::new(h, super::doc::Tone::Strong))
            .collect();
        if self.markdown {
            out.write_all(&self.row(&header))?;
            out.write_all(format!("|{}\n", "---|".repeat(header.len())).as_bytes())
        } else {
            out.write_all(&self.row(&header))
        }
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.look.single {
            return Ok(());
        }
        out.write_all(&self.draw(&sections::summary(summary, &self.labels)))
    }
}
