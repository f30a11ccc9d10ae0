//! The results for someone who comes to live with a spouse, child or parent: whether they may
//! register there with that relative, under which clause, what keeps them out if anything, the
//! next step and what to bring. It draws `JoinReading`.

use hukou_engine::policy::OfficeKind;
use hukou_engine::{Evaluation, MayJoin};
use yew::prelude::*;

use crate::components::clause::{clause_ref, judged_by};
use crate::components::results::condition_label_by_id;
use crate::components::{send, SessionHandle};
use crate::i18n::{date_label, has, tr, tr_policy, trf};
use crate::questions::{about, place_kind};
use crate::reading::join::JoinReading;
use crate::state::Action;

/// A text about the relative the person comes to, with `{place}` and other values filled in.
fn say(session: &SessionHandle, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = about(session, key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The first box of the joining route's results.
pub fn joined_bottom_line(session: &SessionHandle, evaluation: &Evaluation) -> Html {
    let lang = session.lang;
    let Some(r) = JoinReading::of(evaluation) else {
        return Html::default();
    };
    let policy = judged_by(evaluation);
    let place = place_kind(&session.answers)
        .map(|a| tr(lang, &format!("area.{a}")).to_owned())
        .unwrap_or_default();
    let silent = r.office.iter().any(|o| o.kind == OfficeKind::TextSilent);
    let headline = match r.may_join {
        MayJoin::Yes if silent => "bottom.join_if_office",
        MayJoin::Yes => "bottom.join",
        MayJoin::No => "bottom.join_closed",
        MayJoin::Undetermined => "bottom.join_open",
    };
    let lacks: Vec<String> = (r.relative_lacks.iter())
        .map(|id| lang.inside_sentence(condition_label_by_id(lang, policy, id)))
        .collect();
    let next = r.path.filter(|_| r.may_join == MayJoin::Yes).map(|id| {
        let place = lang.inside_sentence(tr(lang, &format!("checklist.{}.where", id.id())));
        say(session, "bottom.next_join", &[("where", &place)])
    });
    html! {
        <div class="bottom-line" data-verdict={format!("join-{}", r.may_join.word())}>
            <p class="verdict"><span class="headline">{ say(session, headline, &[("place", &place)]) }</span></p>
            { for r.office.iter().map(|o| html! {
                <p class="office" data-office={o.id}>{ tr(lang, &format!("office.{}.short", o.id)) }</p>
            }) }
            { for r.own_reasons.iter().map(|id| html! {
                <p class="fix" data-why={*id}>{ about(session, &format!("join.why.{id}")) }</p>
            }) }
            if !lacks.is_empty() {
                <p class="fix" data-fix="relative">{ say(session, "bottom.join_lacks", &[("what", &lacks.join(tr(lang, "punct.list")))]) }</p>
            }
            if r.not_a_town {
                <p class="fix" data-why="not_a_town">{ tr(lang, "why.not_a_town") }</p>
            }
            if let Some(next) = next {
                <p class="next-step"><strong>{ next }</strong></p>
            }
            if r.may_join == MayJoin::Undetermined {
                if let Some(field) = session.next_question() {
                    <button class="primary" data-action="continue" onclick={send(session, move || Action::Change(field))}>{ tr(lang, "nav.continue") }</button>
                }
            }
            { for r.basis.iter().map(|id| clause_ref(lang, policy, id)) }
            <p class="judged">{ trf(lang, "bottom.judged", &[("date", &date_label(lang, evaluation.outcome.today))]) }{ " " }{ tr_policy(lang, policy, "results.limits") }</p>
        </div>
    }
}

/// What to bring, for the person and for the relative, once the person may come along.
pub fn joined_checklist(session: &SessionHandle, evaluation: &Evaluation) -> Html {
    let lang = session.lang;
    let Some(r) = JoinReading::of(evaluation) else {
        return Html::default();
    };
    let Some(id) = r.path.filter(|_| r.may_join == MayJoin::Yes) else {
        return Html::default();
    };
    let key = format!("checklist.join.{}", id.id());
    if !has(lang, &key) {
        return Html::default();
    }
    let items = about(session, &key);
    html! {
        <>
            <h2 id="checklist" tabindex="-1">{ tr(lang, "checklist.title") }</h2>
            <p class="confirm">{ tr(lang, "checklist.confirm") }</p>
            <div class="checklist">
                <ul>{ for items.split('|').map(|item| html! { <li>{ item.to_owned() }</li> }) }</ul>
                <p>
                    <strong>{ tr(lang, "checklist.where") }{ tr(lang, "punct.colon") }</strong>
                    { lang.inside_sentence(tr(lang, &format!("checklist.{}.where", id.id()))) }
                </p>
            </div>
        </>
    }
}
