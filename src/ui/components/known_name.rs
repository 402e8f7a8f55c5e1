//! Under quick add's "Name", while it is typed: someone of that name is already saved, and
//! where they were met. At an event "have I met her before?" is answered before her interests
//! are typed again, and her page is a tap away (what is typed stays as a draft).

use crate::core::duplicates::{already_saved, NameIndex};
use crate::core::model::{EventId, PersonId};
use crate::core::route::Route;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn KnownName(
    name: RwSignal<String>,
    /// The event the form files people under (an id, or empty), and what to do when the
    /// person typed is someone already saved, met again there: "Met again at …" files them
    /// with one tap instead of a second record.
    #[prop(optional)]
    met_again: Option<(RwSignal<String>, Callback<PersonId>)>,
) -> impl IntoView {
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
                    id.clone(),
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
                    .map(|(id, href, link, text)| {
                        view! {
                            {format!("{text}. ")}
                            <a href=href>{link}</a>
                            {again_button(state, met_again, id)}
                        }
                    })
            }}
        </p>
    }
}

/// "Met again at Chamber breakfast", when the form files under an event they are not at yet.
fn again_button(
    state: AppState,
    met_again: Option<(RwSignal<String>, Callback<PersonId>)>,
    id: PersonId,
) -> Option<impl IntoView> {
    let (at, on_met_again) = met_again?;
    let event = EventId(at.get());
    let name = state.events.with(|events| {
        events
            .get(&event)
            .filter(|e| !e.attendees.contains(&id))
            .map(|e| e.name.clone())
    })?;
    Some(view! {
        " "
        <button type="button" class="link-button" on:click=move |_| on_met_again.run(id.clone())>
            {format!("Met again at {name}")}
        </button>
    })
}
