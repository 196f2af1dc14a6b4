//! Parsing one profile from JSON bytes, with precise errors.

use super::error::{explain_data_error, ErrorKind, ProfileError};
use super::field::enum_values;
use super::model::Profile;
use crate::message::{Message, Msg};

/// Parses a profile. The fast path is a plain typed parse; only a failure pays for the
/// second, path-tracking parse that finds the field at fault.
///
/// The record is checked to be UTF-8 once, as a whole (with SIMD), and then parsed as text:
/// a parse of bytes would check every string again on its own. Bytes that are not UTF-8 are
/// parsed as bytes, so that the error and its position are serde_json's as before.
pub fn parse_profile(bytes: &[u8]) -> Result<Profile, ProfileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let parsed = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => typed(serde_json::Deserializer::from_str(text)),
        Err(_) => typed(serde_json::Deserializer::from_slice(bytes)),
    };
    parsed.map_err(|first| diagnose(bytes, first))
}

/// The plain typed parse of one whole profile.
fn typed<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
) -> Result<Profile, serde_json::Error> {
    let p = Profile::from_json(&mut de)?;
    de.end()?;
    Ok(p)
}

fn diagnose(bytes: &[u8], first: serde_json::Error) -> ProfileError {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut track = serde_path_to_error::Track::new();
    let tracked = Profile::from_json(serde_path_to_error::Deserializer::new(&mut de, &mut track))
        .map_err(|e| serde_path_to_error::Error::new(track.path(), e));
    let source = Source::Bytes(bytes);
    match tracked {
        Err(e) => {
            // serde_path_to_error writes `?` for a place it cannot name (between two keys).
            let path = e.path().to_string();
            let field = (path != "." && !path.is_empty() && !path.contains('?')).then_some(path);
            from_serde(e.inner(), field, source)
        }
        // The path-tracking parse accepted the value: the first error was after it.
        Ok(_) => from_serde(&de.end().err().unwrap_or(first), None, source),
    }
}

/// What the failed value was read from, to quote numbers as they were written.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// The JSON text: numbers are found at the error's position.
    Bytes(&'a [u8]),
    /// A `--set` value, as typed.
    Typed(&'a str),
    /// Nothing to quote from.
    Unknown,
}

/// The byte offset just after serde_json's position: its line is 1-based and its column is
/// the count of bytes of that line read so far.
fn offset(bytes: &[u8], line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', bytes).nth(line - 2)? + 1
    };
    Some(start + column).filter(|&o| o <= bytes.len())
}

/// The number that ends at `end` (inclusive), as written.
fn number_ending_at(bytes: &[u8], end: usize) -> Option<&str> {
    let is_num = |b: &u8| b.is_ascii_digit() || b"+-.eE".contains(b);
    let stop = end.checked_add(1)?.min(bytes.len());
    let start = bytes[..stop]
        .iter()
        .rposition(|b| !is_num(b))
        .map_or(0, |i| i + 1);
    let text = std::str::from_utf8(&bytes[start..stop]).ok()?;
    text.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        .then_some(text)
}

/// Converts a serde_json error; `field` is where it happened, when known.
pub fn from_serde(e: &serde_json::Error, field: Option<String>, source: Source) -> ProfileError {
    use serde_json::error::Category;
    let text = e.to_string();
    let raw = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let (mut line, mut column) = (e.line(), e.column());
    let at = match source {
        Source::Bytes(b) if line > 0 => offset(b, line, column).map(|o| (b, o)),
        _ => None,
    };
    let (kind, message, hint, field) = match e.classify() {
        Category::Io => (ErrorKind::Io, Message::verbatim(raw), None, None),
        Category::Eof => (ErrorKind::Eof, Message::json_syntax(raw), None, None),
        Category::Syntax => {
            // serde_json reports a number or list where an enum was expected as a bare syntax error.
            let allowed = field.as_deref().and_then(enum_values);
            let message = match allowed {
                Some(v) if raw == "expected value" => {
                    Message::new(Msg::ExpectedOneOf).with("values", v.join(", "))
                }
                _ => Message::json_syntax(raw),
            };
            (ErrorKind::Syntax, message, None, field)
        }
        Category::Data => {
            let written = match source {
                Source::Typed(t) => Some(t),
                Source::Unknown => None,
                Source::Bytes(_) => at.and_then(|(b, o)| number_ending_at(b, o.checked_sub(1)?)),
            };
            let (kind, message, hint) = explain_data_error(raw, field.as_deref(), written);
            // An object or array is refused before it is read: point at its bracket.
            if let (Some((b, o)), true) = (at, raw.contains(" sequence,") || raw.contains(" map,"))
            {
                if let Some(skip) = b[o..].iter().position(|c| !c.is_ascii_whitespace()) {
                    let (l, c) = position(b, o + skip);
                    (line, column) = (l, c);
                }
            }
            // For an unknown field, point at the parent: the name itself is in the message.
            let field = match kind {
                ErrorKind::UnknownField => {
                    field.and_then(|f| f.rsplit_once('.').map(|(p, _)| p.to_string()))
                }
                _ => field,
            };
            (kind, message, hint, field)
        }
    };
    let mut err = ProfileError::new(kind, message.then(hint));
    err.field = field;
    if line > 0 {
        err = err.at(line as u64, column.max(1) as u64);
    }
    err
}

/// The 1-based line and column of a byte offset.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}

/// Checks that `bytes` is one complete JSON value (used to tell JSON lines from a document).
pub fn complete_value(bytes: &[u8]) -> Result<(), serde_json::Error> {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map(|_| ())
}
