//! The first thing the results say, as plain lines: the verdict, what the office decides, what
//! would open settling, the next step, who comes along, what else is open, the clauses behind
//! it and the day judged on. Worked out here; `components::bottom_line` only draws it.

use hukou_engine::{Evaluation, Field};

use crate::i18n::{date_label, joined_by, tr, tr_policy, trf, Lang};
use crate::reading::words::judged_by;
use crate::state::Session;

mod join;
pub mod said;
mod settle;
use settle::settling;

/// The bottom line of the results.
#[derive(Debug, PartialEq)]
pub struct BottomLine {
    /// What the lines lead with (`data-verdict`): `settle`, `closed`, `permit`, `join-yes`, …
    pub verdict: String,
    pub lines: Vec<Line>,
    /// The clauses behind the lines, each once.
    pub clauses: Vec<&'static str>,
    /// The day judged on and what the answer rests on.
    pub judged: String,
}

/// One line of the bottom line.
#[derive(Debug, PartialEq)]
pub struct Line {
    pub kind: Kind,
    /// Its class, and the one `data-*` attribute that names it (`data-fix="closed"`).
    pub class: &'static str,
    pub data: Option<(&'static str, String)>,
    pub text: String,
}

#[derive(Debug, PartialEq)]
pub enum Kind {
    /// The verdict itself.
    Headline,
    Text,
    /// Said in bold; with a link to the checklist when the verdict has one.
    NextStep {
        to_checklist: bool,
    },
    /// A button that goes on: the next question, or the questions not asked on a direct route.
    Button(Go),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Go {
    Question(Field),
    Everything,
}

impl Line {
    pub(crate) fn text(
        class: &'static str,
        data: Option<(&'static str, String)>,
        text: String,
    ) -> Line {
        Line {
            kind: Kind::Text,
            class,
            data,
            text,
        }
    }
}

impl BottomLine {
    pub fn of(session: &Session, evaluation: &Evaluation) -> BottomLine {
        let lang = session.lang;
        let policy = judged_by(evaluation);
        let judged = format!(
            "{} {}",
            trf(
                lang,
                "bottom.judged",
                &[("date", &date_label(lang, evaluation.outcome.today))]
            ),
            tr_policy(lang, policy, evaluation.outcome.today, "results.limits")
        );
        if session.joining() {
            return join::bottom_line(session, evaluation, judged);
        }
        let (verdict, lines, clauses) = settling(session, evaluation);
        BottomLine {
            verdict,
            lines,
            clauses,
            judged,
        }
    }
}

/// The text `key` with `{what}` the `items` listed, each as said inside a sentence, and `more`.
pub(super) fn listed(
    lang: Lang,
    key: &str,
    items: &[&'static str],
    more: &[(&str, &str)],
) -> String {
    let what: Vec<String> = items.iter().map(|t| lang.inside_sentence(t)).collect();
    let what = joined_by(tr(lang, "punct.list"), &mut what.iter().map(String::as_str));
    let mut args = vec![("what", what.as_str())];
    args.extend_from_slice(more);
    trf(lang, key, &args)
}

#[cfg(test)]
mod tests;
