//! Which sentence leads the results: the answer the person came for.

use hukou_engine::outcome::Status;
use hukou_engine::policy::PathId;
use hukou_engine::Evaluation;

use crate::reading::words::{judged_by, silent_on};
use crate::state::Purpose;

/// Which sentence leads: the answer the person came for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    Registered,
    Settle(PathId),
    Newborn,
    NoHukou,
    Permit,
    /// The path the person came for is closed to them (its failing conditions are said).
    Closed(PathId),
    Open,
    Nothing,
}

impl Verdict {
    /// The verdict that leads: the path the person came for when it is open, else the first
    /// open path in the order of the policy (settling before the permit).
    pub fn of(evaluation: &Evaluation, purpose: Option<Purpose>) -> Verdict {
        let outcome = &evaluation.outcome;
        let eligible = |id: PathId| outcome.paths[id as usize].status == Status::Eligible;
        if outcome.registered_here {
            return Verdict::Registered;
        }
        let came_for = purpose.and_then(|p| p.path(judged_by(evaluation)));
        let wanted = came_for.filter(|&id| eligible(id));
        // The path the person came for, closed: that is their answer, before any other.
        let closed = |id: PathId| outcome.paths[id as usize].status == Status::NotEligible;
        if let Some(id) = came_for.filter(|&id| closed(id)) {
            return Verdict::Closed(id);
        }
        if let Some(id) = wanted
            .into_iter()
            .chain(PathId::ALL)
            .find(|&id| eligible(id))
        {
            return match id {
                PathId::NewbornRegistration => Verdict::Newborn,
                PathId::UnregisteredPersonRegistration => Verdict::NoHukou,
                PathId::ResidencePermit => Verdict::Permit,
                settle => Verdict::Settle(settle),
            };
        }
        if outcome
            .paths
            .iter()
            .any(|p| p.status == Status::Undetermined)
        {
            return Verdict::Open;
        }
        Verdict::Nothing
    }

    pub fn word(self) -> &'static str {
        match self {
            Verdict::Registered => "registered",
            Verdict::Settle(_) => "settle",
            Verdict::Newborn => "newborn",
            Verdict::NoHukou => "no_hukou",
            Verdict::Permit => "permit",
            Verdict::Closed(_) => "closed",
            Verdict::Open => "open",
            Verdict::Nothing => "nothing",
        }
    }

    /// What the text says to a worry this verdict often comes with: where the path it speaks of
    /// (open, or closed for now) rests on an answer the text is silent on, the policy's line
    /// (a permit within the city); for a newborn's family, the fine.
    pub fn caveat(self, evaluation: &Evaluation) -> Option<&'static str> {
        let path = match self {
            Verdict::Closed(id) => Some(id),
            v => v.path(),
        };
        let silent = path.and_then(|id| silent_on(&evaluation.trace.paths[id as usize].conditions));
        match self {
            _ if silent.is_some() => silent,
            Verdict::Newborn => Some("caveat.newborn"),
            _ => None,
        }
    }

    /// The path whose checklist is the next step, if any.
    pub fn path(self) -> Option<PathId> {
        match self {
            Verdict::Settle(id) => Some(id),
            Verdict::Newborn => Some(PathId::NewbornRegistration),
            Verdict::NoHukou => Some(PathId::UnregisteredPersonRegistration),
            Verdict::Permit => Some(PathId::ResidencePermit),
            _ => None,
        }
    }
}
