//! The calendar writer: the open, dated follow-ups of some people as an `.ics` download (the
//! file is written by `core::ics`). Loaded with the everyday chunk by
//! `lazy_pages::export_calendar`, which "Export to calendar" (`components::calendar_button`)
//! calls; kept apart from that button so the two do not import each other.

use crate::core::ics::{calendar, calendar_entries};
use crate::core::model::PersonId;
use crate::store::clock::now;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::WithUntracked;

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
