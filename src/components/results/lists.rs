//! The lists below the paths, drawn from their readings (`reading::lists`, `reading::checklist`):
//! relatives, services, notices, what to prepare.

use super::path_card::condition_view;
use super::*;

/// Who may come along, open unless it is beside the answer (`aside`: it follows someone who
/// settles, and the answer is something else; `PathsReading::relatives_aside`).
pub(super) fn family_view(lang: Lang, evaluation: &Evaluation, lists: &Lists, aside: bool) -> Html {
    if lists.relatives.is_empty() {
        return html! {};
    }
    let policy = judged_by(evaluation);
    let day = evaluation.outcome.today;
    let members = lists.relatives.iter().map(|m| {
        let (icon, class) = match m.may_join {
            MayJoin::Yes => ("✓", "eligible"),
            MayJoin::No => ("✗", "not-eligible"),
            MayJoin::Undetermined => ("?", "undetermined"),
        };
        html! {
            <li class="member">
                <p class={format!("status {class}")}>
                    <span class="icon" aria-hidden="true">{ icon }</span>
                    { format!("{}{}{}", m.who, tr(lang, "punct.colon"), tr_of(lang, &["join.", m.may_join.word()])) }
                </p>
                <ul>{ for m.reasons.iter().map(|c| condition_view(lang, (policy, day), c, false)) }</ul>
                { for m.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            </li>
        }
    });
    let list = html! {
        <>
            <ul class="members">{ for members }</ul>
            { for lists.relatives_basis.iter().map(|id| clause_ref(lang, policy, id)) }
            if let Some((text, clause)) = lists.settlers_rights {
                <p class="rights">{ text }{ clause_ref(lang, policy, clause) }</p>
            }
        </>
    };
    folded(lang, "results.relatives", "fold", !aside, list)
}

/// The services or the notices (`heading`, `class`), folded under their heading; nothing when
/// there are none (a newborn, someone still to settle: no heading over nothing).
pub(super) fn lines_view(
    lang: Lang,
    evaluation: &Evaluation,
    (heading, class): (&str, &'static str),
    lines: &[Line],
) -> Html {
    if lines.is_empty() {
        return html! {};
    }
    let policy = judged_by(evaluation);
    let items = lines.iter().map(|line| {
        html! {
            <li>
                { line.text }
                if let Some(until) = line.until {
                    <strong class="until">{ trf(lang, "results.until", &[("date", &date_label(lang, until))]) }</strong>
                }
                if !line.relatives.is_empty() {
                    <p class="for-whom">{ trf(lang, "results.for_whom", &[("who", &joined_by(tr(lang, "punct.list"), &mut line.relatives.iter().map(String::as_str)))]) }</p>
                }
                { for line.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            </li>
        }
    });
    folded(
        lang,
        heading,
        "fold",
        false,
        html! { <ul {class}>{ for items }</ul> },
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
