//! Which paths the results show and fold, one sentence per person.

use hukou_engine::outcome::Status;
use hukou_engine::policy::PathId;
use hukou_engine::Field;
use serde_json::json;
use yew::Reducible;

use super::{Fold, PathsReading};
use crate::reading::verdict::Verdict;
use crate::reading::words::if_you_knew;
use crate::state::{Action, Purpose};

fn after(purpose: Purpose, answers: &[(Field, serde_json::Value)]) -> PathsReading {
    let s = crate::reading::tests::after(purpose, answers);
    let judged = s.evaluation();
    let evaluation = judged.as_ref().as_ref().unwrap();
    PathsReading::of(&s, evaluation, Verdict::of(evaluation, s.purpose))
}

#[test]
fn parents_who_came_to_register_their_baby_see_the_newborn_path_alone_and_the_paths_not_asked_about_set_apart_as_not_asked(
) {
    let r = after(Purpose::Newborn, &[]);
    assert_eq!(r.shown, [(PathId::NewbornRegistration, Fold::Nothing)]);
    assert_eq!(r.not_applying.len(), 4, "{r:?}");
    let settling = r.not_applying.iter().filter(|(id, _)| id.settles());
    assert!(
        settling
            .into_iter()
            .all(|&(_, why)| why == "not_applying.unasked"),
        "{r:?}"
    );
}

#[test]
fn a_renter_who_may_settle_in_the_county_seat_sees_the_town_path_first_and_open_and_the_undecided_paths_folded_under_their_status(
) {
    let r = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("rented")),
        ],
    );
    assert_eq!(
        r.shown.first(),
        Some(&(PathId::TownSettlement, Fold::Nothing)),
        "{r:?}"
    );
    assert!(r.shown.len() > 1, "{r:?}");
    assert!(
        r.shown[1..].iter().all(|&(_, fold)| fold == Fold::Away),
        "{r:?}"
    );
    assert!(r
        .not_applying
        .contains(&(PathId::CentralUrbanSettlement, "not_applying.other_area")));
}

#[test]
fn a_man_registered_in_the_county_seat_already_has_no_settling_path_to_fail_and_what_is_left_folds_as_his_answer_is_that_his_hukou_is_here(
) {
    let r = after(
        Purpose::Registered,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::Employment, json!("employed")),
        ],
    );
    for id in [PathId::CentralUrbanSettlement, PathId::TownSettlement] {
        assert!(
            r.not_applying.contains(&(id, "not_applying.registered")),
            "{r:?}"
        );
    }
    assert!(r.shown.iter().all(|&(_, fold)| fold == Fold::Away), "{r:?}");
}

#[test]
fn a_settler_with_no_home_and_no_job_whose_answer_is_not_decided_yet_sees_every_path_left_unfolded_as_each_is_part_of_it(
) {
    let r = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("none")),
            (Field::Employment, json!("none")),
        ],
    );
    assert!(
        r.shown.iter().any(|&(id, _)| id == PathId::TownSettlement),
        "{r:?}"
    );
    assert!(
        r.shown.iter().all(|&(_, fold)| fold == Fold::Nothing),
        "{r:?}"
    );
}

#[test]
fn a_worker_unsure_whether_she_has_urban_insurance_is_told_what_the_central_city_path_would_be_with_each_answer(
) {
    let s = crate::reading::tests::after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("central_urban")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("rented")),
            (Field::Employment, json!("employed")),
        ],
    );
    let s = s.reduce(Action::Skip(Field::UrbanSocialInsurance));
    let lines = if_you_knew(
        &s,
        PathId::CentralUrbanSettlement,
        Field::UrbanSocialInsurance,
    );
    let statuses: Vec<Status> = lines.iter().map(|(_, status)| *status).collect();
    assert_eq!(
        statuses,
        [Status::Eligible, Status::NotEligible],
        "{lines:?}"
    );
    assert!(
        lines.iter().all(|(label, _)| !label.is_empty()),
        "{lines:?}"
    );
}

#[test]
fn parents_whose_baby_may_be_registered_find_whether_relatives_may_move_along_folded_away_as_it_follows_someone_who_settles(
) {
    let r = after(
        Purpose::Newborn,
        &[(Field::NewbornUnregistered, json!(true))],
    );
    assert!(r.relatives_aside, "{r:?}");
}

#[test]
fn a_renter_who_may_settle_in_the_county_seat_sees_whether_his_relatives_may_come_along_in_view() {
    let r = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("county_seat_town")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("rented")),
        ],
    );
    assert!(!r.relatives_aside, "{r:?}");
}

#[test]
fn a_worker_who_may_settle_in_the_central_city_and_may_also_have_a_permit_sees_settling_in_view_and_the_permit_folded_as_the_answer_says_it_beside(
) {
    let r = after(
        Purpose::Settle,
        &[
            (Field::TargetArea, json!("central_urban")),
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::Residence, json!("owned")),
            (Field::Employment, json!("employed")),
            (Field::UrbanSocialInsurance, json!(true)),
            (Field::MonthsResident, json!(24)),
        ],
    );
    assert_eq!(
        r.shown.first(),
        Some(&(PathId::CentralUrbanSettlement, Fold::Nothing)),
        "{r:?}"
    );
    assert!(
        r.shown.contains(&(PathId::ResidencePermit, Fold::Away)),
        "{r:?}"
    );
}

#[test]
fn a_man_five_months_in_the_city_who_came_for_a_permit_keeps_its_card_in_view_with_what_it_lacks_folded_as_the_answer_says_it(
) {
    let r = after(
        Purpose::Permit,
        &[
            (Field::CurrentHukou, json!("outside_chenzhou")),
            (Field::MonthsResident, json!(5)),
            (Field::Employment, json!("employed")),
            (Field::Residence, json!("rented")),
            (Field::Studying, json!(false)),
        ],
    );
    assert_eq!(r.shown, [(PathId::ResidencePermit, Fold::Reasons)], "{r:?}");
}
