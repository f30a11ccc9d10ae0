//! `InputError`: bad input, named by the field it concerns.

use std::fmt;

use super::MAX_INPUT_BYTES;

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
    pub fn new(field: impl Into<String>, kind: InputErrorKind) -> Self {
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
            InputErrorKind::NotJson(why) => write!(f, "not valid JSON ({})", Escaped(why)),
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

/// Text from the input, written so that a message stays one short line: backslash, double quote,
/// line and paragraph separators and control characters are escaped as Rust writes them (not
/// `escape_debug`, whose Unicode tables would cost the page's wasm several kilobytes), and only
/// its first `SHOWN_CHARS` characters are echoed, then `…`.
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

/// How much of a text from the input an error echoes.
pub(crate) const SHOWN_CHARS: usize = 60;

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (shown, c) in self.0.chars().enumerate() {
            if shown == SHOWN_CHARS {
                return f.write_str("…");
            }
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
