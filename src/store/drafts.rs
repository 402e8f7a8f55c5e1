//! Drafts of open forms in storage, so typing survives a closed or killed tab.
//!
//! Written a moment after typing pauses (see `core::draft`), at once when the form closes or
//! the page is hidden, and read back when the form opens again. They go through the app's
//! storage like records, so they count in its total.

use super::state::AppState;
use crate::core::draft::{self, Draft, DEBOUNCE_MS};

/// The draft stored under `key`, if there is a readable one.
pub fn read<T: Draft>(state: AppState, key: &str) -> Option<T> {
    let shell = state.shell();
    if !shell.available {
        return None;
    }
    let raw = shell.storage.borrow().get(key)?;
    draft::decode(&raw)
}

/// Notes what a form holds now; it is written once typing pauses.
pub fn note<T: Draft>(state: AppState, key: &str, value: &T) {
    let shell = state.shell();
    if !shell.available {
        return;
    }
    listen_for_hide(state);
    let text = draft::encode(value);
    let serial = {
        let mut waiting = shell.drafts.borrow_mut();
        waiting.serial = waiting.serial.wrapping_add(1);
        let serial = waiting.serial;
        waiting.texts.insert(key.to_string(), (serial, text));
        serial
    };
    let key = key.to_string();
    super::clock::after(DEBOUNCE_MS as u64, move || {
        let due = state
            .shell()
            .drafts
            .borrow()
            .texts
            .get(&key)
            .is_some_and(|(s, _)| *s == serial);
        if due {
            flush(state, &key);
        }
    });
}

/// Writes a waiting draft now (the form is closing).
pub fn flush(state: AppState, key: &str) {
    let shell = state.shell();
    let Some((_, text)) = shell.drafts.borrow_mut().texts.remove(key) else {
        return;
    };
    let mut storage = shell.storage.borrow_mut();
    match text {
        // A draft that does not fit is a convenience lost, not data: the saved records are
        // untouched, so the failure is not reported.
        Some(text) => {
            let _ = storage.set(key, &text);
        }
        None => storage.remove(key),
    }
    drop(storage);
    state.publish_usage();
}

/// Forgets a draft: the form was saved or the user discarded it.
pub fn discard(state: AppState, key: &str) {
    let shell = state.shell();
    shell.drafts.borrow_mut().texts.remove(key);
    if shell.available {
        shell.storage.borrow_mut().remove(key);
        state.publish_usage();
    }
}

/// A phone may kill a hidden app without warning: write every waiting draft when the page is
/// hidden or left, the last moments the app is sure to run.
fn listen_for_hide(state: AppState) {
    if std::mem::replace(&mut state.shell().drafts.borrow_mut().listening, true) {
        return;
    }
    flush_when_hidden(state);
}

#[cfg(target_family = "wasm")]
fn flush_when_hidden(state: AppState) {
    let flush_all = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let keys: Vec<String> = state
            .shell()
            .drafts
            .borrow()
            .texts
            .keys()
            .cloned()
            .collect();
        keys.iter().for_each(|k| flush(state, k));
    });
    let callback = wasm_bindgen::JsCast::unchecked_ref(flush_all.as_ref());
    let _ = leptos::prelude::window().add_event_listener_with_callback("pagehide", callback);
    let _ =
        leptos::prelude::document().add_event_listener_with_callback("visibilitychange", callback);
    // Lives as long as the page.
    flush_all.forget();
}

/// Native tests have no page to hide.
#[cfg(not(target_family = "wasm"))]
fn flush_when_hidden(_: AppState) {}

/// Keeps the draft of an edit form under `key` for as long as the form is open: written as
/// `current` changes (an edit that changes nothing from `unchanged` keeps no draft) and
/// flushed when the form closes.
pub fn keep_edit<T>(state: AppState, key: String, unchanged: T, current: impl Fn() -> T + 'static)
where
    T: Draft + PartialEq + 'static,
{
    let flush_key = key.clone();
    leptos::prelude::Effect::new(move |_| {
        let now = current();
        let kept = if now == unchanged { T::default() } else { now };
        note(state, &key, &kept);
    });
    leptos::prelude::on_cleanup(move || flush(state, &flush_key));
}
