//! Native tests of the storage shell over the in-memory backend.
//!
//! `AppState` runs inside a Leptos owner (signals work natively); the record codec is linked
//! in natively (see `record_chunk::get`).

use super::backend::{Backend, Memory, WriteError};
use super::state::{AppState, Persistence};
use super::{drafts, NoticeKind};
use crate::core::backup::{parse_backup, to_backup_json};
use crate::core::document::Document;
use crate::core::draft::{EventDraftData, EVENT_KEY};
use crate::core::model::{Event, EventId, Person, PersonId};
use crate::core::records::{Schema, Step};
use crate::core::sync_rules::{entry_chars, LOCAL_QUOTA_CHARS};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::future::Future;

/// Runs a future that never waits: natively, nothing in the store does.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => out,
        std::task::Poll::Pending => panic!("the store waited natively"),
    }
}

/// The schema-1 records the app shipped with (`tests/data/golden`, never changed).
fn golden() -> Vec<(String, String)> {
    let text = include_str!("../../tests/data/golden/storage-schema-1.json");
    serde_json::from_str::<BTreeMap<String, String>>(text)
        .expect("a JSON object of strings")
        .into_iter()
        .collect()
}

fn draft(name: &str) -> EventDraftData {
    EventDraftData {
        name: name.into(),
        ..Default::default()
    }
}

/// The state opened over `memory`, owned by the returned owner (keep it alive).
fn open_with(memory: &Memory, schema: &Schema) -> (Owner, AppState) {
    let owner = Owner::new();
    owner.set();
    let opened = block_on(AppState::open_with(Box::new(memory.clone()), schema))
        .expect("the codec is linked in natively");
    (owner, AppState::new(opened))
}

fn open(memory: &Memory) -> (Owner, AppState) {
    open_with(memory, &Schema::CURRENT)
}

fn person(id: &str, name: &str, updated: i64) -> Person {
    Person::new(PersonId(id.into()), name, updated)
}

fn stored_person(memory: &Memory, id: &str) -> Option<Person> {
    let raw = memory.get(&format!("cg.p.{id}"))?;
    Some(serde_json::from_str(&raw).expect("a stored person reads"))
}

#[test]
fn opening_writes_nothing_and_a_save_writes_exactly_one_entry() {
    let memory = Memory::new().with_entries(golden());
    let (_owner, state) = open(&memory);
    assert_eq!(state.people.with_untracked(|p| p.len()), 2);
    assert_eq!(memory.take_written(), Vec::<String>::new(), "opening");

    let zoe = person("z1", "Zoë", 2_000_000_000_000);
    assert!(state.save_person(zoe.clone(), None));
    assert_eq!(memory.take_written(), vec!["cg.p.z1".to_string()]);
    assert_eq!(stored_person(&memory, "z1"), Some(zoe.clone()));

    // Filed under an event: the person and the event that gained them, nothing else.
    let e1 = EventId("e1".into());
    let mut zoe2 = zoe.clone();
    zoe2.notes = "Met at the WI".into();
    zoe2.updated += 1;
    assert!(state.save_person(zoe2, Some(&e1)));
    assert_eq!(memory.take_written(), vec!["cg.p.z1", "cg.e.e1"]);
    assert!(!state.unsaved.get_untracked());
}

#[test]
fn a_follow_up_change_writes_the_person_once_and_a_change_of_nothing_writes_nothing() {
    use crate::core::model::FollowUp;
    let memory = Memory::new();
    let (_owner, state) = open(&memory);
    let mut ann = person("a", "Ann", 5);
    ann.follow_ups.push(FollowUp::open("", "Lend her the book"));
    assert!(state.save_person(ann, None));
    memory.take_written();
    // A row drawn from a list that has moved on misses, and nothing is written.
    assert!(state.change_follow_ups(&PersonId("a".into()), |l| {
        if let Some(f) = l.get_mut(3) {
            f.done = true;
        }
    }));
    assert_eq!(memory.take_written(), Vec::<String>::new());
    assert_eq!(stored_person(&memory, "a").unwrap().updated, 5);
    // A tick is one write, and the person is changed now.
    assert!(state.change_follow_ups(&PersonId("a".into()), |l| l[0].done = true));
    assert_eq!(memory.take_written(), vec!["cg.p.a".to_string()]);
    let stored = stored_person(&memory, "a").unwrap();
    assert!(stored.follow_ups[0].done);
    assert!(stored.updated > 5);
    // Someone gone: nothing to change.
    assert!(!state.change_follow_ups(&PersonId("gone".into()), |l| l.clear()));
}

#[test]
fn a_first_save_writes_the_schema_then_the_record() {
    let memory = Memory::new();
    let (_owner, state) = open(&memory);
    assert!(state.save_me(crate::core::model::Me {
        name: "Claire".into(),
        ..Default::default()
    }));
    assert_eq!(memory.take_written(), vec!["cg.schema", "cg.me"]);
    assert!(state.save_person(person("a", "Ann", 5), None));
    assert_eq!(memory.take_written(), vec!["cg.p.a"]);
}

#[test]
fn deleting_removes_the_entry_and_undo_writes_it_back_byte_for_byte() {
    let memory = Memory::new().with_entries(golden());
    let before = memory.entries();
    let (_owner, state) = open(&memory);
    let p1 = PersonId("p1".into());
    let removed = state.delete_person(&p1, 1_800_000_000_000).unwrap();
    assert_eq!(
        memory.take_written(),
        vec!["cg.e.e1"],
        "the event lost them"
    );
    assert!(memory.get("cg.p.p1").is_none());
    assert!(state.restore_person(removed));
    assert_eq!(memory.take_written(), vec!["cg.p.p1", "cg.e.e1"]);
    assert_eq!(memory.get("cg.p.p1"), before.get("cg.p.p1").cloned());
}

#[test]
fn another_tabs_newer_save_of_the_same_person_is_kept_and_this_edit_is_refused() {
    let memory = Memory::new().with_entries(golden());
    let (_owner, state) = open(&memory);
    let mut mine = state
        .people
        .with_untracked(|p| p[&PersonId("p2".into())].clone());
    let mut theirs = mine.clone();
    // The other tab saved a moment ago; its storage event has not arrived here yet.
    theirs.notes = "Their edit".into();
    theirs.updated = 1_900_000_000_000;
    memory
        .set("cg.p.p2", &serde_json::to_string(&theirs).unwrap())
        .unwrap();
    memory.take_written();

    mine.notes = "My older edit".into();
    mine.updated = 1_800_000_000_000;
    assert!(!state.save_person(mine.clone(), None));
    assert_eq!(memory.take_written(), Vec::<String>::new());
    assert_eq!(stored_person(&memory, "p2"), Some(theirs.clone()));
    assert_eq!(
        state.people.with_untracked(|p| p[&theirs.id].clone()),
        theirs,
        "this tab now shows the newer version"
    );
    assert_eq!(
        state.notice.with_untracked(|n| n.as_ref().map(|n| n.kind)),
        Some(NoticeKind::Error)
    );

    // Saved again, now over what this tab shows: written, and stamped above the stored one.
    mine.updated = 1_850_000_000_000;
    assert!(state.save_person(mine.clone(), None));
    let stored = stored_person(&memory, "p2").unwrap();
    assert_eq!(stored.notes, "My older edit");
    assert_eq!(stored.updated, theirs.updated + 1);
}

#[test]
fn another_tabs_record_arrives_by_its_storage_event_and_a_newer_schema_stops_writing() {
    let memory = Memory::new().with_entries(golden());
    let (_owner, state) = open(&memory);
    let mut raj = state
        .people
        .with_untracked(|p| p[&PersonId("p2".into())].clone());
    raj.what = "Bakery".into();
    let new = serde_json::to_string(&raj).unwrap();
    let old = memory.get("cg.p.p2");
    state.storage_changed(Some("cg.p.p2"), old.as_deref(), Some(&new));
    assert_eq!(state.people.with_untracked(|p| p[&raj.id].clone()), raj);
    state.storage_changed(Some("cg.p.p2"), Some(&new), None);
    assert!(state.people.with_untracked(|p| !p.contains_key(&raj.id)));

    state.storage_changed(Some("cg.schema"), Some("1"), Some("2"));
    assert_eq!(
        state.persistence.get_untracked(),
        Persistence::NewerData { version: 2 }
    );
    memory.take_written();
    assert!(state.save_person(person("n", "New", 5), None));
    assert_eq!(memory.take_written(), Vec::<String>::new());
    assert!(state.unsaved.get_untracked(), "kept in memory, flagged");
}

#[test]
fn unreadable_entries_are_set_aside_and_never_written_over() {
    let memory = Memory::new()
        .with_entries(golden())
        .with_entries([("cg.p.bad".to_string(), "{\"id\":\"bad\",".to_string())]);
    let (_owner, state) = open(&memory);
    assert_eq!(state.quarantined.get_untracked(), vec!["cg.p.bad"]);
    assert_eq!(
        memory.take_written(),
        vec!["cg.quarantine.cg.p.bad"],
        "only the copy"
    );
    assert!(memory.get("cg.p.bad").is_none());
    assert_eq!(
        memory.get("cg.quarantine.cg.p.bad").as_deref(),
        Some("{\"id\":\"bad\",")
    );
    assert_eq!(
        state.notice.with_untracked(|n| n.as_ref().map(|n| n.kind)),
        Some(NoticeKind::Warning)
    );
    assert_eq!(
        state.people.with_untracked(|p| p.len()),
        2,
        "the rest loads"
    );
}

#[test]
fn an_unreadable_entry_that_cannot_be_moved_aside_stays_untouched() {
    let raw = "{\"id\":\"bad\",".to_string();
    let memory = Memory::new()
        .with_entries(golden())
        .with_entries([("cg.p.bad".to_string(), raw.clone())]);
    // Full: the quarantine copy cannot be written.
    memory.set_quota(Some(0));
    let (_owner, state) = open(&memory);
    assert_eq!(memory.get("cg.p.bad"), Some(raw.clone()));
    memory.set_quota(None);
    // A record saved under that very key must not replace the text nobody could read.
    assert!(!state.save_person(person("bad", "Bad", 5), None));
    assert_eq!(memory.get("cg.p.bad"), Some(raw));
    assert!(state.unsaved.get_untracked());
}

/// A made-up schema 2 whose only step keeps records as they are: it lets the shell's
/// migration path run on the shipped schema-1 files before any real migration exists.
const TO_2: &[Step] = &[|_, value| Ok(value)];
const SCHEMA_2: Schema = Schema {
    version: 2,
    steps: TO_2,
};

#[test]
fn migrated_records_are_written_back_when_everything_read() {
    let memory = Memory::new().with_entries(golden());
    let (_owner, state) = open_with(&memory, &SCHEMA_2);
    let mut written = memory.take_written();
    written.sort();
    let mut keys: Vec<String> = golden().into_iter().map(|(k, _)| k).collect();
    keys.sort();
    assert_eq!(written, keys, "every record, schema included");
    assert_eq!(state.people.with_untracked(|p| p.len()), 2);
}

#[test]
fn migrated_records_are_not_written_back_when_an_entry_was_unreadable() {
    let memory = Memory::new()
        .with_entries(golden())
        .with_entries([("cg.e.bad".to_string(), "not json".to_string())]);
    let before = memory.entries();
    let (_owner, state) = open_with(&memory, &SCHEMA_2);
    assert_eq!(memory.take_written(), vec!["cg.quarantine.cg.e.bad"]);
    for (key, value) in &before {
        if key != "cg.e.bad" {
            assert_eq!(memory.get(key).as_ref(), Some(value), "{key} untouched");
        }
    }
    assert_eq!(state.quarantined.get_untracked(), vec!["cg.e.bad"]);
}

#[test]
fn a_full_quota_keeps_the_change_in_memory_and_a_backup_still_has_it() {
    let memory = Memory::new().with_entries(golden());
    let (_owner, state) = open(&memory);
    let used: usize = memory
        .entries()
        .iter()
        .map(|(k, v)| entry_chars(k, v))
        .sum();
    memory.set_quota(Some(used + 10));
    let before = memory.entries();

    let mut zoe = person("z1", "Zoë", 2_000_000_000_000);
    zoe.notes = "Runs the allotment society".into();
    assert!(!state.save_person(zoe.clone(), None));
    assert!(state.unsaved.get_untracked());
    let notice = state.notice.get_untracked().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert_eq!(notice.text, WriteError::QuotaExceeded.to_string());
    assert_eq!(memory.entries(), before, "storage as it was");
    assert_eq!(
        state.people.with_untracked(|p| p.get(&zoe.id).cloned()),
        Some(zoe.clone())
    );

    // The export reads memory, not storage: the unsaved person is in the backup.
    let backup = parse_backup(&to_backup_json(&state.document(), 1)).unwrap();
    assert_eq!(backup.people.get(&zoe.id), Some(&zoe));
}

#[test]
fn data_from_a_newer_version_is_never_overwritten() {
    let mut entries = golden();
    for (k, v) in entries.iter_mut() {
        if k == "cg.schema" {
            *v = "2".into();
        }
    }
    let memory = Memory::new().with_entries(entries);
    let before = memory.entries();
    let (_owner, state) = open(&memory);
    assert_eq!(
        state.persistence.get_untracked(),
        Persistence::NewerData { version: 2 }
    );
    assert_eq!(state.document(), Document::default(), "nothing loaded");
    assert!(state.save_person(person("a", "Ann", 5), None));
    assert!(state.save_event(Event::new(EventId("e9".into()), "Fair", "2026-12-01", 5)));
    assert!(state.unsaved.get_untracked());
    assert_eq!(memory.take_written(), Vec::<String>::new());
    assert_eq!(memory.entries(), before);
}

#[test]
fn unavailable_storage_keeps_everything_in_memory() {
    let memory = Memory::unavailable();
    let (_owner, state) = open(&memory);
    assert_eq!(state.persistence.get_untracked(), Persistence::MemoryOnly);
    assert!(state.save_person(person("a", "Ann", 5), None));
    assert!(state.unsaved.get_untracked());
    assert!(memory.entries().is_empty());
    drafts::note(state, EVENT_KEY, &draft("half typed"));
    drafts::flush(state, EVENT_KEY);
    assert!(memory.entries().is_empty(), "no drafts either");
}

#[test]
fn every_write_counts_in_the_storage_total() {
    let memory = Memory::new().with_entries(golden()).with_entries([
        ("cg.p.bad".to_string(), "{".to_string()),
        ("other-app".to_string(), "x".repeat(100)),
    ]);
    let (_owner, state) = open(&memory);
    let fresh = |memory: &Memory| -> usize { memory.sizes().iter().map(|(_, s)| s).sum() };
    state.recount_storage();
    assert_eq!(
        state.usage.local_chars.get_untracked(),
        Some(fresh(&memory))
    );

    // Records, a removal, drafts and another tab's change, each through a different path.
    let a = person("a", "Ann", 5);
    state.save_person(a.clone(), Some(&EventId("e1".into())));
    state.delete_person(&PersonId("p2".into()), 6);
    drafts::note(state, EVENT_KEY, &draft("half typed"));
    drafts::flush(state, EVENT_KEY);
    drafts::note(state, EVENT_KEY, &draft("half typed, and more"));
    drafts::flush(state, EVENT_KEY);
    let other = "y".repeat(40);
    memory.set("other-app", &other).unwrap();
    state.storage_changed(Some("other-app"), Some(&"x".repeat(100)), Some(&other));
    let mut a2 = a.clone();
    a2.notes = "Updated".into();
    a2.updated = 9;
    state.save_person(a2, None);
    assert_eq!(
        state.usage.local_chars.get_untracked(),
        Some(fresh(&memory))
    );
    assert_eq!(
        drafts::read::<EventDraftData>(state, EVENT_KEY)
            .map(|d| d.name)
            .as_deref(),
        Some("half typed, and more")
    );
    drafts::discard(state, EVENT_KEY);
    assert_eq!(
        state.usage.local_chars.get_untracked(),
        Some(fresh(&memory))
    );
}

#[test]
fn the_near_full_signal_turns_on_past_the_line_and_off_below_it() {
    let memory = Memory::new().with_entries(golden());
    let (_owner, state) = open(&memory);
    state.recount_storage();
    assert!(!state.usage.near_full.get_untracked());
    let big = "z".repeat(LOCAL_QUOTA_CHARS * 85 / 100);
    memory.set("other-app", &big).unwrap();
    state.storage_changed(Some("other-app"), None, Some(&big));
    assert!(state.usage.near_full.get_untracked());
    state.storage_changed(Some("other-app"), Some(&big), None);
    assert!(!state.usage.near_full.get_untracked());
}

#[test]
fn erasing_the_notebook_takes_every_entry_of_the_apps_and_nothing_else() {
    let memory = Memory::new().with_entries(golden());
    memory
        .set("cg.quarantine.cg.p.broken", "{not json")
        .unwrap();
    memory.set("cg-hint.safari-note", "2026-12-30").unwrap();
    memory.set("other-app", "theirs").unwrap();
    let (_owner, state) = open(&memory);
    // A draft still waiting for typing to pause must not be written back afterwards.
    drafts::note(state, EVENT_KEY, &draft("half typed"));
    assert!(state.erase_everything() > 3);
    drafts::flush(state, EVENT_KEY);
    let left: Vec<String> = memory
        .entries_with_prefix("")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(left, ["other-app"]);
    // The next start is a new app's.
    let (_owner2, fresh) = open(&memory);
    assert!(fresh.is_blank());
}

#[test]
fn marking_the_event_i_am_at_is_stored_and_ending_it_clears_it() {
    let memory = Memory::new();
    let (_owner, state) = open(&memory);
    let event = Event::new(EventId("run".into()), "Parkrun social", "", 1);
    assert!(state.save_event(event));
    assert!(state.make_current(&EventId("run".into())));
    let stored = memory.get("cg.settings").expect("settings written");
    assert!(stored.contains(r#""current_event":"run""#), "{stored}");
    state.end_event();
    assert_eq!(state.settings.get_untracked().current_event, None);
    assert!(!memory.get("cg.settings").unwrap().contains("current_event"));
}
