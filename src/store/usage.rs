//! How full storage is, as signals, and asking the browser to keep the data.
//!
//! The running total itself is kept by `backend::Counted`, which every write goes through;
//! `AppState` publishes it here after each write. Nothing in this file knows `AppState`.

use crate::core::sync_rules::{LOCAL_QUOTA_CHARS, NEAR_FULL_PERCENT};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the Settings page shows about storage, and what the near-full warning watches.
#[derive(Clone, Copy)]
pub struct Usage {
    /// Characters (UTF-16 units, keys plus values) of everything this site keeps in local
    /// storage; `None` until the first count.
    pub local_chars: RwSignal<Option<usize>>,
    /// Whether `local_chars` is past the warning line (`core::sync_rules::near_full`).
    pub near_full: RwSignal<bool>,
    /// Whether the browser has agreed to keep the data; `None` while unknown or unsupported.
    pub persisted: RwSignal<Option<bool>>,
}

impl Usage {
    pub fn new() -> Self {
        Usage {
            local_chars: RwSignal::new(None),
            near_full: RwSignal::new(false),
            persisted: RwSignal::new(None),
        }
    }

    /// Asks the browser to keep the data (`navigator.storage.persist()`) and shows its answer.
    /// Chromium decides by itself (bookmarked, installed or often used sites), Firefox asks
    /// the user.
    pub async fn keep(self) -> Option<bool> {
        let granted = bool_promise(storage_manager()?.persist()).await;
        self.persisted.set(granted);
        granted
    }
}

impl Default for Usage {
    fn default() -> Self {
        Usage::new()
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

/// Used and available bytes for the site's other storage (`navigator.storage.estimate()`).
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = JsFuture::from(storage_manager()?.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into::<web_sys::StorageEstimate>();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
