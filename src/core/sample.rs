//! The neutral sample-data shape (`tests/data/`) turned into app documents and share payloads,
//! for tests, native benchmarks and the in-browser benchmark (which runs this same code in
//! wasm).
//!
//! Ids and times are fixed so two conversions of the same file give the same document, and a
//! benchmark run is comparable with the last.

use super::document::Document;
use super::model::{
    add_interest, default_categories, CategoryId, Contact, Event, EventId, Interest, Me, Millis,
    Person, PersonId,
};
use super::share::SharePayload;
use serde::{Deserialize, Serialize};

/// 2026-01-01T00:00:00Z: every converted record was created and last changed then.
pub const SAMPLE_TIME: Millis = 1_767_225_600_000;

/// The 5,000-person sample network as the repository keeps it: `gzip -9 -n`, 0.3 MB instead
/// of 3.8 MB. Read it with [`network_json`].
pub const NETWORK_GZ_PATH: &str = "tests/data/network-5000.json.gz";
/// The sample interest maps, one `map-N-*.json` per person (`N` interests).
pub const MAPS_DIR: &str = "tests/data/maps";

/// The text of a gzip file written by `gzip -n` (no name, no extra fields), which is how
/// `tests/data` stores the sample network. Anything else is refused with a reason rather than
/// guessed at.
pub fn gunzip_text(bytes: &[u8]) -> Result<String, String> {
    // A member header is 10 bytes: magic 1f 8b, method 8 (deflate), flags, mtime, xfl, os.
    match bytes {
        [0x1f, 0x8b, 8, 0, ..] if bytes.len() > 18 => {}
        [0x1f, 0x8b, 8, ..] => {
            return Err("gzip with a file name or extra fields: use gzip -n".into())
        }
        _ => return Err("not a gzip file".into()),
    }
    let body = &bytes[10..bytes.len() - 8];
    let raw = miniz_oxide::inflate::decompress_to_vec(body)
        .map_err(|e| format!("corrupt gzip data: {e:?}"))?;
    let size = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().expect("4 bytes"));
    if raw.len() as u32 != size {
        return Err(format!(
            "gzip length {} but {} bytes inflated",
            size,
            raw.len()
        ));
    }
    String::from_utf8(raw).map_err(|e| format!("not UTF-8: {e}"))
}

/// The sample network's JSON, read from the repository (for tests, benches and examples; the
/// browser has no file system, so there it is an error).
pub fn network_json() -> Result<String, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(NETWORK_GZ_PATH);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    gunzip_text(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// An interest of a map file: its label and its category's display name ("Sport & fitness").
#[derive(Serialize, Deserialize)]
pub struct SampleInterest {
    pub label: String,
    pub category: String,
}

/// A single interest map: the shape of `maps/`, `tuning/`, `heldout/` and `heldout-2/`'s files.
#[derive(Serialize, Deserialize)]
pub struct SampleMap {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub interests: Vec<SampleInterest>,
}

#[derive(Deserialize)]
struct SampleEvent {
    name: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    purpose: String,
}

#[derive(Deserialize)]
struct SamplePerson {
    name: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    interests: Vec<SampleInterest>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    email: String,
    /// Index into the file's events.
    #[serde(default)]
    met_at_event: Option<usize>,
}

#[derive(Deserialize)]
struct SampleNetwork {
    me: SampleMap,
    #[serde(default)]
    events: Vec<SampleEvent>,
    #[serde(default)]
    people: Vec<SamplePerson>,
}

/// The id of a default category from its display name; names the app does not ship go to
/// "other", as an interest of an unknown category does in the app.
pub fn category_id(display_name: &str) -> CategoryId {
    CategoryId::new(match display_name {
        "Work" => "work",
        "Family" => "family",
        "Hobbies" => "hobbies",
        "Sport & fitness" => "sport",
        "Food & drink" => "food",
        "Local & community" => "local",
        "Causes" => "causes",
        "Learning" => "learning",
        "Arts & culture" => "arts",
        "Travel" => "travel",
        _ => "other",
    })
}

/// Interests as the app's "Add interest" would keep them: a repeat of an earlier one (by
/// normalised key) is left out.
fn interests(sample: Vec<SampleInterest>) -> Vec<Interest> {
    let mut list = Vec::with_capacity(sample.len());
    for i in sample {
        add_interest(&mut list, Interest::new(i.label, category_id(&i.category)));
    }
    list
}

fn me_from(map: SampleMap) -> Me {
    Me {
        name: map.name,
        what: map.what,
        interests: interests(map.interests),
        ..Me::default()
    }
}

/// A map file as a share link carries it: interests under the default categories, by display
/// name, kept as they are (repeats too). A category the app does not ship is an error here,
/// not "other": in a measured map it is a typo in the data.
pub fn share_payload(map: &SampleMap) -> Result<SharePayload, String> {
    let categories = default_categories();
    let interests = map
        .interests
        .iter()
        .map(|i| {
            categories
                .iter()
                .find(|c| c.name == i.category)
                .map(|c| Interest::new(i.label.clone(), c.id.clone()))
                .ok_or_else(|| format!("unknown category {:?}", i.category))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SharePayload::new(
        map.name.clone(),
        map.what.clone(),
        interests,
        Contact::default(),
        "",
        &categories,
    ))
}

/// A single map file (`maps/map-N-*.json`) as my own map.
pub fn me_from_json(json: &str) -> Result<Me, String> {
    let map: SampleMap = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(me_from(map))
}

/// The network file (`network-5000.json`) as a document: people `p0…`, events `e0…`, each
/// person in the attendees of the event they were met at.
pub fn network_from_json(json: &str) -> Result<Document, String> {
    let network: SampleNetwork = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut doc = Document {
        me: me_from(network.me),
        ..Document::default()
    };
    let mut events: Vec<Event> = network
        .events
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let mut event = Event::new(EventId(format!("e{i}")), e.name, e.date, SAMPLE_TIME);
            event.place = e.place;
            event.purpose = e.purpose;
            event
        })
        .collect();
    for (i, p) in network.people.into_iter().enumerate() {
        let mut person = Person::new(PersonId(format!("p{i}")), p.name, SAMPLE_TIME);
        person.what = p.what;
        person.interests = interests(p.interests);
        person.notes = p.note;
        person.contact.email = p.email;
        if let Some(index) = p.met_at_event {
            let count = events.len();
            let event = events.get_mut(index).ok_or_else(|| {
                format!("person {i} was met at event {index}, but there are only {count} events")
            })?;
            event.attendees.push(person.id.clone());
        }
        doc.people.insert(person.id.clone(), person);
    }
    doc.events = events.into_iter().map(|e| (e.id.clone(), e)).collect();
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup::to_backup_json;
    use crate::core::records::all_records;

    #[test]
    fn gzip_is_read_exactly_and_bad_input_is_refused() {
        // `printf 'Running, baking' | gzip -9 -n`
        let gz = [
            0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3, 0x0b, 0x2a, 0xcd, 0xcb, 0xcb, 0xcc, 0x4b, 0xd7,
            0x51, 0x48, 0x4a, 0xcc, 0x06, 0xd2, 0, 0xd1, 0x1e, 0x40, 0x75, 0x0f, 0, 0, 0,
        ];
        assert_eq!(gunzip_text(&gz).as_deref(), Ok("Running, baking"));
        assert!(gunzip_text(b"{\"me\":{}}")
            .unwrap_err()
            .contains("not a gzip"));
        let mut named = gz;
        named[3] = 8;
        assert!(gunzip_text(&named).unwrap_err().contains("gzip -n"));
        let mut short = gz;
        short[29] = 16;
        assert!(gunzip_text(&short).unwrap_err().contains("length"));
    }

    #[test]
    fn category_names_map_to_the_default_ids() {
        let defaults = Document::default();
        for c in &defaults.categories {
            assert_eq!(category_id(&c.name), c.id, "{}", c.name);
        }
        assert_eq!(category_id("Pets"), CategoryId::other());
    }

    #[test]
    fn a_small_network_converts_with_fixed_ids_and_links() {
        let json = r#"{"me":{"name":"Claire","what":"marketing","interests":[
              {"label":"Running","category":"Sport & fitness"},{"label":"run","category":"Hobbies"}]},
            "events":[{"name":"WI","date":"2026-06-09","place":"The Crown","purpose":"crafts"}],
            "people":[{"name":"Meg","what":"garden design","interests":[{"label":"Dogs","category":"Pets"}],
              "note":"Ask about Cornwall","email":"meg@example.org","met_at_event":0},
              {"name":"Bo","interests":[]}]}"#;
        let doc = network_from_json(json).unwrap();
        assert_eq!(doc.me.interests.len(), 1, "a repeated interest is left out");
        let meg = &doc.people[&PersonId("p0".into())];
        assert_eq!(meg.interests[0].category, CategoryId::other());
        assert_eq!(meg.contact.email, "meg@example.org");
        assert_eq!((meg.created, meg.updated), (SAMPLE_TIME, SAMPLE_TIME));
        let wi = &doc.events[&EventId("e0".into())];
        assert_eq!(wi.attendees, vec![PersonId("p0".into())]);
        assert_eq!(wi.purpose, "crafts");
        assert_eq!(
            network_from_json(json),
            Ok(doc),
            "conversion is deterministic"
        );
    }

    #[test]
    fn a_link_to_a_missing_event_or_broken_json_is_an_error() {
        let json = r#"{"me":{},"events":[],"people":[{"name":"Meg","met_at_event":3}]}"#;
        assert!(network_from_json(json).unwrap_err().contains("event 3"));
        assert!(network_from_json("{\"me\":").is_err());
        assert!(me_from_json("\"Claire\"").is_err());
    }

    #[test]
    fn the_sample_map_files_convert() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MAPS_DIR);
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let me = me_from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert!(!me.name.is_empty() && !me.interests.is_empty(), "{path:?}");
            seen += 1;
        }
        assert_eq!(seen, 6, "the six sample maps in {dir:?}");
    }

    #[test]
    fn the_five_thousand_person_network_converts_and_its_stored_size_is_known() {
        let json = network_json().expect("the sample network in tests/data");
        let doc = network_from_json(&json).unwrap();
        assert_eq!(doc.people.len(), 5_000);
        assert_eq!(doc.events.len(), 100);
        let linked: usize = doc.events.values().map(|e| e.attendees.len()).sum();
        assert_eq!(linked, 5_000);
        assert!(doc.people.values().all(|p| !p.interests.is_empty()));

        let records = all_records(&doc);
        assert_eq!(records.len(), 4 + 5_000 + 100);
        let bytes: usize = records.iter().map(|(k, v)| k.len() + v.len()).sum();
        // localStorage quotas count UTF-16 code units, not bytes.
        let units: usize = records
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        let backup = to_backup_json(&doc, SAMPLE_TIME).len();
        println!(
            "network-5000 stored: {bytes} bytes ({:.2} MiB), {units} UTF-16 units, {} records; \
             backup file {backup} bytes",
            bytes as f64 / 1_048_576.0,
            records.len()
        );
        assert!(units < 5 * 1_048_576, "5,000 people must fit a 5 MiB quota");

        // The budget's case: every note a full 200 characters (the sample's average is ~110).
        let mut full = doc;
        for p in full.people.values_mut() {
            let pad = 200usize.saturating_sub(p.notes.chars().count());
            p.notes.push_str(&".".repeat(pad));
        }
        let full_bytes: usize = all_records(&full)
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum();
        println!(
            "network-5000 with 200-character notes: {full_bytes} bytes ({:.2} MiB)",
            full_bytes as f64 / 1_048_576.0
        );
        assert!(full_bytes < 5 * 1_048_576);
    }
}
