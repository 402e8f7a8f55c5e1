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
        if self.words.is_empty() {
            return true;
        }
        let text = fold(&format!(
            "{} {} {} {}",
            person.name,
            person.what,
            person.notes,
            events
                .iter()
                .map(|e| format!("{} {} {}", e.name, e.place, e.group))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        let keys: Vec<InterestKey> = person.interests.iter().map(|i| i.key()).collect();
        self.words.iter().all(|(word, key)| {
            text.contains(word.as_str())
                || keys.iter().any(|k| {
                    k.as_str().contains(word.as_str())
                        || (!key.is_empty() && k.as_str().contains(key.as_str()))
                })
        })
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
