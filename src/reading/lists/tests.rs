//! The lists below the paths, one sentence per person.

use std::rc::Rc;

use hukou_engine::words::Relation;
use hukou_engine::{Field, MayJoin, MemberField};
use serde_json::{json, Value};
use yew::Reducible;

use super::Lists;
use crate::reading::tests::after;
use crate::state::typed::answer;
use crate::state::{Action, Purpose, Session};

/// Lists of a session, with the route of 4.1 already said (`routed`) or not.
fn lists_of(s: &Session, routed: bool, check: impl Fn(&Lists)) {
    let judged = s.evaluation();
    let evaluation = judged.as_ref().as_ref().unwrap();
    check(&Lists::of(s, evaluation, routed));
}

/// Someone who came to settle, with these answers, these relatives listed, then their answers.
fn settler_with(
    answers: &[(Field, Value)],
    relatives: &[Relation],
    theirs: &[(Field, Value)],
) -> Rc<Session> {
    let mut s = after(Purpose::Settle, answers);
    for &kin in relatives {
        s = s.reduce(Action::AddMember(kin));
    }
    for (field, value) in theirs {
        s = s.reduce(answer(*field, value.clone()));
    }
    s
}

/// A renter who may settle in a county seat.
fn renter() -> Vec<(Field, Value)> {
    vec![
        (Field::TargetArea, json!("county_seat_town")),
        (Field::CurrentHukou, json!("outside_chenzhou")),
        (Field::Residence, json!("rented")),
    ]
}

fn relative(index: u16, field: MemberField) -> Field {
    Field::Member(index, field)
}

#[test]
fn a_renter_settling_in_a_county_seat_with_his_wife_and_his_married_daughter_reads_that_his_wife_may_come_and_his_daughter_may_not_for_her_marriage_under_one_clause(
) {
    let s = settler_with(
        &renter(),
        &[Relation::Spouse, Relation::Child],
        &[
            (relative(0, MemberField::LivesWithApplicant), json!(true)),
            (relative(1, MemberField::LivesWithApplicant), json!(true)),
            (relative(1, MemberField::Married), json!(true)),
        ],
    );
    lists_of(&s, false, |l| {
        let joins: Vec<MayJoin> = l.relatives.iter().map(|r| r.may_join).collect();
        assert_eq!(joins, [MayJoin::Yes, MayJoin::No], "{l:?}");
        assert!(l.relatives[0].reasons.is_empty(), "{l:?}");
        let why: Vec<&str> = l.relatives[1].reasons.iter().map(|c| c.id).collect();
        assert!(why.iter().any(|id| id.contains("unmarried")), "{why:?}");
        assert!(
            l.relatives[1].who.contains("子女"),
            "{}",
            l.relatives[1].who
        );
        // One rule for both: its clause once, under the list, not once a person.
        assert_eq!(l.relatives_basis, ["3.2"]);
        assert!(l.relatives.iter().all(|r| r.basis.is_empty()), "{l:?}");
    });
}

#[test]
fn a_villager_who_moved_his_hukou_to_a_town_on_10_march_2025_reads_he_may_keep_the_rural_birth_policy_until_10_march_2028_under_6_5(
) {
    let s = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("other_town")),
            (Field::CurrentHukou, json!("target_area")),
            (Field::RuralCollectiveMember, json!(true)),
            (Field::SettledOn, json!("2025-03-10")),
        ],
    );
    lists_of(&s, false, |l| {
        let birth = l.services.iter().find(|line| line.basis == ["6.5"]);
        let birth = birth.unwrap_or_else(|| panic!("6.5 is listed: {l:?}"));
        assert_eq!(
            birth.until.map(|d| d.to_string()).as_deref(),
            Some("2028-03-10")
        );
        assert!(birth.text.contains("农村生育政策"), "{}", birth.text);
        assert!(
            l.services.iter().all(|line| !line.text.contains('{')),
            "{l:?}"
        );
    });
}

#[test]
fn a_woman_without_a_hukou_whose_route_is_already_her_next_step_does_not_read_it_again_among_the_notices(
) {
    let s = after(
        Purpose::NoHukou,
        &[(Field::NoHukouReason, json!("no_birth_certificate"))],
    );
    let route = |l: &Lists| l.notices.iter().any(|n| n.text.contains("出生医学证明"));
    lists_of(&s, false, |l| {
        assert!(route(l), "the route is a notice: {l:?}")
    });
    lists_of(&s, true, |l| assert!(!route(l), "said once: {l:?}"));
}

#[test]
fn a_villager_settling_in_a_town_with_his_eight_year_old_son_and_his_wife_reads_that_nearby_schooling_is_for_his_son_and_that_both_share_the_rights_of_new_settlers(
) {
    let s = settler_with(
        &[
            (Field::TargetArea, json!("other_town")),
            (Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
            (Field::Residence, json!("owned")),
            (Field::RuralCollectiveMember, json!(true)),
        ],
        &[Relation::Spouse, Relation::Child],
        &[
            (relative(0, MemberField::LivesWithApplicant), json!(true)),
            (relative(1, MemberField::LivesWithApplicant), json!(true)),
            (relative(1, MemberField::BirthDate), json!("2018-05-01")),
            (relative(1, MemberField::Married), json!(false)),
        ],
    );
    lists_of(&s, false, |l| {
        let school = l.services.iter().find(|line| line.basis == ["6.4"]);
        let school = school.unwrap_or_else(|| panic!("6.4 is listed: {l:?}"));
        assert_eq!(school.relatives.len(), 1, "the son alone: {school:?}");
        assert!(school.relatives[0].contains("子女"), "{school:?}");
        // Services said of the person who settles name nobody.
        let others = l.services.iter().filter(|line| line.basis != ["6.4"]);
        assert!(
            others.into_iter().all(|line| line.relatives.is_empty()),
            "{l:?}"
        );
        let (rights, clause) = l.settlers_rights.unwrap_or_else(|| panic!("{l:?}"));
        assert_eq!(clause, "4.1");
        assert!(
            rights.contains("当地居民应当享有的政治、经济、文化、教育等权利"),
            "{rights}"
        );
    });
}

#[test]
fn a_renter_whose_only_listed_relative_is_his_married_daughter_is_not_told_of_the_rights_of_relatives_who_settle_with_him(
) {
    let s = settler_with(
        &renter(),
        &[Relation::Child],
        &[
            (relative(0, MemberField::LivesWithApplicant), json!(true)),
            (relative(0, MemberField::Married), json!(true)),
        ],
    );
    lists_of(&s, false, |l| {
        assert_eq!(l.relatives[0].may_join, MayJoin::No, "{l:?}");
        assert_eq!(l.settlers_rights, None, "{l:?}");
    });
}
