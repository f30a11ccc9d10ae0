//! The lists below the paths: who may come along and why not, the services with their end
//! dates, and the notices, each line with the clauses it rests on.

use chrono::NaiveDate;
use hukou_engine::outcome::CheckedCondition;
use hukou_engine::{Evaluation, MayJoin, Tri};

use crate::i18n::rule_on;
use crate::questions::relative_label;
use crate::reading::words::{is_route, judged_by};
use crate::state::Session;

/// One relative: who, whether they may come along, the conditions not met or not known, and
/// the clauses (none when every relative's are the same: said once, under the list).
#[derive(Debug, PartialEq)]
pub struct Relative<'e> {
    pub who: String,
    pub may_join: MayJoin,
    pub reasons: Vec<&'e CheckedCondition>,
    pub basis: &'e [&'static str],
}

/// A service or a notice: its words on the day judged, when it ends, its clauses, and the
/// relatives it is for where the policy names them (6.4's children of school age).
#[derive(Debug, PartialEq)]
pub struct Line<'e> {
    pub text: &'static str,
    pub until: Option<NaiveDate>,
    pub basis: &'e [&'static str],
    pub relatives: Vec<String>,
}

#[derive(Debug, PartialEq)]
pub struct Lists<'e> {
    pub relatives: Vec<Relative<'e>>,
    /// The one basis every relative shares (the usual case), said once under the list; empty
    /// when they differ.
    pub relatives_basis: &'e [&'static str],
    pub services: Vec<Line<'e>>,
    pub notices: Vec<Line<'e>>,
    /// What the policy promises every person newly settled (its words and clause), said under
    /// the relatives when one of them may come along.
    pub settlers_rights: Option<(&'static str, &'static str)>,
}

impl<'e> Lists<'e> {
    /// `routed`: the route of 4.1 for someone without a hukou is already the next step, and is
    /// not said again among the notices.
    pub fn of(session: &Session, evaluation: &'e Evaluation, routed: bool) -> Lists<'e> {
        let lang = session.lang;
        let policy = judged_by(evaluation);
        let outcome = &evaluation.outcome;
        let day = outcome.today;
        let shared = (outcome.relatives.first())
            .filter(|first| (outcome.relatives.iter()).all(|m| m.basis == first.basis));
        let relatives = (outcome.relatives.iter())
            .zip(&evaluation.trace.relatives)
            .map(|(m, trace)| Relative {
                who: relative_label(lang, &session.answers, m.index),
                may_join: m.may_join,
                reasons: (trace.conditions.iter())
                    .filter(|c| c.state != Tri::Met)
                    .collect(),
                basis: if shared.is_some() { &[] } else { &m.basis },
            })
            .collect();
        let services = (outcome.services.iter())
            .filter_map(|s| {
                let rule = policy.services.iter().find(|r| r.id == s.id)?;
                let relatives = (evaluation.trace.relatives.iter())
                    .filter(|m| m.services.contains(&s.id))
                    .map(|m| relative_label(lang, &session.answers, m.index));
                Some(Line {
                    text: rule_on(lang, policy, day, rule.title),
                    until: s.until,
                    basis: &s.basis,
                    relatives: relatives.collect(),
                })
            })
            .collect();
        let notices = (outcome.notices.iter())
            .filter(|n| !(routed && is_route(policy, n.id)))
            .filter_map(|n| {
                let rule = policy.notices.iter().find(|r| r.id == n.id)?;
                Some(Line {
                    text: lang.rule(rule.title),
                    until: None,
                    basis: &n.basis,
                    relatives: Vec::new(),
                })
            })
            .collect();
        let rights = policy.settlers_rights;
        let one_comes = (outcome.relatives.iter()).any(|m| m.may_join == MayJoin::Yes);
        Lists {
            settlers_rights: one_comes.then(|| (lang.rule(rights.text), rights.clause)),
            relatives,
            relatives_basis: shared.map_or(&[], |m| &m.basis),
            services,
            notices,
        }
    }
}

#[cfg(test)]
mod tests;
