//! What Home reminds me of: follow-ups due or overdue, and slow burners — people I met six
//! months ago or more and have not followed up since, because the client comes years later.

use super::model::{Event, Millis, Person, PersonId};
use crate::core::order;
use std::collections::{BTreeMap, HashMap};

/// A follow-up to show on Home: whose, which one (its index), and its text and date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueFollowUp {
    pub person: PersonId,
    pub name: String,
    pub index: usize,
    pub due: String,
    pub text: String,
    /// Due before today: shown first, and marked "Overdue".
    pub overdue: bool,
}

/// Open follow-ups due on or before `today` (`YYYY-MM-DD`), oldest first.
pub fn due_follow_ups<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    today: &str,
) -> Vec<DueFollowUp> {
    let mut out: Vec<DueFollowUp> = people
        .into_iter()
        .flat_map(|p| {
            p.follow_ups
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.done && !f.due.is_empty() && f.due.as_str() <= today)
                .map(|(index, f)| DueFollowUp {
                    person: p.id.clone(),
                    name: p.name.clone(),
                    index,
                    due: f.due.clone(),
                    text: f.text.clone(),
                    overdue: f.due.as_str() < today,
                })
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        a.due.cmp(&b.due).then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Where a follow-up stands on `today`: what Home and the person page say beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpState {
    Done,
    /// Due before today.
    Overdue,
    /// Due today or later.
    Due,
    /// No date given: nothing to say about when.
    Undated,
}

pub fn follow_up_state(f: &super::model::FollowUp, today: &str) -> FollowUpState {
    if f.done {
        FollowUpState::Done
    } else if super::dates::days_of(&f.due).is_none() {
        FollowUpState::Undated
    } else if f.due.as_str() < today {
        FollowUpState::Overdue
    } else {
        FollowUpState::Due
    }
}

/// Puts a follow-up off by `days`: from its date, or from today when it is overdue or has
/// none, since "remind me next week" about something already late means a week from now.
pub fn snooze(f: &mut super::model::FollowUp, days: i64, today: &str) {
    let from = if super::dates::days_of(&f.due).is_some() && f.due.as_str() > today {
        f.due.clone()
    } else {
        today.to_string()
    };
    if let Some(d) = super::dates::add_days(&from, days) {
        f.due = d;
    }
}

/// `YYYY-MM-DD` of a timestamp (UTC).
pub fn date_of(millis: Millis) -> String {
    super::dates::date_of_days(millis.div_euclid(86_400_000))
}

/// The date `months` months before `date` (`YYYY-MM-DD`), with the day of month capped at 28
/// so it exists in every month (the 31st gives the 28th, a cutoff at most three days early);
/// `None` for a malformed date.
pub fn months_before(date: &str, months: u32) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let total = y * 12 + (m - 1) - i64::from(months);
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    Some(format!("{y:04}-{m:02}-{:02}", d.min(28)))
}

/// When we first met: the earliest of the typed date, the earliest event we were both at, and
/// the day the record was made.
pub fn first_met(person: &Person, earliest_event: Option<&str>) -> String {
    let mut met = date_of(person.created);
    for d in [Some(person.met_on.as_str()), earliest_event]
        .into_iter()
        .flatten()
    {
        if !d.is_empty() && d < met.as_str() {
            met = d.to_string();
        }
    }
    met
}

/// People met at least six months before `today` with no follow-up dated since we met and
/// none still to do, longest-waiting first, at most `limit`. One pass over the events first,
/// so 5,000 people and 100 events cost 5,000 look-ups rather than half a million scans.
pub fn slow_burners<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    events: &BTreeMap<super::model::EventId, Event>,
    today: &str,
    limit: usize,
) -> Vec<(PersonId, String, String)> {
    let Some(cutoff) = months_before(today, 6) else {
        return Vec::new();
    };
    let mut earliest: HashMap<&PersonId, &str> = HashMap::new();
    for e in events.values().filter(|e| !e.date.is_empty()) {
        for id in &e.attendees {
            let d = earliest.entry(id).or_insert(e.date.as_str());
            if e.date.as_str() < *d {
                *d = e.date.as_str();
            }
        }
    }
    let mut out: Vec<(PersonId, String, String)> = people
        .into_iter()
        .filter_map(|p| {
            let met = first_met(p, earliest.get(&p.id).copied());
            // A follow-up dated since we met, or one still to do whatever its date (an undated
            // "lend him the book" is on the Follow-ups page already, not a forgotten person).
            let followed_up = p.follow_ups.iter().any(|f| f.due >= met || !f.done);
            (met.as_str() <= cutoff.as_str() && !followed_up)
                .then(|| (p.id.clone(), p.name.clone(), met))
        })
        .collect();
    order::sort_by(&mut out, |a, b| a.2.cmp(&b.2).then_with(|| a.1.cmp(&b.1)));
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{EventId, FollowUp};

    const DAY: Millis = 86_400_000;

    #[test]
    fn dates_from_timestamps() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(1_767_225_600_000), "2026-01-01");
        assert_eq!(date_of(1_767_225_600_000 - 1), "2025-12-31");
        assert_eq!(date_of(951_782_400_000), "2000-02-29");
    }

    #[test]
    fn six_months_back_wraps_years_and_keeps_dates_valid() {
        assert_eq!(
            months_before("2026-11-26", 6).as_deref(),
            Some("2026-05-26")
        );
        assert_eq!(
            months_before("2026-03-31", 6).as_deref(),
            Some("2025-09-28")
        );
        assert_eq!(months_before("2026-13-01", 6), None);
        assert_eq!(months_before("nonsense", 6), None);
    }

    fn person(id: &str, created: Millis) -> Person {
        Person::new(PersonId(id.into()), id.to_uppercase(), created)
    }

    #[test]
    fn follow_ups_due_today_or_before_and_not_done() {
        let mut a = person("a", 0);
        a.follow_ups = vec![
            FollowUp {
                due: "2026-11-26".into(),
                text: "call".into(),
                done: false,
            },
            FollowUp {
                due: "2026-11-27".into(),
                text: "later".into(),
                done: false,
            },
            FollowUp {
                due: "2026-11-01".into(),
                text: "done".into(),
                done: true,
            },
            FollowUp {
                due: "2026-10-01".into(),
                text: "late".into(),
                done: false,
            },
        ];
        let due = due_follow_ups([&a], "2026-11-26");
        let texts: Vec<_> = due
            .iter()
            .map(|d| (d.text.as_str(), d.index, d.overdue))
            .collect();
        assert_eq!(texts, vec![("late", 3, true), ("call", 0, false)]);
    }

    #[test]
    fn snoozing_counts_from_the_due_date_or_from_today_when_late() {
        let mut f = FollowUp {
            due: "2026-12-10".into(),
            text: "x".into(),
            done: false,
        };
        snooze(&mut f, 1, "2026-11-29");
        assert_eq!(f.due, "2026-12-11");
        f.due = "2026-11-01".into();
        assert_eq!(follow_up_state(&f, "2026-11-29"), FollowUpState::Overdue);
        snooze(&mut f, 7, "2026-11-29");
        assert_eq!(f.due, "2026-12-06");
        assert_eq!(follow_up_state(&f, "2026-11-29"), FollowUpState::Due);
        f.due = String::new();
        assert_eq!(follow_up_state(&f, "2026-11-29"), FollowUpState::Undated);
        snooze(&mut f, 1, "2026-11-29");
        assert_eq!(f.due, "2026-11-30");
        f.done = true;
        assert_eq!(follow_up_state(&f, "2026-11-29"), FollowUpState::Done);
    }

    #[test]
    fn slow_burners_are_old_acquaintances_without_a_follow_up_since() {
        let today = "2026-11-26";
        let jan = 1_767_225_600_000; // 2026-01-01
        let old = person("old", jan);
        let mut followed = person("followed", jan);
        followed.follow_ups.push(FollowUp {
            due: "2026-03-01".into(),
            text: "x".into(),
            done: true,
        });
        let mut promised = person("promised", jan);
        promised
            .follow_ups
            .push(FollowUp::open("", "Lend her the book"));
        let mut long_done = person("long_done", jan);
        long_done.follow_ups.push(FollowUp {
            done: true,
            ..FollowUp::open("", "An old undated one, done")
        });
        let recent = person("recent", jan + 300 * DAY);
        let mut at_old_event = person("evented", jan + 300 * DAY);
        at_old_event.met_on = String::new();
        let mut events = BTreeMap::new();
        let mut e = Event::new(EventId("e".into()), "Old do", "2025-02-01", jan);
        e.attendees.push(at_old_event.id.clone());
        events.insert(e.id.clone(), e);
        let people = [old, followed, recent, at_old_event, promised, long_done];
        let got: Vec<_> = slow_burners(people.iter(), &events, today, 10)
            .into_iter()
            .map(|(id, _, met)| (id.0, met))
            .collect();
        assert_eq!(
            got,
            vec![
                ("evented".to_string(), "2025-02-01".to_string()),
                ("long_done".to_string(), "2026-01-01".to_string()),
                ("old".to_string(), "2026-01-01".to_string())
            ]
        );
    }
}
