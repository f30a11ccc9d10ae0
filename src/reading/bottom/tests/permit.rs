//! The bottom line's reading for people who came for a residence permit.

use serde_json::json;

use super::{after, reading};
use crate::state::Purpose;
use hukou_engine::Field;

#[test]
fn a_permit_seeker_five_months_in_the_city_is_told_first_that_the_permit_is_closed_and_why() {
    let s = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::MonthsResident, json!(5)),
            (Field::Employment, json!("employed")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "closed");
    let closed = b
        .lines
        .iter()
        .find(|l| l.data == Some(("data-fix", "closed".into())))
        .unwrap();
    assert!(closed.text.contains("半年"), "{}", closed.text);
}

#[test]
fn a_man_five_months_in_the_city_who_came_for_a_residence_permit_is_told_one_more_month_is_enough_and_by_which_day(
) {
    let permit_seeker = |months: u32| {
        after(
            Purpose::Permit,
            &[
                (Field::CurrentHukou, json!("outside_chenzhou")),
                (Field::MonthsResident, json!(months)),
                (Field::Residence, json!("rented")),
            ],
        )
    };
    let b = reading(&permit_seeker(5));
    let wait = b.lines.iter().find(|l| l.text.contains("再住"));
    let wait = wait.unwrap_or_else(|| panic!("the wait is said: {:?}", b.lines));
    assert_eq!(wait.data, Some(("data-fix", "closed".into())));
    assert!(
        wait.text.contains("在现在的城市居住半年以上"),
        "{}",
        wait.text
    );
    assert!(wait.text.contains("再住1个月"), "{}", wait.text);
    assert!(wait.text.contains("到2026年12月28日左右"), "{}", wait.text);
    assert!(
        b.clauses.contains(&"ord663.2"),
        "the six months are said under 663号 第二条, which says them: {:?}",
        b.clauses
    );
    let b = reading(&permit_seeker(2));
    assert!(
        b.lines.iter().any(|l| l.text.contains("再住4个月")),
        "{:?}",
        b.lines
    );
}

#[test]
fn a_man_registered_in_the_city_already_is_told_no_wait_for_a_permit_time_cannot_bring() {
    let s = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("target_area")),
            (Field::MonthsResident, json!(3)),
            (Field::Residence, json!("rented")),
        ],
    );
    let b = reading(&s);
    assert!(!b.lines.is_empty());
    assert!(
        !b.lines.iter().any(|l| l.text.contains("再住")),
        "{:?}",
        b.lines
    );
}

#[test]
fn a_father_eight_months_in_the_city_who_came_for_a_residence_permit_is_told_it_brings_his_daughter_basic_public_education(
) {
    let s = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::MonthsResident, json!(8)),
            (Field::Residence, json!("rented")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "permit");
    let services = b.lines.iter().find(|l| l.class == "services");
    let services = services.unwrap_or_else(|| panic!("no services: {:?}", b.lines));
    assert!(
        services.text.starts_with("有了居住证："),
        "{}",
        services.text
    );
    assert!(services.text.contains("基本公共教育"), "{}", services.text);
    assert!(b.clauses.contains(&"4.2"), "{:?}", b.clauses);
}

#[test]
fn a_father_five_months_in_the_city_is_told_under_the_month_to_wait_what_the_permit_will_bring_his_daughter(
) {
    let s = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::MonthsResident, json!(5)),
            (Field::Residence, json!("rented")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "closed");
    let at = |class: &str| b.lines.iter().position(|l| l.class == class);
    let (Some(wait), Some(services)) = (at("fix"), at("services")) else {
        panic!("the wait and what the permit brings: {:?}", b.lines);
    };
    assert_eq!(services, wait + 1, "{:?}", b.lines);
    let text = &b.lines[services].text;
    assert!(text.starts_with("有了居住证："), "{text}");
    assert!(text.contains("基本公共教育"), "{text}");
    assert!(b.clauses.contains(&"4.2"), "{:?}", b.clauses);
    // A permit closed for another reason than time says nothing of what it would bring.
    let s = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("target_area")),
            (Field::MonthsResident, json!(3)),
            (Field::Residence, json!("rented")),
        ],
    );
    assert!(!reading(&s).lines.iter().any(|l| l.class == "services"));
}

#[test]
fn a_worker_from_another_county_of_the_city_three_months_there_is_told_to_wait_and_that_the_police_station_says_whether_a_move_within_the_city_counts(
) {
    let s = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
            (Field::MonthsResident, json!(3)),
            (Field::Employment, json!("employed")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "closed");
    let caveat = b
        .lines
        .iter()
        .position(|l| l.data == Some(("data-caveat", "permit.within_city".into())));
    let wait = b.lines.iter().position(|l| l.text.contains("再住3个月"));
    assert!(caveat.is_some() && wait.is_some(), "{:?}", b.lines);
    assert!(wait < caveat, "the wait comes first: {:?}", b.lines);
}
