//! Properties: no input makes wxacct panic or print anything but a valid result or a one-line
//! error; making one more thing pending never makes a plan ready sooner.

mod common;
use common::*;

use jiff::civil::date;
use proptest::prelude::*;
use serde_json::{json, Value};
use wxacct::engine::{Calendar, Verdict};
use wxacct::knowledge::{Goal, Knowledge};
use wxacct::profile::model::{Card, CardKind, Device, DeviceKind, Profile};
use wxacct::profile::values::Money;
use wxacct::tasks::{Context, Task};

fn result_schema() -> &'static (boon::Schemas, boon::SchemaIndex) {
    static S: std::sync::OnceLock<(boon::Schemas, boon::SchemaIndex)> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let text = run(&["schema", "result"]).stdout;
        let mut schemas = boon::Schemas::new();
        let mut c = boon::Compiler::new();
        c.add_resource("mem:r.json", serde_json::from_str::<Value>(&text).unwrap())
            .unwrap();
        let idx = c.compile("mem:r.json", &mut schemas).unwrap();
        (schemas, idx)
    })
}

/// Every task subcommand, with the file as its only input.
fn commands() -> Vec<&'static str> {
    let help = run(&["--help"]).stdout;
    ["deactivate", "realname", "unbind-qq", "troubleshoot"]
        .into_iter()
        .filter(|c| help.contains(&format!("  {c} ")))
        .collect()
}

fn check_run(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    std::fs::write(&p, bytes).unwrap();
    for cmd in commands() {
        let o = wx()
            .args([
                cmd,
                "--format",
                "jsonl",
                "--detail",
                "full",
                "--start",
                "2026-11-23",
                "--state",
            ])
            .arg(&p)
            .output()
            .unwrap();
        let code = o.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&o.stderr);
        prop_assert!(matches!(code, 0..=2), "{cmd}: exit {code}: {stderr}");
        prop_assert!(!stderr.contains("panicked"), "{cmd}: {stderr}");
        prop_assert!(
            stderr.lines().all(|l| l.starts_with("wxacct: ")),
            "{cmd}: {stderr}"
        );
        let (schemas, idx) = result_schema();
        for line in String::from_utf8_lossy(&o.stdout).lines() {
            let v: Value = serde_json::from_str(line)
                .map_err(|e| TestCaseError::fail(format!("{cmd}: {e}: {line}")))?;
            prop_assert!(
                schemas.validate(&v, *idx).is_ok(),
                "{cmd}: result does not match the schema: {line}"
            );
        }
    }
    Ok(())
}

/// JSON values shaped like a profile: the right field names with values of any type.
fn shaped() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "[a-z0-9-]{0,12}".prop_map(Value::from),
        Just(json!("2026-12-01")),
        Just(json!("ios")),
        Just(json!("frozen")),
        Just(json!("credit")),
    ];
    let item = prop::collection::btree_map(
        prop::sample::select(vec![
            "kind",
            "logged_in",
            "unbilled_cny",
            "cross_border_agreement",
            "label",
            "name",
            "has_admin",
        ]),
        leaf.clone(),
        0..4,
    )
    .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let list = prop::collection::vec(prop_oneof![item, leaf.clone()], 0..4).prop_map(Value::Array);
    let section = |keys: Vec<&'static str>| {
        prop::collection::btree_map(prop::sample::select(keys), leaf.clone(), 0..6)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
    };
    (
        section(vec![
            "status",
            "realname_verified",
            "teen_mode",
            "email_bound",
            "qq_bound",
            "legal_hold",
            "days_since_security_change",
        ]),
        section(vec![
            "balance_cny",
            "licaitong_cny",
            "licaitong_locked_until",
            "pay_score_enabled",
            "auto_deductions",
        ]),
        list.clone(),
        list,
        prop::option::of(leaf),
    )
        .prop_map(|(account, mut wallet, cards, devices, platform)| {
            wallet["bank_cards"] = cards;
            let mut v = json!({ "account": account, "wallet": wallet, "devices": devices });
            if let Some(p) = platform {
                v["platform"] = p;
            }
            v
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_run(&bytes)?;
    }

    #[test]
    fn json_shaped_like_a_profile_never_panics(profiles in prop::collection::vec(shaped(), 1..4)) {
        let text: String = profiles.iter().map(|p| format!("{p}\n")).collect();
        check_run(text.as_bytes())?;
    }
}

fn ctx() -> Context {
    Context {
        kb: Knowledge::get(),
        start: date(2026, 11, 23),
        calendar: Calendar::new(vec![date(2026, 11, 30)]),
    }
}

fn severity(v: Verdict) -> u8 {
    match v {
        Verdict::Ready | Verdict::NotApplicable => 0,
        Verdict::Incomplete => 1,
        Verdict::Blocked => 2,
    }
}

/// A random profile built from the library types.
fn profile() -> impl Strategy<Value = Profile> {
    (
        prop::option::of(0.0f64..100.0),
        prop::option::of(prop::collection::vec(
            prop::sample::select(CardKind::ALL.to_vec()),
            0..6,
        )),
        prop::option::of(prop::collection::vec(
            (
                prop::sample::select(DeviceKind::ALL.to_vec()),
                prop::option::of(any::<bool>()),
            ),
            0..3,
        )),
        shaped(),
    )
        .prop_map(|(balance, cards, devices, extra)| {
            let mut p: Profile = serde_json::from_value(json!({})).unwrap();
            if let Ok(parsed) = serde_json::from_value::<Profile>(extra) {
                p = parsed;
            }
            p.wallet.balance_cny = balance.map(Money);
            p.wallet.bank_cards = cards.map(|ks| {
                ks.into_iter()
                    .map(|k| Card {
                        kind: Some(k),
                        ..Card::default()
                    })
                    .collect()
            });
            p.devices = devices.map(|ds| {
                ds.into_iter()
                    .map(|(k, l)| Device {
                        kind: Some(k),
                        logged_in: l,
                    })
                    .collect()
            });
            p
        })
}

/// Ways to make one more thing pending.
fn worsen(p: &mut Profile, how: u8) {
    match how % 3 {
        0 => p.wallet.bank_cards.get_or_insert_with(Vec::new).push(Card {
            kind: Some(CardKind::Overseas),
            ..Card::default()
        }),
        1 => p.devices.get_or_insert_with(Vec::new).push(Device {
            kind: Some(DeviceKind::Mac),
            logged_in: Some(true),
        }),
        _ => p.wallet.balance_cny = Some(Money(p.wallet.balance_cny.map_or(0.0, |m| m.0) + 1.0)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn one_more_pending_item_never_helps(p in profile(), how in any::<u8>()) {
        let ctx = ctx();
        let before = Task::Deactivate.evaluate(&ctx, &p).expect("dates in range");
        let mut worse = p.clone();
        worsen(&mut worse, how);
        let after = Task::Deactivate.evaluate(&ctx, &worse).expect("dates in range");
        prop_assert!(severity(after.verdict) >= severity(before.verdict), "{:?} -> {:?}", before.verdict, after.verdict);
        if before.verdict == Verdict::Blocked {
            prop_assert_eq!(after.verdict, Verdict::Blocked);
        }
        match (before.plan.ready_on, after.plan.ready_on) {
            (Some(b), Some(a)) => {
                prop_assert!(a.earliest >= b.earliest && a.latest >= b.latest, "ready_on moved earlier: {b:?} -> {a:?}");
            }
            (None, Some(_)) => prop_assert!(false, "a plan with no date got one"),
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// The tally (one bit per outcome) finds what a scan of the outcomes finds: the outcomes of
    /// each severity and status in output order, the checks with no self-service remedy, and
    /// the verdict.
    #[test]
    fn a_tally_finds_what_a_scan_of_the_outcomes_finds(
        spec in prop::collection::vec((0..3usize, 0..3usize, 0..41usize), 0..=41),
    ) {
        use wxacct::engine::checks::{positions, CheckOutcome, Tally};
        use wxacct::engine::{Severity, Status, Truth};
        let kb = Knowledge::get();
        let severities = [Severity::Blocker, Severity::Warning, Severity::Info];
        let statuses = [Status::Fail, Status::Unknown, Status::Pass];
        let outcomes: Vec<CheckOutcome> = spec
            .iter()
            .map(|&(sev, st, check)| CheckOutcome {
                check: check % kb.checks.len(),
                severity: severities[sev],
                status: statuses[st],
                missing: Default::default(),
            })
            .collect();
        let tally = Tally::of(kb, &outcomes);
        let scan = |keep: &dyn Fn(&CheckOutcome) -> bool| -> Vec<usize> {
            (0..outcomes.len()).filter(|&i| keep(&outcomes[i])).collect()
        };
        for sev in severities {
            for st in statuses {
                let found: Vec<usize> = positions(tally.with(sev, st)).collect();
                prop_assert_eq!(found, scan(&|o| o.is(sev, st)));
            }
        }
        let manual: Vec<usize> = positions(tally.manual).collect();
        prop_assert_eq!(manual, scan(&|o| !kb.checks[o.check].self_service));
        let blocker = |st| outcomes.iter().any(|o| o.is(Severity::Blocker, st));
        for applies in [Truth::True, Truth::False, Truth::Unknown] {
            let expected = if applies == Truth::False {
                Verdict::NotApplicable
            } else if blocker(Status::Fail) {
                Verdict::Blocked
            } else if blocker(Status::Unknown) || applies == Truth::Unknown {
                Verdict::Incomplete
            } else {
                Verdict::Ready
            };
            prop_assert_eq!(Verdict::of(&tally, applies), expected);
        }
    }
}

/// A condition on checks and fields, as in the data files: checks `c0`…`c5` and two profile
/// fields (unknown in an empty profile, so every answer occurs), under `any`, `all` and `not`.
fn condition() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        4 => (0..6usize).prop_map(|i| json!({ "check": format!("c{i}") })),
        1 => Just(json!({ "eq": ["account.qq_bound", true] })),
        1 => Just(json!({ "known": "account.email_bound" })),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| json!({ "any": v })),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| json!({ "all": v })),
            inner.prop_map(|p| json!({ "not": p })),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// A condition on checks alone, worked out at load into a mask test, gives the answer its
    /// tree gives for every set of check statuses; a condition of any other shape gets no test.
    #[test]
    fn a_check_test_answers_as_its_condition_does(
        raw in condition(),
        spec in prop::collection::vec(0..3usize, 6),
    ) {
        use wxacct::engine::{Env, Status};
        use wxacct::knowledge::{CheckTest, Condition};
        let mut cond = Condition::try_from(raw.clone()).unwrap();
        cond.0.check_refs_mut(&mut |id, idx| *idx = id[1..].parse().unwrap());
        let statuses: Vec<Status> = spec
            .iter()
            .map(|&s| [Status::Fail, Status::Pass, Status::Unknown][s])
            .collect();
        let bits = |want: Status| {
            (0..statuses.len()).fold(0u64, |m, i| m | u64::from(statuses[i] == want) << i)
        };
        let profile = Profile::default();
        let env = Env { profile: &profile, start: date(2026, 11, 23), checks: &statuses };
        let tree = cond.0.eval(&profile, &env, &mut Default::default());
        let text = raw.to_string();
        let checks_only = !text.contains("account.");
        // Shapes a test covers: a check, or any/all of checks, under any number of `not`s.
        let mut core = &raw;
        while let Some(p) = core.get("not") {
            core = p;
        }
        let flat = core.get("check").is_some()
            || ["any", "all"].iter().any(|k| {
                core.get(k).and_then(Value::as_array).is_some_and(|v| {
                    v.iter().all(|p| p.get("check").is_some())
                })
            });
        match CheckTest::of(&cond.0) {
            Some(test) => {
                prop_assert!(checks_only && flat, "a test for {text}");
                prop_assert_eq!(test.eval(bits(Status::Fail), bits(Status::Pass)), tree, "{}", text);
            }
            None => prop_assert!(!(checks_only && flat), "no test for {text}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// troubleshoot's short result works out only the causes' statuses; its full result judges
    /// and ranks every cause. They agree: the same likely causes in the same order, and the
    /// checks shown are those the listed causes rest on.
    #[test]
    fn troubleshoot_short_and_full_results_agree(
        p in profile(),
        asked in prop::collection::btree_set(0..8usize, 0..3),
    ) {
        use wxacct::lang::Lang;
        let ctx = ctx();
        let n = ctx.kb.troubleshoot.symptoms.len();
        let symptoms: Vec<usize> = asked.into_iter().filter(|&i| i < n).collect();
        let task = Task::Troubleshoot { symptoms };
        let eval = task.evaluate(&ctx, &p).expect("dates in range");
        let full = serde_json::to_value(task.result(&ctx, &p, "-", &eval, Lang::En)).unwrap();
        let causes = full["causes"].as_array().unwrap();
        let likely: Vec<&str> = causes
            .iter()
            .filter(|c| c["status"] == "likely")
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        prop_assert_eq!(&eval.likely, &likely);
        let mut rested_on: Vec<&str> = causes
            .iter()
            .flat_map(|c| c["checks"].as_array().unwrap())
            .map(|c| c.as_str().unwrap())
            .collect();
        rested_on.sort_unstable();
        rested_on.dedup();
        let mut shown: Vec<&str> = full["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        shown.sort_unstable();
        prop_assert_eq!(shown, rested_on);
    }
}

/// A value for the field at `path`: any JSON type, with the dates, numbers and enum values the
/// conditions compare against (a value of the wrong type is left out of the profile).
fn field_value(path: &str) -> impl Strategy<Value = Option<Value>> {
    let enums = wxacct::profile::field::enum_values(path).unwrap_or_else(|| vec!["other"]);
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(Value::Null)),
        2 => any::<bool>().prop_map(|b| Some(json!(b))),
        3 => prop::sample::select(vec![0, 1, 2, 3, 7, 29, 30, 31, 45, 60, 100, 1000])
            .prop_map(|n| Some(json!(n))),
        1 => prop::sample::select(vec![0.5, 99.99]).prop_map(|n| Some(json!(n))),
        1 => prop::sample::select(vec!["2026-01-01", "2026-11-22", "2026-11-24", "2027-03-01"])
            .prop_map(|d| Some(json!(d))),
        3 => prop::sample::select(enums).prop_map(|e| Some(json!(e))),
        1 => "[a-z]{0,6}".prop_map(|s| Some(json!(s))),
    ]
}

/// A profile with any of its fields given, each list with items of any shape.
fn any_profile() -> impl Strategy<Value = Profile> {
    use wxacct::profile::field::{Field, ListField};
    fn item(list: &str, names: Vec<&'static str>) -> impl Strategy<Value = Value> {
        let values: Vec<_> = names
            .iter()
            .map(|n| field_value(&format!("{list}.{n}")))
            .collect();
        values.prop_map(move |vs| {
            Value::Object(
                names
                    .iter()
                    .zip(vs)
                    .filter_map(|(k, v)| Some((k.to_string(), v?)))
                    .collect(),
            )
        })
    }
    fn list(list: &str, names: Vec<&'static str>) -> impl Strategy<Value = Option<Vec<Value>>> {
        prop::option::of(prop::collection::vec(item(list, names), 0..4))
    }
    let paths: Vec<&str> = Field::ALL.iter().map(|f| f.path()).collect();
    // The fields of each list's items, by the list's path.
    let item_fields = |list: &str| -> Vec<&'static str> {
        wxacct::profile::field::item_paths()
            .filter_map(|p| p.strip_prefix(list)?.strip_prefix("[]."))
            .collect()
    };
    let lists: Vec<_> = ListField::ALL
        .iter()
        .map(|l| list(l.path(), item_fields(l.path())))
        .collect();
    (
        paths.iter().map(|p| field_value(p)).collect::<Vec<_>>(),
        lists,
    )
        .prop_map(move |(values, lists)| {
            // Each given value that the profile's type accepts, one at a time.
            let mut v = json!({});
            let accepted = |v: &Value| serde_json::from_value::<Profile>(v.clone()).is_ok();
            let put = |v: &mut Value, path: &str, value: Value| {
                let mut candidate = v.clone();
                let mut at = &mut candidate;
                let mut parts = path.split('.').peekable();
                while let Some(part) = parts.next() {
                    if parts.peek().is_none() {
                        at[part] = value.clone();
                    } else {
                        if at.get(part).is_none() {
                            at[part] = json!({});
                        }
                        at = &mut at[part];
                    }
                }
                if accepted(&candidate) {
                    *v = candidate;
                }
            };
            for (path, value) in paths.iter().zip(values) {
                if let Some(value) = value {
                    put(&mut v, path, value);
                }
            }
            for (l, items) in ListField::ALL.iter().zip(lists) {
                let (path, Some(items)) = (l.path(), items) else {
                    continue;
                };
                // Items of a wrong shape are dropped one by one too.
                let mut kept: Vec<Value> = Vec::new();
                for item in items {
                    let mut with = kept.clone();
                    with.push(item);
                    let mut candidate = v.clone();
                    put(&mut candidate, path, Value::Array(with.clone()));
                    if candidate != v {
                        kept = with;
                    }
                }
                put(&mut v, path, Value::Array(kept));
            }
            serde_json::from_value(v).expect("only accepted values were kept")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    /// The code `build.rs` writes from a check's condition (`engine::compiled`) answers as the
    /// interpreter does on every profile and start day: the same truth, the same missing fields
    /// in the same order.
    #[test]
    fn compiled_conditions_answer_as_the_interpreter_does(p in any_profile(), day in 0i64..200) {
        use wxacct::engine::truth::Missing;
        let kb = Knowledge::get();
        let start = date(2026, 11, 1) + jiff::Span::new().days(day);
        let env = wxacct::engine::Env { profile: &p, start, checks: &[] };
        for c in &kb.checks {
            let n = c.compiled.expect("every shipped condition has code");
            let (mut compiled, mut tree) = (Missing::new(), Missing::new());
            let answer = wxacct::engine::compiled::fails(n.into(), &env, &mut compiled);
            prop_assert_eq!(answer, Some(c.fails_when.0.eval(&p, &env, &mut tree)), "{}", c.id);
            prop_assert_eq!(compiled, tree, "{}", c.id);
        }
    }

    /// The same for the code written from the causes' conditions (`likely_when`,
    /// `ruled_out_when` in `data/troubleshoot.json`), with any status for every check their
    /// `check` parts read.
    #[test]
    fn compiled_cause_conditions_answer_as_the_interpreter_does(
        p in any_profile(),
        day in 0i64..200,
        statuses in prop::collection::vec(0u8..3, 64),
    ) {
        use wxacct::engine::{truth::Missing, Status};
        let kb = Knowledge::get();
        let start = date(2026, 11, 1) + jiff::Span::new().days(day);
        let statuses: Vec<Status> = statuses[..kb.checks.len()]
            .iter()
            .map(|s| [Status::Pass, Status::Fail, Status::Unknown][usize::from(*s)])
            .collect();
        let env = wxacct::engine::Env { profile: &p, start, checks: &statuses };
        let mut written = 0;
        for c in &kb.troubleshoot.causes {
            let both = [
                (&c.likely_when, c.likely_test, &c.likely_code),
                (&c.ruled_out_when, c.ruled_out_test, &c.ruled_out_code),
            ];
            for (cond, test, code) in both {
                // Every condition that reads a field has code; one on checks alone is a mask
                // test.
                let Some(cond) = cond else { continue };
                prop_assert_eq!(code.is_some(), test.is_none(), "{}", c.id);
                let Some(code) = code else { continue };
                written += 1;
                let (mut compiled, mut tree) = (Missing::new(), Missing::new());
                let answer = code.holds(&env, &mut compiled);
                prop_assert_eq!(answer, Some(cond.0.eval(&p, &env, &mut tree)), "{}", c.id);
                prop_assert_eq!(compiled, tree, "{}", c.id);
            }
        }
        prop_assert!(written > 0);
    }
}

/// The shipped knowledge, and the same with an instant action in a chain of waits:
/// `withdraw-balance` after `wait-security-change`, and `redeem-licaitong` (three business
/// days) after `withdraw-balance`, so that the redemption waits for the security change
/// through the withdrawal.
fn plan_knowledge() -> [&'static Knowledge; 2] {
    static CHAINED: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
    let chained = CHAINED.get_or_init(|| {
        load_with("actions.json", |actions| {
            record_mut(actions, "actions", "withdraw-balance")["after"] =
                json!([{ "action": "wait-security-change", "scope": "every" }]);
            record_mut(actions, "actions", "redeem-licaitong")["after"] =
                json!([{ "action": "withdraw-balance", "scope": "every" }]);
        })
        .unwrap_or_else(|p| panic!("{p:#?}"))
    });
    [Knowledge::get(), chained]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// When a plan is done is worked out from the steps that can move a date alone
    /// (`ActionDef::moves_no_date`). It is the day the last of all its steps is done, in the
    /// best and the worst case, and it is uncertain exactly when one of them is (a bank card
    /// of unknown kind, a provisional action): the same as from every step. Checked on the
    /// shipped knowledge and on knowledge where an instant action waits for a timed one.
    #[test]
    fn the_plan_is_done_when_its_last_step_is(
        p in any_profile(),
        day in 0i64..60,
        holidays in prop::collection::vec(0i64..40, 0..4),
    ) {
        use wxacct::engine::checks::Tally;
        use wxacct::engine::planner;
        let start = date(2026, 11, 1) + jiff::Span::new().days(day);
        let holidays: Vec<_> = holidays.iter().map(|&d| start + jiff::Span::new().days(d)).collect();
        let env = wxacct::engine::Env { profile: &p, start, checks: &[] };
        for kb in plan_knowledge() {
            let ctx = Context { kb, start, calendar: Calendar::new(holidays.clone()) };
            let realname = [Goal::Minimize, Goal::Replace, Goal::Remove].map(|goal| Task::Realname { goal });
            let others = [Task::Deactivate, Task::UnbindQq, Task::Troubleshoot { symptoms: Vec::new() }];
            for task in realname.into_iter().chain(others) {
                let outcomes = task.evaluate(&ctx, &p).expect("dates in range").outcomes;
                let tally = Tally::of(kb, &outcomes);
                let plan = planner::build(kb, &outcomes, &tally, &env, &ctx.calendar, false)
                    .expect("dates in range");
                let Some(ready) = plan.ready_on else { continue };
                let steps = plan.with_steps(kb, &env, &ctx.calendar);
                let last = |worst: bool| {
                    let done = steps.actions.iter().map(|a| if worst { a.done.latest } else { a.done.earliest });
                    done.fold(start, std::cmp::Ord::max)
                };
                prop_assert_eq!(ready.earliest, last(false), "{:?}", task);
                prop_assert_eq!(ready.latest, last(true), "{:?}", task);
                let uncertain = steps.actions.iter().any(|a| {
                    a.item.is_some_and(|i| i.is_card_of_unknown_kind()) || kb.actions[a.action].provisional
                });
                prop_assert_eq!(ready.provisional, uncertain, "{:?}", task);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every task gives its outcomes in output order (by severity, then by id), and its tally
    /// is the tally of those outcomes.
    #[test]
    fn outcomes_come_in_output_order(p in any_profile()) {
        use wxacct::engine::checks::Tally;
        let ctx = ctx();
        let realname = [Goal::Minimize, Goal::Replace, Goal::Remove].map(|goal| Task::Realname { goal });
        let others = [Task::Deactivate, Task::UnbindQq, Task::Troubleshoot { symptoms: Vec::new() }];
        for task in realname.into_iter().chain(others) {
            let eval = task.evaluate(&ctx, &p).expect("dates in range");
            let key = |o: &wxacct::engine::CheckOutcome| (o.severity, ctx.kb.checks[o.check].id_rank);
            prop_assert!(eval.outcomes.is_sorted_by_key(key), "{:?}", task);
            prop_assert_eq!(eval.tally, Tally::of(ctx.kb, &eval.outcomes), "{:?}", task);
        }
    }
}
