//! The browser's storage: the session, and the last day the device gave that could be right.
//! Where storage is blocked (private mode, some web views) nothing is kept, and nothing fails.

use chrono::NaiveDate;

use super::{window, STORAGE_KEY};

/// The last day the device gave that could be right (`clock::DAY_KEY`), if kept.
pub fn last_right_day() -> Option<NaiveDate> {
    let text = storage()?.get_item(crate::clock::DAY_KEY).ok()??;
    hukou_engine::answers::parse_date(&text)
}

/// Keeps a day that could be right, for a later visit with a wrong clock.
pub fn keep_right_day(day: NaiveDate) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(crate::clock::DAY_KEY, &crate::clock::iso(day));
    }
}

pub(super) fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

pub fn load_stored() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok()?
}

pub fn store(text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, text);
    }
}

pub fn clear_stored() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}
