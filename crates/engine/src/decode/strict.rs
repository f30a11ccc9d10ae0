//! The strict JSON reader every input goes through.

use std::fmt;

use serde_json::Value;

use super::{InputError, InputErrorKind, MAX_INPUT_BYTES};

/// Parses JSON text, refusing what a plain parse lets pass silently: a key repeated in one object
/// (the last would win) is refused as listed twice, and a number out of range or any other fault
/// inside a value is named by that value's path (`months_resident`, `family[0].relation`).
/// Larger inputs are refused before parsing.
pub fn parse_strict(text: &str) -> Result<Value, InputError> {
    parse_strict_within(text, MAX_INPUT_BYTES)
}

/// The same, with another size limit (a stored session may carry more than answers alone).
pub fn parse_strict_within(text: &str, max_bytes: usize) -> Result<Value, InputError> {
    use serde::de::DeserializeSeed;
    if text.len() > max_bytes {
        return Err(InputError::too_large());
    }
    let failure = std::cell::RefCell::new(None);
    let seed = Strict {
        place: Place::Top,
        failure: &failure,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| {
        failure
            .into_inner()
            .unwrap_or_else(|| InputError::new("input", InputErrorKind::NotJson(e.to_string())))
    })
}

/// Where a value sits in the input, as a chain up to the top: the path's text is only written
/// out when something there is refused (most input is not, and a string per value costs).
#[derive(Clone, Copy)]
enum Place<'a> {
    Top,
    Key(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl Place<'_> {
    fn path(&self) -> String {
        match *self {
            Place::Top => String::new(),
            Place::Key(Place::Top, key) => key.to_owned(),
            Place::Key(parent, key) => format!("{}.{key}", parent.path()),
            Place::Index(Place::Top, i) => format!("input[{i}]"),
            Place::Index(parent, i) => format!("{}[{i}]", parent.path()),
        }
    }
}

/// One JSON value at `place`; the first fault found deep inside is kept in `failure`.
struct Strict<'a> {
    place: Place<'a>,
    failure: &'a std::cell::RefCell<Option<InputError>>,
}

impl<'a> Strict<'a> {
    fn at(&self, place: Place<'a>) -> Self {
        Strict {
            place,
            failure: self.failure,
        }
    }

    /// Remembers a fault at `place` unless one deeper down was remembered already.
    fn fail<E: serde::de::Error>(&self, place: &Place, kind: InputErrorKind) -> E {
        let mut failure = self.failure.borrow_mut();
        if failure.is_none() {
            let path = place.path();
            *failure = Some(InputError::new(
                if path.is_empty() {
                    "input".to_owned()
                } else {
                    path
                },
                kind,
            ));
        }
        E::custom("refused")
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Value, E> {
        match serde_json::Number::from_f64(n) {
            Some(number) => Ok(Value::Number(number)),
            None => Err(self.fail(
                &self.place,
                InputErrorKind::NotJson("number out of range".into()),
            )),
        }
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let place = Place::Index(&self.place, items.len());
            match seq.next_element_seed(self.at(place)) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => return Err(self.fail_with(&place, e)),
            }
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let place = Place::Key(&self.place, &key);
            if object.contains_key(&key) {
                return Err(self.fail(&place, InputErrorKind::Duplicate));
            }
            let value = match map.next_value_seed(self.at(place)) {
                Ok(value) => value,
                Err(e) => return Err(self.fail_with(&place, e)),
            };
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

impl Strict<'_> {
    /// A number out of range inside the value at `place` is named by its path; any other fault
    /// (broken text, nesting too deep) is the input's as a whole.
    fn fail_with<E: serde::de::Error + fmt::Display>(&self, place: &Place, e: E) -> E {
        let why = e.to_string();
        if self.failure.borrow().is_none() && why.starts_with("number out of range") {
            return self.fail(place, InputErrorKind::NotJson("number out of range".into()));
        }
        e
    }
}
