//! Finding the kind of area by place name: county, city or district first, then the town or
//! street. A place whose kind cannot be told leaves the area unanswered ("not sure").

use hukou_engine::words::TargetArea;
use yew::prelude::*;

use crate::components::{tap, use_session};
use crate::i18n::{tr, Lang};
use crate::places::{counties, county_of, in_county, install_places, places_ready, PLACES_FILE};
use crate::state::Action;
use crate::web;

/// A place's name on its button: the Chinese, and in English its Pinyin first (the Chinese,
/// which the signs say, after it).
fn named(lang: Lang, name: &'static str, name_en: &'static str) -> Html {
    let chinese = html! { <span lang="zh-CN">{ name }</span> };
    match lang == Lang::ALL[0] {
        true => chinese,
        false => html! { <>{ name_en }{ " " }{ chinese }</> },
    }
}

#[function_component(PlacePicker)]
pub fn place_picker() -> Html {
    let session = use_session();
    let lang = session.lang;
    // Back to this question after a pick: the picker opens where the person was.
    let chosen = session.place;
    let county = use_state(|| chosen.and_then(county_of));

    // The table is fetched the first time the picker opens (in the page's build). Each list
    // opens at its own heading, wherever the last tap left the page (the towns of a county at
    // the foot of a long list of counties would open scrolled past their heading). One effect
    // for both: each costs the page its own code.
    let redraw = use_force_update();
    {
        let session = session.clone();
        use_effect_with(*county, move |_| {
            web::focus_by_id("picker-title", true);
            if !places_ready() {
                web::fetch_text(PLACES_FILE, move |text| {
                    if text.is_some_and(install_places) {
                        redraw.force_update();
                    } else {
                        session.dispatch(Action::Notify("place.unavailable"));
                    }
                });
            }
        });
    }
    if !places_ready() {
        return html! { <p class="picker loading" role="status">{ tr(lang, "place.loading") }</p> };
    }
    match *county {
        None => html! {
            <div class="picker" role="group" aria-label={tr(lang, "place.county")}>
                <h2 id="picker-title" tabindex="-1">{ tr(lang, "place.county") }</h2>
                <div class="choices grid">
                    { for counties().into_iter().map(|(code, name, name_en)| {
                        let county = county.clone();
                        html! { <button class="choice" data-county={code} onclick={Callback::from(move |_| county.set(Some(code)))}>{ named(lang, name, name_en) }</button> }
                    }) }
                </div>
            </div>
        },
        Some(code) => html! {
            <div class="picker" role="group" aria-label={tr(lang, "place.street")}>
                // The county tapped, named in the heading the towns open at.
                <h2 id="picker-title" tabindex="-1">
                    { for in_county(code).first().map(|p| named(lang, p.county, p.county_en)) }
                    { tr(lang, "punct.colon") }{ tr(lang, "place.street") }
                </h2>
                <div class="choices grid">
                    { for in_county(code).into_iter().map(|place| {
                        let session = session.clone();
                        let pick = Callback::from(move |_| tap(&session, Action::PickPlace(place.name, place.kind)));
                        // The county seat and the central city's streets are marked (the
                        // names alone do not say which they are), drawn by the style sheet.
                        let mark = matches!(place.kind, TargetArea::CentralUrban | TargetArea::CountyCityUrban | TargetArea::CountySeatTown)
                            .then(|| tr(lang, &["area.", place.kind.word()].concat()));
                        html! { <button class="choice" data-place={place.name} data-mark={mark} aria-pressed={(chosen == Some(place.name)).to_string()} onclick={pick}>{ named(lang, place.name, place.name_en) }</button> }
                    }) }
                </div>
                <button class="secondary" onclick={{ let county = county.clone(); Callback::from(move |_| county.set(None)) }}>
                    { "← " }{ tr(lang, "place.county") }
                </button>
            </div>
        },
    }
}
