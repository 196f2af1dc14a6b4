//! Texts in both languages.

use serde::{de, Deserialize, Deserializer};

use crate::lang::Lang;

/// A text in Chinese and English; both are required and neither may be empty.
#[derive(Debug, Clone)]
pub struct Text {
    pub zh: String,
    pub en: String,
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
            zh: String,
            en: String,
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
