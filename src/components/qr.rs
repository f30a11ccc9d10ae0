//! A QR code drawn as SVG, made in the page (nothing is fetched).

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub text: AttrValue,
    pub label: AttrValue,
}

#[function_component(Qr)]
pub fn qr(props: &QrProps) -> Html {
    let Ok(code) = QrCode::encode_text(&props.text, QrCodeEcc::Low) else {
        return html! {};
    };
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let view = format!("0 0 {0} {0}", size + 8);
    html! {
        <svg class="qr" viewBox={view} role="img" aria-label={props.label.clone()} shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
