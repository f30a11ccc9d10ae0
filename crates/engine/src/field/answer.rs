//! The types of answers: how each is decoded, what the rules read of it, how it is asked.

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::{Given, Member};
use crate::decode::{boolean, count, date, priority_groups, word, InputError, InputErrorKind};
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
    /// The contract's word for a value that is one (a kind of place, of hukou, of home...).
    pub fn word(self) -> Option<&'static str> {
        match self {
            Value::Area(a) => Some(a.word()),
            Value::Hukou(h) => Some(h.word()),
            Value::Residence(r) => Some(r.word()),
            Value::Employment(e) => Some(e.word()),
            Value::Reason(r) => Some(r.word()),
            Value::Relation(r) => Some(r.word()),
            Value::Bool(_) | Value::Count(_) | Value::Date(_) => None,
        }
    }

    /// The value as the contract's JSON writes it.
    pub fn to_json(self) -> Json {
        match self {
            Value::Bool(b) => b.into(),
            Value::Count(n) => n.into(),
            Value::Date(d) => d.to_string().into(),
            word => word.word().map_or(Json::Null, Json::from),
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
    /// The value one of its words stands for ("not sure" included), for answers given as words.
    fn value_of(_word: &str) -> Option<Value> {
        None
    }
    /// The answer as the app gives it (`None` for one that decides nothing).
    fn given(&self) -> Option<Given> {
        self.read().map(Given::One)
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
            fn value_of(word: &str) -> Option<Value> {
                $ty::from_word(word).map(Value::$variant)
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
    /// The groups chosen, not only whether there are any (which is all the rules read).
    fn given(&self) -> Option<Given> {
        Some(Given::Groups(self.clone()))
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

/// More relatives than any household has: a longer list is a mistake or an attack.
pub const MAX_FAMILY_MEMBERS: usize = 50;

pub(crate) fn relatives(path: &str, value: &Json) -> Result<Vec<Member>, InputError> {
    let items = value.as_array().ok_or_else(|| {
        InputError::new(
            path,
            InputErrorKind::WrongType {
                expected: "a list of relatives",
            },
        )
    })?;
    if items.len() > MAX_FAMILY_MEMBERS {
        return Err(InputError::new(
            path,
            InputErrorKind::TooMany {
                max: MAX_FAMILY_MEMBERS,
            },
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| relative(&format!("{path}[{index}]"), item))
        .collect()
}

fn relative(path: &str, value: &Json) -> Result<Member, InputError> {
    let object = value.as_object().ok_or_else(|| {
        InputError::new(
            path,
            InputErrorKind::WrongType {
                expected: "an object",
            },
        )
    })?;
    let mut member = Member::default();
    for (key, value) in object.iter().filter(|(_, v)| !v.is_null()) {
        let field = format!("{path}.{key}");
        member
            .decode_field(key, &field, value)
            .unwrap_or_else(|| Err(InputError::new(field.clone(), InputErrorKind::UnknownField)))?;
    }
    Ok(member)
}
