//! A clause citation; tapping it shows the clause's own words.

use hukou_engine::POLICIES;
use yew::prelude::*;

use crate::i18n::{clause_label, tr, Lang};

/// A plain view function rather than a component: it has no state, and is drawn dozens of times
/// on the results screen.
pub fn clause_ref(lang: Lang, id: &str) -> Html {
    let clause = POLICIES.iter().find_map(|p| p.clause(id));
    let label = clause_label(lang, id);
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
