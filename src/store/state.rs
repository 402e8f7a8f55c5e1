//! `AppState`: the document as signals, loaded once at start, and the one place that writes
//! changes back to storage, record by record.

use super::backend::{self, WriteError};
use super::notice::Notice;
use crate::core::document::{Document, RemovedPerson, Settings};
use crate::core::model::{Category, Event, EventId, Me, Person, PersonId};
use crate::core::records::{self, Loaded, Unreadable};
use leptos::prelude::*;
use std::collections::BTreeMap;

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
    /// keys before anything else is written, so a later save cannot overwrite them.
    pub fn load() -> Self {
        let (doc, persistence, quarantined) = if !backend::available() {
            (Document::default(), Persistence::MemoryOnly, Vec::new())
        } else {
            match records::load(backend::entries_with_prefix(records::PREFIX)) {
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
                    if migrated_from.is_some() {
                        for (key, value) in records::all_records(&doc) {
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

    pub fn notify(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    /// Writes records, schema first; false when the browser refused. On failure the earlier
    /// stored values stay as they were (localStorage writes are per key) and the change stays
    /// in memory, flagged unsaved.
    fn persist(&self, records: Vec<(String, String)>) -> bool {
        if self.persistence.get_untracked() != Persistence::Saving {
            // Kept in memory, as the banner explains; the change itself went through.
            self.unsaved.set(true);
            return true;
        }
        let schema = records::schema_record();
        if backend::get(&schema.0).as_deref() != Some(schema.1.as_str()) {
            if let Err(e) = backend::set(&schema.0, &schema.1) {
                return self.failed(e);
            }
        }
        for (key, value) in records {
            if let Err(e) = backend::set(&key, &value) {
                return self.failed(e);
            }
        }
        if self.unsaved.get_untracked() {
            self.unsaved.set(false);
        }
        true
    }

    fn failed(&self, e: WriteError) -> bool {
        self.unsaved.set(true);
        self.notify(Notice::error(e.to_string()));
        false
    }

    pub fn save_me(&self, me: Me) -> bool {
        let record = records::me_record(&me);
        self.me.set(me);
        self.persist(vec![record])
    }

    pub fn save_categories(&self, categories: Vec<Category>) -> bool {
        let record = records::categories_record(&categories);
        self.categories.set(categories);
        self.persist(vec![record])
    }

    pub fn save_settings(&self, settings: Settings) -> bool {
        let record = records::settings_record(&settings);
        self.settings.set(settings);
        self.persist(vec![record])
    }

    /// Saves a person and, if given, links them to an event.
    pub fn save_person(&self, person: Person, at_event: Option<&EventId>) -> bool {
        let mut out = vec![records::person_record(&person)];
        if let Some(event_id) = at_event {
            let now = person.updated;
            let id = person.id.clone();
            self.events.update(|events| {
                if let Some(e) = events.get_mut(event_id) {
                    if !e.attendees.contains(&id) {
                        e.attendees.push(id);
                        e.updated = now;
                        out.push(records::event_record(e));
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
        let record = records::event_record(&event);
        self.events.update(|events| {
            events.insert(event.id.clone(), event);
        });
        self.persist(vec![record])
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
            .filter_map(|(e, _)| doc.events.get(e).map(records::event_record))
            .collect();
        self.people.set(doc.people);
        self.events.set(doc.events);
        if self.persistence.get_untracked() == Persistence::Saving {
            backend::remove(&records::person_key(id));
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
        let person = records::person_record(&removed.person);
        let changed = doc.restore_person(removed);
        let mut out = vec![person];
        out.extend(
            changed
                .iter()
                .filter_map(|e| doc.events.get(e).map(records::event_record)),
        );
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
        }
        moved.push(u.key.clone());
    }
    moved
}
