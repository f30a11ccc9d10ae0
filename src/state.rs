//! The session: one state and one reducer. Pure (no browser calls), so it is tested natively;
//! the app saves it in an effect, never inside `reduce`.

use std::rc::Rc;

use chrono::NaiveDate;
use hukou_engine::words::TargetArea;
use hukou_engine::{evaluate, Answers, Evaluation, Facts, Field, InputError, Member, MemberField};
use serde_json::{json, Map, Value};
use yew::Reducible;

use crate::i18n::Lang;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Ask(Field),
    Results,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The device's date, fixed when the page opened.
    pub today: NaiveDate,
    pub answers: Answers,
    /// Questions the person answered "not sure" or "not yet": not asked again unless chosen.
    pub skipped: Vec<Field>,
    /// Questions answered, in order, for Back.
    pub history: Vec<Field>,
    pub screen: Screen,
    pub lang: Lang,
    pub elderly: bool,
    /// A message to show once (an i18n key).
    pub notice: Option<&'static str>,
    /// Why the last answer was refused, if it was.
    pub error: Option<String>,
}

pub enum Action {
    Begin,
    /// Set a field to a JSON value as the contract writes it.
    Answer(Field, Value),
    /// "Not sure" / "not yet": leave the field unanswered and move on.
    Skip(Field),
    SetFamily(Vec<Member>),
    RemoveMember(usize),
    Back,
    /// Go to a question to change its answer.
    Change(Field),
    ShowResults,
    ToggleLang,
    ToggleElderly,
    Forget,
    DismissNotice,
}

impl Session {
    pub fn new(today: NaiveDate) -> Session {
        Session {
            today,
            answers: Answers::default(),
            skipped: Vec::new(),
            history: Vec::new(),
            screen: Screen::Start,
            lang: Lang::Zh,
            elderly: false,
            notice: None,
            error: None,
        }
    }

    /// The engine's view of the current answers.
    pub fn evaluation(&self) -> Result<Evaluation, InputError> {
        Facts::new(&self.answers, self.today).map(|facts| evaluate(&facts))
    }

    /// The most decisive question not yet answered or skipped.
    pub fn next_question(&self) -> Option<Field> {
        let evaluation = self.evaluation().ok()?;
        evaluation
            .outcome
            .missing
            .into_iter()
            .find(|f| !self.skipped.contains(f))
    }

    fn next_screen(&self) -> Screen {
        self.next_question().map_or(Screen::Results, Screen::Ask)
    }

    /// How many questions were answered, and how many are still worth asking.
    pub fn progress(&self) -> (usize, usize) {
        let left = self
            .evaluation()
            .map(|e| {
                e.outcome
                    .missing
                    .iter()
                    .filter(|f| !self.skipped.contains(f))
                    .count()
            })
            .unwrap_or(0);
        (self.history.len(), left)
    }

    fn remember(&mut self, field: Field) {
        self.history.retain(|f| *f != field);
        self.history.push(field);
    }

    fn answer(&mut self, field: Field, value: Value) {
        match with_answer(&self.answers, field, Some(value))
            .and_then(|a| Facts::new(&a, self.today).map(|_| a))
        {
            Ok(answers) => {
                self.answers = answers;
                self.skipped.retain(|f| *f != field);
                self.remember(field);
                self.error = None;
                self.screen = self.next_screen();
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    fn skip(&mut self, field: Field) {
        if field == Field::TargetArea {
            self.answers.target_area = Some(TargetArea::Unsure);
        } else if let Ok(answers) = with_answer(&self.answers, field, None) {
            self.answers = answers;
        }
        if !self.skipped.contains(&field) {
            self.skipped.push(field);
        }
        self.remember(field);
        self.error = None;
        self.screen = self.next_screen();
    }

    fn remove_member(&mut self, index: usize) {
        let Some(family) = self.answers.family.as_mut() else {
            return;
        };
        if index >= family.len() {
            return;
        }
        family.remove(index);
        // Questions about later relatives move up by one; those about this one go.
        let shift = |fields: &mut Vec<Field>| {
            fields.retain(|f| !matches!(f, Field::Member(i, _) if *i as usize == index));
            for f in fields.iter_mut() {
                if let Field::Member(i, member_field) = *f {
                    if i as usize > index {
                        *f = Field::Member(i - 1, member_field);
                    }
                }
            }
        };
        shift(&mut self.skipped);
        shift(&mut self.history);
    }

    fn back(&mut self) {
        self.error = None;
        let current = match self.screen {
            Screen::Ask(field) => Some(field),
            _ => None,
        };
        // The question before the current one (the current one may be in history if revisited).
        let position = current.and_then(|f| self.history.iter().position(|h| *h == f));
        let previous = match position {
            Some(0) => None,
            Some(p) => Some(self.history[p - 1]),
            None => self.history.last().copied(),
        };
        self.screen = match (self.screen, previous) {
            (Screen::Start, _) => Screen::Start,
            (_, Some(field)) => Screen::Ask(field),
            (_, None) => Screen::Start,
        };
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Begin => s.screen = s.next_screen(),
            Action::Answer(field, value) => s.answer(field, value),
            Action::Skip(field) => s.skip(field),
            Action::SetFamily(members) => {
                s.answers.family = Some(members);
                s.skipped.retain(|f| *f != Field::Family);
                s.remember(Field::Family);
                s.screen = s.next_screen();
            }
            Action::RemoveMember(index) => s.remove_member(index),
            Action::Back => s.back(),
            Action::Change(field) => {
                s.error = None;
                s.screen = Screen::Ask(field);
            }
            Action::ShowResults => {
                s.error = None;
                s.screen = Screen::Results;
            }
            Action::ToggleLang => s.lang = s.lang.other(),
            Action::ToggleElderly => s.elderly = !s.elderly,
            Action::Forget => {
                s = Session {
                    lang: s.lang,
                    elderly: s.elderly,
                    ..Session::new(s.today)
                };
                s.notice = Some("forget.done");
            }
            Action::DismissNotice => s.notice = None,
        }
        Rc::new(s)
    }
}

/// The answers with one field set (or cleared), checked by the engine's own decoder.
pub fn with_answer(
    answers: &Answers,
    field: Field,
    value: Option<Value>,
) -> Result<Answers, InputError> {
    let mut json = serde_json::to_value(answers).expect("answers serialise");
    let object = json.as_object_mut().expect("answers are an object");
    match field {
        Field::Member(index, member_field) => {
            let family = object.entry("family").or_insert_with(|| json!([]));
            if let Some(member) = family
                .get_mut(index as usize)
                .and_then(Value::as_object_mut)
            {
                set(member, member_field.name(), value);
            }
        }
        other => set(object, other.name(), value),
    }
    Answers::from_value(&json)
}

fn set(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    match value {
        Some(value) => object.insert(key.to_owned(), value),
        None => object.remove(key),
    };
}

/// A relative's relation as a label key, for headings such as "Relative 2 (child)".
pub fn member_relation(answers: &Answers, index: usize) -> Option<&'static str> {
    let member = answers.family.as_ref()?.get(index)?;
    member.relation.map(|r| r.word())
}

/// The member field a question is about, if any.
pub fn member_of(field: Field) -> Option<(usize, MemberField)> {
    match field {
        Field::Member(i, f) => Some((i as usize, f)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hukou_engine::words::Relation;

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
            Action::Answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
        ]);
        assert_eq!(
            s.answers.current_hukou.map(|h| h.word()),
            Some("elsewhere_in_chenzhou")
        );
        let facts = Facts::new(&s.answers, today()).unwrap();
        let next = hukou_engine::evaluate(&facts).outcome.missing[0];
        assert_ne!(next, Field::CurrentHukou);
        assert_eq!(s.screen, Screen::Ask(next));
    }

    #[test]
    fn back_returns_to_the_previous_question_and_keeps_every_answer() {
        let s = run(vec![
            Action::Begin,
            Action::Answer(Field::CurrentHukou, json!("elsewhere_in_chenzhou")),
            Action::Answer(Field::TargetArea, json!("county_seat_town")),
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
            .unwrap()
            .outcome
            .missing
            .contains(&Field::TargetArea));
    }

    #[test]
    fn an_impossible_answer_is_refused_with_a_message_and_nothing_is_lost() {
        let s = run(vec![
            Action::Answer(Field::CurrentHukou, json!("target_area")),
            Action::Answer(Field::SettledOn, json!("2030-01-01")),
        ]);
        assert!(s.answers.settled_on.is_none());
        assert!(s
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("settled_on")));
        assert!(s.answers.current_hukou.is_some());
    }

    #[test]
    fn removing_a_relative_moves_questions_about_later_relatives_up() {
        let child = Member {
            relation: Some(Relation::Child),
            ..Member::default()
        };
        let spouse = Member {
            relation: Some(Relation::Spouse),
            ..Member::default()
        };
        let s = run(vec![
            Action::SetFamily(vec![spouse, child]),
            Action::Skip(Field::Member(1, MemberField::Married)),
            Action::RemoveMember(0),
        ]);
        assert_eq!(s.answers.family.as_ref().map(Vec::len), Some(1));
        assert_eq!(s.skipped, vec![Field::Member(0, MemberField::Married)]);
    }

    #[test]
    fn forgetting_starts_afresh_but_keeps_the_language_and_text_size() {
        let s = run(vec![
            Action::ToggleLang,
            Action::ToggleElderly,
            Action::Answer(Field::CurrentHukou, json!("none")),
            Action::Forget,
        ]);
        assert_eq!(s.answers, Answers::default());
        assert_eq!(
            (s.lang, s.elderly, s.screen),
            (Lang::En, true, Screen::Start)
        );
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
}
