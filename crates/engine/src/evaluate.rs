//! `evaluate`: facts and the policy in force → outcome, trace, and the questions still worth asking.
//!
//! `missing` is derived from the rules themselves: for every part of the outcome that is still
//! undetermined, each unanswered field the part reads is given each value that could matter
//! (every word of an enum, both sides of every threshold) and kept if one of them settles the
//! part. Determined parts are skipped: three-valued logic never un-decides them.

use chrono::{Days, Months, NaiveDate};

use crate::cond::{add_months, fields_of, Binding, Cond, Ctx, Tri};
use crate::facts::Facts;
use crate::field::{Field, MemberField, Value};
use crate::outcome::{
    CheckedCondition, Evaluation, MemberOutcome, MemberTrace, NoticeOutcome, Outcome, PathOutcome,
    PathTrace, PolicyRef, ServiceOutcome, Status, Trace,
};
use crate::policy::{self, Condition, PathId, Policy, POLICIES};
use crate::words::{CurrentHukou, Employment, NoHukouReason, Relation, Residence, TargetArea};

/// A part of the outcome whose value can depend on answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Path(PathId),
    Relative(u16),
    /// `family` is unanswered: could a relative come along at all?
    WouldBeRelative,
    Service(usize),
    Notice(usize),
}

impl Part {
    /// How much settling this part weighs when ordering questions: paths first, then relatives,
    /// services and notices.
    fn weight(self) -> u32 {
        match self {
            Part::Path(_) => 8,
            Part::Relative(_) | Part::WouldBeRelative => 4,
            Part::Service(_) => 2,
            Part::Notice(_) => 1,
        }
    }
}

/// A part's value as the outcome shows it: a path's or relative's state, whether a service or
/// notice is listed (`Met`) or not (`Unmet`), and for a service with a window, its last day.
type PartValue = (Tri, Option<NaiveDate>);

fn listed(state: Tri) -> Tri {
    if state == Tri::Met {
        Tri::Met
    } else {
        Tri::Unmet
    }
}

/// Evaluates `facts` under the policy in force on `facts.today`.
pub fn evaluate(facts: &Facts) -> Evaluation {
    let policy = policy::in_force(facts.today).unwrap_or(POLICIES[0]);
    evaluate_with(policy, facts)
}

/// Evaluates `facts` under a given policy.
pub fn evaluate_with(policy: &'static Policy, facts: &Facts) -> Evaluation {
    let plain = Ctx::new(facts, policy);
    let statuses: Vec<Tri> = PathId::ALL.iter().map(|&id| plain.path(id)).collect();
    let ctx = Ctx {
        paths: Some(&statuses),
        ..plain
    };
    let (missing, path_missing) = missing(&ctx);

    let paths = PathId::ALL
        .iter()
        .zip(path_missing)
        .map(|(&id, missing)| {
            let rule = policy.path(id);
            let unmet = rule
                .conditions
                .iter()
                .filter(|c| ctx.eval(&c.test) == Tri::Unmet)
                .fold(Vec::new(), |mut fields, c| {
                    fields_of(&ctx, &c.test, &mut fields);
                    fields
                });
            PathOutcome {
                id: id.id(),
                status: statuses[id as usize].into(),
                basis: vec![rule.clause],
                unmet,
                missing,
            }
        })
        .collect();

    let relative_basis = relative_basis(&ctx, &statuses);
    let family = (0..facts.member_count())
        .map(|index| MemberOutcome {
            index,
            may_join: part_value(&ctx, Part::Relative(index as u16)).0.into(),
            basis: relative_basis.clone(),
        })
        .collect();

    let services = policy
        .services
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| match part_value(&ctx, Part::Service(i)) {
            (Tri::Met, until) => Some(ServiceOutcome {
                id: rule.id,
                basis: vec![rule.clause],
                until,
            }),
            _ => None,
        })
        .collect();

    let notices = policy
        .notices
        .iter()
        .filter(|rule| ctx.eval(&rule.applies) == Tri::Met)
        .map(|rule| NoticeOutcome {
            id: rule.id,
            basis: vec![rule.clause],
        })
        .collect();

    let trace = Trace {
        paths: PathId::ALL
            .iter()
            .map(|&id| PathTrace {
                id: id.id(),
                conditions: check_all(&ctx, policy.path(id).conditions),
            })
            .collect(),
        family: (0..facts.member_count())
            .map(|index| MemberTrace {
                index,
                conditions: check_all(&ctx.bound(Binding::Index(index as u16)), policy.relatives),
            })
            .collect(),
    };

    let outcome = Outcome {
        policy: PolicyRef {
            id: policy.id,
            document: policy.document,
            signed: policy.signed,
        },
        today: facts.today,
        paths,
        family,
        services,
        notices,
        missing,
    };
    Evaluation { outcome, trace }
}

/// The unanswered fields that could change the outcome, most decisive first, and for each path
/// those that could change its status.
///
/// Each hypothetical answer is tried once for all parts that read its field, with the path
/// statuses it leads to computed once.
fn missing(ctx: &Ctx) -> (Vec<Field>, [Vec<Field>; 5]) {
    let (facts, policy) = (ctx.facts, ctx.policy);
    let thresholds = Thresholds::of(policy);
    // Undecided parts, their current value and the unanswered fields they read.
    let mut open: Vec<(Part, PartValue, Vec<Field>)> = Vec::new();
    let mut candidates: Vec<Field> = Vec::new();
    for part in parts(facts, policy) {
        if part_is_decided(ctx, part) {
            continue;
        }
        let mut fields = Vec::new();
        part_fields(ctx, part, &mut fields);
        fields.retain(|&f| ctx.value(f).is_none());
        for &f in &fields {
            if !candidates.contains(&f) {
                candidates.push(f);
            }
        }
        open.push((part, part_value(ctx, part), fields));
    }

    let mut scores: Vec<(Field, u32)> = Vec::new();
    let mut path_missing: [Vec<Field>; 5] = Default::default();
    let mut decided = vec![false; open.len()];
    for &field in &candidates {
        decided.iter_mut().for_each(|d| *d = false);
        for value in witnesses(&thresholds, facts.today, field) {
            let hypothetical = ctx.with_overlay(field, value);
            let statuses: Vec<Tri> = PathId::ALL
                .iter()
                .map(|&id| hypothetical.path(id))
                .collect();
            let hypothetical = Ctx {
                paths: Some(&statuses),
                ..hypothetical
            };
            for (i, (part, base, fields)) in open.iter().enumerate() {
                if !decided[i]
                    && fields.contains(&field)
                    && part_value(&hypothetical, *part) != *base
                {
                    decided[i] = true;
                }
            }
        }
        for ((part, _, _), _) in open.iter().zip(&decided).filter(|(_, &d)| d) {
            match scores.iter_mut().find(|(f, _)| *f == field) {
                Some((_, score)) => *score += part.weight(),
                None => scores.push((field, part.weight())),
            }
            if let Part::Path(id) = part {
                path_missing[*id as usize].push(field);
            }
        }
    }
    scores.sort_by(|(fa, sa), (fb, sb)| sb.cmp(sa).then(fa.cmp(fb)));
    let rank = |field: &Field| scores.iter().position(|(f, _)| f == field);
    for missing in &mut path_missing {
        missing.sort_by_key(rank);
    }
    (
        scores.into_iter().map(|(field, _)| field).collect(),
        path_missing,
    )
}

fn parts(facts: &Facts, policy: &Policy) -> impl Iterator<Item = Part> {
    let relatives: Box<dyn Iterator<Item = Part>> = match &facts.answers.family {
        Some(members) => Box::new((0..members.len() as u16).map(Part::Relative)),
        None => Box::new(std::iter::once(Part::WouldBeRelative)),
    };
    PathId::ALL
        .into_iter()
        .map(Part::Path)
        .chain(relatives)
        .chain((0..policy.services.len()).map(Part::Service))
        .chain((0..policy.notices.len()).map(Part::Notice))
}

fn relatives_state(ctx: &Ctx, policy: &Policy) -> Tri {
    Tri::all(policy.relatives.iter().map(|c| ctx.eval(&c.test)))
}

fn part_value(ctx: &Ctx, part: Part) -> PartValue {
    let policy = ctx.policy;
    match part {
        Part::Path(id) => (ctx.path(id), None),
        Part::Relative(i) => (relatives_state(&ctx.bound(Binding::Index(i)), policy), None),
        Part::WouldBeRelative => match ctx.overlay {
            Some((Field::Family, Value::FamilyAny(true))) => (
                relatives_state(&ctx.bound(Binding::Hypothetical(Tri::Met)), policy),
                None,
            ),
            Some((Field::Family, Value::FamilyAny(false))) => (Tri::Unmet, None),
            _ => match relatives_state(&ctx.bound(Binding::Hypothetical(Tri::Unknown)), policy) {
                Tri::Unmet => (Tri::Unmet, None),
                _ => (Tri::Unknown, None),
            },
        },
        // A service or notice is either listed or not: unmet and unknown look the same. A window's
        // end shows only on a listed service.
        Part::Service(i) => {
            let rule = &policy.services[i];
            let state = listed(ctx.eval(&rule.applies));
            let until = match (state, &rule.window) {
                (Tri::Met, Some(w)) => match (ctx.eval(&w.started), ctx.value(w.from)) {
                    (Tri::Met, Some(Value::Date(from))) => Some(add_months(from, w.months)),
                    _ => None,
                },
                _ => None,
            };
            (state, until)
        }
        Part::Notice(i) => (listed(ctx.eval(&policy.notices[i].applies)), None),
    }
}

/// Whether no answer can change this part any more (three-valued logic never un-decides).
fn part_is_decided(ctx: &Ctx, part: Part) -> bool {
    let policy = ctx.policy;
    match part {
        Part::Service(i) => {
            let rule = &policy.services[i];
            match ctx.eval(&rule.applies) {
                Tri::Unmet => true,
                Tri::Met => rule
                    .window
                    .as_ref()
                    .is_none_or(|w| ctx.eval(&w.started) != Tri::Unknown),
                Tri::Unknown => false,
            }
        }
        Part::Notice(i) => ctx.eval(&policy.notices[i].applies) != Tri::Unknown,
        _ => part_value(ctx, part).0 != Tri::Unknown,
    }
}

fn part_fields(ctx: &Ctx, part: Part, out: &mut Vec<Field>) {
    let policy = ctx.policy;
    match part {
        Part::Path(id) => policy
            .path(id)
            .conditions
            .iter()
            .for_each(|c| fields_of(ctx, &c.test, out)),
        Part::Relative(i) => {
            let bound = ctx.bound(Binding::Index(i));
            policy
                .relatives
                .iter()
                .for_each(|c| fields_of(&bound, &c.test, out));
        }
        // Only the family question itself: the applicant's own fields count for the paths.
        Part::WouldBeRelative => out.push(Field::Family),
        Part::Service(i) => {
            let rule = &policy.services[i];
            fields_of(ctx, &rule.applies, out);
            if let Some(window) = &rule.window {
                fields_of(ctx, &window.started, out);
                if !out.contains(&window.from) {
                    out.push(window.from);
                }
            }
        }
        Part::Notice(i) => fields_of(ctx, &policy.notices[i].applies, out),
    }
}

/// The thresholds the policy's rules compare counts and dates with, read once per evaluation.
struct Thresholds {
    /// `AtLeast(months_resident, n)`: n.
    months: Vec<u32>,
    /// `WithinMonths(settled_on, n)`: n.
    settled_windows: Vec<u32>,
    /// `MemberAgeBetween(min, max)`: (min, max).
    ages: Vec<(u32, u32)>,
}

impl Thresholds {
    fn of(policy: &Policy) -> Thresholds {
        let mut t = Thresholds {
            months: Vec::new(),
            settled_windows: Vec::new(),
            ages: Vec::new(),
        };
        for_each_leaf(policy, &mut |leaf| match *leaf {
            Cond::AtLeast(Field::MonthsResident, n) => t.months.push(n),
            Cond::WithinMonths(Field::SettledOn, n) => t.settled_windows.push(n),
            Cond::MemberAgeBetween(min, max) => t.ages.push((min, max)),
            _ => {}
        });
        t
    }
}

/// The values worth trying for an unanswered field: one from each class the rules distinguish.
fn witnesses(thresholds: &Thresholds, today: NaiveDate, field: Field) -> Vec<Value> {
    let years_ago = |years: u32| {
        today
            .checked_sub_months(Months::new(12 * years))
            .unwrap_or(today)
    };
    match field {
        Field::TargetArea => TargetArea::ALL
            .iter()
            .filter(|&&a| a != TargetArea::Unsure)
            .map(|&a| Value::Area(a))
            .collect(),
        Field::CurrentHukou => CurrentHukou::ALL.iter().map(|&h| Value::Hukou(h)).collect(),
        Field::Residence => Residence::ALL
            .iter()
            .map(|&r| Value::Residence(r))
            .collect(),
        Field::Employment => Employment::ALL
            .iter()
            .map(|&e| Value::Employment(e))
            .collect(),
        Field::NoHukouReason => NoHukouReason::ALL
            .iter()
            .map(|&r| Value::Reason(r))
            .collect(),
        Field::Member(_, MemberField::Relation) => {
            Relation::ALL.iter().map(|&r| Value::Relation(r)).collect()
        }
        Field::Family => vec![Value::FamilyAny(true), Value::FamilyAny(false)],
        Field::MonthsResident => std::iter::once(0)
            .chain(
                thresholds
                    .months
                    .iter()
                    .flat_map(|&n| [n.saturating_sub(1), n]),
            )
            .map(Value::Count)
            .collect(),
        // Today (inside every window), and the first day inside each window with the day before.
        Field::SettledOn => std::iter::once(today)
            .chain(thresholds.settled_windows.iter().flat_map(|&n| {
                let first = today.checked_sub_months(Months::new(n)).unwrap_or(today);
                [first, first - Days::new(1)]
            }))
            .map(Value::Date)
            .collect(),
        Field::Member(_, MemberField::BirthDate) => {
            std::iter::once(today)
                .chain(thresholds.ages.iter().flat_map(|&(min, max)| {
                    [min.saturating_sub(1), min, max, max + 1].map(years_ago)
                }))
                .map(Value::Date)
                .collect()
        }
        _ => vec![Value::Bool(true), Value::Bool(false)],
    }
}

/// Visits every leaf of every rule of the policy.
fn for_each_leaf(policy: &Policy, visit: &mut dyn FnMut(&Cond)) {
    let conditions = policy
        .paths
        .iter()
        .flat_map(|p| p.conditions)
        .chain(policy.relatives);
    for condition in conditions {
        condition.test.for_each_leaf(visit);
    }
    for service in policy.services {
        service.applies.for_each_leaf(visit);
        if let Some(window) = &service.window {
            window.started.for_each_leaf(visit);
        }
    }
    for notice in policy.notices {
        notice.applies.for_each_leaf(visit);
    }
}

/// A relative comes along under the clause of the path the applicant settles by: the eligible
/// one, else the one the target area points to, else both.
fn relative_basis(ctx: &Ctx, statuses: &[Tri]) -> Vec<&'static str> {
    let central = ctx.policy.path(PathId::CentralUrbanSettlement).clause;
    let town = ctx.policy.path(PathId::TownSettlement).clause;
    let by_status = |id: PathId| statuses[id as usize] == Tri::Met;
    if by_status(PathId::CentralUrbanSettlement) {
        return vec![central];
    }
    if by_status(PathId::TownSettlement) {
        return vec![town];
    }
    match ctx.value(Field::TargetArea) {
        Some(Value::Area(TargetArea::CentralUrban)) => vec![central],
        Some(Value::Area(
            TargetArea::CountyCityUrban | TargetArea::CountySeatTown | TargetArea::OtherTown,
        )) => {
            vec![town]
        }
        _ => vec![central, town],
    }
}

fn check_all(ctx: &Ctx, conditions: &'static [Condition]) -> Vec<CheckedCondition> {
    conditions
        .iter()
        .map(|c| {
            let mut fields = Vec::new();
            fields_of(ctx, &c.test, &mut fields);
            CheckedCondition {
                id: c.id,
                clauses: c.clauses,
                label_zh: c.label_zh,
                label_en: c.label_en,
                state: ctx.eval(&c.test),
                fields,
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
