//! `Document`: everything the app holds, and the only code that changes it.
//!
//! Every change is a plain method that returns the [`Change`]s it made, so the storage shell
//! writes just those records (one storage entry each) and never decides what changed itself;
//! the undo toast gets back exactly what was removed.

use super::model::{
    default_categories, Category, CategoryId, Event, EventId, Me, Millis, Person, PersonId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Preferences and bookkeeping that are not part of anyone's map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_event: Option<EventId>,
    #[serde(default)]
    pub theme: Theme,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<Millis>,
    /// What goes into my share link (the share screen's choices, remembered).
    #[serde(default, skip_serializing_if = "is_default_share")]
    pub share: super::share_choices::ShareChoices,
}

fn is_default_share(c: &super::share_choices::ShareChoices) -> bool {
    *c == super::share_choices::ShareChoices::default()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub me: Me,
    pub categories: Vec<Category>,
    pub people: BTreeMap<PersonId, Person>,
    pub events: BTreeMap<EventId, Event>,
    pub settings: Settings,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            me: Me::default(),
            categories: default_categories(),
            people: BTreeMap::new(),
            events: BTreeMap::new(),
            settings: Settings::default(),
        }
    }
}

/// One record that changed in memory and must be written (or, for a person or an event no
/// longer in the document, removed). It names the record rather than carrying it: the shell
/// encodes the record as it is when it is written, so a change that waited (for the record
/// codec's chunk) is saved as it is by then, and a person deleted since is removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Me,
    Categories,
    Settings,
    Person(PersonId),
    Event(EventId),
}

/// A person taken out of the document together with the event links they had, so an undo can
/// restore the record exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedPerson {
    pub person: Person,
    /// Each event the person attended, with the position they held in its attendee list.
    pub event_links: Vec<(EventId, usize)>,
}

/// An event taken out of the document, and whether it was the current one, so an undo can
/// put it back exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedEvent {
    pub event: Event,
    pub was_current: bool,
}

impl Document {
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    /// Events a person attended, newest first (the screens' ordering, `queries::attended_by`).
    pub fn events_of(&self, id: &PersonId) -> Vec<&Event> {
        super::queries::attended_by(self.events.values(), id)
    }

    /// Inserts or replaces a person; returns the previous version.
    pub fn upsert_person(&mut self, person: Person) -> Option<Person> {
        self.people.insert(person.id.clone(), person)
    }

    /// Adds a person to an event's attendees (once); returns whether the event changed.
    pub fn link(&mut self, event: &EventId, person: &PersonId, now: Millis) -> bool {
        match self.events.get_mut(event) {
            Some(e) if !e.attendees.contains(person) => {
                e.attendees.push(person.clone());
                e.updated = now;
                true
            }
            _ => false,
        }
    }

    /// Files a person under an event (`here`) or takes them off it; the change to write, none
    /// when it already was so or the event is gone.
    pub fn set_attendance(
        &mut self,
        event: &EventId,
        person: &PersonId,
        here: bool,
        now: Millis,
    ) -> Vec<Change> {
        let changed = if here {
            self.link(event, person, now)
        } else {
            match self.events.get_mut(event) {
                Some(e) if e.attendees.contains(person) => {
                    e.attendees.retain(|a| a != person);
                    e.updated = now;
                    true
                }
                _ => false,
            }
        };
        if changed {
            vec![Change::Event(event.clone())]
        } else {
            Vec::new()
        }
    }

    /// Replaces my map.
    pub fn set_me(&mut self, me: Me) -> Vec<Change> {
        self.me = me;
        vec![Change::Me]
    }

    /// Replaces the category list (renamed, recoloured or added categories).
    pub fn set_categories(&mut self, categories: Vec<Category>) -> Vec<Change> {
        self.categories = categories;
        vec![Change::Categories]
    }

    pub fn set_settings(&mut self, settings: Settings) -> Vec<Change> {
        self.settings = settings;
        vec![Change::Settings]
    }

    /// Notes that a backup was just made, for "Last backup" and the reminder.
    pub fn backed_up(&mut self, now: Millis) -> Vec<Change> {
        self.settings.last_backup = Some(now);
        vec![Change::Settings]
    }

    /// "End event": the current event stops being current, so people added from now on are
    /// not filed under it. Returns the event that ended (none was current: nothing changes).
    pub fn end_event(&mut self) -> Option<(EventId, Vec<Change>)> {
        let id = self.settings.current_event.take()?;
        Some((id, vec![Change::Settings]))
    }

    /// Deletes a category; its interests, mine and everyone's, move to "Other" (a person whose
    /// interests moved counts as updated at `now`). "Other" itself cannot be deleted: it is
    /// where everything goes.
    pub fn delete_category(&mut self, id: &CategoryId, now: Millis) -> Vec<Change> {
        let other = CategoryId::other();
        if *id == other {
            return Vec::new();
        }
        self.categories.retain(|c| &c.id != id);
        let mut out = vec![Change::Categories];
        let refile = |interests: &mut [super::model::Interest]| {
            let mut moved = false;
            for i in interests.iter_mut().filter(|i| &i.category == id) {
                i.category = other.clone();
                moved = true;
            }
            moved
        };
        if refile(&mut self.me.interests) {
            out.push(Change::Me);
        }
        for p in self.people.values_mut() {
            if refile(&mut p.interests) {
                p.updated = now;
                out.push(Change::Person(p.id.clone()));
            }
        }
        out
    }

    /// Saves a person and, if given, files them under an event they were met at (the event's
    /// attendee list gains them once, stamped with the person's `updated`).
    pub fn save_person(&mut self, person: Person, at_event: Option<&EventId>) -> Vec<Change> {
        let mut out = vec![Change::Person(person.id.clone())];
        if let Some(event) = at_event {
            if self.link(event, &person.id, person.updated) {
                out.push(Change::Event(event.clone()));
            }
        }
        self.upsert_person(person);
        out
    }

    /// Adds people (from a contacts file), each already under a fresh id.
    pub fn add_people(&mut self, people: Vec<Person>) -> Vec<Change> {
        let out = people
            .iter()
            .map(|p| Change::Person(p.id.clone()))
            .collect();
        for p in people {
            self.upsert_person(p);
        }
        out
    }

    pub fn save_event(&mut self, event: Event) -> Vec<Change> {
        let out = vec![Change::Event(event.id.clone())];
        self.events.insert(event.id.clone(), event);
        out
    }

    /// Deletes a person and their event links: the person's record is to be removed and each
    /// event that lost them rewritten. The [`RemovedPerson`] lets an undo put them back.
    pub fn delete_person(
        &mut self,
        id: &PersonId,
        now: Millis,
    ) -> Option<(RemovedPerson, Vec<Change>)> {
        let removed = self.remove_person(id, now)?;
        let mut out = vec![Change::Person(id.clone())];
        out.extend(
            removed
                .event_links
                .iter()
                .map(|(e, _)| Change::Event(e.clone())),
        );
        Some((removed, out))
    }

    /// Deletes an event (one made by mistake, or twice). The people met there keep their
    /// records: only the event, its notes and who was there go. A current event stops being
    /// current.
    pub fn delete_event(&mut self, id: &EventId) -> Option<(RemovedEvent, Vec<Change>)> {
        let event = self.events.remove(id)?;
        let mut out = vec![Change::Event(id.clone())];
        let was_current = self.settings.current_event.as_ref() == Some(id);
        if was_current {
            self.settings.current_event = None;
            out.push(Change::Settings);
        }
        Some((RemovedEvent { event, was_current }, out))
    }

    /// Undoes [`Self::delete_event`]. Attendees deleted meanwhile are left out.
    pub fn undo_delete_event(&mut self, removed: RemovedEvent) -> Vec<Change> {
        let RemovedEvent {
            mut event,
            was_current,
        } = removed;
        event.attendees.retain(|a| self.people.contains_key(a));
        let id = event.id.clone();
        self.events.insert(id.clone(), event);
        let mut out = vec![Change::Event(id.clone())];
        if was_current && self.settings.current_event.is_none() {
            self.settings.current_event = Some(id);
            out.push(Change::Settings);
        }
        out
    }

    /// Undoes [`Self::delete_person`].
    pub fn undo_delete(&mut self, removed: RemovedPerson) -> Vec<Change> {
        let mut out = vec![Change::Person(removed.person.id.clone())];
        out.extend(self.restore_person(removed).into_iter().map(Change::Event));
        out
    }

    /// Takes a backup whole into a blank browser, settings included. Parts equal to what a new
    /// app starts with are not to be written, as a new app does not store them either: the
    /// stored entries come out as they were where the backup was made.
    pub fn restore(&mut self, doc: Document) -> Vec<Change> {
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
        *self = doc;
        out
    }

    /// True while this document holds nothing the user made: an import is then a restore.
    pub fn is_blank(&self) -> bool {
        let blank = Document::default();
        self.people.is_empty()
            && self.events.is_empty()
            && self.me == blank.me
            && self.categories == blank.categories
    }

    /// Removes a person and their event links; the events that changed are in the result.
    pub fn remove_person(&mut self, id: &PersonId, now: Millis) -> Option<RemovedPerson> {
        let person = self.people.remove(id)?;
        let mut event_links = Vec::new();
        for event in self.events.values_mut() {
            if let Some(pos) = event.attendees.iter().position(|a| a == id) {
                event.attendees.remove(pos);
                event.updated = now;
                event_links.push((event.id.clone(), pos));
            }
        }
        Some(RemovedPerson {
            person,
            event_links,
        })
    }

    /// Puts a removed person back where they were; returns the events that changed.
    pub fn restore_person(&mut self, removed: RemovedPerson) -> Vec<EventId> {
        let id = removed.person.id.clone();
        let mut changed = Vec::new();
        for (event_id, pos) in removed.event_links {
            if let Some(event) = self.events.get_mut(&event_id) {
                if !event.attendees.contains(&id) {
                    let pos = pos.min(event.attendees.len());
                    event.attendees.insert(pos, id.clone());
                    changed.push(event_id);
                }
            }
        }
        self.people.insert(id, removed.person);
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with_event() -> Document {
        let mut doc = Document::default();
        let mut e = Event::new(EventId("e1".into()), "WI evening", "2026-11-01", 1);
        e.attendees = vec![
            PersonId("a".into()),
            PersonId("b".into()),
            PersonId("c".into()),
        ];
        doc.events.insert(e.id.clone(), e);
        for id in ["a", "b", "c"] {
            doc.upsert_person(Person::new(PersonId(id.into()), id.to_uppercase(), 1));
        }
        doc
    }

    #[test]
    fn removing_then_restoring_a_person_gives_back_the_same_document() {
        let mut doc = doc_with_event();
        let before = doc.clone();
        let removed = doc.remove_person(&PersonId("b".into()), 9).unwrap();
        assert!(!doc.people.contains_key(&PersonId("b".into())));
        assert_eq!(
            doc.events[&EventId("e1".into())].attendees,
            vec![PersonId("a".into()), PersonId("c".into())]
        );
        let changed = doc.restore_person(removed);
        assert_eq!(changed, vec![EventId("e1".into())]);
        assert_eq!(doc.people, before.people);
        assert_eq!(
            doc.events[&EventId("e1".into())].attendees,
            before.events[&EventId("e1".into())].attendees
        );
    }

    #[test]
    fn deleting_then_restoring_an_event_gives_back_the_same_document() {
        let mut doc = doc_with_event();
        let id = EventId("e1".into());
        doc.settings.current_event = Some(id.clone());
        let before = doc.clone();
        let (removed, changes) = doc.delete_event(&id).unwrap();
        assert_eq!(changes, vec![Change::Event(id.clone()), Change::Settings]);
        assert!(doc.events.is_empty());
        assert_eq!(doc.settings.current_event, None);
        assert_eq!(doc.people, before.people, "the people met there stay");
        assert_eq!(
            doc.undo_delete_event(removed),
            vec![Change::Event(id.clone()), Change::Settings]
        );
        assert_eq!(doc, before);
        assert!(doc.delete_event(&EventId("nope".into())).is_none());
    }

    #[test]
    fn an_event_put_back_leaves_out_who_was_deleted_meanwhile_and_a_newer_current_event() {
        let mut doc = doc_with_event();
        let id = EventId("e1".into());
        doc.settings.current_event = Some(id.clone());
        let (removed, _) = doc.delete_event(&id).unwrap();
        doc.remove_person(&PersonId("b".into()), 5);
        let newer = EventId("e2".into());
        doc.events.insert(
            newer.clone(),
            Event::new(newer.clone(), "Chamber breakfast", "2026-11-02", 2),
        );
        doc.settings.current_event = Some(newer.clone());
        assert_eq!(
            doc.undo_delete_event(removed),
            vec![Change::Event(id.clone())]
        );
        assert_eq!(
            doc.events[&id].attendees,
            vec![PersonId("a".into()), PersonId("c".into())]
        );
        assert_eq!(doc.settings.current_event, Some(newer));
    }

    #[test]
    fn attendance_is_set_and_taken_back_and_says_what_changed() {
        let mut doc = doc_with_event();
        let e = EventId("e1".into());
        let b = PersonId("b".into());
        let changed = vec![Change::Event(e.clone())];
        assert_eq!(doc.set_attendance(&e, &b, false, 7), changed);
        assert_eq!(
            doc.events[&e].attendees,
            vec![PersonId("a".into()), PersonId("c".into())]
        );
        assert_eq!(doc.events[&e].updated, 7);
        assert_eq!(doc.set_attendance(&e, &b, false, 8), Vec::new());
        assert_eq!(doc.set_attendance(&e, &b, true, 9), changed);
        assert!(doc.events[&e].attendees.contains(&b));
        assert_eq!(doc.set_attendance(&e, &b, true, 10), Vec::new());
        let missing = EventId("missing".into());
        assert_eq!(doc.set_attendance(&missing, &b, true, 11), Vec::new());
    }

    #[test]
    fn linking_twice_changes_nothing_the_second_time() {
        let mut doc = doc_with_event();
        let e = EventId("e1".into());
        assert!(doc.link(&e, &PersonId("z".into()), 3));
        assert!(!doc.link(&e, &PersonId("z".into()), 4));
        assert!(!doc.link(&EventId("missing".into()), &PersonId("z".into()), 4));
        assert_eq!(doc.events_of(&PersonId("z".into())).len(), 1);
    }

    fn ids(list: &[&str]) -> Vec<PersonId> {
        list.iter().map(|id| PersonId((*id).into())).collect()
    }

    #[test]
    fn saving_a_person_at_an_event_links_them_once_and_says_what_changed() {
        let mut doc = doc_with_event();
        let e1 = EventId("e1".into());
        let z = Person::new(PersonId("z".into()), "Zoë", 40);
        assert_eq!(
            doc.save_person(z.clone(), Some(&e1)),
            vec![Change::Person(z.id.clone()), Change::Event(e1.clone())]
        );
        assert_eq!(doc.events[&e1].attendees, ids(&["a", "b", "c", "z"]));
        assert_eq!(
            doc.events[&e1].updated, 40,
            "stamped with the person's save"
        );
        // Saved again at the same event: only the person is rewritten.
        assert_eq!(
            doc.save_person(z.clone(), Some(&e1)),
            vec![Change::Person(z.id.clone())]
        );
        // An event that does not exist (deleted in another tab) is not invented.
        let gone = EventId("gone".into());
        assert_eq!(
            doc.save_person(z.clone(), Some(&gone)),
            vec![Change::Person(z.id.clone())]
        );
        assert_eq!(doc.people[&z.id], z);
        assert_eq!(doc.events_of(&z.id).len(), 1);
    }

    #[test]
    fn deleting_a_category_refiles_its_interests_under_other() {
        use crate::core::model::Interest;
        let mut doc = doc_with_event();
        let sport = CategoryId::new("sport");
        doc.me.interests = vec![Interest::new("Running", sport.clone())];
        doc.people.get_mut(&PersonId("b".into())).unwrap().interests =
            vec![Interest::new("Rowing", sport.clone())];
        let changes = doc.delete_category(&sport, 77);
        assert_eq!(
            changes,
            vec![
                Change::Categories,
                Change::Me,
                Change::Person(PersonId("b".into()))
            ]
        );
        assert!(doc.category(&sport).is_none());
        assert_eq!(doc.me.interests[0].category, CategoryId::other());
        let b = &doc.people[&PersonId("b".into())];
        assert_eq!(b.interests[0].category, CategoryId::other());
        assert_eq!(b.updated, 77);
        assert_eq!(doc.people[&PersonId("a".into())].updated, 1, "untouched");
        // "Other" stays, whatever is asked.
        let before = doc.clone();
        assert!(doc.delete_category(&CategoryId::other(), 78).is_empty());
        assert_eq!(doc, before);
    }

    #[test]
    fn delete_then_undo_names_every_record_it_touches() {
        let mut doc = doc_with_event();
        let before = doc.clone();
        let b = PersonId("b".into());
        let e1 = EventId("e1".into());
        let (removed, changes) = doc.delete_person(&b, 9).unwrap();
        assert_eq!(
            changes,
            vec![Change::Person(b.clone()), Change::Event(e1.clone())]
        );
        assert!(doc.delete_person(&b, 10).is_none(), "already gone");
        assert_eq!(
            doc.undo_delete(removed),
            vec![Change::Person(b), Change::Event(e1.clone())]
        );
        assert_eq!(doc.people, before.people);
        assert_eq!(doc.events[&e1].attendees, before.events[&e1].attendees);
    }

    #[test]
    fn a_restore_writes_only_what_differs_from_a_new_app() {
        let mut doc = Document::default();
        let mut backup = doc_with_event();
        backup.settings.theme = Theme::Dark;
        let changes = doc.restore(backup.clone());
        assert_eq!(doc, backup);
        assert_eq!(changes[0], Change::Settings, "me and categories are as new");
        assert_eq!(changes.len(), 1 + 3 + 1);
        assert!(Document::default().is_blank());
        assert!(!doc.is_blank());
    }

    #[test]
    fn a_merged_import_names_exactly_the_records_it_took_and_keeps_the_rest() {
        let mut doc = doc_with_event();
        let mut incoming = Document::default();
        let mut newer_a = doc.people[&PersonId("a".into())].clone();
        newer_a.notes = "From the backup".into();
        newer_a.updated = 50;
        let n = Person::new(PersonId("n".into()), "New", 5);
        incoming.upsert_person(newer_a.clone());
        incoming.upsert_person(n.clone());
        let changes = doc.merge_import(incoming);
        assert_eq!(
            changes,
            vec![
                Change::Person(newer_a.id.clone()),
                Change::Person(n.id.clone())
            ]
        );
        assert_eq!(doc.people[&newer_a.id], newer_a);
        assert!(
            doc.people.contains_key(&PersonId("b".into())),
            "a local-only record stays"
        );
        assert_eq!(doc.events.len(), 1);
    }

    #[test]
    fn settings_changes_are_one_record() {
        let mut doc = doc_with_event();
        assert!(doc.end_event().is_none());
        doc.settings.current_event = Some(EventId("e1".into()));
        assert_eq!(
            doc.end_event(),
            Some((EventId("e1".into()), vec![Change::Settings]))
        );
        assert_eq!(doc.settings.current_event, None);
        assert_eq!(doc.backed_up(12), vec![Change::Settings]);
        assert_eq!(doc.settings.last_backup, Some(12));
    }
}
