//! Interface words in the report's language: every heading, label and phrase comes from
//! `data/ui.json`; this only picks the right one and fills in its blanks.

use super::doc::{Span, Tone};
use crate::engine::{Status, Verdict, Window};
use crate::knowledge::{Knowledge, Level, Plural, SourceKind, Text, Ui, Vocab};
use crate::lang::Lang;
use crate::profile::model::Platform;

#[derive(Clone, Copy)]
pub struct Labels {
    pub ui: &'static Ui,
    pub vocab: &'static Vocab,
    pub lang: Lang,
}

impl Labels {
    pub fn new(kb: &'static Knowledge, lang: Lang) -> Labels {
        Labels {
            ui: &kb.ui,
            vocab: &kb.vocab,
            lang,
        }
    }
    pub fn t(&self, text: &'static Text) -> &'static str {
        text.get(self.lang)
    }
    /// A counted phrase, `{n}` filled in, in the plural form `n` needs.
    pub fn n(&self, text: &'static Plural, n: usize) -> String {
        text.get(self.lang, n as u64).replace("{n}", &n.to_string())
    }
    /// A label followed by the language's separator (`Next: `).
    pub fn label(&self, text: &'static Text) -> Span {
        Span::toned(
            format!("{}{}", self.t(text), self.t(&self.ui.label_sep)),
            Tone::Strong,
        )
    }
    pub fn platform(&self, p: Platform) -> &'static str {
        self.vocab
            .platform
            .get(&p)
            .map_or(p.as_str(), |t| self.t(t))
    }
    pub fn level(&self, v: Level) -> Span {
        let (t, tone) = match v {
            Level::Low => (&self.ui.level_low, Tone::Good),
            Level::Medium => (&self.ui.level_medium, Tone::Warn),
            Level::High => (&self.ui.level_high, Tone::Bad),
        };
        Span::toned(self.t(t), tone)
    }
    /// yes, no, or unknown.
    pub fn answer(&self, v: Option<bool>) -> &'static str {
        self.t(match v {
            Some(true) => &self.ui.answer_yes,
            Some(false) => &self.ui.answer_no,
            None => &self.ui.status_unknown,
        })
    }
    pub fn verdict(&self, v: Verdict) -> Span {
        let (t, tone) = match v {
            Verdict::Ready => (&self.ui.verdict_ready, Tone::Good),
            Verdict::Blocked => (&self.ui.verdict_blocked, Tone::Bad),
            Verdict::Incomplete => (&self.ui.verdict_incomplete, Tone::Unknown),
            Verdict::NotApplicable => (&self.ui.verdict_not_applicable, Tone::Dim),
        };
        Span::toned(self.t(t), tone)
    }
    pub fn status(&self, s: Status) -> Span {
        match s {
            Status::Pass => Span::toned(self.t(&self.ui.status_pass), Tone::Good),
            Status::Fail => Span::toned(self.t(&self.ui.status_fail), Tone::Bad),
            Status::Unknown => Span::toned(self.t(&self.ui.status_unknown), Tone::Unknown),
        }
    }
    /// How far a source is to be trusted, for `n` sources of that kind.
    pub fn source_kind(&self, k: SourceKind, n: usize) -> String {
        self.n(
            match k {
                SourceKind::Official => &self.ui.kind_official,
                SourceKind::QuotedOfficial => &self.ui.kind_quoted_official,
                SourceKind::ThirdPartyGuide => &self.ui.kind_third_party,
            },
            n,
        )
    }
    /// A list of step numbers: `3`, `1–4`, `1, 2, 5`.
    pub fn step_numbers(&self, numbers: &[usize]) -> String {
        let contiguous = numbers.windows(2).all(|w| w[1] == w[0] + 1);
        match numbers {
            [] => String::new(),
            [one] => one.to_string(),
            [first, .., last] if contiguous && numbers.len() > 2 => format!("{first}–{last}"),
            _ => numbers
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(self.t(&self.ui.list_sep)),
        }
    }
    /// `step 3` or `steps 1–4`.
    pub fn steps(&self, numbers: &[usize]) -> String {
        self.n(&self.ui.steps_ref, numbers.len())
            .replace("{steps}", &self.step_numbers(numbers))
    }
}

/// A date, or a range of dates.
pub fn window(w: Window) -> String {
    if w.earliest == w.latest {
        w.earliest.to_string()
    } else {
        format!("{} … {}", w.earliest, w.latest)
    }
}
