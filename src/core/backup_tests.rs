//! Tests of the backup file: round trips, refusals, the import preview and the merge.

use super::*;
use crate::core::document::Theme;
use crate::core::model::{CategoryId, Contact, FollowUp, Interest, Source};
use proptest::prelude::*;

fn person(id: &str, name: &str, updated: Millis) -> Person {
    let mut p = Person::new(PersonId(id.into()), name, 1);
    p.updated = updated;
    p
}

fn event(id: &str, updated: Millis, attendees: &[&str]) -> Event {
    let mut e = Event::new(EventId(id.into()), "WI evening", "2026-11-01", 1);
    e.updated = updated;
    e.attendees = attendees.iter().map(|a| PersonId((*a).into())).collect();
    e
}

fn sample() -> Document {
    let mut doc = Document::default();
    doc.me.name = "Claire".into();
    doc.me
        .interests
        .push(Interest::new("sewing", CategoryId::new("hobbies")));
    let mut meg = person("p1", "Meg, \"the\" runner", 10);
    meg.notes = "Daughter at St Mary's\nline two".into();
    meg.contact = Contact {
        phone: "07700 900123".into(),
        ..Contact::default()
    };
    meg.follow_ups.push(FollowUp {
        due: "2026-12-01".into(),
        text: "Send the bakery course link".into(),
        done: false,
    });
    meg.source = Source::Vcard;
    doc.upsert_person(meg);
    doc.upsert_person(person("p2", "Bo", 20));
    let e = event("e1", 10, &["p1", "p2"]);
    doc.events.insert(e.id.clone(), e);
    doc.settings.current_event = Some(EventId("e1".into()));
    doc.settings.theme = Theme::Dark;
    doc
}

#[test]
fn a_backup_reads_back_into_the_same_document() {
    let doc = sample();
    let json = to_backup_json(&doc, 1_700_000_000_000);
    assert!(json.starts_with(r#"{"app":"common-ground","schema":1,"exported":1700000000000,"#));
    assert_eq!(parse_backup(&json), Ok(doc.clone()));
    assert_eq!(parse_backup(&format!("\u{FEFF}  {json}\n")), Ok(doc));
}

#[test]
fn files_that_are_not_backups_are_refused_with_a_reason() {
    let jpeg = String::from_utf8_lossy(b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01");
    assert_eq!(parse_backup(&jpeg), Err(BackupError::NotJson));
    assert_eq!(parse_backup("name,email\n"), Err(BackupError::NotJson));
    assert_eq!(parse_backup(" \n"), Err(BackupError::Empty));
    assert_eq!(
        parse_backup(r#"{"app":"other-app","schema":1}"#),
        Err(BackupError::Foreign {
            app: Some("other-app".into())
        })
    );
    assert_eq!(
        parse_backup(r#"{"people":[]}"#),
        Err(BackupError::Foreign { app: None })
    );
    assert_eq!(
        parse_backup("[1,2]"),
        Err(BackupError::Foreign { app: None })
    );
    assert_eq!(
        parse_backup(r#"{"app":"common-ground","schema":7}"#),
        Err(BackupError::Newer { version: 7 })
    );
    assert!(matches!(
        parse_backup(r#"{"app":"common-ground","schema":0,"me":{}}"#),
        Err(BackupError::Unmigratable { version: 0, .. })
    ));
    assert!(matches!(
        parse_backup(r#"{"app":"common-ground"}"#),
        Err(BackupError::Invalid { .. })
    ));
    assert_eq!(
        parse_backup("{\"app\":\"common-ground\",\n\"schema\":1,,}"),
        Err(BackupError::Damaged {
            line: 2,
            column: 12
        })
    );
    let big = " ".repeat(MAX_BACKUP_BYTES + 1);
    assert_eq!(
        parse_backup(&big),
        Err(BackupError::TooLarge {
            bytes: MAX_BACKUP_BYTES + 1
        })
    );
}

#[test]
fn a_truncated_backup_is_reported_as_cut_short() {
    let json = to_backup_json(&sample(), 5);
    let cut = &json[..json.len() * 2 / 3];
    let err = parse_backup(cut).unwrap_err();
    assert_eq!(err, BackupError::Truncated);
    assert!(err.to_string().contains("cut short"));
}

#[test]
fn records_in_the_wrong_shape_bad_ids_and_duplicates_are_refused() {
    let with = |people: &str, events: &str| {
        parse_backup(&format!(
            r#"{{"app":"common-ground","schema":1,"people":[{people}],"events":[{events}]}}"#
        ))
    };
    let ok = r#"{"id":"p1","name":"Meg","created":1,"updated":1}"#;
    assert_eq!(with(ok, "").map(|d| d.people.len()), Ok(1));
    assert_eq!(
        with(&format!("{ok},{ok}"), ""),
        Err(BackupError::DuplicateId {
            kind: "people",
            id: "p1".into()
        })
    );
    for bad in ["", "new", "a/b", "<script>", &"x".repeat(41)] {
        let p = format!(r#"{{"id":{bad:?},"name":"Meg","created":1,"updated":1}}"#);
        assert_eq!(
            with(&p, ""),
            Err(BackupError::BadId {
                kind: "a person",
                id: bad.to_string()
            }),
            "{bad}"
        );
    }
    assert!(matches!(
        with(r#"{"id":"p1","name":"Meg"}"#, ""),
        Err(BackupError::Invalid { part, .. }) if part == "person 1"
    ));
    assert!(matches!(with("7", ""), Err(BackupError::Invalid { .. })));
    let e = r#"{"id":"e1","name":"WI","created":1,"updated":1,"attendees":["p1","../x"]}"#;
    assert_eq!(
        with(ok, e),
        Err(BackupError::BadId {
            kind: "an attendee",
            id: "../x".into()
        })
    );
    let e = r#"{"id":"e1","name":"WI","created":1,"updated":1}"#;
    assert!(matches!(
        with(ok, &format!("{e},{e}")),
        Err(BackupError::DuplicateId { kind: "events", .. })
    ));
    let cats = r##"{"app":"common-ground","schema":1,"categories":[
        {"id":"a","name":"A","colour":"#000000"},{"id":"a","name":"B","colour":"#000000"}]}"##;
    assert!(matches!(
        parse_backup(cats),
        Err(BackupError::DuplicateId {
            kind: "categories",
            ..
        })
    ));
}

#[test]
fn every_error_message_speaks_to_the_user() {
    let errors = [
        BackupError::Empty,
        BackupError::TooLarge { bytes: 60 << 20 },
        BackupError::NotJson,
        BackupError::Truncated,
        BackupError::Damaged { line: 3, column: 9 },
        BackupError::Foreign { app: None },
        BackupError::Foreign {
            app: Some("x".into()),
        },
        BackupError::Newer { version: 4 },
    ];
    for e in errors {
        let msg = e.to_string();
        assert!(msg.ends_with(['.', '?']), "{msg}");
        assert!(!msg.contains("serde"), "{msg}");
    }
    assert!(BackupError::TooLarge { bytes: 60 << 20 }
        .to_string()
        .contains("60.0 MB"));
    assert!(BackupError::Newer { version: 4 }
        .to_string()
        .contains("format 4"));
}

/// Mine: a (10), b (20), c (5), e1 (10), e3 (3). The backup: a as is, b changed but older,
/// c changed and newer, d new; e1 newer with one more attendee, e2 new, e3 as is.
fn current_and_incoming() -> (Document, Document) {
    let mut current = Document::default();
    current.me.name = "Claire".into();
    for p in [
        person("a", "A", 10),
        person("b", "B", 20),
        person("c", "C", 5),
    ] {
        current.upsert_person(p);
    }
    for e in [event("e1", 10, &["a"]), event("e3", 3, &[])] {
        current.events.insert(e.id.clone(), e);
    }
    let mut incoming = current.clone();
    incoming.me.name = "Someone else".into();
    incoming.upsert_person(person("b", "B (old)", 15));
    incoming.upsert_person(person("c", "C (new)", 8));
    incoming.upsert_person(person("d", "D", 1));
    for e in [event("e1", 11, &["a", "d"]), event("e2", 1, &["d"])] {
        incoming.events.insert(e.id.clone(), e);
    }
    incoming.categories[0].name = "Renamed work".into();
    incoming.categories.push(Category {
        id: CategoryId::new("dogs"),
        name: "Dogs".into(),
        colour: "#123456".into(),
    });
    (current, incoming)
}

#[test]
fn the_preview_counts_each_kind_of_change() {
    let (current, incoming) = current_and_incoming();
    assert_eq!(
        preview_import(&current, &incoming),
        ImportPreview {
            people_new: 1,
            people_changed: 1,
            people_unchanged: 1,
            people_kept: 1,
            events_new: 1,
            events_changed: 1,
            events_unchanged: 1,
            events_kept: 0,
            me_changes: false,
            me_kept: true,
            categories_new: 1,
            over_limits: 0,
        }
    );
}

#[test]
fn the_preview_counts_records_it_takes_that_break_the_field_rules() {
    let current = Document::default();
    let mut incoming = Document::default();
    let long = person("long", &"n".repeat(150), 5);
    let fine = person("fine", "Meg", 5);
    let mut nameless_event = event("e", 5, &[]);
    nameless_event.name.clear();
    incoming.people.insert(long.id.clone(), long.clone());
    incoming.people.insert(fine.id.clone(), fine);
    incoming
        .events
        .insert(nameless_event.id.clone(), nameless_event);
    incoming.me.name = "m".repeat(150);
    assert_eq!(preview_import(&current, &incoming).over_limits, 3);
    // Nothing is cut: the merge takes the long name as it is.
    let mut merged = current.clone();
    merge_import(&mut merged, incoming.clone());
    assert_eq!(merged.people[&long.id].name.len(), 150);
    // A record the import does not take (mine is newer) is not counted.
    let mut mine = Document::default();
    mine.people
        .insert(long.id.clone(), person("long", "Short", 9));
    mine.me.name = "Claire".into();
    let preview = preview_import(&mine, &incoming);
    // Only the nameless event: the long person and the long map of mine are not taken.
    assert_eq!(preview.over_limits, 1);
}

#[test]
fn the_newer_record_wins_in_both_directions() {
    let (mut current, incoming) = current_and_incoming();
    let before = current.clone();
    let result = merge_import(&mut current, incoming.clone());
    let id = |s: &str| PersonId(s.into());
    assert_eq!(result.people, vec![id("c"), id("d")]);
    assert_eq!(
        current.people[&id("b")].name,
        "B",
        "mine is newer and stays"
    );
    assert_eq!(current.people[&id("c")].name, "C (new)", "theirs is newer");
    assert_eq!(current.people[&id("a")], before.people[&id("a")]);
    assert_eq!(
        result.events,
        vec![EventId("e1".into()), EventId("e2".into())]
    );
    assert_eq!(
        current.events[&EventId("e1".into())].attendees,
        vec![id("a"), id("d")]
    );
    assert!(!result.me_changed);
    assert_eq!(current.me.name, "Claire");
    assert!(result.categories_changed);
    assert_eq!(current.categories[0].name, "Work", "my names stay");
    assert_eq!(
        current.categories.last().unwrap().id,
        CategoryId::new("dogs")
    );
    assert_eq!(current.settings, before.settings);

    // The other way round: importing my document into theirs keeps their newer c.
    let (mine, mut theirs) = current_and_incoming();
    let result = merge_import(&mut theirs, mine);
    assert_eq!(result.people, vec![id("b")]);
    assert_eq!(theirs.people[&id("b")].name, "B");
    assert_eq!(theirs.people[&id("c")].name, "C (new)");
    assert!(result.events.is_empty());
}

#[test]
fn my_map_is_filled_from_a_backup_only_when_i_have_none() {
    let (mut current, incoming) = current_and_incoming();
    current.me = Me::default();
    current.me.what = "typed but no name".into();
    assert!(preview_import(&current, &incoming).me_changes);
    let result = merge_import(&mut current, incoming.clone());
    assert!(result.me_changed);
    assert_eq!(current.me, incoming.me);

    let mut empty_incoming = incoming;
    empty_incoming.me = Me::default();
    let (current, _) = current_and_incoming();
    let preview = preview_import(&current, &empty_incoming);
    assert!(!preview.me_changes && !preview.me_kept);
}

fn text() -> impl Strategy<Value = String> {
    "[\\PC\\n\\t\"\\\\]{0,12}"
}

fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{1,40}".prop_filter("the add-person route", |s| s != "new")
}

fn interests() -> impl Strategy<Value = Vec<Interest>> {
    proptest::collection::vec(
        (text(), text()).prop_map(|(l, c)| Interest::new(l, CategoryId::new(c))),
        0..4,
    )
}

fn arb_person(id: String) -> impl Strategy<Value = Person> {
    (
        (text(), text(), interests(), text()),
        (text(), text(), text(), text()),
        (text(), text()),
        proptest::collection::vec((text(), text(), any::<bool>()), 0..3),
        (any::<i64>(), any::<i64>()),
        prop_oneof![
            Just(Source::Typed),
            Just(Source::Link),
            Just(Source::Vcard),
            Just(Source::Backup)
        ],
    )
        .prop_map(
            move |(
                (name, what, interests, notes),
                (phone, email, web, social),
                (on, at),
                fu,
                (created, updated),
                source,
            )| Person {
                id: PersonId(id.clone()),
                name,
                what,
                interests,
                notes,
                contact: Contact {
                    phone,
                    email,
                    web,
                    social,
                },
                met_on: on,
                met_where: at,
                follow_ups: fu
                    .into_iter()
                    .map(|(due, text, done)| FollowUp { due, text, done })
                    .collect(),
                created,
                updated,
                source,
            },
        )
}

fn arb_event(id: String, people: Vec<String>) -> impl Strategy<Value = Event> {
    (
        (text(), text(), text(), text()),
        (text(), text(), text()),
        proptest::sample::subsequence(people.clone(), 0..=people.len()),
        (any::<i64>(), any::<i64>()),
    )
        .prop_map(
            move |(
                (name, date, place, group),
                (purpose, notes, takeaways),
                attendees,
                (created, updated),
            )| Event {
                id: EventId(id.clone()),
                name,
                date,
                // Some with a time, derived so the strategy's shape stays as it was.
                time: if created % 2 == 0 {
                    String::new()
                } else {
                    format!(
                        "{:02}:{:02}",
                        created.rem_euclid(24),
                        updated.rem_euclid(60)
                    )
                },
                place,
                group,
                purpose,
                notes,
                takeaways,
                attendees: attendees.into_iter().map(PersonId).collect(),
                created,
                updated,
            },
        )
}

fn arb_document(ids: BoxedStrategy<String>) -> impl Strategy<Value = Document> {
    (
        proptest::collection::btree_set(ids.clone(), 0..6),
        proptest::collection::btree_set(ids, 0..4),
    )
        .prop_flat_map(|(person_ids, event_ids)| {
            let people: Vec<_> = person_ids.iter().cloned().map(arb_person).collect();
            let ids: Vec<String> = person_ids.into_iter().collect();
            let events: Vec<_> = event_ids
                .into_iter()
                .map(|e| arb_event(e, ids.clone()))
                .collect();
            let categories =
                proptest::collection::btree_map("[a-z0-9]{1,8}", (text(), text()), 0..5);
            (
                (text(), text(), interests()),
                categories,
                (
                    proptest::option::of(id().prop_map(EventId)),
                    prop_oneof![Just(Theme::System), Just(Theme::Light), Just(Theme::Dark)],
                    proptest::option::of(any::<i64>()),
                ),
                people,
                events,
            )
        })
        .prop_map(
            |(
                (name, what, interests),
                categories,
                (current_event, theme, last_backup),
                people,
                events,
            )| {
                Document {
                    me: Me {
                        name,
                        what,
                        interests,
                        contact: Contact::default(),
                    },
                    categories: categories
                        .into_iter()
                        .map(|(id, (name, colour))| Category {
                            id: CategoryId::new(id),
                            name,
                            colour,
                        })
                        .collect(),
                    people: people.into_iter().map(|p| (p.id.clone(), p)).collect(),
                    events: events.into_iter().map(|e| (e.id.clone(), e)).collect(),
                    settings: Settings {
                        current_event,
                        theme,
                        last_backup,
                        ..Settings::default()
                    },
                }
            },
        )
}

/// Documents drawn from a few shared ids and a few times, so imports meet every case:
/// new, identical, newer, older and tied records.
fn overlapping_document() -> impl Strategy<Value = Document> {
    arb_document("[abc]".boxed()).prop_map(|mut doc| {
        for p in doc.people.values_mut() {
            p.updated = p.updated.rem_euclid(3);
            p.name = p.name.chars().take(1).collect();
            p.what.clear();
            p.notes.clear();
        }
        for e in doc.events.values_mut() {
            e.updated = e.updated.rem_euclid(3);
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_document_survives_a_backup(doc in arb_document(id().boxed()), now in any::<i64>()) {
        let json = to_backup_json(&doc, now);
        prop_assert_eq!(parse_backup(&json), Ok(doc));
    }

    #[test]
    fn every_cut_of_a_backup_is_refused_as_truncated(doc in arb_document(id().boxed()), at in any::<prop::sample::Index>()) {
        let json = to_backup_json(&doc, 1);
        let mut cut = at.index(json.len());
        while !json.is_char_boundary(cut) {
            cut -= 1;
        }
        prop_assume!(cut > 0);
        prop_assert_eq!(parse_backup(&json[..cut]), Err(BackupError::Truncated));
    }

    #[test]
    fn the_merge_does_what_the_preview_said(
        current in overlapping_document(),
        incoming in overlapping_document(),
        copies in proptest::collection::vec(any::<bool>(), 7),
    ) {
        // Some records (and my map) arrive exactly as stored, so "unchanged" is met too.
        let mut incoming = incoming;
        for (i, id) in ["a", "b", "c"].into_iter().enumerate() {
            if let (true, Some(p)) = (copies[i], current.people.get(&PersonId(id.into()))) {
                incoming.people.insert(p.id.clone(), p.clone());
            }
            if let (true, Some(e)) = (copies[i + 3], current.events.get(&EventId(id.into()))) {
                incoming.events.insert(e.id.clone(), e.clone());
            }
        }
        if copies[6] {
            incoming.me = current.me.clone();
        }
        let preview = preview_import(&current, &incoming);
        let mut merged = current.clone();
        let result = merge_import(&mut merged, incoming.clone());

        prop_assert_eq!(
            preview.people_new + preview.people_changed + preview.people_unchanged + preview.people_kept,
            incoming.people.len()
        );
        prop_assert_eq!(result.people.len(), preview.people_new + preview.people_changed);
        prop_assert_eq!(result.events.len(), preview.events_new + preview.events_changed);
        prop_assert_eq!(result.me_changed, preview.me_changes);
        prop_assert_eq!(result.categories_changed, preview.categories_new > 0);
        prop_assert_eq!(merged.categories.len(), current.categories.len() + preview.categories_new);

        // Exactly the records the result names differ, and each is the newer one.
        let changed_people: Vec<PersonId> = merged
            .people
            .iter()
            .filter(|(id, p)| current.people.get(*id) != Some(*p))
            .map(|(id, _)| id.clone())
            .collect();
        prop_assert_eq!(&changed_people, &result.people);
        for id in &result.people {
            prop_assert_eq!(&merged.people[id], &incoming.people[id]);
            if let Some(old) = current.people.get(id) {
                prop_assert!(incoming.people[id].updated > old.updated);
            }
        }
        let changed_events: Vec<EventId> = merged
            .events
            .iter()
            .filter(|(id, e)| current.events.get(*id) != Some(*e))
            .map(|(id, _)| id.clone())
            .collect();
        prop_assert_eq!(&changed_events, &result.events);
        for (id, p) in &merged.people {
            if let Some(theirs) = incoming.people.get(id) {
                prop_assert!(p.updated >= theirs.updated);
            }
        }
        prop_assert_eq!(merged.me != current.me, result.me_changed);
        prop_assert_eq!(&merged.settings, &current.settings);

        // A merge never deletes: every record kept here survives, and one the backup does
        // not mention stays exactly as it was.
        for (id, p) in &current.people {
            prop_assert!(merged.people.contains_key(id), "person {:?} was deleted", id);
            if !incoming.people.contains_key(id) {
                prop_assert_eq!(&merged.people[id], p);
            }
        }
        for (id, e) in &current.events {
            prop_assert!(merged.events.contains_key(id), "event {:?} was deleted", id);
            if !incoming.events.contains_key(id) {
                prop_assert_eq!(&merged.events[id], e);
            }
        }
        for c in &current.categories {
            prop_assert!(merged.categories.iter().any(|m| m.id == c.id), "category {:?} was deleted", c.id);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = parse_backup(&s);
    }
}
