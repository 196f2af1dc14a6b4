//! The plan as a graph declared in `data/actions.json`, through the binary: what each step waits
//! for, with exact dates; the profile's own day (`as_of`); cards of unknown kind; dates past the
//! end of the calendar; titles.

mod common;
use common::*;
use serde_json::{json, Value};

/// The steps of a plan as `[action, title, start, done.earliest, done.latest, waits_for]`.
fn steps(r: &Value) -> Vec<Value> {
    r["plan"]
        .as_array()
        .unwrap_or_else(|| panic!("no plan: {r}"))
        .iter()
        .map(|a| {
            json!([
                a["action"],
                a["title"],
                a["start"],
                a["done"]["earliest"],
                a["done"]["latest"],
                a["waits_for"]
            ])
        })
        .collect()
}

/// The step with this title.
fn step<'a>(r: &'a Value, title: &str) -> &'a Value {
    r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no step {title:?} in {:#?}", steps(r)))
}

/// Where the step with this title comes in the plan.
fn position(r: &Value, title: &str) -> usize {
    r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no step {title:?} in {:#?}", steps(r)))
}

fn cards(json: &str) -> [String; 2] {
    ["--set".into(), format!("wallet.bank_cards={json}")]
}

/// `deactivate` in Chinese with these bank cards.
fn deactivate_zh(cards: &str) -> Value {
    let set = format!("wallet.bank_cards={cards}");
    run(&[
        "deactivate",
        "--json",
        "--lang",
        "zh",
        "--start",
        "2026-11-23",
        "--set",
        &set,
    ])
    .json()
}

fn deactivate_with(args: &[&str], extra: &[String]) -> Value {
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    deactivate(&[args, &extra[..]].concat()).0
}

#[test]
fn the_last_card_is_unbound_once_the_money_is_out() {
    // 2026-11-23 is a Monday: the redemption is done on Thursday the 26th. The first card can
    // go at once; the last one keeps the money a way out until then.
    let (r, _) = deactivate(&["--licaitong", "100", "--cards", "debit,debit"]);
    assert_eq!(
        steps(&r),
        [
            json!([
                "redeem-licaitong",
                "Redeem LiCaiTong and wealth products",
                "2026-11-23",
                "2026-11-26",
                "2026-11-26",
                []
            ]),
            json!([
                "unbind-card",
                "Unbind debit card 1 of 2",
                "2026-11-23",
                "2026-11-23",
                "2026-11-23",
                []
            ]),
            json!([
                "unbind-card",
                "Unbind debit card 2 of 2",
                "2026-11-26",
                "2026-11-26",
                "2026-11-26",
                ["redeem-licaitong"]
            ]),
        ]
    );
    assert_eq!(
        r["ready_on"],
        json!({"earliest": "2026-11-26", "latest": "2026-11-26", "provisional": true})
    );
    // The withdrawal takes half an hour: the last card goes the same day, after it.
    let (r, _) = deactivate(&["--balance", "5", "--cards", "debit"]);
    assert_eq!(
        steps(&r),
        [
            json!([
                "withdraw-balance",
                "Withdraw the whole wallet balance",
                "2026-11-23",
                "2026-11-23",
                "2026-11-23",
                []
            ]),
            json!([
                "unbind-card",
                "Unbind debit card 1 of 1",
                "2026-11-23",
                "2026-11-23",
                "2026-11-23",
                ["withdraw-balance"]
            ]),
        ]
    );
    // The last card is the one the limits put last: the 4th credit card (day 2 of the limit of
    // three a day) waits for the redemption; the first three go on the first day.
    let (r, _) = deactivate(&["--licaitong", "1", "--cards", "credit,credit,credit,credit"]);
    for n in 1..=3 {
        let s = step(&r, &format!("Unbind credit card {n} of 4"));
        assert_eq!(
            s["done"],
            json!({"earliest": "2026-11-23", "latest": "2026-11-23"})
        );
        assert_eq!(s["waits_for"], json!([]));
    }
    let last = step(&r, "Unbind credit card 4 of 4");
    assert_eq!(last["start"], "2026-11-26");
    assert_eq!(last["waits_for"], json!(["redeem-licaitong"]));
    // Money out before the overseas limit frees the second card: nothing moves.
    let (r, _) = deactivate(&[
        "--balance",
        "5",
        "--licaitong",
        "5",
        "--cards",
        "overseas,overseas",
    ]);
    let last = step(&r, "Unbind overseas card 2 of 2");
    assert_eq!(last["start"], "2026-11-30");
    assert_eq!(
        last["waits_for"],
        json!(["withdraw-balance", "redeem-licaitong"])
    );
    assert_eq!(r["ready_on"]["latest"], "2026-11-30");
}

#[test]
fn a_product_maturing_on_a_weekend_or_holiday_pays_out_on_the_next_business_day() {
    let payout = |until: &str, more: &[&str]| {
        let base = [
            "--licaitong",
            "0",
            "--cards",
            "debit",
            "--licaitong-locked-until",
            until,
        ];
        let (r, _) = deactivate(&[&base[..], more].concat());
        let redeem = step(&r, "Redeem LiCaiTong and wealth products")["done"].clone();
        let card = step(&r, "Unbind debit card 1 of 1")["start"].clone();
        (
            redeem["latest"].clone(),
            card,
            r["ready_on"]["latest"].clone(),
        )
    };
    // Friday 2026-12-18: that day.
    assert_eq!(
        payout("2026-12-18", &[]),
        (
            json!("2026-12-18"),
            json!("2026-12-18"),
            json!("2026-12-18")
        )
    );
    // Saturday 2026-12-19: Monday the 21st.
    assert_eq!(
        payout("2026-12-19", &[]),
        (
            json!("2026-12-21"),
            json!("2026-12-21"),
            json!("2026-12-21")
        )
    );
    // A holiday on that Monday: Tuesday.
    assert_eq!(
        payout("2026-12-21", &["--holiday", "2026-12-21"]),
        (
            json!("2026-12-22"),
            json!("2026-12-22"),
            json!("2026-12-22")
        )
    );
}

#[test]
fn an_appeal_comes_before_everything_else() {
    let (r, _) = deactivate(&["--status", "frozen", "--balance", "1", "--cards", "debit"]);
    assert_eq!(
        steps(&r),
        [
            json!([
                "appeal",
                "File an identity appeal and wait for the manual review",
                "2026-11-23",
                "2026-11-26",
                "2026-12-02",
                []
            ]),
            json!([
                "withdraw-balance",
                "Withdraw the whole wallet balance",
                "2026-11-26",
                "2026-11-26",
                "2026-12-02",
                ["appeal"]
            ]),
            json!([
                "unbind-card",
                "Unbind debit card 1 of 1",
                "2026-11-26",
                "2026-11-26",
                "2026-12-02",
                ["appeal", "withdraw-balance"]
            ]),
        ]
    );
    // The appeal comes first in `realname` and `unbind-qq` too.
    for task in ["realname", "unbind-qq"] {
        let (r, _) = task_json(
            task,
            &[
                "--status",
                "banned",
                "--set",
                "account.qq_bound=true",
                "--cards",
                "debit",
            ],
        );
        let plan = r["plan"].as_array().unwrap();
        assert_eq!(plan[0]["action"], "appeal", "{task}");
        assert!(
            plan[1..].iter().all(|a| a["waits_for"][0] == "appeal"),
            "{task}: {:#?}",
            steps(&r)
        );
    }
}

#[test]
fn deactivate_repays_and_closes_agreements_before_unbinding_those_cards() {
    let list = r#"[{"kind":"credit","unbilled_cny":0},{"kind":"credit","unbilled_cny":50,"label":"CMB"},{"kind":"overseas","cross_border_agreement":true}]"#;
    let r = deactivate_with(&[], &cards(list));
    assert_eq!(check(&r, "wallet.credit-unbilled")["status"], "fail");
    assert_eq!(check(&r, "wallet.overseas-cross-border")["status"], "fail");
    let repay = "Repay the unbilled amount on credit card 2 of 2 “CMB”";
    let close = "Close the cross-border agreement of overseas card 1 of 1";
    let unbind_credit = "Unbind credit card 2 of 2 “CMB”";
    let unbind_overseas = "Unbind overseas card 1 of 1";
    assert!(position(&r, repay) < position(&r, unbind_credit));
    assert!(position(&r, close) < position(&r, unbind_overseas));
    assert_eq!(
        step(&r, unbind_credit)["waits_for"],
        json!(["repay-unbilled"])
    );
    assert_eq!(
        step(&r, unbind_overseas)["waits_for"],
        json!(["close-cross-border-agreement"])
    );
    // The card without an unbilled amount waits for nothing.
    assert_eq!(
        step(&r, "Unbind credit card 1 of 2")["waits_for"],
        json!([])
    );
    // `realname` names and orders the same steps the same way.
    let (r, _) = task_json(
        "realname",
        &cards(list).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for title in [repay, close, unbind_credit, unbind_overseas] {
        step(&r, title);
    }
    assert!(position(&r, repay) < position(&r, unbind_credit));
    // In Chinese the number is the same in every step too.
    let r = deactivate_zh(list);
    step(&r, "还清信用卡(第 2/2 张)「CMB」的未出账单");
    step(&r, "解绑信用卡(第 2/2 张)「CMB」");
    step(&r, "关闭境外卡(第 1/1 张)的跨境支付协议");
}

#[test]
fn days_since_a_security_change_count_to_the_day_the_profile_describes() {
    let wait = |args: &[&str]| {
        let (r, _) = deactivate(args);
        let status = check(&r, "account.recent-security-change")["status"].clone();
        let done = r["plan"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["action"] == "wait-security-change")
            .map(|a| a["done"].clone());
        (status, done)
    };
    let three = ["--set", "account.days_since_security_change=3"];
    // Without `as_of`, the profile describes the start: day 14 is 11 days later.
    assert_eq!(
        wait(&three),
        (
            json!("fail"),
            Some(json!({"earliest": "2026-12-04", "latest": "2026-12-04"}))
        )
    );
    // Written on 2026-11-20, three days after the change: day 14 is 2026-12-01.
    let written = [&three[..], &["--set", "as_of=2026-11-20"]].concat();
    assert_eq!(
        wait(&written),
        (
            json!("fail"),
            Some(json!({"earliest": "2026-12-01", "latest": "2026-12-01"}))
        )
    );
    // The same profile planned from 2026-12-07 (its `--start`): the wait is over.
    let o = run(&[
        "deactivate",
        "--json",
        "--start",
        "2026-12-07",
        "--set",
        "account.days_since_security_change=3",
        "--set",
        "as_of=2026-11-20",
    ]);
    let r = o.json();
    assert_eq!(
        check(&r, "account.recent-security-change")["status"],
        "pass"
    );
    assert!(r["plan"].as_array().unwrap().is_empty(), "{r}");
    // `as_of` is in the state schema, and a date that does not exist is refused with its field.
    let schema = run(&["schema", "state"]).json();
    assert!(schema["properties"]["as_of"].is_object(), "{schema}");
    let o = deactivate_stdin(&[], r#"{"as_of": "2026-02-30"}"#);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("as_of"), "{}", o.stderr);
}

#[test]
fn a_card_of_unknown_kind_is_the_worst_case_for_the_latest_date() {
    let r = deactivate_with(&[], &cards(r#"[{"kind":"overseas"},{}]"#));
    let unknown = step(&r, "Unbind card of unknown kind 1 of 1");
    // Best case a debit card (no limit), worst case a second overseas card a week later.
    assert_eq!(
        unknown["done"],
        json!({"earliest": "2026-11-23", "latest": "2026-11-30"})
    );
    assert!(
        unknown["note"]
            .as_str()
            .unwrap()
            .contains("kind is unknown"),
        "{unknown}"
    );
    assert_eq!(
        r["ready_on"],
        json!({"earliest": "2026-11-23", "latest": "2026-11-30", "provisional": true})
    );
    // Never a question mark for a kind, in either language.
    let r = deactivate_zh(r#"[{"kind":"overseas"},{}]"#);
    step(&r, "解绑未知类型的银行卡(第 1/1 张)");
    for a in r["plan"].as_array().unwrap() {
        assert!(!a["title"].as_str().unwrap().contains('?'), "{a}");
    }
}

#[test]
fn explain_and_json_show_what_each_step_waits_for() {
    let o = run(&["explain", "unbind-card"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout.contains(
            "  Waits for         appeal
                    repay-unbilled (for the same item)
                    close-cross-border-agreement (for the same item)
                    withdraw-balance (only the last item waits)
                    redeem-licaitong (only the last item waits)
"
        ),
        "{}",
        o.stdout
    );
    let o = run(&["explain", "withdraw-balance", "--json"]);
    assert_eq!(o.json()["record"]["after"], json!(["appeal"]));
    let o = run(&["explain", "appeal", "--json"]);
    assert_eq!(o.json()["record"]["first"], true);
    assert_eq!(o.json()["record"]["after"], json!([]));
    // The result schema has the field.
    let schema = run(&["schema", "result"]).json();
    let text = schema.to_string();
    assert!(text.contains("\"waits_for\""), "{text}");
}

#[test]
fn a_date_past_the_calendar_is_an_error_naming_its_step() {
    // The five years payment records are kept would end after 9999-12-31.
    let o = run(&["deactivate", "--start", "9995-06-01", "--status", "frozen"]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: flags: timeline event payment-records.kept: its date would fall after 9999-12-31\n"
    );
    assert_eq!(o.stdout, "");
    // The redemption's three business days cannot be found (this used to hang).
    let o = run(&[
        "deactivate",
        "--start",
        "9999-12-31",
        "--holiday",
        "9999-12-31",
        "--licaitong",
        "1",
        "--format",
        "jsonl",
    ]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: flags: plan step redeem-licaitong: its date would fall after 9999-12-31\n"
    );
    let line = &o.lines()[0];
    assert_eq!(line["error"]["kind"], "date-range");
    assert_eq!(
        line["error"]["message"],
        "plan step redeem-licaitong: its date would fall after 9999-12-31"
    );
    // In the reader's language, the ids as they are; JSON keeps its kind.
    let o = run(&[
        "deactivate",
        "--start",
        "9995-06-01",
        "--status",
        "frozen",
        "--lang",
        "zh",
        "--format",
        "jsonl",
    ]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: flags: 时间线事件 payment-records.kept:日期会晚于 9999-12-31\n"
    );
    assert_eq!(o.lines()[0]["error"]["kind"], "date-range");
    // `realname --goal remove` dates when each method clears the real name.
    let o = run(&[
        "realname",
        "--goal",
        "remove",
        "--start",
        "9999-12-01",
        "--set",
        "account.realname_verified=true",
    ]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: flags: timeline event realname.cleared: its date would fall after 9999-12-31\n"
    );
    // In a batch, one profile's error: the others are still planned. (9999-12-28 is a
    // Tuesday; an appeal of up to seven business days cannot end by the 31st.)
    let o = run_stdin(
        &["unbind-qq", "--format", "jsonl", "--start", "9999-12-28", "--state", "-"],
        "{\"id\": \"fine\"}\n{\"id\": \"late\", \"account\": {\"status\": \"banned\", \"qq_bound\": true}}\n",
    );
    assert_eq!(o.code, 2);
    let lines = o.lines();
    assert_eq!(lines[0]["id"], "fine");
    assert_eq!(lines[1]["error"]["kind"], "date-range");
    assert_eq!(lines[1]["source"], "-:2");
    // The error has no place in the text, so stderr names the record, as `source` does: the
    // path alone would not say which profile of the batch it is.
    assert_eq!(
        o.stderr,
        "wxacct: -:2: plan step appeal: its date would fall after 9999-12-31\n"
    );
    // The same in an array, and in JUnit's message.
    let array = "[{\"id\": \"fine\"}, {\"id\": \"late\", \"account\": {\"status\": \"banned\", \"qq_bound\": true}}]";
    let o = run_stdin(
        &[
            "unbind-qq",
            "--format",
            "junit",
            "--start",
            "9999-12-28",
            "--state",
            "-",
        ],
        array,
    );
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: -#1: plan step appeal: its date would fall after 9999-12-31\n"
    );
    assert!(
        o.stdout.contains(
            "<error type=\"date-range\" message=\"-#1: plan step appeal: its date would fall after 9999-12-31\"/>"
        ),
        "{}",
        o.stdout
    );
}

#[test]
fn a_year_of_holidays_is_searched_through() {
    let mut args = vec![
        "deactivate".to_string(),
        "--json".into(),
        "--start".into(),
        "2026-12-31".into(),
        "--licaitong".into(),
        "1".into(),
    ];
    let mut day = 0;
    for (month, days) in [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        .iter()
        .enumerate()
    {
        for d in 1..=*days {
            args.push("--holiday".into());
            args.push(format!("2027-{:02}-{d:02}", month + 1));
            day += 1;
        }
    }
    assert_eq!(day, 365);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    // 2028 starts on a Saturday: Monday 3, Tuesday 4, Wednesday 5 January.
    assert_eq!(o.json()["ready_on"]["latest"], "2028-01-05");
}

#[test]
fn titles_have_single_spaces_and_fall_back_to_numbers() {
    let (r, _) = deactivate(&[
        "--set",
        r#"groups_owned=[{"name":"Family"},{"name":""},{}]"#,
        "--set",
        r#"third_party_logins=[{"name":"Zhihu"}]"#,
        "--set",
        r#"wallet.bank_cards=[{"kind":"debit","label":" "}]"#,
    ]);
    let titles: Vec<&str> = r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    for want in [
        "Hand over group “Family”",
        "Hand over group #2",
        "Hand over group #3",
        "Switch “Zhihu” to another login or export its data",
        "Unbind debit card 1 of 1",
    ] {
        assert!(titles.contains(&want), "{want:?} in {titles:?}");
    }
    for t in &titles {
        assert!(!t.contains("  ") && t.trim() == *t, "{t:?}");
    }
}

#[test]
fn citations_checked_against_the_guides() {
    // The appeal's full path is S1§2's; the appeal itself S2§6.
    let o = run(&["explain", "appeal", "--json"]);
    assert_eq!(o.json()["record"]["sources"], json!(["S2§6", "S1§2"]));
    // Deleting the account: the duration is S2's (15 minutes, 60 days, 90 in teen mode); S1§2
    // gives only the path.
    let o = run(&["explain", "deactivate-account", "--json"]);
    let m = &o.json()["record"];
    assert_eq!(
        m["sources"],
        json!(["S2§1", "S2§4", "S2§8", "O1§F3", "O6§F4"])
    );
    assert_eq!(m["path_sources"], json!(["S1§2", "S2§1"]));
    let (r, _) = task_json("realname", &["--goal", "remove"]);
    let method = item(&r, "methods", "deactivate-account");
    assert_eq!(method["path_sources"], json!(["S1§2", "S2§1"]));
    assert!(!method["sources"]
        .as_array()
        .unwrap()
        .contains(&json!("S1§2")));
}

/// A card whose unbilled amount or cross-border agreement is not given: the unknown names the
/// item's field (`wallet.bank_cards[].unbilled_cny`), not the list the user already gave, and
/// `--set LIST[].FIELD=VALUE` answers it for every card.
#[test]
fn an_unknown_card_field_is_named_by_its_item_path_and_set_on_every_card() {
    let unbilled = "wallet.credit-unbilled";
    let cross = "wallet.overseas-cross-border";
    // The list unknown: the list is what is missing.
    let (r, _) = deactivate(&[]);
    assert_eq!(check(&r, unbilled)["missing"], json!(["wallet.bank_cards"]));
    // The cards given, their fields not.
    let (r, _) = deactivate(&["--cards", "credit,debit,overseas"]);
    assert_eq!(check(&r, unbilled)["status"], "unknown");
    assert_eq!(
        check(&r, unbilled)["missing"],
        json!(["wallet.bank_cards[].unbilled_cny"])
    );
    assert_eq!(
        check(&r, cross)["missing"],
        json!(["wallet.bank_cards[].cross_border_agreement"])
    );
    // Answered on every card, in either direction.
    for (value, status) in [("0", "pass"), ("12.5", "fail")] {
        let set = format!("wallet.bank_cards[].unbilled_cny={value}");
        let (r, _) = deactivate(&["--cards", "credit,credit", "--set", &set]);
        assert_eq!(check(&r, unbilled)["status"], status, "{set}");
        assert_eq!(check(&r, unbilled)["missing"], Value::Null, "{set}");
    }
    let (r, _) = deactivate(&[
        "--cards",
        "overseas",
        "--set",
        "wallet.bank_cards[].cross_border_agreement=false",
    ]);
    assert_eq!(check(&r, cross)["status"], "pass");
    // A state file's cards get it too: the value set last wins over the file's.
    let state =
        r#"{"wallet":{"bank_cards":[{"kind":"credit","unbilled_cny":5},{"kind":"credit"}]}}"#;
    let o = deactivate_stdin(&["--set", "wallet.bank_cards[].unbilled_cny=0"], state);
    assert_eq!(check(&o.json(), unbilled)["status"], "pass");
    let o = run_stdin(&["deactivate", "--json", "--state", "-"], state);
    assert_eq!(check(&o.json(), unbilled)["status"], "fail");
    // The report's hint is the flag that answers it.
    let o = run(&[
        "deactivate",
        "--start",
        "2026-11-23",
        "--cards",
        "credit",
        "--lang",
        "en",
    ]);
    assert!(
        o.stdout
            .contains("--set wallet.bank_cards[].unbilled_cny=CNY"),
        "{}",
        o.stdout
    );
    assert!(!o.stdout.contains("--cards KIND"), "{}", o.stdout);
    // A bad value or a misspelt field is a one-line usage error.
    let o = run(&[
        "deactivate",
        "--cards",
        "credit",
        "--set",
        "wallet.bank_cards[].unbilled_cny=abc",
        "--lang",
        "en",
    ]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "wxacct: --set wallet.bank_cards[].unbilled_cny=abc: wallet.bank_cards[].unbilled_cny: \
         expected an amount in CNY (a number ≥ 0), found string \"abc\"\n"
    );
    let o = run(&[
        "deactivate",
        "--set",
        "wallet.bank_cards[].unbiled_cny=0",
        "--lang",
        "en",
    ]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("did you mean `wallet.bank_cards[].unbilled_cny`?"),
        "{}",
        o.stderr
    );
}
