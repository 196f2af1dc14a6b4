//! Parsing one profile from JSON bytes, with precise errors.

use super::error::{explain_data_error, ErrorKind, ProfileError};
use super::field::enum_values;
use super::model::Profile;

/// Parses a profile. The fast path is a plain typed parse; only a failure pays for the
/// second, path-tracking parse that finds the field at fault.
pub fn parse_profile(bytes: &[u8]) -> Result<Profile, ProfileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match Profile::from_json(&mut de).and_then(|p| de.end().map(|()| p)) {
        Ok(p) => Ok(p),
        Err(first) => Err(diagnose(bytes, first)),
    }
}

fn diagnose(bytes: &[u8], first: serde_json::Error) -> ProfileError {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut track = serde_path_to_error::Track::new();
    let tracked = Profile::from_json(serde_path_to_error::Deserializer::new(&mut de, &mut track))
        .map_err(|e| serde_path_to_error::Error::new(track.path(), e));
    match tracked {
        Err(e) => {
            let path = e.path().to_string();
            let field = (path != "." && !path.is_empty()).then_some(path);
            from_serde(e.inner(), field)
        }
        // The path-tracking parse accepted the value: the first error was after it.
        Ok(_) => from_serde(&de.end().err().unwrap_or(first), None),
    }
}

/// Converts a serde_json error; `field` is where it happened, when known.
pub fn from_serde(e: &serde_json::Error, field: Option<String>) -> ProfileError {
    use serde_json::error::Category;
    let text = e.to_string();
    let raw = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let (line, column) = if e.line() > 0 {
        (Some(e.line() as u64), Some(e.column() as u64))
    } else {
        (None, None)
    };
    let (kind, message, hint, field) = match e.classify() {
        Category::Io => (ErrorKind::Io, raw.to_string(), None, None),
        Category::Eof => (
            ErrorKind::Eof,
            raw.replace("EOF", "end of input"),
            None,
            None,
        ),
        Category::Syntax => {
            // serde_json reports a number or list where an enum was expected as a bare syntax error.
            let allowed = field.as_deref().and_then(enum_values);
            let message = match allowed {
                Some(v) if raw == "expected value" => format!("expected one of {}", v.join(", ")),
                _ => raw.to_string(),
            };
            (ErrorKind::Syntax, message, None, field)
        }
        Category::Data => {
            let (kind, message, hint) = explain_data_error(raw, field.as_deref());
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
    ProfileError {
        kind,
        message,
        line,
        column,
        field,
        hint,
    }
}

/// Checks that `bytes` is one complete JSON value (used to tell JSON lines from a document).
pub fn complete_value(bytes: &[u8]) -> Result<(), serde_json::Error> {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map(|_| ())
}
