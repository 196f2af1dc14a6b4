//! Profile flags and `--set PATH=VALUE`: values that replace fields of every profile.

use serde_json::{Map, Value};

use super::error::{did_you_mean, ProfileError};
use super::field::all_paths;
use super::model::Profile;
use super::parse::from_serde;

/// Field assignments applied on top of each profile, in order.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    sets: Vec<(String, Value)>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// Adds an assignment of a typed flag (the value is already valid JSON for the field).
    pub fn push(&mut self, path: &str, value: Value) {
        self.sets.push((path.to_string(), value));
    }

    /// Adds a `--set PATH=VALUE`: VALUE is read as JSON, or else taken as a string.
    pub fn push_set(&mut self, spec: &str) -> Result<(), String> {
        let (path, raw) = spec.split_once('=').ok_or_else(|| {
            format!("--set {spec}: expected PATH=VALUE, e.g. wallet.pay_score_enabled=false")
        })?;
        let path = path.trim();
        if !all_paths().any(|p| p == path) {
            let hint = did_you_mean(path, all_paths())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| "; `wxacct schema state` lists every field".to_string());
            return Err(format!("--set {spec}: unknown field `{path}`{hint}"));
        }
        let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
        self.push(path, value);
        // Check the value's type now, so that a bad flag is a usage error and not N bad profiles.
        self.apply(Profile::default()).map(|_| ()).map_err(|e| {
            format!(
                "--set {spec}: {}",
                e.located("").to_string().trim_start_matches(": ")
            )
        })
    }

    /// The profile with every assignment applied, re-validated.
    pub fn apply(&self, profile: Profile) -> Result<Profile, ProfileError> {
        if self.sets.is_empty() {
            return Ok(profile);
        }
        let mut v = serde_json::to_value(&profile).map_err(|e| ProfileError::io(e.to_string()))?;
        for (path, value) in &self.sets {
            set(&mut v, path, value.clone());
        }
        let tracked: Result<Profile, _> = serde_path_to_error::deserialize(v);
        tracked.map_err(|e| {
            let path = e.path().to_string();
            let mut err = from_serde(e.inner(), (path != ".").then_some(path));
            err.line = None;
            err.column = None;
            err
        })
    }
}

fn set(root: &mut Value, path: &str, value: Value) {
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
