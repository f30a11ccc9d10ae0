//! What to bring and where to go, for each path open to the person (someone coming to family:
//! for them and the relative they come to).

use hukou_engine::outcome::Status;
use hukou_engine::policy::PathId;
use hukou_engine::{Evaluation, MayJoin};

use crate::i18n::{has, tr, tr_of};
use crate::questions::about;
use crate::reading::join::JoinReading;
use crate::reading::verdict::Verdict;
use crate::state::Session;

/// One path's checklist.
#[derive(Debug, PartialEq)]
pub struct Checklist {
    pub path: PathId,
    pub items: Vec<String>,
    /// Where to go, said inside a sentence; how long it takes, where the path says.
    pub place: String,
    pub when: Option<&'static str>,
    /// Another open path is the answer the bottom line gives: this list folds under its title.
    pub aside: bool,
}

pub fn checklists(session: &Session, evaluation: &Evaluation) -> Vec<Checklist> {
    let lang = session.lang;
    let list = |id: PathId, key: String| Checklist {
        path: id,
        items: about(session, &key).split('|').map(str::to_owned).collect(),
        place: lang.inside_sentence(tr_of(lang, &["checklist.", id.id(), ".where"])),
        when: Some(format!("checklist.{}.when", id.id()))
            .filter(|k| has(lang, k))
            .map(|k| tr(lang, &k)),
        aside: false,
    };
    if session.joining() {
        let joining = JoinReading::of(evaluation).filter(|r| r.may_join == MayJoin::Yes);
        return (joining.and_then(|r| r.path).into_iter())
            .map(|id| list(id, format!("checklist.join.{}", id.id())))
            .collect();
    }
    let outcome = &evaluation.outcome;
    let registered = outcome.registered_here;
    // Proof of relationship only for relatives who may move too (3.1, 3.2), not for nobody.
    let relatives_come = (outcome.relatives.iter()).any(|r| r.may_join != MayJoin::No);
    let leading = Verdict::of(evaluation, session.purpose).path();
    PathId::ALL
        .iter()
        .zip(&outcome.paths)
        // Someone registered here already has nothing to move, and no permit to ask for.
        .filter(|(&id, p)| {
            p.status == Status::Eligible
                && !(registered && (id.settles() || id == PathId::ResidencePermit))
        })
        .map(|(&id, _)| {
            let mut checklist = list(id, format!("checklist.{}", id.id()));
            checklist.aside = leading.is_some_and(|p| p != id);
            if id.settles() && relatives_come {
                checklist
                    .items
                    .push(tr(lang, "checklist.relatives").to_owned());
            }
            checklist
        })
        .collect()
}

#[cfg(test)]
mod tests;
