//! From raw flags to checked settings to a run: the one place that reads the environment.

use std::io::{self, IsTerminal, Write};

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::cli::{
    Cli, ColorChoice, Command, Detail, Format, OutputArgs, ProfileArgs, TaskArgs, TroubleshootArgs,
};
use crate::engine::{Calendar, FailOn};
use crate::knowledge::Knowledge;
use crate::lang::Lang;
use crate::profile::input::Inputs;
use crate::profile::Overrides;
use crate::progress::Progress;
use crate::render::{self, Look};
use crate::run::Run;
use crate::tasks::result::Summary;
use crate::tasks::{self, Context, Task};
use crate::{explain, generate, init};

/// How the program ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Failed = 1,
    Usage = 2,
}

/// A usage problem, reported as one line on stderr with exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

fn env(key: &str) -> Option<String> {
    std::env::var(key).ok()
}

pub fn lang(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| Lang::from_env(env))
}

/// Whether to colour: `--color always|never` decide; `auto` honours NO_COLOR, then
/// CLICOLOR_FORCE, then colours only a terminal that is not `TERM=dumb`.
pub fn color(choice: ColorChoice, terminal: bool, env: impl Fn(&str) -> Option<String>) -> bool {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if env("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => terminal && env("TERM").is_none_or(|t| t != "dumb"),
    }
}

/// Columns of table output: `COLUMNS` if set, else the terminal's width, else 100.
pub fn width(terminal: Option<u16>, env: impl Fn(&str) -> Option<String>) -> usize {
    env("COLUMNS")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal.map(usize::from))
        .unwrap_or(100)
}

/// The profile flags as field assignments, in the order of SPEC §2, then each `--set`.
pub fn overrides(p: &ProfileArgs) -> Result<Overrides, UsageError> {
    let mut o = Overrides::default();
    let mut put = |path: &str, v: Option<Value>| {
        if let Some(v) = v {
            o.push(path, v);
        }
    };
    put("platform", p.platform.map(|v| json!(v)));
    put("region", p.region.map(|v| json!(v)));
    put("wallet.balance_cny", p.balance.map(|v| json!(v)));
    put("wallet.licaitong_cny", p.licaitong.map(|v| json!(v)));
    put(
        "wallet.licaitong_locked_until",
        p.licaitong_locked_until
            .map(|d| json!(d.0.map(|d| d.to_string()))),
    );
    put("wallet.pay_score_enabled", p.pay_score.map(|v| json!(v)));
    put(
        "wallet.auto_deductions",
        p.auto_deductions.map(|v| json!(v)),
    );
    put("wallet.weilidai_loan", p.weilidai.map(|v| json!(v)));
    put(
        "wallet.bank_cards",
        p.cards
            .as_ref()
            .map(|k| Value::Array(k.iter().flatten().map(|k| json!({ "kind": k })).collect())),
    );
    put(
        "devices",
        p.devices.as_ref().map(|k| {
            Value::Array(
                k.iter()
                    .flatten()
                    .map(|k| json!({ "kind": k, "logged_in": true }))
                    .collect(),
            )
        }),
    );
    put("account.teen_mode", p.teen_mode.map(|v| json!(v)));
    put("account.legal_hold", p.legal_hold.map(|v| json!(v)));
    put("account.status", p.status.map(|v| json!(v)));
    for s in &p.set {
        o.push_set(s).map_err(UsageError)?;
    }
    Ok(o)
}

pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Runs the program; returns the exit code.
pub fn main(cli: Cli) -> Exit {
    let result = match cli.command {
        Command::Deactivate(args) => task(Task::Deactivate, &args),
        Command::Realname(args) => task(Task::Realname { goal: args.goal }, &args.task),
        Command::UnbindQq(args) => task(Task::UnbindQq, &args),
        Command::Troubleshoot(args) => troubleshoot(&args),
        Command::Init(args) => init::run(&args),
        Command::Explain(args) => explain::run(&args).map(|()| Exit::Ok),
        Command::Schema(args) => generate::schema(args.kind).map(|()| Exit::Ok),
        Command::Completions(args) => generate::completions(args.shell).map(|()| Exit::Ok),
        Command::Man(args) => generate::man(args.subcommand.as_deref()).map(|()| Exit::Ok),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(UsageError(msg))) => {
            eprintln!("wxacct: {msg}");
            Exit::Usage
        }
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Ok,
        Err(Failure::Io(e)) => {
            eprintln!("wxacct: {e}");
            Exit::Usage
        }
    }
}

#[derive(Debug)]
pub enum Failure {
    Usage(UsageError),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}
impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Self {
        Failure::Usage(e)
    }
}

fn output_settings(o: &OutputArgs, single: bool, terminal: bool) -> (Format, Look) {
    let format = if o.json {
        Format::Json
    } else {
        o.format.unwrap_or(Format::Table)
    };
    let detail = o.detail.unwrap_or(match format {
        Format::Json | Format::Junit | Format::Ics | Format::Github => Detail::Full,
        Format::Jsonl | Format::Table | Format::Markdown => Detail::Summary,
    });
    let columns = terminal
        .then(|| terminal_size::terminal_size_of(io::stdout()))
        .flatten()
        .map(|(w, _)| w.0);
    let look = Look {
        lang: lang(o.lang),
        detail,
        color: color(o.color, terminal, env),
        width: width(columns, env),
        verbose: o.verbose,
        single,
        fail_on: o.fail_on,
    };
    (format, look)
}

fn task(task: Task, args: &TaskArgs) -> Result<Exit, Failure> {
    let kb = Knowledge::get();
    let o = &args.output;
    let overrides = overrides(&args.profile)?;
    let ctx = Context {
        kb,
        start: o.start.unwrap_or_else(today),
        calendar: Calendar::new(o.holiday.clone()),
    };
    let (inputs, single) = if args.profile.state.is_empty() {
        (None, true)
    } else {
        let (i, single) = Inputs::open(&args.profile.state);
        (Some(i), single)
    };
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let (format, look) = output_settings(o, single, terminal);
    if format == Format::Ics && !single {
        return Err(UsageError(
            "--format ics writes the calendar of one profile, and this input can hold several (an array, JSON lines, a directory or more than one --state); give one profile object".into(),
        )
        .into());
    }
    let (report, sink) = render::report(format, look, task.id())?;
    let stderr = io::stderr();
    let wanted = inputs.is_some() && !o.quiet && !terminal && stderr.is_terminal();
    // "{n} profiles" with the count left to the progress line.
    let counted = kb
        .ui
        .summary_profiles
        .get(look.lang, 2)
        .replace("{n}", "{pos}");
    let progress = Progress::new(wanted, &counted);
    let mut sink = progress.sink(sink);
    let jobs = o.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let run = Run {
        task: &task,
        ctx: &ctx,
        overrides: &overrides,
        jobs,
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // Not locked for the whole run: the progress line is drawn from its own thread too.
    let mut err = progress.stderr(stderr);
    let summary = run.execute(inputs, report.as_ref(), &mut sink, &mut out, &mut err)?;
    out.flush()?;
    Ok(exit_code(&summary, o.fail_on))
}

/// `troubleshoot`: the symptom list, or the task for the symptoms asked about.
fn troubleshoot(args: &TroubleshootArgs) -> Result<Exit, Failure> {
    let kb = Knowledge::get();
    let o = &args.task.output;
    if args.list_symptoms {
        let as_json = o.json || o.format == Some(Format::Json);
        print(&tasks::troubleshoot::symptom_list(
            kb,
            lang(o.lang),
            as_json,
        ))?;
        return Ok(Exit::Ok);
    }
    let symptoms = tasks::troubleshoot::symptom_indices(kb, &args.symptom).map_err(UsageError)?;
    task(Task::Troubleshoot { symptoms }, &args.task)
}

/// 2 when any profile was unreadable or invalid; else 1 when any verdict fails `--fail-on`.
pub fn exit_code(s: &Summary, fail_on: FailOn) -> Exit {
    use crate::engine::Verdict;
    if s.errors > 0 {
        return Exit::Usage;
    }
    let failing = (fail_on.fails(Verdict::Blocked) && s.blocked > 0)
        || (fail_on.fails(Verdict::Incomplete) && s.incomplete > 0);
    if failing {
        Exit::Failed
    } else {
        Exit::Ok
    }
}

/// Writes to stdout; a closed pipe is not an error worth a message.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
