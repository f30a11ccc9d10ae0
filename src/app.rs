//! The root component: owns the session reducer, restores it from storage or a share link, saves
//! it in an effect, and shows one screen at a time.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::clause::{install_words, words_ready, CLAUSE_WORDS};
use crate::components::header::header;
use crate::components::question::Ask;
use crate::components::results::results;
use crate::components::start::start;
use crate::components::{send, SessionHandle};
use crate::i18n::{self, date_label, tr, trf, Lang};
use crate::questions::question_text;
use crate::saved::{decode_link, decode_session, encode_session};
use crate::state::{Action, Link, Purpose, Screen, Session, SHARE_NOTICES};
use crate::{clock, web};
use hukou_engine::Field;

/// The session at page load: the stored one (or a fresh one, with a notice, if it cannot be
/// read), then the answers of a share link if the address carries one. The day judged on is the
/// device's when it can be right (`clock`); nothing stored is lost to a wrong clock.
fn initial_session() -> Session {
    let (today, wrong_clock) = clock::judged_day(web::device_today(), web::last_right_day());
    if wrong_clock.is_none() {
        web::keep_right_day(today);
    }
    let mut notice = None;
    let mut session = match web::load_stored().map(|text| decode_session(&text, today)) {
        None => Session::new(today),
        Some(Ok(restored)) => {
            if !restored.dropped.is_empty() {
                notice = Some("notice.stored_partly");
            }
            let mut session = restored.session;
            session.dropped = restored.dropped;
            session
        }
        Some(Err(_)) => {
            web::clear_stored();
            notice = Some("notice.stored_reset");
            Session::new(today)
        }
    };
    session.wrong_clock = wrong_clock;
    session.notice = notice;
    // A purpose tapped on the start screen the page's HTML carries, before the app had started
    // (`summary::first_screen`): the app begins there.
    let tapped = web::fragment();
    if let Some(purpose) = tapped.strip_prefix("#start-").and_then(Purpose::from_word) {
        web::clear_fragment();
        return Rc::unwrap_or_clone(Rc::new(session).reduce(Action::BeginWith(purpose)));
    }
    match link_in_address(today) {
        Ok(None) => {}
        Ok(Some(link)) => session.open_link(link),
        Err(()) => session.notice = Some("notice.bad_fragment"),
    }
    session.to_the_refused_answer();
    session
}

/// The share link in the address bar, if any, taken out of it (so a reload uses storage). A link
/// never judges on a day of its own: the device's date is used, and shown.
fn link_in_address(today: chrono::NaiveDate) -> Result<Option<Link>, ()> {
    let link = decode_link(&web::fragment(), today).map_err(|_| ());
    web::clear_fragment();
    link
}

/// The notices whose texts come with the questions' (fetched once the app has started): each
/// speaks of answers brought or set aside, as those texts do; the notice shows once they are here.
pub const NOTICES_AFTER_TEXTS: [&str; 6] = [
    "notice.stored_partly",
    "notice.link_partly",
    "notice.join_set_aside",
    "notice.link_purpose_unknown",
    "notice.loaded_fragment",
    "notice.bad_fragment",
];

/// What the person is told above the screen: a clock that cannot be right (and the day judged
/// on instead), and a notice (with its undo, or the choice a share link brings).
fn notices(session: &SessionHandle) -> Html {
    let lang = session.lang;
    html! {
        <>
                if let Some(device) = session.wrong_clock {
                    <div class="notice clock" role="alert" data-notice="clock.wrong">
                        <p>{ trf(lang, "clock.wrong", &[("device", &date_label(lang, device)), ("today", &date_label(lang, session.today))]) }</p>
                    </div>
                }
                // A notice that names answers comes with the questions' texts (`NOTICES_AFTER_TEXTS`).
                if let Some(notice) = session.notice.filter(|key| !SHARE_NOTICES.contains(key) && (i18n::has(lang, key) || i18n::has(Lang::ALL[0], key))) {
                    <div class="notice" role="status" data-notice={notice}>
                        <p>{ trf(lang, notice, &[("what", &dropped_names(session))]) }</p>
                        if session.incoming.is_some() {
                            <button class="primary" data-action="use-incoming" onclick={send(session, Action::UseIncoming)}>{ tr(lang, "incoming.use") }</button>
                            <button class="secondary" data-action="keep-own" onclick={send(session, Action::KeepOwn)}>{ tr(lang, "incoming.keep") }</button>
                        } else {
                            if session.undo.is_some() {
                                <button class="primary" data-action="undo" onclick={send(session, Action::Undo)}>{ tr(lang, "forget.undo") }</button>
                            }
                            <button class="secondary" data-action="dismiss" onclick={send(session, Action::DismissNotice)}>{ tr(lang, "nav.ok") }</button>
                        }
                    </div>
                }
        </>
    }
}

/// What storage or a link held that could not be kept, in words: each answer by its question,
/// the rest by what it was.
fn dropped_names(session: &Session) -> String {
    let lang = session.lang;
    let names: Vec<String> = (session.dropped.iter())
        .map(|path| match Field::from_path(path) {
            Some(field) if !matches!(field, Field::Member(i, _) if usize::from(i) >= session.answers.relatives().len()) => {
                question_text(session, field)
            }
            _ => {
                let key = format!("stored.{path}");
                tr(lang, if i18n::has(lang, &key) { &key } else { "stored.other" }).to_owned()
            }
        })
        .collect();
    i18n::joined_by(
        tr(lang, "punct.list"),
        &mut names.iter().map(String::as_str),
    )
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

/// Back means back: each new screen is a history entry (`web::screen_changed`, from the App's
/// screen effect); the browser's Back and Forward show the screen of the entry they land on (the
/// app's own Back goes through the browser's).
fn follow_browser_history(session: SessionHandle) {
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
}

/// Fetches the default language's texts of the questions and results, and draws the screen
/// again once they are here (its heading taking the focus, as a new screen's does).
pub fn fetch_results_texts(session: SessionHandle) {
    web::fetch_language(Lang::ALL[0], move |ready| {
        if ready {
            session.dispatch(Action::Redraw);
            web::focus_heading();
        }
    });
}

/// The screen on show. The questions' and the results' texts come after the start screen (the
/// page's build fetches them once the app has started): until they are here, say so.
fn screen(session: &SessionHandle) -> Html {
    let texts_here = i18n::is_ready(session.lang) || i18n::is_ready(Lang::ALL[0]);
    match session.screen {
        Screen::Start => start(session),
        _ if !texts_here => reading_texts(session),
        Screen::Ask(field) => html! { <Ask field={field} /> },
        Screen::Results => results(session),
    }
}

/// While the texts of the questions and results are on their way: what is happening, a way to
/// try again, and Back.
fn reading_texts(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let retry = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| fetch_results_texts(session.clone()))
    };
    html! {
        <section class="loading" aria-labelledby="loading-title">
            <h1 id="loading-title">{ tr(lang, "loading.results") }</h1>
            <p role="status">{ tr(lang, "loading.failed") }</p>
            <button class="primary" data-action="retry-texts" onclick={retry}>{ tr(lang, "nav.retry") }</button>
            <button class="secondary" data-action="back" onclick={crate::components::go_back(session)}>{ "← " }{ tr(lang, "nav.back") }</button>
        </section>
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let session = use_reducer(initial_session);
    // Read again at each draw (the address's query does not change): cheaper than a memo's code.
    let embedded = web::is_embedded();

    // Saved, and the page's language set, in one effect (each costs the page its own code): the
    // saved session changes whenever the language does.
    {
        let (stored, lang) = (encode_session(&session), session.lang);
        use_effect_with(stored, move |stored| {
            web::store(stored);
            web::set_document_lang(lang.html_lang());
        });
    }
    // Each new screen is a history entry (Back means back); the first results fetch the clauses'
    // words. A screen that replaced another takes taps only once it has been there a moment: the
    // second half of a double tap would answer what moved under the finger (`web::tap_allowed`;
    // `data-ready` on the screen says when). Not the first screen of a visit: no tap came before.
    let main = use_node_ref();
    {
        let (main, first) = (main.clone(), use_mut_ref(|| true));
        let session = session.clone();
        use_effect_with(session.screen, move |&screen| {
            web::focus_heading();
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !first {
                web::screen_changed(&screen.word());
            }
            web::screen_shown(main.cast::<web_sys::Element>(), first);
            // The clauses' words, when the results are first shown (not on a first paint).
            if screen == Screen::Results && !words_ready() {
                web::fetch_text(CLAUSE_WORDS, move |text| {
                    if text.is_some_and(|text| install_words(&text)) {
                        session.dispatch(Action::Redraw);
                    }
                });
            }
        });
    }
    // Once, after the first render (one effect for all: each costs the page its own code):
    // the browser's Back and Forward followed; 朗读 shows once the browser has a voice (the list fills in after load); a share link
    // opened in a tab that already shows the app changes only the fragment; the texts of the
    // results and of the questions' help (the page's build fetches them as `zh.json`), once the
    // app has started: not on a first paint, there before they are wanted.
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            let voices = session.clone();
            web::on_voices_changed(move || voices.dispatch(Action::Redraw));
            let links = session.clone();
            web::on_hash_change(move || match link_in_address(links.today) {
                Ok(None) => {}
                Ok(Some(link)) => links.dispatch(Action::OpenLink(link)),
                Err(()) => links.dispatch(Action::Notify("notice.bad_fragment")),
            });
            follow_browser_history(session.clone());
            if !i18n::is_ready(Lang::ALL[0]) {
                web::later(move || fetch_results_texts(session));
            }
        });
    }
    let screen = screen(&session);
    html! {
        <ContextProvider<SessionHandle> context={session.clone()}>
            <div class={app_class(session.elderly, embedded)}>
                { header(&session, embedded) }
                { notices(&session) }
                // While a share link's answers wait for the person's choice, no verdict shows: it
                // would be on answers they have not chosen yet.
                <main id="main" ref={main}>{ if session.incoming.is_none() { screen } else { Html::default() } }</main>
            </div>
        </ContextProvider<SessionHandle>>
    }
}
