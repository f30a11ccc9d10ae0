//! Entry point of the web app (built by Trunk for wasm32).

fn main() {
    use chenzhou_hukou::{api, web};
    // Three tasks, not one: instantiating, the first render, then what no one waits for.
    web::later(|| {
        web::mount_app();
        web::later(|| {
            api::install();
            if web::is_embedded() {
                web::report_height_to_host();
            } else {
                web::register_service_worker();
            }
        });
    });
}
