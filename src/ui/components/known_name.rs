//! Under quick add's "Name", while it is typed: someone of that name is already saved, and
//! where they were met. At an event "have I met her before?" is answered before her interests
//! are typed again, and her page is a tap away (what is typed stays as a draft).

use crate::core::duplicates::{already_saved, NameIndex};
use crate::core::model::{EventId, PersonId};
use crate::core::route::Route;
use crate::store::AppState;
use leptos::prelude::*;

/// What quick add checks a typed name against, and what "Met again at …" does.
#[derive(Clone, Copy)]
pub struct NameCheck {
    /// Every saved name (`saved_names`), shared with the form's "Save", which asks it too.
    pub index: Memo<NameIndex>,
    /// The event the form files people under (an id, or empty).
    pub event: RwSignal<String>,
    /// Files someone already saved under `event`, instead of a second record.
    pub met_again: Callback<PersonId>,
    /// Set once the form has saved and is going: the person just saved is not "already
    /// saved", and the index is not rebuilt for a form about to go (2 ms with 5,000 saved).
    pub done: RwSignal<bool>,
}

/// Every saved name, normalised, rebuilt when first read after the people change: a name
/// checked at each key typed, and again on "Save", is then a lookup, not a fold of every name.
pub fn saved_names(state: AppState) -> Memo<NameIndex> {
    // Taken as changed without comparing the new index with the last entry by entry: a change
    // of people almost always changes it, and the comparison costs as much as the build.
    Memo::new_with_compare(
        move |_| state.people.with(|p| NameIndex::new(p.values())),
        |_, _| true,
    )
}

#[component]
pub fn KnownName(name: RwSignal<String>, check: NameCheck) -> impl IntoView {
    let state = expect_context::<AppState>();
    let known = Memo::new(move |_| {
        // Read before the index, which a blank name or a finished form never needs.
        if check.done.get() || name.with(|typed| typed.trim().is_empty()) {
            return None;
        }
        let id = name.with(|typed| check.index.with(|index| index.find(typed).cloned()))?;
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
                            {again_button(state, check, id)}
                        }
                    })
            }}
        </p>
    }
}

/// "Met again at Chamber breakfast", when the form files under an event they are not at yet.
fn again_button(state: AppState, check: NameCheck, id: PersonId) -> Option<impl IntoView> {
    let on_met_again = check.met_again;
    let event = EventId(check.event.get());
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
