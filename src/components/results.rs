//! The result: every path with its status in words and an icon, the conditions behind it with
//! their clauses, what would change it, the relatives, services, notices, what to prepare, and
//! a way to continue on another device.

use chrono::NaiveDate;
use hukou_engine::outcome::{CheckedCondition, MayJoin, Status};
use hukou_engine::policy::{PathId, Policy};
use hukou_engine::{Evaluation, Field, Tri};
use yew::prelude::*;

use crate::components::bottom_line::bottom_line;
use crate::components::clause::clause_ref;
use crate::components::qr::qr;
use crate::components::{go_back, send, SessionHandle};
use crate::i18n::{date_label, joined_by, tr, tr_of, tr_policy, trf, Lang};
use crate::questions::{answer_label, question_text};
use crate::reading::bottom::BottomLine;
use crate::reading::card::{Card, Unsure};
use crate::reading::lists::{Line, Lists};
use crate::reading::paths::{Fold, PathsReading, UNASKED};
use crate::reading::verdict::Verdict;
use crate::reading::words::{condition_label, judged_by};
use crate::saved::encode_fragment;
use crate::state::{error_key, Action, SHARE_NOTICES};
use crate::web;

mod lists;
mod path_card;

use lists::{checklist_view, family_view, lines_view};
use path_card::path_card;

/// The results screen. A view function: it keeps no state of its own.
pub fn results(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let judged = session.evaluation();
    let evaluation = match &*judged {
        Ok(evaluation) => evaluation,
        // In the person's language; the engine's English line names the field for the curious.
        // Never an error alone: the session takes the person to the answer refused
        // (`Session::to_the_refused_answer`); what it cannot name still has Back and 清除.
        Err(error) => {
            return html! {
                <>
                    <p class="error" role="alert" data-field={error.field.clone()}>{ tr(lang, error_key(error)) }</p>
                    { results_nav(session) }
                </>
            }
        }
    };
    let policy = judged_by(evaluation);
    let verdict = Verdict::of(evaluation, session.purpose);
    let reading = BottomLine::of(session, evaluation);
    // Someone who comes to live with family: their answer and what to bring; the paths,
    // services and notices are the relative's, not theirs.
    let joining = session.joining();
    html! {
        <section class="results" aria-labelledby="results-title">
            <h1 id="results-title">{ tr(lang, "results.title") }</h1>
            { bottom_line(session, evaluation, &reading) }
            { read_aloud(lang, &reading) }
            if joining {
                { checklist_view(session, evaluation) }
            } else {
                { other_parts(session, evaluation, verdict) }
            }
            <p class="policy">{ tr_policy(lang, policy, evaluation.outcome.today, "app.policy") }</p>
            { change_answers(session) }
            { share(session) }
            { results_nav(session) }
        </section>
    }
}

/// Below the bottom line: what else to answer, every path, the relatives, services, notices,
/// what to bring, and the paths that do not concern the person.
fn other_parts(session: &SessionHandle, evaluation: &Evaluation, verdict: Verdict) -> Html {
    let lang = session.lang;
    let policy = judged_by(evaluation);
    let next = session.next_question();
    let reading = PathsReading::of(session, evaluation, verdict);
    let lists = Lists::of(session, evaluation, verdict == Verdict::NoHukou);
    // The paths of the answer in view; the others (another answer leads and they are not open)
    // one tap away with those that do not concern the person.
    let (mut paths, mut others) = (Vec::new(), Vec::new());
    for &(id, fold) in &reading.shown {
        let card = path_card(session, evaluation, id, fold);
        if fold == Fold::Away {
            &mut others
        } else {
            &mut paths
        }
        .push(card);
    }
    html! {
        <>
            if let Some(field) = next.filter(|_| verdict != Verdict::Open) {
                <p class="more">{ trf(lang, "results.more", &[("n", &session.progress().1.to_string())]) }</p>
                <button class="secondary" data-action="continue" onclick={send(session, Action::Change(field))}>{ tr(lang, "nav.continue") }</button>
            }
            // Someone registered here has no path to take: no heading over nothing.
            if !paths.is_empty() {
                <h2>{ tr(lang, "results.paths") }</h2>
                { for paths }
            }
            { family_view(lang, evaluation, &lists, reading.relatives_aside) }
            { lines_view(lang, evaluation, ("results.services", "services"), &lists.services) }
            { lines_view(lang, evaluation, ("notices.title", "notices"), &lists.notices) }
            if session.now_and_then_unasked() {
                <p class="more" data-now-and-then="">{ tr(lang, "results.now_and_then") }</p>
                <button class="secondary" data-action="now-and-then" onclick={send(session, Action::AskEverything)}>{ tr(lang, "nav.continue") }</button>
            }
            { checklist_view(session, evaluation) }
            { other_paths(lang, policy, others, &reading.not_applying) }
        </>
    }
}

/// Back, print and forget, at the end of the results.
fn results_nav(session: &SessionHandle) -> Html {
    let lang = session.lang;
    html! {
        <div class="nav no-print">
            <button class="secondary" data-action="back" onclick={go_back(session)}>{ "← " }{ tr(lang, "nav.back") }</button>
            if web::can_print() {
                <button class="secondary" data-action="print" onclick={Callback::from(|_| web::print())}>{ tr(lang, "results.print") }</button>
            }
            <button class="secondary" data-action="forget" onclick={send(session, Action::Forget)}>{ tr(lang, "forget") }</button>
        </div>
    }
}

/// A button that reads the bottom line aloud (what the person can do, the next step), where
/// the device can speak.
fn read_aloud(lang: Lang, reading: &BottomLine) -> Html {
    if !web::can_speak() {
        return html! {};
    }
    let summary = joined_by(" ", &mut reading.lines.iter().map(|l| l.text.as_str()));
    let code = lang.html_lang();
    let speak = Callback::from(move |_: MouseEvent| web::speak(&summary, code));
    html! {
        <button class="tool speak" data-action="speak" onclick={speak}>{ tr(lang, "read_aloud") }</button>
    }
}

/// The paths the answer is not about, folded under one heading: those another answer leads
/// (`cards`), then those that do not concern the person, each with why.
fn other_paths(
    lang: Lang,
    policy: &'static Policy,
    cards: Vec<Html>,
    not_applying: &[(PathId, &'static str)],
) -> Html {
    if cards.is_empty() && not_applying.is_empty() {
        return html! {};
    }
    let items = not_applying.iter().map(|&(id, why)| {
        let rule = policy.path(id);
        html! {
            <li class="path not-applicable" id={format!("path-{}", id.id())}>
                <strong>{ lang.rule(rule.title) }</strong>
                <p class="status not-applicable">
                    if why != UNASKED {
                        { tr(lang, "status.not_applicable") }{ tr(lang, "punct.colon") }
                    }
                    { tr(lang, why) }
                </p>
                { clause_ref(lang, policy, rule.clause) }
            </li>
        }
    });
    // `not-applying`: not on paper, where what the person prints is what concerns them.
    let list = html! { <>{ for cards }<ul>{ for items }</ul></> };
    folded(
        lang,
        "results.not_applying",
        "fold not-applying",
        false,
        list,
    )
}

/// A part of the results below the answer under its heading, which a tap folds and unfolds:
/// folded unless `open`, so the answer and the next step are not lost in a long page. On paper
/// it is open (the print style sheet).
fn folded(lang: Lang, heading: &str, class: &'static str, open: bool, list: Html) -> Html {
    html! {
        <details {class} {open}>
            <summary><h2>{ tr(lang, heading) }</h2></summary>
            { list }
        </details>
    }
}

/// Every answer given, each with a way to change it.
fn change_answers(session: &SessionHandle) -> Html {
    let lang = session.lang;
    if session.history.is_empty() {
        return html! {};
    }
    html! {
        <details class="change no-print">
            <summary>{ tr(lang, "change.title") }</summary>
            <ul>
                { for session.history.iter().map(|&field| {
                    let shown = if session.skipped.contains(&field) {
                        tr(lang, "nav.not_sure").to_owned()
                    } else {
                        answer_label(session, field)
                    };
                    html! {
                        <li>
                            <span>{ question_text(session, field) }</span>
                            <strong>{ format!(" {shown} ") }</strong>
                            <button class="link" data-change={field.to_string()} onclick={send(session, Action::Change(field))}>{ tr(lang, "nav.change") }</button>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// A link carrying the answers in the URL fragment, which never reaches a server: copied to send
/// to family on a phone; a QR code where it helps, a wide screen handing over to a phone.
fn share(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let link = format!(
        "{}#{}",
        web::page_url(),
        encode_fragment(&session.answers, session.purpose)
    );
    let copy = {
        let (link, session) = (link.clone(), session.clone());
        Callback::from(move |_: MouseEvent| {
            let session = session.clone();
            web::copy_text(&link, move |copied| {
                session.dispatch(Action::Notify(if copied {
                    "share.copied"
                } else {
                    "share.not_copied"
                }))
            })
        })
    };
    // Said beside the button, where the person is looking (not in the notices at the top).
    let copied = session.notice.filter(|key| SHARE_NOTICES.contains(key));
    html! {
        <details class="share no-print" open={true}>
            <summary>{ tr(lang, "share.title") }</summary>
            <p>{ tr(lang, "share.carries") }</p>
            <button class="secondary" data-action="copy-link" onclick={copy}>{ tr(lang, "share.copy") }</button>
            if let Some(key) = copied {
                <p class="copied" role="status" data-notice={key}>{ tr(lang, key) }</p>
            }
            <p><a class="share-link" data-share="link" href={link.clone()}>{ tr(lang, "share.open") }</a></p>
            if web::is_wide() {
                <p>{ tr(lang, "share.qr") }</p>
                { qr(session, &link, tr(lang, "share.qr")) }
            }
        </details>
    }
}
