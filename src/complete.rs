//! Shell completion of the values wxacct knows: symptom ids, record ids and field paths for
//! `explain`, field paths and their values for `--set PATH=VALUE`. The committed scripts in
//! `completions/` are small: they ask the `wxacct` binary (with `WXACCT_COMPLETE` set) for the
//! candidates, so flags, subcommands, the comma lists of `--cards`/`--devices` and these values
//! always match the binary and its embedded data.

use std::ffi::OsStr;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::cli::Cli;
use crate::knowledge::fields::{Catalogue, FieldType};
use crate::knowledge::Knowledge;
use crate::lang::Lang;

/// The variable that makes `wxacct` print completions instead of running.
pub const VAR: &str = "WXACCT_COMPLETE";

/// Prints completions and exits when the shell asks for them; otherwise returns.
pub fn answer_the_shell() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .complete();
}

/// The script that registers the completion with `shell`.
pub fn registration(shell: clap_complete::Shell) -> String {
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        _ => &Powershell,
    };
    let mut buf = Vec::new();
    let _ = completer.write_registration(VAR, "wxacct", "wxacct", "wxacct", &mut buf);
    let script = String::from_utf8_lossy(&buf).into_owned();
    if shell == clap_complete::Shell::Bash {
        bash_words_as_typed(&script)
    } else {
        script
    }
}

/// clap's bash script passes readline's words, which are split at `=` and `:`
/// (COMP_WORDBREAKS), so `--set wallet.pay_score_enabled=f` reached wxacct as three words. Here
/// the words are taken from the line as typed, and the part of the word before the break, which
/// readline keeps, is cut off the candidates.
fn bash_words_as_typed(script: &str) -> String {
    const WORDS: &str = r#"    local words=("${COMP_WORDS[@]}")
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        words[COMP_CWORD]="$2"
    fi
"#;
    const TYPED: &str = r#"    local words
    IFS=$' \t' read -ra words <<< "${COMP_LINE:0:COMP_POINT}"
    if [[ ${#words[@]} -eq 0 || "${COMP_LINE:COMP_POINT-1:1}" == " " ]]; then
        words+=("")
    fi
    _CLAP_COMPLETE_INDEX=$(( ${#words[@]} - 1 ))
    local typed="${words[_CLAP_COMPLETE_INDEX]}"
"#;
    const REPLY: &str = r#"    if [[ $? != 0 ]]; then
        unset COMPREPLY
"#;
    const CUT: &str = r#"    local status=$?
    if [[ "$2" != "$typed" ]]; then
        local kept="${typed%"$2"}"
        COMPREPLY=( "${COMPREPLY[@]#"$kept"}" )
    fi
    if [[ $status != 0 ]]; then
        unset COMPREPLY
"#;
    script.replacen(WORDS, TYPED, 1).replacen(REPLY, CUT, 1)
}

/// Candidate descriptions are English: completion runs without the subcommand's `--lang`.
const LANG: Lang = Lang::En;

/// `--symptom ID`.
pub fn symptoms() -> Vec<CompletionCandidate> {
    Knowledge::get()
        .troubleshoot
        .symptoms
        .iter()
        .map(|s| CompletionCandidate::new(&s.id).help(Some(s.title.get(LANG).into())))
        .collect()
}

/// `explain ID`: every record id, then every state field path.
pub fn explain_ids() -> Vec<CompletionCandidate> {
    let kb = Knowledge::get();
    let records = crate::explain::entries(kb, LANG).into_iter();
    let fields = crate::field_entries::entries(kb, LANG).into_iter();
    records
        .chain(fields)
        .map(|e| CompletionCandidate::new(e.id).help(Some(e.title.into())))
        .collect()
}

/// `subcommand` of `wxacct man`.
pub fn subcommands() -> Vec<CompletionCandidate> {
    Cli::command()
        .get_subcommands()
        .map(|s| {
            let about = s.get_about().map(|a| a.to_string().into());
            CompletionCandidate::new(s.get_name()).help(about)
        })
        .collect()
}

/// `--set PATH=VALUE`: the settable field paths with `=`; after `=`, the field's values.
pub fn set_value(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let c = Catalogue::get();
    let settable = crate::profile::field::all_paths().collect::<Vec<_>>();
    match current.split_once('=') {
        None => c
            .fields
            .iter()
            .filter(|f| settable.contains(&f.path.as_str()))
            .filter(|f| f.path.starts_with(current.as_ref()))
            .map(|f| {
                CompletionCandidate::new(format!("{}=", f.path))
                    .help(Some(f.meaning.get(LANG).into()))
            })
            .collect(),
        Some((path, typed)) => {
            let Some(f) = c.field(path) else {
                return Vec::new();
            };
            let example = match &f.example {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let values: Vec<String> = match f.kind {
                FieldType::Bool => vec!["true".into(), "false".into()],
                FieldType::Enum => f.allowed().iter().map(|v| v.to_string()).collect(),
                FieldType::DateOrNull => vec!["null".into(), example],
                FieldType::List | FieldType::Object => Vec::new(),
                _ => vec![example],
            };
            values
                .into_iter()
                .filter(|v| v.starts_with(typed))
                .map(|v| CompletionCandidate::new(format!("{path}={v}")))
                .collect()
        }
    }
}
