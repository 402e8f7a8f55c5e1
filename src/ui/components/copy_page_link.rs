//! "Copy the link" of the page as it is, for a note that says to open it somewhere else (the
//! Home Screen app, a browser), and what became of it.

use crate::ui::web_share::copy_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CopyPageLink(
    label: &'static str,
    /// Said once copied: where to paste it.
    copied: &'static str,
    /// Said when the browser refused: how else to get the address.
    refused: &'static str,
) -> impl IntoView {
    let said = RwSignal::new("");
    let copy = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        spawn_local(async move {
            said.set(if copy_text(&href, None).await {
                copied
            } else {
                refused
            });
        });
    };
    view! {
        <button type="button" class="button button-quiet" on:click=copy>{label}</button>
        <p role="status">{move || said.get()}</p>
    }
}
