//! The engine's evaluation of a session's answers, worked out once per state: the questions,
//! the screen and the views of one tap all read it.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use hukou_engine::{evaluate, Answers, Evaluation, Facts, InputError};

use super::Session;

/// An evaluation and the answers and day it judged. A new state whose answers or day differ
/// judges afresh; equal sessions are equal whatever this holds.
#[derive(Clone, Debug, Default)]
pub(super) struct Judged(RefCell<Option<(Answers, NaiveDate, Rc<Judgement>)>>);

/// What the engine said of the answers: its evaluation, or why it could not judge them.
pub type Judgement = Result<Evaluation, InputError>;

impl PartialEq for Judged {
    fn eq(&self, _: &Judged) -> bool {
        true
    }
}

#[cfg(test)]
thread_local! {
    /// Every evaluation a session asked of the engine, counted in tests (one per tap).
    pub static EVALUATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Session {
    /// The engine's evaluation of the current answers: the engine runs once for each new set
    /// of answers (or day), and every later reading of the same state shares its result.
    pub fn evaluation(&self) -> Rc<Judgement> {
        let mut judged = self.judged.0.borrow_mut();
        match &*judged {
            Some((answers, day, result)) if *answers == self.answers && *day == self.today => {
                result.clone()
            }
            _ => {
                #[cfg(test)]
                EVALUATIONS.with(|n| n.set(n.get() + 1));
                let result = Rc::new(Facts::new(&self.answers, self.today).map(|f| evaluate(&f)));
                *judged = Some((self.answers.clone(), self.today, result.clone()));
                result
            }
        }
    }
}
