//! The condition language rules are written in, and its three-valued evaluation.
//!
//! An unanswered field is `Unknown`, never "no": `All` is unmet as soon as one part is unmet,
//! `Any` is met as soon as one part is met, and anything else stays unknown (Kleene logic).

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::field::{Field, MemberField, Value};

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
    pub(crate) fn from_bool(b: bool) -> Tri {
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

/// The registration paths every policy answers for, in the contract's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PathId {
    CentralUrbanSettlement = 0,
    TownSettlement = 1,
    NewbornRegistration = 2,
    UnregisteredPersonRegistration = 3,
    ResidencePermit = 4,
}

impl PathId {
    /// How many paths there are: the length of every per-path array.
    pub const COUNT: usize = 5;

    pub const ALL: [PathId; PathId::COUNT] = [
        PathId::CentralUrbanSettlement,
        PathId::TownSettlement,
        PathId::NewbornRegistration,
        PathId::UnregisteredPersonRegistration,
        PathId::ResidencePermit,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            PathId::CentralUrbanSettlement => "central_urban_settlement",
            PathId::TownSettlement => "town_settlement",
            PathId::NewbornRegistration => "newborn_registration",
            PathId::UnregisteredPersonRegistration => "unregistered_person_registration",
            PathId::ResidencePermit => "residence_permit",
        }
    }

    /// Whether the path settles a hukou in a town (3.1, 3.2), the paths relatives come along on.
    pub const fn settles(self) -> bool {
        matches!(
            self,
            PathId::CentralUrbanSettlement | PathId::TownSettlement
        )
    }
}

/// A number the rules compare with (months of residence, the years a service lasts, school
/// ages), named, with the clause it comes from and its values by the day each takes effect,
/// oldest first: an amendment is one more line.
#[derive(Debug)]
pub struct Parameter {
    pub id: &'static str,
    pub clause: &'static str,
    pub values: &'static [Dated],
}

/// One value of a parameter, from the day it takes effect, with the words a text quotes it in
/// (in the policy's own language, "半年"; the policy's translations give the others).
#[derive(Clone, Copy, Debug)]
pub struct Dated {
    pub from: NaiveDate,
    pub value: u32,
    pub words: &'static str,
}

impl Parameter {
    /// The line in force on `day` (before the first, the first).
    pub fn dated(&self, day: NaiveDate) -> &'static Dated {
        let values = self.values;
        values
            .iter()
            .rev()
            .find(|d| d.from <= day)
            .unwrap_or(&values[0])
    }

    /// The value in force on `day`.
    pub fn on(&self, day: NaiveDate) -> u32 {
        self.dated(day).value
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
    AtLeast(Field, &'static Parameter),
    /// A date field is answered at all (never unmet: unanswered is not "no").
    Given(Field),
    /// A date field, plus this many months (a month end clamps), is today or later.
    WithinMonths(Field, &'static Parameter),
    /// Another path's status is eligible.
    Path(PathId),
    All(&'static [Cond]),
    Any(&'static [Cond]),
    Not(&'static Cond),
    /// Met where the second condition is met, which settles the first (a child younger than the
    /// age of marriage is unmarried, whatever was answered); else the first.
    Implied(&'static Cond, &'static Cond),
    /// The relative's answer to a field is one of these.
    MemberOneOf(MemberField, &'static [Value]),
    MemberFlag(MemberField, bool),
    /// The relative's age in whole years on today is within these bounds (inclusive): read from
    /// the field ages are counted from, else from the field that answers the same (`AGE_FROM`):
    /// said of school age, in any range holding the school ages; said not, in none (a rules test
    /// holds that the only other range, the ages before marriage, holds them).
    MemberAgeBetween(&'static Parameter, &'static Parameter),
    /// Some relative in `family` meets the condition.
    AnyMember(&'static Cond),
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
            Cond::Implied(a, by) => {
                a.for_each_leaf(visit);
                by.for_each_leaf(visit);
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
            Cond::Implied(a, by) => {
                a.for_each_node(visit);
                by.for_each_node(visit);
            }
            Cond::Not(inner) | Cond::AnyMember(inner) => inner.for_each_node(visit),
            _ => {}
        }
    }
}
