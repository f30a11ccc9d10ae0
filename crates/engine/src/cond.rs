//! The condition language rules are written in, and its three-valued evaluation.
//!
//! An unanswered field is `Unknown`, never "no": `All` is unmet as soon as one part is unmet,
//! `Any` is met as soon as one part is met, and anything else stays unknown (Kleene logic).

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::facts::Facts;
use crate::field::{Field, MemberField, Value, AGE_FROM, RELATIVES};
use crate::policy::{PathId, Policy};

/// The state of a condition: met, unmet, or not known yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    Met,
    Unmet,
    Unknown,
}

impl std::ops::Not for Tri {
    type Output = Tri;

    fn not(self) -> Tri {
        match self {
            Tri::Met => Tri::Unmet,
            Tri::Unmet => Tri::Met,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl Tri {
    fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Met
        } else {
            Tri::Unmet
        }
    }

    /// Kleene conjunction over parts evaluated lazily.
    pub fn all(parts: impl IntoIterator<Item = Tri>) -> Tri {
        let mut result = Tri::Met;
        for part in parts {
            match part {
                Tri::Unmet => return Tri::Unmet,
                Tri::Unknown => result = Tri::Unknown,
                Tri::Met => {}
            }
        }
        result
    }

    /// Kleene disjunction over parts evaluated lazily.
    pub fn any(parts: impl IntoIterator<Item = Tri>) -> Tri {
        let mut result = Tri::Unmet;
        for part in parts {
            match part {
                Tri::Met => return Tri::Met,
                Tri::Unknown => result = Tri::Unknown,
                Tri::Unmet => {}
            }
        }
        result
    }
}

/// A condition over the answers. Leaves name one field; `Member*` leaves read the relative the
/// condition is being checked for (inside `AnyMember`, or a relative's own rule).
#[derive(Clone, Copy, Debug)]
pub enum Cond {
    /// A field's answer is one of these.
    OneOf(Field, &'static [Value]),
    /// A yes/no field has this answer.
    Flag(Field, bool),
    /// A count field is at least this much.
    AtLeast(Field, u32),
    /// A date field is answered at all (never unmet: unanswered is not "no").
    Given(Field),
    /// A date field, plus this many months (a month end clamps), is today or later.
    WithinMonths(Field, u32),
    /// Another path's status is eligible.
    Path(PathId),
    All(&'static [Cond]),
    Any(&'static [Cond]),
    Not(&'static Cond),
    /// The relative's answer to a field is one of these.
    MemberOneOf(MemberField, &'static [Value]),
    MemberFlag(MemberField, bool),
    /// The relative's age in whole years on today is within these bounds (inclusive): read from
    /// the field ages are counted from, else from the field that answers the same (`AGE_FROM`).
    MemberAgeBetween(u32, u32),
    /// Some relative in `family` meets the condition.
    AnyMember(&'static Cond),
}

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
            Cond::AtLeast(field, min) => is(field, &|v| matches!(v, Value::Count(n) if n >= min)),
            Cond::Given(field) => match self.value(field) {
                Some(_) => Tri::Met,
                None => Tri::Unknown,
            },
            Cond::WithinMonths(field, months) => {
                let today = self.facts.today;
                is(
                    field,
                    &|v| matches!(v, Value::Date(d) if add_months(d, months) >= today),
                )
            }
            Cond::Path(id) => self.path(id),
            Cond::All(parts) => Tri::all(parts.iter().map(|c| self.eval(c))),
            Cond::Any(parts) => Tri::any(parts.iter().map(|c| self.eval(c))),
            Cond::Not(inner) => !self.eval(inner),
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
                Ok(Some(v)) => Tri::from_bool(
                    matches!(v, Value::Date(b) if (min..=max).contains(&age_on(b, self.facts.today))),
                ),
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

/// Adds calendar months; a day that does not exist in the target month becomes its last day
/// (2024-02-29 + 36 months = 2027-02-28).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Age in whole years on `today`; someone born on 29 February comes of age on 1 March in a
/// common year.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    if today < birth {
        return 0;
    }
    let years = today.year() - birth.year();
    let had_birthday = (today.month(), today.day()) >= (birth.month(), birth.day());
    (years - i32::from(!had_birthday)).max(0) as u32
}

impl Cond {
    /// Calls `visit` on every leaf, expanding nested conditions but not `Path` references.
    pub fn for_each_leaf(&self, visit: &mut dyn FnMut(&Cond)) {
        match self {
            Cond::All(parts) | Cond::Any(parts) => {
                parts.iter().for_each(|c| c.for_each_leaf(visit))
            }
            Cond::Not(inner) | Cond::AnyMember(inner) => inner.for_each_leaf(visit),
            leaf => visit(leaf),
        }
    }
}

impl Cond {
    /// Calls `visit` on this condition and every condition nested in it.
    pub fn for_each_node(&'static self, visit: &mut dyn FnMut(&'static Cond)) {
        visit(self);
        match self {
            Cond::All(parts) | Cond::Any(parts) => {
                parts.iter().for_each(|c| c.for_each_node(visit))
            }
            Cond::Not(inner) | Cond::AnyMember(inner) => inner.for_each_node(visit),
            _ => {}
        }
    }
}

mod fields;
pub(crate) use fields::fields_of;
