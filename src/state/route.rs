//! Which questions are still worth asking, in which order, and how far along the person is.

use hukou_engine::answers::MAX_FAMILY_MEMBERS;
use hukou_engine::field::{NEWBORN, PLACE};
use hukou_engine::outcome::{PathTrace, Trace};
use hukou_engine::policy::PathId;
use hukou_engine::{Facts, Field, MemberField};

use super::{Screen, Session};

impl Session {
    /// The most decisive question not yet answered or skipped (on the person's route).
    pub fn next_question(&self) -> Option<Field> {
        self.open_questions().first().copied()
    }

    /// The questions still worth asking, in order: on a direct route (a newborn, no hukou, a
    /// residence permit), only those that decide that path. Read off the state's one evaluation.
    pub fn open_questions(&self) -> Vec<Field> {
        let Ok(evaluation) = &*self.evaluation() else {
            return Vec::new();
        };
        let outcome = &evaluation.outcome;
        let rule = self.purpose.and_then(|p| p.rule(self.policy()));
        let route: Option<Vec<Field>> = match rule {
            _ if self.joining() && !self.everything => Some(self.joining_route(evaluation)),
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
            .filter(|&f| {
                !self.skipped.contains(&f)
                    && route.as_ref().is_none_or(|r| r.contains(&f))
                    && self.fits(f)
            })
            .collect();
        where_before_there(&mut open, &about_the_place(&evaluation.trace));
        relatives_one_by_one(&mut open);
        if self.joining() {
            super::join::who_first(&mut open);
        }
        open
    }

    /// The path of the direct route the person came for (a newborn, no hukou, the permit), if
    /// any: its questions alone are asked.
    pub(super) fn direct_route(&self) -> Option<PathId> {
        self.purpose.and_then(|p| p.path(self.policy()))
    }

    /// Questions that decide other paths than the one the person came for, not asked on their
    /// direct route.
    pub fn unasked_elsewhere(&self) -> bool {
        if self.everything || self.direct_route().is_none() {
            return false;
        }
        let Ok(evaluation) = &*self.evaluation() else {
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

    /// How many questions were answered, how many steps are still worth taking, and how many
    /// of the relatives' questions are left. The engine's `missing` is exact, so it never grows
    /// while answers are only added; but listing relatives brings their own questions, so the
    /// relatives' questions count as one step, the one the family question was (adding
    /// relatives never makes the count grow), and are counted on their own within it. Skipped
    /// questions ("not sure") are not counted as answered.
    pub fn progress(&self) -> (usize, usize, usize) {
        let open = self.open_questions();
        // A baby not yet registered is asked once a young child is listed: one of the
        // relatives' questions.
        let of_relatives = |f: &&Field| matches!(f, Field::Member(..)) || **f == NEWBORN;
        let relatives = open.iter().filter(of_relatives).count();
        let answered = (self.history.iter())
            .filter(|f| !self.skipped.contains(f))
            .count();
        let steps = open.len() - relatives + usize::from(relatives > 0);
        (answered, steps, relatives)
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

/// One relative's questions together, relatives in the order they were listed, and for each
/// the order a person thinks in: who, living together (which alone can settle the rest), how
/// old, married (an eight-year-old is not asked about marriage before their age). The
/// relatives' block stands where the engine put its first question, a baby not yet registered
/// after it.
fn relatives_one_by_one(open: &mut Vec<Field>) {
    let Some(first) = open.iter().position(|f| matches!(f, Field::Member(..))) else {
        return;
    };
    // The declaration lists a relative's fields in that order.
    let steps = MemberField::ALL.len();
    let rank = |f: &Field| match *f {
        Field::Member(i, field) => {
            let step = MemberField::ALL.iter().position(|&m| m == field)?;
            Some(usize::from(i) * steps + step)
        }
        // After them, a baby not yet registered: the children's ages say whether to ask.
        f if f == NEWBORN => Some(MAX_FAMILY_MEMBERS * steps),
        _ => None,
    };
    let at = open[..first].iter().filter(|f| rank(f).is_none()).count();
    let (mut relatives, rest): (Vec<Field>, Vec<Field>) =
        open.iter().partition(|f| rank(f).is_some());
    // Insertion, for a handful of questions (no sort's code in the page).
    for i in 1..relatives.len() {
        let mut j = i;
        while j > 0 && rank(&relatives[j - 1]) > rank(&relatives[j]) {
            relatives.swap(j - 1, j);
            j -= 1;
        }
    }
    *open = rest;
    open.splice(at..at, relatives);
}
