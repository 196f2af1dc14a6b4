//! Interface texts (headings, column names, labels) in both languages.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::text::Text;

use crate::lang::Lang;

/// A phrase with a count: one form for 1 and one for other numbers, per language. A
/// language whose phrase does not change with the number gives a plain string.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub zh: Forms,
    pub en: Forms,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Forms {
    Same(String),
    Counted { one: String, other: String },
}

impl Plural {
    pub fn get(&self, lang: Lang, n: u64) -> &str {
        let forms = match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        };
        match forms {
            Forms::Same(s) => s,
            Forms::Counted { one, .. } if n == 1 => one,
            Forms::Counted { other, .. } => other,
        }
    }
}

macro_rules! ui_texts {
    ($(#[$doc:meta])* $ui:ident {
        texts: $($name:ident),+ ;
        plurals: $($plural:ident),+ $(;
        nested: $($(#[$nested_doc:meta])* $nested:ident: $nested_type:ty),+)? $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $ui {
            $(pub $name: Text,)+
            $(pub $plural: Plural,)+
            $($($(#[$nested_doc])* pub $nested: $nested_type,)+)?
        }
    };
}

ui_texts!(
    /// Every interface text; a missing one is a load error.
    Ui {
    texts:
    disclaimer,
    label_sep,
    list_sep,
    label_quote,
    verdict,
    verdict_ready,
    verdict_blocked,
    verdict_incomplete,
    verdict_not_applicable,
    status_pass,
    status_fail,
    status_unknown,
    nothing_to_clear,
    nothing_to_do,
    date_deactivate,
    date_realname,
    date_unbind_qq,
    date_troubleshoot,
    when_on,
    when_today,
    when_between,
    date_none,
    label_next,
    next_go_ahead,
    next_answer,
    next_clear,
    next_no_remedy,
    heading_plan,
    done_by,
    duration_unstated,
    heading_to_clear,
    heading_checks,
    steps_label,
    more_with_verbose,
    disclaimer_short,
    heading_unknown,
    heading_warnings,
    heading_unknown_warnings,
    heading_info,
    heading_passed,
    heading_conflicts,
    explain_hint,
    heading_sources,
    heading_procedure,
    screens,
    platform_unknown,
    heading_timeline,
    submitted_on,
    not_scheduled,
    after_days,
    heading_notes,
    goal,
    recommended,
    heading_methods,
    fit_recommended,
    fit_not_applicable,
    fit_misses_goal,
    fit_possible,
    applicable_is,
    reaches_goal_is,
    blocked_by_is,
    answer_yes,
    answer_no,
    heading_requirements,
    heading_path,
    heading_verification,
    scenario_uncertain,
    heading_impacts,
    impact_affected,
    impact_not_affected,
    heading_risks,
    level_low,
    level_medium,
    level_high,
    heading_alternatives,
    alt_cost,
    alt_security,
    alt_function,
    heading_playbooks,
    may_apply,
    caution,
    heading_aftercare,
    heading_symptoms,
    heading_causes,
    cause_likely,
    cause_ruled_out,
    cause_ruled_out_label,
    cause_undecidable,
    causes_all_symptoms,
    no_causes,
    col_profile,
    col_ready_on,
    col_failed,
    col_unknown,
    error_result,
    summary_count,
    legend_provisional,
    legend_no_date,
    most_failing,
    official_vs_guides,
    conflict_followed,
    provisional_open_ended,
    alternative_step,
    clears_realname_at_once,
    realname_cleared_on;
    plurals:
    count_to_clear,
    count_unknown,
    count_warnings,
    provisional_because,
    next_steps,
    steps_ref,
    passed_count,
    unknown_warnings_count,
    info_count,
    heading_unknown_n,
    unknown_count,
    kind_official,
    kind_third_party,
    kind_quoted_official,
    clears_realname_after,
    summary_profiles,
    summary_errors,
    checks_n,
    more_n
    }
);

ui_texts!(
    /// The words of `wxacct explain`: the name of each kind of record, the label of each line
    /// of a record, and the words for its values (conditions, durations, severities).
    ExplainUi {
    texts:
    listing_intro,
    heading_n,
    none,
    severity,
    severity_blocker,
    severity_warning,
    severity_info,
    severity_when,
    severity_rule,
    tasks,
    fails_when,
    detail,
    remedy,
    cleared_by,
    alternative,
    self_service,
    path,
    duration,
    waits_for,
    waits_same_item,
    waits_last_item,
    order,
    order_first,
    open_ended,
    open_ended_text,
    repeated,
    per_item,
    clears,
    business_days_range,
    not_before,
    not_before_next,
    until_day,
    card_schedule,
    card_kind,
    limit,
    limit_per,
    limit_none,
    when_event,
    after_rules,
    rule_when,
    when,
    goals,
    methods,
    achieves,
    blocked_by,
    blocked_by_task,
    task_checks,
    work,
    data,
    function_impact,
    recoverable,
    recovery,
    requirements,
    clears_realname,
    clears_at_event,
    impact_rank,
    impact_rank_n,
    platform,
    scenario,
    requires,
    unsupported,
    affected,
    affected_when,
    affected_always,
    affected_never,
    effect,
    ratings,
    note,
    steps,
    causes,
    symptom,
    share,
    percent,
    likely_when,
    ruled_out_when,
    checks,
    values,
    resolution,
    between,
    shown_with,
    cited_by,
    in_procedure,
    in_procedure_step,
    source_kind,
    published,
    tested_on,
    file,
    urls,
    sections,
    field_type,
    allowed_values,
    fields,
    example,
    read_by,
    set_with,
    state_file,
    init_asks,
    or,
    any_of,
    all_of,
    not,
    is_one_of,
    after_start,
    known,
    unknown,
    nonempty,
    empty,
    has_item,
    has_no_item,
    check_fails,
    check_passes;
    plurals:
    minutes,
    business_days,
    period,
    after_days,
    after_years;
    nested:
    /// Each kind of record (`check`): its name, and the plural for the listing's headings.
    kinds: BTreeMap<String, Plural>,
    }
);
