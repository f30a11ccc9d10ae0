//! Validated facts: the answers checked against each other and against the day they are judged on.

use chrono::NaiveDate;

use crate::answers::{Answers, InputError};
use crate::field::{Field, MemberField, Value};
use crate::words::TargetArea;

/// Nobody alive today settled in a town before this.
pub const EARLIEST_SETTLEMENT: NaiveDate = match NaiveDate::from_ymd_opt(1950, 1, 1) {
    Some(d) => d,
    None => panic!(),
};
/// The oldest birth date accepted for a relative.
pub const EARLIEST_BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!(),
};
/// The last day the calculator will judge on; later dates are typing mistakes.
pub const LATEST_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => panic!(),
};

/// Answers that passed every check, with the day they are judged on.
///
/// `target_area: unsure` is stored as unanswered: it decides nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub today: NaiveDate,
    pub answers: Answers,
}

impl Facts {
    /// Checks `answers` and fixes the day: `answers.today` if given, else `device_today`.
    /// `earliest_today` is the signing date of the oldest policy the engine knows.
    pub fn new(answers: &Answers, device_today: NaiveDate) -> Result<Facts, InputError> {
        let today = answers.today.unwrap_or(device_today);
        let earliest_today = crate::policy::earliest_effective();
        if !(earliest_today..=LATEST_TODAY).contains(&today) {
            return Err(InputError::out_of_range(
                "today",
                earliest_today,
                LATEST_TODAY,
            ));
        }
        if let Some(settled_on) = answers.settled_on {
            if !(EARLIEST_SETTLEMENT..=today).contains(&settled_on) {
                return Err(InputError::out_of_range(
                    "settled_on",
                    EARLIEST_SETTLEMENT,
                    today,
                ));
            }
        }
        for (index, member) in answers.family.iter().flatten().enumerate() {
            // School age is the answer for someone who does not give a birth date: not both.
            if member.school_age.is_some() && member.birth_date.is_some() {
                return Err(InputError::conflict(
                    format!("family[{index}].school_age"),
                    format!("family[{index}].birth_date"),
                ));
            }
            if let Some(birth) = member.birth_date {
                if !(EARLIEST_BIRTH..=today).contains(&birth) {
                    return Err(InputError::out_of_range(
                        format!("family[{index}].birth_date"),
                        EARLIEST_BIRTH,
                        today,
                    ));
                }
            }
        }
        let mut answers = answers.clone();
        answers.today = Some(today);
        if answers.target_area == Some(TargetArea::Unsure) {
            answers.target_area = None;
        }
        Ok(Facts { today, answers })
    }

    /// Decodes and checks contract JSON in one step.
    pub fn from_json(text: &str, device_today: NaiveDate) -> Result<Facts, InputError> {
        Facts::new(&Answers::from_json(text)?, device_today)
    }

    /// Number of relatives listed (0 when the family question is unanswered).
    pub fn member_count(&self) -> usize {
        self.answers.family.as_ref().map_or(0, Vec::len)
    }

    /// The answer to one field, `None` while unanswered.
    pub fn value(&self, field: Field) -> Option<Value> {
        let a = &self.answers;
        match field {
            Field::TargetArea => a.target_area.map(Value::Area),
            Field::CurrentHukou => a.current_hukou.map(Value::Hukou),
            Field::RuralCollectiveMember => a.rural_collective_member.map(Value::Bool),
            Field::Residence => a.residence.map(Value::Residence),
            Field::Employment => a.employment.map(Value::Employment),
            Field::UrbanSocialInsurance => a.urban_social_insurance.map(Value::Bool),
            Field::MonthsResident => a.months_resident.map(Value::Count),
            Field::Studying => a.studying.map(Value::Bool),
            Field::Family => a.family.as_ref().map(|f| Value::Count(f.len() as u32)),
            Field::NewbornUnregistered => a.newborn_unregistered.map(Value::Bool),
            Field::NoHukouReason => a.no_hukou_reason.map(Value::Reason),
            Field::PriorityGroups => a
                .priority_groups
                .as_ref()
                .map(|g| Value::Bool(!g.is_empty())),
            Field::SettledOn => a.settled_on.map(Value::Date),
            Field::SeekingWork => a.seeking_work.map(Value::Bool),
            Field::ChildEnlistedBeforeTransfer => a.child_enlisted_before_transfer.map(Value::Bool),
            Field::BereavedMilitaryFamily => a.bereaved_military_family.map(Value::Bool),
            Field::Member(index, member_field) => {
                let member = a.family.as_ref()?.get(index as usize)?;
                match member_field {
                    MemberField::Relation => member.relation.map(Value::Relation),
                    MemberField::LivesWithApplicant => member.lives_with_applicant.map(Value::Bool),
                    MemberField::Married => member.married.map(Value::Bool),
                    MemberField::SchoolAge => member.school_age.map(Value::Bool),
                    MemberField::BirthDate => member.birth_date.map(Value::Date),
                }
            }
        }
    }
}
