//! Notes added to a person over the years, each line dated: networking is a slow burner, and
//! "her daughter starts at St Mary's in September" means little without knowing which year it
//! was written.

use super::dates::days_of;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "30 Nov 2026": a date with its year, as a note keeps it (a note is read years later).
pub fn note_date(date: &str) -> Option<String> {
    days_of(date)?;
    let (y, rest) = date.trim().split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let month = MONTHS[m.parse::<usize>().ok()?.checked_sub(1)?];
    let day: u32 = d.parse().ok()?;
    Some(format!("{day} {month} {y}"))
}

/// `notes` with `text` added on a line of its own, after the date it was written (`today`,
/// YYYY-MM-DD). `None` when there is nothing to add. The notes before are kept as they are,
/// but for trailing blank lines.
pub fn with_dated_note(notes: &str, today: &str, text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let line = match note_date(today) {
        Some(date) => format!("{date}: {text}"),
        None => text.to_string(),
    };
    let before = notes.trim_end();
    Some(if before.is_empty() {
        line
    } else {
        format!("{before}\n{line}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_note_is_added_on_its_own_line_after_its_date() {
        assert_eq!(note_date("2026-11-30"), Some("30 Nov 2026".into()));
        assert_eq!(note_date("2027-01-05"), Some("5 Jan 2027".into()));
        assert_eq!(note_date("someday"), None);
        assert_eq!(
            with_dated_note("", "2026-11-30", "  Daughter starts at St Mary's  "),
            Some("30 Nov 2026: Daughter starts at St Mary's".into())
        );
        assert_eq!(
            with_dated_note(
                "Met at the WI.\n\n",
                "2027-03-02",
                "Runs the Saturday parkrun"
            ),
            Some("Met at the WI.\n2 Mar 2027: Runs the Saturday parkrun".into())
        );
        assert_eq!(with_dated_note("Kept", "2026-11-30", " \n "), None);
        // A clock that gives no date still adds the note.
        assert_eq!(with_dated_note("", "", "Tea"), Some("Tea".into()));
    }

    proptest! {
        #[test]
        fn the_notes_before_are_kept_and_the_note_ends_them(
            notes in "\\PC{0,80}",
            text in "\\PC{1,40}",
        ) {
            prop_assume!(!text.trim().is_empty());
            let added = with_dated_note(&notes, "2026-11-30", &text).unwrap();
            prop_assert!(added.starts_with(notes.trim_end()));
            prop_assert!(added.ends_with(text.trim()));
        }
    }
}
