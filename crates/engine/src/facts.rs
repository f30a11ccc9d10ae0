//! Validated facts: the answers checked against each other and against the day they are judged on.

use chrono::NaiveDate;

use crate::answers::{Answers, InputError};
use crate::field::{Field, MemberField, Value};

/// The last day the calculator will judge on; later dates are typing mistakes.
pub const LATEST_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => panic!(),
};

/// Answers that passed every check, with the day they are judged on.
///
/// An answer that decides nothing (`unsure`) is stored as unanswered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub today: NaiveDate,
    pub answers: Answers,
}

impl Facts {
    /// Checks `answers` and fixes the day: `answers.today` if given, else `device_today`; a day
    /// before `earliest_today` (when the oldest policy known took effect: `Facts::new` passes
    /// it) or after `LATEST_TODAY` is refused.
    pub fn within(
        answers: &Answers,
        device_today: NaiveDate,
        earliest_today: NaiveDate,
    ) -> Result<Facts, InputError> {
        let today = answers.today.unwrap_or(device_today);
        if !(earliest_today..=LATEST_TODAY).contains(&today) {
            return Err(InputError::out_of_range(
                "today",
                earliest_today,
                LATEST_TODAY,
            ));
        }
        for &field in Field::TOP_LEVEL {
            if let Some(Value::Date(day)) = answers.value(field) {
                check_date(field, day, today)?;
            }
        }
        for (index, member) in answers.relatives().iter().enumerate() {
            let field = |m| Field::Member(index as u16, m);
            for &m in MemberField::ALL {
                // Two fields that answer the same thing: one is given, not both.
                if let Some(same) = m.same_as().filter(|&s| m < s) {
                    if member.is_answered(m) && member.is_answered(same) {
                        let (a, b) = (field(m).to_string(), field(same).to_string());
                        return Err(InputError::conflict(a, b));
                    }
                }
                if let Some(Value::Date(day)) = answers.value(field(m)) {
                    check_date(field(m), day, today)?;
                }
            }
        }
        let mut answers = answers.clone();
        answers.today = Some(today);
        answers.forget_undecided();
        Ok(Facts { today, answers })
    }

    /// Number of relatives listed (0 when the family question is unanswered).
    pub fn member_count(&self) -> usize {
        self.answers.relatives().len()
    }

    /// The answer to one field, `None` while unanswered.
    pub fn value(&self, field: Field) -> Option<Value> {
        self.answers.value(field)
    }
}

/// A date is never after the day judged, nor before the field's earliest.
fn check_date(field: Field, day: NaiveDate, today: NaiveDate) -> Result<(), InputError> {
    let earliest = field.earliest();
    if (earliest..=today).contains(&day) {
        Ok(())
    } else {
        Err(InputError::out_of_range(field.to_string(), earliest, today))
    }
}
