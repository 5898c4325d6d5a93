//! `sf-portal`: the shopper portal and the support desk, mounted on `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        sf_components::provide_whole_tracker!();
        sf_components::provide_whole_returns!();
        sf_components::provide_review_form!();
        sf_app::portal::Portal()
    });
}
