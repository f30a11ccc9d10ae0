//! Answers as a person typed them, decoded from the contract's JSON.
//!
//! This is the one place where untrusted input becomes typed data. Every error names the field it
//! is about, so the command line, the app and the share link can all say what to fix.

use serde_json::Value;

use crate::decode::date;
#[cfg(test)]
use crate::decode::Escaped;
pub use crate::decode::{
    parse_date, parse_strict, parse_strict_within, InputError, InputErrorKind, MAX_INPUT_BYTES,
};
pub use crate::field::{Answers, Member, MAX_FAMILY_MEMBERS};
use crate::field::{Field, Given};

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

    /// These answers with one field given as the app gives it, typed (or, with `None`, taken
    /// back); checked by the same decoder as the contract's JSON (a number of months over its
    /// limit, say, is refused).
    pub fn give(&self, field: Field, given: Option<&Given>) -> Result<Answers, InputError> {
        self.with(field, given.map(Given::to_json).as_ref())
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

#[cfg(test)]
mod tests;
