//! The `cg-hint.*` flags: whether a hint was shown, or until when "Not now" quiets it. They live
//! outside the `cg.` records, so they are no part of anyone's notebook: backups, other tabs'
//! sync and the loader never see them, and a received map still stores nothing until saved.
//! Where local storage is missing, a hint shows again next time: better than never.

use crate::core::sync_rules::{hint_due, hint_hidden_until};
use crate::store::clock::today;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// For a hint said once: whether this is the first time, marking it said.
pub fn first_time(key: &str) -> bool {
    if settled(key) {
        return false;
    }
    settle(key);
    true
}

/// Whether a hint was answered for good (`settle`): "They are two people".
pub fn settled(key: &str) -> bool {
    storage().is_some_and(|s| s.get_item(key).ok().flatten().is_some())
}

/// Answers a hint for good.
pub fn settle(key: &str) {
    if let Some(store) = storage() {
        store.set_item(key, "1").ok();
    }
}

/// For a hint with "Not now": whether it shows today (`core::sync_rules::hint_due`).
pub fn due(key: &str) -> bool {
    let until = storage().and_then(|s| s.get_item(key).ok().flatten());
    hint_due(until.as_deref(), &today())
}

/// "Not now": quiets the hint for `core::sync_rules::HINT_QUIET_DAYS`.
pub fn quiet(key: &str) {
    if let (Some(store), Some(until)) = (storage(), hint_hidden_until(&today())) {
        store.set_item(key, &until).ok();
    }
}
