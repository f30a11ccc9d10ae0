//! The lists below the paths: relatives, services, notices, what to prepare.

use super::path_card::condition_view;
use super::*;

/// Who may come along, open unless it is beside the answer (`aside`: it follows someone who
/// settles, and the answer is something else; `PathsReading::relatives_aside`).
pub(super) fn family_view(session: &SessionHandle, evaluation: &Evaluation, aside: bool) -> Html {
    let lang = session.lang;
    let policy = judged_by(evaluation);
    let relatives = &evaluation.outcome.relatives;
    let Some(first) = relatives.first() else {
        return html! {};
    };
    // One rule for everyone (the usual case): its clause once, under the list, not once a person.
    let shared = relatives.iter().all(|m| m.basis == first.basis);
    let members = relatives.iter().zip(&evaluation.trace.relatives).map(|(m, trace)| {
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
                <ul>{ for reasons.map(|c| condition_view(lang, (policy, evaluation.outcome.today), c, false)) }</ul>
                if !shared {
                    { for m.basis.iter().map(|id| clause_ref(lang, policy, id)) }
                }
            </li>
        }
    });
    let list = html! {
        <>
            <ul class="members">{ for members }</ul>
            if shared {
                { for first.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            }
        </>
    };
    folded(lang, "results.relatives", "fold", !aside, list)
}

pub(super) fn services_view(lang: Lang, evaluation: &Evaluation) -> Html {
    let policy = judged_by(evaluation);
    let services = &evaluation.outcome.services;
    // None (a newborn, someone still to settle): no heading over nothing.
    if services.is_empty() {
        return html! {};
    }
    let items = services.iter().filter_map(|s| {
        let rule = policy.services.iter().find(|r| r.id == s.id)?;
        Some(html! {
            <li>
                { rule_on(lang, policy, evaluation.outcome.today, rule.title) }
                if let Some(until) = s.until {
                    <strong class="until">{ trf(lang, "results.until", &[("date", &date_label(lang, until))]) }</strong>
                }
                { for s.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            </li>
        })
    });
    folded(
        lang,
        "results.services",
        "fold",
        false,
        html! { <ul class="services">{ for items }</ul> },
    )
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
    let items = notices.iter().filter_map(|n| {
        let rule = policy.notices.iter().find(|r| r.id == n.id)?;
        Some(html! {
            <li>
                { lang.rule(rule.title) }
                { for n.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            </li>
        })
    });
    folded(
        lang,
        "notices.title",
        "fold",
        false,
        html! { <ul class="notices">{ for items }</ul> },
    )
}

/// What to bring, for each path open to the person (`reading::checklist`).
pub(super) fn checklist_view(session: &SessionHandle, evaluation: &Evaluation) -> Html {
    let lang = session.lang;
    let policy = judged_by(evaluation);
    let lists = crate::reading::checklist::checklists(session, evaluation);
    if lists.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h2 id="checklist" tabindex="-1">{ tr(lang, "checklist.title") }</h2>
            <p class="confirm">{ tr(lang, "checklist.confirm") }</p>
            { for lists.into_iter().map(|list| html! {
                // Another open path's list (the answer is not that path) folds under its title.
                <details class="checklist fold" open={!list.aside}>
                    <summary><h3>{ lang.rule(policy.path(list.path).title) }</h3></summary>
                    // Boxes to tick only on paper (print style): on screen they would look tappable.
                    <ul>{ for list.items.into_iter().map(|item| html! { <li>{ item }</li> }) }</ul>
                    <p>
                        <strong>{ tr(lang, "checklist.where") }{ tr(lang, "punct.colon") }</strong>
                        // Mid-sentence in English, after the colon.
                        { list.place }
                    </p>
                    // How long it takes, where the path has such a word (a sentence of its own:
                    // the place above is also read inside "take the papers to ...").
                    if let Some(when) = list.when {
                        <p>{ when }</p>
                    }
                </details>
            }) }
        </>
    }
}
