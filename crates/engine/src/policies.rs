//! Every policy the engine knows, and which one judges a day. To add a policy: its rules in a
//! file of their own (as `chenzhou_2016.rs`), its full text in `policy/`, one line below.

use chrono::NaiveDate;

use crate::answers::{Answers, InputError};
use crate::facts::Facts;
use crate::policy::Policy;

/// Every policy the engine knows, oldest first.
#[cfg(not(feature = "policy-fixture"))]
pub const POLICIES: &[&Policy] = &[&crate::chenzhou_2016::POLICY];

/// With the test fixture of a later policy (`fixture_2027.rs`, feature `policy-fixture`).
#[cfg(feature = "policy-fixture")]
pub const POLICIES: &[&Policy] = &[&crate::chenzhou_2016::POLICY, &crate::fixture_2027::POLICY];

/// The policy in force on `today`: the newest whose effective date has come.
pub fn in_force(today: NaiveDate) -> Option<&'static Policy> {
    POLICIES
        .iter()
        .rev()
        .find(|p| p.effective <= today)
        .copied()
}

/// A policy by its id (an outcome's `policy.id` names the one that judged it).
pub fn by_id(id: &str) -> Option<&'static Policy> {
    POLICIES.iter().find(|p| p.id == id).copied()
}

/// The earliest day any known policy can judge: the first effective date.
pub fn earliest_effective() -> NaiveDate {
    POLICIES
        .iter()
        .map(|p| p.effective)
        .min()
        .expect("at least one policy")
}

/// Facts judged by the policies the engine knows: a day before the first took effect is refused.
impl Facts {
    /// Checks `answers` and fixes the day: `answers.today` if given, else `device_today`.
    pub fn new(answers: &Answers, device_today: NaiveDate) -> Result<Facts, InputError> {
        Facts::within(answers, device_today, earliest_effective())
    }

    /// Decodes and checks contract JSON in one step.
    pub fn from_json(text: &str, device_today: NaiveDate) -> Result<Facts, InputError> {
        Facts::new(&Answers::from_json(text)?, device_today)
    }
}
