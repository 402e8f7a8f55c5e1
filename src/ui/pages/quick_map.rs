//! "Send mine back" with no map of my own: a map in one screen. My name, interests tapped from
//! the sender's and common ones (or typed), then "Show my QR", which saves it as My map and
//! opens the share screen. Five interests take six taps.

use crate::core::limits::{INTEREST_MAX, NAME_MAX};
use crate::core::model::{add_interest, typed_interests, Interest};
use crate::core::quick_map::{into_my_map, offered, typed};
use crate::core::route::Route;
use crate::store::AppState;
use crate::ui::components::field::TextField;
use crate::ui::router::navigate_replacing;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The interests of the map just received, offered first (kept in memory only).
    static SENDER: RefCell<Vec<Interest>> = const { RefCell::new(Vec::new()) };
}

/// Called by the received page before it opens the quick map.
pub fn remember_sender(interests: &[Interest]) {
    SENDER.with_borrow_mut(|s| *s = interests.to_vec());
}

#[component]
pub fn QuickMapPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(state.me.with_untracked(|m| m.name.clone()));
    let choices = RwSignal::new(SENDER.with_borrow(|s| offered(s)));
    let picked = RwSignal::new(Vec::<Interest>::new());
    let adding = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let toggle = move |i: Interest| {
        picked.update(|p| {
            let key = i.key();
            if p.iter().any(|x| x.key() == key) {
                p.retain(|x| x.key() != key);
            } else {
                p.push(i);
            }
        })
    };
    // What was typed may be a list ("Running, baking"): each part is an interest of its own.
    // One too long stops there, and it and the rest stay in the box, said why.
    let add_typed = move || {
        let parts = typed_interests(&adding.get_untracked());
        let mut left = Vec::new();
        for (n, label) in parts.iter().enumerate() {
            if label.chars().count() > INTEREST_MAX {
                left = parts[n..].to_vec();
                break;
            }
            let i = typed(label);
            choices.update(|c| {
                add_interest(c, i.clone());
            });
            picked.update(|p| {
                add_interest(p, i);
            });
        }
        if left.len() < parts.len() {
            adding.set(left.join(", "));
        }
    };
    let done = move |_| {
        if name.with_untracked(|n| n.trim().is_empty()) {
            error.set(Some(
                "Type your name first, so they know whose map it is.".into(),
            ));
            return;
        }
        if picked.with_untracked(|p| p.is_empty()) {
            error.set(Some("Tap at least one interest.".into()));
            return;
        }
        let me = into_my_map(
            state.me.get_untracked(),
            &name.get_untracked(),
            &picked.get_untracked(),
        );
        // A name over the limit: the field says so, and the map is not saved until it fits.
        if let Some(problem) = me.problems().into_iter().next() {
            error.set(Some(problem));
            return;
        }
        // The quick map is a detour: Back from the share screen returns to the map received.
        if state.save_me(me) {
            navigate_replacing(&Route::Share);
        }
    };
    let chip = move |i: Interest| {
        let key = i.key();
        let label = i.label.clone();
        let on = move || picked.with(|p| p.iter().any(|x| x.key() == key));
        view! {
            <li>
                <button type="button" class="chip chip-toggle" aria-pressed=move || on().to_string() on:click=move |_| toggle(i.clone())>
                    <span class="chip-label">{label}</span>
                </button>
            </li>
        }
    };
    view! {
        <h1>"Your map in a minute"</h1>
        <p class="muted">"Tap what you are into; they will see what you share."</p>
        <TextField label="Your name" value=name max=NAME_MAX autocomplete="name" autocapitalize="words" />
        <ul class="chips">{move || choices.get().into_iter().map(chip).collect_view()}</ul>
        <form
            class="row"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                add_typed();
            }
            novalidate
        >
            <div class="grow">
                <TextField
                    label="Add interest"
                    value=adding
                    max=INTEREST_MAX
                    list=true
                    enterkeyhint="done"
                    on_enter=Some(Callback::new(move |_| add_typed()))
                />
            </div>
            <button type="submit" class="button button-quiet">"Add"</button>
        </form>
        <p class="muted">{move || format!("{} picked", picked.with(|p| p.len()))}</p>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        <button type="button" class="button button-big" on:click=done>"Show my QR"</button>
    }
}
