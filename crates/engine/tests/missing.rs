//! Proof that `missing` is exact: over many partial answer sets, every value of every unanswered
//! field is tried, and a field is listed if and only if some value changes what the outcome shows
//! (a path's status, a relative's may_join, which services are listed and until when, which
//! notices are listed). Per path, the same holds for the path's own `missing` and its status.

use chrono::{Days, Months, NaiveDate};
use hukou_engine::sweep::XorShift;
use hukou_engine::{evaluate, Facts, Field, MemberField, Outcome};
use serde_json::{json, Map, Value};

const TODAY: &str = "2026-11-28";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn date(d: NaiveDate) -> Value {
    Value::String(d.format("%Y-%m-%d").to_string())
}

fn words(list: &[&str]) -> Vec<Value> {
    list.iter().map(|w| json!(w)).collect()
}

/// Every value worth trying for a top-level field: all words, and for counts and dates values on
/// both sides of every threshold the policy names (6 months; 36 months after settling).
fn top_level_values(field: &str) -> Vec<Value> {
    let t = today();
    let months_ago = |m: u32| t.checked_sub_months(Months::new(m)).unwrap();
    match field {
        "target_area" => words(&[
            "central_urban",
            "county_city_urban",
            "county_seat_town",
            "other_town",
            "not_a_town",
            "unsure",
        ]),
        "current_hukou" => words(&[
            "none",
            "target_area",
            "elsewhere_in_chenzhou",
            "outside_chenzhou",
        ]),
        "residence" => words(&["owned", "rented", "employer_provided", "none"]),
        "employment" => words(&["employed", "self_employed", "none"]),
        "no_hukou_reason" => words(&[
            "outside_family_planning",
            "no_birth_certificate",
            "de_facto_adoption",
            "reappeared",
            "cancelled_on_marriage",
            "lost_migration_certificate",
            "foreign_parent",
            "other",
        ]),
        "months_resident" => [0, 1, 5, 6, 7, 36, 1200].iter().map(|n| json!(n)).collect(),
        "settled_on" => [
            t,
            t - Days::new(1),
            months_ago(36) + Days::new(1),
            months_ago(36),
            months_ago(36) - Days::new(1),
            months_ago(120),
            NaiveDate::from_ymd_opt(1950, 1, 1).unwrap(),
        ]
        .into_iter()
        .map(date)
        .collect(),
        "priority_groups" => vec![
            json!([]),
            json!(["graduate"]),
            json!(["skilled_worker", "honorary_title"]),
        ],
        "family" => vec![
            json!([]),
            json!([{"relation": "spouse", "lives_with_applicant": true}]),
            json!([{"relation": "spouse", "lives_with_applicant": false}]),
            json!([{"relation": "child", "lives_with_applicant": true, "married": false, "birth_date": date(years_ago(10))}]),
            json!([{"relation": "child", "lives_with_applicant": true, "married": false, "birth_date": date(years_ago(3))}]),
            json!([{"relation": "parent", "lives_with_applicant": true}]),
            json!([{"relation": "sibling", "lives_with_applicant": true}]),
            json!([{}]),
        ],
        _ => vec![json!(true), json!(false)],
    }
}

fn years_ago(years: u32) -> NaiveDate {
    today().checked_sub_months(Months::new(12 * years)).unwrap()
}

fn member_values(field: &str) -> Vec<Value> {
    match field {
        "relation" => words(&[
            "spouse",
            "child",
            "parent",
            "sibling",
            "grandparent",
            "grandchild",
            "other",
        ]),
        "birth_date" => [3, 5, 6, 7, 14, 15, 16, 20]
            .iter()
            .map(|&y| years_ago(y))
            .chain([years_ago(6) + Days::new(1), years_ago(16) + Days::new(1)])
            .map(date)
            .collect(),
        _ => vec![json!(true), json!(false)],
    }
}

/// The contract's field names, from the engine's own list of fields.
fn top_level() -> Vec<&'static str> {
    Field::TOP_LEVEL.iter().map(|f| f.name()).collect()
}

fn member_fields() -> Vec<&'static str> {
    MemberField::ALL.iter().map(|f| f.name()).collect()
}

/// What a person sees: statuses, may_join, listed services with their end, listed notices.
#[derive(PartialEq, Debug)]
struct Shown {
    paths: Vec<String>,
    family: Vec<String>,
    services: Vec<(String, Option<String>)>,
    notices: Vec<String>,
}

fn shown(outcome: &Outcome) -> Shown {
    let v = serde_json::to_value(outcome).unwrap();
    let list = |key: &str, f: &dyn Fn(&Value) -> String| -> Vec<String> {
        v[key].as_array().unwrap().iter().map(f).collect()
    };
    Shown {
        paths: list("paths", &|p| p["status"].as_str().unwrap().to_owned()),
        family: list("family", &|m| m["may_join"].as_str().unwrap().to_owned()),
        services: v["services"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["id"].as_str().unwrap().to_owned(),
                    s["until"].as_str().map(str::to_owned),
                )
            })
            .collect(),
        notices: list("notices", &|n| n["id"].as_str().unwrap().to_owned()),
    }
}

fn outcome_of(answers: &Map<String, Value>) -> Outcome {
    let facts = Facts::from_json(&Value::Object(answers.clone()).to_string(), today())
        .unwrap_or_else(|e| panic!("a generated answer set was refused: {e}\n{answers:?}"));
    evaluate(&facts).outcome
}

fn partial_answers(rng: &mut XorShift) -> Map<String, Value> {
    let mut answers = Map::new();
    answers.insert("today".into(), json!(TODAY));
    // Sparse and dense answer sets both: each field is answered with a probability set per case.
    let answered_in_8 = 1 + rng.below(7);
    for field in top_level() {
        if rng.below(8) >= answered_in_8 {
            continue;
        }
        let value = if field == "family" {
            let members = (0..rng.below(4))
                .map(|_| {
                    let mut member = Map::new();
                    for f in member_fields() {
                        if rng.below(8) < answered_in_8 {
                            member.insert(f.into(), rng.pick(&member_values(f)).clone());
                        }
                    }
                    Value::Object(member)
                })
                .collect();
            Value::Array(members)
        } else {
            rng.pick(&top_level_values(field)).clone()
        };
        answers.insert(field.into(), value);
    }
    answers
}

/// Every unanswered field of `answers`, with the answer sets that give it each value.
fn variations(answers: &Map<String, Value>) -> Vec<(String, Vec<Map<String, Value>>)> {
    let mut out = Vec::new();
    for field in top_level() {
        if answers.contains_key(field) && answers[field] != json!("unsure") {
            continue;
        }
        let sets = top_level_values(field)
            .into_iter()
            .map(|v| {
                let mut a = answers.clone();
                a.insert(field.into(), v);
                a
            })
            .collect();
        out.push((field.to_owned(), sets));
    }
    if let Some(Value::Array(members)) = answers.get("family") {
        for (i, member) in members.iter().enumerate() {
            for field in member_fields()
                .into_iter()
                .filter(|f| member.get(*f).is_none())
            {
                let sets = member_values(field)
                    .into_iter()
                    .map(|v| {
                        let mut a = answers.clone();
                        a["family"][i][field] = v;
                        a
                    })
                    .collect();
                out.push((format!("family[{i}].{field}"), sets));
            }
        }
    }
    out
}

/// Whether giving this answer set changes what is shown; for the family question, a relative
/// who appears and may come along (or may not be ruled out) counts as a change too.
fn changes(field: &str, before: &Shown, after: &Shown) -> bool {
    if field == "family" {
        let same_rest = before.paths == after.paths
            && before.services == after.services
            && before.notices == after.notices;
        !same_rest || after.family.iter().any(|m| m != "no")
    } else {
        before != after
    }
}

#[test]
fn a_field_is_missing_exactly_when_some_answer_to_it_changes_the_outcome() {
    let mut rng = XorShift(0x5EED_1234_ABCD_0001);
    let mut checked = 0;
    for case in 0..6000 {
        let answers = partial_answers(&mut rng);
        let outcome = outcome_of(&answers);
        let before = shown(&outcome);
        let listed: Vec<String> = outcome.missing.iter().map(|f| f.to_string()).collect();
        for (field, sets) in variations(&answers) {
            let afters: Vec<Outcome> = sets.iter().map(outcome_of).collect();
            let decides = afters.iter().any(|a| changes(&field, &before, &shown(a)));
            assert_eq!(
                listed.contains(&field),
                decides,
                "case {case}: {field} {} in missing {listed:?}, but some answer to it {} the outcome\n{}",
                if listed.contains(&field) { "is" } else { "is not" },
                if decides { "changes" } else { "never changes" },
                Value::Object(answers.clone())
            );
            for (p, path) in outcome.paths.iter().enumerate() {
                let path_decides = afters.iter().any(|a| a.paths[p].status != path.status);
                let path_lists = path.missing.iter().any(|f| f.to_string() == field);
                assert_eq!(
                    path_lists,
                    path_decides,
                    "case {case}: path {} lists {:?}; {field} {} its status\n{}",
                    path.id,
                    path.missing,
                    if path_decides {
                        "changes"
                    } else {
                        "never changes"
                    },
                    Value::Object(answers.clone())
                );
            }
            checked += 1;
        }
        // No dead ends: whatever is still undetermined names an answer that would decide it.
        for path in &outcome.paths {
            let undetermined = path.status == hukou_engine::Status::Undetermined;
            assert_eq!(
                undetermined,
                !path.missing.is_empty(),
                "case {case}: path {} is {:?} with missing {:?}",
                path.id,
                path.status,
                path.missing
            );
        }
    }
    assert!(checked > 10_000, "only {checked} field checks ran");
}
