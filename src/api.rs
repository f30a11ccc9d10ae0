//! `window.hukou.evaluate(answers)`: the engine for a page that embeds or scripts the calculator.
//! It returns the outcome of the contract, exactly as the command line prints it for the same
//! answers (the device's date stands in for a missing `today`), or throws an `Error` whose
//! message is the command line's one-line complaint. `hukou:ready` fires on `window` once it is
//! there.

use hukou_engine::answers::MAX_INPUT_BYTES;
use hukou_engine::{Facts, InputError, InputErrorKind};
use wasm_bindgen::prelude::*;

use crate::web;

/// The outcome for a JavaScript answers object, or the command line's error line.
pub fn evaluate_js(answers: JsValue) -> Result<JsValue, JsValue> {
    let fail = |message: String| JsValue::from(js_sys::Error::new(&message));
    refuse_what_json_hides(&answers, None).map_err(|e| fail(e.to_string()))?;
    // Through JSON text, so the engine's one decoder (and its limits) judges it. JSON has no
    // Infinity or NaN: stringify writes null ("not answered") for them. So when the text has a
    // null, it is written again with a replacer that keeps them as the words they are, which the
    // decoder refuses under the field's name. (The replacer calls into the wasm for every value:
    // most answers have no null and skip it.)
    // A value JSON cannot hold (a cycle, a BigInt, a getter that throws): named by what the
    // browser says of it.
    let text = js_sys::JSON::stringify(&answers).map_err(|e| {
        let why = js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default();
        fail(InputError::new("input", InputErrorKind::NotJson(why)).to_string())
    })?;
    let text = Some(text)
        .filter(|text| text.is_string()) // stringify gives undefined for a function, say
        .ok_or_else(|| fail(InputError::not_an_object().to_string()))?;
    let text = if text.includes("null", 0) {
        let keep_non_finite =
            Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key, value: JsValue| match value
                .as_f64()
            {
                Some(n) if n.is_nan() => JsValue::from_str("NaN"),
                Some(n) if n.is_infinite() => {
                    JsValue::from_str(if n > 0.0 { "Infinity" } else { "-Infinity" })
                }
                _ => value,
            });
        js_sys::JSON::stringify_with_replacer(&answers, keep_non_finite.as_ref())
            .map_err(|_| fail(InputError::not_an_object().to_string()))?
    } else {
        text
    };
    // Refused before it is copied into the page's memory when it cannot fit the limit.
    if text.length() as usize > MAX_INPUT_BYTES {
        return Err(fail(InputError::too_large().to_string()));
    }
    let text = text
        .as_string()
        .ok_or_else(|| fail(InputError::not_an_object().to_string()))?;
    refuse_what_json_hides(&answers, Some(&text)).map_err(|e| fail(e.to_string()))?;
    let facts = Facts::from_json(&text, web::device_today()).map_err(|e| fail(e.to_string()))?;
    // The outcome alone: the trace is the command line's `--explain`, which nobody reads here.
    let outcome = hukou_engine::evaluate::outcome(&facts);
    // And back through JSON text: the engine's serializer is already in the page. (An outcome
    // always serialises; serde_json's messages are left out of the page.)
    let outcome =
        serde_json::to_string(&outcome).map_err(|_| fail("outcome not written".into()))?;
    js_sys::JSON::parse(&outcome)
}

/// The most fields an answers object is read with: the contract has a score of them; more is
/// refused before anything is written out.
const MOST_FIELDS: u32 = 200;

/// What JSON text would silently drop or take long over, refused by name: an object with more
/// fields than the contract could have, and a field that is a function or a symbol, which JSON
/// would leave out as if unanswered (`written`: the object as JSON wrote it, its fields counted
/// against the object's own).
fn refuse_what_json_hides(answers: &JsValue, written: Option<&str>) -> Result<(), InputError> {
    let Some(object) = answers
        .dyn_ref::<js_sys::Object>()
        .filter(|_| answers.is_object() && !js_sys::Array::is_array(answers))
    else {
        return Ok(());
    };
    let values = js_sys::Object::values(object);
    if values.length() > MOST_FIELDS {
        return Err(InputError::new(
            "input",
            InputErrorKind::TooMany {
                max: MOST_FIELDS as usize,
            },
        ));
    }
    let kept = written
        .and_then(|text| js_sys::JSON::parse(text).ok())
        .and_then(|v| v.dyn_into::<js_sys::Object>().ok())
        .map(|o| js_sys::Object::keys(&o).length());
    // `undefined` is left out as unanswered, as the contract's absent field.
    let given = values.iter().filter(|v| !v.is_undefined()).count() as u32;
    if kept.is_some_and(|kept| kept < given) {
        let expected = "JSON values only (a function or a symbol is none)";
        return Err(InputError::new(
            "input",
            InputErrorKind::WrongType { expected },
        ));
    }
    Ok(())
}

/// Puts `hukou.evaluate` on `window` and announces it with a `hukou:ready` event.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let evaluate = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(evaluate_js);
    let version = JsValue::from_str(env!("CARGO_PKG_VERSION"));
    let _ = js_sys::Reflect::set(&api, &"evaluate".into(), evaluate.as_ref());
    let _ = js_sys::Reflect::set(&api, &"version".into(), &version);
    evaluate.forget(); // lives as long as the page
    let _ = js_sys::Reflect::set(&window, &"hukou".into(), &api);
    if let Ok(event) = web_sys::CustomEvent::new("hukou:ready") {
        let _ = window.dispatch_event(&event);
    }
}
