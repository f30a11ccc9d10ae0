//! What the readings' tests start from: a person who came for something and answered these, in
//! turn, on 28 November 2026.

use std::rc::Rc;

use chrono::NaiveDate;
use hukou_engine::Field;
use yew::Reducible;

use crate::state::typed::answer;
use crate::state::{Action, Purpose, Session};

/// The day every reading test is judged on.
pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A session begun with `purpose`, with these answers given in turn.
pub(crate) fn after(purpose: Purpose, answers: &[(Field, serde_json::Value)]) -> Rc<Session> {
    let mut s = Rc::new(Session::new(today())).reduce(Action::BeginWith(purpose));
    for (field, value) in answers {
        s = s.reduce(answer(*field, value.clone()));
    }
    s
}
