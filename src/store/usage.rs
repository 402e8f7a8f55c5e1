//! How much storage the app uses, asking the browser to keep it, and the near-full warning.
//!
//! Local storage has its own limit, separate from `navigator.storage.estimate()` (which
//! covers the service worker's cache and IndexedDB, not local storage), so its use is counted
//! here: once in full, after first paint, then kept as a running total from every write this
//! tab makes and every change another tab reports. A save never rescans 5,000 keys.

use super::notice::Notice;
use super::state::{AppState, Persistence};
use crate::core::records::PREFIX;
use crate::core::sync_rules::{entry_chars, near_full, LOCAL_QUOTA_CHARS, NEAR_FULL_PERCENT};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the Settings page shows about storage; provided in context by [`start`].
#[derive(Clone, Copy)]
pub struct Usage {
    /// Characters (UTF-16 units, keys plus values) of everything this site keeps in local
    /// storage; `None` until the first count.
    pub local_chars: RwSignal<Option<usize>>,
    /// Whether the browser has agreed to keep the data; `None` while unknown or unsupported.
    pub persisted: RwSignal<Option<bool>>,
}

/// The running total behind [`Usage::local_chars`].
#[derive(Default)]
struct Tracker {
    /// Sizes of our own entries, so a save knows what the entry it replaces cost.
    ours: HashMap<String, usize>,
    /// All of the site's entries: the quota is per origin, so other keys count too.
    total: usize,
    counted: bool,
    /// Set once the warning was shown, until usage falls below the line again.
    warned: bool,
    asked_persist: bool,
    app: Option<(AppState, Usage)>,
}

thread_local! {
    static TRACKER: RefCell<Tracker> = RefCell::new(Tracker::default());
}

/// Starts counting and provides [`Usage`]; call once from the app frame, inside its owner.
pub fn start(state: AppState) {
    let usage = Usage {
        local_chars: RwSignal::new(None),
        persisted: RwSignal::new(None),
    };
    provide_context(usage);
    TRACKER.with_borrow_mut(|t| t.app = Some((state, usage)));
    // Counted after first paint: reading every entry must not delay the start.
    set_timeout(recount, Duration::from_millis(200));
    spawn_local(async move {
        usage.persisted.set(persisted().await);
    });
    ask_persist_once_data_exists(state, usage);
}

/// Counts every entry of the site's local storage again, from scratch.
pub fn recount() {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let mut ours = HashMap::new();
    let mut total = 0;
    // `Object.entries` hands back JS strings, so values are measured without copying them
    // into Rust; only our own keys are kept.
    for entry in js_sys::Object::entries(storage.unchecked_ref::<js_sys::Object>()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value_len = pair.get(1).unchecked_into::<js_sys::JsString>().length() as usize;
        let size = key.encode_utf16().count() + value_len;
        total += size;
        if key.starts_with(PREFIX) {
            ours.insert(key, size);
        }
    }
    TRACKER.with_borrow_mut(|t| {
        t.ours = ours;
        t.total = total;
        t.counted = true;
    });
    publish();
}

/// This tab wrote an entry of ours.
pub fn wrote(key: &str, value: &str) {
    let size = entry_chars(key, value);
    TRACKER.with_borrow_mut(|t| {
        let old = t.ours.insert(key.to_string(), size).unwrap_or(0);
        t.total = (t.total + size).saturating_sub(old);
    });
    publish();
}

/// This tab removed an entry of ours.
pub fn removed(key: &str) {
    TRACKER.with_borrow_mut(|t| {
        let old = t.ours.remove(key).unwrap_or(0);
        t.total = t.total.saturating_sub(old);
    });
    publish();
}

/// Another tab changed an entry (any key, ours or not); `None` as key means it cleared all.
pub fn changed_elsewhere(key: Option<&str>, old: Option<&str>, new: Option<&str>) {
    let Some(key) = key else {
        recount();
        return;
    };
    let old = old.map_or(0, |v| entry_chars(key, v));
    let new = new.map_or(0, |v| entry_chars(key, v));
    TRACKER.with_borrow_mut(|t| {
        t.total = (t.total + new).saturating_sub(old);
        if key.starts_with(PREFIX) {
            if new > 0 {
                t.ours.insert(key.to_string(), new);
            } else {
                t.ours.remove(key);
            }
        }
    });
    publish();
}

/// Shows the new total, and warns once each time usage crosses the line.
fn publish() {
    let (app, total, warn) = TRACKER.with_borrow_mut(|t| {
        if !t.counted {
            return (None, 0, false);
        }
        let full = near_full(t.total);
        let warn = full && !t.warned;
        t.warned = full;
        (t.app, t.total, warn)
    });
    let Some((state, usage)) = app else {
        return;
    };
    usage.local_chars.set(Some(total));
    if warn && state.persistence.get_untracked() == Persistence::Saving {
        // After the current handler, so a "Saved …" confirmation cannot hide it.
        set_timeout(
            move || state.notify(Notice::warning(near_full_text(total))),
            Duration::ZERO,
        );
    }
}

/// The warning, in words a user can act on.
pub fn near_full_text(used: usize) -> String {
    format!(
        "This browser's storage for the app is {}% full (over {NEAR_FULL_PERCENT}%). Export a backup from Settings now; when it is full, new changes can no longer be saved.",
        percent(used)
    )
}

pub fn percent(used: usize) -> usize {
    used * 100 / LOCAL_QUOTA_CHARS
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing outside secure contexts and in old browsers.
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn bool_promise(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Whether the browser has promised to keep the data (`navigator.storage.persisted()`).
pub async fn persisted() -> Option<bool> {
    bool_promise(storage_manager()?.persisted()).await
}

/// Asks the browser to keep the data (`navigator.storage.persist()`). Chromium decides by
/// itself (bookmarked, installed or often used sites), Firefox asks the user.
pub async fn persist() -> Option<bool> {
    let granted = bool_promise(storage_manager()?.persist()).await;
    if let Some((_, usage)) = TRACKER.with_borrow(|t| t.app) {
        usage.persisted.set(granted);
    }
    granted
}

/// Used and available bytes for the site's other storage (`navigator.storage.estimate()`).
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = JsFuture::from(storage_manager()?.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into::<web_sys::StorageEstimate>();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Asks to persist once there is something worth keeping (the first person saved), once per
/// session, and only if the browser has not already agreed.
fn ask_persist_once_data_exists(state: AppState, usage: Usage) {
    Effect::new(move |_| {
        if TRACKER.with_borrow(|t| t.asked_persist) {
            // Reads no signal, so the effect is not run again.
            return;
        }
        if state.people.with(|p| p.is_empty()) {
            return;
        }
        TRACKER.with_borrow_mut(|t| t.asked_persist = true);
        spawn_local(async move {
            if persisted().await == Some(false) {
                persist().await;
            } else {
                usage.persisted.set(persisted().await);
            }
        });
    });
}
