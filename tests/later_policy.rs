//! The later policy kept as a test fixture (the engine's `src/fixture_2027.rs`, feature
//! `policy-fixture`) reaches everything a person sees with no change outside the fixture: the
//! command line judges and cites by it, the app's session, texts and citations follow the policy
//! that judged, and the static summary is written from it.
#![cfg(feature = "policy-fixture")]

use std::io::Write;
use std::process::{Command, Stdio};

use chenzhou_hukou::components::clause::words_json;
use chenzhou_hukou::i18n::{tr_policy, Lang};
use chenzhou_hukou::questions::question;
use chenzhou_hukou::reading::words::judged_by;
use chenzhou_hukou::state::Session;
use chenzhou_hukou::summary::static_summary;
use chrono::NaiveDate;
use hukou_engine::policies::by_id;
use hukou_engine::Field;

const LATER: &str = "测试文件〔2027〕1号";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hukou_eval(answers: &str) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hukou"))
        .arg("eval")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the command line runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("an outcome")
}

#[test]
fn the_command_line_judges_a_day_in_2027_by_the_later_policy_and_cites_it() {
    let outcome = hukou_eval(
        r#"{"today": "2027-03-01", "current_hukou": "outside_chenzhou", "months_resident": 8, "residence": "rented"}"#,
    );
    assert_eq!(outcome["policy"]["id"], "fixture-2027");
    assert_eq!(outcome["policy"]["document"], LATER);
    let permit = &outcome["paths"][4];
    assert_eq!(permit["id"], "residence_permit");
    assert_eq!(permit["status"], "not_eligible");
    let earlier = hukou_eval(
        r#"{"today": "2026-12-31", "current_hukou": "outside_chenzhou", "months_resident": 8, "residence": "rented"}"#,
    );
    assert_eq!(earlier["policy"]["id"], "chenzhou-2016-1");
    assert_eq!(earlier["paths"][4]["status"], "eligible");
}

#[test]
fn the_app_on_a_day_in_2027_quotes_the_later_policy_its_document_and_its_year_of_residence() {
    let session = Session::new(day(2027, 3, 1));
    let policy = session.policy();
    assert_eq!(policy.id, "fixture-2027");
    for (lang, quoted) in [(Lang::Zh, "住满12个月"), (Lang::En, "After 12 months")] {
        let help = tr_policy(
            lang,
            policy,
            session.day(),
            &format!("{}.help", question(Field::MonthsResident).key),
        );
        assert!(help.contains(quoted), "{help}");
        assert!(!help.contains('{'), "{help}");
        let source = tr_policy(lang, policy, session.day(), "app.policy");
        assert!(source.contains(LATER), "{source}");
    }
    let earlier = Session::new(day(2026, 12, 31));
    let help = tr_policy(
        Lang::Zh,
        earlier.policy(),
        earlier.day(),
        &format!("{}.help", question(Field::MonthsResident).key),
    );
    assert!(help.contains("住满6个月"), "{help}");
}

#[test]
fn the_results_cite_the_policy_that_judged_with_its_own_words_for_each_clause() {
    let facts = hukou_engine::Facts::from_json(
        r#"{"today": "2027-03-01", "current_hukou": "outside_chenzhou"}"#,
        day(2027, 3, 1),
    )
    .unwrap();
    let evaluation = hukou_engine::evaluate(&facts);
    assert_eq!(judged_by(&evaluation).document, LATER);
    let words = words_json();
    assert!(words.contains("fixture-2027/4.2"));
    assert!(words.contains("chenzhou-2016-1/4.2"));
    assert!(words.contains("居住一年以上"));
}

#[test]
fn the_static_summary_of_the_later_policy_names_its_document_and_its_changed_condition() {
    let later = by_id("fixture-2027").unwrap();
    let html = static_summary(later);
    assert!(html.contains(LATER));
    assert!(html.contains("在现在的城市居住一年以上"), "{html}");
    assert!(!html.contains("郴政发〔2016〕1号"), "{html}");
    let earlier = static_summary(by_id("chenzhou-2016-1").unwrap());
    // The months are one parameter, by date: a summary built once the amendment is in force
    // (here, on the fixture's first day) says a year, whichever policy it summarises.
    assert!(earlier.contains("在现在的城市居住一年以上"), "{earlier}");
}

#[test]
fn the_later_policy_brings_the_english_of_its_new_texts_and_the_page_fetches_them() {
    let policy = by_id("fixture-2027").expect("the fixture is compiled in");
    let service = policy
        .services
        .iter()
        .find(|s| s.id == "public_rental_housing")
        .expect("the added service");
    assert_eq!(
        Lang::En.rule(service.title),
        "Public rental housing, if you meet its conditions"
    );
    let table = chenzhou_hukou::i18n::language_json(Lang::En);
    assert!(table.contains("Public rental housing, if you meet its conditions"));
    assert!(table.contains("Lived in this city for at least {resident_months}"));
    assert!(table.contains("a year"));
}
