//! `ics`: the plan and the timeline of one profile as an iCalendar document (RFC 5545), an
//! all-day event per plan step and per timeline event. Deterministic: UIDs come from the
//! profile id (or its source) and the step id, DTSTAMP from `--start`.
//!
//! Written here rather than with a calendar crate: `icalendar` would bring chrono into the
//! binary, and `ics` folds continuation lines at 76 octets; the rules (CRLF, folding at 75
//! octets, TEXT escaping) fit in a few lines, and the tests read the output with a parser.

use jiff::civil::Date;

use super::{Item, Look, Report, Sink};
use crate::knowledge::Knowledge;
use crate::tasks::result::{ActionView, EventView, Parts, TaskResult};

#[derive(Clone, Copy)]
pub struct Ics {
    pub look: Look,
}

/// Content lines are folded after this many octets (RFC 5545 §3.1).
const FOLD_AT: usize = 75;

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and newline;
/// other control characters, which TEXT does not allow, become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no physical line exceeds 75 octets (the space that starts
/// a continuation counts), never inside a UTF-8 character, ended by CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32 + 2);
    let mut room = FOLD_AT;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            room = FOLD_AT - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn day(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// The lines of one all-day event from `first` to `last` (inclusive).
struct Event {
    uid: String,
    first: Date,
    last: Date,
    summary: String,
    description: String,
}

impl Event {
    fn write(&self, stamp: &str, out: &mut String) {
        out.push_str(&fold("BEGIN:VEVENT"));
        out.push_str(&fold(&format!("UID:{}", escape(&self.uid))));
        out.push_str(&fold(&format!("DTSTAMP:{stamp}")));
        out.push_str(&fold(&format!("DTSTART;VALUE=DATE:{}", day(self.first))));
        // DTEND is exclusive; without it an all-day event lasts its one day.
        if let Ok(end) = self.last.tomorrow() {
            out.push_str(&fold(&format!("DTEND;VALUE=DATE:{}", day(end))));
        }
        out.push_str(&fold(&format!("SUMMARY:{}", escape(&self.summary))));
        out.push_str(&fold(&format!("DESCRIPTION:{}", escape(&self.description))));
        out.push_str(&fold("TRANSP:TRANSPARENT"));
        out.push_str(&fold("END:VEVENT"));
    }
}

impl Ics {
    fn label(&self, text: &'static crate::knowledge::Text) -> &'static str {
        text.get(self.look.lang)
    }

    /// `S1§1 (third-party-guide), O1 (official)`: each citation with its source's kind.
    fn sources(&self, r: &TaskResult, cited: &[&str]) -> String {
        let ui = &Knowledge::get().ui;
        let with_kind: Vec<String> = cited
            .iter()
            .map(|c| {
                let id = c.split('§').next().unwrap_or(c);
                let kind = r
                    .references
                    .iter()
                    .find(|s| s.id == id)
                    .and_then(|s| serde_json::to_value(s.kind).ok())
                    .and_then(|k| k.as_str().map(str::to_string));
                match kind {
                    Some(k) => format!("{c} ({k})"),
                    None => c.to_string(),
                }
            })
            .collect();
        format!(
            "{}: {}",
            self.label(&ui.heading_sources),
            with_kind.join(", ")
        )
    }

    fn disputed(&self, ids: Vec<&str>) -> Option<String> {
        let ui = &Knowledge::get().ui;
        let heading = self.label(&ui.heading_conflicts);
        (!ids.is_empty()).then(|| format!("⚠ {heading}: {}", ids.join(", ")))
    }

    fn step(&self, r: &TaskResult, a: &ActionView, uid: String) -> Event {
        let ui = &Knowledge::get().ui;
        let mut lines: Vec<String> = a.path.iter().map(|p| p.to_string()).collect();
        if a.done.earliest != a.done.latest {
            let between = self
                .label(&ui.when_between)
                .replace("{earliest}", &a.done.earliest.to_string())
                .replace("{latest}", &a.done.latest.to_string());
            let done = self.label(&ui.done_by).replace("{date}", &between);
            lines.push(done.trim().to_string());
        }
        lines.extend(a.note.map(str::to_string));
        lines.push(self.sources(r, &a.sources));
        lines.extend(self.disputed(a.conflicts.iter().map(|c| c.id).collect()));
        Event {
            uid,
            first: a.start,
            last: a.done.latest.max(a.start),
            summary: a.title.clone(),
            description: lines.join("\n"),
        }
    }

    fn event(&self, r: &TaskResult, e: &EventView, on: Date, uid: String) -> Event {
        let ui = &Knowledge::get().ui;
        let mut after = self
            .label(&ui.after_days)
            .replace("{n}", &e.after_days.to_string());
        if let Parts::Deactivate(d) = &r.parts {
            if let Some(ready) = &d.ready_on {
                let date = ready.latest.to_string();
                let submitted = self.label(&ui.submitted_on).replace("{date}", &date);
                after = format!("{after}, {submitted}");
            }
        }
        let mut lines = vec![after, self.sources(r, &e.sources)];
        lines.extend(self.disputed(e.conflicts.iter().map(|c| c.id).collect()));
        Event {
            uid,
            first: on,
            last: on,
            summary: e.title.to_string(),
            description: lines.join("\n"),
        }
    }

    /// The whole document for one result.
    pub fn calendar(&self, r: &TaskResult, start: Date) -> String {
        let (plan, timeline): (&[ActionView], &[EventView]) = match &r.parts {
            Parts::Deactivate(d) => (&d.plan, &d.timeline),
            Parts::Realname(p) => (&p.plan, &[]),
            Parts::UnbindQq(p) => (&p.plan, &[]),
            Parts::Troubleshoot(p) => (&p.plan, &[]),
        };
        let command = r.command.as_str();
        let profile = r.id.as_deref().unwrap_or(&r.source);
        let stamp = format!("{}T000000Z", day(start));
        let mut out = String::new();
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!("PRODID:-//wxacct//wxacct {}//EN", env!("CARGO_PKG_VERSION")),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            &format!(
                "X-WR-CALNAME:{}",
                escape(&format!("wxacct {command} — {profile}"))
            ),
        ] {
            out.push_str(&fold(line));
        }
        let mut seen: Vec<&str> = Vec::new();
        for a in plan {
            seen.push(a.action);
            let n = seen.iter().filter(|x| **x == a.action).count();
            let uid = format!("{command}.{}.{n}.{profile}@wxacct", a.action);
            self.step(r, a, uid).write(&stamp, &mut out);
        }
        for e in timeline {
            let Some(on) = e.on else { continue };
            let uid = format!("{command}.{}.{profile}@wxacct", e.id);
            self.event(r, e, on, uid).write(&stamp, &mut out);
        }
        out.push_str(&fold("END:VCALENDAR"));
        out
    }
}

impl Report for Ics {
    fn render(&self, item: &Item<'_>) -> Vec<u8> {
        // For an invalid profile the diagnostic is on stderr; there is no calendar to write.
        item.full_result(self.look.lang)
            .map(|(r, start)| self.calendar(&r, start).into_bytes())
            .unwrap_or_default()
    }
}

impl Sink for Ics {}
