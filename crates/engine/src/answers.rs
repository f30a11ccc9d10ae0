//! Answers as a person typed them, decoded from the contract's JSON.
//!
//! This is the one place where untrusted input becomes typed data. Every error names the field it
//! is about, so the command line, the app and the share link can all say what to fix.

use std::fmt;

use crate::field::Field;
use chrono::NaiveDate;
use serde_json::Value;

use crate::words::PriorityGroup;

/// More relatives than any household has: a longer list is a mistake or an attack.
pub const MAX_FAMILY_MEMBERS: usize = 50;
/// Larger inputs are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

pub use crate::field::{Answers, Member};

/// Bad input, named by the field it concerns (`input` for the document as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: String,
    pub kind: InputErrorKind,
}

/// What is wrong with a field; `Display` gives an English sentence, the app translates by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputErrorKind {
    NotJson(String),
    TooLarge,
    NotAnObject,
    UnknownField,
    WrongType {
        expected: &'static str,
    },
    UnknownWord {
        word: String,
        expected: String,
    },
    NotADate {
        text: String,
    },
    OutOfRange {
        min: String,
        max: String,
    },
    TooMany {
        max: usize,
    },
    Duplicate,
    /// Given together with another field that answers the same thing.
    Conflict {
        with: String,
    },
}

impl InputError {
    fn new(field: impl Into<String>, kind: InputErrorKind) -> Self {
        InputError {
            field: field.into(),
            kind,
        }
    }

    /// The input as a whole is not an answers object.
    pub fn not_an_object() -> Self {
        Self::new("input", InputErrorKind::NotAnObject)
    }

    /// `field` and `with` answer the same thing and were both given.
    pub fn conflict(field: impl Into<String>, with: impl Into<String>) -> Self {
        Self::new(field, InputErrorKind::Conflict { with: with.into() })
    }

    /// The input as a whole is over `MAX_INPUT_BYTES`.
    pub fn too_large() -> Self {
        Self::new("input", InputErrorKind::TooLarge)
    }

    pub(crate) fn out_of_range(
        field: impl Into<String>,
        min: impl fmt::Display,
        max: impl fmt::Display,
    ) -> Self {
        Self::new(
            field,
            InputErrorKind::OutOfRange {
                min: min.to_string(),
                max: max.to_string(),
            },
        )
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A field name comes from the input: escaped, so the message stays one printable line.
        write!(f, "{}: ", Escaped(&self.field))?;
        match &self.kind {
            InputErrorKind::NotJson(why) => write!(f, "not valid JSON ({why})"),
            InputErrorKind::TooLarge => write!(f, "larger than {MAX_INPUT_BYTES} bytes"),
            InputErrorKind::NotAnObject => write!(f, "expected a JSON object"),
            InputErrorKind::UnknownField => write!(f, "unknown field (check its spelling)"),
            InputErrorKind::WrongType { expected } => write!(f, "expected {expected}"),
            InputErrorKind::UnknownWord { word, expected } => {
                write!(
                    f,
                    "unknown value \"{}\"; expected one of {expected}",
                    Escaped(word)
                )
            }
            InputErrorKind::NotADate { text } => {
                write!(
                    f,
                    "\"{}\" is not a real date in the form YYYY-MM-DD",
                    Escaped(text)
                )
            }
            InputErrorKind::OutOfRange { min, max } => write!(f, "must be from {min} to {max}"),
            InputErrorKind::TooMany { max } => write!(f, "at most {max} entries"),
            InputErrorKind::Duplicate => write!(f, "listed twice"),
            InputErrorKind::Conflict { with } => {
                write!(f, "give either this or {}, not both", Escaped(with))
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Text from the input, written so that a message stays one line: backslash, double quote, line
/// and paragraph separators and control characters are escaped as Rust writes them. (Not
/// `escape_debug`, whose Unicode tables would cost the page's wasm several kilobytes.)
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '\\' => f.write_str("\\\\")?,
                '"' => f.write_str("\\\"")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                    write!(f, "\\u{{{:x}}}", c as u32)?
                }
                c => write!(f, "{c}")?,
            }
        }
        Ok(())
    }
}

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
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
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
mod tests {
    use super::*;

    fn refusal(text: &str) -> String {
        Answers::from_json(text).unwrap_err().to_string()
    }

    #[test]
    fn a_key_given_twice_is_refused_by_name_wherever_it_is() {
        assert_eq!(
            refusal(r#"{"target_area": "central_urban", "target_area": "not_a_town"}"#),
            "target_area: listed twice"
        );
        assert_eq!(
            refusal(r#"{"family": [{"relation": "spouse", "relation": "sibling"}]}"#),
            "family[0].relation: listed twice"
        );
    }

    #[test]
    fn a_number_out_of_range_is_refused_by_the_name_of_its_field() {
        assert!(refusal(r#"{"months_resident": 1e400}"#).starts_with("months_resident: "));
        assert!(
            refusal(r#"{"family": [{}, {"married": -1e400}]}"#).starts_with("family[1].married: ")
        );
    }

    #[test]
    fn oversized_input_is_refused_before_it_is_parsed() {
        let big = format!(r#"{{"x": "{}"}}"#, "a".repeat(MAX_INPUT_BYTES));
        assert_eq!(
            refusal(&big),
            format!("input: larger than {MAX_INPUT_BYTES} bytes")
        );
    }

    #[test]
    fn text_from_the_input_is_quoted_on_one_line_with_every_break_and_quote_escaped() {
        let shown = Escaped("a\nb\r\"c\"\\d\te\u{2028}f\u{85}g\u{0}郴州").to_string();
        assert_eq!(shown, r#"a\nb\r\"c\"\\d\te\u{2028}f\u{85}g\0郴州"#);
    }

    #[test]
    fn an_unknown_word_and_a_bad_date_are_shown_in_quotes() {
        let word = InputError::new(
            "target_area",
            InputErrorKind::UnknownWord {
                word: "x\"y".into(),
                expected: "a, b".into(),
            },
        );
        assert_eq!(
            word.to_string(),
            r#"target_area: unknown value "x\"y"; expected one of a, b"#
        );
        let date = InputError::new(
            "today",
            InputErrorKind::NotADate {
                text: "2026-02-30".into(),
            },
        );
        assert_eq!(
            date.to_string(),
            r#"today: "2026-02-30" is not a real date in the form YYYY-MM-DD"#
        );
    }
}
