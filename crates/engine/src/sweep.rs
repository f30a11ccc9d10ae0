//! The discrete answer space, for the exhaustive test and the benchmarks.
//!
//! Every combination of the enum and yes/no fields, each also unanswered (and `target_area` also
//! `unsure`): 24,800,580 answer sets. Counts, dates, relatives and priority groups are not
//! enumerated but drawn, in rotation by a hash of the index, from a few values on both sides of
//! each threshold.

use chrono::{Days, Months, NaiveDate};

use crate::answers::{Answers, Member};
use crate::words::{
    CurrentHukou, Employment, NoHukouReason, PriorityGroup, Relation, Residence, TargetArea,
};

/// The answer sets of the sweep, judged on `today`.
#[derive(Clone, Copy, Debug)]
pub struct AnswerSpace {
    pub today: NaiveDate,
}

/// `None` (unanswered) followed by every value.
fn with_unanswered<T: Copy>(values: &[T], digit: u64) -> Option<T> {
    digit.checked_sub(1).map(|i| values[i as usize])
}

const BOOLS: &[bool] = &[true, false];
/// Radices of the enumerated fields, in the order they are decoded.
const RADICES: [u64; 12] = [
    TargetArea::ALL.len() as u64 + 1,
    CurrentHukou::ALL.len() as u64 + 1,
    3, // rural_collective_member
    Residence::ALL.len() as u64 + 1,
    Employment::ALL.len() as u64 + 1,
    3, // urban_social_insurance
    3, // studying
    3, // newborn_unregistered
    NoHukouReason::ALL.len() as u64 + 1,
    3, // seeking_work
    3, // child_enlisted_before_transfer
    3, // bereaved_military_family
];

impl AnswerSpace {
    /// How many answer sets the sweep holds.
    pub fn len(&self) -> u64 {
        RADICES.iter().product()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The answer set at `index` (0 ≤ index < len).
    pub fn get(&self, index: u64) -> Answers {
        let mut rest = index;
        let mut digits = [0u64; RADICES.len()];
        for (digit, radix) in digits.iter_mut().zip(RADICES) {
            *digit = rest % radix;
            rest /= radix;
        }
        // A fixed mix of the index picks the drawn fields, so each meets every combination.
        let mix = index.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
        let today = self.today;
        let months = [None, Some(0), Some(5), Some(6), Some(240)][(mix % 5) as usize];
        let settled_on = [
            None,
            Some(today),
            today.checked_sub_months(Months::new(36)),
            today
                .checked_sub_months(Months::new(36))
                .and_then(|d| d.checked_sub_days(Days::new(1))),
        ][(mix / 5 % 4) as usize];
        let family = self.family((mix / 20 % 6) as usize);
        let priority_groups = match mix / 120 % 3 {
            0 => None,
            1 => Some(vec![]),
            _ => Some(vec![PriorityGroup::Graduate]),
        };
        Answers {
            today: Some(today),
            target_area: with_unanswered(TargetArea::ALL, digits[0]),
            current_hukou: with_unanswered(CurrentHukou::ALL, digits[1]),
            rural_collective_member: with_unanswered(BOOLS, digits[2]),
            residence: with_unanswered(Residence::ALL, digits[3]),
            employment: with_unanswered(Employment::ALL, digits[4]),
            urban_social_insurance: with_unanswered(BOOLS, digits[5]),
            months_resident: months,
            studying: with_unanswered(BOOLS, digits[6]),
            family,
            newborn_unregistered: with_unanswered(BOOLS, digits[7]),
            no_hukou_reason: with_unanswered(NoHukouReason::ALL, digits[8]),
            priority_groups,
            settled_on,
            seeking_work: with_unanswered(BOOLS, digits[9]),
            child_enlisted_before_transfer: with_unanswered(BOOLS, digits[10]),
            bereaved_military_family: with_unanswered(BOOLS, digits[11]),
        }
    }

    fn family(&self, which: usize) -> Option<Vec<Member>> {
        let years_ago = |years: u32| self.today.checked_sub_months(Months::new(12 * years));
        let member = |relation, lives, married, birth| Member {
            relation: Some(relation),
            lives_with_applicant: lives,
            married,
            school_age: None,
            birth_date: birth,
        };
        match which {
            0 => None,
            1 => Some(vec![]),
            2 => Some(vec![member(Relation::Spouse, Some(true), Some(true), None)]),
            3 => Some(vec![
                member(Relation::Child, Some(true), Some(false), years_ago(6)),
                member(Relation::Parent, Some(false), None, None),
            ]),
            4 => Some(vec![
                member(Relation::Child, Some(true), None, years_ago(16)),
                member(Relation::Sibling, Some(true), Some(false), None),
                Member::default(),
                // School age said, no birth date.
                Member {
                    school_age: Some(true),
                    ..member(Relation::Child, Some(true), Some(false), None)
                },
            ]),
            _ => Some(vec![member(
                Relation::Child,
                Some(true),
                Some(true),
                years_ago(15),
            )]),
        }
    }
}

/// A small deterministic generator (xorshift64) for the generated tests: a failure can be
/// replayed from its seed.
#[derive(Clone, Debug)]
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
