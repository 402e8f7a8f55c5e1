//! `AppState`: the document as signals, and the one place that applies the core's changes.
//!
//! A change goes to the signals, then to storage, record by record. What the screens call to
//! change something is in `store::changes`; another tab's records arrive through `store::sync`.

use super::backend::{Backend, Browser, Counted, WriteError};
use super::clock;
use super::notice::{self, Notice};
use super::record_chunk::{self, ChunkMissing, Codec};
use super::usage::Usage;
use crate::core::document::{Change, Document, Settings};
use crate::core::model::{Category, Event, EventId, Me, Person, PersonId};
use crate::core::plural::count;
use crate::core::records::{self, Loaded, Schema, Unreadable};
use crate::core::sync_rules::near_full;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

/// Whether changes reach storage, and if not, why not (shown as a banner).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    Saving,
    /// Storage is unavailable: the app works, but only until the tab closes.
    MemoryOnly,
    /// Storage holds data from a newer version, which we must not overwrite.
    NewerData {
        version: u32,
    },
}

/// What [`AppState::open`] read from storage, before it becomes signals.
pub struct Opened {
    doc: Document,
    persistence: Persistence,
    notice: Option<Notice>,
    quarantined: Vec<String>,
    storage: Counted,
    available: bool,
    stuck: Vec<String>,
}

/// The app's bookkeeping beside its signals, none of it shown on screen. It lives in
/// `AppState` (one per app, so each native test has its own), not in thread-locals.
pub(crate) struct Shell {
    /// Every read and write of the app goes through here, so the storage total is exact.
    pub(crate) storage: RefCell<Counted>,
    /// Whether storage could be used at all (drafts are skipped when not).
    pub(crate) available: bool,
    /// Changes made before the record chunk arrived, written as soon as it does.
    pending: RefCell<Vec<Change>>,
    fetching: Cell<bool>,
    /// Unreadable entries that could not be moved aside (storage full): nothing may be
    /// written over them, so the raw text is never lost.
    stuck: Vec<String>,
    /// How many notices were shown, and when the last one was (for clearing a stale one).
    notice_shown: Cell<(u64, f64)>,
    /// Drafts waiting for typing to pause (see `store::drafts`).
    pub(crate) drafts: RefCell<WaitingDrafts>,
}

/// Drafts waiting for typing to pause. Defined here, used by `store::drafts`, which imports
/// this file (not the reverse).
#[derive(Default)]
pub(crate) struct WaitingDrafts {
    /// The text to store under each key (`None`: remove) and a serial, so only the last
    /// timer writes.
    pub(crate) texts: BTreeMap<String, (u32, Option<String>)>,
    pub(crate) serial: u32,
    /// Whether the page-hide listener that writes them all is in place.
    pub(crate) listening: bool,
}

/// The app's state. Signals are split by kind so that editing one person does not re-run
/// what depends only on my map, and the reverse.
#[derive(Clone, Copy)]
pub struct AppState {
    pub me: RwSignal<Me>,
    pub categories: RwSignal<Vec<Category>>,
    pub people: RwSignal<BTreeMap<PersonId, Person>>,
    pub events: RwSignal<BTreeMap<EventId, Event>>,
    pub settings: RwSignal<Settings>,
    pub persistence: RwSignal<Persistence>,
    /// True while a change is held in memory because it could not be saved.
    pub unsaved: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// Entries moved aside at start because they could not be read.
    pub quarantined: RwSignal<Vec<String>>,
    /// How full storage is (the Settings page and the near-full warning read it).
    pub usage: Usage,
    shell: StoredValue<Rc<Shell>, LocalStorage>,
}

impl AppState {
    /// Whether my map has any interests, tracked: what there is to share or compare with.
    pub fn has_map(&self) -> bool {
        self.me.with(|m| !m.interests.is_empty())
    }

    /// Reads the browser's storage once (see [`Self::open_with`]).
    pub async fn open() -> Result<Opened, ChunkMissing> {
        Self::open_with(Box::new(Browser::local_storage()), &Schema::CURRENT).await
    }

    /// Reads storage once and builds the state. Unreadable entries are moved to quarantine
    /// keys before anything else is written, so a later save cannot overwrite them. Fails only
    /// when records are stored but the record chunk cannot be fetched: then nothing may start
    /// that could write over them.
    pub async fn open_with(
        backend: Box<dyn Backend>,
        schema: &Schema,
    ) -> Result<Opened, ChunkMissing> {
        let mut storage = Counted::new(backend);
        let available = storage.available();
        let mut stuck = Vec::new();
        let (doc, persistence, quarantined) = if !available {
            (Document::default(), Persistence::MemoryOnly, Vec::new())
        } else {
            // With records stored (the schema key is written before any), start fetching the
            // record chunk now, so it downloads and compiles while the records are read.
            let mut fetch = std::pin::pin!(record_chunk::load());
            let mut fetched = None;
            if storage.get(records::SCHEMA_KEY).is_some() {
                let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
                if let std::task::Poll::Ready(result) = fetch.as_mut().poll(&mut cx) {
                    fetched = Some(result);
                }
            }
            let entries = storage.entries_with_prefix(records::PREFIX);
            let loaded = if records::holds_records(&entries) {
                let codec = match fetched {
                    Some(result) => result?,
                    None => fetch.await?,
                };
                (codec.load)(entries, schema)
            } else {
                Loaded::Fresh
            };
            match loaded {
                Loaded::Fresh => (Document::default(), Persistence::Saving, Vec::new()),
                Loaded::Newer { version } => (
                    Document::default(),
                    Persistence::NewerData { version },
                    Vec::new(),
                ),
                Loaded::Ready {
                    doc,
                    unreadable,
                    migrated_from,
                } => {
                    let quarantined = quarantine(&mut storage, &unreadable, &mut stuck);
                    // Migrated records are written back in the new shape, but only when every
                    // entry was read: an unreadable one that could not be moved aside must not
                    // be overwritten by a default record.
                    if migrated_from.is_some() && unreadable.is_empty() {
                        let codec = record_chunk::get().ok_or(ChunkMissing)?;
                        for (key, value) in (codec.all)(&doc) {
                            let _ = storage.set(&key, &value);
                        }
                    }
                    (doc, Persistence::Saving, quarantined)
                }
            }
        };
        let notice = if quarantined.is_empty() {
            None
        } else {
            Some(Notice::warning(format!(
                "{} could not be read and {} set aside, not deleted (under \"{}…\" in this browser's storage). Everything else loaded.",
                count(quarantined.len(), "saved item", "saved items"),
                if quarantined.len() == 1 { "was" } else { "were" },
                records::QUARANTINE_PREFIX
            )))
        };
        Ok(Opened {
            doc,
            persistence,
            notice,
            quarantined,
            storage,
            available,
            stuck,
        })
    }

    /// The state's signals, made inside the app so that the app owns them.
    pub fn new(opened: Opened) -> Self {
        let Opened {
            doc,
            persistence,
            notice,
            quarantined,
            storage,
            available,
            stuck,
        } = opened;
        let shell = Shell {
            storage: RefCell::new(storage),
            available,
            pending: RefCell::default(),
            fetching: Cell::new(false),
            stuck,
            notice_shown: Cell::new((0, 0.0)),
            drafts: RefCell::default(),
        };
        AppState {
            me: RwSignal::new(doc.me),
            categories: RwSignal::new(doc.categories),
            people: RwSignal::new(doc.people),
            events: RwSignal::new(doc.events),
            settings: RwSignal::new(doc.settings),
            persistence: RwSignal::new(persistence),
            unsaved: RwSignal::new(false),
            notice: RwSignal::new(notice),
            quarantined: RwSignal::new(quarantined),
            usage: Usage::new(),
            shell: StoredValue::new_local(Rc::new(shell)),
        }
    }

    pub(crate) fn shell(&self) -> Rc<Shell> {
        self.shell.get_value()
    }

    /// Drops the changes waiting for the record codec (the notebook is being erased).
    pub(crate) fn forget_pending(&self) {
        self.shell().pending.borrow_mut().clear();
    }

    /// Fetches the record chunk ahead of the first save, when the start did not need it.
    pub fn prefetch_codec(&self) {
        if record_chunk::get().is_none() {
            self.fetch_codec_then_flush();
        }
    }

    /// The whole document as it is in memory (saved or not), for export.
    pub fn document(&self) -> Document {
        Document {
            me: self.me.get_untracked(),
            categories: self.categories.get_untracked(),
            people: self.people.get_untracked(),
            events: self.events.get_untracked(),
            settings: self.settings.get_untracked(),
        }
    }

    /// Lends the document to `f` (a core mutator or query). The parts move out of their
    /// signals and back, so nothing is copied however many people there are; no signal is
    /// notified here (see [`Self::apply`]).
    pub(crate) fn with_document<R>(&self, f: impl FnOnce(&mut Document) -> R) -> R {
        let mut doc = self.lend_document();
        let out = f(&mut doc);
        self.return_document(doc);
        out
    }

    // The two halves of `with_document` are not inlined: one copy serves every caller, where
    // inlining them put five signal writes into each save function of the main module.
    #[inline(never)]
    fn lend_document(&self) -> Document {
        Document {
            me: self
                .me
                .try_update_untracked(std::mem::take)
                .unwrap_or_default(),
            categories: self
                .categories
                .try_update_untracked(std::mem::take)
                .unwrap_or_default(),
            people: self
                .people
                .try_update_untracked(std::mem::take)
                .unwrap_or_default(),
            events: self
                .events
                .try_update_untracked(std::mem::take)
                .unwrap_or_default(),
            settings: self
                .settings
                .try_update_untracked(std::mem::take)
                .unwrap_or_default(),
        }
    }

    #[inline(never)]
    fn return_document(&self, doc: Document) {
        let Document {
            me,
            categories,
            people,
            events,
            settings,
        } = doc;
        self.me.try_update_untracked(|m| *m = me);
        self.categories.try_update_untracked(|c| *c = categories);
        self.people.try_update_untracked(|p| *p = people);
        self.events.try_update_untracked(|e| *e = events);
        self.settings.try_update_untracked(|s| *s = settings);
    }

    /// Tells whatever shows a part of the document that it changed: only the signals the
    /// changes name, so saving a person does not redraw my map.
    pub(crate) fn notify_changed(&self, changes: &[Change]) {
        let has = |f: fn(&Change) -> bool| changes.iter().any(f);
        if has(|c| matches!(c, Change::Me)) {
            self.me.notify();
        }
        if has(|c| matches!(c, Change::Categories)) {
            self.categories.notify();
        }
        if has(|c| matches!(c, Change::Settings)) {
            self.settings.notify();
        }
        if has(|c| matches!(c, Change::Person(_))) {
            self.people.notify();
        }
        if has(|c| matches!(c, Change::Event(_))) {
            self.events.notify();
        }
    }

    /// Runs a core mutator and applies the changes it reports: to the signals, then to
    /// storage. False when the browser refused the write.
    pub(crate) fn apply(&self, f: impl FnOnce(&mut Document) -> Vec<Change>) -> bool {
        let changes = self.with_document(f);
        self.notify_changed(&changes);
        self.persist(changes)
    }

    /// Shows a notice. An error stays until it is dismissed or replaced by another error: a
    /// later warning or confirmation must not hide that something was not saved.
    /// A confirmation clears itself after a few seconds and at the next page.
    pub fn notify(&self, notice: Notice) {
        if !self
            .notice
            .with_untracked(|n| notice::may_replace(n.as_ref(), &notice))
        {
            return;
        }
        let shell = self.shell();
        let serial = shell.notice_shown.get().0 + 1;
        shell.notice_shown.set((serial, clock::now() as f64));
        if notice.kind.clears_itself() {
            let state = *self;
            clock::after(notice::CONFIRMATION_MS.into(), move || {
                if state.shell().notice_shown.get().0 == serial {
                    state.clear_confirmation();
                }
            });
        }
        self.notice.set(Some(notice));
    }

    /// Clears the notice if it is a confirmation (an error or a warning stays).
    fn clear_confirmation(&self) {
        let _ = self.notice.try_update(|n| {
            if n.as_ref().is_some_and(|n| n.kind.clears_itself()) {
                *n = None;
            }
        });
    }

    /// Called when the user moves to another page: a confirmation from before is stale.
    pub fn page_changed(&self) {
        let shown_at = self.shell().notice_shown.get().1;
        let stale = self.notice.with_untracked(|n| {
            n.as_ref().is_some_and(|n| {
                notice::stale_after_navigation(n.kind, shown_at, clock::now() as f64)
            })
        });
        if stale {
            self.notice.set(None);
        }
    }

    /// Writes changed records, schema first; false when the browser refused. On failure the
    /// earlier stored values stay as they were (writes are per key) and the change stays in
    /// memory, flagged unsaved. Before the record chunk has arrived, changes wait for it.
    pub(crate) fn persist(&self, changes: Vec<Change>) -> bool {
        if self.persistence.get_untracked() != Persistence::Saving {
            // Kept in memory, as the banner explains; the change itself went through.
            self.unsaved.set(true);
            return true;
        }
        let shell = self.shell();
        let Some(codec) = record_chunk::get() else {
            shell.pending.borrow_mut().extend(changes);
            self.fetch_codec_then_flush();
            return true;
        };
        let encoded: Vec<(String, Option<String>)> =
            changes.iter().map(|c| self.encode(codec, c)).collect();
        let written = self.write(&shell, encoded);
        self.publish_usage();
        if written && self.unsaved.get_untracked() {
            self.unsaved.set(false);
        }
        written
    }

    /// Writes (or, for `None`, removes) each entry, stopping at the first refusal.
    fn write(&self, shell: &Shell, encoded: Vec<(String, Option<String>)>) -> bool {
        let schema = records::schema_record();
        let mut storage = shell.storage.borrow_mut();
        if storage.get(&schema.0).as_deref() != Some(schema.1.as_str()) {
            if let Err(e) = storage.set(&schema.0, &schema.1) {
                drop(storage);
                return self.failed(e);
            }
        }
        for (key, value) in encoded {
            if shell.stuck.contains(&key) {
                drop(storage);
                self.unsaved.set(true);
                self.notify(Notice::error(
                    "An earlier saved item could not be read or set aside, so this change is kept only in this tab rather than written over it. Export a backup from Settings, free some space and reload.",
                ));
                return false;
            }
            match value {
                Some(value) => {
                    if let Err(e) = storage.set(&key, &value) {
                        drop(storage);
                        return self.failed(e);
                    }
                }
                None => storage.remove(&key),
            }
        }
        true
    }

    /// The stored form of one changed record, from the signals as they are now: `None` for a
    /// person or event no longer in memory (deleted), whose entry is removed.
    fn encode(&self, codec: &Codec, change: &Change) -> (String, Option<String>) {
        match change {
            Change::Me => (
                records::ME_KEY.into(),
                Some(self.me.with_untracked(|m| (codec.me)(m))),
            ),
            Change::Categories => (
                records::CATEGORIES_KEY.into(),
                Some(self.categories.with_untracked(|c| (codec.categories)(c))),
            ),
            Change::Settings => (
                records::SETTINGS_KEY.into(),
                Some(self.settings.with_untracked(|s| (codec.settings)(s))),
            ),
            Change::Person(id) => (
                records::person_key(id),
                self.people.with_untracked(|p| p.get(id).map(codec.person)),
            ),
            Change::Event(id) => (
                records::event_key(id),
                self.events.with_untracked(|e| e.get(id).map(codec.event)),
            ),
        }
    }

    /// Fetches the record chunk in the background and then writes what waited for it. If it
    /// cannot be fetched, the changes stay in this tab and the user is told.
    fn fetch_codec_then_flush(&self) {
        if self.shell().fetching.replace(true) {
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            let fetched = record_chunk::load().await;
            let shell = state.shell();
            shell.fetching.set(false);
            match fetched {
                Ok(_) => {
                    let mut waiting = shell.pending.take();
                    waiting.dedup();
                    if !waiting.is_empty() {
                        state.persist(waiting);
                    }
                }
                Err(ChunkMissing) => {
                    if !shell.pending.borrow().is_empty() {
                        state.unsaved.set(true);
                        state.notify(Notice::error(
                            "Common Ground had not finished downloading when this phone went offline, so your changes are kept only in this tab for now. Connect and make any change to save them all.",
                        ));
                    }
                }
            }
        });
    }

    fn failed(&self, e: WriteError) -> bool {
        self.unsaved.set(true);
        self.notify(Notice::error(e.to_string()));
        false
    }

    /// Counts storage again from scratch (after first paint, and when Settings opens).
    pub fn recount_storage(&self) {
        self.shell().storage.borrow_mut().recount();
        self.publish_usage();
    }

    /// Shows the storage total as it is now, and whether it is past the warning line.
    pub(crate) fn publish_usage(&self) {
        let used = self.shell().storage.borrow().used();
        if self.usage.local_chars.get_untracked() != used {
            self.usage.local_chars.set(used);
        }
        let full = used.is_some_and(near_full);
        if self.usage.near_full.get_untracked() != full {
            self.usage.near_full.set(full);
        }
    }
}

/// Copies each unreadable entry to its quarantine key, then frees the original key. If the
/// copy fails (storage full), the original stays where it is, untouched, and is noted as
/// stuck.
fn quarantine(
    storage: &mut Counted,
    unreadable: &[Unreadable],
    stuck: &mut Vec<String>,
) -> Vec<String> {
    let mut moved = Vec::new();
    for u in unreadable {
        let target = records::quarantine_key(&u.key);
        if storage.set(&target, &u.raw).is_ok() {
            storage.remove(&u.key);
        } else {
            stuck.push(u.key.clone());
        }
        moved.push(u.key.clone());
    }
    moved
}
