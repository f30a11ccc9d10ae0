//! The share link's QR code, from `qr.js` beside the page, loaded the first time one is wanted.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// The QR code of `text` from `qr.js` once it has run: its size in modules and its dark modules as
/// one SVG path; `None` before, or if the text does not fit.
pub fn qr_code(text: &str) -> Option<(u32, String)> {
    let encode = js_sys::Reflect::get(&window()?.into(), &"hukouQr".into()).ok()?;
    let encode: js_sys::Function = encode.dyn_into().ok()?;
    let code: js_sys::Array = encode
        .call1(&JsValue::NULL, &text.into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((code.get(0).as_f64()? as u32, code.get(1).as_string()?))
}

thread_local! {
    static QR_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Loads `qr.js` beside the page, once; `done` when it has run.
pub fn load_qr(done: impl FnOnce() + 'static) {
    if QR_ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("src", "./qr.js");
    gloo::events::EventListener::once(&script, "load", move |_| done()).forget();
    if let Some(body) = document.body() {
        let _ = body.append_child(&script);
    }
}
