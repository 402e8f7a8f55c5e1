//! An event's page: its details and the people I met there.

use crate::core::model::EventId;
use crate::store::AppState;
use crate::ui::components::person_list::PersonList;
use leptos::prelude::*;

#[component]
pub fn EventPage(id: EventId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let event = {
        let id = id.clone();
        Memo::new(move |_| state.events.with(|e| e.get(&id).cloned()))
    };
    let attendees = Signal::derive(move || {
        let Some(e) = event.get() else {
            return Vec::new();
        };
        state.people.with(|people| {
            e.attendees
                .iter()
                .filter_map(|id| people.get(id).cloned())
                .collect()
        })
    });
    let is_current = {
        let id = id.clone();
        move || {
            state
                .settings
                .with(|s| s.current_event.as_ref() == Some(&id))
        }
    };
    let make_current = {
        let id = id.clone();
        move |_| {
            let mut settings = state.settings.get_untracked();
            settings.current_event = Some(id.clone());
            state.save_settings(settings);
        }
    };
    move || match event.get() {
        None => view! {
            <h1>"Event not found"</h1>
            <p><a href="#/events">"Go to Events"</a></p>
        }
        .into_any(),
        Some(e) => view! {
            <h1>{e.name.clone()}</h1>
            <p class="muted">{e.date.clone()}</p>
            {
                let is_current = is_current.clone();
                let make_current = make_current.clone();
                move || {
                    if is_current() {
                        view! { <p class="pill">"Current event"</p> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button" on:click=make_current.clone()>
                                "Mark as current event"
                            </button>
                        }
                        .into_any()
                    }
                }
            }
            <h2>"People I met here"</h2>
            <PersonList people=attendees />
        }
        .into_any(),
    }
}
