//! A person's events on their page: each a link, with "Remove from <event>" for one they were
//! filed under by mistake ("Undo" takes its place for a moment); and, during an event they are
//! not filed under, "Met at <event> too", for someone already saved met again, without going
//! to the event's page and finding them there.

use crate::core::current_event::current_event;
use crate::core::model::{EventId, Person};
use crate::core::queries::attended_by;
use crate::core::route::Route;
use crate::store::clock::{event_day, today};
use crate::store::{AppState, Notice};
use crate::ui::format::event_with_date;
use leptos::prelude::*;

#[component]
pub fn WhereWeMet(person: Signal<Person>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let events = Memo::new(move |_| {
        let id = person.with(|p| p.id.clone());
        state.events.with(|events| {
            attended_by(events.values(), &id)
                .into_iter()
                .map(|e| (e.id.clone(), e.name.clone(), e.date.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The current event, while they are not filed under it.
    let current = Memo::new(move |_| {
        let id = person.with(|p| p.id.clone());
        let today = event_day();
        state.settings.with(|s| {
            state.events.with(|e| {
                current_event(s, e, &today)
                    .filter(|e| !e.attendees.contains(&id))
                    .map(|e| (e.id.clone(), e.name.clone()))
            })
        })
    });
    let removed = RwSignal::new(None::<(EventId, String)>);
    // Files them under an event, or takes them off it; false when it could not be saved.
    let file = move |event: &EventId, here: bool| -> bool {
        let id = person.with_untracked(|p| p.id.clone());
        state.set_attendance(event, &id, here)
    };
    let row = move |(event, name, date, twin): (EventId, String, String, bool)| {
        // The day is enough here: a person is met once a meeting.
        let text = event_with_date(&name, &date, "", &today());
        // Monthly meetings share a name: each button must say which one it takes them off.
        let remove_label = if twin {
            format!("Remove from {text}")
        } else {
            format!("Remove from {name}")
        };
        let href = Route::Event(event.clone()).to_hash();
        view! {
            <li>
                <a href=href>{text}</a>
                " "
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        if file(&event, false) {
                            removed.set(Some((event.clone(), name.clone())));
                        }
                    }
                >
                    {remove_label}
                </button>
            </li>
        }
    };
    view! {
        <ul class="plain-list where-met">
            {move || {
                let events = events.get();
                let rows: Vec<_> = events
                    .iter()
                    .map(|(id, name, date)| {
                        let twin = events.iter().filter(|(_, n, _)| n == name).count() > 1;
                        (id.clone(), name.clone(), date.clone(), twin)
                    })
                    .collect();
                rows.into_iter().map(row).collect_view()
            }}
        </ul>
        {move || {
            removed
                .get()
                .map(|(event, name)| {
                    view! {
                        <p role="status">
                            {format!("Removed from {name}. ")}
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    if file(&event, true) {
                                        removed.set(None);
                                    }
                                }
                            >
                                "Undo"
                            </button>
                        </p>
                    }
                })
        }}
        {move || {
            current
                .get()
                .map(|(event, name)| {
                    let label = format!("Met at {name} too");
                    view! {
                        <button
                            type="button"
                            class="button button-quiet"
                            on:click=move |_| {
                                if file(&event, true) {
                                    removed.set(None);
                                    state.notify(Notice::success(format!("Filed under {name}.")));
                                }
                            }
                        >
                            {label}
                        </button>
                    }
                })
        }}
    }
}
