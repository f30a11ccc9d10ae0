//! Words the readings and the views share, worked out from the evaluation and the policy that
//! judged: a condition's label, what the office decides, how to find out an answer, which
//! notices are routes of 4.1. Plain functions, no Yew.

use chrono::NaiveDate;
use hukou_engine::field::{Given, Value};
use hukou_engine::outcome::{CheckedCondition, Status};
use hukou_engine::policies::by_id;
use hukou_engine::policy::{Because, PathId, Policy};
use hukou_engine::{Evaluation, Field, POLICIES};

use crate::i18n::{has, rule_on, tr, Lang};
use crate::questions::{question, value_label, Kind};
use crate::state::Session;

/// A checked condition's words, from the policy that judged (the trace names it by id), with
/// the thresholds in force on the day judged.
pub fn condition_label(
    lang: Lang,
    (policy, day): (&Policy, NaiveDate),
    c: &CheckedCondition,
) -> &'static str {
    condition_label_by_id(lang, (policy, day), c.id)
}

/// A condition's words by its id, from the policy that judged, on the day judged.
pub fn condition_label_by_id(
    lang: Lang,
    (policy, day): (&Policy, NaiveDate),
    id: &'static str,
) -> &'static str {
    (policy.condition(id)).map_or(id, |rule| rule_on(lang, policy, day, rule.label))
}

/// The text of what the office decides on a path: the permit's own where 663号 says more (its
/// article 9 lists the papers), else the policy's, in full or in its `form` (`.short`).
pub fn office_key(lang: Lang, id: PathId, office: &str, form: &str) -> String {
    let own = format!("office.{office}.{}", id.id());
    match has(lang, &own) {
        true => own,
        false => format!("office.{office}{form}"),
    }
}

/// Where a path's met condition rests on an answer the text is silent on (the permit's
/// "其他城市" for a hukou elsewhere in the city), the policy's line for it: a text key.
pub fn silent_on(conditions: &[CheckedCondition]) -> Option<&'static str> {
    conditions.iter().find_map(|c| match c.because {
        Some(Because::Silent(key)) => Some(key),
        _ => None,
    })
}

/// The keys of what would meet these failing conditions, where the person's own answer has
/// one (a job without a written contract, an unregistered lease, being retired).
pub fn fix_lines(session: &Session, unmet: &[&CheckedCondition]) -> Vec<String> {
    let answers = &session.answers;
    let mut keys = Vec::new();
    for field in unmet.iter().flat_map(|c| c.fields.iter()) {
        if let Some(word) = answers.value(*field).and_then(Value::word) {
            let key = format!("fix.{}.{word}", field.name());
            if has(session.lang, &key) && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// How to find out the answer to a question one was unsure of, where the tables say.
pub fn how_to_find_out(lang: Lang, field: Field) -> Option<&'static str> {
    let key = format!("unsure.how.{}", field_key(field));
    has(lang, &key).then(|| tr(lang, &key))
}

/// A field's key in the text tables: the contract name, or `member.<name>` for a relative's.
pub fn field_key(field: Field) -> String {
    match field {
        Field::Member(_, f) => format!("member.{}", f.name()),
        other => other.name().to_owned(),
    }
}

/// Whether a notice is a route of 4.1 for a person without a hukou (the policy's data says):
/// the categories and their routes are those of 国办发〔2015〕96号, which 4.1's "分类解决" refers
/// to but does not spell out, so they say where they come from.
pub fn is_route(policy: &Policy, notice: &str) -> bool {
    (policy.notices.iter()).any(|rule| rule.id == notice && rule.route)
}

/// The policy that judged an evaluation (the newest known, should its id be unknown).
pub fn judged_by(evaluation: &Evaluation) -> &'static Policy {
    by_id(evaluation.outcome.policy.id).unwrap_or(POLICIES[POLICIES.len() - 1])
}

/// For a path still open on a question the person was unsure of: each answer they could give,
/// in their words, and what the path would then be (the engine asked about answers not given:
/// the one place a reading evaluates more than the session's answers).
pub fn if_you_knew(session: &Session, id: PathId, field: Field) -> Vec<(String, Status)> {
    let choices: Vec<Value> = match question(field).kind {
        Kind::YesNo => vec![Value::Bool(true), Value::Bool(false)],
        Kind::Choice { words, .. } => words.iter().filter_map(|&w| field.value_of(w)).collect(),
        _ => Vec::new(),
    };
    (choices.into_iter())
        .filter_map(|value| {
            let answers = session.answers.give(field, Some(&Given::One(value))).ok()?;
            let facts = hukou_engine::Facts::new(&answers, session.today).ok()?;
            let status = hukou_engine::evaluate(&facts).outcome.paths[id as usize].status;
            Some((
                value_label(session.lang, field, Some(&Given::One(value))),
                status,
            ))
        })
        .collect()
}
