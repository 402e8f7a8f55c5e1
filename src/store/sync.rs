//! Two tabs at once: another tab's saves reach this one live, record by record.
//!
//! They come through the window `storage` event. This file also starts watching storage use
//! and the backup reminder.
//!
//! Only the changed record is replaced, so two tabs editing different people never touch each
//! other's work; what happens when both save the same record is decided in
//! `AppState::save_person` by `core::sync_rules::decide_save` (the newer edit wins).

use super::clock::now;
use super::notice::Notice;
use super::record_chunk::{self, Codec};
use super::state::{AppState, Persistence};
use super::usage::{near_full_text, persisted};
use crate::core::records::{SCHEMA_KEY, SCHEMA_VERSION};
use crate::core::route::Route;
use crate::core::sync_rules::{backup_reminder, record_key, RecordKey};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Set in sessionStorage once the backup reminder was shown, so it comes once per session.
const REMINDED_KEY: &str = "cg.reminded";

/// Starts listening; call once from the app frame, after the state is in context.
pub fn listen(state: AppState) {
    watch_usage(state);
    // The listener lives as long as the page: the app frame is never unmounted.
    let handle = window_event_listener(leptos::ev::storage, move |ev| on_storage(state, &ev));
    std::mem::forget(handle);
    remind_once(state);
}

/// Provides the storage figures to Settings, counts storage after first paint (reading every
/// entry must not delay the start), warns when it crosses the near-full line, and asks the
/// browser to keep the data once there is something worth keeping.
fn watch_usage(state: AppState) {
    let usage = state.usage;
    provide_context(usage);
    super::clock::after(200, move || state.recount_storage());
    spawn_local(async move {
        usage.persisted.set(persisted().await);
    });
    // Warns once each time usage crosses the line. An effect runs after the handler that
    // wrote, so a "Saved …" confirmation from the same tap cannot hide the warning.
    Effect::new(move |was: Option<bool>| {
        let full = usage.near_full.get();
        if full && was == Some(false) && state.persistence.get_untracked() == Persistence::Saving {
            let used = usage.local_chars.get_untracked().unwrap_or_default();
            state.notify(Notice::warning(near_full_text(used)));
        }
        full
    });
    // Once per session, on the first person saved, and only if the browser has not already
    // agreed. Returns whether it has asked; once it has, it reads no signal and stops.
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) || state.people.with(|p| p.is_empty()) {
            return asked.unwrap_or(false);
        }
        spawn_local(async move {
            if persisted().await == Some(false) {
                usage.keep().await;
            } else {
                usage.persisted.set(persisted().await);
            }
        });
        true
    });
}

fn on_storage(state: AppState, ev: &web_sys::StorageEvent) {
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let is_local = match (ev.storage_area(), local) {
        (Some(area), Some(local)) => js_sys::Object::is(&area, &local),
        _ => false,
    };
    if is_local {
        state.storage_changed(
            ev.key().as_deref(),
            ev.old_value().as_deref(),
            ev.new_value().as_deref(),
        );
    }
}

impl AppState {
    /// Another tab changed the entry under `key` from `old` to `new` (`key` is `None` when it
    /// cleared storage): counts it, and takes in just that record.
    pub fn storage_changed(&self, key: Option<&str>, old: Option<&str>, new: Option<&str>) {
        let state = *self;
        state
            .shell()
            .storage
            .borrow_mut()
            .changed_elsewhere(key, old, new);
        state.publish_usage();
        if state.persistence.get_untracked() != Persistence::Saving {
            return;
        }
        let Some(key) = key else {
            // `localStorage.clear()` in another tab. This tab still holds everything; saying
            // so lets the user export it before closing.
            state.unsaved.set(true);
            state.notify(Notice::warning(
                "The app's saved data was cleared in another tab. Everything is still here in this tab: export a backup from Settings to keep it.",
            ));
            return;
        };
        if key == SCHEMA_KEY {
            // A newer version of the app, open in another tab, has moved the data to its
            // format: writing our older records now would mix two formats, so stop writing.
            if let Some(version) = new.and_then(|v| v.trim().parse::<u32>().ok()) {
                if version > SCHEMA_VERSION {
                    state.persistence.set(Persistence::NewerData { version });
                }
            }
            return;
        }
        match record_chunk::get() {
            Some(codec) => apply_change(state, codec, key, new),
            // This tab started with nothing stored; another tab has now written something.
            None => {
                let (key, new) = (key.to_string(), new.map(str::to_string));
                spawn_local(async move {
                    if let Ok(codec) = record_chunk::load().await {
                        apply_change(state, codec, &key, new.as_deref());
                    }
                })
            }
        }
    }
}

/// Whether this tab is showing that page right now.
fn showing(route: &Route) -> bool {
    #[cfg(target_family = "wasm")]
    let hash = location_hash().unwrap_or_default();
    // Native tests have no location: no page is showing.
    #[cfg(not(target_family = "wasm"))]
    let hash = String::new();
    Route::parse(&hash) == *route
}

/// Replaces or removes just the record under `key` in this tab's signals. A record that does
/// not read is left alone here; the next start sets it aside with the others it cannot read.
fn apply_change(state: AppState, codec: &Codec, key: &str, new: Option<&str>) {
    match record_key(key) {
        RecordKey::Person(id) => match new {
            Some(raw) => {
                let Some(person) = (codec.read_person)(raw).filter(|p| p.id == id) else {
                    return;
                };
                let before = state.people.with_untracked(|m| m.get(&id).cloned());
                if before.as_ref() == Some(&person) {
                    return;
                }
                let name = person.name.clone();
                state.people.update(|m| {
                    m.insert(id.clone(), person);
                });
                if before.is_some() && showing(&Route::Person(id)) {
                    state.notify(Notice::info(format!(
                        "{name} was just changed in another tab. If you are editing them here, saving puts your edit over that change: the newer edit wins."
                    )));
                }
            }
            None => {
                let mut removed = None;
                state.people.update(|m| removed = m.remove(&id));
                if let Some(p) = removed {
                    if showing(&Route::Person(id)) {
                        state.notify(Notice::info(format!(
                            "{} was deleted in another tab.",
                            p.name
                        )));
                    }
                }
            }
        },
        RecordKey::Event(id) => match new {
            Some(raw) => {
                let Some(event) = (codec.read_event)(raw).filter(|e| e.id == id) else {
                    return;
                };
                if state.events.with_untracked(|m| m.get(&id) != Some(&event)) {
                    state.events.update(|m| {
                        m.insert(id, event);
                    });
                }
            }
            None => {
                if state.events.with_untracked(|m| m.contains_key(&id)) {
                    state.events.update(|m| {
                        m.remove(&id);
                    });
                }
            }
        },
        RecordKey::Me => {
            let me = new.and_then(codec.read_me).unwrap_or_default();
            if state.me.with_untracked(|m| *m != me) {
                state.me.set(me);
            }
        }
        RecordKey::Categories => {
            if let Some(cats) = new
                .and_then(codec.read_categories)
                .filter(|c| !c.is_empty())
            {
                state.categories.set(cats);
            }
        }
        RecordKey::Settings => {
            if let Some(settings) = new.and_then(codec.read_settings) {
                state.settings.set(settings);
            }
        }
        RecordKey::Other => {}
    }
}

/// A gentle reminder to make a backup, once per session, when one is due (see
/// `core::sync_rules::backup_reminder`). It never hides a notice already showing.
fn remind_once(state: AppState) {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if session
        .as_ref()
        .is_some_and(|s| s.get_item(REMINDED_KEY).ok().flatten().is_some())
    {
        return;
    }
    let last = state.settings.with_untracked(|s| s.last_backup);
    let reminder = state
        .people
        .with_untracked(|p| backup_reminder(last, now(), p.values()));
    if let Some(reminder) = reminder {
        if state.notice.with_untracked(|n| n.is_none()) {
            state.notify(Notice::info(reminder.text()));
            if let Some(s) = session {
                let _ = s.set_item(REMINDED_KEY, "1");
            }
        }
    }
}
