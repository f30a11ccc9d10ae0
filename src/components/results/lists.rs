//! The lists below the paths: relatives, services, notices, what to prepare.

use super::path_card::condition_view;
use super::*;

pub(super) fn family_view(session: &SessionHandle, evaluation: &Evaluation) -> Html {
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

pub(super) fn services_view(lang: Lang, evaluation: &Evaluation) -> Html {
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
                            { lang.rule(rule.title) }
                            if let Some(until) = s.until {
                                <strong class="until">{ trf(lang, "results.until", &[("date", &date_label(lang, until))]) }</strong>
                            }
                            { for s.basis.iter().map(|id| clause_ref(lang, policy, id)) }
                        </li>
                    })
                }) }
            </ul>
        </>
    }
}

/// What else the person should know; a route of 4.1 already said as the next step (`routed`) is
/// not said again.
pub(super) fn notices_view(lang: Lang, evaluation: &Evaluation, routed: bool) -> Html {
    let policy = judged_by(evaluation);
    let notices: Vec<_> = (evaluation.outcome.notices.iter())
        .filter(|n| !(routed && is_route(n.id)))
        .collect();
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
                            { lang.rule(rule.title) }
                            { for n.basis.iter().map(|id| clause_ref(lang, policy, id)) }
                        </li>
                    })
                }) }
            </ul>
        </>
    }
}

pub(super) fn checklist_view(lang: Lang, evaluation: &Evaluation) -> Html {
    let policy = judged_by(evaluation);
    let registered = evaluation.outcome.registered_here;
    let settling = |id: PathId| id.settles();
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
            <h2 id="checklist" tabindex="-1">{ tr(lang, "checklist.title") }</h2>
            <p class="confirm">{ tr(lang, "checklist.confirm") }</p>
            { for open.into_iter().map(|id| {
                let rule = policy.path(id);
                let items = tr(lang, &format!("checklist.{}", id.id()));
                let when = format!("checklist.{}.when", id.id());
                html! {
                    <div class="checklist">
                        <h3>{ lang.rule(rule.title) }</h3>
                        // Boxes to tick only on paper (print style): on screen they would look tappable.
                        <ul>{ for items.split('|').map(|item| html! { <li>{ item }</li> }) }</ul>
                        <p>
                            <strong>{ tr(lang, "checklist.where") }{ tr(lang, "punct.colon") }</strong>
                            // Mid-sentence in English, after the colon.
                            { lang.inside_sentence(tr(lang, &format!("checklist.{}.where", id.id()))) }
                        </p>
                        // How long it takes, where the path has such a word (a sentence of its own:
                        // the place above is also read inside "take the papers to ...").
                        if has(lang, &when) {
                            <p>{ tr(lang, &when) }</p>
                        }
                    </div>
                }
            }) }
        </>
    }
}
