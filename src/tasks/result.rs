//! The JSON result contract (SPEC §4), versioned by `schema_version`. Fields are only ever added.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::engine::calendar::push_day;
use crate::engine::checks::positions;
use crate::engine::{CheckOutcome, ReadyOn, Status, Verdict, Window};
use crate::knowledge::{Goal, Knowledge, Level, Scenario, Severity, SourceKind, TaskId};
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
    /// Every source the result cites. In a `json` document of several full results, the
    /// document gives them once (`references` beside `summary`) and the results leave them out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
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
    pub failed: Ids<'a>,
    /// Ids of the blockers whose status is unknown.
    pub unknown: Ids<'a>,
    /// Ids of the warnings that fail.
    pub warnings: Ids<'a>,
    pub ready_on: Option<ReadyOn>,
    /// Ids of the causes the profile shows (`troubleshoot` only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub likely: Vec<&'static str>,
}

impl ResultSummary<'_> {
    /// Appends the summary as one compact JSON object: the bytes `serde_json::to_writer`
    /// writes for it, without escaping the keys, the fixed words and the check ids (escaped
    /// once at load) again for every profile. Only the source, the id and cause ids go
    /// through serde_json's escaping.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        fn text(out: &mut Vec<u8>, s: &str) {
            // serde_json escapes only quotes, backslashes and control characters: text with
            // none (a file name and a line number, an id) is written as it is.
            let plain = !s.bytes().fold(false, |esc, b| {
                esc | (b < 0x20) | (b == b'"') | (b == b'\\')
            });
            if plain {
                out.push(b'"');
                out.extend_from_slice(s.as_bytes());
                out.push(b'"');
            } else {
                // Writing to a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, s);
            }
        }
        fn ids(out: &mut Vec<u8>, key: &[u8], ids: &Ids) {
            out.extend_from_slice(key);
            out.push(b'[');
            for (i, id) in ids.json().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(id.get().as_bytes());
            }
            out.push(b']');
        }
        out.extend_from_slice(b"{\"schema_version\":");
        out.extend_from_slice(itoa::Buffer::new().format(self.schema_version).as_bytes());
        out.extend_from_slice(b",\"command\":\"");
        out.extend_from_slice(self.command.as_str().as_bytes());
        out.extend_from_slice(b"\",\"source\":");
        text(out, self.source);
        out.extend_from_slice(b",\"id\":");
        match self.id {
            Some(id) => text(out, id),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"verdict\":\"");
        out.extend_from_slice(self.verdict.as_str().as_bytes());
        out.push(b'"');
        ids(out, b",\"failed\":", &self.failed);
        ids(out, b",\"unknown\":", &self.unknown);
        ids(out, b",\"warnings\":", &self.warnings);
        out.extend_from_slice(b",\"ready_on\":");
        match self.ready_on {
            None => out.extend_from_slice(b"null"),
            Some(r) => {
                out.extend_from_slice(b"{\"earliest\":\"");
                push_day(out, r.earliest);
                out.extend_from_slice(b"\",\"latest\":\"");
                push_day(out, r.latest);
                out.extend_from_slice(b"\",\"provisional\":");
                out.extend_from_slice(if r.provisional { b"true}" } else { b"false}" });
            }
        }
        if !self.likely.is_empty() {
            out.extend_from_slice(b",\"likely\":[");
            for (i, id) in self.likely.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                text(out, id);
            }
            out.push(b']');
        }
        out.push(b'}');
    }
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

/// Check ids: the outcomes at the positions a mask gives (one bit per outcome, as a
/// [`crate::engine::checks::Tally`] has them), read when written. The ids go to JSON as they
/// were escaped once when the knowledge base was loaded.
#[derive(Clone, Copy)]
pub struct Ids<'a> {
    mask: u64,
    outcomes: &'a [CheckOutcome],
    kb: &'a Knowledge,
}

impl<'a> Ids<'a> {
    pub fn new(kb: &'a Knowledge, outcomes: &'a [CheckOutcome], mask: u64) -> Ids<'a> {
        Ids { mask, outcomes, kb }
    }
    /// The ids as JSON strings, in outcome order.
    fn json(&self) -> impl Iterator<Item = &'a RawValue> + 'a {
        let Ids { mask, outcomes, kb } = *self;
        positions(mask).filter_map(move |i| kb.checks[outcomes.get(i)?.check].id_json.as_deref())
    }
    /// The plain ids.
    pub fn names(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.json().map(|r| r.get().trim_matches('"'))
    }
    pub fn join(&self, sep: &str) -> String {
        self.names().collect::<Vec<_>>().join(sep)
    }
}

impl std::fmt::Debug for Ids<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl Serialize for Ids<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.json())
    }
}

impl JsonSchema for Ids<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CheckIds".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<String>>::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written summary is byte for byte what serde_json writes.
    #[test]
    fn summary_json_is_serde_json() {
        let kb = Knowledge::get();
        let outcomes: Vec<CheckOutcome> = (0..kb.checks.len().min(64))
            .map(|check| CheckOutcome {
                check,
                severity: Severity::Blocker,
                status: Status::Fail,
                missing: Default::default(),
            })
            .collect();
        let ids = |from: usize, n: usize| Ids::new(kb, &outcomes, ((1u64 << n) - 1) << from);
        let day = |y, m, d| jiff::civil::date(y, m, d);
        let readies = [
            None,
            Some(ReadyOn {
                earliest: day(2026, 11, 23),
                latest: day(2027, 1, 5),
                provisional: true,
            }),
            Some(ReadyOn {
                earliest: jiff::civil::Date::MAX,
                latest: jiff::civil::Date::MAX,
                provisional: false,
            }),
        ];
        // Text with nothing to escape is copied as it is: each character serde_json escapes,
        // alone, and those either side of the limit (space, DEL) must come out the same.
        let sources = [
            "a.jsonl:7",
            "dir/\"quoted\"\\back\u{1}\u{7f}.json#3",
            "-",
            "a\u{1f}b",
            "q\"",
            "\\",
            " ~\u{7f}\u{a0}",
        ];
        let names = [None, Some("u0001"), Some("\u{5f20}\u{4e09} \"x\"\n\t")];
        let mut n = 0;
        for (i, ready_on) in readies.into_iter().enumerate() {
            for source in sources {
                for id in names {
                    for &command in TaskId::ALL {
                        for &verdict in Verdict::ALL {
                            n += 1;
                            let s = ResultSummary {
                                schema_version: SCHEMA_VERSION,
                                command,
                                source,
                                id,
                                verdict,
                                failed: ids(i, n % 4),
                                unknown: ids(3, n % 3),
                                warnings: ids(n % 5, 1),
                                ready_on,
                                likely: if n % 2 == 0 {
                                    vec![]
                                } else {
                                    vec!["a", "b\"c"]
                                },
                            };
                            let mut ours = Vec::new();
                            s.write_json(&mut ours);
                            let theirs = serde_json::to_vec(&s).unwrap();
                            assert_eq!(
                                String::from_utf8(ours).unwrap(),
                                String::from_utf8(theirs).unwrap()
                            );
                        }
                    }
                }
            }
        }
    }
}
