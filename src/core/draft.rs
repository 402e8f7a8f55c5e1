//! Drafts: what was typed into a form and not saved yet, kept so that nothing typed is lost
//! to a tab change, a reload or the app being killed.
//!
//! Drafts live under their own prefix, outside the records' `cg.` prefix, so the record loader
//! never reads one as a record nor sets one aside as unreadable, and a backup never carries one.

use super::model::{EventId, Interest, PersonId};
use serde::{Deserialize, Serialize};

pub const DRAFT_PREFIX: &str = "cg-draft.";
/// The quick-add form ("Add person").
pub const PERSON_KEY: &str = "cg-draft.person";
/// The "New event" form.
pub const EVENT_KEY: &str = "cg-draft.event";
/// My map's text fields, when what is typed could not be saved yet (over a limit).
pub const MY_MAP_KEY: &str = "cg-draft.map";

/// The edit form of one saved person.
pub fn person_edit_key(id: &PersonId) -> String {
    format!("{DRAFT_PREFIX}edit.{}", id.0)
}

/// The draft of an edit of the saved event `id`.
pub fn event_edit_key(id: &EventId) -> String {
    format!("{DRAFT_PREFIX}edit-event.{}", id.0)
}

/// A note being added to the saved person `id` (the person page's "Add a note").
pub fn person_note_key(id: &PersonId) -> String {
    format!("{DRAFT_PREFIX}note.{}", id.0)
}

/// How long typing must pause before a draft is written: often enough that a killed app loses
/// at most a word, rarely enough that a fast typist does not write on every key.
pub const DEBOUNCE_MS: i32 = 400;

/// A person being added, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PersonDraftData {
    pub name: String,
    pub what: String,
    pub interests: Vec<Interest>,
    pub notes: String,
    pub phone: String,
    pub email: String,
    pub web: String,
    pub social: String,
    pub met_on: String,
    pub met_where: String,
    /// Typed in "Add interest" and not added yet.
    pub interest_typed: String,
    /// A promise made while talking ("send her the link"), saved as a follow-up with them.
    pub follow_up: String,
    /// Its due date (`YYYY-MM-DD`, or empty for none).
    pub follow_up_due: String,
}

/// An event being created or edited, as typed (notes and takeaways only on the edit form).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EventDraftData {
    pub name: String,
    pub date: String,
    pub time: String,
    pub place: String,
    pub group: String,
    pub purpose: String,
    pub notes: String,
    pub takeaways: String,
}

/// A note being added to a saved person, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NoteDraftData {
    pub notes: String,
}

/// My map's own text fields, as typed. My map saves as it is edited, so the fields are only
/// kept here while they are `held` back (over a limit); the half-typed interest always is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MyMapDraftData {
    pub held: bool,
    pub interest_typed: String,
    pub name: String,
    pub what: String,
    pub phone: String,
    pub email: String,
    pub web: String,
    pub social: String,
}

/// Every form's draft fields in one type: drafts are read through it, so the app carries one
/// JSON reader for the three forms instead of one each (they are in the wasm chunk a first tap
/// on My map waits for: three readers were some 17 KB of it). A field a form does not have is
/// absent from its draft and stays empty here; one the form has but the draft lacks (written by
/// an older version) reads as empty, as with `#[serde(default)]` on each type before.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct StoredDraft {
    name: String,
    what: String,
    interests: Vec<Interest>,
    notes: String,
    phone: String,
    email: String,
    web: String,
    social: String,
    met_on: String,
    met_where: String,
    interest_typed: String,
    date: String,
    time: String,
    place: String,
    group: String,
    purpose: String,
    takeaways: String,
    held: bool,
    follow_up: String,
    follow_up_due: String,
}

/// Whether a draft holds anything worth keeping: whitespace alone is not.
pub trait Draft: Serialize + Default {
    /// This form's fields of a stored draft.
    fn from_stored(stored: StoredDraft) -> Self;
    fn texts(&self) -> Vec<&str>;
    fn extra_content(&self) -> bool {
        false
    }
    fn is_blank(&self) -> bool {
        !self.extra_content() && self.texts().iter().all(|t| t.trim().is_empty())
    }
}

impl Draft for PersonDraftData {
    fn from_stored(d: StoredDraft) -> Self {
        PersonDraftData {
            name: d.name,
            what: d.what,
            interests: d.interests,
            notes: d.notes,
            phone: d.phone,
            email: d.email,
            web: d.web,
            social: d.social,
            met_on: d.met_on,
            met_where: d.met_where,
            interest_typed: d.interest_typed,
            follow_up: d.follow_up,
            follow_up_due: d.follow_up_due,
        }
    }
    /// A due date alone is not worth keeping: the form offers one before anything is typed.
    fn texts(&self) -> Vec<&str> {
        vec![
            &self.name,
            &self.what,
            &self.notes,
            &self.phone,
            &self.email,
            &self.web,
            &self.social,
            &self.met_on,
            &self.met_where,
            &self.interest_typed,
            &self.follow_up,
        ]
    }
    fn extra_content(&self) -> bool {
        !self.interests.is_empty()
    }
}

impl MyMapDraftData {
    /// The draft My map keeps: the fields only when they could not be saved.
    pub fn kept(held: bool, interest_typed: String, fields: [String; 6]) -> Self {
        let [name, what, phone, email, web, social] =
            if held { fields } else { Default::default() };
        MyMapDraftData {
            held,
            interest_typed,
            name,
            what,
            phone,
            email,
            web,
            social,
        }
    }
}

impl Draft for NoteDraftData {
    fn from_stored(d: StoredDraft) -> Self {
        NoteDraftData { notes: d.notes }
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.notes]
    }
}

impl Draft for EventDraftData {
    fn from_stored(d: StoredDraft) -> Self {
        EventDraftData {
            name: d.name,
            date: d.date,
            time: d.time,
            place: d.place,
            group: d.group,
            purpose: d.purpose,
            notes: d.notes,
            takeaways: d.takeaways,
        }
    }
    // The date alone is filled in by the form (today), so it does not make a draft; nor does
    // a time alone, which says nothing without the meeting it is of.
    fn texts(&self) -> Vec<&str> {
        vec![&self.name, &self.place, &self.group, &self.purpose]
    }
}

impl Draft for MyMapDraftData {
    fn from_stored(d: StoredDraft) -> Self {
        MyMapDraftData {
            held: d.held,
            interest_typed: d.interest_typed,
            name: d.name,
            what: d.what,
            phone: d.phone,
            email: d.email,
            web: d.web,
            social: d.social,
        }
    }
    fn texts(&self) -> Vec<&str> {
        vec![
            &self.interest_typed,
            &self.name,
            &self.what,
            &self.phone,
            &self.email,
            &self.web,
            &self.social,
        ]
    }
}

/// The stored text of a draft, or `None` when it is blank and should be removed instead.
pub fn encode<T: Draft>(draft: &T) -> Option<String> {
    if draft.is_blank() {
        return None;
    }
    serde_json::to_string(draft).ok()
}

/// A stored draft; `None` for text that does not read (a draft is a convenience: a broken one
/// is dropped, never shown half-read) or for a blank one.
pub fn decode<T: Draft>(raw: &str) -> Option<T> {
    serde_json::from_str::<StoredDraft>(raw)
        .ok()
        .map(T::from_stored)
        .filter(|d| !d.is_blank())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::CategoryId;
    use crate::core::records;
    use proptest::prelude::*;

    #[test]
    fn draft_keys_are_never_taken_for_records() {
        let entries = vec![
            (PERSON_KEY.to_string(), r#"{"name":"Helen"}"#.to_string()),
            (EVENT_KEY.to_string(), r#"{"name":"WI"}"#.to_string()),
            (MY_MAP_KEY.to_string(), "not json".to_string()),
            (person_edit_key(&PersonId("p1".into())), "{}".to_string()),
            (event_edit_key(&EventId("e1".into())), "{}".to_string()),
            (
                person_note_key(&PersonId("p1".into())),
                r#"{"notes":"Tea"}"#.to_string(),
            ),
        ];
        assert!(!records::holds_records(&entries));
        assert_eq!(records::load(entries), records::Loaded::Fresh);
        assert!(!DRAFT_PREFIX.starts_with(records::PREFIX));
    }

    #[test]
    fn a_note_being_added_comes_back_and_a_blank_one_is_not_kept() {
        let note = NoteDraftData {
            notes: "Her daughter starts at St Mary's".into(),
        };
        let raw = encode(&note).unwrap();
        assert_eq!(decode::<NoteDraftData>(&raw), Some(note));
        assert_eq!(
            encode(&NoteDraftData {
                notes: " \n".into()
            }),
            None
        );
        // Another form's draft under the key reads as this one's fields only.
        assert_eq!(decode::<NoteDraftData>(r#"{"name":"Helen"}"#), None);
    }

    #[test]
    fn a_blank_draft_is_not_stored() {
        assert_eq!(encode(&PersonDraftData::default()), None);
        let spaces = PersonDraftData {
            name: "  ".into(),
            ..Default::default()
        };
        assert_eq!(encode(&spaces), None);
        let dated = EventDraftData {
            date: "2026-11-03".into(),
            ..Default::default()
        };
        assert_eq!(encode(&dated), None);
    }

    #[test]
    fn my_map_keeps_its_fields_only_while_they_are_held_back() {
        let fields = || {
            [
                "Claire".to_string(),
                "x".repeat(300),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        };
        assert_eq!(
            encode(&MyMapDraftData::kept(false, String::new(), fields())),
            None
        );
        let typed = MyMapDraftData::kept(false, "Sourd".into(), fields());
        assert_eq!(
            (typed.name.as_str(), typed.interest_typed.as_str()),
            ("", "Sourd")
        );
        let held = MyMapDraftData::kept(true, String::new(), fields());
        assert!(held.held && held.name == "Claire");
        assert_eq!(
            decode::<MyMapDraftData>(&encode(&held).unwrap()),
            Some(held)
        );
    }

    #[test]
    fn interests_alone_make_a_draft() {
        let d = PersonDraftData {
            interests: vec![Interest::new("Running", CategoryId::new("sport"))],
            ..Default::default()
        };
        let raw = encode(&d).expect("kept");
        assert_eq!(decode::<PersonDraftData>(&raw), Some(d));
    }

    #[test]
    fn every_field_of_every_form_comes_back_through_the_one_reader() {
        let person = PersonDraftData {
            name: "Priya".into(),
            what: "Baker".into(),
            interests: vec![Interest::new("Sourdough", CategoryId::new("food"))],
            notes: "n".into(),
            phone: "p".into(),
            email: "e".into(),
            web: "w".into(),
            social: "s".into(),
            met_on: "2026-11-30".into(),
            met_where: "WI".into(),
            interest_typed: "Runn".into(),
            follow_up: "Send the flyer".into(),
            follow_up_due: "2026-12-02".into(),
        };
        let event = EventDraftData {
            name: "WI".into(),
            date: "2026-11-30".into(),
            time: "19:30".into(),
            place: "Hall".into(),
            group: "Women's Institute".into(),
            purpose: "Roof".into(),
            notes: "n".into(),
            takeaways: "t".into(),
        };
        let map = MyMapDraftData {
            held: true,
            interest_typed: "Knit".into(),
            name: "Sam".into(),
            what: "w".into(),
            phone: "p".into(),
            email: "e".into(),
            web: "w".into(),
            social: "s".into(),
        };
        assert_eq!(decode(&encode(&person).unwrap()), Some(person));
        assert_eq!(decode(&encode(&event).unwrap()), Some(event));
        assert_eq!(decode(&encode(&map).unwrap()), Some(map));
        // A person draft as the version before the one reader wrote it.
        let stored = r#"{"name":"Jo","what":"","interests":[["Parkrun","sport"]],"notes":"","phone":"","email":"","web":"","social":"","met_on":"","met_where":"","interest_typed":"Sea sw"}"#;
        let read: PersonDraftData = decode(stored).unwrap();
        assert_eq!(
            (
                read.name.as_str(),
                read.interests.len(),
                read.interest_typed.as_str()
            ),
            ("Jo", 1, "Sea sw")
        );
        // Written before quick add took a follow-up: none, and no date.
        assert_eq!(
            (read.follow_up.as_str(), read.follow_up_due.as_str()),
            ("", "")
        );
    }

    #[test]
    fn a_promise_alone_makes_a_draft_and_its_date_alone_does_not() {
        let dated = PersonDraftData {
            follow_up_due: "2026-12-02".into(),
            ..Default::default()
        };
        assert_eq!(encode(&dated), None);
        let promised = PersonDraftData {
            follow_up: "Lend her the bee book".into(),
            ..dated
        };
        let raw = encode(&promised).expect("kept");
        assert_eq!(decode::<PersonDraftData>(&raw), Some(promised));
    }

    #[test]
    fn broken_or_older_drafts() {
        assert_eq!(decode::<PersonDraftData>("{"), None);
        // A draft from a version with fewer fields still reads.
        let d: PersonDraftData = decode(r#"{"name":"Priya"}"#).unwrap();
        assert_eq!(d.name, "Priya");
        // Unknown fields from a newer version are ignored rather than losing the draft.
        let d: EventDraftData = decode(r#"{"name":"WI","colour":"red"}"#).unwrap();
        assert_eq!(d.name, "WI");
    }

    proptest! {
        #[test]
        fn any_person_draft_round_trips(name in "\\PC{0,30}", what in "\\PC{0,30}", notes in "\\PC{0,60}") {
            let d = PersonDraftData { name, what, notes, ..Default::default() };
            match encode(&d) {
                Some(raw) => prop_assert_eq!(decode::<PersonDraftData>(&raw), Some(d)),
                None => prop_assert!(d.is_blank()),
            }
        }
    }
}
