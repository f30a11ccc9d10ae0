//! Component tests of the app in headless Chromium: the app is mounted into the page, buttons
//! are clicked, and what a person would see is read back.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use chenzhou_hukou::app::App;
use chenzhou_hukou::saved::STORAGE_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::platform::time::sleep;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh app (with nothing stored) into a new element and lets it render.
async fn mount(stored: Option<&str>) -> Element {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    match stored {
        Some(text) => storage.set_item(STORAGE_KEY, text).unwrap(),
        None => storage.remove_item(STORAGE_KEY).unwrap(),
    }
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

async fn settle() {
    sleep(Duration::from_millis(20)).await;
}

async fn click(root: &Element, css: &str) {
    // A screen that replaced another takes taps once it has been there a moment (`data-ready`).
    for _ in 0..100 {
        let main = root.query_selector("main").unwrap();
        if main.is_none_or(|m| m.has_attribute("data-ready")) {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    let element = root
        .query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {css}"));
    element.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

/// The field of the question on screen.
fn field(root: &Element) -> Option<String> {
    root.query_selector("section.question")
        .unwrap()?
        .get_attribute("data-field")
}

fn text(root: &Element, css: &str) -> String {
    root.query_selector(css)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_start_screen_names_the_policy_and_promises_the_answers_stay_here() {
    let root = mount(None).await;
    let shown = text(&root, "main");
    assert!(shown.contains("郴政发〔2016〕1号"), "{shown}");
    assert!(shown.contains("2016年1月6日"), "{shown}");
    assert!(shown.contains("只保存在这台设备上"), "{shown}");
}

#[wasm_bindgen_test]
async fn starting_asks_the_most_decisive_question_first() {
    let root = mount(None).await;
    click(&root, "[data-action=begin]").await;
    assert_eq!(field(&root).as_deref(), Some("current_hukou"));
    assert!(text(&root, "main h1").contains("你的户口现在在哪里"));
}

#[wasm_bindgen_test]
async fn an_answer_leads_to_the_next_question_and_back_returns_with_it_chosen() {
    let root = mount(None).await;
    click(&root, "[data-action=begin]").await;
    click(
        &root,
        "button.choice[data-value='\"elsewhere_in_chenzhou\"']",
    )
    .await;
    assert!(field(&root).is_some_and(|f| f != "current_hukou"));
    // Back goes through the browser's history (so the phone's Back agrees): it lands a moment
    // later.
    click(&root, "[data-action=back]").await;
    for _ in 0..150 {
        if field(&root).as_deref() == Some("current_hukou") {
            break;
        }
        settle().await;
    }
    assert_eq!(field(&root).as_deref(), Some("current_hukou"));
    let chosen = root
        .query_selector("button.choice[aria-pressed=true]")
        .unwrap()
        .expect("the answer is still chosen");
    assert_eq!(
        chosen.get_attribute("data-value").as_deref(),
        Some("\"elsewhere_in_chenzhou\"")
    );
}

#[wasm_bindgen_test]
async fn the_language_switch_turns_the_page_into_english() {
    let root = mount(None).await;
    click(&root, "[data-action=lang]").await;
    assert!(text(&root, "main h1").contains("Chenzhou hukou calculator"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn large_text_mode_is_one_tap_away_and_remembered() {
    let root = mount(None).await;
    click(&root, "[data-action=elderly]").await;
    assert!(root.query_selector(".app.elderly").unwrap().is_some());
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(STORAGE_KEY)
        .unwrap();
    assert!(stored.is_some_and(|s| s.contains("\"elderly\":true")));
}

#[wasm_bindgen_test]
async fn damaged_storage_gives_a_friendly_notice_and_a_fresh_start() {
    let root = mount(Some(
        "{\"version\":1,\"answers\":{\"target_area\":\"moon\"}",
    ))
    .await;
    assert!(text(&root, "[data-notice]").contains("无法读取"));
    assert!(text(&root, "main h1").contains("郴州落户计算器"));
}

#[wasm_bindgen_test]
async fn the_results_show_each_path_with_its_status_in_words_and_its_clause() {
    let stored = r#"{"version":1,"answers":{"target_area":"county_seat_town","current_hukou":"elsewhere_in_chenzhou","residence":"rented"},
        "skipped":[],"history":["current_hukou","target_area","residence"],"lang":"zh","elderly":false,"results":true}"#;
    let root = mount(Some(stored)).await;
    assert!(text(&root, "#path-town_settlement .status").contains("可以办理"));
    assert!(text(&root, "#path-town_settlement > details.clause > summary").contains("三（二）"));
    // The central urban path does not concern someone asking about a county seat: it is listed
    // apart, as not applying, never as a failure.
    assert!(text(&root, "#path-central_urban_settlement .status").contains("不涉及"));
    // The first thing said is the person's bottom line and next step.
    let bottom = text(&root, ".bottom-line");
    assert!(bottom.contains("你可以把户口落在县城"), "{bottom}");
    assert!(bottom.contains("派出所户籍窗口"), "{bottom}");
}

#[wasm_bindgen_test]
async fn what_would_open_a_closed_path_names_every_condition_still_to_meet_not_only_the_failed_one()
{
    // A retiree with a flat in the central urban area, who has not said whether she is insured:
    // a job alone is not enough under 3.1, the insurance is needed too.
    let stored = r#"{"version":1,"answers":{"target_area":"central_urban","current_hukou":"elsewhere_in_chenzhou","residence":"owned","employment":"retired"},
        "skipped":[],"history":["current_hukou","target_area","residence","employment"],"lang":"zh","elderly":false,"results":true}"#;
    let root = mount(Some(stored)).await;
    let opens = text(&root, "#path-central_urban_settlement .opens");
    assert!(opens.contains("合法稳定就业"), "{opens}");
    assert!(opens.contains("城镇社会保险"), "{opens}");
    // She came to bring her husband: who may come along once she can settle is on her bottom
    // line, and what it says rests on 3.1, which it cites.
    let bottom = text(&root, ".bottom-line");
    assert!(bottom.contains("你本人能在这里落户以后"), "{bottom}");
    assert!(bottom.contains("三（一）"), "{bottom}");
    // Her hukou is elsewhere in the city: the permit says what "其他城市" of 663号 leaves open.
    let permit = text(&root, "#path-residence_permit");
    assert!(permit.contains("其他城市"), "{permit}");
}

#[wasm_bindgen_test]
async fn a_worker_without_a_written_contract_is_not_refused_for_it_and_told_what_else_settling_needs(
) {
    // No written contract and no urban social insurance, in the central urban area: the policy
    // asks for 合法稳定就业, not a contract, so only the insurance is missing, said in full.
    let stored = r#"{"version":1,"answers":{"target_area":"central_urban","current_hukou":"elsewhere_in_chenzhou","residence":"rented","employment":"employed_without_contract","urban_social_insurance":false},
        "skipped":[],"history":["current_hukou","target_area","residence","employment","urban_social_insurance"],"lang":"zh","elderly":false,"results":true}"#;
    let root = mount(Some(stored)).await;
    let bottom = text(&root, ".bottom-line");
    assert!(bottom.contains("落户还差"), "{bottom}");
    assert!(bottom.contains("城镇社会保险"), "{bottom}");
    assert!(!bottom.contains("书面劳动合同"), "{bottom}");
    let central = text(&root, "#path-central_urban_settlement");
    assert!(!central.contains("没有书面劳动合同，就"), "{central}");
}

#[wasm_bindgen_test]
async fn someone_who_came_only_for_a_permit_and_cannot_have_it_yet_is_told_so_first_with_why() {
    // Five months in the city: 663号 asks for half a year.
    let stored = r#"{"version":1,"answers":{"current_hukou":"outside_chenzhou","residence":"rented","months_resident":5},
        "skipped":[],"history":["current_hukou","residence","months_resident"],"lang":"zh","elderly":false,"results":true,"purpose":"permit"}"#;
    let root = mount(Some(stored)).await;
    let headline = text(&root, ".bottom-line .headline");
    assert!(headline.contains("你现在还不能申领居住证"), "{headline}");
    let bottom = text(&root, ".bottom-line");
    assert!(bottom.contains("半年"), "{bottom}");
    assert!(bottom.contains("四（二）"), "{bottom}");
}
