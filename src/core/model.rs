//! The domain: me, the people I meet, events, interests and their categories.
//!
//! Plain data with behaviour in ordinary `impl`s; the shell stores it and the UI only calls it.
//! Field names are kept readable because backups are meant to be read by people too; the few
//! renames exist to keep a 5,000-person store inside a 5 MiB browser quota.

use super::interest_key::InterestKey;
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
pub type Millis = i64;

/// A stable category identifier: a short slug for the defaults, a generated one for the user's.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CategoryId(pub String);

impl CategoryId {
    pub fn new(s: impl Into<String>) -> Self {
        CategoryId(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Where interests go when their category is deleted or unknown.
    pub fn other() -> Self {
        CategoryId::new("other")
    }
    /// The one category whose overlap counts for less: the meeting's business is only where
    /// the circles meet, the good conversations live elsewhere.
    pub fn is_work(&self) -> bool {
        self.0 == "work"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    /// A CSS colour, `#rrggbb`.
    pub colour: String,
}

/// The categories a new user starts with, in display order.
pub fn default_categories() -> Vec<Category> {
    [
        ("work", "Work", "#4f6d8f"),
        ("family", "Family", "#c0587e"),
        ("hobbies", "Hobbies", "#8a63b8"),
        ("sport", "Sport & fitness", "#2f8f5b"),
        ("food", "Food & drink", "#c8702a"),
        ("local", "Local & community", "#5b8a2f"),
        ("causes", "Causes", "#b8453a"),
        ("learning", "Learning", "#2f7f8f"),
        ("arts", "Arts & culture", "#9a4fa0"),
        ("travel", "Travel", "#3a6fb8"),
        ("other", "Other", "#6b6b6b"),
    ]
    .into_iter()
    .map(|(id, name, colour)| Category {
        id: CategoryId::new(id),
        name: name.into(),
        colour: colour.into(),
    })
    .collect()
}

/// One interest as typed, with its category. Stored as a two-element array to keep records
/// small (a person holds up to 200 of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, CategoryId)", into = "(String, CategoryId)")]
pub struct Interest {
    pub label: String,
    pub category: CategoryId,
}

impl Interest {
    pub fn new(label: impl Into<String>, category: CategoryId) -> Self {
        Interest {
            label: label.into(),
            category,
        }
    }
    pub fn key(&self) -> InterestKey {
        InterestKey::of(&self.label)
    }
}

impl From<(String, CategoryId)> for Interest {
    fn from((label, category): (String, CategoryId)) -> Self {
        Interest { label, category }
    }
}

impl From<Interest> for (String, CategoryId) {
    fn from(i: Interest) -> Self {
        (i.label, i.category)
    }
}

/// Adds `interest` unless one with the same key is already there; returns whether it was added.
pub fn add_interest(list: &mut Vec<Interest>, interest: Interest) -> bool {
    let key = interest.key();
    if key.is_empty() || list.iter().any(|i| i.key() == key) {
        return false;
    }
    list.push(interest);
    true
}

/// The interests in what was typed into "Add interest": a list typed fast ("Running, baking;
/// her grandchildren") or pasted one per line is several interests. A comma between digits
/// ("1,000-piece jigsaws") is part of a number, and "and" is left alone ("Fish and chips").
pub fn typed_interests(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut part = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let in_number = c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if matches!(c, ',' | ';' | '\n' | '\r') && !in_number {
            out.push(std::mem::take(&mut part));
        } else {
            part.push(c);
        }
    }
    out.push(part);
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// What was typed, split before the interest still being typed (after the last comma,
/// semicolon or line break): suggestions are for that one, and a tapped suggestion replaces
/// only it.
pub fn split_last_typed(text: &str) -> (&str, &str) {
    match text.rfind([',', ';', '\n', '\r']) {
        Some(at) => text.split_at(at + 1),
        None => ("", text),
    }
}

/// The user's own map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub interests: Vec<Interest>,
    /// How people I share my map with can reach me; every field optional.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub String);

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub String);

fn is_empty(s: &str) -> bool {
    s.is_empty()
}

/// Ways to reach someone; every field optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub web: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub social: String,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.phone.is_empty()
            && self.email.is_empty()
            && self.web.is_empty()
            && self.social.is_empty()
    }
}

/// Something to do about a person by a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// `YYYY-MM-DD`.
    pub due: String,
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

impl FollowUp {
    /// A follow-up still to do.
    pub fn open(due: impl Into<String>, text: impl Into<String>) -> Self {
        FollowUp {
            due: due.into(),
            text: text.into(),
            done: false,
        }
    }
}

/// Where a record came from, so a later import can tell "update" from "new".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    #[default]
    Typed,
    Link,
    Vcard,
    Backup,
}

fn is_typed(s: &Source) -> bool {
    *s == Source::Typed
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub what: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// Where and when we met when it was not at a recorded event (`YYYY-MM-DD` and free text).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub met_on: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub met_where: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    pub created: Millis,
    pub updated: Millis,
    #[serde(default, skip_serializing_if = "is_typed")]
    pub source: Source,
}

impl Person {
    pub fn new(id: PersonId, name: impl Into<String>, now: Millis) -> Self {
        Person {
            id,
            name: name.into(),
            what: String::new(),
            interests: Vec::new(),
            notes: String::new(),
            contact: Contact::default(),
            met_on: String::new(),
            met_where: String::new(),
            follow_ups: Vec::new(),
            created: now,
            updated: now,
            source: Source::Typed,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub name: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub date: String,
    /// When it starts, `HH:MM` (24-hour, the phone's local time); empty when not noted.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub time: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub place: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub group: String,
    /// Why the room is gathered: the one place where everyone's circles meet.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub purpose: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub takeaways: String,
    /// Who I met there: the single source of truth for a person's events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<PersonId>,
    pub created: Millis,
    pub updated: Millis,
}

impl Event {
    pub fn new(id: EventId, name: impl Into<String>, date: impl Into<String>, now: Millis) -> Self {
        Event {
            id,
            name: name.into(),
            date: date.into(),
            time: String::new(),
            place: String::new(),
            group: String::new(),
            purpose: String::new(),
            notes: String::new(),
            takeaways: String::new(),
            attendees: Vec::new(),
            created: now,
            updated: now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interests_are_stored_as_pairs() {
        let i = Interest::new("Running", CategoryId::new("sport"));
        assert_eq!(serde_json::to_string(&i).unwrap(), r#"["Running","sport"]"#);
        let back: Interest = serde_json::from_str(r#"["Running","sport"]"#).unwrap();
        assert_eq!(back, i);
    }

    #[test]
    fn adding_an_interest_twice_by_another_spelling_is_refused() {
        let mut list = Vec::new();
        assert!(add_interest(
            &mut list,
            Interest::new("Running", CategoryId::new("sport"))
        ));
        assert!(!add_interest(
            &mut list,
            Interest::new("run", CategoryId::new("hobbies"))
        ));
        assert!(!add_interest(
            &mut list,
            Interest::new(" !! ", CategoryId::other())
        ));
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn empty_optional_fields_are_left_out_of_a_stored_person() {
        let p = Person::new(PersonId("p1".into()), "Meg", 5);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"id":"p1","name":"Meg","created":5,"updated":5}"#);
        let back: Person = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn default_categories_have_unique_ids_and_include_other() {
        let cats = default_categories();
        let mut ids: Vec<_> = cats.iter().map(|c| c.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), cats.len());
        assert!(cats.iter().any(|c| c.id == CategoryId::other()));
    }

    #[test]
    fn a_typed_list_is_several_interests_but_numbers_and_phrases_stay_whole() {
        assert_eq!(
            typed_interests("Running, baking; her grandchildren\nBell ringing"),
            vec!["Running", "baking", "her grandchildren", "Bell ringing"]
        );
        assert_eq!(
            typed_interests("  Fish and chips  "),
            vec!["Fish and chips"]
        );
        assert_eq!(
            typed_interests("1,000-piece jigsaws, PB 24:10"),
            vec!["1,000-piece jigsaws", "PB 24:10"]
        );
        assert_eq!(typed_interests("Chess,"), vec!["Chess"]);
        assert_eq!(typed_interests(" , ;\r\n "), Vec::<String>::new());
        assert_eq!(
            typed_interests("Crêpes, Siân's choir"),
            vec!["Crêpes", "Siân's choir"]
        );
    }

    #[test]
    fn the_interest_still_being_typed_is_after_the_last_separator() {
        assert_eq!(split_last_typed("Running, bak"), ("Running,", " bak"));
        assert_eq!(
            split_last_typed("Running; Chess\nBel"),
            ("Running; Chess\n", "Bel")
        );
        assert_eq!(split_last_typed("Baking"), ("", "Baking"));
        assert_eq!(split_last_typed("Crêpes,"), ("Crêpes,", ""));
    }
}
