//! The first thing the results say, drawn from its reading (`reading::bottom`): one or two plain
//! sentences of what this person can do, the next step, who can come along, then the clauses
//! and the day judged on. Details follow below for those who want them.

use hukou_engine::Evaluation;
use yew::prelude::*;

use crate::components::clause::clause_ref;
use crate::components::{send, SessionHandle};
use crate::i18n::tr;
use crate::reading::bottom::{BottomLine, Go, Kind, Line};
use crate::reading::words::judged_by;
use crate::state::Action;

pub fn bottom_line(session: &SessionHandle, evaluation: &Evaluation, reading: &BottomLine) -> Html {
    let policy = judged_by(evaluation);
    html! {
        <div class="bottom-line" data-verdict={reading.verdict.clone()}>
            { for reading.lines.iter().map(|line| draw(session, line)) }
            // The clauses behind the lines, after the next step so that the step stays on the
            // first screen in large text.
            { for reading.clauses.iter().map(|id| clause_ref(session.lang, policy, id)) }
            <p class="judged">{ reading.judged.clone() }</p>
        </div>
    }
}

/// One line: a paragraph, the headline, the next step with its link, or a button.
fn draw(session: &SessionHandle, line: &Line) -> Html {
    let text = line.text.clone();
    match &line.kind {
        Kind::Headline => html! { <p class="verdict"><span class="headline">{ text }</span></p> },
        Kind::NextStep { to_checklist } => html! {
            <p class="next-step">
                <strong>{ text }</strong>
                if *to_checklist {
                    { " " }<a href="#checklist" data-action="to-checklist" onclick={to_checklist_link()}>{ tr(session.lang, "bottom.to_checklist") }</a>
                }
            </p>
        },
        Kind::Button(go) => {
            let go = *go;
            let action = line.data.as_ref().map(|(_, v)| v.clone());
            let onclick = send(
                session,
                match go {
                    Go::Question(field) => Action::Change(field),
                    Go::Everything => Action::AskEverything,
                },
            );
            html! { <button class={line.class} data-action={action} {onclick}>{ text }</button> }
        }
        Kind::Text => {
            // The one attribute that names the line, by its name (static names keep Yew's
            // attributes a plain list).
            let data = |name: &str| {
                (line.data.as_ref())
                    .filter(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            };
            html! {
                <p class={line.class} data-fix={data("data-fix")} data-office={data("data-office")}
                    data-why={data("data-why")} data-caveat={data("data-caveat")}
                    data-depends={data("data-depends")} data-joining={data("data-joining")}
                    data-also={data("data-also")} data-place-counted={data("data-place-counted")}>
                    { text }
                </p>
            }
        }
    }
}

/// The link to the checklist further down: it moves there itself, without a fragment navigation,
/// which the browser would report as a history step and the app would take for Back.
fn to_checklist_link() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::web::focus_by_id("checklist", true);
    })
}
