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
use crate::message::{Message, Msg};
use crate::profile::error::did_you_mean;
use crate::profile::input::{io_reason, Inputs};
use crate::profile::Overrides;
use crate::progress::Progress;
use crate::render::{self, Look};
use crate::run::{diagnostic, Ending, Run};
use crate::tasks::result::Summary;
use crate::tasks::{self, Context, Task};
use crate::{explain, generate, init, interrupt};

/// How the program ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Failed,
    Usage,
    /// Stopped by a signal (its number): the exit status is 128 + the number.
    Signal(i32),
}

/// Ends the process with `exit`'s code once the standard streams are flushed, and runs nothing
/// after that. A normal exit would let the allocator tidy its memory, which the kernel frees
/// anyway: mimalloc's exit handler purges every arena page it used with `madvise`, a quarter of
/// the CPU time of a one-profile run (docs/performance.md).
pub fn end(exit: Exit) -> ! {
    let _ = io::stdout().lock().flush();
    let _ = io::stderr().lock().flush();
    // SAFETY: `_exit` only ends the process. Every thread a run starts is joined before the
    // command returns, and the streams are flushed above.
    unsafe { libc::_exit(i32::from(exit.code())) }
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Failed => 1,
            Exit::Usage => 2,
            Exit::Signal(sig) => u8::try_from(128 + sig).unwrap_or(u8::MAX),
        }
    }
}

/// A usage problem, reported as one line on stderr with exit code 2.
#[derive(Debug)]
pub struct UsageError(pub Message);

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

/// The width of text on standard output, and whether to colour it.
pub fn screen(choice: ColorChoice) -> (usize, bool) {
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let columns = terminal
        .then(|| terminal_size::terminal_size_of(&stdout))
        .flatten()
        .map(|(w, _)| w.0);
    (width(columns, env), color(choice, terminal, env))
}

/// The profile flags as field assignments, in command-line order: when two flags set the same
/// field, the one given last wins (a flag with no known position counts as given first, in
/// the order of SPEC §2, and each `--set` after them).
pub fn overrides(p: &ProfileArgs) -> Result<Overrides, UsageError> {
    let mut o = Overrides::default();
    let mut put = |id: &str, path: &str, v: Option<Value>| {
        if let Some(v) = v {
            o.push(p.position(id, 0).unwrap_or(0), path, v);
        }
    };
    put("platform", "platform", p.platform.map(|v| json!(v)));
    put("region", "region", p.region.map(|v| json!(v)));
    put("balance", "wallet.balance_cny", p.balance.map(|v| json!(v)));
    put(
        "licaitong",
        "wallet.licaitong_cny",
        p.licaitong.map(|v| json!(v)),
    );
    put(
        "licaitong_locked_until",
        "wallet.licaitong_locked_until",
        p.licaitong_locked_until
            .map(|d| json!(d.0.map(|d| d.to_string()))),
    );
    put(
        "pay_score",
        "wallet.pay_score_enabled",
        p.pay_score.map(|v| json!(v)),
    );
    put(
        "auto_deductions",
        "wallet.auto_deductions",
        p.auto_deductions.map(|v| json!(v)),
    );
    put(
        "weilidai",
        "wallet.weilidai_loan",
        p.weilidai.map(|v| json!(v)),
    );
    let cards = kinds("--cards", p.cards.as_deref(), |k| k.as_str())?;
    put(
        "cards",
        "wallet.bank_cards",
        cards.map(|k| Value::Array(k.iter().map(|k| json!({ "kind": k })).collect())),
    );
    let devices = kinds("--devices", p.devices.as_deref(), |k| k.as_str())?;
    put(
        "devices",
        "devices",
        devices.map(|k| {
            Value::Array(
                k.iter()
                    .map(|k| json!({ "kind": k, "logged_in": true }))
                    .collect(),
            )
        }),
    );
    put(
        "teen_mode",
        "account.teen_mode",
        p.teen_mode.map(|v| json!(v)),
    );
    put(
        "legal_hold",
        "account.legal_hold",
        p.legal_hold.map(|v| json!(v)),
    );
    put("status", "account.status", p.status.map(|v| json!(v)));
    for (i, s) in p.set.iter().enumerate() {
        let position = p.position("set", i).unwrap_or(usize::MAX);
        o.push_set(position, s).map_err(UsageError)?;
    }
    Ok(o)
}

/// A `--cards`/`--devices` list: kinds, or `none` alone for an empty list.
fn kinds<K: Copy>(
    flag: &str,
    list: Option<&[Option<K>]>,
    name: fn(K) -> &'static str,
) -> Result<Option<Vec<&'static str>>, UsageError> {
    let Some(list) = list else { return Ok(None) };
    let named: Vec<&str> = list.iter().map(|k| k.map_or("none", name)).collect();
    if list.len() > 1 && list.iter().any(Option::is_none) {
        let value = named.join(",");
        return Err(UsageError(
            Message::new(Msg::FlagValueProblem)
                .with("flag", flag)
                .with("value", value.clone())
                .with_msg(
                    "problem",
                    Message::new(Msg::NoneWithOthers).with("value", value),
                ),
        ));
    }
    Ok(Some(named.into_iter().filter(|k| *k != "none").collect()))
}

/// Today in the local time zone: the day the C library gives for now, as `date` shows it (the
/// `TZ` variable, else /etc/localtime). jiff's `Zoned::now()` gives the same day, but first
/// lists the whole time zone database (a walk of /usr/share/zoneinfo), which was 40 % of the
/// instructions of a one-shot run; it stays the fallback.
pub fn today() -> Date {
    local_date().unwrap_or_else(|| jiff::Zoned::now().date())
}

fn local_date() -> Option<Date> {
    // POSIX; the libc crate does not declare it.
    extern "C" {
        fn tzset();
    }
    // SAFETY: `time` with a null pointer only returns the time; `tzset` reads the time zone
    // settings, and `localtime_r` fills the `tm` given, which lives on this stack (no static
    // buffer shared with other threads).
    let tm = unsafe {
        let now = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        tzset();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return None;
        }
        tm
    };
    // `struct tm` counts years from 1900 and months from 0.
    let year = i16::try_from(tm.tm_year.checked_add(1900)?).ok()?;
    let month = i8::try_from(tm.tm_mon.checked_add(1)?).ok()?;
    let day = i8::try_from(tm.tm_mday).ok()?;
    Date::new(year, month, day).ok()
}

/// The language of messages for a command: its `--lang`, else the locale's.
fn command_lang(command: &Command) -> Lang {
    let flag = match command {
        Command::Deactivate(a) | Command::UnbindQq(a) => a.output.lang,
        Command::Realname(a) => a.task.output.lang,
        Command::Troubleshoot(a) => a.task.output.lang,
        Command::Explain(a) => a.lang,
        _ => None,
    };
    lang(flag)
}

/// Prints one diagnostic line on stderr.
pub fn say(message: &Message, lang: Lang) {
    eprintln!("{}", diagnostic(&message.render(lang)));
}

/// How a failure to write the output ends the program: quietly on a closed pipe (exit 0),
/// else with one line and exit 2.
pub fn write_failed(e: &io::Error, lang: Lang) -> Exit {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Exit::Ok;
    }
    say(
        &Message::new(Msg::WriteFailed).with_msg("reason", io_reason(e)),
        lang,
    );
    Exit::Usage
}

/// Runs the program; returns the exit code.
pub fn main(cli: Cli) -> Exit {
    let lang = command_lang(&cli.command);
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
            say(&msg, lang);
            Exit::Usage
        }
        Err(Failure::Io(e)) => write_failed(&e, lang),
    }
}

/// What to do when the command line does not parse: help and version go to stdout (a write
/// error ends like any other command's); a real error becomes one line, exit 2.
pub fn refused(e: &clap::Error) -> Exit {
    use clap::error::ErrorKind as K;
    let lang = lang(lang_in_args(std::env::args_os()));
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => {
            let stdout = io::stdout();
            let styled = e.render();
            let text = if color(ColorChoice::Auto, stdout.is_terminal(), env) {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            let mut out = stdout.lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Exit::Ok,
                Err(e) => write_failed(&e, lang),
            }
        }
        _ => {
            say(&flag_error(e), lang);
            Exit::Usage
        }
    }
}

/// `--lang` as given on a command line that did not parse, if it is there and valid.
fn lang_in_args(args: impl Iterator<Item = std::ffi::OsString>) -> Option<Lang> {
    use clap::ValueEnum;
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let value = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(v) => v.strip_prefix('='),
            None => None,
        })?;
    Lang::from_str(value, false).ok()
}

/// The flag as the user wrote it: `--start <YYYY-MM-DD>` is `--start`.
fn flag_name(arg: &str) -> String {
    match arg.find([' ', '[', '=']) {
        Some(i) if arg.starts_with('-') => arg[..i].to_string(),
        _ => arg.to_string(),
    }
}

/// clap's error as one line in the product's words: its kind and context, reworded.
pub fn flag_error(e: &clap::Error) -> Message {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    let get = |k: C| -> Option<String> {
        e.get(k).map(|v| match v {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join(", "),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::StyledStrs(v) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            ContextValue::Number(n) => n.to_string(),
            other => other.to_string(),
        })
    };
    let arg = get(C::InvalidArg).unwrap_or_default();
    let flag = flag_name(&arg);
    let value = get(C::InvalidValue).unwrap_or_default();
    let suggested = [C::SuggestedArg, C::SuggestedSubcommand, C::SuggestedValue]
        .into_iter()
        .find_map(get)
        .map(|s| Message::new(Msg::DidYouMeanFlag).with("name", s));
    match e.kind() {
        K::UnknownArgument => Message::new(Msg::UnexpectedArgument)
            .with("arg", arg)
            .then(suggested),
        K::InvalidSubcommand => Message::new(Msg::UnknownSubcommand)
            .with("arg", get(C::InvalidSubcommand).unwrap_or(arg))
            .then(suggested),
        K::InvalidValue => {
            let valid = match e.get(C::ValidValue) {
                Some(ContextValue::Strings(v)) => v.clone(),
                _ => Vec::new(),
            };
            let expected = (!valid.is_empty())
                .then(|| Message::new(Msg::ExpectedOneOf).with("values", valid.join(", ")));
            if value.is_empty() {
                return Message::new(Msg::FlagNeedsValue)
                    .with("flag", flag)
                    .then(expected);
            }
            let near = did_you_mean(&value, valid.iter().map(String::as_str))
                .map(|s| Message::new(Msg::DidYouMeanFlag).with("name", s));
            Message::new(Msg::FlagValueInvalid)
                .with("value", value)
                .with("flag", flag)
                .then(expected)
                .then(near)
        }
        K::ValueValidation => {
            let problem = std::error::Error::source(e)
                .map(|s| match s.downcast_ref::<Message>() {
                    Some(m) => m.clone(),
                    None => Message::verbatim(s.to_string()),
                })
                .unwrap_or_else(|| Message::verbatim(String::new()));
            Message::new(Msg::FlagValueProblem)
                .with("value", value)
                .with("flag", flag)
                .with_msg("problem", problem)
        }
        K::NoEquals => Message::new(Msg::FlagNeedsEquals).with("flag", flag),
        K::ArgumentConflict => match get(C::PriorArg) {
            Some(prior) if flag_name(&prior) != flag => Message::new(Msg::FlagsConflict)
                .with("flag", flag)
                .with("other", flag_name(&prior)),
            _ => Message::new(Msg::FlagGivenTwice).with("flag", flag),
        },
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            Message::new(Msg::FlagValueCount).with("flag", flag)
        }
        K::MissingRequiredArgument => Message::new(Msg::ArgumentMissing).with("arg", arg),
        K::MissingSubcommand | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            Message::new(Msg::SubcommandMissing)
        }
        K::InvalidUtf8 => Message::new(Msg::ArgumentNotUtf8),
        _ => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("");
            Message::verbatim(first.trim_start_matches("error: "))
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

fn output_settings(o: &OutputArgs, single: bool) -> (Format, Look) {
    let format = if o.json {
        Format::Json
    } else {
        o.format.unwrap_or(Format::Table)
    };
    let detail = o.detail.unwrap_or(match format {
        Format::Json | Format::Junit | Format::Ics | Format::Github => Detail::Full,
        Format::Jsonl | Format::Table | Format::Markdown => Detail::Summary,
    });
    let (width, color) = screen(o.color);
    let look = Look {
        lang: lang(o.lang),
        detail,
        color,
        width,
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
    let messages = lang(o.lang);
    let stdin_named = args.profile.state.iter().any(|p| p.as_os_str() == "-");
    if stdin_named && io::stdin().is_terminal() {
        say(&Message::new(Msg::StdinIsTerminal), messages);
    }
    interrupt::install();
    let (inputs, single) = if args.profile.state.is_empty() {
        (None, true)
    } else {
        let (i, single) = Inputs::open(&args.profile.state);
        (Some(i), single)
    };
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let (format, look) = output_settings(o, single);
    if format == Format::Ics && !single {
        return Err(UsageError(Message::new(Msg::IcsNeedsOneProfile)).into());
    }
    let (report, sink) = render::report(format, look, task.id())?;
    let stderr = io::stderr();
    let wanted = inputs.is_some() && !o.quiet && !terminal && stderr.is_terminal();
    // "{n} profiles" with the count left to the progress line (the labels are read only
    // when there is a progress line to draw).
    let counted = match wanted {
        true => kb
            .ui
            .summary_profiles
            .get(look.lang, 2)
            .replace("{n}", "{pos}"),
        false => String::new(),
    };
    let progress = Progress::new(wanted, &counted);
    let mut sink = progress.sink(sink);
    let run = Run {
        task: &task,
        ctx: &ctx,
        overrides: &overrides,
        jobs: o.jobs.map(usize::from),
        lang: messages,
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // Not locked for the whole run: the progress line is drawn from its own thread too.
    let mut err = progress.stderr(stderr);
    let outcome = run.execute(inputs, report.as_ref(), &mut sink, &mut out, &mut err)?;
    drop(sink);
    Ok(match outcome.ending {
        Ending::Interrupted(sig) => {
            let stopped = Message::new(Msg::Interrupted)
                .with("signal", interrupt::name(sig))
                .with("count", outcome.summary.total.to_string());
            say(&stopped, messages);
            Exit::Signal(sig)
        }
        Ending::Complete | Ending::OutputClosed => exit_code(&outcome.summary, o.fail_on),
    })
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
