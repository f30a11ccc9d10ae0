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
    policy: &'static Policy,
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
            { condition_label(lang, policy, c) }
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
/// and the question that would decide it.
pub(super) fn path_card(
    session: &SessionHandle,
    policy: &'static Policy,
    id: PathId,
    path: &PathOutcome,
    trace: &PathTrace,
) -> Html {
    let lang = session.lang;
    let rule = policy.path(id);
    let title = lang.rule(rule.title);
    // What would open a closed path: only when every failing condition is one the person can
    // change (a home, a job, insurance, months, school), all of them together, with those not
    // yet known: "this is enough" must name every condition still to meet.
    let unmet: Vec<&CheckedCondition> = trace
        .conditions
        .iter()
        .filter(|c| c.state == Tri::Unmet)
        .collect();
    let changeable = !unmet.is_empty()
        && unmet
            .iter()
            .all(|c| c.fields.iter().all(|f| f.can_change()));
    let opens: Vec<Html> = if changeable {
        let conditions = trace
            .conditions
            .iter()
            .filter(|c| c.state != Tri::Met)
            .map(|c| lang.inside_sentence(condition_label(lang, policy, c)))
            .collect::<Vec<_>>()
            .join(tr(lang, "results.opens_join"));
        let path = lang.rule(rule.title);
        let sentence = trf(
            lang,
            "results.opens",
            &[("conditions", &conditions), ("path", path)],
        );
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
            { office_view(lang, id, path) }
            if path.status == Status::NotEligible {
                <p class="why">{ tr(lang, "results.why") }{ tr(lang, "punct.colon") }{ unmet.iter().map(|c| condition_label(lang, policy, c)).collect::<Vec<_>>().join(tr(lang, "punct.list")) }</p>
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
            if !opens.is_empty() {
                <div class="opens">
                    <p>{ tr(lang, "results.changes") }</p>
                    <ul>{ for opens }</ul>
                </div>
            }
        </article>
    }
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

/// Why a path does not concern this person (an i18n key), or `None` if it does: not asked on
/// the person's direct route, already registered here, or an unmet condition the policy says
/// makes it not theirs to fail (no baby for the newborn path, another kind of area).
pub(super) fn does_not_apply(
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
    // Already registered in the place named: whatever settling there would ask, there is
    // nothing to move (the bottom line says so), so no settling path is theirs to fail.
    if registered && id.settles() {
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
pub(super) fn if_unsure(session: &SessionHandle, id: PathId, field: Field) -> Html {
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
            let label = crate::questions::value_label(lang, field, &value);
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
