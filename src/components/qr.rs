//! The share link's QR code, drawn as SVG on wide screens (a desk handing over to a phone). Its
//! encoder is `qr.js`, beside the page (nothing from elsewhere), fetched the first time a code is
//! wanted: it is not part of the page's first download (the service worker keeps a copy for
//! offline use).

use yew::prelude::*;

use crate::components::SessionHandle;
use crate::state::Action;
use crate::web;

/// The code for `text` with `label` as its accessible name; nothing until `qr.js` is here (it is
/// asked for then, and the screen drawn again once it has come), nor if the text is too long.
pub fn qr(session: &SessionHandle, text: &str, label: &str) -> Html {
    let Some((size, path)) = web::qr_code(text) else {
        let session = session.clone();
        web::load_qr(move || session.dispatch(Action::Redraw));
        return html! {};
    };
    let view = format!("0 0 {0} {0}", size + 8);
    html! {
        <svg class="qr" viewBox={view} role="img" aria-label={label.to_owned()} shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
