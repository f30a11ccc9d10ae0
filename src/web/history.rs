//! The browser's Back button: each screen is a history entry, and Back goes to the previous
//! question.
//!
//! Each entry the app pushes holds its depth (1, 2, ...; the page's own entry has none, depth
//! 0). A `popstate` to a lower depth is Back; to a higher one, Forward, which the app has no
//! screen for: it is let be. The depth is read back from the entry after a reload, so Back keeps
//! working over the entries pushed before it.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

thread_local! {
    /// The depth of the history entry the page is on (`None` until first read); and whether the
    /// screen is changing because of the browser's Back (then no entry is pushed for it).
    static DEPTH: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
    static POPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What the browser's Back does: each mounted app's reducer's Back.
    static BACK: std::cell::RefCell<Vec<Box<dyn Fn()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The depth an entry's state holds: 0 for an entry the app did not push.
fn depth_of(state: &JsValue) -> u32 {
    state.as_f64().filter(|d| *d >= 1.0).map_or(0, |d| d as u32)
}

/// The depth of the current entry, read from the browser the first time (after a reload it
/// is the entry the person was on).
fn depth() -> u32 {
    DEPTH.with(|d| {
        d.get().unwrap_or_else(|| {
            let read = window()
                .and_then(|w| w.history().ok())
                .and_then(|h| h.state().ok())
                .map_or(0, |state| depth_of(&state));
            d.set(Some(read));
            read
        })
    })
}

/// A history entry for a new screen, so the phone's Back button moves one screen back inside
/// the calculator; none when the screen changed because of Back itself.
pub fn screen_changed() {
    if POPPING.with(|p| p.replace(false)) {
        return;
    }
    let next = depth() + 1;
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        if history.push_state(&JsValue::from(next), "").is_ok() {
            DEPTH.with(|d| d.set(Some(next)));
        }
    }
}

/// The app's own Back: through the browser's history while it holds our entries, so both agree;
/// `false` when the app must go back by itself.
pub fn history_back() -> bool {
    if depth() == 0 {
        return false;
    }
    window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| h.back().is_ok())
}

/// Calls `back` when the browser goes back over one of our entries. One listener for the page,
/// which goes back in every app mounted (a page has one; component tests mount several).
pub fn on_history_back(back: impl Fn() + 'static) {
    depth(); // read before any entry is pushed or left
    let installed = BACK.with(|b| {
        let mut apps = b.borrow_mut();
        apps.push(Box::new(back));
        apps.len() > 1
    });
    let Some(w) = window().filter(|_| !installed) else {
        return;
    };
    let listener = gloo::events::EventListener::new(&w, "popstate", move |event| {
        let state = event
            .dyn_ref::<web_sys::PopStateEvent>()
            .map_or(JsValue::NULL, |e| e.state());
        let (from, to) = (depth(), depth_of(&state));
        DEPTH.with(|d| d.set(Some(to)));
        if to < from {
            POPPING.with(|p| p.set(true));
            BACK.with(|b| b.borrow().iter().for_each(|back| back()));
            // Back at the first screen changes nothing, and the next screen, one the person
            // chose, must still get its entry. (The app draws in microtasks, before this task.)
            super::later(|| POPPING.with(|p| p.set(false)));
        }
    });
    listener.forget(); // lives as long as the page
}
