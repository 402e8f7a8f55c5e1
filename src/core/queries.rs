//! The orderings the screens list records in: events newest first, the events someone was at,
//! people by their latest change, who shares an interest. Over plain iterators, as the UI holds each part of the
//! document in a signal of its own.

use super::model::{CategoryId, Event, Interest, Person, PersonId};
use super::overlap::{CloseTo, MyKeys};
use crate::core::order;
use std::collections::HashMap;

/// Events newest first; events of the same day by name, so the order never depends on ids.
pub fn newest_first<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<&'a Event> {
    let mut list: Vec<&Event> = events.into_iter().collect();
    order::sort_by(&mut list, |a, b| {
        b.date.cmp(&a.date).then_with(|| a.name.cmp(&b.name))
    });
    list
}

/// The events `person` was at, newest first.
pub fn attended_by<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    person: &PersonId,
) -> Vec<&'a Event> {
    newest_first(events.into_iter().filter(|e| e.attendees.contains(person)))
}

/// Each person's latest event (newest by date, then by name, as [`newest_first`]): where a
/// list says they were met, so that a name read years later comes with a place.
pub fn last_met<'a>(
    events: impl IntoIterator<Item = &'a Event>,
) -> HashMap<&'a PersonId, &'a Event> {
    let mut last = HashMap::new();
    for event in newest_first(events) {
        for person in &event.attendees {
            last.entry(person).or_insert(event);
        }
    }
    last
}

/// At most `limit` people, the most recently changed first; people changed at the same moment
/// keep the order they came in.
pub fn recently_changed<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    limit: usize,
) -> Vec<&'a Person> {
    let mut list: Vec<&Person> = people.into_iter().collect();
    order::sort_by_key(&mut list, |p| std::cmp::Reverse(p.updated));
    list.truncate(limit);
    list
}

/// "Who shares this?": the people with `label` (the same key), and the people with an
/// interest close to it (with which), each by name.
pub struct WhoShares<'a> {
    pub same: Vec<&'a Person>,
    pub close: Vec<(&'a Person, String)>,
}

pub fn who_shares<'a>(label: &str, people: impl IntoIterator<Item = &'a Person>) -> WhoShares<'a> {
    let this = [Interest::new(label, CategoryId::new("other"))];
    // The same key, found the way rankings find it (a fingerprint first, then the key).
    let same_key = MyKeys::new(&this);
    let close_to = CloseTo::new(label);
    let mut same = Vec::new();
    let mut close = Vec::new();
    for p in people {
        if same_key.score(&p.interests) > 0.0 {
            same.push(p);
        } else if let Some(near) = close_to.find(&p.interests) {
            close.push((p, near.label.clone()));
        }
    }
    order::sort_by(&mut same, |a, b| a.name.cmp(&b.name));
    order::sort_by(&mut close, |a, b| a.0.name.cmp(&b.0.name));
    WhoShares { same, close }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::EventId;

    fn event(id: &str, name: &str, date: &str, attendees: &[&str]) -> Event {
        let mut e = Event::new(EventId(id.into()), name, date, 1);
        e.attendees = attendees.iter().map(|a| PersonId((*a).into())).collect();
        e
    }

    fn names<'a>(events: &[&'a Event]) -> Vec<&'a str> {
        events.iter().map(|e| e.name.as_str()).collect()
    }

    proptest::proptest! {
        #[test]
        fn the_event_someone_was_last_met_at_is_one_they_were_at_and_none_of_theirs_is_newer(
            events in proptest::collection::vec(
                ("[0-9]{0,2}", proptest::collection::btree_set(0u8..6, 0..4)),
                0..8,
            ),
        ) {
            let events: Vec<Event> = events
                .iter()
                .enumerate()
                .map(|(n, (day, people))| {
                    let date = if day.is_empty() { String::new() } else { format!("2026-01-{day:0>2}") };
                    let ids: Vec<String> = people.iter().map(|p| format!("p{p}")).collect();
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    event(&format!("e{n}"), &format!("Event {n}"), &date, &ids)
                })
                .collect();
            let last = last_met(&events);
            for p in 0..6u8 {
                let id = PersonId(format!("p{p}"));
                let theirs: Vec<&Event> = events.iter().filter(|e| e.attendees.contains(&id)).collect();
                match last.get(&id) {
                    None => proptest::prop_assert!(theirs.is_empty()),
                    Some(e) => {
                        proptest::prop_assert!(e.attendees.contains(&id));
                        proptest::prop_assert!(theirs.iter().all(|t| t.date <= e.date));
                    }
                }
            }
        }
    }

    #[test]
    fn each_person_was_last_met_at_their_newest_event() {
        let events = [
            event("e1", "WI evening", "2025-03-01", &["a", "b"]),
            event("e2", "Chamber breakfast", "2026-11-30", &["b"]),
            event("e3", "Undated meetup", "", &["c"]),
            event("e4", "Another on the day", "2026-11-30", &["b"]),
        ];
        let last = last_met(&events);
        let at = |p: &str| last.get(&PersonId(p.into())).map(|e| e.name.as_str());
        assert_eq!(at("a"), Some("WI evening"));
        // Two events on the same day: the first by name, as the events list shows them.
        assert_eq!(at("b"), Some("Another on the day"));
        assert_eq!(at("c"), Some("Undated meetup"));
        assert_eq!(at("d"), None);
    }

    #[test]
    fn events_come_newest_first_and_same_day_events_by_name() {
        let events = [
            event("a", "Old fair", "2025-06-01", &[]),
            event("z", "Breakfast", "2026-11-01", &[]),
            event("b", "WI evening", "2026-11-20", &[]),
            event("c", "Awards", "2026-11-01", &[]),
        ];
        assert_eq!(
            names(&newest_first(&events)),
            ["WI evening", "Awards", "Breakfast", "Old fair"]
        );
    }

    #[test]
    fn only_the_events_someone_was_at() {
        let events = [
            event("a", "Old fair", "2025-06-01", &["meg"]),
            event("b", "WI evening", "2026-11-20", &["raj"]),
            event("c", "Awards", "2026-11-01", &["meg", "raj"]),
        ];
        let meg = PersonId("meg".into());
        assert_eq!(names(&attended_by(&events, &meg)), ["Awards", "Old fair"]);
        assert!(attended_by(&events, &PersonId("nobody".into())).is_empty());
    }

    #[test]
    fn people_by_latest_change_ties_in_the_order_given() {
        let person = |id: &str, updated| {
            let mut p = Person::new(PersonId(id.into()), id, 1);
            p.updated = updated;
            p
        };
        let people = [
            person("a", 5),
            person("b", 9),
            person("c", 5),
            person("d", 7),
        ];
        let ids = |list: Vec<&Person>| list.iter().map(|p| p.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(ids(recently_changed(&people, 3)), ["b", "d", "a"]);
        assert_eq!(ids(recently_changed(&people, 10)), ["b", "d", "a", "c"]);
        assert!(recently_changed(&people, 0).is_empty());
    }

    #[test]
    fn who_shares_an_interest_and_who_has_one_close_to_it_by_name() {
        let person = |id: &str, name: &str, labels: &[&str]| {
            let mut p = Person::new(PersonId(id.into()), name, 1);
            p.interests = labels
                .iter()
                .map(|l| Interest::new(*l, CategoryId::new("sport")))
                .collect();
            p
        };
        let people = [
            person("1", "Tom", &["Sea swimming"]),
            person("2", "Di", &["wild swimming"]),
            person("3", "Ann", &["Wild Swimming", "Sea swimming"]),
            person("4", "Bo", &["Chess"]),
            person("5", "Cy", &["Swim coaching", "Open water"]),
        ];
        let found = who_shares("Wild swimming", &people);
        let same: Vec<&str> = found.same.iter().map(|p| p.name.as_str()).collect();
        let close: Vec<(&str, &str)> = found
            .close
            .iter()
            .map(|(p, l)| (p.name.as_str(), l.as_str()))
            .collect();
        assert_eq!(same, ["Ann", "Di"]);
        assert_eq!(close, [("Cy", "Swim coaching"), ("Tom", "Sea swimming")]);
    }
}
