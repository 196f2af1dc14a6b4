//! Profile flags and `--set PATH=VALUE`: values that replace fields of every profile.

use serde_json::{Map, Value};

use super::error::{did_you_mean, ProfileError};
use super::field::all_paths;
use super::model::Profile;
use super::parse::{from_serde, Source};
use crate::message::{Message, Msg};

/// One field assignment, with where its flag was on the command line.
#[derive(Debug, Clone)]
struct Assignment {
    path: String,
    value: Value,
    position: usize,
}

/// Field assignments applied on top of each profile, in command-line order: when two flags set
/// the same field, the one given last wins.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    sets: Vec<Assignment>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// Adds an assignment made by a flag at `position` on the command line (the value is
    /// already valid JSON for the field).
    pub fn push(&mut self, position: usize, path: &str, value: Value) {
        let at = self.sets.partition_point(|a| a.position <= position);
        self.sets.insert(
            at,
            Assignment {
                path: path.to_string(),
                value,
                position,
            },
        );
    }

    /// Adds an assignment after all the others.
    pub fn append(&mut self, path: &str, value: Value) {
        self.push(usize::MAX, path, value);
    }

    /// Adds a `--set PATH=VALUE` given at `position`: VALUE is read as JSON, or else taken as
    /// a string.
    pub fn push_set(&mut self, position: usize, spec: &str) -> Result<(), Message> {
        let (path, raw) = spec
            .split_once('=')
            .ok_or_else(|| Message::new(Msg::SetSyntax).with("spec", spec))?;
        let path = path.trim();
        if !all_paths().any(|p| p == path) {
            return Err(unknown_path(spec, path));
        }
        let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
        // Check the value's type now, so that a bad flag is a usage error and not N bad profiles.
        let mut alone = Overrides::default();
        if let Some((list, _)) = path.split_once("[]") {
            // An item's field is checked on a list of one item.
            alone.push(
                position,
                list,
                Value::Array(vec![Value::Object(Map::new())]),
            );
        }
        alone.push(position, path, value.clone());
        self.push(position, path, value);
        alone
            .apply_with(Profile::default(), Source::Typed(raw.trim()))
            .map(|_| ())
            .map_err(|e| {
                Message::new(Msg::SetValue)
                    .with("spec", spec)
                    // An item's field by the path given, not the test item's index.
                    .with(
                        "field",
                        match e.field.as_deref() {
                            Some(f) if !path.contains("[]") => f,
                            _ => path,
                        },
                    )
                    .with_msg("problem", e.message)
            })
    }

    /// The profile with every assignment applied, re-validated.
    pub fn apply(&self, profile: Profile) -> Result<Profile, ProfileError> {
        self.apply_with(profile, Source::Unknown)
    }

    fn apply_with(&self, profile: Profile, source: Source) -> Result<Profile, ProfileError> {
        if self.sets.is_empty() {
            return Ok(profile);
        }
        let mut v = serde_json::to_value(&profile)
            .map_err(|e| ProfileError::io(Message::verbatim(e.to_string())))?;
        for a in &self.sets {
            set(&mut v, &a.path, a.value.clone());
        }
        let tracked: Result<Profile, _> = serde_path_to_error::deserialize(v);
        tracked.map_err(|e| {
            let path = e.path().to_string();
            let mut err = from_serde(e.inner(), (path != ".").then_some(path), source);
            err.line = None;
            err.column = None;
            err
        })
    }
}

/// `--set PATH=…` with a path that is no field: an object (`wallet`) gets its fields listed,
/// anything else the nearest field name.
fn unknown_path(spec: &str, path: &str) -> Message {
    let prefix = format!("{path}.");
    let fields: Vec<&str> = all_paths().filter(|p| p.starts_with(&prefix)).collect();
    if !fields.is_empty() {
        return Message::new(Msg::SetObject)
            .with("spec", spec)
            .with("path", path)
            .with("fields", fields.join(", "));
    }
    let hint = match did_you_mean(path, all_paths()) {
        Some(s) => Message::new(Msg::DidYouMean).with("name", s),
        None => Message::new(Msg::SchemaListsFields),
    };
    Message::new(Msg::SetUnknownField)
        .with("spec", spec)
        .with("path", path)
        .then(Some(hint))
}

/// Sets the field at `path`; a `LIST[].FIELD` path sets the field of every item the list has
/// (none when the list is not given).
fn set(root: &mut Value, path: &str, value: Value) {
    if let Some((list, field)) = path.split_once("[].") {
        let mut node = &mut *root;
        for key in list.split('.') {
            match node.get_mut(key) {
                Some(next) => node = next,
                None => return,
            }
        }
        if let Value::Array(items) = node {
            for item in items {
                set(item, field, value.clone());
            }
        }
        return;
    }
    let mut node = root;
    let mut parts = path.split('.').peekable();
    while let Some(key) = parts.next() {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else { return };
        if parts.peek().is_none() {
            map.insert(key.to_string(), value);
            return;
        }
        node = map
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}
