//! What the screens call to change the data, each through one `Document` mutator of the core.
//!
//! The core says what changed and `AppState::apply` writes it. Records saved from a form are
//! first settled against another tab's newer copy (the two-tab rule, `core::sync_rules`).

use super::clock::now;
use super::notice::Notice;
use super::record_chunk::Codec;
use super::state::{AppState, Persistence};
use crate::core::document::{Document, RemovedEvent, RemovedPerson, Settings};
use crate::core::draft;
use crate::core::duplicates::MergedPeople;
use crate::core::model::{
    Category, CategoryId, Event, EventId, FollowUp, Me, Millis, Person, PersonId,
};
use crate::core::records;
use crate::core::sync_rules::{decide_save, SaveDecision, HINT_PREFIX};
use leptos::prelude::*;
use std::collections::BTreeMap;

impl AppState {
    pub fn save_me(&self, me: Me) -> bool {
        self.apply(|doc| doc.set_me(me))
    }

    pub fn save_categories(&self, categories: Vec<Category>) -> bool {
        self.apply(|doc| doc.set_categories(categories))
    }

    /// Deletes a category; its interests, mine and everyone's, move to "Other" (which itself
    /// cannot be deleted: false).
    pub fn delete_category(&self, id: &CategoryId, now: Millis) -> bool {
        let changes = self.with_document(|doc| doc.delete_category(id, now));
        if changes.is_empty() {
            return false;
        }
        self.notify_changed(&changes);
        self.persist(changes)
    }

    pub fn save_settings(&self, settings: Settings) -> bool {
        self.apply(|doc| doc.set_settings(settings))
    }

    /// Marks the event I am at, so people added from now on are filed under it.
    pub fn make_current(&self, event: &EventId) -> bool {
        let mut settings = self.settings.get_untracked();
        settings.current_event = Some(event.clone());
        self.save_settings(settings)
    }

    /// "End event": the current event stops being current, so people added from now on are
    /// not filed under it.
    pub fn end_event(&self) {
        let Some((id, changes)) = self.with_document(Document::end_event) else {
            return;
        };
        self.notify_changed(&changes);
        let name = self
            .events
            .with_untracked(|e| e.get(&id).map(|e| e.name.clone()))
            .unwrap_or_default();
        if self.persist(changes) {
            self.notify(Notice::success(format!(
                "Ended {name}. People you add now are not filed under it."
            )));
        }
    }

    /// Saves a person and, if given, files them under an event they were met at.
    pub fn save_person(&self, person: Person, at_event: Option<&EventId>) -> bool {
        // Another tab may have saved this person or event a moment ago.
        let Some(person) = self.settle(person) else {
            return false;
        };
        if let Some(event_id) = at_event {
            self.adopt_stored_event(event_id);
        }
        self.apply(|doc| doc.save_person(person, at_event))
    }

    /// Changes one person's follow-ups (a tick, a new date, a delete) and saves the person;
    /// false when they are gone or the save failed. A change that changes nothing (a row drawn
    /// from a list that has moved on since) writes nothing, and the person stays where "Recent"
    /// had them.
    pub fn change_follow_ups(
        &self,
        id: &PersonId,
        change: impl FnOnce(&mut Vec<FollowUp>),
    ) -> bool {
        let Some(mut p) = self.people.with_untracked(|p| p.get(id).cloned()) else {
            return false;
        };
        let before = p.follow_ups.clone();
        change(&mut p.follow_ups);
        if p.follow_ups == before {
            return true;
        }
        p.updated = now();
        self.save_person(p, None)
    }

    pub fn save_event(&self, event: Event) -> bool {
        let Some(event) = self.settle(event) else {
            return false;
        };
        self.apply(|doc| doc.save_event(event))
    }

    /// Files a person under an event, or takes them off it, on the event as stored now (another
    /// tab may have filed someone there a moment ago).
    pub fn set_attendance(&self, event: &EventId, person: &PersonId, here: bool) -> bool {
        self.adopt_stored_event(event);
        self.apply(|doc| doc.set_attendance(event, person, here, now()))
    }

    /// Removes a person and their event links; the result lets an undo restore them exactly.
    pub fn delete_person(&self, id: &PersonId, now: Millis) -> Option<RemovedPerson> {
        let (removed, changes) = self.with_document(|doc| doc.delete_person(id, now))?;
        self.notify_changed(&changes);
        self.persist(changes);
        Some(removed)
    }

    /// Merges the saved record `other` into `kept`; the result lets an undo put both back.
    pub fn merge_people(&self, kept: &PersonId, other: &PersonId) -> Option<MergedPeople> {
        let (merged, changes) = self.with_document(|doc| doc.merge_people(kept, other, now()))?;
        self.notify_changed(&changes);
        self.persist(changes);
        Some(merged)
    }

    pub fn undo_merge(&self, merged: MergedPeople) -> bool {
        self.apply(|doc| doc.undo_merge(merged))
    }

    pub fn restore_person(&self, removed: RemovedPerson) -> bool {
        self.apply(|doc| doc.undo_delete(removed))
    }

    pub fn delete_event(&self, id: &EventId) -> Option<RemovedEvent> {
        let (removed, changes) = self.with_document(|doc| doc.delete_event(id))?;
        self.notify_changed(&changes);
        self.persist(changes);
        Some(removed)
    }

    pub fn restore_event(&self, removed: RemovedEvent) -> bool {
        self.apply(|doc| doc.undo_delete_event(removed))
    }

    /// "Erase this notebook": removes every entry of the app's in this browser (records, ones
    /// set aside as unreadable, drafts, hints) and forgets what waits to be written, so that
    /// nothing can write one back. Other sites' entries on the same origin stay. The caller
    /// reloads the page, which then starts as a new app. Returns how many entries went.
    pub fn erase_everything(&self) -> usize {
        let shell = self.shell();
        shell.drafts.borrow_mut().texts.clear();
        self.forget_pending();
        let mut storage = shell.storage.borrow_mut();
        let keys: Vec<String> = [records::PREFIX, draft::DRAFT_PREFIX, HINT_PREFIX]
            .into_iter()
            .flat_map(|prefix| storage.entries_with_prefix(prefix))
            .map(|(key, _)| key)
            .collect();
        for key in &keys {
            storage.remove(key);
        }
        keys.len()
    }

    /// Records that a backup was just made, for "Last backup" and the reminder.
    pub fn record_backup(&self, now: Millis) -> bool {
        self.apply(|doc| doc.backed_up(now))
    }

    /// True while this browser holds nothing the user made: an import is then a restore.
    pub fn is_blank(&self) -> bool {
        self.with_document(|doc| doc.is_blank())
    }

    /// Merges a backup into what is here, writing exactly the records it took.
    pub fn merge_import(&self, incoming: Document) -> bool {
        self.apply(|doc| doc.merge_import(incoming))
    }

    /// Takes a backup whole, settings included, into a blank browser (see [`Self::is_blank`]).
    pub fn restore(&self, backup: Document) -> bool {
        let changes = self.with_document(|doc| doc.restore(backup));
        // Every part was replaced, written or not (a part equal to a new app's is not
        // written), so everything that shows one is told.
        self.me.notify();
        self.categories.notify();
        self.settings.notify();
        self.people.notify();
        self.events.notify();
        self.persist(changes)
    }

    /// Adds new people (from a contacts file), each already under a fresh id.
    pub fn add_people(&self, people: Vec<Person>) -> bool {
        self.apply(|doc| doc.add_people(people))
    }

    /// The stored version of a record, read now: another tab may have written it a moment
    /// ago. Text that does not read is copied aside first, so replacing it loses nothing.
    /// Before the record chunk has arrived nothing is compared (this tab found nothing stored
    /// at start, so there is little another tab could have written).
    fn stored<T>(&self, key: &str, read: impl Fn(&Codec) -> fn(&str) -> Option<T>) -> Option<T> {
        let codec = super::record_chunk::get()?;
        let shell = self.shell();
        let raw = shell.storage.borrow().get(key)?;
        let value = read(codec)(&raw);
        if value.is_none() {
            let _ = shell
                .storage
                .borrow_mut()
                .set(&records::quarantine_key(key), &raw);
        }
        value
    }

    /// Applies `core::sync_rules::decide_save` to a record about to be saved: the record to
    /// write (stamped), or `None` when a newer version from another tab was kept instead (this
    /// tab then shows it, and the user is told).
    fn settle<T: Settled>(&self, mut record: T) -> Option<T> {
        if self.persistence.get_untracked() != Persistence::Saving {
            return Some(record);
        }
        let map = T::map(self);
        let base = map.with_untracked(|m| m.get(&record.id()).cloned());
        let stored = self.stored(&record.key(), T::read);
        match decide_save(base.as_ref(), stored.as_ref(), record.updated(), |r| {
            r.updated()
        }) {
            SaveDecision::Write { updated } => {
                record.stamp(updated);
                Some(record)
            }
            SaveDecision::KeepStored => {
                let kept = stored?;
                self.notify(Notice::error(kept.kept_text()));
                map.update(|m| {
                    m.insert(kept.id(), kept);
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

/// A record kind the two-tab rule settles: a person or an event.
trait Settled: Clone + PartialEq + Send + Sync + 'static {
    type Id: Ord + Clone + Send + Sync + 'static;
    fn map(state: &AppState) -> RwSignal<BTreeMap<Self::Id, Self>>;
    fn read(codec: &Codec) -> fn(&str) -> Option<Self>;
    fn id(&self) -> Self::Id;
    fn key(&self) -> String;
    fn updated(&self) -> Millis;
    fn stamp(&mut self, updated: Millis);
    /// Why the edit was not saved.
    fn kept_text(&self) -> String;
}

impl Settled for Person {
    type Id = PersonId;
    fn map(state: &AppState) -> RwSignal<BTreeMap<PersonId, Person>> {
        state.people
    }
    fn read(codec: &Codec) -> fn(&str) -> Option<Person> {
        codec.read_person
    }
    fn id(&self) -> PersonId {
        self.id.clone()
    }
    fn key(&self) -> String {
        records::person_key(&self.id)
    }
    fn updated(&self) -> Millis {
        self.updated
    }
    fn stamp(&mut self, updated: Millis) {
        self.updated = updated;
    }
    fn kept_text(&self) -> String {
        format!(
            "{} was changed in another tab after this tab last showed it, and that change is newer: your edit was not saved. This tab now shows the newer version; save again to replace it.",
            self.name
        )
    }
}

impl Settled for Event {
    type Id = EventId;
    fn map(state: &AppState) -> RwSignal<BTreeMap<EventId, Event>> {
        state.events
    }
    fn read(codec: &Codec) -> fn(&str) -> Option<Event> {
        codec.read_event
    }
    fn id(&self) -> EventId {
        self.id.clone()
    }
    fn key(&self) -> String {
        records::event_key(&self.id)
    }
    fn updated(&self) -> Millis {
        self.updated
    }
    fn stamp(&mut self, updated: Millis) {
        self.updated = updated;
    }
    fn kept_text(&self) -> String {
        format!(
            "The event {} was changed in another tab after this tab last showed it, and that change is newer: your edit was not saved. This tab now shows the newer version; save again to replace it.",
            self.name
        )
    }
}
