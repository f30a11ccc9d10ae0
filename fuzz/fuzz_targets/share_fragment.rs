//! Any text as a share link's fragment: answers the engine accepts, or refused; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    if let Ok(Some(answers)) = chenzhou_hukou::saved::decode_fragment(&text, today) {
        let facts = hukou_engine::Facts::new(&answers, today).expect("a decoded fragment is valid");
        let _ = hukou_engine::evaluate(&facts);
    }
});
