//! The record types of the knowledge base, one per kind of fact in `data/`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::predicate::{list, CheckTest, Condition, ItemPred, PredSpec};
use super::text::Text;
use crate::engine::compiled::Code;
use crate::profile::field::{Field, ListField};
use crate::profile::model::{CardKind, DeviceKind, Platform, Region};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An article by a third party (the guides S1–S3, and third-party reports).
    ThirdPartyGuide,
    /// A page of WeChat, Weixin or Tencent, or an archived copy of its terms.
    Official,
    /// Official wording as quoted by a newspaper or a repost (may be dated).
    QuotedOfficial,
}

impl SourceKind {
    /// Official pages and official wording quoted by others.
    pub fn is_official(self) -> bool {
        matches!(self, SourceKind::Official | SourceKind::QuotedOfficial)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub id: String,
    pub kind: SourceKind,
    pub file: Option<String>,
    pub title: Text,
    /// Where it can be read.
    #[serde(default)]
    pub urls: Vec<String>,
    pub published: Option<String>,
    pub tested_on: Option<String>,
    /// The parts a guide is cited by (`S1§3`); empty for a source cited as a whole or by fact.
    pub sections: Vec<String>,
}

/// A fact found on a source other than the guides, cited as `O2§F11` (source, then fact).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    pub id: String,
    /// The sources that state it.
    pub sources: Vec<String>,
    pub text: Text,
}

/// How much a failed check matters. Ordered: blockers first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Blocker,
    Warning,
    Info,
}

/// The task subcommands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TaskId {
    Deactivate,
    Realname,
    UnbindQq,
    Troubleshoot,
}

impl TaskId {
    pub const ALL: &'static [TaskId] = &[
        TaskId::Deactivate,
        TaskId::Realname,
        TaskId::UnbindQq,
        TaskId::Troubleshoot,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TaskId::Deactivate => "deactivate",
            TaskId::Realname => "realname",
            TaskId::UnbindQq => "unbind-qq",
            TaskId::Troubleshoot => "troubleshoot",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityRule {
    pub when: Condition,
    pub severity: Severity,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    pub id: String,
    pub severity: Severity,
    /// Severity that applies instead when a condition holds (first match wins).
    #[serde(default)]
    pub severity_when: Vec<SeverityRule>,
    pub tasks: Vec<TaskId>,
    pub fails_when: Condition,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(skip)]
    pub action_idx: Option<usize>,
    /// A realname method that clears this check in one go, offered beside the action
    /// (cancelling WeChat Pay instead of unbinding the cards one by one).
    #[serde(default)]
    pub alternative: Option<String>,
    /// The id as a JSON string, escaped once when loaded (batch output writes it per profile).
    #[serde(skip)]
    pub id_json: Option<Box<serde_json::value::RawValue>>,
    /// The place of the id among all check ids in order; filled in when loaded (outcomes are
    /// sorted by severity, then id, per profile).
    #[serde(skip)]
    pub id_rank: usize,
    /// The number of the code `build.rs` wrote for `fails_when` (`engine::compiled`), when it
    /// was written from this very condition; filled in when loaded.
    #[serde(skip)]
    pub compiled: Option<u8>,
    /// False when nothing the user can do clears a failure (then `ready_on` is null).
    #[serde(default = "yes")]
    pub self_service: bool,
    pub title: Text,
    pub detail: Text,
    pub remedy: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

/// A profile field named in data, checked against the known paths when loaded.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(try_from = "String")]
pub struct FieldRef(pub Field);

impl TryFrom<String> for FieldRef {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Field::from_path(&s)
            .map(FieldRef)
            .ok_or_else(|| format!("unknown field `{s}`"))
    }
}

/// A day in the profile that an action cannot finish before (a product's maturity).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotBefore {
    pub field: FieldRef,
    /// Money due on a weekend or holiday arrives on the next business day.
    #[serde(default)]
    pub next_business_day: bool,
}

/// How long a plan action takes.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Duration {
    /// Done the same day, after about this many minutes.
    Minutes(u32),
    /// Done on the min-th to max-th business day after the start, and not before a date field.
    BusinessDays {
        min: u32,
        max: u32,
        #[serde(default)]
        not_before: Option<NotBefore>,
    },
    /// Waiting until a day counter in the profile (counted as of the profile's `as_of`)
    /// reaches `day`.
    UntilDay { field: FieldRef, day: u32 },
    /// Same-day, one bank card at a time within the card limits (with `per_item` over the cards).
    CardSchedule,
    /// The sources give no duration: shown as same-day, and marked so.
    Unstated,
}

/// Expands an action into one action per matching list item.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "PerItemSpec")]
pub struct PerItem {
    pub list: ListField,
    pub when: Option<ItemPred>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PerItemSpec {
    list: String,
    when: Option<PredSpec>,
}

impl TryFrom<PerItemSpec> for PerItem {
    type Error = String;
    fn try_from(s: PerItemSpec) -> Result<Self, String> {
        let l = list(&s.list)?;
        let when = s.when.map(|w| ItemPred::compile(l, &w)).transpose()?;
        Ok(PerItem { list: l, when })
    }
}

/// Which steps of another action a step waits for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Every step of that action.
    #[default]
    Every,
    /// The step of that action about the same list item (the same card).
    SameItem,
    /// Only this action's last step waits (the last card is unbound after the money is out).
    LastItem,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Every => "every",
            Scope::SameItem => "same-item",
            Scope::LastItem => "last-item",
        }
    }
}

/// An edge of the plan's graph: an action named by id, and which of its steps are waited for.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "WaitForSpec")]
pub struct WaitFor {
    pub action: String,
    pub scope: Scope,
    /// Index into `Knowledge::actions`; filled in when loaded.
    pub action_idx: usize,
}

/// `"appeal"`, or `{"action": "repay-unbilled", "scope": "same-item"}`.
#[derive(Deserialize)]
#[serde(untagged)]
enum WaitForSpec {
    Id(String),
    Scoped(ScopedSpec),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopedSpec {
    action: String,
    #[serde(default)]
    scope: Scope,
}

impl From<WaitForSpec> for WaitFor {
    fn from(s: WaitForSpec) -> WaitFor {
        let (action, scope) = match s {
            WaitForSpec::Id(action) => (action, Scope::Every),
            WaitForSpec::Scoped(ScopedSpec { action, scope }) => (action, scope),
        };
        WaitFor {
            action,
            scope,
            action_idx: usize::MAX,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionDef {
    pub id: String,
    /// Every other action waits for this one (an appeal that lifts a restriction).
    #[serde(default)]
    pub first: bool,
    /// The actions this one waits for, when they are in the plan.
    #[serde(default)]
    pub after: Vec<WaitFor>,
    /// The longest chain of actions this one waits for; filled in when loaded. Steps on the
    /// same day are listed by it, so that each comes after what it waits for.
    #[serde(skip)]
    pub depth: usize,
    /// Its steps never move a date of the plan; filled in when loaded (see
    /// [`ActionDef::moves_no_date`]).
    #[serde(skip)]
    pub dateless: bool,
    pub duration: Duration,
    /// The sources give no duration and the step takes real time (a notarisation): every
    /// date after it is provisional.
    #[serde(default)]
    pub provisional: bool,
    #[serde(default)]
    pub per_item: Option<PerItem>,
    pub title: Text,
    pub path: Option<Text>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

impl ActionDef {
    /// Whether a step of this action ends the day it is ready (minutes, or no stated
    /// duration).
    pub fn is_instant(&self) -> bool {
        matches!(self.duration, Duration::Minutes(_) | Duration::Unstated)
    }

    /// Whether its steps can never move a date of the plan: each ends the day it is ready,
    /// and is ready when the `first` actions are done, which every other step waits for as
    /// well (its own `after` list is empty). Nothing that waits for it can then be ready later
    /// for it, and the plan cannot end later. Leaving such steps out of the graph therefore
    /// gives the same completion date, as long as they cannot make it uncertain either: a
    /// provisional action, or a step about a bank card (whose kind may be unknown), is kept.
    pub fn moves_no_date(&self) -> bool {
        self.is_instant()
            && self.after.is_empty()
            && !self.provisional
            && self
                .per_item
                .as_ref()
                .is_none_or(|p| p.list != ListField::BankCards)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardLimit {
    pub kind: CardKind,
    /// Cards of this kind that may be unbound per period; `null` for no limit.
    pub per_period: Option<u32>,
    pub period_days: Option<u32>,
    pub condition: Text,
    pub sources: Vec<String>,
}

/// How a card of unknown kind is named and scheduled: the best case for the earliest date, the
/// worst for the latest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnknownCardKind {
    /// Stands for the kind in action titles.
    pub name: Text,
    pub condition: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum After {
    Days(u32),
    Years(u32),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterRule {
    pub when: Condition,
    pub after: After,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    pub id: String,
    pub after: After,
    #[serde(default)]
    pub after_when: Vec<AfterRule>,
    pub title: Text,
    /// The title in a few words, for the compact report.
    pub short: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictValue {
    pub value: Text,
    pub sources: Vec<String>,
    /// The value wxacct follows (the official one where an official source disagrees with a
    /// guide).
    #[serde(default)]
    pub adopted: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictDef {
    pub id: String,
    pub subject: Text,
    pub values: Vec<ConflictValue>,
    pub resolution: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub text: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
    /// Shown only when this holds (or may hold) for the profile.
    #[serde(default)]
    pub when: Option<Condition>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub platforms: Vec<Platform>,
    pub text: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unsupported {
    pub platform: Platform,
    pub text: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub path: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
    pub screens: u32,
    pub tested_on: String,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub unsupported: Vec<Unsupported>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeactivateData {
    pub procedure: Procedure,
    pub notes: Vec<Note>,
}

/// Display names of the profile's enum values.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocab {
    pub platform: BTreeMap<Platform, Text>,
    pub region: BTreeMap<Region, Text>,
    pub card_kind: BTreeMap<CardKind, Text>,
    pub device_kind: BTreeMap<DeviceKind, Text>,
}

/// What `wxacct realname` should achieve (`--goal`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    /// Keep the account and cut real-name ties (unbind the cards)
    #[default]
    Minimize,
    /// Move the real name to another person
    Replace,
    /// Clear the real name completely (cancel WeChat Pay, or delete the account)
    Remove,
}

impl Goal {
    pub const ALL: &'static [Goal] = &[Goal::Minimize, Goal::Replace, Goal::Remove];
    pub fn as_str(self) -> &'static str {
        match self {
            Goal::Minimize => "minimize",
            Goal::Replace => "replace",
            Goal::Remove => "remove",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalDef {
    pub id: Goal,
    pub title: Text,
    pub sources: Vec<String>,
}

/// A way to remove or replace the real name (SPEC §4.2).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodDef {
    pub id: String,
    /// Lower is gentler; the recommendation is the gentlest method that fits the goal.
    pub impact_rank: u32,
    pub achieves: Vec<Goal>,
    /// When the method can be used at all; absent: always.
    #[serde(default)]
    pub applicable: Option<Condition>,
    pub title: Text,
    /// Checks that stop the method when they fail as blockers.
    #[serde(default)]
    pub blocked_by: Vec<String>,
    /// Every check of this task stops the method too (deleting the account).
    #[serde(default)]
    pub blocked_by_task: Option<TaskId>,
    /// Checks whose remedies are the method's own work (unbinding the cards).
    #[serde(default)]
    pub work: Vec<String>,
    /// The checks that can stop the method, by index: `blocked_by`, then every check of
    /// `blocked_by_task` not named before; filled in when loaded.
    #[serde(skip)]
    pub blocker_idx: Vec<usize>,
    /// `work` by index; filled in when loaded.
    #[serde(skip)]
    pub work_idx: Vec<usize>,
    pub duration: Text,
    pub data: Text,
    pub function_impact: Text,
    pub recoverable: bool,
    pub recovery: Text,
    pub path: Text,
    /// Where the path comes from, when not from every source of the method.
    #[serde(default)]
    pub path_sources: Vec<String>,
    /// Documents to bring.
    #[serde(default)]
    pub requirements: Vec<Note>,
    /// When the real name is actually gone, for a method that clears it.
    #[serde(default)]
    pub clears_realname: Option<Clearing>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

/// How long after the request a method clears the real name.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Clearing {
    /// This many days after the request, as these sources say.
    AfterDays {
        days: u32,
        sources: Vec<String>,
        #[serde(default)]
        conflicts: Vec<String>,
    },
    /// When this event of the deletion timeline happens.
    Event(String),
}

/// A note about the outcome of a goal for the profile (nothing to unbind, no real name).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalNote {
    pub id: String,
    pub goals: Vec<Goal>,
    pub when: Condition,
    pub text: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealnameData {
    /// The check that must pass for the task to have anything to do: a real name to act on.
    pub precondition: String,
    pub goals: Vec<GoalDef>,
    /// Sorted by `impact_rank` when loaded.
    pub methods: Vec<MethodDef>,
    /// In order: the first that holds for the profile and the goal is shown.
    pub goal_notes: Vec<GoalNote>,
    pub notes: Vec<Note>,
}

/// The situation that decides how an unbinding is verified (SPEC §4.3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    Normal,
    AbnormalLogin,
    Enterprise,
}

impl Scenario {
    pub const ALL: &'static [Scenario] = &[
        Scenario::Normal,
        Scenario::AbnormalLogin,
        Scenario::Enterprise,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Scenario::Normal => "normal",
            Scenario::AbnormalLogin => "abnormal-login",
            Scenario::Enterprise => "enterprise",
        }
    }
}

/// A rating on the sources' three-step scale.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QqPath {
    pub platform: Platform,
    pub path: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioDef {
    pub id: Scenario,
    /// Absent on the fallback scenario. The first scenario that holds wins.
    #[serde(default)]
    pub when: Option<Condition>,
    pub title: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerificationDef {
    pub scenario: Scenario,
    pub platform: Platform,
    pub requires: Vec<Text>,
    /// Set when the platform cannot do it in this scenario.
    #[serde(default)]
    pub unsupported: Option<Text>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

/// Whom an impact concerns.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Affected {
    Always,
    Never,
    When(Condition),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImpactDef {
    pub id: String,
    pub area: Text,
    pub affected: Affected,
    pub effect: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskKind {
    pub id: String,
    pub title: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub risk: String,
    pub level: Level,
    pub reason: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformRisks {
    pub platform: Platform,
    pub ratings: Vec<Rating>,
    pub advice: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rated {
    pub level: Level,
    pub text: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeDef {
    pub id: String,
    pub title: Text,
    pub cost: Rated,
    pub security_risk: Rated,
    pub function: Rated,
    pub note: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaybookDef {
    pub id: String,
    pub when: Condition,
    pub title: Text,
    pub steps: Vec<Text>,
    pub caution: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnbindQqData {
    /// The task has something to do (a QQ number is bound).
    pub applies: Condition,
    pub paths: Vec<QqPath>,
    /// In order of precedence.
    pub scenarios: Vec<ScenarioDef>,
    pub verification: Vec<VerificationDef>,
    pub impacts: Vec<ImpactDef>,
    pub risk_kinds: Vec<RiskKind>,
    pub risks: Vec<PlatformRisks>,
    pub alternatives: Vec<AlternativeDef>,
    pub playbooks: Vec<PlaybookDef>,
    pub aftercare: Vec<Note>,
    pub notes: Vec<Note>,
}

/// Something that went wrong, which `wxacct troubleshoot` explains (SPEC §4.4).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomDef {
    pub id: String,
    /// One line: what the user sees.
    pub title: Text,
    pub sources: Vec<String>,
}

/// A known cause of a symptom, and when a profile shows it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CauseDef {
    pub id: String,
    pub symptom: String,
    /// Index of the symptom in `TroubleshootData::symptoms`; filled in when loaded.
    #[serde(skip)]
    pub symptom_idx: usize,
    /// The share of failures the sources put on this cause, in percent.
    #[serde(default)]
    pub share_percent: Option<u32>,
    /// When the profile shows what makes the cause happen: it is then likely. Absent when no
    /// profile field can show it.
    #[serde(default)]
    pub likely_when: Option<Condition>,
    /// When the profile shows the cause cannot have happened: it is then ruled out. Otherwise
    /// (neither holds) the cause is unknown.
    #[serde(default)]
    pub ruled_out_when: Option<Condition>,
    /// The checks the conditions name, by index; filled in when loaded.
    #[serde(skip)]
    pub checks: Vec<usize>,
    /// The same checks, one bit per index; filled in when loaded.
    #[serde(skip)]
    pub check_mask: u64,
    /// `likely_when` and `ruled_out_when` as mask tests, when they name checks alone; filled
    /// in when loaded.
    #[serde(skip)]
    pub likely_test: Option<CheckTest>,
    #[serde(skip)]
    pub ruled_out_test: Option<CheckTest>,
    /// The code `build.rs` wrote for `likely_when` and `ruled_out_when` (`engine::compiled`),
    /// when each was written from the condition loaded; filled in when loaded.
    #[serde(skip)]
    pub likely_code: Option<Code>,
    #[serde(skip)]
    pub ruled_out_code: Option<Code>,
    pub title: Text,
    pub remedy: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroubleshootData {
    pub symptoms: Vec<SymptomDef>,
    pub causes: Vec<CauseDef>,
    /// The causes' indices in the order likely causes are listed: the largest share first,
    /// then by id; filled in when loaded.
    #[serde(skip)]
    pub by_rank: Vec<usize>,
    /// Whether this is the troubleshoot.json `build.rs` wrote its code from, so that each
    /// cause's conditions are known to be the ones it was written from. Read from the embedded
    /// file, it is; the loader sets it for a file it is given.
    #[serde(skip, default = "as_built")]
    pub as_built: bool,
}

fn as_built() -> bool {
    true
}

impl TroubleshootData {
    /// The ids of the causes of symptom `id`, in data order.
    pub fn cause_ids(&self, id: &str) -> Vec<&str> {
        self.causes
            .iter()
            .filter(|c| c.symptom == id)
            .map(|c| c.id.as_str())
            .collect()
    }
}
