//! What is kept on the device and what a share link carries, encoded and decoded without any
//! browser call (so it is tested natively). Every decoder goes through the engine's own checks:
//! corrupt, old or tampered input is an error, never a panic.

use chrono::NaiveDate;
use hukou_engine::{Answers, Facts, Field};
use serde_json::Value;

use crate::i18n::Lang;
use crate::state::{Screen, Session};

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
    })
    .expect("a session always serialises")
}

/// Why stored or shared data was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// A session from storage; anything wrong (not JSON, another version, a tampered answer) is
/// `Unreadable`, and the caller starts afresh with a notice.
pub fn decode_session(text: &str, today: NaiveDate) -> Result<Session, Unreadable> {
    let bad = |why: &str| Unreadable(why.to_owned());
    let value: Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
    if value["version"].as_u64() != Some(STORAGE_VERSION) {
        return Err(bad("another version"));
    }
    let answers = Answers::from_value(&value["answers"]).map_err(|e| bad(&e.to_string()))?;
    let answers = checked(answers, today)?;
    let fields = |key: &str| -> Result<Vec<Field>, Unreadable> {
        value[key]
            .as_array()
            .ok_or_else(|| bad(key))?
            .iter()
            .map(|f| {
                f.as_str()
                    .and_then(Field::from_path)
                    .ok_or_else(|| bad(key))
            })
            .collect()
    };
    let mut session = Session::new(today);
    session.answers = answers;
    session.skipped = fields("skipped")?;
    session.history = fields("history")?;
    session.lang = value["lang"]
        .as_str()
        .and_then(Lang::from_code)
        .ok_or_else(|| bad("lang"))?;
    session.elderly = value["elderly"].as_bool().ok_or_else(|| bad("elderly"))?;
    session.screen = match value["results"].as_bool() {
        Some(true) => Screen::Results,
        _ => session.next_question().map_or(Screen::Results, Screen::Ask),
    };
    if session.history.is_empty() && session.answers == Answers::default() {
        session.screen = Screen::Start;
    }
    Ok(session)
}

/// Answers that the engine accepts on `today` (a stored date may have become impossible).
fn checked(answers: Answers, today: NaiveDate) -> Result<Answers, Unreadable> {
    Facts::new(&answers, today)
        .map(|_| answers)
        .map_err(|e| Unreadable(e.to_string()))
}

/// The URL fragment (without `#`) that carries these answers: `a=` and the percent-encoded
/// contract JSON. A fragment never reaches a server.
pub fn encode_fragment(answers: &Answers) -> String {
    format!("a={}", percent_encode(&answers.to_json()))
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
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn sample() -> Session {
        let mut s = Session::new(today());
        s.answers = Answers::from_json(
            r#"{"target_area":"county_seat_town","residence":"rented",
                "family":[{"relation":"child","married":false,"birth_date":"2002-05-01"}]}"#,
        )
        .unwrap();
        s.skipped = vec![Field::from_path("family[0].lives_with_applicant").unwrap()];
        s.history = vec![Field::TargetArea, Field::Residence];
        s.lang = Lang::En;
        s.elderly = true;
        s
    }

    #[test]
    fn a_stored_session_reads_back_the_same() {
        let s = sample();
        let back = decode_session(&encode_session(&s), today()).unwrap();
        assert_eq!(back.answers, s.answers);
        assert_eq!(
            (back.skipped, back.history, back.lang, back.elderly),
            (s.skipped, s.history, s.lang, s.elderly)
        );
    }

    #[test]
    fn corrupt_old_or_tampered_storage_is_unreadable_not_a_panic() {
        let good: Value = serde_json::from_str(&encode_session(&sample())).unwrap();
        let mut cases = vec![
            "".to_owned(),
            "{".to_owned(),
            "null".to_owned(),
            "[]".to_owned(),
        ];
        for (key, bad) in [
            ("version", json!(0)),
            ("answers", json!({"target_area": "moon"})),
            ("answers", json!({"settled_on": "2099-01-01"})),
            ("skipped", json!(["no_such_field"])),
            ("history", json!("residence")),
            ("lang", json!("fr")),
            ("elderly", json!("yes")),
        ] {
            let mut v = good.clone();
            v[key] = bad;
            cases.push(v.to_string());
        }
        for case in cases {
            assert!(decode_session(&case, today()).is_err(), "accepted {case}");
        }
    }

    #[test]
    fn a_share_fragment_carries_the_answers_there_and_back() {
        let answers = sample().answers;
        let fragment = encode_fragment(&answers);
        assert!(fragment.starts_with("a=") && !fragment.contains(['{', '"', ' ']));
        assert_eq!(
            decode_fragment(&format!("#{fragment}"), today()).unwrap(),
            Some(answers)
        );
    }

    #[test]
    fn a_malformed_or_hostile_fragment_is_refused() {
        for fragment in [
            "#a=%7B",
            "#a=%ZZ",
            "#a=%7B%22tagret_area%22%3A1%7D",
            "#a=%5B%5B%5B%5B%5B%5B",
            "#b=1",
            "#<script>alert(1)</script>",
            &format!("#a={}", "%5B".repeat(400)),
            &format!("#a={}", "x".repeat(MAX_FRAGMENT_CHARS)),
        ] {
            assert!(
                decode_fragment(fragment, today()).is_err(),
                "accepted {fragment}"
            );
        }
        assert_eq!(decode_fragment("", today()), Ok(None));
        assert_eq!(decode_fragment("#", today()), Ok(None));
    }
}
