//! How each action changes the session: answers, skips, relatives, the place, Back.

use hukou_engine::answers::MAX_FAMILY_MEMBERS;
use hukou_engine::field::{Ask, Given, Value, KINSHIP, PLACE, RELATIVES};
use hukou_engine::words::{Relation, TargetArea};
use hukou_engine::{Answers, Facts, Field, Member};
use std::rc::Rc;

use super::{error_key, Purpose, Screen, Session};

/// What a share link brought: the answers that read (checked against the device's day), what
/// was dropped (by contract path), and what the person who shared it came for.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub answers: Answers,
    pub dropped: Vec<String>,
    pub purpose: Option<Purpose>,
    /// The link names what the person came for, but not as one word this version knows.
    pub purpose_unknown: bool,
}

impl Session {
    pub(super) fn remember(&mut self, field: Field) {
        self.history.retain(|f| *f != field);
        self.history.push(field);
    }

    pub(super) fn answer(&mut self, field: Field, given: Given) {
        if field.is_place() {
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
            .and_then(|base| base.give(field, Some(&given)))
            .and_then(|a| Facts::new(&a, self.today).map(|_| a))
        {
            Ok(answers) => {
                self.answers = answers;
                // Said when the questions turned to a relative: once the person goes on, it has
                // been read.
                if self.notice == Some("notice.join_set_aside") {
                    self.notice = None;
                }
                self.skipped.retain(|f| *f != field);
                self.remember(field);
                self.error = None;
                self.screen = self.next_screen();
            }
            Err(error) => self.error = Some(error_key(&error).to_owned()),
        }
    }

    /// An answer that is none of the field's kind: what a number of months must be, or that the
    /// date is not one; nothing else changes.
    pub(super) fn unreadable(&mut self, field: Field) {
        let key = match field.ask() {
            Ask::Months => "error.months",
            _ => "error.not_a_date",
        };
        self.error = Some(key.to_owned());
    }

    pub(super) fn skip(&mut self, field: Field) {
        // "Not sure" is the field's own word where it has one, else no answer.
        let unsure = field.unsure().and_then(|word| field.value_of(word));
        if let Ok(answers) = self.answers.give(field, unsure.map(Given::One).as_ref()) {
            self.answers = answers;
        }
        if !self.skipped.contains(&field) {
            self.skipped.push(field);
        }
        self.remember(field);
        self.error = None;
        self.screen = self.next_screen();
    }

    pub(super) fn add_member(&mut self, kin: Relation) {
        let relatives = self.answers.relatives_mut();
        if relatives.len() >= MAX_FAMILY_MEMBERS {
            self.error = Some("relatives.too_many".to_owned());
            return;
        }
        let spouse = Some(Value::Relation(Relation::Spouse));
        if kin == Relation::Spouse && relatives.iter().any(|m| m.read_field(KINSHIP) == spouse) {
            self.error = Some("relatives.one_spouse".to_owned());
            return;
        }
        let mut member = Member::default();
        member.put(KINSHIP, Value::Relation(kin));
        relatives.push(member);
        self.added = Some(relatives.len() - 1);
        self.error = None;
    }

    pub(super) fn remove_member(&mut self, index: usize) {
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

    pub(super) fn back(&mut self) {
        self.error = None;
        let current = match self.screen {
            Screen::Ask(field) => Some(field),
            _ => None,
        };
        // The questions the person saw: not those their choice on the start screen answered
        // (a newborn's parents never see "is there a newborn?").
        let implied = self.purpose.and_then(|p| p.rule(self.policy()));
        let implied = implied.map_or(&[][..], |r| r.implies);
        let seen: Vec<Field> = (self.history.iter().copied())
            .filter(|f| implied.iter().all(|(i, _)| i != f))
            .collect();
        // The question before the current one (the current one may be in history if revisited).
        let position = current.and_then(|f| seen.iter().position(|h| *h == f));
        let previous = match position {
            Some(0) => None,
            Some(p) => Some(seen[p - 1]),
            // From results seen before the questions were done ("see the results so far"): the
            // question the person left; else the last answered.
            None if self.screen == Screen::Results => self.results_from.or(seen.last().copied()),
            None => seen.last().copied(),
        };
        self.screen = match (self.screen, previous) {
            (Screen::Start, _) => Screen::Start,
            (_, Some(field)) => Screen::Ask(field),
            (_, None) => Screen::Start,
        };
    }

    /// Whether a question is still one of the person's: answered, or still to ask.
    fn is_theirs(&self, field: Field) -> bool {
        self.history.contains(&field) || self.open_questions().contains(&field)
    }

    /// The browser's Back or Forward to a question the person saw: shown again if still theirs;
    /// else, going back, the question before the current one, and going forward the one next.
    pub(super) fn revisit(&mut self, field: Field, going_back: bool) {
        self.error = None;
        self.changing = None;
        // 清除, then Back: the questions of before are not shown emptied; the start stays.
        if going_back && self.screen == Screen::Start && self.history.is_empty() {
        } else if self.is_theirs(field) {
            self.screen = Screen::Ask(field);
        } else if going_back {
            self.back();
        } else {
            self.screen = self.next_screen();
        }
    }

    pub(super) fn begin_with(&mut self, purpose: Purpose) {
        self.reframe(purpose);
        self.purpose = Some(purpose);
        self.everything = false;
        let implies = purpose.rule(self.policy()).map_or(&[][..], |r| r.implies);
        for &(field, value) in implies {
            self.answer(field, Given::One(value));
        }
        if implies.is_empty() {
            self.screen = self.next_screen();
        }
    }

    pub(super) fn pick_place(&mut self, name: &'static str, kind: TargetArea) {
        match kind.word() {
            word if PLACE.unsure() == Some(word) => self.skip(PLACE),
            _ => self.answer(PLACE, Given::One(Value::Area(kind))),
        }
        // After the answer, which forgets a place picked before.
        self.place = Some(name);
    }

    pub(super) fn set_kinship(&mut self, index: usize, kin: Relation) {
        if let Some(member) = self.answers.relative_mut(index) {
            member.put(KINSHIP, Value::Relation(kin));
        }
    }

    pub(super) fn relatives_done(&mut self) {
        self.answers.relatives_mut();
        self.skipped.retain(|f| *f != RELATIVES);
        self.remember(RELATIVES);
        self.added = None;
        self.screen = self.next_screen();
    }

    pub(super) fn change(&mut self, field: Field) {
        self.error = None;
        if self.screen == Screen::Results {
            let mut before = self.open_questions();
            before.push(field);
            self.changing = Some(before);
        }
        self.screen = Screen::Ask(field);
    }

    pub(super) fn forget(&mut self) {
        let before = Session {
            notice: None,
            undo: None,
            ..self.clone()
        };
        *self = Session {
            lang: self.lang,
            elderly: self.elderly,
            ..Session::new(self.today)
        };
        self.undo = Some(Box::new(before));
        self.notice = Some("forget.done");
    }

    pub(super) fn use_incoming(&mut self) {
        if let Some((answers, purpose)) = self.incoming.take() {
            self.answers = answers;
            // What the link's sender came for comes with their answers.
            self.purpose = purpose.or(self.purpose);
            self.everything = false;
            self.skipped.clear();
            self.history = self.answered_fields();
            self.screen = Screen::Results;
            self.notice = Some("notice.loaded_fragment");
        }
    }

    /// The answers a share link brought: taken at once over nothing (or the same answers), else
    /// offered beside the answers saved here, which are never silently replaced.
    pub fn open_link(&mut self, link: Link) {
        let said = match (link.dropped.is_empty(), link.purpose_unknown) {
            (true, false) => "notice.loaded_fragment",
            (true, true) => "notice.link_purpose_unknown",
            (false, _) => "notice.link_partly",
        };
        self.dropped = link.dropped;
        let same = self.answers == Answers::default() || self.answers == link.answers;
        self.incoming = Some((link.answers, link.purpose));
        if same {
            self.use_incoming();
            self.notice = Some(said);
        } else {
            self.notice = Some("notice.incoming");
        }
    }

    /// The results cannot be judged on an answer the engine refuses (a date after the day
    /// judged, once the phone's clock is found wrong): the person is taken to that question and
    /// told why, every other answer kept.
    pub fn to_the_refused_answer(&mut self) {
        if self.screen != Screen::Results {
            return;
        }
        if let Err(error) = &*self.evaluation() {
            if let Some(field) = Field::from_path(&error.field) {
                self.error = Some(error_key(error).into());
                self.screen = Screen::Ask(field);
            }
        }
    }
}

/// Two states of the session are the same when the reducer made them in the same change: the
/// context tells its readers of a new state by it, without comparing every answer (which would
/// cost the page that code).
impl PartialEq for Session {
    fn eq(&self, other: &Session) -> bool {
        self.revision == other.revision
    }
}

impl Session {
    /// This state as the reducer's next change after `before`.
    pub(super) fn after(mut self, before: &Session) -> Rc<Session> {
        self.revision = before.revision.wrapping_add(1);
        Rc::new(self)
    }
}
