//! Errors about one profile: where (line, column, field), what was expected, and a hint.

use std::fmt;

use super::field::all_paths;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input could not be read.
    Io,
    /// Not valid JSON.
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
    pub message: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// Dotted path of the field at fault (`wallet.bank_cards[2].kind`).
    pub field: Option<String>,
    pub hint: Option<String>,
}

impl ProfileError {
    pub fn io(message: impl Into<String>) -> ProfileError {
        ProfileError {
            kind: ErrorKind::Io,
            message: message.into(),
            line: None,
            column: None,
            field: None,
            hint: None,
        }
    }

    pub fn empty(message: impl Into<String>) -> ProfileError {
        ProfileError {
            kind: ErrorKind::Empty,
            ..ProfileError::io(message)
        }
    }

    pub fn date_range(message: impl Into<String>) -> ProfileError {
        ProfileError {
            kind: ErrorKind::DateRange,
            ..ProfileError::io(message)
        }
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
    pub fn full_message(&self) -> String {
        match &self.hint {
            Some(h) => format!("{}; {h}", self.message),
            None => self.message.clone(),
        }
    }

    /// The one-line diagnostic: `path:line:column: field: message; hint`.
    pub fn located<'a>(&'a self, path: &'a str) -> Located<'a> {
        Located { err: self, path }
    }
}

pub struct Located<'a> {
    err: &'a ProfileError,
    path: &'a str,
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
        write!(f, ": {}", e.full_message())
    }
}

/// The nearest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Words between backticks: serde lists the expected names that way.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// Turns a serde error message into the product's wording, with a did-you-mean hint.
/// `field` is the dotted path where the error happened, when known.
pub fn explain_data_error(raw: &str, field: Option<&str>) -> (ErrorKind, String, Option<String>) {
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
            .map(|s| format!("did you mean `{s}`?"));
        let message = format!("unknown field `{word}`");
        return (ErrorKind::UnknownField, message, hint);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let names = backticked(rest);
        let word = names.first().copied().unwrap_or("");
        let allowed: Vec<&str> = names.iter().skip(1).copied().collect();
        let hint =
            did_you_mean(word, allowed.iter().copied()).map(|s| format!("did you mean `{s}`?"));
        let message = format!(
            "unknown value `{word}`, expected one of {}",
            allowed.join(", ")
        );
        return (ErrorKind::Invalid, message, hint);
    }
    if let Some(rest) = raw.strip_prefix("duplicate field ") {
        let word = backticked(rest).first().copied().unwrap_or("").to_string();
        return (
            ErrorKind::DuplicateField,
            format!("duplicate key `{word}`"),
            None,
        );
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = raw.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                let expected = expected
                    .replace("struct Profile", "a profile object")
                    .replace("a boolean", "true or false");
                let expected = if expected.starts_with("struct ") {
                    "an object".to_string()
                } else {
                    expected
                };
                // At the top level the object is the profile itself.
                let expected = if field.is_none() && expected == "an object" {
                    "a profile object".to_string()
                } else {
                    expected
                };
                let found = found.replace('`', "");
                return (
                    ErrorKind::Invalid,
                    format!("expected {expected}, found {found}"),
                    None,
                );
            }
        }
    }
    (ErrorKind::Invalid, raw.to_string(), None)
}
