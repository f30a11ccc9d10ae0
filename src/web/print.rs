//! Printing the results (on paper every folded part is open: the print style sheet).

use super::window;

/// Whether printing does something: not in the web views of iPhone apps (WeChat among them),
/// where `print()` is ignored.
pub fn can_print() -> bool {
    let ua = window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let ios = ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod");
    !(ios && (ua.contains("MicroMessenger") || !ua.contains("Safari")))
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}
