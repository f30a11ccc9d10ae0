//! The bottom line's reading, one sentence per person.

use hukou_engine::Field;
use serde_json::json;

use super::{BottomLine, Kind};
use crate::i18n::{tr, Lang};
pub(super) use crate::reading::tests::after;
use crate::state::{Purpose, Session};

fn reading(s: &Session) -> BottomLine {
    BottomLine::of(s, s.evaluation().as_ref().as_ref().unwrap())
}

mod permit;

fn said(b: &BottomLine, key: &str) -> bool {
    b.lines.iter().any(|l| l.text.contains(tr(Lang::Zh, key)))
}

#[test]
fn a_renter_whose_lease_is_not_registered_is_told_she_may_settle_in_the_county_seat_and_that_the_police_judge_the_proof(
) {
    let s = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("rented_unregistered")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "settle");
    assert_eq!(b.lines[0].kind, Kind::Headline);
    assert!(said(&b, "office.unregistered_lease.short"), "{:?}", b.lines);
    assert!(b.clauses.contains(&"3.2"));
    assert!(
        !b.lines.iter().any(|l| l.class == "fix"),
        "nothing is said to be missing: {:?}",
        b.lines
    );
}

#[test]
fn a_worker_housed_by_the_employer_is_told_settling_depends_on_the_police_accepting_the_home() {
    let s = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("other_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("employer_provided")),
        ],
    );
    let b = reading(&s);
    let if_accepted = tr(Lang::Zh, "bottom.settle_if_office")
        .split("{place}")
        .next()
        .unwrap();
    assert!(
        b.lines[0].text.starts_with(if_accepted),
        "{}",
        b.lines[0].text
    );
    assert!(said(&b, "office.employer_home.short"));
}

#[test]
fn a_person_without_a_birth_certificate_is_sent_first_to_the_institution_of_birth_as_96_says() {
    let s = after(
        Purpose::NoHukou,
        &[(Field::NoHukouReason, json!("no_birth_certificate"))],
    );
    let b = reading(&s);
    let next = b
        .lines
        .iter()
        .find(|l| matches!(l.kind, Kind::NextStep { .. }))
        .unwrap();
    assert!(
        next.text.contains("助产机构") && next.text.contains("96号"),
        "{}",
        next.text
    );
}

#[test]
fn a_grandmother_joining_her_son_reads_that_she_may_register_with_him_and_goes_with_him_to_the_police_station(
) {
    let s = after(
        Purpose::Join,
        &[
            (
                Field::Member(0, hukou_engine::MemberField::Relation),
                json!("parent"),
            ),
            (Field::TargetArea, json!("county_seat_town")),
            (
                Field::Member(0, hukou_engine::MemberField::LivesWithApplicant),
                json!(true),
            ),
            (Field::Residence, json!("owned")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "join-yes");
    assert!(b.lines[0].text.contains("你的子女"), "{}", b.lines[0].text);
    assert!(b
        .lines
        .iter()
        .any(|l| matches!(l.kind, Kind::NextStep { to_checklist: true })));
    assert_eq!(b.clauses, ["3.2"]);
}

#[test]
fn parents_afraid_of_a_fine_for_their_baby_are_told_the_policy_asks_no_birth_permit_or_fee_receipt_and_who_is_told_afterwards(
) {
    let b = reading(&after(Purpose::Newborn, &[]));
    assert_eq!(b.verdict, "newborn");
    let caveat = b
        .lines
        .iter()
        .find(|l| l.data == Some(("data-caveat", "caveat.newborn".into())));
    let caveat = caveat.unwrap_or_else(|| panic!("the fine is answered: {:?}", b.lines));
    for words in [
        "不受附加条件限制",
        "社会抚养费征收票据",
        "通报当地卫生计生部门",
    ] {
        assert!(caveat.text.contains(words), "{}", caveat.text);
    }
    assert!(b.clauses.contains(&"4.1"));
}

#[test]
fn a_man_registered_in_the_county_seat_since_2024_is_told_in_the_bottom_line_the_services_he_has_there_with_their_clauses(
) {
    let s = after(
        Purpose::Registered,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::Employment, json!("employed")),
            (Field::Residence, json!("owned")),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "registered");
    let services = b.lines.iter().find(|l| l.class == "services");
    let services = services.unwrap_or_else(|| panic!("no services: {:?}", b.lines));
    let words = ["城镇企业职工基本养老保险", "医疗保险转移接续"];
    assert!(
        words.iter().all(|w| services.text.contains(w)),
        "{}",
        services.text
    );
    assert!(
        b.clauses.contains(&"6.2") && b.clauses.contains(&"6.3"),
        "{:?}",
        b.clauses
    );
    // Right under the next step (for relatives who want to join him), not below the fold.
    let at = |class: &str| b.lines.iter().position(|l| l.class == class);
    assert_eq!(
        at("services"),
        at("next-step").map(|n| n + 1),
        "{:?}",
        b.lines
    );
}

#[test]
fn a_man_registered_in_the_central_city_without_urban_insurance_is_not_told_what_settling_there_lacks(
) {
    let s = after(
        Purpose::Settle,
        &[
            (Field::CurrentHukou, json!("target_area")),
            (Field::TargetArea, json!("central_urban")),
            (Field::Residence, json!("owned")),
            (Field::Employment, json!("employed")),
            (Field::UrbanSocialInsurance, json!(false)),
        ],
    );
    let b = reading(&s);
    assert_eq!(b.verdict, "registered");
    assert!(!b.lines.iter().any(|l| l.class == "fix"), "{:?}", b.lines);
}

#[test]
fn a_man_registered_in_zixing_whose_son_and_parents_live_with_him_is_told_in_the_bottom_line_they_may_move_their_hukou_to_him_under_3_2(
) {
    use hukou_engine::words::Relation;
    use hukou_engine::MemberField::{LivesWithApplicant, Married};
    use yew::Reducible;
    let mut s = after(
        Purpose::Registered,
        &[
            (Field::TargetArea, json!("county_city_urban")),
            (Field::Residence, json!("owned")),
        ],
    );
    for kin in [Relation::Child, Relation::Parent, Relation::Parent] {
        s = s.reduce(crate::state::Action::AddMember(kin));
    }
    for (field, value) in [
        (Field::Member(0, LivesWithApplicant), json!(true)),
        (Field::Member(0, Married), json!(false)),
        (Field::Member(1, LivesWithApplicant), json!(true)),
        (Field::Member(2, LivesWithApplicant), json!(true)),
    ] {
        s = s.reduce(crate::state::typed::answer(field, value));
    }
    let b = reading(&s);
    assert_eq!(b.verdict, "registered");
    let joining = b.lines.iter().find(|l| l.class == "joining");
    let joining = joining.unwrap_or_else(|| panic!("no one said to come: {:?}", b.lines));
    assert!(
        joining.text.contains("（子女）") && joining.text.matches("（父母）").count() == 2,
        "{}",
        joining.text
    );
    assert!(b.clauses.contains(&"3.2"), "{:?}", b.clauses);
}
