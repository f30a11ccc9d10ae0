//! One question on its own screen, with large answer buttons, help, "not sure", Back and
//! "show what I know so far".

use hukou_engine::field::HOME;
use hukou_engine::field::{Given, Value};
use hukou_engine::words::PriorityGroup;
use hukou_engine::Field;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::date_answer::DateAnswer;
use crate::components::family::FamilyEditor;
use crate::components::place_picker::PlacePicker;
use crate::components::{go_back, send, tap, use_session, AskProps, SessionHandle};
use crate::i18n::{has, tr, tr_of, trf};
use crate::places::place_name;
use crate::questions::{about, choice_label, help_key, place_label, question, question_text, Kind};
use crate::state::{Action, Purpose};
use crate::web;

/// How the question is answered: choice buttons, or an answer component of its kind.
fn answer_body(session: &SessionHandle, field: Field, kind: Kind, current: Option<&Given>) -> Html {
    let lang = session.lang;
    let choice_button = |label: String, value: Value| {
        let pressed = current == Some(&Given::One(value));
        // As the contract writes it: the button's `data-value` (a word in quotes, or a yes/no).
        let data = match (value.word(), value) {
            (Some(word), _) => format!("\"{word}\""),
            (None, Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        };
        let session = session.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            tap(&session, Action::Answer(field, Given::One(value)))
        });
        html! {
            <button class="choice" data-value={data} aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };

    match kind {
        Kind::Choice { words, .. } | Kind::Place { words, .. } => html! {
            <div class="choices">
                { for words.iter().filter_map(|&w| Some(choice_button(choice_label(session, field, w).to_owned(), field.value_of(w)?))) }
            </div>
        },
        Kind::YesNo => html! {
            <div class="choices two">
                { choice_button(tr(lang, "choice.yes").to_owned(), Value::Bool(true)) }
                { choice_button(tr(lang, "choice.no").to_owned(), Value::Bool(false)) }
            </div>
        },
        Kind::Months => html! { <InputAnswer key={field.to_string()} field={field} /> },
        Kind::Date => html! { <DateAnswer key={field.to_string()} field={field} /> },
        Kind::Several { .. } => html! { <SeveralAnswer key={field.to_string()} field={field} /> },
        Kind::Family => html! { <FamilyEditor key={field.to_string()} /> },
    }
}

#[function_component(Ask)]
pub fn ask(props: &AskProps) -> Html {
    let session = use_session();
    let lang = session.lang;
    let field = props.field;
    let q = question(field);
    let current = session.answers.given(field);
    let current_word = current.as_ref().and_then(Given::word);
    let (done, left, relatives) = session.progress();
    // The question screen stays mounted from one question to the next (only what differs is
    // redrawn), so this is kept per field.
    let picking = use_state(|| None::<Field>);
    let picking_place = *picking == Some(field);
    let title = question_text(&session, field);
    let is_place = matches!(q.kind, Kind::Place { .. });
    // The help comes with the texts fetched after the first screens (the page's build): until
    // then the question stands alone.
    let help_key = help_key(&session, field);
    let help = match has(lang, &help_key) {
        true => about(&session, &help_key),
        false => String::new(),
    };

    let body = answer_body(&session, field, q.kind, current.as_ref());

    let speak = {
        let text = format!("{title} {help}");
        let code = lang.html_lang();
        Callback::from(move |_: MouseEvent| web::speak(&text, code))
    };

    html! {
        <section class="question" aria-labelledby="question-title" data-field={field.to_string()}>
            <p class="progress" aria-live="polite">
                // Within the family's one step, its questions counted down.
                { trf(lang, ["progress", "progress.relatives"][usize::from(relatives > 0)], &[("done", &done.to_string()), ("left", &left.to_string()), ("relatives", &relatives.to_string())]) }
            </p>
            <progress max={(done + left).max(1).to_string()} value={done.to_string()} aria-hidden="true"></progress>
            // A new heading element for each question, which takes the focus: screen readers
            // announce it.
            <h1 id="question-title" key={field.to_string()}>{ title.clone() }</h1>
            <p class="help">{ help }</p>
            if web::can_speak() {
                <button class="tool speak" onclick={speak}>{ tr(lang, "read_aloud") }</button>
            }
            if let Some(error) = session.error.as_deref().filter(|_| q.kind != Kind::Family) {
                <p class="error" role="alert">{ tr(lang, error) }</p>
            }
            if is_place && picking_place {
                <PlacePicker />
            } else {
                { body }
            }
            // What the picker decided, still said when the person comes back to this question.
            if let (true, Some(name), Some(area)) = (is_place, session.place, current_word) {
                <p class="place-counted" data-place-counted={name}>{ trf(lang, "place.counted", &[("name", &place_name(lang, name)), ("area", &place_label(lang, area))]) }</p>
            }
            if is_place && !picking_place {
                <button class="secondary" data-action="find-place" onclick={{ let p = picking.clone(); Callback::from(move |_| p.set(Some(field))) }}>
                    { tr(lang, "place.find") }
                </button>
            }
            // Living in a spouse's, child's or parent's home: 3.1 / 3.2 let the person come along
            // with them, so the questions turn to that relative.
            if field == HOME && matches!(session.purpose, None | Some(Purpose::Settle)) {
                <button class="secondary" data-action="join" onclick={send(&session, Action::BeginWith(Purpose::Join))}>{ tr(lang, "join.offer") }</button>
            }
            <div class="nav">
                if q.not_sure {
                    <button class="secondary" data-action="skip" onclick={send(&session, Action::Skip(field))}>{ tr(lang, "nav.not_sure") }</button>
                }
                if q.not_yet {
                    <button class="secondary" data-action="skip" onclick={send(&session, Action::Skip(field))}>{ tr(lang, "nav.not_yet") }</button>
                }
                <button class="secondary" data-action="back" onclick={go_back(&session)}>{ "← " }{ tr(lang, "nav.back") }</button>
                <button class="secondary" data-action="results" onclick={send(&session, Action::ShowResults)}>{ tr(lang, "nav.results") }</button>
            </div>
        </section>
    }
}

/// A number of months, typed, then confirmed.
#[function_component(InputAnswer)]
fn input_answer(props: &AskProps) -> Html {
    let session = use_session();
    let lang = session.lang;
    let field = props.field;
    let input = use_node_ref();
    let initial = match session.answers.given(field) {
        Some(Given::One(Value::Count(months))) => months.to_string(),
        _ => String::new(),
    };
    let confirm = {
        let (session, input) = (session.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            // Over the limit is the engine's to refuse; what is no whole number at all, the page's.
            let action = match el.value().trim().parse::<u32>() {
                Ok(months) => Action::Answer(field, Given::One(Value::Count(months))),
                Err(_) => Action::Unreadable(field),
            };
            tap(&session, action);
        })
    };
    html! {
        // The page says what is wrong, in the person's language, in every browser: the browser's
        // own checks (a bubble some web views never show) are off.
        <form class="typed" onsubmit={confirm} novalidate=true>
            <label for="answer-input" class="visually-hidden">{ tr(lang, &question(field).key) }</label>
            <input id="answer-input" ref={input} type="number" inputmode="numeric" min="0" max="1200" value={initial} required=true />
            <span class="unit">{ tr(lang, "unit.months") }</span>
            <button class="primary" type="submit" data-action="ok">{ tr(lang, "nav.ok") }</button>
        </form>
    }
}

/// The groups chosen, by their words.
fn groups(chosen: &[String]) -> Given {
    Given::Groups(
        chosen
            .iter()
            .filter_map(|w| PriorityGroup::from_word(w))
            .collect(),
    )
}

/// Priority groups: any number of them, or none.
#[function_component(SeveralAnswer)]
fn several_answer(props: &AskProps) -> Html {
    let session = use_session();
    let lang = session.lang;
    let field = props.field;
    let Kind::Several { group, words } = question(field).kind else {
        return html! {};
    };
    let initial: Vec<String> = match session.answers.given(field) {
        Some(Given::Groups(chosen)) => chosen.iter().map(|g| g.word().to_owned()).collect(),
        _ => Vec::new(),
    };
    let chosen = use_state(move || initial);
    let toggle = |word: &'static str| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*chosen).clone();
            match next.iter().position(|w| w == word) {
                Some(i) => {
                    next.remove(i);
                }
                None => next.push(word.to_owned()),
            }
            chosen.set(next);
        })
    };
    let confirm = {
        let (session, chosen) = (session.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| tap(&session, Action::Answer(field, groups(&chosen))))
    };
    html! {
        <div class="choices">
            { for words.iter().map(|&w| html! {
                <button class="choice" data-value={w} aria-pressed={chosen.iter().any(|c| c == w).to_string()} onclick={toggle(w)}>
                    { tr_of(lang, &["choice.", group, ".", w]) }
                </button>
            }) }
            <button class="choice" data-value="[]" onclick={send(&session, Action::Answer(field, Given::Groups(Vec::new())))}>
                { tr_of(lang, &["choice.", group, ".none"]) }
            </button>
            <button class="primary" data-action="ok" onclick={confirm} disabled={chosen.is_empty()}>{ tr(lang, "nav.ok") }</button>
        </div>
    }
}
