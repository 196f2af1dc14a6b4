//! Interface texts (headings, column names, labels) in both languages.

use serde::Deserialize;

use super::text::Text;

macro_rules! ui_texts {
    ($($name:ident),+ $(,)?) => {
        /// Every interface text; a missing one is a load error.
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Ui { $(pub $name: Text),+ }
    };
}

ui_texts!(
    disclaimer,
    verdict,
    ready_on,
    provisional,
    no_ready_date,
    verdict_ready,
    verdict_blocked,
    verdict_incomplete,
    verdict_not_applicable,
    status_pass,
    status_fail,
    status_unknown,
    severity_blocker,
    severity_warning,
    severity_info,
    heading_checks,
    heading_plan,
    heading_procedure,
    heading_timeline,
    heading_notes,
    heading_conflicts,
    heading_sources,
    heading_summary,
    heading_results,
    col_status,
    col_severity,
    col_check,
    col_detail,
    col_sources,
    col_start,
    col_done,
    col_action,
    col_path,
    col_date,
    col_after,
    col_event,
    col_source,
    col_verdict,
    col_failed,
    col_unknown,
    col_count,
    col_id,
    nothing_to_do,
    duration_unstated,
    missing_fields,
    sources_disagree,
    after_days,
    after_years,
    submitted_on,
    not_scheduled,
    platform_unknown,
    screens,
    kind_official,
    kind_third_party,
    summary_profiles,
    summary_errors,
    most_failing,
    label_quote,
    error_result,
);
