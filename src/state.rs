//! The session: one state and one reducer. Pure (no browser calls), so it is tested natively;
//! the app saves it in an effect, never inside `reduce`.

use std::rc::Rc;

use chrono::NaiveDate;
use hukou_engine::field::{Ask, Given};
use hukou_engine::policies::{in_force, POLICIES};
use hukou_engine::policy::Policy;
use hukou_engine::words::{Relation, TargetArea};
use hukou_engine::{Answers, Field, InputError, InputErrorKind, MemberField};
use yew::Reducible;

use crate::i18n::Lang;

pub use edit::Link;
pub use join::JOINER;
pub use purpose::Purpose;

mod edit;
mod fits;
mod join;
mod judged;
mod purpose;
mod route;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Ask(Field),
    Results,
}

impl Screen {
    /// The word a history entry keeps for this screen: `start`, `results` or the field's path.
    pub fn word(self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Ask(field) => field.to_string(),
            Screen::Results => "results".into(),
        }
    }

    pub fn from_word(word: &str) -> Option<Screen> {
        match word {
            "start" => Some(Screen::Start),
            "results" => Some(Screen::Results),
            path => Field::from_path(path).map(Screen::Ask),
        }
    }
}

#[derive(Clone, Debug)]
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
    /// With what the person who shared it came for: taken with the answers.
    pub incoming: Option<(Answers, Option<Purpose>)>,
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
    /// The question on screen when the results were asked for before the end ("see the results
    /// so far"), while they are shown: Back returns there.
    pub results_from: Option<Field>,
    /// What storage or a share link held that could not be kept (contract paths, or the stored
    /// session's keys), named in the notice.
    pub dropped: Vec<String>,
    /// The device's date when it cannot be right (`clock`): the person is told which day is
    /// judged on instead.
    pub wrong_clock: Option<NaiveDate>,
    /// The engine's evaluation of these answers on this day: worked out once per state, read by
    /// every question, screen and view of the tap (`Session::evaluation`).
    judged: judged::Judged,
    /// How many changes the reducer has made: what tells two states apart (`edit.rs`).
    revision: u32,
}

#[derive(Clone)]
pub enum Action {
    Begin,
    /// Begin with what the person came for.
    BeginWith(Purpose),
    /// After a direct route: ask what decides the other paths too.
    AskEverything,
    /// Answer a field with a typed value (the engine still checks it: months over their limit,
    /// a date after the day judged).
    Answer(Field, Given),
    /// What the person typed or chose is no answer of the field's kind (not a whole number of
    /// months, a day that does not exist): said, and nothing changes.
    Unreadable(Field),
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
    /// The browser's Forward, to the screen the person went back from.
    Forward(Screen),
    /// The browser's Back, to the screen of the entry it lands on (the reducer's `Back` when
    /// that screen is no longer the person's).
    BackTo(Screen),
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
    /// A share link opened in a tab already showing the app.
    OpenLink(Link),
    DismissNotice,
    /// Show a message once (an i18n key).
    Notify(&'static str),
    /// Something the screen shows arrived (the clauses' words): draw it again.
    Redraw,
}

impl Session {
    /// The policy in force on the day the session judges on.
    pub fn policy(&self) -> &'static Policy {
        in_force(self.day()).unwrap_or(POLICIES[0])
    }

    /// The day judged on: the answers' own day where they carry one, else the session's.
    pub fn day(&self) -> NaiveDate {
        self.answers.today.unwrap_or(self.today)
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
            results_from: None,
            dropped: Vec::new(),
            wrong_clock: None,
            judged: judged::Judged::default(),
            revision: 0,
        }
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let left = s.screen;
        match action {
            Action::Begin => s.screen = s.next_screen(),
            Action::BeginWith(purpose) => s.begin_with(purpose),
            Action::AskEverything => {
                s.everything = true;
                s.changing = None;
                s.screen = s.next_screen();
            }
            Action::Answer(field, given) => s.answer(field, given),
            Action::Unreadable(field) => s.unreadable(field),
            Action::Skip(field) => s.skip(field),
            Action::AddMember(kin) => s.add_member(kin),
            Action::RemoveMember(index) => s.remove_member(index),
            Action::PickPlace(name, kind) => s.pick_place(name, kind),
            Action::SetRelation(index, kin) => s.set_kinship(index, kin),
            Action::FamilyDone => s.relatives_done(),
            Action::Back => {
                s.changing = None;
                s.back();
            }
            Action::Forward(Screen::Ask(field)) => s.revisit(field, false),
            Action::BackTo(Screen::Ask(field)) => s.revisit(field, true),
            // To the start; and after 清除, when nothing is answered, the browser's Back or
            // Forward to the screens of before lands on the start, not on them emptied.
            Action::Forward(to) | Action::BackTo(to)
                if to == Screen::Start || s.history.is_empty() =>
            {
                s.error = None;
                s.changing = None;
                s.screen = Screen::Start;
            }
            Action::Change(field) => s.change(field),
            // Results is the one screen left for Back or Forward.
            Action::ShowResults | Action::Forward(_) | Action::BackTo(_) => {
                s.error = None;
                s.changing = None;
                if let Screen::Ask(field) = left {
                    s.results_from = Some(field);
                }
                s.screen = Screen::Results;
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::ToggleElderly => s.elderly = !s.elderly,
            Action::Forget => s.forget(),
            Action::Undo => {
                if let Some(before) = s.undo.take() {
                    s = *before;
                }
            }
            Action::UseIncoming => s.use_incoming(),
            Action::OpenLink(link) => s.open_link(link),
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
        s.to_the_refused_answer();
        if s.screen != Screen::Results {
            s.results_from = None;
        }
        // What copying the share link said belongs beside its button, on the results only.
        if s.screen != left && s.notice.is_some_and(|key| SHARE_NOTICES.contains(&key)) {
            s.notice = None;
        }
        s.after(&self)
    }
}

/// What copying the share link says: beside its button, not among the notices at the top.
pub const SHARE_NOTICES: [&str; 2] = ["share.copied", "share.not_copied"];

/// The person's-language message for an answer the engine refused (the text key of its kind).
pub fn error_key(error: &InputError) -> &'static str {
    // A typed number of months: what it must be, not the dates' words.
    if Field::from_path(&error.field).map(Field::ask) == Some(Ask::Months) {
        return "error.months";
    }
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
#[cfg(test)]
pub(crate) mod typed;
