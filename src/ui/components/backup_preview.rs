//! What importing a backup will do, shown before anything changes, with "Import" and "Cancel".

use crate::core::backup::ImportPreview;
use leptos::prelude::*;

fn counts(new: usize, changed: usize, unchanged: usize, kept: usize) -> String {
    let mut parts = vec![
        format!("{new} new"),
        format!("{changed} changed"),
        format!("{unchanged} unchanged"),
    ];
    if kept > 0 {
        parts.push(format!("{kept} kept (yours is newer)"));
    }
    parts.join(", ")
}

#[component]
pub fn BackupPreview(
    file: String,
    preview: ImportPreview,
    /// This browser holds nothing yet, so the backup is taken whole.
    restore: bool,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let p = preview;
    let nothing = p.people_new + p.people_changed + p.events_new + p.events_changed == 0
        && !p.me_changes
        && p.categories_new == 0;
    let people = counts(
        p.people_new,
        p.people_changed,
        p.people_unchanged,
        p.people_kept,
    );
    let events = counts(
        p.events_new,
        p.events_changed,
        p.events_unchanged,
        p.events_kept,
    );
    let me = if p.me_changes {
        Some("Your map: filled in from the backup (yours is empty).")
    } else if p.me_kept {
        Some("Your map: yours stays (the backup holds a different one).")
    } else {
        None
    };
    view! {
        <div class="card" role="region" aria-label="Backup preview">
            <h3>"Before you import"</h3>
            <p>{format!("From {file}:")}</p>
            <ul>
                <li>{format!("People: {people}")}</li>
                <li>{format!("Events: {events}")}</li>
                {me.map(|m| view! { <li>{m}</li> })}
                {(p.categories_new > 0)
                    .then(|| view! { <li>{format!("New categories: {}", p.categories_new)}</li> })}
            </ul>
            {(p.over_limits > 0)
                .then(|| {
                    let text = match p.over_limits {
                        1 => "1 record breaks this app's limits (a name over 100 characters, say): it is imported as it is, nothing cut, and its edit form will ask you to shorten it.".to_string(),
                        n => format!("{n} records break this app's limits (a name over 100 characters, say): they are imported as they are, nothing cut, and their edit forms will ask you to shorten them."),
                    };
                    view! { <p>{text}</p> }
                })}
            {restore
                .then(|| {
                    view! {
                        <p>"This browser holds no data yet, so the backup is restored as it is, settings included."</p>
                    }
                })}
            {(nothing && !restore)
                .then(|| view! { <p>"Nothing would change: everything in this backup is already here."</p> })}
            <p class="muted">"Where both have the same person or event, the more recently updated one is kept."</p>
            <div class="row">
                <button type="button" class="button" on:click=move |_| on_import.run(())>"Import"</button>
                <button type="button" class="button button-quiet" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
