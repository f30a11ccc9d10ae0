//! The date rules: months added with a month end clamping, ages in whole years.

use chrono::NaiveDate;
use hukou_engine::cond::{add_months, age_on};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn thirty_six_months_after_a_leap_day_is_the_last_day_of_february() {
    assert_eq!(add_months(day("2024-02-29"), 36), day("2027-02-28"));
}

#[test]
fn thirty_six_months_after_an_ordinary_day_is_the_same_day_three_years_on() {
    assert_eq!(add_months(day("2023-11-28"), 36), day("2026-11-28"));
    assert_eq!(add_months(day("2023-08-31"), 36), day("2026-08-31"));
}

#[test]
fn a_month_end_clamps_into_a_shorter_month() {
    assert_eq!(add_months(day("2024-01-31"), 1), day("2024-02-29"));
    assert_eq!(add_months(day("2023-01-31"), 1), day("2023-02-28"));
    assert_eq!(add_months(day("2023-05-31"), 1), day("2023-06-30"));
}

#[test]
fn an_age_counts_whole_years_and_turns_on_the_birthday() {
    assert_eq!(age_on(day("2020-11-28"), day("2026-11-27")), 5);
    assert_eq!(age_on(day("2020-11-28"), day("2026-11-28")), 6);
    assert_eq!(age_on(day("2010-11-29"), day("2026-11-28")), 15);
    assert_eq!(age_on(day("2010-11-28"), day("2026-11-28")), 16);
}

#[test]
fn someone_born_on_a_leap_day_comes_of_age_on_the_first_of_march_in_a_common_year() {
    assert_eq!(age_on(day("2020-02-29"), day("2026-02-28")), 5);
    assert_eq!(age_on(day("2020-02-29"), day("2026-03-01")), 6);
    assert_eq!(age_on(day("2020-02-29"), day("2028-02-29")), 8);
}

#[test]
fn a_birth_after_the_day_gives_age_zero_rather_than_a_crash() {
    assert_eq!(age_on(day("2027-01-01"), day("2026-11-28")), 0);
}
