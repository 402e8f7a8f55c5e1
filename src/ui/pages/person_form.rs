//! Quick add: name, what they do, interests and a note, linked to the current event. "Save and
//! add another" keeps the event and clears the form, for working a room.

use crate::core::model::{EventId, Person, PersonId};
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
    // The current event is pre-selected; "Save and add another" keeps whatever is chosen.
    let event = RwSignal::new(
        state
            .settings
            .with_untracked(|s| s.current_event.as_ref().map(|e| e.0.clone()))
            .unwrap_or_default(),
    );
    let event_name = move || {
        let id = EventId(event.get());
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
        let at = event.get_untracked();
        let at = (!at.is_empty()).then_some(EventId(at));
        if !state.save_person(person, at.as_ref()) {
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
            <label class="field">
                <span class="field-label">"Met at"</span>
                <select on:change=move |ev| event.set(event_target_value(&ev))>
                    <option value="">"No event"</option>
                    {move || {
                        let mut list: Vec<_> = state.events.with(|e| e.values().map(|e| (e.id.0.clone(), e.name.clone(), e.date.clone())).collect());
                        list.sort_by(|a, b| b.2.cmp(&a.2));
                        list.into_iter().map(|(id, name, date)| { let chosen = event.get_untracked() == id; view! { <option value=id selected=chosen>{format!("{name} ({date})")}</option> } }).collect_view()
                    }}
                </select>
            </label>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="button button-big">"Save"</button>
            <button type="submit" class="button button-quiet button-big" on:click=move |_| another.set(true)>
                "Save and add another"
            </button>
        </form>
    }
}
