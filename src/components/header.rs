//! The bar on every screen: title, language and large text. (Forgetting one's answers is at
//! the end of the results, away from these toggles, and can be undone.)

use yew::prelude::*;

use crate::components::{send, SessionHandle};
use crate::i18n::{is_ready, tr, Lang};
use crate::state::Action;
use crate::web;

/// `embedded`: inside the city site's frame, the site has its own title, so only the tools show.
pub fn header(session: &SessionHandle, embedded: bool) -> Html {
    let lang = session.lang;
    let size_label = if session.elderly {
        tr(lang, "mode.standard")
    } else {
        tr(lang, "mode.elderly")
    };
    // A language's table may have to be fetched first (`i18n`): the switch happens once it is
    // here.
    let switch_to = |target: Lang| {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            if is_ready(target) {
                return session.dispatch(Action::SetLang(target));
            }
            let session = session.clone();
            web::fetch_language(target, move |ready| {
                if ready {
                    session.dispatch(Action::SetLang(target));
                } else {
                    session.dispatch(Action::Notify("notice.lang_unavailable"));
                }
            });
        })
    };
    html! {
        <header class={if embedded { "bar embedded" } else { "bar" }}>
            if !embedded {
                <p class="brand">{ tr(lang, "app.title") }</p>
            }
            <div class="tools">
                // Each other language, named in itself.
                { for Lang::ALL.into_iter().filter(|&l| l != lang).map(|target| html! {
                    <button class="tool" data-action="lang" data-lang={target.code()} lang={target.html_lang()} onclick={switch_to(target)}>
                        { target.name() }
                    </button>
                }) }
                <button class="tool" data-action="elderly" aria-pressed={session.elderly.to_string()} onclick={send(session, Action::ToggleElderly)}>
                    { size_label }
                </button>
            </div>
        </header>
    }
}
