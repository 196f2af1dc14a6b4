//! Markdown output, valid CommonMark (tables in the GitHub dialect): headings, paragraphs,
//! lists, code spans for ids. Every text is escaped, so profile labels cannot inject markup,
//! and emphasis is only written where CommonMark will read it as emphasis.

use super::doc::{one_line, Block, Kind, Line, Span, Tone};
use super::layout::fold;

/// Escapes the characters that mean something in Markdown (and HTML inside it).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code span holding `s` literally, whatever backticks it contains. In a table cell the
/// pipes are escaped too (the table dialect reads them before the code span).
fn code(s: &str, in_table: bool) -> String {
    let s = one_line(s);
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    let body = if in_table {
        s.replace('|', "\\|")
    } else {
        s.into_owned()
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

fn punct(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace()))
}
fn word(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace() && !punct(Some(c)))
}

/// Whether `**x**` between `before` and `after` is emphasis to a CommonMark reader: the
/// opening run must be left-flanking and the closing one right-flanking.
fn emphasis_reads(before: Option<char>, inner: &str, after: Option<char>) -> bool {
    let (first, last) = (inner.chars().next(), inner.chars().next_back());
    let opens = word(first) || (punct(first) && !word(before));
    let closes = word(last) || (punct(last) && !word(after));
    !inner.is_empty() && opens && closes
}

/// The spans of a line, neighbours in the same style merged (so that emphasis opens and
/// closes once around them).
fn merged(line: &Line, plain: bool) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for s in line.0.iter().filter(|s| !s.text.is_empty()) {
        let mut s = s.clone();
        if plain && s.kind != Kind::Code {
            s.tone = Tone::Plain;
        }
        match spans.last_mut() {
            Some(last)
                if last.kind != Kind::Code && s.kind != Kind::Code && last.tone == s.tone =>
            {
                last.text.push_str(&s.text)
            }
            _ => spans.push(s),
        }
    }
    spans
}

/// One line of inline markdown; `plain` leaves out emphasis (in headings, say).
fn inline(line: &Line, in_table: bool, plain: bool) -> String {
    let mut out = String::new();
    let spans = merged(line, plain);
    for (i, s) in spans.iter().enumerate() {
        if s.kind == Kind::Code {
            out.push_str(&code(&s.text, in_table));
            continue;
        }
        let text = escape(&s.text);
        let delim = match s.tone {
            Tone::Strong | Tone::Bad => "**",
            Tone::Dim => "*",
            _ => "",
        };
        let inner = text.trim();
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let before = format!("{out}{lead}").chars().next_back();
        let after = if trail.is_empty() {
            spans.get(i + 1).and_then(|n| n.text.chars().next())
        } else {
            Some(' ')
        };
        if delim.is_empty() || !emphasis_reads(before, inner, after) {
            out.push_str(&text);
        } else {
            out.push_str(&format!("{lead}{delim}{inner}{delim}{trail}"));
        }
    }
    out
}

/// Escapes what would make a line start a block (a list item, a heading underline, a
/// thematic break, an indented code block).
fn line_start(s: String) -> String {
    let s = s.trim_start().to_string();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    match s.chars().next() {
        Some('-' | '+' | '=') => format!("\\{s}"),
        Some(_) if digits > 0 && matches!(s[digits..].chars().next(), Some('.' | ')')) => {
            format!("{}\\{}", &s[..digits], &s[digits..])
        }
        _ => s,
    }
}

pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(l) => out.push_str(&format!("# {}\n\n", inline(l, false, true))),
            Block::Heading(l) => out.push_str(&format!("## {}\n\n", inline(l, false, true))),
            Block::Para(l) | Block::Indented(l) => {
                out.push_str(&format!("{}\n\n", line_start(inline(l, false, false))))
            }
            Block::List(list) => {
                for (i, e) in list.entries.iter().enumerate() {
                    let marker = if list.numbered {
                        format!("{}. ", i + 1)
                    } else {
                        "- ".to_string()
                    };
                    let indent = " ".repeat(marker.len());
                    let mut lines: Vec<String> = Vec::new();
                    let mark = inline(&e.mark, false, false);
                    let folded = e.fold.then(|| fold(&e.body)).flatten();
                    let source = folded.as_ref().map_or(&e.body[..], std::slice::from_ref);
                    let mut body = source.iter().map(|l| inline(l, false, false));
                    let first = match (mark.is_empty(), body.next()) {
                        (true, Some(b)) => b,
                        (false, Some(b)) => format!("{mark} {b}"),
                        (_, None) => mark,
                    };
                    lines.push(line_start(first));
                    lines.extend(body.map(line_start));
                    out.push_str(&marker);
                    // A backslash at the end of a line is a hard line break.
                    out.push_str(&lines.join(&format!("\\\n{indent}")));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Gap => {}
        }
    }
    out
}

/// A table row (the table dialect of GitHub): `| a | b |`.
pub fn row(cells: &[Line]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| inline(c, true, false)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// The line under a table's header.
pub fn rule(columns: usize) -> String {
    format!("|{}\n", "---|".repeat(columns))
}
