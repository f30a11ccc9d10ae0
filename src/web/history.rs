//! The browser's Back button: each screen is a history entry, and Back goes to the previous
//! question.

use wasm_bindgen::JsValue;

use super::window;

thread_local! {
    /// History entries this page pushed and not yet gone back over; and whether the screen is
    /// changing because of the browser's Back (then no entry is pushed for it).
    static PUSHED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static POPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What the browser's Back does: each mounted app's reducer's Back.
    static BACK: std::cell::RefCell<Vec<Box<dyn Fn()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A history entry for a new screen, so the phone's Back button moves one screen back inside
/// the calculator; none when the screen changed because of Back itself.
pub fn screen_changed() {
    if POPPING.with(|p| p.replace(false)) {
        return;
    }
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        if history
            .push_state(&JsValue::from(PUSHED.with(|p| p.get()) as u32 + 1), "")
            .is_ok()
        {
            PUSHED.with(|p| p.set(p.get() + 1));
        }
    }
}

/// The app's own Back: through the browser's history while it holds our entries, so both agree;
/// `false` when the app must go back by itself.
pub fn history_back() -> bool {
    if PUSHED.with(|p| p.get()) == 0 {
        return false;
    }
    window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| h.back().is_ok())
}

/// Calls `back` when the browser goes back over one of our entries. One listener for the page,
/// which goes back in every app mounted (a page has one; component tests mount several).
pub fn on_history_back(back: impl Fn() + 'static) {
    let installed = BACK.with(|b| {
        let mut apps = b.borrow_mut();
        apps.push(Box::new(back));
        apps.len() > 1
    });
    let Some(w) = window().filter(|_| !installed) else {
        return;
    };
    let listener = gloo::events::EventListener::new(&w, "popstate", move |_| {
        if PUSHED.with(|p| p.get()) > 0 {
            PUSHED.with(|p| p.set(p.get() - 1));
            POPPING.with(|p| p.set(true));
            BACK.with(|b| b.borrow().iter().for_each(|back| back()));
        }
    });
    listener.forget(); // lives as long as the page
}
