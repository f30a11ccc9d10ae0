//! The start screen: what the calculator does, what it rests on, and that answers stay here.

use yew::prelude::*;

use crate::components::{send, SessionHandle};
use crate::i18n::tr;
use crate::state::Action;

pub fn start(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let resumable = !session.history.is_empty();
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{ tr(lang, "app.title") }</h1>
            <p class="lead">{ tr(lang, "start.lead") }</p>
            <p class="policy">{ tr(lang, "app.policy") }</p>
            <p class="privacy">{ tr(lang, "start.privacy") }</p>
            <button class="primary" data-action="begin" onclick={send(session, || Action::Begin)}>
                { if resumable { tr(lang, "start.resume") } else { tr(lang, "start.begin") } }
            </button>
        </section>
    }
}
