//! The engine compiled to wasm32, tested in headless Chromium: the whole scenario suite, through
//! the same library call the app makes.
#![cfg(target_arch = "wasm32")]

mod support;

use chrono::NaiveDate;
use support::{all_scenarios, check, error_names, Expect};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_scenario_holds_in_wasm32() {
    let device_today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let scenarios = all_scenarios();
    let mut failures = Vec::new();
    for scenario in &scenarios {
        let result = hukou_engine::evaluate_json(&scenario.input, device_today);
        let problems = match (&scenario.expect, result) {
            (Expect::Error(field), Err(error)) if error_names(&error.to_string(), field) => vec![],
            (Expect::Error(field), Err(error)) => {
                vec![format!("error {error:?} does not name {field}")]
            }
            (Expect::Error(field), Ok(_)) => {
                vec![format!("accepted, expected an error naming {field}")]
            }
            (Expect::Outcome(_), Err(error)) => vec![format!("refused: {error}")],
            (Expect::Outcome(expect), Ok(evaluation)) => check(
                expect,
                &serde_json::to_value(&evaluation.outcome).expect("serialises"),
            ),
        };
        failures.extend(
            problems
                .into_iter()
                .map(|p| format!("{} — {}: {p}", scenario.file, scenario.name)),
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios fail in wasm32:\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n")
    );
}
