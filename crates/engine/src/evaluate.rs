//! `evaluate`: facts and the policy in force → outcome, trace, and the questions still worth asking.
//!
//! `missing` is derived from the rules themselves, exactly (`missing.rs`).

use crate::cond::{add_months, Cond, Tri};
use crate::facts::Facts;
use crate::field::{Field, Value};
use crate::judge::{fields_of, relatives_state, Binding, Ctx, Judged};
use crate::outcome::{
    CheckedCondition, Evaluation, MemberOutcome, MemberTrace, NoticeOutcome, Outcome, PathOutcome,
    PathTrace, PolicyRef, ServiceOutcome, Status, Trace,
};
use crate::policies::{in_force, POLICIES};
use crate::policy::{Condition, PathId, Policy, ServiceRule};

mod office;

/// Evaluates `facts` under the policy in force on `facts.today`.
pub fn evaluate(facts: &Facts) -> Evaluation {
    evaluate_with(policy_for(facts), facts)
}

/// Evaluates `facts` under a given policy: the outcome and the trace of every condition checked.
pub fn evaluate_with(policy: &'static Policy, facts: &Facts) -> Evaluation {
    judge(policy, facts, true)
}

/// The outcome alone, under the policy in force on `facts.today`: what `evaluate` gives, without
/// the trace (for `hukou.evaluate`, which returns only the outcome).
pub fn outcome(facts: &Facts) -> Outcome {
    judge(policy_for(facts), facts, false).outcome
}

fn policy_for(facts: &Facts) -> &'static Policy {
    in_force(facts.today).unwrap_or(POLICIES[0])
}

/// The outcome, and the trace when asked for (an empty one otherwise). The paths' statuses are
/// judged first: services, notices and `missing` read them.
fn judge(policy: &'static Policy, facts: &Facts, with_trace: bool) -> Evaluation {
    let plain = Ctx::new(facts, policy);
    let statuses: Vec<Tri> = PathId::ALL.iter().map(|&id| plain.path(id)).collect();
    let ctx = Ctx {
        paths: Some(&statuses),
        ..plain
    };
    Evaluation {
        outcome: outcome_in(&ctx, &statuses),
        trace: match with_trace {
            true => trace(&ctx, policy, facts),
            false => Trace {
                paths: Vec::new(),
                relatives: Vec::new(),
            },
        },
    }
}

fn outcome_in(ctx: &Ctx, statuses: &[Tri]) -> Outcome {
    let (policy, facts) = (ctx.policy, ctx.facts);
    let judged = Judged::of(ctx);
    let (missing, path_missing) = crate::missing::missing(ctx, &judged);

    let paths = PathId::ALL
        .iter()
        .zip(path_missing)
        .map(|(&id, missing)| path_outcome(ctx, statuses[id as usize], id, missing))
        .collect();

    // The clauses relatives come along under, worked out only when someone is listed.
    let relative_basis = match facts.member_count() {
        0 => Vec::new(),
        _ => relative_basis(ctx, statuses),
    };
    let relatives = (0..facts.member_count())
        .map(|index| MemberOutcome {
            index,
            may_join: relatives_state(&ctx.bound(Binding::Index(index as u16))).into(),
            basis: relative_basis.clone(),
        })
        .collect();

    let services = policy
        .services
        .iter()
        .zip(&judged.services)
        .filter_map(|(rule, &state)| listed_service(ctx, rule, state))
        .collect();

    let notices = policy
        .notices
        .iter()
        .zip(&judged.notices)
        .filter(|(_, &applies)| applies == Tri::Met)
        .map(|(rule, _)| NoticeOutcome {
            id: rule.id,
            basis: vec![rule.clause],
        })
        .collect();

    Outcome {
        policy: PolicyRef {
            id: policy.id,
            document: policy.document,
            signed: policy.signed,
        },
        today: facts.today,
        paths,
        relatives,
        services,
        notices,
        missing,
        registered_here: ctx.eval(&policy.registered_here) == Tri::Met,
    }
}

/// One path's entry: its status, the fields of its failing conditions, what would decide it, and
/// what on it the office decides.
fn path_outcome(ctx: &Ctx, status: Tri, id: PathId, missing: Vec<Field>) -> PathOutcome {
    let rule = ctx.policy.path(id);
    let mut unmet = Vec::new();
    // A path is judged as all of its conditions: one is unmet only when the path is.
    if status == Tri::Unmet {
        for c in rule.conditions {
            if ctx.eval(&c.test) == Tri::Unmet {
                fields_of(ctx, &c.test, &mut unmet);
            }
        }
    }
    // Said only of an eligible path: its conditions are all answered, so what the office
    // decides never depends on an open question.
    let office_decides = match status {
        Tri::Met => (rule.conditions.iter())
            .filter_map(|c| office::rests_on(ctx, c))
            .collect(),
        _ => Vec::new(),
    };
    PathOutcome {
        id: id.id(),
        status: status.into(),
        basis: vec![rule.clause],
        unmet,
        missing,
        office_decides,
    }
}

/// Every condition checked, for each path and each relative, with its clauses.
fn trace(ctx: &Ctx, policy: &'static Policy, facts: &Facts) -> Trace {
    // The listed services that name the relatives they are for, each judged once, not once a
    // relative.
    let for_relatives: Vec<(&'static str, Cond)> = (policy.services.iter())
        .filter_map(|s| s.for_relatives.map(|c| (s, c)))
        .filter(|(s, _)| ctx.eval(&s.applies) == Tri::Met)
        .map(|(s, c)| (s.id, c))
        .collect();
    Trace {
        paths: PathId::ALL
            .iter()
            .map(|&id| PathTrace {
                id: id.id(),
                conditions: check_all(ctx, policy.path(id).conditions),
            })
            .collect(),
        relatives: (0..facts.member_count())
            .map(|index| {
                let member = ctx.bound(Binding::Index(index as u16));
                let services = (for_relatives.iter())
                    .filter(|(_, c)| member.eval(c) == Tri::Met)
                    .map(|&(id, _)| id);
                MemberTrace {
                    index,
                    conditions: check_all(&member, policy.relatives),
                    services: services.collect(),
                }
            })
            .collect(),
    }
}

/// A service is listed only when its condition is met (unmet and unknown look the same); a
/// window's end shows only on a listed service whose window has started.
fn listed_service(
    ctx: &Ctx,
    rule: &ServiceRule,
    (applies, started): (Tri, Tri),
) -> Option<ServiceOutcome> {
    if applies != Tri::Met {
        return None;
    }
    let until = rule
        .window
        .as_ref()
        .and_then(|w| match (started, ctx.value(w.from)) {
            (Tri::Met, Some(Value::Date(from))) => {
                Some(add_months(from, w.months.on(ctx.facts.today)))
            }
            _ => None,
        });
    Some(ServiceOutcome {
        id: rule.id,
        basis: vec![rule.clause],
        until,
    })
}

/// A relative comes along under the clause of the path the applicant settles by: the eligible
/// one, else the ones the place named points to (none of their conditions on the place alone
/// unmet), else all the paths relatives may join.
fn relative_basis(ctx: &Ctx, statuses: &[Tri]) -> Vec<&'static str> {
    let join = ctx.policy.relatives_join;
    let clauses = |ids: &mut dyn Iterator<Item = &PathId>| -> Vec<&'static str> {
        ids.map(|&id| ctx.policy.path(id).clause).collect()
    };
    let eligible = clauses(&mut join.iter().filter(|&&id| statuses[id as usize] == Tri::Met));
    if !eligible.is_empty() {
        return eligible;
    }
    let pointed_to = clauses(&mut join.iter().filter(|&&id| {
        ctx.policy.path(id).conditions.iter().all(|c| {
            let mut fields = Vec::new();
            fields_of(ctx, &c.test, &mut fields);
            let on_place_alone = !fields.is_empty() && fields.iter().all(|f| f.is_place());
            !on_place_alone || ctx.eval(&c.test) != Tri::Unmet
        })
    }));
    if pointed_to.is_empty() {
        clauses(&mut join.iter())
    } else {
        pointed_to
    }
}

fn check_all(ctx: &Ctx, conditions: &'static [Condition]) -> Vec<CheckedCondition> {
    conditions
        .iter()
        .map(|c| {
            let mut fields = Vec::new();
            fields_of(ctx, &c.test, &mut fields);
            let state = ctx.eval(&c.test);
            let because = c
                .because
                .iter()
                .filter(|(because, _)| match because.of_met() {
                    true => state == Tri::Met,
                    false => state == Tri::Unmet,
                })
                .find(|(_, when)| ctx.eval(when) == Tri::Met)
                .map(|&(key, _)| key);
            CheckedCondition {
                id: c.id,
                clauses: c.clauses,
                state,
                fields,
                because,
                office: office::rests_on(ctx, c).map(|o| o.id),
            }
        })
        .collect()
}

impl Status {
    /// Orders statuses from closed to open, for invariants such as "more answers never close".
    pub fn openness(self) -> u8 {
        match self {
            Status::NotEligible => 0,
            Status::Undetermined => 1,
            Status::Eligible => 2,
        }
    }
}
