//! Small function components, one per file: they read the session from context and send
//! `Action`s to its reducer. Parts without state of their own (header, start, results, clause,
//! QR code) are plain view functions, which cost far fewer bytes of wasm than a component each.

pub mod clause;
pub mod family;
pub mod header;
pub mod place_picker;
pub mod qr;
pub mod question;
pub mod results;
pub mod start;

use std::rc::Rc;

use yew::prelude::*;

use crate::state::Session;

/// The session and its reducer, shared through context.
pub type SessionHandle = UseReducerHandle<Session>;

/// The session from context (the app always provides it).
#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().expect("the app provides the session")
}

/// A callback that sends one action.
pub fn send(
    session: &SessionHandle,
    make: impl Fn() -> crate::state::Action + 'static,
) -> Callback<MouseEvent> {
    let session = session.clone();
    Callback::from(move |_| session.dispatch(make()))
}

/// Shared read-only data for components that only display.
pub type Shared<T> = Rc<T>;
