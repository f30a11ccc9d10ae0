//! What the scenario files expect, checked against an outcome; shared by the native and wasm runs.

use serde_json::{Map, Value};

/// Every scenario file, embedded so the same suite also runs inside wasm32.
pub const FILES: &[(&str, &str)] = &[
    (
        "bad_input.json",
        include_str!("../scenarios/bad_input.json"),
    ),
    (
        "central_urban.json",
        include_str!("../scenarios/central_urban.json"),
    ),
    ("dates.json", include_str!("../scenarios/dates.json")),
    ("family.json", include_str!("../scenarios/family.json")),
    ("missing.json", include_str!("../scenarios/missing.json")),
    ("newborn.json", include_str!("../scenarios/newborn.json")),
    ("no_hukou.json", include_str!("../scenarios/no_hukou.json")),
    ("notices.json", include_str!("../scenarios/notices.json")),
    (
        "office_and_joining.json",
        include_str!("../scenarios/office_and_joining.json"),
    ),
    (
        "residence_permit.json",
        include_str!("../scenarios/residence_permit.json"),
    ),
    ("services.json", include_str!("../scenarios/services.json")),
    ("towns.json", include_str!("../scenarios/towns.json")),
];

/// Every scenario of every file.
pub fn all_scenarios() -> Vec<Scenario> {
    FILES
        .iter()
        .flat_map(|(name, text)| parse_file(name, text))
        .collect()
}

/// Scenarios that carry no `today` are judged on the file's `today`.
pub struct Scenario {
    pub file: String,
    pub name: String,
    /// The text given to the engine: `raw` as written, or `answers` as JSON.
    pub input: String,
    pub expect: Expect,
}

pub enum Expect {
    Outcome(Map<String, Value>),
    /// Refused, with the error line naming this field.
    Error(String),
}

/// Reads one scenario file.
pub fn parse_file(file: &str, text: &str) -> Vec<Scenario> {
    let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let today = doc["today"]
        .as_str()
        .unwrap_or_else(|| panic!("{file}: no today"))
        .to_owned();
    let scenarios = doc["scenarios"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: no scenarios"));
    scenarios
        .iter()
        .map(|s| {
            let name = s["name"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}: a scenario has no name"))
                .to_owned();
            let input = match (&s["raw"], &s["answers"]) {
                (Value::String(raw), _) => raw.clone(),
                (_, Value::Object(answers)) => {
                    let mut answers = answers.clone();
                    answers
                        .entry("today")
                        .or_insert_with(|| Value::String(today.clone()));
                    Value::Object(answers).to_string()
                }
                _ => panic!("{file}: {name}: neither raw nor answers"),
            };
            let expect = match (&s["error"], &s["expect"]) {
                (Value::String(field), _) => Expect::Error(field.clone()),
                (_, Value::Object(expect)) => Expect::Outcome(expect.clone()),
                _ => panic!("{file}: {name}: neither error nor expect"),
            };
            Scenario {
                file: file.to_owned(),
                name,
                input,
                expect,
            }
        })
        .collect()
}

/// Whether an error line names `field`: it starts with the field's path and a colon.
pub fn error_names(line: &str, field: &str) -> bool {
    line.starts_with(&format!("{field}: "))
}

/// Every way `outcome` differs from `expect`; empty when it matches.
pub fn check(expect: &Map<String, Value>, outcome: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |p: String| problems.push(p);
    let ids = |key: &str| -> Vec<String> {
        outcome[key].as_array().map_or(vec![], |items| {
            items
                .iter()
                .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
    };
    let entry = |key: &str, id: &str| -> Option<Value> {
        outcome[key]
            .as_array()?
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
    };
    for (key, want) in expect {
        match key.as_str() {
            "paths" => {
                for (id, want) in want.as_object().expect("paths is an object") {
                    let Some(got) = entry("paths", id) else {
                        fail(format!("path {id} is missing"));
                        continue;
                    };
                    let want = match want {
                        Value::String(status) => {
                            Map::from_iter([("status".to_owned(), Value::String(status.clone()))])
                        }
                        Value::Object(fields) => fields.clone(),
                        _ => panic!("path expectation must be a status or an object"),
                    };
                    for (field, value) in &want {
                        if &got[field] != value {
                            fail(format!(
                                "path {id}: {field} is {}, expected {value}",
                                got[field]
                            ));
                        }
                    }
                }
            }
            "family" => {
                let got = outcome["family"].as_array().cloned().unwrap_or_default();
                let want = want.as_array().expect("family is a list");
                if got.len() != want.len() {
                    fail(format!(
                        "family has {} entries, expected {}",
                        got.len(),
                        want.len()
                    ));
                }
                for (i, (got, want)) in got.iter().zip(want).enumerate() {
                    let want = match want {
                        Value::String(may_join) => Map::from_iter([(
                            "may_join".to_owned(),
                            Value::String(may_join.clone()),
                        )]),
                        Value::Object(fields) => fields.clone(),
                        _ => panic!("family expectation must be a word or an object"),
                    };
                    for (field, value) in &want {
                        if &got[field] != value {
                            fail(format!(
                                "family[{i}]: {field} is {}, expected {value}",
                                got[field]
                            ));
                        }
                    }
                }
            }
            "services" | "notices" => {
                let mut got = ids(key);
                let mut want: Vec<String> =
                    serde_json::from_value(want.clone()).expect("a list of ids");
                got.sort();
                want.sort();
                if got != want {
                    fail(format!("{key} are {got:?}, expected {want:?}"));
                }
            }
            "services_include" | "notices_include" | "services_exclude" | "notices_exclude" => {
                let (list, include) = key.split_once('_').expect("key has an underscore");
                let got = ids(list);
                for id in want.as_array().expect("a list of ids") {
                    let id = id.as_str().expect("an id");
                    if got.iter().any(|g| g == id) != (include == "include") {
                        fail(format!("{list} {got:?} should {include} {id}"));
                    }
                }
            }
            "services_basis" | "notices_basis" => {
                let list = key.trim_end_matches("_basis");
                for (id, basis) in want.as_object().expect("an object") {
                    match entry(list, id) {
                        Some(got) if &got["basis"] == basis => {}
                        Some(got) => fail(format!(
                            "{list} {id}: basis {}, expected {basis}",
                            got["basis"]
                        )),
                        None => fail(format!("{list}: {id} is not listed")),
                    }
                }
            }
            "until" => {
                for (id, until) in want.as_object().expect("an object") {
                    match entry("services", id) {
                        Some(got) if &got["until"] == until => {}
                        Some(got) => fail(format!(
                            "service {id}: until {}, expected {until}",
                            got["until"]
                        )),
                        None => fail(format!("service {id} is not listed")),
                    }
                }
            }
            "missing" => {
                if &outcome["missing"] != want {
                    fail(format!(
                        "missing is {}, expected {want}",
                        outcome["missing"]
                    ));
                }
            }
            "missing_first" => {
                if outcome["missing"].get(0) != Some(want) {
                    fail(format!(
                        "missing is {}, expected {want} first",
                        outcome["missing"]
                    ));
                }
            }
            // Of these fields, those listed come in this order (a question that matters only once
            // another is answered is asked after it).
            "missing_order" => {
                let got = outcome["missing"].as_array().cloned().unwrap_or_default();
                let positions: Vec<Option<usize>> = want
                    .as_array()
                    .expect("a list of fields")
                    .iter()
                    .map(|f| got.iter().position(|g| g == f))
                    .collect();
                if positions.iter().flatten().is_sorted() && positions[0].is_some() {
                    continue;
                }
                fail(format!(
                    "missing is {}, expected the order {want}",
                    outcome["missing"]
                ));
            }
            "missing_include" | "missing_exclude" => {
                let got = outcome["missing"].as_array().cloned().unwrap_or_default();
                for field in want.as_array().expect("a list of fields") {
                    if got.contains(field) != (key == "missing_include") {
                        fail(format!(
                            "missing {} should {} {field}",
                            outcome["missing"],
                            &key[8..]
                        ));
                    }
                }
            }
            "registered_here" => {
                if &outcome["registered_here"] != want {
                    fail(format!(
                        "registered_here is {}, expected {want}",
                        outcome["registered_here"]
                    ));
                }
            }
            "today" => {
                if &outcome["today"] != want {
                    fail(format!("today is {}, expected {want}", outcome["today"]));
                }
            }
            other => fail(format!("unknown expectation {other:?}")),
        }
    }
    problems
}
