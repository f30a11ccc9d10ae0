//! The bottom line of someone who comes to live with a spouse, child or parent: whether they
//! may register there with that relative, under which clause, what the office decides, what the
//! relative lacks or what keeps the person out, and the next step.

use hukou_engine::policy::OfficeKind;
use hukou_engine::{Evaluation, MayJoin};

use super::settle::button;
use super::{BottomLine, Go, Kind, Line};
use crate::i18n::{joined_by, tr, tr_of};
use crate::questions::{about, place_kind};
use crate::reading::join::JoinReading;
use crate::reading::words::{condition_label_by_id, judged_by};
use crate::state::Session;

/// A text about the relative the person comes to, with `{place}` and other values filled in.
pub fn say(session: &Session, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = about(session, key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

pub(super) fn bottom_line(
    session: &Session,
    evaluation: &Evaluation,
    judged: String,
) -> BottomLine {
    let lang = session.lang;
    let Some(r) = JoinReading::of(evaluation) else {
        return BottomLine {
            verdict: "join-undetermined".into(),
            lines: Vec::new(),
            clauses: Vec::new(),
            judged,
        };
    };
    let place = place_kind(&session.answers)
        .map(|a| tr_of(lang, &["area.", &a]).to_owned())
        .unwrap_or_default();
    let silent = r.office.iter().any(|o| o.kind == OfficeKind::TextSilent);
    let headline = match r.may_join {
        MayJoin::Yes if silent => "bottom.join_if_office",
        MayJoin::Yes => "bottom.join",
        MayJoin::No => "bottom.join_closed",
        MayJoin::Undetermined => "bottom.join_open",
    };
    let mut lines = vec![Line {
        kind: Kind::Headline,
        class: "verdict",
        data: None,
        text: say(session, headline, &[("place", &place)]),
    }];
    why_not(&mut lines, session, evaluation, &r);
    if let Some(id) = r.path.filter(|_| r.may_join == MayJoin::Yes) {
        let place = lang.inside_sentence(tr_of(lang, &["checklist.", id.id(), ".where"]));
        let text = say(session, "bottom.next_join", &[("where", &place)]);
        lines.push(Line {
            kind: Kind::NextStep { to_checklist: true },
            class: "next-step",
            data: None,
            text,
        });
    }
    for o in &r.office {
        let text = tr_of(lang, &["office.", o.id, ".short"]).to_owned();
        lines.push(Line::text(
            "office",
            Some(("data-office", o.id.into())),
            text,
        ));
    }
    if let Some(field) = session
        .next_question()
        .filter(|_| r.may_join == MayJoin::Undetermined)
    {
        lines.push(button(Go::Question(field), true, tr(lang, "nav.continue")));
    }
    BottomLine {
        verdict: format!("join-{}", r.may_join.word()),
        lines,
        clauses: r.basis,
        judged,
    }
}

/// What keeps the person out, what the relative lacks.
fn why_not(lines: &mut Vec<Line>, session: &Session, evaluation: &Evaluation, r: &JoinReading) {
    let lang = session.lang;
    let policy = judged_by(evaluation);
    for id in &r.own_reasons {
        let text = about(session, &format!("join.why.{id}"));
        lines.push(Line::text("fix", Some(("data-why", (*id).into())), text));
    }
    if !r.relative_lacks.is_empty() {
        let lacks: Vec<String> = (r.relative_lacks.iter())
            .map(|id| {
                lang.inside_sentence(condition_label_by_id(
                    lang,
                    (policy, evaluation.outcome.today),
                    id,
                ))
            })
            .collect();
        let text = say(
            session,
            "bottom.join_lacks",
            &[(
                "what",
                &joined_by(
                    tr(lang, "punct.list"),
                    &mut lacks.iter().map(String::as_str),
                ),
            )],
        );
        lines.push(Line::text(
            "fix",
            Some(("data-fix", "relative".into())),
            text,
        ));
    }
    if let Some(key) = r.place_why {
        let data = Some(("data-why", key.into()));
        lines.push(Line::text("fix", data, tr(lang, key).into()));
    }
}
