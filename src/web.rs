//! The few browser calls the app makes, each failing quietly: storage can be blocked (private
//! mode, some web views), speech synthesis can be missing.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};

use crate::saved::STORAGE_KEY;

pub use embed::{is_embedded, report_height_to_host};
pub use history::{history_back, on_history_move, screen_changed, Move};
pub use print::{can_print, print};
pub use qr::{load_qr, qr_code};
pub use storage::{clear_stored, keep_right_day, last_right_day, load_stored, store};
pub use tap::{screen_shown, tap_allowed, SETTLE_MS};

mod embed;
mod history;
mod print;
mod qr;
mod storage;
mod tap;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The device's date, in its own time zone.
pub fn device_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN)
}

/// The URL fragment, with its `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `changed` whenever the fragment changes (a link followed in a tab already open). Lives
/// as long as the page.
pub fn on_hash_change(changed: impl Fn() + 'static) {
    if let Some(w) = window() {
        gloo::events::EventListener::new(&w, "hashchange", move |_| changed()).forget();
    }
}

/// Drops the fragment from the address bar without reloading, so a reload uses storage. The
/// entry keeps its state (the Back button's depth, `web/history.rs`); with no fragment, the
/// entry is left alone.
pub fn clear_fragment() {
    let Some(w) = window() else { return };
    let (Ok(path), Ok(search)) = (w.location().pathname(), w.location().search()) else {
        return;
    };
    if fragment().is_empty() {
        return;
    }
    if let Ok(history) = w.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{search}")));
    }
}

/// This page's address without query or fragment, for share links.
pub fn page_url() -> String {
    window()
        .and_then(|w| {
            Some(format!(
                "{}{}",
                w.location().origin().ok()?,
                w.location().pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

pub fn set_document_lang(lang: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang);
    }
}

/// Whether reading aloud can be heard: speech synthesis with at least one voice (engines that
/// have the interface but no voice would say nothing).
pub fn can_speak() -> bool {
    window()
        .filter(|w| js_sys::Reflect::has(w, &JsValue::from_str("speechSynthesis")).unwrap_or(false))
        .and_then(|w| w.speech_synthesis().ok())
        .is_some_and(|s| s.get_voices().length() > 0)
}

/// Calls `changed` whenever the engine's list of voices changes: browsers fill it in after the
/// page has loaded, so 朗读 appears once a voice is there.
pub fn on_voices_changed(changed: impl Fn() + 'static) {
    let Some(synth) = window()
        .filter(|w| js_sys::Reflect::has(w, &JsValue::from_str("speechSynthesis")).unwrap_or(false))
        .and_then(|w| w.speech_synthesis().ok())
    else {
        return;
    };
    // Lives as long as the page.
    gloo::events::EventListener::new(&synth, "voiceschanged", move |_| changed()).forget();
}

/// A wide screen (a desktop or tablet), where a QR code hands over to a phone.
pub fn is_wide() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 768.0)
}

/// Whether the browser offers this part of `navigator` here (some exist only over https, or not
/// in every web view).
fn offers(navigator: &web_sys::Navigator, name: &str) -> bool {
    js_sys::Reflect::get(navigator, &JsValue::from_str(name)).is_ok_and(|part| part.is_object())
}

/// Copies text to the clipboard, then says whether it was copied: not where the page has no
/// clipboard (plain http, some web views) or the browser refuses.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(navigator) = window()
        .map(|w| w.navigator())
        .filter(|n| offers(n, "clipboard"))
    else {
        return done(false);
    };
    let written = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}

pub fn speak(text: &str, lang: &str) {
    let Some(synth) = window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(lang);
        utterance.set_rate(0.9);
        synth.speak(&utterance);
    }
}

pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus to the screen's heading, so screen readers announce the new question, and the
/// page to its top. Done at the start of the next frame, where the browser lays the page out
/// anyway: focusing and scrolling at once would force a layout of its own, in the middle of the
/// tap (measured: about half of a tap's time on a slow phone).
pub fn focus_heading() {
    let Some(w) = window() else {
        return;
    };
    let focus = wasm_bindgen::closure::Closure::once_into_js(|| {
        let heading = window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.set_attribute("tabindex", "-1");
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
        scroll_to_top();
    });
    let _ = w.request_animation_frame(focus.unchecked_ref());
}

/// Moves the focus to the element with this id, at the next frame (after it is drawn); with
/// `to_top`, scrolled to the top of the screen first (focus alone brings a heading of two lines
/// that is above the screen only to its last line, in Firefox and WebKit).
pub fn focus_by_id(id: &str, to_top: bool) {
    let Some(w) = window() else {
        return;
    };
    let id = id.to_owned();
    let focus = wasm_bindgen::closure::Closure::once_into_js(move || {
        let element = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            if to_top {
                element.scroll_into_view();
            }
            let _ = element.focus();
        }
    });
    let _ = w.request_animation_frame(focus.unchecked_ref());
}

/// Where the app goes (`#app`), with what the page drew before it taken away: its own start
/// screen and summary (`summary`), and its mark for large text (the app's class says it now).
pub fn app_root() -> Option<web_sys::Element> {
    let document = window().and_then(|w| w.document())?;
    let drawn = ["first-screen", "static-summary"].map(|id| document.get_element_by_id(id));
    for element in drawn.into_iter().flatten() {
        element.remove();
    }
    let _ = document.document_element()?.remove_attribute("class");
    document.get_element_by_id("app")
}

/// Fetches a text file of the page (same origin: the service worker has it offline), then calls
/// `done` with it, or with `None` if it cannot be had.
pub fn fetch_text(url: &str, done: impl FnOnce(Option<String>) + 'static) {
    fetch_text_boxed(url, Box::new(done))
}

/// Fetches the table of `lang` (`<code>.json`) and installs it, then calls `done` with whether
/// the language is ready.
pub fn fetch_language(lang: crate::i18n::Lang, done: impl FnOnce(bool) + 'static) {
    fetch_language_boxed(lang, Box::new(done))
}

/// One copy for every caller, as `fetch_text_boxed`.
fn fetch_language_boxed(lang: crate::i18n::Lang, done: Box<dyn FnOnce(bool)>) {
    fetch_text(&lang.table_file(), move |text| {
        done(text.is_some_and(|text| crate::i18n::install_texts(lang, &text)))
    });
}

/// One copy of the fetching code for every caller (a generic one was compiled once per caller).
fn fetch_text_boxed(url: &str, done: Box<dyn FnOnce(Option<String>)>) {
    use wasm_bindgen_futures::JsFuture;
    let Some(w) = window() else { return done(None) };
    let request = w.fetch_with_str(url);
    wasm_bindgen_futures::spawn_local(async move {
        let text = async {
            let response: web_sys::Response =
                JsFuture::from(request).await.ok()?.dyn_into().ok()?;
            if !response.ok() {
                return None;
            }
            JsFuture::from(response.text().ok()?)
                .await
                .ok()?
                .as_string()
        };
        done(text.await);
    });
}

/// Runs `step` in a task of its own, after the browser has had a turn: start-up is split so
/// that no single task blocks a slow phone long (each long task delays the first tap).
pub fn later(step: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, step).forget();
}

/// Registers the service worker that keeps the calculator working offline; where service
/// workers are missing or refused (some web views, embedded frames), nothing changes.
pub fn register_service_worker() {
    let Some(w) = window() else { return };
    if !offers(&w.navigator(), "serviceWorker") {
        return;
    }
    // The WebAssembly-1.0 build's page (mvp/) registers the main build's worker too: an old
    // engine is sent there from the main page, which it then opens offline (and is sent on).
    let in_mvp = w.location().pathname().is_ok_and(|p| p.ends_with("/mvp/"));
    let workers: &[&str] = if in_mvp {
        &["sw.js", "../sw.js"]
    } else {
        &["sw.js"]
    };
    // A rejected registration (e.g. a sandboxed frame) is not an error for the person.
    let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
    for worker in workers {
        let _ = w
            .navigator()
            .service_worker()
            .register(worker)
            .catch(&ignore);
    }
    ignore.forget();
}
