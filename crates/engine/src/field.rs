//! The answer fields, each declared once: its contract name, the type of its answer (which fixes
//! how it is decoded, what the rules read, the values worth trying and how it is asked), and the
//! few limits of its own. `Answers`, `Member`, `Field`, `MemberField`, the decoder's dispatch and
//! `Facts::value` are all generated from the two lists at the end of this file.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value as Json;

use crate::answers::{boolean, count, date, priority_groups, relatives, word, InputError};
use crate::words::{
    CurrentHukou, Employment, NoHukouReason, PriorityGroup, Relation, Residence, TargetArea,
};

/// A value a rule can read from a field.
///
/// A list of priority groups is read as `Bool` (is the person in any group); the list of
/// relatives as `Count`, the number listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Area(TargetArea),
    Hukou(CurrentHukou),
    Residence(Residence),
    Employment(Employment),
    Bool(bool),
    Count(u32),
    Date(NaiveDate),
    Reason(NoHukouReason),
    Relation(Relation),
}

impl Value {
    /// The value as the contract's JSON writes it.
    pub fn to_json(self) -> Json {
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

/// How a field is asked, fixed by the type of its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// One of these contract words.
    Choice(&'static [&'static str]),
    /// A place: picked from the city's list, or one of these kinds of area.
    Place(&'static [&'static str]),
    YesNo,
    /// A whole number of months.
    Months,
    Date,
    /// Any of these words, or none.
    Several(&'static [&'static str]),
    /// The list of relatives.
    Relatives,
}

/// The type of an answer: how it is decoded from the contract's JSON, what the rules read of it,
/// and how it is asked.
pub trait Answer: Sized {
    const ASK: Ask;
    /// The contract's word for "not sure", for the few answers that have one.
    const UNSURE: Option<&'static str> = None;
    /// Decodes the JSON at `path` (the path names the field in any error).
    fn decode(path: &str, json: &Json) -> Result<Self, InputError>;
    /// What the rules read; `None` for an answer that decides nothing (`unsure`).
    fn read(&self) -> Option<Value>;
    /// The answer that reads as `value`, where there is one.
    fn from_value(value: Value) -> Option<Self>;
    /// Every value a rule can read, when they are few (words, yes / no); empty otherwise.
    fn every_value() -> Vec<Value> {
        Vec::new()
    }
    /// The answer as the contract's JSON writes it (`null` for one that decides nothing).
    fn json(&self) -> Json {
        self.read().map_or(Json::Null, Value::to_json)
    }
}

macro_rules! word_answers {
    ($($ty:ident => $variant:ident, $ask:ident;)*) => {$(
        impl Answer for $ty {
            const ASK: Ask = Ask::$ask($ty::CHOICES);
            const UNSURE: Option<&'static str> = $ty::UNSURE;
            fn decode(path: &str, json: &Json) -> Result<Self, InputError> {
                word(path, json, $ty::from_word, $ty::expected)
            }
            fn read(&self) -> Option<Value> {
                self.decides().then_some(Value::$variant(*self))
            }
            fn from_value(value: Value) -> Option<Self> {
                match value {
                    Value::$variant(v) => Some(v),
                    _ => None,
                }
            }
            fn every_value() -> Vec<Value> {
                $ty::ALL.iter().filter_map(Answer::read).collect()
            }
        }
    )*};
}

word_answers! {
    TargetArea => Area, Place;
    CurrentHukou => Hukou, Choice;
    Residence => Residence, Choice;
    Employment => Employment, Choice;
    NoHukouReason => Reason, Choice;
    Relation => Relation, Choice;
}

impl Answer for bool {
    const ASK: Ask = Ask::YesNo;
    fn decode(path: &str, json: &Json) -> Result<Self, InputError> {
        boolean(path, json)
    }
    fn read(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
    fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    fn every_value() -> Vec<Value> {
        vec![Value::Bool(true), Value::Bool(false)]
    }
}

/// A whole number of months, at most a hundred years.
impl Answer for u32 {
    const ASK: Ask = Ask::Months;
    fn decode(path: &str, json: &Json) -> Result<Self, InputError> {
        count(path, json, MAX_MONTHS)
    }
    fn read(&self) -> Option<Value> {
        Some(Value::Count(*self))
    }
    fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::Count(n) => Some(n),
            _ => None,
        }
    }
}

impl Answer for NaiveDate {
    const ASK: Ask = Ask::Date;
    fn decode(path: &str, json: &Json) -> Result<Self, InputError> {
        date(path, json)
    }
    fn read(&self) -> Option<Value> {
        Some(Value::Date(*self))
    }
    fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl Answer for Vec<PriorityGroup> {
    const ASK: Ask = Ask::Several(PriorityGroup::CHOICES);
    fn decode(path: &str, json: &Json) -> Result<Self, InputError> {
        priority_groups(path, json)
    }
    /// Whether the person is in any of the groups.
    fn read(&self) -> Option<Value> {
        Some(Value::Bool(!self.is_empty()))
    }
    fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::Bool(false) => Some(Vec::new()),
            Value::Bool(true) => PriorityGroup::ALL.first().map(|&g| vec![g]),
            _ => None,
        }
    }
    fn every_value() -> Vec<Value> {
        bool::every_value()
    }
    /// The groups themselves, not only whether there are any.
    fn json(&self) -> Json {
        self.iter().map(|g| Json::from(g.word())).collect()
    }
}

impl Answer for Vec<Member> {
    const ASK: Ask = Ask::Relatives;
    fn decode(path: &str, json: &Json) -> Result<Self, InputError> {
        relatives(path, json)
    }
    fn read(&self) -> Option<Value> {
        Some(Value::Count(self.len() as u32))
    }
    fn from_value(_: Value) -> Option<Self> {
        None
    }
}

/// A hundred years, in months: the most `Ask::Months` accepts.
pub const MAX_MONTHS: u64 = 1200;

/// Generates a struct of optional answers (with any `extra` fields before them) and, for its
/// field enum, the contract names, how each is asked, decoding, reading and clearing.
macro_rules! answer_struct {
    (
        $(#[$meta:meta])* struct $Struct:ident { $($extra:ident: $extra_ty:ty,)* }
        enum $Enum:ident;
        $($(#[$doc:meta])* $Variant:ident $name:ident: $ty:ty,)*
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
        pub struct $Struct {
            $(
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $extra: Option<$extra_ty>,
            )*
            $(
                $(#[$doc])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $name: Option<$ty>,
            )*
        }

        // The applicant's enum also has `Member`, which these never see.
        #[allow(unreachable_patterns)]
        impl $Struct {
            /// Decodes the field named `key` from `json`; `path` names it in errors. `None` for
            /// a name that is not one of these fields.
            pub(crate) fn decode_field(&mut self, key: &str, path: &str, json: &Json)
                -> Option<Result<(), InputError>>
            {
                match key {
                    $(stringify!($name) => Some(
                        <$ty as Answer>::decode(path, json).map(|v| self.$name = Some(v))
                    ),)*
                    _ => None,
                }
            }

            /// Takes an answer back.
            pub(crate) fn clear_field(&mut self, field: $Enum) {
                match field {
                    $($Enum::$Variant => self.$name = None,)*
                    _ => {}
                }
            }

            /// What the rules read of one field, `None` while unanswered.
            pub fn read_field(&self, field: $Enum) -> Option<Value> {
                match field {
                    $($Enum::$Variant => self.$name.as_ref().and_then(Answer::read),)*
                    _ => None,
                }
            }

            /// The answer to a field as the contract's JSON writes it, `null` while unanswered.
            pub fn json_of(&self, field: $Enum) -> Json {
                match field {
                    $($Enum::$Variant => self.$name.as_ref().map_or(Json::Null, Answer::json),)*
                    _ => Json::Null,
                }
            }

            /// Whether a field holds an answer (one that decides nothing included).
            pub fn is_answered(&self, field: $Enum) -> bool {
                match field {
                    $($Enum::$Variant => self.$name.is_some(),)*
                    _ => false,
                }
            }

            /// Sets a field to the answer that reads as `value`; false if none does.
            pub fn put(&mut self, field: $Enum, value: Value) -> bool {
                match field {
                    $($Enum::$Variant => match Answer::from_value(value) {
                        Some(v) => {
                            self.$name = Some(v);
                            true
                        }
                        None => false,
                    },)*
                    _ => false,
                }
            }

            /// Answers that decide nothing (`unsure`) stored as unanswered.
            pub fn forget_undecided(&mut self) {
                $(if self.$name.as_ref().is_some_and(|v| v.read().is_none()) {
                    self.$name = None;
                })*
            }
        }

        #[allow(unreachable_patterns)]
        impl $Enum {
            const fn own_ask(self) -> Ask {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::ASK,)*
                    _ => Ask::Relatives,
                }
            }

            const fn own_unsure(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::UNSURE,)*
                    _ => None,
                }
            }

            fn own_values(self) -> Vec<Value> {
                match self {
                    $($Enum::$Variant => <$ty as Answer>::every_value(),)*
                    _ => Vec::new(),
                }
            }
        }
    };
}

/// Generates the applicant's fields: `Answers`, and `Field` with `Member` after the list of
/// relatives.
macro_rules! applicant_fields {
    (
        $($(#[$doc1:meta])* $V1:ident $n1:ident: $t1:ty,)*
        [relatives]
        $($(#[$doc2:meta])* $V2:ident $n2:ident: $t2:ty,)*
    ) => {
        /// One answer field. The declaration order is the order questions are asked in when two
        /// fields are equally decisive.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($V1,)*
            Member(u16, MemberField),
            $($V2,)*
        }

        impl Field {
            /// Every top-level field (relatives' fields are `Member`).
            pub const TOP_LEVEL: &'static [Field] = &[$(Field::$V1,)* $(Field::$V2,)*];

            /// The contract's name of a top-level field (a relative's field is in the list of
            /// relatives, named by the first variant after them).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Field::$V1 => stringify!($n1),)*
                    $(Field::$V2 => stringify!($n2),)*
                    Field::Member(..) => RELATIVES.name(),
                }
            }
        }

        answer_struct! {
            /// Every answer the contract knows; `None` means "not answered yet".
            struct Answers { today: NaiveDate, }
            enum Field;
            $($(#[$doc1])* $V1 $n1: $t1,)*
            $($(#[$doc2])* $V2 $n2: $t2,)*
        }
    };
}

macro_rules! relative_fields {
    ($($(#[$doc:meta])* $V:ident $n:ident: $t:ty,)*) => {
        /// A field of one relative in the list of relatives.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MemberField { $($V,)* }

        impl MemberField {
            pub const ALL: &'static [MemberField] = &[$(MemberField::$V,)*];

            /// The contract's name.
            pub const fn name(self) -> &'static str {
                match self { $(MemberField::$V => stringify!($n),)* }
            }
        }

        answer_struct! {
            /// One relative who might come along or need a service.
            struct Member {}
            enum MemberField;
            $($(#[$doc])* $V $n: $t,)*
        }
    };
}

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
    Married married: bool,
    /// Of compulsory-school age on the day judged: the age range the rules test, answered
    /// without a birth date. It answers what the birth date would: the two are never both given.
    SchoolAge school_age: bool,
    BirthDate birth_date: NaiveDate,
}

/// The field that lists the relatives.
pub const RELATIVES: Field = Field::Family;
/// The relative's field ages are counted from (the rules' age ranges read it).
pub const AGE_FROM: MemberField = MemberField::BirthDate;
/// The relative's field that says who they are to the applicant (labels: "relative 2 (child)").
pub const KINSHIP: MemberField = MemberField::Relation;
/// The field asked as a place: the place the person names.
pub const PLACE: Field = Field::TargetArea;

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

    /// The contract's word for "not sure", for the few fields that have one (it decides
    /// nothing); elsewhere "not sure" leaves the field unanswered.
    pub const fn unsure(self) -> Option<&'static str> {
        match self {
            Field::Member(_, m) => m.own_unsure(),
            f => f.own_unsure(),
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
    /// The answer to any field, a relative's too, as the contract's JSON writes it (`null`
    /// while unanswered, and for an answer that decides nothing).
    pub fn answer_json(&self, field: Field) -> Json {
        match field {
            Field::Member(index, member_field) => self
                .relatives()
                .get(index as usize)
                .map_or(Json::Null, |m| m.json_of(member_field)),
            top => self.json_of(top),
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
