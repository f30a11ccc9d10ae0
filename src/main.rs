//! Entry point of the web app (built by Trunk for wasm32).

use chenzhou_hukou::app::App;
use chenzhou_hukou::{api, i18n, saved, web};

/// The page's allocator: smaller in the wasm than the standard library's dlmalloc, a
/// reallocation always moving (`disable-realloc-in-place`); docs/size-and-speed.md has the
/// figures. The page's WebAssembly runs on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // Three tasks, not one: instantiating, the first render, then what no one waits for.
    web::later(|| {
        // Someone who chose another language before sees it from the first screen: its table
        // first.
        match web::load_stored().and_then(|text| saved::stored_lang(&text)) {
            // Without its table, the page starts in the default language.
            Some(lang) if !i18n::is_ready(lang) => web::fetch_language(lang, |_| mount()),
            _ => mount(),
        }
    });
}

/// Renders the app into `#app` (or the body, should the page lack it).
fn mount() {
    match web::app_root() {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
    web::later(|| {
        api::install();
        if web::is_embedded() {
            web::report_height_to_host();
        } else {
            web::register_service_worker();
        }
    });
}
