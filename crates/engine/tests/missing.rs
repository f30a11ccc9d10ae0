//! Proof that `missing` is exact over everything still open: for random answer sets with several
//! fields open, a field is listed if and only if, for some way of answering (or leaving open) the
//! other open fields, some answer to it changes what the outcome shows (a path's status, a
//! relative's may_join, which services are listed and until when, which notices are listed). Per
//! path, the same holds for the path's own `missing` and its status. Every way is tried.

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
        "residence" => words(&[
            "owned",
            "rented",
            "rented_unregistered",
            "employer_provided",
            "none",
        ]),
        "employment" => words(&[
            "employed",
            "self_employed",
            "employed_without_contract",
            "retired",
            "none",
        ]),
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
            json!([{"relation": "child", "lives_with_applicant": true, "married": false, "school_age": true}]),
            json!([{"relation": "child", "lives_with_applicant": true, "school_age": false}]),
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
    valid_outcome(answers)
        .unwrap_or_else(|| panic!("a generated answer set was refused\n{answers:?}"))
}

/// The outcome, or `None` for answers the engine refuses together (a relative's school age and
/// birth date both given): such an answer cannot be given, so it changes nothing. The outcome
/// alone (`hukou.evaluate`'s) is checked to be the evaluation's on every answer set tried.
fn valid_outcome(answers: &Map<String, Value>) -> Option<Outcome> {
    let facts = Facts::from_json(&Value::Object(answers.clone()).to_string(), today()).ok()?;
    let outcome = evaluate(&facts).outcome;
    assert_eq!(hukou_engine::evaluate::outcome(&facts), outcome);
    Some(outcome)
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

/// A complete answer set: every field answered, and zero to three relatives with every detail.
fn full_answers(rng: &mut XorShift) -> Map<String, Value> {
    let mut answers = Map::new();
    answers.insert("today".into(), json!(TODAY));
    for field in top_level() {
        let value = if field == "family" {
            let members = (0..rng.below(4))
                .map(|_| {
                    let mut member: Map<String, Value> = member_fields()
                        .into_iter()
                        .map(|f| (f.to_owned(), rng.pick(&member_values(f)).clone()))
                        .collect();
                    // A school age or a birth date, never both (the engine refuses both).
                    member.remove(if rng.below(2) == 0 {
                        "school_age"
                    } else {
                        "birth_date"
                    });
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

/// A field of an answer set: a top-level name, or a relative's field.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Top(&'static str),
    Member(usize, &'static str),
}

impl Slot {
    fn name(&self) -> String {
        match self {
            Slot::Top(f) => (*f).to_owned(),
            Slot::Member(i, f) => format!("family[{i}].{f}"),
        }
    }

    fn values(&self) -> Vec<Value> {
        match self {
            Slot::Top(f) => top_level_values(f),
            Slot::Member(_, f) => member_values(f),
        }
    }

    fn set(&self, answers: &mut Map<String, Value>, value: Option<&Value>) {
        match (self, value) {
            (Slot::Top(f), Some(v)) => {
                answers.insert((*f).into(), v.clone());
            }
            (Slot::Top(f), None) => {
                answers.remove(*f);
            }
            (Slot::Member(i, f), Some(v)) => answers["family"][*i][*f] = v.clone(),
            (Slot::Member(i, f), None) => {
                answers["family"][*i].as_object_mut().unwrap().remove(*f);
            }
        }
    }
}

/// Every field of a complete answer set that can be left open.
fn slots(answers: &Map<String, Value>) -> Vec<Slot> {
    let mut out: Vec<Slot> = top_level().into_iter().map(Slot::Top).collect();
    if let Some(Value::Array(members)) = answers.get("family") {
        for i in 0..members.len() {
            out.extend(member_fields().into_iter().map(|f| Slot::Member(i, f)));
        }
    }
    out
}

/// Every way of answering or leaving open each of `open`, applied to `base`.
fn extensions(base: &Map<String, Value>, open: &[Slot]) -> Vec<Map<String, Value>> {
    let mut sets = vec![base.clone()];
    for slot in open {
        let mut next = Vec::new();
        for set in &sets {
            next.push(set.clone());
            for v in slot.values() {
                let mut a = set.clone();
                slot.set(&mut a, Some(&v));
                next.push(a);
            }
        }
        sets = next;
    }
    sets
}

#[test]
fn a_field_is_missing_exactly_when_some_answer_to_it_could_change_the_outcome_now_or_later() {
    let mut rng = XorShift(0x5EED_1234_ABCD_0002);
    let mut checked = 0;
    let mut decided_only_later = 0;
    for case in 0..400 {
        let mut answers = full_answers(&mut rng);
        // Leave one to four fields open (answering `family` opens none of a relative's fields).
        let mut open: Vec<Slot> = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let candidates = slots(&answers);
            let slot = rng.pick(&candidates).clone();
            if open.contains(&slot)
                || matches!(slot, Slot::Top("family"))
                    && open.iter().any(|s| matches!(s, Slot::Member(..)))
            {
                continue;
            }
            if slot == Slot::Top("family") {
                open.retain(|s| !matches!(s, Slot::Member(..)));
            }
            if matches!(slot, Slot::Member(..)) && open.contains(&Slot::Top("family")) {
                continue;
            }
            slot.set(&mut answers, None);
            open.push(slot);
        }
        // `unsure` counts as unanswered.
        if answers.get("target_area") == Some(&json!("unsure"))
            && !open.contains(&Slot::Top("target_area"))
        {
            open.push(Slot::Top("target_area"));
        }
        let outcome = outcome_of(&answers);
        let listed: Vec<String> = outcome.missing.iter().map(|f| f.to_string()).collect();
        for (k, slot) in open.iter().enumerate() {
            let others: Vec<Slot> = open
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, s)| s.clone())
                .collect();
            let name = slot.name();
            let mut decides = false;
            let mut decides_path = [false; hukou_engine::policy::PathId::COUNT];
            let mut decides_now = false;
            for (e, base) in extensions(&answers, &others).iter().enumerate() {
                let Some(before_outcome) = valid_outcome(base) else {
                    continue;
                };
                let before = shown(&before_outcome);
                for v in slot.values() {
                    let mut after = base.clone();
                    slot.set(&mut after, Some(&v));
                    let Some(after) = valid_outcome(&after) else {
                        continue;
                    };
                    if changes(&name, &before, &shown(&after)) {
                        decides = true;
                        decides_now |= e == 0;
                    }
                    for (p, path) in before_outcome.paths.iter().enumerate() {
                        decides_path[p] |= after.paths[p].status != path.status;
                    }
                }
                if decides && decides_path.iter().all(|&d| d) {
                    break;
                }
            }
            decided_only_later += usize::from(decides && !decides_now);
            assert_eq!(
                listed.contains(&name),
                decides,
                "case {case}: {name} {} in missing {listed:?}, but {}\n{}",
                if listed.contains(&name) {
                    "is"
                } else {
                    "is not"
                },
                if decides {
                    "some answer to it changes the outcome"
                } else {
                    "no answer to it ever changes the outcome"
                },
                Value::Object(answers.clone())
            );
            for (p, path) in outcome.paths.iter().enumerate() {
                let path_lists = path.missing.iter().any(|f| f.to_string() == name);
                assert_eq!(
                    path_lists,
                    decides_path[p],
                    "case {case}: path {} lists {:?}; {name} {} its status\n{}",
                    path.id,
                    path.missing,
                    if decides_path[p] {
                        "can change"
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
    assert!(checked > 600, "only {checked} field checks ran");
    assert!(decided_only_later > 10, "only {decided_only_later} fields mattered only once others were answered: the test would not tell a one-field search from an exact one");
}

#[test]
fn adding_an_answer_never_adds_a_question() {
    let mut rng = XorShift(0x5EED_1234_ABCD_0003);
    for case in 0..3000 {
        let mut answers = full_answers(&mut rng);
        let all = slots(&answers);
        let open: Vec<Slot> = all
            .into_iter()
            .filter(|s| *s != Slot::Top("family") && rng.below(3) == 0)
            .collect();
        for slot in &open {
            slot.set(&mut answers, None);
        }
        let before: Vec<String> = outcome_of(&answers)
            .missing
            .iter()
            .map(|f| f.to_string())
            .collect();
        let Some(slot) = open.get(rng.below(open.len().max(1))) else {
            continue;
        };
        slot.set(&mut answers, Some(rng.pick(&slot.values())));
        let Some(after) = valid_outcome(&answers) else {
            continue;
        };
        let after: Vec<String> = after.missing.iter().map(|f| f.to_string()).collect();
        for field in &after {
            assert!(
                before.contains(field),
                "case {case}: answering {} added {field} to missing {before:?}\n{}",
                slot.name(),
                Value::Object(answers.clone())
            );
        }
    }
}
