//! The thresholds 郴政发〔2016〕1号's rules compare with, each a named parameter with its clause and
//! its values by the day each takes effect: an amendment is one more dated line.

use super::date;
use crate::cond::{Dated, Parameter};

pub(crate) const PARAMETERS: &[&Parameter] = &[
    &RESIDENT_MONTHS,
    &FAMILY_PLANNING_WINDOW,
    &SCHOOL_AGE_FROM,
    &SCHOOL_AGE_TO,
    &UNMARRIED_AGE_FROM,
    &UNMARRIED_AGE_TO,
];

/// The months in a city after which one may apply for a residence permit (663号 第二条:
/// 居住半年以上).
#[rustfmt::skip]
pub(crate) const RESIDENT_MONTHS: Parameter = Parameter {
    id: "resident_months",
    clause: "ord663.2",
    values: &[
        Dated { from: date(2016, 1, 6), value: 6, words: own!("parameter.resident_months.6", "半年") },
        // The fixture's amendment: a year from 2027 (`fixture_2027.rs`), one dated line.
        #[cfg(feature = "policy-fixture")]
        Dated { from: date(2027, 1, 1), value: 12, words: own!("parameter.resident_months.12", "一年") },
    ],
};
/// How long after settling the rural birth policy still applies (6.5: 落户后3年内), in months.
#[rustfmt::skip]
pub(crate) const FAMILY_PLANNING_WINDOW: Parameter = Parameter {
    id: "family_planning_window",
    clause: "6.5",
    values: &[Dated { from: date(2016, 1, 6), value: 36, words: own!("parameter.family_planning_window.36", "3年") }],
};
/// The ages of compulsory schooling a child of 6.4's 随迁子女 is counted at, 6 to 15 on the
/// day judged (6.4 names no ages: the reading is in ARCHITECTURE.md).
#[rustfmt::skip]
pub(crate) const SCHOOL_AGE_FROM: Parameter = Parameter {
    id: "school_age_from",
    clause: "6.4",
    values: &[Dated { from: date(2016, 1, 6), value: 6, words: own!("parameter.school_age_from.6", "6岁") }],
};
#[rustfmt::skip]
pub(crate) const SCHOOL_AGE_TO: Parameter = Parameter {
    id: "school_age_to",
    clause: "6.4",
    values: &[Dated { from: date(2016, 1, 6), value: 15, words: own!("parameter.school_age_to.15", "15岁") }],
};
/// The ages younger than the youngest at which anyone may marry (民法典 第一千零四十七条: 女不得
/// 早于二十周岁): a child of these ages is unmarried. From the Code's first day; before it, 婚姻法
/// 第六条 set the same ages.
#[rustfmt::skip]
pub(crate) const UNMARRIED_AGE_FROM: Parameter = Parameter {
    id: "unmarried_age_from",
    clause: "civil.1047",
    values: &[Dated { from: date(2021, 1, 1), value: 0, words: own!("parameter.unmarried_age_from.0", "0岁") }],
};
#[rustfmt::skip]
pub(crate) const UNMARRIED_AGE_TO: Parameter = Parameter {
    id: "unmarried_age_to",
    clause: "civil.1047",
    values: &[Dated { from: date(2021, 1, 1), value: 19, words: own!("parameter.unmarried_age_to.19", "未满二十周岁") }],
};
