//! Judging the rules against facts: the context a condition is evaluated in, its three-valued
//! evaluation, and the parts of a policy judged once for both the outcome and `missing`.

use crate::cond::{add_months, age_on, Cond, PathId, Tri};
use crate::facts::Facts;
use crate::field::{Field, MemberField, Value, AGE_FROM, RELATIVES};
use crate::policy::{Policy, ServiceRule};

mod fields;
pub(crate) use fields::fields_of;

/// Which relative `Member*` leaves read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Binding {
    None,
    Index(u16),
    /// A relative not listed yet: every member leaf has this state.
    Hypothetical(Tri),
}

/// Everything a condition is evaluated against.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub facts: &'a Facts,
    pub policy: &'static Policy,
    pub binding: Binding,
    /// Path statuses already computed for exactly these facts.
    pub paths: Option<&'a [Tri]>,
}

impl<'a> Ctx<'a> {
    pub fn new(facts: &'a Facts, policy: &'static Policy) -> Self {
        Ctx {
            facts,
            policy,
            binding: Binding::None,
            paths: None,
        }
    }

    pub fn bound(self, binding: Binding) -> Self {
        Ctx { binding, ..self }
    }

    pub fn value(&self, field: Field) -> Option<Value> {
        self.facts.value(field)
    }

    fn member_field(&self, member_field: MemberField) -> Result<Option<Value>, Tri> {
        match self.binding {
            Binding::Index(i) => Ok(self.value(Field::Member(i, member_field))),
            Binding::Hypothetical(state) => Err(state),
            // A member leaf outside any relative is a rule-writing mistake; the tests catch it.
            Binding::None => Err(Tri::Unknown),
        }
    }

    /// The status of a path under these facts.
    pub fn path(&self, id: PathId) -> Tri {
        match self.paths {
            Some(statuses) => statuses[id as usize],
            None => {
                let rule = &self.policy.paths[id as usize];
                let ctx = self.bound(Binding::None);
                Tri::all(rule.conditions.iter().map(|c| ctx.eval(&c.test)))
            }
        }
    }

    pub fn eval(&self, cond: &Cond) -> Tri {
        let is = |field: Field, pred: &dyn Fn(Value) -> bool| match self.value(field) {
            Some(v) => Tri::from_bool(pred(v)),
            None => Tri::Unknown,
        };
        match *cond {
            Cond::OneOf(field, set) => is(field, &|v| set.contains(&v)),
            Cond::Flag(field, wanted) => is(field, &|v| v == Value::Bool(wanted)),
            Cond::AtLeast(field, min) => {
                let min = min.on(self.facts.today);
                is(field, &|v| matches!(v, Value::Count(n) if n >= min))
            }
            Cond::Given(field) => match self.value(field) {
                Some(_) => Tri::Met,
                None => Tri::Unknown,
            },
            Cond::WithinMonths(field, months) => {
                let today = self.facts.today;
                let months = months.on(today);
                is(
                    field,
                    &|v| matches!(v, Value::Date(d) if add_months(d, months) >= today),
                )
            }
            Cond::Path(id) => self.path(id),
            Cond::All(parts) => Tri::all(parts.iter().map(|c| self.eval(c))),
            Cond::Any(parts) => Tri::any(parts.iter().map(|c| self.eval(c))),
            Cond::Not(inner) => !self.eval(inner),
            Cond::Implied(a, by) => match self.eval(by) {
                Tri::Met => Tri::Met,
                _ => self.eval(a),
            },
            Cond::MemberOneOf(member_field, set) => match self.member_field(member_field) {
                Ok(v) => v.map_or(Tri::Unknown, |v| Tri::from_bool(set.contains(&v))),
                Err(state) => state,
            },
            Cond::MemberFlag(member_field, wanted) => match self.member_field(member_field) {
                Ok(v) => v.map_or(Tri::Unknown, |v| Tri::from_bool(v == Value::Bool(wanted))),
                Err(state) => state,
            },
            // The birth date when given; else what was said of school age (never both: `Facts`).
            Cond::MemberAgeBetween(min, max) => match self.member_field(AGE_FROM) {
                Ok(Some(v)) => {
                    let today = self.facts.today;
                    let ages = min.on(today)..=max.on(today);
                    Tri::from_bool(matches!(v, Value::Date(b) if ages.contains(&age_on(b, today))))
                }
                Ok(None) => match AGE_FROM.same_as().map(|said| self.member_field(said)) {
                    Some(Ok(v)) => {
                        v.map_or(Tri::Unknown, |v| Tri::from_bool(v == Value::Bool(true)))
                    }
                    Some(Err(state)) => state,
                    None => Tri::Unknown,
                },
                Err(state) => state,
            },
            Cond::AnyMember(inner) => self.any_member(inner),
        }
    }

    fn any_member(&self, inner: &Cond) -> Tri {
        match &self.facts.answers.value(RELATIVES) {
            Some(_) => Tri::any(
                (0..self.facts.member_count())
                    .map(|i| self.bound(Binding::Index(i as u16)).eval(inner)),
            ),
            // Unanswered: no relative could meet it if the rest of the condition already fails.
            None => match self.bound(Binding::Hypothetical(Tri::Unknown)).eval(inner) {
                Tri::Unmet => Tri::Unmet,
                _ => Tri::Unknown,
            },
        }
    }
}

/// Whether the relative `ctx` is bound to may come along.
pub(crate) fn relatives_state(ctx: &Ctx) -> Tri {
    Tri::all(ctx.policy.relatives.iter().map(|c| ctx.eval(&c.test)))
}

/// Each service's condition and whether its window has started, and each notice's condition,
/// judged once: `missing` and the lists both read them.
pub(crate) struct Judged {
    /// (applies, started): a window is judged only for a service that applies; without one,
    /// or for a service that does not apply, "started" is unmet.
    pub(crate) services: Vec<(Tri, Tri)>,
    pub(crate) notices: Vec<Tri>,
}

impl Judged {
    pub(crate) fn of(ctx: &Ctx) -> Judged {
        let service = |rule: &ServiceRule| {
            let applies = ctx.eval(&rule.applies);
            let started = match (&rule.window, applies) {
                (Some(window), Tri::Met) => ctx.eval(&window.started),
                _ => Tri::Unmet,
            };
            (applies, started)
        };
        Judged {
            services: ctx.policy.services.iter().map(service).collect(),
            notices: ctx
                .policy
                .notices
                .iter()
                .map(|n| ctx.eval(&n.applies))
                .collect(),
        }
    }
}
