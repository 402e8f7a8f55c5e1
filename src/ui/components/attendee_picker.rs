//! Adding people I already saved to an event: type part of a name, tap the person.

use crate::core::interest_key::fold;
use crate::core::model::{EventId, PersonId};
use crate::store::clock::now;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn AttendeePicker(event: EventId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let event = StoredValue::new(event);
    let matches = Memo::new(move |_| {
        let q = fold(&query.get());
        let q = q.trim().to_string();
        if q.is_empty() {
            return Vec::new();
        }
        let here: Vec<PersonId> = state.events.with(|e| {
            event
                .with_value(|id| e.get(id).map(|e| e.attendees.clone()))
                .unwrap_or_default()
        });
        state.people.with(|people| {
            people
                .values()
                .filter(|p| !here.contains(&p.id) && fold(&p.name).contains(&q))
                .take(6)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let add = move |id: PersonId| {
        let Some(mut e) = state
            .events
            .with_untracked(|e| event.with_value(|eid| e.get(eid).cloned()))
        else {
            return;
        };
        if !e.attendees.contains(&id) {
            e.attendees.push(id);
            e.updated = now();
            state.save_event(e);
        }
        query.set(String::new());
    };
    view! {
        <label class="field">
            <span class="field-label">"Add someone already saved"</span>
            <input type="search" placeholder="Type a name" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </label>
        <ul class="suggestions">
            {move || {
                matches
                    .get()
                    .into_iter()
                    .map(|(id, name)| {
                        view! {
                            <li>
                                <button type="button" class="suggestion" on:click=move |_| add(id.clone())>
                                    {format!("Add {name}")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
