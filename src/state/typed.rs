//! Tests write answers as the contract does; this turns one into the typed action a tap sends.

use chrono::NaiveDate;
use hukou_engine::field::{Given, Value};
use hukou_engine::words::PriorityGroup;
use hukou_engine::Field;
use serde_json::Value as Json;

use super::Action;

/// The action of answering `field` with `json`, as the question's buttons, number or date would
/// send it (what a test writes that no tap could send is `Unreadable`).
pub(crate) fn answer(field: Field, json: Json) -> Action {
    let given = match &json {
        Json::Bool(b) => Some(Given::One(Value::Bool(*b))),
        Json::Number(n) => (n.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .map(|n| Given::One(Value::Count(n))),
        Json::String(word) => (field.value_of(word))
            .or_else(|| {
                NaiveDate::parse_from_str(word, "%Y-%m-%d")
                    .ok()
                    .map(Value::Date)
            })
            .map(Given::One),
        Json::Array(words) => Some(Given::Groups(
            (words.iter().filter_map(Json::as_str))
                .filter_map(PriorityGroup::from_word)
                .collect(),
        )),
        Json::Null | Json::Object(_) => None,
    };
    match given {
        Some(given) => Action::Answer(field, given),
        None => Action::Unreadable(field),
    }
}
