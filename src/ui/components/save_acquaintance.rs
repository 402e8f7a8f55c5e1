//! "Save as acquaintance": turns a received map into a person, at an event I choose; offers to
//! update the person saved from an earlier link of theirs rather than make a duplicate.

use super::duplicate_warning::DuplicateWarning;
use super::event_select::EventSelect;
use super::field::TextField;
use crate::core::duplicates::{merge_person, same_name};
use crate::core::model::{Event, EventId, Millis, Person, PersonId, Source};
use crate::core::regulars::same_meeting;
use crate::core::route::Route;
use crate::core::share::SharePayload;
use crate::store::clock::{new_id, now, today};
use crate::store::{AppState, Notice};
use crate::ui::router::navigate;
use leptos::prelude::*;

/// The "Met at" choice that creates an event on saving.
const NEW_EVENT: &str = "+new";

fn person_from(payload: &SharePayload, person: &mut Person) {
    person.name = if payload.name.trim().is_empty() {
        "Someone".into()
    } else {
        payload.name.clone()
    };
    person.what = payload.what.clone();
    person.interests = payload.interests.clone();
    if !payload.contact.is_empty() {
        person.contact = payload.contact.clone();
    }
    if !payload.message.is_empty() && !person.notes.contains(&payload.message) {
        if !person.notes.is_empty() {
            person.notes.push('\n');
        }
        person
            .notes
            .push_str(&format!("Their message: {}", payload.message));
    }
}

#[component]
pub fn SaveAcquaintance(payload: SharePayload) -> impl IntoView {
    let state = expect_context::<AppState>();
    let payload = StoredValue::new(payload);
    let event = RwSignal::new(
        state
            .settings
            .with_untracked(|s| {
                state.events.with_untracked(|e| {
                    crate::core::current_event::current_event(
                        s,
                        e,
                        &crate::store::clock::event_day(),
                    )
                    .map(|e| e.id.0.clone())
                })
            })
            .unwrap_or_default(),
    );
    let asking = RwSignal::new(false);
    let new_event = RwSignal::new(String::new());
    let earlier = Memo::new(move |_| {
        let name = payload.with_value(|p| p.name.trim().to_lowercase());
        state.people.with(|people| {
            people
                .values()
                .find(|p| p.source == Source::Link && p.name.trim().to_lowercase() == name)
                .map(|p| p.id.clone())
        })
    });
    // Someone of the same name saved another way (typed, from a contacts file): asked about
    // before a second record is made.
    let duplicate = RwSignal::new(None::<PersonId>);
    let save_with = move |existing: Option<PersonId>, merge: bool| {
        let t = now();
        let saved = existing
            .as_ref()
            .and_then(|id| state.people.with_untracked(|p| p.get(id).cloned()));
        let mut person = match (&saved, merge) {
            (Some(p), false) => p.clone(),
            _ => {
                let mut p = Person::new(PersonId(new_id()), "", t);
                p.source = Source::Link;
                p
            }
        };
        payload.with_value(|p| person_from(p, &mut person));
        if let (Some(saved), true) = (&saved, merge) {
            person = merge_person(saved, &person, t);
        }
        person.updated = t;
        let id = person.id.clone();
        let name = person.name.clone();
        let mut at = event.get_untracked();
        if at == NEW_EVENT {
            let name = new_event.get_untracked().trim().to_string();
            // Tonight's meeting typed again by its name is the one already noted, not a second.
            let noted = state.events.with_untracked(|events| {
                same_meeting(&name, &today(), events.values()).map(|e| e.id.0.clone())
            });
            at = match noted {
                Some(existing) => existing,
                None => match new_event_named(state, name, t) {
                    Some(created) => created,
                    None => return,
                },
            };
        }
        let at = (!at.is_empty()).then_some(EventId(at));
        if state.save_person(person, at.as_ref()) {
            duplicate.set(None);
            state.notify(Notice::success(format!("Saved {name}.")));
            navigate(&Route::Person(id));
        }
    };
    let save = move |existing: Option<PersonId>| save_with(existing, false);
    let first_save = move || {
        if earlier.get_untracked().is_some() {
            asking.set(true);
            return;
        }
        let name = payload.with_value(|p| p.name.clone());
        match state
            .people
            .with_untracked(|p| same_name(p.values(), &name, None).map(|p| p.id.clone()))
        {
            Some(id) => duplicate.set(Some(id)),
            None => save(None),
        }
    };
    view! {
        <h2>"Save them"</h2>
        <EventSelect label="Met at" none="No event" value=event extra=(NEW_EVENT, "A new event…") />
        <Show when=move || event.get() == NEW_EVENT>
            <TextField label="New event name" value=new_event max=crate::core::limits::NAME_MAX />
        </Show>
        // Sticky above the navigation, so saving is in reach wherever the page is scrolled.
        <div class="sticky-action">
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button
                    type="button"
                    class="button button-big"
                    on:click=move |_| first_save()
                >
                    "Save as acquaintance"
                </button>
                {move || {
                    duplicate
                        .get()
                        .map(|existing| {
                            let merge_into = existing.clone();
                            view! {
                                <DuplicateWarning
                                    existing=existing
                                    on_add_anyway=Callback::new(move |()| save(None))
                                    on_merge=Callback::new(move |()| save_with(Some(merge_into.clone()), true))
                                />
                            }
                        })
                }}
            }
        >
            <p>{move || format!("You saved {} from a link before.", payload.with_value(|p| p.name.clone()))}</p>
            <div class="row">
                <button type="button" class="button" on:click=move |_| save(earlier.get_untracked())>"Update the saved person"</button>
                <button type="button" class="button button-quiet" on:click=move |_| save(None)>"Save as a new person"</button>
            </div>
        </Show>
        </div>
    }
}

/// "A new event…" on saving: today's event of that name ("New event" when none was typed);
/// its id, or `None` when it cannot be saved (the name over its limit: the notice says so).
fn new_event_named(state: AppState, name: String, t: Millis) -> Option<String> {
    let created = Event::new(
        EventId(new_id()),
        if name.is_empty() {
            "New event".into()
        } else {
            name
        },
        today(),
        t,
    );
    if let Some(problem) = created.problems().into_iter().next() {
        state.notify(Notice::error(problem));
        return None;
    }
    let id = created.id.0.clone();
    state.save_event(created);
    Some(id)
}
