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

/// A stored session read back: everything that could be read is kept; `dropped` names what
/// could not be (answers by their contract path, the rest by their key), and the person is told.
#[derive(Clone, Debug)]
pub struct Restored {
    pub session: Session,
    pub dropped: Vec<String>,
}

/// Larger stored text was not written by the app: it is refused before parsing. (A session the
/// app writes stays far below; longer lists inside are cut to their bounds, not refused.)
const MAX_STORED_BYTES: usize = 4 * 1024 * 1024;

/// The most questions a session can hold: every top-level field and every field of the most
/// relatives accepted. Longer lists in storage are tampered with.
const MAX_QUESTIONS: usize = Field::TOP_LEVEL.len() + MAX_FAMILY_MEMBERS * MemberField::ALL.len();

/// Reads a stored session. Only text that is not a session of this version at all is
/// unreadable; a part that no longer reads (a value the strict reader refuses, a key given
/// twice, an answer that no longer decodes, a date out of its range) is dropped and named, and
/// the rest (answers, language, text size) kept; questions that name no field of the answers are
/// forgotten. The day judged on is the device's: a stored one is dropped.
pub fn decode_session(text: &str, today: NaiveDate) -> Result<Restored, Unreadable> {
    let bad = |why: &str| Unreadable(why.to_owned());
    if text.len() > MAX_STORED_BYTES {
        return Err(bad("too long"));
    }
    let mut dropped = Vec::new();
    let (value, raw_answers) =
        read_members(text, &mut dropped).ok_or_else(|| bad("not an object"))?;
    if value.get("version").and_then(Value::as_u64) != Some(STORAGE_VERSION) {
        return Err(bad("another version"));
    }
    let answers_value = match raw_answers {
        Some(raw) => match read_members(raw, &mut dropped) {
            Some((answers, _)) => Value::Object(answers),
            None => {
                dropped.push("answers".to_owned());
                Value::Null
            }
        },
        None => Value::Null,
    };
    let answers = keep_valid_answers(&answers_value, today, &mut dropped);
    let members = answers.relatives().len();
    let mut fields = |key: &str| -> Vec<Field> {
        let listed = value
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let mut kept: Vec<Field> = Vec::new();
        let mut lost = value.get(key).is_some_and(|v| !v.is_array());
        for f in listed {
            match f.as_str().and_then(Field::from_path) {
                Some(Field::Member(i, _)) if usize::from(i) >= members => lost = true,
                Some(field) if !kept.contains(&field) => kept.push(field),
                _ => lost = true,
            }
        }
        if lost || kept.len() > MAX_QUESTIONS {
            dropped.push(key.to_owned());
        }
        kept.truncate(MAX_QUESTIONS);
        kept
    };
    let mut session = Session::new(today);
    session.skipped = fields("skipped");
    session.history = fields("history");
    session.answers = answers;
    match value
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::from_code)
    {
        Some(lang) => session.lang = lang,
        None => dropped.push("lang".to_owned()),
    }
    match value.get("elderly").and_then(Value::as_bool) {
        Some(elderly) => session.elderly = elderly,
        None => dropped.push("elderly".to_owned()),
    }
    // Added later: absent is what older sessions meant (no purpose said).
    match value.get("purpose") {
        None | Some(Value::Null) => {}
        Some(word) => match word.as_str().and_then(Purpose::from_word) {
            Some(purpose) => session.purpose = Some(purpose),
            None => dropped.push("purpose".to_owned()),
        },
    }
    session.everything = value
        .get("everything")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    session.screen = screen_of(&session, value.get("results").and_then(Value::as_bool));
    dropped.dedup();
    Ok(Restored { session, dropped })
}

/// The screen a stored session opens on: the start while nothing is answered (without
/// evaluating anything at page load), the results if they were shown, else the next question.
fn screen_of(session: &Session, results: Option<bool>) -> Screen {
    if session.history.is_empty() && session.answers == Answers::default() {
        Screen::Start
    } else if results == Some(true) {
        Screen::Results
    } else {
        session.next_question().map_or(Screen::Results, Screen::Ask)
    }
}

/// The members of a JSON object text, each value read on its own: those that read, as an object
/// (a key given twice keeps its first value), and the raw text of `answers`, read apart by the
/// caller; what does not read is named in `dropped`. `None` if the text is no object at all.
fn read_members<'a>(
    text: &'a str,
    dropped: &mut Vec<String>,
) -> Option<(Map<String, Value>, Option<&'a str>)> {
    let mut object = Map::new();
    let mut answers = None;
    for (key, raw) in members::members(text)? {
        let Some(key) = key else {
            dropped.push("?".to_owned());
            continue;
        };
        if object.contains_key(&key) || (key == "answers" && answers.is_some()) {
            dropped.push(key);
            continue;
        }
        if key == "answers" {
            answers = Some(raw);
            continue;
        }
        match parse_strict_within(raw, MAX_STORED_BYTES) {
            Ok(value) => {
                object.insert(key, value);
            }
            Err(_) => dropped.push(key),
        }
    }
    Some((object, answers))
}

/// The answers of `value` that decode and pass the engine's checks on `today`, one field (and
/// one relative's field) at a time; what is dropped is named in `dropped` by its contract path.
/// A day judged on is never taken from storage or a link: the device's is used.
pub(crate) fn keep_valid_answers(
    value: &Value,
    today: NaiveDate,
    dropped: &mut Vec<String>,
) -> Answers {
    let Some(object) = value.as_object() else {
        return Answers::default();
    };
    let mut kept = Map::new();
    for (key, v) in object {
        if key == "today" {
            dropped.push(key.clone());
            continue;
        }
        let alone = |v: &Value| {
            Answers::from_value(&Value::Object(Map::from_iter([(key.clone(), v.clone())])))
        };
        if alone(v).is_ok() {
            kept.insert(key.clone(), v.clone());
            continue;
        }
        // A list of relatives keeps each relative's fields that still decode.
        let members = v
            .as_array()
            .filter(|m| key == RELATIVES.name() && m.len() <= MAX_FAMILY_MEMBERS);
        let Some(members) = members else {
            dropped.push(key.clone());
            continue;
        };
        let members: Vec<Value> = (members.iter().enumerate())
            .map(|(i, m)| {
                let mut fields = Map::new();
                for (k, f) in m.as_object().into_iter().flatten() {
                    let one = Value::Array(vec![Value::Object(Map::from_iter([(
                        k.clone(),
                        f.clone(),
                    )]))]);
                    match alone(&one) {
                        Ok(_) => {
                            fields.insert(k.clone(), f.clone());
                        }
                        Err(_) => dropped.push(format!("{key}[{i}].{k}")),
                    }
                }
                Value::Object(fields)
            })
            .collect();
        kept.insert(key.clone(), Value::Array(members));
    }
    // Dates checked against today (a settlement after today, a birth before 1900): drop the
    // field the check names, and check again.
    for _ in 0..=MAX_QUESTIONS {
        let Ok(answers) = Answers::from_value(&Value::Object(kept.clone())) else {
            dropped.push("answers".to_owned());
            return Answers::default();
        };
        match Facts::new(&answers, today) {
            Ok(_) => return answers,
            Err(e) if remove_path(&mut kept, &e.field) => dropped.push(e.field.clone()),
            Err(_) => {
                dropped.push("answers".to_owned());
                return Answers::default();
            }
        }
    }
    Answers::default()
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

mod link;
mod members;
pub use link::{decode_fragment, decode_link, encode_fragment, fragment_purpose};

#[cfg(test)]
mod tests;
