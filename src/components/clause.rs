//! A clause citation; tapping it shows the clause's own words.
//!
//! The page's build leaves the words out of the wasm (feature `lazy-clauses`): they come as
//! `clauses.json` (written by `hukou texts clauses`), fetched when the results are first shown
//! and precached by the service worker. Until then a citation shows its title.

use hukou_engine::policy::{Clause, Policy};
use hukou_engine::POLICIES;
use yew::prelude::*;

use crate::i18n::{clause_label, fetched_pairs, tr, Lang};

/// Where the page's build puts the clauses' words, beside the page.
pub const CLAUSE_WORDS: &str = "clauses.json";

thread_local! {
    /// The clauses' words once fetched: (`policy id/clause id`, words).
    static FETCHED: std::cell::OnceCell<Vec<(&'static str, &'static str)>> =
        const { std::cell::OnceCell::new() };
}

/// A clause's key in `clauses.json`: the same id may have other words in another policy.
fn key(policy: &Policy, clause: &Clause) -> String {
    format!("{}/{}", policy.id, clause.id)
}

/// The words of a clause of `policy`: compiled in, or fetched.
fn words(policy: &Policy, clause: &'static Clause) -> Option<&'static str> {
    if !clause.text.is_empty() {
        return Some(clause.text);
    }
    let key = key(policy, clause);
    FETCHED.with(|f| {
        f.get()?
            .iter()
            .find(|(id, _)| *id == key)
            .map(|(_, text)| *text)
    })
}

/// Whether every clause's words are here (compiled in, or fetched already).
pub fn words_ready() -> bool {
    FETCHED.with(|f| f.get().is_some())
        || POLICIES
            .iter()
            .all(|p| p.clauses.iter().all(|c| !c.text.is_empty()))
}

/// Takes the clauses' words from `clauses.json` (an array of `[id, words]`); false if the text
/// is not such a table.
pub fn install_words(json: &str) -> bool {
    let Some(pairs) = fetched_pairs(json) else {
        return false;
    };
    FETCHED.with(|f| {
        f.get_or_init(move || pairs);
    });
    true
}

/// Every clause's words as `clauses.json` holds them, each policy's own.
pub fn words_json() -> String {
    let pairs: Vec<(String, &str)> = POLICIES
        .iter()
        .flat_map(|p| p.clauses.iter().map(move |c| (key(p, c), c.text)))
        .collect();
    serde_json::to_string(&pairs).expect("words serialise")
}

/// A plain view function rather than a component: it has no state, and is drawn dozens of times
/// on the results screen. `policy` is the one that judged: its clause and its document number.
pub fn clause_ref(lang: Lang, policy: &'static Policy, id: &str) -> Html {
    let clause = policy.clause(id);
    let label = clause_label(lang, policy.document, id);
    match clause {
        Some(clause) => html! {
            <details class="clause">
                // A document number such as 郴政发〔2016〕1号 never breaks across lines.
                <summary>{ tr(lang, "clause.of") }{ " " }{ match label.split_once(' ') {
                    Some((document, item)) => html! { <><span class="cite">{ document }</span>{ " " }<span class="cite">{ item }</span></> },
                    None => html! { label.clone() },
                } }</summary>
                <blockquote lang="zh-CN">
                    <p class="clause-title">{ format!("{} · {}", clause.source, lang.rule(clause.title)) }</p>
                    if let Some(words) = words(policy, clause) {
                        <p>{ words }</p>
                    }
                </blockquote>
            </details>
        },
        None => html! { <span class="clause">{ label }</span> },
    }
}
