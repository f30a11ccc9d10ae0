//! Answers as a person typed them, decoded from the contract's JSON.
//!
//! This is the one place where untrusted input becomes typed data. Every error names the field it
//! is about, so the command line, the app and the share link can all say what to fix.

use crate::field::Field;
use chrono::NaiveDate;
use serde_json::Value;

use crate::words::PriorityGroup;

/// More relatives than any household has: a longer list is a mistake or an attack.
pub const MAX_FAMILY_MEMBERS: usize = 50;
/// Larger inputs are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

pub use crate::field::{Answers, Member};
#[cfg(test)]
use error::Escaped;
pub use error::{InputError, InputErrorKind};
pub use strict::{parse_strict, parse_strict_within};

mod error;
mod strict;

impl Answers {
    /// Decodes the contract's JSON. Absent and `null` fields are "not answered".
    pub fn from_json(text: &str) -> Result<Answers, InputError> {
        Answers::from_value(&parse_strict(text)?)
    }

    /// Decodes an already parsed JSON value (the JavaScript API hands one over).
    pub fn from_value(value: &Value) -> Result<Answers, InputError> {
        let object = value
            .as_object()
            .ok_or_else(|| InputError::new("input", InputErrorKind::NotAnObject))?;
        let mut answers = Answers::default();
        for (key, value) in object.iter().filter(|(_, v)| !v.is_null()) {
            answers.set(key, value)?;
        }
        Ok(answers)
    }

    /// These answers with one field given (or, with `None`, taken back), checked by the same
    /// decoder as the contract's JSON.
    pub fn with(&self, field: Field, value: Option<&Value>) -> Result<Answers, InputError> {
        let mut answers = self.clone();
        // `null` is "not answered", as in the contract's JSON.
        let value = value.filter(|v| !v.is_null());
        match (field, value) {
            (Field::Member(index, member_field), value) => {
                if let Some(member) = answers.relative_mut(index as usize) {
                    match value {
                        Some(value) => member
                            .decode_field(member_field.name(), &field.to_string(), value)
                            .unwrap_or(Ok(()))?,
                        None => member.clear_field(member_field),
                    }
                }
            }
            (field, Some(value)) => answers.set(field.name(), value)?,
            (field, None) => answers.clear_field(field),
        }
        Ok(answers)
    }

    /// Decodes one top-level field of the contract's JSON into these answers.
    fn set(&mut self, key: &str, value: &Value) -> Result<(), InputError> {
        if key == "today" {
            self.today = Some(date(key, value)?);
            return Ok(());
        }
        self.decode_field(key, key, value)
            .unwrap_or_else(|| Err(InputError::new(key, InputErrorKind::UnknownField)))
    }

    /// The contract's JSON for these answers (compact; absent fields left out).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("answers always serialise")
    }
}

pub(crate) fn relatives(path: &str, value: &Value) -> Result<Vec<Member>, InputError> {
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

fn relative(path: &str, value: &Value) -> Result<Member, InputError> {
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

pub(crate) fn priority_groups(path: &str, value: &Value) -> Result<Vec<PriorityGroup>, InputError> {
    let items = value.as_array().ok_or_else(|| {
        InputError::new(
            path,
            InputErrorKind::WrongType {
                expected: "a list of group words",
            },
        )
    })?;
    let mut groups = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let field = format!("{path}[{index}]");
        let group = word(
            &field,
            item,
            PriorityGroup::from_word,
            PriorityGroup::expected,
        )?;
        if groups.contains(&group) {
            return Err(InputError::new(field, InputErrorKind::Duplicate));
        }
        groups.push(group);
    }
    Ok(groups)
}

pub(crate) fn word<T>(
    field: &str,
    value: &Value,
    from_word: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<T, InputError> {
    let text = value.as_str().ok_or_else(|| {
        InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "a word in quotes",
            },
        )
    })?;
    from_word(text).ok_or_else(|| {
        InputError::new(
            field,
            InputErrorKind::UnknownWord {
                word: text.to_owned(),
                expected: expected(),
            },
        )
    })
}

pub(crate) fn boolean(field: &str, value: &Value) -> Result<bool, InputError> {
    value.as_bool().ok_or_else(|| {
        InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "true or false",
            },
        )
    })
}

pub(crate) fn count(field: &str, value: &Value, max: u64) -> Result<u32, InputError> {
    let Value::Number(number) = value else {
        return Err(InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "a whole number",
            },
        ));
    };
    match number.as_u64() {
        Some(n) if n <= max => Ok(n as u32),
        Some(_) => Err(InputError::out_of_range(field, 0, max)),
        None if number.as_i64().is_some() => Err(InputError::out_of_range(field, 0, max)),
        // A fraction such as 6.5 is a type error; a negative or huge float is out of range.
        None => match number.as_f64() {
            Some(f) if f.fract() == 0.0 => Err(InputError::out_of_range(field, 0, max)),
            _ => Err(InputError::new(
                field,
                InputErrorKind::WrongType {
                    expected: "a whole number",
                },
            )),
        },
    }
}

/// Parses exactly `YYYY-MM-DD` and refuses dates that do not exist, such as 2023-02-30.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

pub(crate) fn date(field: &str, value: &Value) -> Result<NaiveDate, InputError> {
    let text = value.as_str().ok_or_else(|| {
        InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "a date \"YYYY-MM-DD\"",
            },
        )
    })?;
    parse_date(text).ok_or_else(|| {
        InputError::new(
            field,
            InputErrorKind::NotADate {
                text: text.to_owned(),
            },
        )
    })
}

#[cfg(test)]
mod tests;
