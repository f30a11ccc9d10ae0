//! The rules engine for 郴政发〔2016〕1号, Chenzhou's household-registration reform.
//!
//! answers (as typed) → [`Facts`] (validated, with the day they are judged on) → [`evaluate`] →
//! [`Outcome`] (paths, relatives, services, notices, questions still worth asking) and a
//! [`Trace`] of every condition checked, each with its clause.
//!
//! The engine knows nothing of the web and never reads a clock: `today` is always an input.

pub mod answers;
#[macro_use]
mod lean;
mod chenzhou_2016;
pub mod cond;
mod decode;
mod diagram;
pub mod evaluate;
pub mod facts;
pub mod field;
#[cfg(feature = "policy-fixture")]
mod fixture_2027;
mod judge;
mod missing;
pub mod outcome;
pub mod policies;
pub mod policy;
pub mod sweep;
pub mod words;

pub use answers::{Answers, InputError, InputErrorKind, Member};
pub use cond::Tri;
pub use evaluate::{evaluate, evaluate_with};
pub use facts::Facts;
pub use field::{Field, MemberField};
pub use outcome::{Evaluation, MayJoin, Outcome, Status, Trace};
pub use policies::POLICIES;
pub use policy::{Clause, Policy};

/// Decodes contract JSON, checks it, and evaluates it: the whole command-line pipeline.
/// `device_today` is used when the answers carry no `today`.
pub fn evaluate_json(
    text: &str,
    device_today: chrono::NaiveDate,
) -> Result<Evaluation, InputError> {
    Ok(evaluate(&Facts::from_json(text, device_today)?))
}
