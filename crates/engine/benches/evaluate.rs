//! Native benchmark: one evaluation of a full answer set, of an empty one, and the whole sweep.
//! Run with `cargo bench -p hukou-engine`; the README's figures come from here.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use hukou_engine::sweep::AnswerSpace;
use hukou_engine::{evaluate, Answers, Facts};

/// A person who answered everything: central urban worker with a spouse and a school-age child.
const FULL_ANSWERS: &str = include_str!("full_answers.json");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")
}

/// Median time per call over `batches` batches of `per_batch` calls.
fn time_per_call(batches: usize, per_batch: u32, mut f: impl FnMut()) -> Duration {
    for _ in 0..per_batch {
        f();
    }
    let mut samples: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let full = Facts::from_json(FULL_ANSWERS, today()).expect("valid answers");
    let empty = Facts::new(&Answers::default(), today()).expect("valid answers");

    let t = time_per_call(30, 2000, || {
        black_box(evaluate(black_box(&full)));
    });
    println!(
        "evaluate, full answer set:            {:>8.2} µs",
        t.as_secs_f64() * 1e6
    );
    let t = time_per_call(30, 2000, || {
        black_box(evaluate(black_box(&empty)));
    });
    println!(
        "evaluate, no answers (most missing):  {:>8.2} µs",
        t.as_secs_f64() * 1e6
    );
    let t = time_per_call(30, 2000, || {
        black_box(hukou_engine::evaluate_json(black_box(FULL_ANSWERS), today()).expect("valid"));
    });
    println!(
        "decode + check + evaluate, full JSON: {:>8.2} µs",
        t.as_secs_f64() * 1e6
    );

    // Worst cases: the most relatives accepted, with nothing about them answered yet (every one
    // of their fields is a question to weigh), and inputs that are refused.
    let fifty = format!(
        r#"{{"today":"2026-11-28","target_area":"county_seat_town","residence":"rented","family":[{}]}}"#,
        vec![r#"{"relation":"child"}"#; 50].join(",")
    );
    let t = time_per_call(10, 50, || {
        black_box(hukou_engine::evaluate_json(black_box(&fifty), today()).expect("valid"));
    });
    println!(
        "worst case, 50 relatives to weigh:    {:>8.2} µs",
        t.as_secs_f64() * 1e6
    );
    let huge = format!(r#"{{"family":[{}]}}"#, vec!["{}"; 10_000].join(","));
    let t = time_per_call(10, 50, || {
        black_box(hukou_engine::evaluate_json(black_box(&huge), today()).expect_err("refused"));
    });
    println!(
        "10,000 relatives, refused:            {:>8.2} µs",
        t.as_secs_f64() * 1e6
    );
    let deep = format!(
        r#"{{"family":{}{}}}"#,
        "[".repeat(30_000),
        "]".repeat(30_000)
    );
    let t = time_per_call(10, 50, || {
        black_box(hukou_engine::evaluate_json(black_box(&deep), today()).expect_err("refused"));
    });
    println!(
        "30,000-deep nesting, refused:         {:>8.2} µs",
        t.as_secs_f64() * 1e6
    );

    let space = AnswerSpace::new(today());
    let start = Instant::now();
    let mut eligible = 0u64;
    for index in 0..space.len() {
        let facts = Facts::new(&space.get(index), today()).expect("the sweep holds valid answers");
        eligible += black_box(evaluate(&facts))
            .outcome
            .paths
            .iter()
            .filter(|p| p.status == hukou_engine::Status::Eligible)
            .count() as u64;
    }
    let elapsed = start.elapsed();
    println!(
        "whole sweep: {} answer sets in {:.1} s ({:.2} µs each; {} eligible paths seen)",
        space.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / space.len() as f64,
        eligible
    );
}
