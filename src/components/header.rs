//! The bar on every screen: title, language and large text. (Forgetting one's answers is at
//! the end of the results, away from these toggles, and can be undone.)

use yew::prelude::*;

use crate::components::{send, SessionHandle};
use crate::i18n::tr;
use crate::state::Action;

/// `embedded`: inside the city site's frame, the site has its own title, so only the tools show.
pub fn header(session: &SessionHandle, embedded: bool) -> Html {
    let lang = session.lang;
    let size_label = if session.elderly {
        tr(lang, "mode.standard")
    } else {
        tr(lang, "mode.elderly")
    };
    html! {
        <header class={if embedded { "bar embedded" } else { "bar" }}>
            if !embedded {
                <p class="brand">{ tr(lang, "app.title") }</p>
            }
            <div class="tools">
                <button class="tool" data-action="lang" lang={lang.other().html_lang()} onclick={send(session, || Action::ToggleLang)}>
                    { tr(lang, "lang.switch") }
                </button>
                <button class="tool" data-action="elderly" aria-pressed={session.elderly.to_string()} onclick={send(session, || Action::ToggleElderly)}>
                    { size_label }
                </button>
            </div>
        </header>
    }
}
