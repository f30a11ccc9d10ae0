//! The answer fields, each declared once: its contract name, the type of its answer (which fixes
//! how it is decoded, what the rules read, the values worth trying and how it is asked), and the
//! few limits of its own. `Answers`, `Member`, `Field`, `MemberField`, the decoder's dispatch and
//! `Facts::value` are all generated from the two lists at the end of this file.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value as Json;

use crate::decode::InputError;
use crate::words::{
    CurrentHukou, Employment, NoHukouReason, PriorityGroup, Relation, Residence, TargetArea,
};

pub use answer::{Answer, Ask, Value, MAX_FAMILY_MEMBERS, MAX_MONTHS};
pub use given::Given;

mod answer;
mod given;
#[macro_use]
mod generate;

// ─── The declaration ────────────────────────────────────────────────────────────────────────

applicant_fields! {
    /// Where the person wants to register (3.1 / 3.2).
    TargetArea target_area: TargetArea,
    CurrentHukou current_hukou: CurrentHukou,
    Residence residence: Residence,
    Employment employment: Employment,
    UrbanSocialInsurance urban_social_insurance: bool,
    MonthsResident months_resident: u32,
    Studying studying: bool,
    RuralCollectiveMember rural_collective_member: bool,
    NewbornUnregistered newborn_unregistered: bool,
    NoHukouReason no_hukou_reason: NoHukouReason,
    Family family: Vec<Member>,
    [relatives]
    SettledOn settled_on: NaiveDate,
    SeekingWork seeking_work: bool,
    ChildEnlistedBeforeTransfer child_enlisted_before_transfer: bool,
    BereavedMilitaryFamily bereaved_military_family: bool,
    PriorityGroups priority_groups: Vec<PriorityGroup>,
}

relative_fields! {
    Relation relation: Relation,
    LivesWithApplicant lives_with_applicant: bool,
    /// Of compulsory-school age on the day judged: the age range the rules test, answered
    /// without a birth date. It answers what the birth date would: the two are never both given.
    SchoolAge school_age: bool,
    BirthDate birth_date: NaiveDate,
    /// After the age: a child is not asked about marriage before their age is known.
    Married married: bool,
}

/// The field that lists the relatives.
pub const RELATIVES: Field = Field::Family;
/// The person's work: someone with work (or retired) is not asked whether they are looking
/// for it (`SEEKING_WORK`), and a retiree is not asked whether they study there (`STUDYING`).
pub const WORK: Field = Field::Employment;
pub const SEEKING_WORK: Field = Field::SeekingWork;
pub const STUDYING: Field = Field::Studying;
/// A baby not yet registered: a settler is asked about one once a young child is listed.
pub const NEWBORN: Field = Field::NewbornUnregistered;
/// Questions that add one service or notice for few people (a child who enlisted before the
/// move, a bereaved military family, the groups the city puts first): a calculator may offer
/// them at the end rather than ask them of everyone on the way.
pub const NOW_AND_THEN: [Field; 3] = [
    Field::ChildEnlistedBeforeTransfer,
    Field::BereavedMilitaryFamily,
    Field::PriorityGroups,
];
/// The relative's field ages are counted from (the rules' age ranges read it).
pub const AGE_FROM: MemberField = MemberField::BirthDate;
/// The relative's field that says who they are to the applicant (labels: "relative 2 (child)").
pub const KINSHIP: MemberField = MemberField::Relation;
/// The field asked as a place: the place the person names.
pub const PLACE: Field = Field::TargetArea;
/// The field of the home the person has there: someone living in a relative's home is asked
/// about that relative instead (coming to family).
pub const HOME: Field = Field::Residence;

impl Field {
    /// The earliest day a date field accepts; no date may be after the day judged.
    pub const fn earliest(self) -> NaiveDate {
        let (year, month, day) = match self {
            // Nobody alive today settled in a town before this.
            Field::SettledOn => (1950, 1, 1),
            _ => (1900, 1, 1),
        };
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(d) => d,
            None => panic!(),
        }
    }

    /// A field whose answer a person can change by their own circumstances (a home, a job,
    /// insurance, time lived there, school): a path failing only on these can be opened.
    pub const fn can_change(self) -> bool {
        matches!(
            self,
            Field::Residence
                | Field::Employment
                | Field::UrbanSocialInsurance
                | Field::MonthsResident
                | Field::Studying
        )
    }

    /// A date field whose "not sure" is "not yet" (not moved yet): the field stays unanswered.
    pub const fn not_yet(self) -> bool {
        matches!(self, Field::SettledOn)
    }
}

impl MemberField {
    /// The field that answers the same thing as this one: never both given.
    pub const fn same_as(self) -> Option<MemberField> {
        match self {
            MemberField::SchoolAge => Some(MemberField::BirthDate),
            MemberField::BirthDate => Some(MemberField::SchoolAge),
            _ => None,
        }
    }
}

impl Field {
    /// The field at a contract path such as `residence` or `family[2].married`.
    pub fn from_path(path: &str) -> Option<Field> {
        if let Some(rest) = path
            .strip_prefix(RELATIVES.name())
            .and_then(|r| r.strip_prefix('['))
        {
            let (index, member_field) = rest.split_once("].")?;
            let index: u16 = index.parse().ok()?;
            let member_field = MemberField::ALL.iter().find(|f| f.name() == member_field)?;
            return Some(Field::Member(index, *member_field));
        }
        Field::TOP_LEVEL.iter().find(|f| f.name() == path).copied()
    }

    /// How it is asked.
    pub const fn ask(self) -> Ask {
        match self {
            Field::Member(_, m) => m.own_ask(),
            f => f.own_ask(),
        }
    }

    /// Whether the field is asked as a place (the place the person names).
    pub const fn is_place(self) -> bool {
        matches!(self.ask(), Ask::Place(_))
    }

    /// The contract's word for "not sure", for the few fields that have one (it decides
    /// nothing); elsewhere "not sure" leaves the field unanswered.
    pub const fn unsure(self) -> Option<&'static str> {
        match self {
            Field::Member(_, m) => m.own_unsure(),
            f => f.own_unsure(),
        }
    }

    /// The value a word of the field's choices stands for ("not sure" included).
    pub fn value_of(self, word: &str) -> Option<Value> {
        match self {
            Field::Member(_, m) => m.own_value_of(word),
            f => f.own_value_of(word),
        }
    }

    /// Every value a rule can read, when they are few (words, yes / no); empty otherwise.
    pub fn every_value(self) -> Vec<Value> {
        match self {
            Field::Member(_, m) => m.own_values(),
            f => f.own_values(),
        }
    }
}

/// The contract's path to a field: `residence`, `family[2].married`.
impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Member(index, member_field) => {
                write!(f, "{}[{index}].{}", RELATIVES.name(), member_field.name())
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

impl Answers {
    /// The answer to any field, a relative's too, typed as the app gives it (`None` while
    /// unanswered, and for an answer that decides nothing).
    pub fn given(&self, field: Field) -> Option<Given> {
        match field {
            Field::Member(index, member_field) => (self.family.as_ref()?)
                .get(index as usize)?
                .given_field(member_field),
            top => self.given_field(top),
        }
    }

    /// The relatives listed (none while the question is unanswered).
    pub fn relatives(&self) -> &[Member] {
        self.family.as_deref().unwrap_or_default()
    }

    /// The relatives listed, for editing; answering the question with none if it was open.
    pub fn relatives_mut(&mut self) -> &mut Vec<Member> {
        self.family.get_or_insert_with(Vec::new)
    }

    /// The `index`-th relative, if listed.
    pub fn relative_mut(&mut self, index: usize) -> Option<&mut Member> {
        self.family.as_mut()?.get_mut(index)
    }

    /// Answers the question of relatives with this list (`None`: takes it back).
    pub fn set_relatives(&mut self, relatives: Option<Vec<Member>>) {
        self.family = relatives;
    }

    /// What the rules read of one field, `None` while unanswered.
    pub fn value(&self, field: Field) -> Option<Value> {
        match field {
            Field::Member(index, member_field) => self
                .family
                .as_ref()?
                .get(index as usize)?
                .read_field(member_field),
            top => self.read_field(top),
        }
    }
}
