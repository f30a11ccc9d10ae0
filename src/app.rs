//! The start screen: what the calculator does, which policy it rests on, and its paths.

use hukou_engine::policy::{PathId, POLICIES};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let policy = POLICIES[POLICIES.len() - 1];
    let paths = PathId::ALL.iter().map(|&id| {
        let rule = policy.path(id);
        html! {
            <li key={id.id()}>
                <span class="path-title">{ rule.title_zh }</span>
                <span class="clause">{ format!("依据 {}", rule.clause) }</span>
            </li>
        }
    });
    html! {
        <main class="start">
            <h1>{ "郴州落户计算器" }</h1>
            <p class="lead">
                { format!("回答几个问题，看看按照{}（{}）你可以走哪条落户途径、哪些家人可以随迁、能享受哪些服务。",
                    policy.document, policy.signed) }
            </p>
            <p class="privacy">{ "你的回答只保存在这台设备上，不会发送到任何地方。" }</p>
            <h2>{ "本政策规定的途径" }</h2>
            <ul class="paths">{ for paths }</ul>
        </main>
    }
}
