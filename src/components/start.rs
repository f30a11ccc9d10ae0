//! The start screen: what the calculator does, what it rests on, that answers stay here, and
//! what brought the person (it leads the questions and the results).

use yew::prelude::*;

use crate::components::{send, SessionHandle};
use crate::i18n::{tr, tr_of, tr_policy};
use crate::state::{Action, Purpose};

pub fn start(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let resumable = !session.history.is_empty();
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{ tr(lang, "app.title") }</h1>
            <p class="lead">{ tr(lang, "start.lead") }</p>
            if resumable {
                <button class="primary" data-action="begin" onclick={send(session, Action::Begin)}>
                    { tr(lang, "start.resume") }
                </button>
            }
            // Someone coming back may have come for something else this time: the purposes stay
            // offered, with the answers kept.
            <h2 id="purpose-title">{ tr(lang, if resumable { "start.purpose_again" } else { "start.purpose" }) }</h2>
            <div class="purposes" role="group" aria-labelledby="purpose-title">
                { for Purpose::ALL.iter().map(|&purpose| {
                    // Settling is the common case: on a first visit it is the plain "begin".
                    let first = purpose == Purpose::Settle && !resumable;
                    html! {
                        <button class={if first { "primary" } else { "secondary" }} data-action={first.then_some("begin")} data-purpose={purpose.word()} onclick={send(session, Action::BeginWith(purpose))}>
                            { tr_of(lang, &["purpose.", purpose.word()]) }
                        </button>
                    }
                }) }
            </div>
            <p class="policy">{ tr_policy(lang, session.policy(), session.day(), "app.policy") }</p>
            <p class="privacy">{ tr(lang, "start.privacy") }</p>
        </section>
    }
}
