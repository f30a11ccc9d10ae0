//! The joining route's reading, one sentence per person who comes to family.

use std::rc::Rc;

use hukou_engine::policy::PathId;
use hukou_engine::MayJoin;
use serde_json::json;
use yew::Reducible;

use super::JoinReading;
use crate::reading::tests::{after, today};
use crate::state::typed::answer;
use crate::state::{Action, Purpose, Session, JOINER};
use hukou_engine::{Field, MemberField};

/// A session on the joining route with these answers given in turn.
fn joining(answers: &[(Field, serde_json::Value)]) -> Rc<Session> {
    after(Purpose::Join, answers)
}

fn reading(s: &Session) -> JoinReading {
    JoinReading::of(s.evaluation().as_ref().as_ref().unwrap()).unwrap()
}

fn me(f: MemberField) -> Field {
    Field::Member(JOINER, f)
}

#[test]
fn a_grandmother_who_comes_to_live_in_her_sons_flat_in_a_county_seat_may_register_there_under_3_2()
{
    let s = joining(&[
        (me(MemberField::Relation), json!("parent")),
        (Field::TargetArea, json!("county_seat_town")),
        (me(MemberField::LivesWithApplicant), json!(true)),
        (Field::Residence, json!("owned")),
    ]);
    let r = reading(&s);
    assert_eq!(r.may_join, MayJoin::Yes);
    assert_eq!(r.basis, ["3.2"]);
    assert_eq!(r.path, Some(PathId::TownSettlement));
    assert!(r.relative_lacks.is_empty() && r.own_reasons.is_empty());
    assert_eq!(
        s.next_question(),
        None,
        "nothing more is asked once she may come"
    );
}

#[test]
fn a_wife_who_comes_to_her_husband_in_the_central_city_is_asked_his_work_and_insurance_and_may_register_under_3_1(
) {
    let mut s = joining(&[
        (me(MemberField::Relation), json!("spouse")),
        (Field::TargetArea, json!("central_urban")),
        (me(MemberField::LivesWithApplicant), json!(true)),
        (Field::Residence, json!("rented_unregistered")),
    ]);
    let mut asked = Vec::new();
    while let Some(field) = s.next_question() {
        asked.push(field);
        s = s.reduce(answer(
            field,
            json!(if field == Field::Employment {
                json!("employed")
            } else {
                json!(true)
            }),
        ));
    }
    assert_eq!(asked, [Field::Employment, Field::UrbanSocialInsurance]);
    let r = reading(&s);
    assert_eq!(
        (r.may_join, r.basis.as_slice()),
        (MayJoin::Yes, &["3.1"][..])
    );
    assert_eq!(
        r.office.len(),
        1,
        "the lease's proof is the office's to judge: {:?}",
        r.office
    );
}

#[test]
fn a_grown_unmarried_daughter_who_comes_to_her_parents_is_asked_whether_she_is_married_and_may_register_with_them(
) {
    let s = joining(&[
        (me(MemberField::Relation), json!("child")),
        (Field::TargetArea, json!("other_town")),
        (me(MemberField::LivesWithApplicant), json!(true)),
    ]);
    assert!(s.open_questions().contains(&me(MemberField::Married)));
    let s = s.reduce(answer(me(MemberField::Married), json!(false)));
    let s = s.reduce(answer(Field::Residence, json!("rented")));
    let r = reading(&s);
    assert_eq!(
        (r.may_join, r.basis.as_slice()),
        (MayJoin::Yes, &["3.2"][..])
    );
}

#[test]
fn a_married_daughter_cannot_register_with_her_parents_and_is_told_it_is_her_marriage() {
    let s = joining(&[
        (me(MemberField::Relation), json!("child")),
        (Field::TargetArea, json!("other_town")),
        (me(MemberField::Married), json!(true)),
    ]);
    let r = reading(&s);
    assert_eq!(r.may_join, MayJoin::No);
    assert_eq!(r.own_reasons, ["unmarried_if_child"]);
}

#[test]
fn a_husband_without_insurance_in_the_central_city_is_what_keeps_his_wife_out() {
    let s = joining(&[
        (me(MemberField::Relation), json!("spouse")),
        (Field::TargetArea, json!("central_urban")),
        (me(MemberField::LivesWithApplicant), json!(true)),
        (Field::Residence, json!("owned")),
        (Field::Employment, json!("employed")),
        (Field::UrbanSocialInsurance, json!(false)),
    ]);
    let r = reading(&s);
    assert_eq!(r.may_join, MayJoin::No);
    assert_eq!(r.relative_lacks, ["urban_social_insurance"]);
    assert!(r.own_reasons.is_empty());
}

#[test]
fn the_person_is_asked_whom_they_come_to_first_and_never_their_own_hukou() {
    let s = joining(&[]);
    assert_eq!(s.next_question(), Some(me(MemberField::Relation)));
    assert!(!s.open_questions().contains(&Field::CurrentHukou));
}

#[test]
fn a_settler_who_lives_in_a_relatives_home_turns_to_joining_keeping_the_place_and_can_undo_it() {
    let s = Rc::new(Session::new(today()))
        .reduce(Action::BeginWith(Purpose::Settle))
        .reduce(answer(Field::TargetArea, json!("county_seat_town")))
        .reduce(answer(Field::CurrentHukou, json!("outside_chenzhou")));
    let s = s.reduce(Action::BeginWith(Purpose::Join));
    assert!(s.joining());
    assert_eq!(
        s.answers.value(Field::CurrentHukou),
        None,
        "her own hukou is not her son's"
    );
    assert!(s.answers.value(Field::TargetArea).is_some());
    assert_eq!(s.answers.relatives().len(), 1);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.purpose, Some(Purpose::Settle));
    assert!(s.answers.value(Field::CurrentHukou).is_some());
}

#[test]
fn a_wife_whose_husband_gets_insured_reads_that_she_may_now_register_with_him() {
    let s = joining(&[
        (me(MemberField::Relation), json!("spouse")),
        (Field::TargetArea, json!("central_urban")),
        (me(MemberField::LivesWithApplicant), json!(true)),
        (Field::Residence, json!("rented")),
        (Field::Employment, json!("employed")),
        (Field::UrbanSocialInsurance, json!(false)),
    ]);
    assert_eq!(reading(&s).may_join, MayJoin::No);
    let s = s
        .reduce(Action::ShowResults)
        .reduce(Action::Change(Field::UrbanSocialInsurance))
        .reduce(answer(Field::UrbanSocialInsurance, json!(true)));
    let r = reading(&s);
    assert_eq!(r.may_join, MayJoin::Yes, "{:?} {:?}", s.answers, s.screen);
}

#[test]
fn a_wife_who_comes_to_her_husband_in_a_township_reads_the_policys_line_on_why_a_township_is_no_town_and_no_path_is_named(
) {
    let s = joining(&[
        (me(MemberField::Relation), json!("spouse")),
        (Field::TargetArea, json!("not_a_town")),
    ]);
    let r = reading(&s);
    assert_eq!(r.place_why, Some("why.not_a_town"), "{r:?}");
    assert_eq!(r.path, None);
    let s = joining(&[(me(MemberField::Relation), json!("spouse"))]);
    assert_eq!(reading(&s).place_why, None, "no place named, nothing said");
}
