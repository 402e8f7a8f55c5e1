//! Drafts in localStorage (see `core::draft`): written a moment after typing pauses, at once
//! when the form closes or the page is hidden, and read back when the form opens again.

use super::backend;
use crate::core::draft::{self, Draft, DEBOUNCE_MS};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

thread_local! {
    static USABLE: Cell<Option<bool>> = const { Cell::new(None) };
    /// Drafts waiting for typing to pause: the text to store (`None`: remove) and a serial, so
    /// only the last timer writes.
    static PENDING: RefCell<BTreeMap<String, (u32, Option<String>)>> = const { RefCell::new(BTreeMap::new()) };
    static SERIAL: Cell<u32> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

fn usable() -> bool {
    USABLE.with(|u| {
        if u.get().is_none() {
            u.set(Some(backend::available()));
        }
        u.get().unwrap_or(false)
    })
}

/// The draft stored under `key`, if there is a readable one.
pub fn read<T: Draft>(key: &str) -> Option<T> {
    if !usable() {
        return None;
    }
    backend::get(key).and_then(|raw| draft::decode(&raw))
}

/// Notes what a form holds now; it is written once typing pauses.
pub fn note<T: Draft>(key: &str, value: &T) {
    if !usable() {
        return;
    }
    listen_for_hide();
    let text = draft::encode(value);
    let serial = SERIAL.with(|s| {
        s.set(s.get().wrapping_add(1));
        s.get()
    });
    PENDING.with_borrow_mut(|p| p.insert(key.to_string(), (serial, text)));
    let key = key.to_string();
    leptos::prelude::set_timeout(
        move || {
            let due = PENDING.with_borrow(|p| p.get(&key).is_some_and(|(s, _)| *s == serial));
            if due {
                flush(&key);
            }
        },
        std::time::Duration::from_millis(DEBOUNCE_MS as u64),
    );
}

/// Writes a waiting draft now (the form is closing).
pub fn flush(key: &str) {
    let Some((_, text)) = PENDING.with_borrow_mut(|p| p.remove(key)) else {
        return;
    };
    match text {
        // A draft that does not fit is a convenience lost, not data: the saved records are
        // untouched, so the failure is not reported.
        Some(text) => {
            let _ = backend::set(key, &text);
        }
        None => backend::remove(key),
    }
}

/// Forgets a draft: the form was saved or the user discarded it.
pub fn discard(key: &str) {
    PENDING.with_borrow_mut(|p| p.remove(key));
    if usable() {
        backend::remove(key);
    }
}

/// A phone may kill a hidden app without warning: write every waiting draft when the page is
/// hidden or left, the last moments the app is sure to run.
fn listen_for_hide() {
    if LISTENING.replace(true) {
        return;
    }
    let flush_all = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let keys: Vec<String> = PENDING.with_borrow(|p| p.keys().cloned().collect());
        keys.iter().for_each(|k| flush(k));
    });
    let callback = wasm_bindgen::JsCast::unchecked_ref(flush_all.as_ref());
    let window = leptos::prelude::window();
    let _ = window.add_event_listener_with_callback("pagehide", callback);
    let _ =
        leptos::prelude::document().add_event_listener_with_callback("visibilitychange", callback);
    // Lives as long as the page.
    flush_all.forget();
}

/// Keeps the draft of an edit form under `key` for as long as the form is open: written as
/// `current` changes (an edit that changes nothing from `unchanged` keeps no draft) and
/// flushed when the form closes.
pub fn keep_edit<T>(key: String, unchanged: T, current: impl Fn() -> T + 'static)
where
    T: Draft + PartialEq + 'static,
{
    let flush_key = key.clone();
    leptos::prelude::Effect::new(move |_| {
        let now = current();
        let kept = if now == unchanged { T::default() } else { now };
        note(&key, &kept);
    });
    leptos::prelude::on_cleanup(move || flush(&flush_key));
}
