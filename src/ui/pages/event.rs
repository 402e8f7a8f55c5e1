//! An event's page: details, notes and takeaways, the people I met there (add new ones or pick
//! saved ones), the room's insights, and delete (with undo).

use crate::core::current_event::{current_event, has_begun, is_on, is_over};
use crate::core::draft::{event_edit_key, EventDraftData};
use crate::core::ics::{calendar, event_entry};
use crate::core::model::{Event, EventId, Person};
use crate::core::route::Route;
use crate::store::clock::{event_day, now, today};
use crate::store::{drafts, AppState};
use crate::ui::components::attendee_picker::AttendeePicker;
use crate::ui::components::draft_note::DraftNote;
use crate::ui::components::event_fields::{EventDraft, EventFields};
use crate::ui::components::event_insights::EventInsights;
use crate::ui::components::event_summary_actions::EventSummaryActions;
use crate::ui::components::person_list::PersonList;
use crate::ui::components::regulars::Regulars;
use crate::ui::components::undo_toast::UndoSlot;
use crate::ui::download::download_text;
use crate::ui::format::join_present;
use crate::ui::pages::person_form::add_person_at;
use crate::ui::router::navigate_replacing;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn EventPage(id: EventId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let event = Memo::new(move |_| {
        state
            .events
            .with(|e| id.with_value(|id| e.get(id).cloned()))
    });
    // An edit left unsaved (another tab, the app killed) opens again as it was.
    let editing = RwSignal::new(
        id.with_value(|id| drafts::read::<EventDraftData>(state, &event_edit_key(id)).is_some()),
    );
    // "Add takeaways" opens the same edit form (drafts and all) at its Takeaways field.
    let to_takeaways = RwSignal::new(false);
    let wants_takeaways = move || {
        !editing.get()
            && event.with(|e| {
                e.as_ref()
                    .is_some_and(|e| e.takeaways.trim().is_empty() && has_begun(e, &today()))
            })
    };
    let attendee_ids = Signal::derive(move || {
        event.with(|e| e.as_ref().map(|e| e.attendees.clone()).unwrap_or_default())
    });
    // Latest met first, as Home's recent people: at the event, the one just met is on top.
    let attendees = Signal::derive(move || {
        let ids = attendee_ids.get();
        state.people.with(|people| {
            ids.iter()
                .rev()
                .filter_map(|id| people.get(id).cloned())
                .collect()
        })
    });
    let is_current = move || {
        state.settings.with(|s| {
            state.events.with(|e| {
                id.with_value(|id| current_event(s, e, &event_day()).is_some_and(|c| &c.id == id))
            })
        })
    };
    let make_current = move || {
        id.with_value(|id| state.make_current(id));
    };
    let undo = expect_context::<UndoSlot>();
    // A test event or one made twice: the people met there keep their records, and the toast
    // puts it back for ten seconds.
    let delete = move |_| {
        let id = id.get_value();
        if let Some(removed) = state.delete_event(&id) {
            drafts::discard(state, &event_edit_key(&id));
            undo.offer(removed);
            navigate_replacing(&Route::Events);
        }
    };
    // A meeting still to come goes in the phone's calendar, so next month's breakfast noted at
    // this one is not forgotten (today's needs no reminder: I am there).
    let to_come = move || {
        !editing.get()
            && event.with(|e| {
                e.as_ref()
                    .is_some_and(|e| !e.date.is_empty() && !has_begun(e, &today()))
            })
    };
    let add_to_calendar = move |_| {
        if let Some(entry) = event.with_untracked(|e| e.as_ref().and_then(event_entry)) {
            download_text("event.ics", "text/calendar", &calendar(&[entry], now()));
        }
    };
    let add_person_here = move |_| {
        // Someone met here today is met at the event I am at; one added to last month's or
        // next week's is filed there and changes nothing about today.
        if event.with_untracked(|e| e.as_ref().is_some_and(|e| is_on(e, &today()))) {
            make_current();
        }
        add_person_at(id.get_value());
    };
    view! {
        <Show
            when=move || event.with(|e| e.is_some())
            fallback=|| view! {
                <h1>"Event not found"</h1>
                <p><a href="#/events">"Go to Events"</a></p>
            }
        >
            {move || {
                let e = event.get()?;
                Some(if editing.get() {
                    view! { <EventEdit event=e editing=editing to_takeaways=to_takeaways /> }.into_any()
                } else {
                    view! { <EventDetails event=e /> }.into_any()
                })
            }}
            <div class="row event-actions">
                <Show
                    when=is_current
                    fallback=move || {
                        // A past event cannot be the one I am at.
                        let over = event.with(|e| e.as_ref().is_some_and(|e| is_over(e, &today())));
                        (!over).then(|| view! {
                            <button type="button" class="button" on:click=move |_| make_current()>"Mark as current event"</button>
                        })
                    }
                >
                    <p class="pill">"Current event"</p>
                    <button type="button" class="button button-quiet" on:click=move |_| state.end_event()>"End event"</button>
                </Show>
                <Show when=move || !editing.get()>
                    <button type="button" class="button button-quiet" on:click=move |_| editing.set(true)>"Edit event"</button>
                </Show>
                <Show when=to_come>
                    <button type="button" class="button button-quiet" on:click=add_to_calendar>"Add to calendar"</button>
                </Show>
                <Show when=wants_takeaways>
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=move |_| {
                            to_takeaways.set(true);
                            editing.set(true);
                        }
                    >
                        "Add takeaways"
                    </button>
                </Show>
            </div>
            <h2>{move || match attendees.with(|a: &Vec<Person>| a.len()) {
                0 => "People I met here".to_string(),
                n => format!("People I met here ({n})"),
            }}</h2>
            // The actions before the list: twenty people into an evening, "Add person here"
            // must not be a long scroll away.
            <button type="button" class="button button-big" on:click=add_person_here>"Add person here"</button>
            <AttendeePicker event=id.get_value() />
            <PersonList people=attendees />
            <Regulars this=event />
            <EventInsights attendees=attendee_ids />
            <h2>"Summary"</h2>
            <p class="muted">"The event, the people met and what they do, your follow-ups, notes and takeaways, as text: no contact details."</p>
            <EventSummaryActions event=id.get_value() />
            <div class="row">
                <button type="button" class="button button-danger" on:click=delete>"Delete event"</button>
            </div>
        </Show>
    }
}

#[component]
fn EventDetails(event: Event) -> impl IntoView {
    let date =
        crate::ui::format::event_when(&event.date, &event.time, &crate::store::clock::today());
    let line = join_present(&[&date, &event.place, &event.group], " · ");
    view! {
        <h1>{event.name.clone()}</h1>
        <p class="muted">{line}</p>
        {(!event.purpose.is_empty()).then(|| view! { <p class="lead">{format!("Purpose: {}", event.purpose)}</p> })}
        {(!event.notes.is_empty()).then(|| view! { <h2>"Notes"</h2><p class="notes">{event.notes.clone()}</p> })}
        {(!event.takeaways.is_empty()).then(|| view! { <h2>"Takeaways"</h2><p class="notes">{event.takeaways.clone()}</p> })}
    }
}

#[component]
fn EventEdit(event: Event, editing: RwSignal<bool>, to_takeaways: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = EventDraft::new(&event);
    let key = StoredValue::new(event_edit_key(&event.id));
    let restored = RwSignal::new(false);
    if let Some(kept) = key.with_value(|k| drafts::read::<EventDraftData>(state, k)) {
        draft.fill(kept);
        restored.set(true);
    }
    // What the record holds, so an edit that changes nothing keeps no draft.
    let unchanged = untrack(|| EventDraft::new(&event).to_data());
    drafts::keep_edit(state, key.get_value(), unchanged, move || draft.to_data());
    let stop = move || {
        key.with_value(|k| drafts::discard(state, k));
        editing.set(false);
    };
    let discard = Callback::new(move |()| stop());
    let error = RwSignal::new(None::<String>);
    let id = event.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(p) = draft.problem() {
            error.set(Some(p));
            return;
        }
        let Some(mut e) = state.events.with_untracked(|e| e.get(&id).cloned()) else {
            return;
        };
        draft.apply(&mut e);
        e.updated = now();
        if state.save_event(e) {
            stop();
        }
    };
    // The form opens at its top, not where "Edit event" was tapped; for "Add takeaways", at
    // the Takeaways field with the keyboard up.
    request_animation_frame(move || {
        let field = to_takeaways
            .try_update(std::mem::take)
            .unwrap_or(false)
            .then(|| {
                document()
                    .query_selector("textarea[name=takeaways]")
                    .ok()
                    .flatten()
            })
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        match field {
            Some(field) => {
                let _ = field.focus();
            }
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    });
    view! {
        <h1>{format!("Edit {}", event.name)}</h1>
        <Show when=move || restored.get()>
            <DraftNote on_discard=discard />
        </Show>
        <form class="form" on:submit=save novalidate>
            <EventFields draft=draft full=true />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="row">
                <button type="submit" class="button">"Save event"</button>
                <button type="button" class="button button-quiet" on:click=move |_| stop()>"Cancel"</button>
            </div>
        </form>
    }
}
