//! Generated files stay in step with the program: completions/ and man/ are generated from the
//! clap definition, and the JSON Schemas from the Rust types. `WXACCT_REGENERATE=1 cargo test
//! --test generated` rewrites the committed files.

mod common;
use common::*;

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `actual` with the committed file, or rewrites it when asked to.
fn check_file(rel: &str, actual: &str) -> Option<String> {
    let path = root().join(rel);
    if std::env::var_os("WXACCT_REGENERATE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(committed) if committed == actual => None,
        Ok(_) => Some(format!("{rel} is stale")),
        Err(_) => Some(format!("{rel} is missing")),
    }
}

const SHELLS: &[(&str, &str)] = &[
    ("bash", "wxacct.bash"),
    ("zsh", "_wxacct"),
    ("fish", "wxacct.fish"),
    ("elvish", "wxacct.elv"),
    ("powershell", "_wxacct.ps1"),
];

#[test]
fn completions_and_man_pages_are_current() {
    let mut stale = Vec::new();
    for (shell, file) in SHELLS {
        let o = run(&["completions", shell]);
        assert_eq!(o.code, 0, "{shell}");
        assert!(
            o.stdout.contains("WXACCT_COMPLETE"),
            "{shell} asks the binary for completions"
        );
        stale.extend(check_file(&format!("completions/{file}"), &o.stdout));
    }
    for (name, page) in wxacct::generate::man_pages() {
        assert!(page.contains(".TH"), "{name} is roff");
        stale.extend(check_file(&format!("man/{name}"), &page));
    }
    let o = run(&["man"]);
    assert_eq!(
        o.stdout,
        wxacct::generate::man_pages()[0].1,
        "`wxacct man` prints the tool's page"
    );
    assert!(
        stale.is_empty(),
        "{stale:?}\nregenerate with: WXACCT_REGENERATE=1 cargo test --test generated"
    );
}

#[test]
fn man_page_per_subcommand() {
    let o = run(&["man", "deactivate"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout.contains(".TH wxacct-deactivate 1")
            && o.stdout.contains("wxacct\\-deactivate \\- Plan"),
        "{}",
        &o.stdout[..200.min(o.stdout.len())]
    );
    assert!(
        o.stdout
            .contains(".SH SYNOPSIS\n\\fBwxacct deactivate\\fR ["),
        "the synopsis names the command as it is typed"
    );
    let o = run(&["man", "deactvate"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("no subcommand `deactvate`"));
}

fn compile(schema: &str) -> (boon::Schemas, boon::SchemaIndex) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let value: serde_json::Value = serde_json::from_str(schema).unwrap();
    compiler.add_resource("mem:schema.json", value).unwrap();
    let index = compiler
        .compile("mem:schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("{e:#}"));
    (schemas, index)
}

#[test]
fn examples_validate_against_the_state_schema() {
    let o = run(&["schema", "state"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("2020-12"), "draft 2020-12");
    let (schemas, index) = compile(&o.stdout);
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("data/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            if let Err(e) = schemas.validate(&v, index) {
                panic!("{}: {e:#}", path.display());
            }
            n += 1;
        }
    }
    assert!(n >= 6);
    // And the schema rejects what the program rejects.
    for bad in [
        r#"{"wallet":{"balance_cny":-1}}"#,
        r#"{"platform":"andriod"}"#,
        r#"{"walet":{}}"#,
    ] {
        let v: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(schemas.validate(&v, index).is_err(), "{bad}");
    }
}

#[test]
fn results_validate_against_the_result_schema() {
    let (schemas, index) = compile(&run(&["schema", "result"]).stdout);
    let mut outputs = Vec::new();
    for ex in [
        "ready.json",
        "wallet-blocked.json",
        "many-cards.json",
        "legal-hold.json",
        "frozen-account.json",
        "mostly-unknown.json",
        "teen-mode.json",
    ] {
        for lang in ["en", "zh"] {
            outputs.push(
                run(&[
                    "deactivate",
                    "--json",
                    "--lang",
                    lang,
                    "--start",
                    "2026-11-23",
                    "--state",
                    &example(ex),
                ])
                .stdout,
            );
        }
        outputs.extend(
            run(&[
                "deactivate",
                "--format",
                "jsonl",
                "--start",
                "2026-11-23",
                "--state",
                &example(ex),
            ])
            .stdout
            .lines()
            .map(String::from),
        );
    }
    outputs.push(
        run(&[
            "deactivate",
            "--json",
            "--start",
            "2026-11-23",
            "--state",
            &example("ready.json"),
            "--state",
            &example("legal-hold.json"),
        ])
        .stdout,
    );
    outputs.extend(
        run_stdin(
            &["deactivate", "--format", "jsonl", "--state", "-"],
            "{}\n{\"x\":1}\n",
        )
        .stdout
        .lines()
        .map(String::from),
    );
    for out in outputs {
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        if let Err(e) = schemas.validate(&v, index) {
            panic!("{e:#}\n{out}");
        }
    }
}

#[test]
fn realname_and_unbind_qq_results_validate_against_the_result_schema() {
    let (schemas, index) = compile(&run(&["schema", "result"]).stdout);
    let mut outputs = Vec::new();
    for lang in ["en", "zh"] {
        for line in [
            "realname --goal minimize --cards credit,overseas",
            "realname --goal replace --status frozen",
            "realname --goal remove --balance 3",
            "unbind-qq --set account.qq_bound=true",
            "unbind-qq --platform web --set enterprise.linked=true",
            "unbind-qq --set account.qq_bound=false",
        ] {
            let args: Vec<&str> = line.split(' ').collect();
            let common = ["--json", "--lang", lang, "--start", "2026-11-23"];
            outputs.push(run(&[&args[..], &common[..]].concat()).stdout);
        }
    }
    for ex in ["ready.json", "frozen-account.json", "mostly-unknown.json"] {
        for command in ["realname", "unbind-qq"] {
            let args = [command, "--format", "jsonl", "--detail", "full"];
            let o = run(&[&args[..], &["--state", &example(ex)]].concat());
            outputs.push(o.stdout);
        }
    }
    for out in outputs {
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        if let Err(e) = schemas.validate(&v, index) {
            panic!("{e:#}\n{out}");
        }
    }
}

/// The text of a man page section, up to the next one.
fn section<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page
        .find(&format!(".SH {name}\n"))
        .unwrap_or_else(|| panic!("no section {name}"));
    let body = &page[start + 5 + name.len()..];
    &body[..body.find("\n.SH ").unwrap_or(body.len())]
}

#[test]
fn man_pages_have_exit_status_environment_files_and_examples() {
    for page in [run(&["man"]).stdout, run(&["man", "deactivate"]).stdout] {
        let exit = section(&page, "\"EXIT STATUS\"");
        for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
            assert!(exit.contains(code), "{exit}");
        }
        let env = section(&page, "ENVIRONMENT");
        for var in [
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "LC_ALL, LC_MESSAGES, LANG",
            "COLUMNS",
        ] {
            assert!(env.contains(&format!("\\fB{var}\\fR")), "{var}");
        }
        let examples = section(&page, "EXAMPLES");
        assert!(
            examples.contains("\\fBwxacct deactivate \\-\\-"),
            "{examples}"
        );
        // The state file example in FILES is a profile wxacct accepts.
        let files = section(&page, "FILES");
        let json = files
            .split(".nf\n")
            .nth(1)
            .unwrap()
            .split("\n.fi")
            .next()
            .unwrap();
        let json = json.replace("\\-", "-");
        let o = run_stdin(&["deactivate", "--state", "-", "--format", "jsonl"], &json);
        assert_eq!(o.lines()[0]["id"], "me", "{json}\n{}", o.stderr);
    }
    // Every example on a subcommand's page runs (those reading files that exist).
    let page = run(&["man", "troubleshoot"]).stdout;
    assert!(section(&page, "EXAMPLES").contains("\\-\\-list\\-symptoms"));
}
