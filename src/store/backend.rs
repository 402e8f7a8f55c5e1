//! localStorage access that never panics: unavailable storage, a full quota and foreign entries
//! all come back as values the state can report.

use gloo_storage::{LocalStorage as GlooLocalStorage, Storage as _};
use wasm_bindgen::JsCast;

/// Why a write did not happen, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("This browser's storage for the app is full, so your last change is kept only in this tab. Export a backup from Settings, then free some space.")]
    QuotaExceeded,
    #[error("The browser refused to save ({0}). Your last change is kept only in this tab.")]
    Refused(String),
}

/// Whether this browser lets the page use localStorage at all. Private modes and disabled
/// storage either give no object or throw on first use, so probe with a real write.
pub fn available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return false;
    };
    const PROBE: &str = "cg.probe";
    let ok = match storage.set_item(PROBE, "1") {
        Ok(()) => true,
        // A full quota still means working storage: its data must load, and the first save
        // will report the quota in words.
        Err(err) => is_quota_error(&err),
    };
    let _ = storage.remove_item(PROBE);
    ok
}

fn is_quota_error(err: &wasm_bindgen::JsValue) -> bool {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    // Firefox used to name it NS_ERROR_DOM_QUOTA_REACHED.
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

/// Only called after [`available`] said yes; gloo's accessor panics otherwise.
fn storage() -> web_sys::Storage {
    GlooLocalStorage::raw()
}

/// Every entry whose key starts with `prefix`.
///
/// With 5,000 people that is 2.8 million characters, and handing 10,000 strings one by one
/// from JavaScript to wasm cost more than parsing them. So JavaScript joins every key and
/// value with NUL, and one string crosses: our records are JSON text, which cannot hold a raw
/// NUL. Should another entry of this origin hold one, the pieces do not pair up and the
/// entries are read one by one instead.
pub fn entries_with_prefix(prefix: &str) -> Vec<(String, String)> {
    let storage = storage();
    let entries = js_sys::Object::entries(storage.unchecked_ref::<js_sys::Object>());
    let joined = String::from(entries.flat(1).join("\0"));
    let parts: Vec<&str> = joined.split('\0').collect();
    if parts.len() == 2 * entries.length() as usize {
        return parts
            .chunks_exact(2)
            .filter(|pair| pair[0].starts_with(prefix))
            .map(|pair| (pair[0].to_string(), pair[1].to_string()))
            .collect();
    }
    entries
        .iter()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string()?;
            if !key.starts_with(prefix) {
                return None;
            }
            Some((key, pair.get(1).as_string()?))
        })
        .collect()
}

pub fn get(key: &str) -> Option<String> {
    storage().get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) -> Result<(), WriteError> {
    storage().set_item(key, value).map_err(|err| {
        if is_quota_error(&err) {
            return WriteError::QuotaExceeded;
        }
        match err.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
            Some(name) if !name.is_empty() => WriteError::Refused(name),
            _ => WriteError::Refused("unknown error".into()),
        }
    })
}

pub fn remove(key: &str) {
    let _ = storage().remove_item(key);
}
