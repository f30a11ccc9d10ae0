//! Inside the city site's frame: knowing it, and telling the site the page's height.

use wasm_bindgen::JsCast;

use super::window;

/// Whether the page runs inside the city site's frame (`?embed=1`, set by embed.js).
pub fn is_embedded() -> bool {
    window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .any(|p| p == "embed=1")
        })
}

/// The host page's origin, from the `host` parameter embed.js adds to the frame's URL, if it is
/// an origin as `location.origin` writes it (`https://host[:port]`: no path, user or wildcard).
fn host_origin(search: &str) -> Option<&str> {
    let host = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("host="))?;
    let rest = host
        .strip_prefix("https://")
        .or_else(|| host.strip_prefix("http://"))?;
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.:[]".contains(&b);
    (!rest.is_empty() && rest.bytes().all(allowed)).then_some(host)
}

/// In a frame, tells the host page the content's height whenever it changes, and nothing else;
/// only the host's origin receives it.
pub fn report_height_to_host() {
    use wasm_bindgen::closure::Closure;
    let Some(w) = window() else { return };
    let search = w.location().search().unwrap_or_default();
    let (Some(parent), Some(root), Some(host)) = (
        w.parent().ok().flatten(),
        w.document().and_then(|d| d.get_element_by_id("app")),
        host_origin(&search).map(str::to_owned),
    ) else {
        return;
    };
    let measured = root.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"hukou:height".into());
        let height = measured.get_bounding_client_rect().height().ceil();
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &host);
    });
    match web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        Ok(observer) => observer.observe(&root),
        // Without ResizeObserver (old web views), report on a slow timer instead.
        Err(_) => {
            let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
                post.as_ref().unchecked_ref(),
                500,
            );
        }
    }
    post.forget();
}
