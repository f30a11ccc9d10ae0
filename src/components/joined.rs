//! What someone who comes to live with a spouse, child or parent brings, and their relative: the
//! checklist of the joining route's results (its bottom line is `reading::bottom`'s).

use hukou_engine::{Evaluation, MayJoin};
use yew::prelude::*;

use crate::components::SessionHandle;
use crate::i18n::{has, tr};
use crate::questions::about;
use crate::reading::join::JoinReading;

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
