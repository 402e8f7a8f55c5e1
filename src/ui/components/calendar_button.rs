//! "Export to calendar": the open, dated follow-ups of some people as an `.ics` file a phone's
//! calendar imports (the file is written by `core::ics`). The writer lives in the everyday
//! chunk (`lazy_pages::export_calendar`), so Home, which shows this button, does not make the
//! first visit download it.

use crate::core::dates::days_of;
use crate::core::ics::{calendar, calendar_entries};
use crate::core::model::PersonId;
use crate::store::clock::now;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::*;

/// Writes the follow-ups of `person` (everyone's when `None`) to a download.
pub fn export_follow_ups(state: AppState, person: Option<PersonId>) {
    let entries = state.people.with_untracked(|people| match &person {
        Some(id) => calendar_entries(people.get(id)),
        None => calendar_entries(people.values()),
    });
    let file_name = match &person {
        Some(_) => "follow-up.ics",
        None => "follow-ups.ics",
    };
    download_text(file_name, "text/calendar", &calendar(&entries, now()));
}

/// Exports the follow-ups of `person`, or of everyone when it is `None`. Hidden while there is
/// nothing to export.
#[component]
pub fn CalendarButton(#[prop(optional)] person: Option<PersonId>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let any = {
        let person = person.clone();
        Memo::new(move |_| {
            state.people.with(|people| {
                people
                    .values()
                    .filter(|p| person.as_ref().is_none_or(|id| *id == p.id))
                    .flat_map(|p| p.follow_ups.iter())
                    .any(|f| !f.done && days_of(&f.due).is_some())
            })
        })
    };
    let failed = RwSignal::new(false);
    view! {
        <Show when=move || any.get()>
            <button
                type="button"
                class="button button-quiet"
                on:click={
                    let person = person.clone();
                    move |_| {
                        let person = person.clone();
                        leptos::task::spawn_local(async move {
                            let done = crate::ui::lazy_pages::export_calendar(state, person).await;
                            failed.set(done.is_err());
                        });
                    }
                }
            >
                "Export to calendar"
            </button>
        </Show>
        <Show when=move || failed.get()>
            <p class="field-error" role="alert">
                "The calendar export is not downloaded yet. Connect to the internet once, then try again."
            </p>
        </Show>
    }
}
