//! Search across people: names, what they do, interests, notes and the events they were at.
//!
//! Every word of the query must match somewhere. Text fields match on folded substrings
//! ("cafe" finds "Café"); interests match on their normalised key, so "Running" finds a person
//! who typed "run".

use super::interest_key::{fold, InterestKey};
use super::model::{Event, Person};

/// A query prepared once per keystroke rather than once per person.
pub struct Query {
    words: Vec<(String, InterestKey)>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let words = fold(text)
            .split_whitespace()
            .map(|w| (w.to_string(), InterestKey::of(w)))
            .collect();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `person`, met at `events`, matches every word.
    pub fn matches(&self, person: &Person, events: &[&Event]) -> bool {
        self.matches_entry(&SearchEntry::new(person, events))
    }

    /// Whether a prepared entry matches every word: the per-keystroke path, which only scans
    /// text folded in advance.
    pub fn matches_entry(&self, entry: &SearchEntry) -> bool {
        self.words.iter().all(|(word, key)| {
            entry.text.contains(word.as_str())
                || entry.keys.iter().any(|k| {
                    k.as_str().contains(word.as_str())
                        || (!key.is_empty() && k.as_str().contains(key.as_str()))
                })
        })
    }
}

/// A person's searchable text, folded once when the data changes rather than on every
/// keystroke: with 5,000 people, folding is most of the cost of a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchEntry {
    text: String,
    keys: Vec<InterestKey>,
}

impl SearchEntry {
    pub fn new(person: &Person, events: &[&Event]) -> Self {
        let mut raw = format!("{} {} {}", person.name, person.what, person.notes);
        for e in events {
            raw.push(' ');
            raw.push_str(&e.name);
            raw.push(' ');
            raw.push_str(&e.place);
            raw.push(' ');
            raw.push_str(&e.group);
        }
        SearchEntry {
            text: fold(&raw),
            keys: person.interests.iter().map(|i| i.key()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CategoryId, EventId, Interest, PersonId};

    fn meg() -> Person {
        let mut p = Person::new(PersonId("m".into()), "Meg Ryan", 1);
        p.what = "Garden design".into();
        p.notes = "Her daughter goes to St Mary's; loves the Café on Mill Lane".into();
        p.interests = vec![
            Interest::new("run", CategoryId::new("sport")),
            Interest::new("Custard creams", CategoryId::new("food")),
        ];
        p
    }

    #[test]
    fn finds_by_any_field_and_interest_form() {
        let p = meg();
        let wi = Event::new(EventId("e".into()), "WI evening", "2026-01-01", 1);
        let events = [&wi];
        for q in [
            "meg",
            "GARDEN",
            "daughter",
            "cafe",
            "Running",
            "runs",
            "custard cream",
            "wi",
            "",
            "mary",
        ] {
            assert!(Query::new(q).matches(&p, &events), "{q:?} should match");
        }
        for q in ["swimming", "meg swimming", "rotary"] {
            assert!(
                !Query::new(q).matches(&p, &events),
                "{q:?} should not match"
            );
        }
    }
}
