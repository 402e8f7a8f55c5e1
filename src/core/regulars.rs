//! The regulars of an event: the people I met at other meetings of the same club or series,
//! so that at this month's breakfast the faces from the last ones come with their names, and
//! one tick files each as met here again.

use super::interest_key::fold;
use super::model::{Event, PersonId};
use crate::core::order;
use crate::core::queries::newest_first;
use std::collections::HashMap;

/// Someone met at other events of an event's series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regular {
    pub person: PersonId,
    /// How many of the series' other events they were at.
    pub times: usize,
    /// The date of the latest of those (`YYYY-MM-DD`), or empty when none has a date.
    pub last: String,
}

/// Whether two events are meetings of one series: the same group or club, or, as a monthly
/// meeting is often noted only by its name, the same name — unless both name a club and the
/// clubs differ (the WI's AGM is not the Chamber's). Case, accents and spaces around either do
/// not count.
pub fn same_series(a: &Event, b: &Event) -> bool {
    let (group_a, group_b) = (fold(a.group.trim()), fold(b.group.trim()));
    if !group_a.is_empty() && !group_b.is_empty() {
        return group_a == group_b;
    }
    let name = fold(a.name.trim());
    !name.is_empty() && name == fold(b.name.trim())
}

/// The people met at the other events of `event`'s series, most often met first, then the most
/// recently met, then in the order they were first seen. Those already at `event` are listed
/// too, so a list that ticks them does not move under the finger.
pub fn regulars<'a>(event: &Event, events: impl IntoIterator<Item = &'a Event>) -> Vec<Regular> {
    let mut found: Vec<Regular> = Vec::new();
    let mut place: HashMap<&PersonId, usize> = HashMap::new();
    for other in events {
        if other.id == event.id || !same_series(event, other) {
            continue;
        }
        for person in &other.attendees {
            let at = *place.entry(person).or_insert_with(|| {
                found.push(Regular {
                    person: person.clone(),
                    times: 0,
                    last: String::new(),
                });
                found.len() - 1
            });
            let r = &mut found[at];
            r.times += 1;
            if other.date > r.last {
                r.last.clone_from(&other.date);
            }
        }
    }
    order::sort_by(&mut found, |a, b| {
        b.times.cmp(&a.times).then_with(|| b.last.cmp(&a.last))
    });
    found
}

/// The latest meeting of each of the most recent series, newest first, at most `limit`: what
/// a new event is most likely another meeting of ("Chamber breakfast" again next month).
pub fn recent_series<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    limit: usize,
) -> Vec<&'a Event> {
    let mut found: Vec<&Event> = Vec::new();
    for event in newest_first(events) {
        if found.len() == limit {
            break;
        }
        if !event.name.trim().is_empty() && !found.iter().any(|f| same_series(f, event)) {
            found.push(event);
        }
    }
    found
}

/// An event already noted as this meeting: the same name (as [`same_series`] compares names)
/// on the same day, or both with no day. Creating it again would split the people met there
/// between two records.
pub fn same_meeting<'a>(
    name: &str,
    date: &str,
    events: impl IntoIterator<Item = &'a Event>,
) -> Option<&'a Event> {
    let key = fold(name.trim());
    if key.is_empty() {
        return None;
    }
    events
        .into_iter()
        .find(|e| e.date.trim() == date.trim() && fold(e.name.trim()) == key)
}

/// Names as a line to read at a glance: "Meg, Ann and Sue", or past `shown` names "Meg, Ann,
/// Sue and 2 more".
pub fn name_line(names: &[&str], shown: usize) -> String {
    let shown = shown.max(1);
    let (first, rest) = if names.len() > shown {
        (&names[..shown], Some(names.len() - shown))
    } else {
        (names, None)
    };
    match (first, rest) {
        ([], _) => String::new(),
        (first, Some(more)) => format!("{} and {more} more", first.join(", ")),
        ([one], None) => (*one).to_string(),
        ([init @ .., last], None) => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::EventId;
    use proptest::prelude::*;

    fn event(id: &str, name: &str, group: &str, date: &str, who: &[&str]) -> Event {
        let mut e = Event::new(EventId(id.into()), name, date, 1);
        e.group = group.into();
        e.attendees = who.iter().map(|p| PersonId((*p).into())).collect();
        e
    }

    fn names(list: &[Regular]) -> Vec<&str> {
        list.iter().map(|r| r.person.0.as_str()).collect()
    }

    #[test]
    fn a_series_is_one_group_or_one_name() {
        let breakfast = event("a", "Chamber breakfast", "", "2026-11-04", &[]);
        let same_name = event("b", "  chamber BREAKFAST ", "", "2026-10-07", &[]);
        let other = event("c", "Parkrun social", "", "2026-10-07", &[]);
        assert!(same_series(&breakfast, &same_name));
        assert!(!same_series(&breakfast, &other));
        let club_a = event("d", "Summer mixer", "Chamber of Commerce", "", &[]);
        let club_b = event("e", "AGM", "chamber of commerce", "", &[]);
        assert!(same_series(&club_a, &club_b));
        // The same name in two clubs is two series; a name with a club and one without, one.
        let wi_agm = event("j", "AGM", "WI", "", &[]);
        let chamber_agm = event("k", "AGM", "Chamber of Commerce", "", &[]);
        let agm = event("l", "AGM", "", "", &[]);
        assert!(!same_series(&wi_agm, &chamber_agm));
        assert!(same_series(&wi_agm, &agm));
        // Two events with no group are not one series for that.
        let plain_a = event("f", "Talk", "", "", &[]);
        let plain_b = event("g", "Walk", "", "", &[]);
        assert!(!same_series(&plain_a, &plain_b));
        // Accents do not count: the same club typed on two phones.
        let accented = event("h", "Café Scientifique", "", "", &[]);
        let plain = event("i", "Cafe scientifique", "", "", &[]);
        assert!(same_series(&accented, &plain));
    }

    #[test]
    fn regulars_come_most_often_met_then_latest_met_first() {
        let tonight = event("now", "Chamber breakfast", "", "2026-12-02", &["meg"]);
        let all = [
            tonight.clone(),
            event(
                "oct",
                "Chamber breakfast",
                "",
                "2026-10-07",
                &["bob", "meg"],
            ),
            event(
                "nov",
                "Chamber breakfast",
                "",
                "2026-11-04",
                &["meg", "fran"],
            ),
            event("sep", "Chamber breakfast", "", "2026-09-02", &["ann"]),
            event("run", "Parkrun social", "", "2026-11-20", &["zed", "bob"]),
        ];
        let list = regulars(&tonight, &all);
        assert_eq!(names(&list), ["meg", "fran", "bob", "ann"]);
        assert_eq!(list[0].times, 2);
        assert_eq!(list[0].last, "2026-11-04");
        // Bob's last breakfast, not the parkrun he came to since.
        assert_eq!(list[2].last, "2026-10-07");
        assert_eq!(list[2].times, 1);
    }

    #[test]
    fn an_event_without_a_date_counts_and_dates_nothing() {
        let tonight = event("now", "WI evening", "", "", &[]);
        let all = [
            tonight.clone(),
            event("old", "WI evening", "", "", &["ann"]),
        ];
        let list = regulars(&tonight, &all);
        assert_eq!(names(&list), ["ann"]);
        assert_eq!(list[0].last, "");
        assert_eq!(list[0].times, 1);
    }

    #[test]
    fn the_first_of_a_series_has_no_regulars() {
        let tonight = event("now", "Book launch", "", "2026-12-02", &["meg"]);
        let all = [
            tonight.clone(),
            event("x", "Chamber breakfast", "", "", &["bob"]),
        ];
        assert!(regulars(&tonight, &all).is_empty());
    }

    #[test]
    fn recent_series_are_each_latest_meeting_newest_first() {
        let all = [
            event("a", "Chamber breakfast", "", "2026-10-07", &[]),
            event("b", "chamber breakfast", "", "2026-11-04", &[]),
            event("c", "WI evening", "", "2026-11-10", &[]),
            event("d", "Parkrun social", "", "2026-09-01", &[]),
            event("e", "AGM", "WI", "2026-08-01", &[]),
            event("f", "Christmas fair", "WI", "2026-12-05", &[]),
        ];
        let ids = |list: Vec<&Event>| list.iter().map(|e| e.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(ids(recent_series(&all, 3)), ["f", "c", "b"]);
        assert_eq!(ids(recent_series(&all, 10)), ["f", "c", "b", "d"]);
        assert!(recent_series(&all, 0).is_empty());
    }

    #[test]
    fn the_same_meeting_is_the_same_name_on_the_same_day() {
        let all = [
            event("a", "Chamber breakfast", "", "2026-11-04", &[]),
            event("b", "WI evening", "", "", &[]),
        ];
        let found = |name, date| same_meeting(name, date, &all).map(|e| e.id.0.as_str());
        assert_eq!(found(" chamber Breakfast", "2026-11-04"), Some("a"));
        assert_eq!(found("Chamber breakfast", "2026-12-02"), None);
        assert_eq!(found("WI evening", ""), Some("b"));
        assert_eq!(found("WI evening", "2026-11-04"), None);
        assert_eq!(found("", "2026-11-04"), None);
    }

    #[test]
    fn names_read_as_a_line() {
        assert_eq!(name_line(&[], 3), "");
        assert_eq!(name_line(&["Meg"], 3), "Meg");
        assert_eq!(name_line(&["Meg", "Ann"], 3), "Meg and Ann");
        assert_eq!(name_line(&["Meg", "Ann", "Sue"], 3), "Meg, Ann and Sue");
        assert_eq!(
            name_line(&["Meg", "Ann", "Sue", "Bob", "Cy"], 3),
            "Meg, Ann, Sue and 2 more"
        );
        assert_eq!(name_line(&["Meg", "Ann"], 1), "Meg and 1 more");
    }

    proptest! {
        /// Each person met at another meeting of the series is listed once, with the number of
        /// those meetings and the latest of their dates; nobody else is listed.
        #[test]
        fn each_regular_once_with_their_count_and_latest_date(
            meetings in prop::collection::vec(
                (any::<bool>(), 0u8..5, prop::collection::vec(0u8..8, 0..6)),
                0..10,
            )
        ) {
            let tonight = event("tonight", "Chamber breakfast", "", "2026-12-02", &[]);
            let mut all = vec![tonight.clone()];
            for (i, (in_series, day, who)) in meetings.iter().enumerate() {
                let name = if *in_series { "Chamber breakfast" } else { "Parkrun" };
                let date = if *day == 0 { String::new() } else { format!("2026-11-0{day}") };
                let mut who: Vec<String> = who.iter().map(|p| format!("p{p}")).collect();
                who.sort();
                who.dedup();
                let who: Vec<&str> = who.iter().map(String::as_str).collect();
                all.push(event(&format!("e{i}"), name, "", &date, &who));
            }
            let list = regulars(&tonight, &all);
            let series: Vec<&Event> = all[1..].iter().filter(|e| e.name == "Chamber breakfast").collect();
            let mut seen = std::collections::HashSet::new();
            for r in &list {
                prop_assert!(seen.insert(r.person.clone()), "listed twice");
                let at: Vec<&&Event> = series.iter().filter(|e| e.attendees.contains(&r.person)).collect();
                prop_assert_eq!(r.times, at.len());
                let latest = at.iter().map(|e| e.date.clone()).max().unwrap_or_default();
                prop_assert_eq!(&r.last, &latest);
            }
            let everyone: std::collections::HashSet<&PersonId> =
                series.iter().flat_map(|e| e.attendees.iter()).collect();
            prop_assert_eq!(seen.len(), everyone.len());
            for pair in list.windows(2) {
                prop_assert!((pair[0].times, &pair[0].last) >= (pair[1].times, &pair[1].last));
            }
        }
    }
}
