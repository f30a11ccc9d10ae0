//! The result: every path with its status in words and an icon, the conditions behind it with
//! their clauses, what would change it, the relatives, services, notices, what to prepare, and
//! a way to continue on another device.

use hukou_engine::outcome::{CheckedCondition, MayJoin, Status};
use hukou_engine::policy::{PathId, Policy};
use hukou_engine::{Evaluation, Field, Tri};
use yew::prelude::*;

use crate::components::bottom_line::{bottom_line, Verdict};
use crate::components::clause::{clause_ref, judged_by};
use crate::components::qr::qr;
use crate::components::question::{current_value, question_text, value_label};
use crate::components::{go_back, send, SessionHandle};
use crate::i18n::{date_label, has, tr, tr_policy, trf, Lang};
use crate::questions::relative_label;
use crate::saved::encode_fragment;
use crate::state::{error_key, Action};
use crate::web;

/// A label as the middle of an English sentence: only its first letter lowered, so names such
/// as Chenzhou keep theirs.
pub(crate) fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn status_view(lang: Lang, status: Status) -> Html {
    let (icon, class) = match status {
        Status::Eligible => ("✓", "eligible"),
        Status::NotEligible => ("✗", "not-eligible"),
        Status::Undetermined => ("?", "undetermined"),
    };
    html! {
        <p class={format!("status {class}")}>
            <span class="icon" aria-hidden="true">{ icon }</span>
            { tr(lang, &format!("status.{}", status.word())) }
        </p>
    }
}

/// One condition with its state; `cite` adds its clauses (a relative's conditions share one basis).
fn condition_view(lang: Lang, policy: &'static Policy, c: &CheckedCondition, cite: bool) -> Html {
    let (icon, class, state) = match c.state {
        Tri::Met => ("✓", "met", tr(lang, "cond.met")),
        Tri::Unmet => ("✗", "unmet", tr(lang, "cond.unmet")),
        Tri::Unknown => ("?", "unknown", tr(lang, "cond.unknown")),
    };
    html! {
        <li class={format!("condition {class}")}>
            <span class="icon" aria-hidden="true">{ icon }</span>
            <span class="visually-hidden">{ format!("{state}{}", tr(lang, "punct.colon")) }</span>
            { lang.pick(c.label_zh, c.label_en) }
            if cite {
                { for c.clauses.iter().map(|id| clause_ref(lang, policy, id)) }
            }
        </li>
    }
}

/// The results screen. A view function: it keeps no state of its own.
pub fn results(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let evaluation = match session.evaluation() {
        Ok(evaluation) => evaluation,
        // In the person's language; the engine's English line names the field for the curious.
        Err(error) => {
            return html! { <p class="error" role="alert" data-field={error.field.clone()}>{ tr(lang, error_key(&error)) }</p> }
        }
    };
    let policy = judged_by(&evaluation);
    let outcome = &evaluation.outcome;
    let next = session.next_question();

    let registered = outcome.registered_here;
    let not_applying: Vec<(PathId, &'static str)> = PathId::ALL
        .iter()
        .zip(&outcome.paths)
        .zip(&evaluation.trace.paths)
        .filter_map(|((&id, path), trace)| {
            does_not_apply(
                session,
                policy,
                id,
                path.status,
                &trace.conditions,
                registered,
            )
            .map(|why| (id, why))
        })
        .collect();
    let applies = |id: &PathId| !not_applying.iter().any(|(n, _)| n == id);
    // The path the person came for leads the list.
    let wanted = session.purpose.and_then(|p| p.path(policy));
    let mut order: Vec<_> = PathId::ALL
        .iter()
        .zip(&outcome.paths)
        .zip(&evaluation.trace.paths)
        .filter(|((id, _), _)| applies(id))
        .collect();
    order.sort_by_key(|((&id, _), _)| Some(id) != wanted);
    let paths = order.into_iter().map(|((&id, path), trace)| {
        let rule = policy.path(id);
        let title = lang.pick(rule.title_zh, rule.title_en);
        // What would open a closed path: only when every failing condition is one the person can
        // change (a home, a job, insurance, months, school), all of them together.
        let unmet: Vec<&CheckedCondition> = trace.conditions.iter().filter(|c| c.state == Tri::Unmet).collect();
        let changeable = !unmet.is_empty() && unmet.iter().all(|c| c.fields.iter().all(|f| f.can_change()));
        let opens: Vec<Html> = if changeable {
            let sentence = match lang {
                Lang::Zh => format!(
                    "{}即可{}",
                    unmet.iter().map(|c| c.label_zh).collect::<Vec<_>>().join("，并且"),
                    rule.title_zh
                ),
                Lang::En => format!(
                    "{}: needs {}",
                    rule.title_en,
                    unmet.iter().map(|c| lower_first(c.label_en)).collect::<Vec<_>>().join(" and ")
                ),
            };
            vec![html! { <li>{ sentence }</li> }]
        } else {
            Vec::new()
        };
        html! {
            <article class={format!("path {}", path.status.word().replace('_', "-"))} id={format!("path-{}", id.id())}>
                <h3>{ title }</h3>
                { status_view(lang, path.status) }
                { clause_ref(lang, policy, rule.clause) }
                <details class="conditions">
                    <summary>{ tr(lang, "results.conditions") }</summary>
                    <ul>{ for trace.conditions.iter().map(|c| condition_view(lang, policy, c, true)) }</ul>
                </details>
                { for trace.conditions.iter().filter_map(|c| c.because.filter(|k| c.state == Tri::Unmet && k.starts_with("why."))).map(|key| html! {
                    <p class="fix" data-why={key.trim_start_matches("why.")}>{ tr(lang, key) }</p>
                }) }
                if path.status == Status::NotEligible {
                    <p class="why">{ tr(lang, "results.why") }{ tr(lang, "punct.colon") }{ unmet.iter().map(|c| lang.pick(c.label_zh, c.label_en)).collect::<Vec<_>>().join(tr(lang, "punct.list")) }</p>
                    { for fix_lines(session, &unmet).into_iter().map(|key| html! { <p class="fix" data-fix={key.clone()}>{ tr(lang, &key) }</p> }) }
                }
                if let Some(field) = path.missing.first().copied() {
                    <p class="decide">
                        { tr(lang, "results.missing") }{ tr(lang, "punct.colon") }
                        <button class="link" onclick={send(session, move || Action::Change(field))}>
                            { question_text(session, field) }
                        </button>
                    </p>
                    { if_unsure(session, id, field) }
                }
                if !opens.is_empty() {
                    <div class="opens">
                        <p>{ tr(lang, "results.changes") }</p>
                        <ul>{ for opens }</ul>
                    </div>
                }
            </article>
        }
    });

    let summary: String = PathId::ALL
        .iter()
        .zip(&outcome.paths)
        .map(|(&id, p)| {
            let rule = policy.path(id);
            format!(
                "{}{}{}{}",
                lang.pick(rule.title_zh, rule.title_en),
                tr(lang, "punct.colon"),
                tr(lang, &format!("status.{}", p.status.word())),
                tr(lang, "punct.stop")
            )
        })
        .collect();
    let speak = {
        let code = lang.html_lang();
        Callback::from(move |_: MouseEvent| web::speak(&summary, code))
    };

    let verdict = Verdict::of(&evaluation, session.purpose);
    html! {
        <section class="results" aria-labelledby="results-title">
            <h1 id="results-title">{ tr(lang, "results.title") }</h1>
            { bottom_line(session, &evaluation) }
            if let Some(field) = next.filter(|_| verdict != Verdict::Open) {
                <p class="more">{ trf(lang, "results.more", &[("n", &session.progress().1.to_string())]) }</p>
                <button class="secondary" data-action="continue" onclick={send(session, move || Action::Change(field))}>{ tr(lang, "nav.continue") }</button>
            }
            if web::can_speak() {
                <button class="tool speak" data-action="speak" onclick={speak}>{ tr(lang, "read_aloud") }</button>
            }
            <h2>{ tr(lang, "results.paths") }</h2>
            { for paths }
            { family_view(session, &evaluation) }
            { services_view(lang, &evaluation) }
            { notices_view(lang, &evaluation) }
            { checklist_view(lang, &evaluation) }
            if !not_applying.is_empty() {
                <h2>{ tr(lang, "results.not_applying") }</h2>
                <ul class="not-applying">
                    { for not_applying.iter().map(|&(id, why)| {
                        let rule = policy.path(id);
                        html! {
                            <li class="path not-applicable" id={format!("path-{}", id.id())}>
                                <strong>{ lang.pick(rule.title_zh, rule.title_en) }</strong>
                                <p class="status not-applicable">
                                    if why != "not_applying.unasked" {
                                        { tr(lang, "status.not_applicable") }{ tr(lang, "punct.colon") }
                                    }
                                    { tr(lang, why) }
                                </p>
                                { clause_ref(lang, policy, rule.clause) }
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="policy">{ tr_policy(lang, policy, "app.policy") }</p>
            { change_answers(session) }
            { share(session) }
            <div class="nav no-print">
                <button class="secondary" data-action="back" onclick={go_back(session)}>{ "← " }{ tr(lang, "nav.back") }</button>
                if web::can_print() {
                    <button class="secondary" data-action="print" onclick={Callback::from(|_| web::print())}>{ tr(lang, "results.print") }</button>
                }
                <button class="secondary" data-action="forget" onclick={send(session, || Action::Forget)}>{ tr(lang, "forget") }</button>
            </div>
        </section>
    }
}

fn family_view(session: &SessionHandle, evaluation: &Evaluation) -> Html {
    let lang = session.lang;
    let policy = judged_by(evaluation);
    if evaluation.outcome.relatives.is_empty() {
        return html! {};
    }
    let members = evaluation.outcome.relatives.iter().zip(&evaluation.trace.relatives).map(|(m, trace)| {
        let who = relative_label(lang, &session.answers, m.index);
        let (icon, class) = match m.may_join {
            MayJoin::Yes => ("✓", "eligible"),
            MayJoin::No => ("✗", "not-eligible"),
            MayJoin::Undetermined => ("?", "undetermined"),
        };
        let reasons = trace.conditions.iter().filter(|c| c.state != Tri::Met);
        html! {
            <li class="member">
                <p class={format!("status {class}")}>
                    <span class="icon" aria-hidden="true">{ icon }</span>
                    { format!("{who}{}{}", tr(lang, "punct.colon"), tr(lang, &format!("join.{}", m.may_join.word()))) }
                </p>
                <ul>{ for reasons.map(|c| condition_view(lang, policy, c, false)) }</ul>
                { for m.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            </li>
        }
    });
    html! {
        <>
            <h2>{ tr(lang, "results.relatives") }</h2>
            <ul class="members">{ for members }</ul>
        </>
    }
}

fn services_view(lang: Lang, evaluation: &Evaluation) -> Html {
    let policy = judged_by(evaluation);
    let services = &evaluation.outcome.services;
    html! {
        <>
            <h2>{ tr(lang, "results.services") }</h2>
            if services.is_empty() {
                <p>{ tr(lang, "services.none") }</p>
            }
            <ul class="services">
                { for services.iter().filter_map(|s| {
                    let rule = policy.services.iter().find(|r| r.id == s.id)?;
                    Some(html! {
                        <li>
                            { lang.pick(rule.title_zh, rule.title_en) }
                            if let Some(until) = s.until {
                                <strong class="until">{ format!(" ({})", trf(lang, "results.until", &[("date", &date_label(lang, until))])) }</strong>
                            }
                            { for s.basis.iter().map(|id| clause_ref(lang, policy, id)) }
                        </li>
                    })
                }) }
            </ul>
        </>
    }
}

fn notices_view(lang: Lang, evaluation: &Evaluation) -> Html {
    let policy = judged_by(evaluation);
    let notices = &evaluation.outcome.notices;
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h2>{ tr(lang, "notices.title") }</h2>
            <ul class="notices">
                { for notices.iter().filter_map(|n| {
                    let rule = policy.notices.iter().find(|r| r.id == n.id)?;
                    Some(html! {
                        <li>
                            { lang.pick(rule.title_zh, rule.title_en) }
                            { for n.basis.iter().map(|id| clause_ref(lang, policy, id)) }
                        </li>
                    })
                }) }
            </ul>
        </>
    }
}

fn checklist_view(lang: Lang, evaluation: &Evaluation) -> Html {
    let policy = judged_by(evaluation);
    let registered = evaluation.outcome.registered_here;
    let settling =
        |id: PathId| matches!(id, PathId::CentralUrbanSettlement | PathId::TownSettlement);
    let open: Vec<PathId> = PathId::ALL
        .iter()
        .zip(&evaluation.outcome.paths)
        // Someone registered here already has nothing to move, and no permit to ask for.
        .filter(|(&id, p)| {
            p.status == Status::Eligible
                && !(registered && (settling(id) || id == PathId::ResidencePermit))
        })
        .map(|(&id, _)| id)
        .collect();
    if open.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h2 id="checklist">{ tr(lang, "checklist.title") }</h2>
            <p class="confirm">{ tr(lang, "checklist.confirm") }</p>
            { for open.into_iter().map(|id| {
                let rule = policy.path(id);
                let items = tr(lang, &format!("checklist.{}", id.id()));
                html! {
                    <div class="checklist">
                        <h3>{ lang.pick(rule.title_zh, rule.title_en) }</h3>
                        // Boxes to tick only on paper (print style): on screen they would look tappable.
                        <ul>{ for items.split('|').map(|item| html! { <li>{ item }</li> }) }</ul>
                        <p>
                            <strong>{ tr(lang, "checklist.where") }{ tr(lang, "punct.colon") }</strong>
                            // Mid-sentence in English, after the colon.
                            { match lang { Lang::En => lower_first(tr(lang, &format!("checklist.{}.where", id.id()))), Lang::Zh => tr(lang, &format!("checklist.{}.where", id.id())).to_owned() } }
                        </p>
                    </div>
                }
            }) }
        </>
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
                        value_label(lang, field, &current_value(session, field))
                    };
                    html! {
                        <li>
                            <span>{ question_text(session, field) }</span>
                            <strong>{ format!(" {shown} ") }</strong>
                            <button class="link" data-change={field.to_string()} onclick={send(session, move || Action::Change(field))}>{ tr(lang, "nav.change") }</button>
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
    let link = format!("{}#{}", web::page_url(), encode_fragment(&session.answers));
    let copy = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| web::copy_text(&link))
    };
    html! {
        <details class="share no-print" open={true}>
            <summary>{ tr(lang, "share.title") }</summary>
            <p>{ tr(lang, "share.carries") }</p>
            <button class="secondary" data-action="copy-link" onclick={copy}>{ tr(lang, "share.copy") }</button>
            <p><a class="share-link" data-share="link" href={link.clone()}>{ tr(lang, "share.open") }</a></p>
            if web::is_wide() {
                <p>{ tr(lang, "share.qr") }</p>
                { qr(&link, tr(lang, "share.qr")) }
            }
        </details>
    }
}

/// The keys of what would meet these failing conditions, where the person's own answer has
/// one (a job without a written contract, an unregistered lease, being retired).
pub(crate) fn fix_lines(session: &SessionHandle, unmet: &[&CheckedCondition]) -> Vec<String> {
    let answers = &session.answers;
    let mut keys = Vec::new();
    for field in unmet.iter().flat_map(|c| c.fields.iter()) {
        if let serde_json::Value::String(word) = answers.answer_json(*field) {
            let key = format!("fix.{}.{word}", field.name());
            if has(session.lang, &key) && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// Why a path does not concern this person (an i18n key), or `None` if it does: not asked on
/// the person's direct route, already registered here, or an unmet condition the policy says
/// makes it not theirs to fail (no baby for the newborn path, another kind of area).
fn does_not_apply(
    session: &SessionHandle,
    policy: &'static Policy,
    id: PathId,
    status: Status,
    conditions: &[CheckedCondition],
    registered: bool,
) -> Option<&'static str> {
    // On a direct route (only a permit, a newborn, no hukou) the other paths were not asked about.
    let route = session
        .purpose
        .and_then(|p| p.path(policy))
        .filter(|_| !session.everything);
    if route.is_some_and(|wanted| wanted != id) && status == Status::Undetermined {
        return Some("not_applying.unasked");
    }
    if registered
        && matches!(id, PathId::CentralUrbanSettlement | PathId::TownSettlement)
        && status == Status::Eligible
    {
        return Some("not_applying.registered");
    }
    if status != Status::NotEligible {
        return None;
    }
    // The policy says when an unmet condition means the path is not this person's to fail.
    conditions
        .iter()
        .filter(|c| c.state == Tri::Unmet)
        .filter_map(|c| c.because)
        .find(|key| key.starts_with("not_applying."))
}

/// For a path still open on a question the person was unsure of: what each answer would mean,
/// and how to find out.
fn if_unsure(session: &SessionHandle, id: PathId, field: Field) -> Html {
    let lang = session.lang;
    if !session.skipped.contains(&field) {
        return html! {};
    }
    let choices: Vec<serde_json::Value> = match crate::questions::question(field).kind {
        crate::questions::Kind::YesNo => vec![true.into(), false.into()],
        crate::questions::Kind::Choice { words, .. } => words.iter().map(|&w| w.into()).collect(),
        _ => Vec::new(),
    };
    let lines: Vec<Html> = choices
        .into_iter()
        .filter_map(|value| {
            let answers = session.answers.with(field, Some(&value)).ok()?;
            let facts = hukou_engine::Facts::new(&answers, session.today).ok()?;
            let status = hukou_engine::evaluate(&facts).outcome.paths[id as usize].status;
            let label = value_label(lang, field, &value);
            Some(html! {
                <li>{ trf(lang, "unsure.if", &[("answer", &label), ("status", tr(lang, &format!("status.{}", status.word())))]) }</li>
            })
        })
        .collect();
    let how = how_to_find_out(lang, field);
    if lines.is_empty() && how.is_none() {
        return html! {};
    }
    html! {
        <div class="if-unsure" data-unsure={field.to_string()}>
            <ul>{ for lines }</ul>
            if let Some(how) = how {
                <p class="how">{ how }</p>
            }
        </div>
    }
}

/// A field's key in the text tables: the contract name, or `member.<name>` for a relative's.
/// How to find out the answer to a question one was unsure of, where the tables say.
pub(crate) fn how_to_find_out(lang: Lang, field: Field) -> Option<&'static str> {
    let key = format!("unsure.how.{}", field_key(field));
    has(lang, &key).then(|| tr(lang, &key))
}

fn field_key(field: Field) -> String {
    match field {
        Field::Member(_, f) => format!("member.{}", f.name()),
        other => other.name().to_owned(),
    }
}
