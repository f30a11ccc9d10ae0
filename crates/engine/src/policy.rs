//! What a policy is, as data: its clauses with their own words, and rules that cite them.
//!
//! A later policy is added as another `Policy` in `policies::POLICIES`; evaluation picks the one
//! in force on `today`.

use chrono::NaiveDate;

use crate::cond::Cond;
pub use crate::cond::PathId;

mod texts;

/// One policy document and the rules read from it.
#[derive(Debug)]
pub struct Policy {
    /// Stable id used in the outcome, e.g. `chenzhou-2016-1`.
    pub id: &'static str,
    /// The document number, e.g. 郴政发〔2016〕1号.
    pub document: &'static str,
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub title: &'static str,
    pub signed: NaiveDate,
    /// The day from which it is applied (the earliest `today` it judges).
    pub effective: NaiveDate,
    /// Every clause a rule may cite, with its own words.
    pub clauses: &'static [Clause],
    /// Indexed by `PathId`.
    pub paths: &'static [PathRule; PathId::COUNT],
    /// All must hold for a relative to come along with the applicant.
    pub relatives: &'static [Condition],
    /// The paths a relative comes along under: the one the applicant settles by.
    pub relatives_join: &'static [PathId],
    /// The person's hukou is already in the place they name: nothing to move.
    pub registered_here: Cond,
    /// What may bring a person, as the start screen offers it.
    pub purposes: &'static [PurposeRule],
    pub services: &'static [ServiceRule],
    pub notices: &'static [NoticeRule],
    /// What the policy promises every person newly settled, relatives who come along included:
    /// said under the relatives who may come.
    pub settlers_rights: Promise,
    /// Answers that meet a condition's words where the text leaves the rest to the office: the
    /// proof (a lease not registered is still a lease), or whether the answer counts at all.
    pub office_decides: &'static [OfficeRule],
    /// Its texts (titles and labels) in other languages: tables keyed by the text in the
    /// policy's own language. A language may have several (a later policy adds its new texts to
    /// the earlier one's table).
    /// The thresholds its rules compare with, each with its values by date (every one a rule
    /// reads is listed: `tests/rules.rs`).
    pub parameters: &'static [&'static crate::cond::Parameter],
    pub translations: &'static [Translation],
}

/// A policy's texts in one other language, keyed by their text in the policy's own language.
#[derive(Debug)]
pub struct Translation {
    /// The language's code, as the app's language registry names it (`en`).
    pub lang: &'static str,
    /// (own text, translation), sorted by the own text.
    pub texts: &'static [(&'static str, &'static str)],
}

/// What may bring a person: the path that answers it directly, and what choosing it says.
#[derive(Debug)]
pub struct PurposeRule {
    pub id: &'static str,
    /// The path that answers it directly: the questions stop once that path is decided.
    pub path: Option<PathId>,
    /// The answers that choosing it already gives.
    pub implies: &'static [(crate::field::Field, crate::field::Value)],
    /// Questions asked on its route besides those deciding its path.
    pub also_asks: &'static [crate::field::Field],
}

/// A clause: `3.1` is 三(一). Clauses of other documents the policy leans on carry a prefix
/// (`ord663.2` is article 2 of 国务院令第663号).
#[derive(Debug)]
pub struct Clause {
    pub id: &'static str,
    /// The document the words come from.
    pub source: &'static str,
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub title: &'static str,
    /// The clause's own words, verbatim.
    pub text: &'static str,
}

/// A path: eligible when every condition is met.
#[derive(Debug)]
pub struct PathRule {
    pub id: PathId,
    pub clause: &'static str,
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub title: &'static str,
    pub conditions: &'static [Condition],
}

/// One named condition of a path or of a relative's coming along, with the clause it rests on.
#[derive(Clone, Copy, Debug)]
pub struct Condition {
    pub id: &'static str,
    pub clauses: &'static [&'static str],
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub label: &'static str,
    pub test: Cond,
    /// What the policy says beside the condition, for the first of these whose condition holds:
    /// why it is unmet (`NotApplying`, `Why`), or, met, where the text is silent (`Silent`).
    pub because: &'static [(Because, Cond)],
}

/// Why an unmet condition is unmet, as the policy says it; each holds its text key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Because {
    /// The path does not concern the person (another kind of place, no baby, a hukou already).
    NotApplying(&'static str),
    /// A line for the person to read beside the path (why a 乡 is not a town).
    Why(&'static str),
    /// Met, but whether the answer counts the text does not say (a permit's "other city" for a
    /// move within the city): said beside the path and its verdict, never a refusal.
    Silent(&'static str),
}

impl Because {
    /// Said of a met condition, not of an unmet one.
    pub const fn of_met(self) -> bool {
        matches!(self, Because::Silent(_))
    }

    pub const fn key(self) -> &'static str {
        match self {
            Because::NotApplying(key) | Because::Why(key) | Because::Silent(key) => key,
        }
    }
}

/// Written as its text key, as the trace has always said it.
impl serde::Serialize for Because {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// A statement of the policy about people who settle, with the clause it rests on.
#[derive(Clone, Copy, Debug)]
pub struct Promise {
    pub clause: &'static str,
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub text: &'static str,
}

/// A service (section 6 or 4.2), listed when `applies` is met.
#[derive(Clone, Copy, Debug)]
pub struct ServiceRule {
    pub id: &'static str,
    pub clause: &'static str,
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub title: &'static str,
    pub applies: Cond,
    pub window: Option<Window>,
    /// The relatives it is for, as a condition on one relative (6.4's 随迁子女 of school age),
    /// named in the trace; `None` for a service said of the person who settles.
    pub for_relatives: Option<Cond>,
}

/// A service that lasts a number of months from a date answer (6.5: 3 years after settling).
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub from: crate::field::Field,
    pub months: &'static crate::cond::Parameter,
    /// The window has started (otherwise the service has no end date yet).
    pub started: Cond,
}

/// An answer that meets a condition's words, where the text leaves the rest to the office that
/// registers the person: never a reason to refuse them, always a reason to tell them.
#[derive(Debug)]
pub struct OfficeRule {
    pub id: &'static str,
    pub kind: OfficeKind,
    /// The answer: a condition on one field (`OneOf(field, answers)`).
    pub answer: Cond,
}

/// What the text leaves to the office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    /// The answer is what the text names (含租赁: a lease; 就业: work); how it is proved, the text
    /// does not say.
    Proof,
    /// Whether the answer meets the condition at all, the text does not say.
    TextSilent,
}

/// Something the person should know, listed when `applies` is met.
#[derive(Debug)]
pub struct NoticeRule {
    pub id: &'static str,
    pub clause: &'static str,
    /// In the policy's own language (its document's Chinese); others in `Policy::translations`.
    pub title: &'static str,
    /// A route of 4.1 for someone without a hukou (国办发〔2015〕96号's, for their category): said
    /// as the next step when registering them is the answer.
    pub route: bool,
    pub applies: Cond,
}

impl Policy {
    /// What brought the person, by its id.
    pub fn purpose(&self, id: &str) -> Option<&'static PurposeRule> {
        self.purposes.iter().find(|p| p.id == id)
    }

    /// The clause with this id, if the policy has it.
    pub fn clause(&self, id: &str) -> Option<&'static Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// The first condition with this id, a path's or the relatives'. An id has one wording
    /// throughout a policy (the rules tests check it), though its clauses may differ by path:
    /// the trace names conditions by id and carries their clauses.
    pub fn condition(&self, id: &str) -> Option<&'static Condition> {
        let paths = self.paths.iter().flat_map(|p| p.conditions);
        paths.chain(self.relatives).find(|c| c.id == id)
    }

    pub fn path(&self, id: PathId) -> &'static PathRule {
        &self.paths[id as usize]
    }

    /// Visits every top-level condition of every rule: paths', relatives', services' (and their
    /// windows') and notices'.
    pub fn for_each_rule_cond(&self, visit: &mut dyn FnMut(&'static Cond)) {
        let conditions = self
            .paths
            .iter()
            .flat_map(|p| p.conditions)
            .chain(self.relatives);
        for condition in conditions {
            visit(&condition.test);
        }
        for service in self.services {
            visit(&service.applies);
            if let Some(window) = &service.window {
                visit(&window.started);
            }
        }
        for notice in self.notices {
            visit(&notice.applies);
        }
    }

    /// Visits every leaf of every rule.
    pub fn for_each_leaf(&self, visit: &mut dyn FnMut(&Cond)) {
        self.for_each_rule_cond(&mut |cond| cond.for_each_leaf(visit));
    }

    /// Visits every condition of every rule, nested ones included.
    pub fn for_each_cond(&self, visit: &mut dyn FnMut(&'static Cond)) {
        self.for_each_rule_cond(&mut |cond| cond.for_each_node(visit));
    }
}
