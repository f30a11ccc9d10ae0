//! One tap, one answer: a screen that replaced another ignores taps for a moment, so the second
//! half of a double tap never answers a question the person has not seen.

thread_local! {
    /// When the screen on show was drawn, and how many screens have been.
    static SHOWN: std::cell::Cell<(f64, u32)> = const { std::cell::Cell::new((0.0, 0)) };
}

/// How long a screen that replaced another ignores taps: longer than two taps of a double tap
/// apart, shorter than anyone reads a question.
pub const SETTLE_MS: u32 = 400;

/// A screen was drawn (`first`: the first of the visit, which takes taps at once): taps are not
/// taken for `SETTLE_MS`, after which `main` says `data-ready`.
pub fn screen_shown(main: Option<web_sys::Element>, first: bool) {
    let now = if first { 0.0 } else { js_sys::Date::now() };
    let shown = SHOWN.with(|s| {
        let shown = s.get().1.wrapping_add(1);
        s.set((now, shown));
        shown
    });
    let Some(main) = main else { return };
    let _ = main.remove_attribute("data-ready");
    let ready = move || {
        if SHOWN.with(|s| s.get().1) == shown {
            let _ = main.set_attribute("data-ready", "");
        }
    };
    match first {
        true => ready(),
        false => {
            gloo::timers::callback::Timeout::new(SETTLE_MS, ready).forget();
        }
    }
}

/// Whether a tap now is the person's answer to what is on screen (not the second half of a
/// double tap that changed the screen).
pub fn tap_allowed() -> bool {
    let (shown, _) = SHOWN.with(|s| s.get());
    let allowed = js_sys::Date::now() - shown >= f64::from(SETTLE_MS);
    if allowed {
        super::history::person_tapped();
    }
    allowed
}
