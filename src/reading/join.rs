//! The reading for someone who comes to live with a spouse, child or parent (the joining route):
//! whether they may register there with that relative, under which clause, what the relative
//! still lacks, what keeps the person themself out, and what the office decides.

use hukou_engine::cond::Tri;
use hukou_engine::outcome::{Evaluation, OfficeDecides};
use hukou_engine::policy::{Because, PathId};
use hukou_engine::{Field, MayJoin};

use crate::reading::words::judged_by;
use crate::state::JOINER;

/// What the results say to someone coming to live with family.
#[derive(Debug, PartialEq)]
pub struct JoinReading {
    pub may_join: MayJoin,
    /// The clauses the person comes along under (3.1 or 3.2).
    pub basis: Vec<&'static str>,
    /// The settling path of the relative's place, once it points to one.
    pub path: Option<PathId>,
    /// The conditions of that path the relative does not meet (the place aside), by id.
    pub relative_lacks: Vec<&'static str>,
    /// The conditions on the person themself that fail (who they are to the relative, living
    /// together, being unmarried), by id.
    pub own_reasons: Vec<&'static str>,
    /// What the office decides on the relative's path, when it is open.
    pub office: Vec<OfficeDecides>,
    /// The place named is one no settling path reaches (a 乡): the policy's line for why, a
    /// text key.
    pub place_why: Option<&'static str>,
}

impl JoinReading {
    pub fn of(evaluation: &Evaluation) -> Option<JoinReading> {
        let outcome = &evaluation.outcome;
        let member = outcome.relatives.get(JOINER as usize)?;
        let trace = evaluation.trace.relatives.get(JOINER as usize)?;
        // The conditions of a settling path on the place alone: unknown until it is named.
        let on_place = |id: PathId| {
            (evaluation.trace.paths[id as usize].conditions.iter())
                .filter(|c| !c.fields.is_empty() && c.fields.iter().all(|f| f.is_place()))
        };
        let settling = judged_by(evaluation).relatives_join;
        let place_named =
            (settling.iter()).any(|&id| on_place(id).any(|c| c.state != Tri::Unknown));
        let pointed: Vec<PathId> = (settling.iter().copied())
            .filter(|&id| on_place(id).all(|c| c.state == Tri::Met))
            .collect();
        // Why no path points there, where the policy gives a line for it.
        let place_why = (settling.iter())
            .filter(|_| pointed.is_empty())
            .flat_map(|&id| on_place(id))
            .find_map(|c| match c.because {
                Some(Because::Why(key)) => Some(key),
                _ => None,
            });
        let path = match (place_named, pointed.as_slice()) {
            (true, [one]) => Some(*one),
            _ => None,
        };
        let relative_lacks = path.map_or(Vec::new(), |id| {
            let conditions = &evaluation.trace.paths[id as usize].conditions;
            conditions
                .iter()
                .filter(|c| c.state == Tri::Unmet && !c.fields.iter().any(|f| f.is_place()))
                .map(|c| c.id)
                .collect()
        });
        let own_reasons = trace
            .conditions
            .iter()
            .filter(|c| c.state == Tri::Unmet)
            .filter(|c| c.fields.iter().all(|f| matches!(f, Field::Member(..))))
            .map(|c| c.id)
            .collect();
        let office = path.map_or(Vec::new(), |id| {
            outcome.paths[id as usize].office_decides.clone()
        });
        Some(JoinReading {
            may_join: member.may_join,
            basis: member.basis.clone(),
            path,
            relative_lacks,
            own_reasons,
            office,
            place_why,
        })
    }
}

#[cfg(test)]
mod tests;
