//! Who would move along: relatives are added by relation, and removed; their details are asked
//! afterwards, one question at a time, only where they matter. Every change goes through the
//! session's reducer, so a removed relative takes their answers, skips and history along.

use hukou_engine::field::{Value, KINSHIP};
use hukou_engine::words::Relation;
use hukou_engine::Member;
use yew::prelude::*;

use crate::components::{send, use_session};
use crate::i18n::{tr, tr_of, trf};
use crate::state::Action;

#[function_component(FamilyEditor)]
pub fn family_editor() -> Html {
    let session = use_session();
    let lang = session.lang;
    let members = session.answers.relatives();
    let kinship = |m: &Member| match m.read_field(KINSHIP) {
        Some(Value::Relation(r)) => Some(r),
        _ => None,
    };
    let has_spouse = members.iter().any(|m| kinship(m) == Some(Relation::Spouse));
    let label = |r: Relation| tr_of(lang, &["choice.", KINSHIP.name(), ".", r.word()]);

    // The relative just added gets the focus, so the confirmation is read and seen.
    {
        let added = session.added;
        use_effect_with(added, move |added| {
            if let Some(i) = added {
                crate::web::focus_by_id(&format!("member-{i}"), false);
            }
        });
    }

    let change = |index: usize| {
        let session = session.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            if let Some(relation) = Relation::from_word(&select.value()) {
                session.dispatch(Action::SetRelation(index, relation));
            }
        })
    };

    html! {
        <div class="relatives">
            if members.is_empty() {
                <p>{ tr(lang, "relatives.empty") }</p>
            } else {
                <ul class="members">
                    { for members.iter().enumerate().map(|(i, m)| {
                        let who = trf(lang, "relatives.member", &[("n", &(i + 1).to_string())]);
                        let current = kinship(m).map(|r| r.word()).unwrap_or_default();
                        let id = format!("member-{i}");
                        html! {
                            <li>
                                <label for={id.clone()}>{ format!("{who}{}", tr(lang, "punct.colon")) }</label>
                                <select id={id} data-member={i.to_string()} onchange={change(i)}>
                                    { for Relation::ALL.iter().map(|r| html! {
                                        <option value={r.word()} selected={r.word() == current}>
                                            { label(*r) }
                                        </option>
                                    }) }
                                </select>
                                <button class="secondary" data-remove={i.to_string()} aria-label={format!("{} {who}", tr(lang, "relatives.remove"))} onclick={send(&session, Action::RemoveMember(i))}>
                                    { tr(lang, "relatives.remove") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if let Some(i) = session.added {
                <p class="added" role="status" data-added={i.to_string()}>
                    { trf(lang, "relatives.added", &[("who", &trf(lang, "relatives.member", &[("n", &(i + 1).to_string())]))]) }
                </p>
            }
            if let Some(key) = session.error.as_deref() {
                <p class="error" role="alert">{ tr(lang, key) }</p>
            }
            <h2>{ tr(lang, "relatives.add") }</h2>
            <div class="choices grid">
                { for Relation::ALL.iter().filter(|&&r| !(has_spouse && r == Relation::Spouse)).map(|&r| html! {
                    <button class="choice" data-add={r.word()} onclick={send(&session, Action::AddMember(r))}>{ "+ " }{ label(r) }</button>
                }) }
            </div>
            <button class="primary" data-action="family-done" onclick={send(&session, Action::FamilyDone)}>{ tr(lang, "relatives.done") }</button>
        </div>
    }
}
