//! The calendar writer: the open, dated follow-ups of some people as an `.ics` download (the
//! file is written by `core::ics`), and its split point. The writer is compiled into the
//! everyday chunk: Home shows "Export to calendar" (`components::calendar_button`), and a first
//! visit should not download the writer for it. The split point lives here rather than in
//! `lazy_pages` because Home's activity, itself drawn by `lazy_pages`, shows the button: the
//! button reaching back into `lazy_pages` would close an import circle.

use crate::core::ics::{calendar, calendar_entries};
use crate::core::model::PersonId;
use crate::store::clock::now;
use crate::store::record_chunk::ChunkMissing;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::WithUntracked;
use leptos::wasm_split::wasm_split;

/// Writes follow-ups to an `.ics` download.
type ExportFn = fn(AppState, Option<PersonId>);

#[wasm_split(everyday, wasm_split_path = ::leptos::wasm_split, fallible)]
fn writer() -> Result<ExportFn, ChunkMissing> {
    Ok(export_follow_ups)
}

/// Fetches the calendar writer if needed, then exports the follow-ups of `person` (everyone's
/// when `None`).
pub async fn export_calendar(
    state: AppState,
    person: Option<PersonId>,
) -> Result<(), ChunkMissing> {
    let export = writer().await?;
    export(state, person);
    Ok(())
}

/// Writes the follow-ups of `person` (everyone's when `None`) to a download.
fn export_follow_ups(state: AppState, person: Option<PersonId>) {
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
