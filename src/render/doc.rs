//! A format-neutral document: what the table and markdown renderers draw.

/// How a piece of text should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Warn,
    Dim,
    Strong,
}

#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub tone: Tone,
}

impl Span {
    pub fn new(text: impl Into<String>, tone: Tone) -> Span {
        Span {
            text: text.into(),
            tone,
        }
    }
    pub fn plain(text: impl Into<String>) -> Span {
        Span::new(text, Tone::Plain)
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    Title(String),
    Heading(String),
    Line(Vec<Span>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Span>>,
    },
    Bullets(Vec<Vec<Span>>),
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
