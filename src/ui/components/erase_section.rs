//! "Erase this notebook", at the foot of Settings: for a phone changing hands, or a fresh
//! start. Two steps, the second saying what goes; the page then starts as a new app.

use crate::core::plural::count;
use crate::store::AppState;
use crate::ui::router::replace_hash_quietly;
use leptos::prelude::*;

#[component]
pub fn EraseSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let asking = RwSignal::new(false);
    let what_goes = move || {
        let people = state.people.with(|p| p.len());
        let events = state.events.with(|e| e.len());
        format!(
            "This deletes your map, {} and {} from this browser for good.",
            count(people, "person", "people"),
            count(events, "event", "events")
        )
    };
    let erase = move |_| {
        state.erase_everything();
        // Start again as a new app, on Home.
        replace_hash_quietly("#/");
        let _ = window().location().reload();
    };
    view! {
        <section class="card">
            <h2>"Erase this notebook"</h2>
            <p>"Removes everything Common Ground keeps in this browser. Nothing is kept anywhere else: export a backup first if you may want it back."</p>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button button-danger" on:click=move |_| asking.set(true)>
                        "Erase everything…"
                    </button>
                }
            >
                <p role="alert">{what_goes}</p>
                <div class="row">
                    <button type="button" class="button button-danger" on:click=erase>"Erase for good"</button>
                    <button type="button" class="button button-quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                </div>
            </Show>
        </section>
    }
}
