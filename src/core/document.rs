//! `Document`: everything the app holds, and the operations the screens perform on it.
//!
//! Every operation is a plain method that returns what changed, so the storage shell can write
//! just those records and the undo toast can put back exactly what was removed.

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

/// A person taken out of the document together with the event links they had, so an undo can
/// restore the record exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedPerson {
    pub person: Person,
    /// Each event the person attended, with the position they held in its attendee list.
    pub event_links: Vec<(EventId, usize)>,
}

impl Document {
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    /// Events a person attended, newest first.
    pub fn events_of(&self, id: &PersonId) -> Vec<&Event> {
        let mut events: Vec<&Event> = self
            .events
            .values()
            .filter(|e| e.attendees.contains(id))
            .collect();
        events.sort_by(|a, b| b.date.cmp(&a.date));
        events
    }

    /// People sorted by most recently updated first.
    pub fn recent_people(&self, limit: usize) -> Vec<&Person> {
        let mut people: Vec<&Person> = self.people.values().collect();
        people.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name)));
        people.truncate(limit);
        people
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
    fn linking_twice_changes_nothing_the_second_time() {
        let mut doc = doc_with_event();
        let e = EventId("e1".into());
        assert!(doc.link(&e, &PersonId("z".into()), 3));
        assert!(!doc.link(&e, &PersonId("z".into()), 4));
        assert!(!doc.link(&EventId("missing".into()), &PersonId("z".into()), 4));
        assert_eq!(doc.events_of(&PersonId("z".into())).len(), 1);
    }
}
