//! The strict JSON reader every input goes through.

use std::cell::RefCell;
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
    let (failure, innermost) = (RefCell::new(None), RefCell::new(None));
    let seed = Strict {
        place: Place::Top,
        failure: &failure,
        innermost: &innermost,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| {
        if let Some(failure) = failure.into_inner() {
            return failure;
        }
        // serde_json's own messages are not used: writing them costs the page a kilobyte.
        if !e.is_eof() && ends_a_number(text, e.line(), e.column()) {
            let path = innermost.into_inner().unwrap_or_default();
            let path = if path.is_empty() {
                "input".into()
            } else {
                path
            };
            return InputError::new(path, InputErrorKind::NotJson("number out of range".into()));
        }
        let what = if e.is_eof() {
            "the text ends too soon"
        } else {
            "unexpected text"
        };
        let at = format!("{what} at line {}, column {}", e.line(), e.column());
        InputError::new("input", InputErrorKind::NotJson(at))
    })
}

/// Whether the parser stopped right after a well-formed number that stands where a value may
/// (after `:`, `[`, `,` or at the start): the one fault a well-formed number can be is being out
/// of range. `column` counts the bytes read on that line, as serde_json counts them.
fn ends_a_number(text: &str, line: usize, column: usize) -> bool {
    let line_start = match line {
        0 | 1 => 0,
        n => match text.match_indices('\n').nth(n - 2) {
            Some((at, _)) => at + 1,
            None => return false,
        },
    };
    let Some(before) = text.as_bytes().get(..line_start + column) else {
        return false;
    };
    let is_part = |b: &u8| b.is_ascii_digit() || b"+-.eE".contains(b);
    let length = before.iter().rev().take_while(|b| is_part(b)).count();
    let (rest, token) = before.split_at(before.len() - length);
    let preceded_by = rest.iter().rev().find(|b| !b.is_ascii_whitespace());
    well_formed_number(token) && preceded_by.is_none_or(|b| b":[,".contains(b))
}

/// JSON's grammar of a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn well_formed_number(token: &[u8]) -> bool {
    let digits = |t: &[u8]| t.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut t = token.strip_prefix(b"-").unwrap_or(token);
    let whole = digits(t);
    if whole == 0 || (whole > 1 && t[0] == b'0') {
        return false;
    }
    t = &t[whole..];
    if let Some(after) = t.strip_prefix(b".") {
        let fraction = digits(after);
        if fraction == 0 {
            return false;
        }
        t = &after[fraction..];
    }
    if let Some(after) = t.strip_prefix(b"e").or_else(|| t.strip_prefix(b"E")) {
        let after = after
            .strip_prefix(b"+")
            .or_else(|| after.strip_prefix(b"-"))
            .unwrap_or(after);
        let exponent = digits(after);
        if exponent == 0 {
            return false;
        }
        t = &after[exponent..];
    }
    t.is_empty()
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

/// One JSON value at `place`; the first fault found deep inside is kept in `failure`, and the
/// path of the innermost value a parser's error passed through in `innermost`.
struct Strict<'a> {
    place: Place<'a>,
    failure: &'a RefCell<Option<InputError>>,
    innermost: &'a RefCell<Option<String>>,
}

impl<'a> Strict<'a> {
    fn at(&self, place: Place<'a>) -> Self {
        Strict {
            place,
            failure: self.failure,
            innermost: self.innermost,
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
    /// A parser's error inside the value at `place`: the innermost place is kept, to name it if
    /// the fault proves to be a number out of range (`ends_a_number`); any other fault (broken
    /// text, nesting too deep) is the input's as a whole.
    fn fail_with<E>(&self, place: &Place, e: E) -> E {
        let mut innermost = self.innermost.borrow_mut();
        if innermost.is_none() {
            *innermost = Some(place.path());
        }
        e
    }
}
