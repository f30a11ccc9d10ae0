//! Tests of `questions`.

use super::*;
use crate::i18n::Lang;

fn every_field() -> Vec<Field> {
    let members = hukou_engine::MemberField::ALL
        .iter()
        .map(|&f| Field::Member(0, f));
    Field::TOP_LEVEL.iter().copied().chain(members).collect()
}

fn has(lang: Lang, key: &str) -> bool {
    lang.texts().iter().any(|(k, _)| *k == key)
}

/// Keys built at run time (`q.<field>.help`, `choice.<group>.<word>`) exist in both languages.
#[test]
fn every_question_its_help_and_its_choices_have_texts_in_both_languages() {
    for field in every_field() {
        let q = question(field);
        let mut keys = vec![q.key.clone(), format!("{}.help", q.key)];
        match q.kind {
            Kind::Choice { group, words } | Kind::Place { group, words } => {
                keys.extend(words.iter().map(|w| format!("choice.{group}.{w}")))
            }
            Kind::Several { group, words } => {
                keys.extend(words.iter().map(|w| format!("choice.{group}.{w}")));
                keys.push(format!("choice.{group}.none"));
            }
            _ => {}
        }
        for lang in Lang::ALL {
            for key in &keys {
                assert!(has(lang, key), "{key} is missing in {lang:?}");
            }
        }
    }
}

#[test]
fn the_list_of_answers_names_the_relatives_listed_each_relation_once_with_how_many_and_says_none_when_none_are(
) {
    use hukou_engine::words::Relation;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut session = Session::new(today);
    let family = Field::TOP_LEVEL
        .iter()
        .copied()
        .find(|&f| question(f).kind == Kind::Family)
        .unwrap();
    session.answers.relatives_mut();
    let shown = |s: &Session| answer_label(s, family);
    assert_eq!(shown(&session), "没有");
    for relation in [
        Relation::Spouse,
        Relation::Parent,
        Relation::Child,
        Relation::Parent,
    ] {
        let member = hukou_engine::Member {
            relation: Some(relation),
            ..Default::default()
        };
        session.answers.relatives_mut().push(member);
    }
    assert_eq!(shown(&session), "配偶、父母（2位）、子女");
}

#[test]
fn someone_already_registered_is_asked_about_where_their_hukou_is_not_where_to_settle() {
    use crate::state::{Action, Purpose};
    use yew::Reducible;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let s = std::rc::Rc::new(Session::new(today)).reduce(Action::BeginWith(Purpose::Registered));
    assert_eq!(question_text(&s, Field::TargetArea), "你的户口落在哪里？");
    assert!(question_text(&s, Field::Employment).contains("户口所在的地方"));
    assert_eq!(
        help_key(&s, Field::SettledOn),
        "q.settled_on.registered.help"
    );
    // Someone settling is asked about the place they want.
    let s = std::rc::Rc::new(Session::new(today)).reduce(Action::BeginWith(Purpose::Settle));
    assert_eq!(question_text(&s, Field::TargetArea), "你想把户口落在哪里？");
    assert_eq!(help_key(&s, Field::SettledOn), "q.settled_on.help");
}

#[test]
fn every_relation_path_status_and_checklist_has_texts() {
    use hukou_engine::policy::PathId;
    use hukou_engine::words::Relation;
    let mut keys: Vec<String> = Relation::ALL
        .iter()
        .map(|r| format!("choice.relation.{}", r.word()))
        .collect();
    for id in PathId::ALL {
        keys.push(format!("checklist.{}", id.id()));
        keys.push(format!("checklist.{}.where", id.id()));
    }
    for status in ["eligible", "not_eligible", "undetermined"] {
        keys.push(format!("status.{status}"));
    }
    for join in ["yes", "no", "undetermined"] {
        keys.push(format!("join.{join}"));
    }
    for lang in Lang::ALL {
        for key in &keys {
            assert!(has(lang, key), "{key} is missing in {lang:?}");
        }
    }
}

#[test]
fn on_the_permits_route_a_hukou_already_there_means_where_the_person_lives() {
    let mut s = crate::state::Session::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    s.purpose = Some(Purpose::Permit);
    let label = choice_label(&s, Field::CurrentHukou, "target_area");
    assert_eq!(
        label,
        tr(Lang::Zh, "choice.current_hukou.permit.target_area")
    );
    assert!(!label.contains("落户"), "{label}");
    s.purpose = Some(Purpose::Settle);
    assert_eq!(
        choice_label(&s, Field::CurrentHukou, "target_area"),
        tr(Lang::Zh, "choice.current_hukou.target_area")
    );
}
