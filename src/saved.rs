//! What is kept on the device and what a share link carries, encoded and decoded without any
//! browser call (so it is tested natively). Every decoder goes through the engine's own checks:
//! corrupt, old or tampered input is an error, never a panic.

use chrono::NaiveDate;
use hukou_engine::answers::{parse_strict_within, MAX_FAMILY_MEMBERS};
use hukou_engine::field::RELATIVES;
use hukou_engine::{Answers, Facts, Field, MemberField};
use serde_json::{Map, Value};

use crate::i18n::Lang;
use crate::state::{Purpose, Screen, Session};

/// The storage key; the version inside lets a later release migrate or refuse old data.
pub const STORAGE_KEY: &str = "chenzhou-hukou";
pub const STORAGE_VERSION: u64 = 1;
/// A share link longer than this is refused before decoding.
pub const MAX_FRAGMENT_CHARS: usize = 16 * 1024;

/// The session as kept in the browser's storage. Written from typed data, not through a JSON
/// `Value`: writing a `Value` as text brings serde_json's float formatting, and its 10 KB table,
/// into the wasm, and no answer is a fraction.
pub fn encode_session(session: &Session) -> String {
    #[derive(serde::Serialize)]
    struct Stored<'a> {
        version: u64,
        answers: &'a Answers,
        skipped: Vec<String>,
        history: Vec<String>,
        lang: &'static str,
        elderly: bool,
        results: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        purpose: Option<&'static str>,
        everything: bool,
    }
    let fields = |fields: &[Field]| fields.iter().map(|f| f.to_string()).collect::<Vec<_>>();
    serde_json::to_string(&Stored {
        version: STORAGE_VERSION,
        answers: &session.answers,
        skipped: fields(&session.skipped),
        history: fields(&session.history),
        lang: session.lang.code(),
        elderly: session.elderly,
        results: session.screen == Screen::Results,
        purpose: session.purpose.map(Purpose::word),
        everything: session.everything,
    })
    .expect("a session always serialises")
}

/// The language of a stored session, read before anything else (English may have to be
/// fetched before the first screen is drawn).
pub fn stored_lang(text: &str) -> Option<Lang> {
    let value = parse_strict_within(text, MAX_STORED_BYTES).ok()?;
    Lang::from_code(value["lang"].as_str()?)
}

/// Why stored or shared data was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// A stored session read back: everything that could be read is kept; `dropped` says whether
/// some part could not be (the person is told).
#[derive(Clone, Debug)]
pub struct Restored {
    pub session: Session,
    pub dropped: bool,
}

/// Larger stored text was not written by the app: it is refused before parsing. (A session the
/// app writes stays far below; longer lists inside are cut to their bounds, not refused.)
const MAX_STORED_BYTES: usize = 4 * 1024 * 1024;

/// The most questions a session can hold: every top-level field and every field of the most
/// relatives accepted. Longer lists in storage are tampered with.
const MAX_QUESTIONS: usize = Field::TOP_LEVEL.len() + MAX_FAMILY_MEMBERS * MemberField::ALL.len();

/// Reads a stored session. Only text that is not a session of this version at all is
/// unreadable; a field that no longer decodes is dropped and the rest (answers, language, text
/// size) kept, and questions that name no field of the answers are forgotten.
pub fn decode_session(text: &str, today: NaiveDate) -> Result<Restored, Unreadable> {
    let bad = |why: &str| Unreadable(why.to_owned());
    let value = parse_strict_within(text, MAX_STORED_BYTES).map_err(|e| bad(&e.to_string()))?;
    if value["version"].as_u64() != Some(STORAGE_VERSION) {
        return Err(bad("another version"));
    }
    let (answers, mut dropped) = keep_valid_answers(&value["answers"], today);
    let members = answers.relatives().len();
    let mut fields = |key: &str| -> Vec<Field> {
        let listed = value[key].as_array().map_or(&[][..], Vec::as_slice);
        let mut kept: Vec<Field> = Vec::new();
        for f in listed {
            match f.as_str().and_then(Field::from_path) {
                Some(Field::Member(i, _)) if usize::from(i) >= members => dropped = true,
                Some(field) if !kept.contains(&field) => kept.push(field),
                _ => dropped = true,
            }
        }
        dropped |= value[key].as_array().is_none() || kept.len() > MAX_QUESTIONS;
        kept.truncate(MAX_QUESTIONS);
        kept
    };
    let mut session = Session::new(today);
    session.skipped = fields("skipped");
    session.history = fields("history");
    session.answers = answers;
    match value["lang"].as_str().and_then(Lang::from_code) {
        Some(lang) => session.lang = lang,
        None => dropped = true,
    }
    match value["elderly"].as_bool() {
        Some(elderly) => session.elderly = elderly,
        None => dropped = true,
    }
    // Both were added later: absent is what older sessions meant (no purpose said).
    match &value["purpose"] {
        Value::Null => {}
        word => match word.as_str().and_then(Purpose::from_word) {
            Some(purpose) => session.purpose = Some(purpose),
            None => dropped = true,
        },
    }
    session.everything = value["everything"].as_bool().unwrap_or(false);
    // Nothing answered yet: the start screen, without evaluating anything at page load.
    session.screen = if session.history.is_empty() && session.answers == Answers::default() {
        Screen::Start
    } else if value["results"].as_bool() == Some(true) {
        Screen::Results
    } else {
        session.next_question().map_or(Screen::Results, Screen::Ask)
    };
    Ok(Restored { session, dropped })
}

/// The answers of `value` that decode and pass the engine's checks on `today`, one field (and
/// one relative's field) at a time, and whether any was dropped.
fn keep_valid_answers(value: &Value, today: NaiveDate) -> (Answers, bool) {
    let Some(object) = value.as_object() else {
        return (Answers::default(), !value.is_null());
    };
    let mut dropped = false;
    let mut kept = Map::new();
    for (key, v) in object {
        let alone = |v: &Value| {
            Answers::from_value(&Value::Object(Map::from_iter([(key.clone(), v.clone())])))
        };
        if alone(v).is_ok() {
            kept.insert(key.clone(), v.clone());
            continue;
        }
        dropped = true;
        // A list of relatives keeps each relative's fields that still decode.
        if let Some(members) = v
            .as_array()
            .filter(|m| key == RELATIVES.name() && m.len() <= MAX_FAMILY_MEMBERS)
        {
            let members: Vec<Value> = members
                .iter()
                .map(|m| {
                    let fields = m.as_object().into_iter().flatten().filter(|(k, f)| {
                        alone(&Value::Array(vec![Value::Object(Map::from_iter([(
                            (*k).clone(),
                            (*f).clone(),
                        )]))]))
                        .is_ok()
                    });
                    Value::Object(fields.map(|(k, f)| (k.clone(), f.clone())).collect())
                })
                .collect();
            kept.insert(key.clone(), Value::Array(members));
        }
    }
    // Dates checked against today (a settlement after today, a birth before 1900): drop the
    // field the check names, and check again.
    for _ in 0..=MAX_QUESTIONS {
        let Ok(answers) = Answers::from_value(&Value::Object(kept.clone())) else {
            return (Answers::default(), true);
        };
        match Facts::new(&answers, today) {
            Ok(_) => return (answers, dropped),
            Err(e) if remove_path(&mut kept, &e.field) => dropped = true,
            Err(_) => return (Answers::default(), true),
        }
    }
    (Answers::default(), true)
}

/// Removes the answer at a contract path (`settled_on`, `family[2].birth_date`); whether it was
/// there.
fn remove_path(answers: &mut Map<String, Value>, path: &str) -> bool {
    match Field::from_path(path) {
        Some(Field::Member(i, field)) => answers
            .get_mut(RELATIVES.name())
            .and_then(|f| f.get_mut(usize::from(i)))
            .and_then(Value::as_object_mut)
            .and_then(|m| m.remove(field.name()))
            .is_some(),
        Some(_) => answers.remove(path).is_some(),
        None => false,
    }
}

fn checked(answers: Answers, today: NaiveDate) -> Result<Answers, Unreadable> {
    Facts::new(&answers, today)
        .map(|_| answers)
        .map_err(|e| Unreadable(e.to_string()))
}

/// The URL fragment (without `#`) that carries these answers: `a=` and the percent-encoded
/// contract JSON. A fragment never reaches a server.
pub fn encode_fragment(answers: &Answers, purpose: Option<Purpose>) -> String {
    let answers = format!("a={}", percent_encode(&answers.to_json()));
    match purpose {
        // What the person came for, so that the family sees the same first screen.
        Some(purpose) => format!("{answers}{PURPOSE}{}", purpose.word()),
        None => answers,
    }
}

/// Where a share link names what the person came for (after the answers: a percent-encoded
/// text never holds a bare `&`).
const PURPOSE: &str = "&p=";

/// What the person who shared the link came for, if the link says and the word is known.
pub fn fragment_purpose(fragment: &str) -> Option<Purpose> {
    let (_, purpose) = fragment.split_once(PURPOSE)?;
    Purpose::from_word(purpose)
}

/// Answers from a fragment (with or without `#`). `Ok(None)` when the fragment carries none.
pub fn decode_fragment(fragment: &str, today: NaiveDate) -> Result<Option<Answers>, Unreadable> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(Unreadable("too long".into()));
    }
    let Some(encoded) = fragment.strip_prefix("a=") else {
        return Err(Unreadable("not a share link".into()));
    };
    // The purpose after the answers is read by `fragment_purpose`.
    let encoded = encoded
        .split_once(PURPOSE)
        .map_or(encoded, |(answers, _)| answers);
    let text = percent_decode(encoded).ok_or_else(|| Unreadable("bad percent-encoding".into()))?;
    let answers = Answers::from_json(&text).map_err(|e| Unreadable(e.to_string()))?;
    checked(answers, today).map(Some)
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests;
