//! The session: one state and one reducer. Pure (no browser calls), so it is tested natively;
//! the app saves it in an effect, never inside `reduce`.

use std::rc::Rc;

use chrono::NaiveDate;
use hukou_engine::answers::MAX_FAMILY_MEMBERS;
use hukou_engine::field::{Ask, KINSHIP, PLACE, RELATIVES};
use hukou_engine::policies::{in_force, POLICIES};
use hukou_engine::policy::{PathId, Policy, PurposeRule};
use hukou_engine::words::{Relation, TargetArea};
use hukou_engine::{
    evaluate, Answers, Evaluation, Facts, Field, InputError, InputErrorKind, Member, MemberField,
};
use serde_json::Value;
use yew::Reducible;

use crate::i18n::Lang;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Ask(Field),
    Results,
}

/// What `open_questions` depends on.
#[derive(PartialEq)]
struct OpenKey {
    answers: Answers,
    skipped: Vec<Field>,
    purpose: Option<Purpose>,
    everything: bool,
    today: NaiveDate,
}

thread_local! {
    static LAST_OPEN: std::cell::RefCell<Option<(OpenKey, Vec<Field>)>> =
        const { std::cell::RefCell::new(None) };
}

/// What brought the person, chosen on the start screen: it leads the questions and the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Settle,
    Newborn,
    NoHukou,
    Permit,
    Registered,
}

impl Purpose {
    pub const ALL: [Purpose; 5] = [
        Purpose::Settle,
        Purpose::Newborn,
        Purpose::NoHukou,
        Purpose::Permit,
        Purpose::Registered,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Purpose::Settle => "settle",
            Purpose::Newborn => "newborn",
            Purpose::NoHukou => "no_hukou",
            Purpose::Permit => "permit",
            Purpose::Registered => "registered",
        }
    }

    pub fn from_word(word: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.word() == word)
    }

    /// What the policy says of it: its path, the answers it gives, what its route also asks.
    pub fn rule(self, policy: &'static Policy) -> Option<&'static PurposeRule> {
        policy.purpose(self.word())
    }

    /// The path that answers it directly: the questions stop once that path is decided.
    pub fn path(self, policy: &'static Policy) -> Option<PathId> {
        self.rule(policy).and_then(|r| r.path)
    }
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
    /// Why the last answer was refused, if it was (an engine's line, or an i18n key).
    pub error: Option<String>,
    /// The session as it was before 清除, for one undo.
    pub undo: Option<Box<Session>>,
    /// Answers a share link brought while other answers were saved here: the person chooses.
    pub incoming: Option<Answers>,
    /// While an answer is changed from the results: the questions open before the change. The
    /// results come back as soon as no question outside these remains.
    pub changing: Option<Vec<Field>>,
    /// The relative just added (for the editor's confirmation and focus).
    pub added: Option<usize>,
    /// The place chosen in the place picker, to say how it was counted.
    pub place: Option<&'static str>,
    /// What the person came for, if they said.
    pub purpose: Option<Purpose>,
    /// After a direct route, the person asked to see every path (all questions again).
    pub everything: bool,
}

pub enum Action {
    Begin,
    /// Begin with what the person came for.
    BeginWith(Purpose),
    /// After a direct route: ask what decides the other paths too.
    AskEverything,
    /// Set a field to a JSON value as the contract writes it.
    Answer(Field, Value),
    /// "Not sure" / "not yet": leave the field unanswered and move on.
    Skip(Field),
    /// Add a relative of this relation to the list (at most one spouse, at most 50).
    AddMember(Relation),
    /// A place chosen in the place picker, with the kind of area it counts as (`Unsure`: cannot
    /// tell).
    PickPlace(&'static str, TargetArea),
    /// Correct a listed relative's relation, staying in the editor.
    SetRelation(usize, Relation),
    RemoveMember(usize),
    /// The list of relatives is complete (it may be empty).
    FamilyDone,
    Back,
    /// Go to a question to change its answer.
    Change(Field),
    ShowResults,
    SetLang(Lang),
    ToggleElderly,
    Forget,
    /// Bring back what 清除 removed.
    Undo,
    /// Take the answers a share link brought instead of those saved here.
    UseIncoming,
    /// Keep the answers saved here and ignore the share link's.
    KeepOwn,
    DismissNotice,
    /// Show a message once (an i18n key).
    Notify(&'static str),
    /// Something the screen shows arrived (the clauses' words): draw it again.
    Redraw,
}

impl Session {
    /// The policy in force on the day the session judges on.
    pub fn policy(&self) -> &'static Policy {
        in_force(self.answers.today.unwrap_or(self.today)).unwrap_or(POLICIES[0])
    }

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
            undo: None,
            incoming: None,
            changing: None,
            added: None,
            place: None,
            purpose: None,
            everything: false,
        }
    }

    /// The engine's view of the current answers.
    pub fn evaluation(&self) -> Result<Evaluation, InputError> {
        Facts::new(&self.answers, self.today).map(|facts| evaluate(&facts))
    }

    /// The most decisive question not yet answered or skipped (on the person's route).
    pub fn next_question(&self) -> Option<Field> {
        self.open_questions().first().copied()
    }

    /// The questions still worth asking, in order: on a direct route (a newborn, no hukou, a
    /// residence permit), only those that decide that path.
    pub fn open_questions(&self) -> Vec<Field> {
        // A tap asks this twice (choosing the next screen, then drawing its progress) for the
        // same answers: the second time from the last result.
        let key = OpenKey {
            answers: self.answers.clone(),
            skipped: self.skipped.clone(),
            purpose: self.purpose,
            everything: self.everything,
            today: self.today,
        };
        if let Some(open) = LAST_OPEN.with(|last| {
            let last = last.borrow();
            last.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, open)| open.clone())
        }) {
            return open;
        }
        let open = self.compute_open_questions();
        LAST_OPEN.with(|last| *last.borrow_mut() = Some((key, open.clone())));
        open
    }

    fn compute_open_questions(&self) -> Vec<Field> {
        let Ok(evaluation) = self.evaluation() else {
            return Vec::new();
        };
        let outcome = evaluation.outcome;
        let rule = self.purpose.and_then(|p| p.rule(self.policy()));
        let route: Option<Vec<Field>> = match rule {
            Some(rule) if !self.everything => rule.path.map(|path| {
                let mut fields = outcome.paths[path as usize].missing.clone();
                fields.extend_from_slice(rule.also_asks);
                fields
            }),
            _ => None,
        };
        outcome
            .missing
            .into_iter()
            .filter(|f| !self.skipped.contains(f))
            .filter(|f| route.as_ref().is_none_or(|r| r.contains(f)))
            .collect()
    }

    /// Questions that decide other paths than the one the person came for, not asked on their
    /// direct route.
    pub fn unasked_elsewhere(&self) -> bool {
        if self.everything || self.purpose.and_then(|p| p.path(self.policy())).is_none() {
            return false;
        }
        let Ok(evaluation) = self.evaluation() else {
            return false;
        };
        let open = self.open_questions();
        evaluation
            .outcome
            .missing
            .iter()
            .any(|f| !self.skipped.contains(f) && !open.contains(f))
    }

    /// The next question, or the results; while an answer is being changed from the results,
    /// the results as soon as no new question has opened.
    fn next_screen(&mut self) -> Screen {
        let open = self.open_questions();
        if let Some(before) = &self.changing {
            match open.iter().find(|f| !before.contains(f)) {
                Some(&new) => return Screen::Ask(new),
                None => {
                    self.changing = None;
                    return Screen::Results;
                }
            }
        }
        open.first().map_or(Screen::Results, |&f| Screen::Ask(f))
    }

    /// How many questions were answered, and how many steps are still worth taking. The
    /// engine's `missing` is exact, so it never grows while answers are only added; but listing
    /// relatives brings their own questions, so the relatives' questions count as one step, the
    /// one the family question was: adding relatives never makes the count grow.
    pub fn progress(&self) -> (usize, usize) {
        let open = self.open_questions();
        let own = open
            .iter()
            .filter(|f| !matches!(f, Field::Member(..)))
            .count();
        let relatives = usize::from(open.iter().any(|f| matches!(f, Field::Member(..))));
        (self.history.len(), own + relatives)
    }

    /// The fields the answers answer, in question order.
    pub fn answered_fields(&self) -> Vec<Field> {
        let Ok(facts) = Facts::new(&self.answers, self.today) else {
            return Vec::new();
        };
        let members = (0..facts.member_count() as u16)
            .flat_map(|i| MemberField::ALL.iter().map(move |&f| Field::Member(i, f)));
        Field::TOP_LEVEL
            .iter()
            .copied()
            .chain(members)
            .filter(|&f| facts.value(f).is_some())
            .collect()
    }

    fn remember(&mut self, field: Field) {
        self.history.retain(|f| *f != field);
        self.history.push(field);
    }

    fn answer(&mut self, field: Field, value: Value) {
        if matches!(field.ask(), Ask::Place(_)) {
            self.place = None;
        }
        // Two fields that answer the same thing (a school age, a birth date): giving one takes
        // the other back.
        let other = match field {
            Field::Member(i, m) => m.same_as().map(|same| Field::Member(i, same)),
            _ => None,
        };
        let base = match other {
            Some(other) => self.answers.with(other, None),
            None => Ok(self.answers.clone()),
        };
        match base
            .and_then(|base| base.with(field, Some(&value)))
            .and_then(|a| Facts::new(&a, self.today).map(|_| a))
        {
            Ok(answers) => {
                self.answers = answers;
                self.skipped.retain(|f| *f != field);
                self.remember(field);
                self.error = None;
                self.screen = self.next_screen();
            }
            Err(error) => self.error = Some(error_key(&error).to_owned()),
        }
    }

    fn skip(&mut self, field: Field) {
        // "Not sure" is the field's own word where it has one, else no answer.
        let unsure = field.unsure().map(Value::from);
        if let Ok(answers) = self.answers.with(field, unsure.as_ref()) {
            self.answers = answers;
        }
        if !self.skipped.contains(&field) {
            self.skipped.push(field);
        }
        self.remember(field);
        self.error = None;
        self.screen = self.next_screen();
    }

    fn add_member(&mut self, kin: Relation) {
        let relatives = self.answers.relatives_mut();
        if relatives.len() >= MAX_FAMILY_MEMBERS {
            self.error = Some("relatives.too_many".to_owned());
            return;
        }
        let spouse = Some(hukou_engine::field::Value::Relation(Relation::Spouse));
        if kin == Relation::Spouse && relatives.iter().any(|m| m.read_field(KINSHIP) == spouse) {
            self.error = Some("relatives.one_spouse".to_owned());
            return;
        }
        let mut member = Member::default();
        member.put(KINSHIP, hukou_engine::field::Value::Relation(kin));
        relatives.push(member);
        self.added = Some(relatives.len() - 1);
        self.error = None;
    }

    fn remove_member(&mut self, index: usize) {
        if index >= self.answers.relatives().len() {
            return;
        }
        self.answers.relatives_mut().remove(index);
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
        self.added = None;
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
            Action::BeginWith(purpose) => {
                s.purpose = Some(purpose);
                s.everything = false;
                let implies = purpose.rule(s.policy()).map_or(&[][..], |r| r.implies);
                for &(field, value) in implies {
                    s.answer(field, value.to_json());
                }
                if implies.is_empty() {
                    s.screen = s.next_screen();
                }
            }
            Action::AskEverything => {
                s.everything = true;
                s.changing = None;
                s.screen = s.next_screen();
            }
            Action::Answer(field, value) => s.answer(field, value),
            Action::Skip(field) => s.skip(field),
            Action::AddMember(kin) => s.add_member(kin),
            Action::RemoveMember(index) => s.remove_member(index),
            Action::PickPlace(name, kind) => {
                match kind.word() {
                    word if PLACE.unsure() == Some(word) => s.skip(PLACE),
                    word => s.answer(PLACE, Value::from(word)),
                }
                // After the answer, which forgets a place picked before.
                s.place = Some(name);
            }
            Action::SetRelation(index, kin) => {
                if let Some(member) = s.answers.relative_mut(index) {
                    member.put(KINSHIP, hukou_engine::field::Value::Relation(kin));
                }
            }
            Action::FamilyDone => {
                s.answers.relatives_mut();
                s.skipped.retain(|f| *f != RELATIVES);
                s.remember(RELATIVES);
                s.added = None;
                s.screen = s.next_screen();
            }
            Action::Back => {
                s.changing = None;
                s.back();
            }
            Action::Change(field) => {
                s.error = None;
                if s.screen == Screen::Results {
                    let mut before = s.open_questions();
                    before.push(field);
                    s.changing = Some(before);
                }
                s.screen = Screen::Ask(field);
            }
            Action::ShowResults => {
                s.error = None;
                s.changing = None;
                s.screen = Screen::Results;
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::ToggleElderly => s.elderly = !s.elderly,
            Action::Forget => {
                let before = Session {
                    notice: None,
                    undo: None,
                    ..s.clone()
                };
                s = Session {
                    lang: s.lang,
                    elderly: s.elderly,
                    ..Session::new(s.today)
                };
                s.undo = Some(Box::new(before));
                s.notice = Some("forget.done");
            }
            Action::Undo => {
                if let Some(before) = s.undo.take() {
                    s = *before;
                }
            }
            Action::UseIncoming => {
                if let Some(answers) = s.incoming.take() {
                    s.answers = answers;
                    s.skipped.clear();
                    s.history = s.answered_fields();
                    s.screen = Screen::Results;
                    s.notice = Some("notice.loaded_fragment");
                }
            }
            Action::KeepOwn => {
                s.incoming = None;
                s.notice = None;
            }
            Action::Notify(key) => s.notice = Some(key),
            Action::Redraw => {}
            Action::DismissNotice => {
                s.notice = None;
                s.undo = None;
            }
        }
        Rc::new(s)
    }
}

/// The person's-language message for an answer the engine refused (the text key of its kind).
pub fn error_key(error: &InputError) -> &'static str {
    match error.kind {
        InputErrorKind::OutOfRange { .. } => "error.out_of_range",
        InputErrorKind::NotADate { .. } => "error.not_a_date",
        InputErrorKind::TooMany { .. } => "relatives.too_many",
        _ => "error.invalid",
    }
}

/// The member field a question is about, if any.
pub fn member_of(field: Field) -> Option<(usize, MemberField)> {
    match field {
        Field::Member(i, f) => Some((i as usize, f)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
