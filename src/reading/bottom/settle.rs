//! The bottom line of everyone but someone coming to family: the verdict, what the office
//! decides, what would open settling, the next step, who comes along, what else is open.

use hukou_engine::outcome::{MayJoin, OfficeDecides, Status};
use hukou_engine::policy::{OfficeKind, PathId};
use hukou_engine::{Evaluation, Outcome};

use super::said::{said, Fix, Said};
use super::{listed, Go, Kind, Line};
use crate::i18n::{date_label, joined_by, tr, tr_of, trf, Lang};
use crate::places::place_name;
use crate::questions::{place_kind, place_label, question_text, relative_label};
use crate::reading::verdict::Verdict;
use crate::reading::words::{how_to_find_out, judged_by, office_key};
use crate::state::{Purpose, Session};

/// The lines for everyone but someone coming to family.
pub(super) fn settling(
    session: &Session,
    evaluation: &Evaluation,
) -> (String, Vec<Line>, Vec<&'static str>) {
    let lang = session.lang;
    let verdict = Verdict::of(evaluation, session.purpose);
    let place_kind = place_kind(&session.answers);
    // What would open settling where the person asked (the place itself is not the failure);
    // nothing of the kind to someone registered there already.
    let asks_to_settle = matches!(session.purpose, None | Some(Purpose::Settle))
        && place_kind.is_some()
        && !evaluation.outcome.registered_here;
    let said = said(
        session,
        evaluation,
        verdict,
        place_kind.as_deref(),
        asks_to_settle,
    );
    let place = place_kind
        .as_deref()
        .map(|a| area(lang, a))
        .unwrap_or_default();
    let mut lines = vec![Line {
        kind: Kind::Headline,
        class: "verdict",
        data: None,
        text: headline(lang, evaluation, verdict, place),
    }];
    what_would_open(&mut lines, lang, &said);
    how_to_go_on(&mut lines, session, evaluation, verdict, &said);
    office_lines(&mut lines, lang, &evaluation.outcome, verdict);
    who_comes_along(&mut lines, session, &evaluation.outcome, verdict, &said);
    (verdict.word().to_owned(), lines, said.clauses)
}

/// A kind of place in words.
fn area(lang: Lang, kind: &str) -> &'static str {
    tr_of(lang, &["area.", kind])
}

/// What the text leaves to the office, under the next step of the verdict that rests on it, in
/// its short form (the path's card says it in full).
fn office_lines(lines: &mut Vec<Line>, lang: Lang, outcome: &Outcome, verdict: Verdict) {
    let Some(id) = verdict.path() else {
        return;
    };
    for o in office_decides(outcome, verdict) {
        let text = tr(lang, &office_key(lang, id, o.id, ".short")).to_owned();
        lines.push(Line::text(
            "office",
            Some(("data-office", o.id.into())),
            text,
        ));
    }
}

/// What the path the person came for lacks, and what would open settling: it is what a person
/// asking to settle came for, so it comes first.
fn what_would_open(lines: &mut Vec<Line>, lang: Lang, said: &Said) {
    if !said.closed_missing.is_empty() {
        // A path closed by time alone also says how long is left.
        let text = match said.wait {
            Some((months, by)) => {
                let (months, by) = (months.to_string(), date_label(lang, by));
                let more = [("n", months.as_str()), ("date", by.as_str())];
                listed(lang, "bottom.closed_wait", &said.closed_missing, &more)
            }
            None => listed(lang, "bottom.closed_missing", &said.closed_missing, &[]),
        };
        lines.push(Line::text("fix", Some(("data-fix", "closed".into())), text));
    }
    for fix in &said.fixes {
        lines.push(match fix {
            Fix::Do(key) => {
                let text = tr_of(lang, &[key, ".short"]).to_owned();
                Line::text("fix", Some(("data-fix", key.clone())), text)
            }
            Fix::Missing { labels, also } => {
                let key = ["bottom.missing", "bottom.missing_also"][usize::from(*also)];
                let text = listed(lang, key, labels, &[]);
                Line::text("fix", Some(("data-fix", "missing".into())), text)
            }
        });
    }
}

/// How the place was counted, what settling still depends on, the next step, the permit's
/// caveat.
fn how_to_go_on(
    lines: &mut Vec<Line>,
    session: &Session,
    evaluation: &Evaluation,
    verdict: Verdict,
    said: &Said,
) {
    let lang = session.lang;
    if let (Some(name), Some(kind)) = (session.place, place_kind(&session.answers)) {
        let text = trf(
            lang,
            "place.counted",
            &[
                ("name", &place_name(lang, name)),
                ("area", &place_label(lang, &kind)),
            ],
        );
        lines.push(Line::text(
            "place-counted",
            Some(("data-place-counted", name.into())),
            text,
        ));
    }
    if let Some((id, field)) = said.depends {
        let path = lang.inside_sentence(lang.rule(judged_by(evaluation).path(id).title));
        let question = question_text(session, field);
        let mut text = trf(
            lang,
            "bottom.depends",
            &[("path", &path), ("question", &question)],
        );
        if let Some(how) = how_to_find_out(lang, field) {
            text = format!("{text} {how}");
        }
        let data = Some(("data-depends", field.to_string()));
        lines.push(Line::text("depends next-step", data, text));
    }
    if let Some(text) = next_step(lang, evaluation, verdict) {
        let to_checklist = verdict.path().is_some();
        let kind = Kind::NextStep { to_checklist };
        lines.push(Line {
            kind,
            class: "next-step",
            data: None,
            text,
        });
    }
    if !said.services.is_empty() {
        let key = match verdict {
            Verdict::Registered => "bottom.registered_services",
            _ => "bottom.permit_services",
        };
        let text = listed(lang, key, &said.services, &[]);
        lines.push(Line::text("services", None, text));
    }
    let Some(caveat) = verdict.caveat(evaluation) else {
        return;
    };
    let data = Some(("data-caveat", caveat.into()));
    lines.push(Line::text("caveat", data, tr(lang, caveat).to_owned()));
}

/// Who can come along (under a settling verdict, or to someone registered here already:
/// relatives come with settling), who may later, what else is open, and the ways on.
fn who_comes_along(
    lines: &mut Vec<Line>,
    session: &Session,
    outcome: &Outcome,
    verdict: Verdict,
    said: &Said,
) {
    let lang = session.lang;
    if matches!(verdict, Verdict::Settle(_) | Verdict::Registered) {
        let joining: Vec<String> = (outcome.relatives.iter())
            .filter(|m| m.may_join == MayJoin::Yes)
            .map(|m| relative_label(lang, &session.answers, m.index))
            .collect();
        if !joining.is_empty() {
            let who = joined_by(
                tr(lang, "punct.list"),
                &mut joining.iter().map(String::as_str),
            );
            let text = trf(lang, "bottom.relatives", &[("who", &who)]);
            let data = Some(("data-joining", joining.len().to_string()));
            lines.push(Line::text("joining", data, text));
        }
        if outcome
            .relatives
            .iter()
            .any(|m| m.may_join == MayJoin::Undetermined)
        {
            let text = tr(lang, "bottom.relatives_open").into();
            lines.push(Line::text("joining-open", None, text));
        }
    }
    if said.family_after {
        let text = tr(lang, "bottom.family_after").into();
        lines.push(Line::text("family-after", None, text));
    }
    if !said.also.is_empty() {
        let text = listed(lang, "bottom.also", &said.also, &[]);
        lines.push(Line::text(
            "also",
            Some(("data-also", said.also.len().to_string())),
            text,
        ));
    }
    if let Some(purpose) = session.purpose.filter(|_| session.unasked_elsewhere()) {
        let came_for = tr_of(lang, &["purpose.", purpose.word()]);
        let text = trf(lang, "results.unasked", &[("purpose", came_for)]);
        lines.push(Line::text("unasked", None, text));
        lines.push(button(
            Go::Everything,
            false,
            tr(lang, "results.ask_everything"),
        ));
    }
    if let Some(field) = session.next_question().filter(|_| verdict == Verdict::Open) {
        lines.push(button(Go::Question(field), true, tr(lang, "nav.continue")));
    }
}

/// A button that goes on.
pub(super) fn button(go: Go, primary: bool, label: &str) -> Line {
    let (class, action) = match (primary, go) {
        (true, _) => ("primary", "continue"),
        (false, Go::Everything) => ("secondary", "ask-everything"),
        (false, Go::Question(_)) => ("secondary", "continue"),
    };
    Line {
        kind: Kind::Button(go),
        class,
        data: Some(("data-action", action.into())),
        text: label.into(),
    }
}

/// The next step, where the verdict has one.
fn next_step(lang: Lang, evaluation: &Evaluation, verdict: Verdict) -> Option<String> {
    // A person without a hukou: their route of 4.1 (from 国办发〔2015〕96号, which it names) is
    // the next step, wherever it starts (a hospital, civil affairs, a court, the police).
    let policy = judged_by(evaluation);
    let route = super::said::route(evaluation)
        .filter(|_| verdict == Verdict::NoHukou)
        .and_then(|id| policy.notices.iter().find(|n| n.id == id));
    if let Some(notice) = route {
        return Some(trf(
            lang,
            "bottom.next_route",
            &[("route", lang.rule(notice.title))],
        ));
    }
    match verdict.path() {
        Some(id) => {
            // Mid-sentence: "take the documents to the police station".
            let place = lang.inside_sentence(tr_of(lang, &["checklist.", id.id(), ".where"]));
            Some(trf(lang, "bottom.next", &[("where", &place)]))
        }
        None if verdict == Verdict::Registered => {
            Some(tr(lang, "bottom.next_registered").to_owned())
        }
        None => None,
    }
}

/// The verdict in words. A permit, and settling not ruled out: never "you cannot settle" when
/// that was not decided; settling on a home the text is silent on: said as the condition it is.
fn headline(lang: Lang, evaluation: &Evaluation, verdict: Verdict, place: &str) -> String {
    let outcome = &evaluation.outcome;
    if let Verdict::Closed(id) = verdict {
        let path = lang.inside_sentence(lang.rule(judged_by(evaluation).path(id).title));
        return trf(lang, "bottom.closed", &[("path", &path)]);
    }
    let settling_open = [PathId::CentralUrbanSettlement, PathId::TownSettlement]
        .iter()
        .any(|&id| outcome.paths[id as usize].status == Status::Undetermined);
    let silent =
        (office_decides(outcome, verdict).iter()).any(|o| o.kind == OfficeKind::TextSilent);
    let key = match verdict {
        Verdict::Permit if settling_open => "bottom.permit_undecided".to_owned(),
        Verdict::Settle(_) if silent => "bottom.settle_if_office".to_owned(),
        v => format!("bottom.{}", v.word()),
    };
    trf(lang, &key, &[("place", place)])
}

/// What the office decides on the path the verdict rests on.
fn office_decides(outcome: &Outcome, verdict: Verdict) -> &[OfficeDecides] {
    match verdict.path() {
        Some(id) => &outcome.paths[id as usize].office_decides,
        None => &[],
    }
}
