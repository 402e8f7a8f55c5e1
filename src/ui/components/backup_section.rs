//! Settings › Backup: export everything as one JSON file; import one after a preview.
//!
//! A file that cannot be read changes nothing and says why (the core's `BackupError` words);
//! one that can be read shows what it will add or change, and only "Import" writes.

use super::backup_preview::BackupPreview;
use super::file_picker::{FilePicker, PickedFile};
use crate::core::backup::{
    parse_backup, preview_import, to_backup_json, BackupError, ImportPreview, MAX_BACKUP_BYTES,
};
use crate::core::document::Document;
use crate::core::sync_rules::backup_reminder;
use crate::store::clock::{now, today};
use crate::store::{AppState, Notice};
use crate::ui::download::download_text;
use crate::ui::format::date_time;
use leptos::prelude::*;

/// A backup that was read and is waiting for "Import" or "Cancel".
#[derive(Clone)]
struct Pending {
    file: String,
    incoming: Document,
    preview: ImportPreview,
    restore: bool,
}

/// Downloads a backup of everything and returns what to tell the user. Also Home's button in
/// the warning that Safari may erase the notebook (`components::safari_note`).
pub fn export_backup(state: AppState) -> String {
    let at = now();
    // Recorded first, so the file carries its own date and a restore from it starts the
    // reminder's clock from the right day.
    state.record_backup(at);
    let json = to_backup_json(&state.document(), at);
    let name = format!("common-ground-{}.json", today());
    download_text(&name, "application/json", &json);
    format!("Saved {name} to your downloads.")
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);

    let export = move |_| {
        error.set(None);
        done.set(Some(export_backup(state)));
    };

    let on_pick = Callback::new(move |file: PickedFile| {
        pending.set(None);
        done.set(None);
        let text = match file.text_or_message(|bytes| BackupError::TooLarge { bytes }.to_string()) {
            Ok(text) => text.to_string(),
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        match parse_backup(&text) {
            Err(e) => error.set(Some(format!("{}: {e}", file.name))),
            Ok(incoming) => {
                error.set(None);
                let preview = preview_import(&state.document(), &incoming);
                pending.set(Some(Pending {
                    file: file.name,
                    incoming,
                    preview,
                    restore: state.is_blank(),
                }));
            }
        }
    });

    let import = Callback::new(move |()| {
        let Some(p) = pending.try_update(Option::take).flatten() else {
            return;
        };
        // Decided again now: another tab may have saved something since the preview.
        let saved = if state.is_blank() {
            state.restore(p.incoming)
        } else {
            state.merge_import(p.incoming)
        };
        if saved {
            let text = format!(
                "Imported {}: {} new and {} updated people, {} new and {} updated events.",
                p.file,
                p.preview.people_new,
                p.preview.people_changed,
                p.preview.events_new,
                p.preview.events_changed
            );
            state.notify(Notice::info(text.clone()));
            done.set(Some(text));
        }
    });
    let cancel = Callback::new(move |()| pending.set(None));

    let last_backup = move || {
        state
            .settings
            .with(|s| s.last_backup)
            .map_or_else(|| "Never".to_string(), date_time)
    };
    let reminder = move || {
        let last = state.settings.with(|s| s.last_backup);
        state
            .people
            .with(|p| backup_reminder(last, now(), p.values()))
            .map(|r| r.text())
    };

    view! {
        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backup"</h2>
            <p>
                "Everything stays in this browser. A backup file keeps it safe and moves it to another device."
            </p>
            <p>"Last backup: " {last_backup}</p>
            {move || reminder().map(|r| view! { <p class="banner banner-info">{r}</p> })}
            <div class="row">
                <button type="button" class="button" on:click=export>"Export backup"</button>
                <FilePicker
                    label="Import backup"
                    input_label="Backup file to import"
                    accept=".json,application/json"
                    max_bytes=MAX_BACKUP_BYTES
                    on_pick=on_pick
                />
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || done.get().map(|d| view! { <p class="meta">{d}</p> })}
            {move || {
                // Read without copying the incoming document.
                pending
                    .with(|p| p.as_ref().map(|p| (p.file.clone(), p.preview.clone(), p.restore)))
                    .map(|(file, preview, restore)| {
                        view! {
                            <BackupPreview
                                file=file
                                preview=preview
                                restore=restore
                                on_import=import
                                on_cancel=cancel
                            />
                        }
                    })
            }}
        </section>
    }
}
