//! Duplicates: telling that someone being added is already saved (by their name, normalised),
//! and merging two records of one person so that nothing either held is lost.

use super::dates::month_year;
use super::document::{Change, Document};
use super::interest_key::{fold, InterestKey};
use super::model::{add_interest, Event, EventId, Interest, Millis, Person, PersonId};
use super::order;
use super::queries::attended_by;
use std::collections::BTreeMap;

/// A name as compared for duplicates: case, accents, punctuation and spacing do not count
/// ("Priya  Shah", "priya shah", "Príya Shah." are one name).
pub fn normalised_name(name: &str) -> String {
    // `fold` leaves only plain spaces between words: collapsed in place, in one allocation.
    let mut folded = fold(name);
    let mut after_space = true;
    folded.retain(|c| {
        let keep = c != ' ' || !after_space;
        after_space = c == ' ';
        keep
    });
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// False when `name`'s normalised form cannot start with `first`, told without normalising it:
/// a person's page asks `same_name` of every saved name, and most differ in their first letter.
/// Only plain ASCII names are told apart this way (`fold`'s byte path); any other may match.
fn may_start_with(name: &str, first: char) -> bool {
    if !name.is_ascii() {
        return true;
    }
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() {
            return char::from(b.to_ascii_lowercase()) == first;
        }
        if b == b'&' {
            return first == 'a';
        }
    }
    false
}

/// Whether a name typed so far and a name read from a badge or a profile are the same person:
/// the typed one is empty, or each of its words is a word of the scanned one ("Helen" and
/// "Helen Morris"), or the code names nobody. Typing "Helen" and then scanning her badge fills
/// the form; scanning someone else's never mixes two people.
pub fn names_agree(typed: &str, scanned: &str) -> bool {
    let words =
        |s: &str| -> Vec<String> { fold(s).split_whitespace().map(str::to_string).collect() };
    let (typed, scanned) = (words(typed), words(scanned));
    typed.is_empty() || scanned.is_empty() || typed.iter().all(|w| scanned.contains(w))
}

/// The first saved person (oldest first, so the answer is stable) with the same normalised
/// name, other than `except`; `None` for a blank name.
pub fn same_name<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    name: &str,
    except: Option<&PersonId>,
) -> Option<&'a Person> {
    same_names(people, name, except).into_iter().next()
}

/// Every saved person with the same normalised name, other than `except`, oldest first; none
/// for a blank name.
pub fn same_names<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    name: &str,
    except: Option<&PersonId>,
) -> Vec<&'a Person> {
    let wanted = normalised_name(name);
    let Some(first) = wanted.chars().next() else {
        return Vec::new();
    };
    let mut found: Vec<&Person> = people
        .into_iter()
        .filter(|p| {
            Some(&p.id) != except
                && may_start_with(&p.name, first)
                && normalised_name(&p.name) == wanted
        })
        .collect();
    order::sort_by(&mut found, |a, b| {
        a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id))
    });
    found
}

/// The interests of `received` that `saved` does not have (compared by key, so "running" is
/// "Running"), in the received order: what is new on someone's map since I saved them, the
/// opener for a face met again ("You have taken up sea swimming?").
pub fn new_interests<'a>(saved: &Person, received: &'a [Interest]) -> Vec<&'a Interest> {
    let known: std::collections::HashSet<InterestKey> =
        saved.interests.iter().map(Interest::key).collect();
    let mut seen = std::collections::HashSet::new();
    received
        .iter()
        .filter(|i| {
            let key = i.key();
            !known.contains(&key) && seen.insert(key)
        })
        .collect()
}

/// Every saved name, normalised, with whom [`same_name`] would answer for it: made once when
/// the people change, so that a name checked at each key typed is one lookup, not a fold of
/// every saved name.
#[derive(Debug, PartialEq)]
pub struct NameIndex(std::collections::HashMap<String, PersonId>);

impl NameIndex {
    pub fn new<'a>(people: impl IntoIterator<Item = &'a Person>) -> Self {
        let mut first: std::collections::HashMap<String, &Person> =
            std::collections::HashMap::new();
        for p in people {
            let key = normalised_name(&p.name);
            if key.is_empty() {
                continue;
            }
            let kept = first.entry(key).or_insert(p);
            if (p.created, &p.id) < (kept.created, &kept.id) {
                *kept = p;
            }
        }
        NameIndex(first.into_iter().map(|(k, p)| (k, p.id.clone())).collect())
    }

    /// Who is saved under `name`, as [`same_name`] with no exception.
    pub fn find(&self, name: &str) -> Option<&PersonId> {
        self.0.get(&normalised_name(name))
    }
}

/// "Already saved: Priya Shah (met at WI evening, Nov 2026)": who the saved one is, by
/// where they were met (the latest event, else the place typed), so the user can tell.
pub fn already_saved(person: &Person, events: &BTreeMap<EventId, Event>) -> String {
    format!(
        "Already saved: {} ({})",
        person.name,
        told_by(person, events)
    )
}

/// "met at WI evening, Nov 2026": how to tell one record of a name from another, by where they
/// were met (the latest event, else the place typed), else what they do.
pub fn told_by(person: &Person, events: &BTreeMap<EventId, Event>) -> String {
    // The same event People's row names for them (`queries::last_met`).
    let latest = attended_by(events.values(), &person.id).into_iter().next();
    let met = match latest {
        Some(e) if e.date.is_empty() => format!("met at {}", e.name),
        Some(e) => format!(
            "met at {}, {}",
            e.name,
            month_year(&e.date).unwrap_or_else(|| e.date.clone())
        ),
        None if !person.met_where.trim().is_empty() => {
            format!("met at {}", person.met_where.trim())
        }
        None if !person.what.trim().is_empty() => person.what.trim().to_string(),
        None => "no event recorded".to_string(),
    };
    met
}

/// Appends `line` to `notes` unless it is already there.
fn add_note(notes: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() || notes.contains(line) {
        return;
    }
    if !notes.trim().is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}

/// Fills `kept` from `other` where it is empty; where both hold different text, the other's
/// is added to the notes under `label`, so it is not lost.
fn fill(kept: &mut String, other: &str, label: &str, notes: &mut String) {
    let other = other.trim();
    if other.is_empty() || kept.trim() == other {
        return;
    }
    if kept.trim().is_empty() {
        *kept = other.to_string();
    } else {
        add_note(notes, &format!("{label}: {other}"));
    }
}

/// One person from two records of them: `kept`'s id, name and source, every interest of both
/// (one per key), both notes, every follow-up, and each detail `kept` lacks taken from `other`
/// (a detail both have, differently, goes into the notes).
pub fn merge_person(kept: &Person, other: &Person, now: Millis) -> Person {
    let mut merged = kept.clone();
    for i in &other.interests {
        add_interest(&mut merged.interests, i.clone());
    }
    let mut notes = merged.notes.clone();
    add_note(&mut notes, &other.notes);
    fill(&mut merged.what, &other.what, "Also does", &mut notes);
    fill(
        &mut merged.contact.phone,
        &other.contact.phone,
        "Phone",
        &mut notes,
    );
    fill(
        &mut merged.contact.email,
        &other.contact.email,
        "Email",
        &mut notes,
    );
    fill(
        &mut merged.contact.web,
        &other.contact.web,
        "Web",
        &mut notes,
    );
    fill(
        &mut merged.contact.social,
        &other.contact.social,
        "Social",
        &mut notes,
    );
    fill(&mut merged.met_on, &other.met_on, "Also met on", &mut notes);
    fill(
        &mut merged.met_where,
        &other.met_where,
        "Also met at",
        &mut notes,
    );
    merged.notes = notes;
    for f in &other.follow_ups {
        if !merged.follow_ups.contains(f) {
            merged.follow_ups.push(f.clone());
        }
    }
    merged.created = kept.created.min(other.created);
    merged.updated = now.max(kept.updated);
    merged
}

/// Someone already saved, typed again (quick add's "Met again at …"): their record with what
/// was typed besides the name added to it, as a merge would add it, or `None` when the typing
/// adds nothing (the name alone, or only what they already have), so that a tap on "Met
/// again" after typing their new interest or a promise made keeps it.
pub fn with_typed(existing: &Person, typed: &Person, now: Millis) -> Option<Person> {
    let merged = merge_person(existing, typed, now);
    // Compared whole, but for the times a merge always moves: any field a merge learns to
    // fill later counts without this list knowing it.
    let as_before = Person {
        created: existing.created,
        updated: existing.updated,
        ..merged.clone()
    };
    (as_before != *existing).then_some(merged)
}

/// What a merge of two saved records changed, so that an undo puts both back as they were.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedPeople {
    /// The record kept, as it was before.
    pub kept: Person,
    /// The record merged into it, now gone.
    pub other: Person,
    /// Each event the other was filed under, with its attendees before.
    pub attendees: Vec<(EventId, Vec<PersonId>)>,
}

impl Document {
    /// Merges the saved person `other` into the saved person `kept`: `kept` holds everything
    /// of both and every event of either, `other` is gone. `None` when either is missing or
    /// they are the same record.
    pub fn merge_people(
        &mut self,
        kept: &PersonId,
        other: &PersonId,
        now: Millis,
    ) -> Option<(MergedPeople, Vec<Change>)> {
        if kept == other {
            return None;
        }
        let before = self.people.get(kept)?.clone();
        let gone = self.people.get(other)?.clone();
        self.people
            .insert(kept.clone(), merge_person(&before, &gone, now));
        self.people.remove(other);
        let mut attendees = Vec::new();
        for event in self.events.values_mut() {
            let Some(pos) = event.attendees.iter().position(|a| a == other) else {
                continue;
            };
            attendees.push((event.id.clone(), event.attendees.clone()));
            if event.attendees.contains(kept) {
                event.attendees.remove(pos);
            } else {
                event.attendees[pos] = kept.clone();
            }
            event.updated = now;
        }
        let mut changes = vec![Change::Person(kept.clone()), Change::Person(other.clone())];
        changes.extend(attendees.iter().map(|(e, _)| Change::Event(e.clone())));
        let merged = MergedPeople {
            kept: before,
            other: gone,
            attendees,
        };
        Some((merged, changes))
    }

    /// Undoes [`Self::merge_people`]: both records as they were, and each event's attendees,
    /// but for anyone deleted meanwhile.
    pub fn undo_merge(&mut self, merged: MergedPeople) -> Vec<Change> {
        let MergedPeople {
            kept,
            other,
            attendees,
        } = merged;
        let mut changes = vec![
            Change::Person(kept.id.clone()),
            Change::Person(other.id.clone()),
        ];
        self.people.insert(kept.id.clone(), kept);
        self.people.insert(other.id.clone(), other);
        for (id, before) in attendees {
            let Some(event) = self.events.get_mut(&id) else {
                continue;
            };
            let people = &self.people;
            event.attendees = before
                .into_iter()
                .filter(|a| people.contains_key(a))
                .collect();
            changes.push(Change::Event(id));
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CategoryId, Event, FollowUp, Interest};
    use proptest::prelude::*;

    fn p(id: &str, name: &str, created: Millis) -> Person {
        Person::new(PersonId(id.into()), name, created)
    }

    #[test]
    fn a_scanned_name_agrees_with_the_start_of_it_typed_not_with_someone_else() {
        assert!(names_agree("", "Helen Morris"));
        assert!(names_agree("helen", "Helen Morris"));
        assert!(names_agree("Morris  Helen", "Helen Morris"));
        assert!(names_agree("Siân", "SIAN O'Brien"));
        assert!(names_agree("Sam", ""));
        assert!(!names_agree("Sam", "Helen Morris"));
        assert!(!names_agree("Helen Morrison", "Helen Morris"));
    }

    #[test]
    fn names_match_whatever_the_case_accents_and_spacing() {
        assert_eq!(normalised_name("  Priya   SHAH. "), "priya shah");
        assert_eq!(normalised_name("Príya Shah"), "priya shah");
        let people = [
            p("a", "Tom Baker", 1),
            p("b", "Priya Shah", 2),
            p("c", "priya shah", 3),
        ];
        assert_eq!(same_name(&people, "PRIYA  shah", None).unwrap().id.0, "b");
        assert_eq!(
            same_name(&people, "Priya Shah", Some(&PersonId("b".into())))
                .unwrap()
                .id
                .0,
            "c"
        );
        assert!(same_name(&people, "Priya", None).is_none());
        assert!(same_name(&people, "  ", None).is_none());
        assert!(same_name(&[p("x", "", 1)], "", None).is_none());
    }

    #[test]
    fn met_again_keeps_what_was_typed_besides_the_name() {
        let mut meg = p("m", "Meg O'Brien", 5);
        meg.what = "Garden designer".into();
        meg.interests = vec![Interest::new("Roses", CategoryId("hobbies".into()))];
        meg.follow_ups = vec![FollowUp::open("2026-12-03", "Send the course link")];

        // The name alone (or what she already has, differently cased) adds nothing.
        let mut typed = p("t", "meg o'brien", 90);
        assert_eq!(with_typed(&meg, &typed, 100), None);
        typed.what = "Garden designer".into();
        typed.interests = vec![Interest::new("roses", CategoryId("other".into()))];
        assert_eq!(with_typed(&meg, &typed, 100), None);

        // A new interest, a note and a promise made tonight join her record.
        typed
            .interests
            .push(Interest::new("Beekeeping", CategoryId("hobbies".into())));
        typed.notes = "Has a hive on the allotment".into();
        typed.follow_ups = vec![FollowUp::open("2026-12-08", "Lend her the bee book")];
        let kept = with_typed(&meg, &typed, 100).expect("what was typed is added");
        assert_eq!(kept.id, meg.id);
        assert_eq!(kept.name, "Meg O'Brien");
        assert_eq!(kept.created, 5);
        assert_eq!(kept.updated, 100);
        let labels: Vec<&str> = kept.interests.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Roses", "Beekeeping"]);
        assert_eq!(kept.notes, "Has a hive on the allotment");
        assert_eq!(kept.follow_ups.len(), 2);
        assert_eq!(kept.follow_ups[1].text, "Lend her the bee book");

        // Something she has, said differently, is kept in the notes rather than lost.
        let mut other_job = p("t", "Meg O'Brien", 90);
        other_job.what = "Landscape architect".into();
        let kept = with_typed(&meg, &other_job, 100).unwrap();
        assert_eq!(kept.what, "Garden designer");
        assert!(kept.notes.contains("Landscape architect"), "{}", kept.notes);
    }

    proptest::proptest! {
        #[test]
        fn a_name_is_folded_with_one_space_between_words(name in "[ \t&'A-Za-zÉéß.-]{0,16}") {
            let words = fold(&name).split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(normalised_name(&name), words);
        }

        #[test]
        fn a_name_ruled_out_by_its_first_letter_never_normalises_to_it(
            name in "[ &'`.A-Za-z0-9-]{0,10}",
            first in "[a-z0-9]",
        ) {
            let first = first.chars().next().unwrap();
            if !may_start_with(&name, first) {
                proptest::prop_assert!(!normalised_name(&name).starts_with(first));
            }
        }

        #[test]
        fn the_index_answers_as_same_name_does(
            names in proptest::collection::vec(("[ AaBbÉé.]{0,6}", 0i64..4), 0..12),
            asked in "[ AaBbÉé.]{0,6}",
        ) {
            let people: Vec<Person> = names
                .iter()
                .enumerate()
                .map(|(n, (name, created))| p(&format!("p{n}"), name, *created))
                .collect();
            let index = NameIndex::new(&people);
            proptest::prop_assert_eq!(
                index.find(&asked),
                same_name(&people, &asked, None).map(|p| &p.id)
            );
        }
    }

    #[test]
    fn the_warning_says_where_the_saved_one_was_met() {
        let mut priya = p("a", "Priya Shah", 1);
        let mut events = BTreeMap::new();
        assert_eq!(
            already_saved(&priya, &events),
            "Already saved: Priya Shah (no event recorded)"
        );
        priya.what = "Accountant".into();
        assert_eq!(
            already_saved(&priya, &events),
            "Already saved: Priya Shah (Accountant)"
        );
        priya.met_where = "the school gate".into();
        assert_eq!(
            already_saved(&priya, &events),
            "Already saved: Priya Shah (met at the school gate)"
        );
        for (id, name, date) in [
            ("e1", "Rotary", "2026-10-01"),
            ("e2", "WI evening", "2026-11-03"),
        ] {
            let mut e = Event::new(EventId(id.into()), name, date, 1);
            e.attendees.push(priya.id.clone());
            events.insert(e.id.clone(), e);
        }
        assert_eq!(
            already_saved(&priya, &events),
            "Already saved: Priya Shah (met at WI evening, Nov 2026)"
        );
    }

    #[test]
    fn merging_fills_gaps_and_keeps_clashing_details_in_the_notes() {
        let mut kept = p("a", "Priya Shah", 5);
        kept.what = "Accountant".into();
        kept.notes = "Two kids".into();
        kept.contact.email = "priya@example.org".into();
        let mut other = p("b", "priya shah", 3);
        other.what = "Runs a bakery".into();
        other.notes = "Hates running".into();
        other.contact.email = "p.shah@example.org".into();
        other.contact.phone = "07700 900123".into();
        let m = merge_person(&kept, &other, 10);
        assert_eq!(m.id.0, "a");
        assert_eq!(m.name, "Priya Shah");
        assert_eq!(m.what, "Accountant");
        assert_eq!(m.contact.phone, "07700 900123");
        assert_eq!(m.contact.email, "priya@example.org");
        assert!(m.notes.contains("Two kids") && m.notes.contains("Hates running"));
        assert!(m.notes.contains("Also does: Runs a bakery"));
        assert!(m.notes.contains("Email: p.shah@example.org"));
        assert_eq!((m.created, m.updated), (3, 10));
        // Merging the same again adds nothing twice.
        assert_eq!(merge_person(&m, &other, 10), m);
    }

    #[test]
    fn merging_two_saved_people_moves_every_event_link() {
        let mut doc = Document::default();
        doc.upsert_person(p("a", "Priya Shah", 1));
        doc.upsert_person(p("b", "Priya Shah", 2));
        let mut both = Event::new(EventId("e1".into()), "WI", "2026-11-01", 1);
        both.attendees = vec![PersonId("b".into()), PersonId("a".into())];
        let mut only_b = Event::new(EventId("e2".into()), "Rotary", "2026-11-02", 1);
        only_b.attendees = vec![PersonId("b".into())];
        doc.events.insert(both.id.clone(), both);
        doc.events.insert(only_b.id.clone(), only_b);
        let before = doc.clone();
        let (merged, changes) = doc
            .merge_people(&PersonId("a".into()), &PersonId("b".into()), 9)
            .unwrap();
        assert_eq!(
            changes,
            vec![
                Change::Person(PersonId("a".into())),
                Change::Person(PersonId("b".into())),
                Change::Event(EventId("e1".into())),
                Change::Event(EventId("e2".into())),
            ]
        );
        assert!(!doc.people.contains_key(&PersonId("b".into())));
        assert_eq!(doc.events_of(&PersonId("a".into())).len(), 2);
        assert_eq!(
            doc.events[&EventId("e1".into())].attendees,
            vec![PersonId("a".into())]
        );
        assert_eq!(
            doc.merge_people(&PersonId("a".into()), &PersonId("a".into()), 9),
            None
        );
        assert_eq!(
            doc.merge_people(&PersonId("a".into()), &PersonId("b".into()), 9),
            None
        );
        // Undone: both records and every attendee list as they were.
        assert_eq!(doc.undo_merge(merged).len(), 4);
        assert_eq!(doc.people, before.people);
        for (id, e) in &before.events {
            assert_eq!(doc.events[id].attendees, e.attendees);
        }
    }

    #[test]
    fn an_undone_merge_leaves_out_who_was_deleted_meanwhile() {
        let mut doc = Document::default();
        for (id, created) in [("a", 1), ("b", 2), ("c", 3)] {
            doc.upsert_person(p(id, "Priya Shah", created));
        }
        let mut e = Event::new(EventId("e1".into()), "WI", "2026-11-01", 1);
        e.attendees = vec![PersonId("c".into()), PersonId("b".into())];
        doc.events.insert(e.id.clone(), e);
        let (merged, _) = doc
            .merge_people(&PersonId("a".into()), &PersonId("b".into()), 9)
            .unwrap();
        doc.remove_person(&PersonId("c".into()), 10);
        doc.undo_merge(merged);
        assert_eq!(
            doc.events[&EventId("e1".into())].attendees,
            vec![PersonId("b".into())]
        );
    }

    fn arb_person(id: &'static str) -> impl Strategy<Value = Person> {
        (
            proptest::collection::vec("[a-z]{1,8}( [a-z]{1,8})?", 0..6),
            "\\PC{0,20}",
            proptest::collection::vec(("2026-1[0-2]-0[1-9]", "[a-z ]{1,12}", any::<bool>()), 0..4),
            "[a-z]{0,6}",
            "[a-z]{0,6}",
        )
            .prop_map(move |(interests, notes, follow_ups, what, phone)| {
                let mut person = Person::new(PersonId(id.into()), "Priya Shah", 1);
                for (n, label) in interests.into_iter().enumerate() {
                    let cat = if n % 2 == 0 { "sport" } else { "other" };
                    add_interest(
                        &mut person.interests,
                        Interest::new(label, CategoryId::new(cat)),
                    );
                }
                person.notes = notes;
                person.what = what;
                person.contact.phone = phone;
                person.follow_ups = follow_ups
                    .into_iter()
                    .map(|(due, text, done)| FollowUp { due, text, done })
                    .collect();
                person
            })
    }

    proptest! {
        #[test]
        fn a_merge_keeps_every_interest_note_follow_up_and_event_link(
            a in arb_person("a"),
            b in arb_person("b"),
            links in proptest::collection::vec((any::<bool>(), any::<bool>()), 0..5),
        ) {
            let mut doc = Document::default();
            doc.upsert_person(a.clone());
            doc.upsert_person(b.clone());
            for (n, (has_a, has_b)) in links.iter().enumerate() {
                let mut e = Event::new(EventId(format!("e{n}")), "E", "2026-11-01", 1);
                if *has_b { e.attendees.push(b.id.clone()); }
                if *has_a { e.attendees.push(a.id.clone()); }
                doc.events.insert(e.id.clone(), e);
            }
            let before = doc.clone();
            let (merged, _) = doc.merge_people(&a.id, &b.id, 5).unwrap();
            let m = &doc.people[&a.id];
            for i in a.interests.iter().chain(&b.interests) {
                prop_assert!(m.interests.iter().any(|x| x.key() == i.key()), "lost {}", i.label);
            }
            for f in a.follow_ups.iter().chain(&b.follow_ups) {
                prop_assert!(m.follow_ups.contains(f));
            }
            for note in [&a.notes, &b.notes] {
                prop_assert!(m.notes.contains(note.trim()));
            }
            for text in [&b.what, &b.contact.phone] {
                prop_assert!(m.what.contains(text.as_str()) || m.contact.phone.contains(text.as_str()) || m.notes.contains(text.as_str()));
            }
            for (n, (has_a, has_b)) in links.iter().enumerate() {
                let e = &doc.events[&EventId(format!("e{n}"))];
                prop_assert_eq!(e.attendees.contains(&a.id), *has_a || *has_b);
                prop_assert!(!e.attendees.contains(&b.id));
                prop_assert!(e.attendees.len() <= 1);
            }
            prop_assert!(!doc.people.contains_key(&b.id));
            doc.undo_merge(merged);
            prop_assert_eq!(&doc.people, &before.people);
            for (id, e) in &before.events {
                prop_assert_eq!(&doc.events[id].attendees, &e.attendees);
            }
        }
    }

    #[test]
    fn new_interests_are_those_not_saved_in_any_spelling_once_each() {
        use crate::core::model::CategoryId;
        let at = |label: &str| Interest::new(label, CategoryId::new("hobbies"));
        let mut saved = Person::new(PersonId("meg".into()), "Meg", 1);
        saved.interests = vec![at("Running"), at("Allotment")];
        let received = vec![
            at("running"),
            at("Sea swimming"),
            at("Dahlias"),
            at("sea  swimming"),
        ];
        let labels: Vec<&str> = new_interests(&saved, &received)
            .iter()
            .map(|i| i.label.as_str())
            .collect();
        assert_eq!(labels, ["Sea swimming", "Dahlias"]);
        assert!(new_interests(&saved, &[]).is_empty());
    }
}
