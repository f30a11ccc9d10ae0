//! The first thing the results say: in one or two plain sentences what this person can do, who
//! can come along, and the next step (where to go, what to bring), with the day judged on and
//! the 2016-against-today caveat beside it. Details follow below for those who want them.

use hukou_engine::outcome::{MayJoin, OfficeDecides, Status};
use hukou_engine::policy::OfficeKind;
use hukou_engine::policy::PathId;
use hukou_engine::{Evaluation, Outcome};
use yew::prelude::*;

use crate::components::clause::{clause_ref, judged_by};
use crate::components::results::{how_to_find_out, permit_within_city};
use crate::components::{send, SessionHandle};
use crate::i18n::{date_label, tr, tr_policy, trf, Lang};
use crate::questions::question_text;
use crate::questions::{place_kind, relative_label};
use crate::state::{Action, Purpose};

mod said;
use said::{said, Fix, Said};

mod verdict;
pub use verdict::Verdict;

pub fn bottom_line(session: &SessionHandle, evaluation: &Evaluation) -> Html {
    let lang = session.lang;
    let outcome = &evaluation.outcome;
    let verdict = Verdict::of(evaluation, session.purpose);
    let place_kind = place_kind(&session.answers);
    let place = place_kind
        .as_ref()
        .map(|a| tr(lang, &format!("area.{a}")))
        .unwrap_or_default();
    let headline = headline(lang, evaluation, verdict, place);
    // What would open settling where the person asked (the place itself is not the failure).
    let asks_to_settle =
        matches!(session.purpose, None | Some(Purpose::Settle)) && place_kind.is_some();
    let Said {
        closed_missing,
        fixes,
        depends,
        family_after,
        also,
        clauses,
    } = said(
        session,
        evaluation,
        verdict,
        place_kind.as_deref(),
        asks_to_settle,
    );
    let policy = Some(judged_by(evaluation));

    let next = next_step(lang, evaluation, verdict);
    html! {
        <div class="bottom-line" data-verdict={verdict.word()}>
            <p class="verdict"><span class="headline">{ headline }</span></p>
            { office_lines(lang, outcome, verdict) }
            { closed_line(lang, &closed_missing) }
            // What would open settling comes first: it is what a person asking to settle came for.
            { for fixes.iter().map(|fix| fix_line(lang, fix)) }
            if let (Some(name), Some(area)) = (session.place, place_kind.as_ref()) {
                <p class="place-counted" data-place-counted={name}>{ trf(lang, "bottom.place_counted", &[("name", name), ("area", tr(lang, &format!("area.{area}")))]) }</p>
            }
            if let Some((id, field)) = depends {
                <p class="depends next-step" data-depends={field.to_string()}>
                    { trf(lang, "bottom.depends", &[("path", &lang.inside_sentence(policy.map_or("", |p| lang.rule(p.path(id).title)))), ("question", &question_text(session, field))]) }
                    if let Some(how) = how_to_find_out(lang, field) {
                        { " " }{ how }
                    }
                </p>
            }
            if let Some(next) = next {
                <p class="next-step">
                    <strong>{ next }</strong>
                    if verdict.path().is_some() {
                        { " " }<a href="#checklist" data-action="to-checklist" onclick={to_checklist()}>{ tr(lang, "bottom.to_checklist") }</a>
                    }
                </p>
            }
            { permit_caveat(session, evaluation, verdict) }
            { relatives_lines(session, outcome, verdict) }
            if family_after {
                <p class="family-after">{ tr(lang, "bottom.family_after") }</p>
            }
            { also_line(lang, &also) }
            if session.unasked_elsewhere() {
                if let Some(purpose) = session.purpose {
                    <p class="unasked">{ trf(lang, "results.unasked", &[("purpose", tr(lang, &format!("purpose.{}", purpose.word())))]) }</p>
                    <button class="secondary" data-action="ask-everything" onclick={send(session, || Action::AskEverything)}>{ tr(lang, "results.ask_everything") }</button>
                }
            }
            if verdict == Verdict::Open {
                if let Some(field) = session.next_question() {
                    <button class="primary" data-action="continue" onclick={send(session, move || Action::Change(field))}>{ tr(lang, "nav.continue") }</button>
                }
            }
            // The clauses behind the verdict and what would open settling, after the next step
            // so that the step stays on the first screen in large text.
            { for clauses.iter().map(|id| clause_ref(lang, judged_by(evaluation), id)) }
            <p class="judged">{ trf(lang, "bottom.judged", &[("date", &date_label(lang, outcome.today))]) }{ " " }{ tr_policy(lang, judged_by(evaluation), "results.limits") }</p>
        </div>
    }
}

/// The next step, where the verdict has one.
fn next_step(lang: Lang, evaluation: &Evaluation, verdict: Verdict) -> Option<String> {
    // A person without a hukou: their route of 4.1 (from 国办发〔2015〕96号, which it names) is
    // the next step, wherever it starts (a hospital, civil affairs, a court, the police).
    let policy = judged_by(evaluation);
    let route = said::route(evaluation)
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
            let place = lang.inside_sentence(tr(lang, &format!("checklist.{}.where", id.id())));
            Some(trf(lang, "bottom.next", &[("where", &place)]))
        }
        None if verdict == Verdict::Registered => {
            Some(tr(lang, "bottom.next_registered").to_owned())
        }
        None => None,
    }
}

/// The verdict in words. A permit, and settling not ruled out: never "you cannot settle" when
/// that was not decided.
fn headline(lang: Lang, evaluation: &Evaluation, verdict: Verdict, place: &str) -> String {
    let outcome = &evaluation.outcome;
    if let Verdict::Closed(id) = verdict {
        let path = lang.inside_sentence(lang.rule(judged_by(evaluation).path(id).title));
        return trf(lang, "bottom.closed", &[("path", &path)]);
    }
    let settling_open = [PathId::CentralUrbanSettlement, PathId::TownSettlement]
        .iter()
        .any(|&id| outcome.paths[id as usize].status == Status::Undetermined);
    // Settling on a home the text does not say counts: said as the condition it is.
    let silent = office_decides(outcome, verdict)
        .iter()
        .any(|o| o.kind == OfficeKind::TextSilent);
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

/// What the text leaves to the office, right under the verdict that rests on it.
fn office_lines(lang: Lang, outcome: &Outcome, verdict: Verdict) -> Html {
    let lines = office_decides(outcome, verdict).iter().map(|o| {
        html! { <p class="office" data-office={o.id}>{ tr(lang, &format!("office.{}.short", o.id)) }</p> }
    });
    html! { <>{ for lines }</> }
}

/// The text `key` with `{what}` the `items` listed, each as said inside a sentence.
fn listed(lang: Lang, key: &str, items: &[&'static str]) -> String {
    let what: Vec<String> = items.iter().map(|t| lang.inside_sentence(t)).collect();
    trf(lang, key, &[("what", &what.join(tr(lang, "punct.list")))])
}

/// The other paths open to the person: "你也可以…".
fn also_line(lang: Lang, also: &[&'static str]) -> Html {
    if also.is_empty() {
        return Html::default();
    }
    let line = listed(lang, "bottom.also", also);
    html! { <p class="also" data-also={also.len().to_string()}>{ line }</p> }
}

/// What the path the person came for, closed, still lacks.
fn closed_line(lang: Lang, missing: &[&'static str]) -> Html {
    if missing.is_empty() {
        return Html::default();
    }
    let line = listed(lang, "bottom.closed_missing", missing);
    html! { <p class="fix" data-fix="closed">{ line }</p> }
}

/// Who can come along, and whether some relatives are still open: said under a settling
/// verdict only, since relatives come along with settling.
fn relatives_lines(session: &SessionHandle, outcome: &Outcome, verdict: Verdict) -> Html {
    if !matches!(verdict, Verdict::Settle(_)) {
        return Html::default();
    }
    let lang = session.lang;
    let joining: Vec<String> = outcome
        .relatives
        .iter()
        .filter(|m| m.may_join == MayJoin::Yes)
        .map(|m| relative_label(lang, &session.answers, m.index))
        .collect();
    let family_open = outcome
        .relatives
        .iter()
        .any(|m| m.may_join == MayJoin::Undetermined);
    html! {
        <>
            if !joining.is_empty() {
                <p class="joining" data-joining={joining.len().to_string()}>{ trf(lang, "bottom.relatives", &[("who", &joining.join(tr(lang, "punct.list")))]) }</p>
            }
            if family_open {
                <p class="joining-open">{ tr(lang, "bottom.relatives_open") }</p>
            }
        </>
    }
}

/// One line of what would open settling.
fn fix_line(lang: Lang, fix: &Fix) -> Html {
    match fix {
        Fix::Do(key) => {
            html! { <p class="fix" data-fix={key.clone()}>{ tr(lang, &format!("{key}.short")) }</p> }
        }
        Fix::Missing { labels, also } => {
            let key = if *also {
                "bottom.missing_also"
            } else {
                "bottom.missing"
            };
            html! { <p class="fix" data-fix="missing">{ listed(lang, key, labels) }</p> }
        }
    }
}

/// A permit within the city: what the regulation's "其他城市" leaves open, beside the verdict.
fn permit_caveat(session: &SessionHandle, evaluation: &Evaluation, verdict: Verdict) -> Html {
    html! {
        if verdict == Verdict::Permit && permit_within_city(session, &evaluation.trace.paths[PathId::ResidencePermit as usize].conditions) {
            <p class="caveat" data-caveat="permit.within_city">{ tr(session.lang, "permit.within_city") }</p>
        }
    }
}

/// The link to the checklist further down: it moves there itself, without a fragment navigation,
/// which the browser would report as a history step and the app would take for Back.
fn to_checklist() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::web::focus_by_id("checklist");
    })
}
