//! The thresholds a policy's rules compare counts, dates and ages with, and one value from each
//! class they tell apart.

use chrono::{Days, Months, NaiveDate};

use crate::cond::{add_months, age_on, Cond};
use crate::field::{Ask, Field, Value, AGE_FROM};
use crate::policy::Policy;

/// The thresholds a policy's rules compare counts, dates and ages with, as in force on a day.
#[derive(Default)]
pub(super) struct Thresholds {
    pub(super) at_least: Vec<(Field, u32)>,
    pub(super) windows: Vec<(Field, u32)>,
    pub(super) ages: Vec<(u32, u32)>,
}

impl Thresholds {
    /// The thresholds of `policy`'s rules with the values in force on `day`.
    pub(super) fn of(policy: &Policy, day: NaiveDate) -> Thresholds {
        let mut t = Thresholds::default();
        policy.for_each_leaf(&mut |leaf| match *leaf {
            Cond::AtLeast(field, n) => t.at_least.push((field, n.on(day))),
            Cond::WithinMonths(field, n) => t.windows.push((field, n.on(day))),
            Cond::MemberAgeBetween(min, max) => t.ages.push((min.on(day), max.on(day))),
            _ => {}
        });
        t
    }

    /// Which side of each threshold on `field` a value is, as bits: values with the same bits
    /// are in one class.
    pub(super) fn signature(&self, field: Field, value: Value, today: NaiveDate) -> u64 {
        let bits = |tests: &mut dyn Iterator<Item = bool>| {
            tests.fold(0u64, |acc, b| (acc << 1) | u64::from(b))
        };
        match (field, value) {
            (_, Value::Count(n)) => bits(
                &mut self
                    .at_least
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|&(_, min)| n >= min),
            ),
            (Field::Member(_, m), Value::Date(birth)) if m == AGE_FROM => bits(
                &mut self
                    .ages
                    .iter()
                    .map(|&(min, max)| (min..=max).contains(&age_on(birth, today))),
            ),
            (_, Value::Date(d)) => bits(
                &mut self
                    .windows
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|&(_, months)| add_months(d, months) >= today),
            ),
            _ => 0,
        }
    }

    /// One value from each class the rules tell apart, for a field judged on `today`.
    pub(crate) fn witnesses(&self, field: Field, today: NaiveDate) -> Vec<Value> {
        let few = field.every_value();
        if !few.is_empty() {
            return few;
        }
        let years_ago = |years: u32| {
            today
                .checked_sub_months(Months::new(12 * years))
                .unwrap_or(today)
        };
        let ages = (field == Field::Member(0, AGE_FROM))
            .then_some(&self.ages)
            .into_iter()
            .flatten();
        match field.ask() {
            Ask::Months => std::iter::once(0)
                .chain(
                    self.at_least
                        .iter()
                        .filter(|(f, _)| *f == field)
                        .flat_map(|&(_, n)| [n.saturating_sub(1), n]),
                )
                .map(Value::Count)
                .collect(),
            Ask::Date => std::iter::once(today)
                .chain(
                    self.windows
                        .iter()
                        .filter(|(f, _)| *f == field)
                        .flat_map(|&(_, n)| {
                            let first = today.checked_sub_months(Months::new(n)).unwrap_or(today);
                            [first, first - Days::new(1)]
                        }),
                )
                .chain(ages.flat_map(|&(min, max)| {
                    [min.saturating_sub(1), min, max, max + 1].map(years_ago)
                }))
                .map(Value::Date)
                .collect(),
            _ => Vec::new(),
        }
    }
}
