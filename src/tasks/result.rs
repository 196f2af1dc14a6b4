//! The JSON result contract (SPEC §4), versioned by `schema_version`. Fields are only ever added.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::engine::{ReadyOn, Status, Verdict, Window};
use crate::knowledge::{Goal, Level, Scenario, Severity, SourceKind, TaskId};
use crate::profile::model::Platform;

pub const SCHEMA_VERSION: u32 = 1;

/// A disagreement between sources, shown next to the figure it affects.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConflictView {
    pub id: &'static str,
    pub subject: &'static str,
    pub values: Vec<ConflictValueView>,
    pub resolution: &'static str,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConflictValueView {
    pub value: &'static str,
    pub sources: Vec<&'static str>,
    /// The value wxacct follows (the official one where an official source disagrees with a guide).
    pub adopted: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CheckView {
    pub id: &'static str,
    pub severity: Severity,
    pub status: Status,
    pub title: &'static str,
    pub detail: &'static str,
    pub remedy: &'static str,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
    /// Profile fields whose absence made the status `unknown`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ActionView {
    pub action: &'static str,
    /// The check this action clears.
    pub check: &'static str,
    pub title: String,
    pub path: Option<&'static str>,
    /// The earliest day the action can start (after any action everything waits for).
    #[schemars(with = "String")]
    pub start: Date,
    pub done: Window,
    /// False when the sources give no duration; the action is then shown as same-day.
    pub duration_stated: bool,
    /// Ids of the actions of this plan that this step waits for (`wxacct explain ID` shows
    /// why).
    pub waits_for: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
    /// Another way to clear the same check in one go (cancelling WeChat Pay instead of
    /// unbinding the cards one by one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<AlternativeMethodView>,
}

/// A `realname` method offered as the alternative to a plan step.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AlternativeMethodView {
    /// The method's id (`wxacct explain ID`).
    pub method: &'static str,
    pub title: &'static str,
    pub path: &'static str,
    /// What it clears.
    pub data: &'static str,
    pub recoverable: bool,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EventView {
    pub id: &'static str,
    pub after_days: i64,
    /// `null` when there is no submission day (a blocker without self-service remedy).
    #[schemars(with = "Option<String>")]
    pub on: Option<Date>,
    pub title: &'static str,
    /// The title in a few words (what the compact table report shows).
    pub short_title: &'static str,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StepView {
    pub id: &'static str,
    pub platforms: Vec<Platform>,
    pub text: &'static str,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProcedureView {
    /// The profile's platform; `null` when unknown (then steps for every platform are listed).
    pub platform: Option<Platform>,
    /// False when the sources describe no way to do this on the platform.
    pub supported: bool,
    pub path: &'static str,
    pub screens: u32,
    pub tested_on: &'static str,
    pub steps: Vec<StepView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported_note: Option<&'static str>,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NoteView {
    pub id: &'static str,
    pub text: &'static str,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

/// A source cited by the result, with how far it is to be trusted.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceRef {
    pub id: &'static str,
    pub kind: SourceKind,
    pub title: &'static str,
    pub published: Option<&'static str>,
    /// Where it can be read (none for the guides, which ship as files).
    pub urls: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DeactivateParts {
    pub plan: Vec<ActionView>,
    pub ready_on: Option<ReadyOn>,
    pub procedure: ProcedureView,
    pub timeline: Vec<EventView>,
    pub notes: Vec<NoteView>,
}

/// One way to remove or replace the real name, judged for the profile.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MethodView {
    pub id: &'static str,
    pub title: &'static str,
    /// `null` when it depends on fields the profile leaves unknown.
    pub applicable: Option<bool>,
    /// Failed blockers that stop this method.
    pub blocked_by: Vec<&'static str>,
    /// Blockers of this method whose status is unknown.
    pub unknown: Vec<&'static str>,
    pub achieves_goal: bool,
    pub duration: &'static str,
    /// What happens to the data.
    pub data: &'static str,
    pub function_impact: &'static str,
    pub recoverable: bool,
    pub recovery: &'static str,
    pub path: &'static str,
    /// Where the path comes from, when not from every source of the method.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path_sources: Vec<&'static str>,
    /// How long after the request the real name is gone; `null` for a method that keeps it.
    pub clears_realname: Option<ClearingView>,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

/// How long after the request a method clears the real name, with the figures that disagree.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ClearingView {
    pub after_days: i64,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

/// When the real name is actually gone with the recommended method (`--goal remove`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RealnameClearedView {
    pub method: &'static str,
    /// Days after the request, which can be made on `ready_on`.
    pub after_days: i64,
    /// `ready_on` moved by `after_days`; `null` when there is no ready date.
    pub on: Option<Window>,
    /// True when `ready_on` is.
    pub provisional: bool,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RealnameParts {
    pub goal: Goal,
    pub goal_title: &'static str,
    /// All methods, gentlest first.
    pub methods: Vec<MethodView>,
    /// The gentlest applicable method that achieves the goal.
    pub recommended: Option<&'static str>,
    pub plan: Vec<ActionView>,
    pub ready_on: Option<ReadyOn>,
    /// Documents the recommended method needs.
    pub requirements: Vec<NoteView>,
    /// The note on the goal's outcome (nothing to unbind, no real name) comes first.
    pub notes: Vec<NoteView>,
    /// With `--goal remove`: when the real name is actually cleared (`ready_on` is when the
    /// request can be made); `null` for the other goals.
    pub realname_cleared: Option<RealnameClearedView>,
}

/// Where to unbind on one platform.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PathView {
    pub platform: Platform,
    pub path: &'static str,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VerificationView {
    pub scenario: Scenario,
    pub scenario_title: &'static str,
    /// False when an unknown field could change the scenario (the stricter one is shown).
    pub certain: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
    /// The profile's platform, or every platform when it is unknown.
    pub platforms: Vec<PlatformVerificationView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PlatformVerificationView {
    pub platform: Platform,
    pub supported: bool,
    pub requires: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported_note: Option<&'static str>,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ImpactStatus {
    Affected,
    NotAffected,
    Unknown,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImpactView {
    pub id: &'static str,
    pub area: &'static str,
    pub status: ImpactStatus,
    pub effect: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RatingView {
    pub risk: &'static str,
    pub title: &'static str,
    pub level: Level,
    pub reason: &'static str,
}

/// The risks of unbinding on one platform, with the advice for it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RiskView {
    pub platform: Platform,
    pub ratings: Vec<RatingView>,
    pub advice: &'static str,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RatedView {
    pub level: Level,
    pub text: &'static str,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AlternativeView {
    pub id: &'static str,
    pub title: &'static str,
    pub cost: RatedView,
    pub security_risk: RatedView,
    pub function: RatedView,
    pub note: &'static str,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PlaybookView {
    pub id: &'static str,
    pub title: &'static str,
    /// `null` when it may apply (its trigger depends on unknown fields).
    pub applies: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
    pub steps: Vec<&'static str>,
    pub caution: &'static str,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct UnbindQqParts {
    pub plan: Vec<ActionView>,
    pub ready_on: Option<ReadyOn>,
    /// The profile's platform; `null` when unknown (then every platform is listed).
    pub platform: Option<Platform>,
    pub path: Vec<PathView>,
    pub verification: VerificationView,
    pub impacts: Vec<ImpactView>,
    pub risks: Vec<RiskView>,
    pub alternatives: Vec<AlternativeView>,
    pub playbooks: Vec<PlaybookView>,
    pub aftercare: Vec<NoteView>,
    pub notes: Vec<NoteView>,
}

/// How a profile bears on a cause. Ordered as causes are ranked: likely first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CauseStatus {
    /// The profile shows it.
    Likely,
    /// The profile leaves it open.
    Unknown,
    /// The profile rules it out.
    RuledOut,
}

/// A symptom looked into.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SymptomView {
    pub id: &'static str,
    pub title: &'static str,
    pub sources: Vec<&'static str>,
}

/// A possible cause of a symptom, judged for the profile.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CauseView {
    pub id: &'static str,
    /// The symptom it explains.
    pub symptom: &'static str,
    /// The share of failures the sources put on it; `null` when they give none.
    pub share_percent: Option<u32>,
    pub status: CauseStatus,
    pub title: &'static str,
    pub remedy: &'static str,
    /// Ids of the checks the cause rests on (their outcomes are under `checks`).
    pub checks: Vec<&'static str>,
    /// False when no profile field can settle it: it is then always `unknown`.
    pub decidable: bool,
    /// Profile fields that would settle an `unknown` cause.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
    pub sources: Vec<&'static str>,
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TroubleshootParts {
    /// The symptoms asked about with `--symptom`, or every symptom when none was asked.
    pub symptoms: Vec<SymptomView>,
    /// True with `--symptom`: every cause of those symptoms is listed. False without: only the
    /// causes the profile shows (likely or unknown) are, across all symptoms.
    pub ruled_out_listed: bool,
    /// Ranked: likely, unknown, ruled out; then by share, highest first, none last; then by id.
    pub causes: Vec<CauseView>,
    /// The remedies of the failed checks behind the causes, dated.
    pub plan: Vec<ActionView>,
    pub ready_on: Option<ReadyOn>,
}

/// The parts that differ per task.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Parts {
    Deactivate(DeactivateParts),
    Realname(RealnameParts),
    UnbindQq(UnbindQqParts),
    Troubleshoot(TroubleshootParts),
}

/// The full result of a task for one profile.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TaskResult {
    pub schema_version: u32,
    pub command: TaskId,
    pub source: String,
    pub id: Option<String>,
    pub verdict: Verdict,
    pub checks: Vec<CheckView>,
    #[serde(flatten)]
    pub parts: Parts,
    /// Every source the result cites.
    pub references: Vec<SourceRef>,
}

/// The short form of a result (`--detail summary`, the default for `jsonl`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ResultSummary<'a> {
    pub schema_version: u32,
    pub command: TaskId,
    pub source: &'a str,
    pub id: Option<&'a str>,
    pub verdict: Verdict,
    /// Ids of the blockers that fail.
    pub failed: Ids,
    /// Ids of the blockers whose status is unknown.
    pub unknown: Ids,
    /// Ids of the warnings that fail.
    pub warnings: Ids,
    pub ready_on: Option<ReadyOn>,
    /// Ids of the causes the profile shows (`troubleshoot` only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub likely: Vec<&'static str>,
}

/// A profile that could not be read or is invalid.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorResult<'a> {
    pub schema_version: u32,
    pub command: TaskId,
    pub source: &'a str,
    pub error: ErrorInfo<'a>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorInfo<'a> {
    /// `io`, `syntax`, `eof`, `invalid` (wrong type or value), `unknown-field`, `duplicate-field`,
    /// `empty` (an input with no profile), `date-range` (a date of the plan or the timeline
    /// past 9999-12-31).
    pub kind: &'a str,
    pub message: &'a str,
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// The profile field at fault, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'a str>,
}

/// Counts over all profiles of a run.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Summary {
    pub total: u64,
    pub ready: u64,
    pub blocked: u64,
    pub incomplete: u64,
    pub not_applicable: u64,
    pub errors: u64,
    /// The blockers that fail most often, most frequent first.
    pub top_failed: Vec<CheckCount>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CheckCount {
    pub id: String,
    pub count: u64,
}

/// Check ids, written to JSON as they were escaped once when the knowledge base was loaded.
#[derive(Debug, Clone, Default)]
pub struct Ids(pub Vec<&'static serde_json::value::RawValue>);

impl Ids {
    /// The plain ids.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|r| r.get().trim_matches('"'))
    }
    pub fn join(&self, sep: &str) -> String {
        self.names().collect::<Vec<_>>().join(sep)
    }
}

impl Serialize for Ids {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(&self.0)
    }
}

impl JsonSchema for Ids {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CheckIds".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<String>>::json_schema(g)
    }
}
