//! The strict JSON reader and the decoders of each kind of answer (a word, yes / no, a count, a
//! date, a list of words). Every error names the field it is about.

use chrono::NaiveDate;
use serde_json::Value;

use crate::words::PriorityGroup;

#[cfg(test)]
pub(crate) use error::Escaped;
pub use error::{InputError, InputErrorKind};
pub use strict::{parse_strict, parse_strict_within};

mod error;
mod strict;

/// Larger inputs are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

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
