//! No input breaks it: arbitrary JSON thrown at the answers decoder and the engine, arbitrary
//! strings at the share-link decoder, arbitrary and mutated stored state at the storage decoder.
//! Each gives a valid outcome or a named error, never a panic. (A hand-rolled generator, so a
//! failure can be replayed from its seed.)

use chenzhou_hukou::saved::{decode_fragment, decode_session, encode_session};
use chenzhou_hukou::state::Session;
use chrono::NaiveDate;
use hukou_engine::sweep::XorShift;
use hukou_engine::{evaluate_json, Answers, Field, MemberField};
use serde_json::{json, Map, Value};
use std::sync::LazyLock;

/// Every contract field name, the storage envelope's keys, and a few that are not fields at all.
static FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let contract = Field::TOP_LEVEL
        .iter()
        .map(|f| f.name())
        .chain(MemberField::ALL.iter().map(|f| f.name()));
    let others = [
        "today",
        "version",
        "answers",
        "skipped",
        "history",
        "lang",
        "elderly",
        "results",
        "tagret_area",
        "",
        "__proto__",
    ];
    contract.chain(others).collect()
});
const WORDS: &[&str] = &[
    "central_urban",
    "county_seat_town",
    "unsure",
    "none",
    "target_area",
    "outside_chenzhou",
    "rented",
    "employed",
    "spouse",
    "child",
    "graduate",
    "other",
    "2024-02-29",
    "2023-02-30",
    "2026-11-28",
    "1949-12-31",
    "2100-12-31",
    "9999-99-99",
    "zh",
    "en",
    "family[0].married",
    "residence",
    "",
    "\u{0}",
    "郴州",
    "a=%7B",
    "%ZZ",
];

/// Random JSON and text, on the engine's shared generator.
struct Rng(XorShift);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0.pick::<&'a str>(items)
    }

    fn value(&mut self, depth: usize) -> Value {
        match self.below(if depth > 6 { 6 } else { 9 }) {
            0 => Value::Null,
            1 => json!(self.below(2) == 0),
            2 => json!(self.next() as i64 % 3000 - 100),
            3 => json!((self.next() % 10_000) as f64 / 7.0),
            4 | 5 => json!(self.pick(WORDS)),
            6 => Value::Array((0..self.below(5)).map(|_| self.value(depth + 1)).collect()),
            _ => self.object(depth + 1),
        }
    }

    fn object(&mut self, depth: usize) -> Value {
        let mut map = Map::new();
        for _ in 0..self.below(8) {
            map.insert(self.pick(&FIELDS).to_owned(), self.value(depth));
        }
        Value::Object(map)
    }

    fn text(&mut self) -> String {
        let alphabet = [
            'a', '=', '%', '7', 'B', 'Z', '{', '"', ':', '[', ']', ',', '#', '郴', '\u{0}', '\\',
            'x',
        ];
        (0..self.below(80))
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

#[test]
fn arbitrary_json_gives_an_outcome_or_an_error_naming_a_field() {
    let mut rng = Rng(XorShift(0xC0FF_EE00_1234_5678));
    let (mut accepted, mut refused) = (0, 0);
    for _ in 0..30_000 {
        let input = if rng.below(4) == 0 {
            rng.value(0)
        } else {
            rng.object(0)
        };
        match evaluate_json(&input.to_string(), today()) {
            Ok(evaluation) => {
                accepted += 1;
                assert_eq!(evaluation.outcome.paths.len(), 5);
                serde_json::to_string(&evaluation).expect("an outcome always serialises");
            }
            Err(error) => {
                refused += 1;
                let line = error.to_string();
                assert!(
                    line.contains(": ") && !line.contains('\n'),
                    "not one line naming a field: {line:?}"
                );
            }
        }
    }
    assert!(
        accepted > 1000 && refused > 1000,
        "the generator must reach both: {accepted} accepted, {refused} refused"
    );
}

#[test]
fn arbitrary_text_never_breaks_the_decoders() {
    let mut rng = Rng(XorShift(0xBADC_0DE5_0000_0001));
    for _ in 0..30_000 {
        let text = rng.text();
        let _ = evaluate_json(&text, today());
        let _ = decode_fragment(&text, today());
        let _ = decode_fragment(&format!("#a={text}"), today());
        let _ = decode_session(&text, today());
    }
}

#[test]
fn tampered_stored_state_gives_a_fresh_start_or_a_valid_session() {
    let mut session = Session::new(today());
    session.answers = Answers::from_json(r#"{"target_area":"county_seat_town","residence":"rented","family":[{"relation":"child"}]}"#).unwrap();
    let stored: Value = serde_json::from_str(&encode_session(&session)).unwrap();
    let mut rng = Rng(XorShift(0x5707_ED00_0000_0042));
    let mut kept = 0;
    for _ in 0..20_000 {
        let mut tampered = stored.clone();
        for _ in 0..1 + rng.below(3) {
            let key = rng.pick(&FIELDS).to_owned();
            let value = rng.value(1);
            if rng.below(2) == 0 {
                tampered[key] = value;
            } else if let Some(answers) = tampered["answers"].as_object_mut() {
                answers.insert(key, value);
            }
        }
        if let Ok(restored) = decode_session(&tampered.to_string(), today()) {
            kept += 1;
            restored
                .session
                .evaluation()
                .as_ref()
                .as_ref()
                .expect("a decoded session always evaluates");
        }
    }
    assert!(
        kept > 100,
        "some harmless changes should still read back: {kept}"
    );
}

#[test]
fn huge_lists_and_deep_nesting_are_refused_quickly() {
    let family = format!(r#"{{"family":[{}]}}"#, vec!["{}"; 10_000].join(","));
    let deep = format!(
        r#"{{"family":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    for input in [family, deep] {
        let error = evaluate_json(&input, today()).expect_err("refused");
        assert!(
            error.to_string().starts_with("family") || error.to_string().starts_with("input"),
            "{error}"
        );
    }
}
