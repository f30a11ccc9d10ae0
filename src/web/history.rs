//! The browser's Back and Forward buttons: each screen is a history entry, and Back and Forward
//! go to the screen of the entry they land on.
//!
//! Each entry the app pushes holds its depth (1, 2, ...; the page's own entry is depth 0) and
//! the screen it was pushed for, as the text "DEPTH SCREEN"; the page's own entry is named after
//! the screen the page opened on, unless it holds a state already (entries of older builds hold
//! the depth alone, as a number: Back over them is the reducer's Back). A `popstate` to a lower
//! depth is Back, to a higher one Forward. The depth is read back from the entry after a reload,
//! so Back keeps working over the entries pushed before it.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

thread_local! {
    /// The depth of the history entry the page is on (`None` until first read); and whether the
    /// screen is changing because of the browser's Back (then no entry is pushed for it).
    static DEPTH: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
    static POPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What the browser's Back and Forward do: each mounted app's reducer's.
    static MOVES: std::cell::RefCell<Vec<OnMove>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What one mounted app does when the browser moves over its entries.
type OnMove = Box<dyn Fn(Move)>;

/// A move through the browser's history over the app's entries, to the screen its entry names
/// (the word `screen_changed` was given), if it names one.
pub enum Move {
    Back(Option<String>),
    Forward(String),
}

/// The depth an entry's state holds: 0 for an entry the app did not push.
fn depth_of(state: &JsValue) -> u32 {
    let depth = match state.as_string() {
        Some(text) => text.split(' ').next().and_then(|d| d.parse().ok()),
        None => state.as_f64().filter(|d| *d >= 1.0).map(|d| d as u32),
    };
    depth.unwrap_or(0)
}

/// The screen an entry was pushed for, if it names one.
fn screen_of(state: &JsValue) -> Option<String> {
    let text = state.as_string()?;
    text.split_once(' ').map(|(_, screen)| screen.to_owned())
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

/// A history entry for a new screen (named by `screen`, a word without spaces), so the phone's
/// Back button moves one screen back inside the calculator and Forward comes back to it; none
/// when the screen changed because of Back or Forward itself.
pub fn screen_changed(screen: &str) {
    if POPPING.with(|p| p.replace(false)) {
        return;
    }
    let next = depth() + 1;
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let state = JsValue::from(format!("{next} {screen}"));
        if history.push_state(&state, "").is_ok() {
            DEPTH.with(|d| d.set(Some(next)));
        }
    }
}

/// A tap of the person's: a screen it brings is theirs, and gets its entry.
pub fn person_tapped() {
    POPPING.with(|p| p.set(false));
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

/// Calls `moved` when the browser goes back or forward over one of our entries. One listener
/// for the page, which moves every app mounted (a page has one; component tests mount several).
/// `first_screen` names the screen the page opened on, for its own entry.
pub fn on_history_move(first_screen: &str, moved: impl Fn(Move) + 'static) {
    if depth() == 0 {
        let history = window().and_then(|w| w.history().ok());
        if let Some(history) = history.filter(|h| h.state().is_ok_and(|s| s.is_null())) {
            let _ = history.replace_state(&JsValue::from(format!("0 {first_screen}")), "");
        }
    }
    let installed = MOVES.with(|m| {
        let mut apps = m.borrow_mut();
        apps.push(Box::new(moved));
        apps.len() > 1
    });
    let Some(w) = window().filter(|_| !installed) else {
        return;
    };
    let listener = gloo::events::EventListener::new(&w, "popstate", move |event| {
        // A share link followed in this tab changes only the fragment, which the browser also
        // reports as a `popstate` (to a new entry with no state): not a move back. The app's
        // `hashchange` listener reads the link and takes it out of the address.
        if !super::fragment().is_empty() {
            return;
        }
        let state = event
            .dyn_ref::<web_sys::PopStateEvent>()
            .map_or(JsValue::NULL, |e| e.state());
        let (from, to) = (depth(), depth_of(&state));
        DEPTH.with(|d| d.set(Some(to)));
        let send = |make: &dyn Fn() -> Move| {
            POPPING.with(|p| p.set(true));
            MOVES.with(|m| m.borrow().iter().for_each(|moved| moved(make())));
            // The screen the move draws takes the mark (`screen_changed`), however late a slow
            // phone draws it (the scheduler yields between tasks). Back at the first screen
            // changes nothing, and the next screen, one the person chose, must still get its
            // entry: the person's next tap clears the mark (`person_tapped`), else a second on.
            gloo::timers::callback::Timeout::new(1_000, person_tapped).forget();
        };
        if to < from {
            send(&|| Move::Back(screen_of(&state)));
        } else if let Some(screen) = screen_of(&state).filter(|_| to > from) {
            send(&|| Move::Forward(screen.clone()));
        }
    });
    listener.forget(); // lives as long as the page
}
