//! Everyone as a spreadsheet: one row a person (CSV, RFC 4180), for a mailing list, a CRM or
//! a printout. Text that came from a link or a contacts file is data here too: a cell a
//! spreadsheet would run as a formula is written so that it shows as typed.

use super::interest_key::fold;
use super::model::{Event, EventId, Person, PersonId};
use super::order;
use std::collections::{BTreeMap, HashMap};

pub const COLUMNS: [&str; 11] = [
    "Name",
    "What they do",
    "Interests",
    "Notes",
    "Phone",
    "Email",
    "Web",
    "Social",
    "Met at",
    "Follow-ups to do",
    "Follow-ups done",
];

/// Every person, by name, as CSV: a byte-order mark first (without it Excel reads UTF-8 as
/// another code page and "Siân" comes out as "SiÃ¢n"), lines ended by CR LF.
pub fn people_to_csv<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    events: &BTreeMap<EventId, Event>,
) -> String {
    let mut met: HashMap<&PersonId, Vec<&Event>> = HashMap::new();
    for event in events.values() {
        for id in &event.attendees {
            met.entry(id).or_default().push(event);
        }
    }
    let mut rows: Vec<(String, &Person)> = people.into_iter().map(|p| (fold(&p.name), p)).collect();
    order::sort_by(&mut rows, |a, b| a.0.cmp(&b.0));

    let mut out = String::from("\u{FEFF}");
    write_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for (_, p) in rows {
        let mut at: Vec<&Event> = met.get(&p.id).cloned().unwrap_or_default();
        order::sort_by(&mut at, |a, b| {
            a.date.cmp(&b.date).then(a.name.cmp(&b.name))
        });
        let mut places: Vec<String> = at.iter().map(|e| dated(&e.name, &e.date)).collect();
        if !p.met_where.trim().is_empty() || !p.met_on.is_empty() {
            places.push(dated(p.met_where.trim(), &p.met_on));
        }
        let follow_ups = |done: bool| {
            p.follow_ups
                .iter()
                .filter(|f| f.done == done)
                .map(|f| match f.due.is_empty() {
                    true => f.text.clone(),
                    false => format!("{} (due {})", f.text, f.due),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        write_row(
            &mut out,
            [
                p.name.clone(),
                p.what.clone(),
                p.interests
                    .iter()
                    .map(|i| i.label.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                p.notes.clone(),
                p.contact.phone.clone(),
                p.contact.email.clone(),
                p.contact.web.clone(),
                p.contact.social.clone(),
                places.join("; "),
                follow_ups(false),
                follow_ups(true),
            ]
            .into_iter(),
        );
    }
    out
}

fn dated(what: &str, date: &str) -> String {
    match (what.is_empty(), date.is_empty()) {
        (_, true) => what.to_string(),
        (true, false) => date.to_string(),
        (false, false) => format!("{what} ({date})"),
    }
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// One cell, quoted when it holds a comma, a quote or a line break. A cell starting with what
/// a spreadsheet takes for a formula (`=`, `+`, `-`, `@`, a tab or a carriage return) gets a
/// leading apostrophe, which spreadsheets show as text: a shared map named
/// `=HYPERLINK("http://…")` must not become a live link, and "+44 7700 900123" is a number
/// to dial, not a sum.
fn write_cell(out: &mut String, cell: &str) {
    let guarded = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = guarded || cell.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CategoryId, FollowUp, Interest};
    use proptest::prelude::*;

    /// An RFC 4180 reader, to check what a spreadsheet would see.
    fn read(csv: &str) -> Vec<Vec<String>> {
        let text = csv
            .strip_prefix('\u{FEFF}')
            .expect("a byte-order mark first");
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "rows end with CR LF");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(row.is_empty() && cell.is_empty(), "the last row is ended");
        rows
    }

    fn person(id: &str, name: &str) -> Person {
        Person::new(PersonId(id.into()), name, 1)
    }

    #[test]
    fn one_row_a_person_by_name_with_their_meetings_and_follow_ups() {
        let mut meg = person("m", "Meg O'Brien");
        meg.what = "Garden designer".into();
        meg.interests = vec![
            Interest::new("Running", CategoryId::new("sport")),
            Interest::new("Dahlias, mostly", CategoryId::new("hobbies")),
        ];
        meg.notes = "Daughter at St Mary's.\nWants help with \"VAT\".".into();
        meg.contact.phone = "+44 7700 900123".into();
        meg.contact.email = "meg@example.org".into();
        meg.follow_ups = vec![
            FollowUp::open("2026-12-03", "Send the course link"),
            FollowUp {
                due: String::new(),
                text: "Lend her the book".into(),
                done: true,
            },
        ];
        meg.met_where = "School gate".into();
        let mut ann = person("a", "ann smith");
        ann.interests = vec![Interest::new("Choir", CategoryId::new("hobbies"))];
        let mut chamber = Event::new(EventId("c".into()), "Chamber breakfast", "2026-11-03", 1);
        chamber.attendees = vec![meg.id.clone()];
        let mut wi = Event::new(EventId("w".into()), "WI social", "2026-10-01", 1);
        wi.attendees = vec![meg.id.clone(), ann.id.clone()];
        let events = BTreeMap::from([(chamber.id.clone(), chamber), (wi.id.clone(), wi)]);

        let rows = read(&people_to_csv([&meg, &ann], &events));
        assert_eq!(rows[0], COLUMNS);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][0], "ann smith", "by name, whatever the case");
        assert_eq!(rows[1][8], "WI social (2026-10-01)");
        let meg_row = &rows[2];
        assert_eq!(meg_row.len(), COLUMNS.len());
        assert_eq!(meg_row[2], "Running; Dahlias, mostly");
        assert_eq!(
            meg_row[3],
            "Daughter at St Mary's.\nWants help with \"VAT\"."
        );
        assert_eq!(meg_row[4], "'+44 7700 900123");
        assert_eq!(meg_row[5], "meg@example.org");
        assert_eq!(
            meg_row[8],
            "WI social (2026-10-01); Chamber breakfast (2026-11-03); School gate"
        );
        assert_eq!(meg_row[9], "Send the course link (due 2026-12-03)");
        assert_eq!(meg_row[10], "Lend her the book");
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_shows_as_typed() {
        let mut p = person("x", "=HYPERLINK(\"http://evil.example\",\"Click\")");
        p.what = "@SUM(A1)".into();
        p.notes = "-2+3".into();
        let csv = people_to_csv([&p], &BTreeMap::new());
        let row = &read(&csv)[1];
        assert_eq!(row[0], "'=HYPERLINK(\"http://evil.example\",\"Click\")");
        assert_eq!(row[1], "'@SUM(A1)");
        assert_eq!(row[3], "'-2+3");
        assert!(csv.starts_with('\u{FEFF}'));
        // Nobody yet: the header alone.
        assert_eq!(read(&people_to_csv([], &BTreeMap::new())), vec![COLUMNS]);
    }

    proptest! {
        #[test]
        fn any_text_comes_back_cell_for_cell(
            name in "\\PC{0,20}",
            notes in "[a-z ,\"\r\n=+@-]{0,30}",
            what in "\\PC{0,20}",
        ) {
            let mut p = person("x", &name);
            p.notes = notes.clone();
            p.what = what.clone();
            let rows = read(&people_to_csv([&p], &BTreeMap::new()));
            prop_assert_eq!(rows.len(), 2);
            prop_assert_eq!(rows[1].len(), COLUMNS.len());
            let shown = |typed: &str, cell: &str| match typed.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                true => cell == format!("'{typed}"),
                false => cell == typed,
            };
            prop_assert!(shown(&name, &rows[1][0]), "{:?} became {:?}", name, rows[1][0]);
            prop_assert!(shown(&what, &rows[1][1]));
            prop_assert!(shown(&notes, &rows[1][3]));
        }
    }
}
