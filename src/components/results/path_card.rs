//! One path's card, and why a path fails, does not concern the person, or would open.

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
            { tr(lang, &format!("status.{}", status.word())) }
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

/// One path the person's case concerns: its status, conditions, why it fails, what would open it,
/// and the question that would decide it. A path that is not the answer (`folded`: another one
/// leads and this one is not open) keeps its status in view and the rest folded under it.
pub(super) fn path_card(
    session: &SessionHandle,
    policy: &'static Policy,
    id: PathId,
    (path, trace): (&PathOutcome, &PathTrace),
    folded: bool,
) -> Html {
    let lang = session.lang;
    let day = session.day();
    let rule = policy.path(id);
    let title = lang.rule(rule.title);
    let unmet: Vec<&CheckedCondition> = (trace.conditions.iter())
        .filter(|c| c.state == Tri::Unmet)
        .collect();
    let opens = what_opens(lang, (policy, day), (id, trace), &unmet);
    let conditions = html! {
        <ul>{ for trace.conditions.iter().map(|c| condition_view(lang, (policy, day), c, true)) }</ul>
    };
    let rest = html! {
        <>
            { for trace.conditions.iter().filter_map(|c| c.because.filter(|k| c.state == Tri::Unmet && k.starts_with("why."))).map(|key| html! {
                <p class="fix" data-why={key.trim_start_matches("why.")}>{ tr(lang, key) }</p>
            }) }
            { office_view(lang, id, path) }
            if path.status == Status::NotEligible {
                <p class="why">{ tr(lang, "results.why") }{ tr(lang, "punct.colon") }{ joined_by(tr(lang, "punct.list"), &mut unmet.iter().map(|c| condition_label(lang, (policy, day), c))) }</p>
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
            if id == PathId::ResidencePermit && permit_within_city(session, &trace.conditions) {
                <p class="fix" data-caveat="permit.within_city">{ tr(lang, "permit.within_city") }</p>
            }
            if let Some(sentence) = opens {
                <div class="opens">
                    <p>{ tr(lang, "results.changes") }</p>
                    <ul><li>{ sentence }</li></ul>
                </div>
            }
        </>
    };
    let (summary, inside, outside) = match folded {
        true => ("results.folded", rest, Html::default()),
        false => ("results.conditions", Html::default(), rest),
    };
    html! {
        <article class={format!("path {}", path.status.word().replace('_', "-"))} id={format!("path-{}", id.id())}>
            <h3>{ title }</h3>
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

/// What would open a closed path: only when every failing condition is one the person can
/// change (a home, a job, insurance, months, school), all of them together, with those not yet
/// known: "this is enough" must name every condition still to meet.
fn what_opens(
    lang: Lang,
    (policy, day): (&'static Policy, NaiveDate),
    (id, trace): (PathId, &PathTrace),
    unmet: &[&CheckedCondition],
) -> Option<String> {
    let changeable =
        !unmet.is_empty() && (unmet.iter()).all(|c| c.fields.iter().all(|f| f.can_change()));
    if !changeable {
        return None;
    }
    let conditions: Vec<String> = (trace.conditions.iter())
        .filter(|c| c.state != Tri::Met)
        .map(|c| lang.inside_sentence(condition_label(lang, (policy, day), c)))
        .collect();
    let conditions = joined_by(
        tr(lang, "results.opens_join"),
        &mut conditions.iter().map(String::as_str),
    );
    let path = lang.rule(policy.path(id).title);
    Some(trf(
        lang,
        "results.opens",
        &[("conditions", &conditions), ("path", path)],
    ))
}

/// What the office decides on an open path, in full.
fn office_view(lang: Lang, id: PathId, path: &PathOutcome) -> Html {
    let lines = path.office_decides.iter().map(|o| {
        let more = format!("office.{}.more", o.id);
        html! {
            <p class="office" data-office={o.id}>
                { tr(lang, &office_key(lang, id, o.id, "")) }
                if has(lang, &more) {
                    { " " }{ tr(lang, &more) }
                }
            </p>
        }
    });
    html! { <>{ for lines }</> }
}

/// For a path still open on a question the person was unsure of: what each answer would mean,
/// and how to find out.
pub(super) fn if_unsure(session: &SessionHandle, id: PathId, field: Field) -> Html {
    let lang = session.lang;
    if !session.skipped.contains(&field) {
        return html! {};
    }
    let lines: Vec<Html> = (if_you_knew(session, id, field).into_iter())
        .map(|(label, status)| {
            let status = tr(lang, &format!("status.{}", status.word()));
            html! { <li>{ trf(lang, "unsure.if", &[("answer", &label), ("status", status)]) }</li> }
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
