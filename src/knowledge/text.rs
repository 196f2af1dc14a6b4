//! Texts in both languages.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::{de, Deserialize, Deserializer};

use crate::lang::Lang;

/// A text in Chinese and English; both are required and neither may be empty.
///
/// Read from the embedded data, a text written there as it is (no escapes) borrows it: the
/// knowledge base copies no text at start-up.
#[derive(Debug, Clone)]
pub struct Text {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            #[serde(deserialize_with = "data_str")]
            zh: Cow<'static, str>,
            #[serde(deserialize_with = "data_str")]
            en: Cow<'static, str>,
        }
        let raw = Raw::deserialize(d)?;
        if raw.zh.trim().is_empty() || raw.en.trim().is_empty() {
            return Err(de::Error::custom(
                "a text needs both `zh` and `en`, neither empty",
            ));
        }
        Ok(Text {
            zh: raw.zh,
            en: raw.en,
        })
    }
}

/// A string of a data file: the embedded file's own bytes when the parser hands out a slice of
/// one of them, a copy otherwise (a string with escapes, or a file a test gives).
fn data_str<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    struct Visitor;
    impl<'de> de::Visitor<'de> for Visitor {
        type Value = Cow<'static, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(embedded(v).map_or_else(|| Cow::Owned(v.to_owned()), Cow::Borrowed))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }
    d.deserialize_str(Visitor)
}

thread_local! {
    /// The embedded file being read (`reading`), empty when none is.
    static READING: Cell<&'static str> = const { Cell::new("") };
}

/// Reads an embedded file with `read`: the strings written in it as they are are borrowed.
pub(crate) fn reading<R>(file: &'static str, read: impl FnOnce() -> R) -> R {
    let before = READING.replace(file);
    let out = read();
    READING.set(before);
    out
}

/// The same text in the embedded file being read, if `text` is a slice of it.
fn embedded(text: &str) -> Option<&'static str> {
    let file = READING.get();
    let start = (text.as_ptr() as usize).checked_sub(file.as_ptr() as usize)?;
    file.get(start..start.checked_add(text.len())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_of_the_embedded_file_being_read_are_borrowed_and_others_copied() {
        static FILE: &str = r#"{"zh": "zh text", "en": "a \"quoted\" text"}"#;
        let read = |json: &str| -> Text { serde_json::from_str(json).unwrap() };
        let embedded = reading(FILE, || read(FILE));
        assert!(matches!(embedded.zh, Cow::Borrowed(_)));
        // Escaped, the text is not in the file as it is.
        assert!(matches!(embedded.en, Cow::Owned(_)));
        assert_eq!(embedded.en, "a \"quoted\" text");
        // The same bytes, outside the file being read.
        let copy = FILE.to_string();
        let elsewhere = reading(FILE, || read(&copy));
        assert!(matches!(elsewhere.zh, Cow::Owned(_)));
        assert_eq!(elsewhere.zh, "zh text");
        assert!(matches!(read(FILE).zh, Cow::Owned(_)));
    }
}
