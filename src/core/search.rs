//! Search across people: names, what they do, interests, notes and the events they were at.
//!
//! Every word of the query must match somewhere. Text fields match on folded substrings
//! ("cafe" finds "Café"); interests match on their folded label as typed so far ("runn" finds
//! "Running") as well as on their normalised key, so "Running" finds a person who typed "run".
//! Each hit says why it matched, and hits on the name or an interest rank above hits in notes
//! or at an event.

use super::interest_key::{fold, InterestKey};
use super::model::{Event, Person};

/// Where a query word was found, best first: the order results are ranked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Interest,
    What,
    Note,
    Event,
}

/// Why a person matched: the best field any query word was found in, and the words to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why {
    pub field: Field,
    /// e.g. "interest: Running", "note: …hates running…", "met at St Mary's church hall".
    pub text: String,
}

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
        self.explain(entry).is_some()
    }

    /// Why `entry` matches every word, or `None`. The reason is the best-ranked hit of any
    /// word; the rank of the whole result is that of its best hit, so "Meg" typed in full
    /// ranks a person called Meg above one whose notes mention her.
    pub fn explain(&self, entry: &SearchEntry) -> Option<Why> {
        if self.words.is_empty() {
            return Some(Why {
                field: Field::Name,
                text: String::new(),
            });
        }
        let mut best: Option<Why> = None;
        for (word, key) in &self.words {
            let hit = entry.find(word, key)?;
            if best.as_ref().is_none_or(|b| hit.field < b.field) {
                best = Some(hit);
            }
        }
        best
    }
}

/// One event's searchable fields, folded, with the text to show when one matches.
#[derive(Clone, Debug, PartialEq, Eq)]
struct EventText {
    folded: Vec<(String, String)>,
}

/// A person's searchable text, folded once when the data changes rather than on every
/// keystroke: with 5,000 people, folding is most of the cost of a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchEntry {
    name: String,
    what: String,
    notes: String,
    /// (folded label, key, label as typed).
    interests: Vec<(String, InterestKey, String)>,
    events: Vec<EventText>,
}

impl SearchEntry {
    pub fn new(person: &Person, events: &[&Event]) -> Self {
        SearchEntry {
            name: fold(&person.name),
            what: fold(&person.what),
            notes: fold(&person.notes),
            interests: person
                .interests
                .iter()
                .map(|i| (fold(&i.label), i.key(), i.label.clone()))
                .collect(),
            events: events
                .iter()
                .map(|e| EventText {
                    folded: [&e.place, &e.name, &e.group]
                        .into_iter()
                        .filter(|s| !s.trim().is_empty())
                        .map(|s| (fold(s), s.trim().to_string()))
                        .collect(),
                })
                .collect(),
        }
    }

    /// The best place `word` (folded) or its `key` occurs.
    fn find(&self, word: &str, key: &InterestKey) -> Option<Why> {
        let why = |field, text: String| Some(Why { field, text });
        if self.name.contains(word) {
            return why(Field::Name, "name".into());
        }
        for (folded, k, label) in &self.interests {
            let by_key =
                k.as_str().contains(word) || (!key.is_empty() && k.as_str().contains(key.as_str()));
            if folded.contains(word) || by_key {
                return why(Field::Interest, format!("interest: {label}"));
            }
        }
        if let Some(at) = self.what.find(word) {
            return why(
                Field::What,
                format!("does: {}", snippet(&self.what, at, word.len())),
            );
        }
        if let Some(at) = self.notes.find(word) {
            return why(
                Field::Note,
                format!("note: {}", snippet(&self.notes, at, word.len())),
            );
        }
        for e in &self.events {
            for (folded, shown) in &e.folded {
                if folded.contains(word) {
                    return why(Field::Event, format!("met at {shown}"));
                }
            }
        }
        None
    }
}

/// A few words either side of a hit in folded text, with "…" where text was left out.
fn snippet(text: &str, at: usize, len: usize) -> String {
    const SIDE: usize = 2;
    let before: Vec<&str> = text[..at].split_whitespace().collect();
    let after: Vec<&str> = text[at + len..].split_whitespace().collect();
    // The hit may be the middle of a word: keep the whole word it is part of.
    let head = if text[..at].ends_with(' ') || at == 0 {
        ""
    } else {
        before.last().copied().unwrap_or("")
    };
    let tail = if text[at + len..].starts_with(' ') {
        ""
    } else {
        after.first().copied().unwrap_or("")
    };
    let before = &before[..before.len() - usize::from(!head.is_empty())];
    let after = &after[usize::from(!tail.is_empty())..];
    let from = before.len().saturating_sub(SIDE);
    let to = after.len().min(SIDE);
    let mut words: Vec<String> = before[from..].iter().map(|w| w.to_string()).collect();
    words.push(format!("{head}{}{tail}", &text[at..at + len]));
    words.extend(after[..to].iter().map(|w| w.to_string()));
    format!("…{}…", words.join(" "))
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

    fn with(name: &str, interests: &[&str], notes: &str) -> Person {
        let mut p = Person::new(PersonId(name.into()), name, 1);
        p.interests = interests
            .iter()
            .map(|l| Interest::new(*l, CategoryId::other()))
            .collect();
        p.notes = notes.into();
        p
    }

    #[test]
    fn partial_words_find_listed_interests_and_say_so() {
        let ann = with("Ann", &["Running", "Gardening"], "");
        let bob = with("Bob", &["Marketing", "Recycling scheme"], "");
        let cat = with("Cat", &[], "Hates running, loves tea");
        let why = |q: &str, p: &Person| Query::new(q).explain(&SearchEntry::new(p, &[]));
        assert_eq!(why("Runn", &ann).unwrap().text, "interest: Running");
        assert_eq!(why("Gardeni", &ann).unwrap().text, "interest: Gardening");
        assert_eq!(why("Marketi", &bob).unwrap().text, "interest: Marketing");
        assert_eq!(
            why("Recy", &bob).unwrap().text,
            "interest: Recycling scheme"
        );
        let note = why("runn", &cat).unwrap();
        assert_eq!(note.field, Field::Note);
        assert_eq!(note.text, "note: …hates running loves tea…");
        assert!(why("Runn", &bob).is_none());
    }

    #[test]
    fn names_and_interests_rank_above_notes_and_venues() {
        let mut place = Event::new(EventId("e".into()), "Business club", "2026-01-01", 1);
        place.place = "St Mary's church hall".into();
        let walker = with("Mary Walker", &[], "");
        let singer = with("Sue", &["St Mary's choir"], "");
        let noted = with("Tom", &[], "Met Mary's husband");
        let venue = with("Raj", &[], "");
        let q = Query::new("mary");
        let rank = |p: &Person, ev: &[&Event]| q.explain(&SearchEntry::new(p, ev)).unwrap();
        let got = [
            rank(&venue, &[&place]),
            rank(&noted, &[]),
            rank(&singer, &[]),
            rank(&walker, &[]),
        ];
        let mut fields: Vec<_> = got.iter().map(|w| w.field).collect();
        fields.sort();
        assert_eq!(
            fields,
            [Field::Name, Field::Interest, Field::Note, Field::Event]
        );
        assert_eq!(got[0].text, "met at St Mary's church hall");
        assert_eq!(got[1].text, "note: …met marys husband…");
    }

    #[test]
    fn snippets_keep_whole_words_and_a_little_context() {
        let t = "one two three four five six seven";
        assert_eq!(
            snippet(t, t.find("fou").unwrap(), 3),
            "…two three four five six…"
        );
        assert_eq!(snippet(t, 0, 3), "…one two three…");
    }
}
