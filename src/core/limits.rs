//! Field limits, and each record kind's `problems()`: what stops a person, an event or my map
//! being saved, in the words the forms show. Every form checks these, and imports keep to the
//! same limits (a vCard import cuts to them and says so).
//!
//! Limits are checked, never enforced by cutting: an over-long value stays as typed with an
//! inline message until the user shortens it, so no keystroke is ever lost.

use super::dates::minutes_of;
use super::model::{Contact, Event, Me, Person};

pub const NAME_MAX: usize = 100;
pub const WHAT_MAX: usize = 200;
pub const INTEREST_MAX: usize = 60;
pub const NOTE_MAX: usize = 10_000;
/// A follow-up is a line to act on ("Send her the allotment waiting-list link"), not a note.
pub const FOLLOW_UP_MAX: usize = 300;
pub const INTERESTS_PER_PERSON_MAX: usize = 200;
/// Each contact detail (phone, email, web, social), mine or anyone's, typed, imported or
/// received in a link.
pub const CONTACT_MAX: usize = 200;

/// `None` when `value` fits in `max` characters, or a message saying by how much it is over.
pub fn over_limit(field: &str, value: &str, max: usize) -> Option<String> {
    let len = value.chars().count();
    (len > max).then(|| {
        format!(
            "{field} is {len} characters; the limit is {max}. Shorten it by {} to save.",
            len - max
        )
    })
}

/// The contact details under the labels `labels` gives them, each checked against
/// [`CONTACT_MAX`].
fn contact_problems(c: &Contact, labels: [&str; 4]) -> Vec<String> {
    labels
        .into_iter()
        .zip([&c.phone, &c.email, &c.web, &c.social])
        .filter_map(|(label, value)| over_limit(label, value, CONTACT_MAX))
        .collect()
}

impl Person {
    /// What stops this person being saved, first things first; empty when nothing does.
    pub fn problems(&self) -> Vec<String> {
        let name = self.name.trim();
        let mut found = Vec::new();
        if name.is_empty() {
            found.push("A name is needed to save.".to_string());
        }
        found.extend(over_limit("Name", name, NAME_MAX));
        found.extend(over_limit("What they do", &self.what, WHAT_MAX));
        found.extend(over_limit("Notes", &self.notes, NOTE_MAX));
        found.extend(contact_problems(
            &self.contact,
            ["Phone", "Email", "Web", "Social"],
        ));
        found
    }
}

impl Event {
    /// What stops this event being saved, first things first; empty when nothing does.
    pub fn problems(&self) -> Vec<String> {
        let name = self.name.trim();
        let mut found = Vec::new();
        if name.is_empty() {
            found.push("An event needs a name.".to_string());
        }
        found.extend(over_limit("Event name", name, NAME_MAX));
        if !self.time.is_empty() && minutes_of(&self.time).is_none() {
            found.push(
                "The time is not a time of day: use hours and minutes, such as 07:30.".to_string(),
            );
        }
        found.extend(over_limit("Place", &self.place, NAME_MAX));
        found.extend(over_limit("Group or club", &self.group, NAME_MAX));
        found.extend(over_limit("Purpose", &self.purpose, NOTE_MAX));
        found.extend(over_limit("Event notes", &self.notes, NOTE_MAX));
        found.extend(over_limit("Takeaways", &self.takeaways, NOTE_MAX));
        found
    }
}

impl Me {
    /// What stops my map being saved (a blank name is fine: the map is mine either way).
    pub fn problems(&self) -> Vec<String> {
        let mut found = Vec::new();
        found.extend(over_limit("Your name", &self.name, NAME_MAX));
        found.extend(over_limit("What you do", &self.what, WHAT_MAX));
        found.extend(contact_problems(
            &self.contact,
            ["Your phone", "Your email", "Your web", "Your social"],
        ));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{EventId, PersonId};

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(over_limit("Name", &"é".repeat(NAME_MAX), NAME_MAX), None);
        let msg = over_limit("Name", &"é".repeat(NAME_MAX + 3), NAME_MAX).unwrap();
        assert!(msg.contains("103 characters"), "{msg}");
        assert!(msg.contains("by 3"), "{msg}");
    }

    #[test]
    fn a_person_needs_a_name_and_every_field_within_its_limit() {
        let mut p = Person::new(PersonId("p".into()), "  ", 1);
        assert_eq!(p.problems(), ["A name is needed to save."]);
        p.name = "Meg".into();
        assert!(p.problems().is_empty());
        p.what = "w".repeat(WHAT_MAX + 1);
        p.contact.email = "e".repeat(CONTACT_MAX + 2);
        assert_eq!(
            p.problems(),
            [
                "What they do is 201 characters; the limit is 200. Shorten it by 1 to save.",
                "Email is 202 characters; the limit is 200. Shorten it by 2 to save.",
            ]
        );
        // The name is measured without the spaces around it, as it is saved.
        p.what.clear();
        p.contact.email.clear();
        p.name = format!("  {}  ", "n".repeat(NAME_MAX));
        assert!(p.problems().is_empty());
    }

    #[test]
    fn an_event_needs_a_name_and_every_field_within_its_limit() {
        let mut e = Event::new(EventId("e".into()), "", "2026-11-30", 1);
        assert_eq!(e.problems(), ["An event needs a name."]);
        e.name = "WI evening".into();
        e.group = "g".repeat(NAME_MAX + 1);
        e.takeaways = "t".repeat(NOTE_MAX + 1);
        let found = e.problems();
        assert_eq!(found.len(), 2);
        assert!(
            found[0].starts_with("Group or club is 101 characters"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("Takeaways is 10001 characters"),
            "{found:?}"
        );
    }

    #[test]
    fn an_event_time_is_empty_or_a_time_of_day() {
        let mut e = Event::new(EventId("e".into()), "Chamber breakfast", "2026-12-02", 1);
        e.time = "07:30".into();
        assert!(e.problems().is_empty());
        e.time = "half seven".into();
        assert_eq!(
            e.problems(),
            ["The time is not a time of day: use hours and minutes, such as 07:30."]
        );
    }

    #[test]
    fn my_map_may_be_nameless_but_not_over_a_limit() {
        let mut me = Me::default();
        assert!(me.problems().is_empty());
        me.contact.social = "s".repeat(CONTACT_MAX + 1);
        assert_eq!(
            me.problems(),
            ["Your social is 201 characters; the limit is 200. Shorten it by 1 to save."]
        );
    }
}
