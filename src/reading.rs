//! What the results say, worked out from the session and its evaluation before anything is
//! drawn: plain Rust, tested natively. The views only draw a reading.

pub mod bottom;
pub mod card;
pub mod checklist;
pub mod join;
pub mod lists;
pub mod paths;
pub mod verdict;
pub mod words;

#[cfg(test)]
mod tests;
