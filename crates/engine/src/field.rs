//! Answer fields and their values, as the rules see them.

use std::fmt;

use crate::words::{CurrentHukou, Employment, NoHukouReason, Relation, Residence, TargetArea};

/// One answer field. The declaration order is the order questions are asked in when two fields
/// are equally decisive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    TargetArea,
    CurrentHukou,
    Residence,
    Employment,
    UrbanSocialInsurance,
    MonthsResident,
    Studying,
    RuralCollectiveMember,
    NewbornUnregistered,
    NoHukouReason,
    Family,
    Member(u16, MemberField),
    SettledOn,
    SeekingWork,
    ChildEnlistedBeforeTransfer,
    BereavedMilitaryFamily,
    PriorityGroups,
}

/// A field of one relative in `family`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MemberField {
    Relation,
    LivesWithApplicant,
    Married,
    /// Of compulsory-school age (6 to 15) on the day judged: the age range the rules test,
    /// answered without a birth date. When given, it is what counts.
    SchoolAge,
    BirthDate,
}

impl Field {
    /// Every top-level field (relatives' fields are `Member`).
    pub const TOP_LEVEL: &'static [Field] = &[
        Field::TargetArea,
        Field::CurrentHukou,
        Field::Residence,
        Field::Employment,
        Field::UrbanSocialInsurance,
        Field::MonthsResident,
        Field::Studying,
        Field::RuralCollectiveMember,
        Field::NewbornUnregistered,
        Field::NoHukouReason,
        Field::Family,
        Field::SettledOn,
        Field::SeekingWork,
        Field::ChildEnlistedBeforeTransfer,
        Field::BereavedMilitaryFamily,
        Field::PriorityGroups,
    ];

    /// The contract's name for a top-level field.
    pub const fn name(self) -> &'static str {
        match self {
            Field::TargetArea => "target_area",
            Field::CurrentHukou => "current_hukou",
            Field::RuralCollectiveMember => "rural_collective_member",
            Field::Residence => "residence",
            Field::Employment => "employment",
            Field::UrbanSocialInsurance => "urban_social_insurance",
            Field::MonthsResident => "months_resident",
            Field::Studying => "studying",
            Field::Family | Field::Member(..) => "family",
            Field::NewbornUnregistered => "newborn_unregistered",
            Field::NoHukouReason => "no_hukou_reason",
            Field::PriorityGroups => "priority_groups",
            Field::SettledOn => "settled_on",
            Field::SeekingWork => "seeking_work",
            Field::ChildEnlistedBeforeTransfer => "child_enlisted_before_transfer",
            Field::BereavedMilitaryFamily => "bereaved_military_family",
        }
    }
}

impl MemberField {
    pub const ALL: &'static [MemberField] = &[
        MemberField::Relation,
        MemberField::LivesWithApplicant,
        MemberField::Married,
        MemberField::SchoolAge,
        MemberField::BirthDate,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            MemberField::Relation => "relation",
            MemberField::LivesWithApplicant => "lives_with_applicant",
            MemberField::Married => "married",
            MemberField::SchoolAge => "school_age",
            MemberField::BirthDate => "birth_date",
        }
    }
}

impl Field {
    /// The field at a contract path such as `residence` or `family[2].married`.
    pub fn from_path(path: &str) -> Option<Field> {
        if let Some(rest) = path.strip_prefix("family[") {
            let (index, member_field) = rest.split_once("].")?;
            let index: u16 = index.parse().ok()?;
            let member_field = MemberField::ALL.iter().find(|f| f.name() == member_field)?;
            return Some(Field::Member(index, *member_field));
        }
        Field::TOP_LEVEL.iter().find(|f| f.name() == path).copied()
    }
}

/// The contract's path to a field: `residence`, `family[2].married`.
impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Member(index, member_field) => {
                write!(f, "family[{index}].{}", member_field.name())
            }
            other => f.write_str(other.name()),
        }
    }
}

impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A value a rule can read from a field.
///
/// `priority_groups` is read as `Bool` (is the person in any group); `family` as `Count`, the
/// number of relatives listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Area(TargetArea),
    Hukou(CurrentHukou),
    Residence(Residence),
    Employment(Employment),
    Bool(bool),
    Count(u32),
    Date(chrono::NaiveDate),
    Reason(NoHukouReason),
    Relation(Relation),
}

impl Value {
    /// The value as the contract's JSON writes it.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Value::Area(a) => a.word().into(),
            Value::Hukou(h) => h.word().into(),
            Value::Residence(r) => r.word().into(),
            Value::Employment(e) => e.word().into(),
            Value::Bool(b) => b.into(),
            Value::Count(n) => n.into(),
            Value::Date(d) => d.to_string().into(),
            Value::Reason(r) => r.word().into(),
            Value::Relation(r) => r.word().into(),
        }
    }
}
