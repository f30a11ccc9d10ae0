//! Small function components, one per file: they read the session from context and send
//! `Action`s to its reducer. Parts without state of their own (header, start, results, clause,
//! QR code) are plain view functions, which cost far fewer bytes of wasm than a component each.

pub mod bottom_line;
pub mod clause;
pub mod date_answer;
pub mod family;
pub mod header;
pub mod place_picker;
pub mod qr;
pub mod question;
pub mod results;
pub mod start;

use yew::prelude::*;

use hukou_engine::Field;

use crate::state::Session;

/// What a component that asks about one field is given: the field.
#[derive(Properties, PartialEq)]
pub struct AskProps {
    pub field: Field,
}

/// The session and its reducer, shared through context.
pub type SessionHandle = UseReducerHandle<Session>;

/// The session from context (the app always provides it).
#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().expect("the app provides the session")
}

/// A callback that sends one action, when the tap is the person's (`tap`). (The action itself,
/// not a closure making it: one callback's code for every button.)
pub fn send(session: &SessionHandle, action: crate::state::Action) -> Callback<MouseEvent> {
    let session = session.clone();
    Callback::from(move |_| tap(&session, action.clone()))
}

/// Sends an action a tap asked for, unless the tap came just as the screen changed under it
/// (the second half of a double tap): then it is not taken.
pub fn tap(session: &SessionHandle, action: crate::state::Action) {
    if crate::web::tap_allowed() {
        session.dispatch(action);
    }
}

/// The app's own Back button: through the browser's history, so the phone's Back and this one
/// agree.
pub fn go_back(session: &SessionHandle) -> Callback<MouseEvent> {
    let session = session.clone();
    Callback::from(move |_| {
        if !crate::web::history_back() {
            session.dispatch(crate::state::Action::Back);
        }
    })
}
