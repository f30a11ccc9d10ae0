//! The exhaustive sweep: every combination of the enum and yes/no fields (24,800,580 answer
//! sets, see `hukou_engine::sweep`) is evaluated without a panic, and the policy's invariants
//! hold for each.

use chrono::NaiveDate;
use hukou_engine::outcome::Status;
use hukou_engine::policies::POLICIES;
use hukou_engine::sweep::AnswerSpace;
use hukou_engine::words::{CurrentHukou, Residence, TargetArea};
use hukou_engine::{evaluate, Answers, Facts, MayJoin, Outcome};

const SETTLEMENT: [&str; 2] = ["central_urban_settlement", "town_settlement"];
const REGISTRATION: [&str; 4] = [
    "central_urban_settlement",
    "town_settlement",
    "newborn_registration",
    "unregistered_person_registration",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn outcome(answers: &Answers) -> Outcome {
    evaluate(&Facts::new(answers, today()).expect("the sweep holds valid answers")).outcome
}

fn status(o: &Outcome, id: &str) -> Status {
    o.path(id).expect("every path is always listed").status
}

fn listed(ids: impl IntoIterator<Item = &'static str>, id: &str) -> bool {
    ids.into_iter().any(|i| i == id)
}

/// Checks one answer set; returns a description of the first broken invariant.
fn check(answers: &Answers) -> Result<(), String> {
    let o = outcome(answers);
    let policy = POLICIES[0];
    let ids: Vec<&str> = o.paths.iter().map(|p| p.id).collect();
    if ids
        != [
            "central_urban_settlement",
            "town_settlement",
            "newborn_registration",
            "unregistered_person_registration",
            "residence_permit",
        ]
    {
        return Err(format!("paths out of contract order: {ids:?}"));
    }
    if o.relatives.len() != answers.family.as_ref().map_or(0, Vec::len) {
        return Err("one family entry per relative".into());
    }
    let bases = o
        .paths
        .iter()
        .flat_map(|p| &p.basis)
        .chain(o.relatives.iter().flat_map(|m| &m.basis))
        .chain(o.services.iter().flat_map(|s| &s.basis))
        .chain(o.notices.iter().flat_map(|n| &n.basis));
    for basis in bases {
        if policy.clause(basis).is_none() {
            return Err(format!("basis {basis} is no clause of the policy"));
        }
    }
    let mut seen = Vec::new();
    for field in &o.missing {
        if seen.contains(field) {
            return Err(format!("{field} listed twice in missing"));
        }
        seen.push(*field);
    }
    for path in &o.paths {
        let undetermined = path.status == Status::Undetermined;
        if undetermined == path.missing.is_empty() {
            return Err(format!(
                "{}: status {:?} with missing {:?}",
                path.id, path.status, path.missing
            ));
        }
        if (path.status == Status::NotEligible) == path.unmet.is_empty() {
            return Err(format!(
                "{}: status {:?} with unmet {:?}",
                path.id, path.status, path.unmet
            ));
        }
        if let Some(field) = path.missing.iter().find(|f| !o.missing.contains(f)) {
            return Err(format!(
                "{}: {field} missing for the path but not overall",
                path.id
            ));
        }
    }

    // A relative may come along only if the applicant can settle.
    let can_settle = SETTLEMENT
        .iter()
        .any(|id| status(&o, id) == Status::Eligible);
    let cannot_settle = SETTLEMENT
        .iter()
        .all(|id| status(&o, id) == Status::NotEligible);
    for m in &o.relatives {
        if m.may_join == MayJoin::Yes && !can_settle {
            return Err(format!(
                "relative {} may join though the applicant cannot settle",
                m.index
            ));
        }
        if cannot_settle && m.may_join != MayJoin::No {
            return Err(format!(
                "relative {} is {:?} though no settlement path is open",
                m.index, m.may_join
            ));
        }
        if m.may_join == MayJoin::Undetermined && o.missing.is_empty() {
            return Err(format!(
                "relative {} is undetermined with nothing left to ask",
                m.index
            ));
        }
    }

    // Section 6 serves only those who can settle or have settled.
    let has_settled =
        answers.current_hukou == Some(CurrentHukou::TargetArea) && answers.settled_on.is_some();
    for s in o.services.iter().filter(|s| s.basis[0].starts_with("6.")) {
        if !can_settle && !has_settled {
            return Err(format!(
                "service {} listed for someone who can neither settle nor has settled",
                s.id
            ));
        }
    }
    let fp = o
        .services
        .iter()
        .find(|s| s.id == "family_planning_rural_policy");
    if let Some(until) = fp.and_then(|s| s.until) {
        if !has_settled || until < o.today {
            return Err(format!("the 6.5 window ends {until}, which cannot be"));
        }
    }
    if fp.is_some_and(|s| s.until.is_none()) && has_settled {
        return Err("a settled person's 6.5 window has no end".into());
    }
    let registered = REGISTRATION
        .iter()
        .any(|id| status(&o, id) == Status::Eligible);
    if listed(o.notices.iter().map(|n| n.id), "unified_resident_hukou") != registered {
        return Err("the resident-hukou notice must follow the registration paths".into());
    }
    let permit = status(&o, "residence_permit") == Status::Eligible;
    if listed(o.services.iter().map(|s| s.id), "residence_permit_services") != permit {
        return Err("the permit services must follow the residence permit".into());
    }

    // Adding a home never closes a path.
    if matches!(answers.residence, None | Some(Residence::None)) {
        let with_home = outcome(&Answers {
            residence: Some(Residence::Owned),
            ..answers.clone()
        });
        for (before, after) in o.paths.iter().zip(&with_home.paths) {
            let closed = after.status.openness() < before.status.openness();
            let undecided = answers.residence.is_none()
                && before.status != Status::Undetermined
                && after.status != before.status;
            if closed || undecided {
                return Err(format!(
                    "a home turned {} from {:?} to {:?}",
                    before.id, before.status, after.status
                ));
            }
        }
    }

    // Whoever may settle in the central urban area could settle in a town on the same answers.
    if status(&o, "central_urban_settlement") == Status::Eligible {
        let in_town = outcome(&Answers {
            target_area: Some(TargetArea::CountySeatTown),
            ..answers.clone()
        });
        if status(&in_town, "town_settlement") != Status::Eligible {
            return Err("eligible in the central urban area but not in a county seat".into());
        }
    }
    Ok(())
}

#[test]
fn every_combination_of_discrete_answers_keeps_the_policys_invariants() {
    let space = &AnswerSpace::new(today());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) as u64;
    let total = space.len();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    let mut index = t;
                    while index < total && failures.len() < 5 {
                        let answers = space.get(index);
                        if let Err(why) = check(&answers) {
                            failures.push(format!(
                                "answer set {index}: {why}\n  {}",
                                answers.to_json()
                            ));
                        }
                        index += threads;
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("no panic in the sweep"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "invariants broken:\n{}",
        failures.join("\n")
    );
    assert_eq!(total, 24_800_580);
}
