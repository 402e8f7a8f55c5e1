//! Entry point: swaps the static boot screen for the app.

fn main() {
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(common_ground::ui::App);
}
