//! Fixed files the app must read forever: a backup and a set of localStorage records of every
//! schema version that has shipped, each with the exact document it must give.
//!
//! Round-trip tests pass when a change of format is made on both sides at once; these files
//! were written by the version that shipped them and never change. A new schema version adds
//! new files beside them (and its migration must turn the old ones into the same document).

use common_ground::core::backup::parse_backup;
use common_ground::core::document::{Document, Theme};
use common_ground::core::model::{
    Category, CategoryId, Contact, Event, EventId, FollowUp, Interest, Person, PersonId, Source,
};
use common_ground::core::records::{load, Loaded};

fn golden(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn interest(label: &str, category: &str) -> Interest {
    Interest::new(label, CategoryId::new(category))
}

/// The document every schema-1 file below holds, built by hand (not by reading a file), so a
/// reader that gets any field wrong fails.
fn schema_1_document() -> Document {
    let mut doc = Document::default();
    doc.me.name = "Claire Siân Hughes".into();
    doc.me.what = "Social media for small firms".into();
    doc.me.interests = vec![
        interest("Running", "sport"),
        interest("Custard creams", "food"),
        interest("The new recycling scheme", "local"),
        interest("Wild swimming", "pets"),
    ];
    doc.me.contact = Contact {
        phone: "+44 7700 900123".into(),
        email: "claire@example.org".into(),
        web: String::new(),
        social: "@claire".into(),
    };
    doc.categories.push(Category {
        id: CategoryId::new("pets"),
        name: "Pets & outdoors".into(),
        colour: "#3a8f7a".into(),
    });
    doc.categories[0].name = "Business".into();

    let wi = EventId("e1".into());
    let mut meg = Person::new(PersonId("p1".into()), "Meg Åkesson", 1_767_225_600_000);
    meg.what = "Garden design".into();
    meg.interests = vec![
        interest("running", "sport"),
        interest("Café culture", "food"),
    ];
    meg.notes = "Daughter at St Mary's. Ask about the half-marathon — PB 1:52.".into();
    meg.contact.email = "meg@example.org".into();
    meg.contact.web = "https://example.org/meg".into();
    meg.met_on = "2026-11-03".into();
    meg.met_where = "e1".into();
    meg.follow_ups = vec![
        FollowUp {
            due: "2026-11-10".into(),
            text: "Send the quote".into(),
            done: false,
        },
        FollowUp {
            due: String::new(),
            text: "Lend her the book".into(),
            done: true,
        },
    ];
    meg.updated = 1_767_312_000_000;
    let mut raj = Person::new(PersonId("p2".into()), "Raj", 1_767_225_600_001);
    raj.source = Source::Link;
    raj.interests = vec![interest("Baking", "food")];
    doc.people.insert(meg.id.clone(), meg);
    doc.people.insert(raj.id.clone(), raj);

    let mut event = Event::new(wi.clone(), "WI evening", "2026-11-03", 1_767_225_600_000);
    event.place = "St Mary's church hall".into();
    event.group = "Women's Institute".into();
    event.purpose = "Crafts and local news".into();
    event.notes = "Tea, jam, a talk on bees".into();
    event.takeaways = "Two leads for the spring".into();
    event.attendees = vec![PersonId("p1".into()), PersonId("p2".into())];
    doc.events.insert(wi.clone(), event);

    doc.settings.current_event = Some(wi);
    doc.settings.theme = Theme::Dark;
    doc.settings.last_backup = Some(1_767_312_000_000);
    doc
}

#[test]
fn a_schema_1_backup_restores_exactly() {
    assert_eq!(
        parse_backup(&golden("backup-schema-1.json")),
        Ok(schema_1_document())
    );
}

#[test]
fn schema_1_local_storage_loads_exactly() {
    let entries: Vec<(String, String)> = serde_json::from_str::<
        std::collections::BTreeMap<String, String>,
    >(&golden("storage-schema-1.json"))
    .expect("the golden storage file is a JSON object of strings")
    .into_iter()
    .collect();
    match load(entries) {
        Loaded::Ready {
            doc, unreadable, ..
        } => {
            assert!(unreadable.is_empty(), "{unreadable:?}");
            assert_eq!(doc, schema_1_document());
        }
        other => panic!("schema-1 storage did not load: {other:?}"),
    }
}
