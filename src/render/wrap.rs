//! Wrapping one logical line to a width, measured in terminal columns (CJK counts 2).
//!
//! Where a line may break comes from the Unicode line-breaking algorithm (`unicode-linebreak`,
//! which also keeps CJK punctuation off the start of a line), narrowed to what reads well here:
//! between words (after whitespace), between CJK characters, and after a `/`, `-` or `_` in a
//! file name; never inside an id, a date, a profile's id or a menu-path segment. `textwrap`
//! then fits the words to the width. A word wider than the line goes on a line of its own;
//! if it is wider than a whole line, text (prose, a label, a profile's id, a menu segment) is
//! cut further, at a space, `-`, `/` or `_` where it can, so that only an id or a date can
//! overflow.

use std::ops::Range;

use textwrap::core::Fragment;
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::doc::{one_line, Kind, Line, Tone};

/// A run of text in one tone, on one output line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

/// A wrapped line: pieces and their display width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub pieces: Vec<Piece>,
    pub width: usize,
}

impl Wrapped {
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// An unbreakable run of text, with the whitespace after it.
#[derive(Debug)]
struct Word {
    /// Byte range of the word in the line's text (without the whitespace).
    text: Range<usize>,
    /// Byte range of the whitespace after it.
    space: Range<usize>,
    width: usize,
    space_width: usize,
    /// False for ids and dates: they are never cut.
    cuttable: bool,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The line's text, with the span each byte belongs to.
struct Flat {
    text: String,
    /// (end byte, kind, tone) of each span, in order.
    spans: Vec<(usize, Kind, Tone)>,
}

impl Flat {
    fn new(line: &Line) -> Flat {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(line.0.len());
        for s in &line.0 {
            text.push_str(&one_line(&s.text));
            spans.push((text.len(), s.kind, s.tone));
        }
        Flat { text, spans }
    }

    /// The index of the span holding byte `i`.
    fn span_at(&self, i: usize) -> usize {
        self.spans
            .partition_point(|&(end, ..)| end <= i)
            .min(self.spans.len().saturating_sub(1))
    }

    /// Whether a line may break before byte `i` (a break the Unicode rules allow there).
    fn may_break(&self, i: usize) -> bool {
        let Some(before) = self.text[..i].chars().next_back() else {
            return false;
        };
        let Some(after) = self.text[i..].chars().next() else {
            return false;
        };
        let (a, b) = (self.span_at(i - before.len_utf8()), self.span_at(i));
        let inside = a == b;
        let kind = self.spans[a].1;
        if inside {
            match kind {
                Kind::Code | Kind::Atom | Kind::Name => return false,
                Kind::Menu => return self.text[..i].ends_with("› "),
                Kind::Prose | Kind::User => {}
            }
        }
        before.is_whitespace()
            || wide(before)
            || wide(after)
            || (inside && kind == Kind::User && matches!(before, '/' | '-' | '_'))
    }

    fn cuttable(&self, range: &Range<usize>) -> bool {
        let (a, b) = (self.span_at(range.start), self.span_at(range.end - 1));
        (a..=b).all(|s| {
            matches!(
                self.spans[s].1,
                Kind::Prose | Kind::User | Kind::Name | Kind::Menu
            )
        })
    }

    /// Whether `range` is command-line text holding an `=` (`--set FIELD=VALUE`).
    fn assignment(&self, range: &Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        let (a, b) = (self.span_at(range.start), self.span_at(range.end - 1));
        self.text[range.clone()].contains('=') && (a..=b).all(|s| self.spans[s].1 == Kind::Code)
    }

    fn words(&self) -> Vec<Word> {
        let mut cuts: Vec<usize> = linebreaks(&self.text)
            .filter(|&(i, op)| {
                i < self.text.len() && (op == BreakOpportunity::Mandatory || self.may_break(i))
            })
            .map(|(i, _)| i)
            .collect();
        cuts.push(self.text.len());
        let mut words = Vec::with_capacity(cuts.len());
        let mut start = 0;
        for end in cuts {
            if end <= start {
                continue;
            }
            let chunk = &self.text[start..end];
            let word_end = start + chunk.trim_end().len();
            let text = start..word_end;
            let space = word_end..end;
            words.push(Word {
                width: self.text[text.clone()].width(),
                space_width: self.text[space.clone()].width(),
                cuttable: !text.is_empty() && self.cuttable(&text),
                text,
                space,
            });
            start = end;
        }
        words
    }

    /// Cuts free-text words, names and menu-path segments wider than `max` (the whole line)
    /// into pieces that fit: after a space, `-`, `/` or `_` where one fits, else where the
    /// line ends. Ids and dates are never cut; a command-line word (`--set FIELD=VALUE`) only
    /// after its `=`.
    fn cut_long(&self, words: Vec<Word>, max: usize) -> Vec<Word> {
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            if w.width <= max {
                out.push(w);
                continue;
            }
            let assignment = !w.cuttable && self.assignment(&w.text);
            if !(w.cuttable || assignment) {
                out.push(w);
                continue;
            }
            let mut start = w.text.start;
            let mut width = 0;
            // The last place after a separator in the piece being filled, and its width.
            let mut soft: Option<(usize, usize)> = None;
            for (i, c) in self.text[w.text.clone()].char_indices() {
                let at = w.text.start + i;
                let cw = c.width().unwrap_or(0);
                if width + cw > max && at > start && (soft.is_some() || !assignment) {
                    let (cut, cut_width) = soft.unwrap_or((at, width));
                    // A space cut after stays behind as the word's space.
                    let spaced = usize::from(self.text[..cut].ends_with(' '));
                    out.push(Word {
                        text: start..cut - spaced,
                        space: cut - spaced..cut,
                        width: cut_width - spaced,
                        space_width: spaced,
                        cuttable: true,
                    });
                    start = cut;
                    width -= cut_width;
                    soft = None;
                }
                width += cw;
                if assignment {
                    if c == '=' {
                        soft = Some((at + c.len_utf8(), width));
                    }
                } else if matches!(c, ' ' | '-' | '/' | '_') {
                    soft = Some((at + c.len_utf8(), width));
                }
            }
            out.push(Word {
                text: start..w.text.end,
                space: w.space,
                width,
                space_width: w.space_width,
                cuttable: true,
            });
        }
        out
    }

    /// The pieces of `range`, split where the tone changes.
    fn pieces(&self, range: Range<usize>, into: &mut Vec<Piece>) {
        let mut at = range.start;
        while at < range.end {
            let s = self.span_at(at);
            let end = self.spans[s].0.min(range.end);
            let tone = self.spans[s].2;
            match into.last_mut() {
                Some(p) if p.tone == tone => p.text.push_str(&self.text[at..end]),
                _ => into.push(Piece {
                    text: self.text[at..end].to_string(),
                    tone,
                }),
            }
            at = end;
        }
    }
}

fn wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Wraps `line` to `first` columns on its first output line and `rest` on the others.
/// An empty line gives one empty output line.
pub fn wrap(line: &Line, first: usize, rest: usize) -> Vec<Wrapped> {
    let flat = Flat::new(line);
    let words = flat.words();
    let words = flat.cut_long(words, first.min(rest).max(1));
    if words.is_empty() {
        return vec![Wrapped::default()];
    }
    let widths = [first as f64, rest as f64];
    textwrap::wrap_algorithms::wrap_first_fit(&words, &widths)
        .into_iter()
        .map(|line| {
            let mut w = Wrapped::default();
            for (i, word) in line.iter().enumerate() {
                flat.pieces(word.text.clone(), &mut w.pieces);
                w.width += word.width;
                if i + 1 < line.len() {
                    flat.pieces(word.space.clone(), &mut w.pieces);
                    w.width += word.space_width;
                }
            }
            w
        })
        .collect()
}

/// The display width of a line, unwrapped.
pub fn width(line: &Line) -> usize {
    line.0.iter().map(|s| one_line(&s.text).width()).sum()
}
