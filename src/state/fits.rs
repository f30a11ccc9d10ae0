//! What the app knows of the person, on top of the engine's exact `missing`: a question the rules
//! could still use is asked only where it can concern the person (one thing per page, nothing
//! asked that cannot be theirs). Nothing here changes a verdict: a question not asked stays
//! unanswered, and the results say what it would decide. The fields are reached through their
//! roles in the declaration (`hukou_engine::field`).

use chrono::Datelike;
use hukou_engine::field::{
    Value, AGE_FROM, KINSHIP, NEWBORN, NOW_AND_THEN, SEEKING_WORK, STUDYING, WORK,
};
use hukou_engine::words::{Employment, Relation};
use hukou_engine::Field;

use super::{Purpose, Session};

/// A child born in the year judged or the years just before it can be a baby not yet registered.
const YOUNG_CHILD_YEARS: i32 = 6;

impl Session {
    /// Whether a question the rules still use fits what is known of the person.
    pub(super) fn fits(&self, field: Field) -> bool {
        let work = || match self.answers.read_field(WORK) {
            Some(Value::Employment(work)) => Some(work),
            _ => None,
        };
        if NOW_AND_THEN.contains(&field) {
            // Asked once the person says one may be theirs ("answer everything").
            self.everything
        } else if field == SEEKING_WORK {
            // Asked of someone without work (not of someone employed, in business or retired).
            matches!(work(), None | Some(Employment::None))
        } else if field == STUDYING {
            work() != Some(Employment::Retired)
        } else if let Field::Member(super::join::JOINER, asked) = field {
            // Someone coming to family is asked whether married, not their age.
            !self.joining() || !(asked == AGE_FROM || AGE_FROM.same_as() == Some(asked))
        } else if field == NEWBORN {
            // On the newborn's route, or once a young child (or one of unknown age) is listed.
            self.purpose == Some(Purpose::Newborn) || self.young_child_listed()
        } else {
            true
        }
    }

    fn young_child_listed(&self) -> bool {
        let born_since = self.today.year() - YOUNG_CHILD_YEARS;
        let school_age = AGE_FROM.same_as().unwrap_or(AGE_FROM);
        // Coming to family, the first relative is the person.
        let others = usize::from(self.joining());
        self.answers.relatives().iter().skip(others).any(|m| {
            m.read_field(KINSHIP) == Some(Value::Relation(Relation::Child))
                && m.read_field(school_age) != Some(Value::Bool(true))
                && match m.read_field(AGE_FROM) {
                    Some(Value::Date(born)) => born.year() >= born_since,
                    _ => true,
                }
        })
    }

    /// Questions of `NOW_AND_THEN` the rules could still use and the person was not asked: the
    /// results offer them. Not on a direct route (a newborn, no hukou, the permit), whose results
    /// offer every question not asked already.
    pub fn now_and_then_unasked(&self) -> bool {
        !self.everything
            && self.direct_route().is_none()
            && self.evaluation().as_ref().as_ref().is_ok_and(|evaluation| {
                (evaluation.outcome.missing.iter())
                    .any(|f| NOW_AND_THEN.contains(f) && !self.skipped.contains(f))
            })
    }
}
