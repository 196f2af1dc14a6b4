//! A format-neutral document: what the terminal layout and the markdown writer draw. It says
//! what each piece of text is (prose, an id, a date, a menu path, a user's label) and how it
//! should stand out; how wide the lines are is the layout's business.

use std::borrow::Cow;

/// How a piece of text should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Headings and labels.
    Strong,
    /// Passed, ready, recommended.
    Good,
    /// A failed blocker.
    Bad,
    /// A failed warning.
    Warn,
    /// Unknown: a fact is missing.
    Unknown,
    /// Sources and other asides.
    Dim,
}

/// What a piece of text is, which decides where a line may break inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Words: breaks between words, and between CJK characters.
    Prose,
    /// An id, field path, flag or command: never broken (code in markdown).
    Code,
    /// A date or figure: never broken.
    Atom,
    /// A menu path: breaks only after a `›`, never inside a segment.
    Menu,
    /// Text from the profile or the file system (a label, a file name): shown through
    /// [`neutralise`]; breaks like prose, and also after a `/`, `-` or `_`.
    User,
    /// A profile's id: shown through [`neutralise`]; broken only when longer than a line.
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub tone: Tone,
    pub kind: Kind,
}

impl Span {
    pub fn new(text: impl Into<String>, tone: Tone, kind: Kind) -> Span {
        Span {
            text: text.into(),
            tone,
            kind,
        }
    }
    pub fn plain(text: impl Into<String>) -> Span {
        Span::new(text, Tone::Plain, Kind::Prose)
    }
    pub fn toned(text: impl Into<String>, tone: Tone) -> Span {
        Span::new(text, tone, Kind::Prose)
    }
    pub fn code(text: impl Into<String>, tone: Tone) -> Span {
        Span::new(text, tone, Kind::Code)
    }
    pub fn atom(text: impl Into<String>, tone: Tone) -> Span {
        Span::new(text, tone, Kind::Atom)
    }
    pub fn menu(text: impl Into<String>) -> Span {
        Span::new(text, Tone::Plain, Kind::Menu)
    }
    /// Text the user controls: made harmless here, once, whatever the format.
    pub fn user(text: &str, tone: Tone) -> Span {
        Span::new(neutralise(text), tone, Kind::User)
    }
    /// A profile's id, made harmless like [`Span::user`].
    pub fn name(text: &str, tone: Tone) -> Span {
        Span::new(neutralise(text), tone, Kind::Name)
    }
    /// Source citations, dimmed.
    pub fn sources(list: &[&str]) -> Span {
        Span::code(list.join(", "), Tone::Dim)
    }
}

/// One logical line: the layout wraps it to the width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line(pub Vec<Span>);

impl Line {
    pub fn new() -> Line {
        Line(Vec::new())
    }
    pub fn of(spans: impl IntoIterator<Item = Span>) -> Line {
        Line(spans.into_iter().collect())
    }
    pub fn push(&mut self, s: Span) -> &mut Line {
        self.0.push(s);
        self
    }
    pub fn with(mut self, s: Span) -> Line {
        self.0.push(s);
        self
    }
    /// Appends spans after a space (nothing when `spans` is empty).
    pub fn then(mut self, spans: impl IntoIterator<Item = Span>) -> Line {
        let mut spans = spans.into_iter().peekable();
        if spans.peek().is_some() && !self.0.is_empty() {
            self.0.push(Span::plain(" "));
        }
        self.0.extend(spans);
        self
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text.is_empty())
    }
    /// The text without styling.
    pub fn text(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

impl From<Span> for Line {
    fn from(s: Span) -> Line {
        Line(vec![s])
    }
}

/// One entry of a list: a mark (a number, an id, a date) and lines beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub mark: Line,
    pub body: Vec<Line>,
    /// The body goes on one line, its lines joined by ` · `, when that fits the width.
    pub fold: bool,
}

impl Entry {
    pub fn new(mark: impl Into<Line>, body: impl IntoIterator<Item = Line>) -> Entry {
        Entry {
            mark: mark.into(),
            body: body.into_iter().filter(|l| !l.is_empty()).collect(),
            fold: false,
        }
    }
    /// An entry with no mark: a bullet.
    pub fn bullet(body: impl IntoIterator<Item = Line>) -> Entry {
        Entry::new(Line::new(), body)
    }
    pub fn folded(mut self) -> Entry {
        self.fold = true;
        self
    }
}

/// Entries, each a mark and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// Counted from 1 before the marks.
    pub numbered: bool,
    /// Each body line is cut to one line of the width (with `…`), keeping the ids, dates
    /// and marks at its end: for compact summaries whose full text `--verbose` shows.
    pub clip: bool,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The first line of a report.
    Title(Line),
    /// A section heading, after a blank line.
    Heading(Line),
    /// A paragraph.
    Para(Line),
    /// A paragraph set in by the list indent.
    Indented(Line),
    List(List),
    /// A blank line.
    Gap,
}

/// Makes text that comes from the user (an id, a label, a file name, an error message that
/// quotes the input) safe to show: line breaks, control characters and bidirectional
/// overrides are written out visibly (`\n`, `\u{1b}`), so that such text can neither start a
/// line of its own (a forged verdict or row) nor move the cursor, recolour the screen or
/// reorder what is shown.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(hidden) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// A character that acts on the display rather than showing: controls (C0, DEL, C1), line and
/// paragraph separators, and bidirectional marks and overrides.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Text as one line: whatever [`neutralise`] leaves, no character of it can start a new line
/// or move the cursor (a newline, a line separator or another control character becomes a
/// space).
pub fn one_line(s: &str) -> Cow<'_, str> {
    let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !s.chars().any(breaks) {
        return s.into();
    }
    s.chars()
        .map(|c| if breaks(c) { ' ' } else { c })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn line_breaks_and_controls_become_visible() {
        assert_eq!(neutralise("plain text"), "plain text");
        assert_eq!(
            neutralise("a\nVerdict: ready\r\t\u{1b}[31m\u{0}\u{7f}\u{9b}"),
            "a\\nVerdict: ready\\r\\t\\u{1b}[31m\\0\\u{7f}\\u{9b}"
        );
        assert_eq!(neutralise("x\u{2028}y\u{202e}z"), "x\\u{2028}y\\u{202e}z");
        assert!(!neutralise("\u{1b}]8;;http://x\u{7}").contains(['\u{1b}', '\u{7}']));
    }
}
