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

/// Replaces terminal control characters (an ANSI escape in a group name, say) with visible
/// stand-ins, so that profile text cannot move the cursor or recolour the screen.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return s.into();
    }
    s.chars()
        .map(|c| match c {
            '\n' => '\n',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .into()
}
