//! My map: my name, what I do and my interests, saved as I edit.

use crate::core::limits::{NAME_MAX, WHAT_MAX};
use crate::core::route::Route;
use crate::store::AppState;
use crate::ui::components::field::TextField;
use crate::ui::components::interest_editor::InterestEditor;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn MyMapPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (name, what, interests) = state.me.with_untracked(|me| {
        (
            RwSignal::new(me.name.clone()),
            RwSignal::new(me.what.clone()),
            RwSignal::new(me.interests.clone()),
        )
    });
    // Saved on every change, like a notebook; an over-long value is held back (with its
    // message showing) until it fits, and nothing typed is discarded.
    Effect::new(move |first: Option<()>| {
        let (n, w, i) = (name.get(), what.get(), interests.get());
        if first.is_none() {
            return;
        }
        if n.chars().count() > NAME_MAX || w.chars().count() > WHAT_MAX {
            return;
        }
        let mut me = state.me.get_untracked();
        if me.name != n || me.what != w || me.interests != i {
            me.name = n;
            me.what = w;
            me.interests = i;
            state.save_me(me);
        }
    });
    view! {
        <h1>"My map"</h1>
        <TextField label="Your name" value=name max=NAME_MAX autocomplete="name" />
        <TextField label="What you do" value=what max=WHAT_MAX />
        <h2>"My interests"</h2>
        <InterestEditor interests=interests />
        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::Share)>
            "Share my map"
        </button>
    }
}
