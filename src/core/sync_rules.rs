//! Rules that keep the stored data whole over time: two tabs saving the same record, how full
//! local storage may get, when to remind the user to make a backup, and when a hint quieted by
//! "Not now" (Safari may erase the notebook; install the app) shows again.
//!
//! Pure functions only; the storage shell (`store::state`, `store::sync`, `store::usage`)
//! applies them.

use super::dates::{add_days, days_of};
use super::model::{EventId, Millis, Person, PersonId};
use super::plural::count;
use super::records::{CATEGORIES_KEY, EVENT_PREFIX, ME_KEY, PERSON_PREFIX, SETTINGS_KEY};

/// What to do with a record this tab is about to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Write it, stamped with this `updated` time.
    Write { updated: Millis },
    /// Another tab stored a newer version this tab has not seen: keep that one, do not write.
    KeepStored,
}

/// The rule for one record saved while another tab may have written it too: **the newer edit
/// wins, per record**, where "newer" is the `updated` stamp.
///
/// - `base` is this tab's copy before the edit, `stored` what storage holds now, `saving` the
///   stamp of the edit being saved.
/// - A stored version this tab already knows (equal to `base`) is always replaced: the user
///   edited what they saw. The stamp is raised above the stored one if need be (a record can
///   carry a future stamp from a device whose clock runs fast), so stamps only ever go up.
/// - A stored version this tab has not seen (its `storage` event has not arrived yet) is
///   replaced only when the edit is newer; otherwise it is kept, and the caller says so.
/// - Different records never interact: each is decided on its own.
pub fn decide_save<T: PartialEq>(
    base: Option<&T>,
    stored: Option<&T>,
    saving: Millis,
    updated: impl Fn(&T) -> Millis,
) -> SaveDecision {
    match stored {
        None => SaveDecision::Write { updated: saving },
        Some(s) if Some(s) == base => SaveDecision::Write {
            updated: saving.max(updated(s).saturating_add(1)),
        },
        Some(s) if updated(s) > saving => SaveDecision::KeepStored,
        Some(_) => SaveDecision::Write { updated: saving },
    }
}

/// Which record a storage key holds, for applying another tab's change to just that record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordKey {
    Person(PersonId),
    Event(EventId),
    Me,
    Categories,
    Settings,
    /// Not a record (the schema number, quarantine, another app's key).
    Other,
}

pub fn record_key(key: &str) -> RecordKey {
    if let Some(id) = key.strip_prefix(PERSON_PREFIX) {
        RecordKey::Person(PersonId(id.to_string()))
    } else if let Some(id) = key.strip_prefix(EVENT_PREFIX) {
        RecordKey::Event(EventId(id.to_string()))
    } else {
        match key {
            ME_KEY => RecordKey::Me,
            CATEGORIES_KEY => RecordKey::Categories,
            SETTINGS_KEY => RecordKey::Settings,
            _ => RecordKey::Other,
        }
    }
}

/// The local storage budget, in UTF-16 code units of keys plus values: 5 MiB of characters.
/// It is what PRODUCT.md designs for, and it is also the real per-origin limit of Chromium
/// (measured: 5,242,880 code units fit, ASCII or not), Firefox and Safari, which all count
/// characters, not bytes. `navigator.storage.estimate()` does not cover local storage, so
/// this figure cannot be asked of the browser.
pub const LOCAL_QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// Warn when local storage is this full (percent of [`LOCAL_QUOTA_CHARS`]).
pub const NEAR_FULL_PERCENT: usize = 80;

/// What one entry costs against the quota: browsers count UTF-16 code units.
pub fn entry_chars(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

pub fn near_full(used_chars: usize) -> bool {
    used_chars.saturating_mul(100) > LOCAL_QUOTA_CHARS.saturating_mul(NEAR_FULL_PERCENT)
}

/// Remind after this long without a backup.
pub const REMIND_AFTER_DAYS: i64 = 30;
/// Or after this many people were added since the last one.
pub const REMIND_AFTER_PEOPLE: usize = 20;
const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// Why a backup would be a good idea now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Whole days since the last backup (or since the oldest person, if never).
    pub days: i64,
    /// People created after the last backup (all of them, if never).
    pub new_people: usize,
    pub never: bool,
}

impl Reminder {
    pub fn text(&self) -> String {
        let what = if self.never {
            // Every person saved is new, and "since" would have no start.
            format!(
                "You have {} saved and no backup yet",
                count(self.new_people, "person", "people")
            )
        } else {
            let days = format!(
                "Your last backup was {} ago",
                count(self.days.max(0) as usize, "day", "days")
            );
            match self.new_people {
                0 => days,
                1 => format!("{days} and 1 person was added since"),
                n => format!("{days} and {n} people were added since"),
            }
        };
        format!(
            "{what}. Everything lives only in this browser: \"Export backup\" in Settings keeps a copy safe."
        )
    }
}

/// A gentle reminder after [`REMIND_AFTER_DAYS`] days or [`REMIND_AFTER_PEOPLE`] new people
/// since the last backup. "New" is counted by creation time, so people that came from a
/// backup (keeping their old creation time) do not count, and deleting someone does not hide
/// a new one. Never backed up: the clock starts with the oldest person, so an empty app
/// never nags.
pub fn backup_reminder<'a>(
    last_backup: Option<Millis>,
    now: Millis,
    people: impl IntoIterator<Item = &'a Person>,
) -> Option<Reminder> {
    let mut new_people = 0;
    let mut oldest: Option<Millis> = None;
    for p in people {
        if last_backup.is_none_or(|t| p.created > t) {
            new_people += 1;
        }
        oldest = Some(oldest.map_or(p.created, |o| o.min(p.created)));
    }
    let since = last_backup.or(oldest)?;
    let days = now.saturating_sub(since) / DAY_MS;
    (days >= REMIND_AFTER_DAYS || new_people >= REMIND_AFTER_PEOPLE).then_some(Reminder {
        days,
        new_people,
        never: last_backup.is_none(),
    })
}

/// How long "Not now" quiets a hint on Home (Safari may erase the notebook; the browser offers
/// to install the app): as long as the backup reminder waits, so the nudges keep one rhythm.
pub const HINT_QUIET_DAYS: i64 = REMIND_AFTER_DAYS;

/// The day (`YYYY-MM-DD`) until which "Not now", tapped on `today`, hides a hint.
pub fn hint_hidden_until(today: &str) -> Option<String> {
    add_days(today, HINT_QUIET_DAYS)
}

/// Where the hints' flags are kept (`ui::hints`): outside the records, so backups never carry
/// them, and the app's own, so erasing the notebook takes them too.
pub const HINT_PREFIX: &str = "cg-hint.";

/// Whether a hint shows on `today`, given the day its "Not now" stored, if any. A day that
/// cannot be read, or that is further ahead than "Not now" can set (a clock that was wrong
/// then), shows it: a warning about losing data should not stay hidden by mistake.
pub fn hint_due(hidden_until: Option<&str>, today: &str) -> bool {
    let (Some(until), Some(today)) = (hidden_until.and_then(days_of), days_of(today)) else {
        return true;
    };
    today >= until || until - today > HINT_QUIET_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Settings;

    fn p(id: &str, created: Millis, updated: Millis) -> Person {
        let mut p = Person::new(PersonId(id.into()), id, created);
        p.updated = updated;
        p
    }

    fn stamp(p: &Person) -> Millis {
        p.updated
    }

    #[test]
    fn a_record_nobody_stored_is_written_as_is() {
        let mine = p("a", 1, 10);
        assert_eq!(
            decide_save(None, None, 10, stamp),
            SaveDecision::Write { updated: 10 }
        );
        assert_eq!(
            decide_save(Some(&mine), None, 12, stamp),
            SaveDecision::Write { updated: 12 }
        );
    }

    #[test]
    fn editing_what_this_tab_saw_always_writes_and_stamps_only_go_up() {
        let seen = p("a", 1, 10);
        assert_eq!(
            decide_save(Some(&seen), Some(&seen), 20, stamp),
            SaveDecision::Write { updated: 20 }
        );
        // A stamp from a fast clock elsewhere: the edit still wins and is stamped after it.
        let future = p("a", 1, 1_000);
        assert_eq!(
            decide_save(Some(&future), Some(&future), 20, stamp),
            SaveDecision::Write { updated: 1_001 }
        );
    }

    #[test]
    fn an_unseen_version_from_another_tab_is_kept_only_when_it_is_newer() {
        let seen = p("a", 1, 10);
        let mut other_tab = p("a", 1, 30);
        other_tab.notes = "written in the other tab".into();
        assert_eq!(
            decide_save(Some(&seen), Some(&other_tab), 25, stamp),
            SaveDecision::KeepStored
        );
        assert_eq!(
            decide_save(Some(&seen), Some(&other_tab), 31, stamp),
            SaveDecision::Write { updated: 31 }
        );
        // A tie goes to the edit being made: it is the user's latest action.
        assert_eq!(
            decide_save(Some(&seen), Some(&other_tab), 30, stamp),
            SaveDecision::Write { updated: 30 }
        );
        // Someone this tab never had, saved meanwhile by the other tab.
        assert_eq!(
            decide_save(None, Some(&other_tab), 25, stamp),
            SaveDecision::KeepStored
        );
    }

    #[test]
    fn storage_keys_name_their_record() {
        assert_eq!(
            record_key("cg.p.abc"),
            RecordKey::Person(PersonId("abc".into()))
        );
        assert_eq!(
            record_key("cg.e.e1"),
            RecordKey::Event(EventId("e1".into()))
        );
        assert_eq!(record_key("cg.me"), RecordKey::Me);
        assert_eq!(record_key("cg.categories"), RecordKey::Categories);
        assert_eq!(record_key("cg.settings"), RecordKey::Settings);
        for other in ["cg.schema", "cg.quarantine.cg.p.x", "filler.1", "cg.pe"] {
            assert_eq!(record_key(other), RecordKey::Other, "{other}");
        }
    }

    #[test]
    fn usage_is_counted_in_utf16_units_and_warns_past_80_percent() {
        assert_eq!(entry_chars("ab", "cd"), 4);
        assert_eq!(entry_chars("k", "é😀"), 4);
        assert!(!near_full(LOCAL_QUOTA_CHARS * 8 / 10));
        assert!(near_full(LOCAL_QUOTA_CHARS * 8 / 10 + 1));
        assert!(!near_full(0));
    }

    #[test]
    fn the_backup_reminder_waits_for_30_days_or_20_new_people() {
        let now = 100 * DAY_MS;
        let few: Vec<Person> = (0..3)
            .map(|i| p(&format!("p{i}"), now - DAY_MS, now))
            .collect();
        assert_eq!(backup_reminder(None, now, &[]), None);
        assert_eq!(backup_reminder(None, now, &few), None);
        assert_eq!(backup_reminder(Some(now - 29 * DAY_MS), now, &few), None);
        let due = backup_reminder(Some(now - 31 * DAY_MS), now, &few).unwrap();
        assert_eq!(due.days, 31);
        assert_eq!(due.new_people, 3);
        assert!(due
            .text()
            .contains("31 days ago and 3 people were added since"));
        let one = Reminder {
            days: 1,
            new_people: 1,
            never: false,
        };
        assert!(one
            .text()
            .starts_with("Your last backup was 1 day ago and 1 person was added since."));

        let mut many: Vec<Person> = (0..19)
            .map(|i| p(&format!("n{i}"), now - DAY_MS, now))
            .collect();
        // Someone from before the backup does not count as new.
        many.push(p("old", now - 20 * DAY_MS, now));
        let backup = Some(now - 2 * DAY_MS);
        assert_eq!(backup_reminder(backup, now, &many), None);
        many.push(p("n19", now - DAY_MS, now));
        assert_eq!(
            backup_reminder(backup, now, &many).map(|r| r.new_people),
            Some(20)
        );

        // Never backed up: counted from the oldest person.
        let old = vec![p("a", now - 40 * DAY_MS, now)];
        let never = backup_reminder(None, now, &old).unwrap();
        assert!(never.never && never.days == 40);
        assert!(never
            .text()
            .starts_with("You have 1 person saved and no backup yet. Everything"));
    }

    #[test]
    fn settings_stored_before_the_backup_date_existed_still_load() {
        let old: Settings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(old.last_backup, None);
        let with: Settings = serde_json::from_str(r#"{"last_backup":5}"#).unwrap();
        assert_eq!(with.last_backup, Some(5));
    }

    #[test]
    fn a_hint_shows_until_not_now_then_again_after_the_quiet_days() {
        assert!(hint_due(None, "2026-11-30"));
        let until = hint_hidden_until("2026-11-30").unwrap();
        assert_eq!(until, "2026-12-30");
        assert!(!hint_due(Some(&until), "2026-11-30"));
        assert!(!hint_due(Some(&until), "2026-12-29"));
        assert!(hint_due(Some(&until), "2026-12-30"));
        assert!(hint_due(Some(&until), "2027-03-01"));
    }

    #[test]
    fn a_hint_is_not_hidden_by_a_bad_or_far_off_day() {
        assert!(hint_due(Some("soon"), "2026-11-30"));
        assert!(hint_due(Some("2026-02-30"), "2026-11-30"));
        // Stored while the clock was a year ahead.
        assert!(hint_due(Some("2027-12-30"), "2026-11-30"));
        // A today that cannot be read (no clock) shows it too.
        assert!(hint_due(Some("2026-12-30"), ""));
    }
}
