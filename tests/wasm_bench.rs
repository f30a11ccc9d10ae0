//! Benchmark of the engine compiled to wasm32, in headless Chromium (run by `scripts/bench`, not
//! by the tests): one full evaluation, an empty one, and the whole answer-space sweep.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use hukou_engine::sweep::AnswerSpace;
use hukou_engine::{evaluate, Answers, Facts};
use std::hint::black_box;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const FULL_ANSWERS: &str = include_str!("../crates/engine/benches/full_answers.json");

fn now_ms() -> f64 {
    web_sys::window()
        .expect("a window")
        .performance()
        .expect("performance")
        .now()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// Median microseconds per call over 30 batches of `per_batch` calls, after one batch of warm-up.
fn micros_per_call(per_batch: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..per_batch {
        f();
    }
    let mut samples: Vec<f64> = (0..30)
        .map(|_| {
            let start = now_ms();
            for _ in 0..per_batch {
                f();
            }
            (now_ms() - start) * 1000.0 / f64::from(per_batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[wasm_bindgen_test]
async fn benchmark_the_engine_in_wasm32() {
    let full = Facts::from_json(FULL_ANSWERS, today()).expect("valid answers");
    let empty = Facts::new(&Answers::default(), today()).expect("valid answers");
    let t = micros_per_call(1000, || {
        black_box(evaluate(black_box(&full)));
    });
    console_log!("wasm32: evaluate, full answer set:            {t:>8.2} µs");
    let t = micros_per_call(200, || {
        black_box(evaluate(black_box(&empty)));
    });
    console_log!("wasm32: evaluate, no answers (most missing):  {t:>8.2} µs");
    let t = micros_per_call(1000, || {
        black_box(hukou_engine::evaluate_json(black_box(FULL_ANSWERS), today()).expect("valid"));
    });
    console_log!("wasm32: decode + check + evaluate, full JSON: {t:>8.2} µs");

    // The sweep runs in chunks, giving the page back between them (a renderer busy for minutes
    // stops answering the test driver); only the chunks' own time is counted.
    let space = AnswerSpace::new(today());
    let mut busy_ms = 0.0;
    let mut index = 0;
    while index < space.len() {
        let start = now_ms();
        for i in index..(index + 20_000).min(space.len()) {
            let facts = Facts::new(&space.get(i), today()).expect("the sweep holds valid answers");
            black_box(evaluate(&facts));
        }
        busy_ms += now_ms() - start;
        index += 20_000;
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
    }
    let seconds = busy_ms / 1000.0;
    console_log!(
        "wasm32: whole sweep: {} answer sets in {seconds:.1} s ({:.2} µs each)",
        space.len(),
        seconds * 1e6 / space.len() as f64
    );
}
