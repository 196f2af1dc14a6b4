//! Command-line definitions (clap). Nothing here decides anything: `config` turns these raw
//! flags into checked settings.

use std::cell::Cell;
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::OnceLock;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::{ArgValueCandidates, ArgValueCompleter};
use jiff::civil::Date;

use crate::complete;
use crate::engine::FailOn;
use crate::knowledge::Goal;
use crate::lang::Lang;
use crate::message::{Message, Msg};
use crate::profile::model::{AccountStatus, CardKind, DeviceKind, Platform, Region};
use crate::profile::values::parse_day;

const ABOUT: &str = "Offline planner for the hardest WeChat account chores: deleting the account, \
removing the WeChat Pay real-name verification, unbinding QQ";

const LONG_ABOUT: &str =
    "Offline planner for the hardest WeChat account chores: deleting the account, \
removing or replacing the WeChat Pay real-name verification, and unbinding a QQ number, plus \
troubleshooting when one of them fails.

wxacct reads an account profile (flags, or a JSON state file), checks it against an embedded, \
sourced knowledge base and prints a plan. It is an independent tool, not affiliated with \
Tencent. It never contacts any service: every figure comes from the cited sources (third-party \
guides, WeChat's and Tencent's own pages, and official wording quoted by others, each shown with \
its kind), and should be confirmed in the app before you act on it.";

const EXIT_CODES: &str = "Exit codes: 0 every profile passes --fail-on; 1 some profile fails it; \
2 bad usage, an unreadable input or an invalid profile.";

#[derive(Parser, Debug)]
#[command(name = "wxacct", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXIT_CODES)]
#[command(
    propagate_version = true,
    max_term_width = 100,
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Command {
    /// The profile flags of a task subcommand.
    pub fn profile_mut(&mut self) -> Option<&mut ProfileArgs> {
        match self {
            Command::Deactivate(a) | Command::UnbindQq(a) => Some(&mut a.profile),
            Command::Realname(a) => Some(&mut a.task.profile),
            Command::Troubleshoot(a) => Some(&mut a.task.profile),
            _ => None,
        }
    }
}

/// The flags every task subcommand takes (the profile's and the output's), as defined, without
/// the rest of the command line: what the reports and `explain` quote of it. Defined once a run.
pub fn task_flags() -> &'static clap::Command {
    static FLAGS: OnceLock<clap::Command> = OnceLock::new();
    FLAGS.get_or_init(|| TaskArgs::augment_args(clap::Command::new("deactivate")))
}

/// The task flag `--long`.
pub fn task_flag(long: &str) -> Option<&'static clap::Arg> {
    task_flags()
        .get_arguments()
        .find(|a| a.get_long() == Some(long))
}

impl Cli {
    /// The whole command line with every subcommand's flags defined up front ([`Deferred`]):
    /// what the man pages describe.
    pub fn defined() -> clap::Command {
        use clap::CommandFactory;
        EAGER.set(true);
        let cmd = Cli::command();
        EAGER.set(false);
        cmd
    }

    /// Parses the command line, noting where each profile flag was given: when two flags set
    /// the same field, the one given last wins.
    pub fn try_parse_in_order() -> Result<Cli, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Cli::command().try_get_matches()?;
        let mut cli = Cli::from_arg_matches(&matches)?;
        if let (Some((_, sub)), Some(p)) = (matches.subcommand(), cli.command.profile_mut()) {
            for id in sub.ids() {
                if let Some(ix) = sub.indices_of(id.as_str()) {
                    p.positions.push((id.as_str().to_string(), ix.collect()));
                }
            }
        }
        Ok(cli)
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Plan deleting the WeChat account: checks, dated plan, procedure, what happens after
    #[command(after_help = "Examples:
  wxacct deactivate --balance 12.5 --cards credit,debit --start 2026-11-23
  wxacct deactivate --state data/examples/ready.json --format json
  wxacct deactivate --state profiles.jsonl --format jsonl --fail-on blocked")]
    Deactivate(Deferred<TaskArgs>),

    /// Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan
    #[command(after_help = "Examples:
  wxacct realname --cards credit,credit,overseas --start 2026-11-23
  wxacct realname --goal replace --state data/examples/ready.json --format markdown
  wxacct realname --goal remove --status frozen --start 2026-11-27 --json")]
    Realname(Deferred<RealnameArgs>),

    /// Plan unbinding the QQ number: path, verification, impacts, risks, aftercare
    #[command(after_help = "Examples:
  wxacct unbind-qq --platform ios --set account.qq_bound=true
  wxacct unbind-qq --state me.json --format json | jq .verification
  wxacct unbind-qq --state profiles.jsonl --format jsonl --fail-on blocked")]
    UnbindQq(Deferred<TaskArgs>),

    /// Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes
    #[command(
        long_about = "Explain why a deletion, real-name removal or QQ unbinding failed: the known \
causes of each symptom, ranked, each judged for the profile by the same checks the planning \
subcommands run: likely (the profile shows it), unknown (the profile leaves it open, or no field \
can tell) or ruled out.

With --symptom, every cause of those symptoms is listed. Without it, every cause the profile \
shows: the likely and the unknown ones, across all symptoms (ruled-out ones are left out). \
Causes rank likely, then unknown, then ruled out; then by the share of failures the sources put \
on them, highest first; then by id. The verdict comes from the checks behind the listed causes, \
as in the other subcommands (blocked: one of them fails; incomplete: one is unknown); \
not-applicable when the profile rules out every listed cause.",
        after_help = "Examples:
  wxacct troubleshoot --list-symptoms --lang zh
  wxacct troubleshoot --symptom deactivate-failed --devices web --start 2026-11-23
  wxacct troubleshoot --symptom button-greyed --symptom other-active-session --state me.json --json
  wxacct troubleshoot --state profiles.jsonl --format jsonl"
    )]
    Troubleshoot(Deferred<TroubleshootArgs>),

    /// Write a profile by answering questions, or print a complete one to edit (--template)
    #[command(
        long_about = "Write a profile by answering questions, most important first (money, cards, \
roles, devices, account state…). Every question has a \"don't know\" answer that leaves the field \
unknown; wxacct then reports the checks that need it as unknown. The questions are in Chinese or \
English by the usual language rules. init needs a terminal; without one, --template prints a \
complete profile (every field, a realistic value) to edit instead.",
        after_help = "Examples:
  wxacct init me.json
  wxacct init --lang zh > me.json
  wxacct init --template > me.json"
    )]
    Init(InitArgs),

    /// Explain a record by id: check, method, playbook, conflict, source… (no id: list all)
    #[command(after_help = "Examples:
  wxacct explain
  wxacct explain wallet.licaitong
  wxacct explain recovery-window --lang zh")]
    Explain(ExplainArgs),

    /// Print the JSON Schema of the state file or of the JSON result
    #[command(after_help = "Examples:
  wxacct schema state > state.schema.json
  wxacct schema result")]
    Schema(SchemaArgs),

    /// Print a shell completion script
    #[command(after_help = "Examples:
  wxacct completions bash > ~/.local/share/bash-completion/completions/wxacct
  wxacct completions zsh > ~/.zfunc/_wxacct")]
    Completions(CompletionsArgs),

    /// Print the man page (roff)
    #[command(after_help = "Examples:
  wxacct man > wxacct.1 && man ./wxacct.1
  wxacct man deactivate")]
    Man(ManArgs),
}

/// A subcommand's flags, defined only when that subcommand runs (or when its help, a
/// completion or the man page needs them): a one-shot run does not define the thirty or so flags
/// of each of the other task subcommands (`Command::defer`).
#[derive(Debug, Clone)]
pub struct Deferred<T>(pub T);

impl<T> Deref for Deferred<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Deferred<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

thread_local! {
    /// Set while `Cli::defined` asks for every flag up front.
    static EAGER: Cell<bool> = const { Cell::new(false) };
}

impl<T: Args> Args for Deferred<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
    fn augment_args(cmd: clap::Command) -> clap::Command {
        if EAGER.get() {
            T::augment_args(cmd)
        } else {
            cmd.defer(T::augment_args)
        }
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        if EAGER.get() {
            T::augment_args_for_update(cmd)
        } else {
            cmd.defer(T::augment_args_for_update)
        }
    }
}

impl<T: FromArgMatches> FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }
    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Deferred)
    }
    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

#[derive(Args, Debug, Clone)]
pub struct TaskArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug, Clone)]
pub struct TroubleshootArgs {
    /// A symptom to explain, by id (see --list-symptoms). Repeatable. Without it: every cause
    /// the profile shows, across all symptoms
    #[arg(long, value_name = "ID", help_heading = "Symptom", add = ArgValueCandidates::new(complete::symptoms))]
    pub symptom: Vec<String>,

    /// Print every symptom id with a one-line description, and exit
    #[arg(long, help_heading = "Symptom")]
    pub list_symptoms: bool,

    #[command(flatten)]
    pub task: TaskArgs,
}

#[derive(Args, Debug, Clone)]
pub struct RealnameArgs {
    /// What to achieve: keep the account and cut ties, hand the real name to someone else, or
    /// clear it completely
    #[arg(long, value_enum, default_value_t = Goal::Minimize, help_heading = "Goal")]
    pub goal: Goal,
    #[command(flatten)]
    pub task: TaskArgs,
}

fn date(s: &str) -> Result<Date, Message> {
    parse_day(s)
}

fn money(s: &str) -> Result<f64, Message> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(Message::new(Msg::MoneyExpected).with("found", format!("{s:?}"))),
    }
}

/// A whole number in `min..=max`.
fn whole(s: &str, min: u64, max: u64) -> Result<u64, Message> {
    s.parse::<u64>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| {
            Message::new(Msg::WholeNumberRange)
                .with("min", min.to_string())
                .with("max", max.to_string())
                .with("found", format!("{s:?}"))
        })
}

fn jobs(s: &str) -> Result<u16, Message> {
    whole(s, 1, u16::MAX.into()).map(|v| u16::try_from(v).unwrap_or(u16::MAX))
}

fn count(s: &str) -> Result<u32, Message> {
    whole(s, 0, u32::MAX.into()).map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

/// A date, or `none` for "no such date".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaybeDay(pub Option<Date>);

fn date_or_none(s: &str) -> Result<MaybeDay, Message> {
    if s == "none" {
        Ok(MaybeDay(None))
    } else {
        parse_day(s).map(|d| MaybeDay(Some(d)))
    }
}

fn card(s: &str) -> Option<CardKind> {
    CardKind::from_str(s, false).ok()
}

fn device(s: &str) -> Option<DeviceKind> {
    DeviceKind::from_str(s, false).ok()
}

#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Profile")]
pub struct ProfileArgs {
    /// Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory,
    /// or - for standard input. Repeatable, and several paths may follow one --state; flags
    /// below override every profile. Write one with `wxacct init` or `wxacct init --template`;
    /// `wxacct schema state` describes every field
    #[arg(long, value_name = "PATH", num_args = 1.., value_hint = clap::ValueHint::AnyPath)]
    pub state: Vec<PathBuf>,

    /// Where you will do it
    #[arg(long, value_enum)]
    pub platform: Option<Platform>,

    /// Where the real-name account is held
    #[arg(long, value_enum)]
    pub region: Option<Region>,

    /// Wallet balance (Balance, "Lingqian") in CNY
    #[arg(long, value_name = "CNY", value_parser = money, allow_negative_numbers = true)]
    pub balance: Option<f64>,

    /// Money in LiCaiTong and wealth products, in CNY
    #[arg(long, value_name = "CNY", value_parser = money, allow_negative_numbers = true)]
    pub licaitong: Option<f64>,

    /// Maturity day of an unexpired wealth product, or `none`
    #[arg(long, value_name = "DATE", value_parser = date_or_none)]
    pub licaitong_locked_until: Option<MaybeDay>,

    /// WeChat Pay Score is switched on
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub pay_score: Option<bool>,

    /// Number of active auto-deduction contracts
    #[arg(long, value_name = "N", value_parser = count)]
    pub auto_deductions: Option<u32>,

    /// A Weilidai credit line is open or a Weilidai loan is unpaid
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub weilidai: Option<bool>,

    /// Bound bank cards, replacing the card list (`none` for no card)
    #[arg(long, value_name = "KIND,...", value_delimiter = ',',
          value_parser = PossibleValuesParser::new(["debit", "credit", "overseas", "none"]).map(|s: String| card(&s)))]
    pub cards: Option<Vec<Option<CardKind>>>,

    /// Other devices that are logged in, replacing the device list (`none` for no device)
    #[arg(long, value_name = "KIND,...", value_delimiter = ',',
          value_parser = PossibleValuesParser::new(["web", "windows", "mac", "pad", "watch", "iot", "none"]).map(|s: String| device(&s)))]
    pub devices: Option<Vec<Option<DeviceKind>>>,

    /// The account is in teen mode
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub teen_mode: Option<bool>,

    /// An unresolved legal dispute or evidence preservation
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub legal_hold: Option<bool>,

    /// Account status
    #[arg(long, value_enum)]
    pub status: Option<AccountStatus>,

    /// Set any state field: PATH=VALUE, VALUE read as JSON or else as a string
    /// (e.g. wallet.pay_score_enabled=false); LIST[].FIELD sets the field of every item
    /// (wallet.bank_cards[].unbilled_cny=0). Repeatable. When flags set the same field, the
    /// one given last wins
    #[arg(long = "set", value_name = "PATH=VALUE", add = ArgValueCompleter::new(complete::set_value))]
    pub set: Vec<String>,

    /// Where each flag was given (clap ids and command-line indices), filled by
    /// `Cli::try_parse_in_order`.
    #[arg(skip)]
    pub positions: Vec<(String, Vec<usize>)>,
}

impl ProfileArgs {
    /// Where the flag `id` was given (its `occurrence`th value), or `None`.
    pub fn position(&self, id: &str, occurrence: usize) -> Option<usize> {
        self.positions
            .iter()
            .find(|(i, _)| *i == id)
            .and_then(|(_, ix)| ix.get(occurrence).copied())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable tables
    Table,
    /// One JSON document
    Json,
    /// One compact JSON result per line
    Jsonl,
    /// Markdown
    Markdown,
    /// JUnit XML, one test case per profile
    Junit,
    /// iCalendar (RFC 5545): the plan and timeline of one profile as all-day events
    Ics,
    /// GitHub Actions annotations: ::error per failed blocker, ::warning per failed warning
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Detail {
    /// id, source, verdict, failed and unknown checks, ready date
    Summary,
    /// The whole result
    Full,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal that is not TERM=dumb (NO_COLOR and CLICOLOR_FORCE are honoured)
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,

    /// When to use colour
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,

    /// The day you start working through the plan [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    pub start: Option<Date>,

    /// An extra non-business day. Repeatable
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    pub holiday: Vec<Date>,

    /// Which verdicts make the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Incomplete)]
    pub fail_on: FailOn,

    /// Worker threads for many profiles [default: all cores]
    #[arg(long, value_name = "N", value_parser = jobs)]
    pub jobs: Option<u16>,

    /// How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]
    #[arg(long, value_enum)]
    pub detail: Option<Detail>,

    /// Table and markdown: print everything (every check, each step, the notes, the full
    /// record of each disagreement between sources, the sources)
    #[arg(short, long)]
    pub verbose: bool,

    /// No progress line. (It is shown on stderr only when stderr is a terminal, stdout is not,
    /// and the batch runs longer than a second)
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Args, Debug, Clone)]
pub struct InitArgs {
    /// Where to write the profile [default: standard output]
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub path: Option<PathBuf>,

    /// Print a complete profile, every field with a realistic value, instead of asking
    #[arg(long)]
    pub template: bool,

    /// Replace PATH if it exists
    #[arg(long)]
    pub force: bool,

    /// Language of the questions [default: from the locale]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Args, Debug, Clone)]
pub struct ExplainArgs {
    /// A record id (check, action, event, method, impact, playbook, conflict, source…) or a
    /// state field path (account.teen_mode)
    #[arg(add = ArgValueCandidates::new(complete::explain_ids))]
    pub id: Option<String>,

    /// Text language [default: from the locale]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,

    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,

    /// When to use colour
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The state file (profile)
    State,
    /// The JSON result
    Result,
}

#[derive(Args, Debug, Clone)]
pub struct SchemaArgs {
    /// Which schema
    #[arg(value_enum, default_value_t = SchemaKind::State)]
    pub kind: SchemaKind,
}

#[derive(Args, Debug, Clone)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug, Clone)]
pub struct ManArgs {
    /// A subcommand, for its own page
    #[arg(add = ArgValueCandidates::new(complete::subcommands))]
    pub subcommand: Option<String>,
}
