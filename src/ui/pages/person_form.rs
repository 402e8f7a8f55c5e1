//! Quick add: name, what they do, interests, a note and (folded away) a follow-up, phone and
//! email, filed under the current event. What is typed is kept as a draft until saved; Enter
//! never saves; someone already saved under the same name is pointed out before a second
//! record is made, and "Met again" files them with whatever else was typed.
//! "Save and add another" keeps the event and starts again at "Name", for working a room.

use crate::core::current_event::current_event;
use crate::core::draft::{PersonDraftData, PERSON_KEY};
use crate::core::duplicates::{merge_person, names_agree, with_typed};
use crate::core::interest_key::fold;
use crate::core::model::{EventId, Person, PersonId};
use crate::core::route::Route;
use crate::store::clock::{event_day, new_id, now};
use crate::store::{drafts, AppState, Notice};
use crate::ui::components::draft_note::DraftNote;
use crate::ui::components::duplicate_warning::DuplicateWarning;
use crate::ui::components::event_select::EventSelect;
use crate::ui::components::known_name::{saved_names, NameCheck};
use crate::ui::components::person_fields::{PersonDraft, PersonFields};
use crate::ui::focus::focus_first;
use crate::ui::router::{navigate, navigate_replacing};
use leptos::prelude::*;

thread_local! {
    /// The event "Add person here" was tapped on, for the next quick add to file under; it may
    /// be a past event (someone remembered later), which is never made current.
    static ADD_AT: std::cell::RefCell<Option<EventId>> = const { std::cell::RefCell::new(None) };
    /// The name for the next quick add (`add_person_named`).
    static ADD_NAMED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// A contact card scanned for the next quick add (`add_person_from_card`).
    static ADD_CARD: std::cell::RefCell<Option<ScannedCard>> = const { std::cell::RefCell::new(None) };
}

/// A contact card or a profile read from a QR code (a badge, a phone's "share contact", a
/// LinkedIn code): the fields it fills, where they came from ("Helen Morris's contact card"),
/// and what to check or what the reading had to shorten or leave out, in words.
pub struct ScannedCard {
    pub fields: PersonDraftData,
    pub from: String,
    pub warnings: Vec<String>,
}

/// Opens quick add filed under `event`.
pub fn add_person_at(event: EventId) {
    ADD_AT.set(Some(event));
    navigate(&Route::AddPerson);
}

/// Opens quick add with the name filled in: a search of People's found nobody by that name.
pub fn add_person_named(name: String) {
    ADD_NAMED.set(Some(name));
    navigate(&Route::AddPerson);
}

/// Opens quick add filled in from a scanned contact card, in place of the scan page (Back from
/// the form should not start the camera again).
pub fn add_person_from_card(card: ScannedCard) {
    ADD_CARD.set(Some(card));
    navigate_replacing(&Route::AddPerson);
}

/// How a save treats someone of the same name already saved.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Duplicates {
    Warn,
    AddAnyway,
    Merge,
}

#[component]
pub fn PersonForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = PersonDraft::empty();
    let restored = RwSignal::new(false);
    if let Some(kept) = drafts::read::<PersonDraftData>(state, PERSON_KEY) {
        draft.fill(kept);
        restored.set(true);
    }
    // A name handed over fills an empty "Name" only: a draft's own name was typed, and is kept.
    if let Some(name) = ADD_NAMED.take() {
        if draft.name.with_untracked(|n| n.trim().is_empty()) {
            draft.name.set(name);
        }
    }
    // A scanned card fills the form, unless someone else is half typed there: that draft is
    // kept as it was, and the form says what to do.
    let card_note = RwSignal::new(ADD_CARD.take().map(|card| take_card(&draft, card)));
    // Kept as typed; written once typing pauses, and at once when the form closes.
    Effect::new(move |_| drafts::note(state, PERSON_KEY, &draft.to_data()));
    on_cleanup(move || drafts::flush(state, PERSON_KEY));

    let error = RwSignal::new(None::<String>);
    let another = RwSignal::new(false);
    let duplicate = RwSignal::new(None::<PersonId>);
    // The current event is pre-selected; "Save and add another" keeps whatever is chosen.
    let event = RwSignal::new(
        ADD_AT
            .take()
            .map(|e| e.0)
            .or_else(|| {
                state.settings.with_untracked(|s| {
                    state.events.with_untracked(|e| {
                        current_event(s, e, &event_day()).map(|e| e.id.0.clone())
                    })
                })
            })
            .unwrap_or_default(),
    );
    let event_name = move || {
        let id = EventId(event.get());
        state.events.with(|e| e.get(&id).map(|e| e.name.clone()))
    };

    let names = saved_names(state);
    let done = RwSignal::new(false);
    // The person as typed, or `None` with the reason under the form: both ways out of the
    // form (Save, "Met again") refuse the same things.
    let typed = move || {
        if let Some(p) = draft.problem() {
            error.set(Some(p));
            return None;
        }
        error.set(None);
        let mut person = Person::new(PersonId(new_id()), "", now());
        draft.apply(&mut person);
        Some(person)
    };
    let save = move |mode: Duplicates| {
        let Some(person) = typed() else {
            return;
        };
        // The index "Name" was checked against as it was typed: a lookup, not a fold of
        // every saved name.
        let same = names
            .with_untracked(|index| index.find(&person.name).cloned())
            .and_then(|id| state.people.with_untracked(|p| p.get(&id).cloned()));
        if mode == Duplicates::Warn {
            if let Some(existing) = &same {
                duplicate.set(Some(existing.id.clone()));
                return;
            }
        }
        duplicate.set(None);
        let person = match (&same, mode) {
            (Some(existing), Duplicates::Merge) => merge_person(existing, &person, now()),
            _ => person,
        };
        let id = person.id.clone();
        let label = person.name.clone();
        let at = event.get_untracked();
        let at = (!at.is_empty()).then_some(EventId(at));
        if !state.save_person(person, at.as_ref()) {
            return;
        }
        drafts::discard(state, PERSON_KEY);
        restored.set(false);
        // Said of the person just saved, not of the next one.
        card_note.set(None);
        let merged = if mode == Duplicates::Merge && same.is_some() {
            format!("Merged into {label}.")
        } else {
            format!("Saved {label}.")
        };
        if another.get_untracked() {
            draft.clear();
            another.set(false);
            state.notify(Notice::success(format!("{merged} Add the next person.")));
            // Back at the top, ready for the next name, with no scrolling back.
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_first("#main form input");
        } else {
            state.notify(Notice::success(merged));
            done.set(true);
            // The saved person takes the form's place in history: Back goes where "Add person"
            // was tapped, not to an empty form.
            navigate_replacing(&Route::Person(id));
        }
    };
    // Someone already saved, typed again at an event: filed there, with no second record;
    // her new interest or a promise typed before "Met again" was tapped joins her record, and
    // the form's draft goes (it was them).
    let met_again = Callback::new(move |id: PersonId| {
        let at = EventId(event.get_untracked());
        let Some(typed) = typed() else {
            return;
        };
        let added = state.people.with_untracked(|p| {
            p.get(&id)
                .and_then(|saved| with_typed(saved, &typed, now()))
        });
        let kept_typing = added.is_some();
        let filed = match added {
            Some(person) => state.save_person(person, Some(&at)),
            None => state.set_attendance(&at, &id, true),
        };
        if !filed {
            return;
        }
        let (person, place) = (
            state
                .people
                .with_untracked(|p| p.get(&id).map(|p| p.name.clone())),
            state
                .events
                .with_untracked(|e| e.get(&at).map(|e| e.name.clone())),
        );
        drafts::discard(state, PERSON_KEY);
        draft.clear();
        let person = person.unwrap_or_default();
        let place = place.unwrap_or_default();
        state.notify(Notice::success(if kept_typing {
            format!("Filed {person} under {place}, with what you typed added to their page.")
        } else {
            format!("Filed {person} under {place}.")
        }));
        done.set(true);
        navigate_replacing(&Route::Person(id));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(Duplicates::Warn);
    };
    let discard = Callback::new(move |()| {
        drafts::discard(state, PERSON_KEY);
        draft.clear();
        restored.set(false);
        card_note.set(None);
        duplicate.set(None);
        focus_first("#main form input");
    });
    // Opening quick add puts the cursor in "Name", ready to type.
    request_animation_frame(|| focus_first("#main form input"));

    view! {
        <h1>"Add person"</h1>
        <Show when=move || restored.get()>
            <DraftNote on_discard=discard />
        </Show>
        {move || card_note.get().map(|note| view! { <p class="draft-note">{note}</p> })}
        {move || {
            event_name()
                .map(|n| {
                    view! {
                        <p class="draft-note">
                            <span class="pill">{format!("At {n}")}</span>
                            <button type="button" class="link-button" on:click=move |_| event.set(String::new())>
                                "Not at an event"
                            </button>
                        </p>
                    }
                })
        }}
        // At a conference the badge has it all: the scan page comes back here filled in. In the
        // form's place, so Back from the filled form is where "Add person" was tapped.
        <p class="draft-note">
            <button type="button" class="link-button" on:click=move |_| navigate_replacing(&Route::Scan)>
                "Scan their badge"
            </button>
        </p>
        <form class="form" on:submit=submit novalidate>
            <PersonFields draft=draft check=NameCheck { index: names, event, met_again, done } />
            <EventSelect label="Met at" none="No event" value=event />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || {
                duplicate
                    .get()
                    .map(|existing| {
                        view! {
                            <DuplicateWarning
                                existing=existing
                                on_add_anyway=Callback::new(move |()| save(Duplicates::AddAnyway))
                                on_merge=Callback::new(move |()| save(Duplicates::Merge))
                            />
                        }
                    })
            }}
            <button type="submit" class="button button-big" on:click=move |_| another.set(false)>"Save"</button>
            <button type="submit" class="button button-quiet button-big" on:click=move |_| another.set(true)>
                "Save and add another"
            </button>
        </form>
    }
}

/// Fills the empty fields of `draft` from a scanned card, and says what it did. A draft with
/// another person's name in it is left alone: their typing is not mixed with the card's.
fn take_card(draft: &PersonDraft, card: ScannedCard) -> String {
    let f = card.fields;
    let typed = draft.name.with_untracked(|n| n.trim().to_string());
    if !names_agree(&typed, &f.name) {
        return format!(
            "You were adding {typed} when {} was scanned. Save or clear {typed} first, then scan it again.",
            card.from
        );
    }
    let mut came = Vec::new();
    // "Helen" typed, then her badge scanned: the badge's fuller name replaces the typed start.
    if !typed.is_empty() && !f.name.is_empty() && fold(&typed) != fold(&f.name) {
        draft.name.set(String::new());
    }
    for (field, value, what) in [
        (draft.name, f.name, "name"),
        (draft.what, f.what, "what they do"),
        (draft.phone, f.phone, "phone"),
        (draft.email, f.email, "email"),
        (draft.web, f.web, "web address"),
        (draft.social, f.social, "social profile"),
        (draft.notes, f.notes, "a note"),
    ] {
        if !value.is_empty() && field.with_untracked(|v| v.trim().is_empty()) {
            field.set(value);
            came.push(what);
        }
    }
    if draft.interests.with_untracked(|i| i.is_empty()) && !f.interests.is_empty() {
        draft.interests.set(f.interests);
        came.push("interests");
    }
    let mut note = format!("From {}: {}.", card.from, came.join(", "));
    for w in card.warnings {
        note.push(' ');
        note.push_str(&w);
    }
    note
}
