//! Under quick add's "Name", while it is typed: someone of that name is already saved, and
//! where they were met. At an event "have I met her before?" is answered before her interests
//! are typed again, and her page is a tap away (what is typed stays as a draft).

use crate::core::duplicates::{already_saved, NameIndex};
use crate::core::route::Route;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn KnownName(name: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Rebuilt when the people change; a key typed is then one lookup, not a fold of every
    // saved name.
    let index = Memo::new(move |_| state.people.with(|people| NameIndex::new(people.values())));
    let known = Memo::new(move |_| {
        let id = name.with(|typed| index.with(|index| index.find(typed).cloned()))?;
        state.people.with(|people| {
            people.get(&id).map(|p| {
                let text = state.events.with(|events| already_saved(p, events));
                (
                    Route::Person(id.clone()).to_hash(),
                    format!("See {}", p.name),
                    text,
                )
            })
        })
    });
    view! {
        // Read out when it appears, but not a second status region beside the app's own.
        <p class="known-name" aria-live="polite">
            {move || {
                known
                    .get()
                    .map(|(href, link, text)| {
                        view! {
                            {format!("{text}. ")}
                            <a href=href>{link}</a>
                        }
                    })
            }}
        </p>
    }
}
