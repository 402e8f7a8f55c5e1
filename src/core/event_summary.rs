//! An event as plain text to paste or send: what it was, who I met there and what they do, what
//! I owe them, my notes and takeaways — the report a colleague asks for the morning after, or
//! the entry for a CRM. Contact details stay out: they are the people's, not the meeting's.

use super::model::{Event, Person};

/// The summary of `event`, its day already in words ("Tue 1 Dec"), with `met` in the order
/// they are listed, then what I still owe them (`say_date` puts a due date in words).
pub fn event_summary(
    event: &Event,
    day: &str,
    met: &[&Person],
    say_date: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    out.push_str(event.name.trim());
    out.push('\n');
    let line: Vec<&str> = [day, event.place.trim(), event.group.trim()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !line.is_empty() {
        out.push_str(&line.join(" · "));
        out.push('\n');
    }
    if !event.purpose.trim().is_empty() {
        out.push_str(&format!("Purpose: {}\n", event.purpose.trim()));
    }
    if !met.is_empty() {
        out.push_str(&format!("\nPeople I met ({}):\n", met.len()));
        for person in met {
            let what = person.what.trim();
            if what.is_empty() {
                out.push_str(&format!("- {}\n", person.name.trim()));
            } else {
                out.push_str(&format!("- {} — {what}\n", person.name.trim()));
            }
        }
    }
    let owed: Vec<String> = met
        .iter()
        .flat_map(|p| {
            p.follow_ups.iter().filter(|f| !f.done).map(move |f| {
                let due = if f.due.trim().is_empty() {
                    String::new()
                } else {
                    format!(" (due {})", say_date(&f.due))
                };
                format!("- {}: {}{due}", p.name.trim(), f.text.trim())
            })
        })
        .collect();
    if !owed.is_empty() {
        out.push_str("\nFollow-ups:\n");
        for line in owed {
            out.push_str(&line);
            out.push('\n');
        }
    }
    for (heading, text) in [("Notes", &event.notes), ("Takeaways", &event.takeaways)] {
        if !text.trim().is_empty() {
            out.push_str(&format!("\n{heading}:\n{}\n", text.trim()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{EventId, FollowUp, PersonId};

    fn person(name: &str, what: &str) -> Person {
        let mut p = Person::new(PersonId(name.into()), name, 1);
        p.what = what.into();
        p.contact.phone = "+44 7700 900123".into();
        p
    }

    #[test]
    fn a_full_event_reads_as_a_report() {
        let mut e = Event::new(EventId("e".into()), "Chamber breakfast", "2026-12-01", 1);
        e.place = "Town hall".into();
        e.group = "Chamber of Commerce".into();
        e.purpose = "Local business networking".into();
        e.notes = "Coffee was cold.".into();
        e.takeaways = "Raj needs a bookkeeper.\nAsk Ola about Polish clients.".into();
        let mut raj = person("Raj Patel", "Runs a bike repair shop");
        raj.follow_ups = vec![
            FollowUp::open("2026-12-04", "Send the bookkeeping guide"),
            FollowUp {
                done: true,
                ..FollowUp::open("", "Done already")
            },
        ];
        let mut ola = person("Ola Nowak", "");
        ola.follow_ups = vec![FollowUp::open("", "Lend her the book")];
        let words = |d: &str| format!("<{d}>");
        assert_eq!(
            event_summary(&e, "Tue 1 Dec", &[&raj, &ola], &words),
            "Chamber breakfast\n\
             Tue 1 Dec · Town hall · Chamber of Commerce\n\
             Purpose: Local business networking\n\
             \n\
             People I met (2):\n\
             - Raj Patel — Runs a bike repair shop\n\
             - Ola Nowak\n\
             \n\
             Follow-ups:\n\
             - Raj Patel: Send the bookkeeping guide (due <2026-12-04>)\n\
             - Ola Nowak: Lend her the book\n\
             \n\
             Notes:\n\
             Coffee was cold.\n\
             \n\
             Takeaways:\n\
             Raj needs a bookkeeper.\n\
             Ask Ola about Polish clients.\n"
        );
    }

    #[test]
    fn an_empty_event_is_its_name_and_contacts_never_travel() {
        let e = Event::new(EventId("e".into()), "WI evening", "", 1);
        let words = |d: &str| d.to_string();
        assert_eq!(event_summary(&e, "", &[], &words), "WI evening\n");
        let meg = person("Meg", "Florist");
        let text = event_summary(&e, "", &[&meg], &words);
        assert!(text.contains("- Meg — Florist\n"));
        assert!(!text.contains("7700"));
    }
}
