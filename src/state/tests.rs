//! Tests of `state`.

use super::*;
use crate::state::typed::answer;
use hukou_engine::policy::PathId;
use hukou_engine::words::Relation;
use hukou_engine::Facts;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn run(actions: Vec<Action>) -> Session {
    actions
        .into_iter()
        .fold(Rc::new(Session::new(today())), |s, a| s.reduce(a))
        .as_ref()
        .clone()
}

#[test]
fn the_first_question_is_the_engines_most_decisive() {
    let s = run(vec![Action::Begin]);
    assert_eq!(s.screen, Screen::Ask(Field::CurrentHukou));
}

#[test]
fn an_answer_moves_on_to_the_next_decisive_question() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
    ]);
    assert_eq!(
        s.answers.current_hukou.map(|h| h.word()),
        Some("elsewhere_in_chenzhou")
    );
    let facts = Facts::new(&s.answers, today()).unwrap();
    let next = hukou_engine::evaluate(&facts).outcome.missing[0];
    assert!(next != Field::CurrentHukou && next != Field::TargetArea);
    assert_eq!(s.screen, Screen::Ask(next));
}

#[test]
fn the_place_is_asked_before_a_question_about_it_even_when_that_one_decides_more() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
    ]);
    // The engine ranks the home first; "在你想落户的地方…" needs the place to be asked.
    let facts = Facts::new(&s.answers, today()).unwrap();
    assert_eq!(
        hukou_engine::evaluate(&facts).outcome.missing[0],
        Field::Residence
    );
    assert_eq!(s.screen, Screen::Ask(Field::TargetArea));
    let s = Rc::new(s).reduce(answer(Field::TargetArea, json!("central_urban")));
    assert!(s.open_questions().contains(&Field::Residence));
}

#[test]
fn back_returns_to_the_previous_question_and_keeps_every_answer() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
        Action::Back,
    ]);
    assert_eq!(s.screen, Screen::Ask(Field::TargetArea));
    assert!(s.answers.current_hukou.is_some() && s.answers.target_area.is_some());
    let s = Rc::new(s).reduce(Action::Back);
    assert_eq!(s.screen, Screen::Ask(Field::CurrentHukou));
    let s = s.reduce(Action::Back);
    assert_eq!(s.screen, Screen::Start);
    assert!(
        s.answers.target_area.is_some(),
        "Back never loses an answer"
    );
}

#[test]
fn forward_after_back_returns_to_the_screen_the_person_went_back_from_with_its_answer() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
    ]);
    let left = s.screen;
    let s = Rc::new(s).reduce(Action::Back).reduce(Action::Back);
    assert_eq!(s.screen, Screen::Ask(Field::CurrentHukou));
    let s = s.reduce(Action::Forward(Screen::Ask(Field::TargetArea)));
    assert_eq!(s.screen, Screen::Ask(Field::TargetArea));
    assert!(
        s.answers.target_area.is_some(),
        "Forward never loses an answer"
    );
    let s = s.reduce(Action::Forward(left));
    assert_eq!(s.screen, left);
    // A history entry's screen is the same screen when read back.
    for screen in [
        Screen::Start,
        Screen::Results,
        left,
        Screen::Ask(Field::Member(2, MemberField::BirthDate)),
    ] {
        assert_eq!(Screen::from_word(&screen.word()), Some(screen));
    }
}

#[test]
fn the_browsers_back_shows_the_screen_of_the_entry_it_lands_on_or_else_goes_back_a_question() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
    ]);
    // Back from a question reached by "continue" lands on the start screen the person left.
    let s = Rc::new(s).reduce(Action::BackTo(Screen::Start));
    assert_eq!(s.screen, Screen::Start);
    let s = s.reduce(Action::BackTo(Screen::Ask(Field::TargetArea)));
    assert_eq!(s.screen, Screen::Ask(Field::TargetArea));
    // An entry of a relative no longer listed: the question before the current one instead.
    let s = s.reduce(Action::BackTo(Screen::Ask(Field::Member(
        3,
        MemberField::Married,
    ))));
    assert_eq!(s.screen, Screen::Ask(Field::CurrentHukou));
}

#[test]
fn forward_to_a_question_no_longer_asked_shows_the_question_now_next() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
    ]);
    let next = s.screen;
    // A relative who is not listed has no questions: not theirs now.
    let s = Rc::new(s).reduce(Action::Forward(Screen::Ask(Field::Member(
        7,
        MemberField::BirthDate,
    ))));
    assert_eq!(s.screen, next);
}

#[test]
fn back_from_results_seen_early_returns_to_the_question_the_person_left() {
    let s = run(vec![Action::Begin, Action::ShowResults, Action::Back]);
    assert_eq!(s.screen, Screen::Ask(Field::CurrentHukou));
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        Action::ShowResults,
        Action::Back,
    ]);
    let left = s.next_question().expect("questions remain");
    assert_ne!(left, Field::CurrentHukou);
    assert_eq!(s.screen, Screen::Ask(left));
    // On an answered question gone back to, too.
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
        Action::Back,
        Action::ShowResults,
        Action::Back,
    ]);
    assert_eq!(s.screen, Screen::Ask(Field::TargetArea));
}

#[test]
fn not_sure_leaves_the_field_unanswered_and_is_not_asked_again() {
    let s = run(vec![Action::Begin, Action::Skip(Field::CurrentHukou)]);
    assert!(s.answers.current_hukou.is_none());
    assert_ne!(s.screen, Screen::Ask(Field::CurrentHukou));
}

#[test]
fn an_unsure_area_is_kept_as_unsure_and_stays_undecided() {
    let s = run(vec![Action::Begin, Action::Skip(Field::TargetArea)]);
    assert_eq!(s.answers.target_area, Some(TargetArea::Unsure));
    assert!(s
        .evaluation()
        .as_ref()
        .as_ref()
        .unwrap()
        .outcome
        .missing
        .contains(&Field::TargetArea));
}

#[test]
fn an_impossible_answer_is_refused_with_a_message_and_nothing_is_lost() {
    let s = run(vec![
        answer(Field::CurrentHukou, json!("target_area")),
        answer(Field::SettledOn, json!("2030-01-01")),
    ]);
    assert!(s.answers.settled_on.is_none());
    assert_eq!(s.error.as_deref(), Some("error.out_of_range"));
    assert!(s.answers.current_hukou.is_some());
}

#[test]
fn removing_a_relative_takes_their_skips_and_history_along_and_moves_later_ones_up() {
    // The reproduction: skip the spouse's living together, remove the spouse; the child's
    // question must be asked, not skipped in the spouse's place.
    let s = run(vec![
        Action::AddMember(Relation::Spouse),
        Action::AddMember(Relation::Child),
        Action::FamilyDone,
        Action::Skip(Field::Member(0, MemberField::LivesWithApplicant)),
        Action::RemoveMember(0),
    ]);
    assert_eq!(s.answers.family.as_ref().map(Vec::len), Some(1));
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    assert!(!s.history.iter().any(|f| matches!(f, Field::Member(..))));
    let child_question = Field::Member(0, MemberField::LivesWithApplicant);
    let facts = Facts::new(&s.answers, today()).unwrap();
    if hukou_engine::evaluate(&facts)
        .outcome
        .missing
        .contains(&child_question)
    {
        assert!(s.open_questions().contains(&child_question));
    }
}

#[test]
fn a_second_spouse_and_a_fifty_first_relative_are_refused_in_the_persons_language() {
    let s = run(vec![
        Action::AddMember(Relation::Spouse),
        Action::AddMember(Relation::Spouse),
    ]);
    assert_eq!(s.answers.family.as_ref().map(Vec::len), Some(1));
    assert_eq!(s.error.as_deref(), Some("relatives.one_spouse"));
    let s = run((0..51)
        .map(|_| Action::AddMember(Relation::Child))
        .collect());
    assert_eq!(s.answers.family.as_ref().map(Vec::len), Some(50));
    assert_eq!(s.error.as_deref(), Some("relatives.too_many"));
    assert!(
        s.evaluation().is_ok(),
        "the session never holds what the decoder refuses"
    );
}

#[test]
fn clearing_can_be_undone() {
    let s = run(vec![
        answer(Field::CurrentHukou, json!("none")),
        Action::Forget,
        Action::Undo,
    ]);
    assert_eq!(s.answers.current_hukou.map(|h| h.word()), Some("none"));
}

#[test]
fn changing_an_answer_from_the_results_returns_to_the_results_when_no_new_question_opens() {
    let s = run(vec![
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
        answer(Field::Residence, json!("rented")),
        Action::ShowResults,
        Action::Change(Field::Residence),
        answer(Field::Residence, json!("owned")),
    ]);
    assert_eq!(s.screen, Screen::Results);
}

#[test]
fn forgetting_starts_afresh_but_keeps_the_language_and_text_size() {
    let s = run(vec![
        Action::SetLang(Lang::En),
        Action::ToggleElderly,
        answer(Field::CurrentHukou, json!("none")),
        Action::Forget,
    ]);
    assert_eq!(s.answers, Answers::default());
    assert_eq!(
        (s.lang, s.elderly, s.screen),
        (Lang::En, true, Screen::Start)
    );
}

/// Answers the question shown from `answers` until the results, returning the fields asked.
fn answer_until_results(mut s: Rc<Session>, answers: &Value) -> (Rc<Session>, Vec<Field>) {
    let mut asked = Vec::new();
    while let Screen::Ask(field) = s.screen {
        assert!(asked.len() < 20, "asked {asked:?}");
        asked.push(field);
        let value = answers[field.name()].clone();
        s = s.reduce(answer(field, value));
    }
    (s, asked)
}

#[test]
fn someone_who_only_wants_a_residence_permit_is_asked_only_what_decides_it_and_then_sees_the_results(
) {
    let s = Rc::new(Session::new(today())).reduce(Action::BeginWith(Purpose::Permit));
    let answers = json!({"current_hukou": "outside_chenzhou", "months_resident": 8,
        "employment": "employed_without_contract", "residence": "owned", "studying": false});
    let (s, asked) = answer_until_results(s, &answers);
    assert_eq!(s.screen, Screen::Results);
    let permit_fields = [
        Field::CurrentHukou,
        Field::MonthsResident,
        Field::Employment,
        Field::Residence,
        Field::Studying,
    ];
    assert!(asked.iter().all(|f| permit_fields.contains(f)), "{asked:?}");
    let outcome = s.evaluation().as_ref().as_ref().unwrap().outcome.clone();
    assert_eq!(
        outcome.paths[PathId::ResidencePermit as usize].status,
        hukou_engine::outcome::Status::Eligible
    );
    assert!(
        s.unasked_elsewhere(),
        "the other paths are offered, not asked"
    );
    let s = s.reduce(Action::AskEverything);
    assert!(matches!(s.screen, Screen::Ask(_)));
    assert!(!s.unasked_elsewhere());
}

#[test]
fn parents_of_a_newborn_say_so_once_and_see_the_registration_at_once() {
    let s = run(vec![Action::BeginWith(Purpose::Newborn)]);
    assert_eq!(s.answers.newborn_unregistered, Some(true));
    assert_eq!(s.screen, Screen::Results);
    assert_eq!(s.purpose, Some(Purpose::Newborn));
    // Back goes to the start screen they chose on, not to a question they never saw.
    let s = Rc::new(s).reduce(Action::Back);
    assert_eq!(s.screen, Screen::Start);
}

#[test]
fn a_person_without_a_hukou_is_asked_why_so_that_the_right_route_of_4_1_is_shown() {
    let s = run(vec![Action::BeginWith(Purpose::NoHukou)]);
    assert_eq!(s.answers.current_hukou.map(|h| h.word()), Some("none"));
    assert_eq!(s.screen, Screen::Ask(Field::NoHukouReason));
    let s = Rc::new(s).reduce(answer(Field::NoHukouReason, json!("other")));
    assert_eq!(s.screen, Screen::Results);
}

#[test]
fn someone_already_registered_says_so_on_the_start_screen_and_is_asked_the_rest() {
    let s = run(vec![Action::BeginWith(Purpose::Registered)]);
    assert_eq!(
        s.answers.current_hukou.map(|h| h.word()),
        Some("target_area")
    );
    assert!(matches!(s.screen, Screen::Ask(_)));
}

#[test]
fn a_place_picked_is_remembered_with_the_kind_of_area_it_counts_as() {
    let s = run(vec![
        Action::Begin,
        Action::PickPlace("玉溪镇", TargetArea::CountySeatTown),
    ]);
    assert_eq!(s.place, Some("玉溪镇"));
    assert_eq!(s.answers.target_area, Some(TargetArea::CountySeatTown));
    let s = Rc::new(s).reduce(answer(Field::TargetArea, json!("other_town")));
    assert_eq!(
        s.place, None,
        "a kind chosen by hand is no longer that place's"
    );
}

#[test]
fn a_child_is_asked_whether_of_school_age_before_any_birth_date_and_one_answer_replaces_the_other()
{
    let mut s = Session::new(today());
    s.answers = Answers::from_json(
        r#"{"target_area":"county_seat_town","current_hukou":"elsewhere_in_chenzhou",
            "residence":"owned","rural_collective_member":true,
            "family":[{"relation":"child","lives_with_applicant":true,"married":false}]}"#,
    )
    .unwrap();
    let school_age = Field::Member(0, MemberField::SchoolAge);
    let birth_date = Field::Member(0, MemberField::BirthDate);
    let open = s.open_questions();
    let position = |f| open.iter().position(|&g| g == f);
    assert!(position(school_age) < position(birth_date), "{open:?}");
    let s = Rc::new(s).reduce(answer(school_age, json!(false)));
    assert!(
        !s.open_questions().contains(&birth_date),
        "a birth date is not asked once school age is said"
    );
    let s = s.reduce(answer(birth_date, json!("2016-06-01")));
    assert_eq!(s.error, None);
    let member = &s.answers.family.as_ref().unwrap()[0];
    assert_eq!(
        (member.school_age, member.birth_date.is_some()),
        (None, true)
    );
}

/// Walks a session whose family is a spouse and a child: each relative's question answered by
/// `member`, the others from `script` ("not sure" where it has none). The screen asked and the
/// progress shown on it, at each step; then the last state.
type Walked = (Vec<(Screen, (usize, usize, usize))>, Rc<Session>);
fn walk_with_spouse_and_child(script: &Value, member: fn(MemberField) -> Value) -> Walked {
    let mut s = Rc::new(Session::new(today())).reduce(Action::Begin);
    let mut steps = Vec::new();
    for _ in 0..40 {
        steps.push((s.screen, s.progress()));
        s = match s.screen {
            Screen::Ask(Field::Family) => {
                let s = s.reduce(Action::AddMember(Relation::Spouse));
                let s = s.reduce(Action::AddMember(Relation::Child));
                s.reduce(Action::FamilyDone)
            }
            Screen::Ask(field @ Field::Member(_, asked)) => s.reduce(answer(field, member(asked))),
            Screen::Ask(field) => match script.get(field.name()) {
                Some(value) => s.reduce(answer(field, value.clone())),
                None => s.reduce(Action::Skip(field)),
            },
            _ => {
                steps.pop();
                break;
            }
        };
    }
    (steps, s)
}

#[test]
fn a_renter_who_lists_her_husband_and_a_son_is_told_how_many_of_their_questions_are_left_and_the_number_goes_down_with_each_answer(
) {
    let script = json!({"current_hukou": "elsewhere_in_chenzhou", "target_area": "county_seat_town",
        "residence": "rented"});
    let (steps, _) = walk_with_spouse_and_child(&script, |asked| match asked {
        MemberField::BirthDate => json!("2001-03-01"),
        MemberField::Married => json!(false),
        _ => json!(true),
    });
    let counted: Vec<usize> = (steps.iter())
        .filter(|(screen, _)| matches!(screen, Screen::Ask(Field::Member(..))))
        .map(|(_, (_, _, relatives))| *relatives)
        .collect();
    assert!(counted.len() >= 2, "the relatives were asked: {counted:?}");
    // About: what is left may be settled by an earlier answer (an age that says unmarried).
    assert!(
        counted[0] >= counted.len(),
        "fewer counted than asked: {counted:?}"
    );
    assert!(counted.windows(2).all(|w| w[1] < w[0]), "{counted:?}");
}

#[test]
fn the_count_of_steps_left_never_grows_while_answers_are_only_added_relatives_included() {
    let script = json!({"current_hukou": "elsewhere_in_chenzhou", "target_area": "county_seat_town",
        "residence": "rented", "rural_collective_member": true, "newborn_unregistered": false,
        "priority_groups": [], "seeking_work": false, "child_enlisted_before_transfer": false,
        "bereaved_military_family": false, "months_resident": 14, "studying": false,
        "settled_on": "2024-05-10", "urban_social_insurance": false, "employment": "employed"});
    let (steps, s) = walk_with_spouse_and_child(&script, |_| json!(true));
    let shown = (steps.iter().map(|&(screen, (_, left, _))| (screen, left)))
        .chain([(s.screen, s.progress().1)]);
    let shown: Vec<(Screen, usize)> = shown.collect();
    for pair in shown.windows(2) {
        let ((_, left), (screen, now)) = (pair[0], pair[1]);
        assert!(
            now <= left,
            "the count grew from {left} to {now} at {screen:?}"
        );
    }
    assert_eq!(s.screen, Screen::Results);
}

#[test]
fn when_nothing_is_left_to_ask_the_results_are_shown() {
    let mut s = Session::new(today());
    s.answers = Answers::from_json(
        r#"{"target_area":"not_a_town","current_hukou":"outside_chenzhou","months_resident":2,
            "newborn_unregistered":false,"priority_groups":[]}"#,
    )
    .unwrap();
    let s = Rc::new(s).reduce(Action::Begin);
    assert_eq!(s.screen, Screen::Results);
}

fn link(fragment: &str) -> Action {
    Action::OpenLink(
        crate::saved::decode_link(fragment, today())
            .unwrap()
            .unwrap(),
    )
}

#[test]
fn a_link_opened_in_a_tab_already_in_use_offers_its_answers_and_replaces_nothing_by_itself() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        link(r#"#a={"current_hukou":"outside_chenzhou","residence":"rented"}"#),
    ]);
    assert_eq!(s.notice, Some("notice.incoming"));
    assert_eq!(
        s.answers.current_hukou.map(|h| h.word()),
        Some("elsewhere_in_chenzhou")
    );
    let s = Rc::new(s).reduce(Action::UseIncoming);
    assert_eq!(
        s.answers.current_hukou.map(|h| h.word()),
        Some("outside_chenzhou")
    );
    assert_eq!(s.screen, Screen::Results);
}

#[test]
fn a_link_opened_before_any_answer_shows_its_results_and_names_what_it_dropped() {
    let s = run(vec![link(
        r#"#a={"current_hukou":"outside_chenzhou","settled_on":"2090-01-01"}"#,
    )]);
    assert_eq!(s.screen, Screen::Results);
    assert_eq!(s.notice, Some("notice.link_partly"));
    assert_eq!(s.dropped, vec!["settled_on".to_owned()]);
}

#[test]
fn each_relatives_questions_come_together_in_the_order_they_were_listed_age_before_marriage() {
    let mut s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("outside_chenzhou")),
        answer(Field::TargetArea, json!("county_seat_town")),
        answer(Field::Residence, json!("rented")),
    ]);
    let mut asked = Vec::new();
    for _ in 0..40 {
        let next = match s.screen {
            Screen::Ask(Field::Family) => {
                let mut t = s.clone();
                for relation in [Relation::Child, Relation::Parent, Relation::Child] {
                    t = Rc::new(t)
                        .reduce(Action::AddMember(relation))
                        .as_ref()
                        .clone();
                }
                Rc::new(t).reduce(Action::FamilyDone)
            }
            Screen::Ask(field @ Field::Member(i, kind)) => {
                asked.push((i, kind));
                let value = match kind {
                    MemberField::BirthDate => json!("2002-03-01"),
                    MemberField::SchoolAge | MemberField::Married => json!(false),
                    _ => json!(true),
                };
                Rc::new(s.clone()).reduce(answer(field, value))
            }
            Screen::Ask(field) => Rc::new(s.clone()).reduce(Action::Skip(field)),
            _ => break,
        };
        s = next.as_ref().clone();
    }
    let relatives: Vec<u16> = asked.iter().map(|&(i, _)| i).collect();
    let mut in_order = relatives.clone();
    in_order.sort();
    assert_eq!(relatives, in_order, "asked {asked:?}");
    for (i, _) in &asked {
        let kinds: Vec<MemberField> = (asked.iter())
            .filter(|(j, _)| j == i)
            .map(|&(_, k)| k)
            .collect();
        let married = kinds.iter().position(|k| *k == MemberField::Married);
        let age = (kinds.iter())
            .position(|k| matches!(k, MemberField::BirthDate | MemberField::SchoolAge));
        if let (Some(married), Some(age)) = (married, age) {
            assert!(age < married, "relative {i}: {kinds:?}");
        }
    }
    assert!(
        asked.iter().any(|(_, k)| *k == MemberField::Married),
        "{asked:?}"
    );
}

/// Answers every question asked with the script's value (relatives as listed, unmarried, living
/// together, not of school age, born in 2025; the person joining family a child), and returns
/// the questions asked.
fn walk(purpose: Option<Purpose>, script: serde_json::Value, relatives: &[Relation]) -> Vec<Field> {
    let mut s = run(vec![purpose.map_or(Action::Begin, Action::BeginWith)]);
    let mut asked = Vec::new();
    for _ in 0..60 {
        let Screen::Ask(field) = s.screen else { break };
        asked.push(field);
        let action = match field {
            Field::Family => {
                for &relation in relatives {
                    s = Rc::new(s)
                        .reduce(Action::AddMember(relation))
                        .as_ref()
                        .clone();
                }
                Action::FamilyDone
            }
            Field::Member(_, MemberField::Relation) => answer(field, json!("child")),
            Field::Member(_, MemberField::BirthDate) => answer(field, json!("2025-03-01")),
            Field::Member(_, MemberField::Married | MemberField::SchoolAge) => {
                answer(field, json!(false))
            }
            Field::Member(..) => answer(field, json!(true)),
            _ => match script.get(field.name()) {
                Some(value) => answer(field, value.clone()),
                None => Action::Skip(field),
            },
        };
        s = Rc::new(s).reduce(action).as_ref().clone();
    }
    asked
}

#[test]
fn a_worker_with_a_job_is_never_asked_whether_they_are_looking_for_work_nor_a_retiree_whether_studying(
) {
    for employment in [
        "employed",
        "self_employed",
        "employed_without_contract",
        "retired",
    ] {
        let script = json!({"current_hukou": "outside_chenzhou", "target_area": "county_seat_town",
            "residence": "none", "rural_collective_member": true, "employment": employment});
        let asked = walk(Some(Purpose::Settle), script, &[]);
        assert!(
            !asked.contains(&Field::SeekingWork),
            "{employment}: {asked:?}"
        );
        if employment == "retired" {
            assert!(!asked.contains(&Field::Studying), "{employment}: {asked:?}");
        }
    }
}

#[test]
fn a_settler_who_lists_no_young_child_is_not_asked_about_an_unregistered_baby_one_with_a_toddler_is(
) {
    let script = json!({"current_hukou": "outside_chenzhou", "target_area": "county_seat_town",
        "residence": "rented", "rural_collective_member": true});
    let asked = walk(Some(Purpose::Settle), script.clone(), &[Relation::Spouse]);
    assert!(!asked.contains(&Field::NewbornUnregistered), "{asked:?}");
    let asked = walk(
        Some(Purpose::Settle),
        script,
        &[Relation::Spouse, Relation::Child],
    );
    assert!(asked.contains(&Field::NewbornUnregistered), "{asked:?}");
}

#[test]
fn the_military_family_and_priority_group_questions_wait_for_the_person_to_say_one_may_be_theirs() {
    let script = json!({"current_hukou": "outside_chenzhou", "target_area": "county_seat_town",
        "residence": "rented", "rural_collective_member": true});
    let asked = walk(None, script, &[]);
    for field in hukou_engine::field::NOW_AND_THEN {
        assert!(!asked.contains(&field), "{field:?} asked: {asked:?}");
    }
    let mut s = Session::new(today());
    s.answers = Answers::from_json(
        r#"{"current_hukou":"outside_chenzhou","target_area":"county_seat_town","residence":"rented",
            "rural_collective_member":true,"family":[]}"#,
    )
    .unwrap();
    let s = Rc::new(s).reduce(Action::ShowResults);
    assert!(s.now_and_then_unasked());
    let now_and_then = |s: &Session| {
        (s.open_questions().into_iter())
            .filter(|f| hukou_engine::field::NOW_AND_THEN.contains(f))
            .count()
    };
    assert_eq!(now_and_then(&s), 0);
    let s = s.reduce(Action::AskEverything);
    assert_eq!(now_and_then(&s), 3, "{:?}", s.open_questions());
    assert!(!s.now_and_then_unasked());
}

#[test]
fn results_that_cannot_be_judged_take_the_person_to_the_answer_refused_with_every_other_kept() {
    // Moved in on 1 December, judged on 28 November (the phone's clock turned out wrong).
    let mut s = Session::new(today());
    s.answers = Answers::from_json(
        r#"{"current_hukou":"target_area","target_area":"county_seat_town","settled_on":"2026-12-01"}"#,
    )
    .unwrap();
    s.screen = Screen::Results;
    let s = Rc::new(s).reduce(Action::Redraw);
    assert_eq!(s.screen, Screen::Ask(Field::SettledOn));
    assert!(s.error.is_some());
    assert!(s.answers.target_area.is_some() && s.answers.current_hukou.is_some());
}

/// What one tap's screen reads of the session: the questions, the step count, the offers on the
/// results and the reading of the outcome.
fn draw(s: &Session) {
    s.next_question();
    s.progress();
    s.now_and_then_unasked();
    s.unasked_elsewhere();
    if let Ok(evaluation) = &*s.evaluation() {
        crate::reading::bottom::BottomLine::of(s, evaluation);
        crate::reading::checklist::checklists(s, evaluation);
    }
}

fn evaluations() -> usize {
    judged::EVALUATIONS.with(|n| n.get())
}

#[test]
fn one_tap_asks_the_engine_once_whatever_the_screen_it_leads_to_reads() {
    let script = json!({"current_hukou": "elsewhere_in_chenzhou", "target_area": "county_seat_town",
        "residence": "rented", "rural_collective_member": false, "seeking_work": false,
        "months_resident": 14, "settled_on": "2024-05-10", "urban_social_insurance": true,
        "employment": "employed"});
    let mut s = Rc::new(Session::new(today()));
    let mut taps = 0;
    let mut tap = |s: Rc<Session>, action: Action| {
        let before = evaluations();
        let s = s.reduce(action);
        draw(&s);
        draw(&s);
        let asked = evaluations() - before;
        assert!(
            asked <= 1,
            "a tap asked the engine {asked} times, on {:?}",
            s.screen
        );
        taps += 1;
        s
    };
    s = tap(s, Action::Begin);
    for _ in 0..40 {
        s = match s.screen {
            Screen::Ask(Field::Family) => {
                let s = tap(s, Action::AddMember(Relation::Child));
                tap(s, Action::FamilyDone)
            }
            Screen::Ask(field @ Field::Member(_, MemberField::BirthDate)) => {
                tap(s, answer(field, json!("2016-03-01")))
            }
            Screen::Ask(field @ Field::Member(..)) => tap(s, answer(field, json!(true))),
            Screen::Ask(field) => match script.get(field.name()) {
                Some(value) => tap(s, answer(field, value.clone())),
                None => tap(s, Action::Skip(field)),
            },
            _ => break,
        };
    }
    assert_eq!(s.screen, Screen::Results);
    let s = tap(s, Action::Change(Field::Residence));
    let s = tap(s, answer(Field::Residence, json!("owned")));
    let s = tap(s, Action::Back);
    tap(s, Action::ShowResults);
    for purpose in Purpose::ALL {
        tap(Rc::new(Session::new(today())), Action::BeginWith(purpose));
    }
    assert!(taps > 8, "the walk took {taps} taps");
}

#[test]
fn after_clearing_the_answers_the_phones_back_lands_on_the_start_not_on_empty_results() {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("outside_chenzhou")),
        Action::ShowResults,
        Action::Forget,
        Action::BackTo(Screen::Results),
    ]);
    assert_eq!(s.screen, Screen::Start);
    assert!(
        s.history.is_empty() && s.undo.is_some(),
        "清除 can still be undone"
    );
}

#[test]
fn after_clearing_the_answers_the_phones_back_to_a_question_of_before_lands_on_the_start_not_on_that_question_emptied(
) {
    let s = run(vec![
        Action::Begin,
        answer(Field::CurrentHukou, json!("outside_chenzhou")),
        answer(Field::TargetArea, json!("central_urban")),
        Action::Forget,
        Action::BackTo(Screen::Ask(Field::TargetArea)),
    ]);
    assert_eq!(s.screen, Screen::Start);
    assert!(s.undo.is_some(), "清除 can still be undone");
}

#[test]
fn someone_who_asks_for_the_results_before_answering_anything_and_taps_back_returns_to_the_question_they_were_on(
) {
    let first = run(vec![Action::Begin]).screen;
    let Screen::Ask(field) = first else {
        panic!("the first question: {first:?}")
    };
    let s = run(vec![
        Action::Begin,
        Action::ShowResults,
        Action::BackTo(Screen::Ask(field)),
    ]);
    assert_eq!(s.screen, Screen::Ask(field));
}

#[test]
fn a_child_under_twenty_is_never_asked_whether_married_and_a_grown_daughter_joining_her_parents_is_asked_that_not_her_age(
) {
    let script = json!({"current_hukou": "target_area", "target_area": "county_city_urban"});
    let school_child = walk(
        Some(Purpose::Registered),
        script.clone(),
        &[Relation::Child],
    );
    assert!(
        school_child.contains(&Field::Member(0, MemberField::SchoolAge)),
        "{school_child:?}"
    );
    let mut s = run(vec![Action::BeginWith(Purpose::Registered)]);
    for (field, value) in [
        (Field::CurrentHukou, json!("target_area")),
        (Field::TargetArea, json!("county_city_urban")),
    ] {
        s = Rc::new(s).reduce(answer(field, value)).as_ref().clone();
    }
    s = Rc::new(s)
        .reduce(Action::AddMember(Relation::Child))
        .as_ref()
        .clone();
    s = Rc::new(s).reduce(Action::FamilyDone).as_ref().clone();
    for (field, value) in [
        (
            Field::Member(0, MemberField::LivesWithApplicant),
            json!(true),
        ),
        (Field::Member(0, MemberField::SchoolAge), json!(true)),
    ] {
        s = Rc::new(s).reduce(answer(field, value)).as_ref().clone();
    }
    assert!(
        !s.open_questions()
            .contains(&Field::Member(0, MemberField::Married)),
        "{:?}",
        s.open_questions()
    );
    let joining = walk(
        Some(Purpose::Join),
        json!({"target_area": "county_seat_town", "residence": "owned"}),
        &[],
    );
    assert!(
        joining.contains(&Field::Member(0, MemberField::Married)),
        "{joining:?}"
    );
    assert!(
        !joining.iter().any(|f| matches!(
            f,
            Field::Member(0, MemberField::BirthDate | MemberField::SchoolAge)
        )),
        "{joining:?}"
    );
}
