//! The link of my map, read-only, with "Copy link" and (where the browser has a share sheet)
//! "Share", and the line that reports what happened.

use crate::ui::web_share::{can_share, copy_text, share_url};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ShareLinkPanel(
    #[prop(into)] link: Signal<String>,
    #[prop(into)] too_long: Signal<bool>,
    status: RwSignal<String>,
) -> impl IntoView {
    let link_input = NodeRef::<Input>::new();
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            let ok = copy_text(&text, link_input.get_untracked()).await;
            status.set(if ok {
                "Link copied.".into()
            } else {
                "Could not copy: select the link and copy it by hand.".into()
            });
        });
    };
    let share = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            share_url("My interest map", &text).await;
        });
    };
    view! {
        <label class="field">
            <span class="field-label">"Share link"</span>
            <input node_ref=link_input type="text" class="share-link" readonly prop:value=move || link.get() />
        </label>
        <Show when=move || too_long.get()>
            <p class="banner banner-warning">"This link is too long to open. Untick some interests to shorten it."</p>
        </Show>
        <div class="row">
            <button type="button" class="button" on:click=copy>"Copy link"</button>
            <Show when=can_share>
                <button type="button" class="button" on:click=share>"Share"</button>
            </Show>
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
    }
}
