//! The day the app judges on. The device's date is taken when it can be right: not before this
//! build was made, nor after the last day the engine judges. A clock that is plainly wrong (a
//! phone whose battery ran flat shows 1970) is never trusted and never costs the person their
//! answers: the last day the device gave that could be right is used instead (kept on the
//! device), else the day this build was made, and the person is told.

use chrono::{Datelike, Days, NaiveDate};
use hukou_engine::answers::parse_date;
use hukou_engine::facts::LATEST_TODAY;
use hukou_engine::POLICIES;

/// Where the last day that could be right is kept on the device.
pub const DAY_KEY: &str = "chenzhou-hukou-day";

/// The day this build was made (`HUKOU_BUILT_ON`, set by the page's build), else the day the
/// newest policy took effect.
pub fn built_on() -> NaiveDate {
    option_env!("HUKOU_BUILT_ON")
        .and_then(parse_date)
        .unwrap_or(POLICIES[POLICIES.len() - 1].effective)
}

/// A day as `YYYY-MM-DD` (without chrono's formatting machinery, which the page would carry).
pub fn iso(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// Whether a device's date can be right: from two days before this build (time zones) to the
/// last day the engine judges.
pub fn can_be_right(day: NaiveDate) -> bool {
    let earliest = built_on()
        .checked_sub_days(Days::new(2))
        .unwrap_or(NaiveDate::MIN);
    (earliest..=LATEST_TODAY).contains(&day)
}

/// The day to judge on, and the device's date when it cannot be right.
pub fn judged_day(
    device: NaiveDate,
    last_right: Option<NaiveDate>,
) -> (NaiveDate, Option<NaiveDate>) {
    if can_be_right(device) {
        return (device, None);
    }
    let day = last_right
        .filter(|&d| can_be_right(d))
        .unwrap_or_else(built_on);
    (day, Some(device))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_clock_at_1970_2015_or_2101_is_not_trusted_and_the_last_right_day_is_used() {
        let last = built_on();
        for wrong in [day(1970, 1, 1), day(2015, 6, 1), day(2101, 3, 1)] {
            assert_eq!(judged_day(wrong, Some(last)), (last, Some(wrong)));
            assert_eq!(judged_day(wrong, None), (built_on(), Some(wrong)));
            assert_eq!(
                judged_day(wrong, Some(day(1970, 1, 1))),
                (built_on(), Some(wrong))
            );
        }
    }

    #[test]
    fn a_clock_that_can_be_right_is_the_day_judged_on() {
        let right = built_on().checked_add_days(Days::new(400)).unwrap();
        assert_eq!(judged_day(right, None), (right, None));
    }
}
