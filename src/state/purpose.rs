//! What brought the person, chosen on the start screen; the policy says what each means.

use hukou_engine::policy::{PathId, Policy, PurposeRule};

/// What brought the person, chosen on the start screen: it leads the questions and the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Settle,
    Newborn,
    NoHukou,
    Permit,
    /// Coming to live with a spouse, child or parent there: the answers describe that relative,
    /// and the person is the first relative listed (`Session::joiner`).
    Join,
    Registered,
}

impl Purpose {
    pub const ALL: [Purpose; 6] = [
        Purpose::Settle,
        Purpose::Join,
        Purpose::Newborn,
        Purpose::NoHukou,
        Purpose::Permit,
        Purpose::Registered,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Purpose::Settle => "settle",
            Purpose::Newborn => "newborn",
            Purpose::NoHukou => "no_hukou",
            Purpose::Permit => "permit",
            Purpose::Join => "join",
            Purpose::Registered => "registered",
        }
    }

    pub fn from_word(word: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.word() == word)
    }

    /// What the policy says of it: its path, the answers it gives, what its route also asks.
    pub fn rule(self, policy: &'static Policy) -> Option<&'static PurposeRule> {
        policy.purpose(self.word())
    }

    /// The path that answers it directly: the questions stop once that path is decided.
    pub fn path(self, policy: &'static Policy) -> Option<PathId> {
        self.rule(policy).and_then(|r| r.path)
    }
}
