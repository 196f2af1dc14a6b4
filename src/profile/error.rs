//! Errors about one profile: where (line, column, field), what was expected, and a hint.

use std::fmt;

use super::field::all_paths;
use crate::lang::Lang;
use crate::message::{Message, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input could not be read.
    Io,
    /// Not valid JSON (or not UTF-8 text).
    Syntax,
    /// The JSON ended too early.
    Eof,
    /// A field of the wrong type or with a value out of range.
    Invalid,
    UnknownField,
    DuplicateField,
    /// The input holds no profile at all.
    Empty,
    /// A date of the plan or the timeline falls past the end of the calendar.
    DateRange,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Syntax => "syntax",
            ErrorKind::Eof => "eof",
            ErrorKind::Invalid => "invalid",
            ErrorKind::UnknownField => "unknown-field",
            ErrorKind::DuplicateField => "duplicate-field",
            ErrorKind::Empty => "empty",
            ErrorKind::DateRange => "date-range",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub kind: ErrorKind,
    /// What is wrong, with a hint after it where one helps.
    pub message: Message,
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// Dotted path of the field at fault (`wallet.bank_cards[2].kind`).
    pub field: Option<String>,
}

impl ProfileError {
    pub fn new(kind: ErrorKind, message: Message) -> ProfileError {
        ProfileError {
            kind,
            message,
            line: None,
            column: None,
            field: None,
        }
    }

    pub fn io(message: Message) -> ProfileError {
        ProfileError::new(ErrorKind::Io, message)
    }

    pub fn empty(id: Msg) -> ProfileError {
        ProfileError::new(ErrorKind::Empty, Message::new(id))
    }

    /// The same error at `line`, `column` (1-based).
    pub fn at(mut self, line: u64, column: u64) -> ProfileError {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// A date of the plan or the timeline past the end of the calendar.
    pub fn date_range(message: Message) -> ProfileError {
        ProfileError::new(ErrorKind::DateRange, message)
    }

    /// Moves a location found inside an excerpt to where the excerpt starts in its file.
    pub fn shifted(mut self, line0: u64, col0: u64) -> ProfileError {
        if let Some(l) = self.line {
            if l == 1 {
                self.column = self.column.map(|c| c + col0 - 1);
            }
            self.line = Some(l + line0 - 1);
        }
        self
    }

    /// The message with its hint, for JSON output.
    pub fn full_message(&self, lang: Lang) -> String {
        self.message.render(lang)
    }

    /// The field and what is wrong with it (`field: message; hint`), without a place.
    pub fn described(&self) -> Message {
        match &self.field {
            Some(f) => Message::new(Msg::FieldProblem)
                .with("field", f.as_str())
                .with_msg("problem", self.message.clone()),
            None => self.message.clone(),
        }
    }

    /// The one-line diagnostic: `path:line:column: field: message; hint`.
    pub fn located<'a>(&'a self, path: &'a str, lang: Lang) -> Located<'a> {
        Located {
            err: self,
            path,
            lang,
        }
    }

    /// `located`, for the record `source` of the file `path`. An error with no place in the
    /// text (a date past 9999, found by the planner) is named by its record (`path:LINE`,
    /// `path#INDEX`): in a batch, the path alone would not say which profile it is.
    pub fn located_in<'a>(&'a self, path: &'a str, source: &'a str, lang: Lang) -> Located<'a> {
        self.located(if self.line.is_some() { path } else { source }, lang)
    }
}

pub struct Located<'a> {
    err: &'a ProfileError,
    path: &'a str,
    lang: Lang,
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.err;
        write!(f, "{}", self.path)?;
        if let Some(l) = e.line {
            write!(f, ":{l}")?;
            if let Some(c) = e.column {
                write!(f, ":{c}")?;
            }
        }
        if let Some(field) = &e.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", e.full_message(self.lang))
    }
}

/// The nearest of `candidates` to `word`, if it is close enough to be a likely typo. Case is
/// ignored: `iOS` finds `ios`.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The did-you-mean hint for `word` among `candidates`.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Message> {
    did_you_mean(word, candidates).map(|s| Message::new(Msg::DidYouMean).with("name", s))
}

/// Words between backticks: serde lists the expected names that way.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// serde's words for the value it found (`integer `5``, `sequence`), in the product's words;
/// a number is shown as `written` in the input when that is known.
fn found(raw: &str, written: Option<&str>) -> Message {
    let raw = raw.trim();
    if let Some(s) = raw.strip_prefix("string ") {
        return Message::new(Msg::FoundString).with("value", s);
    }
    for number in ["integer ", "floating point "] {
        if let Some(n) = raw.strip_prefix(number) {
            let n = written.unwrap_or_else(|| n.trim_matches('`'));
            return Message::new(Msg::FoundNumber).with("value", n);
        }
    }
    match raw {
        "sequence" => Message::new(Msg::FoundArray),
        "map" => Message::new(Msg::FoundObject),
        "unit value" => Message::verbatim("null"),
        _ => Message::verbatim(
            raw.strip_prefix("boolean ")
                .unwrap_or(raw)
                .trim_matches('`')
                .to_string(),
        ),
    }
}

/// What a field expects, as a key of the catalogue's `expected` section.
fn expected(raw: &str, field: Option<&str>) -> String {
    let object = raw == "an object" || raw.starts_with("struct ");
    match raw {
        _ if object && (field.is_none() || raw == "struct Profile") => "a profile object".into(),
        _ if object => "an object".into(),
        _ => raw.to_string(),
    }
}

/// Turns a serde data error into the product's wording, with a did-you-mean hint. `field` is
/// the dotted path where the error happened, when known; `written` the number as the input
/// wrote it, when the error is about a number.
pub fn explain_data_error(
    raw: &str,
    field: Option<&str>,
    written: Option<&str>,
) -> (ErrorKind, Message, Option<Message>) {
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let word = names.first().copied().unwrap_or("");
        let parent = field.and_then(|f| f.rsplit_once('.').map(|(p, _)| p));
        let siblings = names.iter().skip(1).copied();
        let hint = did_you_mean(word, siblings)
            .map(|s| match parent {
                Some(p) => format!("{p}.{s}"),
                None => s.to_string(),
            })
            .or_else(|| {
                // A field put at the wrong level: `balance_cny` for `wallet.balance_cny`.
                all_paths()
                    .find(|p| p.rsplit('.').next() == Some(word) && Some(*p) != field)
                    .map(str::to_string)
            })
            .map(|s| Message::new(Msg::DidYouMean).with("name", s));
        let message = Message::new(Msg::UnknownField).with("name", word);
        return (ErrorKind::UnknownField, message, hint);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let names = backticked(rest);
        let word = names.first().copied().unwrap_or("");
        let allowed: Vec<&str> = names.iter().skip(1).copied().collect();
        let message = Message::new(Msg::UnknownValue)
            .with("value", word)
            .with("values", allowed.join(", "));
        return (ErrorKind::Invalid, message, hint(word, allowed));
    }
    if let Some(rest) = raw.strip_prefix("duplicate field ") {
        let word = backticked(rest).first().copied().unwrap_or("").to_string();
        let message = Message::new(Msg::DuplicateKey).with("name", word);
        return (ErrorKind::DuplicateField, message, None);
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = raw.strip_prefix(prefix) {
            if let Some((was, wanted)) = rest.split_once(", expected ") {
                let message = Message::new(Msg::ExpectedFound)
                    .with_expected("expected", expected(wanted, field))
                    .with_msg("found", found(was, written));
                return (ErrorKind::Invalid, message, None);
            }
        }
    }
    (ErrorKind::Invalid, Message::verbatim(raw), None)
}
