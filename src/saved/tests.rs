//! Tests of `saved`.

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
    s.purpose = Some(Purpose::Permit);
    s
}

#[test]
fn a_stored_session_reads_back_the_same() {
    let s = sample();
    let back = decode_session(&encode_session(&s), today()).unwrap();
    assert!(back.dropped.is_empty(), "{:?}", back.dropped);
    let back = back.session;
    assert_eq!(back.answers, s.answers);
    assert_eq!(
        (back.skipped, back.history, back.lang, back.elderly),
        (s.skipped, s.history, s.lang, s.elderly)
    );
    assert_eq!((back.purpose, back.everything), (s.purpose, s.everything));
}

#[test]
fn storage_that_is_not_a_session_of_this_version_is_unreadable_not_a_panic() {
    let mut good: Value = serde_json::from_str(&encode_session(&sample())).unwrap();
    good["version"] = json!(0);
    // (A key given twice is no longer a reason to refuse it all: the first is kept, below.)
    let cases = [
        "",
        "{",
        "null",
        "[]",
        r#"{"version":2}"#,
        r#"{"answers":{}}"#,
    ];
    for case in cases
        .iter()
        .map(|c| c.to_string())
        .chain([good.to_string()])
    {
        assert!(decode_session(&case, today()).is_err(), "accepted {case}");
    }
}

#[test]
fn one_field_that_no_longer_decodes_is_dropped_and_the_rest_of_the_session_kept() {
    let good: Value = serde_json::from_str(&encode_session(&sample())).unwrap();
    for (key, bad) in [
        (
            "answers",
            json!({"target_area": "moon", "residence": "rented"}),
        ),
        (
            "answers",
            json!({"settled_on": "2099-01-01", "residence": "rented"}),
        ),
        (
            "answers",
            json!({"residence": "rented", "family": [{"relation": "cousin", "married": false}]}),
        ),
        ("skipped", json!(["no_such_field"])),
        ("history", json!("residence")),
        ("lang", json!("fr")),
        ("elderly", json!("yes")),
    ] {
        let mut v = good.clone();
        v[key] = bad;
        let back =
            decode_session(&v.to_string(), today()).unwrap_or_else(|e| panic!("{key}: {e:?}"));
        assert!(
            !back.dropped.is_empty(),
            "{key}: nothing said to be dropped"
        );
        let s = back.session;
        if key == "answers" {
            assert_eq!(s.answers.residence.map(|r| r.word()), Some("rented"), "{v}");
            assert_eq!(s.lang, Lang::En);
        } else {
            assert_eq!(s.answers, sample().answers, "{key}: answers lost");
        }
        if key != "lang" {
            assert_eq!(s.lang, Lang::En, "{key}: language lost");
        }
        if key != "elderly" {
            assert!(s.elderly, "{key}: text size lost");
        }
    }
    // A relative whose relation no longer decodes keeps the details that do.
    let mut v = good.clone();
    v["answers"] = json!({"family": [{"relation": "cousin", "married": false}]});
    let s = decode_session(&v.to_string(), today()).unwrap().session;
    assert_eq!(s.answers.family.unwrap()[0].married, Some(false));
}

#[test]
fn questions_about_a_relative_who_is_not_there_are_forgotten_and_lists_are_bounded() {
    let mut v: Value = serde_json::from_str(&encode_session(&sample())).unwrap();
    v["history"] = json!(["target_area", "family[40].married", "residence"]);
    // A history of 200,000 entries is cut to its bound; the answers stay.
    v["skipped"] = Value::Array(vec![json!("residence"); 200_000]);
    let back = decode_session(&v.to_string(), today()).unwrap();
    assert!(back.session.skipped.len() <= MAX_QUESTIONS);
    assert_eq!(back.session.answers, sample().answers);
    v["skipped"] = json!(["family[0].lives_with_applicant", "residence", "residence"]);
    let back = decode_session(&v.to_string(), today()).unwrap();
    assert!(!back.dropped.is_empty());
    assert_eq!(
        back.session.history,
        vec![Field::TargetArea, Field::Residence]
    );
    assert_eq!(back.session.skipped.len(), 2);
}

#[test]
fn a_share_fragment_carries_the_answers_there_and_back() {
    let answers = sample().answers;
    let fragment = encode_fragment(&answers, None);
    assert!(fragment.starts_with("a=") && !fragment.contains(['{', '"', ' ']));
    assert_eq!(
        decode_fragment(&format!("#{fragment}"), today()).unwrap(),
        Some(answers)
    );
}

#[test]
fn a_share_fragment_carries_what_the_person_came_for_so_the_family_sees_the_same_screen() {
    let answers = sample().answers;
    let fragment = format!("#{}", encode_fragment(&answers, Some(Purpose::Newborn)));
    assert_eq!(
        decode_fragment(&fragment, today()).unwrap(),
        Some(answers.clone())
    );
    assert_eq!(fragment_purpose(&fragment), Some(Purpose::Newborn));
    // A link from before, or with a word this version does not know: the answers alone.
    let older = format!("#{}", encode_fragment(&answers, None));
    assert_eq!(fragment_purpose(&older), None);
    let unknown = format!("{older}&p=moon");
    assert_eq!(decode_fragment(&unknown, today()).unwrap(), Some(answers));
    assert_eq!(fragment_purpose(&unknown), None);
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

#[test]
fn one_unreadable_value_in_storage_costs_that_value_only_and_is_named() {
    let good = encode_session(&sample());
    let body = good.trim_end_matches('}');
    for (bad, named) in [
        (r#""lang": "en""#, "lang"),
        (r#""junk": "\ud800""#, "junk"),
        (r#""junk": 1e400"#, "junk"),
        (
            &format!(r#""junk": {}{}"#, "[".repeat(300), "]".repeat(300)),
            "junk",
        ),
    ] {
        let text = format!("{body},{bad}}}");
        let back = decode_session(&text, today()).unwrap_or_else(|e| panic!("{bad}: {e:?}"));
        assert_eq!(
            back.session.answers,
            sample().answers,
            "{bad}: answers lost"
        );
        assert!(
            back.dropped.iter().any(|d| d == named),
            "{bad}: {:?}",
            back.dropped
        );
    }
    // An answer given twice keeps the first, and says so.
    let twice = good.replacen(r#""answers":{"#, r#""answers":{"residence":"none","#, 1);
    let back = decode_session(&twice, today()).unwrap();
    assert!(
        back.dropped.iter().any(|d| d == "residence"),
        "{:?}",
        back.dropped
    );
}

#[test]
fn a_stored_or_linked_day_is_never_taken_and_never_costs_the_answers() {
    for day in ["9999-12-31", "2010-01-01", "2099-01-01"] {
        let mut v: Value = serde_json::from_str(&encode_session(&sample())).unwrap();
        v["answers"]["today"] = json!(day);
        let back = decode_session(&v.to_string(), today()).unwrap();
        assert_eq!(back.session.answers, sample().answers, "{day}");
        assert_eq!(back.dropped, ["today"], "{day}");
    }
    // A link dated in the future, with a settlement in 2090: the settlement is dropped and named,
    // the rest kept, judged on the device's day.
    let link = r#"{"today":"2100-12-31","settled_on":"2090-01-01","residence":"rented","target_area":"other_town"}"#;
    let fragment = format!(
        "#a={}",
        link.bytes()
            .map(|b| format!("%{b:02X}"))
            .collect::<String>()
    );
    let got = super::decode_link(&fragment, today()).unwrap().unwrap();
    assert_eq!(got.dropped, ["today", "settled_on"]);
    assert_eq!(got.answers.residence.map(|r| r.word()), Some("rented"));
}

#[test]
fn a_percent_sign_must_be_followed_by_two_hex_digits() {
    assert!(decode_fragment("#a=%7B%22residence%22%3A%22rented%22%7D%+9", today()).is_err());
}
