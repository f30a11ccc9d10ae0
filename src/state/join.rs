//! Coming to live with family (3.1 / 3.2: 本人及其共同居住生活的配偶、未婚子女、父母): the answers
//! describe the relative the person comes to, who has the home (and, in the central urban area,
//! the work and insurance), and the person is the first relative listed, judged as the text
//! judges that relative's family.

use hukou_engine::field::{KINSHIP, PLACE, RELATIVES};
use hukou_engine::outcome::Evaluation;
use hukou_engine::policy::PathId;
use hukou_engine::{Answers, Field, MayJoin, Member};

use super::{Purpose, Session};

/// The person who comes to live with the relative: the first relative listed.
pub const JOINER: u16 = 0;

impl Session {
    /// Whether the answers are read from the side of the relative the person comes to.
    pub fn joining(&self) -> bool {
        self.purpose == Some(Purpose::Join)
    }

    /// Into or out of joining family: the answers so far described the other person, so they
    /// are set aside (one undo brings them back) and only the place is kept, which is the same
    /// for both.
    pub(super) fn reframe(&mut self, purpose: Purpose) {
        let into = purpose == Purpose::Join;
        let switching = into != self.joining();
        if switching && self.history.iter().any(|&f| f != PLACE) {
            let before = Session {
                notice: None,
                undo: None,
                ..self.clone()
            };
            let place = self.answers.given(PLACE);
            let kept = Answers {
                today: self.answers.today,
                ..Answers::default()
            };
            self.answers = kept.give(PLACE, place.as_ref()).unwrap_or_default();
            self.skipped.clear();
            self.history.retain(|&f| f == PLACE);
            self.changing = None;
            self.undo = Some(Box::new(before));
            self.notice = Some("notice.join_set_aside");
        }
        if into && self.answers.relatives().is_empty() {
            self.answers.relatives_mut().push(Member::default());
        }
    }

    /// On the joining route: the questions that decide whether the person may come along, who
    /// they come to first ("your son", then where he lives); none once it is decided.
    pub(super) fn joining_route(&self, evaluation: &Evaluation) -> Vec<Field> {
        let outcome = &evaluation.outcome;
        let decided = outcome
            .relatives
            .get(JOINER as usize)
            .is_none_or(|m| m.may_join != MayJoin::Undetermined);
        if decided {
            return Vec::new();
        }
        let own = evaluation.trace.relatives.get(JOINER as usize);
        let mut route: Vec<Field> = own
            .into_iter()
            .flat_map(|m| m.conditions.iter().flat_map(|c| c.fields.iter().copied()))
            .collect();
        for id in [PathId::CentralUrbanSettlement, PathId::TownSettlement] {
            route.extend_from_slice(&outcome.paths[id as usize].missing);
        }
        route.retain(|&f| f != RELATIVES);
        route
    }
}

/// Who first (the relation decides how every later question names the relative), then where
/// they live, then what is asked of the person themself (living together, being unmarried),
/// then the relative's home, work and insurance.
pub(super) fn who_first(open: &mut Vec<Field>) {
    let rank = |f: &Field| match *f {
        Field::Member(JOINER, KINSHIP) => 0,
        f if f == PLACE => 1,
        Field::Member(JOINER, _) => 2,
        _ => 3,
    };
    // By passes, keeping the engine's order within each rank (no sort: its code would cost
    // the page).
    *open = (0..4)
        .flat_map(|r| open.iter().copied().filter(move |f| rank(f) == r))
        .collect();
}
