//! `AppState`: the document as signals, loaded once at start, and the one place that writes
//! changes back to storage, record by record.

use super::backend::{self, WriteError};
use super::codec::{self, Codec, CodecMissing};
use super::notice::Notice;
use crate::core::document::{Document, RemovedPerson, Settings};
use crate::core::model::{Category, CategoryId, Event, EventId, Me, Person, PersonId};
use crate::core::records::{self, Loaded, Unreadable};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::future::Future;

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

/// A record that changed in memory and must be written. Records are encoded from the signals
/// when they are written, so a change made before the codec arrived is saved as it is then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Me,
    Categories,
    Settings,
    Person(PersonId),
    Event(EventId),
}

/// What [`AppState::open`] read from storage, before it becomes signals.
pub struct Opened {
    doc: Document,
    persistence: Persistence,
    notice: Option<Notice>,
    quarantined: Vec<String>,
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
}

impl AppState {
    /// Reads storage once and builds the state. Unreadable entries are moved to quarantine
    /// keys before anything else is written, so a later save cannot overwrite them. Fails only
    /// when records are stored but the codec's chunk cannot be fetched: then nothing may start
    /// that could write over them.
    pub async fn open() -> Result<Opened, CodecMissing> {
        let (doc, persistence, quarantined) = if !backend::available() {
            (Document::default(), Persistence::MemoryOnly, Vec::new())
        } else {
            // With records stored (the schema key is written before any), start fetching the
            // codec's chunk now, so it downloads and compiles while the records are read.
            let mut fetch = std::pin::pin!(codec::load());
            let mut fetched = None;
            if backend::get(records::SCHEMA_KEY).is_some() {
                let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
                if let std::task::Poll::Ready(result) = fetch.as_mut().poll(&mut cx) {
                    fetched = Some(result);
                }
            }
            let entries = backend::entries_with_prefix(records::PREFIX);
            let loaded = if records::holds_records(&entries) {
                let codec = match fetched {
                    Some(result) => result?,
                    None => fetch.await?,
                };
                (codec.load)(entries)
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
                    let quarantined = quarantine(&unreadable);
                    // Migrated records are written back in the new shape, but only when every
                    // entry was read: an unreadable one that could not be moved aside must not
                    // be overwritten by a default record.
                    if migrated_from.is_some() && unreadable.is_empty() {
                        let codec = codec::get().ok_or(CodecMissing)?;
                        for (key, value) in (codec.all)(&doc) {
                            let _ = backend::set(&key, &value);
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
                "{} saved item(s) could not be read and were set aside, not deleted (under \"{}…\" in this browser's storage). Everything else loaded.",
                quarantined.len(),
                records::QUARANTINE_PREFIX
            )))
        };
        Ok(Opened {
            doc,
            persistence,
            notice,
            quarantined,
        })
    }

    /// The state's signals, made inside the app so that the app owns them.
    pub fn new(opened: Opened) -> Self {
        let Opened {
            doc,
            persistence,
            notice,
            quarantined,
        } = opened;
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
        }
    }

    /// Fetches the codec ahead of the first save, when the start did not need it.
    pub fn prefetch_codec(&self) {
        if codec::get().is_none() {
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

    /// Shows a notice. An error stays until it is dismissed or replaced by another error: a
    /// later warning or confirmation must not hide that something was not saved.
    /// A confirmation clears itself after a few seconds and at the next page.
    pub fn notify(&self, notice: Notice) {
        if !self
            .notice
            .with_untracked(|n| super::notice::may_replace(n.as_ref(), &notice))
        {
            return;
        }
        let serial = NOTICE_SHOWN.with(|s| {
            let (n, _) = s.get();
            s.set((n + 1, js_sys::Date::now()));
            n + 1
        });
        if notice.kind.clears_itself() {
            let state = *self;
            leptos::prelude::set_timeout(
                move || {
                    if NOTICE_SHOWN.with(|s| s.get().0) == serial {
                        state.clear_confirmation();
                    }
                },
                std::time::Duration::from_millis(super::notice::CONFIRMATION_MS.into()),
            );
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
        let shown_at = NOTICE_SHOWN.with(|s| s.get().1);
        let stale = self.notice.with_untracked(|n| {
            n.as_ref().is_some_and(|n| {
                super::notice::stale_after_navigation(n.kind, shown_at, js_sys::Date::now())
            })
        });
        if stale {
            self.notice.set(None);
        }
    }

    /// Writes changed records, schema first; false when the browser refused. On failure the
    /// earlier stored values stay as they were (localStorage writes are per key) and the change
    /// stays in memory, flagged unsaved. Before the codec has arrived, changes wait for it.
    fn persist(&self, changes: Vec<Change>) -> bool {
        if self.persistence.get_untracked() != Persistence::Saving {
            // Kept in memory, as the banner explains; the change itself went through.
            self.unsaved.set(true);
            return true;
        }
        let Some(codec) = codec::get() else {
            PENDING.with_borrow_mut(|p| p.extend(changes));
            self.fetch_codec_then_flush();
            return true;
        };
        let encoded: Vec<(String, String)> = changes
            .iter()
            .filter_map(|c| self.encode(codec, c))
            .collect();
        let schema = records::schema_record();
        if backend::get(&schema.0).as_deref() != Some(schema.1.as_str()) {
            if let Err(e) = backend::set(&schema.0, &schema.1) {
                return self.failed(e);
            }
            super::usage::wrote(&schema.0, &schema.1);
        }
        for (key, value) in encoded {
            if is_stuck(&key) {
                self.unsaved.set(true);
                self.notify(Notice::error(
                    "An earlier saved item could not be read or set aside, so this change is kept only in this tab rather than written over it. Export a backup from Settings, free some space and reload.",
                ));
                return false;
            }
            if let Err(e) = backend::set(&key, &value) {
                return self.failed(e);
            }
            super::usage::wrote(&key, &value);
        }
        if self.unsaved.get_untracked() {
            self.unsaved.set(false);
        }
        true
    }

    /// The stored form of one changed record, from the signals as they are now; `None` for a
    /// person or event no longer in memory (deleted since).
    fn encode(&self, codec: &Codec, change: &Change) -> Option<(String, String)> {
        Some(match change {
            Change::Me => (
                records::ME_KEY.into(),
                self.me.with_untracked(|m| (codec.me)(m)),
            ),
            Change::Categories => (
                records::CATEGORIES_KEY.into(),
                self.categories.with_untracked(|c| (codec.categories)(c)),
            ),
            Change::Settings => (
                records::SETTINGS_KEY.into(),
                self.settings.with_untracked(|s| (codec.settings)(s)),
            ),
            Change::Person(id) => (
                records::person_key(id),
                self.people
                    .with_untracked(|p| p.get(id).map(codec.person))?,
            ),
            Change::Event(id) => (
                records::event_key(id),
                self.events.with_untracked(|e| e.get(id).map(codec.event))?,
            ),
        })
    }

    /// Fetches the codec in the background and then writes what waited for it. If it cannot
    /// be fetched, the changes stay in this tab and the user is told.
    fn fetch_codec_then_flush(&self) {
        if FETCHING.replace(true) {
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            let fetched = codec::load().await;
            FETCHING.set(false);
            match fetched {
                Ok(_) => {
                    let mut waiting = PENDING.take();
                    waiting.dedup();
                    if !waiting.is_empty() {
                        state.persist(waiting);
                    }
                }
                Err(CodecMissing) => {
                    if PENDING.with_borrow(|p| !p.is_empty()) {
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

    pub fn save_me(&self, me: Me) -> bool {
        self.me.set(me);
        self.persist(vec![Change::Me])
    }

    pub fn save_categories(&self, categories: Vec<Category>) -> bool {
        self.categories.set(categories);
        self.persist(vec![Change::Categories])
    }

    /// Deletes a category; its interests, mine and everyone's, move to "Other".
    pub fn delete_category(&self, id: &CategoryId, now: i64) -> bool {
        if *id == CategoryId::other() {
            return false;
        }
        let other = CategoryId::other();
        let mut cats = self.categories.get_untracked();
        cats.retain(|c| &c.id != id);
        let mut out = vec![Change::Categories];
        self.categories.set(cats);
        let mut me = self.me.get_untracked();
        if me.interests.iter().any(|i| &i.category == id) {
            me.interests
                .iter_mut()
                .filter(|i| &i.category == id)
                .for_each(|i| i.category = other.clone());
            out.push(Change::Me);
            self.me.set(me);
        }
        self.people.update(|people| {
            for p in people.values_mut() {
                if p.interests.iter().any(|i| &i.category == id) {
                    p.interests
                        .iter_mut()
                        .filter(|i| &i.category == id)
                        .for_each(|i| i.category = other.clone());
                    p.updated = now;
                    out.push(Change::Person(p.id.clone()));
                }
            }
        });
        self.persist(out)
    }

    pub fn save_settings(&self, settings: Settings) -> bool {
        self.settings.set(settings);
        self.persist(vec![Change::Settings])
    }

    /// "End event": the current event stops being current, so people added from now on are
    /// not filed under it.
    pub fn end_event(&self) {
        let mut settings = self.settings.get_untracked();
        let Some(id) = settings.current_event.take() else {
            return;
        };
        let name = self
            .events
            .with_untracked(|e| e.get(&id).map(|e| e.name.clone()))
            .unwrap_or_default();
        if self.save_settings(settings) {
            self.notify(Notice::success(format!(
                "Ended {name}. People you add now are not filed under it."
            )));
        }
    }

    /// Saves a person and, if given, links them to an event.
    pub fn save_person(&self, person: Person, at_event: Option<&EventId>) -> bool {
        // Another tab may have saved this person or event a moment ago (issue 6).
        let Some(person) = self.settle_person(person) else {
            return false;
        };
        if let Some(event_id) = at_event {
            self.adopt_stored_event(event_id);
        }
        let mut out = vec![Change::Person(person.id.clone())];
        if let Some(event_id) = at_event {
            let now = person.updated;
            let id = person.id.clone();
            self.events.update(|events| {
                if let Some(e) = events.get_mut(event_id) {
                    if !e.attendees.contains(&id) {
                        e.attendees.push(id);
                        e.updated = now;
                        out.push(Change::Event(e.id.clone()));
                    }
                }
            });
        }
        let id = person.id.clone();
        self.people.update(|people| {
            people.insert(id, person);
        });
        self.persist(out)
    }

    pub fn save_event(&self, event: Event) -> bool {
        let Some(event) = self.settle_event(event) else {
            return false;
        };
        let change = Change::Event(event.id.clone());
        self.events.update(|events| {
            events.insert(event.id.clone(), event);
        });
        self.persist(vec![change])
    }

    /// Removes a person and their event links; the result lets an undo restore them exactly.
    pub fn delete_person(&self, id: &PersonId, now: i64) -> Option<RemovedPerson> {
        let mut doc = Document {
            people: self.people.get_untracked(),
            events: self.events.get_untracked(),
            ..Document::default()
        };
        let removed = doc.remove_person(id, now)?;
        let changed: Vec<_> = removed
            .event_links
            .iter()
            .filter(|(e, _)| doc.events.contains_key(e))
            .map(|(e, _)| Change::Event(e.clone()))
            .collect();
        self.people.set(doc.people);
        self.events.set(doc.events);
        if self.persistence.get_untracked() == Persistence::Saving {
            backend::remove(&records::person_key(id));
            super::usage::removed(&records::person_key(id));
        }
        self.persist(changed);
        Some(removed)
    }

    pub fn restore_person(&self, removed: RemovedPerson) -> bool {
        let mut doc = Document {
            people: self.people.get_untracked(),
            events: self.events.get_untracked(),
            ..Document::default()
        };
        let mut out = vec![Change::Person(removed.person.id.clone())];
        let changed = doc.restore_person(removed);
        out.extend(changed.into_iter().map(Change::Event));
        self.people.set(doc.people);
        self.events.set(doc.events);
        self.persist(out)
    }
}

/// Copies each unreadable entry to its quarantine key, then frees the original key. If the
/// copy fails (storage full), the original stays where it is, untouched.
fn quarantine(unreadable: &[Unreadable]) -> Vec<String> {
    let mut moved = Vec::new();
    for u in unreadable {
        let target = records::quarantine_key(&u.key);
        if backend::set(&target, &u.raw).is_ok() {
            backend::remove(&u.key);
        } else {
            STUCK.with_borrow_mut(|s| s.push(u.key.clone()));
        }
        moved.push(u.key.clone());
    }
    moved
}

thread_local! {
    /// How many notices were shown, and when the last one was (for clearing a stale one).
    static NOTICE_SHOWN: std::cell::Cell<(u64, f64)> = const { std::cell::Cell::new((0, 0.0)) };
    /// Changes made before the codec arrived, written as soon as it does.
    static PENDING: std::cell::RefCell<Vec<Change>> = const { std::cell::RefCell::new(Vec::new()) };
    static FETCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Unreadable entries that could not be moved aside (storage full): nothing may be written
    /// over them, so the raw text is never lost.
    static STUCK: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn is_stuck(key: &str) -> bool {
    STUCK.with_borrow(|s| s.iter().any(|k| k == key))
}

/// Backups, imports and the two-tab save rule (issue 6).
impl AppState {
    /// Records that a backup was just made, for "Last backup" and the reminder.
    pub fn record_backup(&self, now: crate::core::model::Millis) -> bool {
        let mut settings = self.settings.get_untracked();
        settings.last_backup = Some(now);
        self.save_settings(settings)
    }

    /// True while this browser holds nothing the user made: an import is then a restore.
    pub fn is_blank(&self) -> bool {
        let blank = Document::default();
        self.people.with_untracked(|p| p.is_empty())
            && self.events.with_untracked(|e| e.is_empty())
            && self.me.with_untracked(|m| *m == blank.me)
            && self.categories.with_untracked(|c| *c == blank.categories)
    }

    /// Writes exactly the records `core::backup::merge_import` changed.
    pub fn apply_import(
        &self,
        merged: Document,
        result: &crate::core::backup::MergeResult,
    ) -> bool {
        let mut out: Vec<Change> = Vec::new();
        out.extend(result.people.iter().cloned().map(Change::Person));
        out.extend(result.events.iter().cloned().map(Change::Event));
        if result.me_changed {
            out.push(Change::Me);
            self.me.set(merged.me);
        }
        if result.categories_changed {
            out.push(Change::Categories);
            self.categories.set(merged.categories);
        }
        if !result.people.is_empty() {
            self.people.set(merged.people);
        }
        if !result.events.is_empty() {
            self.events.set(merged.events);
        }
        self.persist(out)
    }

    /// Takes a backup whole, settings included, into a blank browser (see [`Self::is_blank`]).
    /// Parts equal to what a new app starts with are not written, as a new app does not store
    /// them either: the stored entries come out as they were where the backup was made.
    pub fn restore(&self, doc: Document) -> bool {
        let blank = Document::default();
        let mut out = Vec::new();
        if doc.me != blank.me {
            out.push(Change::Me);
        }
        if doc.categories != blank.categories {
            out.push(Change::Categories);
        }
        if doc.settings != blank.settings {
            out.push(Change::Settings);
        }
        out.extend(doc.people.keys().cloned().map(Change::Person));
        out.extend(doc.events.keys().cloned().map(Change::Event));
        self.me.set(doc.me);
        self.categories.set(doc.categories);
        self.settings.set(doc.settings);
        self.people.set(doc.people);
        self.events.set(doc.events);
        self.persist(out)
    }

    /// Adds new people (from a contacts file), each already under a fresh id.
    pub fn add_people(&self, people: Vec<Person>) -> bool {
        let out = people
            .iter()
            .map(|p| Change::Person(p.id.clone()))
            .collect();
        self.people.update(|map| {
            for p in people {
                map.insert(p.id.clone(), p);
            }
        });
        self.persist(out)
    }

    /// The stored version of a record, read now: another tab may have written it a moment
    /// ago. Text that does not read is copied aside first, so replacing it loses nothing.
    /// Before the codec has arrived nothing is compared (this tab found nothing stored at
    /// start, so there is little another tab could have written).
    fn stored<T>(&self, key: &str, read: impl Fn(&Codec) -> fn(&str) -> Option<T>) -> Option<T> {
        let codec = codec::get()?;
        let raw = backend::get(key)?;
        let value = read(codec)(&raw);
        if value.is_none() {
            let _ = backend::set(&records::quarantine_key(key), &raw);
        }
        value
    }

    /// Applies `core::sync_rules::decide_save` to a person about to be saved: the person to
    /// write (stamped), or `None` when a newer version from another tab was kept instead.
    fn settle_person(&self, mut person: Person) -> Option<Person> {
        use crate::core::sync_rules::{decide_save, SaveDecision};
        if self.persistence.get_untracked() != Persistence::Saving {
            return Some(person);
        }
        let base = self.people.with_untracked(|p| p.get(&person.id).cloned());
        let stored = self.stored(&records::person_key(&person.id), |c| c.read_person);
        match decide_save(base.as_ref(), stored.as_ref(), person.updated, |p| {
            p.updated
        }) {
            SaveDecision::Write { updated } => {
                person.updated = updated;
                Some(person)
            }
            SaveDecision::KeepStored => {
                let kept = stored?;
                self.notify(Notice::error(format!(
                    "{} was changed in another tab after this tab last showed it, and that change is newer: your edit was not saved. This tab now shows the newer version; save again to replace it.",
                    kept.name
                )));
                self.people.update(|p| {
                    p.insert(kept.id.clone(), kept);
                });
                None
            }
        }
    }

    /// The same rule for an event.
    fn settle_event(&self, mut event: Event) -> Option<Event> {
        use crate::core::sync_rules::{decide_save, SaveDecision};
        if self.persistence.get_untracked() != Persistence::Saving {
            return Some(event);
        }
        let base = self.events.with_untracked(|e| e.get(&event.id).cloned());
        let stored = self.stored(&records::event_key(&event.id), |c| c.read_event);
        match decide_save(base.as_ref(), stored.as_ref(), event.updated, |e| e.updated) {
            SaveDecision::Write { updated } => {
                event.updated = updated;
                Some(event)
            }
            SaveDecision::KeepStored => {
                let kept = stored?;
                self.notify(Notice::error(format!(
                    "The event {} was changed in another tab after this tab last showed it, and that change is newer: your edit was not saved. This tab now shows the newer version; save again to replace it.",
                    kept.name
                )));
                self.events.update(|e| {
                    e.insert(kept.id.clone(), kept);
                });
                None
            }
        }
    }

    /// Before linking a person to an event, takes in a newer stored version of the event, so
    /// two tabs adding people at the same event both keep theirs.
    fn adopt_stored_event(&self, id: &EventId) {
        if self.persistence.get_untracked() != Persistence::Saving {
            return;
        }
        let Some(stored) = self.stored(&records::event_key(id), |c| c.read_event) else {
            return;
        };
        let newer = self.events.with_untracked(|e| {
            e.get(id)
                .is_none_or(|mine| *mine != stored && stored.updated > mine.updated)
        });
        if newer {
            self.events.update(|e| {
                e.insert(id.clone(), stored);
            });
        }
    }
}
