//! Evaluates one answer set 2,000 times, or as often as the second argument says (the outcome
//! alone, as `hukou.evaluate` does), for a profiler: `valgrind --tool=callgrind
//! target/release/examples/profile_missing '{"today":"2026-11-28"}'`. Once (`… 1`) gives
//! mostly what compiling the policy's diagrams costs, which happens once per page.
fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let text = std::env::args().nth(1).unwrap_or_else(|| "{}".into());
    let facts = hukou_engine::Facts::from_json(&text, today).expect("valid answers");
    let times: usize = std::env::args()
        .nth(2)
        .map_or(2000, |n| n.parse().expect("a number of times"));
    for _ in 0..times {
        std::hint::black_box(hukou_engine::evaluate::outcome(std::hint::black_box(
            &facts,
        )));
    }
}
