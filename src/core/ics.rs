//! Follow-ups, or a meeting to come, as an iCalendar file (RFC 5545) a phone's calendar app
//! imports: one all-day event per open follow-up, titled with its text and the person's name;
//! a meeting as itself, with its place.

use super::dates::{add_days, days_of, minutes_of};
use super::model::{Event, Millis, Person};
use crate::core::order;

/// One calendar entry: a follow-up with a date, whose person and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    /// Unique and stable across exports, so importing the file twice updates rather than
    /// duplicates (`UID`).
    pub uid: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub summary: String,
    pub description: String,
    /// Where, for a meeting; empty for a follow-up.
    pub location: String,
    /// When a meeting starts (`HH:MM`, local time); empty for all day.
    pub time: String,
}

/// The open, dated follow-ups of `people`, in date order. Undated ones have no place on a
/// calendar, so they stay in the app.
pub fn calendar_entries<'a>(people: impl IntoIterator<Item = &'a Person>) -> Vec<CalendarEntry> {
    let mut out: Vec<CalendarEntry> = people
        .into_iter()
        .flat_map(|p| {
            p.follow_ups
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.done && days_of(&f.due).is_some())
                .map(move |(i, f)| CalendarEntry {
                    uid: format!("{}-{}-{}@common-ground", p.id.0, i, f.due),
                    date: f.due.clone(),
                    summary: format!("{} ({})", f.text, p.name),
                    description: format!("Follow-up with {}: {}", p.name, f.text),
                    location: String::new(),
                    time: String::new(),
                })
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.summary.cmp(&b.summary))
    });
    out
}

/// A meeting as a calendar entry, all day on its date (the app keeps no time of day); `None`
/// without a date. Its purpose and club are the description, so the reminder says why I go.
pub fn event_entry(event: &Event) -> Option<CalendarEntry> {
    days_of(&event.date)?;
    let mut about = Vec::new();
    if !event.purpose.trim().is_empty() {
        about.push(format!("Purpose: {}", event.purpose.trim()));
    }
    if !event.group.trim().is_empty() {
        about.push(event.group.trim().to_string());
    }
    Some(CalendarEntry {
        uid: format!("event-{}@common-ground", event.id.0),
        date: event.date.clone(),
        summary: event.name.trim().to_string(),
        description: about.join("\n"),
        location: event.place.trim().to_string(),
        time: event.time.clone(),
    })
}

/// The whole file: CRLF line ends, long lines folded, text escaped.
pub fn calendar(entries: &[CalendarEntry], now: Millis) -> String {
    let stamp = utc_stamp(now);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Common Ground//Follow-ups//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    for e in entries {
        let day = e.date.replace('-', "");
        // A meeting with a time starts then, in the phone's own time zone (a "floating" time:
        // the app keeps no zone), and is given two hours; anything else is all day.
        let (start, end) = match minutes_of(&e.time) {
            Some(m) => (
                format!("DTSTART:{day}T{:02}{:02}00", m / 60, m % 60),
                "DURATION:PT2H".to_string(),
            ),
            None => {
                let next = add_days(&e.date, 1).unwrap_or_else(|| e.date.clone());
                (
                    format!("DTSTART;VALUE=DATE:{day}"),
                    format!("DTEND;VALUE=DATE:{}", next.replace('-', "")),
                )
            }
        };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&e.uid)),
            format!("DTSTAMP:{stamp}"),
            start,
            end,
            format!("SUMMARY:{}", escape(&e.summary)),
            format!("DESCRIPTION:{}", escape(&e.description)),
        ]);
        if !e.location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&e.location)));
        }
        lines.extend(["END:VEVENT".to_string()]);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    }
    out
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1): CRLF and one space before each
/// continuation, never splitting a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

/// `YYYYMMDDTHHMMSSZ` of a timestamp.
fn utc_stamp(millis: Millis) -> String {
    let secs = millis.div_euclid(1000);
    let date = super::dates::date_of_days(secs.div_euclid(86_400)).replace('-', "");
    let s = secs.rem_euclid(86_400);
    format!("{date}T{:02}{:02}{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{FollowUp, PersonId};

    #[test]
    fn one_event_per_open_dated_follow_up() {
        let mut p = Person::new(PersonId("p1".into()), "Priya Shah", 0);
        p.follow_ups = vec![
            FollowUp::open("2026-12-01", "Send the quote; call back, then lunch"),
            FollowUp {
                done: true,
                ..FollowUp::open("2026-11-01", "Old")
            },
            FollowUp::open("", "Whenever"),
            FollowUp::open("2026-11-30", "Email"),
        ];
        let entries = calendar_entries([&p]);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].date, "2026-11-30");
        let ics = calendar(&entries, 1_764_374_400_000); // 2025-11-29T00:00:00Z
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert!(ics.contains("DTSTART;VALUE=DATE:20261201\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20261202\r\n"));
        assert!(ics.contains("DTSTAMP:20251129T000000Z\r\n"));
        assert!(ics.contains("UID:p1-0-2026-12-01@common-ground\r\n"));
        assert!(ics.contains("SUMMARY:Send the quote\\; call back\\, then lunch (Priya Shah)"));
        // Every line ends in CRLF; no bare LF anywhere.
        assert!(!ics.replace("\r\n", "").contains('\n'));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
    }

    #[test]
    fn a_meeting_is_one_all_day_entry_with_its_place_and_purpose() {
        use crate::core::model::EventId;
        let mut e = Event::new(EventId("ev1".into()), "Parkrun social", "2026-12-11", 0);
        e.place = "The park café, Mill Lane".into();
        e.purpose = "Meet the new volunteers".into();
        e.group = "Parkrun".into();
        let entry = event_entry(&e).unwrap();
        let ics = calendar(&[entry], 1_764_374_400_000);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("UID:event-ev1@common-ground\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261211\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20261212\r\n"));
        assert!(ics.contains("SUMMARY:Parkrun social\r\n"));
        assert!(ics.contains("DESCRIPTION:Purpose: Meet the new volunteers\\nParkrun\r\n"));
        assert!(ics.contains("LOCATION:The park café\\, Mill Lane\r\n"));
        // With a time, it starts then and lasts two hours.
        e.time = "07:30".into();
        let timed = calendar(&[event_entry(&e).unwrap()], 0);
        assert!(timed.contains("DTSTART:20261211T073000\r\nDURATION:PT2H\r\n"));
        assert!(!timed.contains("VALUE=DATE"));
        // A meeting with no date has no place on a calendar; a follow-up has no LOCATION.
        assert!(event_entry(&Event::new(EventId("x".into()), "WI", "", 0)).is_none());
        let mut p = Person::new(PersonId("p1".into()), "Priya", 0);
        p.follow_ups = vec![FollowUp::open("2026-12-01", "Call")];
        assert!(!calendar(&calendar_entries([&p]), 0).contains("LOCATION"));
    }

    #[test]
    fn escaping_covers_the_special_characters() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape("tab\there"), "tabhere");
    }

    #[test]
    fn folding_keeps_octets_under_75_and_unfolds_to_the_original() {
        let long = format!("SUMMARY:{}", "Café crème ☕ ".repeat(20));
        let folded = fold(&long);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
        assert_eq!(fold("SHORT:x"), "SHORT:x");
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), exact);
        assert_eq!(fold(&"X".repeat(76)), format!("{}\r\n X", "X".repeat(75)));
    }
}
