//! The outcome contract, and the explanation trace behind it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::cond::Tri;
use crate::field::Field;
use crate::policy::{Because, OfficeKind};

/// What the answers lead to, in the shape of `contract.md`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub policy: PolicyRef,
    pub today: NaiveDate,
    pub paths: Vec<PathOutcome>,
    #[serde(rename = "family")]
    pub relatives: Vec<MemberOutcome>,
    pub services: Vec<ServiceOutcome>,
    pub notices: Vec<NoticeOutcome>,
    /// Unanswered fields that could still change the outcome, most decisive first.
    pub missing: Vec<Field>,
    /// The person's hukou is already in the place they name (`current_hukou: target_area`, the
    /// place answered): there is nothing to move; what applies is services and family joining.
    pub registered_here: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyRef {
    pub id: &'static str,
    pub document: &'static str,
    pub signed: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Eligible,
    NotEligible,
    Undetermined,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::NotEligible => "not_eligible",
            Status::Undetermined => "undetermined",
        }
    }
}

impl From<Tri> for Status {
    fn from(tri: Tri) -> Status {
        match tri {
            Tri::Met => Status::Eligible,
            Tri::Unmet => Status::NotEligible,
            Tri::Unknown => Status::Undetermined,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathOutcome {
    pub id: &'static str,
    pub status: Status,
    pub basis: Vec<&'static str>,
    /// Fields of the conditions that fail.
    pub unmet: Vec<Field>,
    /// Unanswered fields that would decide this path.
    pub missing: Vec<Field>,
    /// On an eligible path: the conditions met only by an answer whose proof, or whether it
    /// counts at all, the text leaves to the office (a lease not registered, work without a
    /// written contract, a home from the employer). Left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub office_decides: Vec<OfficeDecides>,
}

/// A condition met by an answer the text leaves to the office to judge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfficeDecides {
    /// The policy's rule (`unregistered_lease`, `no_written_contract`, `employer_home`).
    pub id: &'static str,
    /// The condition it meets.
    pub condition: &'static str,
    /// `proof`: the answer is what the text names, and the office judges its proof;
    /// `text_silent`: whether the answer counts, the text does not say.
    pub kind: OfficeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MayJoin {
    Yes,
    No,
    Undetermined,
}

impl MayJoin {
    pub fn word(self) -> &'static str {
        match self {
            MayJoin::Yes => "yes",
            MayJoin::No => "no",
            MayJoin::Undetermined => "undetermined",
        }
    }
}

impl From<Tri> for MayJoin {
    fn from(tri: Tri) -> MayJoin {
        match tri {
            Tri::Met => MayJoin::Yes,
            Tri::Unmet => MayJoin::No,
            Tri::Unknown => MayJoin::Undetermined,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberOutcome {
    pub index: usize,
    pub may_join: MayJoin,
    pub basis: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceOutcome {
    pub id: &'static str,
    pub basis: Vec<&'static str>,
    /// The last day the service applies, where a window ends (6.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoticeOutcome {
    pub id: &'static str,
    pub basis: Vec<&'static str>,
}

/// Why: every condition checked for each path and each relative, with its state and clause.
/// Conditions are named by id: their words are the policy's (`Policy::condition`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trace {
    pub paths: Vec<PathTrace>,
    #[serde(rename = "family")]
    pub relatives: Vec<MemberTrace>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathTrace {
    pub id: &'static str,
    pub conditions: Vec<CheckedCondition>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberTrace {
    pub index: usize,
    pub conditions: Vec<CheckedCondition>,
    /// The listed services this relative is one of those for (`ServiceRule::for_relatives`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckedCondition {
    pub id: &'static str,
    pub clauses: &'static [&'static str],
    pub state: Tri,
    /// The answer fields this condition reads.
    pub fields: Vec<Field>,
    /// What the policy says beside it: see `Condition::because`. The trace writes why an unmet
    /// condition is unmet, as it always has; a met one's silence is for the reading.
    #[serde(skip_serializing_if = "not_written")]
    pub because: Option<Because>,
    /// Met only by an answer the text leaves to the office: which rule (see `OfficeDecides`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<&'static str>,
}

fn not_written(because: &Option<Because>) -> bool {
    because.is_none_or(|b| b.of_met())
}

/// The outcome together with its explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    #[serde(flatten)]
    pub outcome: Outcome,
    pub trace: Trace,
}

impl Outcome {
    pub fn path(&self, id: &str) -> Option<&PathOutcome> {
        self.paths.iter().find(|p| p.id == id)
    }
}
