//! An answer typed as the app gives it and reads it back (`Answers::give`, `Answers::given`).

use serde_json::Value as Json;

use super::Value;
use crate::words::PriorityGroup;

/// An answer as the app gives it, typed: one value of the field's kind (a word's value, yes or
/// no, a number of months, a date), or the priority groups chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    One(Value),
    Groups(Vec<PriorityGroup>),
}

impl Given {
    /// The contract's word of a one-value answer that is one.
    pub fn word(&self) -> Option<&'static str> {
        match self {
            Given::One(value) => value.word(),
            Given::Groups(_) => None,
        }
    }

    /// As the contract's JSON writes it: every answer, whatever brings it, is checked by the one
    /// decoder (`Answers::give`).
    pub fn to_json(&self) -> Json {
        match self {
            Given::One(value) => value.to_json(),
            Given::Groups(groups) => groups.iter().map(|g| Json::from(g.word())).collect(),
        }
    }
}
