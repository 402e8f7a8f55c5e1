//! "Add a note" on a person's page: what was learnt at a later meeting, added to their notes
//! after today's date (`core::notes`), without opening the whole edit form. What is typed is
//! kept as a draft until it is added or cancelled, like every other form's.

use crate::core::draft::{person_note_key, NoteDraftData};
use crate::core::limits::{over_limit, NOTE_MAX};
use crate::core::model::Person;
use crate::core::notes::with_dated_note;
use crate::store::clock::{now, today};
use crate::store::{drafts, AppState, Notice};
use crate::ui::components::field::TextField;
use crate::ui::focus::focus_first;
use leptos::prelude::*;

#[component]
pub fn AddNote(person: Signal<Person>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = person.with_untracked(|p| person_note_key(&p.id));
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    if let Some(kept) = drafts::read::<NoteDraftData>(state, &key) {
        text.set(kept.notes);
        open.set(true);
    }
    // Nothing typed is no draft (a blank one is never stored).
    drafts::keep_edit(state, key.clone(), NoteDraftData::default(), move || {
        NoteDraftData { notes: text.get() }
    });
    let close = {
        let key = key.clone();
        move || {
            drafts::discard(state, &key);
            text.set(String::new());
            error.set(None);
            open.set(false);
        }
    };
    let add = {
        let close = close.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut p = person.get_untracked();
            let Some(notes) = with_dated_note(&p.notes, &today(), &text.get_untracked()) else {
                error.set(Some("Type the note first.".into()));
                return;
            };
            if let Some(problem) = over_limit("Their notes", &notes, NOTE_MAX) {
                error.set(Some(problem));
                return;
            }
            p.notes = notes;
            p.updated = now();
            if state.save_person(p, None) {
                close();
                state.notify(Notice::success("Note added."));
            }
        }
    };
    let start = move |_| {
        open.set(true);
        request_animation_frame(|| focus_first("textarea[name=new-note]"));
    };
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button button-quiet" on:click=start>"Add a note"</button>
            }
        >
            <form class="form" on:submit=add.clone() novalidate>
                <TextField label="New note" value=text multiline=true name="new-note" />
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="row">
                    <button type="submit" class="button">"Add note"</button>
                    <button type="button" class="button button-quiet" on:click={
                        let close = close.clone();
                        move |_| close()
                    }>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
