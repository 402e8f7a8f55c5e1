//! Events: the list, newest first, and a quick way to start a new one.

use crate::core::limits::{over_limit, NAME_MAX};
use crate::core::model::{Event, EventId};
use crate::core::route::Route;
use crate::store::clock::{new_id, now, today};
use crate::store::AppState;
use crate::ui::components::field::TextField;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn EventsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let error = RwSignal::new(None::<String>);
    let events = Memo::new(move |_| {
        state.events.with(|events| {
            let mut list: Vec<Event> = events.values().cloned().collect();
            list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.name.cmp(&b.name)));
            list
        })
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some("An event needs a name.".into()));
            return;
        }
        if let Some(m) = over_limit("Event name", &n, NAME_MAX) {
            error.set(Some(m));
            return;
        }
        let event = Event::new(EventId(new_id()), n, date.get_untracked(), now());
        let id = event.id.clone();
        state.save_event(event);
        let mut settings = state.settings.get_untracked();
        settings.current_event = Some(id.clone());
        state.save_settings(settings);
        navigate(&Route::Event(id));
    };
    view! {
        <h1>"Events"</h1>
        <form class="form card" on:submit=create novalidate>
            <h2>"New event"</h2>
            <TextField label="Event name" value=name max=NAME_MAX />
            <TextField label="Date" value=date kind="date" />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="button">"Create event"</button>
        </form>
        <ul class="person-list">
            <For
                each=move || events.get()
                key=|e| (e.id.clone(), e.updated)
                children=|e| {
                    let href = Route::Event(e.id.clone()).to_hash();
                    let count = e.attendees.len();
                    view! {
                        <li>
                            <a href=href class="person-row">
                                <span class="person-name">{e.name.clone()}</span>
                                <span class="person-what">
                                    {format!("{} · {} met", e.date, count)}
                                </span>
                            </a>
                        </li>
                    }
                }
            />
        </ul>
    }
}
