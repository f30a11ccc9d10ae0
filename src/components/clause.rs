//! A clause citation; tapping it shows the clause's own words.

use hukou_engine::POLICIES;
use yew::prelude::*;

use crate::components::use_session;
use crate::i18n::{clause_label, tr};

#[derive(Properties, PartialEq)]
pub struct ClauseProps {
    pub id: AttrValue,
}

#[function_component(ClauseRef)]
pub fn clause_ref(props: &ClauseProps) -> Html {
    let session = use_session();
    let lang = session.lang;
    let clause = POLICIES.iter().find_map(|p| p.clause(&props.id));
    let label = clause_label(lang, &props.id);
    match clause {
        Some(clause) => html! {
            <details class="clause">
                <summary>{ format!("{} {}", tr(lang, "clause.of"), label) }</summary>
                <blockquote lang="zh-CN">
                    <p class="clause-title">{ format!("{} · {}", clause.source, lang.pick(clause.title_zh, clause.title_en)) }</p>
                    <p>{ clause.text }</p>
                </blockquote>
            </details>
        },
        None => html! { <span class="clause">{ label }</span> },
    }
}
