//! Who would move along: relatives are added by relation, and removed; their details are asked
//! afterwards, one question at a time, only where they matter.

use hukou_engine::words::Relation;
use hukou_engine::Member;
use yew::prelude::*;

use crate::components::use_session;
use crate::i18n::{tr, trf};
use crate::state::Action;

#[function_component(FamilyEditor)]
pub fn family_editor() -> Html {
    let session = use_session();
    let lang = session.lang;
    let initial = session.answers.family.clone().unwrap_or_default();
    let members = use_state(move || initial);

    let add = |relation: Relation| {
        let members = members.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*members).clone();
            next.push(Member {
                relation: Some(relation),
                ..Member::default()
            });
            members.set(next);
        })
    };
    let remove = |index: usize| {
        let members = members.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*members).clone();
            next.remove(index);
            members.set(next);
        })
    };
    let change = |index: usize| {
        let members = members.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let mut next = (*members).clone();
            if let (Some(member), Some(relation)) =
                (next.get_mut(index), Relation::from_word(&select.value()))
            {
                member.relation = Some(relation);
                members.set(next);
            }
        })
    };
    let done = {
        let (session, members) = (session.clone(), members.clone());
        Callback::from(move |_: MouseEvent| session.dispatch(Action::SetFamily((*members).clone())))
    };

    html! {
        <div class="family">
            if members.is_empty() {
                <p>{ tr(lang, "family.empty") }</p>
            } else {
                <ul class="members">
                    { for members.iter().enumerate().map(|(i, m)| {
                        let who = trf(lang, "family.member", &[("n", &(i + 1).to_string())]);
                        let current = m.relation.map(|r| r.word()).unwrap_or_default();
                        let id = format!("member-{i}");
                        html! {
                            <li>
                                <label for={id.clone()}>{ format!("{who}：") }</label>
                                <select id={id} data-member={i.to_string()} onchange={change(i)}>
                                    { for Relation::ALL.iter().map(|r| html! {
                                        <option value={r.word()} selected={r.word() == current}>
                                            { tr(lang, &format!("choice.relation.{}", r.word())) }
                                        </option>
                                    }) }
                                </select>
                                <button class="secondary" data-remove={i.to_string()} aria-label={format!("{} {who}", tr(lang, "family.remove"))} onclick={remove(i)}>
                                    { tr(lang, "family.remove") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <h2>{ tr(lang, "family.add") }</h2>
            <div class="choices grid">
                { for Relation::ALL.iter().map(|&r| html! {
                    <button class="choice" data-add={r.word()} onclick={add(r)}>{ "+ " }{ tr(lang, &format!("choice.relation.{}", r.word())) }</button>
                }) }
            </div>
            <button class="primary" data-action="family-done" onclick={done}>{ tr(lang, "family.done") }</button>
        </div>
    }
}
