//! Quick add: name, what they do, interests and a note, linked to the current event. "Save and
//! add another" keeps the event and clears the form, for working a room.

use crate::core::model::{Person, PersonId};
use crate::core::route::Route;
use crate::store::clock::{new_id, now};
use crate::store::{AppState, Notice};
use crate::ui::components::person_fields::{PersonDraft, PersonFields};
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn PersonForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = PersonDraft::empty();
    let error = RwSignal::new(None::<String>);
    let another = RwSignal::new(false);
    let event_name = move || {
        let id = state.settings.with(|s| s.current_event.clone())?;
        state.events.with(|e| e.get(&id).map(|e| e.name.clone()))
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(p) = draft.problem() {
            error.set(Some(p));
            return;
        }
        error.set(None);
        let mut person = Person::new(PersonId(new_id()), "", now());
        draft.apply(&mut person);
        let id = person.id.clone();
        let label = person.name.clone();
        let event = state.settings.with_untracked(|s| s.current_event.clone());
        if !state.save_person(person, event.as_ref()) {
            return;
        }
        state.notify(Notice::info(format!("Saved {label}.")));
        if another.get_untracked() {
            draft.clear();
            another.set(false);
        } else {
            navigate(&Route::Person(id));
        }
    };

    view! {
        <h1>"Add person"</h1>
        {move || event_name().map(|n| view! { <p class="pill">{format!("At {n}")}</p> })}
        <form class="form" on:submit=save novalidate>
            <PersonFields draft=draft />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="button button-big">"Save"</button>
            <button type="submit" class="button button-quiet button-big" on:click=move |_| another.set(true)>
                "Save and add another"
            </button>
        </form>
    }
}
