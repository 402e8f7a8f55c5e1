//! Adding people I already saved to an event.

use super::person_picker::PersonPicker;
use crate::core::model::{EventId, PersonId};
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn AttendeePicker(event: EventId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let event = StoredValue::new(event);
    let here = Signal::derive(move || {
        state.events.with(|e| {
            event
                .with_value(|id| e.get(id).map(|e| e.attendees.clone()))
                .unwrap_or_default()
        })
    });
    let add = Callback::new(move |id: PersonId| {
        event.with_value(|event| state.set_attendance(event, &id, true));
    });
    view! { <PersonPicker label="Add someone already saved" exclude=here on_pick=add prefix="Add " /> }
}
