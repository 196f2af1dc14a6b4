//! What wxacct says when something goes wrong: a message id with its arguments, rendered in the
//! reader's language from `data/messages.json`. Ids, paths, field names, values and positions
//! are arguments: they appear as they are in every language.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::knowledge::{Knowledge, Text};
use crate::lang::Lang;

macro_rules! messages {
    ($($variant:ident = $name:ident),+ $(,)?) => {
        /// A message of the catalogue, by id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($variant),+ }

        /// Every message text; a missing one is a load error.
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Texts { $(pub $name: Text),+ }

        impl Texts {
            pub fn get(&self, id: Msg) -> &Text {
                match id { $(Msg::$variant => &self.$name),+ }
            }
            /// Every text with its id, for the data checks.
            pub fn all(&self) -> Vec<(&'static str, &Text)> {
                vec![$((stringify!($name), &self.$name)),+]
            }
        }
    };
}

messages!(
    Text = text,
    DidYouMean = did_you_mean,
    DidYouMeanFlag = did_you_mean_flag,
    UnexpectedArgument = unexpected_argument,
    UnknownSubcommand = unknown_subcommand,
    FlagValueInvalid = flag_value_invalid,
    FlagValueProblem = flag_value_problem,
    ExpectedOneOf = expected_one_of,
    FlagNeedsValue = flag_needs_value,
    FlagNeedsEquals = flag_needs_equals,
    FlagGivenTwice = flag_given_twice,
    FlagsConflict = flags_conflict,
    FlagValueCount = flag_value_count,
    ArgumentMissing = argument_missing,
    SubcommandMissing = subcommand_missing,
    ArgumentNotUtf8 = argument_not_utf8,
    DateShape = date_shape,
    DateNotReal = date_not_real,
    MoneyExpected = money_expected,
    WholeNumberRange = whole_number_range,
    NoneWithOthers = none_with_others,
    SetSyntax = set_syntax,
    SetUnknownField = set_unknown_field,
    SetObject = set_object,
    SetValue = set_value,
    SchemaListsFields = schema_lists_fields,
    ExpectedFound = expected_found,
    FoundString = found_string,
    FoundNumber = found_number,
    FoundArray = found_array,
    FoundObject = found_object,
    UnknownField = unknown_field,
    UnknownValue = unknown_value,
    DuplicateKey = duplicate_key,
    WrongEncoding = wrong_encoding,
    EmptyDocument = empty_document,
    NoProfiles = no_profiles,
    NoProfilesInDirectory = no_profiles_in_directory,
    CannotOpen = cannot_open,
    CannotReadDirectory = cannot_read_directory,
    CannotRead = cannot_read,
    ListOpen = list_open,
    ListUnclosed = list_unclosed,
    ListTrailingText = list_trailing_text,
    ListTrailingComma = list_trailing_comma,
    ReasonNotFound = reason_not_found,
    ReasonPermissionDenied = reason_permission_denied,
    ReasonNotUtf8 = reason_not_utf8,
    ReasonIsDirectory = reason_is_directory,
    ReasonNoSpace = reason_no_space,
    SkippedSpecialFile = skipped_special_file,
    StdinIsTerminal = stdin_is_terminal,
    Interrupted = interrupted,
    WriteFailed = write_failed,
    IcsNeedsOneProfile = ics_needs_one_profile,
    FieldProblem = field_problem,
    TemplateInvalid = template_invalid,
    AnswersInvalid = answers_invalid,
    FileExists = file_exists,
    CannotWriteFile = cannot_write_file,
    InitNeedsTerminal = init_needs_terminal,
    NoRecord = no_record,
    ExplainListsIds = explain_lists_ids,
    UnknownSymptom = unknown_symptom,
    NoSubcommandPage = no_subcommand_page,
    DatePastEndStep = date_past_end_step,
    DatePastEndEvent = date_past_end_event,
    DatePastEndCleared = date_past_end_cleared,
);

/// `data/messages.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub messages: Texts,
    /// serde_json's syntax errors, by serde_json's own (English) wording.
    pub json_syntax: BTreeMap<String, Text>,
    /// What a field expects, by the wording of serde and of the profile's value types.
    pub expected: BTreeMap<String, Text>,
}

impl Catalogue {
    /// Every text with a name, for the data checks.
    pub fn all(&self) -> Vec<(String, &Text)> {
        let named = |section: &str, m: &'static str| format!("{section}.{m}");
        let mut out: Vec<(String, &Text)> = self
            .messages
            .all()
            .into_iter()
            .map(|(k, t)| (named("messages", k), t))
            .collect();
        out.extend(
            self.json_syntax
                .iter()
                .map(|(k, t)| (format!("json_syntax.{k}"), t)),
        );
        out.extend(
            self.expected
                .iter()
                .map(|(k, t)| (format!("expected.{k}"), t)),
        );
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    /// Shown as it is: an id, a path, a value.
    Verbatim(String),
    /// Another message, in the same language.
    Said(Message),
    /// A serde_json syntax message, translated when the catalogue has it.
    JsonSyntax(String),
    /// What a field expects, translated when the catalogue has it.
    Expected(String),
}

/// A message with its arguments, and possibly a hint after it (`…; did you mean …?`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: Msg,
    args: Vec<(&'static str, Arg)>,
    then: Option<Box<Message>>,
}

impl Message {
    pub fn new(id: Msg) -> Message {
        Message {
            id,
            args: Vec::new(),
            then: None,
        }
    }

    /// Text that has no translation (an operating-system error, say), shown as it is.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message::new(Msg::Text).with("text", text)
    }

    /// One of serde_json's syntax errors (`trailing comma`).
    pub fn json_syntax(raw: &str) -> Message {
        let mut m = Message::new(Msg::Text);
        m.args.push(("text", Arg::JsonSyntax(raw.to_string())));
        m
    }

    pub fn id(&self) -> Msg {
        self.id
    }

    /// Fills `{name}` with `value`, shown as it is.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, Arg::Verbatim(value.into())));
        self
    }

    /// Fills `{name}` with another message.
    pub fn with_msg(mut self, name: &'static str, m: Message) -> Message {
        self.args.push((name, Arg::Said(m)));
        self
    }

    /// Fills `{name}` with an expectation (`a string`, `a date YYYY-MM-DD`).
    pub fn with_expected(mut self, name: &'static str, expected: impl Into<String>) -> Message {
        self.args.push((name, Arg::Expected(expected.into())));
        self
    }

    /// Appends `hint` after this message and any hint it already has.
    pub fn then(mut self, hint: Option<Message>) -> Message {
        if let Some(h) = hint {
            self.push_hint(h);
        }
        self
    }

    fn push_hint(&mut self, hint: Message) {
        match &mut self.then {
            Some(t) => t.push_hint(hint),
            None => self.then = Some(Box::new(hint)),
        }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(&Knowledge::get().messages, lang, &mut out);
        out
    }

    fn render_into(&self, cat: &Catalogue, lang: Lang, out: &mut String) {
        let mut rest = cat.messages.get(self.id).get(lang);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}');
            let arg = close.and_then(|c| self.args.iter().find(|(n, _)| *n == &after[..c]));
            match (close, arg) {
                (Some(c), Some((_, a))) => {
                    render_arg(a, cat, lang, out);
                    rest = &after[c + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        if let Some(t) = &self.then {
            out.push_str("; ");
            t.render_into(cat, lang, out);
        }
    }
}

fn render_arg(a: &Arg, cat: &Catalogue, lang: Lang, out: &mut String) {
    let known = |map: &BTreeMap<String, Text>, key: &str| {
        map.get(key)
            .map_or_else(|| key.to_string(), |t| t.get(lang).to_string())
    };
    match a {
        Arg::Verbatim(s) => out.push_str(s),
        Arg::Said(m) => m.render_into(cat, lang, out),
        Arg::JsonSyntax(k) => out.push_str(&known(&cat.json_syntax, k)),
        Arg::Expected(k) => out.push_str(&known(&cat.expected, k)),
    }
}

/// English, for logs and for errors that pass through libraries (clap's value parsers).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Message {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_fill_placeholders_and_hints_follow() {
        let m = Message::new(Msg::UnknownField)
            .with("name", "balanse")
            .then(Some(
                Message::new(Msg::DidYouMean).with("name", "wallet.balance_cny"),
            ));
        assert_eq!(
            m.render(Lang::En),
            "unknown field `balanse`; did you mean `wallet.balance_cny`?"
        );
        let t = &Knowledge::get().messages.messages;
        assert_eq!(
            m.render(Lang::Zh),
            format!(
                "{}; {}",
                t.unknown_field.zh.replace("{name}", "balanse"),
                t.did_you_mean.zh.replace("{name}", "wallet.balance_cny")
            )
        );
    }

    #[test]
    fn serde_wording_is_translated_and_unknown_wording_kept() {
        let m = Message::json_syntax("trailing comma");
        let zh = &Knowledge::get().messages.json_syntax["trailing comma"].zh;
        assert_eq!(&m.render(Lang::Zh), zh);
        assert_ne!(m.render(Lang::En), *zh);
        assert_eq!(
            Message::json_syntax("new words").render(Lang::Zh),
            "new words"
        );
        let e = Message::new(Msg::ExpectedFound)
            .with_expected("expected", "a boolean")
            .with_msg("found", Message::new(Msg::FoundArray));
        assert_eq!(e.render(Lang::En), "expected true or false, found an array");
    }

    #[test]
    fn every_text_has_the_same_placeholders_in_both_languages() {
        let cat = &Knowledge::get().messages;
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for (id, t) in cat.all() {
            assert_eq!(names(&t.zh), names(&t.en), "{id}");
        }
    }
}
