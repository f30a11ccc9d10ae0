//! Tests of `answers`.

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
    assert!(refusal(r#"{"family": [{}, {"married": -1e400}]}"#).starts_with("family[1].married: "));
}

#[test]
fn a_number_out_of_range_is_told_from_broken_text_beside_a_number_on_any_line() {
    let number = "not valid JSON (number out of range)";
    assert_eq!(
        refusal("{\n\"family\": [\n {},\n 1e999\n]}"),
        format!("family[1]: {number}")
    );
    assert_eq!(refusal("[1e400]"), format!("input[0]: {number}"));
    assert_eq!(refusal("123e4567"), format!("input: {number}"));
    let long_integer = format!("{{\"months_resident\": {}}}", "9".repeat(400));
    assert_eq!(refusal(&long_integer), format!("months_resident: {number}"));
    // A well-formed number followed by what may not follow it, and text cut short after one.
    for broken in [
        "[1 2]",
        "{\"a\": 1 2}",
        "[1",
        "{\"a\": 1.}",
        "{\"a\": 01}",
        "[1e5x]",
    ] {
        let refused = refusal(broken);
        assert!(
            refused.starts_with("input: not valid JSON ("),
            "{broken}: {refused}"
        );
        assert!(!refused.contains("out of range"), "{broken}: {refused}");
        assert!(refused.contains("line 1, column"), "{broken}: {refused}");
    }
    assert!(refusal("[1").contains("ends too soon"));
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

#[test]
fn an_answer_given_typed_is_checked_as_its_json_would_be_and_reads_back_the_same() {
    use crate::field::{Given, Value};
    use crate::words::{PriorityGroup, TargetArea};
    let none = Answers::default();
    let over = none.give(Field::MonthsResident, Some(&Given::One(Value::Count(1201))));
    assert_eq!(over.unwrap_err().field, "months_resident");
    let unsure = Field::TargetArea.value_of("unsure");
    assert_eq!(unsure, Some(Value::Area(TargetArea::Unsure)));
    let given = none
        .give(Field::TargetArea, Some(&Given::One(unsure.unwrap())))
        .unwrap();
    assert_eq!(given.target_area, Some(TargetArea::Unsure));
    let groups = Given::Groups(vec![PriorityGroup::Graduate]);
    let given = none.give(Field::PriorityGroups, Some(&groups)).unwrap();
    assert_eq!(given.priority_groups, Some(vec![PriorityGroup::Graduate]));
    assert_eq!(Field::Residence.value_of("a palace"), None);
}
