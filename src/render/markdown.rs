//! Markdown output: headings, pipe tables, bullet lists. Every text is escaped, so profile
//! labels cannot inject markup.

use super::doc::{Block, Span, Tone};

/// Escapes the characters that mean something in Markdown (and HTML inside it).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn spans(items: &[Span]) -> String {
    items
        .iter()
        .map(|s| match s.tone {
            Tone::Strong | Tone::Bad => format!("**{}**", escape(&s.text)),
            Tone::Dim => format!("*{}*", escape(&s.text)),
            _ => escape(&s.text),
        })
        .collect()
}

pub fn render(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", escape(t))),
            Block::Heading(t) => out.push_str(&format!("\n## {}\n\n", escape(t))),
            Block::Line(s) => out.push_str(&format!("{}\n\n", spans(s))),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", spans(i)));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                out.push_str(&format!(
                    "| {} |\n",
                    header
                        .iter()
                        .map(|h| escape(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for r in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        r.iter()
                            .map(|s| spans(std::slice::from_ref(s)))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    ));
                }
                out.push('\n');
            }
        }
    }
}
