//! One path's card: besides its status and conditions, why it fails, what the office decides,
//! what would meet what fails, the question that would decide it, and what would open it.

use hukou_engine::outcome::{CheckedCondition, Status};
use hukou_engine::policy::{Because, PathId};
use hukou_engine::{Evaluation, Field, Tri};

use crate::i18n::{has, joined_by, tr, trf};
use crate::reading::words::{
    condition_label, fix_lines, how_to_find_out, if_you_knew, judged_by, office_key, silent_on,
};
use crate::state::Session;

#[derive(Debug, PartialEq)]
pub struct Card {
    /// Lines the policy gives for an unmet condition (why a 乡 is not a town): text keys.
    pub reasons: Vec<&'static str>,
    /// What the office decides, in full (the rule's id, the text).
    pub office: Vec<(&'static str, String)>,
    /// For a closed path: the conditions that fail, in one line, and the keys of what would
    /// meet them from the person's own answers.
    pub why_not: Option<String>,
    pub fixes: Vec<String>,
    /// The question that would decide the path, with what each answer would mean when the
    /// person was unsure of it.
    pub decide: Option<(Field, Unsure)>,
    /// Where a met condition rests on an answer the text is silent on: the policy's line (a
    /// hukou elsewhere in the city, where 663号 says 其他城市).
    pub silent: Option<&'static str>,
    /// What would open a closed path, where every failing condition is the person's to change.
    pub opens: Option<String>,
}

/// For a question the person was unsure of: each answer and what the path would then be, and
/// how to find out.
#[derive(Debug, Default, PartialEq)]
pub struct Unsure {
    pub answers: Vec<(String, Status)>,
    pub how: Option<&'static str>,
}

impl Card {
    pub fn of(session: &Session, evaluation: &Evaluation, id: PathId) -> Card {
        let lang = session.lang;
        let policy = judged_by(evaluation);
        let day = evaluation.outcome.today;
        let path = &evaluation.outcome.paths[id as usize];
        let conditions = &evaluation.trace.paths[id as usize].conditions;
        let unmet: Vec<&CheckedCondition> = (conditions.iter())
            .filter(|c| c.state == Tri::Unmet)
            .collect();
        let label = |c: &CheckedCondition| condition_label(lang, (policy, day), c);
        let closed = path.status == Status::NotEligible;
        let office = (path.office_decides.iter()).map(|o| {
            let more = format!("office.{}.more", o.id);
            let mut text = tr(lang, &office_key(lang, id, o.id, "")).to_owned();
            if has(lang, &more) {
                text = format!("{text} {}", tr(lang, &more));
            }
            (o.id, text)
        });
        let decide = path.missing.first().map(|&field| {
            let unsure = match session.skipped.contains(&field) {
                true => Unsure {
                    answers: if_you_knew(session, id, field),
                    how: how_to_find_out(lang, field),
                },
                false => Unsure::default(),
            };
            (field, unsure)
        });
        // "This is enough" must name every condition still to meet, so only when every one
        // that fails is the person's to change (a home, a job, insurance, months, school).
        let changeable =
            !unmet.is_empty() && (unmet.iter()).all(|c| c.fields.iter().all(|f| f.can_change()));
        let opens = changeable.then(|| {
            let to_meet: Vec<String> = (conditions.iter())
                .filter(|c| c.state != Tri::Met)
                .map(|c| lang.inside_sentence(label(c)))
                .collect();
            let to_meet = joined_by(
                tr(lang, "results.opens_join"),
                &mut to_meet.iter().map(String::as_str),
            );
            let path = lang.rule(policy.path(id).title);
            trf(
                lang,
                "results.opens",
                &[("conditions", &to_meet), ("path", path)],
            )
        });
        Card {
            reasons: (unmet.iter())
                .filter_map(|c| match c.because {
                    Some(Because::Why(key)) => Some(key),
                    _ => None,
                })
                .collect(),
            office: office.collect(),
            why_not: closed
                .then(|| joined_by(tr(lang, "punct.list"), &mut unmet.iter().map(|c| label(c)))),
            fixes: match closed {
                true => fix_lines(session, &unmet),
                false => Vec::new(),
            },
            decide,
            silent: silent_on(conditions),
            opens,
        }
    }
}

#[cfg(test)]
mod tests;
