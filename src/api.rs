//! `window.hukou.evaluate(answers)`: the engine for a page that embeds or scripts the calculator.
//! It returns the outcome of the contract, exactly as the command line prints it for the same
//! answers (the device's date stands in for a missing `today`), or throws an `Error` whose
//! message is the command line's one-line complaint. `hukou:ready` fires on `window` once it is
//! there.

use hukou_engine::answers::MAX_INPUT_BYTES;
use hukou_engine::field::RELATIVES;
use hukou_engine::{Facts, InputError, InputErrorKind};
use wasm_bindgen::prelude::*;

use crate::web;

/// The outcome for a JavaScript answers object, or the command line's error line.
pub fn evaluate_js(answers: JsValue) -> Result<JsValue, JsValue> {
    let fail = |message: String| JsValue::from(js_sys::Error::new(&message));
    refuse_what_json_hides(&answers).map_err(|e| fail(e.to_string()))?;
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
    let facts = Facts::from_json(&text, web::device_today()).map_err(|e| fail(e.to_string()))?;
    // The outcome alone: the trace is the command line's `--explain`, which nobody reads here.
    let outcome = hukou_engine::evaluate::outcome(&facts);
    // And back through JSON text: the engine's serializer is already in the page.
    let outcome = serde_json::to_string(&outcome).map_err(|e| fail(e.to_string()))?;
    js_sys::JSON::parse(&outcome)
}

/// The most fields an answers object (or a relative) is read with: the contract has a score of
/// them; more is refused before anything is written out.
const MOST_FIELDS: u32 = 200;

/// What JSON text would silently drop or take long over, refused by name: an object with more
/// fields than the contract could have, and a field (or a relative's) that is a function or a
/// symbol, which JSON would leave out as if unanswered.
fn refuse_what_json_hides(answers: &JsValue) -> Result<(), InputError> {
    let Some(object) = answers
        .dyn_ref::<js_sys::Object>()
        .filter(|_| answers.is_object())
    else {
        return Ok(());
    };
    let check = |object: &js_sys::Object, path: &dyn Fn(&str) -> String| {
        let keys = js_sys::Object::keys(object);
        if keys.length() > MOST_FIELDS {
            let max = MOST_FIELDS as usize;
            let field = path("").trim_end_matches('.').to_owned();
            let field = if field.is_empty() {
                "input".to_owned()
            } else {
                field
            };
            return Err(InputError::new(field, InputErrorKind::TooMany { max }));
        }
        for key in keys.iter().filter_map(|k| k.as_string()) {
            let value =
                js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::NULL);
            if value.is_function() || value.is_symbol() {
                let expected = "a JSON value, not a function or symbol";
                return Err(InputError::new(
                    path(&key),
                    InputErrorKind::WrongType { expected },
                ));
            }
        }
        Ok(())
    };
    check(object, &|key| key.to_owned())?;
    let family = js_sys::Reflect::get(object, &RELATIVES.name().into()).unwrap_or(JsValue::NULL);
    if let Some(members) = family.dyn_ref::<js_sys::Array>() {
        for (i, member) in members.iter().enumerate().take(MOST_FIELDS as usize) {
            if let Some(member) = member
                .dyn_ref::<js_sys::Object>()
                .filter(|_| member.is_object())
            {
                check(member, &|key| format!("{}[{i}].{key}", RELATIVES.name()))?;
            }
        }
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
