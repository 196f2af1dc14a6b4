//! Human-readable output for a terminal: headings, comfy-table tables, optional colour.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};
use owo_colors::OwoColorize;

use super::doc::{Block, Span, Tone};

pub struct Painter {
    pub color: bool,
    /// `None` to fit the terminal.
    pub width: Option<u16>,
}

impl Painter {
    /// Text from the user reaches spans through `doc::neutralise`; line breaks left in a span
    /// are the layout's own.
    pub fn paint_span(&self, s: &Span) -> String {
        let text = s.text.as_str();
        if !self.color {
            return text.to_string();
        }
        match s.tone {
            Tone::Plain => text.to_string(),
            Tone::Good => text.green().to_string(),
            Tone::Bad => text.red().bold().to_string(),
            Tone::Warn => text.yellow().to_string(),
            Tone::Dim => text.dimmed().to_string(),
            Tone::Strong => text.bold().to_string(),
        }
    }

    fn cell(&self, s: &Span) -> Cell {
        let cell = Cell::new(&s.text);
        if !self.color {
            return cell;
        }
        match s.tone {
            Tone::Plain => cell,
            Tone::Good => cell.fg(Color::Green),
            Tone::Bad => cell.fg(Color::Red).add_attribute(Attribute::Bold),
            Tone::Warn => cell.fg(Color::Yellow),
            Tone::Dim => cell.add_attribute(Attribute::Dim),
            Tone::Strong => cell.add_attribute(Attribute::Bold),
        }
    }

    pub fn render(&self, blocks: &[Block], out: &mut String) {
        for b in blocks {
            match b {
                Block::Title(t) => {
                    out.push_str(&self.paint_span(&Span::new(t.as_str(), Tone::Strong)));
                    out.push('\n');
                }
                Block::Heading(t) => {
                    out.push('\n');
                    out.push_str(&self.paint_span(&Span::new(t.as_str(), Tone::Strong)));
                    out.push('\n');
                }
                Block::Line(spans) => {
                    for s in spans {
                        out.push_str(&self.paint_span(s));
                    }
                    out.push('\n');
                }
                Block::Bullets(items) => {
                    for item in items {
                        out.push_str("  • ");
                        for s in item {
                            out.push_str(&self.paint_span(s));
                        }
                        out.push('\n');
                    }
                }
                Block::Table { header, rows } => {
                    let mut t = Table::new();
                    t.load_preset(UTF8_FULL_CONDENSED)
                        .set_content_arrangement(ContentArrangement::Dynamic);
                    if let Some(w) = self.width {
                        t.set_width(w).force_no_tty();
                    }
                    if self.color {
                        t.enforce_styling();
                    }
                    t.set_header(
                        header
                            .iter()
                            .map(|h| self.cell(&Span::new(h.as_str(), Tone::Strong))),
                    );
                    for r in rows {
                        t.add_row(r.iter().map(|s| self.cell(s)));
                    }
                    out.push_str(&t.to_string());
                    out.push('\n');
                }
            }
        }
    }
}
