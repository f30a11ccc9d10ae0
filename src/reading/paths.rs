//! Which paths the results show, in which order, which of them fold under their status, and
//! which do not concern the person, with why.

use hukou_engine::outcome::{CheckedCondition, Status};
use hukou_engine::policy::{Because, PathId, Policy};
use hukou_engine::{Evaluation, Tri};

use crate::reading::verdict::Verdict;
use crate::reading::words::judged_by;
use crate::state::Session;

/// Why a path was not asked about: the person took a direct route to another.
pub const UNASKED: &str = "not_applying.unasked";

/// The paths as the results show them.
#[derive(Debug, PartialEq)]
pub struct PathsReading {
    /// The paths the person's case concerns, the one they came for first, then the open ones,
    /// the undecided and the closed; each with how much of it folds.
    pub shown: Vec<(PathId, Fold)>,
    /// The paths that do not concern the person, each with why (a text key).
    pub not_applying: Vec<(PathId, &'static str)>,
    /// Whether who may come along is beside the answer, and folds with the other paths: the
    /// relatives follow someone who settles (3.1, 3.2), and the answer is a baby's registration,
    /// a registration without hukou, a permit, or a hukou here already.
    pub relatives_aside: bool,
}

/// How much of a path's card folds away.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fold {
    /// All of it in view: the path is the answer, or nothing is decided yet.
    Nothing,
    /// The answer says already what it lacks and what would open it: that folds under its
    /// conditions, its status stays in view.
    Reasons,
    /// Another answer leads: it folds with the other paths (a path open too is said beside the
    /// answer, "你也可以").
    Away,
}

impl PathsReading {
    pub fn of(session: &Session, evaluation: &Evaluation, verdict: Verdict) -> PathsReading {
        let policy = judged_by(evaluation);
        let outcome = &evaluation.outcome;
        let not_applying: Vec<(PathId, &'static str)> = PathId::ALL
            .into_iter()
            .filter_map(|id| {
                let (path, trace) = (
                    &outcome.paths[id as usize],
                    &evaluation.trace.paths[id as usize],
                );
                let registered = outcome.registered_here;
                let why = does_not_apply(
                    session,
                    policy,
                    id,
                    path.status,
                    &trace.conditions,
                    registered,
                );
                why.map(|why| (id, why))
            })
            .collect();
        let applies = |id: &PathId| !not_applying.iter().any(|(n, _)| n == id);
        let wanted = session.purpose.and_then(|p| p.path(policy));
        let status = |id: PathId| outcome.paths[id as usize].status;
        let rank = |id: PathId| {
            let openness = 2 - status(id).openness();
            usize::from(Some(id) != wanted) * 3 + usize::from(openness)
        };
        // Whether the bottom line answers with something other than this path (a path, or
        // "your hukou is here already"); while nothing is decided, every path is part of it.
        let answered_by_other = |id: PathId| match verdict {
            Verdict::Closed(p) => p != id,
            Verdict::Registered => true,
            v => v.path().is_some_and(|p| p != id),
        };
        let fold = |id: PathId| match answered_by_other(id) {
            true => Fold::Away,
            false if verdict == Verdict::Closed(id) => Fold::Reasons,
            false => Fold::Nothing,
        };
        // In rank order, by passes (no sort for five paths: its code would cost the page).
        let shown = (0..6)
            .flat_map(|r| PathId::ALL.into_iter().filter(move |&id| rank(id) == r))
            .filter(applies)
            .map(|id| (id, fold(id)))
            .collect();
        let relatives_aside = matches!(
            verdict,
            Verdict::Newborn | Verdict::NoHukou | Verdict::Permit | Verdict::Registered
        );
        PathsReading {
            shown,
            not_applying,
            relatives_aside,
        }
    }
}

/// Why a path does not concern this person (a text key), or `None` if it does: not asked on
/// the person's direct route, or an unmet condition the policy says makes it not theirs to fail
/// (no baby for the newborn path, another kind of area), or already registered in the place
/// named.
fn does_not_apply(
    session: &Session,
    policy: &'static Policy,
    id: PathId,
    status: Status,
    conditions: &[CheckedCondition],
    registered: bool,
) -> Option<&'static str> {
    // On a direct route (only a permit, a newborn, no hukou) the other paths were not asked about.
    let route = session
        .purpose
        .and_then(|p| p.path(policy))
        .filter(|_| !session.everything);
    if route.is_some_and(|wanted| wanted != id) && status == Status::Undetermined {
        return Some(UNASKED);
    }
    // Already registered in the place named: whatever settling there would ask, there is
    // nothing to move (the bottom line says so), so no settling path is theirs to fail.
    if registered && id.settles() {
        return Some("not_applying.registered");
    }
    if status != Status::NotEligible {
        return None;
    }
    // The policy says when an unmet condition means the path is not this person's to fail.
    conditions
        .iter()
        .filter(|c| c.state == Tri::Unmet)
        .find_map(|c| match c.because {
            Some(Because::NotApplying(key)) => Some(key),
            _ => None,
        })
}

#[cfg(test)]
mod tests;
