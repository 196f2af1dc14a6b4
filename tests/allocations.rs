//! How many heap allocations one profile costs in a batch (parse, evaluation, summary line):
//! counted, not timed, so that a change that brings back an allocation per step or per check
//! fails here and not only in the benchmark (docs/performance.md).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::date;
use wxacct::engine::{Calendar, Verdict};
use wxacct::knowledge::Knowledge;
use wxacct::profile::parse::parse_profile;
use wxacct::tasks::{Context, Task};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A blocked profile with a dated plan: money to move out, two credit cards and a debit card to
/// unbind in turn (card limits), a LiCaiTong product locked until a day after the start, a web
/// login to end, a group to hand over and a recent security change to wait out.
const BLOCKED: &str = r#"{"id":"u00000042","platform":"android","app_version":"8.0.50","region":"mainland","as_of":"2026-11-20","account":{"status":"normal","realname_verified":true,"teen_mode":false,"phone_bound":true,"email_bound":false,"qq_bound":true,"registered_via_qq":false,"recent_remote_login":false,"cloud_backup":false,"legal_hold":false,"days_since_security_change":3,"on_frequent_device":true},"wallet":{"balance_cny":12.5,"licaitong_cny":100,"licaitong_locked_until":"2026-12-05","pay_score_enabled":true,"auto_deductions":1,"weilidai_loan":false,"bank_cards":[{"kind":"credit","unbilled_cny":0,"cross_border_agreement":false,"label":"招行信用卡(1234)"},{"kind":"debit","cross_border_agreement":false,"label":"建行储蓄卡(3557)"},{"kind":"credit","unbilled_cny":0,"cross_border_agreement":false}]},"roles":{"official_accounts_admin":0,"mini_programs_admin":0,"channels_authorized":false,"service_account_followers":0,"enterprise_admin":false,"merchant":false,"mini_program_developer":false},"channels":{"pending_review":0},"sports":{"sync_pending":false},"devices":[{"kind":"web","logged_in":true}],"groups_owned":[{"name":"家人群","has_admin":false,"important":true}],"third_party_logins":[],"enterprise":{"linked":false},"qq":{"stolen":false}}"#;

/// Parses, evaluates and writes the summary line of one profile `n` times; returns the
/// allocations a profile and the line.
fn per_profile(json: &str, n: usize) -> (f64, String) {
    let ctx = Context {
        kb: Knowledge::get(),
        start: date(2026, 11, 23),
        calendar: Calendar::new(vec![]),
    };
    let task = Task::Deactivate;
    let mut out = Vec::with_capacity(4096);
    // The first run builds the knowledge base and the per-task tables.
    let once = |out: &mut Vec<u8>| {
        out.clear();
        let profile = parse_profile(json.as_bytes()).unwrap();
        let eval = task.evaluate(&ctx, &profile).unwrap();
        assert_eq!(eval.verdict, Verdict::Blocked);
        task.summary(&ctx, &profile, "batch.jsonl:1", &eval)
            .write_json(out);
    };
    once(&mut out);
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for _ in 0..n {
        once(&mut out);
    }
    let spent = ALLOCATIONS.load(Ordering::Relaxed) - before;
    (spent as f64 / n as f64, String::from_utf8(out).unwrap())
}

#[test]
fn a_blocked_profile_with_a_dated_plan_costs_a_handful_of_allocations() {
    let (allocations, line) = per_profile(BLOCKED, 100);
    // The plan is really worked out: dated steps, cards in turn.
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["verdict"], "blocked");
    assert_ne!(v["ready_on"]["latest"], "2026-11-23", "{line}");
    // The outcomes of the checks, and one list per array of the profile (cards, devices,
    // groups). Steps, graph, dates, card numbers, missing fields and the summary's id lists stay
    // in place; short strings (id, version, labels, names) are kept inline.
    assert!(
        allocations <= 4.0,
        "{allocations} allocations a profile (at most 4 expected: the outcomes, the cards, the devices, the groups)"
    );
}
