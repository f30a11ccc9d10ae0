//! Any text as the browser's stored session: a session that evaluates, or a fresh start; never
//! a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    if let Ok(restored) = chenzhou_hukou::saved::decode_session(&text, today) {
        let session = restored.session;
        session.evaluation().expect("a decoded session evaluates");
        let _ = session.next_question();
    }
});
