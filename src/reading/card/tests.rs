//! One path's card, one sentence per person.

use hukou_engine::outcome::Status;
use hukou_engine::policy::PathId;
use hukou_engine::Field;
use serde_json::json;
use yew::Reducible;

use super::Card;
use crate::reading::tests::after;
use crate::state::{Action, Purpose, Session};

fn card(s: &Session, id: PathId) -> Card {
    let judged = s.evaluation();
    Card::of(s, judged.as_ref().as_ref().unwrap(), id)
}

#[test]
fn a_man_who_wants_to_settle_in_a_township_reads_why_a_township_is_not_a_designated_town_and_is_not_told_it_would_open(
) {
    let s = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("not_a_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
        ],
    );
    let c = card(&s, PathId::TownSettlement);
    assert_eq!(c.reasons, ["why.not_a_town"], "{c:?}");
    assert!(c.why_not.is_some(), "{c:?}");
    assert_eq!(c.opens, None, "where he lives is not his to change: {c:?}");
}

#[test]
fn a_worker_in_the_central_city_without_urban_insurance_reads_that_insurance_is_what_fails_and_that_with_it_the_path_would_open(
) {
    let s = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("central_urban")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("rented")),
            (Field::Employment, json!("employed")),
            (Field::UrbanSocialInsurance, json!(false)),
        ],
    );
    let c = card(&s, PathId::CentralUrbanSettlement);
    let why_not = c
        .why_not
        .as_deref()
        .unwrap_or_else(|| panic!("closed: {c:?}"));
    assert!(why_not.contains("社会保险"), "{why_not}");
    let opens = c
        .opens
        .as_deref()
        .unwrap_or_else(|| panic!("it would open: {c:?}"));
    assert!(
        opens.contains("社会保险") && opens.contains("中心城区"),
        "{opens}"
    );
    assert!(c.reasons.is_empty() && c.decide.is_none(), "{c:?}");
}

#[test]
fn a_renter_unsure_whether_he_has_a_home_in_the_county_seat_reads_what_each_answer_would_mean_for_settling_there(
) {
    let s = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
        ],
    )
    .reduce(Action::Skip(Field::Residence));
    let c = card(&s, PathId::TownSettlement);
    let Some((field, unsure)) = c.decide else {
        panic!("undecided: {c:?}")
    };
    assert_eq!(field, Field::Residence);
    let statuses: Vec<Status> = unsure.answers.iter().map(|(_, status)| *status).collect();
    assert!(statuses.contains(&Status::Eligible), "{unsure:?}");
    assert!(statuses.contains(&Status::NotEligible), "{unsure:?}");
}

#[test]
fn a_worker_whose_hukou_is_in_another_county_of_the_city_reads_that_663_speaks_of_other_cities_beside_the_residence_permit(
) {
    let s = after(
        Purpose::Permit,
        &[(Field::CurrentHukou, json!("elsewhere_in_chenzhou"))],
    );
    assert_eq!(
        card(&s, PathId::ResidencePermit).silent,
        Some("permit.within_city")
    );
    let s = after(
        Purpose::Permit,
        &[(Field::CurrentHukou, json!("outside_chenzhou"))],
    );
    assert_eq!(card(&s, PathId::ResidencePermit).silent, None);
}
