//! Which questions are still worth asking, in which order, and how far along the person is.

use chrono::NaiveDate;
use hukou_engine::field::PLACE;
use hukou_engine::outcome::{PathTrace, Trace};
use hukou_engine::{Answers, Facts, Field, MemberField};

use super::{Purpose, Screen, Session};

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

impl Session {
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

    pub(super) fn compute_open_questions(&self) -> Vec<Field> {
        let Ok(evaluation) = self.evaluation() else {
            return Vec::new();
        };
        let outcome = &evaluation.outcome;
        let rule = self.purpose.and_then(|p| p.rule(self.policy()));
        let route: Option<Vec<Field>> = match rule {
            _ if self.joining() && !self.everything => Some(self.joining_route(&evaluation)),
            Some(rule) if !self.everything => rule.path.map(|path| {
                let mut fields = outcome.paths[path as usize].missing.clone();
                fields.extend_from_slice(rule.also_asks);
                fields
            }),
            _ => None,
        };
        let mut open: Vec<Field> = outcome
            .missing
            .iter()
            .copied()
            .filter(|f| !self.skipped.contains(f))
            .filter(|f| route.as_ref().is_none_or(|r| r.contains(f)))
            .collect();
        where_before_there(&mut open, &about_the_place(&evaluation.trace));
        if self.joining() {
            super::join::who_first(&mut open);
        }
        open
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
    pub(super) fn next_screen(&mut self) -> Screen {
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
}

/// The questions about "where you want to settle": what the paths that test the place test
/// besides it (a home, a job, insurance), read off the rules.
fn about_the_place(trace: &Trace) -> Vec<Field> {
    let tests =
        |path: &PathTrace, field: Field| path.conditions.iter().any(|c| c.fields.contains(&field));
    trace
        .paths
        .iter()
        .filter(|path| tests(path, PLACE))
        .flat_map(|path| {
            path.conditions
                .iter()
                .flat_map(|c| c.fields.iter().copied())
        })
        .filter(|&field| field != PLACE)
        .collect()
}

/// "Where" before "there": the place is asked before any question about it, even where the
/// engine ranks that question higher (a home decides more paths than the place does).
fn where_before_there(open: &mut Vec<Field>, about_the_place: &[Field]) {
    let place = open.iter().position(|&f| f == PLACE);
    let there = open.iter().position(|f| about_the_place.contains(f));
    if let (Some(place), Some(there)) = (place, there) {
        if there < place {
            let place = open.remove(place);
            open.insert(there, place);
        }
    }
}
