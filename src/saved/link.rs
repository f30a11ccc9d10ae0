//! The share link: the answers in the URL fragment (`#a=…`, then `&p=` and what the person came
//! for), which never reaches a server. Read as storage is: what does not read is dropped and
//! named, and the rest kept; the day judged on is never the link's.

use chrono::NaiveDate;
use hukou_engine::Answers;
use serde_json::Value;

use super::{members, Unreadable, MAX_FRAGMENT_CHARS};
use crate::state::{Link, Purpose};

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

/// A share link's answers and what else it says, from a fragment (with or without `#`).
/// `Ok(None)` when the fragment carries none; an error when nothing in it can be used.
pub fn decode_link(fragment: &str, today: NaiveDate) -> Result<Option<Link>, Unreadable> {
    let bad = |why: &str| Unreadable(why.to_owned());
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(bad("too long"));
    }
    let Some(encoded) = fragment.strip_prefix("a=") else {
        return Err(bad("not a share link"));
    };
    let (encoded, purposes) = match encoded.split_once(PURPOSE) {
        Some((answers, purposes)) => (answers, Some(purposes)),
        None => (encoded, None),
    };
    let text = percent_decode(encoded).ok_or_else(|| bad("bad percent-encoding"))?;
    let mut dropped = Vec::new();
    let object = members::members(&text).ok_or_else(|| bad("not an object"))?;
    let mut kept = serde_json::Map::new();
    for (key, raw) in object {
        let value = hukou_engine::answers::parse_strict_within(raw, MAX_FRAGMENT_CHARS);
        match (key, value) {
            (Some(key), Ok(value)) if !kept.contains_key(&key) => {
                kept.insert(key, value);
            }
            (key, _) => dropped.push(key.unwrap_or_else(|| "?".to_owned())),
        }
    }
    let answers = super::keep_valid_answers(&Value::Object(kept), today, &mut dropped);
    if answers == Answers::default() && !dropped.is_empty() {
        return Err(bad("nothing in it can be used"));
    }
    let purpose = purposes.and_then(Purpose::from_word);
    Ok(Some(Link {
        answers,
        dropped,
        purpose,
        purpose_unknown: purposes.is_some() && purpose.is_none(),
    }))
}

/// Answers from a fragment (with or without `#`): those of `decode_link`.
pub fn decode_fragment(fragment: &str, today: NaiveDate) -> Result<Option<Answers>, Unreadable> {
    decode_link(fragment, today).map(|link| link.map(|link| link.answers))
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
            // Two hex digits, nothing else (`from_str_radix` would take `+9`).
            let hex = text.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
