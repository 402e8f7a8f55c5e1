//! "Draft restored · Discard": says that a form was filled from what was typed before, and
//! offers to start empty instead.

use leptos::prelude::*;

#[component]
pub fn DraftNote(on_discard: Callback<()>) -> impl IntoView {
    view! {
        <p class="draft-note muted">
            <span>"Draft restored"</span>
            <span aria-hidden="true">" · "</span>
            <button type="button" class="link-button" on:click=move |_| on_discard.run(())>
                "Discard"
            </button>
        </p>
    }
}
