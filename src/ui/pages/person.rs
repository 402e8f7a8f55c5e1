//! A person's page: what we share, conversation starters, details, follow-ups and the events
//! we met at; edit (kept as a draft until saved or cancelled) and delete (with undo).

use crate::core::draft::{person_edit_key, PersonDraftData};
use crate::core::model::PersonId;
use crate::core::route::Route;
use crate::store::clock::now;
use crate::store::{drafts, AppState};
use crate::ui::components::add_note::AddNote;
use crate::ui::components::also_saved::AlsoSaved;
use crate::ui::components::compare_with::CompareWith;
use crate::ui::components::contact_links::ContactLinks;
use crate::ui::components::draft_note::DraftNote;
use crate::ui::components::follow_ups::FollowUps;
use crate::ui::components::interest_chips::InterestChips;
use crate::ui::components::overlap_view::OverlapView;
use crate::ui::components::person_fields::{PersonDraft, PersonFields};
use crate::ui::components::undo_toast::UndoSlot;
use crate::ui::components::vcard_button::VcardButton;
use crate::ui::components::where_we_met::WhereWeMet;
use crate::ui::format::{date_time, human_date, join_present};
use crate::ui::router::navigate_replacing;
use leptos::prelude::*;

#[component]
pub fn PersonPage(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = expect_context::<UndoSlot>();
    // An edit left unsaved (another tab, the app killed) opens again as it was.
    let editing =
        RwSignal::new(drafts::read::<PersonDraftData>(state, &person_edit_key(&id)).is_some());
    let person = {
        let id = id.clone();
        Memo::new(move |_| state.people.with(|p| p.get(&id).cloned()))
    };
    let exists = move || person.with(|p| p.is_some());
    let delete = {
        let id = id.clone();
        move |_| {
            if let Some(removed) = state.delete_person(&id, now()) {
                // An unsaved edit of someone deleted has nowhere to go back to.
                drafts::discard(state, &person_edit_key(&id));
                undo.offer(removed);
                // Back must not lead to the page of someone just deleted.
                navigate_replacing(&Route::People);
            }
        }
    };
    // Rebuilt only when the person appears or disappears: a change saved meanwhile (in this
    // tab or another) must not throw away an edit form's typed text.
    let present = Memo::new(move |_| person.with(|p| p.is_some()));
    let found = move || {
        if !present.get() {
            return None;
        }
        let p = person.get_untracked()?;
        let id = p.id.clone();
        let signal = Signal::derive(move || person.get().unwrap_or_else(|| p.clone()));
        Some(view! {
            <Show
                when=move || editing.get()
                fallback=move || view! { <PersonView person=signal editing=editing /> }
            >
                <PersonEdit person=signal editing=editing />
            </Show>
            <FollowUps id=id.clone() />
            <CompareWith person=signal />
        })
    };
    view! {
        <Show
            when=exists
            fallback=|| view! {
                <h1>"Person not found"</h1>
                <p>"Nobody with this link is saved in this browser. They may have been deleted, or saved on another device."</p>
                <p><a href="#/people">"Go to People"</a></p>
            }
        >
            {found}
            <div class="row">
                <VcardButton id=id.clone() />
                <button type="button" class="button button-danger" on:click=delete.clone()>"Delete"</button>
            </div>
        </Show>
    }
}

#[component]
fn PersonView(
    person: Signal<crate::core::model::Person>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = Signal::derive(move || person.with(|p| p.name.clone()));
    let theirs = Signal::derive(move || person.with(|p| p.interests.clone()));
    let mine = Signal::derive(move || state.me.with(|m| m.interests.clone()));
    move || {
        let p = person.get();
        let today = crate::store::clock::today();
        let met_on = if p.met_on.is_empty() {
            String::new()
        } else {
            human_date(&p.met_on, &today)
        };
        let met = join_present(&[&met_on, &p.met_where], ", ");
        view! {
            // "Edit" beside the name, as in a phone's contacts: a misspelt name or a number to add
            // is not worth a scroll past everything else on the page.
            <div class="title-row">
                <h1>{p.name.clone()}</h1>
                <button type="button" class="button button-quiet" on:click=move |_| editing.set(true)>"Edit"</button>
            </div>
            <p class="lead">{p.what.clone()}</p>
            <AlsoSaved id=p.id.clone() />
            <h2>"What you share"</h2>
            <OverlapView name=name mine=mine theirs=theirs />
            <h2>"Their interests"</h2>
            {move || {
                theirs.with(Vec::is_empty).then(|| view! { <p class="muted">"None noted yet."</p> })
            }}
            <InterestChips interests=theirs categories=state.categories />
            <h2>"Notes"</h2>
            {if p.notes.trim().is_empty() {
                view! { <p class="muted">"No notes yet."</p> }.into_any()
            } else {
                view! { <p class="notes">{p.notes.clone()}</p> }.into_any()
            }}
            <AddNote person=person />
            <h2>"Contact"</h2>
            <ContactLinks contact=p.contact.clone() />
            <h2>"Where we met"</h2>
            {(!met.is_empty()).then(|| view! { <p>{met.clone()}</p> })}
            <WhereWeMet person=person />
            <p class="meta">
                {format!("Added {} · updated {}", date_time(p.created), date_time(p.updated))}
            </p>
        }
    }
}

#[component]
fn PersonEdit(
    person: Signal<crate::core::model::Person>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = person.with_untracked(|p| PersonDraft::from_person(Some(p)));
    let key = StoredValue::new(person.with_untracked(|p| person_edit_key(&p.id)));
    let restored = RwSignal::new(false);
    if let Some(kept) = key.with_value(|k| drafts::read::<PersonDraftData>(state, k)) {
        draft.fill(kept);
        restored.set(true);
    }
    // What the record holds, so an edit that changes nothing keeps no draft.
    let unchanged =
        person.with_untracked(|p| PersonDraft::from_person(Some(p)).to_data_untracked());
    drafts::keep_edit(state, key.get_value(), unchanged, move || draft.to_data());
    let stop = move || {
        key.with_value(|k| drafts::discard(state, k));
        editing.set(false);
    };
    let discard = Callback::new(move |()| stop());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(p) = draft.problem() {
            error.set(Some(p));
            return;
        }
        let mut p = person.get_untracked();
        draft.apply(&mut p);
        p.updated = now();
        if state.save_person(p, None) {
            stop();
        }
    };
    // The form opens at its top, not where "Edit" was tapped at the foot of the page.
    request_animation_frame(|| window().scroll_to_with_x_and_y(0.0, 0.0));
    view! {
        <h1>{move || format!("Edit {}", person.with(|p| p.name.clone()))}</h1>
        <Show when=move || restored.get()>
            <DraftNote on_discard=discard />
        </Show>
        <form class="form" on:submit=save novalidate>
            <PersonFields draft=draft full=true />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="row">
                <button type="submit" class="button">"Save"</button>
                <button type="button" class="button button-quiet" on:click=move |_| stop()>"Cancel"</button>
            </div>
        </form>
    }
}
