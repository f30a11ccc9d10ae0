//! Any bytes as the command line's (and the JavaScript API's) input: an outcome that serialises,
//! or a one-line error naming a field; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    match hukou_engine::evaluate_json(text, today) {
        Ok(evaluation) => {
            assert_eq!(evaluation.outcome.paths.len(), 5);
            let _ = evaluation.outcome.to_json_pretty();
        }
        Err(error) => assert!(!error.to_string().contains('\n')),
    }
});
