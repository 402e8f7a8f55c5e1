//! Which event I am at now: the one marked current, until I end it or its day is over, so
//! people added days later are never filed under last week's meeting.

use super::document::Settings;
use super::model::{Event, EventId};
use std::collections::BTreeMap;

/// Whether an event's day is over on `today` (both `YYYY-MM-DD`). An event without a date
/// never ends by itself; a date that is not a date is left alone rather than guessed at.
pub fn is_over(event: &Event, today: &str) -> bool {
    is_date(&event.date) && is_date(today) && event.date.as_str() < today
}

/// Whether an event has begun on `today`: its day has come, or it has no date to say it has
/// not. Takeaways are asked for only then: a meeting next week has none yet.
pub fn has_begun(event: &Event, today: &str) -> bool {
    !(is_date(&event.date) && is_date(today) && event.date.as_str() > today)
}

/// Whether making or adding to this event means I am there now, so it should become the
/// current event: its day is today, or it has no date. Noting next week's meeting while at
/// this one must not file the people I meet tonight under next week's.
pub fn is_on(event: &Event, today: &str) -> bool {
    has_begun(event, today) && !is_over(event, today)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The current event on `today`: the one marked current, if it still exists and its day is
/// not over.
pub fn current_event<'a>(
    settings: &Settings,
    events: &'a BTreeMap<EventId, Event>,
    today: &str,
) -> Option<&'a Event> {
    let id = settings.current_event.as_ref()?;
    events.get(id).filter(|e| !is_over(e, today))
}

/// The events dated `today`, by name: with none marked current, Home offers each as the one I
/// am at, so a meeting noted last week files tonight's people under it with one tap.
pub fn dated_today<'a>(events: &'a BTreeMap<EventId, Event>, today: &str) -> Vec<&'a Event> {
    let mut list: Vec<&Event> = events
        .values()
        .filter(|e| is_date(today) && e.date == today)
        .collect();
    crate::core::order::sort_by(&mut list, |a, b| a.name.cmp(&b.name));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(date: &str) -> BTreeMap<EventId, Event> {
        let e = Event::new(EventId("e1".into()), "WI evening", date, 1);
        BTreeMap::from([(e.id.clone(), e)])
    }

    fn marked() -> Settings {
        Settings {
            current_event: Some(EventId("e1".into())),
            ..Settings::default()
        }
    }

    #[test]
    fn an_event_is_current_through_its_own_day_and_not_after() {
        let e = events("2026-11-03");
        assert!(current_event(&marked(), &e, "2026-11-02").is_some());
        assert!(current_event(&marked(), &e, "2026-11-03").is_some());
        assert!(current_event(&marked(), &e, "2026-11-04").is_none());
        assert!(current_event(&marked(), &e, "2027-01-01").is_none());
    }

    #[test]
    fn only_an_event_of_today_or_without_a_date_is_on_now() {
        let on = |date: &str| is_on(&events(date)[&EventId("e1".into())], "2026-11-03");
        assert!(on("2026-11-03"));
        assert!(on(""));
        assert!(!on("2026-11-04"));
        assert!(!on("2026-12-25"));
        assert!(!on("2026-11-02"));
    }

    #[test]
    fn an_ended_or_missing_event_is_not_current() {
        let e = events("2026-11-03");
        assert!(current_event(&Settings::default(), &e, "2026-11-03").is_none());
        let gone = Settings {
            current_event: Some(EventId("deleted".into())),
            ..Settings::default()
        };
        assert!(current_event(&gone, &e, "2026-11-03").is_none());
    }

    #[test]
    fn an_undated_event_stays_current_until_ended() {
        assert!(current_event(&marked(), &events(""), "2030-01-01").is_some());
        assert!(current_event(&marked(), &events("soon"), "2030-01-01").is_some());
        assert!(!is_over(
            &events("2026-11-03")[&EventId("e1".into())],
            "not a day"
        ));
    }

    #[test]
    fn an_event_has_begun_on_its_day_and_after_and_when_undated() {
        let e = |date: &str| Event::new(EventId("e1".into()), "WI evening", date, 1);
        assert!(!has_begun(&e("2026-11-04"), "2026-11-03"));
        assert!(has_begun(&e("2026-11-03"), "2026-11-03"));
        assert!(has_begun(&e("2026-10-01"), "2026-11-03"));
        assert!(has_begun(&e(""), "2026-11-03"));
        assert!(has_begun(&e("next Tuesday"), "2026-11-03"));
    }

    #[test]
    fn dated_today_lists_only_todays_events_by_name() {
        let mut all = BTreeMap::new();
        for (id, name, date) in [
            ("a", "Parkrun social", "2026-12-01"),
            ("b", "Book club", "2026-12-01"),
            ("c", "Chamber breakfast", "2026-11-30"),
            ("d", "WI evening", ""),
        ] {
            all.insert(
                EventId(id.into()),
                Event::new(EventId(id.into()), name, date, 1),
            );
        }
        let names: Vec<&str> = dated_today(&all, "2026-12-01")
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, ["Book club", "Parkrun social"]);
        assert!(dated_today(&all, "").is_empty());
    }
}
