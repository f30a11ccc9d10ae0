//! Entry point of the web app (built by Trunk for wasm32).

fn main() {
    yew::Renderer::<chenzhou_hukou::app::App>::new().render();
}
