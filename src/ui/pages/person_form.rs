//! Adding a person: name, what they do, interests and a note, linked to the current event.

use crate::core::limits::{over_limit, NAME_MAX, NOTE_MAX, WHAT_MAX};
use crate::core::model::{Person, PersonId};
use crate::core::route::Route;
use crate::store::clock::{new_id, now};
use crate::store::{AppState, Notice};
use crate::ui::components::field::TextField;
use crate::ui::components::interest_editor::InterestEditor;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn PersonForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let interests = RwSignal::new(Vec::new());
    let error = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some("A name is needed to save.".into()));
            return;
        }
        let problem = over_limit("Name", &n, NAME_MAX)
            .or_else(|| what.with_untracked(|w| over_limit("What they do", w, WHAT_MAX)))
            .or_else(|| notes.with_untracked(|t| over_limit("Notes", t, NOTE_MAX)));
        if let Some(p) = problem {
            error.set(Some(p));
            return;
        }
        let mut person = Person::new(PersonId(new_id()), n, now());
        person.what = what.get_untracked().trim().to_string();
        person.notes = notes.get_untracked();
        person.interests = interests.get_untracked();
        let id = person.id.clone();
        let event = state.settings.with_untracked(|s| s.current_event.clone());
        let label = person.name.clone();
        if state.save_person(person, event.as_ref()) {
            state.notify(Notice::info(format!("Saved {label}.")));
        }
        navigate(&Route::Person(id));
    };

    view! {
        <h1>"Add person"</h1>
        <form class="form" on:submit=save novalidate>
            <TextField label="Name" value=name max=NAME_MAX autocomplete="off" />
            <TextField label="What they do" value=what max=WHAT_MAX />
            <h2>"Interests"</h2>
            <InterestEditor interests=interests />
            <TextField label="Notes" value=notes max=NOTE_MAX multiline=true />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="button button-big">"Save"</button>
        </form>
    }
}
