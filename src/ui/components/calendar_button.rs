//! "Export to calendar": the open, dated follow-ups of some people as an `.ics` file a phone's
//! calendar imports (the file is written by `core::ics`).

use crate::core::ics::{calendar, calendar_entries};
use crate::core::model::PersonId;
use crate::store::clock::now;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::*;

/// Exports the follow-ups of `person`, or of everyone when it is `None`. Hidden while there is
/// nothing to export.
#[component]
pub fn CalendarButton(#[prop(optional)] person: Option<PersonId>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries = {
        let person = person.clone();
        Memo::new(move |_| {
            state.people.with(|people| match &person {
                Some(id) => calendar_entries(people.get(id)),
                None => calendar_entries(people.values()),
            })
        })
    };
    let file_name = match &person {
        Some(_) => "follow-up.ics",
        None => "follow-ups.ics",
    };
    view! {
        <Show when=move || entries.with(|e| !e.is_empty())>
            <button
                type="button"
                class="button button-quiet"
                on:click=move |_| {
                    let text = entries.with_untracked(|e| calendar(e, now()));
                    download_text(file_name, "text/calendar", &text);
                }
            >
                "Export to calendar"
            </button>
        </Show>
    }
}
