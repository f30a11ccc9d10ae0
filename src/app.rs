//! The root component: owns the session reducer, restores it from storage or a share link, saves
//! it in an effect, and shows one screen at a time.

use hukou_engine::Answers;
use yew::prelude::*;

use crate::components::clause::{install_words, words_ready, CLAUSE_WORDS};
use crate::components::header::header;
use crate::components::question::Ask;
use crate::components::results::results;
use crate::components::start::start;
use crate::components::{send, SessionHandle};
use crate::i18n::tr;
use crate::saved::{decode_fragment, decode_session, encode_session, fragment_purpose};
use crate::state::{Action, Screen, Session, SHARE_NOTICES};
use crate::web;

/// The session at page load: the stored one (or a fresh one, with a notice, if it cannot be
/// read), then the answers of a share link if the address carries one.
fn initial_session() -> Session {
    let today = web::device_today();
    let mut notice = None;
    let mut session = match web::load_stored().map(|text| decode_session(&text, today)) {
        None => Session::new(today),
        Some(Ok(restored)) => {
            if restored.dropped {
                notice = Some("notice.stored_partly");
            }
            restored.session
        }
        Some(Err(_)) => {
            web::clear_stored();
            notice = Some("notice.stored_reset");
            Session::new(today)
        }
    };
    let fragment = web::fragment();
    match decode_fragment(&fragment, today) {
        Ok(None) => {}
        // A link never judges on a day of its own unseen: the device's date is used, and shown.
        Ok(Some(mut answers)) => {
            answers.today = None;
            if session.answers == Answers::default() || session.answers == answers {
                session.answers = answers;
                session.skipped.clear();
                session.history = session.answered_fields();
                session.screen = Screen::Results;
                session.purpose = fragment_purpose(&fragment).or(session.purpose);
                notice = Some("notice.loaded_fragment");
            } else {
                // Answers saved here are never silently replaced: the person chooses.
                session.incoming = Some(answers);
                notice = Some("notice.incoming");
            }
        }
        Err(_) => notice = Some("notice.bad_fragment"),
    }
    web::clear_fragment();
    session.notice = notice;
    session
}

/// The root element's classes. (Plain strings: Yew's `classes!` would bring a hash set into the
/// wasm for these three words.)
fn app_class(elderly: bool, embedded: bool) -> &'static str {
    match (elderly, embedded) {
        (false, false) => "app",
        (true, false) => "app elderly",
        (false, true) => "app embedded",
        (true, true) => "app elderly embedded",
    }
}

/// Back means back: each new screen is a history entry; the browser's Back and Forward show the
/// screen of the entry they land on (the app's own Back goes through the browser's).
#[hook]
fn use_browser_history(session: &SessionHandle) {
    let first = use_mut_ref(|| true);
    use_effect_with(session.screen, move |screen| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            web::screen_changed(&screen.word());
        }
    });
    let session = session.clone();
    use_effect_with((), move |_| {
        web::on_history_move(&session.screen.word(), move |moved| match moved {
            web::Move::Back(word) => match word.as_deref().and_then(Screen::from_word) {
                Some(screen) => session.dispatch(Action::BackTo(screen)),
                None => session.dispatch(Action::Back),
            },
            web::Move::Forward(word) => {
                if let Some(screen) = Screen::from_word(&word) {
                    session.dispatch(Action::Forward(screen));
                }
            }
        })
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let session = use_reducer(initial_session);
    let embedded = use_memo((), |_| web::is_embedded());

    {
        let stored = encode_session(&session);
        use_effect_with(stored, |stored| web::store(stored));
    }
    use_effect_with(session.lang, |lang| {
        web::set_document_lang(lang.html_lang())
    });
    use_effect_with(session.screen, |_| web::focus_heading());
    // 朗读 shows once the browser has a voice (the list fills in after load).
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            web::on_voices_changed(move || session.dispatch(Action::Redraw));
        });
    }
    // The clauses' words, when the results are first shown (not on a first paint).
    {
        let session = session.clone();
        use_effect_with(session.screen == Screen::Results, move |&results| {
            if results && !words_ready() {
                web::fetch_text(CLAUSE_WORDS, move |text| {
                    if text.is_some_and(|text| install_words(&text)) {
                        session.dispatch(Action::Redraw);
                    }
                });
            }
        });
    }
    use_browser_history(&session);

    let lang = session.lang;
    let screen = match session.screen {
        Screen::Start => start(&session),
        Screen::Ask(field) => html! { <Ask field={field} /> },
        Screen::Results => results(&session),
    };
    html! {
        <ContextProvider<SessionHandle> context={session.clone()}>
            <div class={app_class(session.elderly, *embedded)}>
                { header(&session, *embedded) }
                if let Some(notice) = session.notice.filter(|key| !SHARE_NOTICES.contains(key)) {
                    <div class="notice" role="status" data-notice={notice}>
                        <p>{ tr(lang, notice) }</p>
                        if session.incoming.is_some() {
                            <button class="primary" data-action="use-incoming" onclick={send(&session, || Action::UseIncoming)}>{ tr(lang, "incoming.use") }</button>
                            <button class="secondary" data-action="keep-own" onclick={send(&session, || Action::KeepOwn)}>{ tr(lang, "incoming.keep") }</button>
                        } else {
                            if session.undo.is_some() {
                                <button class="primary" data-action="undo" onclick={send(&session, || Action::Undo)}>{ tr(lang, "forget.undo") }</button>
                            }
                            <button class="secondary" data-action="dismiss" onclick={send(&session, || Action::DismissNotice)}>{ tr(lang, "nav.ok") }</button>
                        }
                    </div>
                }
                // While a share link's answers wait for the person's choice, no verdict shows: it
                // would be on answers they have not chosen yet.
                <main id="main">{ if session.incoming.is_none() { screen } else { Html::default() } }</main>
            </div>
        </ContextProvider<SessionHandle>>
    }
}
