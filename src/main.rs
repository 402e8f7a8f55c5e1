//! Entry point: reads storage, then swaps the static boot screen for the app.

use common_ground::store::AppState;
use common_ground::ui::App;
use leptos::prelude::*;

// talc rather than Rust's default dlmalloc: the start with 5,000 people builds some 100,000
// strings, and malloc/realloc were an eighth of it in a Chromium profile.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // Not leptos::task::spawn_local: Leptos sets up its executor only when the app mounts.
    wasm_bindgen_futures::spawn_local(async {
        let boot = document().get_element_by_id("boot");
        match AppState::open().await {
            Ok(opened) => {
                if let Some(boot) = boot {
                    boot.remove();
                }
                leptos::mount::mount_to_body(move || view! { <App opened=opened /> });
            }
            // Records are stored but cannot be read yet: starting anyway could write over
            // them, so the boot screen says what to do instead.
            Err(_) => {
                if let Some(message) = boot.and_then(|b| b.query_selector("p").ok().flatten()) {
                    message.set_attribute("role", "alert").ok();
                    message.set_text_content(Some(
                        "Your notes are safe on this phone, but the part of Common Ground that reads them has not finished downloading. Connect to the internet once and reload.",
                    ));
                }
            }
        }
    });
}
