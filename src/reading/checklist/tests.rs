//! What to bring, one sentence per person.

use hukou_engine::policy::PathId;
use hukou_engine::words::Relation;
use hukou_engine::{Field, MemberField};
use serde_json::json;
use yew::Reducible;

use super::{checklists, Checklist};
use crate::i18n::{tr, Lang};
use crate::state::typed::answer;
use crate::state::{Action, Purpose};

/// A renter in the county seat who lists these relatives, each living with him.
fn renter_in_the_county_seat(relatives: &[Relation]) -> Vec<Checklist> {
    let mut s = crate::reading::tests::after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("rented")),
        ],
    );
    for (i, &kin) in relatives.iter().enumerate() {
        s = s.reduce(Action::AddMember(kin));
        let lives_with = Field::Member(i as u16, MemberField::LivesWithApplicant);
        s = s.reduce(answer(lives_with, json!(true)));
    }
    s = s.reduce(Action::FamilyDone);
    let judged = s.evaluation();
    checklists(&s, judged.as_ref().as_ref().unwrap())
}

fn asks_for_relatives_proof(lists: &[Checklist]) -> bool {
    let town = lists.iter().find(|c| c.path == PathId::TownSettlement);
    let town = town.unwrap_or_else(|| panic!("the town path is open: {lists:?}"));
    let proof = tr(Lang::Zh, "checklist.relatives");
    town.items.iter().any(|item| item == proof)
}

#[test]
fn a_renter_settling_in_the_county_seat_alone_is_not_asked_for_proof_of_relationship_to_relatives_who_do_not_move(
) {
    assert!(!asks_for_relatives_proof(&renter_in_the_county_seat(&[])));
}

#[test]
fn a_renter_settling_in_the_county_seat_with_his_wife_brings_proof_of_their_marriage() {
    assert!(asks_for_relatives_proof(&renter_in_the_county_seat(&[
        Relation::Spouse
    ])));
}

#[test]
fn a_worker_who_may_settle_in_the_central_city_and_may_also_ask_for_a_residence_permit_has_the_permits_list_folded_under_its_title(
) {
    let s = crate::reading::tests::after(
        Purpose::Settle,
        &[
            (Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
            (Field::TargetArea, json!("central_urban")),
            (Field::Residence, json!("rented")),
            (Field::Employment, json!("employed")),
            (Field::UrbanSocialInsurance, json!(true)),
            (Field::MonthsResident, json!(14)),
        ],
    );
    let judged = s.evaluation();
    let lists = checklists(&s, judged.as_ref().as_ref().unwrap());
    let aside = |id: PathId| lists.iter().find(|c| c.path == id).map(|c| c.aside);
    assert_eq!(
        aside(PathId::CentralUrbanSettlement),
        Some(false),
        "{lists:?}"
    );
    assert_eq!(aside(PathId::ResidencePermit), Some(true), "{lists:?}");
}
