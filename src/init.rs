//! `wxacct init [PATH]`: a questionnaire that writes a profile, most important questions first,
//! each with a "don't know" answer that leaves the field unknown; `init --template`: a complete
//! profile with a realistic value in every field. Both come from the field catalogue.

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use inquire::validator::Validation;
use inquire::{InquireError, Select, Text as Ask};
use serde_json::{json, Map, Value};

use crate::app::{self, print, Exit, Failure, UsageError};
use crate::cli::InitArgs;
use crate::knowledge::fields::{Catalogue, FieldDef, FieldType};
use crate::knowledge::Text;
use crate::lang::Lang;
use crate::message::{Message, Msg};
use crate::profile::input::io_reason;
use crate::profile::{Overrides, Profile};

/// The fields the model reads: the catalogue may document a field before the model has it.
fn model_fields() -> BTreeSet<String> {
    crate::generate::state_field_paths().into_iter().collect()
}

/// A profile as JSON, the way `init` writes it (and `wxacct` reads it back unchanged), in the
/// order of the state file format.
pub fn to_text(profile: &Profile) -> String {
    let mut s = serde_json::to_string_pretty(profile).unwrap_or_default();
    s.push('\n');
    s
}

/// The value `init` writes without asking.
fn fill(f: &FieldDef) -> Option<Value> {
    match &f.fill {
        Some(Value::String(s)) if s == "today" && f.kind == FieldType::Date => {
            Some(json!(app::today().to_string()))
        }
        other => other.clone(),
    }
}

/// Every field with the catalogue's example: lists carry their own example items, so the
/// fields of list items are not set one by one.
pub fn template() -> Result<Profile, UsageError> {
    let c = Catalogue::get();
    let known = model_fields();
    let mut sets = Overrides::default();
    for f in &c.fields {
        if f.settable() && known.contains(&f.path) {
            sets.append(&f.path, f.example.clone());
        }
    }
    sets.apply(Profile::default()).map_err(|e| {
        UsageError(Message::new(Msg::TemplateInvalid).with_msg("problem", e.described()))
    })
}

/// A typed answer as the JSON value of the field; `None` for "don't know".
fn answer_value(f: &FieldDef, answer: &str) -> Option<Value> {
    let answer = answer.trim();
    if answer.is_empty() {
        return None;
    }
    Some(match f.kind {
        FieldType::Money | FieldType::Count => {
            serde_json::from_str(answer).unwrap_or_else(|_| json!(answer))
        }
        FieldType::DateOrNull if answer == "none" => Value::Null,
        FieldType::List if answer == "none" => json!([]),
        FieldType::List => {
            let spec = f.answer.as_ref();
            let items = answer
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(|word| {
                    let mut item: Map<String, Value> =
                        spec.map(|a| a.with.clone()).unwrap_or_default();
                    let key = spec.map_or("name", |a| a.key.as_str());
                    item.insert(key.into(), json!(word));
                    Value::Object(item)
                })
                .collect();
            Value::Array(items)
        }
        _ => json!(answer),
    })
}

/// Checks one answer the way `--set` is checked; the message says what is wrong.
fn check(f: &FieldDef, value: Value, lang: Lang) -> Result<(), String> {
    let mut one = Overrides::default();
    one.append(&f.path, value);
    one.apply(Profile::default())
        .map(|_| ())
        .map_err(|e| e.described().render(lang))
}

/// One option of a multiple-choice question.
struct Choice {
    value: Option<Value>,
    label: String,
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

struct Questions<'a> {
    c: &'a Catalogue,
    lang: Lang,
}

impl Questions<'_> {
    fn t<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }

    /// Asks about one field; `None` when the answer is "don't know".
    fn ask(&self, f: &FieldDef, question: &str) -> Result<Option<Value>, InquireError> {
        let q = &self.c.questionnaire;
        let dont_know = Choice {
            value: None,
            label: self.t(&q.dont_know).to_string(),
        };
        let choices: Vec<Choice> = match f.kind {
            FieldType::Bool => vec![
                Choice {
                    value: Some(json!(true)),
                    label: self.t(&q.yes).to_string(),
                },
                Choice {
                    value: Some(json!(false)),
                    label: self.t(&q.no).to_string(),
                },
            ],
            FieldType::Enum => f
                .values
                .iter()
                .map(|v| Choice {
                    value: Some(json!(v.value)),
                    label: format!("{} ({})", self.t(&v.label), v.value),
                })
                .collect(),
            _ => return self.ask_text(f, question),
        };
        let mut options = choices;
        options.push(dont_know);
        let last = options.len() - 1;
        let chosen = Select::new(question, options)
            .with_help_message(self.t(&q.select_help))
            .with_starting_cursor(last)
            .prompt_skippable()?;
        Ok(chosen.and_then(|c| c.value))
    }

    fn ask_text(&self, f: &FieldDef, question: &str) -> Result<Option<Value>, InquireError> {
        let q = &self.c.questionnaire;
        let mut help = vec![self.t(&q.empty_is_unknown).to_string()];
        if matches!(f.kind, FieldType::List | FieldType::DateOrNull) {
            help.push(self.t(&q.none_word).to_string());
        }
        if f.kind == FieldType::List {
            let key = f.answer.as_ref().map_or("name", |a| a.key.as_str());
            let item = self.c.field(&format!("{}[].{key}", f.path));
            match item.filter(|i| !i.values.is_empty()) {
                Some(i) => help.push(
                    self.t(&q.kinds_help)
                        .replace("{values}", &i.allowed().join(", ")),
                ),
                None => help.push(self.t(&q.names_help).to_string()),
            }
        }
        let help = help.join("; ");
        let field = f.clone();
        let lang = self.lang;
        let validator = move |input: &str| {
            Ok(
                match answer_value(&field, input).map(|v| check(&field, v, lang)) {
                    Some(Err(message)) => Validation::Invalid(message.into()),
                    _ => Validation::Valid,
                },
            )
        };
        let answer = Ask::new(question)
            .with_help_message(&help)
            .with_validator(validator)
            .prompt_skippable()?;
        Ok(answer.and_then(|a| answer_value(f, &a)))
    }

    /// Every question, section by section; the answers as field assignments.
    fn all(&self, known: &BTreeSet<String>) -> Result<Overrides, InquireError> {
        let mut answers = Overrides::default();
        let mut section = "";
        let mut err = io::stderr();
        for f in self.c.fields.iter().filter(|f| known.contains(&f.path)) {
            if let Some(v) = fill(f) {
                answers.append(&f.path, v);
            }
            let Some(question) = &f.question else {
                continue;
            };
            if f.section != section {
                section = &f.section;
                let _ = writeln!(err, "\n{}", self.c.section_title(section, self.lang));
            }
            if let Some(v) = self.ask(f, self.t(question))? {
                answers.append(&f.path, v);
            }
        }
        Ok(answers)
    }
}

/// Writes `text` to `path`, refusing to replace a file unless `force`.
fn write_new(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            Failure::Usage(exists(path))
        } else {
            Failure::Usage(UsageError(
                Message::new(Msg::CannotWriteFile)
                    .with("path", path.display().to_string())
                    .with_msg("reason", io_reason(&e)),
            ))
        }
    })?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

fn exists(path: &Path) -> UsageError {
    UsageError(Message::new(Msg::FileExists).with("path", path.display().to_string()))
}

pub fn run(args: &InitArgs) -> Result<Exit, Failure> {
    let lang = app::lang(args.lang);
    let c = Catalogue::get();
    if let Some(path) = &args.path {
        // Said before any question: nobody should answer forty questions for nothing.
        if path.exists() && !args.force {
            return Err(exists(path).into());
        }
    }
    let profile = if args.template {
        template()?
    } else {
        if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
            return Err(UsageError(Message::new(Msg::InitNeedsTerminal)).into());
        }
        eprintln!("{}", c.questionnaire.intro.get(lang));
        let questions = Questions { c, lang };
        match questions.all(&model_fields()) {
            Ok(answers) => answers.apply(Profile::default()).map_err(|e| {
                UsageError(Message::new(Msg::AnswersInvalid).with_msg("problem", e.described()))
            })?,
            Err(InquireError::OperationInterrupted | InquireError::OperationCanceled) => {
                eprintln!("wxacct: {}", c.questionnaire.cancelled.get(lang));
                return Ok(Exit::Failed);
            }
            Err(e) => return Err(UsageError(Message::verbatim(format!("init: {e}"))).into()),
        }
    };
    let text = to_text(&profile);
    match &args.path {
        None => print(&text)?,
        Some(path) => {
            write_new(path, &text, args.force)?;
            if !args.template {
                let shown = path.display().to_string();
                eprintln!(
                    "{}",
                    c.questionnaire.written.get(lang).replace("{path}", &shown)
                );
            }
        }
    }
    Ok(Exit::Ok)
}
