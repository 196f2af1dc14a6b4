//! Helpers for the integration tests: run the real binary with a clean environment.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

/// The binary with locale and colour variables cleared, so tests see the defaults.
pub fn wx() -> Command {
    let mut c = Command::cargo_bin("wxacct").expect("binary");
    for k in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
    ] {
        c.env_remove(k);
    }
    c
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
    pub fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect()
    }
}

pub fn run(args: &[&str]) -> Out {
    run_stdin(args, "")
}

pub fn run_stdin(args: &[&str], stdin: &str) -> Out {
    let o = wx().args(args).write_stdin(stdin).output().expect("run");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `deactivate` on flags alone, as JSON, starting 2026-11-23.
pub fn deactivate(args: &[&str]) -> (Value, i32) {
    let mut a = vec!["deactivate", "--json", "--start", "2026-11-23"];
    a.extend_from_slice(args);
    let o = run(&a);
    (o.json(), o.code)
}

/// The check with `id` in a result.
pub fn check<'a>(result: &'a Value, id: &str) -> &'a Value {
    result["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

pub fn example(name: &str) -> String {
    format!("{}/data/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}
