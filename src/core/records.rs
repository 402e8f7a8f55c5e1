//! The stored layout: one localStorage entry per record, under a schema version.
//!
//! One key per person and per event (rather than one big document) because saving a person
//! with 5,000 stored must take milliseconds, a quota error on one record must not touch the
//! others, and two tabs editing different people must not overwrite each other. This module
//! only turns records into text and back; reading and writing storage is the shell's job.

use super::document::{Document, Settings};
use super::model::{Category, Event, EventId, Me, Person, PersonId};
use serde::Serialize;

/// The shape of the stored records. Raise it with every change of shape, and add a step to
/// [`migrate`] with a test that loads the old shape.
pub const SCHEMA_VERSION: u32 = 1;

pub const PREFIX: &str = "cg.";
pub const SCHEMA_KEY: &str = "cg.schema";
pub const ME_KEY: &str = "cg.me";
pub const CATEGORIES_KEY: &str = "cg.categories";
pub const SETTINGS_KEY: &str = "cg.settings";
pub const PERSON_PREFIX: &str = "cg.p.";
pub const EVENT_PREFIX: &str = "cg.e.";
/// Raw text that could not be read is moved here (plus the original key), never deleted.
pub const QUARANTINE_PREFIX: &str = "cg.quarantine.";

pub fn person_key(id: &PersonId) -> String {
    format!("{PERSON_PREFIX}{}", id.0)
}

pub fn event_key(id: &EventId) -> String {
    format!("{EVENT_PREFIX}{}", id.0)
}

pub fn quarantine_key(key: &str) -> String {
    format!("{QUARANTINE_PREFIX}{key}")
}

/// Why a stored entry could not be read, in words a user (or whoever reads the quarantine)
/// can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("not valid JSON ({0})")]
    NotJson(String),
    #[error("not in the expected shape ({0})")]
    Shape(String),
    #[error("an empty category list")]
    NoCategories,
    #[error("a person whose id {0:?} does not match its key")]
    PersonKey(String),
    #[error("an event whose id {0:?} does not match its key")]
    EventKey(String),
    #[error("from schema version {0}, which this version cannot read")]
    UnknownVersion(u32),
    /// A migration step could not convert the record (the step says why).
    #[error("{0}")]
    Step(String),
}

impl From<serde_json::Error> for RecordError {
    fn from(e: serde_json::Error) -> Self {
        if e.is_syntax() || e.is_eof() {
            RecordError::NotJson(e.to_string())
        } else {
            RecordError::Shape(e.to_string())
        }
    }
}

/// A stored entry that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: RecordError,
}

/// What loading the stored records found.
// Built once at start and unpacked at once: boxing the big variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored yet.
    Fresh,
    /// The document, plus any entries that must be quarantined before anything is written.
    Ready {
        doc: Document,
        unreadable: Vec<Unreadable>,
        /// Set when records were migrated from an older schema and must all be written back.
        migrated_from: Option<u32>,
    },
    /// Saved by a newer version of the app: the shell must not write anything.
    Newer { version: u32 },
}

/// Whether an entry is one of ours to load: under our prefix and not set aside.
fn is_record_key(key: &str) -> bool {
    key.starts_with(PREFIX) && !key.starts_with(QUARANTINE_PREFIX)
}

/// Whether storage holds anything [`load`] would read; when not, the start needs no parsing.
pub fn holds_records(entries: &[(String, String)]) -> bool {
    entries.iter().any(|(k, _)| is_record_key(k))
}

/// Reads every stored entry into a document. Entries outside our prefix are ignored, and
/// quarantined ones are left alone.
pub fn load(entries: impl IntoIterator<Item = (String, String)>) -> Loaded {
    load_with(entries, &Schema::CURRENT)
}

/// A schema to load into: its version and the steps that lead to it. Only
/// [`Schema::CURRENT`] ships; tests pass a made-up later one to see how the shell treats a
/// migration before any real one exists.
#[derive(Clone, Copy, Debug)]
pub struct Schema {
    pub version: u32,
    /// `steps[i]` upgrades version `i + 1` to `i + 2`.
    pub steps: &'static [Step],
}

impl Schema {
    pub const CURRENT: Schema = Schema {
        version: SCHEMA_VERSION,
        steps: STEPS,
    };
}

/// [`load`] into a given schema.
pub fn load_with(entries: impl IntoIterator<Item = (String, String)>, schema: &Schema) -> Loaded {
    let entries: Vec<(String, String)> = entries
        .into_iter()
        .filter(|(k, _)| is_record_key(k))
        .collect();
    if entries.is_empty() {
        return Loaded::Fresh;
    }
    let version = match entries.iter().find(|(k, _)| k == SCHEMA_KEY) {
        Some((_, v)) => match v.trim().parse::<u32>() {
            Ok(v) => v,
            Err(_) => {
                // Without a readable version nothing else can be trusted to be in a shape we
                // know; treat it like a newer version so nothing is overwritten.
                return Loaded::Newer { version: u32::MAX };
            }
        },
        None => schema.version,
    };
    if version > schema.version {
        return Loaded::Newer { version };
    }

    let mut doc = Document::default();
    let mut unreadable = Vec::new();
    for (key, raw) in entries {
        if key == SCHEMA_KEY {
            continue;
        }
        if let Err(reason) = read_entry(&mut doc, &key, &raw, version, schema) {
            unreadable.push(Unreadable { key, raw, reason });
        }
    }
    Loaded::Ready {
        doc,
        unreadable,
        migrated_from: (version < schema.version).then_some(version),
    }
}

fn read_entry(
    doc: &mut Document,
    key: &str,
    raw: &str,
    version: u32,
    schema: &Schema,
) -> Result<(), RecordError> {
    if key == ME_KEY {
        doc.me = parse::<Me>(key, raw, version, schema)?;
    } else if key == CATEGORIES_KEY {
        let cats: Vec<Category> = parse(key, raw, version, schema)?;
        if cats.is_empty() {
            return Err(RecordError::NoCategories);
        }
        doc.categories = cats;
    } else if key == SETTINGS_KEY {
        doc.settings = parse::<Settings>(key, raw, version, schema)?;
    } else if let Some(id) = key.strip_prefix(PERSON_PREFIX) {
        let p: Person = parse(key, raw, version, schema)?;
        if p.id.0 != id {
            return Err(RecordError::PersonKey(p.id.0));
        }
        doc.people.insert(p.id.clone(), p);
    } else if let Some(id) = key.strip_prefix(EVENT_PREFIX) {
        let e: Event = parse(key, raw, version, schema)?;
        if e.id.0 != id {
            return Err(RecordError::EventKey(e.id.0));
        }
        doc.events.insert(e.id.clone(), e);
    }
    // Unknown keys under our prefix may come from a later feature; keep them untouched.
    Ok(())
}

/// Reads one record. Records of the current schema are parsed straight into their type (this
/// runs 5,000 times at start); older ones go through a JSON value and [`migrate`].
fn parse<T: serde::de::DeserializeOwned>(
    key: &str,
    raw: &str,
    version: u32,
    schema: &Schema,
) -> Result<T, RecordError> {
    if version == schema.version {
        return Ok(serde_json::from_str(raw)?);
    }
    let value: serde_json::Value = serde_json::from_str(raw)?;
    let value = run_steps(schema.steps, schema.version, key, value, version)?;
    Ok(serde_json::from_value(value)?)
}

/// One change of shape: turns a record (named by its key) of version `n` into version `n + 1`.
pub type Step = fn(key: &str, value: serde_json::Value) -> Result<serde_json::Value, RecordError>;

/// `STEPS[i]` upgrades version `i + 1` to `i + 2`. Version 1 is the first shape that shipped,
/// so there is nothing here yet: the next change of shape raises [`SCHEMA_VERSION`], appends
/// its step, and adds a test that loads a record of the old shape.
const STEPS: &[Step] = &[];

/// Brings one record from `version` to [`SCHEMA_VERSION`], a step at a time.
pub fn migrate(
    key: &str,
    value: serde_json::Value,
    version: u32,
) -> Result<serde_json::Value, RecordError> {
    run_steps(STEPS, SCHEMA_VERSION, key, value, version)
}

fn run_steps(
    steps: &[Step],
    target: u32,
    key: &str,
    mut value: serde_json::Value,
    version: u32,
) -> Result<serde_json::Value, RecordError> {
    if version == 0 || version > target {
        return Err(RecordError::UnknownVersion(version));
    }
    for from in version..target {
        let step = steps
            .get(from as usize - 1)
            .ok_or(RecordError::UnknownVersion(from))?;
        value = step(key, value)?;
    }
    Ok(value)
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising our own plain structs to a String cannot fail: no maps with non-string keys,
    // no custom serialisers that error.
    serde_json::to_string(value).unwrap_or_default()
}

pub fn me_record(me: &Me) -> (String, String) {
    (ME_KEY.into(), to_json(me))
}
pub fn categories_record(cats: &[Category]) -> (String, String) {
    (CATEGORIES_KEY.into(), to_json(&cats))
}
pub fn settings_record(settings: &Settings) -> (String, String) {
    (SETTINGS_KEY.into(), to_json(settings))
}
pub fn person_record(p: &Person) -> (String, String) {
    (person_key(&p.id), to_json(p))
}
pub fn event_record(e: &Event) -> (String, String) {
    (event_key(&e.id), to_json(e))
}
pub fn schema_record() -> (String, String) {
    (SCHEMA_KEY.into(), SCHEMA_VERSION.to_string())
}

/// Every record of a document, schema first.
pub fn all_records(doc: &Document) -> Vec<(String, String)> {
    let mut out = vec![
        schema_record(),
        me_record(&doc.me),
        categories_record(&doc.categories),
        settings_record(&doc.settings),
    ];
    out.extend(doc.people.values().map(person_record));
    out.extend(doc.events.values().map(event_record));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{CategoryId, Interest};

    #[test]
    fn only_our_unquarantined_entries_count_as_stored_records() {
        let e = |k: &str| (k.to_string(), "{}".to_string());
        assert!(!holds_records(&[]));
        assert!(!holds_records(&[e("other.app"), e("cg.quarantine.cg.me")]));
        assert!(holds_records(&[e("other.app"), e("cg.schema")]));
        assert!(holds_records(&[e("cg.p.x")]));
        // `load` agrees: what does not count loads as a fresh start.
        assert_eq!(load(vec![e("cg.quarantine.cg.me")]), Loaded::Fresh);
    }

    fn sample() -> Document {
        let mut doc = Document::default();
        doc.me.name = "Claire".into();
        doc.me
            .interests
            .push(Interest::new("running", CategoryId::new("sport")));
        let mut p = Person::new(PersonId("p1".into()), "Meg", 10);
        p.notes = "Daughter at St Mary's".into();
        doc.upsert_person(p);
        let mut e = Event::new(EventId("e1".into()), "WI", "2026-11-20", 11);
        e.attendees.push(PersonId("p1".into()));
        doc.events.insert(e.id.clone(), e);
        doc
    }

    #[test]
    fn records_load_back_into_the_same_document() {
        let doc = sample();
        match load(all_records(&doc)) {
            Loaded::Ready {
                doc: back,
                unreadable,
                migrated_from,
            } => {
                assert_eq!(back, doc);
                assert!(unreadable.is_empty());
                assert_eq!(migrated_from, None);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn nothing_stored_is_fresh_and_foreign_keys_are_ignored() {
        assert_eq!(load(vec![]), Loaded::Fresh);
        assert_eq!(load(vec![("other-app".into(), "{".into())]), Loaded::Fresh);
    }

    #[test]
    fn a_corrupt_record_is_reported_and_the_rest_still_loads() {
        let mut records = all_records(&sample());
        records.push(("cg.p.p2".into(), "{\"id\":\"p2\",\"name\":".into()));
        records.push((
            "cg.p.p3".into(),
            "{\"id\":\"other\",\"name\":\"X\",\"created\":1,\"updated\":1}".into(),
        ));
        match load(records) {
            Loaded::Ready {
                doc, unreadable, ..
            } => {
                assert_eq!(doc.people.len(), 1);
                let keys: Vec<_> = unreadable.iter().map(|u| u.key.as_str()).collect();
                assert_eq!(keys, vec!["cg.p.p2", "cg.p.p3"]);
                assert!(unreadable[0].reason.to_string().contains("not valid JSON"));
                assert_eq!(unreadable[0].raw, "{\"id\":\"p2\",\"name\":");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_newer_or_unreadable_schema_is_never_loaded() {
        let mut records = all_records(&sample());
        records[0].1 = "7".into();
        assert_eq!(load(records.clone()), Loaded::Newer { version: 7 });
        records[0].1 = "seven".into();
        assert!(matches!(load(records), Loaded::Newer { .. }));
    }

    #[test]
    fn migration_steps_run_in_order_from_the_stored_version() {
        // Two made-up changes of shape, to prove the runner: v1 named the field "nom", v2
        // "label", v3 "name".
        fn v1_to_v2(_: &str, mut v: serde_json::Value) -> Result<serde_json::Value, RecordError> {
            let nom = v["nom"].take();
            Ok(serde_json::json!({ "label": nom }))
        }
        fn v2_to_v3(key: &str, mut v: serde_json::Value) -> Result<serde_json::Value, RecordError> {
            if key == "cg.bad" {
                return Err(RecordError::Step(
                    "a record this step cannot convert".into(),
                ));
            }
            let label = v["label"].take();
            Ok(serde_json::json!({ "name": label }))
        }
        let steps: &[Step] = &[v1_to_v2, v2_to_v3];
        let old = serde_json::json!({ "nom": "Meg" });
        let new = run_steps(steps, 3, "cg.me", old, 1).unwrap();
        assert_eq!(new, serde_json::json!({ "name": "Meg" }));
        let mid = serde_json::json!({ "label": "Sue" });
        assert_eq!(
            run_steps(steps, 3, "cg.me", mid, 2).unwrap(),
            serde_json::json!({ "name": "Sue" })
        );
        assert!(run_steps(steps, 3, "cg.bad", serde_json::json!({ "nom": 1 }), 1).is_err());
        assert!(run_steps(steps, 3, "cg.me", serde_json::json!({}), 0).is_err());
        assert!(
            run_steps(steps, 4, "cg.me", serde_json::json!({}), 1).is_err(),
            "a missing step"
        );
    }

    #[test]
    fn records_of_an_unknown_older_version_are_set_aside_not_loaded() {
        let mut records = all_records(&sample());
        records[0].1 = "0".into();
        match load(records) {
            Loaded::Ready {
                doc,
                unreadable,
                migrated_from,
            } => {
                assert_eq!(migrated_from, Some(0));
                assert!(doc.people.is_empty());
                assert!(unreadable
                    .iter()
                    .all(|u| u.reason.to_string().contains("schema version 0")));
                assert_eq!(unreadable.len(), 5);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn quarantined_entries_are_not_read_again() {
        let records = vec![(quarantine_key("cg.me"), "{".to_string())];
        assert_eq!(load(records), Loaded::Fresh);
    }
}
