//! Events: the list, newest first, and a form to start a new one (today by default).

use crate::core::current_event::{current_event, has_begun, is_on};
use crate::core::draft::{EventDraftData, EVENT_KEY};
use crate::core::model::{Event, EventId};
use crate::core::queries::newest_first;
use crate::core::regulars::same_meeting;
use crate::core::route::Route;
use crate::store::clock::{event_day, new_id, now, today};
use crate::store::{drafts, AppState};
use crate::ui::components::draft_note::DraftNote;
use crate::ui::components::event_again::EventAgain;
use crate::ui::components::event_fields::{EventDraft, EventFields};
use crate::ui::components::event_twin::EventTwin;
use crate::ui::format::{human_date, join_present};
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn EventsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = EventDraft::new(&Event::new(EventId(String::new()), "", today(), 0));
    let restored = RwSignal::new(false);
    if let Some(kept) = drafts::read::<EventDraftData>(state, EVENT_KEY) {
        draft.fill(kept);
        restored.set(true);
    }
    Effect::new(move |_| drafts::note(state, EVENT_KEY, &draft.to_data()));
    on_cleanup(move || drafts::flush(state, EVENT_KEY));
    let discard = Callback::new(move |()| {
        drafts::discard(state, EVENT_KEY);
        draft.fill(EventDraftData {
            date: today(),
            ..EventDraftData::default()
        });
        restored.set(false);
    });
    let error = RwSignal::new(None::<String>);
    let events = Memo::new(move |_| {
        state.events.with(|events| {
            newest_first(events.values())
                .into_iter()
                .cloned()
                .collect::<Vec<Event>>()
        })
    });
    // A meeting already noted for that day, found when "Create event" is tapped.
    let twin = RwSignal::new(None::<(EventId, String)>);
    // Another name or day is another meeting: the warning was about the one typed before.
    Effect::new(move |_| {
        draft.name.track();
        draft.date.track();
        twin.set(None);
    });
    let create_event = move |anyway: bool| {
        if let Some(p) = draft.problem() {
            error.set(Some(p));
            return;
        }
        let mut event = Event::new(EventId(new_id()), "", "", now());
        draft.apply(&mut event);
        if !anyway {
            let found = state.events.with_untracked(|events| {
                same_meeting(&event.name, &event.date, events.values()).map(|e| {
                    let day = if e.date.is_empty() {
                        String::new()
                    } else {
                        format!(" for {}", human_date(&e.date, &today()))
                    };
                    (e.id.clone(), format!("“{}” is already noted{day}.", e.name))
                })
            });
            if found.is_some() {
                twin.set(found);
                return;
            }
        }
        twin.set(None);
        let id = event.id.clone();
        let on_now = is_on(&event, &today());
        if !state.save_event(event) {
            return;
        }
        drafts::discard(state, EVENT_KEY);
        // A new event of today is usually the one I am at: make it current so quick add files
        // people under it. One noted for another day leaves the current one as it is.
        if on_now {
            state.make_current(&id);
        }
        navigate(&Route::Event(id));
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create_event(false);
    };
    let create_anyway = Callback::new(move |()| create_event(true));
    view! {
        <h1>"Events"</h1>
        <details class="card" open=move || restored.get() || events.with(|e| e.is_empty())>
            <summary>"New event"</summary>
            <Show when=move || restored.get()>
                <DraftNote on_discard=discard />
            </Show>
            <form class="form" on:submit=create novalidate>
                <EventAgain draft=draft />
                <EventFields draft=draft />
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                {move || twin.get().map(|(event, text)| view! { <EventTwin event=event text=text on_create_anyway=create_anyway on_open=discard /> })}
                <button type="submit" class="button">"Create event"</button>
            </form>
        </details>
        <ul class="person-list">
            <For
                each=move || events.get()
                key=|e| (e.id.clone(), e.updated)
                children=move |e| {
                    let href = Route::Event(e.id.clone()).to_hash();
                    let current = state.settings.with_untracked(|s| {
                        state.events.with_untracked(|all| current_event(s, all, &event_day()).is_some_and(|c| c.id == e.id))
                    });
                    // "0 met" says nothing about a meeting still to come.
                    let met = if e.attendees.is_empty() && !has_begun(&e, &today()) {
                        String::new()
                    } else {
                        format!("{} met", e.attendees.len())
                    };
                    let line = join_present(&[crate::ui::format::event_when(&e.date, &e.time, &today()), e.place.clone(), met], " · ");
                    view! {
                        <li>
                            <a href=href class="person-row">
                                <span class="person-name">{e.name.clone()}{current.then_some(" (current)")}</span>
                                <span class="person-what">{line}</span>
                            </a>
                        </li>
                    }
                }
            />
        </ul>
    }
}
