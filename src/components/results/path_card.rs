//! One path's card, drawn from its reading (`reading::card`).

use super::*;

pub(super) fn status_view(lang: Lang, status: Status) -> Html {
    let (icon, class) = match status {
        Status::Eligible => ("✓", "eligible"),
        Status::NotEligible => ("✗", "not-eligible"),
        Status::Undetermined => ("?", "undetermined"),
    };
    html! {
        <p class={format!("status {class}")}>
            <span class="icon" aria-hidden="true">{ icon }</span>
            { tr_of(lang, &["status.", status.word()]) }
        </p>
    }
}

/// One condition with its state; `cite` adds its clauses (a relative's conditions share one basis).
pub(super) fn condition_view(
    lang: Lang,
    (policy, day): (&'static Policy, NaiveDate),
    c: &CheckedCondition,
    cite: bool,
) -> Html {
    let (icon, class, state) = match c.state {
        Tri::Met => ("✓", "met", tr(lang, "cond.met")),
        Tri::Unmet => ("✗", "unmet", tr(lang, "cond.unmet")),
        Tri::Unknown => ("?", "unknown", tr(lang, "cond.unknown")),
    };
    html! {
        <li class={format!("condition {class}")}>
            <span class="icon" aria-hidden="true">{ icon }</span>
            <span class="visually-hidden">{ format!("{state}{}", tr(lang, "punct.colon")) }</span>
            { condition_label(lang, (policy, day), c) }
            if c.office.is_some() {
                <span class="office-mark">{ tr(lang, "cond.office") }</span>
            }
            if cite {
                { for c.clauses.iter().map(|id| clause_ref(lang, policy, id)) }
            }
        </li>
    }
}

/// One path the person's case concerns: its status, conditions, and what its reading says (why
/// it fails, what would open it, the question that would decide it). What `fold` says folds
/// goes under its conditions; its status stays in view.
pub(super) fn path_card(
    session: &SessionHandle,
    evaluation: &Evaluation,
    id: PathId,
    fold: Fold,
) -> Html {
    let lang = session.lang;
    let policy = judged_by(evaluation);
    let day = evaluation.outcome.today;
    let path = &evaluation.outcome.paths[id as usize];
    let trace = &evaluation.trace.paths[id as usize];
    let card = Card::of(session, evaluation, id);
    let rule = policy.path(id);
    let conditions = html! {
        <ul>{ for trace.conditions.iter().map(|c| condition_view(lang, (policy, day), c, true)) }</ul>
    };
    let rest = html! {
        <>
            { for card.reasons.iter().map(|&key| html! {
                <p class="fix" data-why={key}>{ tr(lang, key) }</p>
            }) }
            { for card.office.into_iter().map(|(office, text)| html! {
                <p class="office" data-office={office}>{ text }</p>
            }) }
            if let Some(why_not) = card.why_not {
                <p class="why">{ tr(lang, "results.why") }{ tr(lang, "punct.colon") }{ why_not }</p>
            }
            { for card.fixes.into_iter().map(|key| html! { <p class="fix" data-fix={key.clone()}>{ tr(lang, &key) }</p> }) }
            if let Some((field, unsure)) = card.decide {
                <p class="decide">
                    { tr(lang, "results.missing") }{ tr(lang, "punct.colon") }
                    <button class="link" onclick={send(session, Action::Change(field))}>
                        { question_text(session, field) }
                    </button>
                </p>
                { unsure_view(lang, field, unsure) }
            }
            if let Some(key) = card.silent {
                <p class="fix" data-caveat={key}>{ tr(lang, key) }</p>
            }
            if let Some(sentence) = card.opens {
                <div class="opens">
                    <p>{ tr(lang, "results.changes") }</p>
                    <ul><li>{ sentence }</li></ul>
                </div>
            }
        </>
    };
    let (summary, inside, outside) = match fold {
        Fold::Away => ("results.folded", rest, Html::default()),
        Fold::Reasons => ("results.conditions", rest, Html::default()),
        Fold::Nothing => ("results.conditions", Html::default(), rest),
    };
    html! {
        <article class={format!("path {}", path.status.word().replace('_', "-"))} id={format!("path-{}", id.id())}>
            <h3>{ lang.rule(rule.title) }</h3>
            { status_view(lang, path.status) }
            { clause_ref(lang, policy, rule.clause) }
            <details class="conditions">
                <summary>{ tr(lang, summary) }</summary>
                { conditions }
                { inside }
            </details>
            { outside }
        </article>
    }
}

/// For a question the person was unsure of: what each answer would mean, and how to find out.
fn unsure_view(lang: Lang, field: Field, unsure: Unsure) -> Html {
    if unsure.answers.is_empty() && unsure.how.is_none() {
        return html! {};
    }
    let lines = unsure.answers.into_iter().map(|(label, status)| {
        let status = tr_of(lang, &["status.", status.word()]);
        html! { <li>{ trf(lang, "unsure.if", &[("answer", &label), ("status", status)]) }</li> }
    });
    html! {
        <div class="if-unsure" data-unsure={field.to_string()}>
            <ul>{ for lines }</ul>
            if let Some(how) = unsure.how {
                <p class="how">{ how }</p>
            }
        </div>
    }
}
