//! A date as three drop-downs, year, month and day: the same visible field on every engine (an
//! empty native date input collapses to a blank square in some web views), each part labelled,
//! and on phones a picker wheel to choose from.

use chrono::{Datelike, NaiveDate};
use hukou_engine::field::{Given, Value};
use hukou_engine::Field;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::{tap, use_session, AskProps};
use crate::i18n::{tr, tr_of};
use crate::questions::question;
use crate::state::Action;

/// How many days `month` of `year` has.
fn days_in_month(year: i32, month: u32) -> u32 {
    chrono::NaiveDate::from_ymd_opt(year, month, 1).map_or(31, |d| u32::from(d.num_days_in_month()))
}

/// The earliest year offered: birth dates of the oldest relatives, and any settlement date.
const FIRST_YEAR: i32 = 1900;

#[function_component(DateAnswer)]
pub fn date_answer(props: &AskProps) -> Html {
    let session = use_session();
    let lang = session.lang;
    let field = props.field;
    let parts = [use_node_ref(), use_node_ref(), use_node_ref()];
    let incomplete = use_state(|| false);
    // The answer given before, as year, month and day.
    let given: Vec<u32> = match session.answers.given(field) {
        Some(Given::One(Value::Date(day))) => vec![day.year() as u32, day.month(), day.day()],
        _ => Vec::new(),
    };
    let chosen = |i: usize| given.get(i).copied();
    // The year and month chosen so far: they bound the months and days offered (no 31 February,
    // no day after today).
    let year = use_state(|| chosen(0));
    let month = use_state(|| chosen(1));

    let confirm = confirm(&session, &parts, &incomplete, field);

    let select = |i: usize,
                  part: &'static str,
                  range: Vec<u32>,
                  last: u32,
                  keep: Option<UseStateHandle<Option<u32>>>| {
        let label = tr_of(lang, &["date.", part]);
        let onchange = keep.map(|keep| {
            Callback::from(move |e: Event| {
                let value = e
                    .target_dyn_into::<HtmlSelectElement>()
                    .and_then(|s| s.value().parse().ok());
                keep.set(value);
            })
        });
        html! {
            <label class="date-part">
                <select ref={parts[i].clone()} data-part={part} aria-label={label} {onchange}>
                    <option value="" selected={chosen(i).is_none()}>{ "—" }</option>
                    // Every month and day always listed, those past `last` hidden: a list that
                    // kept its length keeps each option's element, so a day chosen before a
                    // shorter month stays chosen (said impossible on 确定, not silently lost).
                    { for range.into_iter().map(|n| html! {
                        <option value={n.to_string()} selected={chosen(i) == Some(n)}
                            hidden={n > last} disabled={n > last}>{ n }</option>
                    }) }
                </select>
                <span>{ label }</span>
            </label>
        }
    };
    let (this_year, last_month, last_day) = bounds(session.today, *year, *month);
    let legend = tr(lang, &question(field).key);
    html! {
        <form class="typed date" onsubmit={confirm}>
            <fieldset>
                <legend class="visually-hidden">{ legend }</legend>
                { select(0, "year", (FIRST_YEAR as u32..=this_year).rev().collect(), this_year, Some(year.clone())) }
                { select(1, "month", (1..=12).collect(), last_month, Some(month.clone())) }
                { select(2, "day", (1..=31).collect(), last_day, None) }
            </fieldset>
            if *incomplete {
                <p class="error" role="alert">{ tr(lang, "error.date_incomplete") }</p>
            }
            <button class="primary" type="submit" data-action="ok">{ tr(lang, "nav.ok") }</button>
        </form>
    }
}

/// Takes the three parts chosen as the answer; "choose all three" if one is missing.
fn confirm(
    session: &crate::components::SessionHandle,
    parts: &[NodeRef; 3],
    incomplete: &UseStateHandle<bool>,
    field: Field,
) -> Callback<SubmitEvent> {
    let (session, parts, incomplete) = (session.clone(), parts.clone(), incomplete.clone());
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let values: Vec<u32> = parts
            .iter()
            .filter_map(|p| p.cast::<HtmlSelectElement>())
            .filter_map(|s| s.value().parse().ok())
            .collect();
        let [year, month, day] = values[..] else {
            incomplete.set(true);
            return;
        };
        incomplete.set(false);
        // A day that does not exist is said here; one in the future, the engine refuses: both
        // in the person's language, and nothing is lost.
        let action = match NaiveDate::from_ymd_opt(year as i32, month, day) {
            Some(date) => Action::Answer(field, Given::One(Value::Date(date))),
            None => Action::Unreadable(field),
        };
        tap(&session, action);
    })
}

/// The latest year, month and day offered, given the year and month chosen so far: no 31
/// February, no day after today.
fn bounds(today: NaiveDate, year: Option<u32>, month: Option<u32>) -> (u32, u32, u32) {
    let this_year = today.year().max(FIRST_YEAR) as u32;
    let last_month = if year == Some(this_year) {
        today.month()
    } else {
        12
    };
    let last_day = match (year, month) {
        (Some(y), Some(m)) if y == this_year && m == today.month() => today.day(),
        (Some(y), Some(m)) => days_in_month(y as i32, m),
        (None, Some(m)) => days_in_month(2000, m), // a leap year: 29 February stays possible
        _ => 31,
    };
    (this_year, last_month, last_day)
}
