//! Evaluates one answer set 2,000 times (the outcome alone, as `hukou.evaluate` does), for a
//! profiler: `valgrind --tool=callgrind
//! target/release/examples/profile_missing '{"today":"2026-11-28"}'`.
fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let text = std::env::args().nth(1).unwrap_or_else(|| "{}".into());
    let facts = hukou_engine::Facts::from_json(&text, today).expect("valid answers");
    for _ in 0..2000 {
        std::hint::black_box(hukou_engine::evaluate::outcome(std::hint::black_box(
            &facts,
        )));
    }
}
