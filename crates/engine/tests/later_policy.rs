//! A second policy version, kept as a test fixture (`src/fixture_2027.rs`, feature
//! `policy-fixture`): effective from 1 January 2027, it asks a year in the city for a residence
//! permit instead of six months, adds public rental housing, and rewords clause 4.2. The engine
//! takes it as data: each day is judged by the policy in force, and cites that policy.
#![cfg(feature = "policy-fixture")]

use chrono::NaiveDate;
use hukou_engine::policies::{by_id, in_force};
use hukou_engine::{evaluate_json, Outcome};

fn outcome(answers: &str, today: &str) -> Outcome {
    let text = format!(r#"{{"today": "{today}", {answers}}}"#);
    evaluate_json(&text, NaiveDate::MIN)
        .expect("valid answers")
        .outcome
}

const EIGHT_MONTHS_RENTING: &str = r#""current_hukou": "outside_chenzhou", "months_resident": 8, "residence": "rented", "target_area": "not_a_town""#;

fn permit(o: &Outcome) -> &'static str {
    o.path("residence_permit").expect("listed").status.word()
}

#[test]
fn on_the_last_day_of_2026_the_2016_policy_judges_and_from_new_year_2027_the_later_one() {
    assert_eq!(
        outcome(EIGHT_MONTHS_RENTING, "2026-12-31").policy.id,
        "chenzhou-2016-1"
    );
    let later = outcome(EIGHT_MONTHS_RENTING, "2027-01-01");
    assert_eq!(later.policy.id, "fixture-2027");
    assert_eq!(later.policy.document, "测试文件〔2027〕1号");
}

#[test]
fn eight_months_in_the_city_open_a_residence_permit_under_2016_but_not_under_the_later_policy() {
    assert_eq!(
        permit(&outcome(EIGHT_MONTHS_RENTING, "2026-12-31")),
        "eligible"
    );
    let later = outcome(EIGHT_MONTHS_RENTING, "2027-06-01");
    assert_eq!(permit(&later), "not_eligible");
    let path = later.path("residence_permit").unwrap();
    let unmet: Vec<String> = path.unmet.iter().map(|f| f.to_string()).collect();
    assert_eq!(unmet, ["months_resident"]);
    assert_eq!(path.basis, ["4.2"]);
    let a_year = EIGHT_MONTHS_RENTING.replace("\"months_resident\": 8", "\"months_resident\": 12");
    assert_eq!(permit(&outcome(&a_year, "2027-06-01")), "eligible");
}

#[test]
fn while_the_months_are_not_answered_the_later_policy_still_asks_for_them() {
    let answers = r#""current_hukou": "outside_chenzhou", "residence": "rented""#;
    let later = outcome(answers, "2027-06-01");
    assert_eq!(permit(&later), "undetermined");
    assert!(later
        .missing
        .iter()
        .any(|f| f.to_string() == "months_resident"));
}

#[test]
fn public_rental_housing_is_a_service_only_of_the_later_policy() {
    let settling =
        r#""target_area": "other_town", "current_hukou": "outside_chenzhou", "residence": "owned""#;
    let has_housing = |o: &Outcome| o.services.iter().any(|s| s.id == "public_rental_housing");
    assert!(!has_housing(&outcome(settling, "2026-12-31")));
    let later = outcome(settling, "2027-02-01");
    assert!(has_housing(&later));
    let service = later
        .services
        .iter()
        .find(|s| s.id == "public_rental_housing")
        .unwrap();
    assert_eq!(service.basis, ["6.6"]);
}

#[test]
fn each_policy_holds_its_own_words_for_clause_4_2() {
    let old = by_id("chenzhou-2016-1").unwrap().clause("4.2").unwrap();
    let new = by_id("fixture-2027").unwrap().clause("4.2").unwrap();
    assert_ne!(old.text, new.text);
    assert!(new.text.contains("居住一年以上"));
    assert_eq!(new.source, "测试文件〔2027〕1号");
    let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(in_force(day).map(|p| p.id), Some("fixture-2027"));
}

#[test]
fn the_year_in_the_city_from_2027_is_one_dated_line_of_the_months_parameter_not_a_copy_of_the_permits_path(
) {
    let earlier = by_id("chenzhou-2016-1").unwrap();
    let later = by_id("fixture-2027").unwrap();
    let months = |p: &hukou_engine::policy::Policy| {
        let found = p.parameters.iter().find(|p| p.id == "resident_months");
        found.expect("the months of residence are a parameter")
    };
    assert_eq!(months(later).values.len(), 2);
    assert_eq!(
        months(earlier).values.len(),
        2,
        "one parameter, one line added"
    );
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(months(later).on(day(2026, 12, 31)), 6);
    assert_eq!(months(later).on(day(2027, 1, 1)), 12);
    assert_eq!(months(later).clause, "ord663.2");
    let ids = |p: &hukou_engine::policy::Policy| -> Vec<&str> {
        let path = p.path(hukou_engine::policy::PathId::ResidencePermit);
        path.conditions.iter().map(|c| c.id).collect()
    };
    assert_eq!(
        ids(later),
        ids(earlier),
        "the permit's path is 2016's, not a copy"
    );
}
