//! The terminal layout: fits a document to the width (every line at most `width` columns,
//! measured as a terminal shows them) and paints it when colour is on. Paragraphs wrap with
//! a hanging indent; list entries keep their marks in a column with the text beside them;
//! tables keep aligned columns whose cells wrap within their width.

use owo_colors::OwoColorize;

use super::doc::{Block, Entry, Kind, Line, List, Span};
use super::wrap::{self, Piece, Wrapped};
use crate::render::doc::Tone;

/// Indent of list entries and of a paragraph's continuation lines.
const INDENT: usize = 2;
/// Space between a list mark and its text, and between table columns.
const GAP: usize = 2;

#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub width: usize,
    pub color: bool,
}

impl Layout {
    fn paint(&self, p: &Piece, out: &mut String) {
        if !self.color || p.text.trim().is_empty() {
            out.push_str(&p.text);
            return;
        }
        let t = p.text.as_str();
        let painted = match p.tone {
            Tone::Plain => t.to_string(),
            Tone::Strong => t.bold().to_string(),
            Tone::Good => t.green().to_string(),
            Tone::Bad => t.red().bold().to_string(),
            Tone::Warn => t.yellow().to_string(),
            Tone::Unknown => t.magenta().to_string(),
            Tone::Dim => t.dimmed().to_string(),
        };
        out.push_str(&painted);
    }

    /// Writes a wrapped line after `indent` spaces, padded to `pad` columns when given.
    fn emit(&self, indent: usize, line: &Wrapped, pad: Option<usize>, out: &mut String) {
        out.extend(std::iter::repeat_n(' ', indent));
        for p in &line.pieces {
            self.paint(p, out);
        }
        if let Some(pad) = pad {
            out.extend(std::iter::repeat_n(' ', pad.saturating_sub(line.width)));
        }
    }

    /// A paragraph: continuation lines indented.
    fn para(&self, line: &Line, out: &mut String) {
        let rest = self.width.saturating_sub(INDENT);
        for (i, w) in wrap::wrap(line, self.width, rest).iter().enumerate() {
            self.emit(if i == 0 { 0 } else { INDENT }, w, None, out);
            out.push('\n');
        }
    }

    /// A paragraph set in by the indent.
    fn indented(&self, line: &Line, out: &mut String) {
        let width = self.width.saturating_sub(INDENT).max(1);
        for w in wrap::wrap(line, width, width) {
            self.emit(INDENT, &w, None, out);
            out.push('\n');
        }
    }

    fn list(&self, list: &List, out: &mut String) {
        let entries = &list.entries;
        let marks: Vec<Line> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| mark(list.numbered, i, entries.len(), e))
            .collect();
        // The mark column is as wide as the widest mark, up to two fifths of the line; a
        // wider mark gets a line of its own, with its text below.
        let cap = (self.width * 2 / 5).max(1);
        let column = marks
            .iter()
            .map(wrap::width)
            .filter(|&w| w <= cap)
            .max()
            .unwrap_or(0);
        let text_at = INDENT + column + if column > 0 { GAP } else { 0 };
        let text_width = self.width.saturating_sub(text_at).max(1);
        for (e, m) in entries.iter().zip(&marks) {
            let mut pending_mark = None;
            if !m.is_empty() {
                let lines = wrap::wrap(m, self.width.saturating_sub(INDENT), text_width);
                if lines.len() == 1 && lines[0].width <= column {
                    pending_mark = lines.into_iter().next();
                } else {
                    for (i, w) in lines.iter().enumerate() {
                        self.emit(if i == 0 { INDENT } else { text_at }, w, None, out);
                        out.push('\n');
                    }
                }
            }
            if e.body.is_empty() {
                if let Some(w) = pending_mark.take() {
                    self.emit(INDENT, &w, None, out);
                    out.push('\n');
                }
            }
            let folded = e.fold.then(|| fold(&e.body)).flatten();
            let body = match &folded {
                Some(line) if wrap::width(line) <= text_width => std::slice::from_ref(line),
                _ => &e.body[..],
            };
            for line in body {
                let mut at = text_at;
                let mut lines = if list.clip {
                    vec![clip(line, text_width)]
                } else {
                    wrap::wrap(line, text_width, text_width)
                };
                // An id or flag wider than the text column: the line moves left, under the
                // mark, where it has the whole width but the indent.
                if lines.iter().any(|w| w.width > text_width) && at > INDENT {
                    if let Some(mk) = pending_mark.take() {
                        self.emit(INDENT, &mk, None, out);
                        out.push('\n');
                    }
                    let widest = lines.iter().map(|w| w.width).max().unwrap_or(0);
                    at = if widest + 2 * INDENT <= self.width {
                        2 * INDENT
                    } else {
                        INDENT
                    };
                    let wide = self.width.saturating_sub(at).max(1);
                    lines = wrap::wrap(line, wide, wide);
                }
                for w in lines {
                    match pending_mark.take() {
                        Some(mk) => {
                            self.emit(INDENT, &mk, Some(column + GAP), out);
                            self.emit(0, &w, None, out);
                        }
                        None => self.emit(at, &w, None, out),
                    }
                    out.push('\n');
                }
            }
        }
    }

    pub fn render(&self, blocks: &[Block]) -> String {
        let mut out = String::new();
        for b in blocks {
            match b {
                Block::Title(l) | Block::Para(l) => self.para(l, &mut out),
                Block::Heading(l) => {
                    gap(&mut out);
                    self.para(l, &mut out);
                }
                Block::Indented(l) => self.indented(l, &mut out),
                Block::List(list) => self.list(list, &mut out),
                Block::Gap => gap(&mut out),
            }
        }
        out
    }

    /// One table row: each cell wrapped within its column, the columns aligned. The last
    /// column is not padded.
    pub fn row(&self, widths: &[usize], cells: &[Line]) -> String {
        let wrapped: Vec<Vec<Wrapped>> = cells
            .iter()
            .zip(widths)
            .map(|(c, &w)| wrap::wrap(c, w, w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        let mut out = String::new();
        for i in 0..height {
            let mut line = String::new();
            let last = wrapped
                .iter()
                .rposition(|c| c.get(i).is_some_and(|w| !w.pieces.is_empty()))
                .unwrap_or(0);
            for (col, cell) in wrapped.iter().enumerate().take(last + 1) {
                let empty = Wrapped::default();
                let w = cell.get(i).unwrap_or(&empty);
                let pad = (col < last).then(|| widths[col] + GAP);
                self.emit(0, w, pad, &mut line);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// A list entry's mark, numbered when the list is.
fn mark(numbered: bool, i: usize, count: usize, e: &Entry) -> Line {
    if !numbered {
        return if e.mark.is_empty() {
            Line::from(Span::plain("•"))
        } else {
            e.mark.clone()
        };
    }
    let digits = count.to_string().len();
    let n = format!("{:>digits$}.", i + 1);
    if e.mark.is_empty() {
        Line::from(Span::plain(n))
    } else {
        Line::from(Span::plain(n)).then(e.mark.0.clone())
    }
}

/// A blank line, unless the output is empty or already ends with one.
fn gap(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// The lines of a body joined by ` · `, when there are several.
pub fn fold(body: &[Line]) -> Option<Line> {
    if body.len() < 2 {
        return None;
    }
    let mut line = Line::new();
    for (i, l) in body.iter().enumerate() {
        if i > 0 {
            line.push(Span::plain(" · "));
        }
        line.0.extend(l.0.iter().cloned());
    }
    Some(line)
}

/// A line cut to one output line of `width`: the text, then `…` where it was cut, then the
/// ids, dates and marks it ends with, whole.
fn clip(line: &Line, width: usize) -> Wrapped {
    let tail_at = line
        .0
        .iter()
        .rposition(|s| !matches!(s.kind, Kind::Code | Kind::Atom) && !s.text.trim().is_empty())
        .map_or(0, |i| i + 1);
    let (head, tail) = line.0.split_at(tail_at);
    let tail = Line(tail.to_vec());
    let tail_width = wrap::width(&tail);
    let all = wrap::wrap(line, width, width);
    if all.len() <= 1 || tail_width + 2 >= width {
        return all.into_iter().next().unwrap_or_default();
    }
    let room = width - tail_width - 1;
    let mut cut = wrap::wrap(&Line(head.to_vec()), room, room)
        .into_iter()
        .next()
        .unwrap_or_default();
    cut.pieces.push(Piece {
        text: "…".into(),
        tone: Tone::Plain,
    });
    cut.width += 1;
    for w in wrap::wrap(&tail, usize::MAX, usize::MAX) {
        cut.width += w.width;
        cut.pieces.extend(w.pieces);
    }
    cut
}
