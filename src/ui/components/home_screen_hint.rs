//! On an iPhone, a map opened in a Safari tab lands in Safari's storage, not in the notebook of
//! the app on the Home Screen. Said once, plainly, with the way round it.

use crate::ui::hints;
use crate::ui::platform::{is_ios, is_standalone};
use crate::ui::web_share::copy_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Said once (`ui::hints`).
const SEEN_KEY: &str = "cg-hint.home-screen";

/// Whether to show the note, marking it shown.
fn first_time() -> bool {
    is_ios() && !is_standalone() && hints::first_time(SEEN_KEY)
}

#[component]
pub fn HomeScreenHint() -> impl IntoView {
    let copied = RwSignal::new(String::new());
    let copy = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        spawn_local(async move {
            copied.set(if copy_text(&href, None).await {
                "Link copied: paste it into Scan a code in the Home Screen app.".into()
            } else {
                "Could not copy: copy the address from the address bar.".into()
            });
        });
    };
    first_time().then(|| {
        view! {
            <div class="banner banner-info" role="note">
                <p>"Using Common Ground from your Home Screen? It keeps its own notebook: open it and tap Scan a code, or copy this link and paste it there."</p>
                <button type="button" class="button button-quiet" on:click=copy>"Copy this link"</button>
                <p role="status">{move || copied.get()}</p>
            </div>
        }
    })
}
