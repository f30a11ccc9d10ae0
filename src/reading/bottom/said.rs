//! What the bottom line says besides its verdict, worked out before it is drawn: what would open
//! settling, what it still depends on, who may come along later, the other open paths, and the
//! clauses behind all of it.

use chrono::NaiveDate;
use hukou_engine::cond::{add_months, Cond, Tri};
use hukou_engine::field::{Value, PLACE};
use hukou_engine::outcome::{CheckedCondition, Status};
use hukou_engine::policy::{PathId, Policy, ServiceRule};
use hukou_engine::{Evaluation, Field, MayJoin, Outcome};

use crate::i18n::{rule_on, Lang};
use crate::reading::verdict::Verdict;
use crate::reading::words::{condition_label, fix_lines, is_route, judged_by};
use crate::state::Session;

pub struct Said {
    /// The labels of the failing conditions of the path the person came for, when it is closed.
    pub closed_missing: Vec<&'static str>,
    /// When time is the one thing that path is known to lack: the months still to wait, and
    /// about when they are up.
    pub wait: Option<(u32, NaiveDate)>,
    /// What would open settling where the person asked.
    pub fixes: Vec<Fix>,
    /// Settling there still open on an answer the person was unsure of.
    pub depends: Option<(PathId, Field)>,
    /// Who may come along once the person can settle, said when they cannot yet.
    pub family_after: bool,
    /// For someone registered already, the titles of the services they have there; for someone
    /// who may apply for a residence permit, or may once the months are up, those it brings (4.2).
    pub services: Vec<&'static str>,
    /// The titles of the other paths open to the person.
    pub also: Vec<&'static str>,
    /// The clauses behind the verdict and all of the above, each once.
    pub clauses: Vec<&'static str>,
}

pub fn said(
    session: &Session,
    evaluation: &Evaluation,
    verdict: Verdict,
    place_kind: Option<&str>,
    asks_to_settle: bool,
) -> Said {
    let outcome = &evaluation.outcome;
    // Being registered already is the person's own answer, not a conclusion of the policy.
    let mut clauses: Vec<&'static str> = Vec::new();
    let mut cite = |clause: &'static str| {
        if !clauses.contains(&clause) {
            clauses.push(clause);
        }
    };
    if let Some(id) = verdict.path() {
        cite(evaluation_clause(evaluation, id));
    }
    let wait = match verdict {
        Verdict::Closed(id) => months_to_wait(session, evaluation, id),
        _ => None,
    };
    let closed_missing = closed_missing(session, evaluation, verdict, &mut cite);
    // What would open settling is said under the settling clause it comes from.
    let fixes = fixes(session, evaluation, asks_to_settle);
    fixes.iter().for_each(|&(_, clause)| cite(clause));
    let depends = depends(session, outcome, asks_to_settle);
    // Someone who cannot settle yet is not asked about relatives (they decide nothing yet), but
    // is told who may come along once they can (not someone who said nobody would).
    let family_after = settling_path(judged_by(evaluation), place_kind)
        .filter(|_| asks_to_settle && !verdict.path().is_some_and(PathId::settles))
        .filter(|_| session.answers.family.is_none() && !outcome.registered_here);
    if let Some(id) = family_after {
        cite(evaluation_clause(evaluation, id));
    }
    // Someone registered already came for what they have there, and someone after a permit for
    // what it brings (a school for the child they came with, 4.2): the services, with clauses.
    // A permit that lacks only months: what it brings once they are up, the services that need
    // nothing but the permit.
    let mut services = Vec::new();
    let policy = judged_by(evaluation);
    let title = |r: &ServiceRule| rule_on(session.lang, policy, outcome.today, r.title);
    if matches!(verdict, Verdict::Registered | Verdict::Permit) {
        for service in &outcome.services {
            let rule = policy.services.iter().find(|r| r.id == service.id);
            services.extend(rule.map(title));
            service.basis.iter().for_each(|&clause| cite(clause));
        }
    }
    if let (Verdict::Closed(id @ PathId::ResidencePermit), Some(_)) = (verdict, wait) {
        for rule in policy.services {
            if matches!(rule.applies, Cond::Path(p) if p == id) {
                services.push(title(rule));
                cite(rule.clause);
            }
        }
    }
    // Someone registered here is told who may move their hukou to them, under its clause.
    if verdict == Verdict::Registered {
        (outcome.relatives.iter())
            .filter(|m| m.may_join == MayJoin::Yes)
            .for_each(|m| m.basis.iter().for_each(|&clause| cite(clause)));
    }
    let (also, also_clauses) = also(session.lang, evaluation, verdict);
    also_clauses.into_iter().for_each(&mut cite);
    Said {
        closed_missing,
        wait,
        fixes: fixes.into_iter().map(|(fix, _)| fix).collect(),
        depends,
        family_after: family_after.is_some(),
        services,
        also,
        clauses,
    }
}

/// What the path the person came for lacks, when it is closed: the failing conditions' labels,
/// each said under its own clause (the permit's six months: 663号 第二条).
fn closed_missing(
    session: &Session,
    evaluation: &Evaluation,
    verdict: Verdict,
    cite: &mut impl FnMut(&'static str),
) -> Vec<&'static str> {
    let Verdict::Closed(id) = verdict else {
        return Vec::new();
    };
    cite(evaluation_clause(evaluation, id));
    let policy = judged_by(evaluation);
    let conditions = &evaluation.trace.paths[id as usize].conditions;
    (conditions.iter().filter(|c| c.state == Tri::Unmet))
        .map(|c| {
            c.clauses.iter().for_each(|&clause| cite(clause));
            condition_label(session.lang, (policy, evaluation.outcome.today), c)
        })
        .collect()
}

/// The months still to wait where a closed path lacks nothing but time: its one unmet condition
/// asks for more months than the person has lived there (a permit after six months: five lived,
/// one to wait), and about when they are up (months are answered whole, so it is about).
fn months_to_wait(
    session: &Session,
    evaluation: &Evaluation,
    id: PathId,
) -> Option<(u32, NaiveDate)> {
    let conditions = &evaluation.trace.paths[id as usize].conditions;
    let mut unmet = conditions.iter().filter(|c| c.state == Tri::Unmet);
    let (Some(only), None) = (unmet.next(), unmet.next()) else {
        return None;
    };
    let Cond::AtLeast(field, needed) = judged_by(evaluation).condition(only.id)?.test else {
        return None;
    };
    let day = evaluation.outcome.today;
    let needed = needed.on(day);
    match session.answers.value(field)? {
        Value::Count(lived) if lived < needed => {
            let wait = needed - lived;
            Some((wait, add_months(day, wait)))
        }
        _ => None,
    }
}

/// The clause a path's outcome rests on (the path's own, should the outcome name none).
fn evaluation_clause(evaluation: &Evaluation, id: PathId) -> &'static str {
    let basis = evaluation.outcome.paths[id as usize].basis.first();
    basis
        .copied()
        .unwrap_or_else(|| judged_by(evaluation).path(id).clause)
}

/// One line of what would open settling.
pub enum Fix {
    /// A text key (`fix.<field>.<answer>`, said in its `.short` form): what to do about an answer.
    Do(String),
    /// The labels of failing conditions no such text covers: still missing, said as they are
    /// (`also` after lines of the first kind, so that those never read as all that is missing).
    Missing {
        labels: Vec<&'static str>,
        also: bool,
    },
}

/// What would open settling where the person asked (the place itself not being the failure),
/// each line with the clause of the path it opens.
fn fixes(
    session: &Session,
    evaluation: &Evaluation,
    asks_to_settle: bool,
) -> Vec<(Fix, &'static str)> {
    let outcome = &evaluation.outcome;
    let policy = judged_by(evaluation);
    [PathId::CentralUrbanSettlement, PathId::TownSettlement]
        .iter()
        .filter(|_| asks_to_settle)
        .filter(|&&id| outcome.paths[id as usize].status == Status::NotEligible)
        .flat_map(|&id| {
            let unmet: Vec<&CheckedCondition> = evaluation.trace.paths[id as usize]
                .conditions
                .iter()
                .filter(|c| c.state == Tri::Unmet)
                .collect();
            let clause = evaluation_clause(evaluation, id);
            if unmet.iter().any(|c| c.fields.iter().any(|f| f.is_place())) {
                return Vec::new();
            }
            let mut lines: Vec<(Fix, &'static str)> = fix_lines(session, &unmet)
                .into_iter()
                .map(|key| (Fix::Do(key), clause))
                .collect();
            let labels: Vec<&'static str> = unmet
                .iter()
                .filter(|c| fix_lines(session, &[**c]).is_empty())
                .map(|c| condition_label(session.lang, (policy, evaluation.outcome.today), c))
                .collect();
            if !labels.is_empty() {
                let also = !lines.is_empty();
                lines.push((Fix::Missing { labels, also }, clause));
            }
            lines
        })
        .collect()
}

/// Settling where the person asked still open on an answer they were unsure of: which
/// question, and how to find out, on the first screen.
fn depends(session: &Session, outcome: &Outcome, asks_to_settle: bool) -> Option<(PathId, Field)> {
    [PathId::CentralUrbanSettlement, PathId::TownSettlement]
        .into_iter()
        .filter(|_| asks_to_settle)
        .filter(|&id| outcome.paths[id as usize].status == Status::Undetermined)
        .find_map(|id| {
            let field = *outcome.paths[id as usize]
                .missing
                .iter()
                .find(|f| session.skipped.contains(f))?;
            Some((id, field))
        })
}

/// Other paths open to the person: "你也可以…", with their clauses.
fn also(
    lang: Lang,
    evaluation: &Evaluation,
    verdict: Verdict,
) -> (Vec<&'static str>, Vec<&'static str>) {
    let outcome = &evaluation.outcome;
    let policy = Some(judged_by(evaluation));
    PathId::ALL
        .iter()
        .filter(|&&id| {
            Some(id) != verdict.path() && outcome.paths[id as usize].status == Status::Eligible
        })
        .filter(|&&id| !(outcome.registered_here && id.settles()))
        .filter_map(|&id| {
            let rule = policy?.path(id);
            Some((lang.rule(rule.title), evaluation_clause(evaluation, id)))
        })
        .unzip()
}

/// The route of 4.1 for this person's reason for having no hukou (its notice's id), if one
/// applies.
pub fn route(evaluation: &Evaluation) -> Option<&'static str> {
    let policy = judged_by(evaluation);
    let notice = (evaluation.outcome.notices.iter()).find(|n| is_route(policy, n.id))?;
    Some(notice.id)
}

/// The settling path of the kind of place named, if settling there is a path at all: the path
/// relatives may join whose condition on the place takes it (the policy's data says which).
fn settling_path(policy: &Policy, place_kind: Option<&str>) -> Option<PathId> {
    let place = PLACE.value_of(place_kind?)?;
    let takes = |test: &Cond| matches!(*test, Cond::OneOf(f, values) if f == PLACE && values.contains(&place));
    (policy.relatives_join.iter().copied())
        .find(|&id| (policy.path(id).conditions.iter()).any(|c| takes(&c.test)))
}
