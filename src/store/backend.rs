//! Where stored text lives: the `Backend` trait, its two implementations, and the storage total.
//!
//! [`Browser`] is localStorage, [`Memory`] the native tests' stand-in; [`Counted`] wraps
//! either, and every read and write of the app goes through it, so the running storage total
//! is never bypassed. None of it panics: unavailable storage, a full quota and foreign entries
//! all come back as values the state can report.

use crate::core::records::PREFIX;
use crate::core::sync_rules::entry_chars;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Why a write did not happen, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("This browser's storage for the app is full, so your last change is kept only in this tab. Export a backup from Settings, then free some space.")]
    QuotaExceeded,
    #[error("The browser refused to save ({0}). Your last change is kept only in this tab.")]
    Refused(String),
}

/// A key-value store of text, like localStorage: per-key writes, and a write that fails leaves
/// the stored value as it was.
pub trait Backend {
    /// Whether storage can be used at all (private modes may refuse it).
    fn available(&self) -> bool;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&self, key: &str);
    /// Every entry whose key starts with `prefix`.
    fn entries_with_prefix(&self, prefix: &str) -> Vec<(String, String)>;
    /// Every key with its size (UTF-16 units of key plus value), without copying values: the
    /// quota is per origin, so other apps' keys count too.
    fn sizes(&self) -> Vec<(String, usize)>;
}

/// The browser's localStorage, asked for once.
pub struct Browser {
    /// `None` where the browser refuses storage (then every call is a no-op).
    storage: Option<web_sys::Storage>,
}

impl Browser {
    /// gloo-storage's accessor panics where the browser refuses storage, so the browser is
    /// asked first.
    pub fn local_storage() -> Self {
        let given = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some();
        Browser {
            storage: given.then(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw),
        }
    }

    fn storage(&self) -> Option<&web_sys::Storage> {
        self.storage.as_ref()
    }
}

fn is_quota_error(err: &wasm_bindgen::JsValue) -> bool {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    // Firefox used to name it NS_ERROR_DOM_QUOTA_REACHED.
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

impl Backend for Browser {
    /// Private modes and disabled storage either give no object or throw on first use, so
    /// probe with a real write.
    fn available(&self) -> bool {
        let Some(storage) = self.storage() else {
            return false;
        };
        const PROBE: &str = "cg.probe";
        let ok = match storage.set_item(PROBE, "1") {
            Ok(()) => true,
            // A full quota still means working storage: its data must load, and the first
            // save will report the quota in words.
            Err(err) => is_quota_error(&err),
        };
        let _ = storage.remove_item(PROBE);
        ok
    }

    fn get(&self, key: &str) -> Option<String> {
        self.storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let Some(storage) = self.storage() else {
            return Err(WriteError::Refused("no storage".into()));
        };
        storage.set_item(key, value).map_err(|err| {
            if is_quota_error(&err) {
                return WriteError::QuotaExceeded;
            }
            match err.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
                Some(name) if !name.is_empty() => WriteError::Refused(name),
                _ => WriteError::Refused("unknown error".into()),
            }
        })
    }

    fn remove(&self, key: &str) {
        if let Some(storage) = self.storage() {
            let _ = storage.remove_item(key);
        }
    }

    /// With 5,000 people that is 2.8 million characters, and handing 10,000 strings one by
    /// one from JavaScript to wasm cost more than parsing them. So JavaScript joins every key
    /// and value with NUL, and one string crosses: our records are JSON text, which cannot
    /// hold a raw NUL. Should another entry of this origin hold one, the pieces do not pair up
    /// and the entries are read one by one instead.
    fn entries_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        let Some(storage) = self.storage() else {
            return Vec::new();
        };
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

    /// `Object.entries` hands back JS strings, so values are measured in JavaScript without
    /// copying them into Rust.
    fn sizes(&self) -> Vec<(String, usize)> {
        let Some(storage) = self.storage() else {
            return Vec::new();
        };
        js_sys::Object::entries(storage.unchecked_ref::<js_sys::Object>())
            .iter()
            .map(|entry| {
                let pair: js_sys::Array = entry.unchecked_into();
                let key = pair.get(0).as_string().unwrap_or_default();
                let value_len = pair.get(1).unchecked_into::<js_sys::JsString>().length() as usize;
                let size = key.encode_utf16().count() + value_len;
                (key, size)
            })
            .collect()
    }
}

/// Storage in memory, for native tests: a quota in characters (so a full quota can be
/// provoked), entries that can be put in as another tab or an older version would have left
/// them, and a log of every key written. Clones share the same entries, so a test keeps one
/// to look at what the app wrote.
#[derive(Clone, Default)]
pub struct Memory(Rc<RefCell<MemoryInner>>);

#[derive(Default)]
struct MemoryInner {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
    unavailable: bool,
    written: Vec<String>,
}

impl Memory {
    pub fn new() -> Self {
        Memory::default()
    }

    /// Puts entries in place without logging them as written by the app.
    pub fn with_entries(self, entries: impl IntoIterator<Item = (String, String)>) -> Self {
        self.0.borrow_mut().entries.extend(entries);
        self
    }

    /// From now on, a write that would take the total past `chars` fails as a full quota.
    pub fn set_quota(&self, chars: Option<usize>) {
        self.0.borrow_mut().quota = chars;
    }

    /// Storage that refuses to be used at all, like a private mode.
    pub fn unavailable() -> Self {
        let memory = Memory::default();
        memory.0.borrow_mut().unavailable = true;
        memory
    }

    /// Every entry as it is now.
    pub fn entries(&self) -> BTreeMap<String, String> {
        self.0.borrow().entries.clone()
    }

    /// The keys written since the last call, in order (removals are not writes).
    pub fn take_written(&self) -> Vec<String> {
        std::mem::take(&mut self.0.borrow_mut().written)
    }

    fn total(inner: &MemoryInner) -> usize {
        inner.entries.iter().map(|(k, v)| entry_chars(k, v)).sum()
    }
}

impl Backend for Memory {
    fn available(&self) -> bool {
        !self.0.borrow().unavailable
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().entries.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let mut inner = self.0.borrow_mut();
        if let Some(quota) = inner.quota {
            let old = inner.entries.get(key).map_or(0, |v| entry_chars(key, v));
            if Self::total(&inner) - old + entry_chars(key, value) > quota {
                return Err(WriteError::QuotaExceeded);
            }
        }
        inner.entries.insert(key.to_string(), value.to_string());
        inner.written.push(key.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.0.borrow_mut().entries.remove(key);
    }

    fn entries_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        let inner = self.0.borrow();
        inner
            .entries
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn sizes(&self) -> Vec<(String, usize)> {
        let inner = self.0.borrow();
        inner
            .entries
            .iter()
            .map(|(k, v)| (k.clone(), entry_chars(k, v)))
            .collect()
    }
}

/// A backend plus the running total of what the origin stores (local storage has its own
/// limit, which `navigator.storage.estimate()` does not cover, so it is counted here). Counted
/// in full once, after first paint, then kept from every write the app makes (records,
/// quarantine, drafts: all go through here) and every change another tab reports. A save
/// never rescans 5,000 keys.
pub struct Counted {
    backend: Box<dyn Backend>,
    /// Asked once: the browser's answer is a probe write.
    available: bool,
    /// Sizes of our own entries, so a save knows what the entry it replaces cost.
    ours: HashMap<String, usize>,
    total: usize,
    counted: bool,
}

impl Counted {
    pub fn new(backend: Box<dyn Backend>) -> Self {
        Counted {
            available: backend.available(),
            backend,
            ours: HashMap::new(),
            total: 0,
            counted: false,
        }
    }

    pub fn available(&self) -> bool {
        self.available
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.backend.get(key)
    }

    pub fn entries_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        self.backend.entries_with_prefix(prefix)
    }

    pub fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let old = self.known_size(key);
        self.backend.set(key, value)?;
        let size = entry_chars(key, value);
        self.ours.insert(key.to_string(), size);
        self.total = (self.total + size).saturating_sub(old);
        Ok(())
    }

    pub fn remove(&mut self, key: &str) {
        let old = self.known_size(key);
        self.backend.remove(key);
        self.ours.remove(key);
        self.total = self.total.saturating_sub(old);
    }

    /// What the entry under `key` costs now. Our records are known from the count; a key
    /// first written since (a draft, a quarantine copy) is looked up once.
    fn known_size(&self, key: &str) -> usize {
        match self.ours.get(key) {
            Some(size) => *size,
            None => self
                .backend
                .get(key)
                .map_or(0, |value| entry_chars(key, &value)),
        }
    }

    /// Another tab changed an entry (any key, ours or not), from `old` to `new`; `None` as key
    /// means it cleared everything, and storage is counted again.
    pub fn changed_elsewhere(&mut self, key: Option<&str>, old: Option<&str>, new: Option<&str>) {
        let Some(key) = key else {
            self.recount();
            return;
        };
        let old = old.map_or(0, |v| entry_chars(key, v));
        let new = new.map_or(0, |v| entry_chars(key, v));
        self.total = (self.total + new).saturating_sub(old);
        if key.starts_with(PREFIX) || self.ours.contains_key(key) {
            if new > 0 {
                self.ours.insert(key.to_string(), new);
            } else {
                self.ours.remove(key);
            }
        }
    }

    /// Counts every entry of the origin again, from scratch.
    pub fn recount(&mut self) {
        let sizes = self.backend.sizes();
        self.total = sizes.iter().map(|(_, size)| size).sum();
        self.ours = sizes
            .into_iter()
            .filter(|(k, _)| k.starts_with(PREFIX))
            .collect();
        self.counted = true;
    }

    /// The total, once counted.
    pub fn used(&self) -> Option<usize> {
        self.counted.then_some(self.total)
    }
}
