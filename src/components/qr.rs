//! A QR code drawn as SVG, made in the page (nothing is fetched).

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

/// The code for `text` with `label` as its accessible name; nothing if the text is too long.
pub fn qr(text: &str, label: &str) -> Html {
    let Ok(code) = QrCode::encode_text(text, QrCodeEcc::Low) else {
        return html! {};
    };
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + 4, y + 4);
            }
        }
    }
    let view = format!("0 0 {0} {0}", size + 8);
    html! {
        <svg class="qr" viewBox={view} role="img" aria-label={label.to_owned()} shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
